"""Every control and card stays readable at every width, in JupyterLab and in the app view.

Each notebook is loaded once per view; the window is then resized to each width and the page is
measured in Chromium: no two text boxes of the controls and cards overlap, no text is cut off by
a box around it or by the edge of the window, and nothing scrolls sideways. In the app view,
axe-core also checks each page for serious or critical accessibility problems.

For a person to review the layouts, `LAYOUT_SCREENSHOTS=1` photographs each widget and card at
each width into build/screenshots/layout/. It is off by default: the photographs assert nothing
and took a third of this file's time. `make test` deals the tests out to its workers one by one
(conftest.work_unit): each worker starts one JupyterLab and one app for every file it runs.
"""

from __future__ import annotations

import ast
import functools
import json
import os
import shutil
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import ipywidgets as W
import nbformat
import pytest
from conftest import BUILD, NOTEBOOKS, ROOT, dismiss_dialogs, serious_axe_violations

WIDTHS = (1280, 1024, 390)
HEIGHT = 900
SHOTS = BUILD / "screenshots" / "layout"
PHOTOGRAPH = os.environ.get("LAYOUT_SCREENSHOTS", "") not in ("", "0")
# About one Voila page load in ten stalls on loopback; one retry absorbs it.
LOAD_TIMEOUT_MS = 90_000
ATTEMPTS = 2
# A pixel of rounding either way is layout noise, not a fault anyone could see.
TOLERANCE_PX = 1.0
# Every notebook in the series shows widgets or cards (each has at least its quiz).
SERIES = sorted(path.name for path in NOTEBOOKS.glob("*.ipynb"))


@functools.cache
def notebook_widget_count(name: str) -> int:
    """How many live widgets the notebook shows: its code cells run here, outside a kernel.

    Each code cell is an import and one call; a cell shows a widget when that call returns one.
    """
    path = NOTEBOOKS / name
    shown = 0
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        tree = ast.parse(cell.source)
        namespace: dict[str, object] = {}
        last = tree.body.pop() if isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, str(path), "exec"), namespace)
        if last is not None:
            result = eval(compile(ast.Expression(last.value), str(path), "eval"), namespace)
            shown += isinstance(result, W.Widget)
    return shown


# ---------------------------------------------------------------------------
# What the browser measures
# ---------------------------------------------------------------------------

# Our widgets' roots and the cards shown outside any widget (static guidance panels).
ROOTS = ".sms-widget:not(.sms-widget .sms-widget), .sms-card:not(.sms-widget .sms-card)"

