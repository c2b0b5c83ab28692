"""Serve the series as a code-free app with Voila on 127.0.0.1, starting at the start-here page.

Run by ``make app``; ``make app APP_ARGS="--port 8870"`` picks the port. Any option this script
does not know is passed on to Voila (for example ``--theme=dark``). Voila is its own Tornado
server, not Jupyter Server, so it has no root check and needs no ``--allow-root``.

Voila ignores cell tags, so it would show the presenter's speaker notes (cells tagged
``remove-cell``) to patients. The app therefore serves a copy of the notebooks in ``build/app``
with those cells dropped; everything else (figures, navigation links) is copied as it is.
The copy is built aside and swapped in (``safe_output``): a start removes only files an
earlier start copied, never anything else in the folder, and never copies a reader's saved
plans (``my-handouts/``). Nothing is saved into it either: in the app view "Save my plan"
hands the plan to the patient's browser as a download (``widgets.ui.myplan``).

Every page a visitor opens starts a kernel (about 56 MiB), and Voila's own shutdown request on
leaving a page is refused (an upstream ``_xsrf`` bug), so the app culls kernels itself: a
kernel no page is connected to is stopped after ``--cull-idle`` seconds without activity
(checked every ``--cull-interval`` seconds). Memory is then bounded by the pages open right
now plus those left in the last half minute, and never more than ``--max-kernels`` kernels run
at once (``app_kernels.py``: a page beyond that waits for room). ``make bench`` measures a
workshop.

The app must work in a workshop room with no internet, so the page loads nothing from the
network: Voila renders it with the project's ``series`` template
(``widgets/tools/templates/voila/templates/series``), which is Voila's ``lab`` template without
its Font Awesome CDN links. Voila looks for templates on the Jupyter data path, so Voila's
environment gets ``widgets/tools/templates/`` on ``JUPYTER_PATH``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

import nbformat

from widgets.content.clinic import Clinic, ClinicSettingsError, current, localise
from widgets.content.series import NOTEBOOKS, ROOT, TEMPLATES
from widgets.tools.safe_output import OutputRefused, staged_output

APP_COPY = ROOT / "build" / "app"
START = "00_start_here.ipynb"
HIDDEN_TAG = "remove-cell"
HOST = "127.0.0.1"
# Holds voila/templates/series; put on JUPYTER_PATH so Voila finds the template by name.
TEMPLATE_ROOT = TEMPLATES
TEMPLATE = "series"
DEFAULT_PORT = 8866
# A page's kernel is connected (and kept) from a second or two after it renders until the
# visitor leaves; 20 s covers a slow connect, and keeps few left-behind kernels alive.
CULL_IDLE_S = 20
CULL_INTERVAL_S = 5
# 32 kernels of about 56 MiB, plus Voila: under 2 GiB, and one open page each for a room of 30.
MAX_KERNELS = 32
KERNEL_MANAGER = "widgets.tools.app_kernels.BoundedKernelManager"
# Never copied into the app view: a laptop reader's saved plans, JupyterLab's checkpoints.
NOT_COPIED = ("my-handouts", ".ipynb_checkpoints", ".*")

# JupyterLab extensions Voila would load that do nothing in an app view and log console errors
# there (they expect a notebook panel or a Lab shell). Widgets stay: they are the point.
EXTENSION_DENYLIST = (
    "jupyterlab-rise",
    "@voila-dashboards/jupyterlab-preview",
)


def voila_command(
    port: int,
    notebooks: Path,
    extra: list[str],
    *,
    cull_idle: int = CULL_IDLE_S,
    cull_interval: int = CULL_INTERVAL_S,
    max_kernels: int = MAX_KERNELS,
) -> list[str]:
    return [
        sys.executable, "-m", "voila", str(notebooks),
        "--no-browser",
        f"--port={port}",
        f"--Voila.ip={HOST}",
        # A taken port must fail loudly: Voila would otherwise move to another port and the
        # address printed below would be wrong.
        "--Voila.port_retries=0",
        "--strip_sources=True",
        # Voila refuses an option given twice, so a caller's own --template or --theme wins.
        *defaults_not_in(extra, {"template": TEMPLATE, "theme": "light"}),
        "--show_tracebacks=False",
        # Kernels of pages no one has open any more are stopped (see the module docstring);
        # a page still open keeps its kernel, so its widgets keep working.
        *defaults_not_in(extra, {
            "cull_idle_timeout": str(cull_idle),
            "cull_interval": str(cull_interval),
            "cull_connected": "False",
        }, prefix="MappingKernelManager."),
        *defaults_not_in(extra, {"multi_kernel_manager_class": KERNEL_MANAGER},
                         prefix="VoilaConfiguration."),
        *defaults_not_in(extra, {"max_kernels": str(max_kernels)},
                         prefix="BoundedKernelManager."),
        *(f"--VoilaConfiguration.extension_denylist={name}" for name in EXTENSION_DENYLIST),
        *extra,
    ]  # fmt: skip


def defaults_not_in(extra: list[str], defaults: dict[str, str], *, prefix: str = "") -> list[str]:
    """``--{prefix}name=value`` for each default that ``extra`` does not set itself."""
    given = {arg.lstrip("-").split("=", 1)[0].rsplit(".", 1)[-1] for arg in extra}
    return [f"--{prefix}{name}={value}" for name, value in defaults.items() if name not in given]


def voila_environment(base: dict[str, str]) -> dict[str, str]:
    """``base`` with the project's templates first on the Jupyter data path, and the kernels
    told they serve patients from a server (so "Save my plan" never writes to this disk)."""
    paths = [str(TEMPLATE_ROOT), *filter(None, base.get("JUPYTER_PATH", "").split(os.pathsep))]
    return {**base, "JUPYTER_PATH": os.pathsep.join(paths), "SMS_PLAN_MODE": "server"}


def without_hidden_cells(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb.cells = [c for c in nb.cells if HIDDEN_TAG not in c.metadata.get("tags", [])]
    return nb


def in_clinic_words(nb: nbformat.NotebookNode, clinic: Clinic) -> nbformat.NotebookNode:
    """The prose in the clinic's words and numbers; cards follow them in the kernel already."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = localise(cell.source, clinic)
    return nb


