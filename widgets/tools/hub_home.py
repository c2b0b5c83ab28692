"""Put the series into a reader's home on a JupyterHub with persistent homes.

    python -m widgets.tools.hub_home ~/stenosis-series

Run by ``start`` (repo2docker runs it at every container start). On Zero to JupyterHub the
home volume is mounted over the image's home, hiding anything the image put there, so the
image keeps the repository outside the home (``repo2docker --target-repo-dir``) and this
copies the notebooks, and the app view's copy (``build/app`` -> ``app/``), into the home:

- a file the reader does not have yet is copied;
- a file still exactly as last copied is updated to the image's version;
- a file the reader changed (or made) is never touched.

What was copied is remembered in ``.series-copied.json`` (file name -> SHA-256). Exit 0, or 2
with one line when the destination cannot be written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from widgets.content.series import ROOT as REPO

RECORD = ".series-copied.json"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sources(repo: Path = REPO) -> dict[str, Path]:
    """Relative name in the home -> file in the image."""
    found = {p.name: p for p in sorted((repo / "notebooks").glob("*.ipynb"))}
    found |= {f"app/{p.name}": p for p in sorted((repo / "build" / "app").glob("*.ipynb"))}
    return found


def copy_series(destination: Path, repo: Path = REPO) -> dict[str, str]:
    """Copy what is new or unchanged since the last copy; returns name -> what happened."""
    record_path = destination / RECORD
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        if not isinstance(record, dict):
            record = {}
    except (OSError, ValueError):
        record = {}
    happened: dict[str, str] = {}
    for name, source in sources(repo).items():
        target = destination / name
        new = _digest(source)
        if target.exists() or target.is_symlink():
            if not target.is_file() or target.is_symlink() or _digest(target) != record.get(name):
                happened[name] = "kept (yours)"
                continue
            if new == record.get(name):
                happened[name] = "up to date"
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".copy-", dir=target.parent)
        os.close(handle)
        try:
            shutil.copyfile(source, temp)
            os.chmod(temp, 0o644)
            os.replace(temp, target)
        finally:
            Path(temp).unlink(missing_ok=True)
        record[name] = new
        happened[name] = "copied"
    handle, temp = tempfile.mkstemp(prefix=".record-", dir=destination)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(record, out, indent=1, sort_keys=True)
    os.replace(temp, record_path)
    return happened


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m widgets.tools.hub_home DESTINATION", file=sys.stderr)
        return 2
    destination = Path(args[0]).expanduser()
    try:
        destination.mkdir(parents=True, exist_ok=True)
        happened = copy_series(destination)
    except OSError as error:
        print(f"error: cannot put the series in {destination} ({error.strerror})",
              file=sys.stderr)  # fmt: skip
        return 2
    copied = sum(1 for what in happened.values() if what == "copied")
    kept = sum(1 for what in happened.values() if what == "kept (yours)")
    print(f"The series is in {destination}: {copied} files copied, {kept} of yours kept.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
