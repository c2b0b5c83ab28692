"""The choices a person with spinal stenosis can weigh, side by side (notebooks 05 and 06).

Content is data: ``data/<language>/options.toml``. Each option says what it may do, how sure the
evidence is (GRADE words), its risks and burdens, and any numbers as natural frequencies out of
ONE denominator (``DENOMINATOR``), each number with its source. The options table
(``widgets.render.options``) and the evidence chart (``widgets.content.findings``) use the same
"how sure" words, so a number or a level is written once.

The file is loaded and checked when this module is imported; a mistake stops the import with one
line naming the file, the entry and the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from widgets.content.references import REFERENCES
from widgets.engine.datafile import (
    DEFAULT_LANGUAGE,
    DataFileError,
    Field,
    Schema,
    check_entries,
    known,
    load,
    shown,
)

DATA = Path(__file__).resolve().parent / "data"
SOURCE = DATA / "options.toml"
DENOMINATOR = 100  # every natural frequency in the series is "N in 100"


class Certainty(StrEnum):
    """How sure we are, in GRADE's four words."""

    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    VERY_LOW = "very low"


CERTAINTY_WORDS: tuple[str, ...] = tuple(c.value for c in Certainty)


@dataclass(frozen=True)
class Frequency:
    """``low``-``high`` people in 100 (``low == high`` for one number), and where it is from."""

    low: int
    high: int
    outcome: str
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        if not 0 <= self.low <= self.high <= DENOMINATOR:
            raise ValueError(f"a frequency must lie in 0..{DENOMINATOR}: {self}")

    def words(self) -> str:
        count = str(self.low) if self.low == self.high else f"{self.low} to {self.high}"
        return f"About {count} in {DENOMINATOR} {self.outcome}"


@dataclass(frozen=True)
class Option:
    name: str
    what_it_is: str
    may_do: str
    certainty: Certainty
    risks_and_burdens: str
    numbers: tuple[Frequency, ...]
    sources: tuple[str, ...]


def cited(*, required: bool = True, empty_ok: bool = False) -> Field:
    """The ``sources`` field of a content entry: a list of reference keys that exist."""
    return Field(
        "sources",
        kind=list,
        required=required,
        empty_ok=empty_ok,
        check=known("reference key", REFERENCES, "see widgets/content/data/references.json"),
    )


CERTAINTY_SCHEMA = Schema(fields=(Field("id", allowed=CERTAINTY_WORDS), Field("meaning")))
NUMBER_SCHEMA = Schema(
    fields=(
        Field("id"),
        Field("low", kind=int),
        Field("high", kind=int),
        Field("outcome"),
        cited(),
    )
)
OPTION_SCHEMA = Schema(
    fields=(
        Field("id"),
        Field("name"),
        Field("what_it_is"),
        Field("may_do"),
        Field("certainty", allowed=CERTAINTY_WORDS),
        Field("risks_and_burdens"),
        Field("numbers", kind=list, empty_ok=True),
        cited(),
    )
)


# The numbers the icon arrays and notebook prose use, by id: a file must keep these.
DRAWN_NUMBERS = (
    "natural_history_better",
    "natural_history_same",
    "natural_history_worse",
    "physio_then_surgery",
    "second_operation",
    "acupuncture_side_effects",
    "heat_burns",
)


@dataclass(frozen=True)
class OptionsData:
    """Everything in one options file."""

    certainty_meaning: dict[Certainty, str]
    numbers: dict[str, Frequency]
    options: tuple[Option, ...]


def load_options(source: Path = SOURCE, *, language: str = DEFAULT_LANGUAGE) -> OptionsData:
    """The options, numbers and "how sure" meanings in ``source`` (a data file, or the data
    folder's ``options.toml`` in ``language``, falling back to English)."""
    path, data = load(source, language)
    where = shown(path)

    meanings = check_entries(data.get("certainty"), CERTAINTY_SCHEMA, path=path, table="certainty")
    certainty_meaning = {Certainty(m["id"]): str(m["meaning"]) for m in meanings}
    missing = [c.value for c in Certainty if c not in certainty_meaning]
    if missing:
        raise DataFileError(
            f"{where}: [[certainty]]: no entry for {missing[0]!r}; every GRADE word needs one "
            f"({', '.join(CERTAINTY_WORDS)})"
        )

    numbers: dict[str, Frequency] = {}
    for n in check_entries(data.get("number"), NUMBER_SCHEMA, path=path, table="number"):
        if not 0 <= n["low"] <= n["high"] <= DENOMINATOR:
            raise DataFileError(
                f"{where}: [[number]] entry {n['id']!r}, field 'high': low and high must lie "
                f"in 0..{DENOMINATOR} with low <= high; got {n['low']} and {n['high']}"
            )
        numbers[n["id"]] = Frequency(n["low"], n["high"], n["outcome"], tuple(n["sources"]))

    absent = [i for i in DRAWN_NUMBERS if i not in numbers]
    if absent:
        raise DataFileError(
            f"{where}: [[number]]: no entry with id {absent[0]!r}; the figures draw it, so keep "
            f"these ids: {', '.join(DRAWN_NUMBERS)}"
        )
    better, same, worse = (numbers[f"natural_history_{i}"] for i in ("better", "same", "worse"))
    # The icon array draws all 100 people: those not better or the same are drawn as worse.
    if not worse.low <= DENOMINATOR - better.high - same.high <= worse.high:
        raise DataFileError(
            f"{where}: [[number]] entry 'natural_history_worse', field 'low': better, the same "
            f"and worse must add up to {DENOMINATOR}; {better.high} + {same.high} leaves "
            f"{DENOMINATOR - better.high - same.high}, outside {worse.low} to {worse.high}"
        )
    number_ids = known("number id", numbers, "see the [[number]] entries in the same file")
    options = []
    for o in check_entries(data.get("option"), OPTION_SCHEMA, path=path, table="option"):
        problem = number_ids(o["numbers"])
        if problem:
            raise DataFileError(
                f"{where}: [[option]] entry {o['id']!r}, field 'numbers': {problem}"
            )
        options.append(
            Option(
                o["name"],
                o["what_it_is"],
                o["may_do"],
                Certainty(o["certainty"]),
                o["risks_and_burdens"],
                tuple(numbers[i] for i in o["numbers"]),
                tuple(o["sources"]),
            )
        )
    return OptionsData(certainty_meaning, numbers, tuple(options))


_DATA = load_options()

CERTAINTY_MEANING: dict[Certainty, str] = _DATA.certainty_meaning
OPTIONS: tuple[Option, ...] = _DATA.options
NUMBERS: dict[str, Frequency] = _DATA.numbers
NATURAL_HISTORY: tuple[Frequency, Frequency, Frequency] = (
    NUMBERS["natural_history_better"],
    NUMBERS["natural_history_same"],
    NUMBERS["natural_history_worse"],
)
PHYSIO_THEN_SURGERY = NUMBERS["physio_then_surgery"]
SECOND_OPERATION = NUMBERS["second_operation"]
ACUPUNCTURE_SIDE_EFFECTS = NUMBERS["acupuncture_side_effects"]
HEAT_BURNS = NUMBERS["heat_burns"]
