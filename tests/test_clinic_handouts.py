"""A clinic's handouts speak its own words and numbers: built with a UK settings file (999, 111,
a clinic name and phone) and a US one (911), every warning list, card and footer follows them,
and the other country's words appear nowhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, run_with_clinic

NOTEBOOKS = ("00_start_here", "04_precautions")

SETTINGS = {
    "en-GB": (
        'name = "Riverside Physio Clinic"\nphone = "01632 960000"\n'
        'emergency_number = "999"\nurgent_number = "111"\nlocale = "en-GB"\n'
    ),
    "en-US": 'name = "Lakeside Physical Therapy"\nemergency_number = "911"\nlocale = "en-US"\n',
}
OWN = {
    "en-GB": ("999", "A&amp;E", "Riverside Physio Clinic", "01632 960000"),
    "en-US": ("911", "emergency room", "Lakeside Physical Therapy"),
}
NEVER = {
    "en-GB": ("911", "emergency room", "your emergency number", "emergency department"),
    "en-US": ("999", "A&amp;E", "NHS 111", "your emergency number", "emergency department"),
}


@pytest.fixture(scope="module", params=sorted(SETTINGS))
def built(request, tmp_path_factory) -> tuple[str, Path]:
    locale = request.param
    work = tmp_path_factory.mktemp(f"clinic-{locale}")
    notebooks = work / "notebooks"
    notebooks.mkdir()
    for stem in NOTEBOOKS:
        source = ROOT / "notebooks" / f"{stem}.ipynb"
        (notebooks / source.name).write_bytes(source.read_bytes())
    about = ROOT / "notebooks" / "about_this_series.md"
    if about.exists():
        (notebooks / about.name).write_bytes(about.read_bytes())
    out = work / "handouts"
    result = run_with_clinic(
        SETTINGS[locale], work, "-m", "widgets.tools.build_handouts", "--notebooks",
        str(notebooks), "--out", str(out), "--no-pdf",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return locale, out


def _text(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return re.sub(r"<(style|script)\b.*?</\1>", "", html, flags=re.DOTALL)


def test_every_page_card_and_footer_carries_the_clinics_words_and_numbers(built):
    locale, out = built
    pages = [out / f"{stem}.html" for stem in NOTEBOOKS]
    pages += [out / "summary" / f"{stem}.html" for stem in NOTEBOOKS]
    pages += [out / "warning-signs-card.html", out / "index.html", out / "series.html"]
    for page in pages:
        text = _text(page)
        for word in OWN[locale]:
            assert word in text, f"{page.name}: no {word!r}"
        for word in NEVER[locale]:
            assert word not in text, f"{page.name}: {word!r}"
        if 'class="handout-footer"' in text:  # the warning list every page's footer carries
            assert OWN[locale][0] in text[text.index('class="handout-footer"') :], page.name


def test_the_licence_is_stated_in_every_handout_footer(built):
    _, out = built
    for page in (out / "00_start_here.html", out / "warning-signs-card.html"):
        footer = _text(page)[_text(page).index("<footer") :]
        assert "CC BY 4.0" in footer, page.name


@pytest.mark.parametrize(
    ("settings", "key"),
    [('locale = "fr"\n', "locale"), ('colour = "blue"\n', "colour"),
     ('emergency_number = "call us"\n', "emergency_number")],
)  # fmt: skip
def test_a_bad_settings_file_stops_the_handout_build_with_one_line(tmp_path, settings, key):
    out = tmp_path / "out"
    result = run_with_clinic(
        settings, tmp_path, "-m", "widgets.tools.build_handouts", "--out", str(out)
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and key in lines[0] and "Traceback" not in result.stderr
    assert not out.exists()


_PRINT_CARD = """
import re, sys
from pathlib import Path
from widgets.tools.handouts.card import warning_card_html
from widgets.tools.handouts.pdf import print_pdf
out = Path(sys.argv[1])
(out / "card.html").write_text(warning_card_html(), encoding="utf-8")
pdf = print_pdf(out / "card.html", out / "card.pdf").read_bytes()
print(len(re.findall(rb"/Type\\s*/Page(?![a-zA-Z])", pdf)))
"""

FULL_CONTACT = {
    "en-GB": SETTINGS["en-GB"] + 'website = "https://riverside.example"\n',
    "en-US": SETTINGS["en-US"] + 'phone = "(555) 010-0199"\nwebsite = "https://lakeside.example"\n',
}


@pytest.mark.browser
@pytest.mark.parametrize("locale", sorted(FULL_CONTACT))
def test_the_warning_sign_card_stays_on_one_page_with_a_clinics_full_contact(
    tmp_path, chromium_path, locale
):
    result = run_with_clinic(
        FULL_CONTACT[locale], tmp_path, "-c", _PRINT_CARD, str(tmp_path), cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1"
    assert "lakeside.example" in (tmp_path / "card.html").read_text("utf-8") or locale == "en-GB"
