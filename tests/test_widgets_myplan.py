"""My plan: saves a one-page handout into a visible folder, escaped, never overwriting."""

from __future__ import annotations

import base64
import errno
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from test_widgets_cards import assert_card_says

from widgets import guidance as G
from widgets.ui.myplan import DOWNLOAD_LABEL, MODE_ENV, default_folder, my_plan, where_this_runs

PAYLOAD = "<script>alert('x')</script>"


def test_save_my_plan_writes_the_handout_for_the_explorers_profile(tmp_path):
    plan = my_plan(folder=tmp_path / "my-handouts")
    plan.explorer.controls.widgets["severity"].value = "severe"
    plan.save.click()
    [path] = plan.saved
    assert path.parent == tmp_path / "my-handouts"
    assert path.suffix == ".html"
    html = path.read_text(encoding="utf-8")
    assert_card_says(html, G.assess(replace(G.starting_profile(), severity="severe")))
    assert path.name in plan.status.value


def test_the_default_folder_is_my_handouts_under_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan = my_plan()
    plan.save.click()
    assert plan.saved[0].parent == tmp_path / "my-handouts"


def test_a_script_in_the_name_or_notes_comes_out_inert(tmp_path):
    plan = my_plan(folder=tmp_path)
    plan.name.value = PAYLOAD
    plan.notes.value = PAYLOAD + "\nsecond line"
    path = plan.save_plan()
    html = path.read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<script" not in plan.status.value
    assert "<script" not in plan._repr_mimebundle_()["text/html"]


def test_an_existing_file_is_never_overwritten(tmp_path):
    plan = my_plan(folder=tmp_path)
    plan.name.value = "Ann"
    first = plan.save_plan()
    first.write_text("my own edits", encoding="utf-8")
    second = plan.save_plan()
    third = plan.save_plan()
    assert first.read_text(encoding="utf-8") == "my own edits"
    assert len({first, second, third}) == 3
    assert second.name == first.name.replace(".html", "-2.html")
    assert third.name == first.name.replace(".html", "-3.html")


def test_my_plan_can_start_from_a_given_profile(tmp_path):
    start = replace(G.starting_profile(), conditions=frozenset({"pregnancy"}))
    plan = my_plan(start, folder=tmp_path)
    assert plan.profile == start
    html = plan._repr_mimebundle_()["text/html"]
    assert_card_says(html, G.assess(start))


def test_with_no_area_ticked_nothing_is_saved(tmp_path):
    plan = my_plan(folder=tmp_path)
    plan.explorer.controls.checkboxes["areas"]["lower_back"].value = False
    assert plan.save_plan() is None
    assert not any(tmp_path.iterdir())


def test_every_my_plan_control_is_labelled():
    plan = my_plan()
    for control in (plan.name, plan.notes):
        assert control.description and control.tooltip == control.description
        assert control.description_allow_html is False
    assert plan.save.description == "Save my plan"


# --- Where the plan goes: the reader's own device, never a server's disk (issue 10) ----------

SERVER_PREFIXES = ("VOILA_", "JUPYTERHUB_", "BINDER_")


@pytest.fixture(autouse=True)
def on_a_laptop(monkeypatch):
    """Every test starts as on a reader's own computer, whatever runs the test suite."""
    for key in list(os.environ):
        if key.startswith(SERVER_PREFIXES) or key in ("SERVER_SOFTWARE", MODE_ENV):
            monkeypatch.delenv(key)


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("env", "on_server", "place"),
    [
        ({}, False, "your own computer (JupyterLab)"),
        ({"VOILA_BASE_URL": "/", "VOILA_PREHEAT": "False"}, True, "the app view"),
        ({"SERVER_SOFTWARE": "voila/0.5.13"}, True, "the app view"),
        ({"JUPYTERHUB_USER": "ann", "JUPYTERHUB_API_TOKEN": "t"}, True, "JupyterHub"),
        ({"JUPYTERHUB_USER": "x", "BINDER_LAUNCH_HOST": "https://mybinder.org/"}, True, "Binder"),
        ({MODE_ENV: "server"}, True, "a server"),
        ({MODE_ENV: "laptop", "JUPYTERHUB_USER": "ann"}, False, "your own computer"),
    ],
)
def test_the_plan_knows_whether_it_runs_on_a_laptop_or_a_server(env, on_server, place):
    where = where_this_runs(env)
    assert where.on_server is on_server
    assert place in where.place and place in where.privacy


def test_on_a_server_save_my_plan_offers_a_download_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    plan = my_plan()
    plan.name.value = "Ann Example"
    plan.notes.value = "Ask about my neck"
    plan.explorer.controls.widgets["severity"].value = "severe"
    assert plan.save_plan() is None
    assert _files_under(tmp_path) == [] and plan.saved == []
    link = re.search(r'download="([^"]+)" href="data:text/html;charset=utf-8;base64,([^"]+)"',
                     plan.download.value)  # fmt: skip
    assert link, plan.download.value
    assert "ann" not in link.group(1).lower()  # no name in a file name
    page = base64.b64decode(link.group(2)).decode("utf-8")
    assert "Ann Example" in page and "Ask about my neck" in page
    assert_card_says(page, G.assess(replace(G.starting_profile(), severity="severe")))
    assert DOWNLOAD_LABEL in plan.download.value
    assert "Nothing was saved on the server" in plan.status.value


def test_the_privacy_sentence_shown_is_true_for_the_mode_it_runs_in(tmp_path, monkeypatch):
    laptop = my_plan(folder=tmp_path)
    assert "Your answers stay on this computer" in laptop.privacy.value
    assert "your own computer (JupyterLab)" in laptop.privacy.value
    assert laptop.privacy in laptop.children
    monkeypatch.setenv("JUPYTERHUB_USER", "ann")
    server = my_plan(folder=tmp_path)
    assert "stay on this computer" not in server.privacy.value
    assert "not saved on the server" in server.privacy.value
    assert "JupyterHub" in server.privacy.value


def test_a_failed_save_tells_the_patient_and_leaves_no_cut_off_file(tmp_path, monkeypatch):
    import widgets.render.handout as handout

    def disk_fills_half_way(fd, data):
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(handout, "_write_bytes", disk_fills_half_way)
    plan = my_plan(folder=tmp_path / "my-handouts")
    plan.save.click()
    assert plan.saved == []
    assert "could not be saved" in plan.status.value
    assert "No space left on device" in plan.status.value
    assert "Press Save my plan" not in plan.status.value  # the hint does not stay on screen
    assert _files_under(tmp_path) == []


def test_a_folder_that_cannot_be_made_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    plan = my_plan(folder=blocker / "my-handouts")
    assert plan.save_plan() is None
    assert "could not be saved" in plan.status.value
    assert blocker.read_text() == "x"


def test_on_a_laptop_plans_never_land_in_a_build_folder_that_builds_replace(tmp_path):
    assert default_folder(tmp_path / "notebooks") == tmp_path / "notebooks" / "my-handouts"
    assert default_folder(tmp_path / "build" / "app") == Path.home() / "my-handouts"


def test_notebook_10_makes_no_privacy_promise_the_widget_cannot_keep():
    import nbformat

    path = Path(__file__).resolve().parents[1] / "notebooks" / "10_conclusion_and_your_plan.ipynb"
    text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells
                     if c.cell_type == "markdown")  # fmt: skip
    # True on a laptop, false on a server: the widget's own line says which applies.
    assert "stay on your computer" not in text
    assert "says where you are using the series" in text
