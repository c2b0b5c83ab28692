"""``stenosis-series``: every command of the series, for a clinic with or without ``make``.

Installed with the package (``pip install .`` or ``conda env create -f environment.yml``), so
the same commands run on Windows, macOS and Linux::

    stenosis-series lab                 # JupyterLab on the start-here notebook
    stenosis-series present             # the same, with large fonts for a room
    stenosis-series handouts --no-pdf   # printable handouts in build/handouts/
    stenosis-series slides              # offline slide decks in build/slides/
    stenosis-series app                 # the code-free app (Voila) on 127.0.0.1
    stenosis-series site                # a static website in build/site/
    stenosis-series handout --profile me.json -o me.html   # one person's handout

Each command runs the module the Makefile used to run (``python -m widgets.tools.build_handouts``
and so on) with the rest of the command line, so ``stenosis-series handouts --help`` shows that
command's own options. ``--clinic FILE`` (or the ``CLINIC`` environment variable) picks the
clinic settings file; a bad one stops every command here with one line and exit status 2.
The series folder (``notebooks/``, ``clinic.toml``) is the current folder or one above it, or
``$STENOSIS_SERIES``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from widgets import __version__
from widgets.engine.datafile import DataFileError

PROG = "stenosis-series"
START_NOTEBOOK = Path("notebooks") / "00_start_here.ipynb"
# The project's JupyterLab settings: lab/*.json in a checkout; a wheel installs the same files
# under <prefix>/share/stenosis-series/lab/ (pyproject.toml, [tool.setuptools.data-files]).
LAB_SETTINGS_DIR = Path("lab")
INSTALLED_LAB_SETTINGS = Path("share") / "stenosis-series" / "lab"
EVERYDAY_SETTINGS = "overrides.json"
PRESENTING_SETTINGS = "presenting.json"
HELP_FLAGS = frozenset({"-h", "--help"})


@dataclass(frozen=True)
class Command:
    """A subcommand: what it does (for ``--help``) and the module whose ``main(argv)`` runs it."""

    summary: str
    module: str = ""  # empty for the commands this file runs itself (lab, present)


COMMANDS: dict[str, Command] = {
    "lab": Command("open the series in JupyterLab (extra options go to JupyterLab)"),
    "present": Command("open the series in JupyterLab with large fonts for a room"),
    "handouts": Command("build the printable handouts", "widgets.tools.build_handouts"),
    "slides": Command("build the offline slide decks", "widgets.tools.build_slides"),
    "app": Command("serve the code-free app on this computer", "widgets.tools.serve_app"),
    "site": Command("build the static website to publish", "widgets.tools.site"),
    "handout": Command("write one person's handout from a profile file", "widgets.render.handout"),
}


class UsageError(Exception):
    """Input this command cannot use; the message is one line."""


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not the usage block
        self.exit(2, f"{PROG}: error: {' '.join(message.split())} (see {PROG} --help)\n")


def parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<10}{c.summary}" for name, c in COMMANDS.items())
    top = _OneLineParser(
        prog=PROG,
        description="The spinal stenosis and back massager series: lab, slides, handouts, site.",
        epilog=f"commands:\n{commands}\n\n`{PROG} COMMAND --help` shows a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    top.add_argument("--clinic", type=Path, metavar="FILE",
                     help="clinic settings file (default: $CLINIC, else clinic.toml)")  # fmt: skip
    top.add_argument("command", choices=COMMANDS, metavar="COMMAND",
                     help=f"one of: {', '.join(COMMANDS)}")  # fmt: skip
    top.add_argument("args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return top


def take_clinic_option(args: list[str]) -> tuple[Path | None, list[str]]:
    """``--clinic FILE`` (or ``--clinic=FILE``) pulled out of a command's own arguments, so it
    may follow the command name too; the other arguments are returned in their order."""
    clinic: Path | None = None
    rest: list[str] = []
    items = iter(args)
    for item in items:
        if item == "--":  # everything after is the command's own
            rest += [item, *items]
            break
        if item == "--clinic":
            value = next(items, None)
            if value is None:
                raise UsageError("--clinic needs a settings file, e.g. --clinic clinic.toml")
            clinic = Path(value)
        elif item.startswith("--clinic="):
            clinic = Path(item.removeprefix("--clinic="))
        else:
            rest.append(item)
    return clinic, rest


def use_clinic(settings: Path | None) -> None:
    """Put ``settings`` in force for this process and every process it starts (kernels, Voila),
    then check the settings in force: a bad file is one ``UsageError`` line."""
    if settings is not None:
        # Absolute: kernels run in notebooks/, and a relative name would mean another file there.
        os.environ["CLINIC"] = str(settings.expanduser().resolve())
    from widgets.content.clinic import ClinicSettingsError, current

    try:
        current()
    except ClinicSettingsError as error:
        raise UsageError(str(error)) from None


def series_root() -> Path:
    """The series folder, or ``UsageError`` naming what is missing."""
    from widgets.content.series import ENV_VAR, find_root

    root = find_root()
    if not (root / START_NOTEBOOK).is_file():
        raise UsageError(
            f"no series here: {root / START_NOTEBOOK} is missing; run this in the folder that "
            f"holds notebooks/ (or set {ENV_VAR} to that folder)"
        )
    return root


def lab_settings_file(name: str, root: Path) -> Path:
    """The series folder's ``lab/<name>``, else the copy a wheel installed; ``UsageError`` if
    neither exists."""
    places = [root / LAB_SETTINGS_DIR / name]
    for scheme in dict.fromkeys((sysconfig.get_default_scheme(), f"{os.name}_user")):
        try:
            places.append(Path(sysconfig.get_path("data", scheme)) / INSTALLED_LAB_SETTINGS / name)
        except KeyError:  # a scheme this platform does not have
            continue
    found = next((place for place in places if place.is_file()), None)
    if found is None:
        raise UsageError(f"cannot find the JupyterLab settings {name} (looked in {places[0]})")
    return found


def lab_command(root: Path, settings_dir: Path, extra: Sequence[str]) -> list[str]:
    """JupyterLab on the start-here notebook, with ``settings_dir`` as its settings folder.

    Jupyter refuses to start as root unless told; containers and CI run as root.
    """
    as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    return [
        sys.executable, "-m", "jupyterlab", str(START_NOTEBOOK),
        f"--LabApp.app_settings_dir={settings_dir}", *as_root, *extra,
    ]  # fmt: skip


def run_lab(settings_name: str, extra: Sequence[str]) -> int:
    """JupyterLab with the project's settings, copied into a folder of its own for this run:
    nothing in the environment or the series folder is written."""
    root = series_root()
    settings = lab_settings_file(settings_name, root)
    with tempfile.TemporaryDirectory(prefix="stenosis-lab-settings-") as folder:
        (Path(folder) / EVERYDAY_SETTINGS).write_bytes(settings.read_bytes())
        # Ctrl+C reaches JupyterLab too, which asks before it stops: this command waits for
        # its answer (a Python handler, unlike SIG_IGN, is not passed on to JupyterLab).
        # SIGTERM unwinds, so call() stops JupyterLab and the settings folder is removed.
        previous = signal.signal(signal.SIGINT, _wait_for_jupyterlab)
        stop = signal.signal(signal.SIGTERM, _stop_on_sigterm)
        try:
            return subprocess.call(lab_command(root, Path(folder), extra), cwd=root)
        finally:
            signal.signal(signal.SIGINT, previous)
            signal.signal(signal.SIGTERM, stop)


def _wait_for_jupyterlab(_signum: int, _frame: object) -> None:
    """Ctrl+C while JupyterLab runs: JupyterLab answers it; this command keeps waiting."""


def _stop_on_sigterm(_signum: int, _frame: object) -> None:
    raise SystemExit(143)


def run(command: str, args: list[str]) -> int:
    asks_help = not HELP_FLAGS.isdisjoint(args)
    if command == "lab":
        return 0 if asks_help and _lab_help() else run_lab(EVERYDAY_SETTINGS, args)
    if command == "present":
        return 0 if asks_help and _lab_help() else run_lab(PRESENTING_SETTINGS, args)
    main = importlib.import_module(COMMANDS[command].module).main
    return int(main(args) or 0)


def _lab_help() -> bool:
    print(
        f"usage: {PROG} lab|present [JUPYTERLAB OPTIONS]\n\n"
        "Open notebooks/00_start_here.ipynb in JupyterLab with the series' settings (present:\n"
        "larger fonts and slideshow settings for a room). Any other option goes to JupyterLab,\n"
        "for example --no-browser or --ServerApp.port=8890."
    )
    return True


def main(argv: Sequence[str] | None = None) -> int:
    options = parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    try:
        clinic, args = take_clinic_option(options.args)
        # Asking for help needs no settings, so a broken file never hides the help text.
        if not HELP_FLAGS.isdisjoint(args):
            return run(options.command, args)
        use_clinic(clinic or options.clinic)
        return run(options.command, args)
    except (UsageError, DataFileError) as error:
        # DataFileError: a clinic's edit broke a wording or content file; its message names
        # the file, the entry and the field, which is all the person editing it needs.
        print(f"{PROG}: error: {' '.join(str(error).split())}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
