"""The guidance card: one ``Guidance`` from the engine, drawn as self-contained HTML.

The card is built from ``assess()``'s result and nothing else, so the explorer, the planner,
the static panels and the printed handout all say exactly what the engine says. Styles are
inline (no stylesheet, script, font or image), so the HTML works offline, in JupyterLab,
in an nbconvert export and on paper; every one comes from ``theme.style`` (why inline: see
``widgets.render.theme``).

The HTML is ``templates/card.html.j2``, filled in by ``templating.exact_environment()``
(autoescaped): the explorer page runs this module in the browser too (Pyodide), and its bundle
ships Jinja2 and MarkupSafe with the template, so the page and CPython give the same bytes.

``read_cards`` is the card's reader: tests and the benchmark use it to check what a card says.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from widgets.content.clinic import Clinic, wording
from widgets.guidance import Guidance, Profile, starting_profile
from widgets.render.templating import macro_exact
from widgets.render.theme import LEVEL_ICONS, level_values

CARD = "card.html.j2"


def cite_marks(keys: tuple[str, ...] | list[str]) -> str:
    """' [key] [key]' after a sentence, or nothing when there are no keys."""
    return macro_exact(CARD, "cite_marks", keys)


# A card drawn for answers the reader did not give must not read as a verdict on them.
EXAMPLE_PREFIX = "Example: "
_REGION_WORDS = {"lumbar": "low-back", "cervical": "neck", "both": "neck and low-back"}


def example_title(profile: Profile | None = None) -> str:
    """The title of a card drawn for example answers (``starting_profile()`` by default).

    >>> example_title()
    'Example: a person with mild low-back narrowing and no other problems'
    """
    profile = profile or starting_profile()
    start = starting_profile()
    where = _REGION_WORDS.get(profile.region, "spinal")
    plain = profile.conditions == start.conditions and profile.symptoms <= start.symptoms
    rest = "no other problems" if plain else "the other answers shown"
    return f"{EXAMPLE_PREFIX}a person with {profile.severity} {where} narrowing and {rest}"


# A card whole, or in two parts for live slides: the sections each part shows.
CARD_PARTS: dict[tuple[int, int], tuple[str, ...]] = {
    (1, 1): ("do", "why"),
    (1, 2): ("do",),
    (2, 2): ("why",),
}


def card_html(
    guidance: Guidance,
    *,
    title: str | None = None,
    clinic: Clinic | None = None,
    part: tuple[int, int] = (1, 1),
) -> str:
    """Self-contained HTML of a guidance card.

    Shows the level as words, an icon and a colour; the headline; the ordered actions; and the
    reasons with their citation keys. No headings (h1-h6), so a card never breaks the heading
    order of the notebook or handout it sits in. The engine's words are put into the clinic's
    (``clinic.current()`` unless ``clinic`` is given): its locale and its numbers.

    ``part`` (1, 2) is the card down to what to do, (2, 2) the reasons why, each in the card's
    frame under its title: a live slide shows a long card in two steps, never scrolling.
    """
    if part not in CARD_PARTS:
        raise ValueError(f"card_html() takes a part in {sorted(CARD_PARTS)}")
    say = wording(clinic)
    return macro_exact(
        CARD,
        "card",
        level=guidance.level.value,
        urgency=guidance.urgency.value if guidance.urgency else "",
        label=guidance.label,
        icon=LEVEL_ICONS[guidance.level],
        colours=level_values(guidance.level),
        title=say(title) if title else None,
        headline=say(guidance.headline),
        actions=[say(action) for action in guidance.actions],
        reasons=[
            {"rule_id": reason.rule_id, "text": say(reason.text), "sources": reason.sources}
            for reason in guidance.reasons
        ],
        shows=CARD_PARTS[part],
    )


# ---------------------------------------------------------------------------
# Reading a card back
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CardText:
    """What a rendered card says, as plain text."""

    level: str
    urgency: str
    label: str
    headline: str
    actions: tuple[str, ...]
    reasons: tuple[str, ...]


class _CardReader(HTMLParser):
    _FIELDS = ("sms-card-label", "sms-card-headline")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cards: list[dict[str, Any]] = []
        self._capture: str | None = None
        self._list: str | None = None
        self._in_item = False
        self._in_cite = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        cls = found.get("class") or ""
        if tag == "section" and cls == "sms-card":
            self.cards.append(
                {
                    "level": found.get("data-level") or "",
                    "urgency": found.get("data-urgency") or "",
                    "sms-card-label": "",
                    "sms-card-headline": "",
                    "actions": [],
                    "reasons": [],
                }
            )
        elif cls in self._FIELDS:
            self._capture = cls
        elif cls == "sms-card-actions":
            self._list = "actions"
        elif cls == "sms-card-reasons":
            self._list = "reasons"
        elif tag == "li" and self._list and self.cards:
            self._in_item = True
            self.cards[-1][self._list].append("")
        elif cls == "sms-cite":
            self._in_cite = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("span", "p") and self._in_cite:
            self._in_cite = False
        elif tag in ("span", "p"):
            self._capture = None
        elif tag == "li":
            self._in_item = False
        elif tag in ("ol", "ul"):
            self._list = None

    def handle_data(self, data: str) -> None:
        if not self.cards or self._in_cite:
            return
        card = self.cards[-1]
        if self._capture:
            card[self._capture] += data
        elif self._in_item and self._list:
            card[self._list][-1] += data


def read_cards(html: str) -> list[CardText]:
    """Every card in ``html``, in order, as plain text (citation marks left out of reasons)."""
    reader = _CardReader()
    reader.feed(html)
    reader.close()
    return [
        CardText(
            level=c["level"],
            urgency=c["urgency"],
            label=c["sms-card-label"],
            headline=c["sms-card-headline"],
            actions=tuple(c["actions"]),
            reasons=tuple(r.strip() for r in c["reasons"]),
        )
        for c in reader.cards
    ]
