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


# ---------------------------------------------------------------------------
# Quiz answers agree with the engine (issue 12): each test finds its question by prompt, so a
# reworded question fails loudly instead of going unchecked.
# ---------------------------------------------------------------------------


def _question(stem: str, words: str):
    from widgets.content.quizzes import questions_for

    found = [q for q in questions_for(stem) if words in q.prompt]
    assert len(found) == 1, f"{stem}: no single question about {words!r}"
    return found[0]


def _answer(stem: str, words: str) -> str:
    q = _question(stem, words)
    return q.options[q.answer]


def test_quiz_new_clumsy_hands_means_a_doctor_today_in_every_region():
    for region in ("lumbar", "cervical", "both", "not_sure"):
        g = assess(replace(START, region=region, symptoms=START.symptoms | {"hand_clumsiness"}))
        assert (g.level, g.urgency) == (Level.RED, Urgency.URGENT), region
    assert "today" in _answer("01_understanding_spinal_stenosis", "drop things")


def test_quiz_stroke_signs_after_neck_use_mean_calling_the_emergency_number():
    from widgets.guidance import WARNING_SIGNS

    sign = next(s for s in WARNING_SIGNS if "slurred" in s.signs)
    assert sign.urgency is Urgency.EMERGENCY
    assert "emergency number now" in sign.what_to_do
    assert _answer("04_precautions", "slurred") == "Call your emergency number now."


def test_quiz_blood_thinners_with_a_massage_gun_means_ask_first():
    gun = replace(START, device="percussion", areas=frozenset({"legs"}),
                  conditions=frozenset({"blood_thinners"}))  # fmt: skip
    g = assess(gun)
    assert g.level is Level.AMBER
    assert "blood_thinners" in {r.rule_id for r in g.reasons}
    assert _answer("04_precautions", "blood thinner").startswith("Ask your clinician first")


def test_quiz_a_swollen_calf_means_no_rubbing_and_a_check_today():
    g = assess(replace(START, symptoms=START.symptoms | {"swollen_calf"}))
    assert (g.level, g.urgency) == (Level.RED, Urgency.URGENT)
    answer = _answer("04_precautions", "swollen")
    assert "Do not rub it" in answer and "today" in answer


def test_quiz_start_low_and_short_matches_the_engine_starting_point():
    from widgets.guidance import START_INTENSITY, START_MINUTES

    answer = _answer("03_what_back_massagers_offer", "start")
    assert f"{START_INTENSITY[0]} or {START_INTENSITY[1]}" in answer
    assert f"{START_MINUTES} minutes" in answer


def test_quiz_when_to_stop_matches_the_engine_stop_advice():
    from widgets.guidance import STANDING_PRECAUTIONS

    assert any("Stop if pain, numbness or weakness gets worse" in p for p in STANDING_PRECAUTIONS)
    assert "getting worse" in _answer("05_should_i_use_one", "stop")
    g = assess(replace(START, symptoms=START.symptoms | {"worsening_weakness"}))
    assert g.level is Level.RED


def test_quiz_severe_symptoms_mean_reviewing_other_treatments_not_proven_claims():
    q = _question("05_should_i_use_one", "severe")
    assert "proven" not in " ".join(q.options)
    assert assess(replace(START, severity="severe")).level is Level.AMBER


def test_quiz_story_cards_match_the_engine():
    from widgets.render.stories import STORIES

    cards = {s.name: assess(s.profile) for s in STORIES}
    assert cards["Tom"].level is Level.AMBER
    assert _answer("09_personal_stories", "Tom").startswith("Amber")
    assert cards["Grace"].level is Level.RED
    assert "trouble peeing" in _answer("09_personal_stories", "Grace")


def test_quiz_on_the_best_non_surgical_choice_is_limited_to_the_low_back():
    q = _question("10_conclusion_and_your_plan", "best evidence")
    assert "low back" in q.prompt and "no warning signs" in q.prompt
    assert "neck" in q.explanation  # the answer is different for neck narrowing


