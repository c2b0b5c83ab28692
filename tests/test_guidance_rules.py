"""The guidance engine, rule by rule: what a person with a given situation is told."""

from __future__ import annotations

from dataclasses import replace

import pytest

from widgets.guidance import (
    RULES,
    Level,
    Profile,
    Urgency,
    assess,
    nearest_green_use,
    starting_profile,
)

MILD_LOW_BACK = starting_profile()


def person(**changes: object) -> Profile:
    return replace(MILD_LOW_BACK, **changes)


def fired(profile: Profile) -> set[str]:
    return {reason.rule_id for reason in assess(profile).reasons}


# --- the interface the series relies on -----------------------------------------------------


def test_the_documented_example_is_green_with_a_headline_actions_and_reasons():
    p = Profile(
        region="lumbar", severity="mild", symptoms={"leg_pain"}, conditions=set(),
        device="vibration", areas={"lower_back"}, intensity=2, heat=False,
        minutes=10, sessions_per_day=1,
    )  # fmt: skip
    g = assess(p)
    assert g.level == "green"
    assert g.urgency is None
    assert g.headline
    assert isinstance(g.actions, list) and all(isinstance(a, str) for a in g.actions)
    assert g.reasons and all(r.rule_id and r.text and r.sources for r in g.reasons)


def test_profile_is_keyword_only_and_immutable():
    with pytest.raises(TypeError):
        Profile("lumbar")  # type: ignore[misc]
    with pytest.raises(AttributeError):
        MILD_LOW_BACK.severity = "severe"  # type: ignore[misc]


def test_sets_lists_and_tuples_are_all_accepted_and_normalised_to_frozensets():
    as_list = person(symptoms=["numbness", "leg_pain"], areas=("buttocks", "lower_back"))
    as_set = person(symptoms={"leg_pain", "numbness"}, areas={"lower_back", "buttocks"})
    assert as_list == as_set
    assert isinstance(as_list.symptoms, frozenset) and isinstance(as_list.areas, frozenset)


def test_a_profile_survives_a_round_trip_through_a_plain_dict():
    p = person(symptoms={"numbness"}, conditions={"pregnancy"}, heat=True)
    assert Profile(**p.to_dict()) == p


# --- red, emergency ---------------------------------------------------------------------------


@pytest.mark.parametrize("sign", ["saddle_numbness", "bladder_bowel_changes"])
def test_cauda_equina_signs_mean_emergency_whatever_else(sign):
    everything_else = person(
        region="both", severity="severe",
        symptoms={sign, "worsening_weakness", "fever", "hand_clumsiness"},
        conditions={"blood_thinners", "pregnancy"}, device="percussion", areas={"neck"},
        intensity=5, heat=True, minutes=60, sessions_per_day=6,
    )  # fmt: skip
    for p in (person(symptoms={sign}), everything_else):
        g = assess(p)
        assert (g.level, g.urgency) == (Level.RED, Urgency.EMERGENCY)
        assert "emergency department" in g.headline and "emergency number" in g.headline
        assert "Do not use the massager" in g.headline
        assert "emergency department" in g.actions[0]
        assert g.reasons[0].rule_id == "cauda_equina"


def test_an_emergency_card_does_not_water_down_what_to_do_with_same_day_advice():
    g = assess(person(symptoms={"saddle_numbness", "fever"}))
    assert not any("today" in action for action in g.actions)
    assert "possible_infection" in fired(person(symptoms={"saddle_numbness", "fever"}))


# --- red, urgent ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"symptoms": {"worsening_weakness"}}, "worsening_weakness"),
        ({"region": "cervical", "symptoms": {"hand_clumsiness"}}, "possible_myelopathy"),
        ({"region": "both", "symptoms": {"balance_problems"}}, "possible_myelopathy"),
        ({"region": "lumbar", "symptoms": {"balance_problems"}}, "possible_myelopathy"),
        ({"region": "not_sure", "symptoms": {"hand_clumsiness"}}, "possible_myelopathy"),
        ({"symptoms": {"swollen_calf"}}, "possible_clot"),
        ({"symptoms": {"new_back_pain"}, "conditions": {"cancer"}}, "possible_cancer"),
        ({"symptoms": {"major_injury"}}, "possible_fracture"),
        ({"symptoms": {"recent_injury"}, "conditions": {"cancer"}}, "possible_fracture"),
        ({"symptoms": {"fever"}}, "possible_infection"),
        ({"symptoms": {"night_pain"}, "conditions": {"cancer"}}, "possible_cancer"),
        ({"symptoms": {"weight_loss"}, "conditions": {"cancer"}}, "possible_cancer"),
        ({"symptoms": {"weight_loss"}}, "possible_cancer"),
        ({"symptoms": {"recent_injury"}, "conditions": {"osteoporosis"}}, "possible_fracture"),
        ({"symptoms": {"recent_injury"}, "conditions": {"steroids"}}, "possible_fracture"),
    ],
)
def test_serious_signs_mean_red_urgent_and_stop_using_the_massager(changes, rule):
    p = person(**changes)
    g = assess(p)
    assert (g.level, g.urgency) == (Level.RED, Urgency.URGENT)
    assert g.headline == "Do not use the massager. Get medical care today."
    assert "Do not use the massager." in g.actions
    assert rule in fired(p)


