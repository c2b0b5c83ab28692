"""What trials found for each treatment: the rows of the evidence chart (notebook 06).

Content is data: ``data/<language>/findings.toml``, one ``[[finding]]`` per treatment, in the
words a patient can read aloud. The "how sure" words are the options table's
(``widgets.content.options.Certainty``), so both say the same. The chart itself is drawn by
``widgets.render.figures_care.evidence_chart``.

The file is loaded and checked when this module is imported; a mistake stops the import with one
line naming the file, the entry and the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from widgets.content.options import CERTAINTY_WORDS, Certainty, cited
from widgets.engine.datafile import DEFAULT_LANGUAGE, Field, Schema, load_entries

DATA = Path(__file__).resolve().parent / "data"
SOURCE = DATA / "findings.toml"
# The bar: 2 = helped in trials, 1 = small, 0 = no better; -1 = never tested (no bar at all).
STRENGTHS = (-1, 0, 1, 2)


@dataclass(frozen=True)
class Finding:
    """One treatment and what the trials found, in words a patient can read aloud."""

    option: str
    finding: str
    strength: int  # 2 = helped in trials, 1 = small, 0 = no better; -1 = never tested
    verdict: str
    certainty: Certainty
    based_on: str  # how much evidence there is, in plain words
    short_term: bool  # the benefit was measured over weeks or months, not years
    risks: str
    sources: tuple[str, ...]


def _strength(value: object) -> str | None:
    if value in STRENGTHS:
        return None
    return f"must be one of {', '.join(map(str, STRENGTHS))}; got {value!r}"


SCHEMA = Schema(
    fields=(
        Field("id"),
        Field("option"),
        Field("finding"),
        Field("strength", kind=int, check=_strength),
        Field("verdict"),
        Field("certainty", allowed=CERTAINTY_WORDS),
        Field("based_on"),
        Field("short_term", kind=bool),
        Field("risks"),
        cited(),
    )
)


def load_findings(
    source: Path = SOURCE, *, language: str = DEFAULT_LANGUAGE
) -> tuple[Finding, ...]:
    """The chart's rows, in file order, from ``source`` (a data file, or the data folder's
    ``findings.toml`` in ``language``, falling back to English)."""
    return tuple(
        Finding(
            f["option"],
            f["finding"],
            f["strength"],
            f["verdict"],
            Certainty(f["certainty"]),
            f["based_on"],
            f["short_term"],
            f["risks"],
            tuple(f["sources"]),
        )
        for f in load_entries(source, SCHEMA, table="finding", language=language)
    )


FINDINGS: tuple[Finding, ...] = load_findings()
