"""Static display panels for the notebooks: plain objects with ``_repr_html_``, no widgets.

Each panel renders engine data (``widgets.guidance``) or registry data
(``widgets.content.references``) and adds no advice of its own. The HTML comes from the Jinja2
macros in ``templates/panels.html.j2`` (autoescaped, through ``templating.macro_exact``), with
inline styles from ``theme.style`` only, so it looks the same in JupyterLab, an exported
handout, a slide and on paper.

The warning signs live in ``widgets.render.signs``, because the personal handout shows them and
the explorer page runs that module in the browser (Pyodide); this module is never part of that
page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from widgets import guidance as G
from widgets.content.clinic import Clinic, localise_html, wording
from widgets.content.references import citations
from widgets.render.cards import card_html, cite_marks, example_title
from widgets.render.parts import part_of
from widgets.render.profile_text import box_html, profile_summary_html, short_label
from widgets.render.signs import routine_signs_html, warning_signs_html
from widgets.render.templating import html, macro_exact
from widgets.render.theme import LEVEL_ICONS, level_values

PANELS = "panels.html.j2"


@dataclass(frozen=True)
class Panel:
    """A ready-made piece of HTML that displays itself."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


def help_now(*, clinic: Clinic | None = None) -> Panel:
    """The "When to get help" panel: emergency and urgent signs (``WARNING_SIGNS``), then the
    routine "see your doctor soon" tier (``ROUTINE_SIGNS``)."""
    return Panel(
        macro_exact(
            PANELS,
            "help_now",
            level_values(G.Level.RED),
            html(warning_signs_html(clinic=clinic)),
            html(routine_signs_html(clinic=clinic)),
        )
    )


HELP_TIERS = ("emergency", "urgent", "soon")


def help_now_tier(tier: str, part: tuple[int, int] = (1, 1), *,
                  clinic: Clinic | None = None) -> Panel:  # fmt: skip
    """One tier of ``help_now`` ("emergency", "urgent" or "soon"), or ``part`` (1, 3) of it:
    the same words and rows in the same order, so a live slide never has to scroll. The
    emergency and urgent rows keep the table's column headings; "soon" is the routine list.
    """
    number, parts = part
    if tier not in HELP_TIERS or not 1 <= number <= parts:
        raise ValueError(f"help_now_tier() takes a tier in {HELP_TIERS} and a part (n, of)")
    if tier == "soon":
        table, routine = "", routine_signs_html(clinic=clinic)
    else:
        signs = part_of([s for s in G.WARNING_SIGNS if s.urgency.value == tier], part)
        table, routine = warning_signs_html(clinic=clinic, signs=signs), ""
    return Panel(macro_exact(PANELS, "help_now", level_values(G.Level.RED), html(table),
                             html(routine)))  # fmt: skip


def sources(*keys: str) -> Panel:
    """Full citations for ``keys`` from the registry, in the order given."""
    return Panel(macro_exact(PANELS, "sources", citations(keys)))


def precautions(*, clinic: Clinic | None = None) -> Panel:
    """``guidance.STANDING_PRECAUTIONS``, most important first."""
    say = wording(clinic)
    items = [say(text) for text in G.STANDING_PRECAUTIONS]
    return Panel(box_html(macro_exact(PANELS, "precautions", items)))


def ask_first(*, clinic: Clinic | None = None, part: tuple[int, int] = (1, 1)) -> Panel:
    """Every health reason the engine gives for "talk to your clinician first", with its advice.

    Read from the amber health rules, so a new rule appears here without touching this panel.
    ``part`` (1, 4) shows the first quarter of the list: a live slide holds one part.
    """
    say = wording(clinic)
    rules = part_of([r for r in G.RULES if r.level is G.Level.AMBER and r.kind is G.Kind.HEALTH],
                  part)  # fmt: skip
    items = [
        {
            "advice": say(rule.actions_for(G.starting_profile())[0]),
            "reason": say(rule.reason),
            "cites": html(cite_marks(rule.sources)),
        }
        for rule in rules
    ]
    label = f"{LEVEL_ICONS[G.Level.AMBER]} {G.LEVEL_LABELS[G.Level.AMBER]}"
    return Panel(box_html(macro_exact(PANELS, "ask_first", label, items)))


def placements(*, clinic: Clinic | None = None, part: tuple[int, int] = (1, 1)) -> Panel:
    """Where a massager may go and where it may not, from ``guidance.PLACEMENTS``; ``part``
    (1, 2) shows the first half of the rows, for a live slide."""
    say = wording(clinic)
    rows = []
    for place in part_of(list(G.PLACEMENTS), part):
        level, word = (G.Level.GREEN, "OK") if place.ok else (G.Level.RED, "Not OK")
        rows.append(
            {
                "ok": place.ok,
                "place": say(place.place),
                "colours": level_values(level),
                "icon": LEVEL_ICONS[level],
                "word": word,
                "why": say(place.why),
                "cites": html(cite_marks(place.sources)),
            }
        )
    return Panel(macro_exact(PANELS, "placements", rows))


def severity_scale() -> Panel:
    """The three severities, described by what a person can do (``guidance.SEVERITIES``)."""
    rows = [(short_label(text), text.split(":", 1)[-1].strip()) for text in G.SEVERITIES.values()]
    return Panel(macro_exact(PANELS, "severity_scale", rows))


def guidance_for(*, clinic: Clinic | None = None, part: tuple[int, int] = (1, 1),
                 **profile_fields: Any) -> Panel:  # fmt: skip
    """A static guidance card for one profile; fields not given come from
    ``guidance.starting_profile()``. A wrong field name or value raises a clear error.

    ``part`` (1, 2) is the card down to what to do, (2, 2) the reasons why and the answers
    behind the card (``cards.card_html``): a long card in two live steps that never scroll."""
    unknown = sorted(set(profile_fields) - set(G.Profile.__dataclass_fields__))
    if unknown:
        raise TypeError(f"guidance_for() got unknown profile field(s): {', '.join(unknown)}")
    profile = replace(G.starting_profile(), **profile_fields)
    summary = localise_html(profile_summary_html(profile), clinic)
    answers = macro_exact(PANELS, "answers_behind", html(summary))
    # Nobody gave these answers: the title says so, on screen and on paper.
    card = card_html(G.assess(profile), title=example_title(profile), clinic=clinic, part=part)
    number, parts = part
    return Panel(card + answers if number == parts else card)


__all__ = [
    "Panel",
    "guidance_for",
    "help_now",
    "help_now_tier",
    "placements",
    "precautions",
    "routine_signs_html",
    "severity_scale",
    "sources",
    "warning_signs_html",
]