def test_a_red_card_gives_no_tips_on_how_to_use_the_massager():
    g = assess(person(symptoms={"fever"}))
    assert not any("Start low" in action for action in g.actions)
    assert "today" in g.actions[0]


def test_a_red_card_says_what_to_say_and_points_at_no_list_that_is_not_there():
    for symptoms in ({"fever"}, {"saddle_numbness"}, {"swollen_calf"}):
        g = assess(person(symptoms=symptoms))
        assert any(action.startswith("Say: ") for action in g.actions)
        assert not any("list" in action for action in g.actions)


@pytest.mark.parametrize("region", ["lumbar", "cervical", "both", "not_sure"])
@pytest.mark.parametrize("symptom", ["hand_clumsiness", "balance_problems"])
def test_new_or_worsening_hands_or_balance_are_red_urgent_in_every_region(region, symptom):
    g = assess(person(region=region, symptoms={symptom}))
    assert (g.level, g.urgency) == (Level.RED, Urgency.URGENT)
    reason = next(r for r in g.reasons if r.rule_id == "possible_myelopathy")
    # The reason no longer claims low-back narrowing cannot cause poor balance (suri2010).
    assert "low back" in reason.text and "suri2010" in reason.sources


def test_new_back_pain_on_its_own_is_at_least_amber():
    p = person(symptoms={"new_back_pain"})
    assert assess(p).level is Level.AMBER
    assert "new_back_pain" in fired(p)


def test_an_injury_without_weak_bones_is_amber_not_red():
    p = person(symptoms={"recent_injury"})
    assert assess(p).level is Level.AMBER
    assert "injury" in fired(p)


# --- amber ------------------------------------------------------------------------------------

TALK_FIRST = "Talk to your clinician before you use a back massager."
CHANGE_USE = "Change how you use the massager before you go on."


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"region": "cervical", "areas": {"neck"}}, "neck_with_neck_stenosis"),
        ({"region": "both", "areas": {"neck", "lower_back"}}, "neck_with_neck_stenosis"),
        ({"region": "not_sure", "areas": {"neck"}}, "neck_with_neck_stenosis"),
        ({"device": "percussion", "areas": {"neck"}}, "firm_device_on_neck"),
        ({"device": "shiatsu", "areas": {"neck"}}, "firm_device_on_neck"),
        ({"device": "massage_chair", "areas": {"neck"}}, "firm_device_on_neck"),
        ({"device": "tens", "areas": {"neck"}}, "tens_on_neck"),
        ({"device": "tens", "conditions": {"pacemaker"}}, "tens_with_pacemaker"),
        ({"device": "tens", "conditions": {"pregnancy"}}, "tens_in_pregnancy"),
        ({"conditions": {"blood_thinners"}, "device": "percussion"}, "blood_thinners"),
        ({"conditions": {"blood_thinners"}, "device": "shiatsu"}, "blood_thinners"),
        ({"conditions": {"blood_thinners"}, "device": "massage_chair"}, "blood_thinners"),
        ({"conditions": {"blood_thinners"}, "device": "manual"}, "blood_thinners"),
        ({"conditions": {"blood_thinners"}, "intensity": 3}, "blood_thinners"),
        ({"conditions": {"neuropathy"}, "heat": True}, "reduced_feeling"),
        ({"symptoms": {"numbness"}, "heat": True}, "reduced_feeling"),
        ({"conditions": {"neuropathy"}, "areas": {"legs"}}, "reduced_feeling"),
        ({"conditions": {"neuropathy"}, "areas": {"buttocks"}}, "reduced_feeling"),
        ({"symptoms": {"numbness"}, "areas": {"legs"}}, "reduced_feeling"),
        ({"symptoms": {"recent_injury"}}, "injury"),
        ({"symptoms": {"new_back_pain"}}, "new_back_pain"),
        ({"conditions": {"osteoporosis"}}, "weak_bones"),
        ({"conditions": {"steroids"}}, "weak_bones"),
        ({"conditions": {"recent_spine_surgery"}}, "recent_spine_surgery"),
        ({"conditions": {"pacemaker"}}, "pacemaker"),
        ({"conditions": {"pregnancy"}}, "pregnancy"),
        ({"conditions": {"cancer"}}, "cancer"),
        ({"conditions": {"blood_clot"}}, "blood_clot"),
        ({"conditions": {"skin_problem"}}, "skin_problem"),
        ({"severity": "severe"}, "severe_symptoms"),
    ],
)
def test_health_reasons_mean_amber_talk_to_your_clinician_first(changes, rule):
    p = person(**changes)
    g = assess(p)
    assert (g.level, g.urgency) == (Level.AMBER, None)
    assert g.headline == TALK_FIRST
    assert rule in fired(p)


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"intensity": 5}, "intensity_too_high"),
        ({"intensity": 4}, "intensity_too_high"),
        ({"minutes": 16}, "sessions_too_long"),
        ({"minutes": 60}, "sessions_too_long"),
        ({"sessions_per_day": 4}, "too_many_sessions"),
    ],
)
def test_use_outside_sensible_limits_means_amber_change_how_you_use_it(changes, rule):
    p = person(**changes)
    g = assess(p)
    assert g.level is Level.AMBER
    assert g.headline == CHANGE_USE
    assert rule in fired(p)


