"""Keep RISE live presenting (``make present``) in step with the decks, by cell metadata.

RISE reads each cell's ``slideshow.slide_type`` and cannot cut a cell, nor fit a slide to
the screen: a planned slide taller than the screen can only be scrolled. Two fixes, both in
the notebooks' own metadata, so the decks built from them agree:

- Cells added without a slide type get the one ``deck.slide_type`` infers (``## `` starts a
  slide, ``### `` a follow-on slide, speaker notes are notes, the rest joins the slide).
- ``--split``: a live slide of several cells taller than the screen gets follow-on slides
  ("subslide") at cell boundaries, so the presenter steps through it with Space (or a
  clicker's next button) instead of scrolling. The heights are estimated from the executed
  notebook at the presenting settings (``LIVE``), as the decks are; the build writes the same
  check for every deck (``<name>.live.json``) and the tests read it.

A single cell taller than the screen cannot be cut live, and no key scrolls it: in RISE the
arrow keys move between cells and Space or Page Down go to the next slide. So the long panels
are shown in steps, a cell each, with the same words in the same order: the help panel a tier
at a time (``panels.help_now_tier``), the red-flag checklist, the ask-first list and the
placements in parts, a quiz a question at a time, the sources in parts, the severity cards one
by one (``severity_card``), a long card in two (what to do, then why), the options table a
few rows at a time, a story in two or three parts. A short line tagged ``live-step`` ("Next,
the urgent signs.") starts each step's slide; the decks drop it, as they show those panels
whole in room form. A tool (a widget, which RISE shows only as its still picture) and a
printable worksheet carry a short live box (``widgets.render.liveform``: what it is, what it
does, where to use it) that only ``rise.css`` shows, in place of the full picture. No cell is
taller than a slide: the build's ``<name>.live.json`` lists any in ``tall_cells`` and the
tests allow none.

Every notebook's ``rise`` metadata turns RISE's scroll on (``RISE_METADATA``), and
``notebooks/rise.css`` (written here from ``lab/presenting.json``) gives the slideshow, which
reads none of JupyterLab's settings, the room's font sizes, a scroll bar on a tall slide,
guidance cards in two columns, the tools' and sheets' short boxes and no collapsed-code line.
Nothing else is written. Run it after adding cells::

    python -m widgets.tools.slides.live            # write slide types, rise settings, rise.css
    python -m widgets.tools.slides.live --check    # list what is missing; exit 1 if anything
    python -m widgets.tools.slides.live --split    # run each notebook, cut live slides to fit
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
from bs4 import Tag

from widgets.content.series import NOTEBOOKS
from widgets.render.liveform import FULL_CLASS, ROOM_CLASS
from widgets.tools.slides.deck import output_html, slide_type
from widgets.tools.slides.fit import ROOM, estimate, fragment


@dataclass(frozen=True)
class Live:
    """A live slide in RISE with the presenting font sizes (``rise.css``), 1280x720 screen.

    RISE draws slides at the window's size (width and height 100 %, never scaled below 1),
    with text at the presenting content size (20 px), and ``rise.css`` caps a slide at 95 %
    of the window (684 px) and hides collapsed code. Measured in RISE 0.43.1 at 1280x720 in
    Chromium: static panels (warning signs, sources, a quiz question, a card, the checklist)
    came out 0.75 to 1.08 times their estimate at their own width (``outer_width``), a sources
    list up to 1.17, plus 16 px of padding a cell; a card in ``rise.css``'s two columns 0.82
    to 0.87 times ``card_height``'s estimate. Widgets show as their static pictures there: the
    ipywidgets manager does not load in RISE's slideshow app ("Shared module
    @jupyterlab/console doesn't exist"), so a widget is estimated as a panel is.
    """

    width: float = 1180  # 1280 less the slide's padding and the cells' prompt gutter
    font_px: float = 20
    budget: float = 720 * 0.95
    margin: float = 1.1  # the largest measured ratio of real height to estimate, 1.08
    sources_margin: float = 1.2  # a sources list's links wrap anywhere: measured up to 1.17
    cell_px: float = 16  # each cell's own padding
    card_scale: float = 0.85  # rise.css: a card's type on a live slide, in two columns
    column_gap_px: float = 30


LIVE = Live()
# RISE settings each notebook carries: notebook metadata wins over the user's settings, so a
# slideshow started from a plain `make lab` scrolls a tall slide too (lab/presenting.json sets
# the same for `make present`).
RISE_METADATA = {"scroll": True, "transition": "none", "start_slideshow_at": "beginning",
                 "auto_select": "none"}  # fmt: skip
SHOWN_LIVE = frozenset({"slide", "subslide", "fragment", "-"})
# RISE loads rise.css from the notebook's folder. Its slideshow is an app of its own that reads
# none of the settings `make present` gives JupyterLab, so the room's font sizes reach it here.
RISE_CSS = NOTEBOOKS / "rise.css"
PRESENTING = NOTEBOOKS.parent / "lab" / "presenting.json"
THEMES = "@jupyterlab/apputils-extension:themes"
CSS_MARK = "/* Written by python -m widgets.tools.slides.live from lab/presenting.json."
LEAD_IN_LINES = 3
SPLIT_PASSES = 5


def cell_height(cell: nbformat.NotebookNode, markdown: Callable[[str], str],
                live: Live = LIVE) -> float:  # fmt: skip
    """Estimated height of ``cell`` on a live slide: its text or its outputs, and padding."""
    if cell.cell_type == "markdown":
        html = markdown(cell.source)
    elif cell.cell_type == "code":
        html = as_shown_live("".join(output_html(o) for o in cell.get("outputs", [])))
    else:
        return 0.0
    return output_height(html, live) + live.cell_px


def as_shown_live(html: str) -> str:
    """``html`` as ``rise.css`` shows it: a tool's or a sheet's full picture hidden, its short
    live box (``widgets.render.liveform``) shown."""
    if FULL_CLASS not in html:
        return html
    root = fragment(html)
    for full in root.select(f".{FULL_CLASS}"):
        full.decompose()
    for box in root.select(f".{ROOM_CLASS}"):
        del box["style"]
    return root.decode_contents()


def output_height(html: str, live: Live = LIVE) -> float:
    """The height of ``html`` on a live slide, each guidance card in rise.css's two columns."""
    whole = estimate(html, outer_width(html, live), live.font_px)
    root = fragment(html)
    margin = live.sources_margin if root.select_one("ol.sms-sources") else live.margin
    cards = root.select("section.sms-card")
    if not cards:
        return whole * margin
    flat = sum(estimate(str(card), live.width, live.font_px) for card in cards)
    return max(whole - flat, 0.0) * margin + sum(card_height(str(c), live) for c in cards)


