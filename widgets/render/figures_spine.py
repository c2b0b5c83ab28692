"""Pictures for notebooks 00-05: the spine, the canal, and where a massager may go.

Each figure is a small pure function that returns a ``SvgFigure`` with alt text that says what
it shows and why it matters. The pictures are schematic, not anatomical drawings: they carry
one idea each. Every colour comes with a word, so no meaning rests on colour alone (WCAG 1.4.1).
Output is deterministic: no randomness, no dates.
"""

from __future__ import annotations

import textwrap
from html import escape

from widgets.guidance import DEVICES, PLACEMENTS, REGIONS
from widgets.render.svgfigure import SvgFigure, text
from widgets.render.theme import FIGURE as F
from widgets.render.theme import PAGE, TEXT

# The theme's figure palette: dark text on light fills, so labels keep a contrast of 4.5:1 or
# more (the contrast test checks every pair).
BONE = F.bone
BONE_EDGE = F.bone_edge
CANAL = PAGE
NERVE = F.nerve
NERVE_EDGE = F.nerve_edge
DISC = F.disc
LIGAMENT = F.ligament
INK = TEXT
OK_FILL = F.ok
NOT_OK_FILL = F.not_ok
SKIN = F.skin
SKIN_EDGE = F.skin_edge
DISC_EDGE = F.disc_edge
LIGAMENT_EDGE = F.ligament_edge
POINTER = F.pointer
CHAIR = F.chair
DIVIDER = F.divider
PART = F.device_part
DEVICE = F.device
PANEL_EDGE = F.panel_edge
PANEL = F.panel
MUSCLE_EDGE = F.muscle_edge
MUSCLE = F.muscle


def _lines(
    x: float,
    y: float,
    content: str,
    *,
    width: int,
    size: int = 14,
    anchor: str = "start",
    weight: str = "normal",
    leading: float = 1.25,
) -> str:
    """One <text> element holding wrapped lines as <tspan>s, so the words stay together."""
    wrapped = textwrap.wrap(content, width=width) or [""]
    step = round(size * leading, 1)
    spans = "".join(
        f'<tspan x="{x}" dy="{0 if i == 0 else step}">{escape(line)}</tspan>'
        for i, line in enumerate(wrapped)
    )
    return (
        f'<text x="{x}" y="{y}" font-family="sans-serif" font-size="{size}" '
        f'text-anchor="{anchor}" font-weight="{weight}" fill="{INK}">{spans}</text>'
    )


def _nerves(cx: float, cy: float, spread: float) -> str:
    """A bundle of seven nerve roots; ``spread`` is how much room they have."""
    offsets = [(0, 0), (-1, -0.6), (1, -0.6), (-1, 0.6), (1, 0.6), (0, -1.2), (0, 1.2)]
    return "".join(
        f'<circle cx="{cx + dx * spread:.1f}" cy="{cy + dy * spread:.1f}" r="6" '
        f'fill="{NERVE}" stroke="{NERVE_EDGE}" stroke-width="1.5"/>'
        for dx, dy in offsets
    )


def _vertebra_from_above(cx: float) -> str:
    """A vertebra seen from above: body at the front (top), arch and spine at the back."""
    return (
        f'<ellipse cx="{cx}" cy="95" rx="75" ry="45" fill="{BONE}" stroke="{BONE_EDGE}" '
        f'stroke-width="2"/>'
        f'<rect x="{cx - 110}" y="170" width="220" height="18" rx="8" fill="{BONE}" '
        f'stroke="{BONE_EDGE}" stroke-width="2"/>'
        f'<rect x="{cx - 11}" y="200" width="22" height="70" rx="9" fill="{BONE}" '
        f'stroke="{BONE_EDGE}" stroke-width="2"/>'
        f'<circle cx="{cx}" cy="182" r="58" fill="{BONE}" stroke="{BONE_EDGE}" stroke-width="2"/>'
        f'<circle cx="{cx}" cy="182" r="40" fill="{CANAL}" stroke="{BONE_EDGE}" '
        f'stroke-width="1.5"/>'
    )


