""" "Check your understanding": multiple choice with immediate, kind feedback.

Questions live in the quiz bank (``widgets.content.quizzes.questions_for``). The static picture
keeps each question and its options visible and tucks the answer into ``<details>``, which works in
JupyterLab, in exported HTML without JavaScript, and on paper.
"""

from __future__ import annotations

from html import escape

import ipywidgets as W

from widgets.content.quizzes import Question, questions_for
from widgets.guidance import LEVEL_ICONS, Level
from widgets.render.cards import cite_marks
from widgets.render.theme import BODY_SIZE, FONT, LEVEL_COLOURS, TEXT
from widgets.ui.common import StaticHTMLMixin, box_html, note_html, widget_style

CHOOSE_FIRST = "Choose an answer first, then press Check."
RIGHT = "Right."
NOT_QUITE = "Not quite."


def feedback_html(question: Question, chosen: int | None) -> str:
    """Kind feedback for a choice: right or not quite, the answer, and why."""
    if chosen is None:
        return note_html(CHOOSE_FIRST)
    right = chosen == question.answer
    green = LEVEL_COLOURS[Level.GREEN]
    if right:
        head = f'<span aria-hidden="true">{LEVEL_ICONS[Level.GREEN]}</span> {RIGHT}'
        colours = f"background:{green.background};border:2px solid {green.border}"
    else:
        head = (
            f'{NOT_QUITE} The answer is: <span class="sms-quiz-answer">'
            f"{escape(question.options[question.answer])}</span>"
        )
        colours = "background:#f3f4f6;border:2px solid #6b7280"
    return (
        f'<div class="sms-quiz-feedback" data-correct="{str(right).lower()}" role="status" '
        f'style="font-family:{FONT};font-size:{BODY_SIZE};color:{TEXT};{colours};'
        f'border-radius:6px;padding:.5em .8em;margin:.3em 0;max-width:44em">'
        f'<p style="margin:0 0 .2em;font-weight:700">{head}</p>'
        f'<p style="margin:0">{escape(question.explanation)}{cite_marks(question.sources)}</p>'
        f"</div>"
    )


def _prompt_html(number: int, question: Question) -> str:
    return (
        f'<p class="sms-quiz-prompt" style="font-family:{FONT};font-size:{BODY_SIZE};'
        f'font-weight:700;color:{TEXT};margin:.8em 0 .2em">'
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


class Quiz(StaticHTMLMixin, W.VBox):
    def __init__(self, questions: tuple[Question, ...]) -> None:
        self.questions = questions
        self.views = [QuestionView(n, q) for n, q in enumerate(questions, start=1)]
        super().__init__(self.views)
        self.children = (widget_style(self), *self.children)
        self.add_class("sms-quiz")

    def static_html(self) -> str:
        parts = []
        for number, question in enumerate(self.questions, start=1):
            options = "".join(f"<li>{escape(text)}</li>" for text in question.options)
            parts.append(
                _prompt_html(number, question)
                + f'<ol type="A" style="margin:.2em 0;padding-left:2em">{options}</ol>'
                + "<details><summary>Show the answer</summary>"
                + f'<p style="margin:.3em 0"><strong>'
                f"{escape(question.options[question.answer])}</strong></p>"
                + f'<p style="margin:.3em 0">{escape(question.explanation)}'
                f"{cite_marks(question.sources)}</p></details>"
            )
        return box_html("".join(parts), css_class="sms-quiz-static")


def quiz(stem: str, questions: tuple[Question, ...] | None = None) -> Quiz:
    """The quiz for notebook ``stem`` (``questions`` overrides the bank, for tests)."""
    return Quiz(questions if questions is not None else questions_for(stem))