_STYLE_EM = {name: re.compile(rf"{name}:\s*([\d.]+)em") for name in
             ("max-width", "font-size", "padding-left")}  # fmt: skip


def outer_width(html: str, live: Live = LIVE) -> float:
    """The width the output's outer box takes: panels cap it in em (``max-width:50em``), which
    on a live slide is narrower than the slide; its own left padding comes off too."""
    root = fragment(html).find(True)
    found = {name: rule.search(str(root.get("style", ""))) for name, rule in _STYLE_EM.items()
             } if isinstance(root, Tag) else {}  # fmt: skip
    cap = found.get("max-width")
    if cap is None:
        return live.width
    size = found.get("font-size")
    em = live.font_px * (float(size.group(1)) if size else 1.0)
    pad = found.get("padding-left")
    width = min(live.width, float(cap.group(1)) * em)
    return width - (float(pad.group(1)) * em if pad else 0.0)


def card_height(card: str, live: Live = LIVE) -> float:
    """A card in two columns at ``card_scale``: half of it at half the width (an over-estimate:
    measured 0.82 to 0.87 of this, so no margin is added)."""
    column = (live.width - live.column_gap_px) / 2
    return estimate(card, column, live.font_px * live.card_scale) / 2


def live_slides(nb: nbformat.NotebookNode) -> list[list[nbformat.NotebookNode]]:
    """The cells RISE shows, grouped as it groups them: "slide" and "subslide" start one."""
    found: list[list[nbformat.NotebookNode]] = []
    for cell in nb.cells:
        kind = slide_type(cell)
        if kind not in SHOWN_LIVE:
            continue
        if kind in ("slide", "subslide") or not found:
            found.append([])
        found[-1].append(cell)
    return found


