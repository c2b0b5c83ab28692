""""My plan" (notebook 10): the explorer's answers, an optional name and notes, and a button
that saves a one-page personalised handout into a folder the reader can see.

The button uses ``widgets.handout.save_handout``, the same code as the command line, so the
saved page never differs from a clinician's printout. An existing file is never overwritten.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

import ipywidgets as W

from widgets import guidance as G
from widgets.cards import card_html, example_title
from widgets.explorer import SeverityExplorer
from widgets.handout import MAX_FREE_TEXT, save_handout
from widgets.ui_common import (
    NO_AREA_MESSAGE,
    StaticHTMLMixin,
    box_html,
    group_label,
    note_html,
    profile_summary_html,
    widget_style,
)

DEFAULT_FOLDER = "my-handouts"
SAVE_HINT = "Press Save my plan to keep a one-page copy you can print or take to your clinician."


class MyPlan(StaticHTMLMixin, W.VBox):
    def __init__(
        self, start: G.Profile | None = None, *, folder: Path | str | None = None
    ) -> None:
        self.folder = Path(folder) if folder is not None else Path.cwd() / DEFAULT_FOLDER
        self.explorer = SeverityExplorer(start)
        self.name = W.Text(
            description="Your name (optional)",
            description_allow_html=False,
            tooltip="Your name (optional)",
            placeholder="Leave blank if you like",
            style={"description_width": "initial"},
            layout=W.Layout(width="32em", max_width="100%"),
        )
        self.notes = W.Textarea(
            description="Notes (optional)",
            description_allow_html=False,
            tooltip="Notes (optional)",
            placeholder="For example: questions for my physio",
            style={"description_width": "initial"},
            layout=W.Layout(width="40em", max_width="100%", height="6em"),
        )
        self.save = W.Button(
            description="Save my plan",
            tooltip=f"Save a one-page plan into the folder {self.folder.name}",
            icon="save",
        )
        self.status = W.HTML(value=note_html(SAVE_HINT))
        self.saved: list[Path] = []
        self.save.on_click(lambda _button: self.save_plan())
        super().__init__(
            [
                self.explorer,
                group_label("About you (optional)"),
                self.name,
                self.notes,
                self.save,
                self.status,
            ]
        )
        self.children = (widget_style(self), *self.children)
        self.add_class("sms-my-plan")

    @property
    def profile(self) -> G.Profile | None:
        return self.explorer.profile

    def save_plan(self) -> Path | None:
        profile = self.profile
        if profile is None:
            self.status.value = note_html(NO_AREA_MESSAGE)
            return None
        path = save_handout(
            profile,
            name=self.name.value[:MAX_FREE_TEXT],
            notes=self.notes.value[:MAX_FREE_TEXT],
            folder=self.folder,
        )
        self.saved.append(path)
        try:
            shown = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            shown = str(path)
        self.status.value = note_html(
            f"Saved your plan as {shown}. Open it in a browser to print it."
        )
        return path

    def static_html(self) -> str:
        profile = self.profile
        if profile is None:
            return box_html(note_html(NO_AREA_MESSAGE))
        title = example_title(profile) if profile == self.explorer.start else None
        who = (
            f"<p style=\"margin:.2em 0\"><strong>Name:</strong> {escape(self.name.value)}</p>"
            if self.name.value.strip()
            else ""
        )
        notes = (
            f'<p style="margin:.2em 0;white-space:pre-wrap"><strong>Notes:</strong> '
            f"{escape(self.notes.value)}</p>"
            if self.notes.value.strip()
            else ""
        )
        return (
            box_html(who + note_html("The answers shown:") + profile_summary_html(profile) + notes)
            + card_html(G.assess(profile), title=title)
            # The static picture is for paper, where there is no button to press.
        )


def my_plan(start: G.Profile | None = None, *, folder: Path | str | None = None) -> MyPlan:
    return MyPlan(start, folder=folder)
