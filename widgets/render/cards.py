"""The guidance card: one ``Guidance`` from the engine, drawn as self-contained HTML.

The card is built from ``assess()``'s result and nothing else, so the explorer, the planner,
the static panels and the printed handout all say exactly what the engine says. Styles are
inline (no stylesheet, script, font or image), so the HTML works offline, in JupyterLab,
in an nbconvert export and on paper; every one comes from ``theme.style`` (why inline: see
``widgets.render.theme``).

Why plain Python and not a Jinja2 template, as the rest of the render floor uses: the explorer
page runs this module, and what it imports, in the browser (Pyodide), whose core has no Jinja2,
and its bundle ships Python modules only (``widgets.tools.explorer.build`` follows imports and
refuses any outside the standard library). So the card, the panels the personal handout shows,
``profile_text`` and the handout page are built here with the standard library, from the same
theme, and give the same bytes in CPython and in Pyodide. Every value is escaped with
``html.escape``, as Jinja2's autoescape would.

``read_cards`` is the card's reader: tests and the benchmark use it to check what a card says.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from typing import Any

from widgets.content.clinic import Clinic, wording
from widgets.guidance import Guidance, Profile, starting_profile
from widgets.render.theme import LEVEL_ICONS, level_values, style


def cite_marks(keys: tuple[str, ...] | list[str]) -> str:
    if not keys:
        return ""
    marks = " ".join(f"[{escape(key)}]" for key in keys)
    return f' <span class="sms-cite" {style("cite")}>{marks}</span>'


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


def card_html(guidance: Guidance, *, title: str | None = None, clinic: Clinic | None = None) -> str:
    """Self-contained HTML of a guidance card.

    Shows the level as words, an icon and a colour; the headline; the ordered actions; and the
    reasons with their citation keys. No headings (h1-h6), so a card never breaks the heading
    order of the notebook or handout it sits in. The engine's words are put into the clinic's
    (``clinic.current()`` unless ``clinic`` is given): its locale and its numbers.
    """
    say = wording(clinic)
    urgency = guidance.urgency.value if guidance.urgency else ""
    parts = [
        f'<section class="sms-card" data-level="{guidance.level.value}" '
        f'data-urgency="{urgency}" aria-label="{escape(guidance.label, quote=True)}" '
        f"{style('card', **level_values(guidance.level))}>"
    ]
    if title:
        parts.append(f'<p class="sms-card-title" {style("card-title")}>{escape(say(title))}</p>')
    parts.append(
        f'<p class="sms-card-level" {style("card-level", **level_values(guidance.level))}>'
        f'<span class="sms-card-icon" aria-hidden="true">'
        f"{escape(LEVEL_ICONS[guidance.level])}</span> "
        f'<span class="sms-card-label">{escape(guidance.label)}</span></p>'
    )
    parts.append(
        f'<p class="sms-card-headline" {style("card-headline")}>'
        f"{escape(say(guidance.headline))}</p>"
    )
    parts.append(f"<p {style('subhead')}>What to do</p>")
    parts.append(f'<ol class="sms-card-actions" {style("list-spaced")}>')
    parts.extend(f"<li>{escape(say(action))}</li>" for action in guidance.actions)
    parts.append("</ol>")
    parts.append(f"<p {style('subhead')}>Why</p>")
    parts.append(f'<ul class="sms-card-reasons" {style("list")}>')
    parts.extend(
        f'<li data-rule="{escape(reason.rule_id, quote=True)}">'
        f"{escape(say(reason.text))}{cite_marks(reason.sources)}</li>"
        for reason in guidance.reasons
    )
    parts.append("</ul></section>")
    return "".join(parts)


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
