"""Pieces every interactive widget shares: labelled controls, the profile controls, and the
static HTML picture each widget carries for exports.

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
from widgets.render.theme import (
    BODY_SIZE,
    FONT,
    TEXT,
)

# ---------------------------------------------------------------------------
# Static pictures for exports
# ---------------------------------------------------------------------------


class StaticHTMLMixin:
    """Adds a ``text/html`` picture of the widget's current state to its mime bundle.

    JupyterLab prefers the live widget view; an exported notebook, or a viewer without the
    widget manager, shows this readable HTML instead of a dead control.
    """

    def static_html(self) -> str:  # pragma: no cover - every widget overrides it
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs) or {}  # type: ignore[misc]
        bundle["text/html"] = self.static_html()
        return bundle


# CSS for our widgets inside JupyterLab (never part of the static export picture).
# 1. Long checkbox labels wrap instead of being cut off with an ellipsis.
# 2. The card stays in view while a reader works down the long list of controls beside it.
#    ipywidgets boxes and JupyterLab output areas scroll (overflow: auto), which would pin the
#    card to the box instead of the page, so they are made visible around our widgets only.
_WIDGET_CSS = (
    "<style>"
    ".sms-widget .widget-checkbox { height: auto !important; min-height: 28px; }"
    ".sms-widget .widget-checkbox label, .sms-widget .widget-checkbox span "
    "{ white-space: normal !important; overflow: visible !important; "
    "text-overflow: clip !important; height: auto !important; line-height: 1.35; }"
    ".sms-widget .widget-checkbox label { display: flex; align-items: flex-start; gap: .35em; }"
    ".sms-widget .widget-checkbox input { flex: none; margin-top: .3em; }"
    # 3. Labels and choices as large as the notebook's body text, a little larger for a wall.
    ".sms-widget .widget-label, .sms-widget .widget-label-basic, .sms-widget .widget-readout, "
    ".sms-widget .widget-radio-box label, .sms-widget select, .sms-widget input[type=text], "
    ".sms-widget textarea, .sms-widget .widget-button "
    "{ font-size: calc(var(--jp-content-font-size1, 14px) * 1.1) !important; }"
    ".sms-widget .widget-radio-box label { line-height: 1.5; height: auto; }"
    # A choice's round button sits before its words, also when the words wrap (ipywidgets
    # floats the button, which then drops below a choice that fills more than one line).
    ".sms-widget .widget-radio-box label { display: flex; align-items: flex-start; gap: .35em; }"
    ".sms-widget .widget-radio-box input { order: -1; float: none; flex: none; margin-top: .4em; }"
    ".jp-OutputArea:has(.sms-sticky-host), .jp-OutputArea-child:has(.sms-sticky-host), "
    ".jp-OutputArea-output:has(.sms-sticky-host), .sms-sticky-host, "
    ".sms-sticky-host .widget-box { overflow: visible !important; }"
    ".sms-sticky-host .sms-card-slot { position: sticky; top: .5em; align-self: flex-start; "
    "z-index: 1; }"
    # 4. On a narrow screen a control's label goes above the control instead of pushing the
    #    row wider than the screen: rows may wrap and then grow to hold both lines, and a
    #    label longer than the screen is wide wraps too. A drop-down moves to a line of its
    #    own before it would cut its choice short, and is cut only where the screen is
    #    narrower than that choice.
    #    ipywidgets' 2 px side margins would make a control given 100% of a phone's width
    #    4 px wider than its box, which then scrolls sideways.
    ".sms-widget .widget-inline-hbox { flex-wrap: wrap; height: auto !important; "
    "min-height: var(--jp-widgets-inline-height, 28px); flex-shrink: 0; "
    "margin-left: 0; margin-right: 0; }"
    ".sms-widget .widget-label { max-width: 100%; white-space: normal; overflow: visible; "
    "height: auto; }"
    ".sms-widget .widget-dropdown > select { min-width: 0; max-width: 100%; flex: 1 1 auto; }"
    ".sms-widget .widget-hslider .slider-container { flex: 1 1 10em; min-width: 8em; }"
    # 5. A widget takes the width the page gives it. JupyterLab sizes an output to the
    #    widest thing in it (a 32em slider, a long choice), which on a phone is wider than the
    #    notebook; containing the widget's width makes its rows wrap and shrink instead.
    ".sms-widget { contain: inline-size; }"
    # 6. JupyterLab's one-line preview of a hidden code cell never wraps; on a phone it made
    #    the whole notebook scroll sideways. The preview is cut at the notebook's edge instead.
    ".jp-Notebook .jp-Placeholder-content { max-width: 100%; overflow: hidden; }"
    "</style>"
)


def widget_style(root: W.Box) -> W.HTML:
    """Marks ``root`` as ours and returns an invisible widget holding the CSS above."""
    root.add_class("sms-widget")
    return W.HTML(value=_WIDGET_CSS, layout=W.Layout(height="0px", margin="0"))


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
    return W.HTML(
        value=(
            f'<p style="font-family:{FONT};font-size:{BODY_SIZE};font-weight:700;'
            f'color:{TEXT};margin:.6em 0 .1em">{escape(text)}</p>'
        )
    )


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
            f'<p class="sms-severity-text" style="font-family:{FONT};font-size:{BODY_SIZE};'
            f'color:{TEXT};margin:0 0 .4em">{escape(G.SEVERITIES[key])}</p>'
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
