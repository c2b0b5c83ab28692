"""The repository builds with repo2docker as it stands (Docker cannot run here, so the files
repo2docker reads are checked for consistency, and postBuild is run against a scratch prefix)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

POST_BUILD = ROOT / "postBuild"
# repo2docker's own pattern for the Python version (repo2docker/buildpacks/conda/__init__.py).
REPO2DOCKER_PYTHON = re.compile(r"python\s*=+\s*([\d\.]*)")


def environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def conda_names() -> set[str]:
    deps = [d for d in environment()["dependencies"] if isinstance(d, str)]
    return {re.split(r"[<>=! ]", d, maxsplit=1)[0] for d in deps}


def pip_lines() -> list[str]:
    for dep in environment()["dependencies"]:
        if isinstance(dep, dict) and "pip" in dep:
            return dep["pip"]
    return []


def test_no_file_makes_repo2docker_ignore_environment_yml():
    # A Dockerfile replaces every other file; a binder/ folder hides the ones at the root.
    for name in ("Dockerfile", "binder", ".binder"):
        assert not (ROOT / name).exists(), name


def test_environment_yml_installs_this_project():
    assert "-e ." in pip_lines() or "." in pip_lines()


def pip_names() -> set[str]:
    return {re.split(r"[<>=! ]", line, maxsplit=1)[0] for line in pip_lines() if line[0] != "-"}


def test_environment_yml_installs_what_the_lab_settings_and_app_view_need():
    assert {"jupyterlab", "ipywidgets", "jupyterlab-rise", "voila"} <= pip_names()


def test_environment_yml_installs_the_locked_versions_from_files_in_the_repository():
    # repo2docker copies the whole repository before installing when a pip line names a file.
    constraints = [line.split()[1] for line in pip_lines() if line.startswith("-c ")]
    assert constraints and all((ROOT / path).is_file() for path in constraints)
    assert conda_names() == {"python", "pip"}  # everything else at the locked version, by pip


def test_environment_yml_pins_python_the_way_repo2docker_reads_it():
    # Without "python=3.X" repo2docker starts from its default Python and then has to upgrade.
    deps = [d for d in environment()["dependencies"] if isinstance(d, str)]
    found = [m.group(1) for d in deps if (m := REPO2DOCKER_PYTHON.match(d))]
    assert found and tuple(map(int, found[0].split(".")[:2])) >= (3, 11), deps


def test_post_build_is_an_executable_bash_script_without_syntax_errors():
    assert os.access(POST_BUILD, os.X_OK)
    assert POST_BUILD.read_text().startswith("#!/bin/bash\n")
    subprocess.run(["bash", "-n", str(POST_BUILD)], check=True)


def test_every_repository_path_post_build_names_exists():
    text = POST_BUILD.read_text()
    named = set(re.findall(r"(?<![\w/}])((?:lab|widgets|notebooks)/[\w./-]+)", text))
    assert named, "postBuild names no repository files"
    for path in named:
        assert (ROOT / path).exists(), path


def test_post_build_installs_the_lab_settings_and_the_app_copy(tmp_path):
    prefix = tmp_path / "prefix"
    env = {
        **os.environ,
        "NB_PYTHON_PREFIX": str(prefix),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    # A scratch copy of the repository, so the run cannot touch this checkout's build/.
    repo = tmp_path / "repo"
    for name in ("postBuild", "lab", "widgets", "notebooks", "clinic.toml", "pyproject.toml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name)
        else:
            repo.mkdir(exist_ok=True)
            shutil.copy2(source, repo / name)
    subprocess.run(["./postBuild"], cwd=repo, env=env, check=True, timeout=120)
    installed = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    expected = json.loads((ROOT / "lab" / "overrides.json").read_text())
    assert json.loads(installed.read_text()) == expected
    copies = sorted(p.name for p in (repo / "build" / "app").glob("*.ipynb"))
    assert copies == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    template = prefix / "share" / "jupyter" / "voila" / "templates" / "series" / "conf.json"
    assert template.exists()
    server_config = json.loads(
        (prefix / "etc" / "jupyter" / "jupyter_server_config.json").read_text()
    )
    assert server_config["VoilaConfiguration"]["template"] == "series"
