"""The guidance engine: a person's situation in, advice about a back massager out.

Pure Python with no Jupyter imports, so it can be tested, benchmarked and reused anywhere.
Every piece of advice in the series comes from here. The rules are a table read top to bottom
like a clinical protocol (see ``RULES``); ``assess`` walks it. Adding a rule means adding a row
and a test. Every rule cites keys of ``widgets.content.references``.

What the engine SAYS (reasons, actions, warning signs, precautions, headlines) is read at import
from ``widgets/engine/data/en/wording.toml``, so a clinician can correct a sentence without
reading Python; WHEN a rule fires and how serious it is stays here. The file is checked as it is
read: a mistake stops the import with one line naming the entry and field.

Levels (each rule cites its sources, keys of ``widgets.content.references``: the emergency
signs, for one, ``royalfree_ces`` and ``cks_redflags``):
red/emergency > red/urgent > amber > green. Any trigger of a higher level wins, and no rule
depends on the *absence* of a symptom or condition, so adding one can never lower the level.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import product
from typing import Any

from widgets.engine.datafile import DataFileError
from widgets.engine.wording import Wording, load_wording

# The engine's words, read once at import (see the module's docstring).
_WORDING: Wording = load_wording()

# ---------------------------------------------------------------------------
# Vocabulary: the one place the UI, notebooks and handouts read labels from. The ids are the
# engine's (its rules test for them); the words for each come from the wording file.
# ---------------------------------------------------------------------------

# Many people do not know where their narrowing is: "not_sure" gets the advice for both.
REGIONS: dict[str, str] = _WORDING.labels("regions", ("lumbar", "cervical", "both", "not_sure"))

# Severity is described by what a person can do, never by a scan grade (schizas2010).
SEVERITIES: dict[str, str] = _WORDING.labels("severities", ("mild", "moderate", "severe"))

SYMPTOMS: dict[str, str] = _WORDING.labels(
    "symptoms",
    (
        "leg_pain",
        "numbness",
        "worsening_weakness",
        "hand_clumsiness",
        "balance_problems",
        "saddle_numbness",
        "bladder_bowel_changes",
        "fever",
        "weight_loss",
        "night_pain",
        "swollen_calf",
        "new_back_pain",
        "major_injury",
        "recent_injury",
    ),
)

CONDITIONS: dict[str, str] = _WORDING.labels(
    "conditions",
    (
        "blood_thinners",
        "osteoporosis",
        "steroids",
        "neuropathy",
        "recent_spine_surgery",
        "pacemaker",
        "pregnancy",
        "cancer",
        "blood_clot",
        "skin_problem",
    ),
)

DEVICES: dict[str, str] = _WORDING.labels(
    "devices", ("percussion", "shiatsu", "vibration", "manual", "massage_chair", "tens")
)

AREAS: dict[str, str] = _WORDING.labels(
    "areas", ("neck", "upper_back", "lower_back", "buttocks", "legs")
)

INTENSITY_RANGE = (1, 5)
MINUTES_RANGE = (1, 60)
SESSIONS_RANGE = (1, 6)

# Sensible limits for home use. The numbers are cautious design choices drawn from consumer
# guidance (15 minutes a use, 3 uses a day, auto-off at 15 minutes); no trial sets them.
# A card is green only at or below these; "start low" advice sits well below them.
MAX_GREEN_INTENSITY = 3
MAX_MINUTES = 15
MAX_SESSIONS = 3
START_INTENSITY = (1, 2)
START_MINUTES = 5

# Sentences in the wording file quote these numbers by name, so words and rules cannot disagree.
_NUMBERS = {
    "start_low": START_INTENSITY[0],
    "start_high": START_INTENSITY[1],
    "start_minutes": START_MINUTES,
    "max_minutes": MAX_MINUTES,
    "max_sessions": MAX_SESSIONS,
}


def _filled(text: str) -> str:
    """A sentence from the wording file with the engine's numbers in it ({limit} stays)."""
    return _WORDING.fill(text, _NUMBERS)


