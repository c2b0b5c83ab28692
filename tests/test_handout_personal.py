"""The personalised one-page handout and its command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from html import escape

from test_widgets_cards import assert_card_says

from widgets import LAST_REVIEWED
from widgets import guidance as G
from widgets.handout import EDUCATION_LINE, main, render_handout

ROOT_ARGS = [sys.executable, "-m", "widgets.handout"]


def _profile_json(path, **changes):
    data = {**G.starting_profile().to_dict(), **changes}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_handout_holds_the_engines_card_warning_signs_questions_and_the_disclaimer():
    profile = replace(G.starting_profile(), conditions=frozenset({"blood_thinners"}))
    html = render_handout(profile, name="Ann", notes="Ask about walking.")
    assert_card_says(html, G.assess(profile))
    for sign in G.WARNING_SIGNS:
        assert escape(sign.what_to_do) in html
    assert "Questions to ask my clinician" in html
    assert escape(G.CONDITIONS["blood_thinners"]) in html  # a question about their condition
    assert html.count(EDUCATION_LINE) >= 1
    assert "Ann" in html and "Ask about walking." in html
    assert '<html lang="en">' in html and html.count("<h1>") == 1


def test_the_handout_is_offline_printable_and_large_enough_to_read():
    html = render_handout(G.starting_profile())
    assert "<script" not in html
    assert not re.search(r"<(img|link|iframe)\b", html)
    assert "url(" not in html
    assert "@media print" in html and "font-size: 12pt" in html


def test_the_handout_is_deterministic_and_dated_only_as_told():
    profile = G.starting_profile()
    assert render_handout(profile) == render_handout(profile)
    assert f"Date: {LAST_REVIEWED}" in render_handout(profile)
    assert "Date: 2027-01-05" in render_handout(profile, date="2027-01-05")


def test_free_text_is_escaped():
    html = render_handout(G.starting_profile(), name="<script>x()</script>", notes="<b>hi</b>")
    assert "<script" not in html and "<b>hi" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html


def test_cli_writes_one_handout(tmp_path):
    profile = _profile_json(tmp_path / "p.json", severity="severe", name="Bo")
    out = tmp_path / "my-handout.html"
    result = subprocess.run(
        [*ROOT_ARGS, "--profile", str(profile), "-o", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert_card_says(html, G.assess(replace(G.starting_profile(), severity="severe")))
    assert "Bo" in html


def test_cli_writes_one_page_per_profile_for_several_files_and_lists(tmp_path):
    a = _profile_json(tmp_path / "a.json", name="Ann")
    b = _profile_json(tmp_path / "b.json", symptoms=["fever"])
    people = [
        {**G.starting_profile().to_dict(), "name": "Cy"},
        {**G.starting_profile().to_dict(), "name": "Cy", "severity": "moderate"},
    ]
    c = tmp_path / "c.json"
    c.write_text(json.dumps(people), encoding="utf-8")
    outdir = tmp_path / "out"
    code = main(["--profile", str(a), "--profile", str(b), "--profile", str(c),
                 "-o", f"{outdir}/"])  # fmt: skip
    assert code == 0
    assert sorted(p.name for p in outdir.iterdir()) == ["ann.html", "b.html", "cy-2.html",
                                                        "cy.html"]  # fmt: skip
    fever = replace(G.starting_profile(), symptoms=frozenset({"fever"}))
    assert_card_says((outdir / "b.html").read_text(encoding="utf-8"), G.assess(fever))
    assert not [p for p in outdir.iterdir() if p.suffix == ".tmp"]


def test_cli_bad_profile_names_the_field_exits_2_and_leaves_no_output(tmp_path, capsys):
    good = _profile_json(tmp_path / "good.json")
    bad = _profile_json(tmp_path / "bad.json", severity="terrible")
    outdir = tmp_path / "out"
    assert main(["--profile", str(good), "--profile", str(bad), "-o", f"{outdir}/"]) == 2
    error = capsys.readouterr().err
    assert "bad.json" in error and "severity" in error and "terrible" in error
    assert not outdir.exists() or not any(outdir.iterdir())


def test_cli_names_a_missing_or_unknown_field(tmp_path, capsys):
    data = G.starting_profile().to_dict()
    del data["areas"]
    missing = tmp_path / "missing.json"
    missing.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "x.html"
    assert main(["--profile", str(missing), "-o", str(out)]) == 2
    assert "'areas'" in capsys.readouterr().err
    unknown = _profile_json(tmp_path / "unknown.json", colour="blue")
    assert main(["--profile", str(unknown), "-o", str(out)]) == 2
    assert "'colour'" in capsys.readouterr().err
    assert not out.exists()


def test_cli_reports_broken_json_and_exits_2(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = subprocess.run(
        [*ROOT_ARGS, "--profile", str(broken), "-o", str(tmp_path / "x.html")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 2
    assert "broken.json" in result.stderr and "not valid JSON" in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_cli_output_is_byte_identical_on_a_second_run(tmp_path):
    profile = _profile_json(tmp_path / "p.json", notes="same")
    main(["--profile", str(profile), "-o", str(tmp_path / "1.html")])
    main(["--profile", str(profile), "-o", str(tmp_path / "2.html")])
    assert (tmp_path / "1.html").read_bytes() == (tmp_path / "2.html").read_bytes()
