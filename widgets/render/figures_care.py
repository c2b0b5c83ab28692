"""Figures for the second half of the series: care options, daily life, the future and your plan.

Each figure is a small pure function that returns a ``SvgFigure``: the same input always draws
the same picture, so exports and nbval outputs never change between runs. Meaning is carried by
words and symbols in the picture; colour only repeats it (wcag21, SC 1.4.1).
"""

from __future__ import annotations

import math

from widgets.content.findings import FINDINGS
from widgets.content.stories import STORIES
from widgets.guidance import LEVEL_LABELS, Level, assess
from widgets.render.svgfigure import SvgFigure, text
from widgets.render.theme import FIGURE as F
from widgets.render.theme import LEVEL_COLOURS, LEVEL_ICONS, MUTED_TEXT, PAGE, TEXT

INK = TEXT
MUTED = MUTED_TEXT
ROW, BAR, BAR_EDGE, CONE = F.row, F.bar, F.bar_edge, F.cone
# Words drawn on a level's background use its label colour, which passes WCAG contrast there.
EASES = (LEVEL_COLOURS[Level.GREEN].background, LEVEL_COLOURS[Level.GREEN].label)
PROVOKES = (LEVEL_COLOURS[Level.AMBER].background, LEVEL_COLOURS[Level.AMBER].label)

# ---------------------------------------------------------------------------
# What the evidence shows for each option (notebook 06)
# ---------------------------------------------------------------------------
# The rows are content (``widgets.content.findings``), with the same "how sure" words as the
# options table. The verdict words, not the bar, carry the meaning.


def evidence_chart() -> SvgFigure:
    """What trials found for each treatment, how sure we are, and the main risks, row by row.

    Every row says its verdict in words. A treatment never tested gets no bar at all, only a
    dotted "no trials" box, so it cannot be read as a benefit; "(short term)" marks a benefit
    measured over weeks or months.
    """
    width, row_h, top = 1100, 62, 48
    bar_x, bar_unit, sure_x, risk_x = 390, 50, 640, 770
    parts = [
        text(12, 28, "Treatment and what trials found", size=15, anchor="start", weight="bold"),
        text(bar_x, 28, "Did it help?", size=15, anchor="start", weight="bold"),
        text(sure_x, 28, "How sure?", size=15, anchor="start", weight="bold"),
        text(risk_x, 28, "Main risks", size=15, anchor="start", weight="bold"),
    ]
    for i, f in enumerate(FINDINGS):
        y = top + i * row_h
        if i % 2 == 0:
            parts.append(f'<rect x="0" y="{y}" width="{width}" height="{row_h}" fill="{ROW}"/>')
        parts.append(text(12, y + 24, f.option, size=16, anchor="start", weight="bold"))
        parts.append(text(12, y + 46, f.finding, size=13, anchor="start", fill=MUTED))
        if f.strength < 0:
            # Never tested: no bar, only a small dotted box saying so.
            parts.append(
                f'<rect x="{bar_x}" y="{y + 10}" width="70" height="22" fill="{PAGE}" '
                f'stroke="{MUTED}" stroke-dasharray="3 3"/>'
            )
            parts.append(text(bar_x + 35, y + 26, "no trials", size=12, fill=MUTED))
            label_x = bar_x + 80
        else:
            bar_w = max(f.strength * bar_unit, 8)
            parts.append(
                f'<rect x="{bar_x}" y="{y + 10}" width="{bar_w}" height="22" fill="{BAR}" '
                f'stroke="{BAR_EDGE}"/>'
            )
            label_x = bar_x + bar_w + 8
        parts.append(text(label_x, y + 27, f.verdict, size=14, anchor="start", weight="bold"))
        if f.short_term and f.strength > 0:
            parts.append(text(bar_x, y + 50, "(short term)", size=13, anchor="start", fill=MUTED))
        parts.append(text(sure_x, y + 27, f.certainty.value.capitalize(), size=15,
                          anchor="start", weight="bold"))  # fmt: skip
        parts.append(text(sure_x, y + 48, f.based_on, size=11, anchor="start", fill=MUTED))
        parts.append(text(risk_x, y + 27, f.risks, size=13, anchor="start"))
    height = top + len(FINDINGS) * row_h + 8
    return SvgFigure(
        figure_id="evidence-chart",
        body="".join(parts),
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


def _line(x1: float, y1: float, x2: float, y2: float, width: int = 5) -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{INK}" '
        f'stroke-width="{width}" stroke-linecap="round"/>'
    )


