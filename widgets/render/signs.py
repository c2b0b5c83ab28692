"""The warning signs as HTML: the emergency and urgent table and the routine "see someone soon"
tier, in the clinic's words. Shared by the notebooks' help panel, the personal handout and the
site's pages.

Standard library only, no Jinja2: the personal handout shows these, and the explorer page runs
the handout in Pyodide, whose core has no Jinja2 (see ``widgets.render.cards``). Every value is
escaped with ``html.escape``; every style comes from ``theme.style``.
"""

from __future__ import annotations

from html import escape

from widgets import guidance as G
from widgets.content.clinic import Clinic, wording
from widgets.render.cards import cite_marks
from widgets.render.theme import level_values, style, urgency_label

_TABLE = style("table")
_CELL = style("cell")


def warning_signs_html(*, compact: bool = False, clinic: Clinic | None = None) -> str:
    """The warning signs, emergency ones first, as a table: how urgent, signs, what to do.

    ``compact=True`` (for the personal handout) puts how urgent above the signs in one column
    and leaves out citation marks, so the table takes less room on paper. Words and numbers
    are the clinic's (``clinic.current()`` unless ``clinic`` is given), as on every panel here.
    """
    say = wording(clinic)
    red = level_values(G.Level.RED)
    ordered = sorted(G.WARNING_SIGNS, key=lambda s: s.urgency is not G.Urgency.EMERGENCY)
    rows = []
    for sign in ordered:
        emergency = sign.urgency is G.Urgency.EMERGENCY
        weight = "700" if emergency else "600"
        urgency = (
            f"<span {style('urgency', weight=weight, **red)}>"
            f"{escape(urgency_label(sign.urgency))}</span>"
        )
        todo = f"<span {style('weight', weight=weight)}>{escape(say(sign.what_to_do))}</span>"
        signs = escape(say(sign.signs))
        if compact:
            cells = f"<td {_CELL}>{urgency}: {signs}</td><td {_CELL}>{todo}</td>"
        else:
            cells = (
                f"<td {_CELL}>{urgency}</td><td {_CELL}>{signs}</td>"
                f"<td {_CELL}>{todo}{cite_marks(sign.sources)}</td>"
            )
        rows.append(f'<tr data-urgency="{sign.urgency.value}">{cells}</tr>')
    heads: tuple[str, ...] = ("Warning signs", "What to do")
    if not compact:
        heads = ("How urgent", *heads)
    head = "".join(f'<th scope="col" {_CELL}>{h}</th>' for h in heads)
    return (
        f'<table class="sms-warning-signs" {_TABLE}><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def routine_signs_html(*, clinic: Clinic | None = None) -> str:
    """The third tier, below emergency and urgent: book a visit soon (``ROUTINE_SIGNS``)."""
    say = wording(clinic)
    items = "".join(
        f'<li data-routine="{escape(sign.id, quote=True)}">{escape(say(sign.signs))} '
        f"{escape(say(sign.what_to_do))}{cite_marks(sign.sources)}</li>"
        for sign in G.ROUTINE_SIGNS
    )
    return (
        f'<div class="sms-routine-signs"><p {style("subhead")}>'
        f"{escape(say(G.ROUTINE_HEADING))}</p>"
        f"<ul {style('list-compact')}>{items}</ul></div>"
    )
