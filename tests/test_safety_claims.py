"""The safety prose added for issue 9 says what the engine does: the numbers and levels a
notebook states come out of ``assess`` and ``nearest_green_use``, not from memory."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import nbformat

from widgets.guidance import (
    MAX_GREEN_INTENSITY,
    MAX_MINUTES,
    START_INTENSITY,
    START_MINUTES,
    Level,
    Urgency,
    assess,
    nearest_green_use,
    starting_profile,
)

ROOT = Path(__file__).resolve().parents[1]
START = starting_profile()


def _cell(notebook: str, cell_id: str) -> str:
    nb = nbformat.read(ROOT / "notebooks" / f"{notebook}.ipynb", as_version=4)
    return " ".join(next(c for c in nb.cells if c.get("id") == cell_id).source.split())


def test_notebook_03_names_the_planners_ceiling_and_the_start_low_advice():
    nearest = nearest_green_use(replace(START, intensity=5, minutes=30))
    assert nearest is not None
    assert (nearest.intensity, nearest.minutes) == (MAX_GREEN_INTENSITY, MAX_MINUTES)
    answer = _cell("03_what_back_massagers_offer", "nb03-strength-settings-3")
    assert f"strength down to {nearest.intensity}" in answer
    assert f"time down to {nearest.minutes} minutes" in answer
    low, high = START_INTENSITY
    assert f"start at strength {low} or {high} for about {START_MINUTES} minutes" in answer


def test_notebook_04_the_swollen_calf_card_is_red_urgent_as_the_prose_says():
    prose = _cell("04_precautions", "nb04-swollen-calf")
    assert "swollen" in prose and "clot" in prose
    g = assess(replace(START, symptoms=frozenset({"swollen_calf"}), device="percussion",
                       areas=frozenset({"legs"}), intensity=4))  # fmt: skip
    assert (g.level, g.urgency) == (Level.RED, Urgency.URGENT)


def test_notebook_04_the_three_neck_rules_hold_for_every_device():
    prose = _cell("04_precautions", "nb04-why-the-neck-needs-speci")
    for device in ("vibration", "manual", "shiatsu", "percussion", "massage_chair", "tens"):
        g = assess(replace(START, device=device, areas=frozenset({"neck"})))
        assert "Never use a massager on the front or sides of your neck." in g.actions
        assert "Never use a massager with its cover off." in g.actions
    assert "never on the front or sides of the neck" in prose
    assert "cover off" in prose
