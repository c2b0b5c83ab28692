"""The session planner: the engine's card for a use, and the nearest green use."""

from __future__ import annotations

from dataclasses import replace

from test_widgets_cards import assert_card_says

from widgets import guidance as G
from widgets.ui.planner import PLANNER_FIELDS, session_planner


def test_the_planner_starts_green_and_says_so():
    planner = session_planner()
    assert_card_says(planner.card.value, G.assess(G.starting_profile()))
    assert 'data-found="same"' in planner.nearest.value


def test_a_long_hard_session_shows_amber_and_the_nearest_green_setting():
    planner = session_planner()
    planner.controls.widgets["intensity"].value = 5
    planner.controls.widgets["minutes"].value = 40
    planner.controls.widgets["sessions_per_day"].value = 5
    profile = replace(G.starting_profile(), intensity=5, minutes=40, sessions_per_day=5)
    assert planner.profile == profile
    assert_card_says(planner.card.value, G.assess(profile))
    nearest = G.nearest_green_use(profile)
    assert nearest is not None
    html = planner.nearest.value
    assert f'data-intensity="{nearest.intensity}"' in html
    assert f'data-minutes="{nearest.minutes}"' in html
    assert f'data-sessions="{nearest.sessions_per_day}"' in html


def test_when_no_change_of_use_is_enough_the_planner_says_so():
    start = replace(G.starting_profile(), conditions=frozenset({"pacemaker"}))
    planner = session_planner(start)
    assert G.nearest_green_use(start) is None
    assert 'data-found="false"' in planner.nearest.value
    assert_card_says(planner.card.value, G.assess(start))


def test_device_and_heat_change_the_card():
    start = replace(G.starting_profile(), conditions=frozenset({"neuropathy"}))
    planner = session_planner(start)
    planner.controls.widgets["heat"].value = True
    planner.controls.widgets["device"].value = "percussion"
    expected = G.assess(replace(start, heat=True, device="percussion"))
    assert expected.level is G.Level.AMBER
    assert_card_says(planner.card.value, expected)


def test_the_planner_has_exactly_its_controls_and_a_static_picture():
    planner = session_planner()
    assert set(planner.controls.widgets) == set(PLANNER_FIELDS)
    planner.controls.widgets["minutes"].value = 30
    html = planner._repr_mimebundle_()["text/html"]
    assert_card_says(html, G.assess(replace(G.starting_profile(), minutes=30)))
    assert "sms-nearest" in html and "30 minutes" in html


def test_the_planner_never_calls_strength_4_fine_and_says_to_start_at_1_or_2_for_5_minutes():
    planner = session_planner()
    planner.controls.widgets["intensity"].value = 5
    planner.controls.widgets["minutes"].value = 15
    planner.controls.widgets["sessions_per_day"].value = 3
    html = planner.nearest.value
    assert 'data-intensity="3"' in html
    assert "strength 1 or 2" in html and "about 5 minutes" in html
    assert planner.guidance.level is G.Level.AMBER


def test_on_blood_thinners_the_planner_ceiling_is_below_their_caution():
    start = replace(G.starting_profile(), conditions=frozenset({"blood_thinners"}), intensity=5)
    planner = session_planner(start)
    assert 'data-intensity="2"' in planner.nearest.value
    assert "no more than strength 2 " in planner.nearest.value
