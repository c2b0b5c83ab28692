"""Workshop decks follow the clinic's settings: its numbers and words on the slides, its name on
the decks' index page, and a bad settings file stops the build with one line."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import ROOT, run_with_clinic


def _build(tmp_path: Path, settings: str) -> subprocess.CompletedProcess[str]:
    return run_with_clinic(
        settings, tmp_path, "-m", "widgets.tools.build_slides", "--out",
        str(tmp_path / "slides"), str(ROOT / "notebooks" / "00_start_here.ipynb"),
    )  # fmt: skip


def test_a_uk_clinics_deck_says_999_and_a_and_e_and_names_the_clinic(tmp_path):
    settings = 'name = "Riverside Physio Clinic"\nemergency_number = "999"\nlocale = "en-GB"\n'
    result = _build(tmp_path, settings)
    assert result.returncode == 0, result.stderr
    deck = (tmp_path / "slides" / "00_start_here.slides.html").read_text(encoding="utf-8")
    assert "999" in deck and "A&amp;E" in deck
    assert "your emergency number" not in deck and "emergency department" not in deck
    assert "Riverside Physio Clinic" in (tmp_path / "slides" / "index.html").read_text("utf-8")


def test_a_bad_settings_file_stops_the_slides_with_one_line(tmp_path):
    result = _build(tmp_path, "urgent_number = 111\n")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "urgent_number" in result.stderr
    assert not (tmp_path / "slides").exists()
