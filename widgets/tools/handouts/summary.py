"""The short version of each handout (``summary/``): one or two pages a patient will read.

Each is made from the notebook's own cells, never restated: the title, the bottom line (what
to know and the one thing to do), the key points and the say-it-back prompts. The template's
footer adds the warning signs, from the engine, as on every handout. Nothing here needs a
kernel: these cells are markdown.
"""

from __future__ import annotations

import re

from nbformat import NotebookNode, from_dict

from widgets.content.navigation import is_nav, title_of
from widgets.tools.handouts.clean import link_notebooks_as_html

BOTTOM_LINE, TEACH_BACK = "bottom-line", "teach-back"
KEY_POINTS = "## Key points"
_SECTION = re.compile(r"^## ", re.MULTILINE)


def _tags(cell: NotebookNode) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def _patient_markdown(nb: NotebookNode) -> list[NotebookNode]:
    return [
        cell
        for cell in nb.cells
        if cell.cell_type == "markdown" and "remove-cell" not in _tags(cell) and not is_nav(cell)
    ]


def key_points(nb: NotebookNode) -> list[NotebookNode]:
    """The markdown cells of the notebook's Key points section, heading first."""
    found: list[NotebookNode] = []
    for cell in _patient_markdown(nb):
        if cell.source.lstrip().startswith(KEY_POINTS):
            found = [cell]
        elif found and _SECTION.search(cell.source):
            break
        elif found:
            found.append(cell)
    return found


class MissingPart(ValueError):
    """A notebook lacks a part its short version needs (a bottom line or key points)."""


def summary_notebook(nb: NotebookNode, stem: str) -> NotebookNode:
    """A markdown-only notebook: title, bottom line, key points, say-it-back, full version."""
    title = title_of(nb, stem)
    cells = _patient_markdown(nb)
    bottom = [c for c in cells if BOTTOM_LINE in _tags(c)]
    points = key_points(nb)
    if not bottom or not points:
        raise MissingPart(f"{stem}: a short version needs a bottom-line cell and key points")
    teach = [c for c in cells if TEACH_BACK in _tags(c)]
    full = (
        f"This is the short version. The full handout has the pictures, the answers and the "
        f"sources: [{title}](../{stem}.html)."
    )
    parts = [
        ("title", [], f"# {title}"),
        *((c.get("id", "bottom"), [BOTTOM_LINE], c.source) for c in bottom),
        *((c.get("id", "points"), [], c.source) for c in points if c not in teach),
        *((c.get("id", "teach"), [TEACH_BACK], c.source) for c in teach),
        ("full-version", [], full),
    ]
    return from_dict({
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {"title": title, "language_info": {"name": "python"}},
        "cells": [
            {"id": f"{stem}-{cid}", "cell_type": "markdown", "metadata": {"tags": tags},
             "source": link_notebooks_as_html(source)}
            for cid, tags, source in parts
        ],
    })  # fmt: skip
