"""Load and check the series' data files: the one loader every content file goes through.

Clinicians edit wording, quizzes and references in plain data files, not Python. A mistake in
one of those files must stop the import with ONE line that says which file, which entry and
which field is wrong and what is allowed there, never with a traceback deep inside a widget.

Standard library only (``tomllib``, ``json``), because the engine also runs in the browser under
Pyodide. JSON is for the references, which are CSL-JSON (a list of entries at the top, the
format reference managers such as Zotero export). YAML is read with pyyaml, imported only when a
YAML file is loaded.

Languages: a data file ``<folder>/<name>`` is looked up as ``<folder>/<language>/<name>``, and a
language that does not have the file yet falls back to English (``<folder>/en/<name>``). So a
second language is added as parallel files, with no change to code.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The ``widgets`` package folder; error messages name files relative to the folder above it.
PACKAGE_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LANGUAGE = "en"

# The value types a data file can hold, by the name a message shows for them.
_TYPE_NAMES: dict[type, str] = {
    str: "text",
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    list: "a list",
    dict: "a table",
}


class DataFileError(ValueError):
    """A data file is missing, unreadable or breaks its schema; the message is one line."""


@dataclass(frozen=True)
class Field:
    """One field of an entry: its type, whether it must be there, and what it may hold.

    ``kind`` is one of str, bool, int, float, list, dict. A list's items are ``item`` (str by
    default). ``allowed`` limits a text, or every item of a list, to those values. Text and
    lists may not be empty unless ``empty_ok``. ``check`` is an extra test for what a type
    cannot say (a citation key that must exist): it returns a problem in words, or None.
    """

    name: str
    kind: type = str
    required: bool = True
    allowed: tuple[str, ...] = ()
    item: type = str
    empty_ok: bool = False
    check: Callable[[Any], str | None] | None = None


@dataclass(frozen=True)
class Schema:
    """What every entry of one list of entries must look like.

    ``key`` is the field that names an entry in messages; its values must be unique.
    Fields the schema does not list are an error (a misspelt field name would otherwise be
    silently ignored), unless ``extra_ok``.
    """

    fields: tuple[Field, ...]
    key: str = "id"
    extra_ok: bool = False

    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def shown(path: Path) -> str:
    """``path`` as messages show it: relative to the package's parent folder where it can be."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(PACKAGE_ROOT.parent).as_posix()
    except ValueError:
        return str(path)


def locate(source: Path, language: str = DEFAULT_LANGUAGE) -> Path:
    """The file to read for ``source`` in ``language``.

    ``source`` is either an existing file (read as it is: a clinic's edited copy, or a file
    with no languages such as the references) or ``<folder>/<name>``, found as
    ``<folder>/<language>/<name>`` or, failing that, ``<folder>/en/<name>``.
    """
    if source.is_file():
        return source
    for lang in dict.fromkeys((language, DEFAULT_LANGUAGE)):
        candidate = source.parent / lang / source.name
        if candidate.is_file():
            return candidate
    tried = source.parent / language / source.name
    raise DataFileError(f"{shown(tried)}: data file not found")


