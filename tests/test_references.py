"""Every rule and medical statement cites the registry, and every registry entry is used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from widgets import guidance
from widgets.content.references import (
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
CITING = ("widgets/**/*.py", "widgets/**/*.toml", "widgets/**/*.yaml", "notebooks/*.ipynb")


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


# --- the registry is a data file a clinician can correct ------------------------------------


def edited_registry(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the registry's data file with one edit, as a clinician would make it."""
    text = REFERENCES_FILE.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "references.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_the_registry_is_read_from_its_data_file():
    assert REFERENCES_FILE.name == "references.toml"
    assert REFERENCES_FILE.read_text(encoding="utf-8").count("[[references]]") == len(REFERENCES)
    assert load_references() == REFERENCES


def test_a_clinician_corrects_a_title_in_the_data_file_and_the_citation_shows_it(tmp_path):
    old = 'title = "Massage for low-back pain"'
    path = edited_registry(tmp_path, old, 'title = "Massage for low back pain"')
    corrected = load_references(path)["furlan2015"]
    assert corrected.title == "Massage for low back pain"
    assert "Massage for low back pain. Cochrane Database" in corrected.citation()
    assert corrected.link == "https://doi.org/10.1002/14651858.CD001929.pub3"


REGISTRY_MISTAKES = {
    "missing title": (
        'title = "Massage for low-back pain"\n',
        "",
        "entry 'furlan2015', field 'title': missing (it is required)",
    ),
    "unknown type": (
        'id = "nice_ng59"\ntype = "guideline"',
        'id = "nice_ng59"\ntype = "guidance"',
        "entry 'nice_ng59', field 'type': must be one of article, guideline, web, leaflet",
    ),
    "article without pages": (
        'where = "JAMA 327(17):1688-1699"',
        'where = "JAMA"',
        "entry 'katz2022', field 'where': type 'article' needs volume/pages in where",
    ),
    "year as a number": (
        'id = "katz2022"\ntype = "article"\nauthor = "Katz JN, Zimmerman ZE, Mass H, Makhni MC"'
        '\nissued = "2022"',
        'id = "katz2022"\ntype = "article"\nauthor = "Katz JN, Zimmerman ZE, Mass H, Makhni MC"'
        "\nissued = 2022",
        "entry 'katz2022', field 'issued': must be text; got 2022",
    ),
    "a doi and a url": (
        'doi = "10.1001/jama.2022.5921"',
        'doi = "10.1001/jama.2022.5921"\nurl = "https://jamanetwork.com/"',
        "entry 'katz2022', field 'url': give a doi or a url, not both",
    ),
    "a doi written as an address": (
        'doi = "10.1001/jama.2022.5921"',
        'doi = "https://doi.org/10.1001/jama.2022.5921"',
        "entry 'katz2022', field 'doi': the DOI alone",
    ),
    "duplicate id": (
        'id = "jensen2020"',
        'id = "katz2022"',
        "entry 'katz2022', field 'id': duplicate",
    ),
}


@pytest.mark.parametrize("mistake", REGISTRY_MISTAKES)
def test_a_malformed_reference_fails_naming_the_file_the_entry_and_the_field(tmp_path, mistake):
    old, new, says = REGISTRY_MISTAKES[mistake]
    path = edited_registry(tmp_path, old, new)
    with pytest.raises(DataFileError) as caught:
        load_references(path)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{path}: [[references]] {says}"), str(caught.value)
