"""Build the explorer page: the notebook explorer's questions and card, with no Python to install.

    python -m widgets.tools.explorer.build --out build/explorer

writes a folder any static web host (or ``python -m http.server``) can serve:

- ``index.html``: a plain form built here from the engine's vocabulary, with the notebook
  explorer's labels, the warning-sign panel, a loading note and a note for browsers that
  cannot run it; every word in the clinic's locale and numbers (``widgets.content.clinic``);
- ``explorer.zip``: the engine, content and render modules the card and the handout need
  (found by following their imports from ``in_page``) with their TOML data files and the
  Jinja2 templates they load, nothing from ``ui`` or ``tools``; and the two pure-Python
  libraries the render floor draws with, Jinja2 and MarkupSafe, copied (``.py`` files and
  licence) from the installed distributions, since Pyodide's core holds neither;
- ``app.js``; ``fallback.js`` (for a page opened from a disk, or a browser without modules);
  ``explorer.css``; ``licences/``: the shipped libraries' licence texts, linked from the
  footer; and ``pyodide/``: the Pyodide runtime from the build cache (``runtime.py``), so the
  page fetches nothing from outside its own folder.

The folder is built in a temp folder and swapped in (``safe_output``): a failed build leaves
the last good page, and a folder holding files this build did not make is refused.
Opening ``index.html`` from a disk (``file://``) cannot work: browsers refuse to load modules
and fetch files from there. The page then says it cannot run and points to the handouts.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import sys
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from html import escape
from importlib import metadata
from pathlib import Path
from typing import NoReturn

from jinja2 import Environment, meta

import widgets
from widgets import guidance as G
from widgets.content.clinic import (
    LICENCE_NOTE,
    Clinic,
    ClinicSettingsError,
    contact_html,
    current,
    load_clinic,
    localise_html,
    wording,
)
from widgets.render.handout import EDUCATION_LINE
from widgets.render.panels import help_now
from widgets.render.profile_text import FIELD_LABELS, NO_AREA_MESSAGE, note_html
from widgets.render.templating import TEMPLATES
from widgets.render.theme import (
    BODY_SIZE,
    FONT,
    LEVEL_COLOURS,
    LINK,
    NEUTRAL_BORDER,
    PAGE,
    TEXT,
)
from widgets.tools.explorer.runtime import (
    PYODIDE_LICENCE,
    PYODIDE_VERSION,
    RUNTIME_FILES,
    RuntimeUnavailable,
    ensure_runtime,
)
from widgets.tools.safe_output import OutputRefused, staged_output

# The page's own script and style sit beside this file, so a wheel ships them as package data.
STATIC = Path(__file__).resolve().parent
STATIC_FILES = ("app.js", "fallback.js")
PACKAGE_ROOT = Path(widgets.__file__).resolve().parent.parent
# The page's Python entry point, shipped as a top-level module so that nothing from
# widgets.tools (this floor) has to travel with it.
PAGE_MODULE = "widgets.tools.explorer.in_page"
SHIPPED_PAGE_MODULE = "sms_explorer_page"
BUNDLE = "explorer.zip"
# Data files the shipped modules may read (TOML is read by the standard library's tomllib).
DATA_SUFFIXES = frozenset({".toml", ".json"})
# The only libraries beyond the standard library the page ships, by import name, with their
# licence: pure Python, so they run in Pyodide's core as they are. Jinja2 fills in the render
# floor's templates; MarkupSafe escapes what they print (its C speed-up is left out, and it
# falls back to its pure-Python ``_native``).
SHIPPED_LIBRARIES: dict[str, str] = {"jinja2": "BSD-3-Clause", "markupsafe": "BSD-3-Clause"}
LICENCES_FOLDER = "licences"
# Where the site puts the handouts, relative to the explorer folder (issue 13's build/site/).
HANDOUTS_HREF = "../handouts/index.html"
# A fixed date in the zip, so the same sources always give the same bytes.
_ZIP_DATE = (2026, 1, 1, 0, 0, 0)


class ExplorerBuildError(Exception):
    """The page cannot be built as it must be; the message is one line."""


# ---------------------------------------------------------------------------
# The Python the page ships: in_page and every widgets module it imports, no more
# ---------------------------------------------------------------------------


def _module_file(name: str) -> Path | None:
    base = PACKAGE_ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _import_time_nodes(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """Every node of ``body`` that runs when the module is imported: function bodies are
    left out, since their imports run only if the function is called (a lazy ``import
    yaml`` for files the page never reads)."""
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            # Imports for the type checker only (Jinja2's typing_extensions) never run.
            yield from _import_time_nodes(node.orelse)
            continue
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                yield from _import_time_nodes([child])
            else:
                yield from ast.walk(child)


def _is_type_checking(test: ast.expr) -> bool:
    """``TYPE_CHECKING``, ``typing.TYPE_CHECKING`` or ``t.TYPE_CHECKING``."""
    name = test.attr if isinstance(test, ast.Attribute) else getattr(test, "id", "")
    return name == "TYPE_CHECKING"


def _imports(path: Path) -> set[str]:
    """Every module name ``path`` imports when it is imported (``from a import b`` also
    names ``a.b``, which may be a module)."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in _import_time_nodes(tree.body):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _data_files(modules: dict[str, Path]) -> list[Path]:
    """The data files (wording, content tables) beside the shipped packages: each package's
    ``data/`` folder, which its modules read at import (``widgets.engine.datafile``)."""
    folders = {path.parent / "data" for path in modules.values()}
    return sorted(
        path
        for folder in folders
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in DATA_SUFFIXES and "__pycache__" not in path.parts
    )


