"""Shared fixtures. Browser tests use Debian's Chromium; under CI a missing browser fails.

`make test` runs the suite on every core with pytest-xdist (`--dist loadfile`): each worker is
its own process with its own temporary folder, so the servers the session fixtures below start
(JupyterLab, Voila, Chromium) get their own free port and settings per worker, shared by the
tests of one file. A few long files are shared out more finely (`work_unit`). What costs most to
make and is only read (the decks, the handouts) is made once per run, by whichever worker asks
first, into a folder every worker reads (`shared_build`).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from widgets.tools.handouts.execute import STORE_ENV
from widgets.tools.handouts.pdf import CHROMIUM_ARGS, chromium

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"

# The tests start Chromium exactly as the handout build does: one list of flags, one lookup.


def find_chromium() -> str | None:
    try:
        return chromium()
    except FileNotFoundError:
        return None


# The files that take longest (each builds the series or starts servers and a browser), longest
# first. `make test` gives each worker one work unit at a time, in collection order (see
# pytest_xdist_make_scheduler): the whole files that take longest go first, then the rest, and
# last the long files shared out test by test, which fill up whichever worker is free first, so
# both finish at about the same time.
LONGEST_FIRST = (
    "test_slides_fit_browser.py",
    "test_site.py",
    "test_app_culling.py",
    "test_slides.py",
    "test_hub_install.py",
    "test_cli_wheel.py",
    "test_safe_output.py",
    "test_clinic_handouts.py",
    "test_app_browser.py",
    "test_explorer_page_browser.py",
    "test_lab.py",
    "test_speaker_notes_lab.py",
    "test_explorer_browser.py",
)
# Long files whose tests go to the workers one by one: all they share is built once for every
# worker (shared_build) or is a server or browser each worker starts once for many files
# (session fixtures), so one test costs the same on either worker.
SHARED_OUT_BY_TEST = frozenset({"test_handouts.py", "test_layout_browser.py"})


def work_unit(nodeid: str) -> str:
    """What one worker runs as a whole: a test file, or a single test of a file above."""
    path = nodeid.partition("::")[0]
    return nodeid if path.rsplit("/", 1)[-1] in SHARED_OUT_BY_TEST else path


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: without xdist, never called
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """`--dist loadfile`, with the long files above shared out test by test (`work_unit`).

    Units go out in collection order (pytest_collection_modifyitems below), not xdist's
    default of the largest units first, which would put single tests first or last at random.
    """
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class WorkUnits(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    config.option.loadscopereorder = False
    return WorkUnits(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.path.name
        if name in LONGEST_FIRST:
            return LONGEST_FIRST.index(name)
        return len(LONGEST_FIRST) + (name in SHARED_OUT_BY_TEST)

    items.sort(key=rank)  # stable: each file's own order stays as written


def run_folder_of(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of this whole test run, the same for every xdist worker."""
    basetemp = tmp_path_factory.getbasetemp()
    # Under xdist each worker's folder sits inside the run's own; without it, this is the run's.
    return basetemp.parent if os.environ.get("PYTEST_XDIST_WORKER") else basetemp


def execution_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the shared builds of this test run keep their notebook runs (see
    widgets/tools/handouts/execute.py): the handouts, the decks, the site and the RISE copies
    each need the series run, and it is run once per test run, not once for each. A build
    about running notebooks (failures, stopping, running twice) runs them itself."""
    return run_folder_of(tmp_path_factory) / "executed"


def env_with_execution_store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """This process's environment plus the run's ``execution_store``, for a build command."""
    return {**os.environ, STORE_ENV: str(execution_store(tmp_path_factory))}


def shared_build(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]
) -> Path:
    """A folder ``build`` fills, made once per test run and read by every xdist worker.

    The first worker to ask builds it, holding a file lock; a worker asking meanwhile waits for
    it rather than building the same thing again on the same cores. Each try builds into a new
    folder, which is named as done (in ``shared-<name>.done``) only when ``build`` returns: a
    failed build is tried again (and fails again, in each test that needs it), never read half
    made. The folder stays where it was built, so a venv built in it keeps working.
    """
    run_folder = run_folder_of(tmp_path_factory)
    done = run_folder / f"shared-{name}.done"
    with (run_folder / f"shared-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.is_file():
            folder = Path(tempfile.mkdtemp(prefix=f"shared-{name}-", dir=run_folder))
            build(folder)
            done.write_text(str(folder), encoding="utf-8")
    return Path(done.read_text(encoding="utf-8"))


def _ci() -> bool:
    return bool(os.environ.get("CI"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """Under CI a skipped test is a failed one: CI must run every test, never skip in silence."""
    outcome = yield
    report = outcome.get_result()
    if _ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        reason = str(reason).removeprefix("Skipped: ")
        report.outcome = "failed"
        report.longrepr = f"skipped under CI, where every test must run: {reason}"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Skips the hook above cannot see (a whole module skipped while collecting) fail CI too."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if _ci() and reporter is not None and reporter.stats.get("skipped") and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


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
    """A headless Chromium driven by Playwright; never a Playwright-downloaded browser.

    A test that checks many pages loads them one after another into one tab, afresh each time,
    rather than a new tab (or context) for each: a new tab is a new renderer process, which
    compiles the page's scripts and axe-core from nothing. Per page that cost two to three
    times the browser's work: 49 handouts under axe took 63 CPU-s in a tab each, 27 in one.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=list(CHROMIUM_ARGS)
        )
        yield launched
        launched.close()


