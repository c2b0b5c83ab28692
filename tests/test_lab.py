"""`make lab` serves JupyterLab on the start-here notebook, and the notebook opens in a browser."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import urllib.request

import pytest
from conftest import ROOT, free_port, wait_for_http


def test_make_lab_serves_the_start_here_notebook(tmp_path):
    port = free_port()
    lab_args = (
        f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} "
        "--IdentityProvider.token= --ServerApp.password="
    )
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    process = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"LAB_ARGS={lab_args}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/api/status", timeout=120)
        with urllib.request.urlopen(f"{base}/api/contents/00_start_here.ipynb") as r:
            model = json.load(r)
        assert model["type"] == "notebook"
        first_cell = "".join(model["content"]["cells"][0]["source"])
        assert first_cell.lstrip().startswith(("# ", "<!-- nav -->"))
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


@pytest.mark.browser
def test_the_start_here_notebook_opens_in_jupyterlab(browser, jupyter_lab):
    page = browser.new_page()
    try:
        page.goto(f"{jupyter_lab}/lab/tree/notebooks/00_start_here.ipynb", timeout=60_000)
        page.wait_for_selector(".jp-Notebook .jp-MarkdownOutput h1", timeout=60_000)
        heading = page.inner_text(".jp-Notebook .jp-MarkdownOutput h1")
        assert "back massager" in heading.lower() or "start here" in heading.lower()
        assert page.locator(".jp-Dialog").count() == 0
    finally:
        page.close()
