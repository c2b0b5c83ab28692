"""Clinic settings: a clinic's own name, phone numbers and words, applied when text is drawn.

The engine speaks one neutral English ("go to the emergency department or call your
emergency number"). A clinic says who it is, which numbers to call and which English it
speaks in a small TOML file (``clinic.toml`` at the repository root, or the file named by the
``CLINIC`` environment variable). The render floor (cards, panels, checklist, handout) passes
every engine sentence through ``localise`` on its way into HTML, so ``guidance.assess`` stays
pure: it never reads a setting.

Standard library only (``tomllib``): no Jupyter, no ipywidgets.

    >>> localise("Go to the emergency department now, or call your emergency number.",
    ...          Clinic(locale="en-GB"))
    'Go to A&E now, or call 999.'
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from functools import lru_cache
from html import escape, unescape
from pathlib import Path

from widgets.content.series import ROOT

# ---------------------------------------------------------------------------
# The vocabulary, as data: what each locale calls things. A translator or a clinic can read
# and extend these tables without reading the code below them.
#
# Keys are the engine's neutral words (``en``); values are the locale's. A key matches only a
# whole phrase ("poo" never matches inside "poop"), its first letter in either case (the
# replacement is capitalised to match). The longest phrase wins, so "your physio" is read
# before "physio". ``{emergency_number}`` and ``{urgent_number}`` are filled in from the
# clinic's settings or the locale's own numbers.
# ---------------------------------------------------------------------------

LOCALES: dict[str, str] = {
    "en": "Neutral English: the series' own words, with no country's services named",
    "en-GB": "UK English: A&E, GP, physio, 999 and NHS 111",
    "en-US": "US English: emergency room, doctor or primary care, physical therapist, 911",
}

# The numbers a locale calls when the clinic names none: (emergency, urgent).
LOCALE_NUMBERS: dict[str, tuple[str, str]] = {
    "en": ("", ""),
    "en-GB": ("999", "111"),
    "en-US": ("911", ""),
}

WORDS: dict[str, dict[str, str]] = {
    "en": {},
    "en-GB": {
        "the emergency department": "A&E",
        "an emergency department": "an A&E department",
        "emergency department": "A&E",
        "the emergency room": "A&E",
        "emergency room": "A&E",
        "your doctor": "your GP",
        "primary care doctor": "GP",
        "physical therapist": "physio",
        "physical therapists": "physios",
        "physical therapy": "physio",
        "pooping": "pooing",
        "poop": "poo",
    },
    "en-US": {
        "the emergency department": "the emergency room",
        "emergency department": "emergency room",
        "A&E": "the emergency room",
        "your GP": "your doctor",
        "a GP": "a primary care doctor",
        "GP": "primary care doctor",
        "GPs": "primary care doctors",
        # A physio is a person and a therapy: name the person where the sentence does.
        "a physio (physiotherapist)": "a physical therapist",
        "physio (physiotherapist)": "physical therapist",
        "your physio": "your physical therapist",
        "a physio": "a physical therapist",
        "surgeon or physio": "surgeon or physical therapist",
        "doctor or physio": "doctor or physical therapist",
        "doctor, physio": "doctor, physical therapist",
        "physio or doctor": "physical therapist or doctor",
        "physios": "physical therapists",
        "physiotherapist": "physical therapist",
        "physiotherapists": "physical therapists",
        "physiotherapy": "physical therapy",
        "physio": "physical therapy",
        # "physical therapy" is long: where the plain swap would lift a sentence above
        # reading grade 8, the sentence is reworded (tests/test_clinic.py grades them).
        "You are no better after a course of physio or exercises": (
            "You have done a course of physical therapy or exercises, and you are no better"
        ),
        "with your clinician to talk about physio": (
            "with your clinician. Talk about physical therapy"
        ),
        "an urgent care service": "an urgent care center",
        "urgent care service": "urgent care center",
        "pooing": "pooping",
        "poo": "poop",
        "coloured": "colored",
        "colour": "color",
        "colours": "colors",
        "tumour": "tumor",
        "tumours": "tumors",
        "centre": "center",
        "programme": "program",
        "programmes": "programs",
        "behavioural": "behavioral",
        "recognise": "recognize",
    },
}

# Used only when an emergency number is known: a leaflet then says "call 999".
WITH_EMERGENCY_NUMBER: dict[str, str] = {
    "your emergency number": "{emergency_number}",
    "your local emergency number": "{emergency_number}",
}

# Used only when an urgent number is known, per locale.
WITH_URGENT_NUMBER: dict[str, dict[str, str]] = {
    "en": {
        "an urgent care service": "urgent care on {urgent_number}",
        "urgent care": "urgent care on {urgent_number}",
    },
    "en-GB": {
        "an urgent care service": "NHS {urgent_number}",
        "urgent care service": "NHS {urgent_number}",
        "urgent care": "NHS {urgent_number}",
    },
    "en-US": {
        "an urgent care service": "urgent care on {urgent_number}",
        "urgent care service": "urgent care on {urgent_number}",
        "urgent care": "urgent care on {urgent_number}",
    },
}

# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------

ENV_VAR = "CLINIC"
REPO_SETTINGS = ROOT / "clinic.toml"
MAX_SETTINGS_BYTES = 64_000
MAX_NAME_CHARS = 80
_PHONE = re.compile(r"\+?[0-9 ()./-]+")
_PHONE_DIGITS = (2, 15)  # "15" (France's ambulance) to the longest international number
_WEBSITE = re.compile(r"https?://[^\s\"'<>]+")
_SHOWN_CHARS = 60


class ClinicSettingsError(ValueError):
    """A settings file that cannot be used. The message is one line naming the file and key."""


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 4] + "...'"


def _phone_problem(value: str) -> str:
    digits = sum(c.isdigit() for c in value)
    low, high = _PHONE_DIGITS
    if _PHONE.fullmatch(value) and low <= digits <= high:
        return ""
    return (
        f"must be a phone number: {low} to {high} digits, with only spaces, + - ( ) . / "
        f"between them; got {_shown(value)}"
    )


def _text_problem(value: str) -> str:
    if len(value) <= MAX_NAME_CHARS and value.isprintable():
        return ""
    return f"must be one line of at most {MAX_NAME_CHARS} characters; got {_shown(value)}"


def _website_problem(value: str) -> str:
    if _WEBSITE.fullmatch(value):
        return ""
    return (
        "must be a web address that starts with https:// (or http://), with no spaces; "
        f"got {_shown(value)}"
    )


def _locale_problem(value: str) -> str:
    if value in LOCALES:
        return ""
    return f"must be one of {', '.join(LOCALES)}; got {_shown(value)}"


# Every setting, what it must be, and an example for the error message.
_CHECKS: dict[str, tuple[Callable[[str], str], str]] = {
    "name": (_text_problem, "Riverside Spine Clinic"),
    "phone": (_phone_problem, "01632 960 123"),
    "website": (_website_problem, "https://www.example.org"),
    "emergency_number": (_phone_problem, "999"),
    "urgent_number": (_phone_problem, "111"),
    "locale": (_locale_problem, "en-GB"),
}
KEYS: tuple[str, ...] = tuple(_CHECKS)


_TOML_KINDS = {
    "bool": "true/false",
    "int": "number",
    "float": "number",
    "dict": "table",
    "list": "list",
    "datetime": "date",
    "date": "date",
    "time": "time",
}


def _problem(key: str, value: object) -> str:
    """What is wrong with ``value`` for ``key``, or "" (an empty string means "not set")."""
    check, example = _CHECKS[key]
    if not isinstance(value, str):
        kind = _TOML_KINDS.get(type(value).__name__, type(value).__name__)
        return f'must be text in quotes, for example {key} = "{example}"; got a {kind}'
    if value == "" and key != "locale":
        return ""
    return check(value)


@dataclass(frozen=True)
class Clinic:
    """Who hands out the material, which numbers to call, and which English it speaks.

    Every field but ``locale`` may be empty, which means "not set": no name is shown, and a
    number left empty falls back to the locale's own (999 and 111 for ``en-GB``, 911 for
    ``en-US``, none for ``en``).
    """

    name: str = ""
    phone: str = ""
    website: str = ""
    emergency_number: str = ""
    urgent_number: str = ""
    locale: str = "en"

    def __post_init__(self) -> None:
        for spec in fields(self):
            problem = _problem(spec.name, getattr(self, spec.name))
            if problem:
                raise ClinicSettingsError(f"{spec.name} {problem}")

    @property
    def emergency(self) -> str:
        """The emergency number to print, or "" when neither clinic nor locale names one."""
        return self.emergency_number or LOCALE_NUMBERS[self.locale][0]

    @property
    def urgent(self) -> str:
        """The urgent (same-day) number to print, or "" when none is known."""
        return self.urgent_number or LOCALE_NUMBERS[self.locale][1]

    @property
    def has_contact(self) -> bool:
        return bool(self.name or self.phone or self.website)


DEFAULT = Clinic()


def load_clinic(path: Path | str) -> Clinic:
    """The settings in ``path``. Any problem raises ``ClinicSettingsError`` with one line
    that names the file, the key and what is allowed."""
    path = Path(path)
    try:
        with path.open("rb") as source:
            raw = source.read(MAX_SETTINGS_BYTES + 1)
    except OSError as error:
        raise ClinicSettingsError(
            f"{path}: cannot read the clinic settings file ({error.strerror})"
        ) from None
    if len(raw) > MAX_SETTINGS_BYTES:
        raise ClinicSettingsError(f"{path}: larger than {MAX_SETTINGS_BYTES:,} bytes")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        detail = " ".join(str(error).split())
        raise ClinicSettingsError(
            f'{path}: not valid TOML ({detail}); write each setting as key = "text"'
        ) from None
    for key, value in data.items():
        if key not in _CHECKS:
            raise ClinicSettingsError(
                f"{path}: unknown key {_shown(key)}; allowed keys are {', '.join(KEYS)}"
            )
        problem = _problem(key, value)
        if problem:
            raise ClinicSettingsError(f"{path}: {key} {problem}")
    return Clinic(**data)


def settings_path() -> Path | None:
    """The settings file in force: ``$CLINIC`` if set (absolute, or relative to the current
    folder or the repository), else the repository's ``clinic.toml`` when present (an
    installed package has none), else ``None`` (the built-in default)."""
    chosen = os.environ.get(ENV_VAR, "").strip()
    if chosen:
        path = Path(chosen)
        # Kernels run in notebooks/, so "CLINIC=clinics/mine.toml" given at the repository
        # root must still find the file there.
        beside_repo = REPO_SETTINGS.parent / path
        if not path.is_absolute() and not path.exists() and beside_repo.exists():
            return beside_repo
        return path
    return REPO_SETTINGS if REPO_SETTINGS.is_file() else None


@lru_cache(maxsize=8)
def _load_cached(path: str, _mtime_ns: int, _size: int) -> Clinic:
    return load_clinic(path)


def current() -> Clinic:
    """The clinic settings in force now. Read again only when the file changes."""
    path = settings_path()
    if path is None:
        return DEFAULT
    try:
        stat = path.stat()
    except OSError as error:
        raise ClinicSettingsError(
            f"{path}: cannot read the clinic settings file ({error.strerror}); "
            f"{ENV_VAR} must name a TOML file such as clinic.toml"
        ) from None
    return _load_cached(str(path), stat.st_mtime_ns, stat.st_size)


# ---------------------------------------------------------------------------
# Localising text and HTML
# ---------------------------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")


def vocabulary(clinic: Clinic) -> dict[str, str]:
    """Every neutral phrase this clinic's text changes, with what it becomes."""
    emergency, urgent = clinic.emergency, clinic.urgent
    table = dict(WORDS[clinic.locale])
    if emergency:
        table.update(WITH_EMERGENCY_NUMBER)
    if urgent:
        table.update(WITH_URGENT_NUMBER[clinic.locale])
    return {
        phrase: words.format(emergency_number=emergency, urgent_number=urgent)
        for phrase, words in table.items()
    }