@dataclass(frozen=True)
class LiveFit:
    cut_before: list[str]  # ids of cells that should start a live follow-on slide
    tall_cells: list[tuple[str, int, str]]  # id, px and what it shows, of cells taller than a slide


def shows(cell: nbformat.NotebookNode) -> str:
    """What a cell shows, by the function its last line calls ("help_now_tier"), or "markdown"."""
    if cell.cell_type != "code":
        return cell.cell_type
    lines = cell.source.strip().splitlines()
    call = re.search(r"(\w+)\(", lines[-1]) if lines else None
    return call.group(1) if call else "code"


def live_fit(nb: nbformat.NotebookNode, markdown: Callable[[str], str],
             live: Live = LIVE) -> LiveFit:  # fmt: skip
    """Where an executed notebook's live slides need cutting, and which cells cannot be cut."""
    cuts: list[str] = []
    tall: list[tuple[str, int, str]] = []
    for cells in live_slides(nb):
        heights = [cell_height(cell, markdown, live) for cell in cells]
        tall += [(str(c.get("id")), round(h), shows(c))
                 for c, h in zip(cells, heights, strict=True) if h > live.budget]  # fmt: skip
        start = 0  # the first cell of the live slide being filled
        for index in range(1, len(cells)):
            if sum(heights[start : index + 1]) <= live.budget:
                continue
            if heights[index] > live.budget:
                continue  # it scrolls wherever it starts: under its lead-in, it is introduced
            # A heading or a line of lead-in moves on with what it leads into, unless it starts
            # the slide.
            lead_in = _leads_in(cells[index - 1], heights[index - 1], live)
            cut = index - 1 if index - 1 > start and lead_in else index
            cuts.append(str(cells[cut].get("id")))
            start = cut
    return LiveFit(cuts, tall)


def _leads_in(cell: nbformat.NotebookNode, height: float, live: Live) -> bool:
    """A heading alone, or a markdown cell of a few lines ("This is the full list...")."""
    lines = live.cell_px + LEAD_IN_LINES * live.font_px * ROOM.line_height
    return cell.cell_type == "markdown" and height <= lines


def live_report(fit: LiveFit) -> str:
    return json.dumps(
        {
            "cut_before": fit.cut_before,
            # id, px and what it shows of a cell taller than a slide: none (a test fails)
            "tall_cells": [list(t) for t in fit.tall_cells],
            "budget_px": LIVE.budget,
        },
        indent=1,
    )


def rise_css(presenting: dict[str, dict[str, object]]) -> str:
    """RISE's style sheet: the presenting font sizes, and a scroll bar on every tall slide.

    RISE's own ``scroll`` option gives the bar only to some slides (in 0.43.1, not to a slide
    without follow-on slides, such as the warning-sign panel); this rule gives it to all.
    """
    sizes = presenting[THEMES]["overrides"]
    assert isinstance(sizes, dict)
    variables = "".join(f"  --jp-{name}: {value};\n" for name, value in sorted(sizes.items()))
    return (
        f"{CSS_MARK} Do not edit. */\n"
        "/* RISE (make present) loads this file; its slideshow reads no JupyterLab settings. */\n"
        f".rise-enabled {{\n{variables}}}\n"
        "/* A slide taller than the screen scrolls (wheel or touchpad), never runs off it. */\n"
        ".rise-enabled .reveal .slides section > section { max-height: 95vh; overflow-y: auto; }\n"
        "/* A hidden code cell shows no code line: the slide's type size made it 90 px tall. */\n"
        ".rise-enabled .jp-CodeCell .jp-InputPlaceholder { display: none; }\n"
        "/* A guidance card reads in two columns, so one fits a live slide (inline styles need\n"
        "   !important); reveal.js makes lists inline blocks, which columns cannot break. */\n"
        f".rise-enabled .jp-OutputArea-output section.sms-card {{ column-count: 2; "
        f"column-gap: {LIVE.column_gap_px:g}px; max-width: none !important; "
        f"font-size: {LIVE.card_scale:g}em !important; }}\n"
        ".rise-enabled .jp-OutputArea-output section.sms-card :is(ol, ul) { display: block; }\n"
        ".rise-enabled .jp-OutputArea-output section.sms-card :is(p, li) "
        "{ break-inside: avoid; }\n"
        "/* A tool (a still picture live) or a worksheet: its short box, name, use, where. */\n"
        f".rise-enabled .{FULL_CLASS} {{ display: none !important; }}\n"
        f".rise-enabled .{ROOM_CLASS} {{ display: block !important; }}\n"
    )


