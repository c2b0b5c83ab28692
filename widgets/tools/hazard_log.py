"""Write the hazard table in docs/safety/hazard-log.md from docs/safety/hazards.yaml.

    python -m widgets.tools.hazard_log          # rewrite the table between the markers
    python -m widgets.tools.hazard_log --check  # exit 1 if the page is out of date

Only the part between the two marker comments is written; the prose around it is kept.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from widgets.content.series import ROOT

LOG = ROOT / "docs" / "safety" / "hazards.yaml"
PAGE = ROOT / "docs" / "safety" / "hazard-log.md"
START, END = "<!-- hazard-table:start -->", "<!-- hazard-table:end -->"


def load(path: Path = LOG) -> list[dict[str, Any]]:  # YAML: checked by tests/test_hazard_log.py
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|")


def table(hazards: list[dict[str, Any]]) -> str:
    lines = [
        "| Id | What could go wrong | For whom | How bad | Controls in the engine | Proved by |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for h in hazards:
        controls = "<br>".join(f"`{c}`" for c in h["controls"])
        tests = "<br>".join(f"`{str(t).split('::')[-1]}`" for t in h["tests"])
        lines.append(
            f"| {h['id']} | {_cell(h['hazard'])} | {_cell(h['who'])} | {h['severity']} "
            f"| {controls} | {tests} |"
        )
    return "\n".join(lines)


def rendered(page: str, hazards: list[dict[str, object]]) -> str:
    before, _, rest = page.partition(START)
    _, _, after = rest.partition(END)
    return f"{before}{START}\n{table(hazards)}\n{END}{after}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the page would change")
    args = parser.parse_args(argv)
    page = PAGE.read_text(encoding="utf-8")
    if START not in page or END not in page:
        print(f"error: {PAGE} has lost its marker comments {START} {END}", file=sys.stderr)
        return 2
    new = rendered(page, load())
    if args.check:
        if new != page:
            print(
                f"{PAGE.relative_to(ROOT)} is out of date: run python -m widgets.tools.hazard_log"
            )
            return 1
        return 0
    if new != page:
        PAGE.write_text(new, encoding="utf-8", newline="\n")
        print(f"wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