def _unvendored(runtime: Path) -> frozenset[str]:
    """Standard-library modules Pyodide leaves out of its core (ssl, sqlite3, lzma...), by the
    modules each such package provides: its "hashlib" package holds only ``_hashlib``
    (OpenSSL), and ``hashlib`` itself stays in the core with its built-in hashes."""
    lock = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))
    return frozenset(
        module
        for name, package in lock["packages"].items()
        if package.get("package_type") == "cpython_module"
        for module in package.get("imports", [name.replace("-", "_")])
    )


def page_modules(runtime: Path | None = None) -> dict[str, Path]:
    """The ``widgets`` modules the page's Python needs, by module name, with their packages.

    Raises ``ExplorerBuildError`` if any of them reaches the ui or tools floor, or imports
    anything but the standard library that Pyodide's core holds and ``SHIPPED_LIBRARIES``
    (ipywidgets, yaml...) when it is imported. Imports inside functions are not followed:
    they run only when called, and the page's tests show that the card and the handout never
    call one that fails.
    """
    missing = _unvendored(runtime) if runtime else frozenset()
    start = _module_file(PAGE_MODULE)
    assert start is not None, PAGE_MODULE
    seen: dict[str, Path] = {}
    todo = [(PAGE_MODULE, start)]
    while todo:
        name, path = todo.pop()
        for imported in sorted(_imports(path)):
            top = imported.split(".")[0]
            if top != "widgets":
                _check_shippable(name, top, missing)
                continue
            parts = imported.split(".")
            for depth in range(1, len(parts) + 1):
                module = ".".join(parts[:depth])
                found = _module_file(module)
                if found is None or module in seen:
                    continue
                if parts[1:2] and parts[1] in ("ui", "tools") and depth > 1:
                    raise ExplorerBuildError(
                        f"{name} imports {module}: the page ships "
                        "only the engine, content and render floors"
                    )
                seen[module] = found
                todo.append((module, found))
    return dict(sorted(seen.items()))


