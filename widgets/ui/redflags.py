"""The red-flag checklist (start-here and precautions notebooks).

Built from the engine: the symptoms that can make a red rule fire, plus the warning signs in
``guidance.WARNING_SIGNS`` that no symptom covers (for example signs after using a massager).
Ticking any box switches to a "get help now" panel that says what to do, emergency first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from html import escape

import ipywidgets as W

from widgets import guidance as G
from widgets.content.clinic import Clinic, wording
from widgets.render.cards import cite_marks
from widgets.render.parts import part_of
from widgets.render.templating import html, render
from widgets.render.theme import BOX_EMPTY, BOX_TICKED, LEVEL_ICONS, level_values, style
from widgets.ui.base import SeriesWidget
from widgets.ui.common import box_html, checkbox, group_label, note_html


@dataclass(frozen=True)
class RedFlag:
    """One box on the checklist and the warning signs (with what to do) it stands for."""

    id: str
    signs_text: str
    signs: tuple[G.WarningSign, ...]

    @property
    def urgency(self) -> G.Urgency:
        emergency = any(s.urgency is G.Urgency.EMERGENCY for s in self.signs)
        return G.Urgency.EMERGENCY if emergency else G.Urgency.URGENT

    @property
    def label(self) -> str:
        """The sign with its tier word first, so nobody has to infer the tier from order."""
        return f"{G.URGENCY_WORDS[self.urgency]}: {self.signs_text}"


def _red_rules_for(symptom: str) -> list[G.Rule]:
    """Red rules this symptom fires on its own, in any region of the spine."""
    fired: dict[str, G.Rule] = {}
    for region in G.REGIONS:
        profile = replace(G.starting_profile(), region=region, symptoms=frozenset({symptom}))
        for rule in G.RULES:
            if rule.level is G.Level.RED and rule.applies(profile):
                fired.setdefault(rule.id, rule)
    return list(fired.values())


def _sign_for(rule: G.Rule, symptom: str) -> G.WarningSign:
    signs = {sign.id: sign for sign in G.WARNING_SIGNS}
    if rule.id in signs:
        return signs[rule.id]
    # A red rule with no warning-sign entry still speaks in the engine's own words.
    assert rule.urgency is not None
    steps = rule.actions_for(G.starting_profile())
    return G.WarningSign(
        id=rule.id,
        urgency=rule.urgency,
        signs=G.SYMPTOMS[symptom],
        what_to_do=" ".join(a for a in steps if a != G.STOP_ACTION),
        what_to_say=rule.say,
        sources=rule.sources,
    )


@cache
def red_flags() -> tuple[RedFlag, ...]:
    """Every box on the checklist, emergencies first: red-flag symptoms, then the remaining
    warning signs. The tier comes from the engine's rules, so checklist and card agree."""
    flags: list[RedFlag] = []
    covered: set[str] = set()
    for symptom, label in G.SYMPTOMS.items():
        rules = _red_rules_for(symptom)
        if rules:
            signs = tuple(_sign_for(rule, symptom) for rule in rules)
            covered.update(sign.id for sign in signs)
            flags.append(RedFlag(id=symptom, signs_text=label, signs=signs))
    for sign in G.WARNING_SIGNS:
        if sign.id not in covered:
            flags.append(RedFlag(id=sign.id, signs_text=sign.signs, signs=(sign,)))
    flags.sort(key=lambda flag: flag.urgency is not G.Urgency.EMERGENCY)
    return tuple(flags)


def help_panel_html(ticked: list[RedFlag], *, clinic: Clinic | None = None) -> str:
    """The unmistakable "get help now" panel for the ticked flags, emergency first, in the
    clinic's words and numbers (``clinic.current()`` unless ``clinic`` is given)."""
    words = wording(clinic)
    emergency = any(flag.urgency is G.Urgency.EMERGENCY for flag in ticked)
    urgency = G.Urgency.EMERGENCY if emergency else G.Urgency.URGENT
    signs = sorted(
        {sign.id: sign for flag in ticked for sign in flag.signs}.values(),
        key=lambda sign: sign.urgency is not G.Urgency.EMERGENCY,
    )
    todo = list(dict.fromkeys(sign.what_to_do for sign in signs))
    todo.append(G.STOP_ACTION)
    say = [s.what_to_say for s in signs if s.what_to_say]
    keys = list(dict.fromkeys(key for sign in signs for key in sign.sources))
    return render(
        "help_panel.html.j2",
        urgency=urgency.value,
        red=level_values(G.Level.RED),
        icon=LEVEL_ICONS[G.Level.RED],
        level_words=f"{urgency.value.capitalize()}: {G.LEVEL_LABELS[G.Level.RED]}",
        headline=words(G.HEADLINES[(G.Level.RED, urgency, "")]),
        steps=[words(step) for step in todo],
        script=[words(line) for line in dict.fromkeys(say)],
        ticked=[words(flag.label) for flag in ticked],
        cites=html(cite_marks(keys)),
    )


