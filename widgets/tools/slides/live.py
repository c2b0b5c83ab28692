"""Give every notebook cell a slide type, by the rules the deck build uses.

RISE (``make present``) reads each cell's ``slideshow.slide_type``; a cell added without one
would fall into whatever slide came before it. This sets the same type ``deck.slide_type``
infers (``## `` starts a slide, ``### `` a follow-on slide, speaker notes are notes, the rest
joins the slide) on cells that have none. Cells that already have a type are left alone, and
nothing but that metadata is written. Run it after adding cells::

    python -m widgets.tools.slides.live          # write the missing types
    python -m widgets.tools.slides.live --check  # list cells without one; exit 1 if any
"""

from __future__ import annotations

import argparse
import sys

import nbformat

from widgets.content.series import NOTEBOOKS
from widgets.tools.slides.deck import slide_type


def missing(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if not c.metadata.get("slideshow", {}).get("slide_type")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report, do not write")
    args = parser.parse_args(argv)
    untyped = 0
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        cells = missing(nb)
        untyped += len(cells)
        if args.check:
            for cell in cells:
                print(f"{path.name}: cell {cell.get('id')} has no slide type", file=sys.stderr)
        elif cells:
            for cell in cells:
                cell.metadata.setdefault("slideshow", {})["slide_type"] = slide_type(cell)
            nbformat.write(nb, path)
            print(f"{path.name}: gave {len(cells)} cell(s) a slide type")
    return 1 if args.check and untyped else 0


if __name__ == "__main__":
    sys.exit(main())
