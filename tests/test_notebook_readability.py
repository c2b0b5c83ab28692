"""The series is written in plain language: grade 8 or below per notebook, 7.5 for the series."""

from __future__ import annotations

from pathlib import Path

import pytest
import textstat

from widgets.content.quizzes import all_quizzes
from widgets.tools.notebook_text import notebook_prose

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
MAX_NOTEBOOK_GRADE = 8.0
MAX_SERIES_GRADE = 7.5


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebooks_prose_is_at_grade_8_or_below(path):
    text = notebook_prose(path)
    grade = textstat.flesch_kincaid_grade(text)
    print(f"{path.stem}: Flesch-Kincaid grade {grade:.1f} ({len(text.split())} words)")
    assert len(text.split()) >= 150, "too little prose to be a notebook"
    assert grade <= MAX_NOTEBOOK_GRADE


def test_the_whole_series_is_at_grade_7_5_or_below():
    grade = textstat.flesch_kincaid_grade(" ".join(notebook_prose(p) for p in NOTEBOOKS))
    print(f"whole series: Flesch-Kincaid grade {grade:.1f}")
    assert grade <= MAX_SERIES_GRADE


@pytest.mark.parametrize("stem", sorted(all_quizzes()))
def test_quiz_questions_and_feedback_are_at_grade_8_or_below(stem):
    text = " ".join(
        " ".join([q.prompt, *(o.rstrip(".") + "." for o in q.options), q.explanation])
        for q in all_quizzes()[stem]
    )
    assert textstat.flesch_kincaid_grade(text) <= MAX_NOTEBOOK_GRADE
