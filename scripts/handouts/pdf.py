"""Print handout pages to PDF with headless Chromium (Debian's ``chromium`` package).

One Chromium prints every page over its DevTools connection (Playwright, with Debian's
browser, never a downloaded one): the same print engine as ``chromium --print-to-pdf``, but
started once instead of once per page, which keeps the build faster than stock nbconvert.
Without Playwright, each page is printed with ``chromium --headless --print-to-pdf``.
"""

from __future__ import annotations

import queue
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)
PRINT_TIMEOUT_S = 120


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise FileNotFoundError("Chromium is missing: install Debian's 'chromium' package")


def print_pdf(html: Path, pdf: Path) -> Path:
    """Write ``pdf`` from ``html`` with one ``chromium --print-to-pdf`` run."""
    pdf.unlink(missing_ok=True)  # never mistake an old file for a fresh print
    with tempfile.TemporaryDirectory(prefix="handout-chromium-") as profile:
        command = [
            chromium(), "--headless", *CHROMIUM_ARGS, "--no-pdf-header-footer",
            f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", html.resolve().as_uri(),
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=PRINT_TIMEOUT_S)
    if done.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        raise RuntimeError(f"Chromium could not print {html.name}: {done.stderr[-2000:]}")
    return pdf


class Printer:
    """Prints pages in the background, in the order given, while the build goes on.

    ``submit(html)`` queues ``html`` for ``html.with_suffix('.pdf')``; ``finish()`` waits and
    returns the PDFs written, or raises the first printing error.
    """

    def __init__(self) -> None:
        self._queue: queue.Queue[Path | None] = queue.Queue()
        self._done: list[Path] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="handout-printer", daemon=True)
        self._thread.start()

    def submit(self, html: Path) -> None:
        self._queue.put(html)

    def finish(self) -> tuple[Path, ...]:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
        return tuple(self._done)

    def _pages(self):
        while (html := self._queue.get()) is not None:
            yield html

    def _run(self) -> None:
        try:
            try:
                from playwright.sync_api import sync_playwright
            except ImportError:
                for html in self._pages():
                    self._done.append(print_pdf(html, html.with_suffix(".pdf")))
                return
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium(), headless=True, args=list(CHROMIUM_ARGS)
                )
                page = browser.new_page()
                for html in self._pages():
                    pdf = html.with_suffix(".pdf")
                    pdf.unlink(missing_ok=True)
                    page.goto(html.resolve().as_uri(), wait_until="load")
                    # The stylesheet's @page rules (size auto, margins, page numbers) apply.
                    page.pdf(path=str(pdf), prefer_css_page_size=True)
                    self._done.append(pdf)
                browser.close()
        except BaseException as error:  # reported by finish(), in the main thread
            self._error = error
            for _ in self._pages():  # drain, so finish() never blocks
                pass