def canal_cross_section() -> SvgFigure:
    """A normal canal next to a narrowed one, seen from above."""
    left, right = 170, 500
    narrowed = (
        # A bulging disc pushes in from the front, a thick ligament from the back,
        # and bone spurs from the sides: the three usual causes of narrowing.
        f'<ellipse cx="{right}" cy="148" rx="34" ry="16" fill="{DISC}" stroke="{DISC_EDGE}" '
        f'stroke-width="1.5"/>'
        f'<ellipse cx="{right}" cy="218" rx="32" ry="14" fill="{LIGAMENT}" '
        f'stroke="{LIGAMENT_EDGE}" stroke-width="1.5"/>'
        f'<path d="M {right - 41} 170 L {right - 18} 182 L {right - 41} 194 Z" fill="{BONE}" '
        f'stroke="{BONE_EDGE}" stroke-width="1.5"/>'
        f'<path d="M {right + 41} 170 L {right + 18} 182 L {right + 41} 194 Z" fill="{BONE}" '
        f'stroke="{BONE_EDGE}" stroke-width="1.5"/>'
    )
    pointer = f'stroke="{POINTER}" stroke-width="1.2"'
    body = (
        text(340, 24, "Front of the body (belly side)", size=13)
        + text(340, 296, "Back of the body (skin of your back)", size=13)
        + _vertebra_from_above(left)
        + _nerves(left, 182, 14)
        + _vertebra_from_above(right)
        + narrowed
        + _nerves(right, 182, 7)
        + text(left, 335, "Normal: the nerves have room", size=16, weight="bold")
        + text(right, 335, "Narrowed: the nerves are squeezed", size=16, weight="bold")
        # Labels on the normal side name the parts; on the narrowed side, the causes.
        + f'<line x1="{left - 72}" y1="75" x2="{left - 110}" y2="55" {pointer}/>'
        + text(left - 112, 50, "Bone (vertebra)", size=13)
        + f'<line x1="{left + 30}" y1="200" x2="{left + 95}" y2="245" {pointer}/>'
        + text(left + 98, 262, "Canal with nerves", size=13)
        + f'<line x1="{right + 34}" y1="145" x2="{right + 80}" y2="120" {pointer}/>'
        + text(right + 82, 116, "Bulging disc", size=13, anchor="start")
        + f'<line x1="{right - 38}" y1="182" x2="{right - 105}" y2="215" {pointer}/>'
        + text(right - 108, 232, "Bone spur", size=13)
        + f'<line x1="{right + 30}" y1="222" x2="{right + 70}" y2="250" {pointer}/>'
        + text(right + 72, 262, "Thick ligament", size=13, anchor="start")
    )
    return SvgFigure(
        figure_id="canal-cross-section",
        body=body,
        width=680,
        height=350,
        alt=(
            "Two vertebrae seen from above. On the left, a normal spinal canal: a round "
            "opening with plenty of room around the bundle of nerves. On the right, a narrowed "
            "canal: a bulging disc pushes in from the front, a thick ligament from the back and "
            "bone spurs from the sides, so the nerves are squeezed together. This squeezing is "
            "what spinal stenosis means, and it is why the nerves can cause pain, numbness or "
            "weakness."
        ),
        caption=(
            "Stenosis means narrowing: discs, ligaments and bone spurs take up room the nerves "
            "need."
        ),
    )


def _standing_person(x: float) -> str:
    stroke = f'stroke="{INK}" stroke-width="4" stroke-linecap="round" fill="none"'
    return (
        f'<circle cx="{x}" cy="70" r="15" fill="{SKIN}" stroke="{INK}" stroke-width="3"/>'
        f'<line x1="{x}" y1="86" x2="{x}" y2="170" {stroke}/>'
        f'<line x1="{x}" y1="170" x2="{x - 16}" y2="250" {stroke}/>'
        f'<line x1="{x}" y1="170" x2="{x + 16}" y2="250" {stroke}/>'
        f'<line x1="{x}" y1="105" x2="{x - 22}" y2="160" {stroke}/>'
        f'<line x1="{x}" y1="105" x2="{x + 22}" y2="160" {stroke}/>'
    )


