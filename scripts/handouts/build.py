"""Orchestrate the build: notebooks run two at a time, PDFs print while later notebooks run."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from handouts.clean import patient_copy
from handouts.execute import execute
from handouts.pdf import Printer
from handouts.render import Page, main_content, render, render_index, render_series, warm_up
from widgets.navigation import title_of


@dataclass(frozen=True)
class Built:
    html: tuple[Path, ...]
    pdf: tuple[Path, ...]


def build_page(path: Path) -> Page:
    """Execute one notebook in a fresh kernel and export it (runs in a worker process)."""
    try:
        executed = execute(path)
    except Exception as error:  # nbclient's error holds the cell's traceback, not the file
        raise RuntimeError(f"{path.name} failed to run:\n{error}") from None
    stem = path.stem
    page = render(patient_copy(executed, stem))
    # The series page leaves out nav cells: one document needs no Previous/Next links.
    fragment = main_content(render(patient_copy(executed, stem, keep_nav=False)))
    return Page(stem=stem, title=title_of(executed, stem), html=page, fragment=fragment)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def default_jobs() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def build(
    notebooks: list[Path],
    out: Path,
    *,
    jobs: int = 0,
    pdf: bool = True,
    log: Callable[[str], None] = print,
) -> Built:
    """Write one page per notebook, index.html, series.html and (unless ``pdf`` is False) a
    PDF of each. Notebooks are taken in file-name order, so output order never varies."""
    notebooks = sorted(notebooks, key=lambda p: p.name)
    if not notebooks:
        raise ValueError("no notebooks to build")
    jobs = jobs or default_jobs()
    out.mkdir(parents=True, exist_ok=True)
    for stale in (*out.glob("*.html"), *out.glob("*.pdf")):
        stale.unlink()  # a removed notebook must not leave its old handout behind

    warm_up()  # load the templates once; forked workers inherit them
    html_files: list[Path] = []
    printer: Printer | None = None
    try:
        with ProcessPoolExecutor(max_workers=jobs) as kernels:
            running = [kernels.submit(build_page, path) for path in notebooks]
            # Started after the workers are forked: forking a process that runs threads is unsafe.
            printer = Printer() if pdf else None
            pages: list[Page] = []
            for future in running:  # in name order; the pool still runs `jobs` at once
                page = future.result()
                pages.append(page)
                html_files.append(_write(out / f"{page.stem}.html", page.html))
                log(f"built {page.stem}.html")
                if printer:
                    printer.submit(html_files[-1])
        # The series first: it is the longest to print, and nothing else waits for it.
        for name, text in (("series", render_series(pages)), ("index", render_index(pages))):
            html_files.append(_write(out / f"{name}.html", text))
            log(f"built {name}.html")
            if printer:
                printer.submit(html_files[-1])
    finally:
        pdf_files = printer.finish() if printer else ()
    for made in pdf_files:
        log(f"printed {made.name}")
    return Built(html=tuple(html_files), pdf=pdf_files)
