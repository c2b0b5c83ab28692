"""Presenting settings: no news pop-ups, code collapsed, and a larger-font option for a room."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import jsonschema
import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import NOTEBOOKS, ROOT

LAB = ROOT / "lab"
SHARE = Path(ROOT / ".venv" / "share" / "jupyter")
SETTINGS_FILES = ("overrides.json", "presenting.json")
NEWS_OFF = {"checkForUpdates": False, "fetchNews": "false"}


def plugin_schema(key: str) -> dict:
    """The JSON schema JupyterLab itself uses for one plugin's settings."""
    package, plugin = key.split(":")
    for candidate in (
        SHARE / "lab" / "schemas" / package / f"{plugin}.json",
        SHARE / "labextensions" / package / "schemas" / package / f"{plugin}.json",
    ):
        if candidate.exists():
            return json.loads(candidate.read_text())
    raise AssertionError(f"no installed JupyterLab plugin is called {key}")


def settings(name: str) -> dict:
    return json.loads((LAB / name).read_text())


@pytest.mark.parametrize("name", SETTINGS_FILES)
def test_every_setting_is_one_jupyterlab_knows_and_accepts(name):
    for key, values in settings(name).items():
        schema = plugin_schema(key)
        unknown = set(values) - set(schema["properties"])
        assert not unknown, f"{name}: {key} has no settings called {sorted(unknown)}"
        jsonschema.validate(values, schema)


@pytest.mark.parametrize("name", SETTINGS_FILES)
def test_news_and_update_pop_ups_stay_off(name):
    notification = settings(name)["@jupyterlab/apputils-extension:notification"]
    assert notification == NEWS_OFF


def test_presenting_settings_keep_everything_the_everyday_settings_set():
    everyday, presenting = settings("overrides.json"), settings("presenting.json")
    for key, values in everyday.items():
        assert presenting[key] == values


def test_presenting_settings_make_every_font_larger_than_jupyterlabs_default():
    theme_key = "@jupyterlab/apputils-extension:themes"
    defaults = {"content-font-size1": 14, "ui-font-size1": 13, "code-font-size": 13}
    overrides = settings("presenting.json")[theme_key]["overrides"]
    for name, default_px in defaults.items():
        assert overrides[name].endswith("px")
        assert float(overrides[name].removesuffix("px")) > default_px, name


def test_rise_starts_a_show_at_the_first_slide():
    assert settings("presenting.json")["jupyterlab-rise:plugin"]["start_slideshow_at"] == (
        "beginning"
    )


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_each_notebooks_rise_settings_are_ones_rise_knows_and_agree_with_presenting(path):
    """RISE lays a notebook's ``rise`` metadata over the user's settings: same schema."""
    rise = nbformat.read(path, as_version=4).metadata["rise"]
    schema = plugin_schema("jupyterlab-rise:plugin")
    assert set(rise) <= set(schema["properties"])
    jsonschema.validate(rise, schema)
    presenting = settings("presenting.json")["jupyterlab-rise:plugin"]
    assert {k: v for k, v in rise.items() if k in presenting} == {
        k: v for k, v in presenting.items() if k in rise
    }


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_every_code_cell_opens_collapsed(path):
    # JupyterLab 4 has no global "collapse code" setting; it honours this per-cell flag.
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, cell.get("id")


def test_the_clinician_guide_gives_the_warning_signs_in_the_series_own_words():
    from widgets.guidance import WARNING_SIGNS

    guide = " ".join((ROOT / "docs" / "clinician-guide.md").read_text().split())
    for sign in WARNING_SIGNS:
        assert sign.signs in guide, sign.id
        assert sign.what_to_do in guide, sign.id


def test_the_clinician_guide_plans_45_minutes_with_notebooks_that_exist():
    guide = (ROOT / "docs" / "clinician-guide.md").read_text()
    rows = re.findall(r"^\| (\d+)-(\d+) min \| (.+?) \|", guide, re.MULTILINE)
    assert rows and rows[0][0] == "0" and rows[-1][1] == "45"
    for earlier, later in pairwise(rows):
        assert earlier[1] == later[0]  # no gaps, no overlaps
    stems = {p.stem[:2] for p in NOTEBOOKS.glob("*.ipynb")}
    for _, _, what in rows:
        number = what.split()[0]
        assert not number.isdigit() or number in stems, what