def _css_state() -> tuple[str, str]:
    """What rise.css should hold, and what it holds ("" when missing)."""
    wanted = rise_css(json.loads(PRESENTING.read_text(encoding="utf-8")))
    found = RISE_CSS.read_text(encoding="utf-8") if RISE_CSS.exists() else ""
    return wanted, found


def missing(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if not c.metadata.get("slideshow", {}).get("slide_type")]


def rise_missing(nb: nbformat.NotebookNode) -> dict[str, object]:
    """The RISE settings the notebook's metadata lacks (or sets otherwise)."""
    rise = nb.metadata.get("rise", {})
    return {k: v for k, v in RISE_METADATA.items() if rise.get(k) != v}


def _split(paths: list[Path]) -> int:
    # Imported here: running notebooks needs the build's kernel and markdown set-up.
    from widgets.tools.build_slides import exporter, run_notebook, slide_cells

    markdown = exporter().markdown2html
    for path in paths:
        ran = slide_cells(run_notebook(path))
        wanted: set[str] = set()
        for _ in range(SPLIT_PASSES):  # a cut can move a lead-in on, overfilling the next slide
            fit = live_fit(ran, lambda source: markdown({}, source))
            if not fit.cut_before:
                break
            wanted |= set(fit.cut_before)
            for cell in ran.cells:
                if cell.get("id") in wanted:
                    cell.metadata.setdefault("slideshow", {})["slide_type"] = "subslide"
        nb = nbformat.read(path, as_version=4)  # read again: others may have saved meanwhile
        changed = [c for c in nb.cells if c.get("id") in wanted]
        for cell in changed:
            cell.metadata.setdefault("slideshow", {})["slide_type"] = "subslide"
        if changed:
            nbformat.write(nb, path)
        print(f"{path.name}: {len(changed)} live follow-on slide(s) added; "
              f"{len(fit.tall_cells)} cell(s) taller than a slide")  # fmt: skip
        for cell_id, px, what in fit.tall_cells:
            print(f"  {cell_id}: {what}, {px} px: show it in steps (a part=(n, of) a cell)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report, do not write")
    parser.add_argument("--split", action="store_true", help="cut live slides that are too tall")
    args = parser.parse_args(argv)
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if args.split:
        return _split(paths)
    wanted, found = _css_state()
    untyped = 0 if found == wanted else 1
    if args.check and untyped:
        print(f"{RISE_CSS.name} is missing or stale", file=sys.stderr)
    elif untyped:
        if found and not found.startswith(CSS_MARK):  # someone's own file: never overwrite it
            print(f"error: {RISE_CSS} was not written by this tool; move it away", file=sys.stderr)
            return 2
        RISE_CSS.write_text(wanted, encoding="utf-8")
        print(f"wrote {RISE_CSS}")
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        cells = missing(nb)
        settings = rise_missing(nb)
        untyped += len(cells) + len(settings)
        if args.check:
            for cell in cells:
                print(f"{path.name}: cell {cell.get('id')} has no slide type", file=sys.stderr)
            if settings:
                print(f"{path.name}: rise metadata lacks {sorted(settings)}", file=sys.stderr)
        elif cells or settings:
            for cell in cells:
                cell.metadata.setdefault("slideshow", {})["slide_type"] = slide_type(cell)
            nb.metadata["rise"] = {**nb.metadata.get("rise", {}), **settings}
            nbformat.write(nb, path)
            print(f"{path.name}: gave {len(cells)} cell(s) a slide type; rise settings set")
    return 1 if args.check and untyped else 0


if __name__ == "__main__":
    sys.exit(main())
