"""Run a notebook top to bottom in a fresh kernel, the way a reader's JupyterLab would."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode

CELL_TIMEOUT_S = 300


def execute(path: Path) -> NotebookNode:
    """The notebook at ``path`` with fresh outputs; raises if any cell fails.

    The kernel starts in the notebook's folder, as in JupyterLab. Timing and widget state are
    not recorded: both change on every run and a handout must be the same each build.
    """
    # ipykernel's debugger warns on stderr about frozen modules; it is noise here.
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT_S,
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=False,
    )
    # The kernel's own log (a TCP-transport notice on every start) is noise in a build log;
    # cell errors still arrive as outputs and stop the build.
    client.execute(stderr=subprocess.DEVNULL)
    return nb