# --- Live slides that never need the mouse: long panels in steps, same words, same order ------


def _text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def _sign_rows(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [" ".join(tr.get_text(" ").split()) for tr in soup.select("tbody tr")]


HELP_STEPS = [("emergency", (1, 1)), ("urgent", (1, 3)), ("urgent", (2, 3)), ("urgent", (3, 3)),
              ("soon", (1, 1))]  # fmt: skip


def test_the_help_panel_in_steps_shows_every_sign_of_the_whole_panel_once_in_its_order():
    from widgets.render.panels import help_now, help_now_tier

    steps = [help_now_tier(tier, part).html for tier, part in HELP_STEPS]
    assert [row for h in steps for row in _sign_rows(h)] == _sign_rows(help_now().html)
    whole = BeautifulSoup(help_now().html, "html.parser").select_one(".sms-routine-signs")
    assert _text(str(whole)) in _text(steps[-1])
    # Every step is the warning-sign panel to the decks and the site: red, and named so.
    for html in steps:
        assert BeautifulSoup(html, "html.parser").select_one("div.sms-help-now") is not None


def test_the_emergency_step_holds_only_emergencies_and_a_part_out_of_range_is_refused():
    from widgets.render.panels import help_now_tier

    urgencies = {
        tr["data-urgency"]
        for tr in BeautifulSoup(help_now_tier("emergency").html, "html.parser").select("tbody tr")
    }
    assert urgencies == {"emergency"}
    for tier, part in (("later", (1, 1)), ("urgent", (3, 2)), ("urgent", (0, 2))):
        with pytest.raises(ValueError):
            help_now_tier(tier, part)


def test_the_checklist_in_parts_has_every_box_of_the_whole_list_once_emergencies_first():
    from widgets.ui.redflags import red_flag_checklist, red_flags

    parts = [("emergency", (1, 1)), ("urgent", (1, 3)), ("urgent", (2, 3)), ("urgent", (3, 3))]
    shown = [flag.id for tier, part in parts for flag in red_flag_checklist(tier, part).flags]
    assert shown == [flag.id for flag in red_flags()]


def test_a_ticked_box_in_a_part_still_shows_what_to_do_now():
    from widgets.ui.redflags import red_flag_checklist

    part = red_flag_checklist("urgent", (2, 3))
    next(iter(part.boxes.values())).value = True
    assert "Urgent" in _text(part.panel.value)
    assert "Nothing ticked" not in _text(part.panel.value)


def test_a_quiz_one_question_a_cell_numbers_each_as_in_the_whole_quiz():
    from widgets.content.quizzes import questions_for
    from widgets.ui.quiz import quiz

    stem = "04_precautions"
    whole = _text(quiz(stem).static_html())
    count = len(questions_for(stem))
    for number in range(1, count + 1):
        one = quiz(stem, number=number)
        assert len(one.views) == 1
        assert f"Question {number}." in _text(one.static_html())
        assert (
            _text(one.static_html()).removeprefix(f"Question {number}.").split(" A ")[0].strip()
            in whole
        )
    with pytest.raises(ValueError):
        quiz(stem, number=count + 1)


def test_the_severity_cards_in_their_own_cells_follow_the_answers_above_them():
    from widgets.ui.explorer import compare_severities, severity_card

    whole = compare_severities()
    compare = compare_severities(cards=False)
    # Each card's cell is an import and one call: it follows the last comparison drawn.
    cards = [severity_card(s) for s in ("mild", "moderate", "severe")]
    assert 'sms-compare"' not in compare.static_html()
    assert [_text(c.static_html()) for c in cards] == [
        _text(str(column))
        for column in BeautifulSoup(whole.cards.value, "html.parser").select(".sms-compare > div")
    ]
    before = cards[0].static_html()
    compare.controls.widgets["device"].value = "percussion"
    assert cards[0].static_html() != before  # a new answer redraws every card
    with pytest.raises(ValueError):
        severity_card("extreme")


def test_the_deck_puts_the_severity_cards_back_in_one_comparison_and_drops_step_lines():
    from widgets.content.navigation import LIVE_STEP_TAG
    from widgets.tools.slides.deck import groups, merge_compare_parts

    def code(html: str) -> nbformat.NotebookNode:
        cell = nbformat.v4.new_code_cell("")
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html})]
        return cell

    step = nbformat.v4.new_markdown_cell("Next, the card for moderate.",
                                         metadata={"tags": [LIVE_STEP_TAG]})  # fmt: skip
    cells = [
        nbformat.v4.new_markdown_cell("## Side by side"),
        code('<div class="sms-compare"><div>A</div></div>'),
        step,
        code('<div class="sms-compare"><div>B</div></div>'),
    ]
    merged = merge_compare_parts(cells)
    assert len(merged) == 3
    html = merged[1].outputs[0]["data"]["text/html"]
    assert [d.get_text() for d in BeautifulSoup(html, "html.parser").select(".sms-compare > div")
            ] == ["A", "B"]  # fmt: skip
    assert step not in [c for g in groups(merged) for c in g.cells]


