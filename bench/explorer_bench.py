"""The explorer page (issue 18): what a visitor downloads, and how soon they see their card.

The page is built into a temp folder (the default clinic), served from a loopback server and
opened in headless Chromium with every request outside the page blocked. Figures:

- bytes: every file the page asked for on a cold load, as stored and gzip-compressed (what
  a static host that compresses sends); the number of requests; the Python bundle's size and
  the part of it Jinja2 and MarkupSafe take;
- cold: a fresh browser profile (empty cache), from the start of navigation to the first card
  in the page (the page records the moment, ``data-first-card-ms``), median of ``LOADS``;
- warm: a reload in the same profile (files revalidated from the browser's cache);
- change: ticking or unticking a box until the new card is in the page, and until the next
  frame the browser can paint, over ``CHANGES`` changes: median and 95th percentile.

Goals (2 cores): <= 15 MB transferred, first card <= 4 s cold, change to card <= 100 ms.
Figures only; nothing here fails.
"""

from __future__ import annotations

import gzip
import statistics
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

TITLE = "Explorer page (Pyodide): bytes, time to the first card, time from a change to a card"
LOADS = 5
CHANGES = 60
GOAL_BYTES = 15_000_000
GOAL_COLD_MS = 4000
GOAL_CHANGE_MS = 100
LOAD_TIMEOUT_MS = 90_000
# Boxes a reader ticks: usage cautions, a health condition, a red flag, an area.
TOGGLED = (
    "sms-symptoms-numbness",
    "sms-conditions-osteoporosis",
    "sms-symptoms-saddle_numbness",
    "sms-areas-neck",
    "sms-heat",
)


def _open(context, origin: str, requested: list[str], blocked: list[str]):
    page = context.new_page()

    def route(route) -> None:
        url = route.request.url
        if url.startswith(origin + "/"):
            requested.append(urlsplit(url).path)
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    page.route("**/*", route)
    return page


def _first_card_ms(page, origin: str, phases: list[tuple[int, int]]) -> int:
    page.goto(f"{origin}/index.html", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_selector("html[data-first-card-ms]", timeout=LOAD_TIMEOUT_MS)
    phases.append((int(page.get_attribute("html", "data-runtime-ms")),
                   int(page.get_attribute("html", "data-import-ms"))))  # fmt: skip
    return int(page.get_attribute("html", "data-first-card-ms"))


# A click runs the page's handler at once (Python included), so the new card is in the page
# when click() returns; the next animation frame is when the browser can paint it.
_CHANGE_SCRIPT = """async (ids) => {
  const inPage = [];
  const toFrame = [];
  for (const id of ids) {
    const box = document.getElementById(id);
    const started = performance.now();
    box.click();
    inPage.push(performance.now() - started);
    await new Promise((done) => requestAnimationFrame(() => done()));
    toFrame.push(performance.now() - started);
  }
  return [inPage, toFrame];
}"""


def _spread(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {max(times):.1f} ms"


def _size_line(folder: Path, paths: list[str]) -> str:
    files = [folder / p.lstrip("/") for p in dict.fromkeys(paths)]
    plain = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), compresslevel=6)) for f in files)
    flag = "" if plain <= GOAL_BYTES else "  (over the goal)"
    return (
        f"bytes on a cold load: {plain / 1e6:.1f} MB in {len(files)} requests, "
        f"{packed / 1e6:.1f} MB gzip-compressed (goal <= {GOAL_BYTES / 1e6:.0f} MB){flag}"
    )


def _bundle_line(bundle: Path) -> str:
    """The page's Python bundle, and the share of it the shipped libraries take."""
    import zipfile

    with zipfile.ZipFile(bundle) as archive:
        entries = archive.infolist()
    libraries = sum(e.compress_size for e in entries if not e.filename.startswith("widgets/"))
    libraries -= sum(e.compress_size for e in entries if "/" not in e.filename)  # page module
    return (
        f"explorer.zip: {bundle.stat().st_size / 1e3:.0f} kB in {len(entries)} files, of which "
        f"Jinja2 and MarkupSafe {libraries / 1e3:.0f} kB (compressed in the zip)"
    )


def run() -> None:
    from playwright.sync_api import sync_playwright

    from widgets.content.clinic import Clinic
    from widgets.tools.explorer.build import build_explorer
    from widgets.tools.explorer.runtime import PYODIDE_VERSION, RuntimeUnavailable
    from widgets.tools.explorer.serve import serving
    from widgets.tools.handouts.pdf import CHROMIUM_ARGS, chromium

    try:
        browser_path = chromium()
    except FileNotFoundError as error:
        print(f"skipped: no Chromium ({error})")
        return
    with tempfile.TemporaryDirectory(prefix="explorer-bench-") as tmp:
        folder = Path(tmp) / "explorer"
        try:
            build_explorer(folder, Clinic())
        except RuntimeUnavailable as error:
            print(f"skipped: {error}")
            return
        print(f"Pyodide {PYODIDE_VERSION}; {LOADS} cold and {LOADS} warm loads; "
              f"{CHANGES} changes")  # fmt: skip
        blocked: list[str] = []
        cold: list[int] = []
        warm: list[int] = []
        phases: list[tuple[int, int]] = []
        with serving(folder) as origin, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=browser_path, headless=True, args=list(CHROMIUM_ARGS)
            )
            try:
                first_requests: list[str] = []
                for load in range(LOADS):
                    context = browser.new_context()
                    requested: list[str] = []
                    page = _open(context, origin, requested, blocked)
                    cold.append(_first_card_ms(page, origin, phases))
                    if load == 0:
                        first_requests = list(requested)
                    page.reload(timeout=LOAD_TIMEOUT_MS)
                    page.wait_for_selector("html[data-first-card-ms]", timeout=LOAD_TIMEOUT_MS)
                    warm.append(int(page.get_attribute("html", "data-first-card-ms")))
                    if load == LOADS - 1:
                        ids = [TOGGLED[i % len(TOGGLED)] for i in range(CHANGES)]
                        changes = page.evaluate(_CHANGE_SCRIPT, ids)
                    context.close()
            finally:
                browser.close()
        print(_size_line(folder, first_requests))
        print(_bundle_line(folder / "explorer.zip"))
        print(f"first card, cold: median {statistics.median(cold):.0f} ms, "
              f"max {max(cold)} ms (goal <= {GOAL_COLD_MS} ms)")  # fmt: skip
        runtime_ms = statistics.median(p[0] for p in phases)
        import_ms = statistics.median(p[1] for p in phases)
        print(f"  of which, cold: Pyodide ready at {runtime_ms:.0f} ms, then the series' Python "
              f"imported in {import_ms:.0f} ms (medians)")  # fmt: skip
        print(f"first card, warm (reload): median {statistics.median(warm):.0f} ms, "
              f"max {max(warm)} ms")  # fmt: skip
        in_page, to_frame = changes
        print(f"change to new card in the page: {_spread(in_page)} (goal <= {GOAL_CHANGE_MS} ms)")
        print(f"change to the next frame (paint): {_spread(to_frame)}")
        print(f"requests outside the page: {len(blocked)}")


if __name__ == "__main__":
    run()
