"""Quizzes: immediate, kind feedback with an explanation; the answer hidden in exports."""

from __future__ import annotations

import pytest

from widgets.content.quizzes import Question, all_quizzes
from widgets.content.references import REFERENCES
from widgets.ui import quiz as quiz_module
from widgets.ui.quiz import CHOOSE_FIRST, NOT_QUITE, RIGHT, quiz

QUESTIONS = (
    Question(
        prompt="What does a massager do for stenosis?",
        options=("It cures it", "It may ease sore muscles for a while", "It widens the spine"),
        answer=1,
        explanation="It can ease tight muscles for a short time. It does not treat the narrowing.",
        sources=("furlan2015",),
    ),
    Question(
        prompt="Numbness between the legs means what?",
        options=("Wait and see", "Go to the emergency department now", "Book a visit"),
        answer=1,
        explanation="It can mean the nerves are badly squeezed.",
    ),
)


def test_every_question_gets_radio_buttons_and_a_check_button():
    widget = quiz("any", QUESTIONS)
    assert len(widget.views) == 2
    for view, question in zip(widget.views, QUESTIONS, strict=True):
        assert [label for label, _i in view.choice.options] == list(question.options)
        assert view.choice.value is None
        assert view.check.description == "Check"
        assert view.choice.description and view.choice.description_allow_html is False


def test_the_right_answer_gets_praise_and_the_explanation():
    view = quiz("any", QUESTIONS).views[0]
    view.choice.value = 1
    view.check.click()
    assert 'data-correct="true"' in view.feedback.value
    assert RIGHT in view.feedback.value
    assert "does not treat the narrowing" in view.feedback.value
    assert "[furlan2015]" in view.feedback.value


def test_a_wrong_answer_gets_kind_feedback_the_right_answer_and_the_explanation():
    view = quiz("any", QUESTIONS).views[0]
    view.choice.value = 0
    view.check.click()
    html = view.feedback.value
    assert 'data-correct="false"' in html
    assert NOT_QUITE in html and "It may ease sore muscles for a while" in html
    assert "does not treat the narrowing" in html
    assert "wrong" not in html.lower()


def test_checking_with_no_choice_asks_for_one():
    view = quiz("any", QUESTIONS).views[1]
    view.check.click()
    assert CHOOSE_FIRST in view.feedback.value


def test_the_static_picture_shows_questions_and_options_with_the_answer_in_details():
    html = quiz("any", QUESTIONS)._repr_mimebundle_()["text/html"]
    for question in QUESTIONS:
        assert question.prompt.split("?")[0] in html
        for option in question.options:
            assert option in html
    before, _sep, inside = html.partition("<details><summary>Show the answer</summary>")
    assert "does not treat the narrowing" in inside and "does not treat" not in before
    assert html.count("<details>") == len(QUESTIONS)
    assert "<script" not in html


def test_quiz_reads_its_questions_from_the_bank(monkeypatch):
    monkeypatch.setattr(quiz_module, "questions_for", lambda stem: QUESTIONS[:1])
    assert len(quiz("05_should_i_use_one").views) == 1


def test_a_notebook_without_questions_is_a_clear_error(monkeypatch):
    def missing(stem):
        raise KeyError(f"no quiz for notebook {stem!r}")

    monkeypatch.setattr(quiz_module, "questions_for", missing)
    with pytest.raises(KeyError, match="99_nothing"):
        quiz("99_nothing")


def test_a_question_with_only_two_options_is_refused():
    with pytest.raises(ValueError, match="3 to 5 options"):
        Question(prompt="Yes or no?", options=("Yes", "No"), answer=0, explanation="Because.")


@pytest.mark.parametrize("stem", sorted(all_quizzes()))
def test_every_bank_question_has_three_or_more_different_options_and_cites_real_sources(stem):
    for question in all_quizzes()[stem]:
        assert len(question.options) >= 3, question.prompt
        assert len(set(question.options)) == len(question.options), question.prompt
        assert all(key in REFERENCES for key in question.sources), question.prompt


def test_the_bank_tests_the_key_safety_behaviours():
    prompts = " ".join(q.prompt.lower() for qs in all_quizzes().values() for q in qs)
    for behaviour in ("slurred", "blood thinner", "stop", "swollen"):
        assert behaviour in prompts, behaviour


# Questions about the series itself, not about health: no medical source could support them.
ABOUT_THE_SERIES = {"What is this series for?", "Are the people in these stories real?"}


def test_every_health_question_cites_a_source_and_questions_about_the_series_cite_none():
    for questions in all_quizzes().values():
        for question in questions:
            if question.prompt in ABOUT_THE_SERIES:
                assert question.sources == (), question.prompt
            else:
                assert question.sources, question.prompt
