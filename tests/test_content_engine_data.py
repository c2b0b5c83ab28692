"""Data files: a clinician edits one file and the series shows it; a mistake names its place.

The loader (``widgets.engine.datafile``) is the one way content files are read. These tests
write small files to a temporary folder and load them through it, as a clinic's edited copy
would be loaded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from widgets.engine.datafile import (
    DataFileError,
    Field,
    Schema,
    load_entries,
    load_table,
    locate,
)

SIGN = Schema(
    fields=(
        Field("id"),
        Field("urgency", allowed=("emergency", "urgent")),
        Field("signs"),
        Field("sources", kind=list),
        Field("what_to_say", required=False),
        Field("minutes", kind=int, required=False),
    )
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """
[[signs]]
id = "cauda_equina"
urgency = "emergency"
signs = "Numbness between your legs."
sources = ["royalfree_ces"]

[[signs]]
id = "possible_clot"
urgency = "urgent"
signs = "One calf that is newly swollen."
sources = ["nhs_dvt"]
minutes = 5
"""


def test_a_good_file_loads_every_entry_in_file_order(tmp_path):
    path = write(tmp_path, "signs.toml", GOOD)
    entries = load_entries(path, SIGN, table="signs")
    assert [e["id"] for e in entries] == ["cauda_equina", "possible_clot"]
    assert entries[1]["minutes"] == 5 and "what_to_say" not in entries[0]


# (line to change, what it becomes, the entry and field the message must name, what it says)
MISTAKES = {
    "unknown urgency": (
        'urgency = "emergency"',
        'urgency = "soon"',
        "'cauda_equina'",
        "'urgency'",
        "must be one of emergency, urgent; got 'soon'",
    ),
    "missing field": (
        'signs = "Numbness between your legs."',
        "",
        "'cauda_equina'",
        "'signs'",
        "missing (it is required)",
    ),
    "wrong type": (
        'sources = ["royalfree_ces"]',
        'sources = "royalfree_ces"',
        "'cauda_equina'",
        "'sources'",
        "must be a list",
    ),
    "no id": ('id = "cauda_equina"', "", "number 1", "'id'", "missing (it is required)"),
    "text for a number": (
        "minutes = 5",
        'minutes = "five"',
        "'possible_clot'",
        "'minutes'",
        "must be a whole number; got 'five'",
    ),
    "true for a number": (
        "minutes = 5",
        "minutes = true",
        "'possible_clot'",
        "'minutes'",
        "must be a whole number; got True",
    ),
    "empty text": (
        'signs = "One calf that is newly swollen."',
        'signs = "  "',
        "'possible_clot'",
        "'signs'",
        "must not be empty",
    ),
    "duplicate id": (
        'id = "possible_clot"',
        'id = "cauda_equina"',
        "'cauda_equina'",
        "'id'",
        "duplicate",
    ),
    "misspelt field": (
        "minutes = 5",
        "minuets = 5",
        "'possible_clot'",
        "'minuets'",
        "unknown field; allowed: id, urgency, signs",
    ),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_malformed_entry_fails_naming_the_file_the_entry_and_the_field(tmp_path, mistake):
    old, new, entry, field, says = MISTAKES[mistake]
    path = write(tmp_path, "signs.toml", GOOD.replace(old, new, 1))
    with pytest.raises(DataFileError) as caught:
        load_entries(path, SIGN, table="signs")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: [[signs]] entry {entry}, field {field}: "), message
    assert says in message, message


def test_text_that_is_not_valid_toml_names_the_file_and_the_line(tmp_path):
    path = write(tmp_path, "signs.toml", GOOD.replace('urgency = "urgent"', "urgency = urgent"))
    with pytest.raises(DataFileError, match=r"signs\.toml: not valid TOML: .*line 10"):
        load_entries(path, SIGN, table="signs")


def test_a_file_without_the_expected_list_says_which_list_is_missing(tmp_path):
    path = write(tmp_path, "signs.toml", GOOD.replace("[[signs]]", "[[sign]]"))
    with pytest.raises(DataFileError, match=r"signs\.toml: no \[\[signs\]\] entries"):
        load_entries(path, SIGN, table="signs")


def test_files_inside_the_package_are_named_from_the_package_folder():
    missing = Path(__file__).resolve().parents[1] / "widgets" / "content" / "data" / "nope.toml"
    with pytest.raises(DataFileError, match=r"^widgets/content/data/en/nope\.toml: data file not"):
        locate(missing)


def test_a_second_language_is_a_parallel_file_and_missing_ones_fall_back_to_english(tmp_path):
    write(tmp_path, "en/signs.toml", GOOD)
    write(tmp_path, "es/signs.toml", GOOD.replace("Numbness between your legs.", "Entumecimiento."))
    spanish = load_entries(tmp_path / "signs.toml", SIGN, table="signs", language="es")
    english = load_entries(tmp_path / "signs.toml", SIGN, table="signs")
    assert spanish[0]["signs"] == "Entumecimiento."
    assert english[0]["signs"] == "Numbness between your legs."
    # No French file yet: French readers get the English text, not an error.
    french = load_entries(tmp_path / "signs.toml", SIGN, table="signs", language="fr")
    assert french == english


def test_a_single_table_of_named_texts_is_checked_like_an_entry(tmp_path):
    schema = Schema(fields=(Field("stop"), Field("today")), key="")
    path = write(tmp_path, "texts.toml", '[texts]\nstop = "Do not use it."\ntoday = ""\n')
    with pytest.raises(DataFileError, match=r"texts\.toml: \[texts\], field 'today': must not"):
        load_table(path, schema, table="texts")


def test_yaml_files_load_through_the_same_checks(tmp_path):
    schema = Schema(fields=(Field("id"), Field("title")))
    path = write(tmp_path, "refs.yaml", "references:\n  - id: a1\n    title: A\n  - id: b2\n")
    with pytest.raises(DataFileError, match=r"refs\.yaml: \[\[references\]\] entry 'b2', field"):
        load_entries(path, schema, table="references")
