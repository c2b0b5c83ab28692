"""What a newcomer relies on: two commands, matching dependency lists, clean notebooks."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _spec(requirement: str) -> tuple[str, str]:
    name = _name(requirement)
    rest = requirement[len(name) :].replace(" ", "")
    return name, rest


def pyproject_requirements() -> set[tuple[str, str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs += extra
    return {_spec(r) for r in reqs}


def environment_requirements() -> set[tuple[str, str]]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    reqs: set[tuple[str, str]] = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            reqs |= {_spec(r) for r in dep["pip"] if not r.startswith("-e")}
        elif _name(dep) not in {"python", "pip"}:
            reqs.add(_spec(dep))
    return reqs


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    assert environment_requirements() == pyproject_requirements()


def test_environment_yml_installs_this_package_with_pip():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(dep["pip"] for dep in env["dependencies"] if isinstance(dep, dict))
    assert "-e ." in pip
    assert "conda-forge" in env["channels"]


def test_textstat_is_pinned_to_the_release_that_works_offline():
    assert ("textstat", "==0.7.3") in pyproject_requirements()


def test_committed_notebooks_hold_no_outputs_or_execution_counts():
    dirty = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count")):
                dirty.append(path.name)
                break
    assert dirty == []


def test_readme_gives_the_two_commands_each_alone_on_a_line():
    lines = [line.strip() for line in (ROOT / "README.md").read_text().splitlines()]
    assert "make lab" in lines and "make test" in lines
    first_screen = "\n".join(lines[: lines.index("make test") + 1])
    assert "spinal stenosis" in first_screen.lower()


def test_readme_says_it_is_education_not_medical_advice():
    assert "not medical advice" in (ROOT / "README.md").read_text().lower()


def test_makefile_sets_up_before_lab_test_and_bench():
    makefile = (ROOT / "Makefile").read_text()
    for target in ("lab", "test", "bench"):
        assert re.search(rf"^{target}:.*\bsetup\b", makefile, re.MULTILINE), target
    assert "python3 -m venv" in makefile.replace("$(PYTHON)", "python3")
    assert "$(LAB_ARGS)" in makefile


def test_ci_installs_chromium_and_runs_make_test():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "apt-get install" in ci and "chromium" in ci
    assert re.search(r"^make test$", ci, re.MULTILINE)


def test_lab_settings_turn_off_the_news_pop_up():
    settings = json.loads((ROOT / "lab" / "overrides.json").read_text())
    assert settings["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_pre_commit_strips_notebooks_and_runs_ruff():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert {"nbstripout", "ruff"} <= hooks
