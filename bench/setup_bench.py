"""A newcomer's first run, from a fresh clone of this repository's last commit with a warm
package cache: `make lab` until JupyterLab answers on its port, then a full `make test` (CI=true,
so a skipped test fails). Each is timed with uv installing the lock (the default) and with pip
(`INSTALLER=pip`), in separate fresh clones, in the same run.

Goals on 2 cores: first `make lab` to a serving JupyterLab <= 15 s; full `make test` <= 120 s.
The two `make test` runs take several minutes: BENCH_SKIP_MAKE_TEST=1 leaves them out.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOGS = ROOT / "build" / "bench"
TITLE = "First run from a fresh clone: make lab to a serving JupyterLab, and make test (uv, pip)"
GOAL_LAB_S = 15.0
GOAL_TEST_S = 120.0
INSTALLERS = ("uv", "pip")
LAB_TIMEOUT_S = 600
TEST_TIMEOUT_S = 1800


@dataclass(frozen=True)
class Run:
    lab_s: float
    test_s: float | None  # None: skipped
    test_summary: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _clean_env(scratch: Path) -> dict[str, str]:
    """This machine's environment without this checkout's .venv, as a newcomer's shell has it."""
    venv = str(ROOT / ".venv")
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if venv not in p)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    return {
        **env,
        "PATH": path,
        "CI": "true",
        "JUPYTER_RUNTIME_DIR": str(scratch / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(scratch / "user-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(scratch / "workspaces"),
    }


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except Exception:  # refused, reset or not ready: not serving yet
        return False


def time_make_lab(clone: Path, installer: str, env: dict[str, str]) -> float:
    """Seconds from `make lab` in a fresh clone to JupyterLab answering /api/status."""
    port = _free_port()
    lab_args = (
        f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} "
        "--IdentityProvider.token= --ServerApp.password="
    )
    url = f"http://127.0.0.1:{port}/api/status"
    LOGS.mkdir(parents=True, exist_ok=True)
    log = LOGS / f"make-lab-{installer}.log"
    started = time.perf_counter()
    with log.open("w") as output:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "lab", f"INSTALLER={installer}",
             f"LAB_ARGS={lab_args}"],
            cwd=clone, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        while not _answers(url):
            if process.poll() is not None:
                raise RuntimeError(f"make lab ({installer}) exited {process.returncode}: see {log}")
            if time.perf_counter() - started > LAB_TIMEOUT_S:
                raise TimeoutError(f"make lab ({installer}) did not serve in {LAB_TIMEOUT_S} s")
            time.sleep(0.1)
        return time.perf_counter() - started
    finally:
        # make (and JupyterLab under it) may already be gone: then there is nothing to stop.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


def time_make_test(clone: Path, installer: str, env: dict[str, str]) -> tuple[float, str]:
    """Seconds for `make test` (after `make lab`, as a newcomer runs them) and its last line."""
    LOGS.mkdir(parents=True, exist_ok=True)
    log = LOGS / f"make-test-{installer}.log"
    started = time.perf_counter()
    with log.open("w") as out:
        done = subprocess.run(
            ["make", "--no-print-directory", "test", f"INSTALLER={installer}"],
            cwd=clone, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=TEST_TIMEOUT_S,
        )  # fmt: skip
    seconds = time.perf_counter() - started
    lines = [
        line for line in log.read_text().splitlines() if re.search(r"\d+ (passed|failed)", line)
    ]
    summary = lines[-1].strip("= ") if lines else "no pytest summary"
    if done.returncode != 0:
        summary = f"FAILED (exit {done.returncode}): {summary}; log: {log}"
    return seconds, summary


def measure(installer: str, scratch: Path, with_tests: bool) -> Run:
    clone = scratch / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    env = _clean_env(scratch)
    lab_s = time_make_lab(clone, installer, env)
    if not with_tests:
        return Run(lab_s, None, "skipped (BENCH_SKIP_MAKE_TEST=1)")
    test_s, summary = time_make_test(clone, installer, env)
    return Run(lab_s, test_s, summary)


def _load() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def _verdict(seconds: float | None, goal: float) -> str:
    if seconds is None:
        return ""
    return f"({'meets' if seconds <= goal else 'MISSES'} goal <= {goal:.0f} s)"


def _cell(seconds: float | None) -> str:
    return "skipped" if seconds is None else f"{seconds:.1f} s"


def run() -> None:
    with_tests = os.environ.get("BENCH_SKIP_MAKE_TEST", "") in ("", "0")
    load_before = _load()
    runs: dict[str, Run] = {}
    for installer in INSTALLERS:
        with tempfile.TemporaryDirectory(prefix=f"setup-bench-{installer}-") as tmp:
            runs[installer] = measure(installer, Path(tmp), with_tests)
    uv, pip = runs["uv"], runs["pip"]
    # Other work on the machine slows every figure: the load average says how busy it was.
    print(f"machine load (1, 5, 15 min) at the start: {load_before}, at the end: {_load()}")
    print(f"{'':44s} {'uv':>10s} {'pip':>10s}")
    print(
        f"{'first make lab to a serving JupyterLab':44s} {_cell(uv.lab_s):>10s} "
        f"{_cell(pip.lab_s):>10s}   uv {_verdict(uv.lab_s, GOAL_LAB_S)}"
    )
    print(
        f"{'full make test, after make lab':44s} {_cell(uv.test_s):>10s} "
        f"{_cell(pip.test_s):>10s}   uv {_verdict(uv.test_s, GOAL_TEST_S)}"
    )
    for installer, measured in runs.items():
        print(f"make test with {installer}: {measured.test_summary}")
