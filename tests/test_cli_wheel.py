"""A clinic without make: `pip install` the wheel into a clean virtual environment and the
`stenosis-series` command runs the series from a plain folder of notebooks (issue 13).

The wheel and its venv are conftest's ``installed_wheel``: built from a copy of the package's
sources (nothing is written into this checkout) and installed with --no-deps into a venv made
without --system-site-packages; its dependencies are this project's venv, seen through a .pth
file, so nothing is downloaded but the build backend (or pip's cache of it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from widgets import guidance as G
from widgets.tools.cli import COMMANDS, INSTALLED_LAB_SETTINGS, PROG

# A small series: the start page (which marks a series folder) and one more part.
SERIES_NOTEBOOKS = ("00_start_here.ipynb", "04_precautions.ipynb", "about_this_series.md")
UK_CLINIC = 'name = "Riverside Spine Clinic"\nemergency_number = "999"\nlocale = "en-GB"\n'


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=900, **kwargs)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done


@pytest.fixture(scope="module")
def installed(installed_wheel, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The wheel in its clean venv (conftest's ``installed_wheel``, which the hub tests share)
    and a series folder away from this checkout: two notebooks and the clinic settings."""
    tmp = tmp_path_factory.mktemp("wheel")
    series = tmp / "my clinic" / "series"
    (series / "notebooks").mkdir(parents=True)
    for name in SERIES_NOTEBOOKS:
        shutil.copy2(ROOT / "notebooks" / name, series / "notebooks" / name)
    shutil.copy2(ROOT / "clinic.toml", series / "clinic.toml")
    return {**installed_wheel, "series": series, "tmp": tmp}


def _env() -> dict[str, str]:
    """The environment of someone who just installed the wheel: nothing points at this repo."""
    dropped = ("PYTHONPATH", "VIRTUAL_ENV", "CLINIC", "STENOSIS_SERIES", "JUPYTER_PATH")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    # The dependencies' data files (nbconvert's templates in share/jupyter) sit in this
    # project's venv, which the .pth reaches for code only: pip would put them in the new one.
    return {**env, "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter")}


def _command(installed: dict[str, Path]) -> str:
    return str(installed["venv"] / "bin" / PROG)


def test_the_wheel_carries_every_template_and_data_file_and_the_command(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    tracked = subprocess.run(["git", "ls-files", "widgets"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()  # fmt: skip
    missing = [path for path in tracked if path not in names]
    assert not missing, f"not in the wheel: {missing[:10]}"
    assert "widgets/tools/templates/site/index.html.j2" in names
    for settings in ("overrides.json", "presenting.json"):
        assert any(n.endswith(f".data/data/{INSTALLED_LAB_SETTINGS.as_posix()}/{settings}")
                   for n in names), settings  # fmt: skip
    [entry_points] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    scripts = zipfile.ZipFile(installed["wheel"]).read(entry_points).decode()
    assert f"{PROG} = widgets.tools.cli:main" in scripts


def test_the_command_comes_from_the_venv_not_this_checkout(installed):
    done = _run([str(installed["venv"] / "bin" / "python"), "-c",
                 "import widgets.tools.cli as c; print(c.__file__)"],
                cwd=installed["series"], env=_env())  # fmt: skip
    imported = Path(done.stdout.strip())
    assert ROOT not in imported.parents
    assert installed["venv"] in imported.parents


def test_help_lists_every_command_and_each_command_has_its_own_help(installed):
    done = _run([_command(installed), "--help"], cwd=installed["series"], env=_env())
    for name in COMMANDS:
        assert name in done.stdout
    handout = _run([_command(installed), "handout", "--help"], cwd=installed["series"],
                   env=_env())  # fmt: skip
    assert "--profile" in handout.stdout


def test_the_site_builds_from_the_wheel_in_a_plain_series_folder(installed):
    out = installed["tmp"] / "published"
    _run([_command(installed), "site", "--no-pdf", "--no-explorer", "--out", str(out)],
         cwd=installed["series"] / "notebooks", env=_env())  # fmt: skip
    for page in ("index.html", "large-print.html", "handouts/00_start_here.html",
                 "handouts/summary/04_precautions.html", "handouts/warning-signs-card.html",
                 "slides/index.html", "slides/04_precautions.slides.html"):  # fmt: skip
        assert (out / page).is_file(), page
    assert "04_precautions" in (out / "index.html").read_text(encoding="utf-8")


def test_the_clinic_option_reaches_a_personal_handout_from_the_wheel(installed):
    folder = installed["tmp"] / "uk"
    folder.mkdir()
    (folder / "uk.toml").write_text(UK_CLINIC, encoding="utf-8")
    profile = {**G.starting_profile().to_dict(), "symptoms": ["saddle_numbness"]}
    (folder / "me.json").write_text(json.dumps(profile), encoding="utf-8")
    _run([_command(installed), "--clinic", "uk.toml", "handout", "--profile", "me.json",
          "-o", "me.html"], cwd=folder, env=_env())  # fmt: skip
    page = (folder / "me.html").read_text(encoding="utf-8")
    assert "call 999" in page and "Riverside Spine Clinic" in page
    assert "your emergency number" not in page


def test_lab_finds_the_series_settings_the_wheel_installed(installed):
    # The series folder has no lab/: the settings come from the wheel's data files.
    done = _run([str(installed["venv"] / "bin" / "python"), "-c",
                 "from pathlib import Path; from widgets.tools.cli import lab_settings_file; "
                 "print(lab_settings_file('presenting.json', Path.cwd()))"],
                cwd=installed["series"], env=_env())  # fmt: skip
    found = Path(done.stdout.strip())
    assert installed["venv"] in found.parents
    assert found.read_bytes() == (ROOT / "lab" / "presenting.json").read_bytes()
