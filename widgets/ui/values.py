"""What matters most to you: the values step of the decision aid (notebooks 06 and 10).

A person rates how much each thing matters (not at all, a little, a lot). The summary names
what matters most, in their own choices, with no verdict: a values step clarifies, it never
picks an option for anyone (IPDAS, joseph_williams2014). "My plan" carries the summary into the
saved plan, so the person can take it to their clinician.

Content is data (``VALUES``); the widget and its printable picture are drawn from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import ipywidgets as W

from widgets.render.liveform import TOOL_WHERE, LiveRoom
from widgets.render.theme import BOX_EMPTY, style
from widgets.ui.base import SeriesWidget
from widgets.ui.common import box_html, group_label, note_html


@dataclass(frozen=True)
class Value:
    id: str
    statement: str  # what might matter, as the person would say it


VALUES: tuple[Value, ...] = (
    Value("walk_further", "Being able to walk further, or stand for longer"),
    Value("less_pain", "Less pain from day to day"),
    Value("quick_relief", "Relief I can feel quickly, even if it is short"),
    Value("avoid_risks", "Avoiding any treatment with a risk of serious harm"),
    Value("avoid_surgery", "Staying away from an operation if I can"),
    Value("do_it_myself", "Something I can do myself, at home"),
    Value("time_and_cost", "Keeping time, travel and cost low"),
    Value("sure_it_works", "Choosing things that trials show work"),
)

RATINGS: tuple[str, ...] = ("Not at all", "A little", "A lot")
PROMPT = "How much does each of these matter to you? There are no right answers."
NONE_YET = "You have not marked anything as mattering a lot yet."


def summary_lines(ratings: dict[str, str]) -> list[str]:
    """The statements rated "A lot", in the order of ``VALUES``."""
    return [v.statement for v in VALUES if ratings.get(v.id) == RATINGS[-1]]


def summary_text(ratings: dict[str, str]) -> str:
    """One plain paragraph for a saved plan ('' when nothing is rated yet)."""
    lines = summary_lines(ratings)
    if not lines:
        return ""
    return (
        "What matters most to me: " + "; ".join(line[0].lower() + line[1:] for line in lines) + "."
    )


def printable_html() -> str:
    """A paper version: each statement with three boxes to tick by hand."""
    head = "".join(f'<th scope="col" {style("values-head")}>{escape(r)}</th>' for r in RATINGS)
    rows = "".join(
        f'<tr><th scope="row" {style("values-row-head")}>{escape(v.statement)}</th>'
        + "".join(f"<td {style('values-box')}>{BOX_EMPTY}</td>" for _ in RATINGS)
        + "</tr>"
        for v in VALUES
    )
    return box_html(
        note_html(PROMPT) + f'<table class="sms-values-sheet" {style("values-table")}>'
        f"<thead><tr><td></td>{head}</tr></thead><tbody>{rows}</tbody></table>"
        + note_html("Take this to your clinician. It helps you choose together."),
        css_class="sms-values",
    )


class ValuesExercise(SeriesWidget):
    """One row of three choices per statement; the summary updates as you choose."""

    # RISE shows a widget only as its still picture, taller than a slide: a short box instead.
    live_room = LiveRoom(
        name="What matters to you",
        does="Rate how much each thing matters to you, to help you talk over your choices.",
        where=TOOL_WHERE,
    )

    def __init__(self) -> None:
        self.choices: dict[str, W.ToggleButtons] = {}
        rows: list[W.Widget] = [group_label("What matters most to you"), W.HTML(note_html(PROMPT))]
        for value in VALUES:
            toggle = W.ToggleButtons(
                options=list(RATINGS),
                value=None,
                description=value.statement,
                description_allow_html=False,
                tooltips=[f"{value.statement}: {r.lower()}" for r in RATINGS],
                style={"description_width": "initial", "button_width": "7em"},
                layout=W.Layout(width="auto"),
            )
            toggle.observe(lambda _change: self._refresh(), names="value")
            self.choices[value.id] = toggle
            rows.append(toggle)
        self.summary = W.HTML()
        self._listeners: list[Callable[[], None]] = []
        super().__init__([*rows, self.summary], classes=("sms-values",))
        self._refresh()

    @property
    def ratings(self) -> dict[str, str]:
        return {vid: t.value for vid, t in self.choices.items() if t.value is not None}

    def on_change(self, callback: Callable[[], None]) -> None:
        self._listeners.append(callback)

    def _refresh(self) -> None:
        self.summary.value = self.summary_html()
        for callback in self._listeners:
            callback()

    def summary_html(self) -> str:
        lines = summary_lines(self.ratings)
        if not lines:
            return note_html(NONE_YET)
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        return (
            note_html("What matters most to you:")
            + f'<ul class="sms-values-summary" {style("list-tight")}>{items}</ul>'
        )

    def static_html(self) -> str:
        if not self.ratings:
            return printable_html()
        return box_html(self.summary_html(), css_class="sms-values")


def values_exercise() -> ValuesExercise:
    return ValuesExercise()


@dataclass(frozen=True)
class ValuesSheet:
    """The paper version as a displayable object (a bare string would show as code)."""

    def _repr_html_(self) -> str:
        return printable_html()


def values_sheet() -> ValuesSheet:
    return ValuesSheet()
