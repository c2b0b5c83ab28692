"""Build reveal.js slide decks of the series that open with no network at all.

Run by ``make slides``. Each notebook is executed fresh, two at a time (so widgets carry their
static HTML picture; ``make site`` reads the runs its handouts made), code is dropped, speaker
notes stay as ``<aside class="notes">``, and the decks load reveal.js from a local copy written
next to them. Each planned slide is then cut into slides that fit a projector's screen, with
warning signs, cards and asides in their room form (``widgets/tools/slides/``). Usage::

    python -m widgets.tools.build_slides                       # every notebook -> build/slides/
    python -m widgets.tools.build_slides notebooks/05_should_i_use_one.ipynb --out /tmp/decks
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import nbformat
from nbconvert import SlidesExporter
from traitlets.config import Config

from widgets.content.clinic import ClinicSettingsError, contact_html, current, localise_html
from widgets.content.navigation import is_nav, title_of
from widgets.content.series import NOTEBOOKS, ROOT, TEMPLATES
from widgets.content.speaker_notes import unwrap
from widgets.tools.handouts import default_jobs
from widgets.tools.handouts.build import worker_dies_with_its_parent, workers_stopped_on_exit
from widgets.tools.handouts.execute import execute_node
from widgets.tools.safe_output import OutputRefused, staged_output
from widgets.tools.slides.deck import room_notebook
from widgets.tools.slides.fit import ROOM, room_css
from widgets.tools.slides.live import live_fit, live_report

REVEAL = TEMPLATES / "slides" / "reveal.js"
DEFAULT_OUT = ROOT / "build" / "slides"
CELL_TIMEOUT_S = 180

# The static picture first: no widget manager, no JavaScript, nothing fetched at view time.
DISPLAY_PRIORITY = [
    "text/html",
    "text/markdown",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/plain",
]


@dataclass(frozen=True)
class Deck:
    notebook: Path
    html_path: Path
    title: str


def slide_cells(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Keep what belongs on a slide: speaker notes stay, navigation and other hidden cells go.

    Notes cells are tagged ``remove-cell`` so handouts drop them; here they are the point.
    Navigation links point at .ipynb files, which mean nothing inside a deck.
    """
    kept = []
    for cell in nb.cells:
        slide_type = cell.metadata.get("slideshow", {}).get("slide_type", "-")
        tags = cell.metadata.get("tags", [])
        if is_nav(cell):
            continue
        if "remove-cell" in tags and slide_type != "notes":
            continue
        if slide_type == "notes":  # closed in JupyterLab for patients; open for the presenter
            cell.source = unwrap(cell.source)
        kept.append(cell)
    nb.cells = kept
    return nb


def exporter() -> SlidesExporter:
    config = Config()
    config.NbConvertBase.display_data_priority = DISPLAY_PRIORITY
    return SlidesExporter(
        config=config,
        template_name="slides",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        reveal_url_prefix="reveal.js",
        reveal_theme="white",
        # No sliding motion: calmer for an audience that may get dizzy or motion-sick.
        reveal_transition="none",
        # A slide the estimate misjudges can still be scrolled with the wheel, not cut off.
        reveal_scroll=True,
        reveal_width=str(ROOM.width),
        reveal_height=str(ROOM.height),
    )


def run_notebook(notebook: Path, store: Path | None = None) -> nbformat.NotebookNode:
    """The whole notebook run, as the handouts run it (so ``make site`` runs it once); the
    cells a slide leaves out are markdown, so running them changes no other cell's output."""
    nb = nbformat.read(notebook, as_version=4)
    return execute_node(nb, notebook.parent, timeout=CELL_TIMEOUT_S, store=store)


def build_deck(notebook: Path, out: Path, ran: nbformat.NotebookNode | None = None) -> Deck:
    """The deck of ``notebook`` from its run ``ran`` (run here when not given)."""
    nb = slide_cells(ran if ran is not None else run_notebook(notebook))
    slides = exporter()

    def markdown(source: str) -> str:
        return slides.markdown2html({}, source)

    # How the same cells fare live in RISE, which cannot cut them: read by the slide tests.
    live = live_report(live_fit(nb, markdown))
    (out / f"{notebook.stem}.live.json").write_text(live, encoding="utf-8")
    # Cut after running: the cut needs the widgets' pictures, and they exist only then.
    nb = room_notebook(nb, markdown)
    resources = {"metadata": {"name": notebook.stem}, "room_css": room_css()}
    body, _ = slides.from_notebook_node(nb, resources=resources)
    body = localise_html(body)  # the clinic's words and numbers; a no-op for neutral "en"
    html_path = out / f"{notebook.stem}.slides.html"
    html_path.write_text(body, encoding="utf-8")
    return Deck(notebook, html_path, title_of(nb, notebook.stem))


def index_page(decks: list[Deck]) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(d.html_path.name)}">{html.escape(d.title)}</a></li>'
        for d in decks
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
        "<title>Workshop slides</title></head>\n<body>\n<main>\n<h1>Workshop slides</h1>\n"
        "<p>Open a deck, press F for full screen and S for the speaker notes window. The arrow "
        "keys (or a clicker) step through every slide; answers and sources are at the end.</p>\n"
        f"<ol>\n{items}\n</ol>\n{contact_html()}</main>\n</body>\n</html>\n"
    )