# ---------------------------------------------------------------------------
# Sentences a clinical review found wrong or overstated (issue 12). They must appear nowhere a
# reader or a presenter could meet them.
# ---------------------------------------------------------------------------

WRONG_SENTENCES = (
    "improves blood flow",  # seed claim with no source
    "prevents wear and tear",  # seed claim: posture does not prevent degeneration
    "hands-on care, such as massage",  # the trials tested a clinician moving joints and nerves
    "nerve pain pills did no better",  # only one pill (pregabalin), one trial of 29 people
    "People who had surgery did better than those who did not",  # SPORT as-treated, not ITT
    "the benefit was real but small",  # the interval reached almost zero
    "needles that barely go in",  # no source says so
    "no better than a dummy treatment",  # the comparison was numbing medicine, not a dummy
    "auto-off after 15 minutes for this reason",  # no maker's manual read says so
    "near squeezed nerves can make pain worse",  # no source for the mechanism
    "About 1 in 3 get better",  # mixed denominators: one denominator (100) for every number
    "1 or 2 in 10 get worse",
    "Traction and decompression tables",  # decompression means the operation only
    "treatments that are proven to help",  # nothing here is proven for stenosis
    "Exercise is the main treatment for most people with spinal stenosis",  # not for myelopathy
)


def _series_text() -> str:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    paths = [*root.glob("notebooks/*.ipynb"), *root.glob("notebooks/*.md")]
    paths += [*root.glob("widgets/*.py"), *root.glob("docs/**/*.md"), root / "README.md"]
    return "\n".join(p.read_text(encoding="utf-8") for p in paths)


def test_the_wrong_sentences_a_clinical_review_found_appear_nowhere():
    text = _series_text().lower()
    found = [s for s in WRONG_SENTENCES if s.lower() in text]
    assert found == []


def test_quiz_a_shrinking_walking_distance_is_the_routine_tier_not_an_emergency():
    from widgets.guidance import ROUTINE_HEADING, ROUTINE_SIGNS

    sign = next(s for s in ROUTINE_SIGNS if "walk" in s.signs)
    assert "soon" in ROUTINE_HEADING and "weeks" in ROUTINE_HEADING
    assert "Book a visit" in sign.what_to_do
    assert _answer("07_lifestyle", "walk has slowly got shorter").startswith("Book a visit")


# ---------------------------------------------------------------------------
# The prose of notebooks 01, 06 and 10 states the same numbers as the options data
# (widgets.content.options), each out of 100.
# ---------------------------------------------------------------------------


def _prose(stem: str) -> str:
    from pathlib import Path

    from widgets.tools.notebook_text import notebook_prose

    return notebook_prose(Path(__file__).resolve().parents[1] / "notebooks" / f"{stem}.ipynb")


def test_natural_history_in_the_prose_matches_the_options_data():
    from widgets.content.options import NATURAL_HISTORY

    better, same, worse = NATURAL_HISTORY
    for stem in ("01_understanding_spinal_stenosis", "06_alternatives",
                 "10_conclusion_and_your_plan"):  # fmt: skip
        text = " ".join(_prose(stem).split())
        assert "out of 100" in text.lower(), stem
        assert f"about {better.low} get better" in text, stem
        assert f"about {same.low} stay the same" in text, stem
        assert f"about {worse.low} to {worse.high} get worse" in text, stem


def test_harms_and_crossover_numbers_in_notebook_06_match_the_options_data():
    from widgets.content.options import (
        ACUPUNCTURE_SIDE_EFFECTS,
        PHYSIO_THEN_SURGERY,
        SECOND_OPERATION,
    )

    text = " ".join(_prose("06_alternatives").split())
    assert f"about {SECOND_OPERATION.low} in 100 people who had surgery" in text
    assert f"{PHYSIO_THEN_SURGERY.low} in 100 people in the physio group" in text
    assert f"about {ACUPUNCTURE_SIDE_EFFECTS.low} in 100 people in each group" in text
