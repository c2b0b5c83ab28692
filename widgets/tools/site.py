"""`make site`: the series as a static website in build/site/, to publish or to copy to a USB stick.

    python -m widgets.tools.site                       # every notebook, with PDFs
    python -m widgets.tools.site --out DIR --no-pdf    # faster: no PDFs

The site is the outputs of the other builds, under one landing page:

- ``index.html`` and ``large-print.html``: what the series is and who it is for, the warning
  signs (the engine's words, in the clinic's words and numbers), a link to every part's handout
  and short version, the warning-sign card, the slides, the large-print set, the explorer page,
  the clinic's contact and the content licence;
- ``handouts/`` (``build_handouts``), ``slides/`` (``build_slides``) and ``explorer/`` (the
  explorer page, when its Pyodide runtime is cached or can be fetched at build time).

Every link is relative and nothing is loaded from another site, so it works from ``file://``
and from any static web host. The whole site is built in a temp folder and swapped in
(``safe_output``): a failed build leaves the last good site whole.
"""

from __future__ import annotations

import argparse
import importlib.util
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import jinja2

from widgets import LAST_REVIEWED, __version__
from widgets.content.clinic import (
    LICENCE_NOTE,
    Clinic,
    contact_html,
    current,
    localise_html,
)
from widgets.content.series import ROOT, TEMPLATES
from widgets.render.panels import warning_signs_html
from widgets.render.theme import FONT, css_variables
from widgets.tools.build_handouts import NotReady, ready_to_build, stop_on_sigterm
from widgets.tools.handouts import build as handouts_build
from widgets.tools.handouts.card import DISCLAIMER
from widgets.tools.handouts.execute import store_from_environment
from widgets.tools.handouts.extras import CARD, LARGE, SUMMARY, titles_of
from widgets.tools.handouts.render import SERIES_TITLE
from widgets.tools.safe_output import MANIFEST, OutputRefused, staged_output

DEFAULT_OUT = ROOT / "build" / "site"
HANDOUTS, SLIDES, EXPLORER = "handouts", "slides", "explorer"
STANDARD_PAGE, LARGE_PAGE = "index.html", "large-print.html"
ABOUT = "about_this_series.html"
EXPLORER_MODULE = "widgets.tools.explorer.build"

INTRO = (
    "This is a short, free course in plain words. It has {parts} parts.",
    "It is for people who have been told they have spinal stenosis and want to use a back "
    "massager. It is also for the people who care for them, and for clinics and classes.",
    "It helps you decide, with your care team, if a massager is safe for you. "
    "It also shows how to use one with care.",
)


class SiteBuildError(Exception):
    """A part of the site could not be built; the message says which, in one line."""


@dataclass(frozen=True)
class Part:
    """One notebook's pages, as links from a landing page."""

    title: str
    handout: str
    summary: str


@dataclass(frozen=True)
class Link:
    href: str
    label: str
    about: str


def parts(titles: dict[str, str], *, large: bool) -> list[Part]:
    """Each notebook's handout and short version, in the large-print set for ``large``."""
    folder = f"{HANDOUTS}/{LARGE}" if large else HANDOUTS
    return [
        Part(title, f"{folder}/{stem}.html", f"{folder}/{SUMMARY}/{stem}.html")
        for stem, title in titles.items()
    ]


def more_links(available: Iterable[str], *, large: bool) -> list[Link]:
    """The other ways into the series, each only when the build made its page (``available``:
    files relative to the site folder)."""
    made = set(available)
    folder = f"{HANDOUTS}/{LARGE}" if large else HANDOUTS
    wanted = [
        Link(f"{folder}/series.html", "The whole series on one page", "to read or print it all"),
        Link(
            f"{HANDOUTS}/{SUMMARY}/series.html",
            "All the short versions on one page",
            "one or two pages for each part",
        ),
        Link(f"{HANDOUTS}/{LARGE}/index.html", "Large print", "every handout in larger type"),
        Link(f"{HANDOUTS}/index.html", "Handouts to print", "each part as a page to print"),
        Link(f"{SLIDES}/index.html", "Slides", "for a talk or a class"),
        Link(
            f"{EXPLORER}/index.html",
            "Explorer",
            "answer a few questions and see what the series says for you (on a web host,"
            " not from a USB stick)",
        ),
        Link(
            f"{folder}/{ABOUT}",
            "About this series",
            "who wrote it, who paid for it, and how to tell us about a mistake",
        ),
    ]
    return [link for link in wanted if link.href in made]


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES / "site"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def landing_page(
    titles: dict[str, str],
    available: Iterable[str],
    clinic: Clinic | None = None,
    *,
    large: bool = False,
) -> str:
    """The landing page (``large``: its large-print twin), in the clinic's words and numbers.

    ``titles`` maps each notebook's stem to its title, in series order; ``available`` holds
    the site's files, so the page links only to what was built.
    """
    clinic = clinic or current()
    made = set(available)
    page = (
        _environment()
        .get_template("index.html.j2")
        .render(
            lang=clinic.locale,
            title=SERIES_TITLE,
            font=FONT,
            theme_css=css_variables(),
            large=large,
            other_size_href=STANDARD_PAGE if large else LARGE_PAGE,
            other_size_label="Standard print" if large else "Large print version of this page",
            intro=[line.format(parts=len(titles)) for line in INTRO],
            disclaimer=DISCLAIMER,
            warning_signs=warning_signs_html(compact=True, clinic=clinic),
            card_href=f"{HANDOUTS}/{CARD}",
            parts=parts(titles, large=large),
            more=more_links(made, large=large),
            contact=contact_html(clinic),
            licence_note=LICENCE_NOTE,
            version=__version__,
            reviewed=LAST_REVIEWED,
        )
    )
    return localise_html(page, clinic)


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def _build_slides(notebooks: list[Path], out: Path, jobs: int, store: Path) -> None:
    from widgets.tools import build_slides  # nbconvert's slides exporter: loaded only here

    decks, failures = build_slides.build(notebooks, out, jobs=jobs, store=store)
    if failures or not decks:
        notebook, message = failures[0] if failures else (Path("?"), "no deck was made")
        raise SiteBuildError(f"the slides of {notebook.name} failed: {message.splitlines()[0]}")


