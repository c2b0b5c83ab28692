"""The patient-facing prose of a notebook, for readability and citation checks.

Prose is markdown minus code, tables, headings, links' targets, HTML tags, source lists,
navigation cells and presenter-only cells (tagged ``remove-cell``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

# A citation is a registry key in square brackets, e.g. [katz2022] or [therabody]; a markdown
# link such as [text](url) is not one.
CITATION = re.compile(r"\[([a-z][a-z0-9_]+)\](?!\()")
NAV_MARK = "<!-- nav -->"


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
        if patient_facing and (is_presenter_only(cell) or text.lstrip().startswith(NAV_MARK)):
            continue
        out.append(text)
    return out


def prose(markdown: str) -> str:
    """Plain sentences from markdown, ready for a readability formula."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.DOTALL)
    text = re.sub(r"<details>.*?</details>", " ", text, flags=re.DOTALL)
    text = CITATION.sub("", text)
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "|", "<!--")):
            continue
        stripped = re.sub(r"`[^`]*`", "", stripped)
        stripped = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", stripped)
        stripped = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", stripped)
        stripped = re.sub(r"<[^>]+>", " ", stripped)
        stripped = re.sub(r"^([-*+]|\d+\.)\s+", "", stripped)
        stripped = stripped.replace("**", "").replace("*", "").replace("_", " ")
        if stripped and stripped[-1] not in ".!?:":
            stripped += "."  # a bullet is a sentence; without a stop it would merge
        kept.append(stripped)
    return " ".join(kept)


def notebook_prose(path: Path) -> str:
    return " ".join(prose(md) for md in markdown_sources(load(path)))


def cited_keys(path: Path) -> set[str]:
    return {m.group(1) for md in markdown_sources(load(path)) for m in CITATION.finditer(md)}
