""" "Check your understanding": multiple choice with immediate, kind feedback.

Questions live in the quiz bank (``widgets.content.quizzes.questions_for``). The static picture
keeps each question and its options visible and tucks the answer into ``<details>``, which works in
JupyterLab, in exported HTML without JavaScript, and on paper.
"""

from __future__ import annotations

from html import escape

import ipywidgets as W

from widgets.content.quizzes import Question, questions_for
from widgets.guidance import Level
from widgets.render.cards import cite_marks
from widgets.render.templating import html, render
from widgets.render.theme import LEVEL_ICONS, NEUTRAL_VALUES, level_values, style
from widgets.ui.base import SeriesWidget
from widgets.ui.common import box_html, note_html

CHOOSE_FIRST = "Choose an answer first, then press Check."
RIGHT = "Right."
NOT_QUITE = "Not quite."


def feedback_html(question: Question, chosen: int | None) -> str:
    """Kind feedback for a choice: right or not quite, the answer, and why."""
    if chosen is None:
        return note_html(CHOOSE_FIRST)
    right = chosen == question.answer
    return render(
        "quiz_feedback.html.j2",
        right=right,
        colours=level_values(Level.GREEN) if right else NEUTRAL_VALUES,
        icon=LEVEL_ICONS[Level.GREEN],
        right_word=RIGHT,
        not_quite=NOT_QUITE,
        answer=question.options[question.answer],
        explanation=question.explanation,
        cites=html(cite_marks(question.sources)),
    )


def _prompt_html(number: int, question: Question) -> str:
    return (
        f'<p class="sms-quiz-prompt" {style("quiz-prompt")}>'
        f"Question {number}. {escape(question.prompt)}</p>"
    )


class QuestionView(W.VBox):
    """One question: its prompt, radio buttons, a Check button and the feedback."""

    def __init__(self, number: int, question: Question) -> None:
        self.question = question
        self.choice = W.RadioButtons(
            options=[(text, i) for i, text in enumerate(question.options)],
            index=None,
            description=f"Your answer to question {number}",
            description_allow_html=False,
            tooltip=f"Your answer to question {number}",
            style={"description_width": "initial"},
            layout=W.Layout(width="auto"),
        )
        self.check = W.Button(
            description="Check",
            tooltip=f"Check your answer to question {number}",
            button_style="",
        )
        self.feedback = W.HTML()
        self.check.on_click(lambda _button: self.show_feedback())
        super().__init__([W.HTML(_prompt_html(number, question)), self.choice, self.check,
                          self.feedback])  # fmt: skip

    def show_feedback(self) -> None:
        self.feedback.value = feedback_html(self.question, self.choice.value)


class Quiz(SeriesWidget):
    def __init__(self, questions: tuple[Question, ...], first: int = 1) -> None:
        self.questions = questions
        self.first = first  # the number of the first question shown (a quiz shown in parts)
        self.views = [QuestionView(n, q) for n, q in enumerate(questions, start=first)]
        super().__init__(self.views, classes=("sms-quiz",))

    def static_html(self) -> str:
        questions = [
            {"question": question, "cites": html(cite_marks(question.sources)), "number": number}
            for number, question in enumerate(self.questions, start=self.first)
        ]
        return box_html(
            render("quiz_static.html.j2", questions=questions), css_class="sms-quiz-static"
        )


def quiz(stem: str, questions: tuple[Question, ...] | None = None, *,
         number: int | None = None) -> Quiz:  # fmt: skip
    """The quiz for notebook ``stem`` (``questions`` overrides the bank, for tests).

    ``number`` shows that one question alone, numbered as in the whole quiz: a live slide
    holds one question, so a presenter steps through the quiz with Space and never scrolls.
    """
    bank = questions if questions is not None else questions_for(stem)
    if number is None:
        return Quiz(bank)
    if not 1 <= number <= len(bank):
        raise ValueError(f"quiz({stem!r}) has questions 1 to {len(bank)}, not {number}")
    return Quiz(bank[number - 1 : number], first=number)
