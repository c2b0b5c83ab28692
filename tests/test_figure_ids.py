"""Figures share a page in series.html, so no two may use the same element id."""

from __future__ import annotations

import inspect
import re
from collections import Counter

from widgets.render import figures_care, figures_spine
from widgets.render.svgfigure import SvgFigure


def all_figures() -> list[SvgFigure]:
    figures = []
    for module in (figures_spine, figures_care):
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            if inspect.signature(function).return_annotation in (SvgFigure, "SvgFigure"):
                figures.append(function())
    return figures


def test_every_element_id_is_unique_across_all_figures():
    ids = Counter(i for fig in all_figures() for i in re.findall(r'\bid="([^"]+)"', fig.html()))
    assert [i for i, n in ids.items() if n > 1] == []
    assert len(all_figures()) >= 10
