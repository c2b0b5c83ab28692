"""The guidance card says exactly what the engine says, readably, and loads nothing."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from strategies import profiles

from widgets import guidance as G
from widgets.guidance import Guidance, Level, Reason, Urgency, assess
from widgets.render.cards import card_html, read_cards
from widgets.render.theme import LEVEL_COLOURS, LEVEL_ICONS, contrast, text_pairs


def assert_card_says(html: str, guidance: Guidance) -> None:
    [card] = read_cards(html)
    assert card.level == guidance.level.value
    assert card.label == guidance.label
    assert card.headline == guidance.headline
    assert card.actions == tuple(guidance.actions)
    assert card.reasons == tuple(reason.text for reason in guidance.reasons)


@settings(max_examples=150, deadline=None)
@given(profiles)
def test_every_card_shows_the_engines_level_headline_actions_and_reasons(profile):
    guidance = assess(profile)
    html = card_html(guidance)
    assert_card_says(html, guidance)
    assert LEVEL_ICONS[guidance.level] in html


def test_the_level_is_shown_as_words_an_icon_and_a_colour():
    for level in Level:
        guidance = Guidance(level=level, urgency=None, headline="h", actions=["a"], reasons=[])
        html = card_html(guidance)
        assert G.LEVEL_LABELS[level] in html
        assert f'aria-hidden="true">{LEVEL_ICONS[level]}</span>' in html
        assert LEVEL_COLOURS[level].background in html


def test_every_citation_key_of_every_reason_is_on_the_card():
    guidance = assess(
        G.Profile(**{**G.starting_profile().to_dict(), "symptoms": ["fever", "saddle_numbness"]})
    )
    html = card_html(guidance)
    for key in guidance.sources:
        assert f"[{key}]" in html


def test_an_emergency_card_carries_its_urgency():
    profile = G.Profile(**{**G.starting_profile().to_dict(), "symptoms": ["saddle_numbness"]})
    [card] = read_cards(card_html(assess(profile)))
    assert (card.level, card.urgency) == ("red", Urgency.EMERGENCY.value)


def test_card_text_is_escaped():
    guidance = Guidance(
        level=Level.AMBER,
        urgency=None,
        headline="<script>alert(1)</script>",
        actions=["<b>x</b>"],
        reasons=[Reason("r", "<img src=x>", ("k",))],
    )
    html = card_html(guidance, title="<i>t</i>")
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert read_cards(html)[0].headline == "<script>alert(1)</script>"


def test_quotes_in_card_text_are_escaped_as_the_standard_library_escapes_them():
    # The card's template escapes as html.escape does, so cards keep the bytes they had
    # (saved handouts compare them) and an attribute value can never end early.
    guidance = Guidance(
        level=Level.GREEN,
        urgency=None,
        headline='Don\'t "press" hard & slow',
        actions=["a"],
        reasons=[Reason('r" onmouseover="x', "It's fine.", ("k'1",))],
    )
    html = card_html(guidance, title="Fred's card")
    assert "Don&#x27;t &quot;press&quot; hard &amp; slow" in html
    assert "Fred&#x27;s card" in html and "It&#x27;s fine." in html and "[k&#x27;1]" in html
    assert 'data-rule="r&quot; onmouseover=&quot;x"' in html
    assert "&#39;" not in html and "&#34;" not in html


def test_a_card_is_one_line_of_html_whatever_its_template_looks_like():
    # The template is written over many lines for its readers; no stray text node between
    # the card's tags reaches a notebook output or a handout.
    for profile in (G.starting_profile(), replace(G.starting_profile(), heat=True)):
        html = card_html(assess(profile), title="Example")
        assert "\n" not in html and ">  <" not in html and "> <p" not in html


def test_a_card_is_self_contained_and_has_no_headings():
    html = card_html(assess(G.starting_profile()), title="Title")
    assert "<script" not in html
    assert not re.search(r"\b(src|href)=", html)
    assert "url(" not in html
    assert not re.search(r"<h[1-6]\b", html)


def test_body_text_is_large_for_projection_and_the_headline_larger():
    html = card_html(assess(G.starting_profile()))
    assert "font-size:1.1em" in html
    assert "font-size:1.3em" in html


def test_every_text_colour_has_at_least_4_5_to_1_contrast():
    for what, text, background in text_pairs():
        assert contrast(text, background) >= 4.5, what


def test_contrast_is_computed_the_wcag_way():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48
