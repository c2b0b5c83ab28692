"""One theme: every style and colour the render and UI floors draw comes from the theme
(widgets/render/theme.py).

So the contrast test (test_widgets_cards) sees every colour a reader sees, a change of colour or
size is one edit, and the card still builds without Jinja2 (the explorer page runs it in Pyodide).
"""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from widgets import guidance as G
from widgets.content.quizzes import Question
from widgets.render import figures_care, figures_spine, options, panels, theme
from widgets.render.cards import card_html
from widgets.render.handout import render_handout
from widgets.render.profile_text import box_html, muted, note_html, profile_summary_html
from widgets.render.stories import STORIES
from widgets.render.svgfigure import SvgFigure
from widgets.render.worksheets import WORKSHEETS
from widgets.ui.explorer import compare_severities, severity_explorer
from widgets.ui.myplan import download_link_html, my_plan
from widgets.ui.planner import nearest_green_html, session_planner
from widgets.ui.quiz import feedback_html, quiz
from widgets.ui.redflags import help_panel_html, red_flag_checklist, red_flags
from widgets.ui.values import printable_html, values_exercise

ROOT = Path(__file__).resolve().parent.parent
STYLESHEETS = sorted(
    (ROOT / "widgets" / "tools" / "templates" / "handout" / "static").glob("*.css")
)
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")

QUESTION = Question(
    prompt="Which is right?",
    options=("This one", "That one", "Neither"),
    answer=0,
    explanation="Because it is.",
    sources=("katz2022",),
)


def _theme_declarations() -> set[str]:
    """Every declaration block ``theme.css`` can produce for the values the series uses."""
    variants = [
        {},
        theme.NEUTRAL_VALUES,
        *(theme.level_values(level) for level in G.Level),
    ]
    found: set[str] = set()
    for name in theme.STYLES:
        for values in variants:
            for weight in ("600", "700"):
                try:
                    found.add(theme.css(name, **values, weight=weight))
                except KeyError:
                    continue
    return found


def _everything_drawn() -> dict[str, str]:
    """HTML from every builder of the render floor and every widget's static picture."""
    red = replace(G.starting_profile(), symptoms=frozenset({"saddle_numbness"}))
    amber = replace(G.starting_profile(), conditions=frozenset({"osteoporosis"}))
    strong = replace(G.starting_profile(), intensity=5, minutes=30, sessions_per_day=4)
    drawn = {
        **{f"card {p}": card_html(G.assess(p), title="A title") for p in (red, amber, strong)},
        "card green": card_html(G.assess(G.starting_profile()), title="A title"),
        "answers": box_html(note_html("Note") + profile_summary_html(red) + muted("muted")),
        **{f"panel {i}": panel.html for i, panel in enumerate(_panels())},
        "handout": render_handout(red, name="A", notes="B"),
        **{f"worksheet {stem}": make().html for stem, make in WORKSHEETS.items()},
        "feedback right": feedback_html(QUESTION, 0),
        "feedback wrong": feedback_html(QUESTION, 1),
        "help panel": help_panel_html(list(red_flags())),
        "nearest green": nearest_green_html(strong),
        "nearest same": nearest_green_html(G.starting_profile()),
        "download": download_link_html("<p>x</p>", "x.html"),
        "values sheet": printable_html(),
        "explorer": severity_explorer().static_html(),
        "compare": compare_severities().static_html(),
        "planner": session_planner().static_html(),
        "red flags": red_flag_checklist().static_html(),
        "quiz": quiz("test", (QUESTION,)).static_html(),
        "values": values_exercise().static_html(),
        "my plan": my_plan(where=None, folder="unused").static_html(),
        "options table": options.options_table().html(),
        **{f"story {story.name}": story.html() for story in STORIES},
        **{f"figure {name}": figure.html() for name, figure in _figures().items()},
    }
    return drawn


def _figures() -> dict[str, SvgFigure]:
    """Every figure a module of the render floor draws with no arguments."""
    found = {}
    for module in (figures_spine, figures_care, options):
        for name, make in inspect.getmembers(module, inspect.isfunction):
            if make.__module__ != module.__name__ or name.startswith("_"):
                continue
            signature = inspect.signature(make)
            if signature.return_annotation in ("SvgFigure", SvgFigure) and not signature.parameters:
                found[name] = make()
    assert len(found) >= 10, found.keys()
    return found


def _panels() -> list[panels.Panel]:
    return [
        panels.help_now(),
        panels.sources("katz2022"),
        panels.precautions(),
        panels.ask_first(),
        panels.placements(),
        panels.severity_scale(),
        panels.guidance_for(),
    ]


