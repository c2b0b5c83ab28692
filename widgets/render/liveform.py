"""A tool or a worksheet as a live slide shows it: a short box instead of a tall picture.

RISE (``make present``) shows a widget only as its still picture, and a printable sheet is
taller than a slide, so a presenter would need the mouse wheel to show either. The HTML here
holds both forms: the full picture, which notebooks, handouts, decks and paper show, and a
short box (the tool's name, what it does in one sentence, where to use it), which only
``notebooks/rise.css`` shows, on a live slide. The markup is in
``templates/live_room.html.j2``.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.render.templating import html, render

FULL_CLASS = "sms-live-full"
ROOM_CLASS = "sms-live-room"
# Where to use a tool whose controls RISE cannot run: every tool's short box says so.
TOOL_WHERE = "Use it in JupyterLab or the app view, where its controls work."


@dataclass(frozen=True)
class LiveRoom:
    """What the short live box says about a tool or a sheet."""

    name: str  # "The session planner"
    does: str  # one sentence: what it does
    where: str  # one sentence: where to use it


def live_room_html(full: str, room: LiveRoom) -> str:
    """``full`` as it is, with ``room``'s short box after it, hidden but on a live slide."""
    return render("live_room.html.j2", full=html(full), name=room.name, does=room.does,
                  where=room.where)  # fmt: skip
