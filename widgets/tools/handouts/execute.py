"""Run a notebook top to bottom in a fresh kernel, the way a reader's JupyterLab would.

A build that makes more than one thing from the same notebooks (``make site``: the handouts and
the slides) runs each notebook once: it passes a *store*, a folder of executed copies, and a
second request for the same run is read from there. The copy is filed under a key made of
everything the run's outputs can depend on (``execution_key``): the notebook, the files beside
it, every file of the ``widgets`` package, the Python and the libraries that run it, and the
environment with the clinic's settings file. Change any of them and the notebook runs again.

``STENOSIS_EXECUTION_STORE`` names a store for every build in a process and its children; the
test suite sets it for its shared builds, so one test run executes each notebook once.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode

CELL_TIMEOUT_S = 300
KERNEL_STARTS = 2
STORE_ENV = "STENOSIS_EXECUTION_STORE"
# What else shapes a run's outputs besides the notebook and the package's own files.
LIBRARIES = ("ipykernel", "ipython", "ipywidgets", "jinja2", "markupsafe", "nbclient", "nbformat")
# Environment variables that say which file to read: the file's bytes go into the key too.
SETTINGS_FILES = ("CLINIC", "STENOSIS_SERIES")
# Set by the test runner for each worker and each test, or by _run itself: no output changes.
VOLATILE_PREFIXES = ("PYTEST_",)
VOLATILE_NAMES = frozenset({STORE_ENV, "PYDEVD_DISABLE_FILE_VALIDATION"})
PACKAGE = Path(__file__).resolve().parents[2]


def execute(path: Path, store: Path | None = None) -> NotebookNode:
    """The notebook at ``path`` with fresh outputs; raises if any cell fails."""
    return execute_node(nbformat.read(path, as_version=4), path.parent, store=store)


def execute_node(
    nb: NotebookNode,
    folder: Path,
    timeout: int = CELL_TIMEOUT_S,
    *,
    store: Path | None = None,
) -> NotebookNode:
    """``nb`` run top to bottom in a fresh kernel started in ``folder``, as in JupyterLab.

    With a ``store`` (or ``STENOSIS_EXECUTION_STORE``), a run of the same notebook with the same
    inputs is read from it rather than run again. Either way the result is the copy as written
    to disk, so a build gives the same bytes whether its notebooks ran now or earlier.
    """
    store = store or store_from_environment()
    if store is None:
        return _run(nb, folder, timeout)
    store.mkdir(parents=True, exist_ok=True)
    key = execution_key(nb, folder)
    entry = store / f"{key}.ipynb"
    # One process runs a notebook while another asking for the same one waits, then reads it.
    with _locked(store / f"{key}.lock"):
        if not entry.is_file():
            ran = _run(nb, folder, timeout)
            # Written under another name and renamed: a reader never sees half a notebook.
            partial = store / f".{key}.{os.getpid()}.partial"
            nbformat.write(ran, partial)
            os.replace(partial, entry)
        return nbformat.read(entry, as_version=4)


def store_from_environment() -> Path | None:
    named = os.environ.get(STORE_ENV, "").strip()
    return Path(named) if named else None


def execution_key(nb: NotebookNode, folder: Path) -> str:
    """A name for this run that changes whenever anything its outputs depend on changes."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("notebook", nbformat.writes(nb).encode())
    folder = folder.resolve()
    add("folder", str(folder).encode())
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        add(f"beside:{path.name}", path.read_bytes())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            add(f"package:{path.relative_to(PACKAGE).as_posix()}", path.read_bytes())
    add("python", f"{sys.version}\0{sys.prefix}".encode())
    for library in LIBRARIES:
        add(f"library:{library}", _version(library).encode())
    for name, value in sorted(os.environ.items()):
        if not name.startswith(VOLATILE_PREFIXES) and name not in VOLATILE_NAMES:
            add(f"env:{name}", value.encode())
    for name in SETTINGS_FILES:
        settings = Path(os.environ.get(name, "").strip() or os.devnull).expanduser()
        add(f"settings:{name}", settings.read_bytes() if settings.is_file() else b"")
    return digest.hexdigest()[:32]


def _version(library: str) -> str:
    try:
        return importlib.metadata.version(library)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # Windows: no lock; two builds at once may each run the notebook
        yield
        return
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file closes
        yield


def _run(nb: NotebookNode, folder: Path, timeout: int) -> NotebookNode:
    """Timing and widget state are not recorded: both change on every run, and without widget
    state an exporter cannot pick the live widget view, so it shows the static text/html."""
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
