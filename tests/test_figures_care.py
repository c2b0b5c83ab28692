"""Figures for notebooks 06-10: valid SVG, real alt text and a caption, words beside colour,
and the same picture every time."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from widgets.content.references import REFERENCES
from widgets.guidance import assess
from widgets.render import figures_care as F
from widgets.render.stories import STORIES
from widgets.render.theme import LEVEL_ICONS

SVG = "{http://www.w3.org/2000/svg}"
FIGURES = [
    F.evidence_chart,
    F.positions_of_comfort,
    F.walking_programme,
    F.teach_back,
    F.how_products_reach_you,
    F.story_levels,
    F.relief_and_safety,
]
each_figure = pytest.mark.parametrize("make", FIGURES, ids=lambda f: f.__name__)


def words_in(svg: str) -> str:
    root = ET.fromstring(svg)
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


@each_figure
def test_each_figure_is_valid_svg_with_a_title_as_its_alt_text(make):
    figure = make()
    root = ET.fromstring(figure.svg())
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == figure.alt
    assert root.get("aria-labelledby") == title.get("id")


@each_figure
def test_each_figure_has_real_alt_text_and_a_one_line_caption(make):
    figure = make()
    # Real alt text says what the picture shows: whole sentences, not a file name.
    assert len(figure.alt.split()) >= 12
    assert figure.alt.rstrip().endswith(".")
    assert figure.caption and "\n" not in figure.caption
    assert len(figure.caption) <= 100
    assert "<figcaption" in figure.html() and figure.caption in figure.html()


@each_figure
def test_each_figure_is_the_same_every_time_it_is_drawn(make):
    assert make().html() == make().html()


@each_figure
def test_each_figure_fits_its_viewbox(make):
    figure = make()
    root = ET.fromstring(figure.svg())
    for rect in root.iter(f"{SVG}rect"):
        x, y = float(rect.get("x", 0)), float(rect.get("y", 0))
        assert x >= 0 and x + float(rect.get("width")) <= figure.width + 1
        assert y >= 0 and y + float(rect.get("height")) <= figure.height + 1


def test_figure_ids_are_unique_so_two_figures_can_share_a_page():
    ids = [make().figure_id for make in FIGURES]
    assert len(ids) == len(set(ids))


def test_every_row_of_the_evidence_chart_says_its_finding_in_words():
    words = words_in(F.evidence_chart().svg())
    for finding in F.FINDINGS:
        assert finding.option in words
        assert finding.verdict in words
        assert finding.finding in words
        assert finding.based_on in words, "how sure we are is part of the answer"


def test_the_evidence_chart_cites_registry_keys_and_marks_massage_as_not_tested():
    for finding in F.FINDINGS:
        assert finding.sources
        assert all(key in REFERENCES for key in finding.sources)
    massage = next(f for f in F.FINDINGS if "massag" in f.option.lower())
    assert massage.strength < 0 and "Not tested" in massage.verdict
    traction = next(f for f in F.FINDINGS if "Traction" in f.option)
    assert traction.strength == 0


def test_positions_of_comfort_say_which_positions_ease_and_which_provoke_in_words():
    words = words_in(F.positions_of_comfort().svg())
    assert words.count("often eases") == 3
    assert "bring symptoms on" in words
    assert "✔" in words and "⚠" in words


def test_story_levels_show_each_story_with_its_engine_level_in_words_and_icon():
    words = words_in(F.story_levels().svg())
    for s in STORIES:
        g = assess(s.profile)
        assert s.name in words
        assert g.level.value.capitalize() in words
        assert LEVEL_ICONS[g.level] in words