def _seated_leaning_person(x: float) -> str:
    stroke = f'stroke="{INK}" stroke-width="4" stroke-linecap="round" fill="none"'
    chair = f'stroke="{CHAIR}" stroke-width="4" fill="none"'
    hip = (x - 20, 185)
    neck = (x + 25, 112)
    return (
        f'<path d="M {x - 45} 120 L {x - 40} 195 L {x + 35} 195 M {x - 40} 195 L {x - 40} 250 '
        f'M {x + 30} 195 L {x + 30} 250" {chair}/>'
        f'<circle cx="{neck[0] + 10}" cy="{neck[1] - 14}" r="15" fill="{SKIN}" '
        f'stroke="{INK}" stroke-width="3"/>'
        f'<line x1="{hip[0]}" y1="{hip[1]}" x2="{neck[0]}" y2="{neck[1]}" {stroke}/>'
        f'<line x1="{hip[0]}" y1="{hip[1]}" x2="{x + 45}" y2="{hip[1]}" {stroke}/>'
        f'<line x1="{x + 45}" y1="{hip[1]}" x2="{x + 45}" y2="250" {stroke}/>'
        f'<line x1="{x + 15}" y1="128" x2="{x + 45}" y2="175" {stroke}/>'
    )


def _canal_side_view(x: float, gap: float, folds: bool) -> str:
    """The canal from the side: bone in front, ligament behind, a nerve in between."""
    front = "".join(
        f'<rect x="{x}" y="{y}" width="34" height="34" rx="5" fill="{BONE}" '
        f'stroke="{BONE_EDGE}" stroke-width="1.5"/>'
        for y in (70, 112, 154, 196)
    )
    back_x = x + 34 + gap
    if folds:
        # Standing up straight, the ligament behind the nerves buckles inwards.
        back = "".join(
            f'<path d="M {back_x + 14} {y} Q {back_x - 10} {y + 21} {back_x + 14} {y + 42}" '
            f'fill="{LIGAMENT}" stroke="{LIGAMENT_EDGE}" stroke-width="1.5"/>'
            for y in (70, 112, 154, 196)
        )
    else:
        back = (
            f'<rect x="{back_x}" y="70" width="12" height="164" rx="5" fill="{LIGAMENT}" '
            f'stroke="{LIGAMENT_EDGE}" stroke-width="1.5"/>'
        )
    nerve_x = x + 34 + gap / 2
    nerve = (
        f'<line x1="{nerve_x}" y1="62" x2="{nerve_x}" y2="242" stroke="{NERVE_EDGE}" '
        f'stroke-width="9" stroke-linecap="round"/>'
        f'<line x1="{nerve_x}" y1="62" x2="{nerve_x}" y2="242" stroke="{NERVE}" '
        f'stroke-width="6" stroke-linecap="round"/>'
    )
    return front + back + nerve


def bending_forward_opens_canal() -> SvgFigure:
    """Why sitting or bending forward eases leg symptoms and standing up brings them on."""
    body = (
        _standing_person(80)
        + _canal_side_view(150, 14, folds=True)
        + text(165, 290, "Standing or walking upright", size=16, weight="bold")
        + text(165, 312, "The canal gets narrower.", size=14)
        + text(165, 332, "Leg symptoms often come on.", size=14)
        + f'<line x1="340" y1="40" x2="340" y2="330" stroke="{DIVIDER}" stroke-width="1"/>'
        + _seated_leaning_person(430)
        + _canal_side_view(525, 40, folds=False)
        + text(515, 290, "Sitting or bending forward", size=16, weight="bold")
        + text(515, 312, "The canal opens up a little.", size=14)
        + text(515, 332, "Leg symptoms often ease.", size=14)
        + text(190, 30, "Less room", size=13)
        + text(580, 30, "More room", size=13)
    )
    return SvgFigure(
        figure_id="bending-forward",
        body=body,
        width=680,
        height=350,
        alt=(
            "Two side views. On the left, a person stands up straight; beside them the canal "
            "in the low back is narrow, with the ligament behind the nerve buckling inwards. On "
            "the right, a person sits leaning forward; the canal is wider and the nerve has "
            "more room. This is why many people with stenosis in the low back feel leg pain "
            "when they stand or walk, and feel better when they sit or lean forward, for "
            "example on a shopping cart."
        ),
        caption=(
            "Standing straight narrows the low-back canal; sitting or leaning forward opens it."
        ),
    )


