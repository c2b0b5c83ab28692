"""The choices a person with spinal stenosis can weigh, side by side (notebooks 05 and 06).

Content is data: each option says what it may do, how sure the evidence is (GRADE words), its
risks and burdens, and any numbers as natural frequencies out of ONE denominator
(``DENOMINATOR``), each number with its source. The evidence chart in ``figures_care`` and the
options table here both read these records, so a number or a level is written once.

Facts come from ``../shared/clinical-evidence.md`` (sections 1, 4, 5, 6 and 9). The table meets
the IPDAS balance criterion (joseph_williams2014): every option, including carrying on as now,
shows what it may do and what it may cost, in the same columns and the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from html import escape

from widgets.render.cards import cite_marks
from widgets.render.svgfigure import SvgFigure, text
from widgets.render.theme import BODY_SIZE, FONT, MUTED_TEXT, NEUTRAL_BORDER, TEXT

DENOMINATOR = 100  # every natural frequency in the series is "N in 100"


class Certainty(StrEnum):
    """How sure we are, in GRADE's four words."""

    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    VERY_LOW = "very low"


CERTAINTY_MEANING: dict[Certainty, str] = {
    Certainty.HIGH: "High: more research is very unlikely to change the answer.",
    Certainty.MODERATE: "Moderate: more research could change the answer.",
    Certainty.LOW: "Low: more research is likely to change the answer.",
    Certainty.VERY_LOW: "Very low: we do not really know.",
}


@dataclass(frozen=True)
class Frequency:
    """``low``-``high`` people in 100 (``low == high`` for one number), and where it is from."""

    low: int
    high: int
    outcome: str
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        if not 0 <= self.low <= self.high <= DENOMINATOR:
            raise ValueError(f"a frequency must lie in 0..{DENOMINATOR}: {self}")

    def words(self) -> str:
        count = str(self.low) if self.low == self.high else f"{self.low} to {self.high}"
        return f"About {count} in {DENOMINATOR} {self.outcome}"


