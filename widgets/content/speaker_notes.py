"""Speaker notes sit in the notebooks inside a closed ``<details>``.

JupyterLab's Run All renders every markdown cell and un-hides any hidden one, so hiding a
note's source does not keep it from a patient reading alone. A closed ``<details>`` does: the
reader sees one line, "Notes for the presenter", until they choose to open it. Decks
(``make slides``) unwrap the note, so the presenter's notes window shows it in full.
"""

from __future__ import annotations

import re

NOTES_SUMMARY = "Notes for the presenter"
NOTES_OPEN = f'<details class="speaker-notes"><summary>{NOTES_SUMMARY}</summary>\n\n'
NOTES_CLOSE = "\n\n</details>"
_WRAPPED = re.compile(
    r"\A\s*" + re.escape(NOTES_OPEN.strip()) + r"\s*(?P<note>.*?)\s*</details>\s*\Z", re.DOTALL
)


def wrap(note: str) -> str:
    """``note`` (markdown) as a notes cell's source: closed until opened."""
    return NOTES_OPEN + note.strip() + NOTES_CLOSE


def unwrap(source: str) -> str:
    """The note itself, without the closed ``<details>`` around it (unchanged if unwrapped)."""
    match = _WRAPPED.match(source)
    return match.group("note") if match else source
