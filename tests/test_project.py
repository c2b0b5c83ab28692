"""What a newcomer relies on: two commands, matching dependency lists, clean notebooks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from setuptools.config.pyprojecttoml import read_configuration

import widgets

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
            reqs |= {_spec(r) for r in dep["pip"] if not r.startswith("-")}
        elif _name(dep) not in {"python", "pip"}:
            reqs.add(_spec(dep))
    return reqs


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    assert environment_requirements() == pyproject_requirements()


LOCKS = ROOT / "requirements"
LAB_LOCK, TEST_LOCK, ENV_PINS = (
    LOCKS / "lab.txt",
    LOCKS / "test.txt",
    LOCKS / "environment-pins.txt",
)
# Test and build tools a patient's laptop never needs.
TEST_TOOLS = {"pytest", "pytest-xdist", "nbval", "hypothesis", "playwright",
              "axe-playwright-python", "ruff", "nbstripout", "textstat", "setuptools",
              "pip", "mypy", "types-pyyaml"}  # fmt: skip


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(path: Path) -> dict[str, set[str]]:
    """Package name -> pinned versions (more than one where Python versions need different
    ones), from a lock file ``make lock`` wrote."""
    pins: dict[str, set[str]] = {}
    for name, version in re.findall(
        r"^([A-Za-z0-9][\w.-]*)(?:\[[\w,.-]+\])?==([^\s;\\]+)", path.read_text(), re.MULTILINE
    ):
        pins.setdefault(_canonical(name), set()).add(version)
    return pins


def requirements_of(group: str | None) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return project["dependencies"] if group is None else project["optional-dependencies"][group]


@pytest.mark.parametrize(
    ("lock", "groups"), [(LAB_LOCK, [None]), (TEST_LOCK, [None, "test"])], ids=["lab", "test"]
)
def test_each_lock_pins_every_dependency_inside_pyprojects_range(lock, groups):
    pins = locked(lock)
    for group in groups:
        for requirement in map(Requirement, requirements_of(group)):
            name = _canonical(requirement.name)
            assert name in pins, f"{lock.name} lacks {name}: run `make lock`"
            for version in pins[name]:
                assert requirement.specifier.contains(version, prereleases=True), (
                    f"{lock.name} pins {name}=={version}, outside {requirement.specifier}: "
                    "run `make lock`"
                )


def test_the_lab_lock_holds_no_test_or_build_tools():
    assert TEST_TOOLS & set(locked(LAB_LOCK)) == set()
    assert {_canonical(Requirement(r).name) for r in requirements_of("test")} <= TEST_TOOLS | {
        "pyyaml"  # also needed by JupyterLab itself
    }


def test_the_lab_lock_and_the_conda_pins_use_the_test_locks_versions():
    test_pins = locked(TEST_LOCK)
    lab_pins = locked(LAB_LOCK)
    assert {name: test_pins.get(name) for name in lab_pins} == lab_pins
    assert locked(ENV_PINS) == test_pins


@pytest.mark.parametrize("lock", [LAB_LOCK, TEST_LOCK], ids=["lab", "test"])
def test_every_locked_package_carries_hashes_and_the_lock_says_how_to_remake_it(lock):
    text = lock.read_text()
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert len(entries) == sum(map(len, locked(lock).values())) > 50
    unhashed = [e.split()[0] for e in entries if "--hash=sha256:" not in e]
    assert unhashed == []
    assert "make lock" in text.splitlines()[1]


def test_every_dependency_has_an_upper_bound_so_a_new_major_cannot_break_a_fresh_install():
    for requirement in map(Requirement, requirements_of(None) + requirements_of("test")):
        operators = {spec.operator for spec in requirement.specifier}
        assert operators & {"<", "<=", "==", "~="}, requirement


def test_environment_yml_installs_at_the_locked_versions():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(dep["pip"] for dep in env["dependencies"] if isinstance(dep, dict))
    assert "-c requirements/environment-pins.txt" in pip


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


def test_the_readmes_code_layout_names_every_floor_and_only_paths_that_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How the code is laid out\n", 1)[1].split("\n## ", 1)[0]
    named = re.findall(r"`((?:widgets|tests|docs)/[\w./-]*)`", section)
    assert len(named) > 10
    assert [path for path in named if not (ROOT / path).exists()] == []
    floors = {p.name for p in (ROOT / "widgets").iterdir() if p.is_dir() and any(p.rglob("*.py"))}
    assert {f"widgets/{floor}/" for floor in floors} <= set(named)


def test_readme_says_it_is_education_not_medical_advice():
    assert "not medical advice" in (ROOT / "README.md").read_text().lower()


def test_makefile_sets_up_before_lab_test_and_bench():
    makefile = (ROOT / "Makefile").read_text()
    for target in ("lab", "present", "app", "slides"):
        assert re.search(rf"^{target}:.*\bsetup-lab\b", makefile, re.MULTILINE), target
    for target in ("test", "bench", "handouts", "lint"):
        assert re.search(rf"^{target}:.*\bsetup\b(?!-)", makefile, re.MULTILINE), target
    assert "python3 -m venv" in makefile.replace("$(PYTHON)", "python3")
    assert "$(LAB_ARGS)" in makefile


def make_dry_run(target: str, tmp_path: Path, *variables: str) -> str:
    """The commands `make <target>` would run on a fresh clone (a .venv that does not exist)."""
    done = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", target, f"VENV={tmp_path / 'venv'}",
         *variables],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def test_make_lab_installs_the_lab_lock_and_no_test_tools(tmp_path):
    commands = make_dry_run("lab", tmp_path)
    assert "python3 -m venv" in commands.replace("$(PYTHON)", "python3")
    assert "--require-hashes -r requirements/lab.txt" in commands
    assert "requirements/test.txt" not in commands
    assert "stenosis-series lab" in commands  # JupyterLab on the start page (tests/test_cli.py)


def test_make_lab_uses_uv_and_falls_back_to_pip(tmp_path):
    commands = make_dry_run("lab", tmp_path)
    # uv from PATH, else PyPI's uv wheel fetched into the venv by the pip that came with Python.
    assert re.search(r'command -v uv .*pip install --quiet --target \S+ "uv==', commands)
    assert '"$uv" pip install' in commands
    assert "python -m pip install --quiet --require-hashes -r requirements/lab.txt" in commands


def test_make_test_installs_the_test_lock_finds_a_browser_then_runs_on_every_core(tmp_path):
    commands = make_dry_run("test", tmp_path).splitlines()
    install = next(i for i, c in enumerate(commands) if "-r requirements/test.txt" in c)
    browser = next(i for i, c in enumerate(commands) if "widgets.tools.ensure_browser" in c)
    pytest_line = next(i for i, c in enumerate(commands) if "-m pytest" in c)
    assert install < browser < pytest_line
    assert re.search(r"-m pytest -n auto --dist load(file|group)", commands[pytest_line])


def test_make_test_can_run_on_fewer_workers(tmp_path):
    commands = make_dry_run("test", tmp_path, "JOBS=1")
    assert "-m pytest -n 1 " in commands


def test_make_lint_checks_style_formatting_and_types_and_make_test_runs_it_first(tmp_path):
    commands = make_dry_run("lint", tmp_path).splitlines()
    venv_bin = f"{tmp_path / 'venv'}/bin/"
    assert f"{venv_bin}ruff check widgets tests bench" in commands
    assert f"{venv_bin}ruff format --check widgets tests bench" in commands
    assert f"{venv_bin}mypy" in commands  # the files and the strictness: pyproject [tool.mypy]
    assert re.search(r"^test:.*\blint\b", (ROOT / "Makefile").read_text(), re.MULTILINE)


def test_the_code_is_formatted_as_ruff_format_writes_it():
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "widgets", "tests", "bench"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def _mypy_patterns_match(pattern: str, module: str) -> bool:
    # mypy's "a.b.*" covers a.b itself and everything below it.
    return fnmatch(module, pattern) or (pattern.endswith(".*") and module == pattern[:-2])


def test_mypy_is_strict_on_the_engine_and_content_floors_and_checks_the_whole_package():
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    assert mypy["strict"] is True and mypy["files"] == ["widgets"]
    relaxing = [o for o in mypy["overrides"] if False in o.values() or o.get("ignore_errors")]
    for module in ("widgets.guidance", "widgets.engine", "widgets.engine.datafile",
                   "widgets.content.references", "widgets.content.clinic"):  # fmt: skip
        for override in relaxing:
            patterns = override["module"]
            patterns = [patterns] if isinstance(patterns, str) else patterns
            assert not any(_mypy_patterns_match(p, module) for p in patterns), (module, override)


def test_the_version_is_written_once_in_widgets_and_the_build_and_citation_agree():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "widgets.__version__"}
    # What a wheel built from this checkout would be called.
    built = read_configuration(ROOT / "pyproject.toml")["project"]["version"]
    assert built == widgets.__version__
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(citation["version"]) == widgets.__version__


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
    assert {"nbstripout", "ruff", "ruff-format"} <= hooks


def run_pytest_on(test_file: Path, ci: bool) -> subprocess.CompletedProcess[str]:
    """pytest on one file with this suite's conftest loaded as a plugin, CI set or not.

    ``python -m`` puts its working directory (the repository) first on the module path, so
    ``-p tests.conftest`` finds the plugin without PYTHONPATH or a ``sys.path`` edit."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTHONPATH")}
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-q", "-p", "no:cacheprovider",
         "-c", os.devnull, "--rootdir", str(test_file.parent), str(test_file)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip


def test_under_ci_a_skipped_test_fails_the_run_and_says_why(tmp_path):
    test_file = tmp_path / "test_skips.py"
    test_file.write_text(
        "import pytest\n\ndef test_needs_something():\n    pytest.skip('no browser here')\n"
    )
    at_home = run_pytest_on(test_file, ci=False)
    assert at_home.returncode == 0 and "1 skipped" in at_home.stdout
    on_ci = run_pytest_on(test_file, ci=True)
    assert on_ci.returncode == 1, on_ci.stdout
    assert "1 failed" in on_ci.stdout
    assert "skipped under CI, where every test must run: no browser here" in on_ci.stdout
