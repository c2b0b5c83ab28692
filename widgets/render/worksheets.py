"""Printable worksheets: a plan with write-in lines, a walking log, a settings log and an
options-and-questions sheet (notebooks 10, 07, 03 and 06).

A worksheet gives a reader somewhere to act on what a notebook taught: it holds blank lines
and table cells to fill in by hand, never advice. What to do comes from the engine (the
guidance card and the warning signs); a worksheet only names what to write down. The HTML is
self-contained with inline styles and no headings (h1-h6), like a card, so it sits in a
notebook, a handout and on paper without breaking the heading order.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from widgets.render.theme import BODY_SIZE, FONT, NEUTRAL_BACKGROUND, TEXT

_RULE = "#595959"  # 7:1 on white: a write-in line still shows on a faint photocopy
_CELL = f'style="border:1px solid {_RULE};padding:.35em .5em;text-align:left;vertical-align:top"'
_HEAD = (
    f'style="border:1px solid {_RULE};padding:.35em .5em;text-align:left;vertical-align:top;'
    f'background:{NEUTRAL_BACKGROUND};font-weight:600"'
)


@dataclass(frozen=True)
class Worksheet:
    """A worksheet as HTML; it displays itself in JupyterLab and in exports."""

    name: str
    title: str
    html: str

    def _repr_html_(self) -> str:
        return self.html


def _sheet(name: str, title: str, intro: str, body: str) -> Worksheet:
    html = (
        f'<section class="sms-worksheet" data-worksheet="{name}" '
        f'aria-label="{escape(title, quote=True)}" '
        f'style="font-family:{FONT};font-size:{BODY_SIZE};line-height:1.45;color:{TEXT};'
        f"background:#fff;border:2px solid {_RULE};border-radius:6px;padding:.8em 1em;"
        f'margin:.6em 0;max-width:48em">'
        f'<p class="sms-worksheet-title" style="margin:0 0 .3em;font-weight:700;font-size:1.2em">'
        f"{escape(title)}</p>"
        f'<p style="margin:0 0 .6em">{escape(intro)}</p>{body}</section>'
    )
    return Worksheet(name=name, title=title, html=html)


def _lines(label: str, count: int) -> str:
    """A prompt and ``count`` blank lines to write on."""
    lines = "".join(
        f'<div class="sms-write-in" style="border-bottom:1px solid {_RULE};height:1.9em"></div>'
        for _ in range(count)
    )
    return (
        f'<div class="sms-write-in-group" style="margin:0 0 .7em;break-inside:avoid">'
        f'<p style="margin:0;font-weight:600">{escape(label)}</p>{lines}</div>'
    )


def _table(caption: str, columns: tuple[str, ...], rows: tuple[str, ...] | int) -> str:
    """A table to fill in: named rows (first cell given) or ``rows`` blank rows."""
    head = "".join(f'<th scope="col" {_HEAD}>{escape(c)}</th>' for c in columns)
    blanks = "".join(f"<td {_CELL}>&nbsp;</td>" for _ in columns[1:])
    if isinstance(rows, int):
        body = "".join(
            f'<tr style="height:2.2em"><td {_CELL}>&nbsp;</td>{blanks}</tr>' for _ in range(rows)
        )
    else:
        body = "".join(
            f'<tr style="height:2.6em"><th scope="row" {_HEAD}>{escape(r)}</th>{blanks}</tr>'
            for r in rows
        )
    return (
        # Notebooks lay tables out in equal columns; a word longer than its column breaks
        # instead of running into the next one on a phone.
        f'<table class="sms-worksheet-table" style="border-collapse:collapse;width:100%;'
        f'margin:0 0 .7em;overflow-wrap:anywhere">'
        f'<caption style="text-align:left;font-weight:600;padding:0 0 .2em">{escape(caption)}'
        f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def my_plan_sheet() -> Worksheet:
    """Notebook 10: a plan to fill in by hand and take to a clinician."""
    body = (
        _lines("My name (if you want to add it):", 1)
        + _lines("What I will do for my back, most days:", 2)
        + _lines(
            "If I use a massager: which kind, strength (1 to 5), minutes, times a day, "
            "heat on or off:",
            2,
        )
        + _lines("My card from the explorer said (its colour and its first step):", 2)
        + _lines("Questions to ask my clinician:", 3)
        + _lines("What my clinician told me, in my own words:", 2)
        + _lines("I will look at this plan again on (date):", 1)
    )
    return _sheet(
        "my-plan",
        "My plan",
        "Fill this in with a pen. Take it to your next visit. The warning signs at the end "
        "of this page come first, whatever your plan says.",
        body,
    )


def walking_log() -> Worksheet:
    """Notebook 07: two weeks of a walking programme, one row a day."""
    days = tuple(f"Day {n}" for n in range(1, 15))
    table = _table(
        "Two weeks of walking",
        ("Day", "Date", "Minutes walked", "Rests I needed", "Legs: how they felt", "Notes"),
        days,
    )
    return _sheet(
        "walking-log",
        "My walking log",
        "Write down each walk. After two weeks, look back: are you walking a little longer, "
        "or resting less? Take this log to your physio or doctor.",
        table + _lines("What I noticed over the two weeks:", 2),
    )


def settings_log() -> Worksheet:
    """Notebook 03: what settings were used and how it felt, time by time."""
    table = _table(
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
    table = _table(
        "My options",
        ("Option", "What I know about it", "What matters to me", "My questions"),
        OPTIONS,
    )
    return _sheet(
        "options-and-questions",
        "My options and questions",
        "Fill this in before you talk with your clinician. There are no right answers: it "
        "is about what matters to you.",
        table
        + _lines(
            "What matters most to me (for example, walking further, less pain, fewer risks):", 2
        )
        + _lines("Questions to ask at my visit:", 3),
    )


WORKSHEETS = {
    "10_conclusion_and_your_plan": my_plan_sheet,
    "07_lifestyle": walking_log,
    "03_what_back_massagers_offer": settings_log,
    "06_alternatives": options_sheet,
}

__all__ = ["WORKSHEETS", "Worksheet", "my_plan_sheet", "options_sheet", "settings_log",
           "walking_log"]  # fmt: skip
