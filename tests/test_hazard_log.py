"""The hazard log is complete: every hazard has an engine control and a test that exist, every
engine rule controls a hazard, and the page shows what the data say."""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from widgets import guidance as G
from widgets.render import theme

ROOT = Path(__file__).resolve().parents[1]
HAZARDS = yaml.safe_load((ROOT / "docs" / "safety" / "hazards.yaml").read_text("utf-8"))
FIELDS = {"id", "hazard", "who", "severity", "controls", "tests"}
SEVERITIES = {"catastrophic", "major", "moderate", "minor"}


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def test_the_log_is_seeded_with_every_red_flag_and_each_hazard_is_complete():
    ids = [h["id"] for h in HAZARDS]
    assert len(ids) == len(set(ids)) >= 20
    for hazard in HAZARDS:
        assert set(hazard) == FIELDS, hazard["id"]
        assert hazard["severity"] in SEVERITIES, hazard["id"]
        assert hazard["controls"] and hazard["tests"], hazard["id"]
        assert all(str(hazard[key]).strip() for key in ("hazard", "who")), hazard["id"]


@pytest.mark.parametrize("hazard", HAZARDS, ids=lambda h: h["id"])
def test_every_control_names_a_rule_or_part_of_the_engine_that_exists(hazard):
    engine_controls = 0
    for control in hazard["controls"]:
        kind, _, name = control.partition(":")
        if kind == "rule":
            assert name in G.RULES_BY_ID, f"{hazard['id']}: no rule {name!r}"
        elif kind == "theme":  # how a level is drawn (icons) lives on the render floor
            assert hasattr(theme, name), f"{hazard['id']}: no {control!r}"
            continue
        else:
            assert kind == "engine" and hasattr(G, name), f"{hazard['id']}: no {control!r}"
        engine_controls += 1
    assert engine_controls, f"{hazard['id']}: no engine rule or engine part controls it"


@pytest.mark.parametrize("hazard", HAZARDS, ids=lambda h: h["id"])
def test_every_proof_names_a_test_that_exists(hazard):
    for test in hazard["tests"]:
        path, _, name = test.partition("::")
        assert (ROOT / path).is_file(), f"{hazard['id']}: no file {path}"
        assert name in _test_names(ROOT / path), f"{hazard['id']}: no test {test}"


def test_every_rule_in_the_engine_controls_at_least_one_hazard():
    controlled = {c.partition(":")[2] for h in HAZARDS for c in h["controls"]}
    assert sorted(set(G.RULES_BY_ID) - controlled) == []


def test_every_red_rule_and_warning_sign_is_in_the_log():
    controlled = {c.partition(":")[2] for h in HAZARDS for c in h["controls"]}
    red = {rule.id for rule in G.RULES if rule.level is G.Level.RED}
    assert red <= controlled
    assert "WARNING_SIGNS" in controlled


def test_the_hazard_page_is_written_from_the_data():
    result = subprocess.run(
        [sys.executable, "-m", "widgets.tools.hazard_log", "--check"],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


# A control with no other natural home for its proof.
def test_backrest_devices_on_the_low_back_carry_the_pillow_advice():
    for device in ("shiatsu", "massage_chair"):
        g = G.assess(replace(G.starting_profile(), device=device))
        assert "Put a small pillow behind your low back, or skip the low-back rollers." in (
            g.actions
        )
    g = G.assess(replace(G.starting_profile(), device="shiatsu", region="cervical"))
    assert not any("pillow" in action for action in g.actions)


def test_the_clinician_guide_says_what_the_cards_cannot_know_and_lists_all_three_tiers():
    guide = " ".join((ROOT / "docs" / "clinician-guide.md").read_text("utf-8").split())
    assert "## What the cards cannot know" in guide
    for limit in ("Self-report has limits", "never been diagnosed", "circulation"):
        assert limit in guide
    for sign in G.WARNING_SIGNS:
        assert sign.what_to_say.removeprefix("Say: ") in guide, sign.id
    for routine in G.ROUTINE_SIGNS:
        assert routine.signs in guide and routine.what_to_do in guide, routine.id
