"""How the package is built: four floors over the engine, arrows that only point down.

engine (``widgets.guidance``, ``widgets.engine``) < content < render < ui < tools. A module may
import its own floor and the floors below it, never one above: the engine knows nothing of
pages, the pages nothing of Jupyter widgets, and the printable handout needs no Jupyter at all.
Modules are found by reading the files (``ast``), so a new module is checked the day it lands.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from widgets import guidance as G

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "widgets"

# Lowest first. ``widgets`` itself (the version and review date) sits under every floor.
FLOORS = ("engine", "content", "render", "ui", "tools")
BASE = -1


def floor_of(module: str) -> int | None:
    """The floor of a ``widgets`` module (BASE for the package itself); None outside widgets."""
    parts = module.split(".")
    if parts[0] != "widgets":
        return None
    if len(parts) == 1:
        return BASE
    if parts[1] == "guidance":
        return FLOORS.index("engine")
    if parts[1] in FLOORS:
        return FLOORS.index(parts[1])
    raise AssertionError(f"{module} belongs to no floor: put it under one of {FLOORS}")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_modules(source: str, module: str, is_package: bool, known: set[str]) -> list[str]:
    """Every module an ``import`` in ``source`` names, relative imports resolved.
    ``from a import b`` names ``a.b`` when that is a module of the package, else ``a``."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.append(candidate if candidate in known else base)
    return found


def upward_imports(modules: dict[str, Path], known: set[str]) -> list[str]:
    """One line for each import in ``modules`` that points up a floor."""
    problems = []
    for module, path in modules.items():
        own = floor_of(module)
        assert own is not None
        is_package = path.name == "__init__.py"
        for target in imported_modules(path.read_text(encoding="utf-8"), module, is_package, known):
            theirs = floor_of(target)
            if theirs is not None and theirs > own:
                problems.append(
                    f"{module} ({_floor_name(own)}) imports {target} ({_floor_name(theirs)})"
                )
    return problems


def _floor_name(floor: int) -> str:
    return "the package itself" if floor == BASE else FLOORS[floor]


def test_every_module_of_the_package_sits_on_a_floor():
    modules = package_modules()
    assert {"widgets.guidance", "widgets.content.references", "widgets.render.handout"} <= set(
        modules
    )
    for module in modules:
        floor_of(module)  # raises for a module outside the floors


def test_no_import_points_up_a_floor():
    modules = package_modules()
    assert upward_imports(modules, set(modules)) == []


@pytest.mark.parametrize(
    ("module", "source", "is_up"),
    [
        ("widgets.render.cards", "from widgets.ui.common import FONT", True),
        ("widgets.render.cards", "from widgets.ui import common", True),
        ("widgets.render.cards", "import widgets.tools.cli", True),
        ("widgets.guidance", "from widgets.content import references", True),
        ("widgets.engine.wording", "from ..content.references import citations", True),
        ("widgets", "from widgets import guidance", True),
        ("widgets.ui.quiz", "from widgets.render.theme import FONT", False),
        ("widgets.content.clinic", "from widgets import LAST_REVIEWED, guidance", False),
        ("widgets.engine.wording", "from .datafile import load", False),
        ("widgets.tools.cli", "from widgets.ui import explorer", False),
    ],
)
def test_the_floor_check_catches_an_import_up_and_allows_one_down(module, source, is_up, tmp_path):
    known = {"widgets.guidance", "widgets.ui.common", "widgets.ui.explorer", "widgets.ui.quiz"}
    known |= {"widgets.content.references", "widgets.engine.datafile", "widgets.tools.cli"}
    path = tmp_path / "module.py"
    path.write_text(source)
    assert imported_modules(source, module, False, known)  # it did read the import
    assert bool(upward_imports({module: path}, known)) is is_up, source


# ---------------------------------------------------------------------------
# Below the UI floor, nothing loads Jupyter widgets: checked in a fresh interpreter.
# ---------------------------------------------------------------------------

JUPYTER_WIDGETS = ("ipywidgets",)

IMPORT_ALL = """
import importlib, json, sys
names = json.loads(sys.argv[1])
for name in names:
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""


def fresh_import(names: list[str]) -> set[str]:
    """The modules a fresh interpreter holds after importing ``names`` (and nothing else)."""
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, json.dumps(names)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout))


def _top(loaded: set[str]) -> set[str]:
    return {name.partition(".")[0] for name in loaded}


def test_every_module_below_the_ui_floor_imports_without_jupyter_widgets():
    below_ui = [m for m in package_modules() if floor_of(m) < FLOORS.index("ui")]
    assert {"widgets.guidance", "widgets.render.handout", "widgets.content.clinic"} <= set(below_ui)
    loaded = fresh_import(below_ui)
    assert set(below_ui) <= loaded  # each one really was imported
    assert _top(loaded) & set(JUPYTER_WIDGETS) == set()


def test_the_ui_floor_does_load_jupyter_widgets_so_the_check_above_can_see_them():
    assert "ipywidgets" in fresh_import(["widgets.ui.common"])


def test_the_engine_needs_only_the_standard_library():
    engine = [m for m in package_modules() if floor_of(m) == FLOORS.index("engine")]
    assert "widgets.guidance" in engine
    outside = _top(fresh_import(engine)) - set(sys.stdlib_module_names) - {"widgets"}
    # What the interpreter itself loads at start-up (site's helpers) is not the engine's doing.
    outside -= _top(fresh_import([]))
    assert outside == set()


def _imports_timed(stderr: str) -> set[str]:
    """Module names from ``python -X importtime``'s report (one import per line)."""
    return {
        line.rsplit("|", 1)[1].strip()
        for line in stderr.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }


