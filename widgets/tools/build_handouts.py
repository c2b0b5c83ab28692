"""`make handouts`: offline, printable, accessible handouts in build/handouts/.

    python -m widgets.tools.build_handouts                  # every notebook, with PDFs
    python -m widgets.tools.build_handouts --out DIR --no-pdf

See docs/handouts.md.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path
from typing import NoReturn

from widgets.content.clinic import ClinicSettingsError, current
from widgets.content.series import ROOT
from widgets.tools.handouts import default_jobs
from widgets.tools.handouts.pdf import BrowserMissing, chromium
from widgets.tools.safe_output import OutputRefused


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        message = f"--jobs must be a whole number, not {text[:40]!r}"
        raise argparse.ArgumentTypeError(message) from None
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError(f"--jobs must be between 1 and 64, not {value}")
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not the usage block
        self.exit(2, f"error: {message} (see --help)\n")


_COMMAND_PID = os.getpid()


def stop_on_sigterm(_signum: int, _frame: object) -> None:
    """SIGTERM handler for a command that builds handouts (this one and the site).

    Unwinding (not dying on the spot) stops the workers and removes the temp folder."""
    if os.getpid() != _COMMAND_PID:
        # A worker forked before it could reset this handler: it has nothing to clean up,
        # and unwinding a kernel call there only prints the kernel's shutdown errors.
        os._exit(143)
    raise SystemExit(143)


class NotReady(Exception):
    """Why a build cannot start, in one line."""


def ready_to_build(folder: Path, *, pdf: bool) -> tuple[list[Path], str]:
    """The checks a command that builds handouts makes before anything runs: the clinic's
    settings (a bad file stops it), the notebooks in ``folder``, and a browser for the PDFs.
    Returns the notebooks and, when PDFs were asked for but no browser can print them, why
    (the build then goes on without PDFs); raises ``NotReady``."""
    try:
        current()
    except ClinicSettingsError as error:
        raise NotReady(str(error)) from None
    notebooks = sorted(folder.glob("*.ipynb")) if folder.is_dir() else []
    if not notebooks:
        raise NotReady(f"no notebooks (.ipynb) in {folder}")
    no_browser = ""
    if pdf:
        try:
            chromium()
        except BrowserMissing as missing:
            no_browser = str(missing)
    return notebooks, no_browser


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks",
                        help="folder of .ipynb files (default: notebooks/)")  # fmt: skip
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "handouts",
                        help="output folder, new or made by this build (default: "
                        "build/handouts/)")  # fmt: skip
    parser.add_argument("--jobs", type=_jobs, default=default_jobs(),
                        help="notebooks run at once (default: 2 on a 2-core machine)")  # fmt: skip
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDFs")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    try:
        notebooks, no_browser = ready_to_build(args.notebooks, pdf=not args.no_pdf)
    except NotReady as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    # Imported only now: nbformat alone takes most of a second, and a bad option, a bad
    # settings file or an empty folder should answer at once.
    from widgets.tools.handouts.build import build

    started = time.perf_counter()
    try:
        built = build(notebooks, args.out, jobs=args.jobs, pdf=not args.no_pdf and not no_browser)
    except OutputRefused as refused:
        print(f"error: {refused}", file=sys.stderr)
        return 2
    except ValueError as unusable:  # a notebook the handouts cannot use, e.g. no bottom line
        first_line = str(unusable).splitlines()[0] if str(unusable) else type(unusable).__name__
        print(f"error: {first_line}\nThe last good handouts in {args.out} are unchanged.",
              file=sys.stderr)  # fmt: skip
        return 2
    except RuntimeError as failed:  # a notebook failed: its cell's error says why
        print(f"error: {failed}\nThe last good handouts in {args.out} are unchanged.",
              file=sys.stderr)  # fmt: skip
        return 1
    seconds = time.perf_counter() - started
    print(f"{len(built.html)} pages and {len(built.pdf)} PDFs in {args.out} ({seconds:.1f} s)")
    if no_browser:
        print(f"No PDFs: {no_browser}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