def _check_shippable(importer: str, top: str, missing: frozenset[str]) -> None:
    if top in SHIPPED_LIBRARIES or (top in sys.stdlib_module_names and top not in missing):
        return
    raise ExplorerBuildError(
        f"{importer} imports {top}, which the explorer page cannot ship: the card and the "
        f"handout may need only the standard library and {', '.join(SHIPPED_LIBRARIES)}"
    )


@dataclass(frozen=True)
class Library:
    """One of ``SHIPPED_LIBRARIES`` as installed here: what the page ships of it."""

    name: str  # the import name, "jinja2"
    project: str  # as its authors name it, "Jinja2"
    version: str
    licence: str
    files: tuple[tuple[str, Path], ...]  # (path in the bundle, installed file), .py only
    licence_text: bytes


@cache
def shipped_library(name: str) -> Library:
    """``name``'s installed distribution: its ``.py`` files (no compiled speed-ups, no type
    stubs) and its licence text. Raises ``ExplorerBuildError`` if it cannot be read."""
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        raise ExplorerBuildError(f"{name} is not installed, so the page cannot ship it") from None
    records = dist.files or []
    files = tuple(
        sorted(
            (record.as_posix(), Path(str(dist.locate_file(record))))
            for record in records
            if record.parts[0] == name and record.suffix == ".py"
        )
    )
    licences = [r for r in records if r.parts[0].endswith(".dist-info") and "LICENSE" in r.name]
    if not files or len(licences) != 1:
        raise ExplorerBuildError(
            f"{name} {dist.version}: cannot find its Python files and one licence file in its "
            "installed record"
        )
    return Library(
        name=name,
        project=dist.metadata["Name"],
        version=dist.version,
        licence=SHIPPED_LIBRARIES[name],
        files=files,
        licence_text=Path(str(dist.locate_file(licences[0]))).read_bytes(),
    )


def page_libraries(modules: dict[str, Path], runtime: Path | None = None) -> list[Library]:
    """The ``SHIPPED_LIBRARIES`` that ``modules`` import, with those they import in turn.

    Raises ``ExplorerBuildError`` if a library imports, when imported, anything but the
    standard library that Pyodide's core holds and the other shipped libraries.
    """
    missing = _unvendored(runtime) if runtime else frozenset()
    todo = sorted(
        {
            imported.split(".")[0]
            for path in modules.values()
            for imported in _imports(path)
            if imported.split(".")[0] in SHIPPED_LIBRARIES
        }
    )
    found: dict[str, Library] = {}
    while todo:
        library = shipped_library(todo.pop())
        found[library.name] = library
        for bundle_path, path in library.files:
            for imported in _imports(path):
                top = imported.split(".")[0]
                _check_shippable(bundle_path, top, missing)
                if top in SHIPPED_LIBRARIES and top not in found and top not in todo:
                    todo.append(top)
    return [found[name] for name in sorted(found)]


