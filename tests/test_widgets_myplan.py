"""My plan: saves a one-page handout into a visible folder, escaped, never overwriting."""

from __future__ import annotations

from dataclasses import replace

from test_widgets_cards import assert_card_says

from widgets import guidance as G
from widgets.myplan import my_plan

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
