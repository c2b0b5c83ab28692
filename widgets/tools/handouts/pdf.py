"""Print handout pages to PDF with a headless Chromium-family browser.

One browser prints every page over its DevTools connection (Playwright, driving the browser
``chromium()`` finds): the same print engine as ``chromium --print-to-pdf``, but started once
instead of once per page, which keeps the build faster than stock nbconvert. Without
Playwright, each page is printed with ``<browser> --headless --print-to-pdf``.

``chromium()`` finds a browser the way people have one: ``$SMS_BROWSER`` if set; then
Debian/Ubuntu ``chromium``, Google Chrome, Microsoft Edge or Chromium on ``PATH`` or at their
usual Linux, macOS and Windows places; then Playwright's own download. The handout build, the
browser tests and ``widgets/tools/ensure_browser.py`` all use it.
"""

from __future__ import annotations

import os
import platform
import queue
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterable, Mapping
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

# Set to a browser's path to use that one; an empty value is the same as unset.
BROWSER_ENV = "SMS_BROWSER"
# os.pathsep-separated list replacing the usual install places below ("" means none).
PLACES_ENV = "SMS_BROWSER_PLACES"
HOW_TO_GET_ONE = (
    "no Chrome, Chromium or Edge found: run 'python -m widgets.tools.ensure_browser' "
    "(installs Chromium), or install Google Chrome"
)

COMMAND_NAMES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "microsoft-edge",
    "microsoft-edge-stable",
    "chrome",
    "msedge",
)
_MAC_APPS = (
    "Google Chrome.app/Contents/MacOS/Google Chrome",
    "Chromium.app/Contents/MacOS/Chromium",
    "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
)
_WINDOWS_APPS = (
    r"Google\Chrome\Application\chrome.exe",
    r"Microsoft\Edge\Application\msedge.exe",
    r"Chromium\Application\chrome.exe",
)
# Playwright's downloads, inside its browsers folder (Linux, macOS, Windows layouts).
_PLAYWRIGHT_GLOBS = (
    "chromium-*/chrome-linux*/chrome",
    "chromium-*/chrome-mac*/Chromium.app/Contents/MacOS/Chromium",
    "chromium-*/chrome-mac*/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
    "chromium-*/chrome-win*/chrome.exe",
)


class BrowserMissing(FileNotFoundError):
    """No Chromium-family browser on this machine; the message says how to get one."""


def usual_places(system: str, env: Mapping[str, str]) -> list[str]:
    """Where Chrome, Edge and Chromium install themselves on ``system`` (platform.system())."""
    if system == "Darwin":
        home = env.get("HOME", "")
        return [f"{root}/Applications/{app}" for root in ("", home) for app in _MAC_APPS]
    if system == "Windows":
        roots = [env.get(name, "") for name in ("PROGRAMFILES", "PROGRAMFILES(X86)",
                                                 "LOCALAPPDATA")]  # fmt: skip
        return [f"{root}\\{app}" for root in roots if root for app in _WINDOWS_APPS]
    return [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/snap/bin/chromium",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/opt/google/chrome/chrome",
        "/usr/bin/microsoft-edge",
        "/opt/microsoft/msedge/msedge",
    ]


def playwright_folder(system: str, env: Mapping[str, str]) -> Path | None:
    """Where ``playwright install`` puts browsers (PLAYWRIGHT_BROWSERS_PATH wins)."""
    chosen = env.get("PLAYWRIGHT_BROWSERS_PATH")
    if chosen and chosen != "0":
        return Path(chosen)
    home = env.get("HOME") or env.get("USERPROFILE")
    if system == "Windows":
        local = env.get("LOCALAPPDATA")
        return Path(local) / "ms-playwright" if local else None
    if not home:
        return None
    if system == "Darwin":
        return Path(home) / "Library" / "Caches" / "ms-playwright"
    return Path(env.get("XDG_CACHE_HOME") or Path(home) / ".cache") / "ms-playwright"


def _runnable(path: str | Path) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def candidates(env: Mapping[str, str] | None = None, system: str | None = None) -> Iterable[str]:
    """Every browser path worth trying, best first (lazily: the first hit stops the search)."""
    env = os.environ if env is None else env
    system = system or platform.system()
    for name in COMMAND_NAMES:
        found = shutil.which(name, path=env.get("PATH", ""))
        if found:
            yield found
    places = env.get(PLACES_ENV)
    if places is None:
        yield from usual_places(system, env)
    else:
        yield from filter(None, places.split(os.pathsep))
    folder = playwright_folder(system, env)
    if folder is not None and folder.is_dir():
        for pattern in _PLAYWRIGHT_GLOBS:
            yield from sorted(str(p) for p in folder.glob(pattern))


def find_browser(env: Mapping[str, str] | None = None, system: str | None = None) -> str | None:
    """The first usable browser, or None."""
    env = os.environ if env is None else env
    chosen = env.get(BROWSER_ENV)
    if chosen:
        return chosen if _runnable(chosen) else None
    return next((path for path in candidates(env, system) if path and _runnable(path)), None)


def chromium() -> str:
    """The browser to print and test with; raises ``BrowserMissing`` saying how to get one."""
    found = find_browser()
    if found:
        return found
    chosen = os.environ.get(BROWSER_ENV)
    if chosen:
        raise BrowserMissing(f"{BROWSER_ENV}={chosen[:200]} is not a browser this user can run")
    raise BrowserMissing(HOW_TO_GET_ONE)


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
