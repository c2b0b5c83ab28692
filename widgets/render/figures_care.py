"""Figures for the second half of the series: care options, daily life, the future and your plan.

Each figure is a small pure function that returns a ``SvgFigure``: the same input always draws
the same picture, so exports and nbval outputs never change between runs. Meaning is carried by
words and symbols in the picture; colour only repeats it (wcag21, SC 1.4.1).
"""

from __future__ import annotations

import math
from typing import NamedTuple

from widgets.content.findings import FINDINGS
from widgets.content.stories import STORIES
from widgets.guidance import LEVEL_LABELS, Level, assess
from widgets.render.svgfigure import SvgFigure, render_svg
from widgets.render.theme import LEVEL_COLOURS, LEVEL_ICONS

# The markup of each figure is its own template, templates/figures/<figure>.svg.j2, so a
# notebook compiles only the pictures it shows; drawn in the theme's colours.


def _draw(figure: str, *args: object) -> str:
    """The body of ``figure``: the macro of that name in ``figures/<figure>.svg.j2``."""
    return render_svg(f"figures/{figure}.svg.j2", figure, *args)


# Words drawn on a level's background use its label colour, which passes WCAG contrast there.
EASES = (LEVEL_COLOURS[Level.GREEN].background, LEVEL_COLOURS[Level.GREEN].label)
PROVOKES = (LEVEL_COLOURS[Level.AMBER].background, LEVEL_COLOURS[Level.AMBER].label)

# ---------------------------------------------------------------------------
# What the evidence shows for each option (notebook 06)
# ---------------------------------------------------------------------------
# The rows are content (``widgets.content.findings``), with the same "how sure" words as the
# options table. The verdict words, not the bar, carry the meaning.


class _EvidenceRow(NamedTuple):
    y: float
    striped: bool
    option: str
    finding: str
    bar: float | None  # its width; None for a treatment never tested
    verdict_x: float
    verdict: str
    short_term: bool  # a benefit measured over weeks or months
    certainty: str
    based_on: str
    risks: str


def evidence_chart() -> SvgFigure:
    """What trials found for each treatment, how sure we are, and the main risks, row by row.

    Every row says its verdict in words. A treatment never tested gets no bar at all, only a
    dotted "no trials" box, so it cannot be read as a benefit; "(short term)" marks a benefit
    measured over weeks or months.
    """
    width, row_h, top = 1100, 62, 48
    bar_x, bar_unit, sure_x, risk_x = 390, 50, 640, 770
    rows = []
    for i, f in enumerate(FINDINGS):
        # Never tested: no bar (None), only a small dotted box saying so.
        bar = None if f.strength < 0 else max(f.strength * bar_unit, 8)
        rows.append(
            _EvidenceRow(
                y=top + i * row_h,
                striped=i % 2 == 0,
                option=f.option,
                finding=f.finding,
                bar=bar,
                verdict_x=bar_x + 80 if bar is None else bar_x + bar + 8,
                verdict=f.verdict,
                short_term=f.short_term and f.strength > 0,
                certainty=f.certainty.value.capitalize(),
                based_on=f.based_on,
                risks=f.risks,
            )
        )
    body = _draw("evidence_chart", width, row_h, bar_x, sure_x, risk_x, rows)
    height = top + len(FINDINGS) * row_h + 8
    return SvgFigure(
        figure_id="evidence-chart",
        body=body,
        width=width,
        height=height,
        alt=(
            "Table-like chart of what trials found for each treatment, how sure the evidence "
            "is, and the main risks. Exercise with hands-on care and a walking programme "
            "helped in the short term, with moderate certainty. Surgery helped some people, "
            "with low certainty. Heat eased new low back pain in the short term. Acupuncture "
            "gave a change too small to notice. A steroid injection did no better than "
            "numbing medicine alone, and pregabalin no better than a look-alike pill. "
            "Traction made little or no difference. Massage has never been tested in spinal "
            "stenosis, so it has no bar."
        ),
        caption="What trials found, how sure we are, and the main risks of each treatment.",
    )


# ---------------------------------------------------------------------------
# Positions of comfort (notebook 07)
# ---------------------------------------------------------------------------


class _Person(NamedTuple):
    """A stick figure's limbs, each (x1, y1, x2, y2), and the centre of its head."""

    trunk: tuple[float, float, float, float]
    head: tuple[float, float]
    arm: tuple[float, float, float, float]
    thigh: tuple[float, float, float, float]
    shin: tuple[float, float, float, float]


def _person(
    hip: tuple[float, float],
    lean: float,
    hands: tuple[float, float],
    knee: tuple[float, float],
    foot: tuple[float, float],
) -> _Person:
    """A stick figure. ``lean`` is the trunk's angle from upright in degrees; + is forward."""
    trunk, neck = 62, 22
    a = math.radians(lean)
    sx, sy = hip[0] + trunk * math.sin(a), hip[1] - trunk * math.cos(a)
    hx, hy = sx + neck * math.sin(a), sy - neck * math.cos(a)
    return _Person(
        trunk=(*hip, sx, sy),
        head=(hx, hy),
        arm=(sx, sy, *hands),
        thigh=(*hip, *knee),
        shin=(*knee, *foot),
    )


