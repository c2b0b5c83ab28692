"""`make slides`: offline reveal.js decks with a slide per planned section and speaker notes."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import NOTEBOOKS, listening

from widgets import guidance as G
from widgets.content.speaker_notes import unwrap
from widgets.tools.slides import live, room
from widgets.tools.slides.deck import ANSWERS_HEADING, APPENDIX_HEADINGS, CONTINUED, HELP_HEADING
from widgets.tools.slides.deck import pages as fit_pages
from widgets.tools.slides.deck import slide_type as deck_slide_type
from widgets.tools.slides.fit import ROOM, estimate

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


def is_appendix(slide) -> bool:
    return slide.select_one(".sms-appendix") is not None


def innermost_slides(top) -> list:
    """The slides a room sees under one top-level slide: itself, or each follow-on slide."""
    return top.find_all("section", recursive=False) or [top]


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_each_planned_section_appears_as_its_own_slide_sources_last(decks, path):
    soup = deck(decks, path)
    slide_titles = []
    for slide in top_level_slides(soup):
        heading = slide.find("h2")
        if heading is not None and plain(heading.get_text()) not in (ANSWERS_HEADING, HELP_HEADING):
            slide_titles.append(plain(heading.get_text()))
    planned = [plain(h) for h in section_headings(nbformat.read(path, as_version=4))]
    # Sources leave the teaching flow for the appendix after the closing slide.
    teaching = [h for h in planned if h not in APPENDIX_HEADINGS]
    assert slide_titles == teaching + [h for h in planned if h in APPENDIX_HEADINGS]


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_every_teaching_slide_and_follow_on_slide_has_speaker_notes(decks, path):
    for top in top_level_slides(deck(decks, path)):
        heading = top.find("h2")
        if heading is None or is_appendix(top):
            continue  # the title slide; the appendix is for after the session
        for slide in innermost_slides(top):
            notes = slide.select("aside.notes")
            where = plain(slide.get_text(" "))[:60]
            assert notes, f"no notes on {where!r}"
            assert any("Teach-back:" in n.get_text() for n in notes), where
            assert not slide.select("aside.notes details"), "a presenter must not open each note"


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_follow_on_slides_repeat_their_heading_marked_continued(decks, path):
    for top in top_level_slides(deck(decks, path)):
        slides = innermost_slides(top)
        for before, after in pairwise(slides):
            heading = after.find(["h2", "h3"])
            if heading is not None and plain(heading.get_text()).endswith(CONTINUED.strip()):
                first = plain(heading.get_text()).removesuffix(CONTINUED.strip()).strip()
                assert first in plain(before.get_text(" ")) or first in plain(top.get_text(" "))


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_answers_and_asides_wait_in_the_appendix_after_the_closing_slide(decks, path):
    tops = top_level_slides(deck(decks, path))
    teaching = [t for t in tops if not is_appendix(t)]
    appendix = [t for t in tops if is_appendix(t)]
    assert tops == teaching + appendix, "the appendix comes after the closing slide"
    assert plain(teaching[-1].find("h2").get_text()) == "What's next?"
    for top in teaching:  # a closed <details> cannot be read by a room
        assert not top.select(".jp-OutputArea details, .jp-MarkdownOutput details")
    quiz = [t for t in teaching if t.select_one(".sms-quiz-prompt")]
    if quiz:
        answers = [t for t in appendix if plain(t.find("h2").get_text()) == ANSWERS_HEADING]
        assert answers and "Check your understanding" in answers[0].get_text()


def words(text: str) -> str:
    return " ".join(text.split())


def on_screen(slide) -> str:
    """What the room sees on a slide: its words without the presenter's notes."""
    copy = BeautifulSoup(str(slide), "html.parser")
    for notes in copy.select("aside.notes"):
        notes.decompose()
    return words(copy.get_text(" "))