_TEXT: dict[str, str] = {name: _filled(text) for name, text in _WORDING.texts.items()}

# Said once wherever strength is asked or advised: the scale is the device's own.
INTENSITY_SCALE = _TEXT["intensity_scale"]

# From this setting up, a powered massager works deep enough to bruise someone who bleeds easily.
_BRUISING_INTENSITY = 3
# "Not sure" gets the advice of both the neck and the low back: the safe default.
NECK_REGIONS = frozenset({"cervical", "both", "not_sure"})
LOW_BACK_REGIONS = frozenset({"lumbar", "both", "not_sure"})
_BONE_RISKS = frozenset({"osteoporosis", "steroids", "cancer"})
# Devices that press, roll, knead or shock firmly: never on the neck without a clinician's word.
_FIRM_ON_NECK = frozenset({"percussion", "shiatsu", "massage_chair"})
# Devices that work deep enough to bruise someone on blood thinners, at any strength.
_DEEP_DEVICES = frozenset({"percussion", "shiatsu", "massage_chair", "manual"})
_LEG_AREAS = frozenset({"legs", "buttocks"})


def green_strength_limit(profile: Profile) -> int:
    """The highest strength this person may use without a caution: lower on blood thinners,
    so no card ever advises a setting that would itself raise a caution."""
    if "blood_thinners" in profile.conditions:
        return _BRUISING_INTENSITY - 1
    return MAX_GREEN_INTENSITY


class Level(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.GREEN: 0, Level.AMBER: 1, Level.RED: 2}


class Urgency(StrEnum):
    URGENT = "urgent"
    EMERGENCY = "emergency"


LEVEL_LABELS: dict[Level, str] = {
    Level(name): label for name, label in _WORDING.labels("levels", tuple(Level)).items()
}

# Each level's glyph (so colour is never the only signal) is presentation: it lives in the
# render floor's theme (widgets.render.theme.LEVEL_ICONS). The engine keeps only the words.
URGENCY_WORDS: dict[Urgency, str] = {
    Urgency(name): word
    for name, word in _WORDING.labels("urgencies", (Urgency.EMERGENCY, Urgency.URGENT)).items()
}


# ---------------------------------------------------------------------------
# Profile: the person's situation, checked on the way in.
# ---------------------------------------------------------------------------


def _one_of(name: str, value: object, allowed: Iterable[str]) -> str:
    allowed = list(allowed)
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
    return value


def _set_of(name: str, value: object, allowed: Iterable[str]) -> frozenset[str]:
    allowed = list(allowed)
    # A bare string is iterable too; it would turn into a set of single letters.
    if isinstance(value, (str, bytes)) or not isinstance(value, (set, frozenset, list, tuple)):
        raise ValueError(
            f"{name} must be a set, list or tuple of {', '.join(allowed)}; got {value!r}"
        )
    for item in value:
        if item not in allowed:
            raise ValueError(f"{name} must contain only {', '.join(allowed)}; got {item!r}")
    return frozenset(value)


def _whole_number(name: str, value: object, bounds: tuple[int, int]) -> int:
    low, high = bounds
    # bool is a subclass of int; True is not a sensible intensity.
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high}; got {value!r}")
    return value


