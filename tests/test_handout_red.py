"""A red person's personal handout: what to do now and what to say, nothing routine."""

from __future__ import annotations

from dataclasses import replace
from html import escape

import pytest

from widgets import guidance as G
from widgets.render.handout import clinician_questions, render_handout


@pytest.mark.parametrize(
    "symptoms", [{"saddle_numbness"}, {"swollen_calf"}, {"fever"}, {"balance_problems"}]
)
def test_a_red_handout_says_what_to_do_now_and_what_to_say_without_routine_questions(symptoms):
    profile = replace(G.starting_profile(), symptoms=frozenset(symptoms))
    guidance = G.assess(profile)
    page = render_handout(profile)
    assert "Get help now: do not use the massager" in page
    assert "What to do now" in page
    say = next(a for a in guidance.actions if a.startswith("Say: "))
    assert escape(say) in page
    assert "Questions to ask my clinician" not in page
    assert escape(G.ROUTINE_HEADING) not in page
    for routine in clinician_questions(profile):
        assert escape(routine) not in page


def test_a_green_handout_keeps_its_questions_for_the_clinician():
    page = render_handout(G.starting_profile())
    assert "Questions to ask my clinician" in page
    assert escape(G.ROUTINE_HEADING) in page  # all three tiers, as in every list
    assert "Get help now" not in page


def test_every_personal_handout_says_who_paid_and_how_the_evidence_is_kept_current():
    from widgets.render.handout import ABOUT_LINE

    for symptoms in (set(), {"fever"}):
        page = render_handout(replace(G.starting_profile(), symptoms=frozenset(symptoms)))
        assert escape(ABOUT_LINE) in page
    assert "no one paid" in ABOUT_LINE and "every year" in ABOUT_LINE
