"""Quiz questions (see widgets.quiz_bank)."""

from __future__ import annotations

from widgets.quiz_bank import Question

QUIZZES: dict[str, tuple[Question, ...]] = {}
