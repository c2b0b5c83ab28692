"""Notebook 05 in a real JupyterLab: run all cells, move severity, tick a red flag, and see the
card say what the engine says. Screenshots go to build/screenshots/."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import BUILD, NOTEBOOKS, dismiss_dialogs, lab_page_url, wait_for_idle_kernel

from widgets import guidance as G

NOTEBOOK = "05_should_i_use_one.ipynb"
SHOTS = BUILD / "screenshots"
CARD = ".sms-explorer .sms-card"  # the live widget's card, not the static export picture


def _run_all_cells(page) -> None:
    page.locator(".lm-MenuBar-item", has_text="Run").first.click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()


def _card_text(page) -> str:
    # textContent, not innerText: JupyterLab skips rendering cells scrolled out of view.
    return page.locator(CARD).first.text_content() or ""


def _wait_for_card(page, guidance: G.Guidance) -> str:
    page.wait_for_function(
        """([selector, headline]) => {
            const card = document.querySelector(selector);
            return card !== null && card.textContent.includes(headline);
        }""",
        arg=[CARD, guidance.headline],
        timeout=30_000,
    )
    return _card_text(page)


@pytest.mark.browser
def test_notebook_05_explorer_follows_severity_and_red_flags(browser, jupyter_lab):
    assert (NOTEBOOKS / NOTEBOOK).exists(), f"notebooks/{NOTEBOOK} is missing"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(lab_page_url(jupyter_lab, f"notebooks/{NOTEBOOK}"), timeout=90_000)
        page.wait_for_selector(
            ".jp-Notebook .jp-MarkdownOutput h1", state="attached", timeout=90_000
        )
        dismiss_dialogs(page)
        # Run only once the server says the kernel is idle, so no cell waits on a dead kernel.
        wait_for_idle_kernel(jupyter_lab, NOTEBOOK, timeout=90)
        _run_all_cells(page)
        dismiss_dialogs(page)

        start = G.starting_profile()
        page.wait_for_selector(CARD, timeout=90_000)
        text = _wait_for_card(page, G.assess(start))
        assert G.assess(start).label in text
        page.locator(".sms-explorer").first.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "explorer-1-mild.png"))

        # Severity: the slider handle is keyboard-operable; End moves it to the last step.
        handle = page.locator(".sms-explorer .widget-slider .noUi-handle").first
        handle.focus()
        page.keyboard.press("End")
        severe = G.assess(replace(start, severity="severe"))
        text = _wait_for_card(page, severe)
        assert severe.label in text
        for action in severe.actions:
            assert action in text
        assert G.SEVERITIES["severe"] in (page.locator(".sms-explorer").first.text_content() or "")
        page.screenshot(path=str(SHOTS / "explorer-2-severe.png"))

        # A red flag overrides everything.
        page.locator(".sms-explorer").first.get_by_label(G.SYMPTOMS["saddle_numbness"]).check()
        emergency = G.assess(
            replace(start, severity="severe", symptoms=start.symptoms | {"saddle_numbness"})
        )
        text = _wait_for_card(page, emergency)
        assert emergency.level is G.Level.RED
        assert emergency.label in text
        assert emergency.actions[0] in text
        page.locator(CARD).first.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "explorer-3-red-flag.png"))
        assert not errors, errors
    finally:
        page.close()