@dataclass(frozen=True, kw_only=True)
class Profile:
    """One person's situation and how they would use the massager. Immutable and validated."""

    region: str
    severity: str
    symptoms: frozenset[str]
    conditions: frozenset[str]
    device: str
    areas: frozenset[str]
    intensity: int
    heat: bool
    minutes: int
    sessions_per_day: int

    def __post_init__(self) -> None:
        checked = {
            "region": _one_of("region", self.region, REGIONS),
            "severity": _one_of("severity", self.severity, SEVERITIES),
            "symptoms": _set_of("symptoms", self.symptoms, SYMPTOMS),
            "conditions": _set_of("conditions", self.conditions, CONDITIONS),
            "device": _one_of("device", self.device, DEVICES),
            "areas": _set_of("areas", self.areas, AREAS),
            "intensity": _whole_number("intensity", self.intensity, INTENSITY_RANGE),
            "minutes": _whole_number("minutes", self.minutes, MINUTES_RANGE),
            "sessions_per_day": _whole_number(
                "sessions_per_day", self.sessions_per_day, SESSIONS_RANGE
            ),
        }
        if not checked["areas"]:
            raise ValueError(f"areas must name at least one of {', '.join(AREAS)}; got none")
        if not isinstance(self.heat, bool):
            raise ValueError(f"heat must be one of True, False; got {self.heat!r}")
        for name, value in checked.items():
            object.__setattr__(self, name, value)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict, with sets as sorted lists; ``Profile(**d)`` reads it back."""
        return {
            "region": self.region,
            "severity": self.severity,
            "symptoms": sorted(self.symptoms),
            "conditions": sorted(self.conditions),
            "device": self.device,
            "areas": sorted(self.areas),
            "intensity": self.intensity,
            "heat": self.heat,
            "minutes": self.minutes,
            "sessions_per_day": self.sessions_per_day,
        }


def starting_profile() -> Profile:
    """Where the explorers start: mild low-back stenosis and a gentle, short, sensible use."""
    return Profile(
        region="lumbar",
        severity="mild",
        symptoms=frozenset({"leg_pain"}),
        conditions=frozenset(),
        device="vibration",
        areas=frozenset({"lower_back"}),
        intensity=2,
        heat=False,
        minutes=START_MINUTES,
        sessions_per_day=1,
    )


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    rule_id: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Guidance:
    level: Level
    urgency: Urgency | None
    headline: str
    actions: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self.level]

    @property
    def sources(self) -> list[str]:
        """Every source key behind this guidance, in order of first use."""
        return list(dict.fromkeys(key for reason in self.reasons for key in reason.sources))


# ---------------------------------------------------------------------------
# The rules table
# ---------------------------------------------------------------------------


class Kind(StrEnum):
    """What a rule is about. The amber headline depends on it."""

    WARNING_SIGN = "warning sign"
    HEALTH = "health"
    USE = "use"
    NOTE = "note"


Actions = tuple[str, ...] | Callable[[Profile], tuple[str, ...]]


@dataclass(frozen=True)
class Rule:
    """One row of the protocol. ``say`` is, on red rules, what to tell the people who help."""

    id: str
    level: Level
    urgency: Urgency | None
    kind: Kind
    applies: Callable[[Profile], bool]
    reason: str
    actions: Actions
    sources: tuple[str, ...]
    say: str = ""

    def actions_for(self, profile: Profile) -> tuple[str, ...]:
        return self.actions(profile) if callable(self.actions) else self.actions


@dataclass(frozen=True)
class _Row:
    """The logic of one rule; its words (reason, actions, say, sources) come from the wording
    file's ``[[rules]]`` entry with the same id."""

    id: str
    level: Level
    urgency: Urgency | None
    kind: Kind
    applies: Callable[[Profile], bool]


def _has_symptom(*names: str) -> Callable[[Profile], bool]:
    wanted = frozenset(names)
    return lambda p: not wanted.isdisjoint(p.symptoms)


def _has_condition(*names: str) -> Callable[[Profile], bool]:
    wanted = frozenset(names)
    return lambda p: not wanted.isdisjoint(p.conditions)


def _neck_narrowing(p: Profile) -> bool:
    return p.region in NECK_REGIONS


# Every red card ends with it; the checklist's help panel says it too.
STOP_ACTION = _TEXT["stop_action"]

