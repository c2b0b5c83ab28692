"""Build outputs that can never destroy anything: the handouts, the slides and the app copy.

A build writes into a fresh temporary folder next to its target. Only when the whole build
has succeeded are its files moved into the target, one atomic rename each, and only then are
files from the previous build that this build did not make again removed. Which files a build
made is kept in a manifest (``.build-manifest.json``) inside the target, so:

- a folder with files in it and no manifest (``~/Desktop``) is refused, untouched;
- a file someone else put into a build folder is never deleted, nor overwritten;
- a failed build leaves the last good set exactly as it was, and its own temp folder is gone.

    with staged_output(Path("build/handouts")) as stage:
        (stage / "index.html").write_text(...)   # write everything into ``stage``
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

MANIFEST = ".build-manifest.json"
_PARTIAL = ".partial-"


class OutputRefused(Exception):
    """The target folder is not the build's to write into; the message says why in one line."""


def _relative_files(folder: Path) -> set[str]:
    """Every regular file under ``folder``, as POSIX paths relative to it."""
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    }


def _safe_entry(entry: object) -> str | None:
    """A manifest line we may act on: relative, inside the folder, not the manifest itself."""
    if not isinstance(entry, str) or not entry or entry == MANIFEST:
        return None
    path = PurePosixPath(entry)
    if path.is_absolute() or ".." in path.parts or "\\" in entry:
        return None
    return path.as_posix()


def read_manifest(target: Path) -> set[str] | None:
    """The files the last build made in ``target``, or None when no build of ours made it."""
    try:
        data = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise OutputRefused(f"{target}: its build manifest cannot be read ({error})") from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list):
        raise OutputRefused(f"{target}: its build manifest is not one this build wrote")
    return {entry for item in files if (entry := _safe_entry(item))}


def check_target(target: Path) -> set[str]:
    """The previous build's files in ``target``; raises ``OutputRefused`` if it is not ours."""
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise OutputRefused(f"{target} is not a folder: choose a folder for the output")
    if not target.exists():
        return set()
    previous = read_manifest(target)
    if previous is None:
        if any(target.iterdir()):
            raise OutputRefused(
                f"{target} already holds files this build did not make: "
                "choose an empty or new folder"
            )
        return set()
    return previous


def _write_manifest(target: Path, files: set[str]) -> None:
    handle, temp = tempfile.mkstemp(prefix=".manifest-", dir=target)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump({"files": sorted(files)}, out, indent=1)
        out.write("\n")
    os.replace(temp, target / MANIFEST)


def swap_in(stage: Path, target: Path, *, keep_others: bool = False) -> set[str]:
    """Move every file of ``stage`` into ``target``; remove the previous build's leftovers,
    unless ``keep_others`` (a build of part of the set, such as one slide deck).

    Returns the files now in the manifest. Raises ``OutputRefused`` (before moving anything)
    if a new file would replace one the previous build did not make.
    """
    previous = check_target(target)
    made = _relative_files(stage)
    if not made:
        raise OutputRefused(f"the build made no files for {target}")
    foreign = sorted(name for name in made if name not in previous
                     and (target / name).exists())  # fmt: skip
    if foreign:
        raise OutputRefused(f"{target / foreign[0]} was not made by this build: move it away")
    target.mkdir(parents=True, exist_ok=True)
    # Interrupted half-way, the manifest still names every file either build made.
    _write_manifest(target, previous | made)
    for name in sorted(made):
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(stage / name, destination)
    kept = {name for name in previous if (target / name).is_file()} if keep_others else set()
    for name in sorted(previous - made - kept):
        leftover = target / name
        if leftover.is_file() and not leftover.is_symlink():
            leftover.unlink()
        _remove_empty_parents(leftover.parent, target)
    _write_manifest(target, made | kept)
    return made | kept


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()  # only when empty
        except OSError:
            return
        folder = folder.parent


@contextmanager
def staged_output(target: Path, *, keep_others: bool = False) -> Iterator[Path]:
    """A temp folder to build into; swapped into ``target`` only if the block succeeds.

    Refuses (``OutputRefused``) before the build starts when ``target`` is not the build's.
    With ``keep_others``, files of earlier builds that this one does not remake stay.
    """
    target = Path(target)
    check_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}{_PARTIAL}", dir=target.parent))
    try:
        yield stage
        swap_in(stage, target, keep_others=keep_others)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
