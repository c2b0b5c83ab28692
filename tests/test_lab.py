"""`make lab` serves JupyterLab on the start-here notebook, and `make present` does the same with
the presenting settings; the notebook opens in a real browser."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import urllib.request
from collections.abc import Iterator

import pytest
from conftest import ROOT, free_port, lab_page_url, wait_for_http


@contextlib.contextmanager
def make_serving(target: str, tmp_path) -> Iterator[str]:
    """Run `make <target>` with a free port and no token; yield the server's base URL."""
    port = free_port()
    lab_args = (
        f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} "
        "--IdentityProvider.token= --ServerApp.password="
    )
    env = {
        **os.environ,
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "user-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
    }
    process = subprocess.Popen(
        ["make", "--no-print-directory", target, f"LAB_ARGS={lab_args}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/api/status", timeout=120)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url) as response:
        return json.load(response)


def effective_default(base: str, plugin: str, key: str) -> object:
    """A setting as a fresh user gets it: the project's overrides land in the schema default."""
    schema = get_json(f"{base}/lab/api/settings/{plugin}")["schema"]
    return schema["properties"][key].get("default")


def theme_overrides(base: str) -> dict:
    return effective_default(base, "@jupyterlab/apputils-extension:themes", "overrides") or {}


def test_make_lab_serves_the_start_here_notebook_with_the_news_pop_up_off(tmp_path):
    with make_serving("lab", tmp_path) as base:
        model = get_json(f"{base}/api/contents/00_start_here.ipynb")
        assert model["type"] == "notebook"
        titles = ["".join(c["source"]) for c in model["content"]["cells"][:2]]
        assert any(t.startswith("# Start here") for t in titles)
        notification = "@jupyterlab/apputils-extension:notification"
        # JupyterLab's own defaults are "none" (ask with a pop-up) and true.
        assert effective_default(base, notification, "fetchNews") == "false"
        assert effective_default(base, notification, "checkForUpdates") is False
        assert not theme_overrides(base).get("content-font-size1")


def test_make_present_serves_the_series_with_larger_fonts(tmp_path):
    presenting = json.loads((ROOT / "lab" / "presenting.json").read_text())
    wanted = presenting["@jupyterlab/apputils-extension:themes"]["overrides"]
    with make_serving("present", tmp_path) as base:
        assert get_json(f"{base}/api/contents/00_start_here.ipynb")["type"] == "notebook"
        assert theme_overrides(base)["content-font-size1"] == wanted["content-font-size1"]


@pytest.mark.browser
def test_the_start_here_notebook_opens_in_jupyterlab(browser, jupyter_lab):
    page = browser.new_page()
    try:
        page.goto(lab_page_url(jupyter_lab, "notebooks/00_start_here.ipynb"), timeout=60_000)
        # The heading of the notebook on show: not one in a tab hidden behind it.
        heading_selector = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownOutput h1"
        page.wait_for_selector(heading_selector, timeout=60_000)
        heading = page.inner_text(heading_selector)
        assert "back massager" in heading.lower()
        assert page.locator(".jp-Dialog").count() == 0
    finally:
        page.close()