def _person(
    hip: tuple[float, float],
    lean: float,
    hands: tuple[float, float],
    knee: tuple[float, float],
    foot: tuple[float, float],
) -> str:
    """A stick figure. ``lean`` is the trunk's angle from upright in degrees; + is forward."""
    trunk, neck = 62, 22
    a = math.radians(lean)
    sx, sy = hip[0] + trunk * math.sin(a), hip[1] - trunk * math.cos(a)
    hx, hy = sx + neck * math.sin(a), sy - neck * math.cos(a)
    return "".join(
        [
            _line(*hip, sx, sy),
            f'<circle cx="{hx:.1f}" cy="{hy:.1f}" r="13" fill="{PAGE}" stroke="{INK}" '
            'stroke-width="4"/>',
            _line(sx, sy, *hands, width=4),
            _line(*hip, *knee),
            _line(*knee, *foot),
        ]
    )


def _ground(x: float, y: float, w: float) -> str:
    return f'<line x1="{x}" y1="{y}" x2="{x + w}" y2="{y}" stroke="{MUTED}" stroke-width="2"/>'


def _panel(x: float, title: str, label: tuple[str, str], eases: bool, drawing: str) -> str:
    fill, stroke = EASES if eases else PROVOKES
    mark = "✔" if eases else "⚠"
    return "".join(
        [
            f'<g transform="translate({x},0)">',
            f'<rect x="4" y="4" width="182" height="292" rx="10" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="2"/>',
            text(95, 30, title, size=15, weight="bold"),
            drawing,
            text(95, 250, f"{mark} {label[0]}", size=14, weight="bold", fill=stroke),
            text(95, 272, label[1], size=14, weight="bold", fill=stroke),
            "</g>",
        ]
    )


def positions_of_comfort() -> SvgFigure:
    """Four positions: three that bend the low back forward and one that arches it."""
    trolley = "".join(
        [
            f'<rect x="118" y="150" width="52" height="40" fill="none" stroke="{BAR_EDGE}" '
            'stroke-width="3"/>',
            _line(118, 150, 108, 142, width=3),
            f'<circle cx="126" cy="204" r="7" fill="none" stroke="{BAR_EDGE}" stroke-width="3"/>',
            f'<circle cx="162" cy="204" r="7" fill="none" stroke="{BAR_EDGE}" stroke-width="3"/>',
            _person((62, 148), 40, (108, 142), (68, 178), (62, 212)),
            _ground(14, 212, 166),
        ]
    )
    cycling = "".join(
        [
            f'<circle cx="50" cy="190" r="26" fill="none" stroke="{BAR_EDGE}" stroke-width="3"/>',
            f'<circle cx="142" cy="190" r="26" fill="none" stroke="{BAR_EDGE}" stroke-width="3"/>',
            _line(50, 190, 82, 150, width=3),
            _line(82, 150, 130, 138, width=3),
            _line(130, 138, 142, 190, width=3),
            _line(82, 150, 100, 190, width=3),
            _person((80, 140), 45, (128, 132), (108, 162), (100, 190)),
            _ground(14, 216, 166),
        ]
    )
    sitting = "".join(
        [
            _line(50, 160, 110, 160, width=4),
            _line(50, 160, 50, 212, width=4),
            _line(110, 160, 110, 212, width=4),
            _line(50, 160, 46, 106, width=4),
            _person((64, 152), 30, (118, 150), (122, 156), (124, 212)),
            _ground(14, 212, 166),
        ]
    )
    standing = "".join(
        [
            _person((95, 150), -14, (70, 168), (100, 182), (104, 212)),
            _line(95, 150, 88, 212),
            # Arrows show the low back arching backwards.
            f'<path d="M 128 110 q 12 24 0 48" fill="none" stroke="{PROVOKES[1]}" '
            'stroke-width="3"/>',
            f'<path d="M 122 152 l 6 8 l 6 -8" fill="none" stroke="{PROVOKES[1]}" '
            'stroke-width="3"/>',
            _ground(14, 212, 166),
        ]
    )
    body = "".join(
        [
            _panel(0, "Leaning on a trolley", ("Bends forward:", "often eases"), True, trolley),
            _panel(190, "Cycling", ("Bends forward:", "often eases"), True, cycling),
            _panel(380, "Sitting", ("Bends forward:", "often eases"), True, sitting),
            _panel(
                570, "Standing tall", ("Arches back: can", "bring symptoms on"), False, standing
            ),
        ]
    )
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


