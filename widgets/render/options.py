"""The choices a person with spinal stenosis can weigh, side by side (notebooks 05 and 06).

Drawing only: the options, their numbers out of ONE denominator and the "how sure" words are
content (``widgets.content.options``, from ``widgets/content/data/en/options.toml``). The table
meets the IPDAS balance criterion (joseph_williams2014): every option, including carrying on as
now, shows what it may do and what it may cost, in the same columns and the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from widgets.content.options import (
    CERTAINTY_MEANING,
    DENOMINATOR,
    NATURAL_HISTORY,
    OPTIONS,
    PHYSIO_THEN_SURGERY,
    Option,
)
from widgets.render.cards import cite_marks
from widgets.render.svgfigure import SvgFigure, text
from widgets.render.theme import FIGURE, PAGE, TEXT, style

# ---------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------

_TABLE = style("options-table")
_CELL = style("cell")


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
                f"<br><span {style('row-note')}>"
                f"{escape(option.what_it_is)}</span></th>"
                f"<td {_CELL}>{escape(option.may_do)}{cite_marks(option.sources)}{numbers}</td>"
                f"<td {_CELL}>{escape(CERTAINTY_MEANING[option.certainty])}</td>"
                f"<td {_CELL}>{escape(option.risks_and_burdens)}</td>"
                "</tr>"
            )
        return (
            f'<table class="sms-options" {_TABLE}>'
            f"<caption {style('caption')}>Your options "
            f"side by side. Every number is out of {DENOMINATOR} people.</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def _repr_html_(self) -> str:
        return self.html()


def options_table() -> OptionsTable:
    return OptionsTable()


_ICON_FILLS = (FIGURE.bar_edge, FIGURE.bar, PAGE)
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
                              fill=PAGE if g % 3 == 0 else TEXT))  # fmt: skip
            index += 1
    key_x = left + 10 * (size + gap) + 16
    for g, (count, label) in enumerate(groups):
        y = top + 30 + g * 40
        parts.append(
            f'<rect x="{key_x}" y="{y - 16}" width="{size}" height="{size}" rx="11" '
            f'fill="{_ICON_FILLS[g % 3]}" stroke="{TEXT}" stroke-width="1.5"/>'
        )
        parts.append(text(key_x + size / 2, y, _ICON_MARKS[g % 3], size=12,
                          fill=PAGE if g % 3 == 0 else TEXT))  # fmt: skip
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
    assert worse.low <= shown_worse <= worse.high  # widgets.content.options checks the file
    worse_range = str(worse.low) if worse.low == worse.high else f"{worse.low} to {worse.high}"
    return icon_array(
        ((better.high, "get better"), (same.high, "stay the same"), (shown_worse, "get worse")),
        figure_id="natural-history-icons",
        # The words come from the same numbers as the picture, so an edit to the data reaches both.
        alt=(
            f"A grid of {DENOMINATOR} people with low back narrowing who do not have surgery, "
            f"followed for a few years. About {better.high} get better, about {same.high} stay "
            f"the same, and about {worse_range} get worse. The picture shows {shown_worse} as "
            "worse."
        ),
        caption=(
            f"Without surgery, out of {DENOMINATOR} people: about {better.high} better, "
            f"{same.high} the same, {shown_worse} worse."
        ),
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
