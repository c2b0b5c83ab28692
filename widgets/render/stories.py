"""Composite stories: made-up people whose situations show why the guidance differs.

Each story is illustrative, never a real person or a testimonial, and says so wherever it is
shown. A story holds a situation, not advice: the advice on its card comes from
``widgets.guidance.assess`` for the story's profile, so it can never drift from the engine.

    from widgets.render.stories import story
    story("Rosa")
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from html import escape
from typing import Any

from widgets.guidance import LEVEL_LABELS, Guidance, Profile, assess
from widgets.render.theme import BODY_SIZE, FONT, NEUTRAL_BORDER, TEXT

ILLUSTRATIVE_LABEL = "Illustrative story, not a real person"


@dataclass(frozen=True, kw_only=True)
class WhatIf:
    """A change to the story's profile, to show how the card would change."""

    change: str  # completes "If ...": e.g. "she turned it up to the top setting"
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Story:
    name: str
    summary: str  # a few words for the overview picture
    paragraphs: tuple[str, ...]
    profile: Profile
    question: str
    answer: str  # why the card says what it says, in plain words
    what_if: WhatIf | None = None

    def guidance(self) -> Guidance:
        return assess(self.profile)

    def what_if_guidance(self) -> Guidance | None:
        if self.what_if is None:
            return None
        return assess(replace(self.profile, **self.what_if.fields))

    def full_answer(self) -> str:
        """The answer, then the card's own main reason and any what-if, all from the engine."""
        guidance = self.guidance()
        parts = [self.answer, f"The card's main reason: “{guidance.reasons[0].text}”"]
        if guidance.urgency is not None:
            # For red, what to do matters more than any what-if.
            parts.append(f"The card's first step: “{guidance.actions[0]}”")
        changed = self.what_if_guidance()
        if self.what_if is not None and changed is not None:
            parts.append(
                f"If {self.what_if.change}, the card would change to "
                f"“{LEVEL_LABELS[changed.level]}”."
            )
        return " ".join(parts)

    def html(self) -> str:
        # Imported here so the stories can be read and tested while cards are being built.
        from widgets.render.cards import card_html

        # The same large type as the cards: clinicians project these on a wall.
        story_text = "".join(f"<p>{escape(p)}</p>" for p in self.paragraphs)
        text_style = f"font-family:{FONT};font-size:{BODY_SIZE};color:{TEXT};line-height:1.45"
        return (
            f'<section class="series-story" style="border:2px solid {NEUTRAL_BORDER};'
            'border-radius:10px;padding:.8em 1em;margin:1em 0;max-width:50em">'
            f'<div style="{text_style}">'
            f'<p style="margin-top:0"><strong>{escape(self.name)}</strong> '
            f'<span style="border:1px solid {NEUTRAL_BORDER};border-radius:4px;padding:0 .4em">'
            f"{ILLUSTRATIVE_LABEL}</span></p>{story_text}</div>"
            f"{card_html(self.guidance(), title=f'Guidance card for {self.name}')}"
            f'<div style="{text_style}">'
            f"<p><strong>Think about it:</strong> {escape(self.question)}</p>"
            f"<details><summary>Answer</summary><p>{escape(self.full_answer())}</p></details>"
            "</div></section>"
        )

    def _repr_html_(self) -> str:
        return self.html()