@contextmanager
def listening(page, **handlers: Callable[[object], None]) -> Iterator[None]:
    """``page.on(event, handler)`` for each ``event=handler`` while the block runs, and off again
    after it: on a tab that many visits share, what one page does is never put down to the next.
    """
    for event, handler in handlers.items():
        page.on(event, handler)
    try:
        yield
    finally:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)


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


AUTOSAVE_PLUGIN = "@jupyterlab/docmanager-extension:plugin"
# JupyterLab's default ("contentVisibility") lays out cells off screen only when scrolled to,
# so what a test could measure, or wait for, depended on where the notebook happened to be
# scrolled (a run-all once waited 90 s for a widget below the fold). "none" attaches and lays
# out every cell: the same layout a reader gets, drawn eagerly.
NOTEBOOK_PLUGIN = "@jupyterlab/notebook-extension:tracker"


def lab_page_url(base: str, path: str) -> str:
    """``path`` in JupyterLab, in a workspace no earlier test (or run) has used.

    JupyterLab restores a workspace's open tabs: in a shared one, a notebook an earlier test
    opened would sit, hidden, beside this one and match the same selectors.
    """
    return f"{base}/lab/workspaces/test-{uuid.uuid4().hex}/tree/{path}"


def wait_for_idle_kernel(base: str, notebook: str, timeout: float) -> None:
    """Wait until the kernel JupyterLab started for ``notebook`` reports itself idle."""
    deadline = time.monotonic() + timeout
    states: list[str] = []
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{base}/api/sessions", timeout=10) as response:
            sessions = json.load(response)
        states = [s["kernel"]["execution_state"] for s in sessions if s["path"].endswith(notebook)]
        if "idle" in states:
            return
        time.sleep(0.3)
    raise TimeoutError(f"the kernel for {notebook} was not idle within {timeout} s: {states}")


@pytest.fixture(scope="session")
def jupyter_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """JupyterLab on 127.0.0.1 with no token and throwaway settings; yields its base URL.

    Started the way ``make lab`` starts it, with the project's lab settings.
    """
    port = free_port()
    home = tmp_path_factory.mktemp("lab-home")
    settings = home / "settings"
    settings.mkdir()
    overrides = json.loads((ROOT / "lab" / "overrides.json").read_text())
    # Tests run cells in the repository's notebooks: autosave would write outputs into them.
    overrides[AUTOSAVE_PLUGIN] = {**overrides.get(AUTOSAVE_PLUGIN, {}), "autosave": False}
    overrides[NOTEBOOK_PLUGIN] = {**overrides.get(NOTEBOOK_PLUGIN, {}), "windowingMode": "none"}
    (settings / "overrides.json").write_text(json.dumps(overrides))
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
        # window.jupyterapp, so a test can open a notebook in a page already loaded.
        "--LabApp.expose_app_in_browser=True",
    ]  # fmt: skip
    with jupyter_server(command, env=env, port=port, log=home / "lab.log", cwd=ROOT) as base:
        yield base


@contextmanager
def jupyter_server(
    command: list[str], *, env: dict[str, str], port: int, log: Path, cwd: Path | None = None
) -> Iterator[str]:
    """Run a Jupyter server ``command`` on ``port``, its output in ``log``; yields its base URL
    once its API answers, and stops it (killed if it will not stop) when the block ends."""
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=cwd)
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


