"""What every notebook in the series gives its reader: the same skeleton, hidden code, working
links, in-order headings, resolvable citations and the safety sections."""

from __future__ import annotations

import ast
import itertools
import json
import re
from pathlib import Path

import pytest

from widgets.content import navigation as nav
from widgets.content.quizzes import questions_for
from widgets.content.references import REFERENCES
from widgets.tools.notebook_text import cited_keys, load

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

SERIES = [
    "00_start_here",
    "01_understanding_spinal_stenosis",
    "02_massage_and_back_pain",
    "03_what_back_massagers_offer",
    "04_precautions",
    "05_should_i_use_one",
    "06_alternatives",
    "07_lifestyle",
    "08_future_directions",
    "09_personal_stories",
    "10_conclusion_and_your_plan",
]
REQUIRED_SECTIONS = [
    "The bottom line",
    "What you will learn",
    "Key points",
    "Check your understanding",
    "When to get help now",
    "Sources",
    "What's next?",
]
HEADING = re.compile(r"^(#{1,6}) (.+?)\s*$", re.MULTILINE)


def path_of(stem: str) -> Path:
    return NOTEBOOKS / f"{stem}.ipynb"


def markdown(nb: dict) -> list[str]:
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


def headings(nb: dict) -> list[tuple[int, str]]:
    found = []
    for text in markdown(nb):
        text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
        found += [(len(m.group(1)), m.group(2)) for m in HEADING.finditer(text)]
    return found


def code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def section_code(nb: dict, title: str) -> str:
    """The code of the cells between the ``## title`` heading and the next ``##`` heading."""
    inside, code = False, []
    for cell in nb["cells"]:
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            match = re.search(r"^## (.+?)\s*$", text, re.MULTILINE)
            if match:
                inside = match.group(1) == title
        elif inside:
            code.append(text)
    return "\n".join(code)


def test_the_series_has_a_start_here_notebook_and_one_per_section_of_the_article():
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == SERIES


notebooks = pytest.mark.parametrize("stem", SERIES)


@notebooks
def test_runs_on_the_python3_kernel(stem):
    assert load(path_of(stem))["metadata"]["kernelspec"]["name"] == "python3"


@notebooks
def test_opens_with_title_audience_time_to_read_and_the_education_notice(stem):
    nb = load(path_of(stem))
    text = "\n".join(markdown(nb))
    assert [h for h in headings(nb) if h[0] == 1], "no title"
    assert "This is education, not medical advice." in text
    assert "**Who this is for:**" in text
    assert re.search(r"\*\*Time to read:\*\* about \d+ minutes", text)


@notebooks
def test_has_every_required_section_in_order(stem):
    titles = [title for level, title in headings(load(path_of(stem))) if level == 2]
    positions = [titles.index(s) for s in REQUIRED_SECTIONS if s in titles]
    assert [s for s in REQUIRED_SECTIONS if s not in titles] == []
    assert positions == sorted(positions)
    assert titles[0] == "The bottom line"


@notebooks
def test_headings_have_one_h1_no_skipped_levels_and_no_repeats(stem):
    found = headings(load(path_of(stem)))
    assert [level for level, _ in found].count(1) == 1
    assert found[0][0] == 1
    for (before, _), (after, title) in itertools.pairwise(found):
        assert after <= before + 1, f"heading level skipped at {title!r}"
    titles = [title for _, title in found]
    assert len(titles) == len(set(titles))


@notebooks
def test_code_is_one_or_two_lines_hidden_in_the_lab_and_dropped_from_exports(stem):
    nb = load(path_of(stem))
    assert code_cells(nb), "a notebook with no code shows no picture or quiz"
    for cell in code_cells(nb):
        lines = [line for line in "".join(cell["source"]).splitlines() if line.strip()]
        assert 1 <= len(lines) <= 2, lines
        assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True
        assert "remove-input" in cell["metadata"].get("tags", [])
        tree = ast.parse("\n".join(lines))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module and node.module.startswith("widgets"), node.module


