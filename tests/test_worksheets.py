"""Worksheets (widgets/render/worksheets.py): somewhere to write, in plain words, and no advice."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import textstat

from widgets.render.worksheets import WORKSHEETS, Worksheet, my_plan_sheet, walking_log

SHEETS = sorted(WORKSHEETS)


class _Text(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.feed(html)

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.parts.append(data.strip())


def words_of(sheet: Worksheet) -> str:
    """Each label as a sentence, so the readability formula sees them as a reader does."""
    return " ".join(p if p[-1] in ".?!:" else p + "." for p in _Text(sheet.html).parts)


@pytest.mark.parametrize("stem", SHEETS)
def test_each_worksheet_displays_itself_as_html_with_a_name_and_no_headings(stem):
    sheet = WORKSHEETS[stem]()
    # Displayed: the sheet whole, then a short box only a live RISE slide shows (rise.css).
    assert sheet._repr_html_().startswith(f'<div class="sms-live-full">{sheet.html}</div>')
    assert '<div class="sms-live-room" style="display:none">' in sheet._repr_html_()
    assert f'data-worksheet="{sheet.name}"' in sheet.html
    assert not re.search(r"<h[1-6]\b", sheet.html), "a heading would break the page's order"
    assert not re.search(r"<script|<link|url\(", sheet.html), "nothing to fetch"


@pytest.mark.parametrize("stem", SHEETS)
def test_each_worksheet_is_at_grade_8_or_below(stem):
    assert textstat.flesch_kincaid_grade(words_of(WORKSHEETS[stem]())) <= 8.0


def test_the_walking_log_has_a_row_for_each_of_fourteen_days():
    html = walking_log().html
    assert [int(d) for d in re.findall(r">Day (\d+)</th>", html)] == list(range(1, 15))


def test_the_plan_has_lines_to_write_on_for_questions_and_what_the_clinician_said():
    html = my_plan_sheet().html
    assert html.count('class="sms-write-in"') >= 10
    for label in ("Questions to ask my clinician:", "What my clinician told me, in my own words:"):
        assert label in html


@pytest.mark.parametrize("stem", SHEETS)
def test_tables_have_header_cells_for_screen_readers(stem):
    html = WORKSHEETS[stem]().html
    for table in re.findall(r"<table.*?</table>", html, re.DOTALL):
        assert '<th scope="col"' in table and "<caption" in table