def _template_names(path: Path) -> set[str]:
    """The template files a module names (string constants ending in ``.j2``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.endswith(".j2")
    }


def page_templates(modules: dict[str, Path]) -> list[Path]:
    """The render floor's templates that ``modules`` load, with those they import or include.

    Raises ``ExplorerBuildError`` for a template name with no file under ``templates/``.
    """
    todo = sorted({name for path in modules.values() for name in _template_names(path)})
    found: dict[str, Path] = {}
    while todo:
        name = todo.pop()
        path = TEMPLATES / name
        if not path.is_file():
            raise ExplorerBuildError(f"the page needs the template {name}, not in {TEMPLATES}")
        found[name] = path
        parsed = Environment().parse(path.read_text(encoding="utf-8"))
        for used in meta.find_referenced_templates(parsed):
            if used is None:
                raise ExplorerBuildError(f"{name} loads a template by a name made when it runs")
            if used not in found and used not in todo:
                todo.append(used)
    return [found[name] for name in sorted(found)]


def _zip_bytes(files: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def page_bundle(runtime: Path | None = None) -> bytes:
    """``explorer.zip``: the page module under its shipped name, its widgets modules, their
    data files and templates, and the shipped libraries (each with its licence text)."""
    modules = page_modules(runtime)
    page_file = _module_file(PAGE_MODULE)
    assert page_file is not None, PAGE_MODULE
    # The page module itself may name templates or import a library too.
    with_page = {**modules, PAGE_MODULE: page_file}
    files = {
        path.relative_to(PACKAGE_ROOT).as_posix(): path.read_bytes()
        for path in [*modules.values(), *_data_files(modules), *page_templates(with_page)]
    }
    for library in page_libraries(with_page, runtime):
        files.update((name, path.read_bytes()) for name, path in library.files)
        files[f"{library.name}/{_licence_file(library)}"] = library.licence_text
    files[f"{SHIPPED_PAGE_MODULE}.py"] = page_file.read_bytes()
    return _zip_bytes(files)


def _licence_file(library: Library) -> str:
    return f"{library.project}-LICENSE.txt"


# ---------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------

TITLE = "Can I use a back massager if I have spinal stenosis?"
INTRO = (
    "Answer the questions. Your guidance changes as you answer. Your answers stay in this "
    "page: nothing is sent anywhere, and nothing is kept when you close it."
)
ANSWERS_HEADING = "Your answers"
GUIDANCE_HEADING = "Your guidance"
LOADING = "Getting your guidance ready. The first time, this can take a few seconds."
CANNOT_RUN = (
    "This browser cannot show the guidance on this page. The warning signs below still apply."
)
HANDOUTS_LINK = "Use the printed handouts instead"
ASK_FOR_HANDOUTS = "Ask your clinic for the printed handouts."
SEE_GUIDANCE = "See your guidance"
WARNING_HEADING = "Warning signs: when to get help now"
SAVE_HEADING = "Save my plan"
SAVE_HINT = (
    "Save my plan makes a one-page copy of your answers and guidance, to print or take to "
    "your clinician. It goes to your own device, like any download."
)
NAME_LABEL = "Your name (optional)"
NOTES_LABEL = "Notes (optional)"
SAVED = (
    "Your browser is saving your plan as {filename}, most often in your Downloads folder. "
    "Nothing was sent anywhere."
)
RUNS_ON = (
    f"This page runs the series' own code in your browser, with Pyodide {PYODIDE_VERSION} "
    f"({PYODIDE_LICENCE} licence)."
)
PYODIDE_SOURCE = "https://github.com/pyodide/pyodide"
PYODIDE_SOURCE_LINK = "Pyodide's source code"


def libraries_note() -> str:
    """The sentence naming the shipped libraries, their versions and licences (the versions
    are those installed where the page is built, which is what it ships)."""
    libraries = [shipped_library(name) for name in SHIPPED_LIBRARIES]
    names = " and ".join(f"{lib.project} {lib.version}" for lib in libraries)
    licences = " and ".join(sorted({lib.licence for lib in libraries}))
    return f"To write your guidance it uses {names} ({licences} licence)."


LICENCE_LINK = "{project}'s licence"
# Every sentence of the page's own (the rest is the engine's), for the readability test.
PAGE_SENTENCES = (INTRO, LOADING, CANNOT_RUN, ASK_FOR_HANDOUTS, SAVE_HINT, SAVED, RUNS_ON)
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' "
    "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)

# How the page reads each Profile field (app.js): one choice, a set of ticks, a number, a flag.
_FIELD_KINDS: dict[str, str] = {
    "region": "choice",
    "severity": "choice",
    "symptoms": "set",
    "conditions": "set",
    "device": "choice",
    "areas": "set",
    "intensity": "number",
    "minutes": "number",
    "sessions_per_day": "number",
    "heat": "flag",
}
_RANGES = {
    "intensity": G.INTENSITY_RANGE,
    "minutes": G.MINUTES_RANGE,
    "sessions_per_day": G.SESSIONS_RANGE,
}
_CHECKLISTS = {"symptoms": G.SYMPTOMS, "conditions": G.CONDITIONS, "areas": G.AREAS}


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _select(name: str, choices: dict[str, str], chosen: str) -> str:
    options = "".join(
        f'<option value="{_attr(key)}"{" selected" if key == chosen else ""}>'
        f"{escape(text)}</option>"
        for key, text in choices.items()
    )
    return (
        f'<div class="sms-field"><label for="sms-{name}">{escape(FIELD_LABELS[name])}</label>'
        f'<select id="sms-{name}" name="{name}">{options}</select></div>'
    )


def _choices(name: str, kind: str, choices: dict[str, str], chosen: frozenset[str]) -> str:
    """A fieldset of radio buttons (one answer) or tick boxes (any number), each labelled."""
    rows = "".join(
        f'<div class="sms-choice"><input type="{kind}" id="sms-{name}-{_attr(key)}" '
        f'name="{name}" value="{_attr(key)}"{" checked" if key in chosen else ""}>'
        f'<label for="sms-{name}-{_attr(key)}">{escape(text)}</label></div>'
        for key, text in choices.items()
    )
    return f"<fieldset><legend>{escape(FIELD_LABELS[name])}</legend>{rows}</fieldset>"


def _range(name: str, value: int) -> str:
    low, high = _RANGES[name]
    return (
        f'<div class="sms-field"><label for="sms-{name}">{escape(FIELD_LABELS[name])}</label>'
        f'<div class="sms-range"><input type="range" id="sms-{name}" name="{name}" '
        f'min="{low}" max="{high}" step="1" value="{value}">'
        # The slider says its own value to a screen reader; this shows it to everyone else.
        f'<output for="sms-{name}" data-for="{name}" aria-hidden="true">{value}</output>'
        "</div></div>"
    )


def form_html(start: G.Profile | None = None) -> str:
    """The form: a labelled control for every ``Profile`` field, in the notebook's order."""
    s = start or G.starting_profile()
    parts = [
        _select("region", G.REGIONS, s.region),
        _choices("severity", "radio", G.SEVERITIES, frozenset({s.severity})),
        _choices("symptoms", "checkbox", G.SYMPTOMS, s.symptoms),
        _choices("conditions", "checkbox", G.CONDITIONS, s.conditions),
        _select("device", G.DEVICES, s.device),
        _choices("areas", "checkbox", G.AREAS, s.areas),
        *(_range(name, getattr(s, name)) for name in _RANGES),
        f'<div class="sms-choice"><input type="checkbox" id="sms-heat" name="heat" value="on"'
        f'{" checked" if s.heat else ""}><label for="sms-heat">{escape(FIELD_LABELS["heat"])}'
        "</label></div>",
    ]
    kinds = _attr(json.dumps(list(_FIELD_KINDS.items())))
    return (
        f'<form id="sms-answers" autocomplete="off" data-fields="{kinds}" '
        f'aria-labelledby="sms-answers-heading">'
        f'<h2 id="sms-answers-heading">{escape(ANSWERS_HEADING)}</h2>{"".join(parts)}</form>'
    )


