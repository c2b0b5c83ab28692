"""Pictures in notebooks 00-05: screen-reader ready, valid, stable and true to the engine."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from widgets.guidance import PLACEMENTS
from widgets.render import figures_spine
from widgets.render.figures_spine import ALL_FIGURES, massager_body_map, ok_label

SVG = "{http://www.w3.org/2000/svg}"


def _svg_root(figure) -> ET.Element:
    return ET.fromstring(figure.svg())


def _texts(root: ET.Element) -> list[str]:
    """Every <text> element's words, with its wrapped lines joined by spaces."""
    return [" ".join(part.strip() for part in t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.fixture(params=ALL_FIGURES, ids=lambda f: f.__name__)
def make_figure(request):
    return request.param


def test_every_figure_is_valid_svg_that_xml_can_parse(make_figure):
    root = _svg_root(make_figure())
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"


def test_every_figure_has_a_title_that_says_what_it_shows_and_why(make_figure):
    figure = make_figure()
    title = _svg_root(figure).find(f"{SVG}title")
    assert title is not None
    assert title.text == figure.alt
    # Real alt text: a few sentences, not a label like "figure 1".
    assert len(figure.alt.split()) >= 25
    assert figure.alt.count(".") >= 2


def test_every_figure_has_a_one_line_caption(make_figure):
    caption = make_figure().caption
    assert caption.strip()
    assert "\n" not in caption
    assert len(caption) <= 100


def test_every_figure_draws_the_same_picture_every_time(make_figure):
    assert make_figure().html() == make_figure().html()


def test_figure_ids_are_unique_so_titles_do_not_clash_in_a_notebook():
    ids = [make().figure_id for make in ALL_FIGURES]
    assert len(ids) == len(set(ids))


def test_every_figure_carries_its_words_as_text_not_only_as_colour(make_figure):
    words = " ".join(_texts(_svg_root(make_figure())))
    assert len(words.split()) >= 6


def test_body_map_lists_every_placement_with_an_ok_or_not_ok_label():
    texts = _texts(_svg_root(massager_body_map()))
    for placement in PLACEMENTS:
        assert any(placement.place in t for t in texts), placement.id
    labels = [t for t in texts if t in {ok_label(True), ok_label(False)}]
    assert len(labels) == len(PLACEMENTS)
    assert labels == [ok_label(p.ok) for p in PLACEMENTS]


def test_ok_and_not_ok_labels_differ_in_words_not_only_colour():
    assert "Not OK" in ok_label(False)
    assert "Not" not in ok_label(True) and "OK" in ok_label(True)


def test_body_map_alt_text_names_every_placement():
    alt = massager_body_map().alt
    for placement in PLACEMENTS:
        assert placement.place.lower() in alt


def test_a_new_placement_appears_on_the_body_map_without_touching_the_figure(monkeypatch):
    from widgets.guidance import Placement

    extra = Placement(id="new_spot", place="Somewhere new", ok=False, why="Test.", sources=())
    monkeypatch.setattr(figures_spine, "PLACEMENTS", (*PLACEMENTS, extra))
    texts = _texts(_svg_root(massager_body_map()))
    assert any("Somewhere new (anywhere on the body)" in t for t in texts)
    assert sum(t == ok_label(False) for t in texts) == sum(not p.ok for p in PLACEMENTS) + 1


def test_device_picture_names_every_device_the_engine_knows():
    from widgets.guidance import DEVICES

    words = " ".join(_texts(_svg_root(figures_spine.device_types())))
    for label in DEVICES.values():
        assert label.partition(" (")[0] in words
