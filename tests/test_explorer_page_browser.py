"""The explorer page: the notebook explorer's questions and card in a browser, with no Python.

The page is built once for this file, for a UK clinic (999, A&E, a clinic name and phone), and
served from a loopback server. Every browser test blocks each request that leaves the page's
own origin and insists none was attempted: the page, its runtime and its Python ship inside it.
The card the page draws must be, byte for byte, the card CPython draws for the same answers.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import serious_axe_violations
from strategies import random_profiles

from widgets import guidance as G
from widgets.content.clinic import Clinic
from widgets.render.cards import card_html, example_title, read_cards
from widgets.render.handout import handout_filename, render_handout
from widgets.tools.explorer import build as B
from widgets.tools.explorer.in_page import Page
from widgets.tools.explorer.runtime import (
    PYODIDE_INTEGRITY,
    RUNTIME_FILES,
    RuntimeUnavailable,
    ensure_runtime,
    integrity_of,
)
from widgets.tools.explorer.serve import serving
from widgets.tools.safe_output import OutputRefused

ROOT = Path(__file__).resolve().parents[1]
UK = Clinic(name="Riverside Spine Clinic", phone="01632 960 123", locale="en-GB")
LOAD_TIMEOUT_MS = 60_000
ATTEMPTS = 2
PARITY_PROFILES = 1000


@pytest.fixture(scope="module")
def runtime() -> Path:
    """The cached Pyodide runtime (fetched once if this machine has never built the page)."""
    return ensure_runtime()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, runtime: Path) -> Path:
    out = tmp_path_factory.mktemp("explorer-site") / "explorer"
    B.build_explorer(out, UK, runtime=runtime)
    return out


@pytest.fixture(scope="module")
def origin(site: Path):
    with serving(site) as url:
        yield url


# ---------------------------------------------------------------------------
# The runtime: pinned, checked, cached
# ---------------------------------------------------------------------------


def _fake_tarball() -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name in RUNTIME_FILES:
            data = b"not the real runtime"
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_a_download_that_does_not_match_the_pinned_hash_is_refused_and_nothing_is_cached(
    tmp_path: Path,
):
    tampered = _fake_tarball()
    assert integrity_of(tampered) != PYODIDE_INTEGRITY
    with pytest.raises(RuntimeUnavailable, match="does not match the pinned integrity"):
        ensure_runtime(cache=tmp_path, fetch=lambda _url: tampered)
    assert list(tmp_path.iterdir()) == []


def test_a_cached_runtime_is_used_without_the_network(runtime: Path):
    def no_network(url: str) -> bytes:
        raise AssertionError(f"fetched {url} although the runtime is cached")

    assert ensure_runtime(cache=runtime.parent, fetch=no_network) == runtime
    assert sorted(p.name for p in runtime.iterdir() if p.name in RUNTIME_FILES) == sorted(
        RUNTIME_FILES
    )


def test_no_network_and_no_cache_is_one_line_and_exit_2(tmp_path: Path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "SMS_NPM_REGISTRY": "http://127.0.0.1:9"}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "widgets.tools.explorer.runtime"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("error: cannot fetch Pyodide")
    assert not (tmp_path / "cache" / "stenosis-series" / "pyodide" / "0.29.5").exists()


# ---------------------------------------------------------------------------
# The build: what it ships, what it refuses
# ---------------------------------------------------------------------------


def test_the_page_ships_only_engine_content_and_render_code(site: Path):
    with zipfile.ZipFile(site / B.BUNDLE) as bundle:
        names = bundle.namelist()
    assert f"{B.SHIPPED_PAGE_MODULE}.py" in names
    assert "widgets/guidance.py" in names and "widgets/render/cards.py" in names
    assert "widgets/render/handout.py" in names
    shipped = [n for n in names if n.startswith("widgets/")]
    assert all(n.split("/")[1] not in ("ui", "tools") for n in shipped), shipped
    assert sorted(p.name for p in (site / "pyodide").iterdir()) == sorted(RUNTIME_FILES)
    # Beside the series' code: the two pure-Python libraries the templates need, and no more.
    assert {n.split("/")[0] for n in names if "/" in n} == {"widgets", "jinja2", "markupsafe"}


def test_the_page_ships_the_templates_it_draws_with_and_only_those(site: Path):
    with zipfile.ZipFile(site / B.BUNDLE) as bundle:
        names = bundle.namelist()
    templates = {n.rsplit("/", 1)[1] for n in names if n.endswith(".j2")}
    # The card, the answers, the warning signs and the handout page; signs.html.j2 imports
    # the citation marks from card.html.j2, which the build finds by reading the template.
    expected = {"card.html.j2", "profile.html.j2", "signs.html.j2", "handout.html.j2"}
    assert templates == expected
    assert all(f"widgets/render/templates/{t}" in names for t in expected)
    # The notebooks' panels and worksheets are not part of the page.
    assert "panels.html.j2" not in templates and "worksheet.html.j2" not in templates


def test_jinja2_and_markupsafe_ship_as_python_source_with_their_licences(site: Path):
    import jinja2
    import markupsafe

    with zipfile.ZipFile(site / B.BUNDLE) as bundle:
        names = bundle.namelist()
        for library in (jinja2, markupsafe):
            name = library.__name__
            installed = Path(library.__file__).parent
            expected = {f"{name}/{p.name}" for p in installed.glob("*.py")}
            assert {n for n in names if n.startswith(f"{name}/") and n.endswith(".py")} == expected
            assert bundle.read(f"{name}/__init__.py") == (installed / "__init__.py").read_bytes()
    # No compiled speed-up, C source or type stub: Pyodide's core could not load them.
    assert [n for n in names if n.endswith((".so", ".c", ".pyi", ".pyd"))] == []
    footer = (site / "index.html").read_text(encoding="utf-8").split("<footer>")[1]
    for library in (jinja2, markupsafe):
        shipped = B.shipped_library(library.__name__)
        assert f"{shipped.project} {shipped.version}" in footer
        href = f"{B.LICENCES_FOLDER}/{shipped.project}-LICENSE.txt"
        assert f'href="{href}"' in footer
        text = (site / href).read_text(encoding="utf-8")
        assert "Redistribution and use in source and binary forms" in text  # BSD-3-Clause
    assert "BSD-3-Clause licence" in footer


def test_the_pages_script_finds_the_bundle_without_editing_sys_path(site: Path):
    # The bundle unpacks into site-packages, already on sys.path (issue 15: no sys.path
    # edits anywhere, in the page's Python either).
    script = (site / "app.js").read_text(encoding="utf-8")
    python = re.findall(r'runPython\("([^"]*)"\)', script)
    assert python, "the page runs no Python of its own"
    assert [code for code in python if re.search(r"sys\.path\s*(\.\w+\(|\+?=|\[)", code)] == []
    assert "sysconfig.get_path('purelib')" in script and "extractDir: sitePackages" in script


def test_the_bundle_is_the_same_bytes_every_time_it_is_built(site: Path, runtime: Path):
    assert B.page_bundle(runtime) == (site / B.BUNDLE).read_bytes()


def test_a_shipped_module_that_names_a_missing_template_stops_the_build(
    monkeypatch, tmp_path: Path
):
    page_module = tmp_path / "in_page.py"
    page_module.write_text('from widgets import guidance\nTEMPLATE = "no_such_card.html.j2"\n')
    real = B._module_file
    monkeypatch.setattr(
        B, "_module_file", lambda name: page_module if name == B.PAGE_MODULE else real(name)
    )
    with pytest.raises(B.ExplorerBuildError, match=re.escape("no_such_card.html.j2")):
        B.page_bundle()


def test_the_shipped_python_draws_a_card_and_a_handout_with_the_standard_library_alone(
    site: Path, tmp_path: Path
):
    # Python started with no site-packages (-S, -s) and nothing from the environment (-E)
    # sees only the standard library and the bundle unpacked in its working folder ("" on
    # sys.path), as Pyodide's core does: Jinja2 and MarkupSafe must come from the bundle.
    with zipfile.ZipFile(site / B.BUNDLE) as bundle:
        bundle.extractall(tmp_path)
    start = json.dumps(G.starting_profile().to_dict())
    script = (
        "import json\n"
        f"import {B.SHIPPED_PAGE_MODULE} as page\n"
        "p = page.Page.from_json('{}')\n"
        f"card = p.card_for({start!r})\n"
        f"made = json.loads(p.handout_for({start!r}))\n"
        "assert 'sms-card' in card and 'sms-card' in made['html']\n"
        "import jinja2, markupsafe, widgets\n"
        "print(widgets.__file__, jinja2.__file__, markupsafe._escape_inner.__module__)\n"
    )
    done = subprocess.run([sys.executable, "-E", "-s", "-S", "-c", script], capture_output=True,
                          text=True, cwd=tmp_path, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    widgets_file, jinja2_file, escaper = done.stdout.split()
    assert Path(widgets_file) == tmp_path / "widgets" / "__init__.py"
    assert Path(jinja2_file) == tmp_path / "jinja2" / "__init__.py"
    assert escaper == "markupsafe._native"  # the pure-Python escaper, as in Pyodide


def test_a_module_that_imports_a_jupyter_library_stops_the_build(monkeypatch, tmp_path: Path):
    page_module = tmp_path / "in_page.py"
    page_module.write_text("import ipywidgets\nfrom widgets import guidance\n")
    real = B._module_file
    monkeypatch.setattr(
        B, "_module_file", lambda name: page_module if name == B.PAGE_MODULE else real(name)
    )
    with pytest.raises(B.ExplorerBuildError, match="imports ipywidgets"):
        B.page_modules()
    # An import inside a function runs only if it is called: it does not stop the build.
    page_module.write_text("from widgets import guidance\ndef later():\n    import yaml\n")
    assert "widgets.guidance" in B.page_modules()


def test_building_over_a_folder_of_someone_elses_files_is_refused_untouched(
    tmp_path: Path, runtime: Path
):
    theirs = tmp_path / "explorer"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("mine")
    with pytest.raises(OutputRefused):
        B.build_explorer(theirs, UK, runtime=runtime)
    assert [p.name for p in theirs.iterdir()] == ["notes.txt"]
    assert (theirs / "notes.txt").read_text() == "mine"


def _build_command(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "widgets.tools.explorer.build", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip


def test_the_build_command_refuses_bad_clinic_settings_in_one_line(tmp_path: Path):
    settings = tmp_path / "clinic.toml"
    settings.write_text('locale = "fr"\n')
    done = _build_command("--out", str(tmp_path / "explorer"), "--clinic", str(settings))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "locale must be one of en, en-GB, en-US" in done.stderr
    assert not (tmp_path / "explorer").exists()


def test_the_build_command_writes_the_page_for_the_clinic_it_is_given(tmp_path: Path, runtime):
    settings = tmp_path / "clinic.toml"
    settings.write_text('locale = "en-US"\nname = "Lakeside Clinic"\n')
    done = _build_command("--out", str(tmp_path / "explorer"), "--clinic", str(settings))
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "explorer" / "index.html").read_text(encoding="utf-8")
    assert 'lang="en-US"' in html and "Lakeside Clinic" in html and "call 911" in html
    assert "emergency room" in html and "A&amp;E" not in html


class _Controls(HTMLParser):
    """Every form control's id, every label's target, and the words of labels, legends and
    drop-down choices."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[str] = []
        self.label_for: dict[str, str] = {}
        self.words: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag in ("input", "select", "textarea"):
            self.controls.append(found.get("id") or "")
        if tag == "label":
            self.label_for[found.get("for") or ""] = ""
        if tag in ("label", "legend", "option"):
            self._open = tag
            self.words.append("")

    def handle_endtag(self, tag):
        if tag == self._open:
            self._open = None

    def handle_data(self, data):
        if self._open:
            self.words[-1] += data


