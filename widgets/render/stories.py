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

from dataclasses import fields

from widgets.content.stories import ILLUSTRATIVE_LABEL
from widgets.content.stories import STORIES as STORY_DATA
from widgets.content.stories import Story as StoryData
from widgets.render.templating import html, render_exact


class Story(StoryData):
    """A story that shows itself: its text, the engine's card for it, a question and the answer
    folded away. The story itself is content (``widgets.content.stories``)."""

    def html(self) -> str:
        # Imported here so the stories can be read and tested while cards are being built.
        from widgets.render.cards import card_html

        card = card_html(self.guidance(), title=f"Guidance card for {self.name}")
        return render_exact(
            "stories.html.j2",
            story=self,
            label=ILLUSTRATIVE_LABEL,
            card=html(card),
            answer=self.full_answer(),
        )

    def _repr_html_(self) -> str:
        return self.html()


STORIES: tuple[Story, ...] = tuple(
    Story(**{f.name: getattr(data, f.name) for f in fields(data)}) for data in STORY_DATA
)

_BY_NAME: dict[str, Story] = {s.name.lower(): s for s in STORIES}


def story(name: str) -> Story:
    """The story called ``name`` (any case); an unknown name is an error that lists the names."""
    try:
        return _BY_NAME[name.lower()]
    except KeyError:
        known = ", ".join(s.name for s in STORIES)
        raise KeyError(f"no story called {name!r}; known stories: {known}") from None
