"""The clinical safety case: what a person who follows their own card is told, hazard by hazard.

Each concrete test is a situation a clinical review found unsafe before (issue 9); the
properties prove the general forms over 12,000 random profiles. ``docs/safety/hazards.yaml``
names these tests as the proof that each hazard is controlled.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from strategies import random_profiles

from widgets import guidance as G
from widgets.guidance import Level, Urgency, assess

SAMPLE = random_profiles(12_000)
MILD_LOW_BACK = G.starting_profile()

NECK_CARE = "Never use a massager on the front or sides of your neck."
CATCHING = "Keep hair, necklaces, scarves and loose clothes away from moving parts."
COVER = "Never use a massager with its cover off."
HEAT_SAFETY = (
    "Never fall asleep with the heat on.",
    "Use the timer, so the heat turns off by itself.",
    "Check your skin after each use for redness or blisters.",
)


def person(**changes: object) -> G.Profile:
    return replace(MILD_LOW_BACK, **changes)


def fired(profile: G.Profile) -> set[str]:
    return {reason.rule_id for reason in assess(profile).reasons}


def text_of(g: G.Guidance) -> str:
    return " ".join([g.headline, *g.actions])


def test_the_sample_covers_every_level_and_every_region():
    levels = Counter(assess(p).level for p in SAMPLE)
    assert all(levels[level] >= 250 for level in Level), levels
    assert {p.region for p in SAMPLE} == set(G.REGIONS)


# --- 1. The neck, whatever the device ----------------------------------------------------------


@pytest.mark.parametrize("device", sorted(G.DEVICES))
def test_any_device_on_the_neck_carries_the_neck_precautions(device):
    # The review's case: low-back narrowing, heated shiatsu on neck and upper back, 3 for 15 min.
    p = person(device=device, areas={"neck", "upper_back"}, intensity=3, heat=True, minutes=15,
               sessions_per_day=2)  # fmt: skip
    g = assess(p)
    assert g.level is not Level.RED
    for line in (NECK_CARE, CATCHING, COVER):
        assert line in g.actions


@pytest.mark.parametrize("region", sorted(G.REGIONS))
@pytest.mark.parametrize("device", ["percussion", "shiatsu", "massage_chair", "tens"])
def test_firm_devices_and_tens_on_the_neck_are_at_least_amber_in_every_region(region, device):
    assert assess(person(region=region, device=device, areas={"neck"})).level is not Level.GREEN


def test_property_neck_in_areas_means_neck_precautions_on_every_card_that_allows_use():
    for p in SAMPLE:
        g = assess(p)
        if "neck" in p.areas and g.level is not Level.RED:
            assert {NECK_CARE, CATCHING, COVER} <= set(g.actions), p


# --- 2. A suspected clot --------------------------------------------------------------------


def test_a_swollen_warm_sore_calf_is_red_urgent_and_keeps_hands_off_that_leg():
    g = assess(person(device="percussion", areas={"legs"}, intensity=4,
                      symptoms={"swollen_calf"}))  # fmt: skip
    assert (g.level, g.urgency) == (Level.RED, Urgency.URGENT)
    assert "Do not massage that leg, or rub it." in g.actions
    assert any("breathlessness or chest pain" in a and "emergency" in a for a in g.actions)


def test_the_warning_signs_include_breathlessness_or_chest_pain_as_an_emergency():
    sign = next(s for s in G.WARNING_SIGNS if s.id == "clot_in_lungs")
    assert sign.urgency is Urgency.EMERGENCY
    assert "breathlessness" in sign.signs and "chest pain" in sign.signs


# --- 3. Under-triage ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"conditions": {"cancer"}, "symptoms": {"new_back_pain"}},
        {"symptoms": {"major_injury"}},
        {"symptoms": {"recent_injury"}, "conditions": {"osteoporosis"}},
        {"symptoms": {"recent_injury"}, "conditions": {"steroids"}},
        {"symptoms": {"recent_injury"}, "conditions": {"cancer"}},
    ],
)
def test_serious_combinations_are_red_urgent_not_amber(changes):
    g = assess(person(**changes))
    assert (g.level, g.urgency) == (Level.RED, Urgency.URGENT)


@pytest.mark.parametrize("symptom", ["recent_injury", "new_back_pain"])
def test_a_minor_knock_or_new_back_pain_alone_is_amber(symptom):
    assert assess(person(symptoms={symptom})).level is Level.AMBER


# --- 4. Neck narrowing gets neck advice ---------------------------------------------------------

ARMS_HANDS_BALANCE = ("arms", "hands", "balance")


@pytest.mark.parametrize("region", ["cervical", "both", "not_sure"])
def test_neck_narrowing_cards_name_arms_hands_and_balance_in_the_stop_signs(region):
    stop = next(a for a in assess(person(region=region)).actions if a.startswith("Stop if"))
    assert all(word in stop for word in ARMS_HANDS_BALANCE)


def test_a_neck_only_card_never_offers_leaning_forward_as_relief():
    for severity in G.SEVERITIES:
        actions = assess(person(region="cervical", severity=severity)).actions
        assert not any("leaning" in action for action in actions)


@pytest.mark.parametrize("region", ["cervical", "both", "not_sure"])
@pytest.mark.parametrize("severity", ["moderate", "severe"])
def test_limiting_neck_narrowing_points_to_the_neck_and_not_to_exercise_as_the_answer(
    region, severity
):
    g = assess(person(region=region, severity=severity))
    joined = text_of(g)
    assert "Trouble walking or clumsy hands can come from the neck" in joined
    assert "main treatment" not in joined


def test_property_neck_regions_always_name_arms_hands_and_balance():
    for p in SAMPLE:
        g = assess(p)
        if p.region in G.NECK_REGIONS and g.level is not Level.RED:
            stop = next(a for a in g.actions if a.startswith("Stop if"))
            assert all(word in stop for word in ARMS_HANDS_BALANCE), p


# --- 5. Heat and reduced feeling ------------------------------------------------------------


def test_a_green_heat_user_is_told_how_to_use_heat_safely():
    g = assess(person(heat=True))
    assert g.level is Level.GREEN
    assert set(HEAT_SAFETY) <= set(g.actions)


def test_property_heat_means_heat_safety_on_every_card_that_allows_use():
    for p in SAMPLE:
        g = assess(p)
        if p.heat and g.level is not Level.RED:
            assert set(HEAT_SAFETY) <= set(g.actions), p


@pytest.mark.parametrize(
    "changes",
    [
        {"conditions": {"neuropathy"}, "heat": True},
        {"conditions": {"neuropathy"}, "areas": {"legs"}},
        {"conditions": {"neuropathy"}, "areas": {"buttocks"}},
        {"symptoms": {"numbness"}, "areas": {"legs"}},
    ],
)
def test_reduced_feeling_with_heat_or_on_the_legs_is_at_least_amber(changes):
    assert assess(person(**changes)).level is Level.AMBER


# --- 6. Strength, blood thinners, TENS, pacemakers and the wrong sentences ---------------------


def test_property_no_green_card_above_strength_3():
    for p in SAMPLE:
        if assess(p).level is Level.GREEN:
            assert p.intensity <= 3, p


def test_green_cards_start_at_1_or_2_for_about_5_minutes_and_explain_the_scale():
    joined = text_of(assess(MILD_LOW_BACK))
    assert "strength 1 or 2" in joined and "about 5 minutes" in joined
    assert "1 is the lowest setting" in joined and "5 the highest" in joined


def test_property_no_card_recommends_a_setting_that_would_itself_raise_a_caution():
    for p in SAMPLE:
        g = assess(p)
        if g.level is Level.RED:
            continue
        limit = G.green_strength_limit(p)
        # Take the person at the highest strength the card names: no new caution may fire.
        advised = replace(p, intensity=limit)
        assert "intensity_too_high" not in fired(advised)
        deep = {"percussion", "shiatsu", "massage_chair", "manual"}
        if "blood_thinners" in p.conditions and p.device not in deep:
            assert "blood_thinners" not in fired(advised), p
        for action in g.actions:
            if "no more than strength" in action:
                assert f"no more than strength {limit} " in action, (p, action)


def test_blood_thinners_with_strength_5_are_told_a_setting_below_their_caution():
    g = assess(person(conditions={"blood_thinners"}, intensity=5))
    assert "Turn it down to 2 or lower." in g.actions
    assert "Turn it down to 4 or lower." not in g.actions


@pytest.mark.parametrize("device", ["percussion", "shiatsu", "massage_chair", "manual"])
def test_blood_thinners_with_a_deep_device_are_amber_at_any_strength(device):
    assert assess(person(conditions={"blood_thinners"}, device=device,
                         intensity=1)).level is Level.AMBER  # fmt: skip


def test_every_tens_card_says_guidelines_do_not_recommend_it_for_low_back_pain():
    for p in SAMPLE:
        if p.device == "tens" and assess(p).level is not Level.RED:
            assert "tens_evidence" in fired(p)
    assert "do not recommend TENS" in G.RULES_BY_ID["tens_evidence"].reason


@pytest.mark.parametrize(
    ("changes", "do_not"),
    [
        ({"conditions": {"pacemaker"}}, "Do not use a TENS unit"),
        ({"conditions": {"pregnancy"}}, "Do not use a TENS unit"),
        ({"areas": {"neck"}}, "Do not put TENS pads on your neck."),
    ],
)
def test_tens_with_a_pacemaker_in_pregnancy_or_on_the_neck_says_do_not_use(changes, do_not):
    g = assess(person(device="tens", **changes))
    assert g.level is Level.AMBER
    assert any(action.startswith(do_not) for action in g.actions)


def test_pacemaker_cards_say_why_magnets_and_electrical_pulses():
    reason = next(r for r in assess(person(conditions={"pacemaker"})).reasons
                  if r.rule_id == "pacemaker")  # fmt: skip
    assert "magnets" in reason.text and "electrical pulses" in reason.text


@pytest.mark.parametrize(
    "symptoms", [{"saddle_numbness"}, {"fever"}, {"swollen_calf"}, {"worsening_weakness"}]
)
def test_red_cards_say_what_to_do_now_and_what_to_say_and_nothing_routine(symptoms):
    g = assess(person(symptoms=symptoms, heat=True, areas={"neck"}, conditions={"pregnancy"}))
    assert g.level is Level.RED
    assert any(a.startswith("Say: ") for a in g.actions)
    routine = (NECK_CARE, *HEAT_SAFETY, "Start low", "Ask your midwife")
    assert not any(any(r in a for r in routine) for a in g.actions)
    assert not any("list" in a for a in g.actions)


WRONG_SENTENCES = (
    "proven to help",
    "not usually caused by narrowing in the low back",
    "no bone close under the skin",
    "Take this list",
    "the lowest setting for a few minutes",
)


def test_the_sentences_the_review_found_wrong_are_gone_from_the_engine():
    every = " ".join([*G.all_phrases(), *(p.why for p in G.PLACEMENTS)])
    for wrong in WRONG_SENTENCES:
        assert wrong not in every


# --- Monotonicity: more of anything never lowers the level --------------------------------------


def _more(p: G.Profile) -> list[G.Profile]:
    out = [replace(p, symptoms=p.symptoms | {s}) for s in G.SYMPTOMS if s not in p.symptoms]
    out += [replace(p, conditions=p.conditions | {c}) for c in G.CONDITIONS
            if c not in p.conditions]  # fmt: skip
    out += [replace(p, areas=p.areas | {a}) for a in G.AREAS if a not in p.areas]
    if not p.heat:
        out.append(replace(p, heat=True))
    if p.minutes < G.MINUTES_RANGE[1]:
        out.append(replace(p, minutes=p.minutes + 1))
    if p.intensity < G.INTENSITY_RANGE[1]:
        out.append(replace(p, intensity=p.intensity + 1))
    if p.sessions_per_day < G.SESSIONS_RANGE[1]:
        out.append(replace(p, sessions_per_day=p.sessions_per_day + 1))
    return out


def test_property_adding_anything_never_lowers_the_level_or_the_urgency():
    for p in SAMPLE[:3000]:  # about 90,000 pairs
        before = assess(p)
        for more in _more(p):
            after = assess(more)
            assert after.level.rank >= before.level.rank, (p, more)
            if before.urgency is Urgency.EMERGENCY:
                assert after.urgency is Urgency.EMERGENCY
