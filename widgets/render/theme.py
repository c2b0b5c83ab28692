"""Colours and type sizes shared by cards, panels and handouts.

Every text colour is paired with the background it sits on, so a test can check each pair
against WCAG's 4.5:1 contrast minimum (wcag21, SC 1.4.3). Colour never carries meaning alone:
every level also shows a word and an icon (SC 1.4.1).
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.guidance import Level


@dataclass(frozen=True)
class LevelColours:
    background: str
    border: str  # a non-text cue; text never uses it
    label: str  # the level's words on ``background``


TEXT = "#1a1a1a"
MUTED_TEXT = "#404040"
PAGE = "#ffffff"
NEUTRAL_BACKGROUND = "#f3f4f6"
NEUTRAL_BORDER = "#6b7280"

LEVEL_COLOURS: dict[Level, LevelColours] = {
    Level.GREEN: LevelColours(background="#e7f4ea", border="#1f7a3a", label="#12502a"),
    Level.AMBER: LevelColours(background="#fff4d6", border="#a85a00", label="#6b3a00"),
    Level.RED: LevelColours(background="#fdeaea", border="#b3261e", label="#8a1010"),
}

# Clinicians project these on a wall: body text is large and the headline larger still.
BODY_SIZE = "1.1em"
HEADLINE_SIZE = "1.3em"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


def text_pairs() -> list[tuple[str, str, str]]:
    """Every (what, text colour, background colour) pair the series draws."""
    pairs = [
        ("body text", TEXT, PAGE),
        ("muted text", MUTED_TEXT, PAGE),
        ("neutral panel text", TEXT, NEUTRAL_BACKGROUND),
        ("neutral panel muted text", MUTED_TEXT, NEUTRAL_BACKGROUND),
    ]
    for level, colours in LEVEL_COLOURS.items():
        pairs.append((f"{level} card text", TEXT, colours.background))
        pairs.append((f"{level} card label", colours.label, colours.background))
        pairs.append((f"{level} card muted text", MUTED_TEXT, colours.background))
    return pairs


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    hex_digits = colour.lstrip("#")
    r, g, b = (int(hex_digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio between two ``#rrggbb`` colours."""
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