@pytest.fixture(scope="module")
def drawn() -> dict[str, str]:
    return _everything_drawn()


def test_every_inline_style_the_series_draws_is_a_rule_of_the_theme(drawn):
    allowed = _theme_declarations()
    for what, html in drawn.items():
        styles = re.findall(r'\bstyle="([^"]*)"', html)
        assert styles or what == "handout", f"{what}: drew nothing styled"
        for declarations in styles:
            assert declarations in allowed, f"{what}: style not from the theme: {declarations}"


def test_every_colour_the_series_draws_is_one_the_contrast_test_checks(drawn):
    checked = {
        colour for _, text, background in theme.text_pairs() for colour in (text, background)
    }
    borders = {colours.border for colours in theme.LEVEL_COLOURS.values()}
    figure_lines = set(vars(theme.FIGURE).values())
    known = checked | borders | figure_lines | {theme.NEUTRAL_BORDER}
    for what, html in drawn.items():
        for colour in HEX.findall(html):
            assert colour.lower() in known, f"{what}: {colour} bypasses the theme"


@pytest.mark.parametrize("sheet", STYLESHEETS, ids=lambda p: p.name)
def test_the_handout_stylesheets_carry_the_themes_colours_and_no_others(sheet):
    css = sheet.read_text(encoding="utf-8")
    assert theme.css_variables() in css, f"{sheet.name}: its :root copy differs from the theme"
    theme_colours = set(re.findall(r"--sms-[\w-]+: (#[0-9a-f]{6});", theme.css_variables()))
    outside_root = css.replace(theme.css_variables(), "")
    for colour in HEX.findall(outside_root):
        long = colour if len(colour) == 7 else "#" + "".join(c * 2 for c in colour[1:])
        assert long.lower() in theme_colours, f"{sheet.name}: {colour} is not a theme colour"


def test_a_theme_change_reaches_the_card():
    # The card reads the theme when it draws, so one edit changes every card.
    original = theme.TOKENS["text"]
    try:
        theme.TOKENS["text"] = "#000000"
        assert "color:#000000" in card_html(G.assess(G.starting_profile()))
    finally:
        theme.TOKENS["text"] = original


def test_the_card_the_handout_and_the_answers_need_only_jinja2_and_markupsafe():
    # The explorer page runs these modules in Pyodide, whose core has the standard library
    # alone; the page ships Jinja2 and MarkupSafe (pure Python) beside them, and nothing else.
    script = (
        "import sys\n"
        "class OnlyWhatThePageShips:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        top = name.split('.')[0]\n"
        "        if top in sys.stdlib_module_names or top in ('widgets', 'jinja2', 'markupsafe'):\n"
        "            return None\n"
        "        raise ImportError(f'{name} is not shipped with the explorer page')\n"
        "sys.meta_path.insert(0, OnlyWhatThePageShips())\n"
        "from widgets import guidance as G\n"
        "from widgets.render.cards import card_html\n"
        "from widgets.render.handout import render_handout\n"
        "from widgets.render.profile_text import profile_summary_html\n"
        "p = G.starting_profile()\n"
        "html = card_html(G.assess(p)) + render_handout(p) + profile_summary_html(p)\n"
        "assert 'sms-card' in html and 'sms-answers' in html\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_templates_escape_what_they_print():
    nasty = replace(
        QUESTION,
        prompt="<script>alert(1)</script>",
        options=("<b>a</b>", "b", "c"),
        explanation="<img src=x onerror=alert(1)>",
    )
    for html in (
        feedback_html(nasty, 0),
        feedback_html(nasty, 1),
        quiz("test", (nasty,)).static_html(),
    ):
        assert "<script>" not in html and "<img" not in html and "<b>" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_template_html_is_one_line_with_no_indentation_left_between_tags():
    for html in (help_panel_html(list(red_flags())), WORKSHEETS["07_lifestyle"]().html):
        assert "\n" not in html
        assert not re.search(r">\s{2,}<", html)


def test_the_explorer_page_stylesheet_names_no_colour_of_its_own():
    # The page's own sheet holds layout; its colours come from the theme (build.theme_css).
    from widgets.tools.explorer.build import STATIC, theme_css

    assert not HEX.findall((STATIC / "explorer.css").read_text(encoding="utf-8"))
    theme_colours = set(re.findall(r"#[0-9a-f]{6}", theme.css_variables()))
    for colour in HEX.findall(theme_css()):
        assert colour.lower() in theme_colours, f"explorer page: {colour} is not a theme colour"
