"""The references registry: every rule and every medical statement in the series cites a key here.

The entries live in ``data/references.toml``, so a clinician corrects a reference there without
reading Python; they are read and checked at import, and a mistake stops the import with one
line naming the entry and field. Each entry's details are checked against the source it names;
where only a secondary source or the evidence notes could be checked, not the original, the
entry's ``note`` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from html import escape
from pathlib import Path
from typing import Any

from widgets.engine.datafile import DataFileError, Field, Schema, load_entries, locate, shown


class Kind(StrEnum):
    """What sort of source an entry is; each sort needs its own fields (see ``REQUIRED``)."""

    ARTICLE = "article"  # journal paper or Cochrane review: volume/pages and DOI, PMID or URL
    GUIDELINE = "guideline"  # guideline or toolkit from a named body, with its address
    WEB = "web"  # a web page from a named organisation or maker, with its address
    LEAFLET = "leaflet"  # a printed patient leaflet: the note says where it was read
    REGULATION = "regulation"  # a section of a law or regulation, with its official address
    NEWS = "news"  # a news report, with its address


@dataclass(frozen=True, kw_only=True)
class Reference:
    key: str
    authors: str
    year: str
    title: str
    where: str
    link: str
    kind: Kind = Kind.ARTICLE
    note: str = ""

    def missing(self) -> list[str]:
        """The fields this entry's kind needs that are empty or malformed (none: complete)."""
        gaps = [name for name in ("authors", "year", "title", "where") if not getattr(self, name)]
        if self.kind is Kind.LEAFLET:
            if not self.note:
                gaps.append("note (where the leaflet was read)")
        elif not self.link.startswith(("https://", "http://")):
            gaps.append("link")
        if self.kind is Kind.ARTICLE:
            if not re.search(r"\d", self.where):
                gaps.append("volume/pages in where")
            if not re.match(r"\d{4}$", self.year):
                gaps.append("a four-digit year")
        return gaps

    def citation(self) -> str:
        """The full citation as plain text, in one line."""
        parts = [f"{self.authors} ({self.year}). {self.title}. {self.where}."]
        if self.link:
            parts.append(self.link)
        if self.note:
            parts.append(f"({self.note})")
        return " ".join(parts)

    def citation_html(self) -> str:
        """The full citation as HTML; the link is shown as text so it survives printing."""
        text = escape(f"{self.authors} ({self.year}). {self.title}. {self.where}.")
        if self.link:
            url = escape(self.link, quote=True)
            text += f' <a href="{url}">{escape(self.link)}</a>'
        if self.note:
            text += f" ({escape(self.note)})"
        return text


REFERENCES_FILE = Path(__file__).resolve().parent / "data" / "references.toml"

_SCHEMA = Schema(
    fields=(
        Field("id"),
        Field("type", allowed=tuple(Kind)),
        Field("author"),
        Field("issued"),
        Field("title"),
        Field("where"),
        Field("doi", required=False),
        Field("url", required=False),
        Field("note", required=False),
    )
)


# The data file's name for each gap ``Reference.missing`` reports.
_FIELD_OF_GAP = {
    "authors": "author",
    "year": "issued",
    "a four-digit year": "issued",
    "volume/pages in where": "where",
    "link": "doi or url",
    "note (where the leaflet was read)": "note",
}


def _reference(entry: dict[str, Any], where: str) -> Reference:
    """One entry as a ``Reference``, complete for its kind, or a one-line ``DataFileError``."""
    if "doi" in entry and "url" in entry:
        raise DataFileError(f"{where}, field 'url': give a doi or a url, not both")
    if "doi" in entry and entry["doi"].startswith(("http://", "https://", "doi:")):
        raise DataFileError(
            f"{where}, field 'doi': the DOI alone (10.1001/...); got {entry['doi']!r}"
        )
    link = f"https://doi.org/{entry['doi']}" if "doi" in entry else entry.get("url", "")
    ref = Reference(
        key=entry["id"],
        authors=entry["author"],
        year=entry["issued"],
        title=entry["title"],
        where=entry["where"],
        link=link,
        kind=Kind(entry["type"]),
        note=entry.get("note", ""),
    )
    gaps = ref.missing()
    if gaps:
        field = _FIELD_OF_GAP.get(gaps[0], gaps[0])
        raise DataFileError(f"{where}, field {field!r}: type {ref.kind.value!r} needs {gaps[0]}")
    return ref


def load_references(source: Path = REFERENCES_FILE) -> dict[str, Reference]:
    """The registry from ``source``, each entry checked, by key in file order."""
    path = locate(source)
    entries = load_entries(path, _SCHEMA, table="references")
    place = f"{shown(path)}: [[references]] entry"
    return {entry["id"]: _reference(entry, f"{place} {entry['id']!r}") for entry in entries}


REFERENCES: dict[str, Reference] = load_references()


def get(key: str) -> Reference:
    """The reference for ``key``; an unknown key is an error, never a blank citation."""
    try:
        return REFERENCES[key]
    except KeyError:
        known = ", ".join(sorted(REFERENCES))
        raise KeyError(f"unknown reference key {key!r}; known keys: {known}") from None


def citations(keys: list[str] | tuple[str, ...]) -> list[Reference]:
    """References for ``keys`` in the order given, each once."""
    seen: dict[str, Reference] = {}
    for key in keys:
        seen.setdefault(key, get(key))
    return list(seen.values())