def positions_of_comfort() -> SvgFigure:
    """Four positions: three that bend the low back forward and one that arches it."""
    people = {
        "trolley": _person((62, 148), 40, (108, 142), (68, 178), (62, 212)),
        "cycling": _person((80, 140), 45, (128, 132), (108, 162), (100, 190)),
        "sitting": _person((64, 152), 30, (118, 150), (122, 156), (124, 212)),
        "standing": _person((95, 150), -14, (70, 168), (100, 182), (104, 212)),
    }
    body = _draw("positions_of_comfort", people, EASES, PROVOKES)
    return SvgFigure(
        figure_id="positions-of-comfort",
        body=body,
        width=760,
        height=300,
        alt=(
            "Four stick figures. A person leaning forward on a shopping trolley, a person "
            "cycling and a person sitting all bend the low back forward, which often eases leg "
            "symptoms. A person standing tall with the low back arched can bring leg symptoms "
            "on."
        ),
        caption="Bending forward opens the space for the nerves; arching back narrows it.",
    )


# ---------------------------------------------------------------------------
# A walking programme (notebook 07)
# ---------------------------------------------------------------------------

# Walking blocks per week, in arbitrary units: an example of "a little more each week".
_WALK_WEEKS: tuple[tuple[int, ...], ...] = (
    (2, 2),
    (2, 2, 2),
    (3, 3, 2),
    (3, 3, 3),
    (4, 4, 3),
    (4, 4, 4),
)


def walking_programme() -> SvgFigure:
    """An example programme: walk, rest sitting or bent forward, walk again; build up slowly."""
    unit, left, row_h, top = 34, 100, 40, 20
    weeks = []
    for week, lengths in enumerate(_WALK_WEEKS, start=1):
        x = left
        blocks: list[tuple[float | None, float, float]] = []  # (pause before it, x, width)
        for n, length in enumerate(lengths):
            pause = None
            if n:
                # A rest is a gap with a pause sign, so it reads without colour.
                pause = x + 12
                x += 24
            blocks.append((pause, x, length * unit))
            x += length * unit
        weeks.append((week, top + (week - 1) * row_h, blocks))
    key_y = top + len(_WALK_WEEKS) * row_h + 18
    body = _draw("walking_programme", weeks, key_y, PROVOKES)
    return SvgFigure(
        figure_id="walking-programme",
        body=body,
        width=760,
        height=key_y + 14,
        alt=(
            "An example walking programme over six weeks. Each week shows short walks with "
            "rests between them. The rests are sitting down or leaning forward. Each week the "
            "walks get a little longer or there is one more."
        ),
        caption="An example only: walk, rest bent forward, walk again, and build up slowly.",
    )


# ---------------------------------------------------------------------------
# Better patient education and devices (notebook 08)
# ---------------------------------------------------------------------------


def teach_back() -> SvgFigure:
    """The teach-back loop: explain, say it back in your own words, fix and check again."""
    body = _draw("teach_back")
    return SvgFigure(
        figure_id="teach-back",
        body=body,
        width=760,
        height=190,
        alt=(
            "The teach-back loop in three steps. One: your clinician explains one thing "
            "simply. Two: you say it back in your own words. Three: they fix any mix-up and "
            "ask again. An arrow goes back to step one for the next key point."
        ),
        caption="Teach-back: saying it back in your own words shows what was clear.",
    )


def how_products_reach_you() -> SvgFigure:
    """A new medicine is tested in people before sale; a home massager is not."""
    body = _draw("how_products_reach_you", EASES, PROVOKES)
    return SvgFigure(
        figure_id="how-products-reach-you",
        body=body,
        width=760,
        height=240,
        alt=(
            "Two paths to the shop. A new medicine is made, tested in people in trials, "
            "checked by a regulator, then sold. A home massager is a Class I device in the "
            "US: it is made and sold with no trial in people needed first."
        ),
        caption="No one had to test a home massager in people with stenosis before it was sold.",
    )


# ---------------------------------------------------------------------------
# Stories and your plan (notebooks 09 and 10)
# ---------------------------------------------------------------------------


class _StoryBox(NamedTuple):
    x: float
    fill: str
    stroke: str  # the level's label colour, for its icon and word too
    name: str
    summary: str
    icon: str
    word: str


def story_levels() -> SvgFigure:
    """Each illustrative person and the level the engine gives them, side by side."""
    box_w, gap = 178, 8
    people = []
    for i, s in enumerate(STORIES):
        g = assess(s.profile)
        colours = LEVEL_COLOURS[g.level]
        word = g.level.value.capitalize()
        if g.urgency is not None:
            word += f", {g.urgency.value}"
        people.append(
            _StoryBox(
                x=4 + i * (box_w + gap),
                fill=colours.background,
                stroke=colours.label,
                name=s.name,
                summary=s.summary,
                icon=LEVEL_ICONS[g.level],
                word=word,
            )
        )
    width = 8 + len(STORIES) * (box_w + gap)
    described = "; ".join(
        f"{s.name}, {s.summary}: {LEVEL_LABELS[assess(s.profile).level]}" for s in STORIES
    )
    return SvgFigure(
        figure_id="story-levels",
        body=_draw("story_levels", people, box_w),
        width=width,
        height=160,
        alt=f"The guidance level for each illustrative person. {described}.",
        caption="Same question, different people, different answers.",
    )


def relief_and_safety() -> SvgFigure:
    """A balance: the small, short relief a massager can give against the safety checks."""
    body = _draw("relief_and_safety", EASES, PROVOKES)
    return SvgFigure(
        figure_id="relief-and-safety",
        body=body,
        width=760,
        height=235,
        alt=(
            "A balance beam. On the light, raised side is relief: short comfort for sore "
            "muscles. On the heavy, lower side is safety: warning signs and health checks. "
            "Safety outweighs relief."
        ),
        caption="Comfort is welcome, but warning signs and health checks always come first.",
    )
