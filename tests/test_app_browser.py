"""`make app`: Voila serves the series on 127.0.0.1 with code hidden and widgets live."""

from __future__ import annotations

import os
import re
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT, free_port, wait_for_http

from widgets import guidance as G

# About one Voila page load in ten stalls on loopback; one retry absorbs it.
LOAD_TIMEOUT_MS = 90_000
ATTEMPTS = 2


@pytest.fixture(scope="module")
def voila_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`make app` on a free port, serving its copy from a scratch folder; yields (base, log)."""
    port = free_port()
    scratch = tmp_path_factory.mktemp("app")
    log_path = scratch / "app.log"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(scratch / "runtime")}
    with log_path.open("w") as log:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "app",
             f"APP_ARGS=--port {port} --copy-to {scratch / 'copy'}"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for_http(f"{base}/", timeout=120)
            yield base, log_path
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


def load(browser, url: str, ready: str) -> object:
    """Open ``url`` and wait for ``ready``; a stalled load is retried once on a fresh page."""
    last: Exception | None = None
    for _ in range(ATTEMPTS):
        page = browser.new_page()
        try:
            page.goto(url, timeout=LOAD_TIMEOUT_MS)
            page.wait_for_selector(ready, timeout=LOAD_TIMEOUT_MS)
            return page
        except Exception as error:  # a stall shows up as a Playwright timeout
            last = error
            page.close()
    raise AssertionError(f"{url} did not show {ready} in {ATTEMPTS} tries: {last}")


def test_make_app_prints_the_start_here_address_on_loopback(voila_app):
    base, log_path = voila_app
    assert f"{base}/voila/render/00_start_here.ipynb" in log_path.read_text()


@pytest.mark.browser
def test_the_start_here_page_opens_without_code(browser, voila_app):
    base, _ = voila_app
    page = load(browser, f"{base}/voila/render/00_start_here.ipynb", "h1")
    try:
        text = page.inner_text("body")
        assert "import" not in text
        assert "Speaker notes." not in text
    finally:
        page.close()


@pytest.mark.browser
def test_ticking_a_red_flag_in_the_explorer_turns_its_card_to_an_emergency(browser, voila_app):
    base, _ = voila_app
    url = f"{base}/voila/render/05_should_i_use_one.ipynb"
    page = load(browser, url, ".sms-explorer .sms-card")
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
    finally:
        page.close()
