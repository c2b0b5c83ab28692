"""Every rule and medical statement cites the registry, and every registry entry is used."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from widgets import guidance
from widgets.content.references import (
    CSL_TYPES as CSL_TYPES_OF_KIND,
)
from widgets.content.references import (
    CUSTOM_FIELDS,
    REFERENCES,
    REFERENCES_FILE,
    Kind,
    Reference,
    citations,
    get,
    load_references,
)
from widgets.engine.datafile import DataFileError

ROOT = Path(__file__).resolve().parents[1]


def engine_keys() -> set[str]:
    keys = {key for rule in guidance.RULES for key in rule.sources}
    keys |= {key for sign in guidance.WARNING_SIGNS for key in sign.sources}
    keys |= {key for sign in guidance.ROUTINE_SIGNS for key in sign.sources}
    keys |= {key for place in guidance.PLACEMENTS for key in place.sources}
    keys |= set(guidance.EVIDENCE_REASON.sources) | set(guidance.GREEN_REASON.sources)
    return keys


def test_every_rule_and_warning_sign_cites_at_least_one_source():
    assert all(rule.sources for rule in guidance.RULES)
    assert all(sign.sources for sign in guidance.WARNING_SIGNS)


def test_every_key_the_engine_cites_resolves():
    assert engine_keys() - set(REFERENCES) == set()


# Where citations live: code, the data files clinicians edit, and the notebooks. The registry
# itself (references.py and its data file) does not count as citing anything.
CITING = (
    "widgets/**/*.py",
    "widgets/**/*.toml",
    "widgets/**/*.json",
    "widgets/**/*.yaml",
    "notebooks/*.ipynb",
)


def test_every_registry_entry_is_cited_somewhere_in_the_series():
    text = "\n".join(
        path.read_text(encoding="utf-8")
        for pattern in CITING
        for path in ROOT.glob(pattern)
        if path.stem != "references"
    )
    unused = {key for key in REFERENCES if not re.search(rf"\b{re.escape(key)}\b", text)}
    assert unused == set()


@pytest.mark.parametrize("key", sorted(REFERENCES))
def test_every_entry_has_authors_year_title_and_a_place_to_find_it(key):
    ref = REFERENCES[key]
    assert ref.key == key
    assert ref.authors and ref.year and ref.title and ref.where
    assert ref.link == "" or ref.link.startswith(("https://", "http://"))
    assert key in ref.citation() or ref.title in ref.citation()


def test_an_unknown_key_is_an_error_not_a_blank_citation():
    with pytest.raises(KeyError, match="unknown reference key 'nobody1999'"):
        get("nobody1999")


def test_citations_keep_order_and_drop_repeats():
    assert [r.key for r in citations(["katz2022", "furlan2015", "katz2022"])] == [
        "katz2022",
        "furlan2015",
    ]


def test_html_citations_escape_their_text():
    assert "<script>" not in get("katz2022").citation_html()
    assert 'href="https://doi.org/10.1001/jama.2022.5921"' in get("katz2022").citation_html()


@pytest.mark.parametrize("key", sorted(REFERENCES))
def test_every_entry_has_every_field_its_kind_needs(key):
    # A journal article needs volume/pages and a DOI, PMID or address; a printed leaflet says
    # where it was read; everything else needs its address.
    assert REFERENCES[key].missing() == []


def test_an_article_without_pages_or_a_link_is_reported_incomplete():
    bare = Reference(key="x", authors="A B", year="2020", title="T", where="Journal", link="")
    assert "link" in bare.missing() and "volume/pages in where" in bare.missing()
    leaflet = Reference(key="y", authors="A", year="n.d.", title="T", where="W", link="",
                        kind=Kind.LEAFLET)  # fmt: skip
    assert leaflet.missing() == ["note (where the leaflet was read)"]


PARAPHRASE_MARKS = ("paraphras", "description of", "shortened", "not checked", "(news report)")


@pytest.mark.parametrize("key", sorted(REFERENCES))
def test_no_title_is_marked_as_paraphrased_or_unchecked(key):
    ref = REFERENCES[key]
    for mark in PARAPHRASE_MARKS:
        assert mark not in ref.title.lower() and mark not in ref.note.lower(), (key, mark)


def test_the_registry_holds_the_sources_the_decision_aid_needs():
    needed = {"sinaki1984", "fda_vibrator", "fda_esi2014", "joseph_williams2014"}
    assert needed <= set(REFERENCES)
    assert "890.5975" in get("fda_vibrator").title
    assert get("houten2022").link.endswith("10.1097/BSD.0000000000001405")
    assert get("fehlings2017").where.endswith("7(3 Suppl):70S-83S")
    assert not get("burns1987").authors.startswith("Journal")


# --- the registry is a CSL-JSON data file a clinician can correct ---------------------------

# CSL-JSON as the CSL schema (csl-data.json, 1.0.2) defines the fields this registry uses: an
# item may hold nothing else (project fields go in "custom"), and these are their JSON types.
CSL_TEXT_FIELDS = ("title", "container-title", "volume", "issue", "page", "number", "DOI", "URL",
                   "note")  # fmt: skip
CSL_ITEM_FIELDS = {"id", "type", "author", "issued", "custom", *CSL_TEXT_FIELDS}
CSL_TYPES = {"article-journal", "report", "webpage", "pamphlet", "regulation", "article-newspaper"}
CSL_NAME_PARTS = {"family", "given", "literal"}


def registry_items() -> list[dict]:
    return json.loads(REFERENCES_FILE.read_text(encoding="utf-8"))


def test_the_registry_file_is_valid_csl_json_a_reference_manager_can_import():
    items = registry_items()
    assert isinstance(items, list) and len(items) == len(REFERENCES)
    for item in items:
        where = item.get("id")
        assert isinstance(item["id"], str) and item["id"], where
        assert item["type"] in CSL_TYPES, where
        assert set(item) <= CSL_ITEM_FIELDS, (where, set(item) - CSL_ITEM_FIELDS)
        for field in CSL_TEXT_FIELDS:
            assert isinstance(item.get(field, ""), str), (where, field)
        assert isinstance(item["author"], list) and item["author"], where
        for name in item["author"]:
            assert set(name) <= CSL_NAME_PARTS and ("literal" in name or "family" in name), where
            assert all(isinstance(part, str) and part for part in name.values()), where
        issued = item["issued"]
        assert set(issued) in ({"date-parts"}, {"literal"}), where
        if "date-parts" in issued:
            assert all(isinstance(part, int) for part in issued["date-parts"][0]), where
        assert isinstance(item.get("custom", {}), dict), where


def test_every_entry_of_the_file_is_in_the_registry_in_file_order_with_its_csl_type():
    items = registry_items()
    assert [item["id"] for item in items] == list(REFERENCES)
    assert {item["id"]: item["type"] for item in items} == {
        key: CSL_TYPES_OF_KIND[ref.kind] for key, ref in REFERENCES.items()
    }
    assert load_references() == REFERENCES


def test_every_field_the_registry_accepts_is_explained_where_clinicians_edit_it():
    guide = (REFERENCES_FILE.parent / "README.md").read_text(encoding="utf-8")
    for field in sorted(CSL_ITEM_FIELDS | set(CUSTOM_FIELDS) | CSL_TYPES):
        assert f"`{field}`" in guide or f'"{field}"' in guide, field


def test_names_years_and_pages_are_printed_as_before_from_their_csl_parts():
    katz = get("katz2022")
    assert katz.authors == "Katz JN, Zimmerman ZE, Mass H, Makhni MC"
    assert katz.year == "2022" and katz.where == "JAMA 327(17):1688-1699"
    assert get("kalichman2009").authors == "Kalichman L, Cole R, Kim DH, et al."
    assert get("furlan2015").where == "Cochrane Database of Systematic Reviews, CD001929"
    assert get("mayo_stenosis").authors == "Mayo Clinic" and get("mayo_stenosis").year == "n.d."
    assert get("nice_ng59").year == "2016, updated 2020"


def edited_registry(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the registry's data file with one edit, as a clinician would make it."""
    text = REFERENCES_FILE.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "references.json"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_clinician_corrects_a_title_in_the_data_file_and_the_citation_shows_it(tmp_path):
    old = '"title": "Massage for low-back pain"'
    path = edited_registry(tmp_path, old, '"title": "Massage for low back pain"')
    corrected = load_references(path)["furlan2015"]
    assert corrected.title == "Massage for low back pain"
    assert "Massage for low back pain. Cochrane Database" in corrected.citation()
    assert corrected.link == "https://doi.org/10.1002/14651858.CD001929.pub3"


