"""Cards drawn for answers the reader did not give say they are examples, until the reader
changes something (issue 11: a default card must never read as a verdict on the reader)."""

from __future__ import annotations

import re
from dataclasses import replace

from widgets import guidance as G
from widgets.render.cards import EXAMPLE_PREFIX, example_title
from widgets.render.panels import guidance_for
from widgets.ui.explorer import compare_severities, severity_explorer
from widgets.ui.myplan import my_plan
from widgets.ui.planner import session_planner

STARTING_TITLE = "Example: a person with mild low-back narrowing and no other problems"


def card_titles(html: str) -> list[str]:
    return re.findall(r'class="sms-card-title"[^>]*>([^<]*)<', html)


def test_the_starting_profile_is_described_as_an_example_in_plain_words():
    assert example_title() == STARTING_TITLE
    severe = replace(G.starting_profile(), severity="severe")
    assert example_title(severe).startswith("Example: a person with severe low-back")


def test_a_static_card_for_example_answers_is_titled_as_an_example_on_screen_and_paper():
    panel = guidance_for()
    assert card_titles(panel.html) == [STARTING_TITLE]
    assert card_titles(guidance_for(severity="severe").html)[0].startswith(EXAMPLE_PREFIX)


def test_the_explorer_card_is_an_example_until_the_reader_changes_an_answer():
    explorer = severity_explorer()
    assert card_titles(explorer.card.value) == [STARTING_TITLE]
    assert card_titles(explorer.static_html()) == [STARTING_TITLE]
    explorer.controls.widgets["severity"].value = "moderate"
    assert card_titles(explorer.card.value) == []  # now it is the reader's own card
    explorer.controls.widgets["severity"].value = "mild"
    assert card_titles(explorer.card.value) == [STARTING_TITLE]


def test_the_planner_and_my_plan_cards_are_examples_until_changed():
    planner = session_planner()
    assert card_titles(planner.card.value) == [STARTING_TITLE]
    planner.controls.widgets["intensity"].value = 1
    assert card_titles(planner.card.value) == []
    plan = my_plan()
    assert card_titles(plan.static_html()) == [STARTING_TITLE]
    plan.explorer.controls.widgets["severity"].value = "severe"
    assert card_titles(plan.static_html()) == []


def test_the_compare_view_for_the_starting_answers_labels_every_card_an_example():
    titles = card_titles(compare_severities().static_html())
    assert len(titles) == 3 and all(t.startswith("Example") for t in titles), titles
