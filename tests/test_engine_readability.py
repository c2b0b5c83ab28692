"""Everything the engine can say is plain language: US grade 8 or below (Flesch-Kincaid)."""

from __future__ import annotations

import textstat

from widgets import guidance as G

# Flesch-Kincaid is meaningless on a label of a few words ("Pregnancy" scores grade 20), so
# short labels are graded together as one text and every full sentence is graded on its own.
SENTENCE_WORDS = 8
MAX_GRADE = 8.0


def engine_strings() -> list[str]:
    strings = G.all_phrases()
    for vocabulary in (G.REGIONS, G.SEVERITIES, G.SYMPTOMS, G.CONDITIONS, G.DEVICES, G.AREAS):
        strings += list(vocabulary.values())
    strings += list(G.LEVEL_LABELS.values())
    strings += [place.why for place in G.PLACEMENTS]
    return strings


def emitted_by_assess() -> set[str]:
    """Strings seen in real output, to prove engine_strings() misses nothing assess() says."""
    from hypothesis import given, settings
    from strategies import profiles

    seen: set[str] = set()

    @settings(max_examples=300, deadline=None, database=None)
    @given(profiles)
    def collect(profile):
        g = G.assess(profile)
        seen.update([g.headline, *g.actions, *(r.text for r in g.reasons)])

    collect()
    return seen


def test_every_string_assess_emits_is_one_the_readability_test_grades():
    assert emitted_by_assess() <= set(engine_strings())


def test_every_engine_sentence_is_at_grade_8_or_below():
    too_hard = {
        text: textstat.flesch_kincaid_grade(text)
        for text in engine_strings()
        if len(text.split()) >= SENTENCE_WORDS and textstat.flesch_kincaid_grade(text) > MAX_GRADE
    }
    assert too_hard == {}


def test_all_engine_text_together_is_at_grade_6_or_below():
    grade = textstat.flesch_kincaid_grade(" ".join(engine_strings()))
    print(f"engine text: Flesch-Kincaid grade {grade:.1f}")
    assert grade <= 6.0