def test_a_clinician_adds_an_author_and_the_citation_lists_them_in_order(tmp_path):
    old = '{"family": "Makhni", "given": "MC"}]'
    path = edited_registry(tmp_path, old, f'{old[:-1]}, {{"family": "Doe", "given": "J"}}]')
    assert (
        load_references(path)["katz2022"]
        .citation()
        .startswith("Katz JN, Zimmerman ZE, Mass H, Makhni MC, Doe J (2022). Diagnosis")
    )


KATZ_AUTHORS = (
    '"author": [{"family": "Katz", "given": "JN"}, {"family": "Zimmerman", "given": "ZE"}, '
    '{"family": "Mass", "given": "H"}, {"family": "Makhni", "given": "MC"}]'
)

REGISTRY_MISTAKES = {
    "missing title": (
        '"title": "Massage for low-back pain",\n',
        "",
        "entry 'furlan2015', field 'title': missing (it is required)",
    ),
    "unknown type": (
        '"id": "nice_ng59",\n    "type": "report"',
        '"id": "nice_ng59",\n    "type": "guidance"',
        "entry 'nice_ng59', field 'type': must be one of article-journal, report, webpage",
    ),
    "article without pages": (
        '"volume": "327",\n    "issue": "17",\n    "page": "1688-1699",\n',
        "",
        "entry 'katz2022', field 'volume': type 'article-journal' needs volume and page",
    ),
    "year as text": (
        '"issued": {"date-parts": [[2022]]},\n    "container-title": "JAMA",\n    "volume": "327"',
        '"issued": "2022",\n    "container-title": "JAMA",\n    "volume": "327"',
        "entry 'katz2022', field 'issued': must be a table; got '2022'",
    ),
    "year without date-parts": (
        '"issued": {"date-parts": [[2022]]},\n    "container-title": "JAMA",\n    "volume": "327"',
        '"issued": {"year": 2022},\n    "container-title": "JAMA",\n    "volume": "327"',
        """entry 'katz2022', field 'issued': give {"date-parts": [[2022]]} or""",
    ),
    "author as one string": (
        KATZ_AUTHORS,
        '"author": "Katz JN, Zimmerman ZE, Mass H, Makhni MC"',
        "entry 'katz2022', field 'author': must be a list",
    ),
    "author name with a misspelt part": (
        '{"family": "Makhni", "given": "MC"}]',
        '{"family": "Makhni", "givne": "MC"}]',
        "entry 'katz2022', field 'author': each name must be",
    ),
    "a field CSL does not have": (
        '"DOI": "10.1001/jama.2022.5921"',
        '"doi": "10.1001/jama.2022.5921"',
        "entry 'katz2022', field 'doi': unknown field",
    ),
    "an unknown custom field": (
        '"custom": {"et-al": true, "topic": "Spinal stenosis: what it is, who gets it, how it '
        'shows itself"}\n  },\n  {\n    "id": "suri2010"',
        '"custom": {"etal": true}\n  },\n  {\n    "id": "suri2010"',
        "entry 'kalichman2009', field 'custom': unknown custom field 'etal'",
    ),
    "a doi and a url": (
        '"DOI": "10.1001/jama.2022.5921"',
        '"DOI": "10.1001/jama.2022.5921",\n    "URL": "https://jamanetwork.com/"',
        "entry 'katz2022', field 'URL': give a DOI or a URL, not both",
    ),
    "a doi written as an address": (
        '"DOI": "10.1001/jama.2022.5921"',
        '"DOI": "https://doi.org/10.1001/jama.2022.5921"',
        "entry 'katz2022', field 'DOI': the DOI alone",
    ),
    "duplicate id": (
        '"id": "jensen2020"',
        '"id": "katz2022"',
        "entry 'katz2022', field 'id': duplicate",
    ),
    "a field given twice": (
        '"title": "Massage for low-back pain",\n',
        '"title": "Massage for low-back pain",\n    "title": "Massage",\n',
        "entry 'furlan2015', field 'title': given twice in one entry",
    ),
}


@pytest.mark.parametrize("mistake", REGISTRY_MISTAKES)
def test_a_malformed_reference_fails_naming_the_file_the_entry_and_the_field(tmp_path, mistake):
    old, new, says = REGISTRY_MISTAKES[mistake]
    path = edited_registry(tmp_path, old, new)
    with pytest.raises(DataFileError) as caught:
        load_references(path)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{path}: {says}"), str(caught.value)


def test_a_json_syntax_error_names_the_file_the_line_and_the_column(tmp_path):
    # A comma left after the last field, the commonest slip when editing JSON by hand.
    doi = '"DOI": "10.1001/jama.2022.5921",\n'
    last = (
        '    "custom": {"topic": "Spinal stenosis: what it is, who gets it, how it shows itself"}\n'
    )
    path = edited_registry(tmp_path, doi + last, doi)
    line = path.read_text(encoding="utf-8").splitlines().index(f"    {doi.strip()}") + 2
    with pytest.raises(DataFileError) as caught:
        load_references(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: not valid JSON: "), message
    assert f"(line {line}, column 3)" in message and "\n" not in message
