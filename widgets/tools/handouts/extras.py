"""The handouts made from the standard set, without running anything again: the short
versions (``summary/``), large print (``large-print/``) and the warning-sign card.

``early_pages`` and ``late_pages`` return every file as (path inside the output folder, HTML,
print it?), so the build writes them with the others and the same Chromium prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat

from widgets.content.navigation import title_of
from widgets.tools.handouts.card import warning_card_html
from widgets.tools.handouts.large_print import add_body_class, large_print
from widgets.tools.handouts.render import (
    SERIES_TITLE,
    Page,
    _md_text,
    main_content,
    render,
    render_series,
)
from widgets.tools.handouts.summary import summary_notebook

SUMMARY, LARGE, CARD = "summary", "large-print", "warning-signs-card.html"
SHORT_SERIES_TITLE = f"The short version: {SERIES_TITLE}"
SHORT_SERIES_INTRO = (
    "Each part is one or two pages: the bottom line, the key points and what to say back. "
    "Each part starts on a new page when you print it."
)


@dataclass(frozen=True)
class Extra:
    path: str  # relative to the output folder, with "/" between folders
    html: str
    pdf: bool


def titles_of(notebooks: list[Path]) -> dict[str, str]:
    """Each notebook's title from its source: the same title its executed copy has."""
    return {path.stem: title_of(nbformat.read(path, as_version=4), path.stem) for path in notebooks}


def summary_pages(notebooks: list[Path], titles: dict[str, str]) -> list[Page]:
    pages = []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        short = render(summary_notebook(nb, path.stem), page_note="Short version")
        html = add_body_class(short, "handout-short")
        pages.append(Page(path.stem, titles[path.stem], html, main_content(html)))
    return pages


def large_print_index(titles: dict[str, str]) -> str:
    items = "\n".join(
        f"{i}. [{_md_text(title)}]({stem}.html), "
        f'[short version<span class="handout-sr"> of {_md_text(title)}</span>]'
        f"(summary/{stem}.html)"
        for i, (stem, title) in enumerate(titles.items(), 1)
    )
    title = f"Large print: {SERIES_TITLE}"
    body = (
        f"# {_md_text(title)}\n\n"
        "The same handouts, in larger type. Print them from your web browser.\n\n"
        f"{items}\n"
    )
    nb = nbformat.from_dict({
        "nbformat": 4, "nbformat_minor": 5,
        "metadata": {"title": title, "language_info": {"name": "python"}},
        "cells": [{"id": "page", "cell_type": "markdown", "metadata": {}, "source": body}],
    })  # fmt: skip
    return large_print(render(nb, page_note="Large print"))


def early_pages(notebooks: list[Path]) -> list[Extra]:
    """What needs no kernel (short versions, their large print, the card, the large-print
    index): made and printed while the notebooks still run."""
    titles = titles_of(notebooks)
    short = summary_pages(notebooks, titles)
    series = render_series(
        short, title=SHORT_SERIES_TITLE, intro=SHORT_SERIES_INTRO, page_note="The short versions"
    )
    return [
        Extra(CARD, warning_card_html(), pdf=True),
        *(Extra(f"{SUMMARY}/{p.stem}.html", p.html, pdf=True) for p in short),
        Extra(f"{SUMMARY}/series.html", series, pdf=True),
        *(Extra(f"{LARGE}/{SUMMARY}/{p.stem}.html", large_print(p.html), pdf=True) for p in short),
        Extra(f"{LARGE}/index.html", large_print_index(titles), pdf=False),
    ]


def late_pages(pages: list[Page], others: dict[str, str]) -> list[Extra]:
    """Large print of the executed pages, and of ``others`` (further top-level pages, such as
    an about page, that a large-print page may link to). The folder mirrors the standard one,
    so its relative links stay inside it."""
    return [
        *(Extra(f"{LARGE}/{p.stem}.html", large_print(p.html), pdf=False) for p in pages),
        *(Extra(f"{LARGE}/{name}.html", large_print(html), pdf=False)
          for name, html in others.items()),
    ]  # fmt: skip