class _Unfinished(Exception):
    """A deck failed: nothing of this build may replace the last good set."""


def build(
    notebooks: list[Path],
    out: Path,
    *,
    keep_others: bool = False,
    jobs: int = 0,
    store: Path | None = None,
) -> tuple[list[Deck], list[tuple[Path, str]]]:
    """Build every deck into a temp folder; swap them into ``out`` only if all succeeded.

    On any failure ``out`` keeps the last good set whole (no deck from this run mixed with
    an older one), and no deck is returned. ``keep_others`` keeps the last build's other decks
    (a build of named notebooks only). Files in ``out`` a build did not make are never touched.
    ``jobs`` notebooks run at once (default two); ``store`` as in ``execute_node``.
    """
    decks: list[Deck] = []
    failures: list[tuple[Path, str]] = []
    try:
        with staged_output(out, keep_others=keep_others) as stage:
            decks, failures = _build_into(notebooks, stage, jobs=jobs or default_jobs(),
                                          store=store)  # fmt: skip
            if failures or not decks:
                raise _Unfinished
    except _Unfinished:
        return [], failures
    return [replace(d, html_path=out / d.html_path.name) for d in decks], failures


def _run_or_say_why(notebook: Path, store: Path | None) -> nbformat.NotebookNode | str:
    """In a worker: the run, or why it failed (an exception may not survive the trip back)."""
    try:
        return run_notebook(notebook, store)
    except Exception as error:  # one broken notebook should not hide the others' decks
        return f"{type(error).__name__}: {error}"


def _build_into(
    notebooks: list[Path], out: Path, *, jobs: int, store: Path | None
) -> tuple[list[Deck], list[tuple[Path, str]]]:
    # The decks point at ./reveal.js, copied fresh so it keeps in step with the vendored one.
    shutil.copytree(REVEAL, out / "reveal.js")
    decks: list[Deck] = []
    failures: list[tuple[Path, str]] = []
    # Kernels spend much of a run starting up and waiting: two notebooks run at once, and each
    # deck is made while the next notebooks still run.
    with workers_stopped_on_exit(
        ProcessPoolExecutor(max_workers=jobs, initializer=worker_dies_with_its_parent)
    ) as kernels:
        runs = [kernels.submit(_run_or_say_why, notebook, store) for notebook in notebooks]
        for notebook, running in zip(notebooks, runs, strict=True):
            ran = running.result()
            if isinstance(ran, str):
                failures.append((notebook, ran))
                continue
            try:
                decks.append(build_deck(notebook, out, ran))
            except Exception as error:  # one broken notebook should not hide the others' decks
                failures.append((notebook, f"{type(error).__name__}: {error}"))
    if decks:
        link_decks(out)
        (out / "index.html").write_text(index_page(decks), encoding="utf-8")
    return decks, failures


# A deck is cut from a notebook, so its links name notebooks (05_should_i_use_one.ipynb) and
# pages (about_this_series.md) that are not beside it. Decks sit together; pages are handouts,
# which `make handouts` writes next door (build/handouts/, and handouts/ on the site).
_NOTEBOOK_LINK = re.compile(r'href="(?P<stem>[\w.-]+)\.ipynb(?:#[^"]*)?"')
_PAGE_LINK = re.compile(r'href="(?P<stem>[\w.-]+)\.md(?P<part>#[^"]*)?"')
HANDOUTS_BESIDE = "../handouts"


def link_decks(out: Path) -> None:
    """Point each deck's notebook links at the deck beside it, and page links at the handout."""

    def deck(match: re.Match[str]) -> str:
        target = f"{match['stem']}.slides.html"
        return f'href="{target}"' if (out / target).is_file() else match[0]

    def page(match: re.Match[str]) -> str:
        return f'href="{HANDOUTS_BESIDE}/{match["stem"]}.html{match["part"] or ""}"'

    for path in out.glob("*.slides.html"):
        text = path.read_text(encoding="utf-8")
        linked = _PAGE_LINK.sub(page, _NOTEBOOK_LINK.sub(deck, text))
        if linked != text:
            path.write_text(linked, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="default: build/slides")
    args = parser.parse_args(argv)
    try:  # A clinic's bad settings file stops the build before any deck runs: one line.
        current()
    except ClinicSettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    notebooks = [p.resolve() for p in args.notebooks] or sorted(NOTEBOOKS.glob("*.ipynb"))
    try:
        decks, failures = build(notebooks, args.out, keep_others=bool(args.notebooks))
    except OutputRefused as refused:
        print(f"error: {refused}", file=sys.stderr)
        return 2
    for deck in decks:
        print(f"wrote {deck.html_path}")
    for notebook, message in failures:
        print(f"FAILED {notebook.name}: {message[:2000]}", file=sys.stderr)
    if failures:
        print(f"No deck was updated: {args.out} still holds the last good set.", file=sys.stderr)
    if decks:
        print(f"open {args.out / 'index.html'}")
    return 1 if failures or not decks else 0


if __name__ == "__main__":
    sys.exit(main())