def test_every_control_has_a_label_and_the_notebook_explorers_words(site: Path):
    page = _Controls()
    page.feed((site / "index.html").read_text(encoding="utf-8"))
    assert page.controls and all(c in page.label_for for c in page.controls), page.controls
    shown = set(page.words)
    assert set(B.FIELD_LABELS.values()) <= shown
    for vocabulary in (G.REGIONS, G.SEVERITIES, G.SYMPTOMS, G.CONDITIONS, G.DEVICES, G.AREAS):
        assert set(vocabulary.values()) <= shown, set(vocabulary.values()) - shown


def test_every_profile_field_has_exactly_one_control_read_back_by_the_page():
    from dataclasses import fields

    assert sorted(B._FIELD_KINDS) == sorted(f.name for f in fields(G.Profile))
    assert set(B._FIELD_KINDS) == set(B.FIELD_LABELS)


def test_building_the_page_needs_no_jupyter_library(tmp_path: Path, runtime: Path):
    script = (
        "import sys\n"
        "for name in ('ipywidgets', 'IPython', 'jupyter_client', 'nbformat'):\n"
        "    sys.modules[name] = None  # any import of them now fails\n"
        "from pathlib import Path\n"
        "from widgets.content.clinic import Clinic\n"
        "from widgets.tools.explorer.build import build_explorer\n"
        f"out, runtime = Path({str(tmp_path / 'out')!r}), Path({str(runtime)!r})\n"
        "build_explorer(out, Clinic(), runtime=runtime)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "index.html").is_file()


def test_the_page_speaks_the_clinics_words_and_numbers_before_any_script_runs(site: Path):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "Riverside Spine Clinic" in html and "01632 960 123" in html
    assert "call 999" in html and "A&amp;E" in html
    assert "emergency department" not in html and "your emergency number" not in html
    assert 'lang="en-GB"' in html
    # Before Pyodide starts, the card's place says it is loading, in words.
    assert f'<p class="sms-status">{B.LOADING}</p></div>' in html


def test_the_page_module_draws_the_render_floors_card_and_handout_unchanged():
    here = Page(UK)
    for profile in random_profiles(50, seed=7):
        drawn = here.card_for(json.dumps(profile.to_dict()))
        if profile != G.starting_profile():
            assert drawn == card_html(G.assess(profile), clinic=UK)
    start = G.starting_profile()
    assert here.card_for(json.dumps(start.to_dict())) == card_html(
        G.assess(start), title=example_title(start), clinic=UK
    )
    made = json.loads(here.handout_for(json.dumps({**start.to_dict(), "name": "Ann"})))
    assert made["html"] == render_handout(start, name="Ann", clinic=UK)
    assert made["filename"] == handout_filename()


def test_the_pages_own_sentences_are_plain_language():
    import textstat

    sentences = (*B.PAGE_SENTENCES, B.libraries_note())
    grades = {text: textstat.flesch_kincaid_grade(text) for text in sentences}
    assert {text: grade for text, grade in grades.items() if grade > 8.0} == {}


# ---------------------------------------------------------------------------
# In the browser
# ---------------------------------------------------------------------------


@dataclass
class Visit:
    """The page in a tab, with every request off the origin blocked and noted."""

    page: object
    blocked: list[str] = field(default_factory=list)


def _load(visit: Visit, origin: str) -> Visit:
    """Load the page afresh into ``visit``'s tab until the engine is ready or has failed;
    a stalled load is loaded once more."""
    last: Exception | None = None
    for _attempt in range(ATTEMPTS):
        visit.blocked.clear()
        try:
            visit.page.goto(f"{origin}/index.html", timeout=LOAD_TIMEOUT_MS)
            visit.page.wait_for_selector("html:not([data-explorer=loading])",
                                         timeout=LOAD_TIMEOUT_MS)  # fmt: skip
            return visit
        except Exception as error:  # a stalled load shows up as a Playwright timeout
            last = error
    raise AssertionError(f"{origin}/index.html did not finish loading in {ATTEMPTS} tries: {last}")


def _route_within(origin: str, visit: Visit, block: str = ""):
    def route(route) -> None:
        url = route.request.url
        if url.startswith(origin + "/") and not (block and url.endswith(block)):
            route.continue_()
        else:
            if not url.startswith(origin + "/"):
                visit.blocked.append(url)
            route.abort()

    return route


@pytest.fixture(scope="module")
def explorer_tab(browser, origin: str) -> Iterator[Visit]:
    """One tab each worker loads the page into, visit after visit; each load starts the page
    afresh, and the page keeps nothing between loads (no storage, no cookies). A new tab for
    each visit is a new renderer process, which compiles Pyodide's runtime anew."""
    context = browser.new_context(accept_downloads=True)
    visit = Visit(context.new_page())
    visit.page.route("**/*", _route_within(origin, visit))
    try:
        yield visit
    finally:
        context.close()


def _visit(tab: Visit, origin: str, *, width: int = 1280, height: int = 900) -> Visit:
    tab.page.set_viewport_size({"width": width, "height": height})
    return _load(tab, origin)


@pytest.mark.browser
def test_the_page_draws_the_same_card_as_cpython_for_a_thousand_random_answers(
    explorer_tab, origin
):
    profiles = [G.starting_profile(), *random_profiles(PARITY_PROFILES)]
    answers = [p.to_dict() for p in profiles]
    here = Page(UK)
    expected = [here.card_for(json.dumps(a)) for a in answers]
    levels = {card.level for card in read_cards("".join(expected))}
    assert levels == {"green", "amber", "red"}  # the sample reaches every kind of card
    visit = _visit(explorer_tab, origin)
    assert visit.page.get_attribute("html", "data-explorer") == "ready"
    got = visit.page.evaluate("(answers) => window.smsExplorer.cardsFor(answers)", answers)
    mismatched = [i for i, (a, b) in enumerate(zip(got, expected, strict=True)) if a != b]
    assert mismatched == [], f"{len(mismatched)} cards differ, first {profiles[mismatched[0]]}"
    assert visit.blocked == []


def _card(page) -> object:
    return read_cards(page.inner_html("#sms-card-slot"))[0]


@pytest.mark.browser
def test_ticking_a_warning_sign_by_keyboard_turns_the_card_red_with_what_to_do_now(
    explorer_tab, origin
):
    visit = _visit(explorer_tab, origin, width=390, height=844)
    page = visit.page
    start = _card(page)
    assert start.level == "green"
    page.focus("#sms-symptoms-saddle_numbness")
    page.keyboard.press("Space")
    page.wait_for_selector(".sms-card[data-level=red]", timeout=10_000)
    red = _card(page)
    assert red.urgency == "emergency"
    assert red.label == G.LEVEL_LABELS[G.Level.RED]
    assert red.actions[0] == "Go to A&E now, or call 999."
    assert red.actions[-1] == G.STOP_ACTION
    # On a phone the card is far below the list; the bar at the foot of the screen says
    # red in words and an icon, and its link moves to the card.
    bar = page.locator("#sms-level-bar")
    assert bar.is_visible() and bar.get_attribute("data-level") == "red"
    assert G.LEVEL_LABELS[G.Level.RED] in bar.inner_text()
    icon = page.inner_text(".sms-card .sms-card-icon").strip()
    assert icon and icon in bar.inner_text()
    assert page.inner_text("#sms-announce") == f"{red.label}. {red.headline}"
    assert "999" in red.headline
    bar.locator("a").click()
    top = page.evaluate("() => document.querySelector('.sms-card').getBoundingClientRect().top")
    assert 0 <= top < 844
    assert visit.blocked == []


@pytest.mark.browser
def test_save_my_plan_downloads_the_personal_handout_made_in_the_page(explorer_tab, origin):
    visit = _visit(explorer_tab, origin)
    page = visit.page
    page.check("#sms-conditions-blood_thinners")
    page.select_option("#sms-device", "percussion")
    page.fill("#sms-name", "Ann <Lee>")
    page.fill("#sms-notes", "Ask about\nthe gun.")
    answers = page.evaluate("() => window.smsExplorer.answers()")
    with page.expect_download() as download:
        page.click("#sms-save")
    saved = download.value
    html = Path(saved.path()).read_text(encoding="utf-8")
    expected = json.loads(Page(UK).handout_for(json.dumps(
        {**answers, "name": "Ann <Lee>", "notes": "Ask about\nthe gun."})))  # fmt: skip
    assert saved.suggested_filename == expected["filename"]
    assert html == expected["html"]
    assert "Ann &lt;Lee&gt;" in html and "Riverside Spine Clinic" in html
    assert read_cards(html)[0].level == "amber"
    assert expected["filename"] in page.inner_text("#sms-save-status")
    assert visit.blocked == []


@pytest.mark.browser
def test_a_browser_that_cannot_run_the_page_is_told_so_and_pointed_to_the_handouts(browser, origin):
    context = browser.new_context()
    visit = Visit(context.new_page())
    visit.page.route("**/*", _route_within(origin, visit, block="pyodide.asm.wasm"))
    page = _load(visit, origin).page
    try:
        assert page.get_attribute("html", "data-explorer") == "failed"
        slot = page.inner_text("#sms-card-slot")
        assert B.CANNOT_RUN in slot and B.HANDOUTS_LINK in slot
        assert page.get_attribute("#sms-card-slot a", "href") == B.HANDOUTS_HREF
        assert page.is_disabled("#sms-save")
        assert page.locator("#sms-warning-signs").is_visible()
        assert visit.blocked == []
    finally:
        context.close()


@pytest.mark.browser
def test_opened_from_a_disk_the_page_says_it_cannot_run_instead_of_loading_for_ever(browser, site):
    context = browser.new_context()
    page = context.new_page()
    left: list[str] = []
    page.route("http*://**/*", lambda route: (left.append(route.request.url), route.abort()))
    try:
        page.goto((site / "index.html").as_uri(), timeout=LOAD_TIMEOUT_MS)
        page.wait_for_selector("html[data-explorer=failed]", timeout=LOAD_TIMEOUT_MS)
        assert B.CANNOT_RUN in page.inner_text("#sms-card-slot")
        assert left == []
    finally:
        context.close()


@pytest.mark.browser
def test_with_scripts_off_the_card_place_says_the_page_cannot_run_not_loading(browser, origin):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{origin}/index.html", timeout=LOAD_TIMEOUT_MS)
        slot = page.inner_text("#sms-card-slot")
        assert B.CANNOT_RUN in slot and B.LOADING not in slot
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_the_page_fits_the_screen_and_axe_finds_nothing_serious_green_or_red(
    explorer_tab, origin, width: int
):
    visit = _visit(explorer_tab, origin, width=width, height=844)
    page = visit.page
    for tick in ("", "#sms-symptoms-bladder_bowel_changes"):
        if tick:
            page.check(tick)
            page.wait_for_selector(".sms-card[data-level=red]", timeout=10_000)
        sizes = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert sizes[0] <= sizes[1], f"scrolls sideways at {width} px: {sizes}"
        assert serious_axe_violations(page) == []
    assert visit.blocked == []
