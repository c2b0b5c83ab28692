"""`make slides`: offline reveal.js decks with a slide per planned section and speaker notes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import NOTEBOOKS, ROOT

from widgets.speaker_notes import unwrap

NOTEBOOK_PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "notes", "skip"}
NAV_MARKER = "<!-- nav -->"


def ids(path: Path) -> str:
    return path.stem


def slide_type(cell) -> str | None:
    return cell.metadata.get("slideshow", {}).get("slide_type")


def section_headings(nb) -> list[str]:
    """The notebook's planned sections: every `## ` heading in a markdown cell."""
    return [
        line[3:].strip()
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("## ")
    ]


def plain(text: str) -> str:
    """Heading text as a reader sees it: no markdown marks, no anchor pilcrow."""
    text = re.sub(r"[*_`]", "", text).replace("¶", "")
    return " ".join(text.split())


# --- The notebooks carry what RISE and the exporter need ------------------------------------


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_every_cell_carries_slide_metadata(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        assert slide_type(cell) in SLIDE_TYPES, f"{cell.get('id')}: {slide_type(cell)!r}"


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_every_section_heading_starts_a_slide(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("## "):
            assert slide_type(cell) == "slide", cell.get("id")


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_every_section_has_speaker_notes_with_a_teach_back_prompt(path):
    nb = nbformat.read(path, as_version=4)
    sections: list[tuple[str, list]] = []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("## "):
            sections.append((cell.source.lstrip().splitlines()[0], []))
        elif sections:
            sections[-1][1].append(cell)
    assert sections, "the notebook has no ## sections"
    for heading, cells in sections:
        notes = [c for c in cells if slide_type(c) == "notes"]
        assert notes, f"{heading}: no speaker notes cell"
        for note in notes:
            text = unwrap(note.source)  # closed <details> in JupyterLab, open in a deck
            assert text.startswith("**Speaker notes.**"), heading
            assert re.search(r"^Teach-back:", text, re.MULTILINE), heading
            # Presenter-only: handouts drop it and the app view never shows it.
            assert "remove-cell" in note.metadata.get("tags", []), heading


# --- The decks ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every deck, built the way `make slides` builds them, into a scratch folder."""
    out = tmp_path_factory.mktemp("slides")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_slides.py"), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=1200,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-4000:]
    return out


def deck(decks: Path, path: Path) -> BeautifulSoup:
    return BeautifulSoup((decks / f"{path.stem}.slides.html").read_text(), "html.parser")


def top_level_slides(soup: BeautifulSoup) -> list:
    return soup.select("div.reveal > div.slides > section")


def test_the_build_writes_one_deck_per_notebook_and_an_index(decks):
    assert sorted(p.name for p in decks.glob("*.slides.html")) == sorted(
        f"{p.stem}.slides.html" for p in NOTEBOOK_PATHS
    )
    index = (decks / "index.html").read_text()
    for path in NOTEBOOK_PATHS:
        assert f'href="{path.stem}.slides.html"' in index


def test_reveal_js_ships_with_the_decks_under_its_licence(decks):
    for name in ("dist/reveal.js", "dist/reveal.css", "dist/theme/white.css",
                 "plugin/notes/notes.js", "LICENSE"):  # fmt: skip
        assert (decks / "reveal.js" / name).is_file(), name
    # The MIT licence text, which must travel with every copy.
    licence = (decks / "reveal.js" / "LICENSE").read_text()
    assert "Permission is hereby granted, free of charge" in licence


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_each_planned_section_appears_as_its_own_slide(decks, path):
    soup = deck(decks, path)
    slide_titles = []
    for slide in top_level_slides(soup):
        heading = slide.find("h2")
        if heading is not None:
            slide_titles.append(plain(heading.get_text()))
    planned = [plain(h) for h in section_headings(nbformat.read(path, as_version=4))]
    assert slide_titles == planned


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_every_section_slide_has_speaker_notes(decks, path):
    for slide in top_level_slides(deck(decks, path)):
        heading = slide.find("h2")
        if heading is None:
            continue  # the title slide
        notes = slide.select("aside.notes")
        assert notes, f"no notes on {heading.get_text()!r}"
        assert any("Teach-back:" in n.get_text() for n in notes), heading.get_text()
        assert not slide.select("aside.notes details"), "a presenter must not open each note"


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_slides_show_no_code_and_load_no_scripts_from_elsewhere(decks, path):
    soup = deck(decks, path)
    assert not soup.select(".jp-CodeCell .jp-InputArea")
    assert "from widgets" not in soup.get_text()
    for tag in soup.find_all(["script", "link", "img"]):
        for attr in ("src", "href"):
            value = tag.get(attr)
            if value:
                assert not re.match(r"^(https?:)?//", value), value
    # Widgets show their static picture, never the widget manager's placeholder.
    assert not soup.select('script[type="application/vnd.jupyter.widget-view+json"]')


def test_the_severity_explorer_slide_shows_its_static_guidance_card(decks):
    path = NOTEBOOKS / "05_should_i_use_one.ipynb"
    assert path.exists(), "notebook 05 is not written yet"
    soup = deck(decks, path)
    cards = soup.select(".sms-card")
    assert cards and cards[0].get("data-level") in {"green", "amber", "red"}


@pytest.mark.browser
@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_every_deck_opens_offline_with_zero_network_requests(browser, decks, path):
    page = browser.new_page()
    network: list[str] = []
    failed: list[str] = []

    def refuse(route):
        network.append(route.request.url)
        route.abort()

    page.route(re.compile(r"^(?!file:).*"), refuse)
    page.on("request", lambda r: None if r.url.startswith("file:") else network.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    try:
        page.goto((decks / f"{path.stem}.slides.html").as_uri(), timeout=30_000)
        page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=30_000)
        total = page.evaluate("Reveal.getTotalSlides()")
        planned = section_headings(nbformat.read(path, as_version=4))
        assert total >= len(planned) + 1  # the title slide and one per section, at least
        assert network == []
        assert failed == []
    finally:
        page.close()
