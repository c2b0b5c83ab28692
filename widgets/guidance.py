"""The guidance engine: a person's situation in, advice about a back massager out.

Pure Python with no Jupyter imports, so it can be tested, benchmarked and reused anywhere.
Every piece of advice in the series comes from here. The rules are a table read top to bottom
like a clinical protocol (see ``RULES``); ``assess`` walks it. Adding a rule means adding a row
and a test. Every rule cites keys of ``widgets.references``.

Levels (``../shared/clinical-evidence.md``, "Rules a guidance engine should encode"):
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
    "hand_clumsiness": "Clumsy hands: trouble with buttons, writing or holding things",
    "balance_problems": "Poor balance or unsteady walking",
    "saddle_numbness": "Numbness between the legs, around the bottom or genitals",
    "bladder_bowel_changes": "New trouble peeing or pooing, or leaking or not being able to stop",
    "fever": "Fever, chills or feeling hot and unwell",
    "weight_loss": "Weight loss you cannot explain",
    "night_pain": "Constant pain at night that does not ease when you change position",
    "recent_injury": "A recent fall or other injury",
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
}

AREAS: dict[str, str] = {
    "neck": "Neck",
    "upper_back": "Upper back",
    "lower_back": "Lower back",
    "buttocks": "Buttocks",
    "legs": "Legs",
}

INTENSITY_RANGE = (1, 5)
MINUTES_RANGE = (1, 60)
SESSIONS_RANGE = (1, 6)

# Sensible limits for home use. The numbers are cautious design choices drawn from consumer
# guidance (15 minutes a use, 3 uses a day, auto-off at 15 minutes); no trial sets them.
MAX_GENTLE_INTENSITY = 4
MAX_MINUTES = 15
MAX_SESSIONS = 3

# From this setting up, a powered massager works deep enough to bruise someone who bleeds easily.
_DEEP_INTENSITY = 4
_CERVICAL_REGIONS = frozenset({"cervical", "both"})
_BONE_RISKS = frozenset({"osteoporosis", "steroids", "cancer"})


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
        minutes=10,
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


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    urgency: Urgency | None
    kind: Kind
    applies: Callable[[Profile], bool]
    reason: str
    actions: tuple[str, ...]
    sources: tuple[str, ...]


def _has_symptom(*names: str) -> Callable[[Profile], bool]:
    wanted = frozenset(names)
    return lambda p: not wanted.isdisjoint(p.symptoms)


def _has_condition(*names: str) -> Callable[[Profile], bool]:
    wanted = frozenset(names)
    return lambda p: not wanted.isdisjoint(p.conditions)


_STOP = "Do not use the massager."
KEEP_LIST_ACTION = "Take this list of your symptoms with you."

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
            "Say: I have spinal stenosis and new numbness down below or bladder or bowel trouble.",
            _STOP,
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
            "Contact your doctor or an urgent care service today.",
            "If the weakness is sudden or spreading, go to the emergency department now.",
            _STOP,
        ),
        sources=("tims_stenosis", "glos_redflags", "cks_redflags"),
    ),
    Rule(
        id="possible_myelopathy",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        applies=lambda p: (
            p.region in _CERVICAL_REGIONS
            and not {"hand_clumsiness", "balance_problems"}.isdisjoint(p.symptoms)
        ),
        reason=(
            "With narrowing in the neck, clumsy hands or poor balance can mean the spinal "
            "cord itself is being pressed. This is called myelopathy. It can get worse, so "
            "a specialist should check it soon."
        ),
        actions=(
            "Contact your doctor today and ask for a prompt check of your neck.",
            _STOP,
        ),
        sources=("mayo_stenosis", "houten2022", "nouri2022", "fehlings2017"),
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
        actions=(
            "Contact your doctor or an urgent care service today.",
            _STOP,
        ),
        sources=("glos_redflags", "cks_redflags"),
    ),
    Rule(
        id="possible_cancer",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        applies=lambda p: "weight_loss" in p.symptoms or "night_pain" in p.symptoms,
        reason=(
            "Weight loss you cannot explain, or constant pain at night, can be a sign of a "
            "serious illness such as cancer. It is more likely if you have had cancer. A "
            "doctor should check you soon."
        ),
        actions=(
            "Contact your doctor today and say what you have noticed.",
            "If you have had cancer, tell them that too.",
            _STOP,
        ),
        sources=("glos_redflags", "verhagen2016", "cks_redflags"),
    ),
    Rule(
        id="possible_fracture",
        level=Level.RED,
        urgency=Urgency.URGENT,
        kind=Kind.WARNING_SIGN,
        applies=lambda p: (
            "recent_injury" in p.symptoms and not _BONE_RISKS.isdisjoint(p.conditions)
        ),
        reason=(
            "A fall or injury when your bones may be weak (from osteoporosis, long-term "
            "steroid tablets or cancer) can break a bone in the spine. A doctor should check "
            "you soon."
        ),
        actions=(
            "Contact your doctor or an urgent care service today.",
            _STOP,
        ),
        sources=("glos_redflags", "verhagen2016"),
    ),
    # --- AMBER: health reasons to talk to a clinician first ------------------------------
    Rule(
        id="neck_with_neck_stenosis",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.region in _CERVICAL_REGIONS and "neck" in p.areas,
        reason=(
            "You have narrowing in the neck and want to use the massager on your neck. Strong "
            "pressure or shaking there has, rarely, hurt the spinal cord or the blood vessels "
            "in the neck."
        ),
        actions=(
            "Ask your clinician before you use any massager on your neck.",
            "Never use it on the front or sides of the neck.",
        ),
        sources=("yin2014", "sulkowski2022", "shariff2023"),
    ),
    Rule(
        id="percussion_on_neck",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.device == "percussion" and "neck" in p.areas,
        reason=(
            "A percussion gun on the neck has been linked with a torn artery in the neck, "
            "which can cause a stroke."
        ),
        actions=(
            "Do not use a percussion gun on your neck.",
            "Never use any massager on the front or sides of the neck.",
        ),
        sources=("sulkowski2022", "shariff2023"),
    ),
    Rule(
        id="blood_thinners",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: (
            "blood_thinners" in p.conditions
            and (p.device in {"percussion", "shiatsu"} or p.intensity >= _DEEP_INTENSITY)
        ),
        reason=(
            "Blood thinners make you bruise and bleed more easily. Hard tapping or deep "
            "kneading can cause deep bruises."
        ),
        actions=(
            "Ask your clinician first if a gentle setting is safe for you.",
            "Check your skin for bruises after each use.",
        ),
        sources=("chen2021", "nccih_massage"),
    ),
    Rule(
        id="heat_with_reduced_feeling",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.heat and ("neuropathy" in p.conditions or "numbness" in p.symptoms),
        reason=(
            "Heat on skin that cannot feel well can burn you without you noticing. People "
            "with reduced feeling have been burned by heating pads."
        ),
        actions=(
            "Ask your clinician before you use heat.",
            "Use the massager with the heat turned off, and never fall asleep with heat on.",
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
            "Do you have a pacemaker or another device inside your body? Makers ask you to "
            "check with a doctor before you use a powered massager."
        ),
        actions=("Ask your heart team or clinician before you use a powered massager.",),
        sources=("hyperice",),
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
            "After a fall or injury, a massager can hide or worsen damage. Get the injury "
            "checked first."
        ),
        actions=(
            "Ask your clinician to check the injury before you use a massager there.",
            "If the pain is severe or you cannot stand, get care now.",
        ),
        sources=("glos_redflags", "therabody"),
    ),
    Rule(
        id="hands_or_balance_low_back_only",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: (
            p.region == "lumbar"
            and not {"hand_clumsiness", "balance_problems"}.isdisjoint(p.symptoms)
        ),
        reason=(
            "Clumsy hands or poor balance are not usually caused by narrowing in the low "
            "back. They can come from the neck, so a clinician should look into them."
        ),
        actions=(
            "Tell your clinician about your hands or balance soon.",
            "If they are getting worse quickly, get help today.",
        ),
        sources=("mayo_stenosis", "houten2022", "suri2010"),
    ),
    Rule(
        id="severe_symptoms",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.HEALTH,
        applies=lambda p: p.severity == "severe",
        reason=(
            "When you can walk or stand for only a few minutes, a massager is not enough. "
            "Treatments that are proven to help, such as physio or surgery, are worth a "
            "review."
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
        applies=lambda p: p.intensity > MAX_GENTLE_INTENSITY,
        reason=(
            "The top setting pushes hard. Hard pressure near nerves that are already "
            "squeezed can make pain worse."
        ),
        actions=(f"Turn it down to {MAX_GENTLE_INTENSITY} or lower.",),
        sources=("therabody", "yin2014"),
    ),
    Rule(
        id="sessions_too_long",
        level=Level.AMBER,
        urgency=None,
        kind=Kind.USE,
        applies=lambda p: p.minutes > MAX_MINUTES,
        reason=(
            "Long sessions can leave muscles sore and bruised. Many massagers switch off "
            f"after about {MAX_MINUTES} minutes for this reason."
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
        reason="Using it many times a day gives muscles no time to rest and can make them sore.",
        actions=(f"Use it no more than {MAX_SESSIONS} times a day.",),
        sources=("therabody",),
    ),
    # --- Notes: advice that fits the person, without raising the level ----------------------
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
        actions=("Use a gentle setting and check your skin for bruises.",),
        sources=("nccih_massage",),
    ),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

# What every person who may use a massager should hear, most important first.
# Massage is comfort, not a cure: low-certainty, short-term, studied only alongside exercise.
STANDING_PRECAUTIONS: tuple[str, ...] = (
    "Keep it off the bones of your spine. Use it on the muscles beside the spine or on the "
    "buttocks.",
    "Start low and short: the lowest setting for a few minutes.",
    "Stop if pain, numbness or weakness in your legs gets worse.",
    "Sit leaning a little forward, or lie on your side with your knees bent.",
    "Keep walking and doing your exercises. They are the main treatment.",
    "Learn the warning signs that mean you need help now.",
)

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
        # A red card is about getting help; usage tips would only distract from it.
        # An emergency outranks same-day advice, which would only blur what to do now.
        for rule in ordered:
            if rule.level is Level.RED and rule.urgency is urgency:
                actions.extend(rule.actions)
        actions.append(KEEP_LIST_ACTION)
    else:
        for rule in ordered:
            actions.extend(rule.actions)
        actions.extend(STANDING_PRECAUTIONS)

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


WARNING_SIGNS: tuple[WarningSign, ...] = (
    WarningSign(
        id="cauda_equina",
        urgency=Urgency.EMERGENCY,
        signs=(
            "Numbness between your legs or around your bottom. New trouble peeing or pooing, "
            "or leaking. New problems with sex."
        ),
        what_to_do="Go to the emergency department now, or call your emergency number.",
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
        sources=("sulkowski2022", "shariff2023"),
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
        sources=RULES_BY_ID["worsening_weakness"].sources,
    ),
    WarningSign(
        id="possible_myelopathy",
        urgency=Urgency.URGENT,
        signs=(
            "Clumsy hands, dropping things, or poor balance, most of all with narrowing in "
            "the neck."
        ),
        what_to_do="Contact your doctor today and ask for a prompt check of your neck.",
        sources=RULES_BY_ID["possible_myelopathy"].sources,
    ),
    WarningSign(
        id="possible_infection",
        urgency=Urgency.URGENT,
        signs="Back pain with a fever, chills or feeling very unwell.",
        what_to_do="Contact your doctor or urgent care today.",
        sources=RULES_BY_ID["possible_infection"].sources,
    ),
    WarningSign(
        id="possible_cancer",
        urgency=Urgency.URGENT,
        signs=(
            "Weight loss you cannot explain, or constant pain at night, most of all if you "
            "have had cancer."
        ),
        what_to_do="Contact your doctor today and say what you have noticed.",
        sources=RULES_BY_ID["possible_cancer"].sources,
    ),
    WarningSign(
        id="possible_fracture",
        urgency=Urgency.URGENT,
        signs=(
            "New back pain after a fall or injury, if you have thin bones, take steroid "
            "tablets or have had cancer."
        ),
        what_to_do="Contact your doctor or urgent care today.",
        sources=RULES_BY_ID["possible_fracture"].sources,
    ),
    WarningSign(
        id="after_use_muscle_damage",
        urgency=Urgency.URGENT,
        signs="After using a massager: very bad muscle pain with dark, tea-coloured pee.",
        what_to_do="Get medical care today. This can be a sign of muscle damage.",
        sources=("chen2021",),
    ),
)


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
        why="Big muscles with no bone close under the skin.",
        sources=("therabody",),
    ),
    Placement(
        id="upper_back_muscles",
        place="The muscles of the upper back and shoulders",
        ok=True,
        why="Fine for gentle use. Keep away from the neck if you have narrowing there.",
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