_PROTOCOL: tuple[_Row, ...] = (
    # --- RED, emergency -----------------------------------------------------------------
    _Row(
        id="cauda_equina",
        level=Level.RED,
        urgency=Urgency.EMERGENCY,
        kind=Kind.WARNING_SIGN,
        applies=_has_symptom("saddle_numbness", "bladder_bowel_changes"),
    ),
    # --- RED, urgent --------------------------------------------------------------------
    _Row(
        id="worsening_weakness",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        applies=_has_symptom("worsening_weakness"),
    ),
    _Row(
        id="possible_myelopathy",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        # Every region: unsteadiness is common in low-back narrowing too (suri2010), and a
        # person may not know their neck is narrowed. New or worse needs a check either way.
        applies=_has_symptom("hand_clumsiness", "balance_problems"),
    ),
    _Row(
        id="possible_infection",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        applies=_has_symptom("fever"),
    ),
    _Row(
        id="possible_cancer",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        applies=lambda p: (
            "weight_loss" in p.symptoms
            or "night_pain" in p.symptoms
            or ("cancer" in p.conditions and "new_back_pain" in p.symptoms)
        ),
    ),
    _Row(
        id="possible_fracture",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        applies=lambda p: (
            "major_injury" in p.symptoms
            or ("recent_injury" in p.symptoms and not _BONE_RISKS.isdisjoint(p.conditions))
        ),
    ),
    _Row(
        id="possible_clot",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        applies=_has_symptom("swollen_calf"),
    ),
    # --- AMBER: health reasons to talk to a clinician first ------------------------------
    _Row(
        id="neck_with_neck_stenosis",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: _neck_narrowing(p) and "neck" in p.areas,
    ),
    _Row(
        id="firm_device_on_neck",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.device in _FIRM_ON_NECK and "neck" in p.areas,
    ),
    _Row(
        id="tens_on_neck",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.device == "tens" and "neck" in p.areas,
    ),
    _Row(
        id="blood_thinners",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: (
            "blood_thinners" in p.conditions
            and (p.device in _DEEP_DEVICES or p.intensity >= _BRUISING_INTENSITY)
        ),
    ),
    _Row(
        id="reduced_feeling",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: (
            (p.heat and ("neuropathy" in p.conditions or "numbness" in p.symptoms))
            or ("neuropathy" in p.conditions and not _LEG_AREAS.isdisjoint(p.areas))
            or ("numbness" in p.symptoms and "legs" in p.areas)
        ),
    ),
    _Row(
        id="weak_bones",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("osteoporosis", "steroids"),
    ),
    _Row(
        id="recent_spine_surgery",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("recent_spine_surgery"),
    ),
    _Row(
        id="pacemaker",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("pacemaker"),
    ),
    _Row(
        id="tens_with_pacemaker",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.device == "tens" and "pacemaker" in p.conditions,
    ),
    _Row(
        id="pregnancy",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("pregnancy"),
    ),
    _Row(
        id="tens_in_pregnancy",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.device == "tens" and "pregnancy" in p.conditions,
    ),
    _Row(
        id="cancer",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("cancer"),
    ),
    _Row(
        id="blood_clot",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("blood_clot"),
    ),
    _Row(
        id="skin_problem",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("skin_problem"),
    ),
    _Row(
        id="injury",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_symptom("recent_injury"),
    ),
    _Row(
        id="new_back_pain",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_symptom("new_back_pain"),
    ),
    _Row(
        id="severe_symptoms",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.severity == "severe",
    ),
    # --- AMBER: how it is used --------------------------------------------------------------
    _Row(
        id="intensity_too_high",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.USE,
        applies=lambda p: p.intensity > MAX_GREEN_INTENSITY,
    ),
    _Row(
        id="sessions_too_long",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.USE,
        applies=lambda p: p.minutes > MAX_MINUTES,
    ),
    _Row(
        id="too_many_sessions",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.USE,
        applies=lambda p: p.sessions_per_day > MAX_SESSIONS,
    ),
    # --- Notes: advice that fits the person, without raising the level ----------------------
    _Row(
        id="neck_safety",
        level=Level.GREEN,
        urgency=None,
        kind=Kind.NOTE,
        applies=lambda p: "neck" in p.areas,
    ),
    _Row(
        id="heat_safety",
        level=Level.GREEN,
        urgency=None,
        kind=Kind.NOTE,
        applies=lambda p: p.heat,
    ),
    _Row(
        id="back_arching_device",
        level=Level.GREEN,
        urgency=None,
        kind=Kind.NOTE,
        applies=lambda p: (
            p.device in {"shiatsu", "massage_chair"}
            and p.region in LOW_BACK_REGIONS
            and "lower_back" in p.areas
        ),
    ),
    _Row(
        id="tens_evidence",
        level=Level.GREEN,
        urgency=None,
        kind=Kind.NOTE,
        applies=lambda p: p.device == "tens",
    ),
    _Row(
        id="numb_skin",
        level=Level.GREEN,
        urgency=None,
        kind=Kind.NOTE,
        applies=lambda p: "neuropathy" in p.conditions or "numbness" in p.symptoms,
    ),
    _Row(
        id="gentle_with_blood_thinners",
        level=Level.GREEN,
        urgency=None,
        kind=Kind.NOTE,
        applies=_has_condition("blood_thinners"),
    ),
)


