""" "My plan" (notebook 10): the explorer's answers, an optional name and notes, and a button
that keeps a one-page personalised handout where the reader can reach it.

Where that is depends on where the notebook runs (``where_this_runs``):

- On the reader's own computer (JupyterLab), the page is saved into a folder they can see,
  next to the notebook (never under ``build/``, which builds replace). An existing file is
  never overwritten, and a failed save says so and leaves no cut-off file.
- On a server (the Voila app view, a JupyterHub, Binder), nothing personal is written to the
  server's disk: the page is offered as a download (a ``data:`` link) to the reader's own
  device, and the name, notes and answers live only in the running kernel's memory.

The page comes from ``widgets.render.handout.render_handout``, the same code as the command line, so
it never differs from a clinician's printout. The widget says, in plain words, which of the
two it is doing.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

import ipywidgets as W

from widgets import guidance as G
from widgets.render.cards import card_html, example_title
from widgets.render.handout import MAX_FREE_TEXT, handout_filename, render_handout, save_handout
from widgets.render.liveform import TOOL_WHERE, LiveRoom
from widgets.render.theme import style
from widgets.ui.base import SeriesWidget
from widgets.ui.common import (
    NO_AREA_MESSAGE,
    box_html,
    group_label,
    note_html,
    profile_summary_html,
)
from widgets.ui.explorer import SeverityExplorer
from widgets.ui.values import ValuesExercise, summary_text

DEFAULT_FOLDER = "my-handouts"
SAVE_HINT = "Press Save my plan to keep a one-page copy you can print or take to your clinician."
# A clinic running its own Jupyter server can say so: SMS_PLAN_MODE=server (or laptop).
MODE_ENV = "SMS_PLAN_MODE"
DOWNLOAD_LABEL = "Download my plan"


@dataclass(frozen=True)
class Where:
    """Where the notebook runs, as the privacy sentence tells the reader."""

    on_server: bool
    place: str  # "your own computer (JupyterLab)", "a server (the app view)", ...

    @property
    def privacy(self) -> str:
        if self.on_server:
            return (
                f"You are using this series on {self.place}. Your answers are not saved on "
                "the server. Save my plan gives you a copy to download to your own device."
            )
        return (
            f"You are using this series on {self.place}. Your answers stay on this "
            f"computer. Save my plan puts a copy in the folder {DEFAULT_FOLDER}."
        )


def where_this_runs(env: Mapping[str, str] | None = None) -> Where:
    """Laptop or server, from what each server sets in its kernels' environment."""
    env = os.environ if env is None else env
    chosen = env.get(MODE_ENV, "").strip().lower()
    if chosen == "laptop":
        return Where(False, "your own computer (JupyterLab)")
    if any(key.startswith("BINDER_") for key in env):
        return Where(True, "a server (Binder)")
    voila = env.get("SERVER_SOFTWARE", "").startswith("voila")
    if voila or any(key.startswith("VOILA_") for key in env):
        return Where(True, "a server (the app view)")
    if any(key.startswith("JUPYTERHUB_") for key in env):
        return Where(True, "a server (JupyterHub)")
    if chosen == "server":
        return Where(True, "a server")
    return Where(False, "your own computer (JupyterLab)")


def default_folder(cwd: Path | None = None) -> Path:
    """my-handouts next to the notebook, but never inside a build/ folder that builds replace."""
    cwd = Path.cwd() if cwd is None else cwd
    if "build" in cwd.parts:
        return Path.home() / DEFAULT_FOLDER
    return cwd / DEFAULT_FOLDER


def download_link_html(html: str, filename: str) -> str:
    """A link that hands ``html`` to the reader's browser as a file: nothing touches a disk
    on the server, and nothing is fetched from it."""
    data = base64.b64encode(html.encode("utf-8")).decode("ascii")
    return (
        f'<a class="sms-download" download="{escape(filename)}" '
        f'href="data:text/html;charset=utf-8;base64,{data}" '
        f"{style('download')}>{escape(DOWNLOAD_LABEL)}</a>"
    )


class MyPlan(SeriesWidget):
    # RISE shows a widget only as its still picture, taller than a slide: a short box instead.
    live_room = LiveRoom(
        name="My plan",
        does="Puts your answers and notes on one page to keep and take to your clinician.",
        where=TOOL_WHERE,
    )

    def __init__(
        self,
        start: G.Profile | None = None,
        *,
        folder: Path | str | None = None,
        where: Where | None = None,
    ) -> None:
        self.where = where or where_this_runs()
        self.folder = Path(folder) if folder is not None else default_folder()
        self.explorer = SeverityExplorer(start)
        # What matters most to the person travels with the plan (issue 12: values step).
        self.values = ValuesExercise()
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
        self.privacy = W.HTML(value=note_html(self.where.privacy))
        # On a server: the download link for the last plan made (empty until then).
        self.download = W.HTML(value="")
        self.saved: list[Path] = []
        self.save.on_click(lambda _button: self.save_plan())
        super().__init__(
            [
                self.explorer,
                self.values,
                group_label("About you (optional)"),
                self.name,
                self.notes,
                self.save,
                self.status,
                self.download,
                self.privacy,
            ],
            classes=("sms-my-plan",),
        )

    @property
    def profile(self) -> G.Profile | None:
        return self.explorer.profile

    def notes_with_values(self) -> str:
        """The notes, after a line naming what matters most to the person (if they chose)."""
        values = summary_text(self.values.ratings)
        return "\n".join(part for part in (values, self.notes.value) if part.strip())

    def save_plan(self) -> Path | None:
        """Keep the plan: a file on a laptop (its path is returned), a download on a server."""
        profile = self.profile
        self.download.value = ""
        if profile is None:
            self.status.value = note_html(NO_AREA_MESSAGE)
            return None
        name, notes = self.name.value[:MAX_FREE_TEXT], self.notes_with_values()[:MAX_FREE_TEXT]
        if self.where.on_server:
            page = render_handout(profile, name=name, notes=notes)
            # The name stays out of the file name: it is not needed to find the file.
            self.download.value = download_link_html(page, handout_filename())
            self.status.value = note_html(
                f"Your plan is ready. Press {DOWNLOAD_LABEL} to keep it on your own device. "
                "Nothing was saved on the server."
            )
            return None
        try:
            path = save_handout(profile, name=name, notes=notes, folder=self.folder)
        except OSError as error:
            reason = error.strerror or str(error)
            self.status.value = note_html(
                f"Your plan could not be saved ({reason}). No file was made. "
                "Try again, or ask someone to help you print this page."
            )
            return None
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
            f"<p {style('line')}><strong>Name:</strong> {escape(self.name.value)}</p>"
            if self.name.value.strip()
            else ""
        )
        notes = (
            f"<p {style('line-pre')}><strong>Notes:</strong> {escape(self.notes.value)}</p>"
            if self.notes.value.strip()
            else ""
        )
        return (
            box_html(who + note_html("The answers shown:") + profile_summary_html(profile) + notes)
            + self.values.static_html()
            + card_html(G.assess(profile), title=title)
            # The static picture is for paper, where there is no button to press.
        )


def my_plan(
    start: G.Profile | None = None,
    *,
    folder: Path | str | None = None,
    where: Where | None = None,
) -> MyPlan:
    return MyPlan(start, folder=folder, where=where)
