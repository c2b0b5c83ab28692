"""The choices a person with spinal stenosis can weigh, side by side (notebooks 05 and 06).

Drawing only: the options, their numbers out of ONE denominator and the "how sure" words are
content (``widgets.content.options``, from ``widgets/content/data/en/options.toml``). The table
meets the IPDAS balance criterion (joseph_williams2014): every option, including carrying on as
now, shows what it may do and what it may cost, in the same columns and the same words.

The markup is in autoescaped Jinja2 templates: ``templates/options_table.html.j2`` for the
table, ``templates/options_icons.svg.j2`` for the icon arrays. Python picks the rows and works
out where each icon goes.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.content.options import (
    CERTAINTY_MEANING,
    DENOMINATOR,
    NATURAL_HISTORY,
    OPTIONS,
    PHYSIO_THEN_SURGERY,
    Option,
)
from widgets.render.cards import cite_marks
from widgets.render.parts import part_of
from widgets.render.svgfigure import SvgFigure, render_svg
from widgets.render.templating import html, render_exact

# ---------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OptionsTable:
    """The options side by side; displays itself as HTML in notebooks and handouts."""

    options: tuple[Option, ...] = OPTIONS
    caption: bool = True  # a part after the first leaves out the caption the first one shows

    def html(self) -> str:
        rows = [
            {
                "option": option,
                "cites": html(cite_marks(option.sources)),
                "numbers": [(n.words(), html(cite_marks(n.sources))) for n in option.numbers],
                "certainty": CERTAINTY_MEANING[option.certainty],
            }
            for option in self.options
        ]
        return render_exact("options_table.html.j2", rows=rows, denominator=DENOMINATOR,
                            caption=self.caption)  # fmt: skip

    def _repr_html_(self) -> str:
        return self.html()


def options_table(part: tuple[int, int] = (1, 1)) -> OptionsTable:
    """Every option, or ``part`` (n, of) of the rows in order: a live slide shows the table a
    few rows at a time, each part under the same column headings, so it never has to scroll."""
    number, parts = part
    if not 1 <= number <= parts <= len(OPTIONS):
        raise ValueError(
            f"options_table() takes a part (n, of) with 1 <= n <= of <= {len(OPTIONS)}"
        )
    return OptionsTable(options=tuple(part_of(OPTIONS, part)), caption=number == 1)


def icon_array(
    groups: tuple[tuple[int, str], ...], *, figure_id: str, alt: str, caption: str
) -> SvgFigure:
    """100 people as a 10 x 10 grid, filled group by group; each group has a symbol and a
    label in words, so the picture never relies on colour (wcag21)."""
    if sum(count for count, _label in groups) != DENOMINATOR:
        raise ValueError(f"an icon array shows exactly {DENOMINATOR} people")
    size, gap, left, top = 22, 6, 12, 12
    # Three looks (fill and symbol) in turn, group by group; the template holds them.
    group_of_each = [g for g, (count, _label) in enumerate(groups) for _ in range(count)]
    people = []
    for index, g in enumerate(group_of_each):
        row, col = divmod(index, 10)
        people.append((left + col * (size + gap), top + row * (size + gap), g % 3))
    key_x = left + 10 * (size + gap) + 16
    key = [
        (key_x, top + 30 + g * 40, g % 3, count, label) for g, (count, label) in enumerate(groups)
    ]
    return SvgFigure(
        figure_id=figure_id,
        body=render_svg("options_icons.svg.j2", "icon_array", people, key, size, DENOMINATOR),
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