def dismiss_dialogs(page) -> None:
    """Accept a kernel or other dialog if JupyterLab shows one (e.g. "Select Kernel")."""
    dialog = page.locator(".jp-Dialog")
    if dialog.count():
        accept = dialog.locator(".jp-mod-accept")
        if accept.count():
            accept.first.click()
        else:
            page.keyboard.press("Escape")
        dialog.first.wait_for(state="detached", timeout=10_000)


@pytest.fixture(scope="session")
def decks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every deck, built the way `make slides` builds them, into a scratch folder.

    One build per test run, shared by every xdist worker: the slide tests and the fit tests
    only read it.
    """

    def build(out: Path) -> None:
        result = subprocess.run(
            [sys.executable, "-m", "widgets.tools.build_slides", "--out", str(out)],
            cwd=ROOT, capture_output=True, text=True, timeout=1200,
            env=env_with_execution_store(tmp_path_factory),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-4000:]

    return shared_build(tmp_path_factory, "slides", build)


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=900, **kwargs)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done


@pytest.fixture(scope="session")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """This package as a wheel, installed into a clean venv: {"wheel", "venv", "python"}.

    The wheel is built from a copy of the package's sources (nothing is written into this
    checkout), as an image build would: pip fetches the build backend pyproject.toml names
    (setuptools) from the package index, or takes it from pip's cache. It is installed with
    --no-deps into a venv made without pip or --system-site-packages; its dependencies are this
    project's venv, added after the new venv's own packages by a plain path line (which does
    not run that venv's .pth files, so its editable install of this checkout stays out). Made
    once per run for every worker: the tests of the hub recipe and of the console command only
    read it.
    """

    def build(out: Path) -> None:
        source = out / "src"
        source.mkdir()
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(ROOT / name, source / name)
        # The package, and the JupyterLab settings it installs as data files.
        for name in ("widgets", "lab"):
            shutil.copytree(ROOT / name, source / name,
                            ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
        _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out / "dist"),
              str(source)])  # fmt: skip
        [wheel] = (out / "dist").glob("*.whl")
        python = out / "venv" / "bin" / "python"
        _run([sys.executable, "-m", "venv", "--without-pip", str(out / "venv")])
        purelib = Path(sysconfig.get_paths()["purelib"])
        where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
        new_site = Path(_run([str(python), "-c", where]).stdout.strip())
        (new_site / "zz_project_dependencies.pth").write_text(f"{purelib}\n")
        _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
              "--no-index", str(wheel)])  # fmt: skip

    folder = shared_build(tmp_path_factory, "wheel", build)
    [wheel] = (folder / "dist").glob("*.whl")
    return {"wheel": wheel, "venv": folder / "venv", "python": folder / "venv" / "bin" / "python"}


@contextmanager
def serve_app(scratch: Path) -> Iterator[tuple[str, Path]]:
    """`make app` on a free port, serving its copy from ``scratch``; yields (base URL, log)."""
    port = free_port()
    log_path = scratch / "app.log"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(scratch / "runtime")}
    with log_path.open("w") as log:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "app",
             f"APP_ARGS=--port {port} --copy-to {scratch / 'copy'}"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for_http(f"{base}/", timeout=120)
            yield base, log_path
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


@pytest.fixture(scope="session")
def voila_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`make app` on a free port, serving its copy from a scratch folder: (base URL, its log).

    One per worker, shared by the app's own tests and the layout test's app view.
    """
    with serve_app(tmp_path_factory.mktemp("app")) as served:
        yield served


def run_with_clinic(
    settings: str, folder: Path, *args: str, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """``python *args`` with CLINIC naming a settings file in ``folder`` that holds ``settings``."""
    clinic = folder / "clinic.toml"
    clinic.write_text(settings, encoding="utf-8")
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd,
        env={**os.environ, "CLINIC": str(clinic)},
    )  # fmt: skip


AXE_OPTIONS = {"resultTypes": ["violations"]}


def serious_axe_violations(page) -> list[str]:
    """axe-core's serious and critical findings on ``page``, one line each (none is the goal)."""
    from axe_playwright_python.sync_playwright import Axe

    # Only violations are read, so axe is asked for no detail on what passed: the same rules
    # run and find the same things, two to three times faster (9.6 s to 3.2 s on the series page).
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:160]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
