"""Printable worksheets: a plan with write-in lines, a walking log, a settings log and an
options-and-questions sheet (notebooks 10, 07, 03 and 06).

A worksheet gives a reader somewhere to act on what a notebook taught: it holds blank lines
and table cells to fill in by hand, never advice. What to do comes from the engine (the
guidance card and the warning signs); a worksheet only names what to write down. The HTML is
self-contained with inline styles and no headings (h1-h6), like a card, so it sits in a
notebook, a handout and on paper without breaking the heading order.

What each sheet asks for is data here (``WriteIn`` and ``FillInTable`` parts); the HTML comes
from the Jinja2 template ``templates/worksheet.html.j2`` (autoescaped), styled by the theme.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from widgets.render.liveform import LiveRoom, live_room_html
from widgets.render.templating import render


@dataclass(frozen=True)
class Worksheet:
    """A worksheet as HTML; it displays itself in JupyterLab and in exports."""

    name: str
    title: str
    html: str

    def _repr_html_(self) -> str:
        # A sheet is taller than a live slide: RISE shows a short box pointing to the handout.
        room = LiveRoom(
            name=f"Worksheet: {self.title}",
            does="A sheet to print and fill in with a pen.",
            where="The handout has the sheet, ready to print.",
        )
        return live_room_html(self.html, room)


@dataclass(frozen=True)
class WriteIn:
    """A prompt and ``count`` blank lines to write on."""

    label: str
    count: int
    kind: Literal["lines"] = "lines"


@dataclass(frozen=True)
class FillInTable:
    """A table to fill in: named rows (first cell given) or ``rows`` blank rows."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[str, ...] | int
    kind: Literal["table"] = "table"


Part = WriteIn | FillInTable


def _sheet(name: str, title: str, intro: str, *parts: Part) -> Worksheet:
    html = render("worksheet.html.j2", name=name, title=title, intro=intro, parts=parts)
    return Worksheet(name=name, title=title, html=html)


def my_plan_sheet() -> Worksheet:
    """Notebook 10: a plan to fill in by hand and take to a clinician."""
    return _sheet(
        "my-plan",
        "My plan",
        "Fill this in with a pen. Take it to your next visit. The warning signs at the end "
        "of this page come first, whatever your plan says.",
        WriteIn("My name (if you want to add it):", 1),
        WriteIn("What I will do for my back, most days:", 2),
        WriteIn(
            "If I use a massager: which kind, strength (1 to 5), minutes, times a day, "
            "heat on or off:",
            2,
        ),
        WriteIn("My card from the explorer said (its colour and its first step):", 2),
        WriteIn("Questions to ask my clinician:", 3),
        WriteIn("What my clinician told me, in my own words:", 2),
        WriteIn("I will look at this plan again on (date):", 1),
    )


def walking_log() -> Worksheet:
    """Notebook 07: two weeks of a walking programme, one row a day."""
    days = tuple(f"Day {n}" for n in range(1, 15))
    return _sheet(
        "walking-log",
        "My walking log",
        "Write down each walk. After two weeks, look back: are you walking a little longer, "
        "or resting less? Take this log to your physio or doctor.",
        FillInTable(
            "Two weeks of walking",
            ("Day", "Date", "Minutes walked", "Rests I needed", "Legs: how they felt", "Notes"),
            days,
        ),
        WriteIn("What I noticed over the two weeks:", 2),
    )


def settings_log() -> Worksheet:
    """Notebook 03: what settings were used and how it felt, time by time."""
    table = FillInTable(
        "Each time I used a massager",
        (
            "Date",
            "Kind and strength (1 to 5)",
            "Minutes",
            "Heat on or off",
            "Where on my body",
            "How it felt, then and the next day",
        ),
        8,
    )
    return _sheet(
        "settings-log",
        "My massager settings log",
        "Write down what you used and how it felt. If something felt worse, you can see "
        "which setting it was, and show your clinician.",
        table,
    )


OPTIONS = (
    "Exercise and physio",
    "A walking programme",
    "A back massager",
    "Injections or medicines",
    "Surgery",
    "Something else",
)


def options_sheet() -> Worksheet:
    """Notebook 06: the choices, what matters to the reader, and questions for the visit."""
    table = FillInTable(
        "My options",
        ("Option", "What I know about it", "What matters to me", "My questions"),
        OPTIONS,
    )
    return _sheet(
        "options-and-questions",
        "My options and questions",
        "Fill this in before you talk with your clinician. There are no right answers: it "
        "is about what matters to you.",
        table,
        WriteIn(
            "What matters most to me (for example, walking further, less pain, fewer risks):", 2
        ),
        WriteIn("Questions to ask at my visit:", 3),
    )


WORKSHEETS = {
    "10_conclusion_and_your_plan": my_plan_sheet,
    "07_lifestyle": walking_log,
    "03_what_back_massagers_offer": settings_log,
    "06_alternatives": options_sheet,
}

__all__ = [
    "WORKSHEETS",
    "FillInTable",
    "Worksheet",
    "WriteIn",
    "my_plan_sheet",
    "options_sheet",
    "settings_log",
    "walking_log",
]
