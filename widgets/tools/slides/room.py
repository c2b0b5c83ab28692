"""What a room needs in place of a page's long panels, drawn from the engine and the cards.

- Warning signs: two slides a room reads from the back, emergency then urgent, each sign with
  what to do, read from ``guidance.WARNING_SIGNS``. Each box takes the largest type that fits
  its slide (never smaller than ``SIGNS_MIN_EM``); a tier that would still not fit is cut into
  "1 of 2", "2 of 2" rather than shrunk further. What to say and the "see a doctor soon" tier
  (``guidance.ROUTINE_SIGNS``) go to the speaker notes and the appendix, and the slide says the
  full list is on the handout.
- The three-severity comparison: three columns of level and headline; the full cards are in
  the handout.
- Any guidance card: level, headline and what to do; the reasons are in the handout.

Nothing here words advice of its own: every sign, action and headline is the engine's text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    urgency_label,
)

from .fit import ROOM, estimate

# Warning signs are the one thing everyone in the room must read. A box takes the largest of
# these sizes (em of the deck's 26 px body text) that fits its slide. The smallest is the floor:
# the seven urgent signs, in the engine's full words, fit one slide at it, and below it the back
# row of a clinic room struggles, so a longer list is cut into two slides instead.
SIGNS_SIZES_EM = (1.15, 1.1, 1.05, 1.0, 0.95, 0.9, 0.85)
SIGNS_MIN_EM = SIGNS_SIZES_EM[-1]
# Big enough to sit under a section's opening words; smaller, the box takes a slide of its own.
SIGNS_SHARED_MIN_EM = 1.0
HANDOUT_SIGNS_POINTER = "The full list is on your handout."
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
            found.append(Tier(urgency.value, urgency_label(urgency), signs))
    if G.ROUTINE_SIGNS:
        found.append(Tier("soon", G.ROUTINE_HEADING, G.ROUTINE_SIGNS))
    return found


SAY_LABEL = "What to say"


def _sign_item(sign: Sign) -> str:
    return (
        f'<li style="margin:0 0 .3em"><strong>{escape(sign.signs)}</strong><br>'
        f'<span class="sms-room-todo">{escape(sign.what_to_do)}</span></li>'
    )


def _slide_item(sign: Sign) -> str:
    """The sign, then what to do on the same line: a wrapped line costs less than a new one."""
    return (
        f'<li style="margin:0 0 .25em"><strong>{escape(sign.signs)}</strong> '
        f'<span aria-hidden="true">→</span> '
        f'<span class="sms-room-todo">{escape(sign.what_to_do)}</span></li>'
    )


def _say_item(sign: Sign) -> str:
    return f'<li style="margin:0 0 .3em">{escape(getattr(sign, "what_to_say", ""))}</li>'


def _tier_box(tier: Tier, items: str, title: str, em: float = 1.0, aside: str = "") -> str:
    """A tier's box; ``aside`` is a short muted line at the right of its title, costing no line."""
    red = LEVEL_COLOURS[G.Level.RED]
    urgent = tier.key != "soon"
    background = red.background if urgent else NEUTRAL_BACKGROUND
    border = red.border if urgent else NEUTRAL_BORDER
    colour = red.label if urgent else TEXT
    heading, flex = escape(title), ""
    if aside:
        heading = (
            f'<span>{heading}</span><span class="sms-room-pointer" style="font-weight:400;'
            f'color:{MUTED_TEXT};font-size:.8em">{escape(aside)}</span>'
        )
        flex = ";display:flex;justify-content:space-between;align-items:baseline;gap:1em"
    return (
        f'<div class="sms-room-signs sms-room-keep sms-room-break" data-tier="{tier.key}" '
        f'style="font-size:{em:g}em;line-height:1.2;color:{TEXT};background:{background};'
        f"border:4px solid {border};border-left-width:14px;border-radius:8px;"
        f'padding:.35em .6em;margin:0">'
        f'<p class="sms-room-tier" style="margin:0 0 .25em;font-weight:700;color:{colour}{flex}">'
        f"{heading}</p>"
        f'<ul style="margin:0;padding-left:1em">{items}</ul></div>'
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
           budget: float, em: float = 1.0) -> list[str]:  # fmt: skip
    """``signs`` in as few boxes as fit in ``budget``, shared out evenly (4 + 3, not 6 + 1)."""

    def box(chunk: tuple[Sign, ...], part: str) -> str:
        return _tier_box(tier, "".join(item(s) for s in chunk), title + part, em)

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


