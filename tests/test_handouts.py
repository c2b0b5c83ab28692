"""Handouts (`make handouts`): offline, printable, accessible pages and PDFs of the series.

The build runs once per test session, exactly as `make handouts` runs it (the same script,
into a temporary folder), from freshly executed copies of whatever notebooks exist. The
determinism test builds a second time from scratch (fresh kernels again) but skips the PDFs,
which it does not compare. Set HANDOUTS_NOTEBOOKS to a folder to try the build on other
notebooks while developing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

import widgets
from widgets.guidance import WARNING_SIGNS

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = Path(os.environ.get("HANDOUTS_NOTEBOOKS", ROOT / "notebooks"))
SCRIPT = ROOT / "scripts" / "build_handouts.py"
STEMS = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
PAGES = [*STEMS, "index", "series"]

sys.path.append(str(ROOT / "scripts"))
from handouts.clean import MissingStaticPicture, link_notebooks_as_html, patient_copy  # noqa: E402
from handouts.render import demote_headings, link_within_series, scope_ids  # noqa: E402


def run_build(out: Path, *extra: str) -> None:
    command = [sys.executable, str(SCRIPT), "--notebooks", str(NOTEBOOKS), "--out", str(out)]
    done = subprocess.run([*command, *extra], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.fixture(scope="session")
def handouts(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Path:
    out = tmp_path_factory.mktemp("handouts")
    run_build(out)
    return out


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
    # Issue 12: who wrote the series, funding, evidence date, how to report an error.
    expected |= {"about_this_series.html", "about_this_series.pdf"}
    # Plus the build's hidden manifest (scripts/safe_output.py), which says what it made.
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


def test_each_notebook_page_shows_its_markdown_minus_presenter_cells(handouts: Path) -> None:
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
            shown = "remove-cell" not in cell.metadata.get("tags", [])
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
    css = (ROOT / "templates" / "handout" / "static" / "handout.css").read_text()
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
    # Each part starts on a new sheet, after a contents page; the single pages also repeat a
    # header and the help-now footer, so each part may be shorter by about a page there.
    assert sum(parts) - len(parts) <= pdf_pages(path) <= sum(parts) + 2


# --- Determinism -----------------------------------------------------------------------------


def test_building_twice_gives_byte_identical_html(
    handouts: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A second full build (fresh kernels again) without the PDFs, compared byte for byte."""
    again = tmp_path_factory.mktemp("handouts-again")
    run_build(again, "--no-pdf")
    for name in PAGES:
        assert (again / f"{name}.html").read_bytes() == (handouts / f"{name}.html").read_bytes(), (
            f"{name}.html differs between builds"
        )


# --- In a browser with the network cut off ---------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_every_handout_opens_offline_with_no_request_and_no_console_error(
    handouts: Path, browser, name: str
) -> None:
    context = browser.new_context()
    requests: list[str] = []
    errors: list[str] = []

    def cut_off(route) -> None:  # the network is blocked: anything not in a file fails
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    def count(request) -> None:
        if not request.url.startswith(("file:", "data:")):
            requests.append(request.url)

    context.route("**/*", cut_off)
    page = context.new_page()
    page.on("request", count)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((handouts / f"{name}.html").as_uri(), wait_until="load")
    page.wait_for_timeout(200)  # let late scripts, if any, try and fail
    context.close()
    assert requests == []
    assert errors == []


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_axe_core_finds_no_serious_or_critical_violation(
    handouts: Path, browser, name: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    page.goto((handouts / f"{name}.html").as_uri())
    results = Axe().run(page)
    page.close()
    bad = [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:160]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == []


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
