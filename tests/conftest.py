"""Shared fixtures. Browser tests use Debian's Chromium; under CI a missing browser fails."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"

# The tests start Chromium exactly as the handout build does: one list of flags, one lookup.
sys.path.append(str(ROOT / "scripts"))
from handouts.pdf import CHROMIUM_ARGS, chromium  # noqa: E402


def find_chromium() -> str | None:
    try:
        return chromium()
    except FileNotFoundError:
        return None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path to Chromium. Under CI (``CI`` set) a missing browser is a failure, never a skip."""
    found = find_chromium()
    if found:
        return found
    message = "Chromium is missing: install Debian's 'chromium' package (.ci/run does)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message + "; set CI=1 to make this a failure")


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    """A headless Chromium driven by Playwright; never a Playwright-downloaded browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=list(CHROMIUM_ARGS)
        )
        yield launched
        launched.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except Exception as error:  # any failure means "not up yet"
            last_error = error
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout} s: {last_error}")


@pytest.fixture(scope="session")
def jupyter_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """JupyterLab on 127.0.0.1 with no token and throwaway settings; yields its base URL.

    Started the way ``make lab`` starts it, with the project's lab settings.
    """
    port = free_port()
    home = tmp_path_factory.mktemp("lab-home")
    settings = home / "settings"
    settings.mkdir()
    (settings / "overrides.json").write_text((ROOT / "lab" / "overrides.json").read_text())
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "user-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
        "--IdentityProvider.token=", "--ServerApp.password=",
        "--ServerApp.disable_check_xsrf=True", "--allow-root",
        f"--ServerApp.root_dir={ROOT}",
        f"--LabApp.app_settings_dir={settings}",
    ]  # fmt: skip
    log = (home / "lab.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/api/status", timeout=60)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