def _no_repeated_fields(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict; a field given twice is an error (json keeps the last, silently)."""
    fields: dict[str, Any] = {}
    for name, value in pairs:
        if name in fields:
            key = fields.get("id")
            entry = f"entry {key!r}, " if isinstance(key, str) else ""
            raise DataFileError(f"{entry}field {name!r}: given twice in one entry")
        fields[name] = value
    return fields


def parse(path: Path) -> object:
    """The whole content of a TOML, JSON or YAML file, or ``DataFileError``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DataFileError(f"{shown(path)}: cannot be read ({err.__class__.__name__})") from None
    if path.suffix == ".toml":
        try:
            data: object = tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            raise DataFileError(f"{shown(path)}: not valid TOML: {err}") from None
    elif path.suffix == ".json":
        try:
            data = json.loads(text, object_pairs_hook=_no_repeated_fields)
        except json.JSONDecodeError as err:
            raise DataFileError(
                f"{shown(path)}: not valid JSON: {err.msg} (line {err.lineno}, column {err.colno})"
            ) from None
        except DataFileError as err:
            raise DataFileError(f"{shown(path)}: {err}") from None
    elif path.suffix in (".yaml", ".yml"):
        # Imported here, so the engine (TOML only) never needs pyyaml, in Pyodide or anywhere.
        try:
            import yaml
        except ImportError:
            raise DataFileError(f"{shown(path)}: reading YAML needs pyyaml installed") from None

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as err:
            where = " ".join(str(err).split())
            raise DataFileError(f"{shown(path)}: not valid YAML: {where}") from None
    else:
        raise DataFileError(f"{shown(path)}: unknown kind of data file (use .toml, .json or .yaml)")
    return data


def read(path: Path) -> dict[str, Any]:
    """The whole content of a data file that holds named tables at the top, or ``DataFileError``."""
    data = parse(path)
    if not isinstance(data, dict):
        raise DataFileError(f"{shown(path)}: must hold named tables at the top, not a bare list")
    return data


def load(source: Path, language: str = DEFAULT_LANGUAGE) -> tuple[Path, dict[str, Any]]:
    """The file ``source`` resolves to in ``language``, and its content."""
    path = locate(source, language)
    return path, read(path)


def _type_name(kind: type) -> str:
    return _TYPE_NAMES.get(kind, kind.__name__)


def _is(value: object, kind: type) -> bool:
    # bool is a subclass of int in Python; `true` is not a sensible whole number.
    if kind in (int, float) and isinstance(value, bool):
        return False
    if kind is float:
        return isinstance(value, (int, float))
    return isinstance(value, kind)


def _problem(spec: Field, value: object) -> str | None:
    """What is wrong with ``value`` for ``spec``, in words, or None."""
    if not _is(value, spec.kind):
        return f"must be {_type_name(spec.kind)}; got {value!r}"
    if spec.kind is str and not spec.empty_ok and not str(value).strip():
        return "must not be empty"
    if spec.kind is list:
        assert isinstance(value, list)
        if not value and not spec.empty_ok:
            return "must not be an empty list"
        for item in value:
            if not _is(item, spec.item):
                return f"must be a list of {_type_name(spec.item)}; got {item!r}"
            if spec.item is str and not item.strip():
                return "must not hold empty text"
            if spec.allowed and item not in spec.allowed:
                return f"must hold only {', '.join(spec.allowed)}; got {item!r}"
    elif spec.allowed and value not in spec.allowed:
        return f"must be one of {', '.join(spec.allowed)}; got {value!r}"
    if spec.check is not None:
        return spec.check(value)
    return None


def check_entry(entry: object, schema: Schema, *, where: str) -> dict[str, Any]:
    """One entry checked against ``schema``; ``where`` names it (file, table and entry)."""
    if not isinstance(entry, dict):
        raise DataFileError(f"{where}: must be a table of fields; got {entry!r}")
    if not schema.extra_ok:
        unknown = [name for name in entry if name not in schema.field_names()]
        if unknown:
            raise DataFileError(
                f"{where}, field {unknown[0]!r}: unknown field; "
                f"allowed: {', '.join(schema.field_names())}"
            )
    for spec in schema.fields:
        if spec.name not in entry:
            if spec.required:
                raise DataFileError(f"{where}, field {spec.name!r}: missing (it is required)")
            continue
        problem = _problem(spec, entry[spec.name])
        if problem:
            raise DataFileError(f"{where}, field {spec.name!r}: {problem}")
    return entry


def check_entries(
    entries: object, schema: Schema, *, path: Path, table: str = ""
) -> tuple[dict[str, Any], ...]:
    """Every entry of ``table`` in ``path`` checked, with unique keys, in file order."""
    place = f"{shown(path)}: [[{table}]]" if table else f"{shown(path)}:"
    if not isinstance(entries, list) or not entries:
        raise DataFileError(f"{place}: must be a non-empty list of entries")
    seen: set[object] = set()
    checked: list[dict[str, Any]] = []
    for index, entry in enumerate(entries, start=1):
        key = entry.get(schema.key) if isinstance(entry, dict) else None
        name = f"entry {key!r}" if isinstance(key, str) and key else f"entry number {index}"
        checked.append(check_entry(entry, schema, where=f"{place} {name}"))
        if key in seen:
            raise DataFileError(
                f"{place} {name}, field {schema.key!r}: duplicate; each {schema.key} must be "
                "unique in the file"
            )
        seen.add(key)
    return tuple(checked)


def load_entries(
    source: Path, schema: Schema, *, table: str | None, language: str = DEFAULT_LANGUAGE
) -> tuple[dict[str, Any], ...]:
    """The checked entries of the list ``table`` (``[[table]]`` in TOML) in ``source``.

    ``table=None``: the file itself is the list (a JSON array, as CSL-JSON is).
    """
    if table is None:
        path = locate(source, language)
        return check_entries(parse(path), schema, path=path)
    path, data = load(source, language)
    if table not in data:
        raise DataFileError(f"{shown(path)}: no [[{table}]] entries (the file must have them)")
    return check_entries(data[table], schema, path=path, table=table)


def load_table(
    source: Path, schema: Schema, *, table: str, language: str = DEFAULT_LANGUAGE
) -> dict[str, Any]:
    """The checked single table ``[table]`` in ``source`` (named texts, settings)."""
    path, data = load(source, language)
    return check_entry(data.get(table), schema, where=f"{shown(path)}: [{table}]")


def known(name: str, values: Iterable[str], hint: str = "") -> Callable[[Any], str | None]:
    """A ``Field.check`` that every value (or every item of a list) is one of ``values``.

    For checks against a set that lives elsewhere, such as the reference keys a citation must
    name; ``name`` says what the values are, ``hint`` where the allowed ones are listed.
    """
    allowed = frozenset(values)

    def check(value: Any) -> str | None:
        items = value if isinstance(value, list) else [value]
        unknown = [item for item in items if item not in allowed]
        if unknown:
            return f"unknown {name} {unknown[0]!r}" + (f" ({hint})" if hint else "")
        return None

    return check


def texts(table: Mapping[str, Any]) -> dict[str, str]:
    """A table of named texts as a plain dict (every value already checked to be text)."""
    return {name: str(value) for name, value in table.items()}