_REGION_NOTES: tuple[tuple[str, str, int, int], ...] = (
    # (label, what narrowing there means, first vertebra index, last vertebra index)
    (
        REGIONS["cervical"],
        "7 bones. Narrowing here can press on the spinal cord itself.",
        0,
        6,
    ),
    ("Upper back (thoracic)", "12 bones. Narrowing here is rare.", 7, 18),
    (
        REGIONS["lumbar"],
        "5 bones. The most common place: about 3 in 4 cases. Narrowing here presses on "
        "nerve roots.",
        19,
        23,
    ),
)


def spine_regions() -> SvgFigure:
    """A side view of the spine with the neck and low back marked."""
    heights = [12] * 7 + [14] * 12 + [20] * 5
    gap = 3
    y = 40.0
    boxes: list[tuple[float, float, float]] = []  # (x, y, height)
    for i, h in enumerate(heights):
        # A gentle S-curve: the neck and low back curve forwards, the upper back backwards.
        if i < 7:
            x = 230 - 18 * (1 - abs(i - 3) / 3.5)
        elif i < 19:
            x = 230 + 22 * (1 - abs(i - 12.5) / 6.5)
        else:
            x = 230 - 22 * (1 - abs(i - 21.5) / 3)
        boxes.append((x, y, h))
        y += h + gap
    bones = "".join(
        f'<rect x="{x:.1f}" y="{top:.1f}" width="{34 + 6 * (i >= 19)}" height="{h}" rx="4" '
        f'fill="{BONE}" stroke="{BONE_EDGE}" stroke-width="1.5"/>'
        for i, (x, top, h) in enumerate(boxes)
    )
    sacrum_top = y
    sacrum_x = boxes[-1][0] + 4
    bones += (
        f'<path d="M {sacrum_x} {sacrum_top} L {sacrum_x + 40} {sacrum_top} '
        f'L {sacrum_x + 28} {sacrum_top + 50} Z" fill="{BONE}" stroke="{BONE_EDGE}" '
        f'stroke-width="1.5"/>'
    )
    # The cord runs behind the bones and ends near the top of the low back (around L1);
    # below that the canal holds separate nerve roots.
    cord_end = boxes[19][1] + 6
    cord_points = " ".join(f"{x + 46:.1f},{top + h / 2:.1f}" for x, top, h in boxes[:20])
    cord = (
        f'<polyline points="{boxes[0][0] + 46:.1f},28 {cord_points}" fill="none" '
        f'stroke="{NERVE_EDGE}" stroke-width="7" stroke-linecap="round"/>'
        f'<polyline points="{boxes[0][0] + 46:.1f},28 {cord_points}" fill="none" '
        f'stroke="{NERVE}" stroke-width="4" stroke-linecap="round"/>'
    )
    roots = "".join(
        f'<line x1="{boxes[19][0] + 46:.1f}" y1="{cord_end:.1f}" '
        f'x2="{boxes[23][0] + 44 + dx:.1f}" y2="{sacrum_top + 30:.1f}" stroke="{NERVE_EDGE}" '
        f'stroke-width="1.5"/>'
        for dx in (-4, 0, 4, 8)
    )
    labels = ""
    for label, note, first, last in _REGION_NOTES:
        top = boxes[first][1]
        bottom = boxes[last][1] + boxes[last][2]
        labels += (
            f'<path d="M 305 {top:.1f} L 315 {top:.1f} L 315 {bottom:.1f} L 305 {bottom:.1f}" '
            f'fill="none" stroke="{POINTER}" stroke-width="1.5"/>'
            + _lines(328, (top + bottom) / 2 - 10, label, width=40, size=15, weight="bold")
            + _lines(328, (top + bottom) / 2 + 9, note, width=46, size=13)
        )
    cord_label = (
        f'<line x1="{boxes[19][0] - 4:.1f}" y1="{cord_end:.1f}" x2="150" y2="{cord_end:.1f}" '
        f'stroke="{POINTER}" stroke-width="1.2"/>'
        + _lines(20, cord_end - 12, "The spinal cord ends about here. Below it, only nerve roots.",
                 width=20, size=12)
    )  # fmt: skip
    body = (
        text(170, 24, "Front", size=13, weight="bold")
        + text(295, 24, "Back", size=13, weight="bold")
        + bones
        + cord
        + roots
        + labels
        + cord_label
    )
    return SvgFigure(
        figure_id="spine-regions",
        body=body,
        width=680,
        height=sacrum_top + 70,
        alt=(
            "A side view of the spine, a column of small bones with the spinal cord running "
            "behind them. The top seven bones are the neck (cervical spine): narrowing there "
            "can press on the spinal cord itself. The middle twelve are the upper back, where "
            "narrowing is rare. The bottom five are the low back (lumbar spine), the most "
            "common place for narrowing; the cord ends near the top of the low back, so "
            "narrowing there presses on nerve roots instead. Where the narrowing is changes "
            "the symptoms and whether a massager belongs on the neck."
        ),
        caption="Neck (cervical) and low back (lumbar): the two main places narrowing happens.",
    )


