"""The Pyodide runtime the explorer page runs the engine in: fetched once, checked, cached.

The page must load nothing from outside the site, so the runtime ships inside it. It comes
from the npm package ``pyodide`` (core runtime only), pinned here by version and by the
``dist.integrity`` hash the npm registry publishes for that version. The tarball is fetched
at build time only, checked against that hash before anything is read from it, and only the
files the page needs are kept, under ``$XDG_CACHE_HOME/stenosis-series/pyodide/<version>/``
(``~/.cache`` when ``XDG_CACHE_HOME`` is not set). Later builds use the cache and need no
network; each use re-checks the cached files against the manifest written with them.

    python -m widgets.tools.explorer.runtime          # fetch if needed, print the folder

A machine that cannot reach the registry and has no cache gets one line and exit code 2.
``SMS_NPM_REGISTRY`` names a mirror of the npm registry (the hash still has to match).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path

PYODIDE_VERSION = "0.29.5"
# npm's published dist.integrity for pyodide@0.29.5 (`npm view pyodide@0.29.5 dist.integrity`).
PYODIDE_INTEGRITY = (
    "sha512-TkYrUv9m8QmfImADKRmpwZulL48E0uUaBSO+dvRQKyAJc0qh9gu7jn8btyHPh3NZm1r2IH2YrJhIr7Q2B9urAw=="
)  # fmt: skip
PYODIDE_LICENCE = "MPL-2.0"
REGISTRY = "https://registry.npmjs.org"
REGISTRY_ENV = "SMS_NPM_REGISTRY"

# What a page that runs pure-Python code needs: the loader (an ES module), the compiled
# interpreter and its glue, the standard library, and the lock file the loader reads at start.
RUNTIME_FILES: tuple[str, ...] = (
    "pyodide.mjs",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
MANIFEST = "runtime-manifest.json"
# The 0.29 tarball is 5.6 MB; anything far bigger is not the package we pinned.
MAX_TARBALL_BYTES = 40_000_000
FETCH_TIMEOUT_S = 120

Fetch = Callable[[str], bytes]


class RuntimeUnavailable(Exception):
    """The runtime can be neither found in the cache nor fetched; the message is one line."""


def cache_root(env: dict[str, str] | None = None) -> Path:
    """``$XDG_CACHE_HOME/stenosis-series/pyodide`` (``~/.cache/...`` when unset)."""
    env = dict(os.environ) if env is None else env
    base = env.get("XDG_CACHE_HOME", "").strip()
    root = Path(base) if base else Path.home() / ".cache"
    return root / "stenosis-series" / "pyodide"


def tarball_url(registry: str | None = None, version: str = PYODIDE_VERSION) -> str:
    chosen = (registry or os.environ.get(REGISTRY_ENV, "") or REGISTRY).rstrip("/")
    return f"{chosen}/pyodide/-/pyodide-{version}.tgz"


def integrity_of(data: bytes) -> str:
    """The npm/SRI integrity string of ``data`` (sha512, base64)."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "stenosis-series-build"})
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
        data = response.read(MAX_TARBALL_BYTES + 1)
    if len(data) > MAX_TARBALL_BYTES:
        raise RuntimeUnavailable(f"{url} is larger than {MAX_TARBALL_BYTES:,} bytes")
    return data


def _unpack(data: bytes) -> dict[str, bytes]:
    """The runtime files from the npm tarball (whose members sit under ``package/``)."""
    wanted = {f"package/{name}": name for name in RUNTIME_FILES}
    found: dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member in archive:
            name = wanted.get(member.name)
            if name is None or not member.isfile():
                continue
            handle = archive.extractfile(member)
            if handle is not None:
                found[name] = handle.read()
    missing = [name for name in RUNTIME_FILES if name not in found]
    if missing:
        raise RuntimeUnavailable(f"the pyodide {PYODIDE_VERSION} package has no {missing[0]}")
    return found


def _manifest_ok(folder: Path) -> bool:
    """Every runtime file is in ``folder`` with the hash recorded when it was cached."""
    try:
        recorded = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        hashes = recorded["sha256"]
        return recorded.get("integrity") == PYODIDE_INTEGRITY and all(
            _sha256((folder / name).read_bytes()) == hashes[name] for name in RUNTIME_FILES
        )
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _store(files: dict[str, bytes], folder: Path) -> None:
    """Write the files into a temp folder beside ``folder``, then rename it into place, so a
    crash or a full disk never leaves a half-filled cache that looks complete."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        for name, data in files.items():
            (stage / name).write_bytes(data)
        manifest = {
            "package": "pyodide",
            "version": PYODIDE_VERSION,
            "integrity": PYODIDE_INTEGRITY,
            "licence": PYODIDE_LICENCE,
            "sha256": {name: _sha256(data) for name, data in sorted(files.items())},
        }
        (stage / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        try:
            stage.rename(folder)
        except OSError:
            # Another build cached it meanwhile; theirs is as good as ours.
            if not _manifest_ok(folder):
                raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def ensure_runtime(
    *, cache: Path | None = None, registry: str | None = None, fetch: Fetch = _fetch
) -> Path:
    """The folder holding ``RUNTIME_FILES``: the cache if it is complete, else fetched now.

    Raises ``RuntimeUnavailable`` (one line) when it cannot be fetched and is not cached,
    when the download does not match the pinned integrity hash, or when the cache folder is
    damaged (it is never deleted: it may hold something that is not ours).
    """
    folder = (cache or cache_root()) / PYODIDE_VERSION
    if _manifest_ok(folder):
        return folder
    if folder.exists():
        raise RuntimeUnavailable(
            f"{folder} exists but does not hold a complete, checked Pyodide {PYODIDE_VERSION}; "
            "delete that folder and build again"
        )
    url = tarball_url(registry)
    try:
        data = fetch(url)
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        raise RuntimeUnavailable(
            f"cannot fetch Pyodide {PYODIDE_VERSION} from {url} ({_one_line(str(reason))}) "
            f"and it is not cached in {folder}; connect to the internet once and build again"
        ) from None
    found = integrity_of(data)
    if found != PYODIDE_INTEGRITY:
        raise RuntimeUnavailable(
            f"{url} does not match the pinned integrity hash of pyodide {PYODIDE_VERSION} "
            f"(expected {PYODIDE_INTEGRITY[:23]}..., got {found[:23]}...); nothing was cached"
        )
    try:
        files = _unpack(data)
    except (tarfile.TarError, OSError, EOFError) as error:
        raise RuntimeUnavailable(f"{url}: not a readable npm package ({error})") from None
    try:
        _store(files, folder)
    except OSError as error:
        raise RuntimeUnavailable(
            f"cannot write the Pyodide cache in {folder} ({error.strerror or error})"
        ) from None
    return folder


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def main(argv: Sequence[str] | None = None) -> int:
    """Fetch the runtime if it is not cached, and print the folder that holds it."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args:
        print(
            "error: python -m widgets.tools.explorer.runtime takes no arguments "
            f"(got {_one_line(' '.join(args), 60)})",
            file=sys.stderr,
        )
        return 2
    try:
        folder = ensure_runtime()
    except RuntimeUnavailable as error:
        print(f"error: {_one_line(str(error), 400)}", file=sys.stderr)
        return 2
    print(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
