"""A handout build that cannot finish says why in a line and stops: it never hangs, never
shows a traceback, and leaves the last good handouts whole."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat

BUILD = [sys.executable, "-m", "widgets.tools.build_handouts"]
# Far longer than the failing build needs; a build that waits on a stuck worker never ends.
HANG_LIMIT_S = 120


def _notebook(path: Path, *cells: nbformat.NotebookNode) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    nbformat.write(nb, path)


def _with_short_version_parts(title: str) -> list[nbformat.NotebookNode]:
    """A title, a bottom line and key points: what a handout's short version needs."""
    bottom = nbformat.v4.new_markdown_cell("**The bottom line:** a test page.")
    bottom.metadata["tags"] = ["bottom-line"]
    return [
        nbformat.v4.new_markdown_cell(f"# {title}"),
        bottom,
        nbformat.v4.new_markdown_cell("## Key points\n\n- One point."),
    ]


def test_a_failing_notebook_stops_the_build_while_another_is_still_running(tmp_path: Path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    code = nbformat.v4.new_code_cell
    fails = [*_with_short_version_parts("Fails"), code("raise ValueError('boom')")]
    _notebook(folder / "01_fails.ipynb", *fails)
    # Still running when the first one fails: its worker must be stopped, not waited for.
    slow = [*_with_short_version_parts("Slow"), code("import time; time.sleep(600)")]
    _notebook(folder / "02_slow.ipynb", *slow)
    out = tmp_path / "out"
    done = subprocess.run(
        [*BUILD, "--notebooks", str(folder), "--out", str(out), "--no-pdf", "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=HANG_LIMIT_S,
    )
    assert done.returncode == 1
    assert "01_fails.ipynb failed to run" in done.stderr
    assert "boom" in done.stderr
    assert "last good handouts" in done.stderr
    assert not out.exists()


def test_a_notebook_without_a_bottom_line_is_one_line_and_exit_2(tmp_path: Path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _notebook(folder / "01_plain.ipynb", nbformat.v4.new_markdown_cell("# Plain\n\nJust text."))
    done = subprocess.run(
        [*BUILD, "--notebooks", str(folder), "--out", str(tmp_path / "out"), "--no-pdf"],
        capture_output=True,
        text=True,
        timeout=HANG_LIMIT_S,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("error: 01_plain: a short version needs a bottom-line cell")
    assert len(done.stderr.strip().splitlines()) == 2  # the reason, and what was kept


def test_the_site_says_the_same_in_one_line_and_exit_2_and_keeps_the_last_good_site(tmp_path: Path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _notebook(folder / "01_plain.ipynb", nbformat.v4.new_markdown_cell("# Plain\n\nJust text."))
    done = subprocess.run(
        [sys.executable, "-m", "widgets.tools.site", "--notebooks", str(folder),
         "--out", str(tmp_path / "site"), "--no-pdf", "--no-explorer"],
        capture_output=True,
        text=True,
        timeout=HANG_LIMIT_S,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("error: 01_plain: a short version needs a bottom-line cell")
    assert done.stderr.strip().splitlines()[1].startswith("The last good site in")
    assert not (tmp_path / "site").exists()
