"""Questions for every notebook's "Check your understanding", keyed by notebook file stem.

The questions are data, not code: ``data/<language>/quizzes.toml``, one ``[[question]]`` each,
so a clinician can review or correct one without reading Python. They are loaded and checked
when this module is imported; a mistake stops the import with one line naming the file, the
question and the field (``widgets.engine.datafile.DataFileError``).

    from widgets.content.quizzes import questions_for
    questions_for("04_precautions")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from widgets.content.options import cited
from widgets.engine.datafile import (
    DEFAULT_LANGUAGE,
    DataFileError,
    Field,
    Schema,
    load_entries,
    locate,
    shown,
)

DATA = Path(__file__).resolve().parent / "data"
SOURCE = DATA / "quizzes.toml"
TABLE = "question"
MIN_OPTIONS, MAX_OPTIONS = 3, 5
# A notebook's file name without ".ipynb": two digits, then words joined by underscores.
_NOTEBOOK_STEM = re.compile(r"\d\d_[a-z0-9_]+")


@dataclass(frozen=True, kw_only=True)
class Question:
    """A multiple-choice question. ``answer`` indexes ``options`` (from 0, as Python counts).

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
        if not MIN_OPTIONS <= len(self.options) <= MAX_OPTIONS:
            raise ValueError(
                f"a question needs {MIN_OPTIONS} to {MAX_OPTIONS} options; got {len(self.options)}"
            )
        if not 0 <= self.answer < len(self.options):
            raise ValueError(f"answer must index options; got {self.answer}")


def _option_count(value: Any) -> str | None:
    if MIN_OPTIONS <= len(value) <= MAX_OPTIONS:
        return None
    return f"needs {MIN_OPTIONS} to {MAX_OPTIONS} options; got {len(value)}"


def _notebook_stem(value: Any) -> str | None:
    if _NOTEBOOK_STEM.fullmatch(value):
        return None
    return f"must be a notebook's file name without .ipynb, such as '04_precautions'; got {value!r}"


SCHEMA = Schema(
    fields=(
        Field("id"),
        Field("notebook", check=_notebook_stem),
        Field("prompt"),
        Field("options", kind=list, check=_option_count),
        Field("answer", kind=int),
        Field("explanation"),
        cited(required=False, empty_ok=True),
    )
)


def load_quizzes(
    source: Path = SOURCE, *, language: str = DEFAULT_LANGUAGE
) -> dict[str, tuple[Question, ...]]:
    """Every notebook's questions, in file order, from ``source`` (a data file, or the data
    folder's ``quizzes.toml`` in ``language``, falling back to English)."""
    path = locate(source, language)
    by_notebook: dict[str, list[Question]] = {}
    for entry in load_entries(path, SCHEMA, table=TABLE):
        options = tuple(entry["options"])
        # The file counts options from 1, as a reader does; Python counts from 0.
        answer = entry["answer"]
        if not 1 <= answer <= len(options):
            raise DataFileError(
                f"{shown(path)}: [[{TABLE}]] entry {entry['id']!r}, field 'answer': must be "
                f"the number of the right option, from 1 to {len(options)}; got {answer}"
            )
        by_notebook.setdefault(entry["notebook"], []).append(
            Question(
                prompt=entry["prompt"],
                options=options,
                answer=answer - 1,
                explanation=entry["explanation"],
                sources=tuple(entry.get("sources", ())),
            )
        )
    return {stem: tuple(questions) for stem, questions in by_notebook.items()}


QUIZZES: dict[str, tuple[Question, ...]] = load_quizzes()


def all_quizzes() -> dict[str, tuple[Question, ...]]:
    """Every notebook's questions (a copy: changing it changes nothing here)."""
    return dict(QUIZZES)


def questions_for(stem: str) -> tuple[Question, ...]:
    if stem not in QUIZZES:
        raise KeyError(f"no quiz for notebook {stem!r}; known: {', '.join(sorted(QUIZZES))}")
    return QUIZZES[stem]
