"""Serve a built folder on this machine only, for the explorer's tests and benchmark.

The explorer page needs a web server (browsers will not run it from ``file://``); any static
host will do. This one binds to the loopback address, on a free port, in a background thread,
logs nothing (a visitor's requests are never written down), and stops when the block ends.

    with serving(Path("build/site")) as origin:   # "http://127.0.0.1:PORT"
        ...
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # Stated, not guessed from the machine's MIME tables: WebAssembly must be served as
    # application/wasm to compile while it downloads, and modules as JavaScript.
    # typeshed declares this class attribute per instance, hence the ignore.
    extensions_map: ClassVar[dict[str, str]] = {  # type: ignore[misc]
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".zip": "application/zip",
    }

    def log_message(self, format: str, *args: object) -> None:
        return


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that closes a connection early (a page closed mid-load) is not an error
        # worth a traceback; anything else is still reported.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """An HTTP server for ``folder`` on 127.0.0.1 while the block runs; yields its origin."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="explorer-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
