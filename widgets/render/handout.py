"""The personalised one-page handout: the same code behind the "Save my plan" button and the CLI.

    python -m widgets.render.handout --profile profile.json -o my-handout.html
    python -m widgets.render.handout --profile a.json --profile b.json -o outdir/

A profile file is a JSON object with every ``Profile`` field (plus optional "name" and "notes"),
or a JSON list of such objects. The page is self-contained HTML (no script, no network), prints
on one A4 or Letter page with 12 pt body text, and is deterministic: the only date on it is the
``--date`` given (default: the series' last-reviewed date). Free text is HTML-escaped.

Colours, fonts and sizes come from ``widgets.render.theme``. The page is
``templates/handout.html.j2`` (``templating.exact_environment()``, autoescaped); the explorer
page runs ``render_handout`` in the browser too (Pyodide: see ``widgets.render.cards``).
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import NoReturn

from widgets import LAST_REVIEWED, __version__
from widgets import guidance as G
from widgets.content.clinic import (
    LICENCE_NOTE,
    Clinic,
    contact_html,
    current,
    localise_html,
    wording,
)
from widgets.content.references import citations
from widgets.render.cards import card_html
from widgets.render.profile_text import profile_summary_html
from widgets.render.signs import routine_signs_html, warning_signs_html
from widgets.render.templating import html, render_exact
from widgets.render.theme import (
    BODY_SIZE,
    FONT,
    MUTED_TEXT,
    NEUTRAL_BORDER,
    PAGE,
    PRINT_BODY_SIZE,
    PRINT_HEADLINE_SIZE,
    TEXT,
    css_variables,
)

HANDOUT = "handout.html.j2"
EDUCATION_LINE = "This is education, not medical advice."
PROFILE_FIELDS = tuple(f.name for f in fields(G.Profile))
EXTRA_FIELDS = ("name", "notes")
MAX_FREE_TEXT = 2000

_CSS = f"""{css_variables()}
html {{ color: {TEXT}; background: {PAGE}; }}
body {{ font-family: {FONT}; font-size: {BODY_SIZE}; line-height: 1.4; max-width: 52em;
  margin: 1.5em auto; padding: 0 1em; }}
h1 {{ font-size: 1.6em; margin: 0 0 .2em; }}
h2 {{ font-size: 1.2em; margin: .8em 0 .3em; break-after: avoid; }}
p {{ margin: .3em 0; }}
.meta, .sources, .licence {{ color: {MUTED_TEXT}; }}
.sources {{ font-size: .85em; padding-left: 1.4em; overflow-wrap: anywhere; }}
.notes {{ white-space: pre-wrap; border: 1px solid {NEUTRAL_BORDER}; padding: .3em .5em; }}
.two-columns {{ display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5em; }}
.two-columns > div {{ min-width: 0; }}
tr, li, .notes {{ break-inside: avoid; }}
@page {{ margin: 11mm; }}
@media (max-width: 40em) {{ .two-columns {{ display: block; }} }}
@media print {{
  body {{ font-size: {PRINT_BODY_SIZE}; line-height: 1.3; margin: 0; max-width: none; padding: 0; }}
  h1 {{ font-size: 17pt; }}
  h2 {{ font-size: 13pt; margin: .5em 0 .2em; }}
  .sms-card, .sms-warning-signs {{ break-inside: auto !important; }}
  .sms-card {{ font-size: {PRINT_BODY_SIZE} !important; padding: .3em .7em !important;
    margin: .2em 0 !important; max-width: none !important; }}
  .sms-card-level, .sms-card-headline {{ font-size: {PRINT_HEADLINE_SIZE} !important; }}
  .sms-warning-signs {{ font-size: {PRINT_BODY_SIZE} !important; max-width: none !important; }}
  .sms-warning-signs td, .sms-warning-signs th {{ padding: .15em .4em !important; }}
  .sms-answers {{ font-size: {PRINT_BODY_SIZE} !important; }}
  .sources {{ font-size: 9pt; line-height: 1.2; }}
  a {{ color: {TEXT}; text-decoration: none; }}
}}
"""


@dataclass(frozen=True)
class Person:
    """One profile to print, with the optional name and notes and where it came from."""

    profile: G.Profile
    name: str = ""
    notes: str = ""
    source: str = ""


class ProfileFileError(ValueError):
    """A profile file that cannot be read; the message names the file and the field."""


# The "About this series" page in one line, for a page that travels alone (issue 12).
ABOUT_LINE = (
    "About this series: no one paid for it, and it sells nothing. The facts come from published "
    "evidence, searched in November 2026, and are checked again every year. The full page, "
    "About this series, comes with the series' handouts."
)


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------


def _short(label: str) -> str:
    return label.split(" (", 1)[0].lower()


def clinician_questions(profile: G.Profile) -> list[str]:
    """Questions to take to a clinician, from the person's own answers (questions, not advice)."""
    device = _short(G.DEVICES[profile.device])
    times = "time" if profile.sessions_per_day == 1 else "times"
    questions = [
        f"Is a {device} safe for me to use?",
        "Which places on my back are safe for it, and which should I avoid?",
        f"Is strength {profile.intensity}, for {profile.minutes} minutes, "
        f"{profile.sessions_per_day} {times} a day, right for me?",
    ]
    questions += [
        f"About my health ({G.CONDITIONS[key]}): does this change how I should use it?"
        for key in G.CONDITIONS
        if key in profile.conditions
    ]
    questions += [
        f"About my symptoms ({G.SYMPTOMS[key]}): what should I do about this?"
        for key in G.SYMPTOMS
        if key in profile.symptoms
    ]
    questions += [
        "Which exercises should I keep doing, and how often?",
        "What should make me stop and call you?",
    ]
    return questions


