"""Properties that hold for every valid profile, checked over the whole input space."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import profiles

from widgets.content.references import REFERENCES
from widgets.guidance import CONDITIONS, SEVERITIES, SYMPTOMS, Level, Urgency, assess

RED_FLAG_SYMPTOMS = {
    "saddle_numbness",
    "bladder_bowel_changes",
    "worsening_weakness",
    "fever",
    "weight_loss",
    "night_pain",
    "hand_clumsiness",
    "balance_problems",
    "swollen_calf",
    "major_injury",
}
SEVERITY_ORDER = list(SEVERITIES)

many = settings(max_examples=400, deadline=None)


@many
@given(profiles)
def test_every_valid_profile_gets_complete_sourced_guidance(profile):
    g = assess(profile)
    assert g.level in set(Level)
    assert g.headline.strip()
    assert len(g.actions) >= 1 and all(a.strip() for a in g.actions)
    assert len(g.reasons) >= 1
    assert all(reason.sources for reason in g.reasons)
    assert all(key in REFERENCES for reason in g.reasons for key in reason.sources)
    assert len(g.actions) == len(set(g.actions))


@many
@given(profiles)
def test_urgency_is_given_exactly_when_the_level_is_red(profile):
    g = assess(profile)
    assert (g.urgency is not None) == (g.level is Level.RED)


@many
@given(profiles, st.sampled_from(sorted(RED_FLAG_SYMPTOMS)))
def test_every_red_flag_symptom_gives_red(profile, symptom):
    g = assess(replace(profile, symptoms=profile.symptoms | {symptom}))
    assert g.level is Level.RED
    assert "Do not use the massager" in g.headline


@many
@given(profiles, st.sampled_from(["saddle_numbness", "bladder_bowel_changes"]))
def test_cauda_equina_signs_are_always_an_emergency(profile, symptom):
    g = assess(replace(profile, symptoms=profile.symptoms | {symptom}))
    assert g.urgency is Urgency.EMERGENCY


@many
@given(profiles)
def test_raising_severity_never_lowers_the_level(profile):
    levels = [assess(replace(profile, severity=s)).level.rank for s in SEVERITY_ORDER]
    assert levels == sorted(levels)


@many
@given(profiles, st.sampled_from(list(SYMPTOMS)))
def test_adding_a_symptom_never_lowers_the_level_or_the_urgency(profile, symptom):
    before = assess(profile)
    after = assess(replace(profile, symptoms=profile.symptoms | {symptom}))
    assert after.level.rank >= before.level.rank
    if before.urgency is Urgency.EMERGENCY:
        assert after.urgency is Urgency.EMERGENCY


@many
@given(profiles, st.sampled_from(list(CONDITIONS)))
def test_adding_a_condition_never_lowers_the_level(profile, condition):
    before = assess(profile)
    after = assess(replace(profile, conditions=profile.conditions | {condition}))
    assert after.level.rank >= before.level.rank


@many
@given(profiles)
def test_red_always_tells_the_person_to_stop_and_get_care(profile):
    g = assess(profile)
    if g.level is Level.RED:
        assert "Do not use the massager." in g.actions
        assert not any("Start low" in action for action in g.actions)
    else:
        assert any("warning signs" in action for action in g.actions)
