"""The red-flag checklist: any tick switches to an unmistakable get-help-now panel."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from widgets import guidance as G
from widgets.render.theme import LEVEL_ICONS
from widgets.ui.redflags import NOTHING_TICKED, red_flag_checklist, red_flags


def test_the_checklist_has_every_symptom_a_red_rule_can_fire_on():
    ids = {flag.id for flag in red_flags()}
    for symptom in G.SYMPTOMS:
        can_be_red = any(
            G.assess(replace(G.starting_profile(), region=r, symptoms=frozenset({symptom}))).level
            is G.Level.RED
            for r in G.REGIONS
        )
        assert (symptom in ids) is can_be_red, symptom


def test_every_warning_sign_is_on_the_checklist():
    covered = {sign.id for flag in red_flags() for sign in flag.signs}
    assert covered == {sign.id for sign in G.WARNING_SIGNS}


def test_nothing_ticked_shows_no_help_panel():
    checklist = red_flag_checklist()
    assert NOTHING_TICKED in checklist.panel.value
    assert "sms-help-panel" not in checklist.panel.value


def test_ticking_an_urgent_red_flag_shows_the_urgent_help_panel():
    checklist = red_flag_checklist()
    checklist.boxes["fever"].value = True
    html = checklist.panel.value
    assert 'class="sms-help-panel"' in html and 'data-urgency="urgent"' in html
    assert escape(G.HEADLINES[(G.Level.RED, G.Urgency.URGENT, "")]) in html
    sign = next(s for s in G.WARNING_SIGNS if s.id == "possible_infection")
    assert escape(sign.what_to_do) in html
    assert escape(sign.what_to_say) in html and "What to say" in html
    assert LEVEL_ICONS[G.Level.RED] in html and "Urgent" in html


def test_an_emergency_sign_outranks_an_urgent_one_and_comes_first():
    checklist = red_flag_checklist()
    checklist.boxes["fever"].value = True
    checklist.boxes["saddle_numbness"].value = True
    html = checklist.panel.value
    assert 'data-urgency="emergency"' in html
    assert escape(G.HEADLINES[(G.Level.RED, G.Urgency.EMERGENCY, "")]) in html
    emergency = next(s for s in G.WARNING_SIGNS if s.id == "cauda_equina").what_to_do
    urgent = next(s for s in G.WARNING_SIGNS if s.id == "possible_infection").what_to_do
    assert html.index(escape(emergency)) < html.index(escape(urgent))


def test_signs_after_using_a_massager_are_boxes_too():
    checklist = red_flag_checklist()
    checklist.boxes["after_use_stroke_signs"].value = True
    assert 'data-urgency="emergency"' in checklist.panel.value


def test_unticking_everything_goes_back_to_the_calm_message():
    checklist = red_flag_checklist()
    checklist.boxes["night_pain"].value = True
    checklist.boxes["night_pain"].value = False
    assert NOTHING_TICKED in checklist.panel.value


def test_the_static_picture_pairs_each_sign_with_what_to_do_and_shows_the_panel_when_ticked():
    checklist = red_flag_checklist()
    html = checklist._repr_mimebundle_()["text/html"]
    for sign in G.WARNING_SIGNS:
        assert escape(sign.what_to_do) in html
    checklist.boxes["worsening_weakness"].value = True
    assert "sms-help-panel" in checklist._repr_mimebundle_()["text/html"]


def test_every_box_has_a_plain_text_label_and_accessible_name():
    for box in red_flag_checklist().boxes.values():
        assert box.description and box.tooltip == box.description
        assert box.description_allow_html is False


def test_the_checklist_lists_emergencies_first_each_with_its_tier_word():
    flags = red_flags()
    tiers = [flag.urgency for flag in flags]
    assert tiers == sorted(tiers, key=lambda u: u is not G.Urgency.EMERGENCY)
    for flag in flags:
        assert flag.label.startswith(G.URGENCY_WORDS[flag.urgency] + ": ")


def test_hands_and_balance_are_urgent_on_the_checklist_as_on_the_card():
    flags = {flag.id: flag for flag in red_flags()}
    for symptom in ("hand_clumsiness", "balance_problems", "swollen_calf", "major_injury"):
        card = G.assess(replace(G.starting_profile(), symptoms=frozenset({symptom})))
        assert flags[symptom].urgency is card.urgency is G.Urgency.URGENT


def _split_checklist() -> list:
    """The checklist as notebook 04 draws it for live slides: emergency in 2 parts, urgent in 3."""
    return [
        *(red_flag_checklist("emergency", (n, 2)) for n in (1, 2)),
        *(red_flag_checklist("urgent", (n, 3)) for n in (1, 2, 3)),
    ]


def _part_with(parts: list, flag_id: str):
    return next(part for part in parts if flag_id in part.boxes)


def test_a_split_checklist_has_every_sign_once_in_order():
    parts = _split_checklist()
    assert [f.id for part in parts for f in part.flags] == [f.id for f in red_flags()]


def test_an_emergency_ticked_in_one_part_comes_first_in_every_parts_panel():
    """HZ26: no part of a split checklist shows a less urgent step than a sign ticked elsewhere."""
    parts = _split_checklist()
    _part_with(parts, "fever").boxes["fever"].value = True
    _part_with(parts, "saddle_numbness").boxes["saddle_numbness"].value = True
    emergency = next(s for s in G.WARNING_SIGNS if s.id == "cauda_equina").what_to_do
    urgent = next(s for s in G.WARNING_SIGNS if s.id == "possible_infection").what_to_do
    for part in parts:
        html = part.panel.value
        assert 'data-urgency="emergency"' in html
        assert html.index(escape(emergency)) < html.index(escape(urgent))
        assert escape(emergency) in part.static_html()  # on paper too


def test_unticking_in_one_part_updates_the_panels_of_all_parts():
    parts = _split_checklist()
    box = _part_with(parts, "saddle_numbness").boxes["saddle_numbness"]
    box.value = True
    box.value = False
    assert all(NOTHING_TICKED in part.panel.value for part in parts)


def test_running_the_notebook_again_starts_a_new_checklist_that_old_ticks_do_not_reach():
    old = _split_checklist()
    _part_with(old, "saddle_numbness").boxes["saddle_numbness"].value = True
    new = _split_checklist()
    assert all(NOTHING_TICKED in part.panel.value for part in new)
    assert all('data-urgency="emergency"' in part.panel.value for part in old)
