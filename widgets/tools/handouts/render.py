"""Export cleaned notebooks with the offline ``widgets/tools/templates/handout`` template, and
build the combined pages (``index.html`` and ``series.html``) from the same parts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html import escape

from nbconvert import HTMLExporter
from nbformat import NotebookNode, from_dict

import widgets
from widgets.content.clinic import LICENCE_NOTE, contact_html, localise_html
from widgets.content.series import TEMPLATES
from widgets.guidance import URGENCY_WORDS, WARNING_SIGNS, Level
from widgets.render.theme import LEVEL_ICONS

# The README's title: the name of the whole series.
SERIES_TITLE = "Can I use a back massager if I have spinal stenosis?"
DISCLAIMER = (
    "This is education, not medical advice. It does not replace a talk with your own doctor, "
    "physiotherapist or nurse."
)


@dataclass(frozen=True)
class Page:
    """One exported notebook: its page, and the fragment the series page is made of."""

    stem: str
    title: str
    html: str
    fragment: str


@cache
def exporter() -> HTMLExporter:
    return HTMLExporter(
        template_name="handout",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        theme="light",
    )


def _css_string(text: str) -> str:
    """``text`` safe inside a double-quoted CSS string in a <style> element."""
    return re.sub(r'[\\"<>\n]', lambda m: f"\\{ord(m.group()):x} ", text)


def page_parts(title: str, *, page_note: str = "", appendix: str = "") -> dict[str, object]:
    """What the template's header and footer show; the warning signs come from the engine."""
    return {
        "series_title": SERIES_TITLE,
        "css_title": _css_string(title),
        "version": widgets.__version__,
        "reviewed": widgets.LAST_REVIEWED,
        "page_note": page_note,
        "disclaimer": DISCLAIMER,
        "appendix": appendix,
        # The clinic's own name, phone and website (clinic.toml or CLINIC=), already HTML.
        "contact": contact_html(),
        "licence": LICENCE_NOTE,
        "warning_signs": [
            {
                "urgency": sign.urgency.value,
                # Every warning sign is red; the word says emergency or urgent.
                "label": URGENCY_WORDS[sign.urgency],
                "icon": LEVEL_ICONS[Level.RED],
                "signs": sign.signs,
                "what_to_do": sign.what_to_do,
            }
            for sign in WARNING_SIGNS
        ],
    }


# JupyterLab's collapse handles: empty, hidden, and about a twentieth of the series page.
_EMPTY_COLLAPSER = re.compile(r'<div class="jp-Collapser[^"]*">\s*</div>\s*')


def render(nb: NotebookNode, *, page_note: str = "", appendix: str = "") -> str:
    title = nb.metadata.get("title", "")
    resources = {"handout": page_parts(title, page_note=page_note, appendix=appendix)}
    html, _ = exporter().from_notebook_node(nb, resources=resources)
    # Prose, footer and cards in the clinic's words and numbers (a no-op for the neutral "en").
    return localise_html(_EMPTY_COLLAPSER.sub("", html))


def warm_up() -> None:
    """Compile the templates now (Jinja compiles on first use: about a quarter second)."""
    render(_markdown_page("warm-up", "# warm-up"))


_MAIN = re.compile(r"<main>\s*(.*?)\s*</main>", re.DOTALL)


def main_content(html: str) -> str:
    match = _MAIN.search(html)
    if not match:
        raise ValueError("the template gave a page with no <main>")
    return match.group(1)


# --- The combined series page: every notebook as a section of one document. -----------------

_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
_ID_ATTR = re.compile(r'(\s(?:id|for))="([^"]+)"')
_IDREF_ATTR = re.compile(
    r'(\saria-(?:labelledby|describedby|controls|owns|details|flowto))="([^"]+)"'
)
_HASH_HREF = re.compile(r'(\s(?:xlink:)?href)="#([^"]*)"')
_URL_REF = re.compile(r"url\(#([^)]+)\)")
_PAGE_HREF = re.compile(r'(\shref)="([\w.-]+)\.html(?:#([^"]*))?"')


def demote_headings(html: str) -> str:
    """h1 becomes h2, h2 becomes h3 and so on, so the series page has one H1 and no gaps."""
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", html)


def scope_ids(html: str, prefix: str) -> str:
    """Prefix every id and every reference to one, so notebooks cannot clash on one page."""
    html = _ID_ATTR.sub(lambda m: f'{m.group(1)}="{prefix}{m.group(2)}"', html)
    html = _IDREF_ATTR.sub(
        lambda m: m.group(1) + '="' + " ".join(prefix + ref for ref in m.group(2).split()) + '"',
        html,
    )
    html = _HASH_HREF.sub(lambda m: f'{m.group(1)}="#{prefix}{m.group(2)}"', html)
    return _URL_REF.sub(lambda m: f"url(#{prefix}{m.group(1)})", html)


