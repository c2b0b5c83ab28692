"""Where a notebook's prose explains what the explorers will show, the engine must agree.

The answers under "Try this" are written in markdown so they print; these tests keep them true
if a rule ever changes.
"""

from __future__ import annotations

from dataclasses import replace

from widgets.guidance import Level, Urgency, assess, nearest_green_use, starting_profile

START = starting_profile()


def test_notebook_05_mild_and_moderate_stay_green_and_severe_turns_amber_not_red():
    levels = {s: assess(replace(START, severity=s)).level for s in ("mild", "moderate", "severe")}
    assert levels == {"mild": Level.GREEN, "moderate": Level.GREEN, "severe": Level.AMBER}
    severe = assess(replace(START, severity="severe"))
    assert "severe_symptoms" in {r.rule_id for r in severe.reasons}


def test_notebook_05_neck_use_with_neck_narrowing_is_amber_and_clumsy_hands_make_it_red():
    neck = replace(START, region="cervical", areas={"neck"})
    assert assess(neck).level is Level.AMBER
    clumsy = assess(replace(neck, symptoms=neck.symptoms | {"hand_clumsiness"}))
    assert (clumsy.level, clumsy.urgency) == (Level.RED, Urgency.URGENT)


def test_notebook_03_the_planner_turns_strength_and_time_down_to_reach_green():
    too_much = replace(START, intensity=5, minutes=30)
    nearest = nearest_green_use(too_much)
    assert nearest is not None
    assert nearest.intensity < too_much.intensity and nearest.minutes < too_much.minutes
