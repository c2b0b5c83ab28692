"""Previous | Contents | Next links at the top and bottom of every notebook, and the contents
list in the start-here notebook. Safe to re-run: the output depends only on the titles.

    python -m widgets.tools.nav           # rewrite notebooks in place
    python -m widgets.tools.nav --check   # exit 1 if any notebook would change
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from widgets.content.series import NOTEBOOKS

START = "00_start_here.ipynb"
# Who wrote the series, who paid, where the facts come from (issue 12); beside the notebooks.
ABOUT = "about_this_series.md"
NAV_OPEN, NAV_CLOSE = "<!-- nav -->", "<!-- /nav -->"
TOC_OPEN, TOC_CLOSE = "<!-- toc -->", "<!-- /toc -->"
NAV_METADATA = {"tags": ["nav"], "slideshow": {"slide_type": "skip"}}


def title_of(nb: dict[str, Any], fallback: str | None = None) -> str:
    """The text of the notebook's '# ' title; ``fallback`` if it has none, else an error.

    Works on plain JSON dicts and on nbformat nodes, whose ``source`` is one string.
    """
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            match = re.search(r"^# (.+)$", "".join(cell["source"]), re.MULTILINE)
            if match:
                return match.group(1).strip()
    if fallback is None:
        raise ValueError("notebook has no '# ' title")
    return fallback


def nav_markdown(paths: list[Path], index: int, titles: dict[str, str]) -> str:
    links = []
    if index > 0:
        prev = paths[index - 1].name
        links.append(f"[← Previous: {titles[prev]}]({prev})")
    links.append(f"[Contents]({START})")
    if index < len(paths) - 1:
        nxt = paths[index + 1].name
        links.append(f"[Next: {titles[nxt]} →]({nxt})")
    links.append(f"[About this series]({ABOUT})")
    return f"{NAV_OPEN}\n" + " | ".join(links) + f"\n{NAV_CLOSE}"


def toc_markdown(paths: list[Path], titles: dict[str, str]) -> str:
    items = [f"{i}. [{titles[p.name]}]({p.name})" for i, p in enumerate(paths[1:], start=1)]
    return f"{TOC_OPEN}\n" + "\n".join(items) + f"\n{TOC_CLOSE}"


def _nav_cell(cell_id: str, text: str) -> dict[str, Any]:
    return {
        "cell_type": "markdown",
        "id": cell_id,
        "metadata": json.loads(json.dumps(NAV_METADATA)),
        "source": text.splitlines(keepends=True),
    }


def is_nav(cell: dict[str, Any]) -> bool:
    return cell["cell_type"] == "markdown" and "".join(cell["source"]).lstrip().startswith(NAV_OPEN)


# A line that opens one step of a panel cut for live slides ("Next, the urgent signs."). RISE
# needs it; the handouts and the offline decks show each panel whole, so they leave it out.
LIVE_STEP_TAG = "live-step"


def is_live_step(cell: dict[str, Any]) -> bool:
    return LIVE_STEP_TAG in cell.get("metadata", {}).get("tags", [])


def with_navigation(nb: dict[str, Any], nav: str, toc: str | None) -> dict[str, Any]:
    cells = [cell for cell in nb["cells"] if not is_nav(cell)]
    if toc is not None:
        pattern = re.compile(re.escape(TOC_OPEN) + r".*?" + re.escape(TOC_CLOSE), re.DOTALL)
        for cell in cells:
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown" and TOC_OPEN in source:
                cell["source"] = pattern.sub(lambda _: toc, source).splitlines(keepends=True)
    nb["cells"] = [_nav_cell("nav-top", nav), *cells, _nav_cell("nav-bottom", nav)]
    return nb


def dumps(nb: dict[str, Any]) -> str:
    # The same layout nbformat and JupyterLab write, so saving in the lab makes no diff.
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def render_all(folder: Path = NOTEBOOKS) -> dict[Path, str]:
    paths = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    notebooks = {p: json.loads(p.read_text(encoding="utf-8")) for p in paths}
    titles = {p.name: title_of(nb) for p, nb in notebooks.items()}
    toc = toc_markdown(paths, titles)
    return {
        p: dumps(
            with_navigation(nb, nav_markdown(paths, i, titles), toc if p.name == START else None)
        )
        for i, (p, nb) in enumerate(notebooks.items())
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write navigation links into the notebooks.")
    parser.add_argument("--check", action="store_true", help="report, do not write")
    args = parser.parse_args(argv)
    stale = []
    for path, text in render_all().items():
        if path.read_text(encoding="utf-8") != text:
            stale.append(path.name)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print("navigation out of date in: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