def link_within_series(html: str, stems: set[str]) -> str:
    """Links to another handout page become links to its section of the series page."""

    def relink(m: re.Match[str]) -> str:
        stem, anchor = m.group(2), m.group(3)
        if stem not in stems:
            return m.group(0)
        target = f"{stem}--{anchor}" if anchor else stem
        return f'{m.group(1)}="#{target}"'

    return _PAGE_HREF.sub(relink, html)


def series_section(page: Page, stems: set[str]) -> str:
    body = link_within_series(demote_headings(scope_ids(page.fragment, f"{page.stem}--")), stems)
    return (
        f'<section class="handout-part" id="{page.stem}" aria-label="{escape(page.title)}">\n'
        f"{body}\n</section>"
    )


def _markdown_page(title: str, body: str) -> NotebookNode:
    return from_dict({
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {"title": title, "language_info": {"name": "python"}},
        "cells": [{"id": "page", "cell_type": "markdown", "metadata": {}, "source": body}],
    })  # fmt: skip


def _md_text(text: str) -> str:
    """Plain text that markdown will not read as markup."""
    return re.sub(r"([\\`*_\[\]<>#])", r"\\\1", text)


SERIES_INTRO = (
    "This is the whole series in one document. Each part starts on a new page when you print it."
)


def render_series(
    pages: list[Page],
    *,
    title: str = SERIES_TITLE,
    intro: str = SERIES_INTRO,
    page_note: str = "The whole series",
) -> str:
    stems = {page.stem for page in pages}
    contents = "\n".join(f"{i}. [{_md_text(p.title)}](#{p.stem})" for i, p in enumerate(pages, 1))
    body = f"# {_md_text(title)}\n\n{intro}\n\n{contents}\n"
    appendix = "\n".join(series_section(page, stems) for page in pages)
    nb = _markdown_page(title, body)
    return render(nb, page_note=page_note, appendix=appendix)


def render_about(markdown: str) -> str:
    """The "About this series" page (who wrote it, funding, evidence date, how to report an
    error), from the markdown file beside the notebooks."""
    return render(_markdown_page("About this series", markdown), page_note="About this series")


# Short versions, large print and the warning-sign card (widgets/tools/handouts/extras.py).
EXTRAS_INDEX = (
    "The short versions of all of them in one document: [the short series](summary/series.html) "
    '([PDF<span class="handout-sr"> of the short series</span>](summary/series.pdf)).\n\n'
    "A card of the warning signs, what to do and what to say, to fold and keep: "
    "[warning-sign card](warning-signs-card.html) "
    '([PDF<span class="handout-sr"> of the warning-sign card</span>](warning-signs-card.pdf)).\n\n'
    "Every handout in large print (16 point): [large print](large-print/index.html)."
)


def _short_and_large_links(page: Page) -> str:
    """The one- or two-page version and the large-print copy of one handout."""
    sr = f'<span class="handout-sr"> of {escape(page.title)}</span>'
    return (
        f"[Short version{sr}](summary/{page.stem}.html) "
        f"([PDF{sr.replace(' of ', ' of the short version of ', 1)}](summary/{page.stem}.pdf)), "
        f"[large print{sr}](large-print/{page.stem}.html)."
    )


def render_index(pages: list[Page]) -> str:
    items = "\n".join(
        # "PDF" alone, eleven times, would not tell a screen reader user which one.
        f"{i}. [{_md_text(p.title)}]({p.stem}.html) "
        f'([PDF<span class="handout-sr"> of {escape(p.title)}</span>]({p.stem}.pdf)). '
        f"{_short_and_large_links(p)}"
        for i, p in enumerate(pages, 1)
    )
    title = f"Handouts: {SERIES_TITLE}"
    body = (
        f"# {_md_text(title)}\n\n"
        "Each handout works without the internet. Open it in a web browser, or print the PDF.\n\n"
        f"{items}\n\n"
        "All of them in one document: [the whole series](series.html) "
        '([PDF<span class="handout-sr"> of the whole series</span>](series.pdf)).\n\n'
        f"{EXTRAS_INDEX}\n\n"
        "Who wrote the series, who paid for it and how to report a mistake: "
        "[About this series](about_this_series.html).\n"
    )
    return render(_markdown_page(title, body), page_note="List of handouts")
