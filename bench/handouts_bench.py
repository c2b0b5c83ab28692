"""`make handouts` wall time against stock `jupyter nbconvert --execute --to html` over the same
notebooks, measured in the same run, plus each handout's size and PDF page count.

Goals: ratio <= 1.0 (the build runs notebooks two at a time and prints PDFs meanwhile, though
it does more work: PDFs, the index and the series page), each handout < 1 MB (aim 500 KB).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TITLE = "Handouts: build time against stock nbconvert, and sizes"
GOAL_RATIO = 1.0
GOAL_BYTES = 1_000_000
AIM_BYTES = 500_000


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def _pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))


def run() -> None:
    notebooks = sorted(str(p) for p in NOTEBOOKS.glob("*.ipynb"))
    with tempfile.TemporaryDirectory(prefix="handouts-bench-") as tmp:
        stock_out, ours_out = Path(tmp, "stock"), Path(tmp, "ours")
        stock = _timed([sys.executable, "-m", "jupyter", "nbconvert", "--execute", "--to",
                        "html", "--output-dir", str(stock_out), *notebooks])  # fmt: skip
        ours = _timed([sys.executable, str(ROOT / "scripts" / "build_handouts.py"),
                       "--out", str(ours_out)])  # fmt: skip
        ratio = ours / stock
        verdict = "meets" if ratio <= GOAL_RATIO else "MISSES"
        print(f"notebooks: {len(notebooks)}")
        print(f"stock nbconvert --execute --to html: {stock:.1f} s")
        print(f"make handouts (HTML + PDF + index + series): {ours:.1f} s")
        print(f"ratio: {ratio:.2f}   ({verdict} goal <= {GOAL_RATIO})")
        largest = 0
        for html in sorted(ours_out.glob("*.html")):
            size = html.stat().st_size
            largest = max(largest, size)
            pages = _pdf_pages(html.with_suffix(".pdf"))
            print(f"  {html.name:<42} {size / 1000:7.0f} KB   PDF {pages:3d} pages")
        verdict = "meets" if largest < GOAL_BYTES else "MISSES"
        aim = "within" if largest < AIM_BYTES else "over"
        print(f"largest handout: {largest / 1000:.0f} KB ({verdict} goal < 1 MB; {aim} aim 500 KB)")