LONG_CARD = {"symptoms": {"leg_pain", "numbness"}, "heat": True}  # notebook 04's longest


def test_a_long_card_in_two_parts_says_the_whole_cards_words_once_in_order_under_its_title():
    from widgets.render.panels import guidance_for

    whole, first, second = (guidance_for(part=part, **LONG_CARD).html
                            for part in ((1, 1), (1, 2), (2, 2)))  # fmt: skip
    title = _text(str(BeautifulSoup(whole, "html.parser").select_one(".sms-card-title")))
    assert _text(first).startswith(title) and _text(second).startswith(title)
    assert f"{_text(first)} {_text(second).removeprefix(title).strip()}" == _text(whole)
    one, two = BeautifulSoup(first, "html.parser"), BeautifulSoup(second, "html.parser")
    assert one.select(".sms-card-actions li") and not one.select(".sms-card-reasons")
    assert two.select(".sms-card-reasons li") and not two.select(".sms-card-actions")
    with pytest.raises(ValueError):
        guidance_for(part=(3, 2), **LONG_CARD)


def test_the_options_table_in_parts_has_every_row_once_in_order_under_the_same_headings():
    from widgets.render.options import options_table

    def rows(html: str) -> list[str]:
        return [_text(str(tr)) for tr in BeautifulSoup(html, "html.parser").select("tbody tr")]

    def headings(html: str) -> list[str]:
        return [_text(str(th)) for th in BeautifulSoup(html, "html.parser").select("thead th")]

    whole = options_table().html()
    parts = [options_table(part=(n, 4)).html() for n in (1, 2, 3, 4)]
    assert [row for part in parts for row in rows(part)] == rows(whole)
    assert all(headings(part) == headings(whole) for part in parts)
    assert ["<caption" in part for part in parts] == [True, False, False, False]
    with pytest.raises(ValueError):
        options_table(part=(5, 4))


@pytest.mark.parametrize(("name", "parts"), [("Rosa", 3), ("Tom", 3), ("June", 3), ("Grace", 2)])
def test_a_story_in_parts_tells_the_whole_story_once_in_order(name, parts):
    from widgets.render.stories import story

    whole = _text(story(name).html())
    title = f"Guidance card for {name}"
    said = [_text(story(name, part=(n, parts)).html()) for n in range(1, parts + 1)]
    # The card's second half repeats its title above the reasons, so a reader knows whose it is.
    joined = said[0]
    for text in said[1:]:
        joined += " " + (text.replace(title, "", 1).strip() if title in joined else text)
    assert " ".join(joined.split()) == whole
    assert said[0].startswith(name)  # the story itself comes first
    assert "Think about it" in said[-1]  # the question last, its answer folded away
    with pytest.raises(ValueError):
        story(name, part=(1, 4))


