"""Builds never destroy anything: a manifest, a temp folder, a swap only on success.

The handout build is run on tiny notebooks (one markdown and one code cell), so a test costs
a kernel start, not the whole series.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest

from widgets.tools.safe_output import MANIFEST, OutputRefused, staged_output

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ("-m", "widgets.tools.build_handouts")


def _stage_files(stage: Path, **files: str) -> None:
    for name, text in files.items():
        path = stage / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _visible(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }


def _no_temp_folders(parent: Path) -> bool:
    return not [p for p in parent.iterdir() if ".partial-" in p.name]


# --- The helper ------------------------------------------------------------------------------


def test_a_build_into_a_new_folder_writes_its_files_and_a_manifest_of_them(tmp_path):
    target = tmp_path / "out"
    with staged_output(target) as stage:
        _stage_files(stage, **{"a.html": "A", "deck__reveal.js": "R"})
    assert _visible(target) == {"a.html": "A", "deck/reveal.js": "R"}
    manifest = json.loads((target / MANIFEST).read_text())
    assert manifest == {"files": ["a.html", "deck/reveal.js"]}
    assert _no_temp_folders(tmp_path)


def test_a_folder_of_someone_elses_files_is_refused_and_left_untouched(tmp_path):
    desktop = tmp_path / "Desktop"
    desktop.mkdir()
    (desktop / "tax-return-2025.pdf").write_text("tax")
    (desktop / "clinic-rota.html").write_text("rota")
    with pytest.raises(OutputRefused, match="did not make"), staged_output(desktop) as stage:
        _stage_files(stage, **{"index.html": "new"})
    assert _visible(desktop) == {"tax-return-2025.pdf": "tax", "clinic-rota.html": "rota"}
    assert _no_temp_folders(tmp_path)


def test_a_failed_build_leaves_the_last_good_set_exactly_as_it_was(tmp_path):
    target = tmp_path / "out"
    with staged_output(target) as stage:
        _stage_files(stage, **{"00.html": "good 0", "05.html": "good 5"})
    with pytest.raises(RuntimeError, match="05 failed"), staged_output(target) as stage:
        _stage_files(stage, **{"00.html": "half-built 0"})
        raise RuntimeError("05 failed to run")
    assert _visible(target) == {"00.html": "good 0", "05.html": "good 5"}
    assert _no_temp_folders(tmp_path)


def test_a_rebuild_removes_only_its_own_old_files_and_keeps_what_others_added(tmp_path):
    target = tmp_path / "out"
    with staged_output(target) as stage:
        _stage_files(stage, **{"old.html": "old", "keep.html": "v1", "sub__old.css": "x"})
    (target / "my-notes.txt").write_text("mine")
    with staged_output(target) as stage:
        _stage_files(stage, **{"keep.html": "v2", "new.html": "new"})
    assert _visible(target) == {"keep.html": "v2", "new.html": "new", "my-notes.txt": "mine"}
    assert not (target / "sub").exists()  # emptied by the build, so removed


def test_a_build_never_overwrites_a_file_it_did_not_make(tmp_path):
    target = tmp_path / "out"
    with staged_output(target) as stage:
        _stage_files(stage, **{"index.html": "v1"})
    (target / "series.html").write_text("someone's own page")
    with pytest.raises(OutputRefused, match=r"series\.html"), staged_output(target) as stage:
        _stage_files(stage, **{"index.html": "v2", "series.html": "built"})
    assert _visible(target) == {"index.html": "v1", "series.html": "someone's own page"}


def test_a_tampered_manifest_cannot_make_a_build_delete_outside_its_folder(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep")
    target = tmp_path / "out"
    target.mkdir()
    entries = ["../precious.txt", str(precious), "..\\precious.txt"]
    (target / MANIFEST).write_text(json.dumps({"files": entries}))
    with staged_output(target) as stage:
        _stage_files(stage, **{"a.html": "A"})
    assert precious.read_text() == "keep"
    assert _visible(target) == {"a.html": "A"}


def test_a_file_where_the_folder_should_be_is_refused(tmp_path):
    target = tmp_path / "out"
    target.write_text("a file")
    with pytest.raises(OutputRefused, match="not a folder"), staged_output(target):
        pass
    assert target.read_text() == "a file"


# --- The handout build -----------------------------------------------------------------------


def _cells(title: str, code: str) -> list[nbformat.NotebookNode]:
    """A title, the parts every handout's short version takes (a bottom line, key points)
    and one code cell."""
    return [
        nbformat.v4.new_markdown_cell(f"# {title}"),
        nbformat.v4.new_markdown_cell("The bottom line: rest.", metadata={"tags": ["bottom-line"]}),
        nbformat.v4.new_code_cell(code),
        nbformat.v4.new_markdown_cell("## Key points\n\n- Rest helps."),
    ]


def _notebook(folder: Path, stem: str, code: str = "1 + 1") -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = _cells(f"Page {stem}", code)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}  # fmt: skip
    path = folder / f"{stem}.ipynb"
    nbformat.write(nb, path)
    return path


def _build(notebooks: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, *SCRIPT, "--notebooks", str(notebooks), "--out", str(out)]
    return subprocess.run([*command, "--no-pdf", *extra], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)  # fmt: skip


def test_make_handouts_into_a_desktop_deletes_nothing_and_exits_2_with_one_line(tmp_path):
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    _notebook(notebooks, "00_a")
    desktop = tmp_path / "Desktop"
    desktop.mkdir()
    (desktop / "tax-return-2025.pdf").write_text("tax")
    (desktop / "clinic-rota.html").write_text("rota")
    done = _build(notebooks, desktop)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert "did not make" in done.stderr
    assert _visible(desktop) == {"tax-return-2025.pdf": "tax", "clinic-rota.html": "rota"}


def test_a_failing_notebook_keeps_the_last_good_handouts(tmp_path):
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    for stem in ("00_a", "05_b"):
        _notebook(notebooks, stem)
    out = tmp_path / "handouts"
    first = _build(notebooks, out)
    assert first.returncode == 0, first.stderr
    good = _visible(out)
    assert {"00_a.html", "05_b.html", "index.html", "series.html"} <= set(good)
    _notebook(notebooks, "05_b", code="raise ValueError('notebook 05 is broken')")
    second = _build(notebooks, out)
    assert second.returncode == 1
    assert "05_b" in second.stderr and "unchanged" in second.stderr
    assert _visible(out) == good
    assert _no_temp_folders(tmp_path)


@pytest.mark.parametrize("jobs", ["-1", "0", "many"])
def test_a_bad_jobs_count_is_one_line_and_exit_2_before_anything_is_touched(tmp_path, jobs):
    out = tmp_path / "handouts"
    out.mkdir()
    (out / MANIFEST).write_text(json.dumps({"files": ["index.html"]}))
    (out / "index.html").write_text("last good")
    done = _build(ROOT / "notebooks", out, "--jobs", jobs)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "--jobs" in done.stderr
    assert (out / "index.html").read_text() == "last good"


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def test_stopping_a_handout_build_with_sigterm_stops_its_workers_and_kernels(tmp_path):
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    for stem in ("00_a", "01_b"):
        _notebook(notebooks, stem, code="import time\ntime.sleep(120)")
    command = [sys.executable, *SCRIPT, "--notebooks", str(notebooks),
               "--out", str(tmp_path / "out"), "--no-pdf", "--jobs", "2"]  # fmt: skip
    build = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)  # fmt: skip
    family: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 120
        # Wait for the state we want to stop: both notebooks' kernels running in workers.
        while time.monotonic() < deadline:
            kernels = [p for p in _descendants(build.pid)
                       if "ipykernel" in " ".join(p.cmdline())]  # fmt: skip
            if len(kernels) == 2:
                break
            time.sleep(0.1)
        family = _descendants(build.pid)
        assert len(kernels) == 2, "the build never started its kernels"
        build.send_signal(signal.SIGTERM)
        build.wait(timeout=60)
        _gone, alive = psutil.wait_procs(family, timeout=30)
        assert alive == [], [" ".join(p.cmdline()) for p in alive]
        assert not (tmp_path / "out").exists()
        assert _no_temp_folders(tmp_path)
    finally:
        if build.poll() is None:
            build.kill()
        for process in family:
            if process.is_running():
                process.kill()


def test_make_handouts_says_so_when_nothing_is_there_to_build(tmp_path):
    done = _build(tmp_path / "no-such-folder", tmp_path / "out")
    assert done.returncode == 2 and "no notebooks" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_build_of_part_of_the_set_can_keep_the_rest_of_the_last_build(tmp_path):
    target = tmp_path / "slides"
    with staged_output(target) as stage:
        _stage_files(stage, **{"00.slides.html": "v1", "05.slides.html": "v1"})
    with staged_output(target, keep_others=True) as stage:
        _stage_files(stage, **{"05.slides.html": "v2"})
    assert _visible(target) == {"00.slides.html": "v1", "05.slides.html": "v2"}
    with staged_output(target) as stage:  # a whole build again: only what it makes stays
        _stage_files(stage, **{"05.slides.html": "v3"})
    assert _visible(target) == {"05.slides.html": "v3"}


# --- The slides build ------------------------------------------------------------------------


def _slides(out: Path, *notebooks: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "widgets.tools.build_slides",
               *map(str, notebooks), "--out", str(out)]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=600)


def test_a_failed_slides_build_never_mixes_a_stale_deck_with_fresh_ones(tmp_path):
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    decks = [_notebook(notebooks, stem) for stem in ("00_a", "05_b")]
    out = tmp_path / "slides"
    first = _slides(out, *decks)
    assert first.returncode == 0, first.stderr
    good = _visible(out)
    assert {"00_a.slides.html", "05_b.slides.html", "index.html"} <= set(good)
    _notebook(notebooks, "00_a", code="'a changed deck'")
    _notebook(notebooks, "05_b", code="raise ValueError('notebook 05 is broken')")
    second = _slides(out, *decks)
    assert second.returncode == 1
    assert "05_b" in second.stderr and "No deck was updated" in second.stderr
    assert _visible(out) == good  # the whole last good set, not a fresh 00 beside a stale 05
    assert _no_temp_folders(tmp_path)


def test_the_slides_build_refuses_a_folder_of_someone_elses_files(tmp_path):
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    deck = _notebook(notebooks, "00_a")
    desktop = tmp_path / "Desktop"
    desktop.mkdir()
    (desktop / "talk.html").write_text("mine")
    done = _slides(desktop, deck)
    assert done.returncode == 2 and "did not make" in done.stderr
    assert "Traceback" not in done.stderr
    assert _visible(desktop) == {"talk.html": "mine"}