# Where each placement sits on a back-view outline. Layout only: what is OK comes from
# guidance.PLACEMENTS. A placement without a spot here is shown as "anywhere on the body".
_MAP_SPOTS: dict[str, tuple[tuple[float, float], ...]] = {
    "muscles_beside_spine": ((142, 255), (198, 255)),
    "buttocks": ((138, 345), (202, 345)),
    "upper_back_muscles": ((118, 165), (222, 165)),
    "spine_bones": ((170, 215),),
    "front_of_neck": ((152, 108), (188, 108)),
    "over_a_clot": ((200, 470),),
}


def _back_outline(cx: float) -> str:
    outline = (
        f"M {cx - 16} 100 L {cx - 16} 125 Q {cx - 70} 130 {cx - 80} 150 "
        f"L {cx - 100} 300 L {cx - 86} 304 L {cx - 62} 190 L {cx - 60} 300 "
        f"Q {cx - 66} 340 {cx - 58} 380 L {cx - 50} 520 L {cx - 8} 520 L {cx - 4} 390 "
        f"L {cx + 4} 390 L {cx + 8} 520 L {cx + 50} 520 L {cx + 58} 380 "
        f"Q {cx + 66} 340 {cx + 60} 300 L {cx + 62} 190 L {cx + 86} 304 L {cx + 100} 300 "
        f"L {cx + 80} 150 Q {cx + 70} 130 {cx + 16} 125 L {cx + 16} 100 Z"
    )
    bumps = "".join(
        f'<circle cx="{cx}" cy="{y}" r="3.5" fill="{BONE_EDGE}"/>' for y in range(135, 320, 14)
    )
    return (
        f'<path d="{outline}" fill="{SKIN}" stroke="{SKIN_EDGE}" stroke-width="2"/>'
        f'<circle cx="{cx}" cy="78" r="28" fill="{SKIN}" stroke="{SKIN_EDGE}" stroke-width="2"/>'
        f'<line x1="{cx}" y1="350" x2="{cx}" y2="385" stroke="{SKIN_EDGE}" stroke-width="1.5"/>'
        + bumps
    )


