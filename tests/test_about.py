"""The "About this series" page: who wrote it, funding, evidence date, review policy and how to
report an error, linked from every notebook and from the handouts (IPDAS, joseph_williams2014)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat

from widgets.content import navigation as nav
from widgets.tools.handouts.clean import link_notebooks_as_html
from widgets.tools.handouts.render import render_about

ROOT = Path(__file__).resolve().parents[1]
ABOUT = ROOT / "notebooks" / nav.ABOUT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_the_about_page_answers_what_a_decision_aid_must_disclose():
    text = ABOUT.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings[:5] == [
        "Who wrote it",
        "Who paid for it, and what we sell",
        "Where the facts come from",
        "How we keep it up to date",
        "How to tell us about a mistake",
    ]
    assert "no funding" in text and "sells nothing" in text
    assert re.search(r"searched for them in \w+ \d{4}", text)  # when the evidence was found
    assert re.search(r"next check is due by \w+ \d{4}", text)  # when it will be reviewed
    assert "emergency" in text  # safety first, even here


def test_the_about_page_is_plain_language():
    prose = re.sub(r"`[^`]*`|^#+ .*$", " ", ABOUT.read_text(encoding="utf-8"), flags=re.M)
    assert textstat.flesch_kincaid_grade(prose) <= 8.0


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_footer_links_the_about_page(path):
    import json

    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    footer = "".join(cells[-1]["source"])
    assert footer.startswith(nav.NAV_OPEN) and "(about_this_series.md)" in footer


def test_handouts_link_the_built_about_page_not_the_markdown():
    assert link_notebooks_as_html("[About this series](about_this_series.md)") == (
        "[About this series](about_this_series.html)"
    )
    html = render_about(ABOUT.read_text(encoding="utf-8"))
    assert "Who paid for it" in html and "<script src=" not in html