# ---------------------------------------------------------------------------
# The evidence chart's rows (notebook 06): what trials found for each treatment
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One treatment and what the trials found, in words a patient can read aloud."""

    option: str
    finding: str
    strength: int  # 2 = helped in trials, 1 = small, 0 = no better; -1 = never tested
    verdict: str
    certainty: Certainty
    based_on: str  # how much evidence there is, in plain words
    short_term: bool  # the benefit was measured over weeks or months, not years
    risks: str
    sources: tuple[str, ...]


FINDINGS: tuple[Finding, ...] = (
    Finding(
        "Exercise with hands-on care",
        "Helped more than usual medical care",
        2,
        "▲ Helps",
        Certainty.MODERATE,
        "Review of trials in stenosis",
        True,
        "Sore muscles for a day or two",
        ("ammendolia2022", "schneider2019"),
    ),
    Finding(
        "Walking programme",
        "A package of care helped people walk further",
        2,
        "▲ Helps",
        Certainty.MODERATE,
        "About 1 trial in stenosis",
        False,
        "Tired, sore legs; a fall if unsteady",
        ("ammendolia2022",),
    ),
    Finding(
        "Surgery (decompression)",
        "Like physio at 2 years; eases leg pain most",
        2,
        "▲ Helps some",
        Certainty.LOW,
        "2 trials; many switched groups",
        False,
        "Operation risks; 13 in 100 had another operation",
        ("delitto2015", "weinstein2008", "lurie2015", "radcliff2013"),
    ),
    Finding(
        "Heat wrap or heat pad",
        "Eased new low back pain; not tested in stenosis",
        2,
        "▲ Helps back pain",
        Certainty.MODERATE,
        "Trials in low back pain",
        True,
        "Burns, most often on numb skin",
        ("acp2017", "burns1987"),
    ),
    Finding(
        "Acupuncture",
        "A change too small for most people to notice",
        1,
        "● Small",
        Certainty.LOW,
        "1 trial, 196 people",
        True,
        "Mild, short soreness (3 in 100)",
        ("acupuncture2024",),
    ),
    Finding(
        "Steroid injection",
        "No real extra help over numbing medicine",
        0,
        "▼ No better",
        Certainty.MODERATE,
        "1 large trial, 400 people",
        True,
        "Rare but serious nerve harm",
        ("friedly2014", "ammendolia2022", "fda_esi2014"),
    ),
    Finding(
        "Pregabalin (nerve pain pill)",
        "No better than a look-alike pill",
        0,
        "▼ No better",
        Certainty.LOW,
        "1 small trial, 29 people",
        True,
        "Side effects: ask your pharmacist",
        ("markman2015",),
    ),
    Finding(
        "Traction table",
        "Little or no difference in low back pain",
        0,
        "▼ Little or none",
        Certainty.LOW,
        "32 trials in back pain, not stenosis",
        True,
        "Cost and time",
        ("wegner2013", "nice_ng59"),
    ),
    Finding(
        "Massage or a massager",
        "Never tested in stenosis; brief comfort in back pain",
        -1,
        "? Not tested",
        Certainty.VERY_LOW,
        "No trials in stenosis",
        True,
        "Soreness; rare serious harm on the neck",
        ("furlan2015", "yin2014", "sulkowski2022"),
    ),
)


# ---------------------------------------------------------------------------
# The options table (IPDAS balance): every option, the same columns
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    name: str
    what_it_is: str
    may_do: str
    certainty: Certainty
    risks_and_burdens: str
    numbers: tuple[Frequency, ...]
    sources: tuple[str, ...]


# Natural history without surgery, from Katz 2022: "about a third better, about half the same,
# one or two in ten worse" becomes one picture out of 100 (33 + 50 + 17).
NATURAL_HISTORY = (
    Frequency(33, 33, "get better over a few years", ("katz2022",)),
    Frequency(50, 50, "stay about the same", ("katz2022",)),
    Frequency(10, 20, "get worse", ("katz2022",)),
)
PHYSIO_THEN_SURGERY = Frequency(
    57, 57, "of the people given physio in one trial chose surgery within 2 years",
    ("delitto2015",),
)  # fmt: skip
SECOND_OPERATION = Frequency(
    13, 13, "of people who had surgery in one large study had another back operation "
    "within 4 years", ("radcliff2013",),
)  # fmt: skip
ACUPUNCTURE_SIDE_EFFECTS = Frequency(
    3, 3, "had a mild side effect, with real or fake needles alike", ("acupuncture2024",)
)
HEAT_BURNS = Frequency(
    27, 27, "of people with diabetes treated for burns in one hospital had burnt numb legs "
    "with heat they used at home", ("burns1987",),
)  # fmt: skip

OPTIONS: tuple[Option, ...] = (
    Option(
        "Carry on as now",
        "Keep doing what you do. Try nothing new for now.",
        "Many people with low back narrowing stay the same or slowly get better.",
        Certainty.MODERATE,
        "Symptoms may stay or slowly get worse. You still need to know the warning signs.",
        NATURAL_HISTORY,
        ("katz2022",),
    ),
    Option(
        "A home massager",
        "A massage gun, cushion, chair or hand-held massager you use yourself.",
        "May ease tight muscles for a short time. It does not widen the spine. It has never "
        "been tested in people with stenosis.",
        Certainty.VERY_LOW,
        "Cost. Sore skin or muscles. Rare but serious harm when used on the neck. Burns from "
        "heat on numb skin.",
        (),
        ("furlan2015", "sulkowski2022", "shariff2023", "burns1987"),
    ),
    Option(
        "Exercise and physio",
        "Exercises set for you, with hands-on care from a physio and advice.",
        "Helped more than usual medical care, for some months. At 2 years, physio did about "
        "as well as surgery in one trial.",
        Certainty.MODERATE,
        "Time and effort over weeks. Sore muscles at first. Visits may cost money.",
        (PHYSIO_THEN_SURGERY,),
        ("ammendolia2022", "delitto2015"),
    ),
    Option(
        "Heat (a heat wrap or pad)",
        "Warmth on the low back for a short time.",
        "Eased pain for a short time in people with new low back pain. It has not been "
        "tested in stenosis.",
        Certainty.MODERATE,
        "Burns, most often on numb skin or when you fall asleep with it on.",
        (HEAT_BURNS,),
        ("acp2017", "heating_pad_warnings"),
    ),
    Option(
        "Medicines",
        "Pain pills such as ibuprofen, or pills for nerve pain.",
        "Common pain pills can ease a flare-up. A nerve pain pill (pregabalin) did no better "
        "than a look-alike pill in one small trial.",
        Certainty.LOW,
        "Pills like ibuprofen can harm the stomach and the kidneys. Ask a pharmacist which "
        "are safe for you.",
        (),
        ("katz2022", "markman2015", "acp2017"),
    ),
    Option(
        "Steroid injections",
        "A steroid injected near the nerves in the spine.",
        "In a trial of 400 people, the steroid gave no real extra help over numbing medicine "
        "alone at 6 weeks. Long-term benefit has not been shown.",
        Certainty.MODERATE,
        "Rare but serious harm to nerves, eyesight or the brain, so US regulators added a "
        "warning. A hospital visit.",
        (),
        ("friedly2014", "katz2022", "fda_esi2014"),
    ),
    Option(
        "Surgery",
        "An operation to take away bone or tissue that presses on the nerves.",
        "Eases leg pain more than back pain. In trials, the gain over other care was largest "
        "in the first few years and became smaller later.",
        Certainty.LOW,
        "The risks of any operation, weeks of recovery, and for some, a second operation.",
        (SECOND_OPERATION,),
        ("weinstein2008", "lurie2015", "healthwise_surgery", "radcliff2013"),
    ),
)


# ---------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------

_TABLE = (
    f'style="font-family:{FONT};font-size:{BODY_SIZE};color:{TEXT};border-collapse:collapse;'
    # A long word breaks, so the table fits a phone's width instead of scrolling sideways.
    f'margin:.5em 0;max-width:60em;overflow-wrap:anywhere"'
)
_CELL = (
    f'style="border:1px solid {NEUTRAL_BORDER};padding:.4em .6em;vertical-align:top;'
    f'text-align:left"'
)


@dataclass(frozen=True)
class OptionsTable:
    """The options side by side; displays itself as HTML in notebooks and handouts."""

    options: tuple[Option, ...] = OPTIONS

    def html(self) -> str:
        head = "".join(
            f'<th scope="col" {_CELL}>{escape(h)}</th>'
            for h in ("Option", "What it may do", "How sure we are", "Risks and burdens")
        )
        rows = []
        for option in self.options:
            numbers = "".join(
                f"<br><strong>{escape(f.words())}.</strong>{cite_marks(f.sources)}"
                for f in option.numbers
            )
            rows.append(
                "<tr>"
                f'<th scope="row" {_CELL}>{escape(option.name)}'
                f'<br><span style="font-weight:normal;color:{MUTED_TEXT}">'
                f"{escape(option.what_it_is)}</span></th>"
                f"<td {_CELL}>{escape(option.may_do)}{cite_marks(option.sources)}{numbers}</td>"
                f"<td {_CELL}>{escape(CERTAINTY_MEANING[option.certainty])}</td>"
                f"<td {_CELL}>{escape(option.risks_and_burdens)}</td>"
                "</tr>"
            )
        return (
            f'<table class="sms-options" {_TABLE}>'
            f'<caption style="text-align:left;font-weight:700;padding:.3em 0">Your options '
            f"side by side. Every number is out of {DENOMINATOR} people.</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def _repr_html_(self) -> str:
        return self.html()


def options_table() -> OptionsTable:
    return OptionsTable()


_ICON_FILLS = ("#1f4e79", "#c9dcef", "#ffffff")
_ICON_MARKS = ("▲", "●", "▼")


def icon_array(
    groups: tuple[tuple[int, str], ...], *, figure_id: str, alt: str, caption: str
) -> SvgFigure:
    """100 people as a 10 x 10 grid, filled group by group; each group has a symbol and a
    label in words, so the picture never relies on colour (wcag21)."""
    if sum(count for count, _label in groups) != DENOMINATOR:
        raise ValueError(f"an icon array shows exactly {DENOMINATOR} people")
    size, gap, left, top = 22, 6, 12, 12
    parts, index = [], 0
    for g, (count, _label) in enumerate(groups):
        for _ in range(count):
            row, col = divmod(index, 10)
            x, y = left + col * (size + gap), top + row * (size + gap)
            parts.append(
                f'<rect x="{x}" y="{y}" width="{size}" height="{size}" rx="11" '
                f'fill="{_ICON_FILLS[g % 3]}" stroke="{TEXT}" stroke-width="1.5"/>'
            )
            parts.append(text(x + size / 2, y + 16, _ICON_MARKS[g % 3], size=12,
                              fill="#ffffff" if g % 3 == 0 else TEXT))  # fmt: skip
            index += 1
    key_x = left + 10 * (size + gap) + 16
    for g, (count, label) in enumerate(groups):
        y = top + 30 + g * 40
        parts.append(
            f'<rect x="{key_x}" y="{y - 16}" width="{size}" height="{size}" rx="11" '
            f'fill="{_ICON_FILLS[g % 3]}" stroke="{TEXT}" stroke-width="1.5"/>'
        )
        parts.append(text(key_x + size / 2, y, _ICON_MARKS[g % 3], size=12,
                          fill="#ffffff" if g % 3 == 0 else TEXT))  # fmt: skip
        parts.append(text(key_x + size + 10, y, f"{count} in {DENOMINATOR} {label}", size=16,
                          anchor="start"))  # fmt: skip
    return SvgFigure(
        figure_id=figure_id,
        body="".join(parts),
        width=key_x + 330,
        height=top * 2 + 10 * (size + gap),
        alt=alt,
        caption=caption,
    )


def natural_history_icons() -> SvgFigure:
    better, same, worse = NATURAL_HISTORY
    # Katz 2022 gives "10 to 20 worse"; the picture draws what is left of the 100.
    shown_worse = DENOMINATOR - better.high - same.high
    assert worse.low <= shown_worse <= worse.high
    return icon_array(
        ((better.high, "get better"), (same.high, "stay the same"), (shown_worse, "get worse")),
        figure_id="natural-history-icons",
        alt=(
            "A grid of 100 people with low back narrowing who do not have surgery, followed "
            "for a few years. About 33 get better, about 50 stay the same, and about 10 to 20 "
            "get worse. The picture shows 17 as worse."
        ),
        caption="Without surgery, out of 100 people: about 33 better, 50 the same, 17 worse.",
    )


def physio_then_surgery_icons() -> SvgFigure:
    chose = PHYSIO_THEN_SURGERY.high
    return icon_array(
        ((chose, "chose surgery later"), (DENOMINATOR - chose, "kept to physio")),
        figure_id="physio-then-surgery-icons",
        alt=(
            f"A grid of 100 people who were given physio in a trial. {chose} of them chose "
            f"to have surgery within 2 years, and {DENOMINATOR - chose} kept to physio."
        ),
        caption=f"Given physio, out of 100 people: {chose} chose surgery within 2 years.",
    )