def _marker(x: float, y: float, number: int, ok: bool) -> str:
    """OK is a green circle, Not OK a red square: shape and number as well as colour."""
    fill = OK_FILL if ok else NOT_OK_FILL
    shape = (
        f'<circle cx="{x}" cy="{y}" r="12" fill="{fill}" stroke="{PAGE}" stroke-width="2"/>'
        if ok
        else f'<rect x="{x - 11}" y="{y - 11}" width="22" height="22" fill="{fill}" '
        f'stroke="{PAGE}" stroke-width="2"/>'
    )
    return shape + text(x, y + 5, str(number), size=13, weight="bold", fill=PAGE)


def ok_label(ok: bool) -> str:
    """The words that carry the meaning: an icon and OK / Not OK."""
    return "✔ OK" if ok else "✖ Not OK"


def massager_body_map() -> SvgFigure:
    """A back view with numbered spots, and a key listing every placement as OK or Not OK."""
    markers = ""
    key = ""
    y = 60.0
    for number, placement in enumerate(PLACEMENTS, start=1):
        spots = _MAP_SPOTS.get(placement.id, ())
        markers += "".join(_marker(x, sy, number, placement.ok) for x, sy in spots)
        where = placement.place if spots else f"{placement.place} (anywhere on the body)"
        key += _marker(352, y + 4, number, placement.ok)
        key += text(374, y + 9, ok_label(placement.ok), size=14, weight="bold", anchor="start")
        key += _lines(470, y + 9, where, width=30, size=14)
        y += 22 + 18 * len(textwrap.wrap(where, width=30))
    body = (
        text(170, 28, "Your back, seen from behind", size=14, weight="bold")
        + _back_outline(170)
        + markers
        + text(352, 32, "Key: round = OK, square = Not OK", size=14, weight="bold",
               anchor="start")
        + key
    )  # fmt: skip
    return SvgFigure(
        figure_id="massager-body-map",
        body=body,
        width=720,
        height=max(540, int(y) + 10),
        alt=(
            "A body map of the back, seen from behind, with numbered spots and a key. "
            + " ".join(
                f"{n}: {ok_label(p.ok).split(' ', 1)[1]}, {p.place.lower()}."
                for n, p in enumerate(PLACEMENTS, start=1)
            )
            + " It matters because pressing on bone, on the neck's blood vessels, on numb or "
            "broken skin, or over a clot can cause harm."
        ),
        caption="Where a massager may go (round, OK) and where it must not (square, Not OK).",
    )


# How hard each kind of device works on the muscle, in plain words, for the picture.
_DEVICE_ORDER: tuple[tuple[str, str], ...] = (
    ("vibration", "Gentle"),
    ("shiatsu", "Medium to firm"),
    ("percussion", "Strong"),
    ("manual", "As hard as you press"),
)
# Two more a person may own or be sold, shown apart: neither sits on the gentle-strong line.
_OTHER_DEVICES: tuple[tuple[str, str], ...] = (
    ("massage_chair", "Medium to strong"),
    ("tens", "Not a massage"),
)


