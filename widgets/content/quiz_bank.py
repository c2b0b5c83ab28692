"""Questions for every notebook's "Check your understanding", keyed by notebook file stem.

Content lives in two modules, one per half of the series, so that each can be written alone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Question:
    """A multiple-choice question. ``answer`` indexes ``options``.

    ``explanation`` is shown after any answer: kind, short, plain, and it says why.
    ``sources`` are registry keys behind the explanation.
    """

    prompt: str
    options: tuple[str, ...]
    answer: int
    explanation: str
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Three or more plausible options, so a question tests understanding, not a guess.
        if not 3 <= len(self.options) <= 5:
            raise ValueError(f"a question needs 3 to 5 options; got {len(self.options)}")
        if not 0 <= self.answer < len(self.options):
            raise ValueError(f"answer must index options; got {self.answer}")


def all_quizzes() -> dict[str, tuple[Question, ...]]:
    from widgets.content import quiz_bank_basics, quiz_bank_options

    merged = {**quiz_bank_basics.QUIZZES}
    for stem, questions in quiz_bank_options.QUIZZES.items():
        if stem in merged:
            raise ValueError(f"two quiz modules both define {stem!r}")
        merged[stem] = questions
    return merged


def questions_for(stem: str) -> tuple[Question, ...]:
    quizzes = all_quizzes()
    if stem not in quizzes:
        raise KeyError(f"no quiz for notebook {stem!r}; known: {', '.join(sorted(quizzes))}")
    return quizzes[stem]