def app_copy(notebooks: Path, target: Path) -> Path:
    """A fresh copy of the series for the app view, without presenter-only cells.

    Built aside and swapped in whole; raises ``OutputRefused`` for a folder it did not make.
    """
    with staged_output(target) as stage:
        shutil.copytree(notebooks, stage, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(*NOT_COPIED))  # fmt: skip
        clinic = current()
        for path in stage.glob("*.ipynb"):
            patient = without_hidden_cells(nbformat.read(path, as_version=4))
            nbformat.write(in_clinic_words(patient, clinic), path)
    return target


def app_url(port: int) -> str:
    return f"http://{HOST}:{port}/voila/render/{START}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS, help="folder to serve")
    parser.add_argument("--copy-to", type=Path, default=APP_COPY, help="default build/app")
    parser.add_argument(
        "--prepare-only", action="store_true", help="write the app copy and exit (postBuild)"
    )
    parser.add_argument("--cull-idle", type=int, default=CULL_IDLE_S, metavar="SECONDS",
                        help=f"stop a kernel no page uses after this long (default "
                        f"{CULL_IDLE_S})")  # fmt: skip
    parser.add_argument("--cull-interval", type=int, default=CULL_INTERVAL_S, metavar="SECONDS",
                        help=f"how often to look for such kernels (default "
                        f"{CULL_INTERVAL_S})")  # fmt: skip
    parser.add_argument("--max-kernels", type=int, default=MAX_KERNELS, metavar="N",
                        help=f"most kernels at once; more pages wait (default "
                        f"{MAX_KERNELS})")  # fmt: skip
    args, extra = parser.parse_known_args(argv)
    if args.cull_idle < 1 or args.cull_interval < 1 or args.max_kernels < 1:
        print("error: --cull-idle, --cull-interval and --max-kernels must be 1 or more",
              file=sys.stderr)  # fmt: skip
        return 2
    try:
        served = app_copy(args.notebooks.resolve(), args.copy_to.resolve())
    except (OutputRefused, ClinicSettingsError) as refused:
        print(f"error: {refused}", file=sys.stderr)
        return 2
    if args.prepare_only:
        print(f"App copy written to {served}")
        return 0
    command = voila_command(args.port, served, extra, cull_idle=args.cull_idle,
                            cull_interval=args.cull_interval,
                            max_kernels=args.max_kernels)  # fmt: skip
    print(f"The series as an app (code hidden): {app_url(args.port)}", flush=True)
    print("Stop it with Ctrl+C.", flush=True)
    # Replace this process, so Ctrl+C and `kill` reach Voila directly.
    os.chdir(served)
    os.execve(command[0], command, voila_environment(dict(os.environ)))
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