def _note(text: str, extra: str = "") -> str:
    return f'<p class="sms-status">{escape(text)}{extra}</p>'


def _cannot_run(handouts_href: str | None) -> str:
    if handouts_href:
        more = f' <a href="{_attr(handouts_href)}">{escape(HANDOUTS_LINK)}</a>.'
    else:
        more = f" {escape(ASK_FOR_HANDOUTS)}"
    return _note(CANNOT_RUN, more)


def theme_css() -> str:
    """The theme's fonts and colours (``widgets.render.theme``) for the page and level bar."""
    rules = [
        f"body {{ font-family: {FONT}; font-size: {BODY_SIZE}; color: {TEXT}; "
        f"background: {PAGE}; }}",
        f"form fieldset, .sms-status {{ border-color: {NEUTRAL_BORDER}; }}",
        f".sms-level-bar {{ background: {PAGE}; border-top-color: {NEUTRAL_BORDER}; }}",
        # The focus ring and button faces in the theme's colours, like every other page.
        f":focus-visible {{ outline-color: {LINK}; }}",
        f"button {{ background: {PAGE}; }}",
    ]
    rules += [
        f'.sms-level-bar[data-level="{level.value}"] {{ background: {colours.background}; '
        f"border-top-color: {colours.border}; color: {colours.label}; }}"
        for level, colours in LEVEL_COLOURS.items()
    ]
    return "\n".join(rules) + "\n"


