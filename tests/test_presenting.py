"""Presenting settings: no news pop-ups, code collapsed, and a larger-font option for a room."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import jsonschema
import nbformat
import pytest
from conftest import NOTEBOOKS, ROOT

LAB = ROOT / "lab"
SHARE = Path(ROOT / ".venv" / "share" / "jupyter")
SETTINGS_FILES = ("overrides.json", "presenting.json")
NEWS_OFF = {"checkForUpdates": False, "fetchNews": "false"}


def plugin_schema(key: str) -> dict:
    """The JSON schema JupyterLab itself uses for one plugin's settings."""
    package, plugin = key.split(":")
    for candidate in (
        SHARE / "lab" / "schemas" / package / f"{plugin}.json",
        SHARE / "labextensions" / package / "schemas" / package / f"{plugin}.json",
    ):
        if candidate.exists():
            return json.loads(candidate.read_text())
    raise AssertionError(f"no installed JupyterLab plugin is called {key}")


def settings(name: str) -> dict:
    return json.loads((LAB / name).read_text())


@pytest.mark.parametrize("name", SETTINGS_FILES)
def test_every_setting_is_one_jupyterlab_knows_and_accepts(name):
    for key, values in settings(name).items():
        schema = plugin_schema(key)
        unknown = set(values) - set(schema["properties"])
        assert not unknown, f"{name}: {key} has no settings called {sorted(unknown)}"
        jsonschema.validate(values, schema)


@pytest.mark.parametrize("name", SETTINGS_FILES)
def test_news_and_update_pop_ups_stay_off(name):
    notification = settings(name)["@jupyterlab/apputils-extension:notification"]
    assert notification == NEWS_OFF


def test_presenting_settings_keep_everything_the_everyday_settings_set():
    everyday, presenting = settings("overrides.json"), settings("presenting.json")
    for key, values in everyday.items():
        assert presenting[key] == values


def test_presenting_settings_make_every_font_larger_than_jupyterlabs_default():
    theme_key = "@jupyterlab/apputils-extension:themes"
    defaults = {"content-font-size1": 14, "ui-font-size1": 13, "code-font-size": 13}
    overrides = settings("presenting.json")[theme_key]["overrides"]
    for name, default_px in defaults.items():
        assert overrides[name].endswith("px")
        assert float(overrides[name].removesuffix("px")) > default_px, name


def test_rise_starts_a_show_at_the_first_slide():
    assert settings("presenting.json")["jupyterlab-rise:plugin"]["start_slideshow_at"] == (
        "beginning"
    )


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_each_notebooks_rise_settings_are_ones_rise_knows_and_agree_with_presenting(path):
    """RISE lays a notebook's ``rise`` metadata over the user's settings: same schema."""
    rise = nbformat.read(path, as_version=4).metadata["rise"]
    schema = plugin_schema("jupyterlab-rise:plugin")
    assert set(rise) <= set(schema["properties"])
    jsonschema.validate(rise, schema)
    presenting = settings("presenting.json")["jupyterlab-rise:plugin"]
    assert {k: v for k, v in rise.items() if k in presenting} == {
        k: v for k, v in presenting.items() if k in rise
    }


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_every_code_cell_opens_collapsed(path):
    # JupyterLab 4 has no global "collapse code" setting; it honours this per-cell flag.
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.metadata.get("jupyter", {}).get("source_hidden") is True, cell.get("id")


def test_the_clinician_guide_gives_the_warning_signs_in_the_series_own_words():
    from widgets.guidance import WARNING_SIGNS

    guide = " ".join((ROOT / "docs" / "clinician-guide.md").read_text().split())
    for sign in WARNING_SIGNS:
        assert sign.signs in guide, sign.id
        assert sign.what_to_do in guide, sign.id


def test_the_clinician_guide_plans_45_minutes_with_notebooks_that_exist():
    guide = (ROOT / "docs" / "clinician-guide.md").read_text()
    rows = re.findall(r"^\| (\d+)-(\d+) min \| (.+?) \|", guide, re.MULTILINE)
    assert rows and rows[0][0] == "0" and rows[-1][1] == "45"
    for earlier, later in pairwise(rows):
        assert earlier[1] == later[0]  # no gaps, no overlaps
    stems = {p.stem[:2] for p in NOTEBOOKS.glob("*.ipynb")}
    for _, _, what in rows:
        number = what.split()[0]
        assert not number.isdigit() or number in stems, what