def sign_slides(top) -> list:
    return [slide for slide in innermost_slides(top) if slide.select_one(".sms-room-signs")]


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_a_help_section_shows_the_warning_signs_on_two_slides_emergency_then_urgent(decks, path):
    soup = deck(decks, path)
    help_sections = [t for t in top_level_slides(soup) if not is_appendix(t) and sign_slides(t)]
    assert help_sections, "no warning-sign slides in the teaching flow"
    for top in help_sections:
        slides = sign_slides(top)
        where = plain(top.find("h2").get_text())
        assert len(slides) <= 2, f"{where}: {len(slides)} warning-sign slides"
        tiers = [box["data-tier"] for s in slides for box in s.select(".sms-room-signs")]
        assert tiers == ["emergency", "urgent"], where
        shown = " ".join(on_screen(s) for s in slides)
        for sign in G.WARNING_SIGNS:  # every sign the engine has, in its own words
            assert words(sign.signs) in shown, (where, sign.id)
            assert words(sign.what_to_do) in shown, (where, sign.id)
        # What to act on only: the phone script and the "soon" tier are for notes and appendix.
        for sign in G.WARNING_SIGNS:
            assert words(sign.what_to_say) not in shown, (where, sign.id)
        for routine in G.ROUTINE_SIGNS:
            assert words(routine.signs) not in shown, (where, routine.id)
        assert words(room.HANDOUT_SIGNS_POINTER) in shown, where


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_warning_signs_are_big_type_emergency_at_least_body_size(decks, path):
    for top in top_level_slides(deck(decks, path)):
        if is_appendix(top):
            continue
        for box in top.select(".sms-room-signs"):
            size = float(re.search(r"font-size:([\d.]+)em", box["style"]).group(1))
            floor = room.SIGNS_SHARED_MIN_EM if box["data-tier"] == "emergency" else 0
            assert size >= max(room.SIGNS_MIN_EM, floor), box["data-tier"]


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_what_to_say_and_the_see_a_doctor_soon_signs_are_in_the_notes_and_the_appendix(decks, path):
    tops = top_level_slides(deck(decks, path))
    for top in tops:
        for slide in [] if is_appendix(top) else sign_slides(top):
            notes = words(" ".join(n.get_text(" ") for n in slide.select("aside.notes")))
            for sign in G.WARNING_SIGNS:
                assert words(sign.what_to_say) in notes, sign.id
            for routine in G.ROUTINE_SIGNS:
                assert words(routine.signs) in notes, routine.id
    appendix = [
        t for t in tops if is_appendix(t) and plain(t.find("h2").get_text()) == HELP_HEADING
    ]
    assert len(appendix) == 1
    shown = words(appendix[0].get_text(" "))
    for sign in (*G.WARNING_SIGNS, *G.ROUTINE_SIGNS):
        assert words(getattr(sign, "what_to_say", "") or sign.signs) in shown, sign.id
    for routine in G.ROUTINE_SIGNS:
        assert words(routine.what_to_do) in shown, routine.id


def test_a_tier_too_long_for_one_slide_is_cut_never_shrunk_below_the_floor():
    urgent = next(t for t in room.tiers() if t.key == "urgent")
    doubled = replace(urgent, signs=urgent.signs * 2)
    boxes = room.warning_sign_slides(room.room_budget(), [doubled])
    assert len(boxes) >= 2
    for box in boxes:
        assert estimate(box) <= room.room_budget()
        size = float(re.search(r"font-size:([\d.]+)em", box).group(1))
        assert size >= room.SIGNS_MIN_EM
    shown = words(BeautifulSoup("".join(boxes), "html.parser").get_text(" "))
    assert shown.count(words(urgent.signs[0].signs)) == 2  # nothing lost on the way


def test_severity_comparison_is_three_columns_of_the_engines_headlines(decks):
    soup = deck(decks, NOTEBOOKS / "05_should_i_use_one.ipynb")
    columns = soup.select(".sms-room-columns .sms-room-column")
    assert [c["data-level"] for c in columns] == [
        G.assess(replace(G.starting_profile(), severity=key)).level.value for key in G.SEVERITIES
    ]
    for column, key in zip(columns, G.SEVERITIES, strict=True):
        headline = G.assess(replace(G.starting_profile(), severity=key)).headline
        assert headline in column.get_text(" ")
    # The full cards are for the handout: no card's reasons on the comparison slide.
    top = columns[0].find_parent("section")
    assert not top.select(".sms-card-reasons")


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


