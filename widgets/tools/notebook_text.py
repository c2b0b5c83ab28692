"""The patient-facing prose of a notebook, for readability and citation checks.

Prose is markdown minus code, tables, headings, links' targets, HTML tags, source lists,
navigation cells and presenter-only cells (tagged ``remove-cell``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from widgets.content.navigation import is_nav

# A citation is a registry key in square brackets, e.g. [katz2022] or [therabody]; a markdown
# link such as [text](url) is not one.
CITATION = re.compile(r"\[([a-z][a-z0-9_]+)\](?!\()")


def load(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def is_presenter_only(cell: dict) -> bool:
    return "remove-cell" in cell.get("metadata", {}).get("tags", [])


def markdown_sources(nb: dict, *, patient_facing: bool = True) -> list[str]:
    out = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        if patient_facing and (is_presenter_only(cell) or is_nav(cell)):
            continue
        out.append(text)
    return out


def _clean(line: str) -> str:
    line = re.sub(r"`[^`]*`", "", line)
    line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"<[^>]+>", " ", line)
    return line.replace("**", "").replace("*", "").replace("_", " ").strip()


def prose(markdown: str) -> str:
    """Plain sentences from markdown, ready for a readability formula.

    Lines of one paragraph are joined, since a hard line break does not end a sentence; a list
    item or a paragraph without a full stop is closed with one, or it would merge with the next.
    """
    text = re.sub(r"```.*?```", " ", markdown, flags=re.DOTALL)
    text = re.sub(r"<details>.*?</details>", " ", text, flags=re.DOTALL)
    text = CITATION.sub("", text)
    units: list[str] = []
    current: list[str] = []

    def close() -> None:
        joined = " ".join(part for part in current if part)
        if joined:
            units.append(joined if joined[-1] in ".!?:" else joined + ".")
        current.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "|", "<!--")):
            close()
            continue
        item = re.match(r"^([-*+]|\d+\.)\s+", stripped)
        if item:
            close()
            stripped = stripped[item.end() :]
        current.append(_clean(stripped))
    close()
    return " ".join(units)


def notebook_prose(path: Path) -> str:
    return " ".join(prose(md) for md in markdown_sources(load(path)))


def cited_keys(path: Path) -> set[str]:
    return {m.group(1) for md in markdown_sources(load(path)) for m in CITATION.finditer(md)}
