"""Run every benchmark section that exists, in order, and print its figures."""

from __future__ import annotations

import importlib
import sys

SECTIONS = (
    "engine",
    "widgets_bench",
    "notebooks_bench",
    "handouts_bench",
    "builds_bench",
    "app_bench",
    "explorer_bench",
    "setup_bench",
)


def main() -> int:
    for name in SECTIONS:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"bench.{name}":
                raise
            continue
        print(f"== {module.TITLE}")
        module.run()
        print()
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
