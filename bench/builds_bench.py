"""`make slides` and `make site` wall times, each into a scratch folder.

The site makes its handouts and slides from one run of each notebook (an execution store kept
for the build), and the slides run two notebooks at a time, so a site takes about as long as
its handouts plus the cutting of the decks, not the two builds end to end. The site is built
without PDFs (`--no-pdf`), as a quick check does; the handouts section times the PDFs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TITLE = "Slides and site: build times"
COMMAND = [sys.executable, "-m", "widgets.tools.cli"]


def _timed(arguments: list[str]) -> float:
    # No store from the caller's environment: each build runs its own notebooks.
    env = {k: v for k, v in os.environ.items() if k != "STENOSIS_EXECUTION_STORE"}
    started = time.perf_counter()
    subprocess.run([*COMMAND, *arguments], check=True, capture_output=True, cwd=ROOT, env=env)
    return time.perf_counter() - started


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="builds-bench-") as tmp:
        slides = _timed(["slides", "--out", str(Path(tmp, "slides"))])
        site = _timed(["site", "--no-pdf", "--out", str(Path(tmp, "site"))])
        handouts = _timed(["handouts", "--no-pdf", "--out", str(Path(tmp, "handouts"))])
    print(f"make slides (11 decks, notebooks run two at a time): {slides:.1f} s")
    print(f"make handouts --no-pdf: {handouts:.1f} s")
    print(f"make site --no-pdf (handouts, slides, explorer page, landing pages): {site:.1f} s")
    print(f"site minus handouts (the decks from the same runs, the rest of the site): "
          f"{site - handouts:.1f} s")  # fmt: skip
