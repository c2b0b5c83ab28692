"""Make sure a Chromium-family browser is here for PDFs and the browser tests; print its path.

    python -m widgets.tools.ensure_browser              # find one, or install one
    python -m widgets.tools.ensure_browser --no-install # only look

Exit 0 and print the browser's path when one is found (see ``handouts.pdf.chromium``: Chrome,
Edge or Chromium where people have them, or Playwright's download). Otherwise it installs one:
as root on Debian or Ubuntu ``apt-get install -y chromium``; elsewhere (a clinician's laptop)
Playwright's own ``playwright install chromium``, which needs no administrator rights. When no
browser can be had it exits 2 with one line naming what to install. ``make test`` runs it
before the tests, so a fresh machine never skips the browser tests in silence.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from widgets.tools.handouts.pdf import HOW_TO_GET_ONE, find_browser

INSTALL_TIMEOUT_S = 900
WHAT_TO_INSTALL = (
    "no browser for PDFs and browser tests: install Google Chrome or Chromium "
    "(Debian/Ubuntu: sudo apt-get install chromium; elsewhere: "
    "python -m playwright install chromium)"
)


@dataclass(frozen=True)
class Install:
    """One way to install a browser: what it is called and the command."""

    label: str
    command: tuple[str, ...]


def install_plans(
    *,
    is_root: bool,
    is_debian: bool,
    has_apt: bool,
    has_playwright: bool,
    python: str = sys.executable,
) -> list[Install]:
    """The installs worth trying here, best first."""
    plans = []
    if is_root and is_debian and has_apt:
        # A fresh container has no package lists yet, so update first.
        script = "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"
        plans.append(Install("Debian's chromium package", ("sh", "-c", script)))
    if has_playwright:
        plans.append(
            Install("Playwright's Chromium", (python, "-m", "playwright", "install", "chromium"))
        )
    return plans


def this_machine_plans() -> list[Install]:
    try:
        import playwright  # noqa: F401

        has_playwright = True
    except ImportError:
        has_playwright = False
    return install_plans(
        is_root=hasattr(os, "geteuid") and os.geteuid() == 0,
        is_debian=Path("/etc/debian_version").exists(),
        has_apt=shutil.which("apt-get") is not None,
        has_playwright=has_playwright,
    )


def _run(command: Sequence[str]) -> bool:
    """Run an installer, its output going to stderr (stdout is for the path only)."""
    try:
        done = subprocess.run(command, stdout=sys.stderr, stderr=sys.stderr,
                              timeout=INSTALL_TIMEOUT_S, check=False)  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as error:
        print(f"{command[0]} could not run: {error}", file=sys.stderr)
        return False
    return done.returncode == 0


def ensure(
    *,
    install: bool,
    plans: Sequence[Install] | None = None,
    run: Callable[[Sequence[str]], bool] = _run,
    env: Mapping[str, str] | None = None,
) -> str | None:
    """A usable browser's path, installing one if allowed and needed; None if none can be had."""
    found = find_browser(env)
    if found or not install:
        return found
    for plan in this_machine_plans() if plans is None else plans:
        print(f"No browser found; installing {plan.label}: {' '.join(plan.command)}",
              file=sys.stderr)  # fmt: skip
        if run(plan.command) and (found := find_browser(env)):
            return found
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-install", action="store_true", help="only look, never install")
    args = parser.parse_args(argv)
    found = ensure(install=not args.no_install)
    if found is None:
        print(f"error: {WHAT_TO_INSTALL if not args.no_install else HOW_TO_GET_ONE}",
              file=sys.stderr)  # fmt: skip
        return 2
    print(found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