# Text boxes: one rectangle per line of every visible text node in the cell outputs (figures'
# SVG text is drawing, not reading, and is left out), plus the box of every form control.
# A box is cut off when a box around it that clips (overflow other than visible) does not hold
# it, or when it runs past the window's edge; the page's own scrollers clip only sideways (they
# scroll up and down by design). Horizontal scrolling is any scroller around or inside an
# output that is wider inside than out.
MEASURE_JS = """
([tolerance, roots]) => {
  const describe = (el) => {
    const text = (el.textContent || el.title || el.getAttribute('aria-label') || '').trim();
    const classes = typeof el.className === 'string' ? el.className.split(/\\s+/) : [];
    const name = [el.tagName.toLowerCase(), ...classes.filter(Boolean).slice(0, 2)].join('.');
    return `<${name}> "${text.slice(0, 50)}"`;
  };
  const shown = (el) => el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
  const boxes = [];
  const outputs = [...document.querySelectorAll('.jp-OutputArea-output')];
  for (const output of outputs) {
    const walker = document.createTreeWalker(output, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data.replace(/[\\s\\u200b]+/g, ' ').trim();
      const el = node.parentElement;
      if (!text || el.closest('svg, style, script, select, template') || !shown(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width > 0.5 && r.height > 0.5) boxes.push({node, el, r, control: false, text});
      }
    }
    for (const el of output.querySelectorAll('input, select, button, textarea')) {
      if (el.type === 'hidden' || !shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0.5 && r.height > 0.5) {
        boxes.push({node: el, el, r, control: true, text: describe(el)});
      }
    }
  }

  const overlaps = [];
  const sorted = [...boxes].sort((a, b) => a.r.top - b.r.top);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].r.top < a.r.bottom - tolerance; j++) {
      const b = sorted[j];
      if (a.node === b.node) continue;
      // A button's own words sit inside the button, as they should.
      if ((a.control || b.control) && (a.el.contains(b.el) || b.el.contains(a.el))) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > tolerance && h > tolerance) {
        overlaps.push(`"${a.text.slice(0, 60)}" overlaps "${b.text.slice(0, 60)}"`);
      }
    }
  }

  const clipped = [];
  const viewWidth = document.documentElement.clientWidth;
  for (const box of boxes) {
    const {r} = box;
    if (r.left < -tolerance || r.right > viewWidth + tolerance) {
      clipped.push(`"${box.text.slice(0, 60)}" runs past the window's edge`);
      continue;
    }
    const cell = box.el.closest('.jp-Cell');
    // A control is measured against the boxes around it (its own box is its edge).
    const first = box.control ? box.el.parentElement : box.el;
    for (let el = first; el && el !== document.documentElement; el = el.parentElement) {
      const style = getComputedStyle(el);
      // overflow does not apply to inline boxes: they never clip.
      if (style.display === 'inline' || style.display === 'contents') continue;
      const clipsX = style.overflowX !== 'visible';
      const clipsY = style.overflowY !== 'visible' && cell !== null && cell.contains(el);
      if (!clipsX && !clipsY) continue;
      const outer = el.getBoundingClientRect();
      const left = outer.left + el.clientLeft, top = outer.top + el.clientTop;
      const right = left + el.clientWidth, bottom = top + el.clientHeight;
      const outX = clipsX && (r.left < left - tolerance || r.right > right + tolerance);
      const outY = clipsY && (r.top < top - tolerance || r.bottom > bottom + tolerance);
      if (outX || outY) {
        clipped.push(`"${box.text.slice(0, 60)}" is cut off by ${describe(el).slice(0, 80)}`);
        break;
      }
    }
  }

  const scrollers = new Set();
  for (const output of outputs) {
    for (let el = output; el; el = el.parentElement) scrollers.add(el);
    for (const el of output.querySelectorAll('*')) scrollers.add(el);
  }
  const sideways = [];
  for (const el of scrollers) {
    const style = getComputedStyle(el);
    const scrolls = el === document.documentElement || el === document.body
      || ['auto', 'scroll'].includes(style.overflowX);
    if (scrolls && el.scrollWidth > el.clientWidth + tolerance) {
      sideways.push(`${describe(el).slice(0, 80)} scrolls sideways: ` +
        `${el.scrollWidth} px inside ${el.clientWidth} px`);
    }
  }

  const rootEls = [...document.querySelectorAll(roots)];
  const unmeasured = rootEls.filter((root) => !boxes.some((box) => root.contains(box.el)))
    .map(describe);
  return {boxes: boxes.length, roots: rootEls.length, unmeasured, overlaps, clipped, sideways};
}
"""

# Resizing is applied by Lumino and ipywidgets on the next animation frames; two frames after
# the window reports its new width, the layout has settled.
SETTLED_JS = """
(width) => document.documentElement.clientWidth <= width &&
  new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))
"""

# Every live widget the notebook shows has been drawn (counted from the notebook itself).
WIDGETS_DRAWN_JS = """
(expected) => document.fonts.status === 'loaded' &&
  document.querySelectorAll('.sms-widget:not(.sms-widget .sms-widget)').length === expected &&
  [...document.querySelectorAll('.sms-widget')].every((w) => w.getBoundingClientRect().height > 0)
"""


WIDGETS_SEEN_JS = """
() => ({fonts: document.fonts.status,
  widgets: document.querySelectorAll('.sms-widget:not(.sms-widget .sms-widget)').length,
  flat: [...document.querySelectorAll('.sms-widget')]
    .filter((w) => w.getBoundingClientRect().height === 0).map((w) => w.className),
  errors: [...document.querySelectorAll('.jp-OutputArea-output[data-mime-type*="error"]')]
    .map((e) => e.textContent.slice(0, 200))})
"""


