"""Where the series' own files are: the folder holding ``notebooks/`` and ``clinic.toml``.

The code can be installed from a wheel, away from the notebooks, so no module may assume the
repository sits next to it. Commands run inside the series folder (or any folder below it) find
it by walking up from the current directory; an editable install also finds the checkout it was
installed from. ``STENOSIS_SERIES`` names the folder outright.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "STENOSIS_SERIES"
# The one file every copy of the series has; a folder holding it is the series.
MARKER = Path("notebooks") / "00_start_here.ipynb"


def _is_series(folder: Path) -> bool:
    return (folder / MARKER).is_file()


def find_root(start: Path | None = None) -> Path:
    """The series folder: ``$STENOSIS_SERIES``, else the nearest one at or above ``start``
    (the current directory), else the checkout this package sits in. When none is found, the
    current directory, so a command's own error message names the missing notebooks."""
    named = os.environ.get(ENV_VAR, "").strip()
    if named:
        return Path(named).expanduser().resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if _is_series(folder):
            return folder
    checkout = Path(__file__).resolve().parents[2]
    return checkout if _is_series(checkout) else here


ROOT = find_root()
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"
# Files that ship inside the package (templates, styles) sit beside the code, not in the series.
PACKAGE = Path(__file__).resolve().parents[1]
TEMPLATES = PACKAGE / "tools" / "templates"
