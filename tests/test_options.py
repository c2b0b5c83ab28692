"""The options table and the evidence chart: balanced, sourced, one denominator, and drawn from
the same content records (widgets.content.options, .findings), so a number or a "how sure" word
is written once."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from html import escape

import pytest

from widgets.content import options as C
from widgets.content.findings import FINDINGS
from widgets.content.references import REFERENCES
from widgets.render import figures_care as F
from widgets.render import options as O

SVG = "{http://www.w3.org/2000/svg}"


def words_in(svg: str) -> str:
    return " ".join("".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text"))


def test_the_table_offers_every_option_a_patient_weighs_including_carrying_on_as_now():
    names = [o.name for o in C.OPTIONS]
    assert names[0] == "Carry on as now"
    for wanted in ("massager", "Exercise", "Heat", "Medicines", "injections", "Surgery"):
        assert any(wanted.lower() in n.lower() for n in names), wanted


@pytest.mark.parametrize("option", C.OPTIONS, ids=lambda o: o.name)
def test_every_option_shows_gains_certainty_and_harms_with_real_sources(option):
    # IPDAS balance: the same columns, filled, for every option.
    assert option.may_do and option.risks_and_burdens and option.what_it_is
    assert option.certainty in C.Certainty
    assert option.sources and all(k in REFERENCES for k in option.sources)
    for f in option.numbers:
        assert f.sources and all(k in REFERENCES for k in f.sources)


def test_every_number_in_the_table_is_out_of_the_same_100_people():
    html = O.options_table().html()
    counts = re.findall(r"About [\d ]+(?:to [\d]+ )?in (\d+)", html)
    assert counts and set(counts) == {str(C.DENOMINATOR)}
    assert not re.search(r"\b\d+ in (?!100\b)\d+\b", html)
    assert not re.search(r"\b(half|a third|one in three)\b", html, re.IGNORECASE)


def test_a_frequency_outside_the_denominator_is_refused():
    with pytest.raises(ValueError):
        C.Frequency(60, 120, "too many", ("katz2022",))


def test_the_natural_history_numbers_are_katz_2022s_thirds_half_and_one_or_two_in_ten():
    better, same, worse = C.NATURAL_HISTORY
    assert (better.low, same.low, worse.low, worse.high) == (33, 50, 10, 20)
    assert all(f.sources == ("katz2022",) for f in C.NATURAL_HISTORY)


def test_each_table_row_says_how_sure_in_grade_words():
    html = O.options_table().html()
    for option in C.OPTIONS:
        assert C.CERTAINTY_MEANING[option.certainty] in html


def test_the_chart_reads_its_rows_from_the_same_records_as_the_table():
    assert F.FINDINGS is FINDINGS
    assert all(f.certainty in C.Certainty for f in FINDINGS)


def test_every_chart_row_says_how_sure_the_main_risks_and_short_term_in_words():
    words = words_in(F.evidence_chart().svg())
    for finding in FINDINGS:
        assert finding.certainty.value.capitalize() in words
        assert finding.risks in words
        assert all(k in REFERENCES for k in finding.sources)
    helped_short = [f for f in FINDINGS if f.short_term and f.strength > 0]
    assert words.count("(short term)") == len(helped_short) >= 2


def test_a_never_tested_treatment_gets_no_bar_so_it_cannot_read_as_helps():
    svg = F.evidence_chart().svg()
    bars = re.findall(r'<rect x="390" y="(\d+)" width="(\d+)" height="22" fill="#c9dcef"', svg)
    untested = [i for i, f in enumerate(FINDINGS) if f.strength < 0]
    assert untested and len(bars) == len(FINDINGS) - len(untested)
    assert "no trials" in words_in(svg)
    massage = FINDINGS[untested[0]]
    assert massage.certainty is C.Certainty.VERY_LOW and "Not tested" in massage.verdict


def test_the_chart_alt_text_calls_numbing_medicine_what_it_is():
    alt = F.evidence_chart().alt.lower()
    assert "dummy" not in alt and "numbing medicine" in alt


def test_traction_is_marked_as_low_back_pain_evidence_not_stenosis():
    traction = next(f for f in FINDINGS if "Traction" in f.option)
    assert "back pain" in traction.finding + traction.based_on


@pytest.mark.parametrize("make", [O.natural_history_icons, O.physio_then_surgery_icons])
def test_icon_arrays_show_100_people_with_each_group_named_in_words(make):
    figure = make()
    root = ET.fromstring(figure.svg())
    people = [r for r in root.iter(f"{SVG}rect") if r.get("rx") == "11"]
    groups = re.findall(r"(\d+) in 100 ", words_in(figure.svg()))
    assert len(people) == 100 + len(groups)  # 100 people plus one key swatch per group
    assert sum(int(g) for g in groups) == 100
    assert len(figure.alt.split()) >= 12


def test_an_icon_array_that_is_not_100_people_is_refused():
    with pytest.raises(ValueError, match="exactly 100"):
        O.icon_array(((40, "a"), (40, "b")), figure_id="x", alt="x", caption="x")


def test_option_words_are_printed_as_text_even_when_they_look_like_markup():
    odd = dataclasses.replace(
        C.OPTIONS[0], name='<b>Rest & "wait"</b>', risks_and_burdens="It's <i>slow</i>."
    )
    html = O.OptionsTable(options=(odd,)).html()
    assert "<b>" not in html and "<i>" not in html
    assert escape(odd.name) in html and escape(odd.risks_and_burdens) in html
    assert html.count("<tr>") == 2  # the heading row and the one option


def test_icon_array_labels_are_text_and_each_group_has_its_own_symbol():
    figure = O.icon_array(
        ((30, '<b>better</b> & "well"'), (50, "same"), (20, "worse")),
        figure_id="odd",
        alt="A grid.",
        caption="A grid.",
    )
    words = words_in(figure.svg())  # parses: the label did not break the SVG
    assert '30 in 100 <b>better</b> & "well"' in words
    marks = [t.text for t in ET.fromstring(figure.svg()).iter(f"{SVG}text")]
    assert (marks.count("▲"), marks.count("●"), marks.count("▼")) == (31, 51, 21)
