"""One vocabulary across all notebooks: never a word beside its other-country twin.

The notebooks' own text is in the neutral ``en`` locale (clinic settings change only what the
engine says, at render time). A reader who meets "trolley" in one notebook and "cart" in
another, or "physio" beside "physical therapist", is left wondering whether they differ.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))

# Each thing, with the ways different Englishes say it. Case-sensitive, whole words.
TWINS: dict[str, dict[str, str]] = {
    "what you push in a shop": {"UK": r"trolleys?", "US": r"(?:shopping[ -])?carts?"},
    "the movement therapist": {
        "UK": r"physio(?:therapist|therapy)?s?",
        "US": r"physical therap(?:y|ist|ists)|PTs?",
    },
    "the hospital's emergency unit": {
        "neutral": r"emergency departments?",
        "UK": r"A&E",
        "US": r"emergency rooms?|ER",
    },
    "the family doctor": {"UK": r"GPs?", "US": r"primary care (?:doctor|physician|provider)s?"},
    "the same-day service": {"UK": r"NHS 111", "US": r"urgent care cent(?:er|re)s?"},
    "bowel movements": {"UK": r"poo(?:ing|s)?", "US": r"poop(?:ing|s)?"},
    "mother": {"UK": r"mum", "US": r"mom"},
    "time off": {"UK": r"holidays?", "US": r"vacations?"},
    "the path beside a road": {"UK": r"pavements?", "US": r"sidewalks?"},
    "colour": {"UK": r"colours?|coloured|colourful", "US": r"colors?|colored|colorful"},
    "centre": {"UK": r"centres?", "US": r"centers?"},
    "programme": {"UK": r"programmes?", "US": r"programs?"},
    "tumour": {"UK": r"tumours?", "US": r"tumors?"},
    "behaviour": {"UK": r"behaviours?|behavioural", "US": r"behaviors?|behavioral"},
    "-ise or -ize": {
        "UK": r"(?:recogni|organi|reali|minimi|apologi|emphasi)s(?:e|ed|es|ing)",
        "US": r"(?:recogni|organi|reali|minimi|apologi|emphasi)z(?:e|ed|es|ing)",
    },
}


def _found(pattern: str, text: str) -> bool:
    return re.search(rf"(?<![\w&-])(?:{pattern})(?![\w&])", text) is not None


def prose(path: Path) -> str:
    """The words a reader sees in a notebook: its markdown cells (code cells only call
    widgets, whose words come from the engine and are localised at render time)."""
    notebook = nbformat.read(path, as_version=4)
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def mixed_vocabulary(texts: dict[str, str]) -> dict[str, dict[str, list[str]]]:
    """For each thing said in more than one way across ``texts``: each way, and where."""
    mixed = {}
    for thing, ways in TWINS.items():
        used = {way: [name for name, text in texts.items() if _found(rx, text)]
                for way, rx in ways.items()}  # fmt: skip
        used = {way: names for way, names in used.items() if names}
        if len(used) > 1:
            mixed[thing] = used
    return mixed


def test_the_checker_catches_trolley_in_one_notebook_and_cart_in_another():
    texts = {"01": "Lean on a shopping cart.", "07": "A trolley helps. See a physio."}
    assert mixed_vocabulary(texts) == {"what you push in a shop": {"UK": ["07"], "US": ["01"]}}
    assert mixed_vocabulary({"a": "Go to A&E.", "b": "The emergency department."}) != {}
    assert mixed_vocabulary({"a": "A poodle, a physio and a physiotherapist."}) == {}


def test_every_notebook_uses_one_vocabulary():
    assert len(NOTEBOOKS) >= 11
    assert mixed_vocabulary({path.stem: prose(path) for path in NOTEBOOKS}) == {}
