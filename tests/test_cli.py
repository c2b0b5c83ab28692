"""`stenosis-series`: one command for every task, which the Makefile targets call, so a clinic
on Windows or macOS runs the same things without make (issue 13)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_with_clinic

from widgets import guidance as G
from widgets.tools import cli
from widgets.tools.cli import COMMANDS, PROG

CLI = ("-m", "widgets.tools.cli")
UK_CLINIC = 'name = "Riverside Spine Clinic"\nemergency_number = "999"\nlocale = "en-GB"\n'
BAD_CLINIC = 'locale = "fr"\n'


def run_cli(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *CLI, *args], capture_output=True, text=True, cwd=cwd,
        env={**{k: v for k, v in os.environ.items() if k != "CLINIC"}, **env}, timeout=300,
    )  # fmt: skip


def _one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    return lines[0]


def _profile_file(path: Path, **changes: object) -> Path:
    path.write_text(json.dumps({**G.starting_profile().to_dict(), **changes}), encoding="utf-8")
    return path


# --- Help and bad input ---------------------------------------------------------------------


def test_help_lists_every_command():
    done = run_cli("--help")
    assert done.returncode == 0
    for name in ("lab", "present", "handouts", "slides", "app", "site", "handout"):
        assert re.search(rf"^\s+{name}\s+\w", done.stdout, re.MULTILINE), name


@pytest.mark.parametrize(
    ("command", "own_option"),
    [("handouts", "--no-pdf"), ("slides", "--out"), ("app", "--port"), ("site", "--no-explorer"),
     ("handout", "--profile"), ("lab", "JupyterLab"), ("present", "JupyterLab")],
)  # fmt: skip
def test_each_command_shows_its_own_options(command, own_option):
    done = run_cli(command, "--help")
    assert done.returncode == 0, done.stderr
    assert own_option in done.stdout


def test_an_unknown_command_is_one_line_and_exit_2():
    assert "nope" in _one_line_error(run_cli("nope"))


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_bad_settings_file_stops_every_command_with_one_line(tmp_path, command):
    done = run_with_clinic(BAD_CLINIC, tmp_path, *CLI, command, cwd=ROOT)
    assert "locale" in _one_line_error(done)


def test_help_works_even_when_the_settings_file_is_broken(tmp_path):
    done = run_with_clinic(BAD_CLINIC, tmp_path, *CLI, "handouts", "--help", cwd=ROOT)
    assert done.returncode == 0 and "--no-pdf" in done.stdout


def test_a_missing_clinic_file_named_with_the_option_is_one_line(tmp_path):
    line = _one_line_error(run_cli("--clinic", str(tmp_path / "nowhere.toml"), "handouts"))
    assert "nowhere.toml" in line


def test_outside_a_series_folder_lab_says_where_it_looked(tmp_path):
    line = _one_line_error(run_cli("lab", STENOSIS_SERIES=str(tmp_path)))
    assert "notebooks" in line and str(tmp_path) in line


# --- The clinic's settings reach what the commands make ---------------------------------------


@pytest.mark.parametrize("where", ["before", "after", "equals", "env"])
def test_the_clinic_file_is_honoured_however_it_is_given(tmp_path, where):
    (tmp_path / "uk.toml").write_text(UK_CLINIC, encoding="utf-8")
    profile = _profile_file(tmp_path / "me.json", symptoms=["saddle_numbness"])
    handout = ["handout", "--profile", str(profile), "-o", str(tmp_path / "me.html")]
    args, env = {
        "before": (["--clinic", "uk.toml", *handout], {}),
        "after": ([*handout, "--clinic", "uk.toml"], {}),
        "equals": (["--clinic=uk.toml", *handout], {}),
        "env": (handout, {"CLINIC": str(tmp_path / "uk.toml")}),
    }[where]
    done = run_cli(*args, cwd=tmp_path, **env)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "me.html").read_text(encoding="utf-8")
    assert "call 999" in page and "Riverside Spine Clinic" in page
    assert "your emergency number" not in page


def test_the_clinic_option_is_passed_on_to_the_processes_a_command_starts(tmp_path, monkeypatch):
    # Kernels and Voila read $CLINIC; they run in notebooks/, so the path must be absolute.
    (tmp_path / "uk.toml").write_text(UK_CLINIC, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # Set first, so the CLINIC the command sets is undone after the test: deleting a missing
    # variable records nothing to undo, and the next test in this process would inherit it.
    monkeypatch.setenv("CLINIC", "")
    monkeypatch.delenv("CLINIC")
    cli.use_clinic(Path("uk.toml"))
    assert Path(os.environ["CLINIC"]) == tmp_path / "uk.toml"


# --- lab and present ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "settings"), [("lab", "overrides.json"), ("present", "presenting.json")]
)
def test_lab_and_present_open_the_start_page_with_the_series_settings(
    command, settings, monkeypatch
):
    seen: dict[str, object] = {}

    def fake_call(args: list[str], cwd: Path) -> int:  # JupyterLab, as started
        folder = next(a for a in args if a.startswith("--LabApp.app_settings_dir="))
        settings_dir = Path(folder.split("=", 1)[1])
        seen.update(args=args, cwd=cwd, overrides=(settings_dir / "overrides.json").read_bytes())
        return 0

    monkeypatch.setattr(cli.subprocess, "call", fake_call)
    # Set first, so the CLINIC the command sets is undone after the test: deleting a missing
    # variable records nothing to undo, and the next test in this process would inherit it.
    monkeypatch.setenv("CLINIC", "")
    monkeypatch.delenv("CLINIC")
    assert cli.main([command, "--no-browser"]) == 0
    args = seen["args"]
    assert args[1:4] == ["-m", "jupyterlab", str(Path("notebooks") / "00_start_here.ipynb")]
    assert Path(seen["cwd"]) == ROOT
    assert "--no-browser" in args
    assert seen["overrides"] == (ROOT / "lab" / settings).read_bytes()


# --- make targets call the command ---------------------------------------------------------------


def planned(target: str, *variables: str) -> list[str]:
    """The command `make <target>` would run (dry run: nothing is built or installed)."""
    done = subprocess.run(
        ["make", "--no-print-directory", "-n", target, *variables],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    line = next(ln for ln in done.stdout.splitlines() if f"/{PROG} " in ln)
    return shlex.split(line)


@pytest.mark.parametrize("target", ["lab", "present", "handouts", "slides", "app", "site"])
def test_each_make_target_runs_the_same_console_command(target):
    command = planned(target)
    assert Path(command[0]).name == PROG and command[1] == target


def test_make_site_writes_build_site_or_the_folder_given(tmp_path):
    assert planned("site")[2:4] == ["--out", "build/site"]
    command = planned("site", f"OUT={tmp_path / 'my site'}", "SITE_ARGS=--no-pdf")
    assert command[2:] == ["--out", str(tmp_path / "my site"), "--no-pdf"]


def test_make_lab_passes_lab_args_on_to_jupyterlab():
    assert planned("lab", "LAB_ARGS=--no-browser")[2:] == ["--no-browser"]


# --- README: "Without make" names real commands ----------------------------------------------


def without_make_commands() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Without make", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```[a-z]*\n(.*?)```", section, re.DOTALL)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [shlex.split(line, comments=True) for line in lines if line.startswith(PROG)]


def test_the_readme_without_make_section_names_only_real_commands():
    # Each line as the command itself reads it: an unknown command would exit with status 2.
    named = {cli.parser().parse_args(words[1:]).command for words in without_make_commands()}
    assert {"lab", "handouts", "site"} <= named


def test_the_readme_shows_pip_and_conda_and_how_to_activate_on_each_system():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Without make", 1)[1].split("\n## ", 1)[0]
    for words in ("python -m venv .venv", "pip install .", "conda env create -f environment.yml",
                  r".venv\Scripts\activate", "source .venv/bin/activate"):  # fmt: skip
        assert words in section, words


def test_a_broken_wording_file_is_one_line_naming_the_file_not_a_traceback(tmp_path):
    """A clinic that edits the engine's wording and leaves a sign empty is told where, in a line."""
    import shutil

    package = ROOT / "widgets"
    shutil.copytree(package, tmp_path / "widgets", ignore=shutil.ignore_patterns("__pycache__"))
    wording = tmp_path / "widgets" / "engine" / "data" / "en" / "wording.toml"
    text = wording.read_text(encoding="utf-8")
    emptied, count = re.subn(r'signs = "Numbness between your legs[^"]*"', 'signs = ""', text)
    assert count == 1
    wording.write_text(emptied, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-B", *CLI, "handout", "--help"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"{PROG}: error:")
    assert "wording.toml" in line
