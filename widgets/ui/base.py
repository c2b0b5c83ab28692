"""The one base class of the series' widgets: ``SeriesWidget``.

Every widget (the explorer and compare view, the planner, the red-flag checklist, the quiz, the
values step and my plan) is a column of ipywidgets that

- marks itself as ours and carries the CSS below (``widget_style``), once, as its first child;
- adds its own class names (``sms-explorer``, ``sms-quiz`` ...) for tests and stylesheets;
- shows a readable static HTML picture of its current state where no widget manager runs
  (an exported notebook, a handout, paper): ``static_html()``, from the render floor's HTML.

That scaffold was written out in each widget; here it is once. A widget says only what is its
own: its children, its class names and its static picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import ipywidgets as W

from widgets.render.liveform import LiveRoom, live_room_html


class StaticHTMLMixin:
    """Adds a ``text/html`` picture of the widget's current state to its mime bundle.

    JupyterLab prefers the live widget view; an exported notebook, or a viewer without the
    widget manager, shows this readable HTML instead of a dead control. A tool whose picture
    is taller than a live slide names a ``live_room``: RISE, which shows widgets only as this
    picture, then shows that short box instead (``widgets.render.liveform``).
    """

    live_room: ClassVar[LiveRoom | None] = None

    def static_html(self) -> str:  # pragma: no cover - every widget overrides it
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs: object) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs) or {}  # type: ignore[misc]
        picture = self.static_html()
        room = self.live_room
        bundle["text/html"] = picture if room is None else live_room_html(picture, room)
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


class SeriesWidget(StaticHTMLMixin, W.VBox):
    """A column of controls and HTML with the series' CSS, classes and static picture.

    Subclasses build their children, call ``super().__init__(children, classes=(...))`` and
    override ``static_html``.
    """

    def __init__(self, children: Sequence[W.Widget], *, classes: Sequence[str] = ()) -> None:
        # The CSS widget needs self to exist (it adds our class), so it joins after the rest.
        super().__init__(list(children))
        self.children = (widget_style(self), *children)
        for name in classes:
            self.add_class(name)

    def static_html(self) -> str:  # pragma: no cover - every widget overrides it
        raise NotImplementedError
