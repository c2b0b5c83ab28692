"""How `make test` shares its work out (tests/conftest.py): what the speed of the suite rests on.

The heavy things the suite reads (the handouts, the decks) are built once per run, whichever
worker asks first, and never read half made; the long files go out first and the two longest are
dealt out test by test, so both cores finish at about the same time.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import (
    LONGEST_FIRST,
    SHARED_OUT_BY_TEST,
    pytest_collection_modifyitems,
    shared_build,
    work_unit,
)


@dataclass
class RunFolder:
    """Stands in for pytest's tmp_path_factory: the worker's base temp folder."""

    base: Path

    def getbasetemp(self) -> Path:
        return self.base


def test_a_shared_build_is_made_once_while_other_workers_wait_for_it(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    calls: list[Path] = []

    def slow_build(folder: Path) -> None:
        calls.append(folder)
        time.sleep(0.3)  # the second worker asks while this one is still building
        (folder / "page.html").write_text("built", encoding="utf-8")

    workers = [RunFolder(tmp_path / name) for name in ("gw0", "gw1", "gw2")]
    found: list[Path] = []
    threads = [
        threading.Thread(target=lambda w=w: found.append(shared_build(w, "decks", slow_build)))
        for w in workers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert len(set(found)) == 1 and len(found) == 3
    assert (found[0] / "page.html").read_text(encoding="utf-8") == "built"
    assert found[0].parent == tmp_path  # the run's folder, shared by every worker


def test_a_failed_shared_build_is_never_read_and_the_next_test_builds_it_again(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    run = RunFolder(tmp_path)

    def broken(folder: Path) -> None:
        (folder / "half.html").write_text("half made", encoding="utf-8")
        raise RuntimeError("a notebook failed")

    with pytest.raises(RuntimeError, match="a notebook failed"):
        shared_build(run, "handouts", broken)
    assert not (tmp_path / "shared-handouts.done").exists()

    def sound(folder: Path) -> None:
        (folder / "whole.html").write_text("whole", encoding="utf-8")

    folder = shared_build(run, "handouts", sound)
    assert (folder / "whole.html").is_file()
    assert not (folder / "half.html").exists()  # a new folder, not the half-made one


def test_the_two_longest_files_are_dealt_out_test_by_test_and_the_rest_file_by_file():
    assert {"test_handouts.py", "test_layout_browser.py"} <= SHARED_OUT_BY_TEST
    one = "tests/test_handouts.py::test_x[00_start_here]"
    assert work_unit(one) == one
    assert work_unit("tests/test_layout_browser.py::test_y[a]") == (
        "tests/test_layout_browser.py::test_y[a]"
    )
    assert work_unit("tests/test_site.py::test_z[en]") == "tests/test_site.py"


@dataclass
class Item:
    path: Path
    name: str


def test_the_longest_files_run_first_and_the_dealt_out_ones_last():
    items = [
        Item(Path("tests/test_handouts.py"), "h1"),
        Item(Path("tests/test_guidance_rules.py"), "g1"),
        Item(Path(f"tests/{LONGEST_FIRST[1]}"), "second"),
        Item(Path("tests/test_layout_browser.py"), "l1"),
        Item(Path(f"tests/{LONGEST_FIRST[0]}"), "first"),
        Item(Path("tests/test_guidance_rules.py"), "g2"),
        Item(Path("tests/test_handouts.py"), "h2"),
    ]
    pytest_collection_modifyitems(items)  # type: ignore[arg-type]
    assert [i.name for i in items] == ["first", "second", "g1", "g2", "h1", "l1", "h2"]