def test_a_tools_still_picture_carries_a_short_live_box_only_rise_shows():
    """RISE shows a widget only as its text/html picture: the full picture stays (handouts,
    exports) and a short hidden box names the tool, what it does and where to use it."""
    from widgets.ui.explorer import severity_explorer
    from widgets.ui.myplan import my_plan
    from widgets.ui.planner import session_planner
    from widgets.ui.values import values_exercise

    tools = [severity_explorer(), session_planner(), values_exercise(),
             my_plan(where=None, folder="unused")]  # fmt: skip
    for tool in tools:
        bundle = tool._repr_mimebundle_()["text/html"]
        assert f'<div class="sms-live-full">{tool.static_html()}</div>' in bundle  # as it was
        shown = BeautifulSoup(bundle, "html.parser")
        box = shown.select_one(".sms-live-room")
        assert box is not None
        assert box["style"] == "display:none"  # hidden but in RISE (rise.css)
        assert tool.live_room is not None
        text = _text(str(box))
        assert tool.live_room.name in text and "JupyterLab" in text


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_every_step_line_introduces_the_step_after_it_on_a_live_slide_of_its_own(path):
    """A step line starts a live follow-on slide and leads into a code cell (the step)."""
    cells = nbformat.read(path, as_version=4).cells
    for cell, following in pairwise(cells):
        if "live-step" in cell.metadata.get("tags", []):
            assert cell.metadata["slideshow"]["slide_type"] == "subslide", cell.get("id")
            assert following.cell_type == "code", cell.get("id")
            assert following.metadata["slideshow"]["slide_type"] == "-", following.get("id")


# --- Live in RISE, in Chromium: the estimate holds where a room needs it ----------------------

# Notebooks with every kind of step: warning signs and the help panel (00), the checklist, the
# ask-first list, placements and long cards in two (04), the severity cards (05), the options
# table (06), the stories (09); each has quizzes and sources. Tools and sheets show their short
# live box: the planner and a sheet (03), the explorer (05), values and a sheet (06), my plan
# and its sheet (10).
RISE_NOTEBOOKS = ("00_start_here", "03_what_back_massagers_offer", "04_precautions",
                  "05_should_i_use_one", "06_alternatives", "09_personal_stories",
                  "10_conclusion_and_your_plan")  # fmt: skip
WITH_TOOLS_OR_SHEETS = {"03_what_back_massagers_offer", "05_should_i_use_one", "06_alternatives",
                        "10_conclusion_and_your_plan"}  # fmt: skip
STEPPED = (".sms-help-now, .sms-red-flag-list, .sms-compare, .sms-sources, .sms-quiz-static,"
           " .sms-ask-first, .sms-placements, .sms-card, .sms-options, .series-story")  # fmt: skip
RISE_LOAD_MS = 90_000
# Two animation frames after a key press the slide has been drawn; then it is measured, in the
# same call (one round trip per slide, not two).
SLIDE_JS = """async (stepped) => {
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const s = document.querySelector('.reveal .slides section.present > section.present')
    || document.querySelector('.reveal .slides section.present');
  const seen = (selector) => [...s.querySelectorAll(selector)].filter(e => e.checkVisibility());
  return {text: (s.innerText || '').trim().slice(0, 60), tall: s.scrollHeight > s.clientHeight + 1,
          stepped: !!s.querySelector(stepped), rooms: seen('.sms-live-room').length,
          fulls: seen('.sms-live-full').length};
}"""
SLIDE_COUNT_JS = """() => [...document.querySelectorAll('.reveal .slides > section')]
  .reduce((n, h) => n + Math.max(1, h.querySelectorAll(':scope > section').length), 0)"""
# The walk starts on the first slide (and the first of its steps), so it meets every slide.
ON_FIRST_SLIDE_JS = """() => {
  const first = document.querySelector('.reveal .slides > section');
  const step = first.querySelector(':scope > section');
  return first.classList.contains('present') && (!step || step.classList.contains('present'));
}"""


