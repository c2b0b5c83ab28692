"""Quizzes, stories, evidence findings and the options table are data files a clinician edits
(``widgets/content/data/<language>/*.toml``), not Python: each loads and is checked at import,
an edit to one file reaches what patients see, and a mistake stops with one line that names the
file, the entry and the field."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from widgets.content import findings, options, quizzes, stories
from widgets.content.references import REFERENCES, load_references
from widgets.engine.datafile import DataFileError

DATA = Path(quizzes.__file__).resolve().parent / "data"
LOADERS: dict[str, Callable[..., Any]] = {
    "quizzes.toml": quizzes.load_quizzes,
    "stories.toml": stories.load_stories,
    "findings.toml": findings.load_findings,
    "options.toml": options.load_options,
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A clinic's own copy of the data folder, to edit."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    """Change ``old`` to ``new`` in a data file, as a clinician would in a text editor."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should appear once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def entry_text(path: Path, table: str, key: str, value: str) -> str:
    """The text of the one ``[[table]]`` entry whose ``key`` is ``value``, up to the next one."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f'{key} = "{value}"')
    start = text.rindex(f"[[{table}]]", 0, start)
    end = text.find(f"[[{table}]]", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_every_content_file_in_english_has_a_loader_and_loads():
    files = sorted(p.name for p in (DATA / "en").glob("*.toml"))
    assert set(LOADERS) <= set(files)
    for name in files:
        if name in LOADERS:
            assert LOADERS[name](DATA / name), name


def test_the_references_are_one_csl_json_file_beside_the_language_folders():
    # One registry for every language (a citation is the same in Spanish), in the format
    # reference managers read, with its editing guide; no older copy lingers to be edited.
    files = sorted(p.name for p in DATA.iterdir() if p.is_file())
    assert files == ["README.md", "references.json"]
    assert len(load_references(DATA / "references.json")) == len(REFERENCES)


def entries_in(name: str, table: str) -> int:
    text = (DATA / "en" / name).read_text(encoding="utf-8")
    return len(re.findall(rf"^\[\[{table}\]\]$", text, re.MULTILINE))


def test_the_modules_hold_every_entry_the_files_hold():
    assert sum(len(q) for q in quizzes.QUIZZES.values()) == entries_in("quizzes.toml", "question")
    assert len(stories.STORIES) == entries_in("stories.toml", "story")
    assert len(findings.FINDINGS) == entries_in("findings.toml", "finding")
    assert len(options.OPTIONS) == entries_in("options.toml", "option")
    assert len(options.NUMBERS) == entries_in("options.toml", "number")
    assert stories.ILLUSTRATIVE_LABEL == "Illustrative story, not a real person"


def test_a_quiz_file_counts_options_from_1_as_a_reader_does():
    first = quizzes.questions_for("00_start_here")[0]
    block = entry_text(DATA / "en" / "quizzes.toml", "question", "id", "00-what-the-series-is-for")
    assert "answer = 1\n" in block
    assert first.answer == 0 and first.options[first.answer].startswith("To learn about")


def test_a_clinician_changes_a_quiz_answer_in_one_file_and_the_quiz_shows_it(data):
    from widgets.ui.quiz import quiz

    path = data / "en" / "quizzes.toml"
    block = entry_text(path, "question", "id", "04-where-never")
    edit(path, block, block.replace("answer = 3\n", "answer = 1\n"))

    questions = quizzes.load_quizzes(data / "quizzes.toml")["04_precautions"]
    changed = questions[0]
    assert changed.prompt == "Where should you never use a back massager?"
    assert changed.options[changed.answer] == "The muscles beside the spine."
    view = quiz("04_precautions", questions).views[0]
    view.choice.value = 0
    view.check.click()
    assert 'data-correct="true"' in view.feedback.value
    # The packaged quiz is untouched: the edit lives in the clinic's copy only.
    assert quizzes.questions_for("04_precautions")[0].answer == 2


def test_a_clinician_changes_a_story_sentence_and_an_options_number_in_one_file_each(data):
    from widgets.render.options import OptionsTable

    edit(data / "en" / "stories.toml", "Rosa is 68.", "Rosa is 70.")
    edit(data / "en" / "options.toml", "low = 57\nhigh = 57", "low = 55\nhigh = 55")
    rosa = stories.load_stories(data / "stories.toml").stories[0]
    assert rosa.paragraphs[0].startswith("Rosa is 70.")
    table = OptionsTable(options.load_options(data / "options.toml").options).html()
    assert "About 55 in 100 of the people given physio" in table


def test_a_second_language_is_a_parallel_file_and_a_missing_one_falls_back_to_english(data):
    (data / "es").mkdir()
    shutil.copy(data / "en" / "quizzes.toml", data / "es" / "quizzes.toml")
    edit(
        data / "es" / "quizzes.toml",
        'prompt = "What is this series for?"',
        'prompt = "¿Para qué sirve esta serie?"',
    )
    spanish = quizzes.load_quizzes(data / "quizzes.toml", language="es")
    assert spanish["00_start_here"][0].prompt == "¿Para qué sirve esta serie?"
    # No Spanish stories yet: the English ones are shown, not an error.
    assert stories.load_stories(data / "stories.toml", language="es").stories[0].name == "Rosa"


# Each case: the file, the entry (its table and id), an edit that breaks it, and what the
# one-line message must name.
MALFORMED = {
    "quiz answer past the last option": (
        "quizzes.toml",
        ("question", "00-what-the-series-is-for", "answer = 1\n", "answer = 4\n"),
        ("quizzes.toml", "'00-what-the-series-is-for'", "'answer'", "from 1 to 3"),
    ),
    "quiz citing a reference that does not exist": (
        "quizzes.toml",
        ("question", "04-where-never", '"sulkowski2022"', '"sulkowski2099"'),
        ("quizzes.toml", "'04-where-never'", "'sources'", "sulkowski2099"),
    ),
    "quiz with only two options": (
        "quizzes.toml",
        ("question", "03-which-taps-hard", '"A vibration pad.", ', ""),
        ("quizzes.toml", "'03-which-taps-hard'", "'options'", "3 to 5"),
    ),
    "quiz with a misspelt field name": (
        "quizzes.toml",
        ("question", "08-what-is-teach-back", "explanation = ", "explanatoin = "),
        ("quizzes.toml", "'08-what-is-teach-back'", "'explanatoin'", "unknown field"),
    ),
    "two questions with one id": (
        "quizzes.toml",
        ("question", "07-cycling", 'id = "07-cycling"', 'id = "07-legs-ache-on-a-walk"'),
        ("quizzes.toml", "'07-legs-ache-on-a-walk'", "'id'", "duplicate"),
    ),
    "story with its summary missing": (
        "stories.toml",
        ("story", "June", 'summary = "low back, blood thinner"\n', ""),
        ("stories.toml", "'June'", "'summary'", "missing"),
    ),
    "story with a misspelt symptom": (
        "stories.toml",
        ("story", "Grace", '"bladder_bowel_changes"', '"bladder_trouble"'),
        ("stories.toml", "'Grace'", "'profile'", "bladder_trouble"),
    ),
    "story what-if at a setting the engine has not got": (
        "stories.toml",
        ("story", "Rosa", "intensity = 5\n", "intensity = 9\n"),
        ("stories.toml", "'Rosa'", "'what_if'", "intensity"),
    ),
    "finding with a certainty that is not a GRADE word": (
        "findings.toml",
        ("finding", "acupuncture", 'certainty = "low"', 'certainty = "fairly sure"'),
        ("findings.toml", "'acupuncture'", "'certainty'", "very low"),
    ),
    "finding with a strength the chart cannot draw": (
        "findings.toml",
        ("finding", "traction", "strength = 0\n", "strength = 3\n"),
        ("findings.toml", "'traction'", "'strength'"),
    ),
    "option naming a number that is not there": (
        "options.toml",
        ("option", "surgery", '"second_operation"', '"third_operation"'),
        ("options.toml", "'surgery'", "'numbers'", "third_operation"),
    ),
    "number above 100": (
        "options.toml",
        ("number", "heat_burns", "high = 27\n", "high = 270\n"),
        ("options.toml", "'heat_burns'", "'high'", "0..100"),
    ),
    "natural history that no longer adds up to 100 people": (
        "options.toml",
        ("number", "natural_history_same", "high = 50\n", "high = 60\n"),
        ("options.toml", "'natural_history_worse'", "add up to 100"),
    ),
}
KEYS = {"question": "id", "story": "name", "finding": "id", "option": "id", "number": "id"}


@pytest.mark.parametrize("case", MALFORMED, ids=str)
def test_a_malformed_entry_fails_with_one_line_naming_file_entry_and_field(data, case):
    name, (table, entry, old, new), named = MALFORMED[case]
    path = data / "en" / name
    block = entry_text(path, table, KEYS[table], entry)
    assert old in block, case
    edit(path, block, block.replace(old, new, 1))

    with pytest.raises(DataFileError) as caught:
        LOADERS[name](data / name)
    message = str(caught.value)
    assert "\n" not in message
    for part in named:
        assert part in message, (case, message)


def test_the_packaged_files_are_named_from_the_package_in_messages():
    # A clinician reads "widgets/content/data/en/quizzes.toml", not a path on someone's disk.
    from widgets.engine.datafile import shown

    assert shown(DATA / "en" / "quizzes.toml") == "widgets/content/data/en/quizzes.toml"
