"""Time to execute the whole series, each notebook in a fresh kernel. Goal: 45 s or less."""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

TITLE = "Notebook series: execution in fresh kernels"
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
GOAL_S = 45.0


def execute(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={
        "metadata": {"path": str(path.parent)}
    }).execute()  # fmt: skip
    return time.perf_counter() - started


def run() -> None:
    total = 0.0
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        seconds = execute(path)
        total += seconds
        print(f"{path.name:45s} {seconds:6.2f} s")
    verdict = "meets" if total <= GOAL_S else "MISSES"
    print(f"{'whole series (one after another)':45s} {total:6.2f} s   ({verdict} goal <= 45 s)")