# A box the browser does not lay out (content-visibility other than "visible" on it or around
# it) keeps an old layout, or none: what is measured would not be what a reader sees. Both views
# lay out every cell (conftest's JupyterLab sets windowingMode "none"; Voila has no windowing),
# so none is expected; this says so if that ever changes, instead of measuring stale boxes.
# (Each cell used to be scrolled into view at each width to lay it out: 0.2-0.6 s per width.)
NOT_LAID_OUT_JS = """
() => {
  const around = new Set();
  for (const cell of document.querySelectorAll('.jp-Cell')) {
    for (let el = cell; el; el = el.parentElement) around.add(el);
    for (const el of cell.querySelectorAll('*')) around.add(el);
  }
  return [...around].filter((el) => getComputedStyle(el).contentVisibility !== 'visible')
    .slice(0, 5).map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`);
}
"""


PHONE_WIDTH = 600


def measure_every_width(
    page, name: str, view: str, on_a_phone: Callable[[object], None] | None = None
) -> list[str]:
    """Resize ``page`` through WIDTHS; returns every problem found, each named by width.

    ``on_a_phone`` is called once before the first width under PHONE_WIDTH.
    """
    problems: list[str] = []
    for width in WIDTHS:
        if width < PHONE_WIDTH and on_a_phone is not None:
            on_a_phone(page)
            on_a_phone = None
        page.set_viewport_size({"width": width, "height": HEIGHT})
        page.wait_for_function(SETTLED_JS, arg=width, timeout=30_000)
        skipped = page.evaluate(NOT_LAID_OUT_JS)
        assert skipped == [], f"{view} {name}: the browser skips laying out {skipped}"
        found = page.evaluate(MEASURE_JS, [TOLERANCE_PX, ROOTS])
        assert found["roots"] > 0 and found["boxes"] > 0, f"{view} {name}: nothing was measured"
        where = f"{view} {name} at {width} px"
        problems += [f"{where}: widget not measured: {item}" for item in found["unmeasured"]]
        problems += [f"{where}: {item}" for item in found["overlaps"]]
        problems += [f"{where}: {item}" for item in found["clipped"]]
        problems += [f"{where}: {item}" for item in found["sideways"]]
        if PHOTOGRAPH:
            photograph(page, name, view, width)
    return problems


def photograph(page, name: str, view: str, width: int) -> None:
    """A screenshot of each widget and card. Both views scroll inside a panel, where Chromium
    paints only what is on screen, so the window is made as tall as each one first (after
    measuring: the height of the window changes no widths)."""
    folder = SHOTS / f"{view}-{width}"
    folder.mkdir(parents=True, exist_ok=True)
    roots = page.locator(ROOTS)
    for index in range(roots.count()):
        root = roots.nth(index)
        height = root.evaluate("(el) => el.getBoundingClientRect().height")
        # Room for JupyterLab's menus, toolbar and status bar around the notebook too.
        tall = int(min(max(HEIGHT, height + 300), 8000))
        page.set_viewport_size({"width": width, "height": tall})
        root.evaluate("(el) => el.scrollIntoView({block: 'start'})")
        root.screenshot(path=str(folder / f"{Path(name).stem}-{index + 1:02d}.png"))


# ---------------------------------------------------------------------------
# The measure itself: it finds each fault it looks for, and nothing in a sound layout
# ---------------------------------------------------------------------------

FAULTY_OUTPUT = """
<div class="jp-Cell"><div class="jp-OutputArea-output" style="font: 16px/20px sans-serif">
  <div class="sms-widget" style="width: 300px">
    <div style="height: 20px">
      <span style="display: block; width: 200px">A label that wraps onto a second line and
        runs over the row below</span>
    </div>
    <div><label><input type="checkbox"> The row below</label></div>
    <div style="width: 120px; overflow: hidden; white-space: nowrap">Words its box cuts off</div>
    <div style="width: 200px; overflow-x: auto"><div style="width: 400px">Wide</div></div>
  </div>
</div></div>
"""
SOUND_OUTPUT = (
    FAULTY_OUTPUT.replace("height: 20px", "min-height: 20px")
    .replace("overflow: hidden; white-space: nowrap", "overflow: hidden")
    .replace("width: 400px", "width: 150px")
)