def _phrase_pattern(phrase: str) -> str:
    first, rest = phrase[0], re.escape(phrase[1:])
    head = f"[{first.upper()}{first.lower()}]" if first.isalpha() else re.escape(first)
    return head + rest


# lower-cased phrase -> (the phrase as written in the table, what it becomes)
_Mapping = dict[str, tuple[str, str]]


@lru_cache(maxsize=32)
def _compiled(clinic: Clinic) -> tuple[re.Pattern[str], _Mapping] | None:
    table = vocabulary(clinic)
    if not table:
        return None
    mapping = {phrase.lower(): (phrase, words) for phrase, words in table.items()}
    phrases = sorted(table, key=len, reverse=True)
    source = re.compile(rf"(?<!\w)(?:{'|'.join(map(_phrase_pattern, phrases))})(?!\w)")
    # Words that hold a neutral phrase ("urgent care center" holds "urgent care") stand for
    # themselves, so text already localised, or a page localised twice, never changes again.
    for words in table.values():
        if words.lower() not in mapping and source.search(words):
            mapping[words.lower()] = (words, words)
            phrases.append(words)
    phrases.sort(key=len, reverse=True)
    alternatives = "|".join(_phrase_pattern(p) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), mapping


def _replace(mapping: _Mapping) -> Callable[[re.Match[str]], str]:
    def swap(match: re.Match[str]) -> str:
        found = match.group(0)
        phrase, words = mapping[found.lower()]
        # Capitalised where the phrase is not ("Emergency department" starts a sentence),
        # so the words start with a capital too; "A&E" is always written so, and says nothing.
        if found[0].isupper() and phrase[0].islower() and words[0].islower():
            return words[0].upper() + words[1:]
        return words

    return swap