def render_handout(
    profile: G.Profile,
    *,
    name: str = "",
    notes: str = "",
    date: str = LAST_REVIEWED,
    clinic: Clinic | None = None,
) -> str:
    """One printable page for one person. Deterministic for the same inputs.

    The clinic's settings (``clinic.current()`` unless ``clinic`` is given) choose the words
    and numbers, and put the clinic's name, phone and website in the header and footer.
    """
    clinic = clinic or current()
    say = wording(clinic)
    guidance = G.assess(profile)
    red = guidance.level is G.Level.RED
    return render_exact(
        HANDOUT,
        locale=clinic.locale,
        # A red page is about getting help now: what to do and what to say, nothing routine.
        title="Get help now: do not use the massager" if red else "My back massager plan",
        red=red,
        # A name or notes of only spaces are left out, as if none were given.
        name=name if name.strip() else "",
        notes=notes if notes.strip() else "",
        css=html(_CSS),
        contact=html(contact_html(clinic)),
        date=date,
        version=__version__,
        last_reviewed=LAST_REVIEWED,
        education_line=EDUCATION_LINE,
        card=html(card_html(guidance, clinic=clinic)),
        warning_signs=html(warning_signs_html(compact=True, clinic=clinic)),
        routine_signs=None if red else html(routine_signs_html(clinic=clinic)),
        answers=html(localise_html(profile_summary_html(profile), clinic)),
        questions=[] if red else [say(q) for q in clinician_questions(profile)],
        refs=[
            {"key": ref.key, "citation": html(ref.citation_html())}
            for ref in citations(guidance.sources)
        ],
        take_this_page=say("Take this page to your doctor, physio or nurse."),
        about=ABOUT_LINE,
        licence=LICENCE_NOTE,
    )


# ---------------------------------------------------------------------------
# Saving without overwriting (the "Save my plan" button)
# ---------------------------------------------------------------------------


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


def handout_filename(name: str = "", date: str = LAST_REVIEWED) -> str:
    stem = "-".join(part for part in ("my-plan", slug(name), slug(date)) if part)
    return f"{stem}.html"


