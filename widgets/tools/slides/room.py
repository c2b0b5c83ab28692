"""What a room needs in place of a page's long panels, drawn from the engine and the cards.

- Warning signs: one box per tier (emergency, urgent, soon), big type, each sign with what to
  do (and what to say, when the engine gives it), read from ``guidance.WARNING_SIGNS`` and
  ``guidance.ROUTINE_SIGNS``. A tier too long for one slide is cut into "1 of 2", "2 of 2".
- The three-severity comparison: three columns of level and headline; the full cards are in
  the handout.
- Any guidance card: level, headline and what to do; the reasons are in the handout.

Nothing here words advice of its own: every sign, action and headline is the engine's text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from bs4 import BeautifulSoup, Tag

from widgets import guidance as G
from widgets.render.theme import (
    BODY_SIZE,
    LEVEL_COLOURS,
    MUTED_TEXT,
    NEUTRAL_BACKGROUND,
    NEUTRAL_BORDER,
    TEXT,
)

from .fit import ROOM, estimate

# Warning signs are the one thing everyone in the room must read: larger than body text.
SIGNS_FONT_EM = 1.0
HANDOUT_POINTER = "The full cards, with reasons and sources, are in the handout."
CARD_POINTER = "Why, with sources: in the handout."


Sign = G.WarningSign | G.RoutineSign


@dataclass(frozen=True)
class Tier:
    key: str  # "emergency", "urgent" or "soon"
    label: str
    signs: tuple[Sign, ...]


def tiers() -> list[Tier]:
    """Emergency first, then urgent, then (if the engine has them) the "see a doctor soon" signs."""
    found = []
    for urgency in (G.Urgency.EMERGENCY, G.Urgency.URGENT):
        signs = tuple(s for s in G.WARNING_SIGNS if s.urgency is urgency)
        if signs:
            found.append(Tier(urgency.value, G.urgency_label(urgency), signs))
    if G.ROUTINE_SIGNS:
        found.append(Tier("soon", G.ROUTINE_HEADING, G.ROUTINE_SIGNS))
    return found


SAY_LABEL = "What to say"


def _sign_item(sign: Sign) -> str:
    return (
        f'<li style="margin:0 0 .3em"><strong>{escape(sign.signs)}</strong><br>'
        f'<span class="sms-room-todo">{escape(sign.what_to_do)}</span></li>'
    )


def _say_item(sign: Sign) -> str:
    return f'<li style="margin:0 0 .3em">{escape(getattr(sign, "what_to_say", ""))}</li>'


def _tier_box(tier: Tier, items: str, title: str) -> str:
    red = LEVEL_COLOURS[G.Level.RED]
    urgent = tier.key != "soon"
    background = red.background if urgent else NEUTRAL_BACKGROUND
    border = red.border if urgent else NEUTRAL_BORDER
    colour = red.label if urgent else TEXT
    return (
        f'<div class="sms-room-signs sms-room-keep sms-room-break" data-tier="{tier.key}" '
        f'style="font-size:{SIGNS_FONT_EM}em;line-height:1.25;color:{TEXT};background:{background};'
        f"border:4px solid {border};border-left-width:14px;border-radius:8px;"
        f'padding:.35em .7em;margin:0">'
        f'<p class="sms-room-tier" style="margin:0 0 .25em;font-weight:700;color:{colour}">'
        f"{escape(title)}</p>"
        f'<ul style="margin:0;padding-left:1.1em">{items}</ul></div>'
    )


def _share(signs: tuple[Sign, ...], count: int) -> list[tuple[Sign, ...]]:
    """``signs`` in ``count`` runs whose lengths differ by at most one."""
    size, extra = divmod(len(signs), count)
    runs, start = [], 0
    for number in range(count):
        end = start + size + (1 if number < extra else 0)
        runs.append(signs[start:end])
        start = end
    return runs


def _boxes(tier: Tier, signs: tuple[Sign, ...], item: Callable[[Sign], str], title: str,
           budget: float) -> list[str]:  # fmt: skip
    """``signs`` in as few boxes as fit in ``budget``, shared out evenly (4 + 3, not 6 + 1)."""

    def box(chunk: tuple[Sign, ...], part: str) -> str:
        return _tier_box(tier, "".join(item(s) for s in chunk), title + part)

    count = 1
    while count < len(signs):
        chunks = _share(signs, count)
        if all(estimate(box(c, " (1 of 2)")) <= budget for c in chunks):
            break
        count += 1
    else:
        chunks = [(sign,) for sign in signs]
    if len(chunks) == 1:
        return [box(chunks[0], "")]
    return [box(c, f" ({n} of {len(chunks)})") for n, c in enumerate(chunks, start=1)]


def warning_sign_pieces(budget: float) -> list[str]:
    """Per tier: the signs with what to do, then (when the engine has it) what to say."""
    pieces: list[str] = []
    for tier in tiers():
        pieces += _boxes(tier, tier.signs, _sign_item, tier.label, budget)
        saying = tuple(s for s in tier.signs if getattr(s, "what_to_say", ""))
        if saying:
            title = f"{tier.label}: {SAY_LABEL.lower()}"
            pieces += _boxes(tier, saying, _say_item, title, budget)
    # The first box sits under the section's own words; each later box starts a slide.
    if pieces:
        pieces[0] = pieces[0].replace(" sms-room-break", "", 1)
    return pieces


def is_warning_signs(tag: Tag) -> bool:
    """The help-now panel or the red-flag checklist: both are the warning signs in full.

    An output that also holds a guidance card is something else (a plan, a story) and keeps
    its own form.
    """
    panel = tag.select_one(".sms-help-now, .sms-warning-signs, .sms-red-flag-list")
    return panel is not None and tag.select_one(".sms-card") is None


def severity_columns(compare: Tag) -> str:
    """Mild, moderate and severe as three columns: which card, its level and its headline."""
    columns = []
    for card in compare.select("section.sms-card"):
        level = G.Level(card.get("data-level"))
        colours = LEVEL_COLOURS[level]
        title = card.select_one(".sms-card-title")
        label = card.select_one(".sms-card-level")
        headline = card.select_one(".sms-card-headline")
        columns.append(
            f'<div class="sms-room-column" data-level="{level.value}" '
            f'style="flex:1 1 0;background:{colours.background};border:3px solid '
            f'{colours.border};border-top-width:12px;border-radius:8px;padding:.4em .6em">'
            f'<p style="margin:0 0 .3em;font-weight:700">'
            f"{escape(title.get_text(' ', strip=True) if title else '')}</p>"
            f'<p style="margin:0 0 .3em;font-weight:700;color:{colours.label}">'
            f"{escape(label.get_text(' ', strip=True) if label else '')}</p>"
            f'<p style="margin:0">{escape(headline.get_text(" ", strip=True) if headline else "")}'
            f"</p></div>"
        )
    return (
        f'<div class="sms-room-columns" style="display:flex;gap:.8em;align-items:stretch;'
        f'font-size:.95em;line-height:1.3;margin:0 0 .4em">{"".join(columns)}</div>'
        f'<p style="margin:0;color:{MUTED_TEXT};font-size:.85em">{escape(HANDOUT_POINTER)}</p>'
    )


def compact_card(card: Tag) -> None:
    """A card as a slide shows it: the level, the headline and what to do, nothing cut."""
    reasons = card.select_one(".sms-card-reasons")
    if reasons is not None:
        why = reasons.find_previous_sibling("p")
        if why is not None and why.get_text(strip=True) == "Why":
            why.decompose()
        reasons.decompose()
    for p in card.find_all("p", recursive=False):
        if p.get_text(strip=True) == "What to do":
            p["class"] = ["sms-room-keep-next"]
    pointer = BeautifulSoup(
        f'<p style="margin:.4em 0 0;color:{MUTED_TEXT};font-size:.85em">{escape(CARD_POINTER)}</p>',
        "html.parser",
    )
    card.append(pointer)
    # The deck's type is already large: the card keeps it rather than growing it again.
    style = str(card.get("style") or "")
    for old, new in (("padding:.8em 1em", "padding:.4em .8em"), ("line-height:1.45",
                     "line-height:1.3"), (f"font-size:{BODY_SIZE}", "font-size:1em")):  # fmt: skip
        style = style.replace(old, new)
    card["style"] = style


def room_budget() -> float:
    """Room under a slide's heading for one box."""
    return ROOM.budget - ROOM.heading_px["h2"] * (ROOM.heading_line_height + 0.4)