@pytest.mark.browser
def test_the_measure_finds_overlaps_cut_off_words_sideways_scrolling_and_cells_not_laid_out(
    browser,
) -> None:
    page = browser.new_page(viewport={"width": 800, "height": 600})
    try:
        page.set_content(FAULTY_OUTPUT)
        faulty = page.evaluate(MEASURE_JS, [TOLERANCE_PX, ROOTS])
        page.set_content(SOUND_OUTPUT)
        sound = page.evaluate(MEASURE_JS, [TOLERANCE_PX, ROOTS])
        laid_out = page.evaluate(NOT_LAID_OUT_JS)
        # The windowing JupyterLab uses by default: cells off screen are not laid out.
        page.add_style_tag(content=".jp-Cell { content-visibility: auto }")
        lazy = page.evaluate(NOT_LAID_OUT_JS)
    finally:
        page.close()
    assert any("A label that wraps" in o and "The row below" in o for o in faulty["overlaps"])
    assert any('"<input>' in o for o in faulty["overlaps"])  # the tick box is covered too
    assert any("Words its box cuts off" in c for c in faulty["clipped"])
    assert len(faulty["sideways"]) == 1 and "400 px inside 200 px" in faulty["sideways"][0]
    assert sound["boxes"] >= faulty["boxes"] > 0
    assert (sound["overlaps"], sound["clipped"], sound["sideways"]) == ([], [], [])
    assert sound["unmeasured"] == []
    assert laid_out == [] and lazy == ['<div class="jp-Cell">']


# ---------------------------------------------------------------------------
# The app view (make app)
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app_tab(browser) -> Iterator[object]:
    """One tab each worker loads the app's pages into, one after another; each load starts the
    page afresh. A new tab for each page is a new renderer process, which compiles the app's
    scripts and axe-core anew: the eleven pages took 40 CPU-seconds that way, the app's start
    included, and 28 in one tab."""
    page = browser.new_page(viewport={"width": WIDTHS[0], "height": HEIGHT})
    try:
        yield page
    finally:
        page.close()


def open_app_page(tab, url: str, widgets: int) -> None:
    """Load ``url`` into ``tab`` at the first width and wait until its widgets are drawn; a stall
    is loaded once more."""
    last: Exception | None = None
    for _ in range(ATTEMPTS):
        tab.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
        try:
            tab.goto(url, timeout=LOAD_TIMEOUT_MS)
            tab.wait_for_function(WIDGETS_DRAWN_JS, arg=widgets, timeout=LOAD_TIMEOUT_MS)
            return
        except Exception as error:  # a stall shows up as a Playwright timeout
            last = error
    raise AssertionError(f"{url} did not draw its {widgets} widgets in {ATTEMPTS} tries: {last}")


@pytest.mark.browser
@pytest.mark.parametrize("name", SERIES)
def test_app_view_keeps_every_control_and_card_readable_at_every_width(
    app_tab, voila_app: tuple[str, Path], name: str
) -> None:
    """On `make app` (conftest.voila_app, shared with the app's own tests)."""
    base, _log = voila_app
    open_app_page(app_tab, f"{base}/voila/render/{name}", notebook_widget_count(name))
    assert measure_every_width(app_tab, name, "app") == []
    assert serious_axe_violations(app_tab) == []


# ---------------------------------------------------------------------------
# JupyterLab
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lab_copies() -> Iterator[Path]:
    """A copy of the series under build/ for JupyterLab to run, so running every cell (and
    JupyterLab's autosave) never writes outputs into the notebooks in notebooks/."""
    BUILD.mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="layout-lab-", dir=BUILD))
    try:
        for name in SERIES:
            shutil.copy2(NOTEBOOKS / name, folder / name)
        yield folder
    finally:
        shutil.rmtree(folder)


def close_file_browser(page) -> None:
    """What a reader on a phone does first: JupyterLab's file browser would take 290 of the
    390 px. Clicking the open sidebar tab closes the sidebar."""
    page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current").click()
    page.wait_for_selector("#jp-left-stack", state="hidden", timeout=30_000)