@pytest.fixture(scope="module")
def offline_tab(browser):
    """A tab that refuses everything but files, which the decks load into one after another;
    each load starts afresh. A new tab for each is a new renderer process, which compiles
    reveal.js anew."""
    page = browser.new_page()
    page.route(re.compile(r"^(?!file:).*"), lambda route: route.abort())
    try:
        yield page
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_every_deck_opens_offline_with_zero_network_requests(offline_tab, decks, path):
    network: list[str] = []
    failed: list[str] = []

    def request(r) -> None:
        if not r.url.startswith("file:"):
            network.append(r.url)

    def request_failed(r) -> None:
        failed.append(r.url)

    with listening(offline_tab, request=request, requestfailed=request_failed):
        offline_tab.goto((decks / f"{path.stem}.slides.html").as_uri(), timeout=30_000)
        offline_tab.wait_for_function("window.Reveal && Reveal.isReady()", timeout=30_000)
        total = offline_tab.evaluate("Reveal.getTotalSlides()")
    planned = section_headings(nbformat.read(path, as_version=4))
    assert total >= len(planned) + 1  # the title slide and one per section, at least
    assert network == []
    assert failed == []


# --- Cutting to fit, without a browser ----------------------------------------------------------


def test_a_long_numbered_list_is_cut_into_slides_that_fit_and_keep_counting():
    items = "".join(f"<li>Step {n}: {'walk a little further each day, then rest. ' * 2}</li>"
                    for n in range(1, 31))  # fmt: skip
    pages = fit_pages([f"<h2>Steps</h2><ol>{items}</ol>"])
    assert len(pages) > 1
    for page in pages:
        assert estimate(page) <= ROOM.budget
    soup = [BeautifulSoup(page, "html.parser") for page in pages]
    assert soup[0].ol.get("start") is None
    assert int(soup[1].ol["start"]) == len(soup[0].find_all("li")) + 1
    assert sum(len(s.find_all("li")) for s in soup) == 30  # nothing lost, nothing doubled
    assert all(s.h2 for s in soup) and plain(soup[1].h2.get_text()).endswith("(continued)")


def test_a_long_table_repeats_its_header_row_on_every_slide():
    rows = "".join(f"<tr><td>Place {n}</td><td>{'Not on the neck or the spine. ' * 3}</td></tr>"
                   for n in range(20))  # fmt: skip
    pages = fit_pages([f"<h2>Where</h2><table><thead><tr><th>Place</th><th>Why</th></tr>"
                       f"</thead><tbody>{rows}</tbody></table>"])  # fmt: skip
    assert len(pages) > 1
    for page in pages:
        assert BeautifulSoup(page, "html.parser").thead.get_text(" ").split() == ["Place", "Why"]


def test_a_heading_never_ends_a_slide_without_what_it_heads():
    words = "<p>" + "Exercise is the main treatment for most people. " * 8 + "</p>"
    pages = fit_pages(["<h2>Care</h2>", words * 3, "<h3>Walking</h3>", words])
    for page in pages:
        last = [t for t in BeautifulSoup(page, "html.parser").find_all(True, recursive=False)][-1]
        assert last.name not in ("h2", "h3"), page[-80:]


# --- Live presenting (RISE) ------------------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_live_no_slide_of_several_cells_is_taller_than_the_screen(decks, path):
    """RISE cannot cut a cell: the notebooks' own slide types cut every tall live slide.

    The build estimates each live slide from the executed cells (``<name>.live.json``); a
    slide still too tall is fixed by ``python -m widgets.tools.slides.live --split``.
    """
    report = json.loads((decks / f"{path.stem}.live.json").read_text())
    assert report["cut_before"] == [], "run python -m widgets.tools.slides.live --split"


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_live_no_cell_is_taller_than_a_slide_so_nothing_needs_the_mouse_wheel(decks, path):
    """Space steps through every live slide: long panels, cards, tables and stories are shown
    in steps, tools and worksheets as their short live box; no cell is left to scroll."""
    report = json.loads((decks / f"{path.stem}.live.json").read_text())
    assert report["tall_cells"] == [], "show it in steps (see widgets/tools/slides/live.py)"


