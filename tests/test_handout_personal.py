"""The personalised one-page handout and its command line."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from html import escape

from test_widgets_cards import assert_card_says

from widgets import LAST_REVIEWED
from widgets import guidance as G
from widgets.render import handout as H
from widgets.render.handout import EDUCATION_LINE, main, render_handout

ROOT_ARGS = [sys.executable, "-m", "widgets.render.handout"]


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


def test_notes_keep_their_line_breaks_and_a_name_of_spaces_is_left_out():
    # The notes print as typed (the page keeps their line breaks); only the template's own
    # line breaks are taken out, never a reader's.
    notes = "Ask about\nthe gun.\n  And the heat."
    html = render_handout(G.starting_profile(), name="   ", notes=notes)
    assert '<p class="notes">Ask about\nthe gun.\n  And the heat.</p>' in html
    assert "Name:" not in html and "<title>My back massager plan</title>" in html
    assert html.startswith("<!DOCTYPE html>\n<html") and html.endswith("</body></html>\n")
    # Line breaks only after the doctype, at the end, in the stylesheet and in the notes.
    assert html.count("\n") == 2 + H._CSS.count("\n") + notes.count("\n")


def test_a_red_handout_leaves_out_the_routine_tier_and_the_questions():
    red = replace(G.starting_profile(), symptoms=frozenset({"saddle_numbness"}))
    html = render_handout(red, name="Ann")
    assert "Get help now: do not use the massager for Ann</title>" in html
    assert "What to do now" in html and "sms-warning-signs" in html
    assert "sms-routine-signs" not in html and "Questions to ask my clinician" not in html
    green = render_handout(G.starting_profile())
    assert "sms-routine-signs" in green and "Questions to ask my clinician" in green


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


# --- Never losing a file, and one line for every bad input (issue 10, items 4, 5 and 13) -----


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ROOT_ARGS, *args], capture_output=True, text=True, timeout=120)


def _one_line_exit_2(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and len(lines[0]) <= 500, lines
    return lines[0]


def test_an_existing_handout_is_never_replaced_without_force(tmp_path):
    profile = _profile_json(tmp_path / "p.json", severity="severe")
    out = tmp_path / "plan.html"
    out.write_text("the clinician's annotated copy", encoding="utf-8")
    line = _one_line_exit_2(_run("--profile", str(profile), "-o", str(out)))
    assert "--force" in line and str(out) in line
    assert out.read_text(encoding="utf-8") == "the clinician's annotated copy"
    assert _run("--profile", str(profile), "-o", str(out), "--force").returncode == 0
    assert_card_says(out.read_text(encoding="utf-8"),
                     G.assess(replace(G.starting_profile(), severity="severe")))  # fmt: skip


def test_a_folder_of_handouts_is_not_overwritten_either(tmp_path):
    a = _profile_json(tmp_path / "a.json", name="Ann")
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / "ann.html").write_text("keep", encoding="utf-8")
    _one_line_exit_2(_run("--profile", str(a), "-o", f"{outdir}/"))
    assert [p.name for p in outdir.iterdir()] == ["ann.html"]
    assert (outdir / "ann.html").read_text(encoding="utf-8") == "keep"


def test_the_command_never_writes_over_its_own_input_even_with_force(tmp_path):
    profile = _profile_json(tmp_path / "p.json")
    before = profile.read_bytes()
    for extra in ((), ("--force",)):
        line = _one_line_exit_2(_run("--profile", str(profile), "-o", str(profile), *extra))
        assert "profile file" in line
    sneaky = tmp_path / "sub" / ".." / "p.json"  # the same file by another name
    _one_line_exit_2(_run("--profile", str(profile), "-o", str(sneaky), "--force"))
    assert profile.read_bytes() == before


def test_a_device_or_a_link_is_never_replaced_even_with_force(tmp_path):
    profile = _profile_json(tmp_path / "p.json")
    link = tmp_path / "stdout-link"
    link.symlink_to("/dev/null")
    for target in ("/dev/stdout", "/dev/null", str(link)):
        line = _one_line_exit_2(_run("--profile", str(profile), "-o", target, "--force"))
        assert "not an ordinary file" in line
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert os.path.islink("/dev/stdout") or not os.path.isfile("/dev/stdout")


def test_a_duplicate_key_is_refused_so_a_red_flag_cannot_be_hidden(tmp_path):
    data = json.dumps(G.starting_profile().to_dict())[:-1]
    path = tmp_path / "dup.json"
    path.write_text(data + ', "symptoms": ["saddle_numbness"], "symptoms": ["leg_pain"]}')
    line = _one_line_exit_2(_run("--profile", str(path), "-o", str(tmp_path / "x.html")))
    assert "'symptoms' appears twice" in line and "dup.json" in line
    assert not (tmp_path / "x.html").exists()


def test_every_bad_input_is_one_short_line_and_exit_2(tmp_path):
    base = G.starting_profile().to_dict()
    huge = "x" * 10_000_000
    cases = {
        "digits.json": json.dumps({**base, "intensity": 0})[:-1].replace(
            '"intensity": 0', '"intensity": ' + "9" * 5000
        )
        + "}",
        "nested.json": "[" * 100_000 + "]" * 100_000,
        "huge-value.json": json.dumps({**base, "severity": huge[:1_500_000]}),
        "huge-key.json": json.dumps({**base, huge[:1_000_000]: 1}),
        "too-big.json": json.dumps([base] * 1) + " " * 2_100_000,
        "nan.json": json.dumps(base).replace('"intensity": 2', '"intensity": NaN'),
        "not-utf8.json": "",
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "not-utf8.json").write_bytes(b"\xff\xfe{")
    (tmp_path / "a-folder.json").mkdir()
    for name in [*cases, "a-folder.json"]:
        result = _run("--profile", str(tmp_path / name), "-o", str(tmp_path / "x.html"))
        line = _one_line_exit_2(result)
        assert name in line, line
        assert line.count("x") < 250, line  # the value is cut, never echoed whole
    assert not (tmp_path / "x.html").exists()
    for args in (["--date", huge[:100_000]], ["--no-such-option"], []):
        result = _run("--profile", str(_profile_json(tmp_path / "ok.json")), "-o",
                      str(tmp_path / "x.html"), *args) if args else _run()  # fmt: skip
        _one_line_exit_2(result)


def test_a_read_only_folder_or_a_full_disk_is_one_line_and_leaves_no_file(
    tmp_path, monkeypatch, capsys
):
    import widgets.render.handout as handout

    profile = _profile_json(tmp_path / "p.json")
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    if os.access(out, os.W_OK):  # root ignores the mode: refuse the write as the disk would

        def read_only(fd, data):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))

        monkeypatch.setattr(handout, "_write_bytes", read_only)
    assert main(["--profile", str(profile), "-o", str(out / "plan.html")]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("error: cannot write") and "\n" not in error
    out.chmod(0o755)
    assert list(out.iterdir()) == []

    def disk_fills_half_way(fd, data):
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(handout, "_write_bytes", disk_fills_half_way)
    assert main(["--profile", str(profile), "-o", str(out / "plan.html")]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert list(out.iterdir()) == []  # no cut-off page, no temp file