def shut_down_kernels(base: str, path: str) -> None:
    """End the kernel of the notebook at ``path``, so kernels do not pile up."""
    with urllib.request.urlopen(f"{base}/api/sessions", timeout=30) as response:
        sessions = json.load(response)
    for session in sessions:
        if session.get("path") == path:
            url = f"{base}/api/sessions/{session['id']}"
            urllib.request.urlopen(urllib.request.Request(url, method="DELETE"), timeout=30).close()


@pytest.fixture(scope="module")
def lab_page(browser, jupyter_lab, lab_copies: Path) -> Iterator[object]:
    """One JupyterLab page per worker, loaded once: each test opens its notebook in it.

    Loading JupyterLab's bundles took about 3 s of each notebook's 6 to 9. The tests start from
    the same state a fresh page has: the file browser open, no other tab, the first width.
    """
    page = browser.new_page(viewport={"width": WIDTHS[0], "height": HEIGHT})
    folder = lab_copies.relative_to(ROOT).as_posix()
    # A workspace of its own: JupyterLab would otherwise reopen the last run's tabs.
    page.goto(f"{jupyter_lab}/lab/workspaces/layout-{lab_copies.name}/tree/{folder}",
              timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    page.wait_for_function("() => window.jupyterapp !== undefined", timeout=LOAD_TIMEOUT_MS)
    page.evaluate("() => window.jupyterapp.restored")
    dismiss_dialogs(page)
    try:
        yield page
    finally:
        page.close()


# The notebook's own panel in JupyterLab, found by its path (several may have been open).
PANEL_JS = """
const panelOf = (path) => [...window.jupyterapp.shell.widgets('main')]
  .find((widget) => widget.context && widget.context.path === path);
"""
OPEN_NOTEBOOK_JS = """
async (path) => {
  const app = window.jupyterapp;
  await app.commands.execute('filebrowser:activate');
  await app.commands.execute('docmanager:open', {path});
  return true;
}
"""
# The toolbar's execution indicator says "idle" from the moment a notebook opens, seconds before
# its kernel exists: a run-all in that gap found "No Kernel" and ran nothing (a flake under
# load). So the panel's own kernel is asked: started, connected and idle. A dialog (e.g. "Select
# Kernel") also ends the wait, to be answered.
KERNEL_READY_OR_DIALOG_JS = (
    "(path) => {"
    + PANEL_JS
    + """
  if (document.querySelector('.jp-Dialog')) return true;
  const panel = panelOf(path);
  const session = panel && panel.context.isReady && panel.sessionContext.isReady
    ? panel.sessionContext.session : null;
  const kernel = session ? session.kernel : null;
  return kernel !== null && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}"""
)
# Run every cell of this panel, not whichever notebook JupyterLab deems current: the command the
# Run menu's "Run All Cells" calls, aimed at the panel by id (which also activates it). Its
# promise settles when the last cell has run, which a menu click cannot tell; a limit keeps a
# stuck run from hanging the test.
RUN_ALL_JS = (
    "async ([path, limit]) => {"
    + PANEL_JS
    + """
  const panel = panelOf(path);
  const run = window.jupyterapp.commands.execute(
    'notebook:run-all-cells', {semanticWidget: panel.id});
  const late = new Promise((done) => setTimeout(() => done('still running'), limit));
  return String(await Promise.race([run, late]));
}"""
)
# What JupyterLab had done with this notebook, for a failure to report.
NOTEBOOK_STATE_JS = (
    "(path) => {"
    + PANEL_JS
    + """
  const panel = panelOf(path);
  const dialogs = [...document.querySelectorAll('.jp-Dialog')]
    .map((d) => d.textContent.trim().slice(0, 120));
  if (!panel) return {panel: 'not open', dialogs};
  const session = panel.sessionContext;
  const kernel = session.session ? session.session.kernel : null;
  const code = panel.content.widgets.filter((cell) => cell.model.type === 'code');
  return {kernel: session.kernelDisplayName, ready: session.isReady,
    status: kernel ? kernel.status : null, connection: kernel ? kernel.connectionStatus : null,
    ran: `${code.filter((cell) => cell.model.executionCount !== null).length} of ${code.length}`,
    counts: code.map((cell) => cell.model.executionCount), dialogs};
}"""
)
# Every code cell of this panel has run and shows something (each one in the series does),
# and its kernel is idle again.
ALL_CELLS_RUN_JS = (
    "(path) => {"
    + PANEL_JS
    + """
  const panel = panelOf(path);
  const kernel = panel.sessionContext.session ? panel.sessionContext.session.kernel : null;
  return kernel !== null && kernel.status === 'idle' && panel.content.widgets
    .filter((cell) => cell.model.type === 'code')
    .every((cell) => cell.model.executionCount !== null &&
      cell.node.querySelector('.jp-OutputArea-output') !== null);
}"""
)
# The cells' outputs are not saved (the copies are thrown away): closing without the prompt.
CLOSE_NOTEBOOKS_JS = """
() => {
  for (const widget of [...window.jupyterapp.shell.widgets('main')]) {
    if (widget.context) widget.context.model.dirty = false;
    widget.close();
  }
  return true;
}
"""
# A stalled run is tried once more on a fresh kernel; each try gets this long (the first, slow
# start of a kernel under load included). 90 s once passed with nothing drawn.
RUN_TIMEOUT_MS = 45_000


def wait_for_own_kernel(page, path: str) -> None:
    """Wait until the notebook at ``path`` has its own kernel, connected and idle, answering
    any dialog JupyterLab shows meanwhile."""
    deadline = time.monotonic() + RUN_TIMEOUT_MS / 1000
    while True:
        left_ms = max(1.0, (deadline - time.monotonic()) * 1000)
        page.wait_for_function(KERNEL_READY_OR_DIALOG_JS, arg=path, timeout=left_ms)
        if not page.locator(".jp-Dialog").count():
            return
        dismiss_dialogs(page)


def run_notebook_in_lab(page, base: str, path: str, widgets: int) -> None:
    """Open ``path``, run every cell once its kernel is idle, and wait until its ``widgets``
    are drawn. A try that stalls is closed, its kernel shut down, and tried once more; if that
    fails too, the error says what each try saw."""
    tries: list[str] = []
    for attempt in range(1, ATTEMPTS + 1):
        try:
            page.evaluate(OPEN_NOTEBOOK_JS, path)
            wait_for_own_kernel(page, path)
            ran = page.evaluate(RUN_ALL_JS, [path, RUN_TIMEOUT_MS])
            assert ran == "true", f"run all cells gave {ran}"
            dismiss_dialogs(page)
            page.wait_for_function(WIDGETS_DRAWN_JS, arg=widgets, timeout=RUN_TIMEOUT_MS)
            page.wait_for_function(ALL_CELLS_RUN_JS, arg=path, timeout=RUN_TIMEOUT_MS)
            return
        except Exception as error:  # a Playwright timeout, or the run not finishing
            state = page.evaluate(NOTEBOOK_STATE_JS, path)
            seen = page.evaluate(WIDGETS_SEEN_JS)
            said = (str(error).strip().splitlines() or [repr(error)])[0]
            tries.append(f"try {attempt}: {said}; notebook {state}; page {seen}")
            page.evaluate(CLOSE_NOTEBOOKS_JS)
            shut_down_kernels(base, path)
    raise AssertionError(f"expected {widgets} widgets drawn in {path}:\n" + "\n".join(tries))


@pytest.mark.browser
@pytest.mark.parametrize("name", SERIES)
def test_jupyterlab_keeps_every_control_and_card_readable_at_every_width(
    lab_page, jupyter_lab, lab_copies: Path, name: str
) -> None:
    page = lab_page
    path = (lab_copies / name).relative_to(ROOT).as_posix()
    page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
    try:
        run_notebook_in_lab(page, jupyter_lab, path, notebook_widget_count(name))
        page.wait_for_selector("#jp-left-stack", state="visible", timeout=30_000)
        assert page.locator(".jp-Notebook").count() == 1  # only this notebook is measured
        assert measure_every_width(page, name, "lab", on_a_phone=close_file_browser) == []
    finally:
        page.evaluate(CLOSE_NOTEBOOKS_JS)
        shut_down_kernels(jupyter_lab, path)