def page_html(clinic: Clinic, *, handouts_href: str | None = HANDOUTS_HREF) -> str:
    """``index.html`` for ``clinic``: its words, its numbers, its name and phone."""
    say = wording(clinic)
    texts = {"saved": say(SAVED)}
    settings = json.dumps(asdict(clinic))
    body = (
        f"<header><h1>{escape(TITLE)}</h1>{contact_html(clinic)}"
        f"<p><strong>{escape(EDUCATION_LINE)}</strong> {escape(INTRO)}</p></header>"
        '<main><div class="sms-layout">'
        f"{form_html()}"
        '<section class="sms-guidance" id="sms-guidance" aria-labelledby="sms-guidance-heading">'
        f'<h2 id="sms-guidance-heading">{escape(GUIDANCE_HEADING)}</h2>'
        # With scripts off, the card's place says so (the loading note is hidden by CSS).
        f'<div id="sms-card-slot" aria-busy="true"><noscript>{_cannot_run(handouts_href)}'
        f"</noscript>{_note(LOADING)}</div>"
        '<p id="sms-announce" class="sms-visually-hidden" role="status" aria-live="polite">'
        "</p></section></div>"
        f'<section id="sms-save-plan" aria-labelledby="sms-save-heading">'
        f'<h2 id="sms-save-heading">{escape(SAVE_HEADING)}</h2><p>{escape(SAVE_HINT)}</p>'
        f'<div class="sms-field"><label for="sms-name">{escape(NAME_LABEL)}</label>'
        '<input type="text" id="sms-name" autocomplete="off" maxlength="2000"></div>'
        f'<div class="sms-field"><label for="sms-notes">{escape(NOTES_LABEL)}</label>'
        '<textarea id="sms-notes" autocomplete="off" maxlength="2000"></textarea></div>'
        f'<button type="button" id="sms-save" disabled>{escape(SAVE_HEADING)}</button>'
        '<p id="sms-save-status" role="status"></p></section>'
        f'<section id="sms-warning-signs" aria-labelledby="sms-warning-heading">'
        f'<h2 id="sms-warning-heading">{escape(WARNING_HEADING)}</h2>'
        f"{help_now(clinic=clinic).html}</section></main>"
        f'<div class="sms-level-bar" id="sms-level-bar" hidden><a href="#sms-guidance">'
        f'<span id="sms-level-bar-text"></span> <span>{escape(SEE_GUIDANCE)}</span></a></div>'
        f"<footer><p><strong>{escape(EDUCATION_LINE)}</strong></p>{contact_html(clinic)}"
        f'<p class="licence">{escape(LICENCE_NOTE)}</p><p>{escape(RUNS_ON)} '
        # MPL-2.0 asks that whoever receives the runtime can find its source.
        f'<a href="{PYODIDE_SOURCE}">{escape(PYODIDE_SOURCE_LINK)}</a>.</p>'
        # BSD-3-Clause asks that the licence travels with the code: it does, as a file.
        f"<p>{escape(libraries_note())} {_licence_links()}.</p></footer>"
        # What the notebook explorer shows in the card's place while no area is ticked.
        f'<template id="sms-no-area">{note_html(NO_AREA_MESSAGE)}</template>'
        f'<template id="sms-failed">{_cannot_run(handouts_href)}</template>'
    )
    page = (
        "<!DOCTYPE html>\n"
        f'<html lang="{_attr(clinic.locale)}" data-explorer="loading"><head>'
        '<meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{escape(TITLE)}</title>"
        '<link rel="stylesheet" href="explorer.css">'
        f'<script type="application/json" id="sms-clinic">{_json_in_html(settings)}</script>'
        f'<script type="application/json" id="sms-texts">{_json_in_html(json.dumps(texts))}'
        "</script>"
        '<script type="module" src="app.js"></script>'
        '<script defer src="fallback.js"></script>'
        f"</head><body>{body}</body></html>\n"
    )
    return localise_html(page, clinic)


