"""Static panels render engine and registry data, and nothing else."""

from __future__ import annotations

import re
from dataclasses import replace
from html import escape

import pytest
from test_widgets_cards import assert_card_says

from widgets import guidance as G
from widgets.content.references import REFERENCES, Reference
from widgets.render import panels
from widgets.render.theme import style


def _all_panels():
    return [
        panels.help_now(),
        panels.sources("katz2022", "nice_ng59"),
        panels.precautions(),
        panels.placements(),
        panels.severity_scale(),
        panels.guidance_for(),
    ]


def test_help_now_lists_every_warning_sign_with_what_to_do_emergency_first():
    html = panels.help_now()._repr_html_()
    positions = []
    for sign in G.WARNING_SIGNS:
        assert escape(sign.signs) in html
        assert escape(sign.what_to_do) in html
        positions.append((sign.urgency, html.index(escape(sign.signs))))
    last_emergency = max(p for u, p in positions if u is G.Urgency.EMERGENCY)
    first_urgent = min(p for u, p in positions if u is G.Urgency.URGENT)
    assert last_emergency < first_urgent
    assert "Emergency" in html and "Urgent" in html  # a word, not colour alone


def test_sources_gives_full_citations_in_the_order_asked():
    html = panels.sources("nice_ng59", "katz2022")._repr_html_()
    assert html.index("[nice_ng59]") < html.index("[katz2022]")
    assert escape(REFERENCES["katz2022"].title) in html


def test_sources_refuses_an_unknown_key():
    with pytest.raises(KeyError, match="no_such_key"):
        panels.sources("no_such_key")


def test_precautions_lists_the_standing_precautions_in_order():
    html = panels.precautions()._repr_html_()
    found = [html.index(escape(text)) for text in G.STANDING_PRECAUTIONS]
    assert found == sorted(found)


def test_placements_say_ok_or_not_ok_in_words():
    html = panels.placements()._repr_html_()
    for place in G.PLACEMENTS:
        row = re.search(rf"<tr data-ok=\"{str(place.ok).lower()}\"><td[^>]*>"
                        rf"{re.escape(escape(place.place))}</td>(.*?)</tr>", html)  # fmt: skip
        assert row, place.id
        assert ("Not OK" not in row.group(1)) is place.ok
        assert "OK</span>" in row.group(1)
        assert escape(place.why) in row.group(1)


def test_severity_scale_shows_every_severity():
    html = panels.severity_scale()._repr_html_()
    for text in G.SEVERITIES.values():
        assert escape(text.split(":", 1)[1].strip()) in html


def test_guidance_for_fills_missing_fields_from_the_starting_profile():
    html = panels.guidance_for(severity="severe", symptoms=["fever"])._repr_html_()
    profile = replace(G.starting_profile(), severity="severe", symptoms=frozenset({"fever"}))
    assert_card_says(html, G.assess(profile))


def test_guidance_for_names_an_unknown_or_bad_field():
    with pytest.raises(TypeError, match="severty"):
        panels.guidance_for(severty="severe")
    with pytest.raises(ValueError, match="severity"):
        panels.guidance_for(severity="awful")


def test_panels_are_self_contained_html():
    for panel in _all_panels():
        html = panel._repr_html_()
        assert "<script" not in html
        assert "url(" not in html
        assert not re.search(r"\bsrc=", html)
        assert not re.search(r"<link\b", html)


def test_ask_first_lists_every_amber_health_reason_from_the_engine():
    from widgets import guidance as G
    from widgets.render.panels import ask_first

    html = ask_first()._repr_html_()
    amber_health = [r for r in G.RULES if r.level is G.Level.AMBER and r.kind is G.Kind.HEALTH]
    assert len(amber_health) >= 10
    for rule in amber_health:
        assert escape(rule.reason) in html
        assert escape(rule.actions[0]) in html
    usage_rules = [r for r in G.RULES if r.kind is G.Kind.USE]
    assert not any(escape(r.reason) in html for r in usage_rules)
    assert "Amber" in html and "<script" not in html


def test_when_to_get_help_lists_three_tiers_emergency_urgent_and_soon():
    html = panels.help_now()._repr_html_()
    assert 'data-urgency="emergency"' in html and 'data-urgency="urgent"' in html
    assert escape(G.ROUTINE_HEADING) in html
    for sign in G.ROUTINE_SIGNS:
        assert escape(sign.signs) in html
    # Most urgent first: the routine tier comes after every red sign.
    assert html.rindex('data-urgency="urgent"') < html.index(escape(G.ROUTINE_HEADING))


def test_every_source_in_the_panel_reads_exactly_as_the_registry_cites_it_link_underlined():
    # The panel's template spells a citation out; it must say what Reference.citation_html()
    # says (the personal handout prints that), with the link styled so it is not colour alone.
    underlined = f"<a {style('link')} "
    for key, ref in REFERENCES.items():
        html = panels.sources(key).html
        assert ref.citation_html().replace("<a ", underlined) in html, key
        assert html.count("<a ") == (1 if ref.link else 0), key


def test_a_reference_with_markup_in_its_words_is_printed_as_text_in_the_sources(monkeypatch):
    odd = Reference(
        key="odd2024",
        authors='Smith "Jr" J & O\'Neil K',
        year="2024",
        title="<script>alert(1)</script> Back pain",
        where="Journal <b>9</b>:1-2",
        link='https://example.org/?a=1&b="2"',
        note="<i>checked</i>",
    )
    monkeypatch.setattr(panels, "citations", lambda keys: [odd])
    html = panels.sources("odd2024").html
    assert "<script" not in html and "<b>" not in html and "<i>" not in html
    assert escape(f"{odd.authors} (2024). {odd.title}. {odd.where}.") in html
    assert f'href="{escape(odd.link)}">{escape(odd.link)}</a> ({escape(odd.note)})</li>' in html