def _write_bytes(fd: int, data: bytes) -> None:
    """All of ``data`` to ``fd``. One place for every write, so tests can fill the disk."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _finished_temp(folder: Path, text: str) -> Path:
    """``text`` in a complete, flushed temp file in ``folder``; nothing is left on an error.

    Pages are always written under a temp name and renamed when complete, so a full disk or
    a crash can never leave a cut-off page that looks like a real plan.
    """
    handle, name = tempfile.mkstemp(prefix=".handout-", suffix=".tmp", dir=folder)
    temp = Path(name)
    try:
        try:
            _write_bytes(handle, text.encode("utf-8"))
            os.fsync(handle)
        finally:
            os.close(handle)
        os.chmod(temp, 0o644)  # mkstemp makes 0600; a handout is an ordinary document
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _publish(temp: Path, target: Path, *, replace: bool) -> bool:
    """Give the finished ``temp`` the name ``target``. Unless ``replace``, an existing
    ``target`` is never touched and False is returned."""
    if replace:
        os.replace(temp, target)
        return True
    try:
        os.link(temp, target)  # atomic, and fails if the name is taken
        return True
    except FileExistsError:
        return False
    except OSError:  # no hard links on this drive (some USB sticks, network shares)
        if os.path.lexists(target):
            return False
        os.rename(temp, target)
        return True


def save_handout(
    profile: G.Profile,
    *,
    name: str = "",
    notes: str = "",
    folder: Path | str = "my-handouts",
    date: str = LAST_REVIEWED,
) -> Path:
    """Write the page into ``folder`` and return its path. Never overwrites: an existing name
    gets -2, -3 ... (claimed atomically, so two saves at once cannot collide). On any error
    (full disk, no permission) it raises ``OSError`` and leaves no file behind."""
    html = render_handout(profile, name=name, notes=notes, date=date)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    base = handout_filename(name, date)[: -len(".html")]
    temp = _finished_temp(folder, html)
    try:
        for n in range(1, 10_000):
            path = folder / (f"{base}.html" if n == 1 else f"{base}-{n}.html")
            if _publish(temp, path, replace=False):
                return path
    finally:
        temp.unlink(missing_ok=True)
    raise FileExistsError(f"too many handouts named {base} in {folder}")


# ---------------------------------------------------------------------------
# Reading profile files (the CLI)
# ---------------------------------------------------------------------------

MAX_PROFILE_BYTES = 2_000_000  # a list of a thousand people is about 400 kB
MAX_NUMBER_CHARS = 20
SHOWN_CHARS = 60


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """``repr(value)``, cut to ``limit`` characters: a message never echoes a huge value."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def one_line(message: str, limit: int = 400) -> str:
    """``message`` on one line of at most ``limit`` characters."""
    flat = " ".join(message.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


class _BadJSON(ValueError):
    """Raised inside the JSON parser; ``load_people`` adds the file name."""


def _object_without_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    data: dict[str, object] = {}
    for key, value in pairs:
        if key in data:
            # The last one would silently win: a red-flag symptom could vanish.
            raise _BadJSON(f"field {shown(key)} appears twice; keep only one")
        data[key] = value
    return data


def _number(text: str) -> int | float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _BadJSON(f"a number {len(text)} characters long ({shown(text)}) is not an answer")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _no_constant(text: str) -> None:
    raise _BadJSON(f"{text} is not a number a profile can hold")


def parse_profile_json(text: str) -> object:
    """JSON as Python, refusing duplicate keys, huge numbers and NaN or Infinity."""
    return json.loads(
        text,
        object_pairs_hook=_object_without_duplicates,
        parse_int=_number,
        parse_float=_number,
        parse_constant=_no_constant,
    )


def person_from_dict(data: object, where: str) -> Person:
    """A ``Person`` from one JSON object; errors name the file and the field."""
    if not isinstance(data, dict):
        raise ProfileFileError(f"{where}: expected a JSON object of profile fields")
    unknown = [key for key in data if key not in PROFILE_FIELDS + EXTRA_FIELDS]
    if unknown:
        raise ProfileFileError(
            f"{where}: unknown field {shown(unknown[0])}; "
            f"profile fields are {', '.join(PROFILE_FIELDS + EXTRA_FIELDS)}"
        )
    missing = [name for name in PROFILE_FIELDS if name not in data]
    if missing:
        raise ProfileFileError(f"{where}: missing field {missing[0]!r}")
    for extra in EXTRA_FIELDS:
        value = data.get(extra, "")
        if not isinstance(value, str) or len(value) > MAX_FREE_TEXT:
            raise ProfileFileError(
                f"{where}: field {extra!r} must be text of at most {MAX_FREE_TEXT} characters"
            )
    try:
        profile = G.Profile(**{name: data[name] for name in PROFILE_FIELDS})
    except (ValueError, TypeError) as error:
        # The engine's messages start with the field's name ("severity must be one of ...")
        # and end with the value given, which may be huge: shorten it.
        raise ProfileFileError(f"{where}: field {one_line(str(error), 240)}") from None
    return Person(profile, name=data.get("name", ""), notes=data.get("notes", ""), source=where)


def load_people(path: Path | str) -> list[Person]:
    path = Path(path)
    try:
        with path.open("rb") as source:
            raw = source.read(MAX_PROFILE_BYTES + 1)
    except OSError as error:
        raise ProfileFileError(f"{path}: cannot read the file ({error.strerror})") from None
    if len(raw) > MAX_PROFILE_BYTES:
        raise ProfileFileError(f"{path}: larger than {MAX_PROFILE_BYTES:,} bytes; not a profile")
    try:
        data = parse_profile_json(raw.decode("utf-8"))
    except _BadJSON as error:
        raise ProfileFileError(f"{path}: {error}") from None
    except RecursionError:
        raise ProfileFileError(f"{path}: nested too deeply to be a profile") from None
    except (ValueError, UnicodeDecodeError) as error:  # JSONDecodeError is a ValueError
        raise ProfileFileError(f"{path}: not valid JSON ({one_line(str(error), 120)})") from None
    if isinstance(data, list):
        if not data:
            raise ProfileFileError(f"{path}: the list holds no profiles")
        return [person_from_dict(item, f"{path} item {i}") for i, item in enumerate(data, 1)]
    return [person_from_dict(data, str(path))]


def _plan_outputs(people: list[Person], raw_output: str) -> list[Path]:
    """Where each page goes: one profile and a file name -> that file; otherwise a folder."""
    output = Path(raw_output)
    # Path() drops a trailing slash, so "-o outdir/" is checked on the raw text.
    as_folder = output.is_dir() or raw_output.endswith(("/", os.sep))
    if len(people) == 1 and not as_folder:
        return [output]
    if output.suffix.lower() == ".html" and not output.is_dir():
        raise ProfileFileError(f"{len(people)} profiles need a folder for -o, not {output}")
    used: set[str] = set()
    paths = []
    for person in people:
        stem = slug(person.name) or slug(Path(person.source.split(" item ")[0]).stem) or "handout"
        candidate, n = stem, 1
        while candidate in used:
            n += 1
            candidate = f"{stem}-{n}"
        used.add(candidate)
        paths.append(output / f"{candidate}.html")
    return paths


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_targets(targets: list[Path], inputs: list[Path], *, force: bool) -> None:
    """Refuse, before anything is written, every target the command must not write."""
    for target in targets:
        if any(_same_file(target, source) for source in inputs):
            raise ProfileFileError(f"{target} is a profile file being read: choose another name")
        if target.is_symlink() or (target.exists() and not target.is_file()):
            # /dev/stdout, a device, a folder or a link: replacing it would break something.
            raise ProfileFileError(f"{target} is not an ordinary file: choose another name")
        if target.exists() and not force:
            raise ProfileFileError(f"{target} already exists: add --force to replace it")
        parent = target.parent
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
        if not parent.is_dir():
            raise ProfileFileError(f"{parent} is a file, so {target} cannot be written")


def write_all(pages: list[tuple[Path, str]], *, force: bool = False) -> None:
    """Write every page to a temp file first; rename only when all are written.

    Without ``force`` a page never replaces an existing file (``FileExistsError``).
    """
    temps: list[tuple[Path, Path]] = []
    try:
        for target, html in pages:
            target.parent.mkdir(parents=True, exist_ok=True)
            temps.append((_finished_temp(target.parent, html), target))
        for temp, target in temps:
            if not _publish(temp, target, replace=force):
                raise FileExistsError(errno.EEXIST, "it appeared while writing", str(target))
    finally:
        for temp, _target in temps:
            temp.unlink(missing_ok=True)


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not the usage block
        self.exit(2, f"error: {one_line(message)} (see --help)\n")


def _date(text: str) -> str:
    if len(text) > 40 or not text.isprintable():
        raise argparse.ArgumentTypeError(f"--date {shown(text)} is not a date")
    return text


def main(argv: Sequence[str] | None = None) -> int:
    parser = _OneLineParser(
        prog="python -m widgets.render.handout",
        description="Write a one-page personalised handout for each profile file.",
    )
    parser.add_argument(
        "--profile", action="append", required=True, type=Path, metavar="FILE",
        help="JSON file with Profile fields (+ optional name, notes), or a list of them; "
        "repeat for several people",
    )  # fmt: skip
    parser.add_argument(
        "-o", "--output", required=True,
        help="output .html file (one profile) or folder (several profiles)",
    )  # fmt: skip
    parser.add_argument("--date", default=LAST_REVIEWED, type=_date,
                        help="date printed on the page")  # fmt: skip
    parser.add_argument(
        "--force", action="store_true",
        help="replace handouts that already exist (never a profile file)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    try:
        people = [person for path in args.profile for person in load_people(path)]
        targets = _plan_outputs(people, args.output)
        check_targets(targets, args.profile, force=args.force)
        pages = [
            (target, render_handout(p.profile, name=p.name, notes=p.notes, date=args.date))
            for target, p in zip(targets, people, strict=True)
        ]
        write_all(pages, force=args.force)
    except ProfileFileError as error:
        print(f"error: {one_line(str(error))}", file=sys.stderr)
        return 2
    except OSError as error:  # read-only folder, full disk, a name taken meanwhile
        where = error.filename or args.output
        print(f"error: cannot write {one_line(str(where), 200)} ({error.strerror})",
              file=sys.stderr)  # fmt: skip
        return 2
    for target, _html in pages:
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
