"""`make site` / `stenosis-series site`: a static website of the series that works from a USB
stick (file://) and any static host, with zero external requests (issue 13).

The site is built once per locale for this module: the whole series in the neutral words (with
the explorer page), and a two-part series for a UK and a US clinic. PDFs are left out
(``--no-pdf``) to keep the build fast; the handouts' own tests print them.
"""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import textstat
from conftest import ROOT, env_with_execution_store, run_with_clinic, serious_axe_violations

MAX_GRADE = 8.0
SMALL_SERIES = ("00_start_here.ipynb", "04_precautions.ipynb", "about_this_series.md")
SETTINGS = {
    "en": "",
    "en-GB": (
        'name = "Riverside Physio Clinic"\nphone = "01632 960000"\n'
        'emergency_number = "999"\nurgent_number = "111"\nlocale = "en-GB"\n'
    ),
    "en-US": 'name = "Lakeside Physical Therapy"\nemergency_number = "911"\nlocale = "en-US"\n',
}
OWN = {
    "en": ("your emergency number", "emergency department"),
    "en-GB": ("999", "A&amp;E", "NHS 111", "Riverside Physio Clinic", "01632 960000"),
    "en-US": ("911", "emergency room", "Lakeside Physical Therapy"),
}
NEVER = {
    "en": ("999", "911", "A&amp;E", "emergency room"),
    "en-GB": ("911", "emergency room", "your emergency number", "emergency department"),
    "en-US": ("999", "A&amp;E", "NHS 111", "your emergency number", "emergency department"),
}
LANDING_PAGES = ("index.html", "large-print.html")
# Where a link may point without being a file of the site: other sites are visited, not loaded.
ELSEWHERE = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:")
# Elements whose src/href the browser loads as the page opens (an <a href> it does not).
LOADING_TAGS = frozenset({"script", "img", "link", "iframe", "source", "video", "audio",
                          "embed", "object", "track", "input"})  # fmt: skip


@pytest.fixture(scope="module", params=sorted(SETTINGS))
def site(request, tmp_path_factory) -> tuple[str, Path]:
    """(locale, site folder), built by the console command as a clinic would run it."""
    locale = request.param
    work = tmp_path_factory.mktemp(f"site-{locale}")
    out = work / "site"
    args = ["-m", "widgets.tools.cli", "site", "--no-pdf", "--out", str(out)]
    if locale == "en":  # the whole series, as `make site` builds it
        # The notebooks' runs are shared with the run's other builds (conftest.execution_store).
        env = {k: v for k, v in env_with_execution_store(tmp_path_factory).items() if k != "CLINIC"}
        result = subprocess.run([sys.executable, *args], capture_output=True, text=True,
                                cwd=ROOT, env=env, timeout=900)  # fmt: skip
    else:
        notebooks = work / "notebooks"
        notebooks.mkdir()
        for name in SMALL_SERIES:
            (notebooks / name).write_bytes((ROOT / "notebooks" / name).read_bytes())
        args += ["--notebooks", str(notebooks), "--no-explorer"]
        result = run_with_clinic(SETTINGS[locale], work, *args)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return locale, out