def _code_cell(html: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("x()", metadata={"slideshow": {"slide_type": "-"}})
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html})]
    return cell


def test_live_a_tool_or_a_sheet_is_estimated_as_its_short_box_which_only_rise_shows():
    from widgets.render.worksheets import walking_log

    sheet = walking_log()
    shown = sheet._repr_html_()
    whole = live.output_height(sheet.html)
    assert whole > live.LIVE.budget  # the sheet itself is taller than a live slide
    assert live.cell_height(_code_cell(shown), _markdown) < live.LIVE.budget / 3
    live_text = BeautifulSoup(live.as_shown_live(shown), "html.parser").get_text(" ")
    assert f"Worksheet: {sheet.title}" in live_text and "handout" in live_text
    assert "sms-worksheet" not in live.as_shown_live(shown)
    css = live.rise_css(json.loads(live.PRESENTING.read_text()))
    assert ".rise-enabled .sms-live-full { display: none !important; }" in css
    assert ".rise-enabled .sms-live-room { display: block !important; }" in css


def test_the_deck_shows_a_sheet_as_before_and_never_the_live_box_nor_a_cards_why_half():
    from widgets.render.panels import guidance_for
    from widgets.render.worksheets import walking_log
    from widgets.tools.slides.deck import Group, pieces

    group = Group("slide", [_code_cell(walking_log()._repr_html_()),
                            _code_cell(guidance_for(part=(1, 2)).html),
                            _code_cell(guidance_for(part=(2, 2)).html)])  # fmt: skip
    html = "".join(pieces(group, _markdown, [], [False]))
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select(".sms-live-room")
    assert room.WORKSHEET_POINTER in soup.get_text()
    assert len(soup.select(".sms-card")) == 1  # the room card: level, headline, what to do
    assert soup.select(".sms-card-actions") and not soup.select(".sms-card-reasons")


def test_the_deck_puts_a_card_cut_in_two_back_in_one_cell_past_its_step_line():
    from widgets.content.navigation import LIVE_STEP_TAG
    from widgets.render.panels import guidance_for
    from widgets.tools.slides.deck import merge_card_halves

    step = nbformat.v4.new_markdown_cell("Next, why.", metadata={"tags": [LIVE_STEP_TAG]})
    first, second = (_code_cell(guidance_for(part=part).html) for part in ((1, 2), (2, 2)))
    merged = merge_card_halves([first, step, second])
    assert len(merged) == 2 and merged[1] is step
    html = "".join(o["data"]["text/html"] for o in merged[0].outputs)
    assert html == guidance_for(part=(1, 2)).html + guidance_for(part=(2, 2)).html
    assert first.outputs[0]["data"]["text/html"] == guidance_for(part=(1, 2)).html  # a copy
    whole = _code_cell(guidance_for().html)
    assert merge_card_halves([whole, step]) == [whole, step]


def test_live_a_card_is_estimated_in_the_two_columns_rise_css_gives_it():
    from widgets.render.panels import guidance_for

    html = guidance_for().html
    card = BeautifulSoup(html, "html.parser").select_one("section.sms-card")
    flat = estimate(str(card), live.LIVE.width, live.LIVE.font_px) * live.LIVE.margin
    assert live.card_height(str(card)) < flat * 0.75
    assert live.output_height(html) < estimate(html, live.LIVE.width, live.LIVE.font_px)
    css = live.rise_css(json.loads(live.PRESENTING.read_text()))
    assert "section.sms-card { column-count: 2;" in css
    assert f"font-size: {live.LIVE.card_scale:g}em !important" in css


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_live_a_cell_taller_than_the_screen_gets_a_scroll_bar_whatever_the_settings(path):
    # Notebook metadata wins over the user's settings: on even without lab/presenting.json.
    rise = nbformat.read(path, as_version=4).metadata.get("rise", {})
    assert rise.get("scroll") is True
    assert {k: rise.get(k) for k in live.RISE_METADATA} == live.RISE_METADATA