def _device_icon(device: str, cx: float, cy: float) -> str:
    edge = f'stroke="{INK}" stroke-width="2"'
    if device == "vibration":
        waves = "".join(
            f'<path d="M {cx + dx} {cy - 14} q 6 7 0 14 q -6 7 0 14" fill="none" {edge}/>'
            for dx in (26, 34)
        )
        return (
            f'<rect x="{cx - 22}" y="{cy - 14}" width="40" height="28" rx="10" '
            f'fill="{DEVICE}" {edge}/>' + waves
        )
    if device == "shiatsu":
        nodes = "".join(
            f'<circle cx="{cx + dx}" cy="{cy + dy}" r="7" fill="{DEVICE}" {edge}/>'
            for dx in (-12, 12)
            for dy in (-9, 9)
        )
        return (
            f'<rect x="{cx - 30}" y="{cy - 22}" width="60" height="44" rx="8" fill="{PART}" '
            f"{edge}/>" + nodes
        )
    if device == "percussion":
        return (
            f'<rect x="{cx - 30}" y="{cy - 16}" width="48" height="20" rx="6" fill="{DEVICE}" '
            f"{edge}/>"
            f'<rect x="{cx - 8}" y="{cy + 4}" width="14" height="24" rx="4" fill="{DEVICE}" '
            f"{edge}/>"
            f'<circle cx="{cx + 26}" cy="{cy - 6}" r="8" fill="{PART}" {edge}/>'
        )
    if device == "massage_chair":
        return (
            f'<rect x="{cx - 22}" y="{cy - 30}" width="36" height="44" rx="6" fill="{PART}" '
            f"{edge}/>"
            f'<rect x="{cx - 22}" y="{cy + 14}" width="52" height="14" rx="4" fill="{PART}" '
            f"{edge}/>"
            f'<circle cx="{cx - 4}" cy="{cy - 20}" r="6" fill="{DEVICE}" {edge}/>'
            f'<circle cx="{cx - 4}" cy="{cy}" r="6" fill="{DEVICE}" {edge}/>'
        )
    if device == "tens":
        return (
            f'<rect x="{cx - 30}" y="{cy - 14}" width="26" height="30" rx="4" fill="{DEVICE}" '
            f"{edge}/>"
            f'<path d="M {cx - 4} {cy} Q {cx + 10} {cy - 18} {cx + 22} {cy - 10}" fill="none" '
            f"{edge}/>"
            f'<rect x="{cx + 16}" y="{cy - 18}" width="16" height="14" rx="3" fill="{PART}" '
            f"{edge}/>"
            f'<path d="M {cx - 4} {cy + 6} Q {cx + 10} {cy + 20} {cx + 22} {cy + 14}" fill="none" '
            f"{edge}/>"
            f'<rect x="{cx + 16}" y="{cy + 8}" width="16" height="14" rx="3" fill="{PART}" {edge}/>'
        )
    return (
        f'<line x1="{cx - 30}" y1="{cy}" x2="{cx + 30}" y2="{cy}" stroke="{INK}" '
        f'stroke-width="4"/>'
        f'<rect x="{cx - 20}" y="{cy - 10}" width="40" height="20" rx="10" fill="{DEVICE}" '
        f"{edge}/>"
    )


def _device_card(device: str, depth: str, x: float, y: float) -> str:
    name, _, what = DEVICES[device].partition(" (")
    return (
        f'<rect x="{x}" y="{y}" width="155" height="230" rx="10" fill="{PANEL}" '
        f'stroke="{PANEL_EDGE}" stroke-width="1.5"/>'
        + _device_icon(device, x + 77, y + 50)
        + _lines(x + 77, y + 105, name, width=18, size=14, anchor="middle", weight="bold")
        + _lines(x + 77, y + 145, what.rstrip(")").capitalize(), width=20, size=12,
                 anchor="middle")
        + _lines(x + 77, y + 198, f"Strength: {depth}", width=22, size=12, anchor="middle",
                 weight="bold")
    )  # fmt: skip


