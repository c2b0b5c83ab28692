"""The warning signs as HTML: the emergency and urgent table and the routine "see someone soon"
tier, in the clinic's words. Shared by the notebooks' help panel, the personal handout and the
site's pages.

The HTML is ``templates/signs.html.j2`` (``templating.exact_environment()``, autoescaped; the
explorer page runs it too, through the personal handout: see ``widgets.render.cards``). Every
style comes from ``theme.style``.
"""

from __future__ import annotations

from collections.abc import Sequence

from widgets import guidance as G
from widgets.content.clinic import Clinic, wording
from widgets.render.templating import macro_exact
from widgets.render.theme import level_values, urgency_label

SIGNS = "signs.html.j2"


def warning_signs_html(*, compact: bool = False, clinic: Clinic | None = None,
                       signs: Sequence[G.WarningSign] | None = None) -> str:  # fmt: skip
    """The warning signs, emergency ones first, as a table: how urgent, signs, what to do.
    ``signs`` shows only those (a live slide shows a tier, or part of one, at a time).

    ``compact=True`` (for the personal handout) puts how urgent above the signs in one column
    and leaves out citation marks, so the table takes less room on paper. Words and numbers
    are the clinic's (``clinic.current()`` unless ``clinic`` is given), as on every panel here.
    """
    say = wording(clinic)
    red = level_values(G.Level.RED)
    shown = G.WARNING_SIGNS if signs is None else signs
    ordered = sorted(shown, key=lambda s: s.urgency is not G.Urgency.EMERGENCY)
    rows = [
        {
            "urgency": sign.urgency.value,
            "urgency_label": urgency_label(sign.urgency),
            "weight": "700" if sign.urgency is G.Urgency.EMERGENCY else "600",
            "colours": red,
            "signs": say(sign.signs),
            "what_to_do": say(sign.what_to_do),
            "sources": sign.sources,
        }
        for sign in ordered
    ]
    return macro_exact(SIGNS, "warning_signs", rows, compact)


def routine_signs_html(*, clinic: Clinic | None = None) -> str:
    """The third tier, below emergency and urgent: book a visit soon (``ROUTINE_SIGNS``)."""
    say = wording(clinic)
    signs = [
        {
            "id": sign.id,
            "signs": say(sign.signs),
            "what_to_do": say(sign.what_to_do),
            "sources": sign.sources,
        }
        for sign in G.ROUTINE_SIGNS
    ]
    return macro_exact(SIGNS, "routine_signs", say(G.ROUTINE_HEADING), signs)
