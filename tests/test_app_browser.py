"""`make app`: Voila serves the series on 127.0.0.1 with code hidden and widgets live."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from urllib.error import HTTPError
from urllib.parse import urlsplit

import pytest

from widgets import guidance as G

# About one Voila page load in ten stalls on loopback; one retry absorbs it.
LOAD_TIMEOUT_MS = 90_000
ATTEMPTS = 2


def load(browser, url: str, ready: str, prepare: Callable[[object], None] | None = None) -> object:
    """Open ``url`` and wait for ``ready``; a stalled load is retried once on a fresh page.

    ``prepare`` is called on each fresh page before it loads (to watch its requests).
    """
    last: Exception | None = None
    for _ in range(ATTEMPTS):
        page = browser.new_page()
        if prepare is not None:
            prepare(page)
        try:
            page.goto(url, timeout=LOAD_TIMEOUT_MS)
            page.wait_for_selector(ready, timeout=LOAD_TIMEOUT_MS)
            return page
        except Exception as error:  # a stall shows up as a Playwright timeout
            last = error
            page.close()
    raise AssertionError(f"{url} did not show {ready} in {ATTEMPTS} tries: {last}")


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})


def stays_on_this_machine(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob") or parts.hostname in LOOPBACK_HOSTS


@dataclass
class Offline:
    """Makes a page behave as in a room without internet: every request that would leave the
    machine is aborted and written down, so a test can insist there were none."""

    blocked: list[str] = field(default_factory=list)

    def __call__(self, page) -> None:
        page.route("**/*", self._route)
        # page.route does not see WebSockets; the kernel's must stay on loopback too.
        page.on("websocket", self._websocket)

    def _route(self, route) -> None:
        url = route.request.url
        if stays_on_this_machine(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("internetdisconnected")

    def _websocket(self, socket) -> None:
        if not stays_on_this_machine(socket.url):
            self.blocked.append(socket.url)


def test_only_loopback_and_inline_urls_count_as_staying_on_this_machine():
    assert stays_on_this_machine("http://127.0.0.1:8866/voila/static/voila.js")
    assert stays_on_this_machine("ws://localhost:8866/api/kernels/1/channels")
    assert stays_on_this_machine("data:font/woff2;base64,AAAA")
    assert not stays_on_this_machine(
        "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@^5/css/all.min.css"
    )
    assert not stays_on_this_machine("http://127.0.0.1.example.com/x.css")


def fetch_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode()
    except HTTPError as error:  # a 404 page is still a page
        return error.read().decode()


def test_the_folder_and_not_found_pages_link_nothing_off_this_machine(voila_app):
    base, _ = voila_app
    for url in (f"{base}/", f"{base}/voila/render/no_such_page.ipynb"):
        html = fetch_text(url)
        assert "<html" in html.lower()
        assert not re.findall(r"""(?:href|src)=["']?(?:https?:)?//""", html), url


def test_make_app_prints_the_start_here_address_on_loopback(voila_app):
    base, log_path = voila_app
    assert f"{base}/voila/render/00_start_here.ipynb" in log_path.read_text()


@pytest.fixture(scope="module")
def start_here(browser, voila_app) -> Iterator[tuple[object, Offline]]:
    """The start-here page, loaded once with no internet, for the tests that only read it."""
    base, _ = voila_app
    offline = Offline()
    page = load(browser, f"{base}/voila/render/00_start_here.ipynb", ".sms-red-flags", offline)
    try:
        # Let late loads (fonts, lazy widget code) happen before anything is read or counted.
        page.wait_for_load_state("networkidle", timeout=30_000)
        yield page, offline
    finally:
        page.close()


@pytest.mark.browser
def test_the_start_here_page_opens_without_code(start_here):
    page, _ = start_here
    text = page.inner_text("body")
    assert "import" not in text
    assert "Speaker notes." not in text


@pytest.mark.browser
def test_ticking_a_red_flag_in_the_explorer_turns_its_card_to_an_emergency_with_no_internet(
    browser, voila_app
):
    base, _ = voila_app
    offline = Offline()
    url = f"{base}/voila/render/05_should_i_use_one.ipynb"
    page = load(browser, url, ".sms-explorer .sms-card", offline)
    try:
        text = page.inner_text("body")
        assert "from widgets" not in text
        assert "severity_explorer(" not in text
        assert page.locator(".cm-editor, .jp-CodeMirrorEditor").count() == 0
        assert "Speaker notes." not in text

        explorer = page.locator(".sms-explorer").first

        def card():
            return explorer.locator(".sms-card").first

        assert card().get_attribute("data-level") != "red"
        explorer.get_by_label(G.SYMPTOMS["saddle_numbness"], exact=True).check(timeout=30_000)

        page.wait_for_selector('.sms-explorer .sms-card[data-level="red"]', timeout=30_000)
        expected = G.assess(
            replace(G.starting_profile(), symptoms=frozenset({"leg_pain", "saddle_numbness"}))
        )
        assert re.sub(r"\s+", " ", expected.headline) in re.sub(r"\s+", " ", card().inner_text())
        # It rendered and updated with every request off this machine refused.
        page.wait_for_load_state("networkidle", timeout=30_000)
        assert offline.blocked == []
    finally:
        page.close()


@pytest.mark.browser
def test_the_start_here_page_loads_nothing_from_the_internet(start_here):
    page, offline = start_here
    assert page.locator("h1").count() == 1
    assert offline.blocked == []


@pytest.mark.browser
def test_the_save_button_icon_draws_from_the_font_awesome_bundled_with_voila(browser, voila_app):
    """The one Font Awesome icon in the series (my_plan's Save button) needs no CDN."""
    base, _ = voila_app
    offline = Offline()
    url = f"{base}/voila/render/10_conclusion_and_your_plan.ipynb"
    page = load(browser, url, ".sms-my-plan button i.fa-save", offline)
    try:
        icon = page.locator(".sms-my-plan button i.fa-save").first
        glyph = icon.evaluate("i => getComputedStyle(i, '::before').content")
        family = icon.evaluate("i => getComputedStyle(i).fontFamily")
        assert glyph not in ("", "none", "normal")
        assert "Font Awesome 5 Free" in family
        # The icon font itself came from Voila's own static files (a CDN font, offline, would
        # stay unloaded and leave an empty box on the button).
        page.wait_for_function(
            """() => [...document.fonts].some(
                face => face.family.includes("Font Awesome 5 Free") && face.status === "loaded")""",
            timeout=30_000,
        )
        assert page.get_by_role("button", name="Save my plan").count() == 1
        assert offline.blocked == []
    finally:
        page.close()