def localise(text: str, clinic: Clinic | None = None) -> str:
    """``text`` in the clinic's words (``current()`` when no clinic is given).

    Whole phrases only; web and e-mail addresses are left exactly as they are. With the
    default settings (``en``, no numbers) the text comes back unchanged.
    """
    compiled = _compiled(clinic or current())
    if compiled is None or not text:
        return text
    pattern, mapping = compiled
    swap = _replace(mapping)
    parts = []
    last = 0
    for url in _URL.finditer(text):
        parts.append(pattern.sub(swap, text[last : url.start()]))
        parts.append(url.group(0))
        last = url.end()
    parts.append(pattern.sub(swap, text[last:]))
    return "".join(parts)


def wording(clinic: Clinic | None = None) -> Callable[[str], str]:
    """A function that puts text into ``clinic``'s words (``current()`` when ``None``).

    Render functions call this once and then use it on every sentence they draw.
    """
    chosen = clinic or current()
    return lambda text: localise(text, chosen)


# Text inside these is never changed: source titles, citation keys, code and styles.
KEEP_CLASSES = frozenset({"sms-cite", "sms-sources", "sources"})
_RAW_TEXT = frozenset({"script", "style"})
_KEEP_TAGS = frozenset({"code", "pre", "kbd", "samp", "cite"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<[^>]*>", re.DOTALL)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w:-]*)([^>]*)>", re.DOTALL)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_NO_TRANSLATE = re.compile(r"""\btranslate\s*=\s*["']?no\b""")


def _keeps(name: str, attributes: str) -> bool:
    if name in _KEEP_TAGS or _NO_TRANSLATE.search(attributes):
        return True
    found = _CLASS.search(attributes)
    classes = next((g for g in found.groups() if g is not None), "").split() if found else []
    return not KEEP_CLASSES.isdisjoint(classes)


def _text_nodes(html: str) -> Iterator[tuple[str, bool]]:
    """``html`` cut into pieces, each with whether it is text to localise. Joined back, the
    pieces give ``html`` byte for byte."""
    stack: list[tuple[str, bool]] = []
    position = 0
    while position < len(html):
        token = _TOKEN.search(html, position)
        end = token.start() if token else len(html)
        if end > position:
            yield html[position:end], not (stack and stack[-1][1])
        if token is None:
            return
        yield token.group(0), False
        position = token.end()
        tag = _TAG.fullmatch(token.group(0))
        if tag is None:
            continue
        closing, name, attributes = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            names = [open_name for open_name, _ in stack]
            if name in names:
                del stack[len(names) - 1 - names[::-1].index(name) :]
        elif name in _RAW_TEXT:
            close = re.compile(rf"</\s*{name}\s*>", re.IGNORECASE).search(html, position)
            stop = close.start() if close else len(html)
            yield html[position:stop], False
            position = stop
        elif name not in _VOID and not attributes.rstrip().endswith("/"):
            keep = bool(stack and stack[-1][1]) or _keeps(name, attributes)
            stack.append((name, keep))


def localise_html(html: str, clinic: Clinic | None = None) -> str:
    """``html`` with the text between its tags in the clinic's words.

    Tags and attributes (links, classes, styles), comments, scripts and styles are copied
    byte for byte, and so is text inside citations and source lists (``KEEP_CLASSES``),
    ``code``/``pre``/``cite`` and anything marked ``translate="no"``.
    """
    chosen = clinic or current()
    if _compiled(chosen) is None:
        return html
    pieces = []
    for piece, is_text in _text_nodes(html):
        if is_text:
            plain = unescape(piece)
            changed = localise(plain, chosen)
            piece = piece if changed == plain else escape(changed, quote=False)
        pieces.append(piece)
    return "".join(pieces)


# ---------------------------------------------------------------------------
# The clinic's details and the licences, for page headers and footers
# ---------------------------------------------------------------------------

CODE_LICENCE = "MIT"
CONTENT_LICENCE = "CC BY 4.0"
CONTENT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NOTE = (
    f"You may share and adapt this page under {CONTENT_LICENCE} ({CONTENT_LICENCE_URL}) if "
    f"you credit the series. The code is under the {CODE_LICENCE} licence."
)


def contact_html(clinic: Clinic | None = None) -> str:
    """One paragraph with the clinic's name, phone and website, or "" when none is set."""
    chosen = clinic or current()
    if not chosen.has_contact:
        return ""
    parts = []
    if chosen.name:
        parts.append(f"<strong>{escape(chosen.name)}</strong>")
    if chosen.phone:
        parts.append(f"Phone: {escape(chosen.phone)}")
    if chosen.website:
        url = escape(chosen.website, quote=True)
        parts.append(f'Website: <a href="{url}">{escape(chosen.website)}</a>')
    return f'<p class="sms-clinic" translate="no">{". ".join(parts)}.</p>'