def _pause(cx: float, cy: float) -> str:
    """A pause sign (two bars) for a rest, so rests read without colour."""
    return "".join(
        f'<rect x="{cx + dx}" y="{cy - 9}" width="4" height="18" fill="{PROVOKES[1]}"/>'
        for dx in (-5, 1)
    )


def walking_programme() -> SvgFigure:
    """An example programme: walk, rest sitting or bent forward, walk again; build up slowly."""
    unit, left, row_h, top = 34, 100, 40, 20
    parts = []
    for week, blocks in enumerate(_WALK_WEEKS, start=1):
        y = top + (week - 1) * row_h
        parts.append(text(12, y + 22, f"Week {week}", size=15, anchor="start", weight="bold"))
        x = left
        for n, length in enumerate(blocks):
            if n:
                # A rest is a gap with a pause sign, so it reads without colour.
                parts.append(_pause(x + 12, y + 17))
                x += 24
            parts.append(
                f'<rect x="{x}" y="{y + 6}" width="{length * unit}" height="22" rx="4" '
                f'fill="{BAR}" stroke="{BAR_EDGE}" stroke-width="2"/>'
            )
            x += length * unit
    key_y = top + len(_WALK_WEEKS) * row_h + 18
    parts += [
        f'<rect x="100" y="{key_y - 14}" width="34" height="18" rx="4" fill="{BAR}" '
        f'stroke="{BAR_EDGE}" stroke-width="2"/>',
        text(142, key_y, "Walk at an easy pace", size=14, anchor="start"),
        _pause(364, key_y - 5),
        text(376, key_y, "Short rest: sit, or lean forward", size=14, anchor="start"),
    ]
    return SvgFigure(
        figure_id="walking-programme",
        body="".join(parts),
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


def _box(
    x: float,
    y: float,
    w: float,
    h: float,
    lines: tuple[str, ...],
    *,
    bold: bool = False,
    fill: str = PAGE,
    stroke: str = BAR_EDGE,
) -> str:
    parts = [
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="10" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="2"/>'
    ]
    first = y + h / 2 - (len(lines) - 1) * 10 + 5
    for i, line in enumerate(lines):
        parts.append(
            text(
                x + w / 2,
                first + i * 20,
                line,
                size=15,
                weight="bold" if bold and i == 0 else "normal",
            )
        )
    return "".join(parts)


def _arrow_head(marker_id: str) -> str:
    # Each figure names its own marker: two figures on one page must not share an id.
    return (
        f'<defs><marker id="{marker_id}" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        f'fill="{INK}"/></marker></defs>'
    )


def _arrow(x1: float, y1: float, x2: float, y2: float, marker_id: str) -> str:
    return (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{INK}" stroke-width="2.5" '
        f'marker-end="url(#{marker_id})"/>'
    )


def teach_back() -> SvgFigure:
    """The teach-back loop: explain, say it back in your own words, fix and check again."""
    body = "".join(
        [
            _arrow_head("teach-back-arrow"),
            # Drawn with a top margin, then moved up: no title sits above the boxes.
            '<g transform="translate(0,-26)">',
            _box(
                20,
                40,
                220,
                90,
                ("1. Explain", "Your clinician explains", "one thing simply"),
                bold=True,
            ),
            _box(
                270, 40, 220, 90, ("2. Say it back", "You put it in", "your own words"), bold=True
            ),
            _box(520, 40, 220, 90, ("3. Check", "They fix any mix-up", "and ask again"), bold=True),
            _arrow(242, 85, 266, 85, "teach-back-arrow"),
            _arrow(492, 85, 516, 85, "teach-back-arrow"),
            f'<path d="M 630 132 C 630 190, 130 190, 130 136" fill="none" stroke="{INK}" '
            'stroke-width="2.5" marker-end="url(#teach-back-arrow)"/>',
            text(380, 200, "Repeat for each key point (about 3 in one visit)", size=15),
            "</g>",
        ]
    )
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
    body = "".join(
        [
            _arrow_head("products-arrow"),
            text(12, 30, "A new medicine", size=16, anchor="start", weight="bold"),
            _box(12, 44, 160, 64, ("Made and", "tested in a lab")),
            _box(202, 44, 160, 64, ("Tested in people", "in trials"), fill=EASES[0]),
            _box(392, 44, 160, 64, ("Checked by", "a regulator"), fill=EASES[0]),
            _box(582, 44, 160, 64, ("On sale",)),
            _arrow(174, 76, 198, 76, "products-arrow"),
            _arrow(364, 76, 388, 76, "products-arrow"),
            _arrow(554, 76, 578, 76, "products-arrow"),
            text(
                12,
                150,
                "A home massager (US Class I device)",
                size=16,
                anchor="start",
                weight="bold",
            ),
            _box(12, 164, 160, 64, ("Made", "by a company")),
            _box(
                202,
                164,
                350,
                64,
                ("✘ No trial in people is needed", "before it is sold"),
                fill=PROVOKES[0],
                stroke=PROVOKES[1],
            ),
            _box(582, 164, 160, 64, ("On sale",)),
            _arrow(174, 196, 198, 196, "products-arrow"),
            _arrow(554, 196, 578, 196, "products-arrow"),
        ]
    )
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


def story_levels() -> SvgFigure:
    """Each illustrative person and the level the engine gives them, side by side."""
    box_w, gap = 178, 8
    parts = []
    for i, s in enumerate(STORIES):
        g = assess(s.profile)
        colours = LEVEL_COLOURS[g.level]
        fill, stroke = colours.background, colours.label
        x = 4 + i * (box_w + gap)
        word = g.level.value.capitalize()
        if g.urgency is not None:
            word += f", {g.urgency.value}"
        parts += [
            f'<rect x="{x}" y="4" width="{box_w}" height="150" rx="10" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="2"/>',
            text(x + box_w / 2, 34, s.name, size=18, weight="bold"),
            text(x + box_w / 2, 56, s.summary, size=13, fill=MUTED),
            text(x + box_w / 2, 100, LEVEL_ICONS[g.level], size=30, fill=stroke),
            text(x + box_w / 2, 136, word, size=16, weight="bold", fill=stroke),
        ]
    width = 8 + len(STORIES) * (box_w + gap)
    described = "; ".join(
        f"{s.name}, {s.summary}: {LEVEL_LABELS[assess(s.profile).level]}" for s in STORIES
    )
    return SvgFigure(
        figure_id="story-levels",
        body="".join(parts),
        width=width,
        height=160,
        alt=f"The guidance level for each illustrative person. {described}.",
        caption="Same question, different people, different answers.",
    )


def relief_and_safety() -> SvgFigure:
    """A balance: the small, short relief a massager can give against the safety checks."""
    body = "".join(
        [
            # The beam tips towards safety: warning signs always outweigh comfort.
            _line(150, 102, 610, 142, width=5),
            f'<path d="M 380 124 l -30 74 h 60 z" fill="{CONE}" stroke="{INK}" stroke-width="2"/>',
            _box(
                40,
                26,
                220,
                70,
                ("Relief", "Short comfort for", "sore muscles"),
                bold=True,
                fill=EASES[0],
                stroke=EASES[1],
            ),
            _box(
                495,
                60,
                230,
                70,
                ("Safety first", "Warning signs and", "health checks"),
                bold=True,
                fill=PROVOKES[0],
                stroke=PROVOKES[1],
            ),
            text(
                380,
                222,
                "Safety outweighs relief: warning signs come first.",
                size=15,
                weight="bold",
            ),
        ]
    )
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
