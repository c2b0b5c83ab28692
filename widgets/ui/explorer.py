"""The severity explorer and the compare view (notebook 05, reusable elsewhere).

Every change to a control re-runs ``assess`` and re-renders the guidance card from its result.
"""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as W

from widgets import guidance as G
from widgets.render.cards import card_html, example_title
from widgets.render.liveform import TOOL_WHERE, LiveRoom
from widgets.render.theme import style
from widgets.ui.base import SeriesWidget
from widgets.ui.common import (
    FIELD_LABELS,
    NO_AREA_MESSAGE,
    ProfileControls,
    box_html,
    group_label,
    note_html,
    profile_summary_html,
    short_label,
)

_ROW = W.Layout(display="flex", flex_flow="row wrap", align_items="flex-start", width="100%")


class SeverityExplorer(SeriesWidget):
    """A control for every ``Profile`` field and the guidance card for the current answers."""

    # RISE shows a widget only as its still picture, taller than a slide: a short box instead.
    live_room = LiveRoom(
        name="The severity explorer",
        does=(
            "Choose how narrow the spine is and what a person feels, and the card for "
            "those answers changes."
        ),
        where=TOOL_WHERE,
    )

    def __init__(self, start: G.Profile | None = None) -> None:
        self.controls = ProfileControls(start)
        self.card = W.HTML(layout=W.Layout(flex="1 1 24em", min_width="min(18em, 100%)"))
        self.card.add_class("sms-card-slot")
        super().__init__(
            [
                group_label("Your answers"),
                W.Box([self.controls.box, self.card], layout=_ROW),
            ],
            classes=("sms-explorer", "sms-sticky-host"),
        )
        self.guidance: G.Guidance | None = None
        self.start = self.controls.profile()  # until the reader changes it, an example
        self.controls.on_change(self.refresh)
        self.refresh()

    @property
    def profile(self) -> G.Profile | None:
        return self.controls.profile()

    def refresh(self) -> None:
        profile = self.controls.profile()
        if profile is None:
            self.guidance = None
            self.card.value = note_html(NO_AREA_MESSAGE)
            return
        self.guidance = G.assess(profile)
        title = example_title(profile) if profile == self.start else None
        self.card.value = card_html(self.guidance, title=title)

    def static_html(self) -> str:
        profile = self.profile
        if profile is None:
            return box_html(note_html(NO_AREA_MESSAGE))
        # refresh() already drew this card for the current answers; reuse it.
        return (
            box_html(note_html("The answers shown:") + profile_summary_html(profile))
            + self.card.value
        )


def severity_explorer(start: G.Profile | None = None) -> SeverityExplorer:
    """The explorer, starting from ``guidance.starting_profile()`` unless told otherwise."""
    return SeverityExplorer(start)


def _compare_title(profile: G.Profile, severity_text: str) -> str:
    """The severity's name; for the starting answers, said to be an example."""
    level = short_label(severity_text)
    if replace(profile, severity="mild") == G.starting_profile():
        return f"Example, {level.lower()}: the starting answers at this level"
    return level


def _compare_cards(profile: G.Profile, shown: tuple[str, ...] | None = None) -> str:
    cards = "".join(
        f"<div {style('compare-column')}>"
        + card_html(G.assess(replace(profile, severity=key)), title=_compare_title(profile, text))
        + "</div>"
        for key, text in G.SEVERITIES.items()
        if shown is None or key in shown
    )
    return f'<div class="sms-compare" {style("compare")}>{cards}</div>'


class CompareSeverities(SeriesWidget):
    """The same answers at every severity, side by side.

    ``cards=False`` shows the answers only; ``card(severity)`` then gives each severity's card
    as a widget of its own that follows these answers, one per notebook cell, so a live slide
    (RISE) holds one card and the presenter steps through them.
    """

    def __init__(self, start: G.Profile | None = None, *, cards: bool = True) -> None:
        fields = tuple(name for name in FIELD_LABELS if name != "severity")
        self.controls = ProfileControls(start, fields=fields)
        # Here the controls sit in a column, where ProfileControls' flex basis (a width, meant
        # for the side-by-side row) would become a fixed height: the box would scroll inside
        # and squash its rows until long labels ran over the row below. Size it to its rows.
        self.controls.box.layout.flex = "0 0 auto"
        self.cards = W.HTML()
        self.parts: dict[str, SeverityCard] = {}
        shown = [group_label("The guidance at each level"), self.cards] if cards else []
        super().__init__(
            [
                group_label("Your answers (everything except how bad it is)"),
                self.controls.box,
                *shown,
            ],
            classes=("sms-compare-view",),
        )
        self.show_cards = cards
        self.controls.on_change(self.refresh)
        self.refresh()

    @property
    def profile(self) -> G.Profile | None:
        return self.controls.profile()

    def refresh(self) -> None:
        profile = self.controls.profile()
        if profile is None:
            self.cards.value = note_html(NO_AREA_MESSAGE)
        else:
            self.cards.value = _compare_cards(profile)
        for severity, part in self.parts.items():
            part.html.value = (
                note_html(NO_AREA_MESSAGE)
                if profile is None
                else _compare_cards(profile, (severity,))
            )

    def card(self, severity: str) -> SeverityCard:
        """The card for ``severity`` ("mild", "moderate", "severe") at these answers."""
        if severity not in G.SEVERITIES:
            raise ValueError(f"card() takes one of {', '.join(G.SEVERITIES)}, not {severity!r}")
        self.parts[severity] = SeverityCard()
        self.refresh()
        return self.parts[severity]

    def static_html(self) -> str:
        profile = self.profile
        if profile is None:
            return box_html(note_html(NO_AREA_MESSAGE))
        return box_html(
            note_html("The answers shown, apart from how bad it is:")
            + profile_summary_html(profile, leave_out=frozenset({"severity"}))
        ) + (self.cards.value if self.show_cards else "")


class SeverityCard(SeriesWidget):
    """One severity's card from a ``CompareSeverities``; it redraws when those answers change."""

    def __init__(self) -> None:
        self.html = W.HTML()
        super().__init__([self.html], classes=("sms-compare-part",))

    def static_html(self) -> str:
        return self.html.value


# The comparison the notebook drew last: severity_card() cells follow its answers. A notebook
# cell is an import and one call, so a cell must not need a name an earlier cell defined.
_latest_comparison: list[CompareSeverities] = []


def compare_severities(start: G.Profile | None = None, *, cards: bool = True) -> CompareSeverities:
    """Mild, moderate and severe side by side for the same other answers (``cards=False``:
    the answers only, each card then from ``severity_card(severity)``)."""
    comparison = CompareSeverities(start, cards=cards)
    _latest_comparison[:] = [comparison]
    return comparison


def severity_card(severity: str) -> SeverityCard:
    """The card for ``severity`` that follows the answers of the last ``compare_severities``."""
    if not _latest_comparison:
        raise ValueError("severity_card() follows compare_severities(): run that cell first")
    return _latest_comparison[0].card(severity)
