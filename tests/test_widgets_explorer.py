"""The severity explorer and the compare view: every change re-renders the engine's card."""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as W
from hypothesis import given, settings
from strategies import profiles
from test_widgets_cards import assert_card_says

from widgets import guidance as G
from widgets.render.cards import read_cards
from widgets.ui.common import NO_AREA_MESSAGE
from widgets.ui.explorer import compare_severities, severity_explorer


def test_the_explorer_starts_at_the_starting_profile():
    explorer = severity_explorer()
    assert explorer.profile == G.starting_profile()
    assert_card_says(explorer.card.value, G.assess(G.starting_profile()))


def test_moving_severity_to_severe_shows_the_engines_card_for_severe():
    explorer = severity_explorer()
    explorer.controls.widgets["severity"].value = "severe"
    severe = replace(G.starting_profile(), severity="severe")
    assert explorer.profile == severe
    assert_card_says(explorer.card.value, G.assess(severe))
    assert read_cards(explorer.card.value)[0].level == "amber"


def test_the_severity_description_under_the_slider_follows_the_slider():
    explorer = severity_explorer()
    for key, text in G.SEVERITIES.items():
        explorer.controls.widgets["severity"].value = key
        assert text in explorer.controls.severity_text.value


def test_ticking_a_red_flag_symptom_turns_the_card_red():
    explorer = severity_explorer()
    explorer.controls.checkboxes["symptoms"]["saddle_numbness"].value = True
    expected = G.assess(explorer.profile)
    assert expected.level is G.Level.RED
    assert_card_says(explorer.card.value, expected)


@settings(max_examples=40, deadline=None)
@given(profiles)
def test_any_profile_set_through_the_controls_shows_its_card(profile):
    explorer = severity_explorer()
    explorer.controls.set_profile(profile)
    assert explorer.profile == profile
    assert_card_says(explorer.card.value, G.assess(profile))


def test_every_vocabulary_entry_has_a_control():
    controls = severity_explorer().controls
    assert set(controls.checkboxes["symptoms"]) == set(G.SYMPTOMS)
    assert set(controls.checkboxes["conditions"]) == set(G.CONDITIONS)
    assert set(controls.checkboxes["areas"]) == set(G.AREAS)
    assert [v for _label, v in controls.widgets["region"].options] == list(G.REGIONS)
    assert [v for _label, v in controls.widgets["device"].options] == list(G.DEVICES)
    assert [v for _label, v in controls.widgets["severity"].options] == list(G.SEVERITIES)
    assert (controls.widgets["intensity"].min, controls.widgets["intensity"].max) == (
        G.INTENSITY_RANGE
    )
    assert (controls.widgets["minutes"].min, controls.widgets["minutes"].max) == G.MINUTES_RANGE
    assert set(G.Profile.__dataclass_fields__) == set(controls.widgets) | set(controls.checkboxes)


def test_every_control_has_a_visible_plain_text_label_and_an_accessible_name():
    for control in severity_explorer().controls.all_controls():
        assert control.description.strip(), control
        assert control.description_allow_html is False
        assert control.tooltip == control.description
        if isinstance(control, (W.IntSlider, W.SelectionSlider)):
            assert control.style.description_width == "initial"


def test_unticking_every_area_asks_for_one_instead_of_failing():
    explorer = severity_explorer()
    explorer.controls.checkboxes["areas"]["lower_back"].value = False
    assert explorer.profile is None
    assert NO_AREA_MESSAGE in explorer.card.value
    assert NO_AREA_MESSAGE in explorer._repr_mimebundle_()["text/html"]
    explorer.controls.checkboxes["areas"]["buttocks"].value = True
    assert_card_says(explorer.card.value, G.assess(explorer.profile))


def test_the_explorer_carries_a_static_picture_of_its_current_state():
    explorer = severity_explorer()
    explorer.controls.widgets["severity"].value = "severe"
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    html = bundle["text/html"]
    assert_card_says(html, G.assess(explorer.profile))
    assert G.SEVERITIES["severe"] in html
    assert "<script" not in html and "src=" not in html


def test_the_compare_view_shows_the_engines_card_at_every_severity():
    view = compare_severities()
    view.controls.checkboxes["conditions"]["blood_thinners"].value = True
    view.controls.widgets["device"].value = "percussion"
    cards = read_cards(view.cards.value)
    assert len(cards) == len(G.SEVERITIES)
    for card, severity in zip(cards, G.SEVERITIES, strict=True):
        expected = G.assess(replace(view.profile, severity=severity))
        assert (card.label, card.headline, card.actions) == (
            expected.label,
            expected.headline,
            tuple(expected.actions),
        )
    assert "severity" not in view.controls.widgets
    assert len(read_cards(view._repr_mimebundle_()["text/html"])) == len(G.SEVERITIES)


def test_the_compare_views_printed_summary_leaves_out_severity_which_it_varies():
    from widgets.guidance import SEVERITIES
    from widgets.ui.explorer import compare_severities

    html = compare_severities().static_html()
    summary = html[: html.index("apart from how bad it is") + 600]
    assert "apart from how bad it is" in html
    assert not any(description in summary for description in SEVERITIES.values())