@notebooks
def test_every_code_cell_follows_a_line_that_says_what_it_shows(stem):
    cells = load(path_of(stem))["cells"]
    for before, cell in itertools.pairwise(cells):
        if cell["cell_type"] == "code":
            assert before["cell_type"] == "markdown" and "".join(before["source"]).strip()


@notebooks
def test_has_at_least_one_picture_drawn_in_code(stem):
    code = "\n".join("".join(c["source"]) for c in code_cells(load(path_of(stem))))
    drawn = r"from widgets\.(render\.figures_\w+|render\.stories|ui\.explorer) import"
    assert re.search(drawn, code)


@notebooks
def test_check_your_understanding_runs_this_notebooks_quiz(stem):
    code = section_code(load(path_of(stem)), "Check your understanding")
    assert len(questions_for(stem)) >= 2
    # The whole quiz in one cell, or (for live slides) each question in a cell of its own.
    numbers = [int(n) for n in re.findall(rf'quiz\("{stem}", number=(\d+)\)', code)]
    every = list(range(1, len(questions_for(stem)) + 1))
    assert f'quiz("{stem}")' in code or numbers == every


@notebooks
def test_when_to_get_help_now_is_rendered_from_the_engine(stem):
    code = section_code(load(path_of(stem)), "When to get help now")
    # The whole panel in one cell, or (for live slides) every tier in order, in steps.
    steps = re.findall(r"help_now_tier\((.*?)\)\s*$", code, re.MULTILINE)
    every_tier = ['"emergency"', '"urgent", (1, 3)', '"urgent", (2, 3)', '"urgent", (3, 3)',
                  '"soon"']  # fmt: skip
    assert "help_now()" in code or steps == every_tier


def listed_sources(nb: dict) -> list[str]:
    code = section_code(nb, "Sources")
    calls = [  # the list may be shown in parts, one live slide each
        node
        for node in ast.walk(ast.parse(code))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "sources"
    ]
    return [arg.value for call in calls for arg in call.args]


@notebooks
def test_sources_list_every_key_the_prose_cites_and_every_key_resolves(stem):
    nb = load(path_of(stem))
    listed = listed_sources(nb)
    assert len(set(listed)) >= 2
    assert [key for key in listed if key not in REFERENCES] == []
    assert cited_keys(path_of(stem)) - set(listed) == set()
    assert cited_keys(path_of(stem)), "the prose cites no source"


@notebooks
def test_images_written_in_markdown_have_alt_text(stem):
    for text in markdown(load(path_of(stem))):
        assert not re.search(r"!\[\s*\]\(", text)
        for tag in re.findall(r"<img\b[^>]*>", text):
            assert re.search(r'alt="[^"]+"', tag), tag


@notebooks
def test_previous_contents_and_next_links_sit_at_top_and_bottom_and_resolve(stem):
    cells = load(path_of(stem))["cells"]
    first, last = ("".join(cells[i]["source"]) for i in (0, -1))
    assert first.startswith(nav.NAV_OPEN) and last.startswith(nav.NAV_OPEN)
    for target in re.findall(r"\]\(([^)#]+)", first + last):
        assert (NOTEBOOKS / target).exists(), target
    index = SERIES.index(stem)
    if index > 0:
        assert f"({SERIES[index - 1]}.ipynb)" in first
    if index < len(SERIES) - 1:
        assert f"({SERIES[index + 1]}.ipynb)" in first


def test_navigation_is_up_to_date_and_the_script_is_safe_to_rerun():
    rendered = nav.render_all(NOTEBOOKS)
    stale = [p.name for p, text in rendered.items() if p.read_text(encoding="utf-8") != text]
    assert stale == [], "run: python -m widgets.tools.nav"
    again = {p: nav.dumps(json.loads(t)) for p, t in rendered.items()}
    assert again == rendered


