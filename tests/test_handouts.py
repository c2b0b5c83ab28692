"""Handouts (`make handouts`): offline, printable, accessible pages and PDFs of the series.

The build runs once per test run, exactly as `make handouts` runs it (the same script, into a
temporary folder), from freshly executed copies of whatever notebooks exist. Every xdist worker
reads that one build (conftest.shared_build), so `make test` deals this file's tests out to the
workers one by one (conftest.work_unit). The determinism test builds two notebooks a second
time from scratch (fresh kernels again, no PDFs, which it does not compare): a notebook's pages
do not depend on which other notebooks are built with it. Set HANDOUTS_NOTEBOOKS to a folder to
try the build on other notebooks while developing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from conftest import env_with_execution_store, listening, serious_axe_violations, shared_build

import widgets
from widgets.content.navigation import is_live_step
from widgets.content.series import TEMPLATES
from widgets.guidance import WARNING_SIGNS
from widgets.tools.handouts.clean import MissingStaticPicture, link_notebooks_as_html, patient_copy
from widgets.tools.handouts.execute import STORE_ENV
from widgets.tools.handouts.render import demote_headings, link_within_series, scope_ids

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = Path(os.environ.get("HANDOUTS_NOTEBOOKS", ROOT / "notebooks"))
SCRIPT = ("-m", "widgets.tools.build_handouts")
STEMS = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
PAGES = [*STEMS, "index", "series"]


@pytest.fixture(scope="session")
def handouts(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Path:
    """`make handouts`, once per test run; its notebooks' runs are shared with the other builds
    of the run (conftest.execution_store). test_building_twice_gives_byte_identical_html
    checks a fresh run gives the same pages."""

    def run_build(out: Path) -> None:
        command = [sys.executable, *SCRIPT, "--notebooks", str(NOTEBOOKS), "--out", str(out)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                              env=env_with_execution_store(tmp_path_factory))  # fmt: skip
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    return shared_build(tmp_path_factory, "handouts", run_build)


def _tab(browser, media: str) -> Iterator[object]:
    page = browser.new_page()
    page.emulate_media(media=media)
    yield page
    page.close()


# One browser tab for each medium, which the checks below load page after page into: opening a
# tab took longer than loading a handout into it. Each load starts the page afresh.
@pytest.fixture(scope="session")
def screen(browser) -> Iterator[object]:
    yield from _tab(browser, "screen")


@pytest.fixture(scope="session")
def paper(browser) -> Iterator[object]:
    """A tab that shows pages as they print (print media)."""
    yield from _tab(browser, "print")


def html_of(handouts: Path, name: str) -> str:
    return (handouts / f"{name}.html").read_text(encoding="utf-8")


class Page(HTMLParser):
    """The parts of a page these tests look at, read with the standard library's parser."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.headings: list[int] = []
        self.styles: list[str] = []
        self._in_style = False
        self.text_parts: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if "style" in attributes:
            self.styles.append(attributes["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
        else:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())


LOADED_ATTRIBUTES = ("src", "srcset", "poster", "data", "background")
LOADED_LINK_RELS = {"stylesheet", "icon", "shortcut", "preload", "prefetch", "modulepreload",
                    "manifest", "apple-touch-icon", "dns-prefetch", "preconnect"}  # fmt: skip


def external_references(text: str) -> list[str]:
    """Everything a browser would fetch that is not inside the file itself."""
    page = Page(text)
    found = []
    for tag, attributes in page.tags:
        for name in LOADED_ATTRIBUTES:
            if name in attributes and not attributes[name].startswith("data:"):
                found.append(f"<{tag} {name}={attributes[name]!r}>")
        rels = set(attributes.get("rel", "").lower().split())
        if tag == "link" and rels & LOADED_LINK_RELS:
            found.append(f"<link rel={attributes['rel']!r} href={attributes.get('href')!r}>")
    for css in page.styles:
        for url in re.findall(r"url\(\s*['\"]?([^'\")\s]*)", css):
            if not url.startswith(("data:", "#")):
                found.append(f"url({url})")
        found += [f"@import {m}" for m in re.findall(r"@import\s+([^;]+)", css)]
    return found


def pdf_pages(path: Path) -> int:
    """Page objects in a PDF: Chromium writes them uncompressed, one '/Type /Page' each."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))


# --- What the build writes ------------------------------------------------------------------


def test_there_are_notebooks_to_build() -> None:
    assert STEMS, f"no notebooks in {NOTEBOOKS}"


def test_the_build_writes_a_page_and_a_pdf_for_every_notebook_plus_index_and_series(
    handouts: Path,
) -> None:
    expected = {f"{name}.{kind}" for name in PAGES for kind in ("html", "pdf")}
    # Issue 11: the warning-sign card, the short versions and large print (tested below).
    expected |= {f"{CARD}.html", f"{CARD}.pdf", "summary", "large-print"}
    # Issue 12: who wrote the series, funding, evidence date, how to report an error.
    expected |= {"about_this_series.html", "about_this_series.pdf"}
    # Plus the build's hidden manifest (widgets/tools/safe_output.py), which says what it made.
    assert {p.name for p in handouts.iterdir() if not p.name.startswith(".")} == expected


def test_the_index_links_every_handout_its_pdf_and_the_whole_series(handouts: Path) -> None:
    hrefs = {a.get("href") for tag, a in Page(html_of(handouts, "index")).tags if tag == "a"}
    for name in [*STEMS, "series"]:
        assert {f"{name}.html", f"{name}.pdf"} <= hrefs


# --- Offline ---------------------------------------------------------------------------------


def test_the_reference_check_catches_scripts_stylesheets_icons_and_css_urls() -> None:
    page = (
        '<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="a.css">'
        '<link rel="icon" href="/favicon.ico"><style>@font-face{src:url(https://f/x.woff)}'
        '</style><img src="data:image/png;base64,AA" alt="dot"><a href="https://example.org">x</a>'
        '<div style="background:url(#grad)"></div>'
    )
    assert len(external_references(page)) == 4


@pytest.mark.parametrize("name", PAGES)
def test_no_handout_loads_anything_from_outside_the_file(handouts: Path, name: str) -> None:
    assert external_references(html_of(handouts, name)) == []


@pytest.mark.parametrize("name", PAGES)
def test_every_relative_link_leads_to_a_built_page_never_a_notebook(
    handouts: Path, name: str
) -> None:
    page = Page(html_of(handouts, name))
    ids = {a["id"] for _, a in page.tags if "id" in a}
    for tag, attributes in page.tags:
        href = attributes.get("href", "")
        if tag != "a" or not href or re.match(r"[a-z]+:", href):
            continue  # citation links to https pages are hyperlinks, not loads
        target, _, anchor = href.partition("#")
        assert not target.endswith(".ipynb"), href
        if target:
            assert (handouts / target).is_file(), f"{name}: {href} is missing"
        elif anchor:
            assert anchor in ids, f"{name}: {href} points nowhere"


# --- Content ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_every_page_has_the_header_and_the_help_now_footer_from_the_engine(
    handouts: Path, name: str
) -> None:
    text = Page(html_of(handouts, name)).text
    assert f"Version {widgets.__version__}" in text
    assert widgets.LAST_REVIEWED in text
    assert "This is education, not medical advice." in text
    assert "When to get help now" in text
    for sign in WARNING_SIGNS:
        assert f"{sign.signs} {sign.what_to_do}" in text


@pytest.mark.parametrize("name", [*STEMS, "series"])
def test_code_prompts_and_speaker_notes_never_reach_a_handout(handouts: Path, name: str) -> None:
    html = html_of(handouts, name)
    html = html[html.index("<body") :]  # the stylesheet names prompt classes; the body must not
    for leftover in ("jp-InputPrompt", "jp-OutputPrompt", "jp-CodeMirrorEditor", "In&nbsp;[",
                     "Speaker notes.", "Ask the group to explain", "from widgets",
                     "widget-view+json", "widget-state+json", "Traceback"):  # fmt: skip
        assert leftover not in html, f"{name} shows {leftover!r}"


def _words(text: str) -> str:
    """Text reduced to its words, so markdown and the HTML made from it compare equal."""
    text = re.sub(r"\]\([^)]*\)|<[^>]+>", " ", text)  # link targets and tags
    return " ".join(re.sub(r"[^\w\s']", " ", text).split())


def test_each_notebook_page_shows_its_markdown_minus_presenter_cells_and_live_step_lines(
    handouts: Path,
) -> None:
    for stem in STEMS:
        nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
        text = _words(Page(html_of(handouts, stem)).text)
        for cell in nb.cells:
            if cell.cell_type != "markdown" or cell.source.lstrip().startswith("<!--"):
                continue
            first_line = next((ln for ln in cell.source.splitlines() if ln.strip()), "")
            first_line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", first_line)  # list markers
            probe = " ".join(_words(first_line).split()[:5])
            if not probe:
                continue
            shown = "remove-cell" not in cell.metadata.get("tags", []) and not is_live_step(cell)
            assert (probe in text) == shown, f"{stem}: {probe!r} shown={probe in text}"


def test_a_widget_output_without_a_static_picture_stops_the_build() -> None:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("w", id="c1", outputs=[
        nbformat.v4.new_output("display_data", data={
            "application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2},
            "text/plain": "IntSlider(value=0)",
        })])])  # fmt: skip
    with pytest.raises(MissingStaticPicture, match="c1"):
        patient_copy(nb, "nb")


def test_a_widget_output_becomes_its_static_picture_without_model_ids() -> None:
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# T\n\nSee [next](01_x.ipynb#part).", id="m1"),
        nbformat.v4.new_code_cell("w", id="c1", execution_count=3, outputs=[
            nbformat.v4.new_output("execute_result", execution_count=3, data={
                "application/vnd.jupyter.widget-view+json": {"model_id": "abc123"},
                "text/html": '<p>Card <a href="02_y.ipynb">more</a></p>',
                "text/plain": "Card()",
            })])])  # fmt: skip
    copy = patient_copy(nb, "nb")
    assert copy.cells[0].source == "# T\n\nSee [next](01_x.html#part)."
    output = copy.cells[1].outputs[0]
    assert output.output_type == "display_data"
    assert set(output.data) == {"text/html", "text/plain"}
    assert output.data["text/html"] == '<p>Card <a href="02_y.html">more</a></p>'
    assert "abc123" not in nbformat.writes(copy)


def test_links_to_notebooks_become_links_to_pages() -> None:
    assert link_notebooks_as_html("[a](03_b.ipynb) <a href='04_c.ipynb#x'>") == (
        "[a](03_b.html) <a href='04_c.html#x'>"
    )


def test_the_series_page_scopes_ids_demotes_headings_and_links_to_its_own_sections() -> None:
    fragment = (
        '<h1 id="T">T</h1><h3 id="Sub">S</h3><svg aria-labelledby="f-title"><title '
        'id="f-title">x</title><rect fill="url(#g)"/></svg><a href="#Sub">s</a>'
        '<a href="02_b.html#Key">k</a><a href="index.html">i</a>'
    )
    out = link_within_series(demote_headings(scope_ids(fragment, "01_a--")), {"01_a", "02_b"})
    assert out == (
        '<h2 id="01_a--T">T</h2><h4 id="01_a--Sub">S</h4><svg aria-labelledby="01_a--f-title">'
        '<title id="01_a--f-title">x</title><rect fill="url(#01_a--g)"/></svg>'
        '<a href="#01_a--Sub">s</a><a href="#02_b--Key">k</a><a href="index.html">i</a>'
    )


# --- Accessibility in the markup -------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_every_page_has_lang_one_h1_first_and_headings_in_order(handouts: Path, name: str) -> None:
    page = Page(html_of(handouts, name))
    html_tag = next(a for tag, a in page.tags if tag == "html")
    assert html_tag.get("lang") == "en"
    assert page.headings.count(1) == 1 and page.headings[0] == 1, page.headings
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1, f"{name}: h{before} is followed by h{after}"


def test_the_series_page_holds_every_notebook_with_its_title_demoted(handouts: Path) -> None:
    page = Page(html_of(handouts, "series"))
    sections = [a["id"] for tag, a in page.tags if "handout-part" in a.get("class", "")]
    assert sections == STEMS
    # No id may clash between notebooks; one that repeats inside a notebook's own page (a
    # figure author's slip, reported by that page) is the only repeat allowed.
    assert repeated_ids(html_of(handouts, "series")) == {
        f"{stem}--{i}" for stem in STEMS for i in repeated_ids(html_of(handouts, stem))
    }


def repeated_ids(html: str) -> set[str]:
    ids = [a["id"] for _, a in Page(html).tags if "id" in a]
    return {i for i in ids if ids.count(i) > 1}


PLACEHOLDER_ALT = re.compile(r"no description|image|^$", re.IGNORECASE)


@pytest.mark.parametrize("name", PAGES)
def test_every_figure_has_real_alt_text(handouts: Path, name: str) -> None:
    html = html_of(handouts, name)
    page = Page(html)
    for tag, attributes in page.tags:
        if tag == "img":
            assert not PLACEHOLDER_ALT.search(attributes.get("alt", "")), attributes
    for svg in re.findall(r"<svg\b[^>]*role=\"img\"[^>]*>.*?</svg>", html, re.DOTALL):
        title = re.search(r"<title[^>]*>([^<]{12,})</title>", svg)
        assert title, f"{name}: a figure has no alt text: {svg[:200]}"


# --- Print -----------------------------------------------------------------------------------


def test_the_print_stylesheet_sizes_pages_and_keeps_figures_and_headings_whole() -> None:
    css = (TEMPLATES / "handout" / "static" / "handout.css").read_text()
    assert re.search(r"@page\s*{[^}]*size:\s*auto;[^}]*margin:", css)
    print_css = css[css.index("@media print") :]
    keep_whole = re.search(r"([^{}]*){\s*break-inside:\s*avoid", print_css).group(1)
    for selector in ("figure", "table", "svg", "card"):
        assert selector in keep_whole
    assert re.search(r"h1, h2, h3[^{]*{\s*break-after:\s*avoid", print_css)
    assert re.search(r"body\.handout\s*{\s*font-size:\s*12pt", print_css) or "12pt" in print_css


@pytest.mark.parametrize("name", [*STEMS, "index"])
def test_every_pdf_is_a_pdf_with_a_sensible_page_count(handouts: Path, name: str) -> None:
    path = handouts / f"{name}.pdf"
    assert path.read_bytes()[:5] == b"%PDF-"
    pages = pdf_pages(path)
    limit = 3 if name == "index" else 40  # a notebook is a 10 to 20 minute read
    assert 1 <= pages <= limit, f"{name}.pdf has {pages} pages"


def test_the_series_pdf_holds_every_part_each_from_a_new_sheet(handouts: Path) -> None:
    path = handouts / "series.pdf"
    assert path.read_bytes()[:5] == b"%PDF-"
    parts = [pdf_pages(handouts / f"{stem}.pdf") for stem in STEMS]
    # Each part starts on a new sheet, after a contents page. Each single part also carries a
    # header and the help-now footer the series prints once, and its boxes break across pages
    # at other places, so in the series a part may come out shorter: by a page, and by up to
    # one page in twenty of a long part.
    assert sum(parts) * 0.95 - len(parts) <= pdf_pages(path) <= sum(parts) + 2


# --- Determinism -----------------------------------------------------------------------------


# Two notebooks whose pages hold the most that could vary between runs (ids, figures, cards,
# the plan and its worksheet), or the first two of another set of notebooks.
DETERMINISM_SAMPLE = [s for s in ("06_alternatives", "10_conclusion_and_your_plan") if s in STEMS]
DETERMINISM_SAMPLE = DETERMINISM_SAMPLE or STEMS[:2]


def test_building_twice_gives_byte_identical_html(
    handouts: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A second build of two notebooks (fresh kernels again) without the PDFs: each of their
    pages, in every version, and the warning-sign card, compared byte for byte. The shared
    build may have read its runs from the run's store: this build runs its notebooks itself,
    so the store is checked to give what a fresh run gives."""
    work = tmp_path_factory.mktemp("handouts-again")
    notebooks = work / "notebooks"
    notebooks.mkdir()
    for stem in DETERMINISM_SAMPLE:
        (notebooks / f"{stem}.ipynb").write_bytes((NOTEBOOKS / f"{stem}.ipynb").read_bytes())
    again = work / "handouts"
    done = subprocess.run(
        [sys.executable, *SCRIPT, "--notebooks", str(notebooks), "--out", str(again), "--no-pdf"],
        capture_output=True, text=True, cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != STORE_ENV},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    versions = ("{}", "summary/{}", "large-print/{}", "large-print/summary/{}")
    names = [version.format(stem) for stem in DETERMINISM_SAMPLE for version in versions]
    for name in [*names, CARD]:
        assert (again / f"{name}.html").read_bytes() == (handouts / f"{name}.html").read_bytes(), (
            f"{name}.html differs between builds"
        )


# --- In a browser with the network cut off ---------------------------------------------------


@pytest.fixture(scope="session")
def offline_tab(browser) -> Iterator[object]:
    """A tab with the network cut, as on a clinic laptop with no Wi-Fi, which the offline checks
    load handout after handout into; each load starts the page afresh.

    A tab of its own for each handout cost the browser two and a half times the work: a new tab
    is a new renderer process, which compiles axe-core (570 kB) and the page anew each time.
    """
    context = browser.new_context()

    def cut_off(route) -> None:  # the network is blocked: anything not in a file fails
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", cut_off)
    try:
        yield context.new_page()
    finally:
        context.close()


def open_offline_and_check(tab, path: Path) -> tuple[list[str], list[str], list[str]]:
    """Open ``path`` in the offline tab and run axe-core on it: (requests it tried outside the
    file, console errors, serious axe findings), from this visit only.

    One visit does both: axe takes longer than any late script would need to try and fail."""
    requests: list[str] = []
    errors: list[str] = []

    def count(request) -> None:
        if not request.url.startswith(("file:", "data:")):
            requests.append(request.url)

    def console(message) -> None:
        if message.type == "error":
            errors.append(message.text)

    def page_error(error) -> None:
        errors.append(str(error))

    with listening(tab, request=count, console=console, pageerror=page_error):
        tab.goto(path.as_uri(), wait_until="load")
        serious = serious_axe_violations(tab)
    return requests, errors, serious


# A page that breaks every rule the offline check enforces.
LEAKY_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Leaky</title>
<link rel="stylesheet" href="https://example.org/style.css"></head><body><main><h1>Leaky</h1>
<img src="https://example.org/picture.png" alt="A picture from the internet">
<script>console.error("a broken script")</script></main></body></html>"""


@pytest.mark.browser
def test_the_offline_check_reports_what_each_page_tries_and_nothing_of_the_page_before(
    offline_tab, tmp_path: Path
) -> None:
    """The tab is shared, so what one page does must never be put down to the next."""
    leaky, sound = tmp_path / "leaky.html", tmp_path / "sound.html"
    leaky.write_text(LEAKY_PAGE, encoding="utf-8")
    sound.write_text(FAULTY_FOR_AXE.replace("<img", "<img alt='A dot'").replace("#ccc", "#333"),
                     encoding="utf-8")  # fmt: skip
    requests, errors, serious = open_offline_and_check(offline_tab, leaky)
    assert set(requests) == {"https://example.org/picture.png", "https://example.org/style.css"}
    assert "a broken script" in errors
    assert serious == []
    assert open_offline_and_check(offline_tab, sound) == ([], [], [])


@pytest.mark.browser
@pytest.mark.parametrize("media", ["screen", "print"])
def test_body_text_is_12pt_or_larger_on_screen_and_paper(
    handouts: Path, browser, media: str
) -> None:
    page = browser.new_page()
    page.emulate_media(media=media)
    smallest = {}
    for name in PAGES:
        page.goto((handouts / f"{name}.html").as_uri())
        smallest[name] = page.evaluate(
            "() => Math.min(...[...document.querySelectorAll('main p, main li, footer li')]"
            ".map(e => parseFloat(getComputedStyle(e).fontSize)))"
        )
    page.close()
    assert all(size >= 16 for size in smallest.values()), smallest  # 12pt = 16 CSS px


@pytest.mark.browser
def test_nothing_is_wider_than_the_paper_so_print_is_never_shrunk(handouts: Path, browser) -> None:
    """Chromium scales a whole printed page down when anything overflows its width."""
    page = browser.new_page(viewport={"width": 680, "height": 900})  # A4 minus the margins
    page.emulate_media(media="print")
    too_wide = {}
    for name in PAGES:
        page.goto((handouts / f"{name}.html").as_uri())
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 680:
            too_wide[name] = width
    page.close()
    assert too_wide == {}


# --- Handouts people can act on: short versions, worksheets, the card, large print ----------
# (issue 11). Each is checked as a reader gets it: in Chromium with print media, or as a PDF.

SHORT = [f"summary/{stem}" for stem in STEMS]
LARGE = [f"large-print/{stem}" for stem in STEMS] + [f"large-print/{s}" for s in SHORT]
CARD = "warning-signs-card"
NEW_PAGES = [*SHORT, "summary/series", CARD, *LARGE, "large-print/index"]
HANDOUTS_WITH_CONTENT = [*STEMS, *SHORT, *LARGE]  # pages with a title and a bottom line
PRINTED = [*PAGES, *NEW_PAGES]
SCREEN_ONLY = ("Change your answers, and the advice card", "Press Save my plan", "move the slider",
               "The planner below lets you try a plan")  # fmt: skip


def test_the_build_writes_short_versions_large_print_and_the_warning_sign_card(
    handouts: Path,
) -> None:
    for name in NEW_PAGES:
        assert (handouts / f"{name}.html").is_file(), name
    for name in [*SHORT, "summary/series", CARD, *[f"large-print/{s}" for s in SHORT]]:
        assert (handouts / f"{name}.pdf").read_bytes()[:5] == b"%PDF-", name


def test_the_index_links_the_short_version_and_large_print_of_every_handout_and_the_card(
    handouts: Path,
) -> None:
    hrefs = {a.get("href") for tag, a in Page(html_of(handouts, "index")).tags if tag == "a"}
    for stem in STEMS:
        assert {f"summary/{stem}.html", f"summary/{stem}.pdf", f"large-print/{stem}.html"} <= hrefs
    assert {"summary/series.html", "summary/series.pdf", f"{CARD}.html", f"{CARD}.pdf",
            "large-print/index.html"} <= hrefs  # fmt: skip


@pytest.mark.parametrize("name", NEW_PAGES)
def test_new_handouts_load_nothing_and_link_only_to_built_pages(handouts: Path, name: str) -> None:
    html = html_of(handouts, name)
    assert external_references(html) == []
    page = Page(html)
    here = (handouts / name).parent
    for tag, attributes in page.tags:
        href = attributes.get("href", "")
        if tag == "a" and href and not re.match(r"[a-z]+:|#", href):
            assert (here / href.partition("#")[0]).is_file(), f"{name}: {href} is missing"


def test_the_short_version_is_the_notebooks_own_words_not_a_rewrite(handouts: Path) -> None:
    for stem in STEMS:
        nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
        short = _words(Page(html_of(handouts, f"summary/{stem}")).text)
        for cell in nb.cells:
            tags = cell.metadata.get("tags", [])
            if "bottom-line" not in tags and "teach-back" not in tags:
                continue
            for line in cell.source.splitlines():
                line = re.sub(r"^\s*(?:[-*+]|\d+[.)]|#+)\s+", "", line)  # list and heading marks
                assert _words(line) in short, f"{stem}: {line[:60]!r}"
        assert "Key points" in short


def test_the_warning_sign_card_holds_every_sign_what_to_do_and_what_to_say(
    handouts: Path,
) -> None:
    from widgets.content.clinic import localise  # the card speaks the clinic's words (clinic.toml)

    text = Page(html_of(handouts, CARD)).text
    assert "Emergency" in text and "Urgent" in text
    for sign in WARNING_SIGNS:
        assert localise(sign.signs) in text and localise(sign.what_to_do) in text
        say = getattr(sign, "what_to_say", "")
        if say:
            assert localise(say.removeprefix("Say: ")) in text


def test_the_warning_sign_card_prints_on_one_page(handouts: Path) -> None:
    assert pdf_pages(handouts / f"{CARD}.pdf") == 1


@pytest.mark.browser
def test_the_warning_sign_card_is_in_large_type_on_paper(handouts: Path, paper) -> None:
    smallest, h1, count = _printed(paper, handouts, CARD, LARGEST_AND_SMALLEST)
    assert count >= len(WARNING_SIGNS)
    assert smallest >= 17.3, f"{smallest}px is under 13pt"  # handouts print at 12pt
    assert h1 >= 22.6  # 17pt


@pytest.mark.parametrize("name", [*SHORT, "summary/series", CARD])
def test_short_versions_and_the_card_read_at_grade_8_or_below(handouts: Path, name: str) -> None:
    import textstat

    html = html_of(handouts, name)
    body = html[html.index("<main>") : html.index("</main>")]
    text = re.sub(r"\[[a-z][a-z0-9_]+\]", "", Page(body).text)  # citation keys are not words
    assert textstat.flesch_kincaid_grade(text) <= 8.0


@pytest.mark.parametrize("name", [*SHORT])
def test_each_short_version_prints_on_one_or_two_pages(handouts: Path, name: str) -> None:
    assert 1 <= pdf_pages(handouts / f"{name}.pdf") <= 2


def test_the_short_series_prints_on_22_pages_or_fewer(handouts: Path) -> None:
    assert len(STEMS) <= pdf_pages(handouts / "summary/series.pdf") <= 22


def _printed(paper, handouts: Path, name: str, script: str) -> object:
    paper.goto((handouts / f"{name}.html").as_uri())
    return paper.evaluate(script)


HIDDEN_ANSWERS = """() => {
  const details = [...document.querySelectorAll('details')];
  const hidden = details.flatMap(d => [...d.children].filter(c => c.tagName !== 'SUMMARY'))
    .filter(c => !c.checkVisibility() || c.getBoundingClientRect().height === 0);
  return [details.length, hidden.map(c => c.textContent.trim().slice(0, 60))];
}"""


@pytest.mark.browser
def test_no_answer_is_hidden_on_paper_every_details_prints_open(handouts: Path, paper) -> None:
    counted = 0
    for name in PRINTED:
        count, hidden = _printed(paper, handouts, name, HIDDEN_ANSWERS)
        assert hidden == [], f"{name} hides on paper: {hidden}"
        counted += count
    assert counted > 20, "the series has quiz answers and 'Try this' answers to print"


@pytest.mark.browser
def test_the_same_answers_stay_closed_on_screen_until_opened(handouts: Path, browser) -> None:
    page = browser.new_page()
    page.goto((handouts / "05_should_i_use_one.html").as_uri())
    shut = page.evaluate(
        "() => [...document.querySelectorAll('details')].filter(d => !d.open)"
        ".every(d => [...d.children].filter(c => c.tagName !== 'SUMMARY')"
        ".every(c => !c.checkVisibility()))"
    )
    page.close()
    assert shut is True


FIRST_AFTER_TITLE = """() => {
  const visible = e => e.checkVisibility() && e.getBoundingClientRect().height > 0;
  const cells = [...document.querySelectorAll('main .jp-Cell')].filter(visible);
  const h1 = document.querySelector('h1');
  const titleCell = h1.closest('.jp-Cell');
  const i = cells.indexOf(titleCell);
  const titleOnly = [...titleCell.querySelectorAll('.jp-RenderedHTMLCommon > *')]
    .filter(visible).length === 1;
  const next = cells[i + 1];
  const box = next ? next.querySelector('.celltag_bottom-line') : null;
  return [titleOnly, Boolean(box),
          box ? box.querySelector('h2').textContent.replace('¶', '').trim() : null];
}"""


@pytest.mark.browser
@pytest.mark.parametrize("name", HANDOUTS_WITH_CONTENT)
def test_the_bottom_line_box_is_the_first_thing_after_the_title(
    handouts: Path, screen, paper, name: str
) -> None:
    for media, page in (("screen", screen), ("print", paper)):
        page.goto((handouts / f"{name}.html").as_uri())
        title_only, boxed, heading = page.evaluate(FIRST_AFTER_TITLE)
        assert title_only, f"{name}: the title cell holds more than the title"
        assert boxed, f"{name} ({media}): the bottom line is not the next thing"
        assert heading == "The bottom line"


STORY_CARD = re.compile(r"Guidance card for (Rosa|Tom|June|Grace)")
CARD_TITLES = """() => [...document.querySelectorAll('section.sms-card')].map(card => {
  const title = card.querySelector('.sms-card-title');
  return title && title.checkVisibility() ? title.textContent.trim() : '';
})"""


@pytest.mark.browser
def test_every_card_drawn_for_example_answers_is_titled_as_an_example_on_paper(
    handouts: Path, paper
) -> None:
    seen = 0
    for name in STEMS:
        for title in _printed(paper, handouts, name, CARD_TITLES):
            seen += 1
            # The only other cards are the made-up people of notebook 9, each named.
            assert title.startswith("Example") or STORY_CARD.fullmatch(title), (name, title)
    assert seen >= 8


@pytest.mark.browser
def test_screen_only_instructions_are_not_printed(handouts: Path, paper) -> None:
    for name in STEMS:
        text = _printed(paper, handouts, name, "() => document.body.innerText")
        for phrase in SCREEN_ONLY:
            assert phrase not in text, f"{name} prints {phrase!r}"


@pytest.mark.browser
def test_worksheets_and_say_it_back_prompts_print_in_their_handouts(handouts: Path, paper) -> None:
    worksheets = {"03_what_back_massagers_offer": "settings-log", "06_alternatives":
                  "options-and-questions", "07_lifestyle": "walking-log",
                  "10_conclusion_and_your_plan": "my-plan"}  # fmt: skip
    script = """() => [
      [...document.querySelectorAll('.sms-worksheet')].filter(w => w.checkVisibility())
        .map(w => w.dataset.worksheet),
      [...document.querySelectorAll('.celltag_teach-back li')].filter(li => li.checkVisibility())
        .length]"""
    for name in [*STEMS, *SHORT]:
        sheets, prompts = _printed(paper, handouts, name, script)
        stem = name.removeprefix("summary/")
        if name in worksheets:
            assert sheets == [worksheets[stem]], name
        assert 2 <= prompts <= 3, f"{name}: {prompts} say-it-back prompts printed"


LARGEST_AND_SMALLEST = """() => {
  const size = e => parseFloat(getComputedStyle(e).fontSize);
  const body = [...document.querySelectorAll('main p, main li, main td, main th, footer li')]
    .filter(e => e.checkVisibility() && e.textContent.trim());
  const h1 = document.querySelector('h1');
  return [Math.min(...body.map(size)), size(h1), body.length];
}"""


@pytest.mark.browser
@pytest.mark.parametrize("name", [*LARGE, "large-print/index"])
def test_large_print_body_text_is_16pt_or_more_on_paper_with_larger_headings(
    handouts: Path, paper, name: str
) -> None:
    smallest, h1, count = _printed(paper, handouts, name, LARGEST_AND_SMALLEST)
    assert count > 0
    assert smallest >= 21.3, f"{name}: {smallest}px is under 16pt"  # 16pt = 21.33 CSS px
    assert h1 > smallest * 1.2


def test_large_print_pages_hold_the_same_words_as_the_standard_ones(handouts: Path) -> None:
    for name in [*STEMS, *SHORT]:
        standard = Page(html_of(handouts, name)).text
        assert Page(html_of(handouts, f"large-print/{name}")).text == standard, name


# A page with two serious faults (a picture with no text for a screen reader, grey on white
# words too faint to read) and one minor one (a table column without a heading).
FAULTY_FOR_AXE = """<!DOCTYPE html><html lang="en"><head><title>Faults</title></head><body><main>
<h1>Faults</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color:#ccc;background:#fff">Words too faint to read</p>
<table><tr><th></th><th>Heading</th></tr><tr><td>a</td><td>b</td></tr></table>
</main></body></html>"""


@pytest.mark.browser
def test_the_axe_check_reports_serious_faults_and_leaves_minor_ones(browser) -> None:
    """The check every handout, site page and app view passes finds what it is there to find."""
    page = browser.new_page()
    try:
        page.set_content(FAULTY_FOR_AXE)
        found = serious_axe_violations(page)
    finally:
        page.close()
    assert sorted(line.split(" ", 1)[0] for line in found) == ["color-contrast", "image-alt"]


@pytest.mark.browser
@pytest.mark.parametrize("name", PRINTED)
def test_every_handout_opens_offline_with_no_request_no_console_error_and_nothing_serious_for_axe(
    handouts: Path, offline_tab, name: str
) -> None:
    requests, errors, serious = open_offline_and_check(offline_tab, handouts / f"{name}.html")
    assert requests == []
    assert errors == []
    assert serious == []


def test_the_handouts_leave_out_the_lines_that_step_a_live_slide_on(handouts: Path) -> None:
    """A "Next question." line opens a step of a panel cut for live slides; paper shows it whole."""
    checked = 0
    for stem in STEMS:
        nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
        lines = {c.source.strip() for c in nb.cells if is_live_step(c)}
        html = html_of(handouts, stem)
        for line in lines:
            assert f"<p>{escape(line)}</p>" not in html, (stem, line)
            checked += 1
    assert checked > 10  # the series has step lines to leave out
