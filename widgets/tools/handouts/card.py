"""The warning-sign card (``warning-signs-card.html`` and ``.pdf``): one sheet, large type.

It prints on one A4 sheet, landscape, in two halves: fold it in the middle and it is an A5
card for a bag or a fridge door (NHS trusts hand out a wallet card for cauda equina signs).
Every word on it comes from the engine's ``WARNING_SIGNS``: the emergency signs, then the
urgent ones, each with what to do and what to say.
"""

from __future__ import annotations

from html import escape

import widgets
from widgets.content.clinic import CONTENT_LICENCE, contact_html, localise_html
from widgets.content.series import TEMPLATES
from widgets.guidance import URGENCY_WORDS, WARNING_SIGNS, Level, Urgency, WarningSign
from widgets.render.theme import LEVEL_ICONS

CARD_CSS = TEMPLATES / "handout" / "static" / "card.css"
TITLE = "Spinal stenosis: when to get help now"
DISCLAIMER = "This is education, not medical advice. It does not replace your own clinician."
# The heading of each half says what the group has in common; the signs say what to do.
GROUPS = (
    (Urgency.EMERGENCY, "Get help now"),
    (Urgency.URGENT, "Get help today"),
)


def _sign_html(sign: WarningSign) -> str:
    say = getattr(sign, "what_to_say", "")  # the engine's phone script, when it has one
    said = (
        f'<p class="card-say"><strong>Say:</strong> {escape(say.removeprefix("Say: "))}</p>'
        if say
        else ""
    )
    return (
        f'<li class="card-sign card-sign-{sign.urgency.value}">'
        f'<p><strong class="card-signs">{escape(sign.signs)}</strong> '
        f'<span class="card-do"><span aria-hidden="true">→ </span>{escape(sign.what_to_do)}'
        f"</span></p>{said}</li>"
    )


def warning_card_html() -> str:
    """The card as one self-contained page: no script, no font, nothing fetched."""
    halves = []
    for urgency, heading in GROUPS:
        signs = [s for s in WARNING_SIGNS if s.urgency == urgency]
        label = f"{LEVEL_ICONS[Level.RED]} {URGENCY_WORDS[urgency]}"
        group = urgency.value
        halves.append(
            f'<section class="card-half card-{group}" aria-labelledby="card-{group}">'
            f'<h2 id="card-{urgency.value}"><span aria-hidden="true">{escape(label.split()[0])}'
            f"</span> {escape(URGENCY_WORDS[urgency])}: {escape(heading)}</h2>"
            f'<ul class="card-signs-list">{"".join(_sign_html(s) for s in signs)}</ul></section>'
        )
    # A clinic's own name and phone take the place of the write-in line: one page either way.
    write_in = contact_html() or (
        '<p class="card-write-in">My doctor\'s phone number: '
        '<span class="card-line" aria-hidden="true"></span></p>'
    )
    css = CARD_CSS.read_text(encoding="utf-8")
    # In the clinic's words and numbers (clinic.toml), like every other page a clinic hands out.
    return localise_html(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(TITLE)}</title>\n<style>\n{css}</style>\n</head>\n"
        # One flow in two columns, title to footer, so the halves balance at the fold.
        '<body class="warning-card">\n<div class="card-halves">\n<main>\n'
        f"<h1>{escape(TITLE)}</h1>\n"
        '<p class="card-intro">If you have any of these signs, do not use a massager. '
        "Get help.</p>\n"
        f"{''.join(halves)}\n{write_in}\n</main>\n"
        # One page: the licence in its short name only (the full note is on every other page).
        f"<footer><p>{escape(DISCLAIMER)} Version "
        f"{escape(widgets.__version__)} · reviewed {escape(widgets.LAST_REVIEWED)} · "
        f"{escape(CONTENT_LICENCE)}.</p></footer>\n</div>\n</body>\n</html>\n"
    )
