"""`make handouts` wall time against stock `jupyter nbconvert --execute --to html` over the same
notebooks, measured in the same run, plus each handout's size and PDF page count.

Goals: ratio <= 1.0 (the build runs notebooks two at a time and prints PDFs meanwhile, though
it does more work: PDFs, the index, the series page, the short versions, large print and the
warning-sign card), each handout < 1 MB (aim 500 KB). Every PDF's page count is listed: a short
version must stay at 1-2 pages, their series at 22 or fewer, the card at 1.
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
        ours = _timed([sys.executable, "-m", "widgets.tools.build_handouts",
                       "--out", str(ours_out)])  # fmt: skip
        ratio = ours / stock
        verdict = "meets" if ratio <= GOAL_RATIO else "MISSES"
        print(f"notebooks: {len(notebooks)}")
        print(f"stock nbconvert --execute --to html: {stock:.1f} s")
        print(f"make handouts (every page, PDF, short version, large print, card): {ours:.1f} s")
        print(f"ratio: {ratio:.2f}   ({verdict} goal <= {GOAL_RATIO})")
        largest = 0
        pages_by_folder: dict[str, int] = {}
        for html in sorted(ours_out.rglob("*.html")):
            name = html.relative_to(ours_out).as_posix()
            size = html.stat().st_size
            largest = max(largest, size)
            pdf = html.with_suffix(".pdf")
            pages = _pdf_pages(pdf) if pdf.exists() else 0
            folder = name.rpartition("/")[0] or "."
            pages_by_folder[folder] = pages_by_folder.get(folder, 0) + pages
            printed = f"PDF {pages:3d} pages" if pdf.exists() else "(HTML only)"
            print(f"  {name:<56} {size / 1000:7.0f} KB   {printed}")
        for folder, pages in sorted(pages_by_folder.items()):
            print(f"PDF pages in {folder}/: {pages}")
        verdict = "meets" if largest < GOAL_BYTES else "MISSES"
        aim = "within" if largest < AIM_BYTES else "over"
        print(f"largest handout: {largest / 1000:.0f} KB ({verdict} goal < 1 MB; {aim} aim 500 KB)")
