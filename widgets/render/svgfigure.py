"""A figure drawn in SVG, with real alt text that survives JupyterLab, nbconvert and print.

Inline SVG with ``<title>``/``<desc>`` and ``role="img"`` is read by screen readers; the ``lab``
export template would stamp a placeholder alt on an <img>, so figures are never images.

The markup lives in Jinja2 templates under ``templates/figures/``: ``figure.svg.j2`` for the
frame, ``parts.svg.j2`` for text, one file per figure (``<figure>.svg.j2``, so a notebook
compiles only the pictures it shows, about 15 ms each) and parts a few figures share
(``anatomy.svg.j2``, ``diagram.svg.j2``). They are filled in through the render floor's exact
environment (``widgets.render.templating.exact_environment``), so every word is autoescaped.
Python keeps the geometry: which parts to draw, and where.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from functools import cache

from jinja2.environment import TemplateModule
from markupsafe import Markup

from widgets.render.templating import exact_environment
from widgets.render.theme import FIGURE, MUTED_TEXT, PAGE, TEXT


def wrap(content: str, width: int) -> list[str]:
    """``content`` in lines of at most ``width`` characters (at least one line, maybe empty)."""
    return textwrap.wrap(content, width=width) or [""]


# What every figure template may name besides its macros' arguments: the theme's colours
# (``fig`` is its figure palette) and ``wrap`` for labels of several lines.
_DRAWING: dict[str, object] = {
    "ink": TEXT,
    "muted": MUTED_TEXT,
    "page": PAGE,
    "fig": FIGURE,
    "wrap": wrap,
}


@cache
def _macros(template: str) -> TemplateModule:
    return exact_environment().get_template(template).make_module(vars=_DRAWING)


def render_svg(template: str, macro: str, *args: object, **kwargs: object) -> str:
    """``macro`` of ``template`` (under ``templates/``) called with ``args``: one line of SVG.

    Through the exact environment, as the card is: a template's own line breaks are taken out
    of its source (break lines only between tags), a label keeps its own, and words are
    escaped as ``html.escape`` escapes them, so the figures keep the bytes the f-string
    builders drew.
    """
    return str(getattr(_macros(template), macro)(*args, **kwargs))


def svg_markup(svg: str) -> Markup:
    """SVG this floor drew, to be put into a template as it is (not escaped again)."""
    return Markup(svg)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "figure"


@dataclass(frozen=True, kw_only=True)
class SvgFigure:
    """``body`` is SVG markup inside a ``viewBox`` of ``width`` x ``height``.

    ``alt`` says what the picture shows and why it matters; ``caption`` is one visible line.
    ``figure_id`` must be unique within a notebook (it names the title and desc elements).
    """

    figure_id: str
    body: str
    width: float
    height: float
    alt: str
    caption: str

    def svg(self) -> str:
        return render_svg(
            "figures/figure.svg.j2",
            "svg",
            _slug(self.figure_id),
            self.width,
            self.height,
            self.alt,
            svg_markup(self.body),
        )

    def html(self) -> str:
        return render_svg(
            "figures/figure.svg.j2",
            "figure",
            _slug(self.figure_id),
            self.width,
            self.height,
            self.alt,
            self.caption,
            svg_markup(self.body),
        )

    def _repr_html_(self) -> str:
        return self.html()