@pytest.fixture(scope="module")
def rise_notebooks(tmp_path_factory):
    """Executed copies of ``RISE_NOTEBOOKS`` (RISE shows stored outputs) and a Jupyter server
    on them with throwaway settings; yields (base URL, {stem: executed notebook})."""
    import os
    import shutil
    import sys

    from conftest import execution_store, free_port, jupyter_server

    from widgets.tools.handouts.execute import execute_node
    from widgets.tools.slides import live

    home = tmp_path_factory.mktemp("rise")
    root = home / "notebooks"
    root.mkdir()
    ran = {}
    for stem in RISE_NOTEBOOKS:
        nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
        # Runs shared with the run's other builds (conftest.execution_store): RISE shows what
        # the decks and handouts were made from.
        ran[stem] = execute_node(nb, NOTEBOOKS, store=execution_store(tmp_path_factory))
        nbformat.write(ran[stem], root / f"{stem}.ipynb")
    shutil.copy(live.RISE_CSS, root / live.RISE_CSS.name)
    port = free_port()
    env = {
        **os.environ,
        **{
            name: str(home / part)
            for name, part in (
                ("JUPYTER_CONFIG_DIR", "config"),
                ("JUPYTER_RUNTIME_DIR", "runtime"),
                ("JUPYTERLAB_SETTINGS_DIR", "settings"),
                ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
            )
        },
    }
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={root}",
    ]
    with jupyter_server(command, env=env, port=port, log=home / "server.log") as base:
        yield base, ran


@pytest.fixture(scope="module")
def rise_tab(browser):
    """One tab each worker loads the slideshows into, one after another; each load starts
    afresh. A new tab for each is a new renderer process, which compiles JupyterLab's and
    RISE's scripts anew."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        yield page
    finally:
        page.close()


def _open_slideshow(tab, url: str) -> None:
    """RISE's slideshow in ``tab`` (rise_tab: 1280x720); a stalled load is loaded once more."""
    for attempt in (1, 2):
        try:
            tab.goto(url)
            tab.wait_for_selector(".reveal .slides section.present", timeout=RISE_LOAD_MS)
            # The stored outputs are in the page (most on hidden slides) once RISE has drawn.
            tab.wait_for_selector(".jp-OutputArea-output", state="attached",
                                  timeout=RISE_LOAD_MS)  # fmt: skip
            return
        except Exception:
            if attempt == 2:
                raise


@pytest.mark.browser
@pytest.mark.parametrize("stem", RISE_NOTEBOOKS)
def test_live_in_rise_no_slide_scrolls_and_tools_and_sheets_show_their_short_box(
    rise_tab, rise_notebooks, stem
):
    """Walked with Space in RISE itself: no slide needs the mouse wheel, neither one with
    warning signs, help, severity cards, a quiz question, sources, the ask-first list, a
    card, the options table or a story, nor one with a tool or a sheet, which shows its short
    live box instead of its full picture. The live estimate agrees: no cell is too tall."""
    from widgets.tools.build_slides import exporter
    from widgets.tools.slides import live

    base, ran = rise_notebooks
    markdown = exporter().markdown2html
    assert live.live_fit(ran[stem], lambda source: markdown({}, source)).tall_cells == []
    _open_slideshow(rise_tab, f"{base}/rise/{stem}.ipynb")
    assert rise_tab.evaluate(ON_FIRST_SLIDE_JS), "the slideshow did not open on its first slide"
    slides = []
    for _ in range(rise_tab.evaluate(SLIDE_COUNT_JS)):
        slides.append(rise_tab.evaluate(SLIDE_JS, STEPPED))
        rise_tab.keyboard.press("Space")
    assert sum(s["stepped"] for s in slides) >= 5, "the walk should have met the stepped panels"
    assert [s["text"] for s in slides if s["tall"]] == []
    assert sum(s["fulls"] for s in slides) == 0  # no tool's or sheet's full picture live
    assert (sum(s["rooms"] for s in slides) > 0) == (stem in WITH_TOOLS_OR_SHEETS)