WORKSHEET_POINTER = "a sheet to print and fill in, in the handout."


def worksheet_pointer(sheet: Tag) -> str:
    """A fill-in sheet belongs on paper: the slide names it and points to the handout."""
    name = sheet.get("aria-label") or "Worksheet"
    return (
        f'<p class="sms-room-pointer" style="margin:.3em 0;color:{MUTED_TEXT}">'
        f"“{escape(str(name))}”: {escape(WORKSHEET_POINTER)}</p>"
    )


def wide_table_rows(table: Tag) -> str | None:
    """A table too wide for a slide's type size, as one block per row: "Column: value".

    Returns None for a table without a header row, which cannot be read this way.
    """
    head = table.find("thead")
    if head is None or head.find("tr") is None:
        return None
    names = [c.get_text(" ", strip=True) for c in head.find("tr").find_all(["th", "td"])]
    blocks = []
    for tr in (table.find("tbody") or table).find_all("tr", recursive=False):
        cells = tr.find_all(["th", "td"], recursive=False)
        if not cells:
            continue
        first, rest = cells[0], cells[1:]
        parts = [
            f'<p class="sms-room-keep-next" style="margin:.2em 0;font-weight:700">'
            f"{first.decode_contents()}</p>"
        ]
        for name, cell in zip(names[1:], rest, strict=False):
            parts.append(
                f'<p style="margin:0 0 .25em"><strong>{escape(name)}:</strong> '
                f"{cell.decode_contents()}</p>"
            )
        block = (
            f'<div class="sms-room-row" style="border-top:2px solid {NEUTRAL_BORDER};'
            f'padding:.2em 0 0;margin:0 0 .3em">{"".join(parts)}</div>'
        )
        if estimate(block) <= room_budget():  # a row that fits one slide stays whole
            block = block.replace('class="sms-room-row"', 'class="sms-room-row sms-room-keep"', 1)
        blocks.append(block)
    return "".join(blocks)