NOTHING_TICKED = "Nothing ticked. Tick any sign you have now to see what to do."


class RedFlagChecklist(SeriesWidget):
    """A checkbox for every red flag; any tick shows the help-now panel. Words and numbers
    are the clinic's (``clinic.current()`` unless ``clinic`` is given)."""

    def __init__(self, *, clinic: Clinic | None = None, flags: tuple[RedFlag, ...] = (),
                 split: SplitChecklist | None = None) -> None:  # fmt: skip
        self.flags = flags or red_flags()
        self.say = wording(clinic)
        self.clinic = clinic
        # One part of a checklist cut over several cells (live slides) shares its ticks with
        # the other parts: every part's panel says what to do for all of them, most urgent first.
        self.split = split
        self.boxes: dict[str, W.Checkbox] = {
            flag.id: checkbox(self.say(flag.label)) for flag in self.flags
        }
        self.panel = W.HTML()
        super().__init__(
            [group_label("Tick any that you have now"), *self.boxes.values(), self.panel],
            classes=("sms-red-flags",),
        )
        for box in self.boxes.values():
            box.observe(lambda _change: self._ticks_changed(), names="value")
        if split is not None:
            split.parts.append(self)
        self.refresh()

    @property
    def ticked(self) -> list[RedFlag]:
        """The flags ticked here, or in any part of the same split checklist."""
        if self.split is not None:
            return self.split.ticked()
        return self.own_ticks()

    def own_ticks(self) -> list[RedFlag]:
        return [flag for flag in self.flags if self.boxes[flag.id].value]

    def _ticks_changed(self) -> None:
        for part in self.split.parts if self.split is not None else [self]:
            part.refresh()

    def refresh(self) -> None:
        ticked = self.ticked
        self.panel.value = (
            help_panel_html(ticked, clinic=self.clinic) if ticked else note_html(NOTHING_TICKED)
        )

    def static_html(self) -> str:
        # On paper the checklist is most useful with each sign's action beside its box.
        rows = "".join(
            f'<li {style("item-spaced")}><span aria-hidden="true">'
            f"{BOX_TICKED if self.boxes[flag.id].value else BOX_EMPTY}</span> "
            f"<span {style('strong')}>{escape(self.say(flag.label))}</span>"
            f"<br>{escape(self.say(' '.join(dict.fromkeys(s.what_to_do for s in flag.signs))))}"
            "</li>"
            for flag in self.flags
        )
        ticked = self.ticked
        listing = box_html(
            note_html("Tick any that you have now. Beside each sign is what to do.")
            + f'<ul class="sms-red-flag-list" {style("list-plain")}>{rows}</ul>'
        )
        return listing + (help_panel_html(ticked, clinic=self.clinic) if ticked else "")


class SplitChecklist:
    """The parts of one checklist, each in a cell of its own (a live slide holds one part).

    A sign ticked in any part counts in every part, so no part's panel can show a less urgent
    step ("call your GP today") while an emergency ticked in another part says "call 999 now".
    """

    def __init__(self) -> None:
        self.parts: list[RedFlagChecklist] = []

    def ticked(self) -> list[RedFlag]:
        ticked = {flag.id for part in self.parts for flag in part.own_ticks()}
        return [flag for flag in red_flags() if flag.id in ticked]

    def holds_any(self, flags: tuple[RedFlag, ...]) -> bool:
        return any(flag.id in part.boxes for part in self.parts for flag in flags)


# The split checklist the notebook is drawing. Each part's cell is an import and one call, so
# the parts find each other here; a part whose signs are already in it starts a new checklist
# (the notebook was run again), and the old parts keep their own shared ticks.
_drawing: list[SplitChecklist] = []


def _split_for(flags: tuple[RedFlag, ...]) -> SplitChecklist:
    if not _drawing or _drawing[0].holds_any(flags):
        _drawing[:] = [SplitChecklist()]
    return _drawing[0]


def red_flag_checklist(tier: str | None = None, part: tuple[int, int] = (1, 1), *,
                       clinic: Clinic | None = None) -> RedFlagChecklist:  # fmt: skip
    """Every red flag, or one tier's ("emergency" or "urgent"), or ``part`` (1, 2) of that tier:
    a live slide holds a tier (or half of one), so the presenter never scrolls the list. The
    parts drawn one after another are one checklist (``SplitChecklist``)."""
    if tier is None:
        return RedFlagChecklist(clinic=clinic)
    number, parts = part
    flags = tuple(flag for flag in red_flags() if flag.urgency.value == tier)
    if not flags or not 1 <= number <= parts:
        raise ValueError("red_flag_checklist() takes 'emergency' or 'urgent' and a part (n, of)")
    shown = tuple(part_of(flags, part))
    return RedFlagChecklist(clinic=clinic, flags=shown, split=_split_for(shown))
