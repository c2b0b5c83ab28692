"""Pieces every interactive widget shares: labelled controls and the profile controls.

The widget class itself (the static picture for exports, the CSS, the classes) is
``widgets.ui.base.SeriesWidget``; its names are re-exported here for older imports.

Controls are built from the engine's vocabulary (``guidance.SYMPTOMS`` and friends), so a new
symptom or condition shows up in every checklist without touching this file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape
from typing import Any

import ipywidgets as W

from widgets import guidance as G
from widgets.render.profile_text import (  # noqa: F401 - the widgets' shared words
    FIELD_LABELS,
    NO_AREA_MESSAGE,
    box_html,
    muted,
    note_html,
    profile_summary_html,
    short_label,
)
from widgets.render.theme import style
from widgets.ui.base import SeriesWidget, StaticHTMLMixin, widget_style  # noqa: F401 - shared

# ---------------------------------------------------------------------------
# Labelled, keyboard-operable controls
# ---------------------------------------------------------------------------

_WIDE = W.Layout(width="auto", max_width="40em")
_LABEL_STYLE = {"description_width": "initial"}


def dropdown(description: str, choices: dict[str, str], value: str) -> W.Dropdown:
    return W.Dropdown(
        options=[(label, key) for key, label in choices.items()],
        value=value,
        description=description,
        description_allow_html=False,
        tooltip=description,
        style=_LABEL_STYLE,
        layout=W.Layout(width="auto", max_width="40em"),
    )


def int_slider(description: str, bounds: tuple[int, int], value: int) -> W.IntSlider:
    # The description is the slider's visible label and, with the tooltip, its accessible name.
    return W.IntSlider(
        value=value,
        min=bounds[0],
        max=bounds[1],
        step=1,
        description=description,
        description_allow_html=False,
        tooltip=description,
        continuous_update=False,
        style=_LABEL_STYLE,
        layout=W.Layout(width="32em", max_width="100%"),
    )


def checkbox(description: str, value: bool = False) -> W.Checkbox:
    return W.Checkbox(
        value=value,
        description=description,
        description_allow_html=False,
        tooltip=description,
        indent=False,
        layout=_WIDE,
    )


def group_label(text: str) -> W.HTML:
    return W.HTML(value=f"<p {style('group-label')}>{escape(text)}</p>")


# ---------------------------------------------------------------------------
# A control for every Profile field
# ---------------------------------------------------------------------------

_CHECKLISTS: dict[str, dict[str, str]] = {
    "symptoms": G.SYMPTOMS,
    "conditions": G.CONDITIONS,
    "areas": G.AREAS,
}


class ProfileControls:
    """Controls for the fields of a ``Profile``, starting from ``start``.

    ``fields`` picks which fields get a control; the others keep ``start``'s value. ``profile()``
    reads the controls back; it returns ``None`` while no area is ticked (a profile needs one).
    """

    def __init__(
        self,
        start: G.Profile | None = None,
        *,
        fields: tuple[str, ...] = tuple(FIELD_LABELS),
    ) -> None:
        self.start = start or G.starting_profile()
        self.fields = fields
        self.widgets: dict[str, W.Widget] = {}
        self.checkboxes: dict[str, dict[str, W.Checkbox]] = {}
        s = self.start
        parts: list[W.Widget] = []
        if "region" in fields:
            self.widgets["region"] = dropdown(FIELD_LABELS["region"], G.REGIONS, s.region)
            parts.append(self.widgets["region"])
        if "severity" in fields:
            slider = W.SelectionSlider(
                options=[(short_label(text), key) for key, text in G.SEVERITIES.items()],
                value=s.severity,
                description=FIELD_LABELS["severity"],
                description_allow_html=False,
                tooltip=FIELD_LABELS["severity"],
                continuous_update=False,
                style=_LABEL_STYLE,
                layout=W.Layout(width="32em", max_width="100%"),
            )
            self.widgets["severity"] = slider
            self.severity_text = W.HTML(value=self._severity_html(s.severity))
            slider.observe(self._show_severity, names="value")
            parts.extend([slider, self.severity_text])
        for group in ("symptoms", "conditions"):
            if group in fields:
                parts.extend(self._checklist(group, getattr(s, group)))
        if "device" in fields:
            self.widgets["device"] = dropdown(FIELD_LABELS["device"], G.DEVICES, s.device)
            parts.append(self.widgets["device"])
        if "areas" in fields:
            parts.extend(self._checklist("areas", s.areas))
        for name, bounds in (
            ("intensity", G.INTENSITY_RANGE),
            ("minutes", G.MINUTES_RANGE),
            ("sessions_per_day", G.SESSIONS_RANGE),
        ):
            if name in fields:
                self.widgets[name] = int_slider(FIELD_LABELS[name], bounds, getattr(s, name))
                parts.append(self.widgets[name])
        if "heat" in fields:
            self.widgets["heat"] = checkbox(FIELD_LABELS["heat"], s.heat)
            parts.append(self.widgets["heat"])
        # min(): never wider than a phone's screen, where the row stacks the card below.
        self.box = W.VBox(parts, layout=W.Layout(flex="1 1 26em", min_width="min(20em, 100%)"))

    def _checklist(self, group: str, ticked: frozenset[str]) -> list[W.Widget]:
        boxes = {key: checkbox(label, key in ticked) for key, label in _CHECKLISTS[group].items()}
        self.checkboxes[group] = boxes
        return [group_label(FIELD_LABELS[group]), *boxes.values()]

    @staticmethod
    def _severity_html(key: str) -> str:
        return (
            f'<p class="sms-severity-text" {style("severity-text")}>{escape(G.SEVERITIES[key])}</p>'
        )

    def _show_severity(self, change: dict) -> None:
        self.severity_text.value = self._severity_html(change["new"])

    def all_controls(self) -> list[W.ValueWidget]:
        found = list(self.widgets.values())
        for boxes in self.checkboxes.values():
            found.extend(boxes.values())
        return found

    def on_change(self, callback: Callable[[], None]) -> None:
        for control in self.all_controls():
            control.observe(lambda _change: callback(), names="value")

    def set_profile(self, profile: G.Profile) -> None:
        """Move every control to ``profile``'s value (observers fire as if a person did it)."""
        for name, control in self.widgets.items():
            control.value = getattr(profile, name)
        for group, boxes in self.checkboxes.items():
            chosen = getattr(profile, group)
            # Tick before unticking, so "areas" never passes through an empty set.
            for key, box in sorted(boxes.items(), key=lambda item: item[0] not in chosen):
                box.value = key in chosen

    def profile(self, **overrides: Any) -> G.Profile | None:
        values: dict[str, Any] = {name: control.value for name, control in self.widgets.items()}
        for group, boxes in self.checkboxes.items():
            values[group] = frozenset(key for key, box in boxes.items() if box.value)
        values.update(overrides)
        if "areas" in values and not values["areas"]:
            return None
        return replace(self.start, **values)
