"""The JupyterHub recipe works with a persistent home (issue 10, item 12).

Zero to JupyterHub mounts a volume over the home, hiding the image's checkout and any editable
install there. So the recipe installs the package itself (a wheel, not ``pip install -e``),
keeps the repository outside the home, and ``start`` copies the series into the home. Docker
cannot run here, so this does what the image does, by hand: build a wheel, install it into a
clean venv (its dependencies reused from this project's venv, so nothing is downloaded; the
wheel and venv are conftest's ``installed_wheel``, shared with the console command's tests),
copy the series into a home outside the repository with ``start``, and run every notebook
there.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUN_NOTEBOOKS = """
import asyncio, pathlib, nbformat
from nbclient import NotebookClient

# Two notebooks at a time: a kernel spends much of its run starting up, waiting.
AT_ONCE = 2

async def run(room, nb, **options):
    # A kernel can die as it starts when another process takes one of the ports it was given
    # (jupyter_client picks free ports, then binds them): that kernel is started again. A
    # cell's error (CellExecutionError) is not a RuntimeError and is never retried.
    async with room:
        for attempt in range(3):
            try:
                client = NotebookClient(nb, kernel_name="python3", timeout=300, **options)
                return await client.async_execute()
            except RuntimeError:
                if attempt == 2:
                    raise

async def main():
    room = asyncio.Semaphore(AT_ONCE)
    probe = nbformat.v4.new_notebook()
    probe.cells = [nbformat.v4.new_code_cell("import widgets; print(widgets.__file__)")]
    paths = sorted(pathlib.Path.cwd().glob("*.ipynb"))
    notebooks = [nbformat.read(path, as_version=4) for path in paths]
    await asyncio.gather(run(room, probe), *(
        run(room, nb, resources={"metadata": {"path": str(path.parent)}})
        for path, nb in zip(paths, notebooks)
    ))
    print(probe.cells[0].outputs[0].text.strip())  # where the kernel's widgets came from
    for path, nb in zip(paths, notebooks):
        errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
                  if o.output_type == "error"]
        assert not errors, (path.name, errors)
        print("ran", path.name)

asyncio.run(main())
"""


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=900, **kwargs)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done


@pytest.fixture(scope="module")
def image(
    tmp_path_factory: pytest.TempPathFactory, installed_wheel: dict[str, Path]
) -> dict[str, Path]:
    """What the hub image holds: a venv with the wheel installed (conftest.installed_wheel,
    built as an image build would), the repository in /srv."""
    tmp = tmp_path_factory.mktemp("hub")
    python = installed_wheel["python"]
    repo = tmp / "srv" / "stenosis-series"
    for name in ("notebooks",):
        shutil.copytree(ROOT / name, repo / name,
                        ignore=shutil.ignore_patterns("__pycache__", "my-handouts"))  # fmt: skip
    shutil.copy2(ROOT / "start", repo / "start")
    shutil.copy2(ROOT / "clinic.toml", repo / "clinic.toml")
    _run([str(python), "-m", "widgets.tools.serve_app", "--prepare-only"], cwd=repo)
    return {"python": python, "repo": repo, "home": tmp / "home", "wheel": installed_wheel["wheel"]}


def _env(image: dict[str, Path]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {**env, "HOME": str(image["home"]),
            "PATH": f"{image['python'].parent}{os.pathsep}{env['PATH']}"}  # fmt: skip


def test_the_image_replaces_the_editable_install_with_the_package_itself():
    post_build = (ROOT / "postBuild").read_text()
    assert "python -m pip install --no-deps --quiet .\n" in post_build


def test_the_wheel_holds_the_package_and_the_venv_imports_it_not_this_checkout(image):
    done = _run([str(image["python"]), "-c", "import widgets, widgets.guidance; "
                 "print(widgets.__file__)"], cwd=image["repo"].parent)  # fmt: skip
    imported = Path(done.stdout.strip())
    assert ROOT not in imported.parents
    assert image["python"].parent.parent in imported.parents


def test_start_copies_the_series_into_the_home_and_keeps_a_readers_changes(image):
    env = _env(image)
    image["home"].mkdir(exist_ok=True)
    done = _run([str(image["repo"] / "start"), "echo", "server started"], env=env)
    assert done.stdout.strip().endswith("server started")  # start hands over to the server
    series = image["home"] / "stenosis-series"
    names = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert sorted(p.name for p in series.glob("*.ipynb")) == names
    assert sorted(p.name for p in (series / "app").glob("*.ipynb")) == names
    # A reader's edit survives the next start; a notebook they never touched is updated.
    mine, untouched = series / names[0], series / names[1]
    mine.write_text(mine.read_text() + " ", encoding="utf-8")
    # As if an older image had copied an older version, which the reader never opened.
    untouched.write_text("old version", encoding="utf-8")
    record = json.loads((series / ".series-copied.json").read_text())
    record[names[1]] = hashlib.sha256(b"old version").hexdigest()
    (series / ".series-copied.json").write_text(json.dumps(record))
    _run([str(image["repo"] / "start"), "true"], env=env)
    assert mine.read_text(encoding="utf-8").endswith(" ")
    assert untouched.read_bytes() == (image["repo"] / "notebooks" / names[1]).read_bytes()


def test_every_notebook_runs_from_the_home_outside_the_repository(image):
    env = _env(image)
    image["home"].mkdir(exist_ok=True)
    _run([str(image["repo"] / "start"), "true"], env=env)
    series = image["home"] / "stenosis-series"
    assert ROOT not in series.parents
    done = _run([str(image["python"]), "-c", RUN_NOTEBOOKS], cwd=series, env=env)
    lines = done.stdout.splitlines()
    assert ROOT not in Path(lines[0]).parents  # the kernel's widgets came from the wheel
    assert [line for line in lines if line.startswith("ran ")] == [
        f"ran {p.name}" for p in sorted((ROOT / "notebooks").glob("*.ipynb"))
    ]
