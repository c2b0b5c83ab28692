"""Every widget of the series stands on one base class (widgets/ui/base.py), so each one carries
the series' CSS, its class names, and a readable static picture for exports and paper."""

from __future__ import annotations

import pytest

from widgets.content.quizzes import Question
from widgets.ui.base import SeriesWidget, widget_style
from widgets.ui.explorer import compare_severities, severity_explorer
from widgets.ui.myplan import my_plan
from widgets.ui.planner import session_planner
from widgets.ui.quiz import quiz
from widgets.ui.redflags import red_flag_checklist
from widgets.ui.values import values_exercise

QUESTION = Question(
    prompt="Which is right?",
    options=("This one", "That one", "Neither"),
    answer=0,
    explanation="Because it is.",
)

WIDGETS = {
    "sms-explorer": severity_explorer,
    "sms-compare-view": compare_severities,
    "sms-planner": session_planner,
    "sms-red-flags": red_flag_checklist,
    "sms-quiz": lambda: quiz("test", (QUESTION,)),
    "sms-values": values_exercise,
    "sms-my-plan": lambda: my_plan(folder="unused"),
}


@pytest.mark.parametrize("own_class", sorted(WIDGETS))
def test_every_widget_is_a_series_widget_with_the_css_first_and_its_own_class(own_class):
    widget = WIDGETS[own_class]()
    assert isinstance(widget, SeriesWidget)
    assert "sms-widget" in widget._dom_classes and own_class in widget._dom_classes
    css = widget.children[0]
    assert css.value.startswith("<style>") and ".sms-widget" in css.value
    # The CSS comes once, not once per layer of the class tree.
    htmls = [child.value for child in widget.children if isinstance(child, type(css))]
    assert sum("<style>" in value for value in htmls) == 1


@pytest.mark.parametrize("own_class", sorted(WIDGETS))
def test_every_widget_shows_its_static_picture_where_no_widget_manager_runs(own_class):
    widget = WIDGETS[own_class]()
    bundle = widget._repr_mimebundle_()
    # A tool taller than a live slide adds a hidden short box for RISE (live_room) after it.
    wrapped = f'<div class="sms-live-full">{widget.static_html()}</div>'
    assert bundle["text/html"] == widget.static_html() if widget.live_room is None else (
        bundle["text/html"].startswith(wrapped))  # fmt: skip
    assert "<style>" not in bundle["text/html"], "the picture is for exports: no page-wide CSS"
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_a_new_widget_needs_only_its_children_classes_and_picture():
    import ipywidgets as W

    class Hello(SeriesWidget):
        def __init__(self) -> None:
            super().__init__([W.HTML("hi")], classes=("sms-hello",))

        def static_html(self) -> str:
            return "<p>hi</p>"

    hello = Hello()
    assert [type(c).__name__ for c in hello.children] == ["HTML", "HTML"]
    assert hello.children[1].value == "hi"
    assert {"sms-widget", "sms-hello"} <= set(hello._dom_classes)
    assert hello._repr_mimebundle_()["text/html"] == "<p>hi</p>"


def test_widget_style_marks_any_box_as_ours():
    import ipywidgets as W

    box = W.VBox()
    css = widget_style(box)
    assert "sms-widget" in box._dom_classes and css.layout.height == "0px"
