"""The composite stories: labelled as made up, each card is the engine's own answer, and the
stories between them show the guidance changing from person to person."""

from __future__ import annotations

import dataclasses
import itertools
import re
from html import escape

import pytest
import textstat

from widgets.guidance import LEVEL_LABELS, Level, Urgency, assess
from widgets.render.cards import read_cards
from widgets.render.stories import ILLUSTRATIVE_LABEL, STORIES, story

by_name = pytest.mark.parametrize("name", [s.name for s in STORIES], ids=str)


def test_there_are_three_or_four_stories_with_different_names():
    names = [s.name for s in STORIES]
    assert 3 <= len(names) <= 4
    assert len(set(names)) == len(names)


@by_name
def test_every_story_says_it_is_illustrative_and_not_a_real_person(name):
    html = story(name)._repr_html_()
    assert ILLUSTRATIVE_LABEL in html
    assert "not a real person" in ILLUSTRATIVE_LABEL
    # The label comes before the story text, so no one reads the story as a testimonial first.
    assert html.index(ILLUSTRATIVE_LABEL) < html.index(story(name).paragraphs[0][:30])


@by_name
def test_each_story_shows_exactly_the_card_the_engine_gives_its_profile(name):
    s = story(name)
    expected = assess(s.profile)
    cards = read_cards(s._repr_html_())
    assert len(cards) == 1
    card = cards[0]
    assert card.level == expected.level.value
    assert card.urgency == (expected.urgency.value if expected.urgency else "")
    assert card.label == LEVEL_LABELS[expected.level]
    assert card.headline == expected.headline
    assert list(card.actions) == expected.actions


@by_name
def test_each_story_asks_a_question_and_keeps_the_answer_folded_away(name):
    html = story(name)._repr_html_()
    question_at = html.index("Think about it:")
    details = re.search(r"<details><summary>Answer</summary>(.*?)</details>", html, re.DOTALL)
    assert details, "the answer should sit in a <details> block"
    assert question_at < details.start(), "the question stays visible, outside the fold"
    # The answer quotes the card's main reason, word for word from the engine.
    main_reason = assess(story(name).profile).reasons[0].text
    assert escape(main_reason) in details.group(1)


def test_the_stories_cover_green_amber_and_red_so_the_reader_sees_the_advice_change():
    levels = {assess(s.profile).level for s in STORIES}
    assert levels == {Level.GREEN, Level.AMBER, Level.RED}


def test_no_two_stories_get_the_same_guidance_for_the_same_reasons():
    for a, b in itertools.combinations(STORIES, 2):
        ga, gb = assess(a.profile), assess(b.profile)
        reasons_a = [r.rule_id for r in ga.reasons]
        reasons_b = [r.rule_id for r in gb.reasons]
        assert (ga.level, reasons_a) != (gb.level, reasons_b), (a.name, b.name)


def test_the_story_with_new_bladder_trouble_is_an_emergency():
    red = [s for s in STORIES if "bladder_bowel_changes" in s.profile.symptoms]
    assert red, "one story should show the emergency warning sign"
    for s in red:
        assert assess(s.profile).urgency is Urgency.EMERGENCY
        assert "emergency" in s.full_answer().lower()


def test_neck_stenosis_with_a_neck_massager_is_amber_with_the_neck_rule():
    neck = [s for s in STORIES if s.profile.region == "cervical" and "neck" in s.profile.areas]
    assert neck
    for s in neck:
        g = assess(s.profile)
        assert g.level is Level.AMBER
        assert "neck_with_neck_stenosis" in [r.rule_id for r in g.reasons]


def test_a_what_if_shows_the_level_the_engine_gives_the_changed_profile():
    with_what_if = [s for s in STORIES if s.what_if is not None]
    assert with_what_if
    for s in with_what_if:
        changed = s.what_if_guidance()
        assert changed is not None
        assert changed.level is not assess(s.profile).level, s.name
        assert LEVEL_LABELS[changed.level] in s.full_answer()


@by_name
def test_story_text_and_answer_are_plain_enough_to_read_at_grade_8(name):
    s = story(name)
    prose = " ".join([*s.paragraphs, s.question, s.answer])
    assert textstat.flesch_kincaid_grade(prose) <= 8.0


def test_looking_up_a_story_ignores_case_and_an_unknown_name_lists_the_known_ones():
    first = STORIES[0]
    assert story(first.name.upper()) is first
    with pytest.raises(KeyError, match=first.name):
        story("nobody")


def test_story_text_is_escaped_in_the_html():
    html = story(STORIES[0].name)._repr_html_()
    assert "<script" not in html
    assert all(escape(p) in html for p in STORIES[0].paragraphs)


def test_story_words_that_look_like_markup_are_printed_as_text():
    odd = dataclasses.replace(
        STORIES[0], name="<i>Ann</i> & Bo", question='Is "more" better?', paragraphs=("<b>Hi</b>",)
    )
    html = odd.html()
    assert "<i>" not in html and "<b>" not in html
    for words in (odd.name, odd.question, "<b>Hi</b>", odd.full_answer()):
        assert escape(words) in html, words
    assert html.count('<section class="series-story"') == 1 and html.endswith("</section>")