def _by_id(entries: tuple[dict[str, Any], ...]) -> dict[str, dict[str, Any]]:
    return {entry["id"]: entry for entry in entries}


def _per_person(texts: tuple[str, ...]) -> Actions:
    """Fixed actions, or, where a text holds {limit}, actions worked out for each person."""
    if not any("{limit}" in text for text in texts):
        return texts
    return lambda p: tuple(t.replace("{limit}", str(green_strength_limit(p))) for t in texts)


def _rules(protocol: tuple[_Row, ...], wording: Wording) -> tuple[Rule, ...]:
    """Each row of the protocol with its words; a row without words, or words without a row,
    is a mistake in the wording file, named there."""
    words = _by_id(wording.rules)
    rows = {row.id for row in protocol}
    for rule_id in words.keys() - rows:
        raise DataFileError(
            wording.where("rules", rule_id, "id") + ": no rule has this id in widgets/guidance.py"
        )
    rules = []
    for row in protocol:
        if row.id not in words:
            raise DataFileError(
                f"{wording.where('rules', row.id, 'id')}: missing; every rule needs its words"
            )
        entry = words[row.id]
        say = _filled(entry.get("say", ""))
        if (row.level is Level.RED) != bool(say):
            need = "is needed on a red rule" if row.level is Level.RED else "is only for red rules"
            raise DataFileError(f"{wording.where('rules', row.id, 'say')}: {need}")
        rules.append(
            Rule(
                id=row.id,
                level=row.level,
                urgency=row.urgency,
                kind=row.kind,
                applies=row.applies,
                reason=_filled(entry["reason"]),
                actions=_per_person(tuple(_filled(text) for text in entry["actions"])),
                sources=tuple(entry["sources"]),
                say=say,
            )
        )
    return tuple(rules)


RULES: tuple[Rule, ...] = _rules(_PROTOCOL, _WORDING)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

# ---------------------------------------------------------------------------
# Standing precautions: what every person who may use a massager should hear
# ---------------------------------------------------------------------------

# For a general audience (the precautions panel): true whatever the region.
# Massage is comfort, not a cure: low-certainty, short-term, studied only alongside exercise.
STANDING_PRECAUTIONS: tuple[str, ...] = (
    _TEXT["precaution_off_the_bones"],
    _TEXT["precaution_start_low"],
    _TEXT["precaution_stop_signs"],
    _TEXT["precaution_lean_forward"],
    _TEXT["precaution_keep_active"],
    _TEXT["precaution_learn_warning_signs"],
)

_OFF_THE_BONES = STANDING_PRECAUTIONS[0]
_WARNING_SIGNS_ACTION = STANDING_PRECAUTIONS[-1]
_STOP_SIGNS = {
    "lumbar": _TEXT["card_stop_signs_lumbar"],
    "cervical": _TEXT["card_stop_signs_cervical"],
    "both": _TEXT["card_stop_signs_both"],
}
_LEAN_FORWARD = _TEXT["card_lean_forward"]
_MAIN_TREATMENT = _TEXT["card_main_treatment"]
_KEEP_ACTIVE = _TEXT["card_keep_active"]
_NECK_CHECK = _TEXT["card_neck_check"]
_NECK_TREATMENT = _TEXT["card_neck_treatment"]