def test_live_slideshow_gets_the_rooms_font_sizes_and_a_scroll_bar_on_every_tall_slide():
    """RISE's slideshow reads no JupyterLab settings; it loads notebooks/rise.css."""
    presenting = json.loads(live.PRESENTING.read_text())
    css = live.RISE_CSS.read_text()
    assert css == live.rise_css(presenting), "run python -m widgets.tools.slides.live"
    for name, size in presenting[live.THEMES]["overrides"].items():
        assert f"--jp-{name}: {size};" in css
    assert "section > section { max-height: 95vh; overflow-y: auto; }" in css


def _live_notebook(*cells):
    nb = nbformat.v4.new_notebook()
    for number, (source, kind) in enumerate(cells):
        cell = nbformat.v4.new_markdown_cell(source, metadata={"slideshow": {"slide_type": kind}})
        cell["id"] = f"c{number}"
        nb.cells.append(cell)
    return nb


def _markdown(source: str) -> str:
    return "".join(f"<p>{line}</p>" for line in source.split("\n\n"))


def test_live_a_slide_too_tall_is_cut_after_the_cell_that_overflows_not_before_a_tall_one():
    para = "Walking a little further each day helps most people with stenosis. " * 4
    tall = "\n\n".join([para] * 12)  # one cell taller than the screen
    nb = _live_notebook(
        ("Heading and a few words.", "slide"),
        (tall, "-"),  # scrolls wherever it starts: it stays under its lead-in
        ("The next point, which must not hide below the fold.", "-"),
        ("\n\n".join([para] * 3), "slide"),
        ("\n\n".join([para] * 3), "-"),
        ("\n\n".join([para] * 3), "-"),
    )
    fit = live.live_fit(nb, _markdown)
    assert fit.tall_cells and [cell_id for cell_id, *_ in fit.tall_cells] == ["c1"]
    assert "c1" not in fit.cut_before and "c2" in fit.cut_before
    assert any(cut in fit.cut_before for cut in ("c4", "c5"))  # three long cells: cut once
    # Once cut, the same notebook needs no more cuts: --split is safe to run again.
    for cell in nb.cells:
        if cell["id"] in fit.cut_before:
            cell.metadata["slideshow"]["slide_type"] = "subslide"
    assert live.live_fit(nb, _markdown).cut_before == []


def test_cells_other_helpers_add_without_slide_metadata_get_a_slide_type_by_rule():
    section = nbformat.v4.new_markdown_cell("## A new section")
    follow_on = nbformat.v4.new_markdown_cell("### A new part")
    prose = nbformat.v4.new_markdown_cell("More words for the same slide.")
    notes = nbformat.v4.new_markdown_cell("**Speaker notes.** Say this.\n\nTeach-back: Ask.")
    assert [deck_slide_type(c) for c in (section, follow_on, prose, notes)] == [
        "slide", "subslide", "-", "notes"
    ]  # fmt: skip


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=ids)
def test_every_link_in_a_deck_finds_its_deck_or_the_handout_beside_the_slides(decks, path):
    """A deck's link to another part opens that part's deck; a link to a page opens its
    handout, which `make handouts` writes beside the slides (build/handouts/)."""
    deck = decks / f"{path.stem}.slides.html"
    links = [a["href"] for a in BeautifulSoup(deck.read_text("utf-8"), "html.parser")("a")]
    local = [h.split("#")[0] for h in links if h and not h.startswith(("#", "http", "mailto:"))]
    handout_names = {f"{p.stem}.html" for p in NOTEBOOK_PATHS} | {"about_this_series.html"}
    for href in local:
        assert not href.endswith((".ipynb", ".md")), href
        if href.startswith("../handouts/"):
            assert href.removeprefix("../handouts/") in handout_names, href
        else:
            assert (decks / href).is_file(), href