@contextmanager
def _runs_kept() -> Iterator[Path]:
    """Where this build keeps its notebooks' runs: the store the environment names, or a
    temporary folder that goes when the build ends."""
    named = store_from_environment()
    if named is not None:
        yield named
        return
    with tempfile.TemporaryDirectory(prefix="stenosis-runs-") as folder:
        yield Path(folder)


def _build_explorer(out: Path, clinic: Clinic, log: Callable[[str], None]) -> None:
    """The explorer page, when its module is part of this copy of the series. A runtime that
    cannot be had (no cache, no network) leaves it out, and says so."""
    if importlib.util.find_spec(EXPLORER_MODULE) is None:
        return
    explorer = importlib.import_module(EXPLORER_MODULE)
    try:
        explorer.build_explorer(out, clinic)
    except explorer.RuntimeUnavailable as missing:
        log(f"No explorer page: {' '.join(str(missing).split())}")


def build_site(
    out: Path,
    notebooks: list[Path],
    *,
    pdf: bool = True,
    explorer: bool = True,
    jobs: int = 0,
    log: Callable[[str], None] = print,
) -> set[str]:
    """Write the site into ``out``; returns its files (relative paths). Raises
    ``OutputRefused``, ``SiteBuildError`` or ``RuntimeError`` (a notebook failed), and then
    ``out`` still holds the last good site."""
    clinic = current()
    notebooks = sorted(notebooks, key=lambda p: p.name)
    with staged_output(out) as stage, _runs_kept() as store:
        # Each notebook runs once: the slides are made from the runs the handouts made.
        handouts_build.build(notebooks, stage / HANDOUTS, jobs=jobs, pdf=pdf, log=log, store=store)
        _build_slides(notebooks, stage / SLIDES, jobs, store)
        log(f"built {SLIDES}/")
        if explorer:
            _build_explorer(stage / EXPLORER, clinic, log)
        # Each part was swapped into the stage with its own manifest; the site has one.
        for manifest in stage.glob(f"*/{MANIFEST}"):
            manifest.unlink()
        titles = titles_of(notebooks)
        made = _files(stage) | {STANDARD_PAGE, LARGE_PAGE}
        for name, large in ((STANDARD_PAGE, False), (LARGE_PAGE, True)):
            html = landing_page(titles, made, clinic, large=large)
            (stage / name).write_text(html, encoding="utf-8", newline="\n")
            log(f"built {name}")
        files = _files(stage)
    return files


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not the usage block
        self.exit(2, f"error: {' '.join(message.split())} (see --help)\n")


def main(argv: list[str] | None = None) -> int:
    parser = _OneLineParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks",
                        help="folder of .ipynb files (default: notebooks/)")  # fmt: skip
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="output folder, new or made by this build "
                        "(default: build/site/)")  # fmt: skip
    parser.add_argument("--jobs", type=int, default=0, help="notebooks run at once (default: 2)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the handouts' PDFs")
    parser.add_argument("--no-explorer", action="store_true", help="leave out the explorer page")
    args = parser.parse_args(argv)
    # The handout command's handler: its workers stop, and so do the ones the site starts.
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    if not 0 <= args.jobs <= 64:
        print(f"error: --jobs must be between 1 and 64, not {args.jobs}", file=sys.stderr)
        return 2
    try:
        notebooks, no_browser = ready_to_build(args.notebooks, pdf=not args.no_pdf)
    except NotReady as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        files = build_site(args.out, notebooks, pdf=not args.no_pdf and not no_browser,
                           explorer=not args.no_explorer, jobs=args.jobs)  # fmt: skip
    except OutputRefused as refused:
        print(f"error: {refused}", file=sys.stderr)
        return 2
    except ValueError as unusable:  # a notebook the handouts cannot use, e.g. no bottom line
        first_line = str(unusable).splitlines()[0] if str(unusable) else type(unusable).__name__
        print(f"error: {first_line}\nThe last good site in {args.out} is unchanged.",
              file=sys.stderr)  # fmt: skip
        return 2
    except (RuntimeError, SiteBuildError) as failed:
        print(f"error: {str(failed)[:4000]}\nThe last good site in {args.out} is unchanged.",
              file=sys.stderr)  # fmt: skip
        return 1
    seconds = time.perf_counter() - started
    print(f"{len(files)} files in {args.out} ({seconds:.1f} s); open {args.out / STANDARD_PAGE}")
    if no_browser:
        print(f"No PDFs: {no_browser}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
