"""The references registry: every rule and every medical statement in the series cites a key here.

The entries live in ``data/references.json``, in CSL-JSON (the format reference managers such
as Zotero import and export), so a clinician corrects a reference there without reading Python
(``data/README.md`` says how); they are read and checked at import, and a mistake stops the
import with one line naming the file, entry and field. Each entry's details are checked against
the source it names; where only a secondary source or the evidence notes could be checked, not
the original, the entry's ``note`` says so.
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
    """What sort of source an entry is; each sort needs its own fields (``Reference.missing``).

    The data file names each sort by its CSL type (``CSL_TYPES``).
    """

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


REFERENCES_FILE = Path(__file__).resolve().parent / "data" / "references.json"

# Each sort of source by its CSL type (CSL 1.0.2), the name the data file uses.
CSL_TYPES: dict[Kind, str] = {
    Kind.ARTICLE: "article-journal",
    Kind.GUIDELINE: "report",
    Kind.WEB: "webpage",
    Kind.LEAFLET: "pamphlet",
    Kind.REGULATION: "regulation",
    Kind.NEWS: "article-newspaper",
}
_KIND_OF_TYPE = {csl: kind for kind, csl in CSL_TYPES.items()}

# Project fields CSL has no name for live in CSL's ``custom`` object, which processors ignore.
CUSTOM_FIELDS: dict[str, type] = {
    "et-al": bool,  # true: the source has more authors than ``author`` lists ("et al.")
    "topic": str,  # the part of the series the source is for, to keep the file in order
}


def _names_problem(value: Any) -> str | None:
    """CSL names: a person as {"family", "given"}, an organisation as {"literal"}."""
    for name in value:
        fields = set(name)
        if fields not in ({"family", "given"}, {"literal"}):
            return (
                'each name must be {"family": ..., "given": ...} or, for an organisation, '
                f'{{"literal": ...}}; got {name!r}'
            )
        if not all(isinstance(text, str) and text.strip() for text in name.values()):
            return f"each part of a name must be text, not empty; got {name!r}"
    return None


def _issued_problem(value: Any) -> str | None:
    """A CSL date: {"date-parts": [[year]]}, or {"literal": "n.d."} when the source gives none."""
    if set(value) == {"literal"} and isinstance(value["literal"], str) and value["literal"]:
        return None
    parts = value.get("date-parts") if set(value) == {"date-parts"} else None
    if (
        isinstance(parts, list)
        and len(parts) == 1
        and isinstance(parts[0], list)
        and len(parts[0]) == 1
        and _is_whole_number(parts[0][0])
    ):
        return None
    return f'give {{"date-parts": [[2022]]}} or {{"literal": "n.d."}}; got {value!r}'


def _is_whole_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _custom_problem(value: Any) -> str | None:
    for name, item in value.items():
        if name not in CUSTOM_FIELDS:
            return f"unknown custom field {name!r}; allowed: {', '.join(CUSTOM_FIELDS)}"
        if type(item) is not CUSTOM_FIELDS[name]:
            return f"custom field {name!r} must be {CUSTOM_FIELDS[name].__name__}; got {item!r}"
    return None


# The CSL fields an entry may have (CSL-JSON's own names), and what each must hold.
_SCHEMA = Schema(
    fields=(
        Field("id"),
        Field("type", allowed=tuple(CSL_TYPES.values())),
        Field("title"),
        Field("author", kind=list, item=dict, check=_names_problem),
        Field("issued", kind=dict, check=_issued_problem),
        Field("container-title"),
        Field("volume", required=False),
        Field("issue", required=False),
        Field("page", required=False),
        Field("number", required=False),
        Field("DOI", required=False),
        Field("URL", required=False),
        Field("note", required=False),
        Field("custom", kind=dict, required=False, empty_ok=True, check=_custom_problem),
    )
)


# The data file's field, and what it needs, for each gap ``Reference.missing`` reports.
_FIELD_OF_GAP = {
    "authors": ("author", "an author"),
    "a four-digit year": ("issued", 'a year: {"date-parts": [[2022]]}'),
    "volume/pages in where": ("volume", "volume and page (or a number, as Cochrane reviews have)"),
    "link": ("DOI", "a DOI or URL"),
    "note (where the leaflet was read)": ("note", "a note saying where the leaflet was read"),
}


def _authors(entry: dict[str, Any]) -> str:
    """The author list as printed: "Katz JN, Zimmerman ZE", an organisation, or "..., et al."."""
    names = [name.get("literal") or f"{name['family']} {name['given']}" for name in entry["author"]]
    if entry.get("custom", {}).get("et-al"):
        names.append("et al.")
    return ", ".join(names)


def _year(entry: dict[str, Any]) -> str:
    issued = entry["issued"]
    return str(issued["literal"]) if "literal" in issued else str(issued["date-parts"][0][0])


def _where(entry: dict[str, Any]) -> str:
    """Where to find it, as printed: "JAMA 327(17):1688-1699", "Cochrane ..., CD001929", a site."""
    text = entry["container-title"]
    if "volume" in entry:
        text += f" {entry['volume']}"
    if "issue" in entry:
        text += f"({entry['issue']})"
    if "page" in entry:
        text += f":{entry['page']}"
    if "number" in entry:
        text += f", {entry['number']}"
    return str(text)


def _reference(entry: dict[str, Any], where: str) -> Reference:
    """One entry as a ``Reference``, complete for its kind, or a one-line ``DataFileError``."""
    if "DOI" in entry and "URL" in entry:
        raise DataFileError(f"{where}, field 'URL': give a DOI or a URL, not both")
    if "DOI" in entry and entry["DOI"].startswith(("http://", "https://", "doi:")):
        raise DataFileError(
            f"{where}, field 'DOI': the DOI alone (10.1001/...); got {entry['DOI']!r}"
        )
    if "issue" in entry and "volume" not in entry:
        raise DataFileError(f"{where}, field 'issue': an issue needs its volume")
    link = f"https://doi.org/{entry['DOI']}" if "DOI" in entry else entry.get("URL", "")
    ref = Reference(
        key=entry["id"],
        authors=_authors(entry),
        year=_year(entry),
        title=entry["title"],
        where=_where(entry),
        link=link,
        kind=_KIND_OF_TYPE[entry["type"]],
        note=entry.get("note", ""),
    )
    gaps = ref.missing()
    if gaps:
        field, needs = _FIELD_OF_GAP.get(gaps[0], (gaps[0], gaps[0]))
        raise DataFileError(f"{where}, field {field!r}: type {entry['type']!r} needs {needs}")
    return ref


def load_references(source: Path = REFERENCES_FILE) -> dict[str, Reference]:
    """The registry from ``source`` (a CSL-JSON list), each entry checked, by key in file order."""
    path = locate(source)
    entries = load_entries(path, _SCHEMA, table=None)
    place = f"{shown(path)}: entry"
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
