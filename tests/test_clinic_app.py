"""The app view follows the clinic's settings too: its copy of the series speaks the clinic's
words, and a bad settings file stops it with one line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import nbformat
from conftest import run_with_clinic


def _prepare(tmp_path: Path, settings: str) -> subprocess.CompletedProcess[str]:
    return run_with_clinic(
        settings, tmp_path, "-m", "widgets.tools.serve_app", "--prepare-only",
        "--copy-to", str(tmp_path / "app"),
    )  # fmt: skip


def test_the_app_copy_speaks_the_clinics_words(tmp_path):
    result = _prepare(tmp_path, 'emergency_number = "999"\nlocale = "en-GB"\n')
    assert result.returncode == 0, result.stderr
    prose = " ".join(
        cell.source
        for path in sorted((tmp_path / "app").glob("*.ipynb"))
        for cell in nbformat.read(path, as_version=4).cells
        if cell.cell_type == "markdown"
    )
    assert "A&E" in prose
    assert "emergency department" not in prose and "your emergency number" not in prose


def test_a_bad_settings_file_stops_the_app_with_one_line(tmp_path):
    result = _prepare(tmp_path, 'locale = "fr"\n')
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "locale" in result.stderr
