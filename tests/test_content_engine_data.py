"""Data files: a clinician edits one file and the series shows it; a mistake names its place.

The loader (``widgets.engine.datafile``) is the one way content files are read. These tests
write small files to a temporary folder and load them through it, as a clinic's edited copy
would be loaded.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from widgets import guidance as G
from widgets.engine.datafile import (
    DataFileError,
    Field,
    Schema,
    load_entries,
    load_table,
    locate,
)
from widgets.engine.wording import load_wording

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


REFS = Schema(fields=(Field("id"), Field("title"), Field("author", kind=list, item=dict)))
GOOD_JSON = """[
  {"id": "a1", "title": "A", "author": [{"literal": "NHS"}]},
  {"id": "b2", "title": "B", "author": [{"family": "Katz", "given": "JN"}]}
]
"""


def test_a_json_list_of_entries_loads_through_the_same_checks(tmp_path):
    # CSL-JSON, the references' format, is a list at the top: table=None reads it.
    path = write(tmp_path, "refs.json", GOOD_JSON)
    assert [e["id"] for e in load_entries(path, REFS, table=None)] == ["a1", "b2"]
    broken = write(tmp_path, "broken.json", GOOD_JSON.replace('"title": "B", ', ""))
    with pytest.raises(DataFileError, match=r"broken\.json: entry 'b2', field 'title': missing"):
        load_entries(broken, REFS, table=None)


def test_a_json_file_of_named_lists_loads_like_toml(tmp_path):
    path = write(tmp_path, "refs.json", f'{{"references": {GOOD_JSON}}}')
    assert len(load_entries(path, REFS, table="references")) == 2
    with pytest.raises(DataFileError, match=r"refs\.json: no \[\[refs\]\] entries"):
        load_entries(path, REFS, table="refs")


def test_text_that_is_not_valid_json_names_the_file_the_line_and_the_column(tmp_path):
    path = write(tmp_path, "refs.json", GOOD_JSON.replace('"B",', '"B"'))
    with pytest.raises(DataFileError) as caught:
        load_entries(path, REFS, table=None)
    message = str(caught.value)
    assert message.startswith(f"{path}: not valid JSON: Expecting ',' delimiter"), message
    assert message.endswith("(line 3, column 29)") and "\n" not in message


def test_a_field_given_twice_in_json_is_an_error_not_a_silent_choice(tmp_path):
    path = write(
        tmp_path, "refs.json", GOOD_JSON.replace('"title": "B"', '"title": "B", "title": "C"')
    )
    with pytest.raises(DataFileError, match=r"refs\.json: entry 'b2', field 'title': given twice"):
        load_entries(path, REFS, table=None)


def test_a_json_list_where_named_tables_are_expected_says_so(tmp_path):
    path = write(tmp_path, "refs.json", GOOD_JSON)
    with pytest.raises(DataFileError, match=r"refs\.json: must hold named tables at the top"):
        load_entries(path, REFS, table="references")


# ---------------------------------------------------------------------------------------------
# The engine's wording file: widgets/engine/data/en/wording.toml
# ---------------------------------------------------------------------------------------------

PACKAGE = Path(__file__).resolve().parents[1] / "widgets"
WORDING = PACKAGE / "engine" / "data" / "en" / "wording.toml"


def package_copy(tmp_path: Path, edits: dict[str, tuple[str, str]]) -> Path:
    """A copy of the package with ``edits`` (file inside the package: old text, new text) made
    to its data files, as a clinician would make them; the folder to run Python in."""
    shutil.copytree(PACKAGE, tmp_path / "widgets", ignore=shutil.ignore_patterns("__pycache__"))
    for name, (old, new) in edits.items():
        path = tmp_path / "widgets" / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    return tmp_path


def run_python(folder: Path, code: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter that imports the package from ``folder``."""
    check = "import widgets; assert widgets.__file__.startswith(sys.argv[1]), widgets.__file__\n"
    return subprocess.run(
        [sys.executable, "-B", "-c", f"import sys\n{check}{code}", str(folder)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )


def edited_wording(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "wording.toml"
    text = WORDING.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


SADDLE = (
    "from dataclasses import replace\n"
    "p = replace(G.starting_profile(), symptoms={'saddle_numbness'})\n"
)


def test_a_clinician_rewords_a_warning_sign_in_the_wording_file_and_the_engine_says_it(tmp_path):
    folder = package_copy(
        tmp_path,
        {
            "engine/data/en/wording.toml": (
                "Numbness between your legs or around your bottom.",
                "Numb skin between your legs or around your bottom.",
            ),
        },
    )
    code = "from widgets import guidance as G\nprint(G.WARNING_SIGNS[0].signs)\n"
    result = run_python(folder, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Numb skin between your legs or around your bottom.")
    # The series' own copy is untouched.
    assert G.WARNING_SIGNS[0].signs.startswith("Numbness between your legs")


def test_what_to_say_is_one_sentence_for_the_rule_the_card_and_the_warning_list(tmp_path):
    old = "Say: I have spinal stenosis. I have new numbness down below"
    folder = package_copy(
        tmp_path,
        {
            "engine/data/en/wording.toml": (
                old,
                "Say: I have spinal stenosis and new numbness below",
            )
        },
    )
    code = f"from widgets import guidance as G\n{SADDLE}"
    code += "print(G.WARNING_SIGNS[0].what_to_say)\nprint(*G.assess(p).actions, sep='\\n')\n"
    result = run_python(folder, code)
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stdout.splitlines() if line.startswith("Say:")]
    assert len(said) == 2 and all("spinal stenosis and new numbness below" in s for s in said)


def test_the_engine_says_exactly_what_its_wording_file_says():
    wording = load_wording()
    assert wording.path == WORDING
    assert [s.signs for s in G.WARNING_SIGNS] == [e["signs"] for e in wording.warning_signs]
    assert [s.signs for s in G.ROUTINE_SIGNS] == [e["signs"] for e in wording.routine_signs]
    assert [p.why for p in G.PLACEMENTS] == [e["why"] for e in wording.placements]
    stop = wording.texts["stop_action"]
    assert stop == G.STOP_ACTION
    reasons = {entry["id"]: entry["reason"] for entry in wording.rules}
    assert {rule.id: rule.reason for rule in G.RULES if "{" not in reasons[rule.id]} == {
        rule_id: text for rule_id, text in reasons.items() if "{" not in text
    }


def test_a_clinician_relabels_an_answer_and_every_form_and_checklist_shows_it(tmp_path):
    folder = package_copy(
        tmp_path,
        {
            "engine/data/en/wording.toml": (
                'fever = "Fever, chills or feeling hot and unwell"',
                'fever = "A fever, chills, or feeling hot and unwell"',
            )
        },
    )
    result = run_python(folder, "from widgets import guidance as G\nprint(G.SYMPTOMS['fever'])")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "A fever, chills, or feeling hot and unwell"


def test_a_language_without_its_own_wording_file_yet_gets_the_english_words():
    spanish = load_wording(language="es")
    assert spanish.path == WORDING
    assert spanish.warning_signs == load_wording().warning_signs


def test_the_engines_own_numbers_fill_the_names_in_braces():
    assert not [text for text in G.all_phrases() if "{" in text or "}" in text]
    on_thinners = replace(G.starting_profile(), conditions=frozenset({"blood_thinners"}))
    assert f"strength {G.green_strength_limit(on_thinners)} and 15 minutes" in (
        G.start_low_advice(on_thinners)
    )
    too_long = G.RULES_BY_ID["sessions_too_long"]
    assert too_long.actions_for(G.starting_profile()) == (
        "Keep each session to 15 minutes or less.",
    )


WORDING_MISTAKES = {
    "unknown urgency": (
        'id = "clot_in_lungs"\nurgency = "emergency"',
        'id = "clot_in_lungs"\nurgency = "soon"',
        "[[warning_signs]] entry 'clot_in_lungs', field 'urgency': must be one of emergency, "
        "urgent; got 'soon'",
    ),
    "missing sentence": (
        'signs = "Sudden breathlessness or chest pain, most of all with a swollen, sore leg."\n',
        "",
        "[[warning_signs]] entry 'clot_in_lungs', field 'signs': missing (it is required)",
    ),
    "misspelt number": (
        "about {max_minutes} minutes",
        "about {max_minuts} minutes",
        "[[rules]] entry 'sessions_too_long', field 'reason': {max_minuts} is not a name the "
        "engine fills in",
    ),
    "per-person number where no person is known": (
        'card_neck_check = "Trouble walking',
        'card_neck_check = "Up to {limit}. Trouble walking',
        "[texts], field 'card_neck_check': {limit} is not a name",
    ),
    "missing text": (
        'stop_action = "Do not use the massager."\n',
        "",
        "[texts], field 'stop_action': missing (it is required)",
    ),
    "duplicate id": (
        'id = "sleep_broken"',
        'id = "walking_shrinking"',
        "[[routine_signs]] entry 'walking_shrinking', field 'id': duplicate",
    ),
    "text for true or false": (
        'id = "buttocks"\nplace = "The buttocks"\nok = true',
        'id = "buttocks"\nplace = "The buttocks"\nok = "yes"',
        "[[placements]] entry 'buttocks', field 'ok': must be true or false; got 'yes'",
    ),
}


@pytest.mark.parametrize("mistake", WORDING_MISTAKES)
def test_a_mistake_in_the_wording_file_names_the_entry_and_the_field(tmp_path, mistake):
    old, new, says = WORDING_MISTAKES[mistake]
    path = edited_wording(tmp_path, old, new)
    with pytest.raises(DataFileError) as caught:
        load_wording(path)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{path}: {says}"), str(caught.value)


# Mistakes only the engine can see, because they concern its rules: checked at import.
ENGINE_MISTAKES = {
    "a warning sign less urgent than its rule": (
        'id = "cauda_equina"\nurgency = "emergency"',
        'id = "cauda_equina"\nurgency = "urgent"',
        "[[warning_signs]] entry 'cauda_equina', field 'urgency': must be emergency, as the "
        "rule 'cauda_equina' is; got 'urgent'",
    ),
    "a warning sign restating its rule's words": (
        'id = "possible_clot"\nurgency = "urgent"',
        'id = "possible_clot"\nurgency = "urgent"\nwhat_to_say = "Say: my leg is swollen."',
        "[[warning_signs]] entry 'possible_clot', field 'what_to_say': comes from the rule",
    ),
    "a red rule with nothing to say": (
        'say = "Say: I have back pain with a fever or chills."\n',
        "",
        "[[rules]] entry 'possible_infection', field 'say': is needed on a red rule",
    ),
    "an answer without its label": (
        'fever = "Fever, chills or feeling hot and unwell"\n',
        "",
        "[labels.symptoms], field 'fever': missing (it is required)",
    ),
    "a label for an answer the engine does not know": (
        'fever = "Fever, chills or feeling hot and unwell"',
        'fevers = "Fever, chills or feeling hot and unwell"',
        "[labels.symptoms], field 'fevers': unknown field; allowed: leg_pain, numbness",
    ),
    "a red rule's warning sign dropped": (
        '[[warning_signs]]\nid = "possible_infection"\nurgency = "urgent"\n'
        'signs = "Back pain with a fever, chills or feeling very unwell."\n'
        'what_to_do = "Contact your doctor or urgent care today."\n',
        "",
        "[[warning_signs]] entry 'possible_infection', field 'id': missing; the warning list "
        "must always show this sign",
    ),
    "a sign of harm after use dropped": (
        'id = "clot_in_lungs"',
        'id = "clot_in_the_lungs"',
        "[[warning_signs]] entry 'clot_in_lungs', field 'id': missing; the warning list must "
        "always show this sign",
    ),
    "a place a massager must never go called fine": (
        'id = "front_of_neck"\nplace = "The front and sides of the neck"\nok = false',
        'id = "front_of_neck"\nplace = "The front and sides of the neck"\nok = true',
        "[[placements]] entry 'front_of_neck', field 'ok': must be false",
    ),
    "words for a rule the engine does not have": (
        'id = "tens_evidence"',
        'id = "tens_evidenze"',
        "[[rules]] entry 'tens_evidenze', field 'id': no rule has this id",
    ),
}


@pytest.mark.parametrize("mistake", ENGINE_MISTAKES)
def test_wording_that_disagrees_with_the_rules_stops_the_engine_in_one_line(tmp_path, mistake):
    old, new, says = ENGINE_MISTAKES[mistake]
    folder = package_copy(tmp_path, {"engine/data/en/wording.toml": (old, new)})
    result = run_python(folder, "import widgets.guidance")
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("widgets.engine.datafile.DataFileError: "), result.stderr
    assert f"widgets/engine/data/en/wording.toml: {says}" in last, last


# ---------------------------------------------------------------------------------------------
# The references registry: widgets/content/data/references.json (CSL-JSON)
# ---------------------------------------------------------------------------------------------


def test_a_clinician_corrects_a_reference_in_its_one_file_and_the_source_list_shows_it(tmp_path):
    folder = package_copy(
        tmp_path,
        {
            "content/data/references.json": (
                '"title": "Massage for low-back pain"',
                '"title": "Massage for pain in the low back"',
            ),
        },
    )
    code = "from widgets.render.panels import sources\nprint(sources('furlan2015').html)\n"
    result = run_python(folder, code)
    assert result.returncode == 0, result.stderr
    assert "Massage for pain in the low back. Cochrane Database" in result.stdout
    assert "Massage for low-back pain" not in result.stdout


def test_a_malformed_reference_stops_the_series_naming_the_file_and_the_entry(tmp_path):
    folder = package_copy(
        tmp_path,
        {"content/data/references.json": ('"DOI": "10.1001/jama.2022.5921"', '"DOI": ""')},
    )
    result = run_python(folder, "import widgets.guidance\nimport widgets.content.references\n")
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.endswith(
        "widgets/content/data/references.json: entry 'katz2022', field 'DOI': must not be empty"
    ), result.stderr
