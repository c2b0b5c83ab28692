"""A clinic can tell under which licence it may reuse the series: code MIT, content CC BY 4.0."""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

import widgets
from widgets import guidance as G
from widgets.content.clinic import CONTENT_LICENCE, LICENCE_NOTE
from widgets.render.handout import render_handout

ROOT = Path(__file__).resolve().parents[1]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_code_licence_is_the_mit_licence_pyproject_declares():
    assert _pyproject()["project"]["license"] == {"text": "MIT"}
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) ")
    assert "Permission is hereby granted, free of charge" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in text


def test_the_content_licence_holds_the_whole_cc_by_4_0_legal_code():
    text = (ROOT / "LICENSE-CONTENT").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International Public License" in text
    # The legal code runs from its definitions to its last section, and ends as published.
    for section in ("Section 1 – Definitions.", "Section 3 – License Conditions.",
                    "Section 8 – Interpretation."):  # fmt: skip
        assert section in text
    assert text.rstrip().endswith("Creative Commons may be contacted at creativecommons.org.")
    assert "notebooks" in text.split("Section 1")[0]  # says what it covers, before the code


def test_citation_cff_is_valid_yaml_with_the_packages_version_and_both_licences():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert citation["version"] == widgets.__version__  # the one source of the version
    assert citation["license"] == ["MIT", "CC-BY-4.0"]
    assert citation["title"] and citation["authors"] and citation["message"]


def test_the_readme_states_both_licences():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Licences", 1)[1].split("\n## ", 1)[0]
    assert "LICENSE-CONTENT" in section and "CC BY 4.0" in section
    assert "(LICENSE)" in section and "MIT" in section


def test_every_personal_handout_footer_states_the_content_licence():
    page = render_handout(G.starting_profile())
    footer = page.split("<footer>", 1)[1]
    assert CONTENT_LICENCE in footer and CONTENT_LICENCE in LICENCE_NOTE