def test_start_here_lists_every_notebook_in_its_contents():
    text = "\n".join(markdown(load(path_of("00_start_here"))))
    toc = text[text.index(nav.TOC_OPEN) : text.index(nav.TOC_CLOSE)]
    for stem in SERIES[1:]:
        assert f"({stem}.ipynb)" in toc


def test_every_notebook_cites_two_or_more_sources_and_the_series_uses_the_registry():
    for stem in SERIES:
        assert len(cited_keys(path_of(stem))) >= 2, stem


def patient_cells(nb: dict) -> list[dict]:
    """The cells a patient sees: no navigation links, no presenter-only cells."""
    return [
        c
        for c in nb["cells"]
        if not nav.is_nav(c) and "remove-cell" not in c["metadata"].get("tags", [])
    ]


def tagged(nb: dict, tag: str) -> list[dict]:
    return [c for c in nb["cells"] if tag in c["metadata"].get("tags", [])]


@notebooks
def test_the_bottom_line_comes_right_under_the_title_before_the_notice_and_objectives(stem):
    cells = patient_cells(load(path_of(stem)))
    title, bottom_line = ("".join(c["source"]) for c in cells[:2])
    assert re.fullmatch(r"# [^\n]+", title.strip()), "the title cell holds the title only"
    assert "bottom-line" in cells[1]["metadata"].get("tags", [])
    assert bottom_line.startswith("## The bottom line\n")
    things = re.findall(r"^- .+$", bottom_line, re.MULTILINE)
    assert 2 <= len(things) <= 3, "two or three things to know"
    assert len(re.findall(r"^\*\*The one thing to do:\*\* \S", bottom_line, re.MULTILINE)) == 1
    rest = "\n".join("".join(c["source"]) for c in cells[2:])
    assert rest.index("This is education") < rest.index("## What you will learn")


@notebooks
def test_readers_get_two_or_three_say_it_in_your_own_words_prompts_about_actions(stem):
    nb = load(path_of(stem))
    (cell,) = tagged(nb, "teach-back")
    assert cell in patient_cells(nb), "self-study readers and handouts must see it"
    text = "".join(cell["source"])
    assert text.startswith("### Say it in your own words")
    prompts = re.findall(r"^\d+\. (.+)$", text, re.MULTILINE)
    assert 2 <= len(prompts) <= 3
    assert all(p.endswith("?") for p in prompts)
    assert any(re.match(r"(What|How|Where|Which|Who) (will|would|should) you", p) for p in prompts)


WORKSHEETS = {
    "03_what_back_massagers_offer": "settings_log",
    "06_alternatives": "options_sheet",
    "07_lifestyle": "walking_log",
    "10_conclusion_and_your_plan": "my_plan_sheet",
}


@pytest.mark.parametrize("stem", sorted(WORKSHEETS))
def test_the_worksheet_of_this_notebook_is_shown_in_it(stem):
    code = [c for c in tagged(load(path_of(stem)), "worksheet") if c["cell_type"] == "code"]
    assert ["".join(c["source"]) for c in code] == [
        f"from widgets.render.worksheets import {WORKSHEETS[stem]}\n{WORKSHEETS[stem]}()"
    ]


@notebooks
def test_speaker_notes_are_closed_for_a_patient_reading_alone(stem):
    """Run All renders every markdown cell and un-hides hidden ones, so a note's text sits in
    a closed <details>: a reader sees one "Notes for the presenter" line until they open it."""
    notes = [
        c
        for c in load(path_of(stem))["cells"]
        if c["metadata"].get("slideshow", {}).get("slide_type") == "notes"
    ]
    assert notes, "a notebook with no speaker notes cannot be presented"
    for cell in notes:
        assert "remove-cell" in cell["metadata"].get("tags", [])
        text = "".join(cell["source"])
        assert text.startswith(
            '<details class="speaker-notes"><summary>Notes for the presenter</summary>\n\n'
        )
        assert text.rstrip().endswith("</details>") and text.count("<details") == 1