STORIES: tuple[Story, ...] = (
    Story(
        name="Rosa",
        summary="low back, mild",
        paragraphs=(
            "Rosa is 68. She has mild spinal stenosis in her low back. After a long walk "
            "round the market, her legs feel heavy. Leaning on the trolley helps.",
            "Her physio gave her exercises, and she walks most days. Her low back muscles "
            "feel tight in the evening. She would like to use a gentle vibration pad on them, "
            "on a low setting, for ten minutes once a day.",
        ),
        profile=Profile(
            region="lumbar",
            severity="mild",
            symptoms=frozenset({"leg_pain"}),
            conditions=frozenset(),
            device="vibration",
            areas=frozenset({"lower_back", "buttocks"}),
            intensity=2,
            heat=False,
            minutes=10,
            sessions_per_day=1,
        ),
        question="Why is Rosa's card green, and what does it still ask her to do?",
        answer=(
            "Rosa has no warning signs and no health reason to check first. She plans a "
            "gentle, short use on her muscles. Green is not a free pass, though: her card "
            "still lists the care everyone should take."
        ),
        what_if=WhatIf(change="she turned it up to the top setting (5)", fields={"intensity": 5}),
    ),
    Story(
        name="Tom",
        summary="neck, moderate",
        paragraphs=(
            "Tom is 61. A scan showed narrowing in his neck. His neck and shoulders ache "
            "after a day at his desk. His hands and his balance are fine.",
            "He saw a shiatsu pillow online that kneads the neck. He would like to use it on "
            "his neck and upper back for fifteen minutes after work.",
        ),
        profile=Profile(
            region="cervical",
            severity="moderate",
            symptoms=frozenset(),
            conditions=frozenset(),
            device="shiatsu",
            areas=frozenset({"neck", "upper_back"}),
            intensity=3,
            heat=False,
            minutes=15,
            sessions_per_day=1,
        ),
        question="Rosa's card was green. Why is Tom's card amber?",
        answer=(
            "The narrowing is in Tom's neck, and he wants to use a kneading pillow on his "
            "neck. The spinal cord and big blood vessels run through the neck. Kneading "
            "there needs a clinician's OK first, for anyone."
        ),
        what_if=WhatIf(
            change="Tom noticed clumsy hands",
            fields={"symptoms": frozenset({"hand_clumsiness"})},
        ),
    ),
    Story(
        name="June",
        summary="low back, blood thinner",
        paragraphs=(
            "June is 72. She has spinal stenosis in her low back. She has to stop and rest "
            "often when she walks. She takes a blood thinner for her heart.",
            "Her grandson gave her a massage gun, a tool that taps fast and hard. She would "
            "like to use it on her low back and buttocks.",
        ),
        profile=Profile(
            region="lumbar",
            severity="moderate",
            symptoms=frozenset({"leg_pain"}),
            conditions=frozenset({"blood_thinners"}),
            device="percussion",
            areas=frozenset({"lower_back", "buttocks"}),
            intensity=3,
            heat=False,
            minutes=10,
            sessions_per_day=1,
        ),
        question="What part of June's situation changes her answer?",
        answer=(
            "Her blood thinner, together with a massage gun. Blood thinners make bruises "
            "more likely, and hard tapping goes deep."
        ),
        what_if=WhatIf(
            change="she chose a gentle vibration pad on a low setting instead",
            fields={"device": "vibration", "intensity": 2},
        ),
    ),
    Story(
        name="Grace",
        summary="new bladder trouble",
        paragraphs=(
            "Grace is 74. She has used a vibration pad on her low back for a year with no "
            "trouble. It helps her relax in the evening.",
            "This week her legs feel worse, and since yesterday she has had trouble peeing. "
            "She wonders if more time with the massager would help.",
        ),
        profile=Profile(
            region="lumbar",
            severity="moderate",
            symptoms=frozenset({"leg_pain", "bladder_bowel_changes"}),
            conditions=frozenset(),
            device="vibration",
            areas=frozenset({"lower_back"}),
            intensity=2,
            heat=False,
            minutes=10,
            sessions_per_day=1,
        ),
        question="The massager never caused Grace any trouble. Why does her card say emergency?",
        answer=(
            "The card is not about the massager. It is about a new warning sign: trouble "
            "peeing. A warning sign always comes first, however well the massager worked "
            "before."
        ),
    ),
)

_BY_NAME: dict[str, Story] = {s.name.lower(): s for s in STORIES}


def story(name: str) -> Story:
    """The story called ``name`` (any case); an unknown name is an error that lists the names."""
    try:
        return _BY_NAME[name.lower()]
    except KeyError:
        known = ", ".join(s.name for s in STORIES)
        raise KeyError(f"no story called {name!r}; known stories: {known}") from None
