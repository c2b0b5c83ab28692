"""A workshop in the app view: 30 visitors each walk the whole series through `make app`.

The app is started as `make app` starts it (widgets/tools/serve_app.py, its default kernel culling)
on a free loopback port. Visitors arrive two seconds apart (a room filling up in a minute);
each asks for every page in order (a server-side render: Voila starts a kernel and runs the
notebook) and reads it for ``READ_S`` seconds before the next. People in a workshop spend
minutes on a page; 45 s is a brisk walk. (At 20 s a page, 30 visitors ask for more renders
than 2 cores can make, and every figure grows with the queue.) A visitor's request never
connects a browser to the kernel, so every kernel is one nobody has open: the app must cull
them all. Memory is the resident size of Voila and every kernel it started, sampled twice
a second.

Goals (2 cores): p95 time to a rendered page <= 3 s, peak memory <= 2 GiB.
Bounded: a page that takes over ``PAGE_TIMEOUT_S`` counts as failed, and the whole run stops
after ``RUN_LIMIT_S`` whatever happens.
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
TITLE = "App view: 30 visitors walk the series (time to a rendered page, memory, culling)"
VISITORS = 30
ARRIVAL_GAP_S = 2.0
READ_S = 45.0
PAGE_TIMEOUT_S = 120
RUN_LIMIT_S = 1200
GOAL_P95_S = 3.0
GOAL_PEAK_BYTES = 2 * 1024**3


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _family(pid: int) -> list[psutil.Process]:
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _rss(processes: list[psutil.Process]) -> tuple[int, int]:
    """(total resident bytes, kernels) for ``processes``; ones that just ended count 0."""
    total, kernels = 0, 0
    for process in processes:
        try:
            total += process.memory_info().rss
            kernels += "ipykernel" in " ".join(process.cmdline())
        except psutil.Error:
            continue
    return total, kernels


class Sampler(threading.Thread):
    """Peak memory and kernel count of the app, sampled until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_bytes, self.peak_kernels = pid, 0, 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            total, kernels = _rss(_family(self.pid))
            self.peak_bytes = max(self.peak_bytes, total)
            self.peak_kernels = max(self.peak_kernels, kernels)
            time.sleep(0.5)


def _wait_for(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def _visit(base: str, pages: list[str], start_at: float, stop_at: float) -> list[float | None]:
    """One visitor's walk: seconds to each rendered page (None: failed or timed out)."""
    time.sleep(max(0.0, start_at - time.monotonic()))
    times: list[float | None] = []
    for index, page in enumerate(pages):
        if time.monotonic() > stop_at:
            break
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(f"{base}/voila/render/{page}",
                                        timeout=PAGE_TIMEOUT_S) as response:  # fmt: skip
                body = response.read()
            ok = b"<h1" in body and b"Traceback" not in body
        except OSError:
            ok = False
        times.append(time.perf_counter() - started if ok else None)
        if index < len(pages) - 1:
            time.sleep(READ_S)
    return times


def run() -> None:
    pages = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="app-bench-") as tmp:
        env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(Path(tmp, "runtime"))}
        command = [sys.executable, "-m", "widgets.tools.serve_app", "--port", str(port),
                   "--copy-to", str(Path(tmp, "app"))]  # fmt: skip
        app = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
        sampler = Sampler(app.pid)
        load_before = os.getloadavg()[0]
        try:
            _wait_for(f"{base}/", timeout=120)
            idle_bytes, _ = _rss(_family(app.pid))
            sampler.start()
            began = time.monotonic()
            stop_at = began + RUN_LIMIT_S
            with ThreadPoolExecutor(max_workers=VISITORS) as pool:
                walks = [pool.submit(_visit, base, pages, began + i * ARRIVAL_GAP_S, stop_at)
                         for i in range(VISITORS)]  # fmt: skip
                results = [walk.result() for walk in walks]
            walked = time.monotonic() - began
            # Every kernel belongs to a page nobody has open: all must be culled.
            deadline = time.monotonic() + 120
            while _rss(_family(app.pid))[1] and time.monotonic() < deadline:
                time.sleep(1)
            left = _rss(_family(app.pid))[1]
            load_after = os.getloadavg()[0]
        finally:
            sampler.stopped.set()
            if sampler.is_alive():
                sampler.join()
            os.killpg(app.pid, signal.SIGTERM)
            try:
                app.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(app.pid, signal.SIGKILL)
                app.wait()
    # Voila and every kernel it reaped: the CPU a render costs, whatever else the machine does.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = usage.ru_utime + usage.ru_stime
    times = sorted(t for walk in results for t in walk if t is not None)
    asked = sum(len(walk) for walk in results)
    failed = asked - len(times)
    print(f"visitors: {VISITORS}, arriving {ARRIVAL_GAP_S:.0f} s apart, {len(pages)} pages "
          f"each, {READ_S:.0f} s on each page; {os.cpu_count()} cores")  # fmt: skip
    print(f"pages rendered: {len(times)} of {VISITORS * len(pages)} ({failed} failed or slower "
          f"than {PAGE_TIMEOUT_S} s); walk took {walked:.0f} s")  # fmt: skip
    if times:
        p50 = statistics.median(times)
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        verdict = "meets" if p95 <= GOAL_P95_S else "MISSES"
        print(f"time to a rendered page: p50 {p50:.2f} s, p95 {p95:.2f} s, max {times[-1]:.2f} s"
              f"   ({verdict} goal p95 <= {GOAL_P95_S:.0f} s)")  # fmt: skip
    verdict = "meets" if sampler.peak_bytes <= GOAL_PEAK_BYTES else "MISSES"
    print(f"memory: idle {idle_bytes / 2**20:.0f} MiB, peak {sampler.peak_bytes / 2**20:.0f} MiB "
          f"with {sampler.peak_kernels} kernels at most   ({verdict} goal <= 2 GiB)")  # fmt: skip
    print(f"kernels still running 2 minutes after the last visitor: {left} (culled: "
          f"{'yes' if left == 0 else 'NO'})")  # fmt: skip
    if times:
        per_page = cpu_s / len(times)
        print(f"CPU per rendered page (Voila and its kernels): {per_page:.2f} s, so "
              f"{os.cpu_count()} idle cores render about {(os.cpu_count() or 1) / per_page:.1f} "
              "pages a second")  # fmt: skip
    print(f"machine load average (1 min) at the start and end: {load_before:.1f}, "
          f"{load_after:.1f} (other work on the machine slows every figure above)")  # fmt: skip
