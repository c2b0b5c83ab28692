"""Pictures for notebooks 00-05: the spine, the canal, and where a massager may go.

Each figure is a small pure function that returns a ``SvgFigure`` with alt text that says what
it shows and why it matters. The pictures are schematic, not anatomical drawings: they carry
one idea each. Every colour comes with a word, so no meaning rests on colour alone (WCAG 1.4.1).
Output is deterministic: no randomness, no dates.
"""

from __future__ import annotations

from typing import NamedTuple

from widgets.guidance import DEVICES, PLACEMENTS, REGIONS
from widgets.render.svgfigure import SvgFigure, render_svg, wrap

# The markup of each figure is its own template, templates/figures/<figure>.svg.j2, so a
# notebook compiles only the pictures it shows. Colours come from the theme's figure palette:
# dark text on light fills, so labels keep a contrast of 4.5:1 or more (the contrast test
# checks every pair).


def _draw(figure: str, *args: object) -> str:
    """The body of ``figure``: the macro of that name in ``figures/<figure>.svg.j2``."""
    return render_svg(f"figures/{figure}.svg.j2", figure, *args)


# A bundle of seven nerve roots, as offsets from its centre in units of the room they have.
_NERVE_OFFSETS = ((0, 0), (-1, -0.6), (1, -0.6), (-1, 0.6), (1, 0.6), (0, -1.2), (0, 1.2))


def _nerves(cx: float, cy: float, spread: float) -> list[tuple[float, float]]:
    """The centres of the nerve bundle; ``spread`` is how much room they have."""
    return [(cx + dx * spread, cy + dy * spread) for dx, dy in _NERVE_OFFSETS]


def canal_cross_section() -> SvgFigure:
    """A normal canal next to a narrowed one, seen from above."""
    left, right = 170, 500
    body = _draw("canal_cross_section", left, right, _nerves(left, 182, 14), _nerves(right, 182, 7))
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


def _canal_side_view(x: float, gap: float, folds: bool) -> tuple[float, float, float, bool]:
    """Where the side view of the canal goes: bone at ``x``, the ligament ``gap`` behind it
    (buckling inwards when ``folds``), and the nerve halfway between."""
    return (x, x + 34 + gap, x + 34 + gap / 2, folds)


def bending_forward_opens_canal() -> SvgFigure:
    """Why sitting or bending forward eases leg symptoms and standing up brings them on."""
    body = _draw(
        "bending_forward_opens_canal",
        _canal_side_view(150, 14, folds=True),
        _canal_side_view(525, 40, folds=False),
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
    bones = [(x, top, 34 + 6 * (i >= 19), h) for i, (x, top, h) in enumerate(boxes)]
    sacrum_top = y
    # The cord runs behind the bones and ends near the top of the low back (around L1);
    # below that the canal holds separate nerve roots.
    cord_end = boxes[19][1] + 6
    cord_points = " ".join(f"{x + 46:.1f},{top + h / 2:.1f}" for x, top, h in boxes[:20])
    roots = [
        (boxes[19][0] + 46, cord_end, boxes[23][0] + 44 + dx, sacrum_top + 30)
        for dx in (-4, 0, 4, 8)
    ]
    regions = []
    for label, note, first, last in _REGION_NOTES:
        top = boxes[first][1]
        bottom = boxes[last][1] + boxes[last][2]
        regions.append((label, note, top, bottom, (top + bottom) / 2))
    body = _draw(
        "spine_regions",
        bones,
        boxes[-1][0] + 4,  # the sacrum, below the last bone
        sacrum_top,
        f"{boxes[0][0] + 46:.1f},28 {cord_points}",
        roots,
        regions,
        cord_end,
        boxes[19][0] - 4,  # where the "cord ends here" pointer starts
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


def ok_label(ok: bool) -> str:
    """The words that carry the meaning: an icon and OK / Not OK."""
    return "✔ OK" if ok else "✖ Not OK"


_KEY_WIDTH = 30  # characters a line of the key holds


class _KeyRow(NamedTuple):
    """One placement on the body map: its spots on the back and its line in the key at ``y``."""

    number: int
    ok: bool
    ok_words: str
    where: str
    spots: tuple[tuple[float, float], ...]
    y: float


def massager_body_map() -> SvgFigure:
    """A back view with numbered spots, and a key listing every placement as OK or Not OK."""
    rows = []
    y = 60.0
    for number, placement in enumerate(PLACEMENTS, start=1):
        spots = _MAP_SPOTS.get(placement.id, ())
        where = placement.place if spots else f"{placement.place} (anywhere on the body)"
        rows.append(_KeyRow(number, placement.ok, ok_label(placement.ok), where, spots, y))
        y += 22 + 18 * len(wrap(where, _KEY_WIDTH))
    body = _draw("massager_body_map", rows, _KEY_WIDTH)
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


class _DeviceCard(NamedTuple):
    device: str
    name: str
    what: str
    strength: str
    x: float
    y: float


def _device_card(device: str, strength: str, x: float, y: float) -> _DeviceCard:
    name, _, what = DEVICES[device].partition(" (")
    return _DeviceCard(device, name, what.rstrip(")").capitalize(), strength, x, y)


def device_types() -> SvgFigure:
    """The four kinds of massager in the series, from gentlest to strongest, and two more."""
    graded = [
        _device_card(device, strength, 20 + i * 170, 20)
        for i, (device, strength) in enumerate(_DEVICE_ORDER)
    ]
    others = [
        _device_card(device, strength, 20 + i * 170, 360)
        for i, (device, strength) in enumerate(_OTHER_DEVICES)
    ]
    body = _draw("device_types", graded, others)
    return SvgFigure(
        figure_id="device-types",
        body=body,
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
    body = _draw("massage_reach", cx, _nerves(cx, 182, 7))
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
