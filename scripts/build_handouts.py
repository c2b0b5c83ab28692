"""`make handouts`: offline, printable, accessible handouts in build/handouts/.

    python scripts/build_handouts.py                  # every notebook, with PDFs
    python scripts/build_handouts.py --out DIR --no-pdf

See docs/handouts.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from handouts.build import build, default_jobs

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks",
                        help="folder of .ipynb files (default: notebooks/)")  # fmt: skip
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "handouts",
                        help="output folder (default: build/handouts/)")  # fmt: skip
    parser.add_argument("--jobs", type=int, default=default_jobs(),
                        help="notebooks run at once (default: 2 on a 2-core machine)")  # fmt: skip
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDFs")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    built = build(sorted(args.notebooks.glob("*.ipynb")), args.out, jobs=args.jobs,
                  pdf=not args.no_pdf)  # fmt: skip
    seconds = time.perf_counter() - started
    print(f"{len(built.html)} pages and {len(built.pdf)} PDFs in {args.out} ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
