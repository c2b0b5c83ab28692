"""Composite stories: made-up people whose situations show why the guidance differs.

Each story is illustrative, never a real person or a testimonial, and says so wherever it is
shown. A story holds a situation, not advice: the advice on its card comes from
``widgets.guidance.assess`` for the story's profile, so it can never drift from the engine.
The stories are content (``widgets/content/data/en/stories.toml``); this module draws them,
from the autoescaped Jinja2 template ``templates/stories.html.j2``.

    from widgets.render.stories import story
    story("Rosa")
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import overload

from widgets.content.stories import ILLUSTRATIVE_LABEL
from widgets.content.stories import STORIES as STORY_DATA
from widgets.content.stories import Story as StoryData
from widgets.render.templating import html, render_exact


class Story(StoryData):
    """A story that shows itself: its text, the engine's card for it, a question and the answer
    folded away. The story itself is content (``widgets.content.stories``)."""

    def html(self, part: tuple[int, int] = (1, 1)) -> str:
        """The story, or ``part`` (n, of) of it (``STORY_PARTS``): the same words in the same
        order, a piece at a time, so a live slide never has to scroll."""
        # Imported here so the stories can be read and tested while cards are being built.
        from widgets.render.cards import CARD_PARTS, card_html

        number, parts = part
        if parts not in STORY_PARTS or not 1 <= number <= parts:
            raise ValueError(f"a story comes whole or in {sorted(STORY_PARTS)} parts (n, of)")
        shows = STORY_PARTS[parts][number - 1]
        # The card's part that shows this part's pieces of the card, if any ("do", "why").
        card_part = {pieces: part for part, pieces in CARD_PARTS.items()}.get(
            tuple(piece for piece in shows if piece in CARD_PARTS[(1, 1)])
        )
        title = f"Guidance card for {self.name}"
        card = card_html(self.guidance(), title=title, part=card_part) if card_part else ""
        return render_exact(
            "stories.html.j2",
            story=self,
            label=ILLUSTRATIVE_LABEL,
            card=html(card),
            answer=self.full_answer(),
            shows=shows,
        )

    def _repr_html_(self) -> str:
        return self.html()


@dataclass(frozen=True)
class StoryPart:
    """One part of a story, for a live slide: ``story("Tom", part=(2, 3))``."""

    story: Story
    part: tuple[int, int]

    def html(self) -> str:
        return self.story.html(self.part)

    def _repr_html_(self) -> str:
        return self.html()


# How a story is cut for live slides: the pieces each part shows, in order. "do" and "why" are
# the two halves of its card (``cards.card_html``'s parts).
STORY_PARTS: dict[int, tuple[tuple[str, ...], ...]] = {
    1: (("text", "do", "why", "question"),),
    2: (("text", "do"), ("why", "question")),
    3: (("text",), ("do",), ("why", "question")),
}

STORIES: tuple[Story, ...] = tuple(
    Story(**{f.name: getattr(data, f.name) for f in fields(data)}) for data in STORY_DATA
)

_BY_NAME: dict[str, Story] = {s.name.lower(): s for s in STORIES}


@overload
def story(name: str) -> Story: ...
@overload
def story(name: str, part: tuple[int, int]) -> StoryPart: ...


def story(name: str, part: tuple[int, int] | None = None) -> Story | StoryPart:
    """The story called ``name`` (any case); an unknown name is an error that lists the names.
    With ``part`` (n, of), that part of it (``STORY_PARTS``), for a live slide."""
    try:
        found = _BY_NAME[name.lower()]
    except KeyError:
        known = ", ".join(s.name for s in STORIES)
        raise KeyError(f"no story called {name!r}; known stories: {known}") from None
    if part is None:
        return found
    found.html(part)  # a part that does not exist fails here, where it is asked for
    return StoryPart(found, part)