def _licence_links() -> str:
    links = [
        f'<a href="{LICENCES_FOLDER}/{_attr(_licence_file(library))}">'
        f"{escape(LICENCE_LINK.format(project=library.project))}</a>"
        for library in (shipped_library(name) for name in SHIPPED_LIBRARIES)
    ]
    return " and ".join(links)


def _json_in_html(text: str) -> str:
    # "</script>" inside a clinic's name must not end the script element early.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# ---------------------------------------------------------------------------
# Writing the folder
# ---------------------------------------------------------------------------


def build_explorer(
    out_dir: Path,
    clinic: Clinic | None = None,
    *,
    handouts_href: str | None = HANDOUTS_HREF,
    runtime: Path | None = None,
) -> None:
    """Write the explorer page into ``out_dir`` for ``clinic`` (``clinic.current()`` if None).

    Raises ``RuntimeUnavailable`` (no cached runtime and no network), ``OutputRefused``
    (``out_dir`` holds files this build did not make) or ``ExplorerBuildError``.
    """
    clinic = clinic or current()
    runtime = runtime or ensure_runtime()
    bundle = page_bundle(runtime)
    html = page_html(clinic, handouts_href=handouts_href)
    with staged_output(Path(out_dir)) as stage:
        (stage / "index.html").write_text(html, encoding="utf-8")
        css = (STATIC / "explorer.css").read_text(encoding="utf-8") + theme_css()
        (stage / "explorer.css").write_text(css, encoding="utf-8")
        for name in STATIC_FILES:
            shutil.copyfile(STATIC / name, stage / name)
        (stage / BUNDLE).write_bytes(bundle)
        (stage / LICENCES_FOLDER).mkdir()
        for name in SHIPPED_LIBRARIES:
            library = shipped_library(name)
            (stage / LICENCES_FOLDER / _licence_file(library)).write_bytes(library.licence_text)
        (stage / "pyodide").mkdir()
        for name in RUNTIME_FILES:
            shutil.copyfile(runtime / name, stage / "pyodide" / name)


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not the usage block
        self.exit(2, f"error: {' '.join(message.split())} (see --help)\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _OneLineParser(
        prog="python -m widgets.tools.explorer.build",
        description="Write the explorer page (runs in the browser, no Python needed).",
    )
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="DIR",
        help="folder to write (made, or replaced if an earlier build made it)",
    )
    parser.add_argument(
        "--clinic",
        type=Path,
        metavar="FILE",
        help="clinic settings file (default: $CLINIC, else clinic.toml)",
    )
    parser.add_argument("--handouts-href", default=HANDOUTS_HREF, metavar="URL",
                        help="where the 'cannot run' note sends readers for the handouts "
                        f"(default {HANDOUTS_HREF}; empty for none)")  # fmt: skip
    args = parser.parse_args(argv)
    try:
        clinic = load_clinic(args.clinic) if args.clinic else current()
        build_explorer(args.out, clinic, handouts_href=args.handouts_href or None)
    except (ClinicSettingsError, RuntimeUnavailable, OutputRefused, ExplorerBuildError) as error:
        print(f"error: {' '.join(str(error).split())}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: cannot write {args.out} ({error.strerror or error})", file=sys.stderr)
        return 2
    print(f"Wrote the explorer page to {args.out}/index.html (serve the folder to open it)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
