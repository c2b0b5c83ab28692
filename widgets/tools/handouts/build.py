"""Orchestrate the build: notebooks run two at a time, PDFs print while later notebooks run."""

from __future__ import annotations

import ctypes
import signal
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat

from widgets.content.navigation import title_of
from widgets.tools.handouts import default_jobs
from widgets.tools.handouts.clean import ABOUT_PAGE, patient_copy
from widgets.tools.handouts.execute import execute
from widgets.tools.handouts.extras import Extra, early_pages, late_pages
from widgets.tools.handouts.pdf import Printer
from widgets.tools.handouts.render import (
    Page,
    main_content,
    render,
    render_about,
    render_index,
    render_series,
    warm_up,
)
from widgets.tools.handouts.summary import summary_notebook
from widgets.tools.safe_output import staged_output


@dataclass(frozen=True)
class Built:
    html: tuple[Path, ...]
    pdf: tuple[Path, ...]


def build_page(path: Path, store: Path | None = None) -> Page:
    """Execute one notebook in a fresh kernel (or read its run from ``store``) and export it
    (runs in a worker process)."""
    try:
        executed = execute(path, store=store)
    except Exception as error:  # nbclient's error holds the cell's traceback, not the file
        raise RuntimeError(f"{path.name} failed to run:\n{error}") from None
    stem = path.stem
    page = render(patient_copy(executed, stem))
    # The series page leaves out nav cells: one document needs no Previous/Next links.
    fragment = main_content(render(patient_copy(executed, stem, keep_nav=False)))
    return Page(stem=stem, title=title_of(executed, stem), html=page, fragment=fragment)


def _write_extras(out: Path, extras: list[Extra], printer: Printer | None, log) -> list[Path]:
    written = []
    for extra in extras:
        (out / extra.path).parent.mkdir(parents=True, exist_ok=True)
        written.append(_write(out / extra.path, extra.html))
        log(f"built {extra.path}")
        if printer and extra.pdf:
            printer.submit(written[-1])
    return written


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def stop_with_parent() -> None:
    """Ask Linux to SIGTERM this process when its parent dies, even if the parent is killed."""
    if sys.platform.startswith("linux"):
        try:
            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
        except (OSError, AttributeError):  # no libc prctl: the parent still stops us on exit
            pass


@contextmanager
def workers_stopped_on_exit(pool: ProcessPoolExecutor) -> Iterator[ProcessPoolExecutor]:
    """``pool``, whose workers are terminated if the block ends with an error or a signal.

    The executor's own exit would wait for every running notebook; a build that is being
    stopped must stop them instead. Each notebook's kernel exits when its worker does
    (ipykernel watches its parent).
    """
    try:
        yield pool
    except BaseException:
        # The executor keeps its processes in a private dict; nothing public reaches them.
        processes = [p for p in getattr(pool, "_processes", {}).values() if p.is_alive()]
        for process in processes:
            process.terminate()
        # A worker inside a kernel call does not end on SIGTERM: nbclient sets its own handler
        # there, which shuts the kernel down (a fraction of a second) but leaves the worker
        # waiting on its cell. So every worker still there a second later is killed, all on
        # one deadline, and the executor's exit never waits on them.
        deadline = time.monotonic() + WORKER_STOP_S
        for process in processes:
            process.join(timeout=max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


WORKER_STOP_S = 1.0


def build(
    notebooks: list[Path],
    out: Path,
    *,
    jobs: int = 0,
    pdf: bool = True,
    log: Callable[[str], None] = print,
    store: Path | None = None,
) -> Built:
    """Write one page per notebook, index.html, series.html and (unless ``pdf`` is False) a
    PDF of each. Notebooks are taken in file-name order, so output order never varies.
    ``store``: where runs of the notebooks are kept for another build (``execute_node``)."""
    notebooks = sorted(notebooks, key=lambda p: p.name)
    if not notebooks:
        raise ValueError("no notebooks to build")
    jobs = jobs or default_jobs()
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    # Everything is written into a temp folder and swapped in only when the whole build has
    # succeeded: a failed build leaves the last good set, and only files an earlier build
    # made (its manifest) are ever removed. A removed notebook's old handout goes that way.
    with staged_output(out) as stage:
        built = _build_into(stage, notebooks, jobs=jobs, pdf=pdf, log=log, store=store)
    return Built(
        html=tuple(out / path.relative_to(stage) for path in built.html),
        pdf=tuple(out / path.relative_to(stage) for path in built.pdf),
    )


def worker_dies_with_its_parent() -> None:
    """Runs first in each worker: a build stopped with SIGTERM must not leave workers behind.

    A forked worker inherits the command's SIGTERM handler, which raises SystemExit: inside a
    running kernel call that exception can be swallowed and the worker lives on, so the build
    that stops it would wait for ever. In a worker, SIGTERM simply ends the process.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    stop_with_parent()


def _build_into(
    out: Path,
    notebooks: list[Path],
    *,
    jobs: int,
    pdf: bool,
    log: Callable[[str], None],
    store: Path | None = None,
) -> Built:
    warm_up()  # load the templates once; forked workers inherit them
    # Checked before any kernel starts (a few milliseconds), so a notebook without the parts a
    # short version needs stops the build before there is anything to stop.
    for path in notebooks:
        summary_notebook(nbformat.read(path, as_version=4), path.stem)
    html_files: list[Path] = []
    printer: Printer | None = None
    try:
        with workers_stopped_on_exit(
            ProcessPoolExecutor(max_workers=jobs, initializer=worker_dies_with_its_parent)
        ) as kernels:
            running = [kernels.submit(build_page, path, store) for path in notebooks]
            # Started after the workers are forked: forking a process that runs threads is unsafe.
            printer = Printer() if pdf else None
            # Short versions and the card need no kernel: the printer does them meanwhile.
            early = _write_extras(out, early_pages(notebooks), printer, log)
            html_files += early
            pages: list[Page] = []
            for future in running:  # in name order; the pool still runs `jobs` at once
                page = future.result()
                pages.append(page)
                html_files.append(_write(out / f"{page.stem}.html", page.html))
                log(f"built {page.stem}.html")
                if printer:
                    printer.submit(html_files[-1])
        # The series first: it is the longest to print, and nothing else waits for it.
        made = [("series", render_series(pages)), ("index", render_index(pages))]
        about = notebooks[0].parent / f"{ABOUT_PAGE}.md" if notebooks else None
        if about is not None and about.is_file():
            made.append((ABOUT_PAGE, render_about(about.read_text(encoding="utf-8"))))
        for name, text in made:
            html_files.append(_write(out / f"{name}.html", text))
            log(f"built {name}.html")
            if printer:
                printer.submit(html_files[-1])
        # Large print of the pages above (and of any other top-level page they link to).
        plain = {page.stem for page in pages} | {"series", "index"}
        others = {
            f.stem: f.read_text(encoding="utf-8")
            for f in html_files
            if f.parent == out and f.stem not in plain and f not in early
        }
        html_files += _write_extras(out, late_pages(pages, others), printer, log)
    finally:
        pdf_files = printer.finish() if printer else ()
    for printed in pdf_files:
        log(f"printed {printed.name}")
    return Built(html=tuple(html_files), pdf=pdf_files)