def device_types() -> SvgFigure:
    """The four kinds of massager in the series, from gentlest to strongest, and two more."""
    cards = "".join(
        _device_card(device, depth, 20 + i * 170, 20)
        for i, (device, depth) in enumerate(_DEVICE_ORDER)
    )
    cards += text(20, 345, "Two more you may see in shops:", size=14, anchor="start",
                  weight="bold")  # fmt: skip
    cards += "".join(
        _device_card(device, depth, 20 + i * 170, 360)
        for i, (device, depth) in enumerate(_OTHER_DEVICES)
    )
    arrow = (
        f'<line x1="30" y1="275" x2="500" y2="275" stroke="{POINTER}" stroke-width="2"/>'
        f'<path d="M 500 268 L 514 275 L 500 282 Z" fill="{POINTER}"/>'
        + text(30, 300, "Gentler", size=13, anchor="start")
        + text(514, 300, "Stronger", size=13, anchor="end")
        + _lines(530, 272, "A manual tool is as strong as you make it.", width=22, size=12)
    )
    return SvgFigure(
        figure_id="device-types",
        body=cards + arrow,
        width=700,
        height=600,
        alt=(
            "Four kinds of back massager side by side, from gentlest to strongest: a "
            "vibration pad or wand that buzzes gently; a shiatsu cushion or belt with rolling, "
            "kneading nodes; a percussion gun whose head taps fast and hard; and a manual "
            "tool such as a roller or ball, which is only as strong as you press. Below them, "
            "two more you may see in shops: a massage chair with rollers and airbags, often "
            "with rollers near the neck, and a TENS unit, which sends electrical pulses "
            "through sticky pads and is not a massage. How strongly a device works matters, "
            "because hard pressure can leave muscles sore or bruised."
        ),
        caption=(
            "Four kinds of massager, from the gentlest buzz to the strongest taps, and two "
            "more you may see."
        ),
    )


def massage_reach() -> SvgFigure:
    """Where massage works (the muscles) and where the narrowing is (deep, around the nerves)."""
    cx = 240
    muscle = f'fill="{MUSCLE}" stroke="{MUSCLE_EDGE}" stroke-width="1.5"'
    pointer = f'stroke="{POINTER}" stroke-width="1.2"'
    body = (
        text(cx, 24, "Front of the body (belly side)", size=13)
        + _vertebra_from_above(cx)
        + _nerves(cx, 182, 7)
        # The muscles that run down either side of the spine, under the skin of the back.
        + f'<ellipse cx="{cx - 62}" cy="250" rx="48" ry="34" {muscle}/>'
        + f'<ellipse cx="{cx + 62}" cy="250" rx="48" ry="34" {muscle}/>'
        + f'<path d="M {cx - 200} 292 Q {cx} 310 {cx + 200} 292" fill="none" '
        f'stroke="{SKIN_EDGE}" stroke-width="3"/>'
        + text(cx + 205, 300, "Skin", size=13, anchor="start")
        # Arrows from outside: a massager presses on skin and muscle.
        + "".join(
            f'<line x1="{x}" y1="345" x2="{x}" y2="305" stroke="{OK_FILL}" stroke-width="4"/>'
            f'<path d="M {x - 8} 312 L {x} 300 L {x + 8} 312 Z" fill="{OK_FILL}"/>'
            for x in (cx - 62, cx + 62)
        )
        + text(cx, 368, "A massager presses here, from outside", size=14, weight="bold")
        + f'<line x1="{cx + 105}" y1="250" x2="{cx + 160}" y2="235" {pointer}/>'
        + _lines(cx + 165, 222, "Massage works here: the muscles beside the spine", width=18,
                 size=14, weight="bold")
        + f'<line x1="{cx - 30}" y1="182" x2="{cx - 110}" y2="142" {pointer}/>'
        + _lines(20, 96, "The narrowing is here: deep inside the bone, around the nerves",
                 width=22, size=14, weight="bold")
    )  # fmt: skip
    return SvgFigure(
        figure_id="massage-reach",
        body=body,
        width=600,
        height=385,
        alt=(
            "A vertebra seen from above, with the muscles of the back on either side of the "
            "spine, just under the skin. Arrows show a massager pressing on the skin and "
            "muscles from outside. The narrowed canal, with its squeezed nerves, sits deep "
            "inside the bone, far from where the massager works. This is why massage may "
            "ease sore muscles but cannot widen the canal or free the nerves."
        ),
        caption="Massage reaches the muscles. The narrowing is deeper, inside the bone.",
    )


ALL_FIGURES = (
    canal_cross_section,
    bending_forward_opens_canal,
    spine_regions,
    massager_body_map,
    device_types,
    massage_reach,
)