def test_the_personal_handout_command_runs_without_loading_jupyter_widgets(tmp_path):
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({**G.starting_profile().to_dict(), "name": "Ann"}))
    out = tmp_path / "handout.html"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "widgets.render.handout",
         "--profile", str(profile), "-o", str(out)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Ann" in out.read_text(encoding="utf-8")
    imported = _imports_timed(done.stderr)
    assert {"widgets.guidance", "json"} <= imported  # the report was read
    assert {name.partition(".")[0] for name in imported} & set(JUPYTER_WIDGETS) == set()


# ---------------------------------------------------------------------------
# No sys.path edits: modules are found because the package is installed (`pip install -e .`).
# ---------------------------------------------------------------------------


def _is_sys_path(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "path"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
    )


def _names_pythonpath(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value == "PYTHONPATH"


_PATH_FUNCTIONS = ("addsitedir", "syspath_prepend")
_ENV_SETTERS = ("setenv", "setdefault", "putenv")


def _edits_path(node: ast.AST) -> bool:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        func = node.func
        return (
            _is_sys_path(func.value)  # sys.path.insert(...), .append, .extend, ...
            or func.attr in _PATH_FUNCTIONS
            or (func.attr in _ENV_SETTERS and any(map(_names_pythonpath, node.args[:1])))
            or (func.attr == "update" and any(k.arg == "PYTHONPATH" for k in node.keywords))
        )
    if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(
            _is_sys_path(target.value if isinstance(target, ast.Subscript) else target)
            or (isinstance(target, ast.Subscript) and _names_pythonpath(target.slice))
            for target in targets
        )
    if isinstance(node, ast.Dict):
        return any(key is not None and _names_pythonpath(key) for key in node.keys)
    if isinstance(node, ast.ImportFrom):
        return node.module == "sys" and any(alias.name == "path" for alias in node.names)
    return False


def path_edits(source: str) -> list[int]:
    """Line numbers where ``source`` changes where Python looks for modules: ``sys.path``
    changed in place or replaced, ``site.addsitedir``, pytest's ``syspath_prepend``, or
    PYTHONPATH set (taking it out of a child's environment is fine)."""
    return sorted(node.lineno for node in ast.walk(ast.parse(source)) if _edits_path(node))


def test_no_file_in_the_repository_edits_the_module_search_path():
    files = [
        p for folder in ("widgets", "tests", "bench") for p in sorted((ROOT / folder).rglob("*.py"))
    ]
    assert len(files) > 50
    edits = {
        str(path.relative_to(ROOT)): found
        for path in files
        if (found := path_edits(path.read_text(encoding="utf-8")))
    }
    assert edits == {}
    pytest_options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
    assert "pythonpath" not in pytest_options["ini_options"]


@pytest.mark.parametrize(
    "source",
    [
        "import sys\nsys.path.insert(0, 'scripts')",
        "import sys\nsys.path.append('..')",
        "import sys\nsys.path += ['x']",
        "import sys\nsys.path = ['x']",
        "import sys\nsys.path[:0] = ['x']",
        "from sys import path",
        "import site\nsite.addsitedir('x')",
        "def test(monkeypatch):\n    monkeypatch.syspath_prepend('x')",
        "env = {}\nenv['PYTHONPATH'] = 'tests'",
        "env = {'PYTHONPATH': 'tests'}",
        "import os\nos.environ.setdefault('PYTHONPATH', 'x')",
        "def test(monkeypatch):\n    monkeypatch.setenv('PYTHONPATH', 'x')",
        "import os\nos.environ.update(PYTHONPATH='x')",
    ],
)
def test_the_path_check_catches_each_way_of_editing_the_search_path(source):
    assert path_edits(source)


def test_the_path_check_allows_reading_the_path_and_dropping_pythonpath_for_a_child():
    source = (
        "import os, sys\nprint(sys.path)\n"
        "env = {k: v for k, v in os.environ.items() if k != 'PYTHONPATH'}\n"
        "env.pop('PYTHONPATH', None)\n"
    )
    assert path_edits(source) == []


def test_nothing_in_the_package_points_at_notes_outside_the_repository():
    pointers = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(PACKAGE.rglob("*"))
        if path.is_file() and path.suffix not in (".pyc", ".png", ".woff2", ".tgz", ".wasm")
        for number, line in enumerate(
            path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1
        )
        if "../shared" in line
    ]
    assert pointers == []


# ---------------------------------------------------------------------------
# The render floor: markup lives in its templates (widgets/render/templates/), not in Python
# ---------------------------------------------------------------------------

# An HTML or SVG tag opening or closing (``<div``, ``</tr``, ``<svg``), wherever it sits in a
# string: a plain string, an f-string's text or a format string.
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*[\s>/]")


def markup_strings(source: str) -> list[str]:
    """The strings in ``source`` that hold a tag, docstrings aside (a docstring may name one)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and TAG.search(node.value)
    ]


RENDER_MODULES = sorted((PACKAGE / "render").glob("*.py"))


@pytest.mark.parametrize("path", RENDER_MODULES, ids=[p.stem for p in RENDER_MODULES])
def test_the_render_floor_leaves_every_tag_to_its_templates(path):
    assert markup_strings(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        'box = f"<div class={name}>{text}</div>"',
        "row = '<tr data-tier=\"' + tier + '\">'",
        'icon = "<svg viewBox=\\"0 0 1 1\\"/>"',
        'end = "</tbody>"',
    ],
)
def test_the_markup_check_catches_tags_built_in_python(source):
    assert markup_strings(source) != []


def test_the_markup_check_allows_docstrings_comparisons_and_words():
    source = (
        '"""Draws the <table> of signs."""\n'
        "def f(a):\n"
        '    """One <tr> per sign."""\n'
        '    return a < 3 and "less than 3 <= 4"\n'
    )
    assert markup_strings(source) == []