def start_low_advice(profile: Profile) -> str:
    """How to begin and how far to build up, for this person (the planner shows it too)."""
    return _TEXT["card_start_low"].replace("{limit}", str(green_strength_limit(profile)))


def standing_precautions(profile: Profile) -> tuple[str, ...]:
    """The precautions on this person's card: region-aware, and never advising a setting that
    would itself raise a caution for them."""
    neck = profile.region in NECK_REGIONS
    low_back = profile.region in LOW_BACK_REGIONS
    limiting = profile.severity in {"moderate", "severe"}
    stop_key = "both" if neck and low_back else ("cervical" if neck else "lumbar")
    lines = [_OFF_THE_BONES, start_low_advice(profile), _STOP_SIGNS[stop_key]]
    if low_back:
        lines.append(_LEAN_FORWARD)
    if neck and limiting:
        # Moderate or severe neck narrowing may be myelopathy: exercise is not the main answer.
        lines += [_NECK_CHECK, _NECK_TREATMENT]
    elif neck:
        lines += [_NECK_CHECK, _KEEP_ACTIVE]
    else:
        lines.append(_MAIN_TREATMENT)
    lines.append(_WARNING_SIGNS_ACTION)
    return tuple(lines)


def _reasons(wording: Wording) -> dict[str, Reason]:
    """The reasons that are not a rule, by id; the engine needs exactly these two."""
    reasons = {
        entry["id"]: Reason(entry["id"], _filled(entry["text"]), tuple(entry["sources"]))
        for entry in wording.reasons
    }
    for reason_id in reasons.keys() ^ {"what_massage_can_do", "no_warning_signs"}:
        problem = "missing" if reason_id not in reasons else "not a reason the engine shows"
        raise DataFileError(f"{wording.where('reasons', reason_id, 'id')}: {problem}")
    return reasons


_REASONS = _reasons(_WORDING)
# On every card: what a massager can and cannot do.
EVIDENCE_REASON = _REASONS["what_massage_can_do"]
# On green cards: why the card is green.
GREEN_REASON = _REASONS["no_warning_signs"]

HEADLINES: dict[tuple[Level, Urgency | None, str], str] = {
    (Level.RED, Urgency.EMERGENCY, ""): _TEXT["headline_emergency"],
    (Level.RED, Urgency.URGENT, ""): _TEXT["headline_urgent"],
    (Level.AMBER, None, "health"): _TEXT["headline_amber_health"],
    (Level.AMBER, None, "use"): _TEXT["headline_amber_use"],
    (Level.GREEN, None, ""): _TEXT["headline_green"],
}


def _headline(level: Level, urgency: Urgency | None, fired: list[Rule]) -> str:
    if level is Level.AMBER:
        about_health = any(r.kind is Kind.HEALTH for r in fired if r.level is Level.AMBER)
        return HEADLINES[(level, None, "health" if about_health else "use")]
    return HEADLINES[(level, urgency, "")]


def assess(profile: Profile) -> Guidance:
    """The guidance for one profile: level, urgency, headline, ordered actions and reasons."""
    fired = [rule for rule in RULES if rule.applies(profile)]
    level = max((rule.level for rule in fired), key=lambda lv: lv.rank, default=Level.GREEN)
    urgency: Urgency | None = None
    if level is Level.RED:
        urgencies = {rule.urgency for rule in fired if rule.level is Level.RED}
        urgency = Urgency.EMERGENCY if Urgency.EMERGENCY in urgencies else Urgency.URGENT

    # The highest level speaks first; within a level, the table's order is the protocol's order.
    ordered = sorted(fired, key=lambda rule: -rule.level.rank)
    if urgency is Urgency.EMERGENCY:
        ordered.sort(key=lambda rule: rule.urgency is not Urgency.EMERGENCY)

    actions: list[str] = []
    if level is Level.RED:
        # A red card says what to do now and what to say, nothing routine: usage tips would
        # only distract, and an emergency outranks same-day advice, which would blur "go now".
        speaking = [r for r in ordered if r.level is Level.RED and r.urgency is urgency]
        for rule in speaking:
            actions.extend(a for a in rule.actions_for(profile) if a != STOP_ACTION)
        actions.extend(rule.say for rule in speaking)
        actions.append(STOP_ACTION)
    else:
        for rule in ordered:
            actions.extend(rule.actions_for(profile))
        actions.extend(standing_precautions(profile))

    reasons = [Reason(rule.id, rule.reason, rule.sources) for rule in ordered]
    if level is Level.GREEN:
        reasons.insert(0, GREEN_REASON)
    reasons.append(EVIDENCE_REASON)

    return Guidance(
        level=level,
        urgency=urgency,
        headline=_headline(level, urgency, fired),
        actions=list(dict.fromkeys(actions)),
        reasons=reasons,
    )


