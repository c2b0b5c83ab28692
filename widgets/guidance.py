"""The guidance engine: a person's situation in, advice about a back massager out.

Pure Python with no Jupyter imports, so it can be tested, benchmarked and reused anywhere.
Every piece of advice in the series comes from here. The rules are a table read top to bottom
like a clinical protocol (see ``RULES``); ``assess`` walks it. Adding a rule means adding a row
and a test. Every rule cites keys of ``widgets.content.references``.

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

# ---------------------------------------------------------------------------
# Vocabulary: the one place the UI, notebooks and handouts read labels from.
# ---------------------------------------------------------------------------

REGIONS: dict[str, str] = {
    "lumbar": "Low back (lumbar)",
    "cervical": "Neck (cervical)",
    "both": "Both neck and low back",
    # Many people do not know where their narrowing is; they get the advice for both.
    "not_sure": "Not sure where the narrowing is",
}

# Severity is described by what a person can do, never by a scan grade (schizas2010).
SEVERITIES: dict[str, str] = {
    "mild": "Mild: symptoms only after a long walk or a long time standing.",
    "moderate": "Moderate: you have to stop and rest often when you walk or stand.",
    "severe": "Severe: you can walk or stand for only a few minutes.",
}

SYMPTOMS: dict[str, str] = {
    "leg_pain": "Pain, aching or heaviness in the buttocks or legs when you walk or stand",
    "numbness": "Numbness or tingling",
    "worsening_weakness": "New or worsening weakness, or a foot that drags or slaps (foot drop)",
    "hand_clumsiness": (
        "Clumsy hands that are new or getting worse: trouble with buttons, writing or "
        "holding things"
    ),
    "balance_problems": "Poor balance or unsteady walking that is new or getting worse",
    "saddle_numbness": "Numbness between the legs, around the bottom or genitals",
    "bladder_bowel_changes": "New trouble peeing or pooing, or leaking or not being able to stop",
    "fever": "Fever, chills or feeling hot and unwell",
    "weight_loss": "Weight loss you cannot explain",
    "night_pain": "Constant pain at night that does not ease when you change position",
    "swollen_calf": "One calf or leg that is newly swollen, warm, red or sore to touch",
    "new_back_pain": "Back pain that is new, or different from your usual pain",
    "major_injury": "A bad fall, a car crash or another big injury",
    "recent_injury": "A minor fall or knock in the last few weeks",
}

CONDITIONS: dict[str, str] = {
    "blood_thinners": "Blood thinners, or a bleeding disorder",
    "osteoporosis": "Osteoporosis (thin, weak bones)",
    "steroids": "Steroid tablets taken for a long time",
    "neuropathy": "Reduced feeling in the skin, for example from diabetes (nerve damage)",
    "recent_spine_surgery": "Recent spine surgery, or metal implants in the spine",
    "pacemaker": "A pacemaker or another electronic implant",
    "pregnancy": "Pregnancy",
    "cancer": "Cancer, now or in the past",
    "blood_clot": "A blood clot in a vein (DVT)",
    "skin_problem": "A wound, rash or skin infection where the massager would go",
}

DEVICES: dict[str, str] = {
    "percussion": "Percussion gun (a head that taps fast and hard)",
    "shiatsu": "Shiatsu cushion or belt (rolling, kneading nodes)",
    "vibration": "Vibration pad or wand (gentle buzzing)",
    "manual": "Manual tool (a roller, ball or hook you press yourself)",
    "massage_chair": "Massage chair (rollers and airbags, often with neck rollers)",
    "tens": "TENS or EMS unit (electrical pulses through sticky pads)",
}

AREAS: dict[str, str] = {
    "neck": "Neck",
    "upper_back": "Upper back",
    "lower_back": "Lower back",
    "buttocks": "Buttocks",
    "legs": "Legs",
}

INTENSITY_RANGE = (1, 5)
# Said once wherever strength is asked or advised: the scale is the device's own.
INTENSITY_SCALE = "1 is the lowest setting on the massager and 5 the highest"
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
    Level.GREEN: "Green: generally OK with care",
    Level.AMBER: "Amber: check first or change how you use it",
    Level.RED: "Red: do not use it, get help now",
}

# A text symbol for each level, so colour is never the only signal (wcag21, SC 1.4.1). Each is
# in DejaVu Sans, the fallback font of most Linux machines and of headless Chromium here; the
# no-entry sign is not, and printed as an empty box.
LEVEL_ICONS: dict[Level, str] = {Level.GREEN: "✔", Level.AMBER: "⚠", Level.RED: "✖"}


URGENCY_WORDS: dict[Urgency, str] = {Urgency.EMERGENCY: "Emergency", Urgency.URGENT: "Urgent"}


def urgency_label(urgency: Urgency) -> str:
    """'✖ Emergency' or '✖ Urgent': both are red, so both carry the red icon and a word."""
    return f"{LEVEL_ICONS[Level.RED]} {URGENCY_WORDS[urgency]}"


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
    def icon(self) -> str:
        return LEVEL_ICONS[self.level]

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


def _has_symptom(*names: str) -> Callable[[Profile], bool]:
    wanted = frozenset(names)
    return lambda p: not wanted.isdisjoint(p.symptoms)


def _has_condition(*names: str) -> Callable[[Profile], bool]:
    wanted = frozenset(names)
    return lambda p: not wanted.isdisjoint(p.conditions)


def _neck_narrowing(p: Profile) -> bool:
    return p.region in NECK_REGIONS


# Every red card ends with it; the checklist's help panel says it too.
STOP_ACTION = "Do not use the massager."
_TODAY = "Contact your doctor or an urgent care service today."

RULES: tuple[Rule, ...] = (
    # --- RED, emergency -----------------------------------------------------------------
    Rule(
        id="cauda_equina",
        level=Level.RED,
        urgency=Urgency.EMERGENCY,
        kind=Kind.WARNING_SIGN,
        applies=_has_symptom("saddle_numbness", "bladder_bowel_changes"),
        reason=(
            "Numbness between the legs, or new bladder or bowel trouble, can mean the nerves "
            "at the base of the spine are badly squeezed. This is called cauda equina "
            "syndrome. It needs treatment within hours to protect the nerves."
        ),
        actions=(
            "Go to the emergency department now, or call your emergency number.",
            STOP_ACTION,
        ),
        say=(
            "Say: I have spinal stenosis. I have new numbness down below or bladder or bowel "
            "trouble. I am worried about cauda equina syndrome."
        ),
        sources=("royalfree_ces", "tims_stenosis", "cks_redflags", "girft2023"),
    ),
    # --- RED, urgent --------------------------------------------------------------------
    Rule(
        id="worsening_weakness",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        applies=_has_symptom("worsening_weakness"),
        reason=(
            "New or worsening weakness, or a foot that drags, can mean a nerve is being "
            "harmed. A doctor needs to check you the same day."
        ),
        actions=(
            _TODAY,
            "If the weakness is sudden or spreading, go to the emergency department now.",
            STOP_ACTION,
        ),
        say="Say: I have spinal stenosis and new or worsening weakness in my leg or foot.",
        sources=("tims_stenosis", "glos_redflags", "cks_redflags"),
    ),
    Rule(
        id="possible_myelopathy",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        # Every region: unsteadiness is common in low-back narrowing too (suri2010), and a
        # person may not know their neck is narrowed. New or worse needs a check either way.
        applies=_has_symptom("hand_clumsiness", "balance_problems"),
        reason=(
            "New or worsening clumsy hands or poor balance can mean the spinal cord in the "
            "neck is being pressed. This is called myelopathy. Poor balance can also come "
            "from narrowing in the low back. Either way, a doctor should check you soon, "
            "because myelopathy can get worse."
        ),
        actions=(
            "Contact your doctor today and ask for a prompt check of your neck and spine.",
            STOP_ACTION,
        ),
        say="Say: I have spinal stenosis and my hands or my balance are new or getting worse.",
        sources=("mayo_stenosis", "houten2022", "nouri2022", "fehlings2017", "suri2010"),
    ),
    Rule(
        id="possible_infection",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        applies=_has_symptom("fever"),
        reason=(
            "Back pain with a fever or chills can be a sign of infection. A doctor needs to "
            "check you the same day."
        ),
        actions=(_TODAY, STOP_ACTION),
        say="Say: I have back pain with a fever or chills.",
        sources=("glos_redflags", "cks_redflags"),
    ),
    Rule(
        id="possible_cancer",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        applies=lambda p: (
            "weight_loss" in p.symptoms
            or "night_pain" in p.symptoms
            or ("cancer" in p.conditions and "new_back_pain" in p.symptoms)
        ),
        reason=(
            "New back pain after cancer, weight loss you cannot explain, or constant pain at "
            "night can be a sign that cancer has spread to the spine or of another serious "
            "illness. A doctor should check you soon."
        ),
        actions=(
            "Contact your doctor or your cancer team today and say what you have noticed.",
            STOP_ACTION,
        ),
        say="Say: I have new back pain or night pain, and I have had cancer (if you have).",
        sources=("glos_redflags", "verhagen2016", "cks_redflags"),
    ),
    Rule(
        id="possible_fracture",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        applies=lambda p: (
            "major_injury" in p.symptoms
            or ("recent_injury" in p.symptoms and not _BONE_RISKS.isdisjoint(p.conditions))
        ),
        reason=(
            "A big injury can break a bone in the spine. So can a small fall when your bones "
            "may be weak, from osteoporosis, long-term steroid tablets or cancer. A doctor "
            "should check you soon."
        ),
        actions=(
            _TODAY,
            "If the pain is severe, or you cannot stand or walk, go to the emergency "
            "department now.",
            STOP_ACTION,
        ),
        say="Say: I have spinal stenosis and new back pain after a fall or injury.",
        sources=("glos_redflags", "verhagen2016", "cks_redflags"),
    ),
    Rule(
        id="possible_clot",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        applies=_has_symptom("swollen_calf"),
        reason=(
            "One calf or leg that is newly swollen, warm, red or sore can be a blood clot in "
            "a vein (DVT). Pressing on it could move the clot to the lungs. It needs a check "
            "the same day."
        ),
        actions=(
            "Do not massage that leg, or rub it.",
            "Get a check today: contact your doctor or an urgent care service.",
            "If you get sudden breathlessness or chest pain, call your emergency number now.",
            STOP_ACTION,
        ),
        say="Say: one of my legs is newly swollen, warm and sore. I am worried about a clot.",
        sources=("nhs_dvt", "nccih_massage"),
    ),
    # --- AMBER: health reasons to talk to a clinician first ------------------------------
    Rule(
        id="neck_with_neck_stenosis",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: _neck_narrowing(p) and "neck" in p.areas,
        reason=(
            "Your narrowing may be in the neck, and you want to use the massager on your "
            "neck. Strong pressure or shaking there has, rarely, hurt the spinal cord or the "
            "blood vessels in the neck."
        ),
        actions=("Ask your clinician before you use any massager on your neck.",),
        sources=("yin2014", "sulkowski2022", "shariff2023"),
    ),
    Rule(
        id="firm_device_on_neck",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.device in _FIRM_ON_NECK and "neck" in p.areas,
        reason=(
            "Hard tapping, kneading nodes or chair rollers on the neck can harm the blood "
            "vessels there. A torn artery in the neck, which can cause a stroke, has been "
            "reported after a massage gun and after a home massage device."
        ),
        actions=(
            "Do not use this kind of massager on your neck unless your clinician says it is "
            "safe for you.",
        ),
        sources=("sulkowski2022", "shariff2023"),
    ),
    Rule(
        id="tens_on_neck",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.device == "tens" and "neck" in p.areas,
        reason=(
            "Electrical pulses on the neck can reach the nerves and blood vessels that help "
            "control your heart rate and breathing."
        ),
        actions=("Do not put TENS pads on your neck.",),
        sources=("nhs_tens",),
    ),
    Rule(
        id="blood_thinners",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: (
            "blood_thinners" in p.conditions
            and (p.device in _DEEP_DEVICES or p.intensity >= _BRUISING_INTENSITY)
        ),
        reason=(
            "Blood thinners make you bruise and bleed more easily. Hard tapping, deep "
            "kneading, pressing hard with a tool or a high setting can cause deep bruises."
        ),
        actions=(
            "Ask your clinician first if a gentle vibration setting is safe for you.",
            "Check your skin for bruises after each use.",
        ),
        sources=("chen2021", "nccih_massage"),
    ),
    Rule(
        id="reduced_feeling",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: (
            (p.heat and ("neuropathy" in p.conditions or "numbness" in p.symptoms))
            or ("neuropathy" in p.conditions and not _LEG_AREAS.isdisjoint(p.areas))
            or ("numbness" in p.symptoms and "legs" in p.areas)
        ),
        reason=(
            "Skin that cannot feel well cannot warn you when heat or pressure is too much. "
            "People with reduced feeling, most of all in the legs and feet, have been burned "
            "by heating pads."
        ),
        actions=(
            "Ask your clinician before you use a massager where your feeling is reduced.",
            "Keep the heat turned off.",
        ),
        sources=("heating_pad_warnings", "burns1987", "therabody"),
    ),
    Rule(
        id="weak_bones",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("osteoporosis", "steroids"),
        reason=(
            "Thin or weak bones (osteoporosis, or long-term steroid tablets) can be harmed "
            "by strong pressure."
        ),
        actions=("Ask your clinician which setting and which areas are safe for you.",),
        sources=("therabody", "nccih_massage"),
    ),
    Rule(
        id="recent_spine_surgery",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("recent_spine_surgery"),
        reason=(
            "After spine surgery, or with metal in the spine, the area needs time to heal. "
            "Makers say not to use their devices over a wound or implant."
        ),
        actions=("Ask your surgeon or physio when and where a massager is safe.",),
        sources=("therabody", "hyperice"),
    ),
    Rule(
        id="pacemaker",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("pacemaker"),
        reason=(
            "The motors in powered massagers hold magnets, and TENS units send electrical "
            "pulses. Both can upset a pacemaker or another device inside your body. Makers "
            "ask you to check with a doctor first."
        ),
        actions=("Ask your heart team or clinician before you use a powered massager.",),
        sources=("hyperice", "fda_magnets", "nhs_tens"),
    ),
    Rule(
        id="tens_with_pacemaker",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.device == "tens" and "pacemaker" in p.conditions,
        reason="The electrical pulses of a TENS unit can upset a pacemaker.",
        actions=("Do not use a TENS unit unless your heart team says it is safe.",),
        sources=("nhs_tens",),
    ),
    Rule(
        id="pregnancy",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("pregnancy"),
        reason="Makers ask people who are pregnant to check with a doctor or midwife first.",
        actions=("Ask your midwife or doctor before you use a massager.",),
        sources=("therabody", "hyperice"),
    ),
    Rule(
        id="tens_in_pregnancy",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.device == "tens" and "pregnancy" in p.conditions,
        reason="TENS is not advised in pregnancy unless a midwife or doctor says so.",
        actions=("Do not use a TENS unit unless your midwife or doctor says it is safe.",),
        sources=("nhs_tens",),
    ),
    Rule(
        id="cancer",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("cancer"),
        reason=(
            "Cancer can weaken bones. Massage should not press on a tumour. Your cancer team "
            "knows what is safe for you."
        ),
        actions=("Ask your cancer team before you use a massager.",),
        sources=("nccih_massage",),
    ),
    Rule(
        id="blood_clot",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("blood_clot"),
        reason=(
            "Pressing on a blood clot in a vein could move it. A clot that moves to the "
            "lungs is dangerous."
        ),
        actions=(
            "Ask your doctor before you use a massager.",
            "Never use it on a leg with a clot.",
        ),
        sources=("nccih_massage",),
    ),
    Rule(
        id="skin_problem",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_condition("skin_problem"),
        reason="A massager can make a wound, rash or skin infection worse, or spread it.",
        actions=("Keep the massager off that skin until it has healed, and ask if unsure.",),
        sources=("nccih_massage", "therabody"),
    ),
    Rule(
        id="injury",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_symptom("recent_injury"),
        reason=(
            "After a fall or knock, a massager can hide or worsen damage. Get the injury "
            "checked first."
        ),
        actions=(
            "Ask your clinician to check the injury before you use a massager there.",
            "If the pain is severe or you cannot stand, get care now.",
        ),
        sources=("glos_redflags", "therabody"),
    ),
    Rule(
        id="new_back_pain",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=_has_symptom("new_back_pain"),
        reason=(
            "Back pain that is new, or not like your usual pain, needs a check to find its "
            "cause before you treat it yourself."
        ),
        actions=("Ask your doctor to check this new pain before you use a massager.",),
        sources=("cks_redflags", "verhagen2016"),
    ),
    Rule(
        id="severe_symptoms",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.severity == "severe",
        reason=(
            "When you can walk or stand for only a few minutes, a massager is not enough. "
            "Physio and surgery have been studied for this, with some benefit, though we "
            "cannot be fully sure of it. They are worth a review."
        ),
        actions=(
            "Book a review with your clinician to talk about physio, surgery and other choices.",
        ),
        sources=("katz2022", "delitto2015", "healthwise_surgery"),
    ),
    # --- AMBER: how it is used --------------------------------------------------------------
    Rule(
        id="intensity_too_high",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.USE,
        applies=lambda p: p.intensity > MAX_GREEN_INTENSITY,
        reason=(
            "High settings push hard. Hard pressure can leave muscles sore or bruised, so "
            "use a gentle setting."
        ),
        actions=lambda p: (f"Turn it down to {green_strength_limit(p)} or lower.",),
        sources=("therabody", "chen2021"),
    ),
    Rule(
        id="sessions_too_long",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.USE,
        applies=lambda p: p.minutes > MAX_MINUTES,
        reason=(
            "Long sessions can leave muscles sore and bruised. Many massagers switch off by "
            f"themselves after about {MAX_MINUTES} minutes."
        ),
        actions=(f"Keep each session to {MAX_MINUTES} minutes or less.",),
        sources=("therabody", "chen2021"),
    ),
    Rule(
        id="too_many_sessions",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.USE,
        applies=lambda p: p.sessions_per_day > MAX_SESSIONS,
        reason=(
            "Using it many times a day gives sore muscles no time to rest. The limit of "
            f"{MAX_SESSIONS} times a day is a careful choice, not a number from a study."
        ),
        actions=(f"Use it no more than {MAX_SESSIONS} times a day.",),
        sources=("therabody",),
    ),
    # --- Notes: advice that fits the person, without raising the level ----------------------
    Rule(
        id="neck_safety",
        level=Level.GREEN,
        urgency=None,
        kind=Kind.NOTE,
        applies=lambda p: "neck" in p.areas,
        reason=(
            "Big blood vessels run in the front and sides of the neck. Moving parts of neck "
            "massagers have caught hair, necklaces and clothes, and people have choked."
        ),
        actions=(
            "Never use a massager on the front or sides of your neck.",
            "Keep hair, necklaces, scarves and loose clothes away from moving parts.",
            "Never use a massager with its cover off.",
        ),
        sources=("sulkowski2022", "shariff2023", "mainichi2017"),
    ),
    Rule(
        id="heat_safety",
        level=Level.GREEN,
        urgency=None,
        kind=Kind.NOTE,
        applies=lambda p: p.heat,
        reason="Heat can burn skin, most of all if you fall asleep or cannot feel it well.",
        actions=(
            "Never fall asleep with the heat on.",
            "Use the timer, so the heat turns off by itself.",
            "Check your skin after each use for redness or blisters.",
        ),
        sources=("heating_pad_warnings", "burns1987"),
    ),
    Rule(
        id="back_arching_device",
        level=Level.GREEN,
        urgency=None,
        kind=Kind.NOTE,
        applies=lambda p: (
            p.device in {"shiatsu", "massage_chair"}
            and p.region in LOW_BACK_REGIONS
            and "lower_back" in p.areas
        ),
        reason=(
            "A cushion or chair that pushes your low back into an arch can bring on leg pain "
            "in low-back narrowing."
        ),
        actions=("Put a small pillow behind your low back, or skip the low-back rollers.",),
        sources=("katz2022",),
    ),
    Rule(
        id="tens_evidence",
        level=Level.GREEN,
        urgency=None,
        kind=Kind.NOTE,
        applies=lambda p: p.device == "tens",
        reason="Guidelines do not recommend TENS for low back pain, with or without leg pain.",
        actions=("Ask your clinician whether TENS is worth trying for you.",),
        sources=("nice_ng59",),
    ),
    Rule(
        id="numb_skin",
        level=Level.GREEN,
        urgency=None,
        kind=Kind.NOTE,
        applies=lambda p: "neuropathy" in p.conditions or "numbness" in p.symptoms,
        reason="Skin that feels numb cannot warn you when pressure is too hard.",
        actions=("Keep the massager off numb skin, and look at your skin after each use.",),
        sources=("therabody", "burns1987"),
    ),
    Rule(
        id="gentle_with_blood_thinners",
        level=Level.GREEN,
        urgency=None,
        kind=Kind.NOTE,
        applies=_has_condition("blood_thinners"),
        reason="Blood thinners make bruises more likely, even with gentle use.",
        actions=("Use a gentle vibration setting of 1 or 2, and check your skin for bruises.",),
        sources=("nccih_massage",),
    ),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

# ---------------------------------------------------------------------------
# Standing precautions: what every person who may use a massager should hear
# ---------------------------------------------------------------------------

# For a general audience (the precautions panel): true whatever the region.
# Massage is comfort, not a cure: low-certainty, short-term, studied only alongside exercise.
STANDING_PRECAUTIONS: tuple[str, ...] = (
    "Keep it off the bones of your spine. Use it on the muscles beside the spine or on the "
    "buttocks.",
    f"Start low and short: strength {START_INTENSITY[0]} or {START_INTENSITY[1]} ("
    f"{INTENSITY_SCALE}) for about {START_MINUTES} minutes. Build up slowly over a few days.",
    "Stop if pain, numbness or weakness gets worse in your legs, arms or hands, or if your "
    "balance gets worse.",
    "With narrowing in the low back, sit leaning a little forward, or lie on your side with "
    "your knees bent.",
    "Keep active in the ways your clinician suggests. For low-back narrowing, walking and "
    "exercises are the main treatment.",
    "Learn the warning signs that mean you need help now.",
)

_OFF_THE_BONES = STANDING_PRECAUTIONS[0]
_WARNING_SIGNS_ACTION = STANDING_PRECAUTIONS[-1]
_STOP_SIGNS = {
    "lumbar": "Stop if pain, numbness or weakness in your legs gets worse.",
    "cervical": (
        "Stop if pain, numbness or weakness in your arms or hands gets worse, or if your "
        "balance gets worse."
    ),
    "both": (
        "Stop if pain, numbness or weakness in your arms, hands or legs gets worse, or if "
        "your balance gets worse."
    ),
}
_LEAN_FORWARD = "Sit leaning a little forward, or lie on your side with your knees bent."
_MAIN_TREATMENT = "Keep walking and doing your exercises. They are the main treatment."
_KEEP_ACTIVE = "Keep active, and do the exercises your clinician gives you."
_NECK_CHECK = (
    "Trouble walking or clumsy hands can come from the neck. Tell your doctor soon if you "
    "notice either."
)
_NECK_TREATMENT = (
    "With narrowing in the neck that is this limiting, ask your clinician about all your "
    "choices. Surgery is often advised, not exercise alone."
)


def start_low_advice(profile: Profile) -> str:
    """How to begin and how far to build up, for this person (the planner shows it too)."""
    low, high = START_INTENSITY
    return (
        f"Start low and short: strength {low} or {high} ({INTENSITY_SCALE}) for about "
        f"{START_MINUTES} minutes. Build up slowly over a few days, to no more than strength "
        f"{green_strength_limit(profile)} and {MAX_MINUTES} minutes."
    )


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


EVIDENCE_REASON = Reason(
    rule_id="what_massage_can_do",
    text=(
        "A massager may ease tight, sore muscles for a short time. It does not treat the "
        "narrowing itself. Massage has not been tested in people with spinal stenosis. "
        "Guidelines suggest it only alongside exercise."
    ),
    sources=("furlan2015", "nice_ng59", "acp2017"),
)

GREEN_REASON = Reason(
    rule_id="no_warning_signs",
    text="Nothing in your answers is a warning sign or needs a check with your clinician first.",
    sources=("katz2022", "nice_ng59"),
)

HEADLINES: dict[tuple[Level, Urgency | None, str], str] = {
    (Level.RED, Urgency.EMERGENCY, ""): (
        "Emergency: go to the emergency department or call your emergency number now. "
        "Do not use the massager."
    ),
    (Level.RED, Urgency.URGENT, ""): ("Do not use the massager. Get medical care today."),
    (Level.AMBER, None, "health"): "Talk to your clinician before you use a back massager.",
    (Level.AMBER, None, "use"): "Change how you use the massager before you go on.",
    (Level.GREEN, None, ""): (
        "A gentle back massager is likely fine for you, used with care. It can ease sore "
        "muscles for a while, but it does not treat stenosis."
    ),
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


def _said(rule_id: str) -> str:
    return RULES_BY_ID[rule_id].say


WARNING_SIGNS: tuple[WarningSign, ...] = (
    WarningSign(
        id="cauda_equina",
        urgency=Urgency.EMERGENCY,
        signs=(
            "Numbness between your legs or around your bottom. New trouble peeing or pooing, "
            "or leaking. New problems with sex."
        ),
        what_to_do="Go to the emergency department now, or call your emergency number.",
        what_to_say=_said("cauda_equina"),
        sources=RULES_BY_ID["cauda_equina"].sources,
    ),
    WarningSign(
        id="after_use_stroke_signs",
        urgency=Urgency.EMERGENCY,
        signs=(
            "During or after use: a sudden bad headache or neck pain, feeling dizzy, slurred "
            "speech, blurred sight, or a weak face or arm."
        ),
        what_to_do="Call your emergency number now. These can be signs of a stroke.",
        what_to_say="Say: I used a massager on my neck, and now I have signs of a stroke.",
        sources=("sulkowski2022", "shariff2023"),
    ),
    WarningSign(
        id="clot_in_lungs",
        urgency=Urgency.EMERGENCY,
        signs="Sudden breathlessness or chest pain, most of all with a swollen, sore leg.",
        what_to_do="Call your emergency number now. This can be a blood clot in the lungs.",
        what_to_say="Say: I am suddenly short of breath, and I may have a clot in my leg.",
        sources=("nhs_dvt",),
    ),
    WarningSign(
        id="worsening_weakness",
        urgency=Urgency.URGENT,
        signs=(
            "New or worsening weakness in a leg, a foot that drags, or walking that gets "
            "worse fast."
        ),
        what_to_do=(
            "Contact your doctor or urgent care today. If it is sudden, go to the emergency "
            "department."
        ),
        what_to_say=_said("worsening_weakness"),
        sources=RULES_BY_ID["worsening_weakness"].sources,
    ),
    WarningSign(
        id="possible_myelopathy",
        urgency=Urgency.URGENT,
        signs="Clumsy hands, dropping things, or poor balance that is new or getting worse.",
        what_to_do="Contact your doctor today and ask for a prompt check of your neck and spine.",
        what_to_say=_said("possible_myelopathy"),
        sources=RULES_BY_ID["possible_myelopathy"].sources,
    ),
    WarningSign(
        id="possible_clot",
        urgency=Urgency.URGENT,
        signs="One calf or leg that is newly swollen, warm, red or sore to touch.",
        what_to_do="Do not massage or rub it. Contact your doctor or urgent care today.",
        what_to_say=_said("possible_clot"),
        sources=RULES_BY_ID["possible_clot"].sources,
    ),
    WarningSign(
        id="possible_infection",
        urgency=Urgency.URGENT,
        signs="Back pain with a fever, chills or feeling very unwell.",
        what_to_do="Contact your doctor or urgent care today.",
        what_to_say=_said("possible_infection"),
        sources=RULES_BY_ID["possible_infection"].sources,
    ),
    WarningSign(
        id="possible_cancer",
        urgency=Urgency.URGENT,
        signs=(
            "New back pain if you have had cancer. Weight loss you cannot explain. Constant "
            "pain at night."
        ),
        what_to_do="Contact your doctor today and say what you have noticed.",
        what_to_say=_said("possible_cancer"),
        sources=RULES_BY_ID["possible_cancer"].sources,
    ),
    WarningSign(
        id="possible_fracture",
        urgency=Urgency.URGENT,
        signs=(
            "New back pain after a bad fall, a car crash or another big injury. Or after a "
            "small fall if you have thin bones, take steroid tablets or have had cancer."
        ),
        what_to_do="Contact your doctor or urgent care today.",
        what_to_say=_said("possible_fracture"),
        sources=RULES_BY_ID["possible_fracture"].sources,
    ),
    WarningSign(
        id="after_use_muscle_damage",
        urgency=Urgency.URGENT,
        signs="After using a massager: very bad muscle pain with dark, tea-coloured pee.",
        what_to_do="Get medical care today. This can be a sign of muscle damage.",
        what_to_say="Say: I used a massager, and now I have bad muscle pain and dark pee.",
        sources=("chen2021",),
    ),
)


@dataclass(frozen=True)
class RoutineSign:
    """The third tier, below urgent: not today, but book a visit soon."""

    id: str
    signs: str
    what_to_do: str
    sources: tuple[str, ...]


ROUTINE_HEADING = "See your doctor or physio soon (in the next few weeks) if:"

ROUTINE_SIGNS: tuple[RoutineSign, ...] = (
    RoutineSign(
        id="walking_shrinking",
        signs="The distance you can walk keeps getting shorter over weeks.",
        what_to_do="Book a visit to talk about your choices, such as physio or surgery.",
        sources=("katz2022", "healthwise_surgery"),
    ),
    RoutineSign(
        id="sleep_broken",
        signs="Pain often wakes you, even though it eases when you change position.",
        what_to_do="Book a visit to review your pain and your treatment.",
        sources=("katz2022", "nice_ng59"),
    ),
    RoutineSign(
        id="no_progress",
        signs="You are no better after a course of physio or exercises.",
        what_to_do="Book a visit to talk about other choices.",
        sources=("delitto2015", "healthwise_surgery"),
    ),
    RoutineSign(
        id="massager_soreness",
        signs="The massager leaves you sore for more than a day or two, or bruised.",
        what_to_do="Stop using it, and ask your physio or doctor about it.",
        sources=("therabody", "chen2021"),
    ),
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


PLACEMENTS: tuple[Placement, ...] = (
    Placement(
        id="muscles_beside_spine",
        place="The muscles on either side of the spine",
        ok=True,
        why="Soft muscle can take gentle pressure. This is where most people feel tight.",
        sources=("furlan2015", "therabody"),
    ),
    Placement(
        id="buttocks",
        place="The buttocks",
        ok=True,
        why=(
            "Big muscles that can take gentle pressure. Keep to the fleshy part: the tailbone "
            "and the bones you sit on are close under the skin, and a big nerve (the sciatic "
            "nerve) runs deep in the middle."
        ),
        sources=("therabody",),
    ),
    Placement(
        id="upper_back_muscles",
        place="The muscles of the upper back and shoulders",
        ok=True,
        why="Fine for gentle use. Keep off the front and sides of the neck.",
        sources=("therabody", "yin2014"),
    ),
    Placement(
        id="spine_bones",
        place="The bones down the middle of your back",
        ok=False,
        why="Pressing on bone hurts and can harm the joints. Makers say to avoid bony areas.",
        sources=("therabody",),
    ),
    Placement(
        id="front_of_neck",
        place="The front and sides of the neck",
        ok=False,
        why="Big blood vessels run here. Massage here has been linked with torn arteries.",
        sources=("sulkowski2022", "shariff2023", "yin2014"),
    ),
    Placement(
        id="numb_skin",
        place="Skin that feels numb",
        ok=False,
        why="You cannot feel if the pressure or heat is too much, so you could be hurt.",
        sources=("heating_pad_warnings", "burns1987"),
    ),
    Placement(
        id="broken_skin",
        place="Wounds, rashes, scars that have not healed, or a surgery site",
        ok=False,
        why="It can hurt the skin, spread infection or press on an implant.",
        sources=("therabody", "nccih_massage"),
    ),
    Placement(
        id="over_a_clot",
        place="A leg with a blood clot, or swollen, twisted veins",
        ok=False,
        why="Pressure could move a clot towards the lungs.",
        sources=("nccih_massage",),
    ),
)

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
