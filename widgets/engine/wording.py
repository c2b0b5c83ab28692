"""The engine's words, read from ``data/<language>/wording.toml`` and checked on the way in.

``widgets.guidance`` keeps the logic (when a rule fires, how serious it is); this module reads
what the engine says, so a clinician can correct a sentence in one data file without reading
Python. Standard library only: the engine runs in the browser under Pyodide too.

Sentences may hold a few names in braces that the engine fills in (``{max_minutes}``), so the
numbers in the words always match the numbers in the rules. Any other name is an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
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

WORDING_FILE = Path(__file__).resolve().parent / "data" / "wording.toml"

URGENCIES = ("emergency", "urgent")
# Texts that other sentences may quote by name, e.g. a red rule's last action {stop_action}.
QUOTED_TEXTS = ("stop_action", "today", "intensity_scale")
# The engine's own numbers, so the words cannot drift from the rules.
NUMBERS = ("start_low", "start_high", "start_minutes", "max_minutes", "max_sessions")
# Filled in per person: their highest setting without a caution. Only where a card is built.
PER_PERSON = ("limit",)

_NAME = re.compile(r"\{([^{}]*)\}")


def _names_allowed(allowed: Iterable[str]) -> Callable[[Any], str | None]:
    """A ``Field.check``: braces hold only ``allowed`` names, and no stray brace is left."""
    names = tuple(allowed)

    def check(value: Any) -> str | None:
        for text in value if isinstance(value, list) else [value]:
            for name in _NAME.findall(text):
                if name not in names:
                    said = ", ".join("{" + n + "}" for n in names) or "none here"
                    return f"{{{name}}} is not a name the engine fills in (allowed: {said})"
            if "{" in _NAME.sub("", text) or "}" in _NAME.sub("", text):
                return "has a brace { or } that does not close around a name"
        return None

    return check


_PLAIN = _names_allowed(())
_QUOTING = _names_allowed(QUOTED_TEXTS + NUMBERS)
_PER_PERSON = _names_allowed(QUOTED_TEXTS + NUMBERS + PER_PERSON)


def _text(name: str, check: Callable[[Any], str | None] = _QUOTING) -> Field:
    return Field(name, check=check)


TEXTS = Schema(
    key="",
    fields=(
        _text("stop_action", _PLAIN),
        _text("today", _PLAIN),
        _text("intensity_scale", _PLAIN),
        _text("headline_emergency"),
        _text("headline_urgent"),
        _text("headline_amber_health"),
        _text("headline_amber_use"),
        _text("headline_green"),
        _text("precaution_off_the_bones"),
        _text("precaution_start_low"),
        _text("precaution_stop_signs"),
        _text("precaution_lean_forward"),
        _text("precaution_keep_active"),
        _text("precaution_learn_warning_signs"),
        _text("card_start_low", _PER_PERSON),
        _text("card_stop_signs_lumbar"),
        _text("card_stop_signs_cervical"),
        _text("card_stop_signs_both"),
        _text("card_lean_forward"),
        _text("card_main_treatment"),
        _text("card_keep_active"),
        _text("card_neck_check"),
        _text("card_neck_treatment"),
        _text("routine_heading"),
    ),
)
LABEL_TABLES = (
    "regions",
    "severities",
    "symptoms",
    "conditions",
    "devices",
    "areas",
    "levels",
    "urgencies",
)
# Each [labels.<table>] is checked against the ids the engine knows (``Wording.labels``).
LABELS = Schema(key="", fields=tuple(Field(name, kind=dict) for name in LABEL_TABLES))
_SOURCES = Field("sources", kind=list)
REASONS = Schema(fields=(Field("id"), _text("text"), _SOURCES))
RULES = Schema(
    fields=(
        Field("id"),
        _text("reason"),
        Field("actions", kind=list, check=_PER_PERSON),
        Field("say", required=False, check=_QUOTING),
        _SOURCES,
    )
)
WARNING_SIGNS = Schema(
    fields=(
        Field("id"),
        Field("urgency", allowed=URGENCIES),
        _text("signs"),
        _text("what_to_do"),
        Field("what_to_say", required=False, check=_QUOTING),
        Field("sources", kind=list, required=False),
    )
)
ROUTINE_SIGNS = Schema(fields=(Field("id"), _text("signs"), _text("what_to_do"), _SOURCES))
PLACEMENTS = Schema(
    fields=(Field("id"), _text("place"), Field("ok", kind=bool), _text("why"), _SOURCES)
)

TABLES = ("texts", "labels", "reasons", "rules", "warning_signs", "routine_signs", "placements")


@dataclass(frozen=True)
class Wording:
    """Everything the engine says, checked, with the file it came from for messages."""

    path: Path
    texts: Mapping[str, str]
    label_tables: Mapping[str, Mapping[str, Any]]
    reasons: tuple[dict[str, Any], ...]
    rules: tuple[dict[str, Any], ...]
    warning_signs: tuple[dict[str, Any], ...]
    routine_signs: tuple[dict[str, Any], ...]
    placements: tuple[dict[str, Any], ...]

    def where(self, table: str, entry: str, field: str) -> str:
        """How a message names one field of one entry of this file."""
        return f"{shown(self.path)}: [[{table}]] entry {entry!r}, field {field!r}"

    def labels(self, table: str, ids: tuple[str, ...]) -> dict[str, str]:
        """The words for each of ``ids`` from ``[labels.<table>]``, in the order of ``ids``.

        The table must name exactly these ids: the engine's rules test for them, so a label
        for an answer the engine does not know, or an answer without a label, is a mistake.
        """
        schema = Schema(fields=tuple(_text(name, _PLAIN) for name in ids), key="")
        where = f"{shown(self.path)}: [labels.{table}]"
        words = check_entry(self.label_tables.get(table), schema, where=where)
        return {name: str(words[name]) for name in ids}

    def fill(self, text: str, numbers: Mapping[str, object]) -> str:
        """``text`` with its quoted texts and numbers in place; {limit} stays for the card."""
        values = {name: self.texts[name] for name in QUOTED_TEXTS}
        values.update({name: str(value) for name, value in numbers.items()})

        def value(match: re.Match[str]) -> str:
            return values.get(match.group(1), match.group(0))

        return _NAME.sub(value, text)


def load_wording(source: Path = WORDING_FILE, language: str = DEFAULT_LANGUAGE) -> Wording:
    """The engine's words from ``source`` (a wording file, or the folder layout's name)."""
    path, data = load(source, language)

    def entries(table: str, schema: Schema) -> tuple[dict[str, Any], ...]:
        if table not in data:
            raise DataFileError(f"{shown(path)}: no [[{table}]] entries (the file must have them)")
        return check_entries(data[table], schema, path=path, table=table)

    unknown = sorted(set(data) - set(TABLES))
    if unknown:
        raise DataFileError(
            f"{shown(path)}: unknown table {unknown[0]!r}; allowed: {', '.join(TABLES)}"
        )
    texts = check_entry(data.get("texts"), TEXTS, where=f"{shown(path)}: [texts]")
    return Wording(
        path=path,
        texts={name: str(text) for name, text in texts.items()},
        label_tables=check_entry(data.get("labels"), LABELS, where=f"{shown(path)}: [labels]"),
        reasons=entries("reasons", REASONS),
        rules=entries("rules", RULES),
        warning_signs=entries("warning_signs", WARNING_SIGNS),
        routine_signs=entries("routine_signs", ROUTINE_SIGNS),
        placements=entries("placements", PLACEMENTS),
    )
