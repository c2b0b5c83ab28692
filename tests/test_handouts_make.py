"""`make handouts OUT=DIR` writes the whole set into DIR; without OUT, into build/handouts."""

from __future__ import annotations

import shlex
import subprocess

from conftest import ROOT


def planned_build(*args: str) -> list[str]:
    """The build command `make` would run (dry run: nothing is built or installed)."""
    done = subprocess.run(
        ["make", "--no-print-directory", "-n", "handouts", *args],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    line = next(ln for ln in done.stdout.splitlines() if "stenosis-series handouts" in ln)
    return shlex.split(line)


def test_make_handouts_out_writes_into_the_folder_given(tmp_path):
    command = planned_build(f"OUT={tmp_path / 'my handouts'}")
    assert command[command.index("--out") + 1] == str(tmp_path / "my handouts")


def test_make_handouts_defaults_to_build_handouts():
    command = planned_build()
    assert command[command.index("--out") + 1] == "build/handouts"