def _largest_box(tier: Tier, budget: float, smallest: float, aside: str = "") -> str | None:
    """The tier's box at the largest size from ``SIGNS_SIZES_EM`` that fits ``budget``."""
    items = "".join(_slide_item(sign) for sign in tier.signs)
    for em in (size for size in SIGNS_SIZES_EM if size >= smallest):
        box = _tier_box(tier, items, tier.label, em, aside)
        if estimate(box) <= budget:
            return box
    return None


def warning_sign_slides(room_left: float, acting: Sequence[Tier] | None = None) -> list[str]:
    """Emergency, then urgent: one slide each, every sign with what to do.

    ``room_left`` is what the section's opening words leave on their slide: the emergency box
    joins them there when it fits at body size or larger, else it starts the next slide. Each
    later tier starts a slide of its own; the last says the full list is on the handout. What
    to say and the routine tier are for the notes and the appendix (``say_and_routine_pieces``),
    so the room sees only what to act on. ``acting`` defaults to the engine's two tiers.
    """
    if acting is None:
        acting = [tier for tier in tiers() if tier.key != "soon"]
    pieces: list[str] = []
    for number, tier in enumerate(acting):
        aside = HANDOUT_SIGNS_POINTER if number == len(acting) - 1 else ""
        shared = _largest_box(tier, room_left, SIGNS_SHARED_MIN_EM, aside) if number == 0 else None
        if shared is not None:
            pieces.append(shared.replace(" sms-room-break", "", 1))
            continue
        box = _largest_box(tier, room_budget(), SIGNS_MIN_EM, aside)
        if box is None:  # a list grown past one slide: cut it, never shrink below the floor
            pieces += _boxes(tier, tier.signs, _slide_item, tier.label, room_budget(), SIGNS_MIN_EM)
        else:
            pieces.append(box)
    return pieces


def say_and_routine_pieces(budget: float) -> list[str]:
    """For the appendix: what to say for each sign, then the "see a doctor soon" tier."""
    pieces: list[str] = []
    for tier in tiers():
        saying = tuple(s for s in tier.signs if getattr(s, "what_to_say", ""))
        if saying:
            title = f"{tier.label}: {SAY_LABEL.lower()}"
            pieces += _boxes(tier, saying, _say_item, title, budget)
        if tier.key == "soon":
            pieces += _boxes(tier, tier.signs, _sign_item, tier.label, budget)
    if pieces:  # the first box sits under the appendix heading
        pieces[0] = pieces[0].replace(" sms-room-break", "", 1)
    return pieces


def notes_markdown() -> str:
    """Speaker notes for the warning-sign slides: what to say, and the routine tier, in full."""
    lines = [f"**{SAY_LABEL}** (on the phone or at the desk), for each sign on the slides:", ""]
    for tier in tiers():
        for sign in tier.signs:
            said = getattr(sign, "what_to_say", "")
            if said:
                lines.append(f"- {escape(tier.label)}: {escape(said)}")
    routine = next((tier for tier in tiers() if tier.key == "soon"), None)
    if routine is not None:
        lines += ["", f"**{escape(routine.label)}**", ""]
        lines += [f"- {escape(s.signs)} {escape(s.what_to_do)}" for s in routine.signs]
    lines += ["", HANDOUT_SIGNS_POINTER]
    return "\n".join(lines)


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
        level = G.Level(str(card.get("data-level")))
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
            p["class"] = ["sms-room-keep-next"]  # type: ignore[assignment]  # bs4 keeps a list
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
    first = head.find("tr") if head is not None else None
    if first is None:
        return None
    names = [c.get_text(" ", strip=True) for c in first.find_all(["th", "td"])]
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
