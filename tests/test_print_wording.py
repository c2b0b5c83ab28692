"""Words that print must make sense on paper: a "Try this" prompt that asks the reader to use a
control also offers the paper route, and no printed sentence tells a reader to press a button."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SCREEN_ONLY = re.compile(r'<span class="screen-only">.*?</span>', re.DOTALL)
CONTROL_VERBS = re.compile(r"\b(set|move|tick|press|click|drag)\b", re.IGNORECASE)


def _printed_prose(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [
        SCREEN_ONLY.sub("", cell.source)
        for cell in nb.cells
        if cell.cell_type == "markdown" and "remove-cell" not in cell.metadata.get("tags", [])
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_try_this_prompts_work_on_screen_and_on_paper(path):
    for prose in _printed_prose(path):
        for prompt in re.findall(r"\*\*Try this[^*]*\*\*(.*?)(?:\n\n|$)", prose, re.DOTALL):
            if CONTROL_VERBS.search(prompt):
                assert "think it through" in prompt, prompt


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_printed_sentence_tells_a_reader_to_press_or_click(path):
    for prose in _printed_prose(path):
        assert not re.search(r"\b(press|click) (the|Save)\b", prose, re.IGNORECASE), prose[:120]
