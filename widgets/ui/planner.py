"""The session planner (massager and precautions notebooks).

Pick a device and how you would use it; see what the engine says about that use, starting from
``guidance.starting_profile()``, and the nearest setting it would call green.
"""

from __future__ import annotations

from html import escape

import ipywidgets as W

from widgets import guidance as G
from widgets.render.cards import card_html, example_title
from widgets.render.liveform import TOOL_WHERE, LiveRoom
from widgets.render.theme import LEVEL_ICONS, level_values, style
from widgets.ui.base import SeriesWidget
from widgets.ui.common import ProfileControls, group_label, note_html

PLANNER_FIELDS = ("device", "intensity", "minutes", "sessions_per_day", "heat")

_ROW = W.Layout(display="flex", flex_flow="row wrap", align_items="flex-start", width="100%")


def _times(n: int) -> str:
    return f"{n} {'time' if n == 1 else 'times'} a day"


def nearest_green_html(profile: G.Profile) -> str:
    """What ``guidance.nearest_green_use`` says for this use, in plain words."""
    nearest = G.nearest_green_use(profile)
    frame = style("level-note", **level_values(G.Level.GREEN))
    icon = f'<span aria-hidden="true">{LEVEL_ICONS[G.Level.GREEN]}</span>'
    if nearest is None:
        return (
            f'<div class="sms-nearest" data-found="false" {frame}>No change to strength, '
            f"minutes or times a day is enough to make this green. See the card for why.</div>"
        )
    if nearest == profile:
        return (
            f'<div class="sms-nearest" data-found="same" {frame}>{icon} These settings are '
            f"already {escape(G.LEVEL_LABELS[G.Level.GREEN].split(':')[0].lower())}. "
            f"{escape(G.start_low_advice(profile))}</div>"
        )
    rows = [
        ("Strength", f"{nearest.intensity} of {G.INTENSITY_RANGE[1]}", nearest.intensity,
         profile.intensity, f"{profile.intensity}"),
        ("Minutes each time", f"{nearest.minutes}", nearest.minutes, profile.minutes,
         f"{profile.minutes}"),
        ("Times a day", _times(nearest.sessions_per_day), nearest.sessions_per_day,
         profile.sessions_per_day, _times(profile.sessions_per_day)),
    ]  # fmt: skip
    items = "".join(
        f"<li>{escape(name)}: <strong>{escape(new_text)}</strong>"
        + ("" if new == old else f" (now {escape(old_text)})")
        + "</li>"
        for name, new_text, new, old, old_text in rows
    )
    return (
        f'<div class="sms-nearest" data-found="true" data-intensity="{nearest.intensity}" '
        f'data-minutes="{nearest.minutes}" data-sessions="{nearest.sessions_per_day}" {frame}>'
        f"<p {style('level-note-head')}>{icon} The most that is still "
        f"{escape(G.LEVEL_LABELS[G.Level.GREEN].split(':')[0].lower())}:</p>"
        f"<ul {style('list-compact')}>{items}</ul>"
        # The nearest green setting is a ceiling, not where to begin.
        f'<p class="sms-start-low" {style("level-note-foot")}>'
        f"{escape(G.start_low_advice(profile))}</p></div>"
    )


class SessionPlanner(SeriesWidget):
    """Device, strength, minutes, times a day and heat; the card and the nearest green use."""

    # RISE shows a widget only as its still picture, taller than a slide: a short box instead.
    live_room = LiveRoom(
        name="The session planner",
        does=(
            "Choose a massager and how to use it, and see what the guidance says about "
            "that session."
        ),
        where=TOOL_WHERE,
    )

    def __init__(self, start: G.Profile | None = None) -> None:
        self.controls = ProfileControls(start, fields=PLANNER_FIELDS)
        self.card = W.HTML()
        self.nearest = W.HTML()
        self.result = W.VBox(
            [self.card, self.nearest], layout=W.Layout(flex="1 1 24em", min_width="min(18em, 100%)")
        )
        super().__init__(
            [
                group_label("How you would use it"),
                W.Box([self.controls.box, self.result], layout=_ROW),
            ],
            classes=("sms-planner", "sms-sticky-host"),
        )
        self.result.add_class("sms-card-slot")
        self.start = self.controls.profile()  # until the reader changes it, an example
        self.controls.on_change(self.refresh)
        self.refresh()

    def _title(self, profile: G.Profile) -> str | None:
        return example_title(profile) if profile == self.start else None

    @property
    def profile(self) -> G.Profile:
        profile = self.controls.profile()
        assert profile is not None  # the planner has no area boxes, so areas stay as started
        return profile

    def refresh(self) -> None:
        profile = self.profile
        self.guidance = G.assess(profile)
        self.card.value = card_html(self.guidance, title=self._title(profile))
        self.nearest.value = nearest_green_html(profile)

    def static_html(self) -> str:
        profile = self.profile
        settings = (
            f"Settings shown: {G.DEVICES[profile.device]}; strength {profile.intensity} of "
            f"{G.INTENSITY_RANGE[1]}; {profile.minutes} minutes each time; "
            f"{_times(profile.sessions_per_day)}; heat {'on' if profile.heat else 'off'}."
        )
        card = card_html(G.assess(profile), title=self._title(profile))
        return note_html(settings) + card + nearest_green_html(profile)


def session_planner(start: G.Profile | None = None) -> SessionPlanner:
    return SessionPlanner(start)
