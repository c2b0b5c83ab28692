"""Composite stories: made-up people whose situations show why the guidance differs.

Each story is illustrative, never a real person or a testimonial, and says so wherever it is
shown. A story holds a situation, not advice: the advice on its card comes from
``widgets.guidance.assess`` for the story's profile, so it can never drift from the engine.

The stories are data: ``data/<language>/stories.toml``, loaded and checked when this module is
imported; a mistake (a misspelt symptom, say) stops the import with one line naming the file,
the story and the field. ``widgets.render.stories`` draws them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from widgets.engine.datafile import (
    DEFAULT_LANGUAGE,
    DataFileError,
    Field,
    Schema,
    check_entries,
    check_entry,
    load,
    shown,
)
from widgets.guidance import LEVEL_LABELS, Guidance, Profile, assess

DATA = Path(__file__).resolve().parent / "data"
SOURCE = DATA / "stories.toml"
PROFILE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Profile))


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


def _profile_values(table: dict[str, Any]) -> dict[str, Any]:
    # The file lists symptoms, conditions and areas as lists; the engine takes sets.
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in table.items()}


def _profile_problem(table: Any) -> str | None:
    """Why ``table`` is not a whole, valid engine Profile, in words, or None."""
    missing = [name for name in PROFILE_FIELDS if name not in table]
    unknown = [name for name in table if name not in PROFILE_FIELDS]
    if missing or unknown:
        wrong = f"needs {missing[0]!r}" if missing else f"has unknown {unknown[0]!r}"
        return f"{wrong}; a profile has exactly {', '.join(PROFILE_FIELDS)}"
    try:
        Profile(**_profile_values(table))
    except (TypeError, ValueError) as err:
        return str(err)
    return None


def _what_if_problem(table: Any) -> str | None:
    """Why ``table`` is not a valid what-if (a change, and profile fields it changes), or None."""
    if set(table) != {"change", "fields"} or not isinstance(table["fields"], dict):
        return "needs a 'change' (text) and a [story.what_if.fields] table, and nothing else"
    if not isinstance(table["change"], str) or not table["change"].strip():
        return "'change' must be text that completes 'If ...'"
    unknown = [name for name in table["fields"] if name not in PROFILE_FIELDS]
    if unknown or not table["fields"]:
        return f"its fields must name at least one of {', '.join(PROFILE_FIELDS)}"
    return None


SCHEMA = Schema(
    key="name",
    fields=(
        Field("name"),
        Field("summary"),
        Field("paragraphs", kind=list),
        Field("question"),
        Field("answer"),
        Field("profile", kind=dict, check=_profile_problem),
        Field("what_if", kind=dict, required=False, check=_what_if_problem),
    ),
)
LABELS_SCHEMA = Schema(fields=(Field("illustrative"),))


@dataclass(frozen=True)
class StoriesData:
    """Everything in one stories file."""

    illustrative_label: str
    stories: tuple[Story, ...]


def load_stories(source: Path = SOURCE, *, language: str = DEFAULT_LANGUAGE) -> StoriesData:
    """The stories and their label from ``source`` (a data file, or the data folder's
    ``stories.toml`` in ``language``, falling back to English)."""
    path, data = load(source, language)
    labels = check_entry(data.get("labels"), LABELS_SCHEMA, where=f"{shown(path)}: [labels]")
    stories = []
    for s in check_entries(data.get("story"), SCHEMA, path=path, table="story"):
        what_if = s.get("what_if")
        story = Story(
            name=s["name"],
            summary=s["summary"],
            paragraphs=tuple(s["paragraphs"]),
            profile=Profile(**_profile_values(s["profile"])),
            question=s["question"],
            answer=s["answer"],
            what_if=None
            if what_if is None
            else WhatIf(change=what_if["change"], fields=_profile_values(what_if["fields"])),
        )
        try:
            story.what_if_guidance()
        except (TypeError, ValueError) as err:
            raise DataFileError(
                f"{shown(path)}: [[story]] entry {story.name!r}, field 'what_if': {err}"
            ) from None
        stories.append(story)
    return StoriesData(str(labels["illustrative"]), tuple(stories))


_DATA = load_stories()

ILLUSTRATIVE_LABEL: str = _DATA.illustrative_label
STORIES: tuple[Story, ...] = _DATA.stories
