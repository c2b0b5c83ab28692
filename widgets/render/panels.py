"""Static display panels for the notebooks: plain objects with ``_repr_html_``, no widgets.

Each panel renders engine data (``widgets.guidance``) or registry data
(``widgets.content.references``) and adds no advice of its own. The HTML is self-contained
(inline styles only, all from ``theme.style``), so it looks the same in JupyterLab, an exported
handout, a slide and on paper. Standard library only, no Jinja2: the personal handout shows the
warning signs, and the explorer page runs it in Pyodide (see ``widgets.render.cards``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape
from typing import Any

from widgets import guidance as G
from widgets.content.clinic import Clinic, localise_html, wording
from widgets.content.references import citations
from widgets.render.cards import card_html, cite_marks, example_title
from widgets.render.profile_text import box_html, profile_summary_html, short_label
from widgets.render.theme import LEVEL_ICONS, level_values, style, urgency_label


@dataclass(frozen=True)
class Panel:
    """A ready-made piece of HTML that displays itself."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


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
    heads = ("Warning signs", "What to do") if compact else ("How urgent", "Warning signs",
                                                            "What to do")  # fmt: skip
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


def help_now(*, clinic: Clinic | None = None) -> Panel:
    """The "When to get help" panel: emergency and urgent signs (``WARNING_SIGNS``), then the
    routine "see your doctor soon" tier (``ROUTINE_SIGNS``)."""
    return Panel(
        f'<div class="sms-help-now" {style("help-now", **level_values(G.Level.RED))}>'
        f"{warning_signs_html(clinic=clinic)}{routine_signs_html(clinic=clinic)}</div>"
    )


def sources(*keys: str) -> Panel:
    """Full citations for ``keys`` from the registry, in the order given."""
    items = "".join(
        f'<li id="ref-{escape(ref.key, quote=True)}" {style("item-spaced")}>'
        f"<span {style('strong')}>[{escape(ref.key)}]</span> {ref.citation_html()}</li>"
        for ref in citations(keys)
    )
    return Panel(
        # Long web addresses break at the edge of a phone's screen instead of running past it.
        f'<ol class="sms-sources" {style("sources")}>{items}</ol>'
    )


def precautions(*, clinic: Clinic | None = None) -> Panel:
    """``guidance.STANDING_PRECAUTIONS``, most important first."""
    say = wording(clinic)
    items = "".join(f"<li>{escape(say(text))}</li>" for text in G.STANDING_PRECAUTIONS)
    return Panel(box_html(f'<ol class="sms-precautions" {style("list")}>{items}</ol>'))


def ask_first(*, clinic: Clinic | None = None) -> Panel:
    """Every health reason the engine gives for "talk to your clinician first", with its advice.

    Read from the amber health rules, so a new rule appears here without touching this panel.
    """
    say = wording(clinic)
    rules = [r for r in G.RULES if r.level is G.Level.AMBER and r.kind is G.Kind.HEALTH]
    items = "".join(
        f"<li><strong>{escape(say(rule.actions_for(G.starting_profile())[0]))}</strong> "
        f"{escape(say(rule.reason))}"
        f"{cite_marks(rule.sources)}</li>"
        for rule in rules
    )
    label = f"{LEVEL_ICONS[G.Level.AMBER]} {G.LEVEL_LABELS[G.Level.AMBER]}"
    return Panel(
        box_html(
            f"<p {style('first-line')}><strong>{escape(label)}</strong></p>"
            f'<ul class="sms-ask-first" {style("list-compact")}>{items}</ul>'
        )
    )


def placements(*, clinic: Clinic | None = None) -> Panel:
    """Where a massager may go and where it may not, from ``guidance.PLACEMENTS``."""
    say = wording(clinic)
    rows = []
    for place in G.PLACEMENTS:
        level, word = (G.Level.GREEN, "OK") if place.ok else (G.Level.RED, "Not OK")
        icon = LEVEL_ICONS[level]
        rows.append(
            f'<tr data-ok="{str(place.ok).lower()}">'
            f"<td {_CELL}>{escape(say(place.place))}</td>"
            f"<td {_CELL} ><span {style('badge', **level_values(level))}>"
            f'<span aria-hidden="true">{icon}</span> {word}</span></td>'
            f"<td {_CELL}>{escape(say(place.why))}{cite_marks(place.sources)}</td></tr>"
        )
    return Panel(
        f'<table class="sms-placements" {_TABLE}><thead><tr>'
        f'<th scope="col" {_CELL}>Place</th><th scope="col" {_CELL}>OK or not</th>'
        f'<th scope="col" {_CELL}>Why</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def severity_scale() -> Panel:
    """The three severities, described by what a person can do (``guidance.SEVERITIES``)."""
    rows = "".join(
        f'<tr><th scope="row" {_CELL}>{escape(short_label(text))}</th>'
        f"<td {_CELL}>{escape(text.split(':', 1)[-1].strip())}</td></tr>"
        for text in G.SEVERITIES.values()
    )
    return Panel(
        f'<table class="sms-severity-scale" {_TABLE}><thead><tr>'
        f'<th scope="col" {_CELL}>How bad</th><th scope="col" {_CELL}>What it means</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def guidance_for(*, clinic: Clinic | None = None, **profile_fields: Any) -> Panel:
    """A static guidance card for one profile; fields not given come from
    ``guidance.starting_profile()``. A wrong field name or value raises a clear error."""
    unknown = sorted(set(profile_fields) - set(G.Profile.__dataclass_fields__))
    if unknown:
        raise TypeError(f"guidance_for() got unknown profile field(s): {', '.join(unknown)}")
    profile = replace(G.starting_profile(), **profile_fields)
    answers = (
        f"<details {style('details')}>"
        "<summary>The answers behind this card</summary>"
        f"{localise_html(profile_summary_html(profile), clinic)}"
        f"</details>"
    )
    # Nobody gave these answers: the title says so, on screen and on paper.
    card = card_html(G.assess(profile), title=example_title(profile), clinic=clinic)
    return Panel(card + answers)


__all__ = [
    "Panel",
    "guidance_for",
    "help_now",
    "placements",
    "precautions",
    "severity_scale",
    "sources",
]