# ---------------------------------------------------------------------------
# Warning signs: the "when to get help now" list every notebook shows.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WarningSign:
    id: str
    urgency: Urgency
    signs: str
    what_to_do: str
    sources: tuple[str, ...]
    what_to_say: str = ""


# Signs of harm from a massager itself, which no rule can see (they come after use): with each
# red rule's sign, the warning list must always show them. A wording file may reword signs and
# add new ones, never drop these.
_ALWAYS_WARNED = ("after_use_stroke_signs", "clot_in_lungs", "after_use_muscle_damage")


def _warning_signs(wording: Wording) -> tuple[WarningSign, ...]:
    """The warning signs. A sign that is also a rule (same id) says what the rule says and
    cites what it cites, so the two cannot drift apart; its urgency must match the rule's."""
    signs = []
    for entry in wording.warning_signs:
        sign_id, urgency = entry["id"], Urgency(entry["urgency"])
        rule = RULES_BY_ID.get(sign_id)
        if rule is not None and rule.level is not Level.RED:
            raise DataFileError(
                f"{wording.where('warning_signs', sign_id, 'id')}: names a rule that is not red"
            )
        if rule is not None:
            for name in ("what_to_say", "sources"):
                if name in entry:
                    raise DataFileError(
                        f"{wording.where('warning_signs', sign_id, name)}: comes from the rule "
                        f"{sign_id!r}; change it there, not here"
                    )
            if rule.urgency is not urgency:
                raise DataFileError(
                    f"{wording.where('warning_signs', sign_id, 'urgency')}: must be "
                    f"{rule.urgency}, as the rule {sign_id!r} is; got {urgency.value!r}"
                )
            say, sources = rule.say, rule.sources
        else:
            for name in ("what_to_say", "sources"):
                if name not in entry:
                    raise DataFileError(
                        f"{wording.where('warning_signs', sign_id, name)}: missing (needed on "
                        "a sign that is not a rule)"
                    )
            say, sources = _filled(entry["what_to_say"]), tuple(entry["sources"])
        signs.append(
            WarningSign(
                id=sign_id,
                urgency=urgency,
                signs=_filled(entry["signs"]),
                what_to_do=_filled(entry["what_to_do"]),
                what_to_say=say,
                sources=sources,
            )
        )
    red = [rule.id for rule in RULES if rule.level is Level.RED]
    for sign_id in [*red, *_ALWAYS_WARNED]:
        if sign_id not in {sign.id for sign in signs}:
            raise DataFileError(
                f"{wording.where('warning_signs', sign_id, 'id')}: missing; the warning list "
                "must always show this sign"
            )
    return tuple(signs)


WARNING_SIGNS: tuple[WarningSign, ...] = _warning_signs(_WORDING)


@dataclass(frozen=True)
class RoutineSign:
    """The third tier, below urgent: not today, but book a visit soon."""

    id: str
    signs: str
    what_to_do: str
    sources: tuple[str, ...]


ROUTINE_HEADING = _TEXT["routine_heading"]

ROUTINE_SIGNS: tuple[RoutineSign, ...] = tuple(
    RoutineSign(
        id=entry["id"],
        signs=_filled(entry["signs"]),
        what_to_do=_filled(entry["what_to_do"]),
        sources=tuple(entry["sources"]),
    )
    for entry in _WORDING.routine_signs
)