def test_health_reasons_take_the_headline_over_usage_reasons():
    assert assess(person(conditions={"pregnancy"}, intensity=5)).headline == TALK_FIRST


def test_the_edges_of_sensible_use_are_still_green():
    assert assess(person(intensity=3, minutes=15, sessions_per_day=3)).level is Level.GREEN


def test_gentle_vibration_with_blood_thinners_is_green_with_a_bruising_note():
    p = person(conditions={"blood_thinners"}, device="vibration", intensity=2)
    g = assess(p)
    assert g.level is Level.GREEN
    assert any("bruise" in action for action in g.actions)


def test_numbness_without_heat_is_green_but_keeps_the_massager_off_numb_skin():
    g = assess(person(symptoms={"leg_pain", "numbness"}))
    assert g.level is Level.GREEN
    assert any("numb skin" in action for action in g.actions)


def test_the_specific_advice_comes_before_the_standing_precautions():
    g = assess(person(conditions={"pregnancy"}))
    assert g.actions[0] == "Ask your midwife or doctor before you use a massager."
    assert any("bones of your spine" in action for action in g.actions)


# --- green ------------------------------------------------------------------------------------


@pytest.mark.parametrize("severity", ["mild", "moderate"])
@pytest.mark.parametrize(
    "device", ["percussion", "shiatsu", "vibration", "manual", "massage_chair", "tens"]
)
def test_mild_or_moderate_low_back_stenosis_with_sensible_use_is_green(severity, device):
    g = assess(person(severity=severity, device=device, areas={"lower_back", "buttocks"}))
    assert (g.level, g.urgency) == (Level.GREEN, None)


def test_green_still_carries_the_precautions_and_the_honest_evidence():
    g = assess(MILD_LOW_BACK)
    joined = " ".join(g.actions)
    assert "bones of your spine" in joined
    assert "Stop if pain, numbness or weakness in your legs gets worse" in joined
    assert "main treatment" in joined
    assert "warning signs" in joined
    evidence = " ".join(reason.text for reason in g.reasons)
    assert "does not treat the narrowing" in evidence
    assert "short time" in evidence and "alongside exercise" in evidence


def test_neck_use_with_low_back_stenosis_only_is_green_with_a_gentle_device_and_neck_care():
    g = assess(person(areas={"neck", "upper_back"}))
    assert g.level is Level.GREEN
    assert "Never use a massager on the front or sides of your neck." in g.actions


def test_no_advice_ever_claims_massage_treats_stenosis():
    for rule in RULES:
        for text in (rule.reason, *rule.actions_for(MILD_LOW_BACK)):
            assert "treats stenosis" not in text and "cure" not in text.lower()


# --- the session planner's question -----------------------------------------------------------


def test_nearest_green_use_turns_down_only_what_is_too_much():
    too_much = person(intensity=5, minutes=40, sessions_per_day=5)
    nearest = nearest_green_use(too_much)
    assert nearest is not None
    assert (nearest.intensity, nearest.minutes, nearest.sessions_per_day) == (3, 15, 3)
    assert assess(nearest).level is Level.GREEN


def test_nearest_green_use_of_a_green_profile_is_itself():
    assert nearest_green_use(MILD_LOW_BACK) == MILD_LOW_BACK


def test_no_setting_is_green_when_health_needs_a_clinician_first():
    assert nearest_green_use(person(conditions={"pregnancy"})) is None
    assert nearest_green_use(person(symptoms={"fever"})) is None
