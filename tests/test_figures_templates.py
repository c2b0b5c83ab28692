"""Figures are drawn from Jinja2 templates (widgets/render/templates/figures/), autoescaped.

Words in a figure come from content a clinician edits (placements, findings, stories, device
names) and from the figures' own labels; whatever they hold, they are drawn as words, never as
markup, and the picture stays well-formed SVG on one line.
"""

from __future__ import annotations

import inspect
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from html import escape

from widgets.content.findings import FINDINGS
from widgets.content.stories import STORIES
from widgets.guidance import DEVICES, PLACEMENTS
from widgets.render import figures_care, figures_spine
from widgets.render.svgfigure import SvgFigure, render_svg
from widgets.render.templating import TEMPLATES, exact_environment

SVG = "{http://www.w3.org/2000/svg}"
NASTY = "<script>alert('x')</script> & \"<b>bold</b>\""
FIGURE_TEMPLATES = sorted((TEMPLATES / "figures").glob("*.j2"))


def text(x: float, y: float, content: str) -> str:
    """A label as every figure draws one (``parts.svg.j2``)."""
    return render_svg("figures/parts.svg.j2", "text", x, y, content)


def _words(svg: str) -> list[str]:
    """Every <text> of the picture, its wrapped lines joined by spaces, as a reader gets it."""
    root = ET.fromstring(svg)
    return [" ".join(part.strip() for part in t.itertext()) for t in root.iter(f"{SVG}text")]


def _assert_drawn_as_words(svg: str) -> None:
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg
    ET.fromstring(svg)  # still well-formed: nothing in the words closed a tag


def test_there_are_figure_templates_and_every_one_is_autoescaped():
    env = exact_environment()  # the one the figures are drawn through (svgfigure)
    assert {p.name for p in FIGURE_TEMPLATES} >= {"figure.svg.j2", "parts.svg.j2"}
    for path in FIGURE_TEMPLATES:
        name = f"figures/{path.name}"
        # ``autoescape`` may be a bool or a function of the template's name
        # (select_autoescape); an .svg.j2 file must be escaped either way.
        on = env.autoescape(name) if callable(env.autoescape) else env.autoescape
        assert on, f"{name} is not autoescaped"
        env.get_template(name)  # and it compiles


def test_a_less_than_sign_in_a_label_comes_out_escaped():
    drawn = text(10, 20, "pain < 3 & <b>not bold</b>")
    assert "pain &lt; 3 &amp; &lt;b&gt;not bold&lt;/b&gt;" in drawn
    assert _words(f'<svg xmlns="http://www.w3.org/2000/svg">{drawn}</svg>') == [
        "pain < 3 & <b>not bold</b>"
    ]


def test_alt_text_and_caption_are_escaped_and_the_title_reads_back_whole():
    figure = SvgFigure(
        figure_id="test", body="", width=10, height=10, alt=NASTY, caption="Cap " + NASTY
    )
    html = figure.html()
    _assert_drawn_as_words(html)
    root = ET.fromstring(figure.svg())
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == NASTY


def test_quotes_in_words_are_escaped_as_html_escape_escapes_them():
    # The spelling the f-string figures had, so saved exports and outputs do not change.
    drawn = text(0, 0, 'the neck\'s "blood" vessels')
    assert escape('the neck\'s "blood" vessels') in drawn
    assert "&#39;" not in drawn and "&#34;" not in drawn


def test_a_placement_with_markup_in_its_words_is_drawn_as_words(monkeypatch):
    odd = replace(PLACEMENTS[0], place=NASTY)
    monkeypatch.setattr(figures_spine, "PLACEMENTS", (odd, *PLACEMENTS[1:]))
    figure = figures_spine.massager_body_map()
    _assert_drawn_as_words(figure.html())
    assert any("<script>" in words for words in _words(figure.svg()))


def test_a_device_name_with_markup_is_drawn_as_words(monkeypatch):
    monkeypatch.setattr(figures_spine, "DEVICES", {**DEVICES, "shiatsu": f"{NASTY} (kneads)"})
    _assert_drawn_as_words(figures_spine.device_types().html())


def test_findings_and_stories_with_markup_are_drawn_as_words(monkeypatch):
    monkeypatch.setattr(
        figures_care, "FINDINGS", (replace(FINDINGS[0], option=NASTY), *FINDINGS[1:])
    )
    monkeypatch.setattr(figures_care, "STORIES", (replace(STORIES[0], name=NASTY), *STORIES[1:]))
    for figure in (figures_care.evidence_chart(), figures_care.story_levels()):
        _assert_drawn_as_words(figure.html())
        assert NASTY in _words(figure.svg())


def _figures() -> list[SvgFigure]:
    found = []
    for module in (figures_spine, figures_care):
        for name, make in inspect.getmembers(module, inspect.isfunction):
            mine = make.__module__ == module.__name__ and not name.startswith("_")
            if mine and inspect.signature(make).return_annotation in ("SvgFigure", SvgFigure):
                found.append(make())
    return found


def test_every_figure_is_one_line_with_nothing_between_its_tags():
    figures = _figures()
    assert len(figures) >= 13
    for figure in figures:
        html = figure.html()
        assert "\n" not in html, figure.figure_id
        assert not re.search(r">\s+<", html), figure.figure_id
        ET.fromstring(html)


def test_a_line_break_inside_a_label_is_kept_as_the_label_had_it():
    # Only the template's own line breaks between tags are taken out, never a word's.
    assert ">two\nlines</text>" in text(0, 0, "two\nlines")
