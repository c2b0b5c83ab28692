"""Run a notebook top to bottom in a fresh kernel, the way a reader's JupyterLab would."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode

CELL_TIMEOUT_S = 300
KERNEL_STARTS = 2


def execute(path: Path) -> NotebookNode:
    """The notebook at ``path`` with fresh outputs; raises if any cell fails."""
    return execute_node(nbformat.read(path, as_version=4), path.parent)


def execute_node(nb: NotebookNode, folder: Path, timeout: int = CELL_TIMEOUT_S) -> NotebookNode:
    """``nb`` run top to bottom in a fresh kernel started in ``folder``, as in JupyterLab.

    Timing and widget state are not recorded: both change on every run, and without widget
    state an exporter cannot pick the live widget view, so it shows the static text/html.
    """
    # ipykernel's debugger warns on stderr about frozen modules; it is noise here.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    for attempt in range(KERNEL_STARTS):
        client = NotebookClient(
            nb,
            kernel_name="python3",
            timeout=timeout,
            resources={"metadata": {"path": str(folder)}},
            record_timing=False,
            store_widget_state=False,
        )
        try:
            # The kernel's own log (a TCP-transport notice on every start) is noise in a build
            # log; cell errors still arrive as outputs and stop the build.
            client.execute(stderr=subprocess.DEVNULL)
            return nb
        except RuntimeError:
            # A kernel that dies (DeadKernelError) or never answers as it starts, e.g. when
            # another process took one of the ports it was given, is started again; a cell's
            # error (CellExecutionError) is not a RuntimeError and stops the build at once.
            if attempt == KERNEL_STARTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover
