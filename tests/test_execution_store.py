"""A build that makes several things from the same notebooks runs each notebook once.

`make site` makes the handouts and the slides from the same runs, and the test suite's shared
builds (handouts, decks, site, RISE copies) read one run per notebook from a store
(widgets/tools/handouts/execute.py). The store must never hand back a run that a fresh run
would not give: anything a run's outputs depend on is part of the name it is filed under.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError

from widgets.tools.handouts import execute as runs


def counting_notebook(tally: Path, text: str = "hello") -> nbformat.NotebookNode:
    """A notebook whose one cell adds a line to ``tally`` each time it really runs."""
    source = f"open({str(tally)!r}, 'a').write('ran\\n')\nprint({text!r})"
    # A fixed cell id, as a saved notebook has (a new cell gets a random one).
    cell = nbformat.v4.new_code_cell(source, id="count")
    return nbformat.v4.new_notebook(cells=[cell])


def times_run(tally: Path) -> int:
    return len(tally.read_text().splitlines()) if tally.is_file() else 0


def printed(nb: nbformat.NotebookNode) -> str:
    return "".join(output.get("text", "") for output in nb.cells[0].outputs)


@pytest.fixture
def series(tmp_path) -> Path:
    """The notebooks' folder; the tally and the store sit outside it, as a build's do."""
    (tmp_path / "series").mkdir()
    return tmp_path / "series"


def test_the_same_notebook_asked_for_twice_runs_once_and_gives_the_same_copy(
    tmp_path, series
) -> None:
    tally, store = tmp_path / "tally.txt", tmp_path / "store"
    first = runs.execute_node(counting_notebook(tally), series, store=store)
    again = runs.execute_node(counting_notebook(tally), series, store=store)
    assert times_run(tally) == 1
    assert printed(first) == printed(again) == "hello\n"
    assert nbformat.writes(first) == nbformat.writes(again)


def test_without_a_store_every_request_runs_the_notebook(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv(runs.STORE_ENV, raising=False)
    tally = tmp_path / "tally.txt"
    for _ in range(2):
        runs.execute_node(counting_notebook(tally), tmp_path)
    assert times_run(tally) == 2


def test_a_changed_notebook_or_a_changed_file_beside_it_runs_again(tmp_path, series) -> None:
    tally, store, folder = tmp_path / "tally.txt", tmp_path / "store", series
    runs.execute_node(counting_notebook(tally), folder, store=store)
    changed = runs.execute_node(counting_notebook(tally, "changed"), folder, store=store)
    assert printed(changed) == "changed\n"
    (folder / "about_this_series.md").write_text("A page beside the notebooks\n")
    runs.execute_node(counting_notebook(tally, "changed"), folder, store=store)
    assert times_run(tally) == 3


def test_the_store_named_in_the_environment_is_used(tmp_path, series, monkeypatch) -> None:
    tally = tmp_path / "tally.txt"
    monkeypatch.setenv(runs.STORE_ENV, str(tmp_path / "store"))
    for _ in range(2):
        runs.execute_node(counting_notebook(tally), series)
    assert times_run(tally) == 1
    assert len(list((tmp_path / "store").glob("*.ipynb"))) == 1


def test_a_notebook_that_fails_is_never_filed_and_fails_again(tmp_path) -> None:
    store = tmp_path / "store"
    broken = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 / 0")])
    for _ in range(2):
        with pytest.raises(CellExecutionError, match="ZeroDivisionError"):
            runs.execute_node(broken, tmp_path, store=store)
    assert list(store.glob("*.ipynb")) == []


def test_a_half_written_copy_is_never_read(tmp_path, series) -> None:
    """A build stopped while writing leaves only a `.partial` file; the next build runs."""
    tally, store = tmp_path / "tally.txt", tmp_path / "store"
    store.mkdir()
    key = runs.execution_key(counting_notebook(tally), series)
    (store / f".{key}.123.partial").write_text('{"cells": [')
    ran = runs.execute_node(counting_notebook(tally), series, store=store)
    assert times_run(tally) == 1 and printed(ran) == "hello\n"


# --- What the name of a run depends on (no kernel needed) -------------------------------------


def key(folder: Path) -> str:
    return runs.execution_key(nbformat.v4.new_notebook(), folder)


def test_a_change_to_any_file_of_the_package_changes_the_name(tmp_path, monkeypatch) -> None:
    package = tmp_path / "widgets"
    (package / "content" / "data").mkdir(parents=True)
    wording = package / "content" / "data" / "wording.toml"
    wording.write_text('emergency = "Call 999"\n')
    monkeypatch.setattr(runs, "PACKAGE", package)
    before = key(tmp_path)
    wording.write_text('emergency = "Call 911"\n')
    assert key(tmp_path) != before


def test_the_clinics_settings_file_is_part_of_the_name_by_its_words(tmp_path, monkeypatch) -> None:
    settings = tmp_path / "clinic.toml"
    settings.write_text('emergency_number = "999"\n')
    monkeypatch.setenv("CLINIC", str(settings))
    before = key(tmp_path)
    settings.write_text('emergency_number = "911"\n')
    assert key(tmp_path) != before


def test_the_environment_is_part_of_the_name_but_not_what_the_test_runner_sets(
    tmp_path, monkeypatch
) -> None:
    before = key(tmp_path)
    monkeypatch.setenv("PYTEST_CURRENT_TEST", "tests/test_other.py::test_other (call)")
    monkeypatch.setenv(runs.STORE_ENV, str(tmp_path / "elsewhere"))
    assert key(tmp_path) == before
    monkeypatch.setenv("STENOSIS_SERIES_MODE", "server")
    assert key(tmp_path) != before


def test_the_same_notebook_in_another_folder_has_another_name(tmp_path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert key(tmp_path / "a") != key(tmp_path / "b")