# ---------------------------------------------------------------------------
# Every sentence the engine can say, for the readability and wording checks.
# ---------------------------------------------------------------------------


def _probe_profiles() -> list[Profile]:
    """One profile per region, severity and blood-thinner status: every text variant."""
    base = starting_profile()
    return [
        replace(base, region=r, severity=s, conditions=c)
        for r in REGIONS
        for s in SEVERITIES
        for c in (frozenset(), frozenset({"blood_thinners"}))
    ]


def all_phrases() -> list[str]:
    """Every sentence ``assess`` and the warning lists can emit, each once."""
    probes = _probe_profiles()
    texts: list[str] = []
    for rule in RULES:
        texts.append(rule.reason)
        if rule.say:
            texts.append(rule.say)
        for probe in probes:
            texts.extend(rule.actions_for(probe))
    texts.extend(STANDING_PRECAUTIONS)
    for probe in probes:
        texts.extend(standing_precautions(probe))
    for sign in WARNING_SIGNS:
        texts += [sign.signs, sign.what_to_do, sign.what_to_say]
    for routine in ROUTINE_SIGNS:
        texts += [routine.signs, routine.what_to_do]
    texts += [ROUTINE_HEADING, *HEADLINES.values(), EVIDENCE_REASON.text, GREEN_REASON.text]
    return list(dict.fromkeys(t for t in texts if t))


# ---------------------------------------------------------------------------
# Where a massager may go: the body map and the precautions notebook draw from this.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    id: str
    place: str
    ok: bool
    why: str
    sources: tuple[str, ...]


# Places a massager must never go. A wording file may reword them, never drop them or call
# them fine: that is a change to the evidence, not to the words.
_NEVER_HERE = ("spine_bones", "front_of_neck", "numb_skin", "broken_skin", "over_a_clot")


def _placements(wording: Wording) -> tuple[Placement, ...]:
    places = tuple(
        Placement(
            id=entry["id"],
            place=_filled(entry["place"]),
            ok=entry["ok"],
            why=_filled(entry["why"]),
            sources=tuple(entry["sources"]),
        )
        for entry in wording.placements
    )
    for place_id in _NEVER_HERE:
        found = [place for place in places if place.id == place_id]
        if not found:
            raise DataFileError(
                f"{wording.where('placements', place_id, 'id')}: missing; the series must "
                "always say not to put a massager here"
            )
        if found[0].ok:
            raise DataFileError(
                f"{wording.where('placements', place_id, 'ok')}: must be false (a massager "
                "must never go here); got true"
            )
    return places


PLACEMENTS: tuple[Placement, ...] = _placements(_WORDING)

# ---------------------------------------------------------------------------
# The session planner's question: what is the nearest setting the engine would call green?
# ---------------------------------------------------------------------------


def nearest_green_use(profile: Profile) -> Profile | None:
    """The closest change to intensity, minutes and sessions that makes the guidance green.

    Only how the massager is used is changed. ``None`` means no such change is enough: the
    person's health or symptoms need a clinician's view first.
    """
    if assess(profile).level is Level.GREEN:
        return profile
    gentlest = replace(profile, intensity=1, minutes=1, sessions_per_day=1)
    if assess(gentlest).level is not Level.GREEN:
        return None
    best: tuple[int, Profile] | None = None
    intensities = range(INTENSITY_RANGE[0], INTENSITY_RANGE[1] + 1)
    minutes = range(MINUTES_RANGE[0], MINUTES_RANGE[1] + 1)
    sessions = range(SESSIONS_RANGE[0], SESSIONS_RANGE[1] + 1)
    for i, m, s in product(intensities, minutes, sessions):
        # Distance counts each step of each setting equally, so the smallest change wins.
        distance = (
            abs(i - profile.intensity)
            + abs(m - profile.minutes)
            + abs(s - profile.sessions_per_day)
        )
        if best is not None and distance >= best[0]:
            continue
        candidate = replace(profile, intensity=i, minutes=m, sessions_per_day=s)
        if assess(candidate).level is Level.GREEN:
            best = (distance, candidate)
    return None if best is None else best[1]
