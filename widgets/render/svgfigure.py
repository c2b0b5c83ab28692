"""A figure drawn in SVG, with real alt text that survives JupyterLab, nbconvert and print.

Inline SVG with ``<title>``/``<desc>`` and ``role="img"`` is read by screen readers; the ``lab``
export template would stamp a placeholder alt on an <img>, so figures are never images.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from widgets.render.theme import TEXT, style


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
        fid = _slug(self.figure_id)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'role="img" aria-labelledby="{fid}-title" '
            f'{style("figure-svg")} width="{self.width}" height="{self.height}">'
            f'<title id="{fid}-title">{escape(self.alt)}</title>'
            f"{self.body}</svg>"
        )

    def html(self) -> str:
        return (
            f'<figure class="series-figure" {style("figure")}>'
            f"{self.svg()}"
            f"<figcaption {style('figcaption')}>{escape(self.caption)}"
            f"</figcaption></figure>"
        )

    def _repr_html_(self) -> str:
        return self.html()


def text(
    x: float,
    y: float,
    content: str,
    *,
    size: int = 16,
    anchor: str = "middle",
    weight: str = "normal",
    fill: str = TEXT,
) -> str:
    """An SVG text element; the content is escaped."""
    return (
        f'<text x="{x}" y="{y}" font-family="sans-serif" font-size="{size}" '
        f'text-anchor="{anchor}" font-weight="{weight}" fill="{fill}">{escape(content)}</text>'
    )
