"""PDFs and browser tests find a browser the way people have one, or say how to get one.

"No browser" is tested by pointing the lookup at empty places (PATH, SMS_BROWSER_PLACES,
PLAYWRIGHT_BROWSERS_PATH), never by uninstalling anything.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from widgets.tools import ensure_browser
from widgets.tools.handouts.pdf import (
    BROWSER_ENV,
    PLACES_ENV,
    BrowserMissing,
    chromium,
    find_browser,
    usual_places,
)

ROOT = Path(__file__).resolve().parents[1]


def _fake_browser(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


def _nowhere(tmp_path: Path) -> dict[str, str]:
    """An environment in which the lookup has nowhere to look."""
    empty = tmp_path / "empty"
    empty.mkdir(exist_ok=True)
    return {"PATH": str(empty), PLACES_ENV: "", "PLAYWRIGHT_BROWSERS_PATH": str(empty),
            "HOME": str(empty)}  # fmt: skip


def _env_for_subprocess(tmp_path: Path, **extra: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k not in ("PATH", BROWSER_ENV)}
    return {**keep, **_nowhere(tmp_path), **extra}


def test_the_usual_places_cover_chrome_edge_and_chromium_on_each_system():
    mac = usual_places("Darwin", {"HOME": "/Users/ann"})
    assert "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" in mac
    assert "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge" in mac
    assert "/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium" in mac
    windows = usual_places("Windows", {"PROGRAMFILES": r"C:\Program Files",
                                       "LOCALAPPDATA": r"C:\Users\ann\AppData\Local"})  # fmt: skip
    assert r"C:\Program Files\Google\Chrome\Application\chrome.exe" in windows
    assert r"C:\Program Files\Microsoft\Edge\Application\msedge.exe" in windows
    assert r"C:\Users\ann\AppData\Local\Google\Chrome\Application\chrome.exe" in windows
    linux = usual_places("Linux", {})
    for path in ("/usr/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/microsoft-edge",
                 "/snap/bin/chromium"):  # fmt: skip
        assert path in linux


@pytest.mark.parametrize("name", ["google-chrome", "microsoft-edge", "chromium-browser"])
def test_a_browser_on_the_path_is_found_by_any_of_its_usual_names(tmp_path, name):
    env = _nowhere(tmp_path)
    found = _fake_browser(tmp_path / "bin" / name)
    env["PATH"] = str(found.parent)
    assert find_browser(env) == str(found)


def test_chrome_installed_at_its_usual_place_is_found_when_not_on_the_path(tmp_path):
    env = _nowhere(tmp_path)
    chrome = _fake_browser(tmp_path / "Applications" / "Google Chrome.app" / "Contents"
                           / "MacOS" / "Google Chrome")  # fmt: skip
    env[PLACES_ENV] = os.pathsep.join([str(tmp_path / "missing"), str(chrome)])
    assert find_browser(env) == str(chrome)


@pytest.mark.parametrize(
    ("system", "inside"),
    [
        ("Linux", "chromium-1187/chrome-linux/chrome"),
        ("Linux", "chromium-1200/chrome-linux64/chrome"),
        ("Darwin", "chromium-1187/chrome-mac/Chromium.app/Contents/MacOS/Chromium"),
    ],
)
def test_playwrights_own_chromium_is_found_last(tmp_path, system, inside):
    env = _nowhere(tmp_path)
    browsers = tmp_path / "ms-playwright"
    found = _fake_browser(browsers / inside)
    env["PLAYWRIGHT_BROWSERS_PATH"] = str(browsers)
    assert find_browser(env, system) == str(found)


def test_a_chosen_browser_wins_and_a_wrong_choice_is_not_silently_replaced(tmp_path, monkeypatch):
    chosen = _fake_browser(tmp_path / "my-chrome")
    assert find_browser({**_nowhere(tmp_path), BROWSER_ENV: str(chosen)}) == str(chosen)
    assert find_browser({"PATH": os.environ["PATH"], BROWSER_ENV: str(tmp_path / "no")}) is None
    monkeypatch.setenv(BROWSER_ENV, str(tmp_path / "no"))
    with pytest.raises(BrowserMissing, match=BROWSER_ENV):
        chromium()


def test_with_no_browser_anywhere_the_message_says_what_to_do(tmp_path, monkeypatch):
    assert find_browser(_nowhere(tmp_path)) is None
    for key, value in _nowhere(tmp_path).items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv(BROWSER_ENV, raising=False)
    with pytest.raises(BrowserMissing, match=r"widgets\.tools\.ensure_browser"):
        chromium()


# --- widgets/tools/ensure_browser.py ------------------------------------------------------

SCRIPT = ("-m", "widgets.tools.ensure_browser")


def test_ensure_browser_prints_the_path_of_the_browser_it_finds(tmp_path):
    chrome = _fake_browser(tmp_path / "bin" / "google-chrome")
    env = _env_for_subprocess(tmp_path, PATH=str(chrome.parent))
    done = subprocess.run([sys.executable, *SCRIPT, "--no-install"], env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(chrome)


def test_ensure_browser_with_none_to_be_had_fails_with_one_line_naming_what_to_install(tmp_path):
    done = subprocess.run([sys.executable, *SCRIPT, "--no-install"],
                          env=_env_for_subprocess(tmp_path), capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: ") and "Chrome" in line and "Traceback" not in line


def test_ensure_browser_installs_one_when_none_is_found(tmp_path):
    env = _nowhere(tmp_path)
    installed = tmp_path / "bin" / "chromium"
    env["PATH"] = str(installed.parent)
    ran: list[tuple[str, ...]] = []

    def fake_install(command):
        ran.append(tuple(command))
        _fake_browser(installed)
        return True

    plans = [ensure_browser.Install("test browser", ("install-it",))]
    assert ensure_browser.ensure(install=True, plans=plans, run=fake_install, env=env) == str(
        installed
    )
    assert ran == [("install-it",)]
    # Already there: nothing is installed again.
    assert ensure_browser.ensure(install=True, plans=plans, run=fake_install, env=env)
    assert len(ran) == 1


def test_when_every_install_fails_ensure_browser_gives_up_with_one_line(
    tmp_path, monkeypatch, capsys
):
    for key, value in _nowhere(tmp_path).items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv(BROWSER_ENV, raising=False)
    failing = [ensure_browser.Install("nothing", (sys.executable, "-c", "raise SystemExit(1)"))]
    monkeypatch.setattr(ensure_browser, "this_machine_plans", lambda: failing)
    assert ensure_browser.main([]) == 2
    error_lines = [line for line in capsys.readouterr().err.splitlines()
                   if line.startswith("error:")]  # fmt: skip
    assert len(error_lines) == 1 and "install" in error_lines[0]


def test_root_on_debian_gets_the_chromium_package_and_a_laptop_gets_playwrights():
    root = ensure_browser.install_plans(is_root=True, is_debian=True, has_apt=True,
                                        has_playwright=True)  # fmt: skip
    assert "apt-get install -y chromium" in " ".join(root[0].command)
    assert root[1].command[-3:] == ("playwright", "install", "chromium")
    laptop = ensure_browser.install_plans(is_root=False, is_debian=False, has_apt=False,
                                          has_playwright=True)  # fmt: skip
    assert [plan.command[-3:] for plan in laptop] == [("playwright", "install", "chromium")]
    assert ensure_browser.install_plans(is_root=False, is_debian=True, has_apt=True,
                                        has_playwright=False) == []  # fmt: skip


# --- make handouts without a browser ---------------------------------------------------------


def test_make_handouts_without_a_browser_writes_the_html_and_says_how_to_get_pdfs(tmp_path):
    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# A page"),
        # The parts every handout's short version takes from a notebook.
        nbformat.v4.new_markdown_cell("The bottom line: rest.", metadata={"tags": ["bottom-line"]}),
        nbformat.v4.new_code_cell("1 + 1"),
        nbformat.v4.new_markdown_cell("## Key points\n\n- Rest helps."),
    ]
    nbformat.write(nb, notebooks / "00_a.ipynb")
    out = tmp_path / "handouts"
    env = _env_for_subprocess(tmp_path)
    env["PATH"] = str(Path(sys.executable).parent)  # python and jupyter, but no browser
    done = subprocess.run(
        [sys.executable, "-m", "widgets.tools.build_handouts",
         "--notebooks", str(notebooks), "--out", str(out)],
        env=env, capture_output=True, text=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    [line] = [line for line in done.stderr.splitlines() if line.strip()]
    assert line.startswith("No PDFs:") and "widgets.tools.ensure_browser" in line
    assert {"00_a.html", "index.html", "series.html"} <= {p.name for p in out.glob("*.html")}
    assert not list(out.rglob("*.pdf"))