class _Links(HTMLParser):
    """Every href and src in a page, with whether the browser loads it as the page opens."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append((value.strip(), tag in LOADING_TAGS or name == "src"))


def links_of(page: Path) -> list[tuple[str, bool]]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


def local_target(page: Path, link: str) -> Path | None:
    """The file a relative link points at, or None for another site or a place on this page."""
    if link.startswith(ELSEWHERE) or link.startswith("#"):
        return None
    path = unquote(urlsplit(link).path)
    return (page.parent / path).resolve() if path else None


def crawl(folder: Path) -> tuple[set[Path], list[str]]:
    """Every page reached from the landing pages by following links, and every broken link."""
    seen: set[Path] = set()
    broken: list[str] = []
    queue = [folder / name for name in LANDING_PAGES]
    while queue:
        page = queue.pop()
        if page in seen:
            continue
        seen.add(page)
        for link, _ in links_of(page):
            target = local_target(page, link)
            if target is None:
                continue
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(folder)} -> {link}")
            elif folder not in target.parents:
                broken.append(f"{page.relative_to(folder)} -> {link} (outside the site)")
            elif target.suffix == ".html":
                queue.append(target)
    return seen, broken


def visible_text(html: str) -> str:
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.DOTALL)
    html = re.sub(r'<span class="sr-only">.*?</span>', "", html)
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", text).replace("&amp;", "&").strip()


def _page(site: tuple[str, Path], name: str = "index.html") -> str:
    return (site[1] / name).read_text(encoding="utf-8")


# --- Links ---------------------------------------------------------------------------------


def left_out_of(locale: str) -> tuple[str, ...]:
    """The notebooks a site's series leaves out: its pages still name them (the UK and US
    sites are built from two parts of the series, to keep the build short)."""
    if locale == "en":
        return ()
    return tuple(p.stem for p in (ROOT / "notebooks").glob("*.ipynb")
                 if p.name not in SMALL_SERIES)  # fmt: skip


def test_every_link_from_the_landing_pages_finds_its_file(site):
    locale, folder = site
    pages, broken = crawl(folder)
    # Built with --no-pdf: the handouts' list links the PDFs that a full build prints.
    missing = [b for b in broken if not b.endswith(".pdf")]
    left_out = left_out_of(locale)
    assert [b for b in missing if not b.rpartition(" -> ")[2].startswith(left_out)] == []
    assert len(pages) > 10


def test_the_landing_page_links_every_parts_handout_and_short_version(site):
    _, folder = site
    notebooks = sorted((folder / "handouts").glob("[0-9]*.html"))
    assert notebooks
    page = _page(site)
    for handout in notebooks:
        assert f'href="handouts/{handout.name}"' in page
        assert f'href="handouts/summary/{handout.name}"' in page
    for target in ("handouts/warning-signs-card.html", "handouts/large-print/index.html",
                   "slides/index.html", "large-print.html"):  # fmt: skip
        assert f'href="{target}"' in page, target


def test_the_large_print_landing_page_leads_to_the_large_print_handouts(site):
    _, folder = site
    parts = re.findall(r'href="(handouts/[^"]*0\d_[^"]*\.html)"', _page(site, "large-print.html"))
    assert parts and all(p.startswith("handouts/large-print/") for p in parts)
    assert (folder / "handouts" / "large-print" / "index.html").is_file()


def test_the_explorer_page_is_linked_when_it_was_built(site):
    locale, folder = site
    linked = 'href="explorer/index.html"' in _page(site)
    assert linked == (folder / "explorer" / "index.html").is_file()
    # The whole series is built as `make site` builds it, explorer included (its runtime is
    # fetched once and cached); the small UK and US sites are built with --no-explorer.
    assert linked == (locale == "en")


# --- Offline ---------------------------------------------------------------------------------


def test_no_page_loads_anything_from_another_site(site):
    _, folder = site
    for page in folder.rglob("*.html"):
        loads = [link for link, loading in links_of(page) if loading]
        external = [link for link in loads if link.startswith(("http:", "https:", "//"))]
        assert external == [], page.relative_to(folder)
    for sheet in folder.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"""(url\(\s*['"]?|@import\s+['"])(https?:)?//""", text), sheet


# --- What the landing page says ------------------------------------------------------------


def test_the_landing_page_says_what_it_is_who_it_is_for_and_that_it_is_not_advice(site):
    text = visible_text(_page(site))
    assert "Can I use a back massager if I have spinal stenosis?" in text
    assert "It is for people who" in text
    assert "This is education, not medical advice." in text
    assert "Warning signs" in text


def test_the_clinics_numbers_and_words_appear_and_no_other_locales(site):
    locale, _ = site
    for name in LANDING_PAGES:
        page = re.sub(r"<style\b.*?</style>", "", _page(site, name), flags=re.DOTALL)
        for words in OWN[locale]:
            assert words in page, f"{name}: no {words!r}"
        for words in NEVER[locale]:
            assert words not in page, f"{name}: {words!r}"
        assert f'<html lang="{locale}">' in page


def test_the_footer_names_the_content_licence_and_the_clinic(site):
    locale, _ = site
    footer = _page(site)[_page(site).index("<footer") :]
    assert "CC BY 4.0" in footer
    if locale == "en-GB":
        assert "Riverside Physio Clinic" in footer and "01632 960000" in footer


def test_the_landing_pages_read_at_grade_8_or_below(site):
    for name in LANDING_PAGES:
        page = _page(site, name)
        main = page[page.index("<main") : page.index("</main>")]
        grade = textstat.flesch_kincaid_grade(visible_text(main))
        assert grade <= MAX_GRADE, f"{name}: grade {grade:.1f}"


# --- In a browser ------------------------------------------------------------------------------


@pytest.mark.browser
def test_every_page_opens_from_a_disk_with_no_request_outside_it(site, browser):
    _, folder = site
    pages, _ = crawl(folder)
    context = browser.new_context()
    outside: list[str] = []

    def cut_off(route) -> None:  # the network is blocked: anything not in a file fails
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", cut_off)
    page = context.new_page()
    try:
        for path in sorted(pages):
            page.goto(path.as_uri(), wait_until="load", timeout=60_000)
            assert outside == [], path.relative_to(folder)
    finally:
        context.close()


@pytest.fixture(scope="module")
def tab(browser):
    """One tab the checks below load page after page into, every locale's; each load starts
    the page afresh. A new tab for each is a new renderer process, which compiles axe-core anew.
    """
    page = browser.new_page()
    try:
        yield page
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", LANDING_PAGES)
def test_axe_finds_nothing_serious_on_the_landing_pages(site, tab, name):
    tab.goto((site[1] / name).as_uri(), timeout=60_000)
    assert serious_axe_violations(tab) == []


@pytest.mark.browser
def test_the_large_print_landing_page_is_in_large_type(site, tab):
    sizes = {}
    for name in LANDING_PAGES:
        tab.goto((site[1] / name).as_uri(), timeout=60_000)
        sizes[name] = tab.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)"
        )
    assert sizes["large-print.html"] >= 24 > sizes["index.html"] >= 16


# --- Every locale's handouts, not only its landing pages ----------------------------------------


def _handout_pages(folder: Path) -> list[Path]:
    """The small series' handouts and the warning-sign card, in the site's locale."""
    handouts = folder / "handouts"
    stems = [Path(name).stem for name in SMALL_SERIES if name.endswith(".ipynb")]
    return [handouts / f"{stem}.html" for stem in stems] + [handouts / "warning-signs-card.html"]


def test_the_warning_sign_card_reads_at_grade_8_or_below_in_every_locale(site):
    card = (site[1] / "handouts" / "warning-signs-card.html").read_text(encoding="utf-8")
    grade = textstat.flesch_kincaid_grade(visible_text(card))
    assert grade <= MAX_GRADE, f"{site[0]}: grade {grade:.1f}"


@pytest.mark.browser
def test_axe_finds_nothing_serious_on_the_handouts_in_every_locale(site, tab):
    bad: list[str] = []
    for path in _handout_pages(site[1]):
        assert path.is_file(), path
        tab.goto(path.as_uri(), timeout=60_000)
        bad += [f"{path.name}: {found}" for found in serious_axe_violations(tab)]
    assert bad == [], site[0]
