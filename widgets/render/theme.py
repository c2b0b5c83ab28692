"""The series' one theme: every colour, font, size and level glyph, and every style rule.

Cards, panels, worksheets, widgets, the personal handout and the handout and card stylesheets
all take their looks from here, so a change of colour or size is one edit in this file.

Every text colour is paired with the background it sits on (``text_pairs``), so a test can check
each pair against WCAG's 4.5:1 contrast minimum (wcag21, SC 1.4.3). Colour never carries meaning
alone: every level also shows a word and an icon (SC 1.4.1).

Why inline styles, generated here, rather than a stylesheet with classes: a card is one piece of
HTML that travels alone, into a JupyterLab output or an ipywidgets ``HTML`` value, an nbconvert
export, a slide, the personal handout, the explorer page (in Pyodide) and paper. Measured in
JupyterLab 4 with headless Chromium (and its sanitizer settings): an untrusted output, such as a
notebook opened with someone else's saved outputs, keeps a card's inline styles (its background
and 12px level border drew) but drops every ``<style>`` element (none left in the output area).
A trusted output keeps ``<style>``, but the block then styles the whole page, and a card shown
without it would lose every colour. So each element carries its declarations inline, all
taken from ``STYLES`` below by ``style(name)``: no module writes a ``style=`` of its own. The
class names stay on the elements too, so a page's stylesheet (the handout's print rules) can
still override them. ``css_variables()`` gives the same colours to stylesheets.

Standard library only: the explorer page runs this module in Pyodide.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.guidance import URGENCY_WORDS, Level, Urgency


@dataclass(frozen=True)
class LevelColours:
    background: str
    border: str  # a non-text cue; text never uses it
    label: str  # the level's words on ``background``


# ---------------------------------------------------------------------------
# Colours
# ---------------------------------------------------------------------------

TEXT = "#1a1a1a"
MUTED_TEXT = "#404040"
PAGE = "#ffffff"
NEUTRAL_BACKGROUND = "#f3f4f6"
NEUTRAL_BORDER = "#6b7280"
# Write-in lines and table rules on paper: 7:1 on white, so they show on a faint photocopy.
RULE = "#595959"
LINK = "#0b4a8f"
TABLE_HEAD_BACKGROUND = "#eef1f4"

LEVEL_COLOURS: dict[Level, LevelColours] = {
    Level.GREEN: LevelColours(background="#e7f4ea", border="#1f7a3a", label="#12502a"),
    Level.AMBER: LevelColours(background="#fff4d6", border="#a85a00", label="#6b3a00"),
    Level.RED: LevelColours(background="#fdeaea", border="#b3261e", label="#8a1010"),
}


@dataclass(frozen=True)
class FigureColours:
    """Fills and lines of the SVG figures. Labels sit on the light fills in ``TEXT`` or
    ``MUTED_TEXT``, and numbers on the dark fills in ``PAGE`` white (see ``text_pairs``)."""

    bone: str = "#d9cfc1"
    bone_edge: str = "#6b5b45"
    nerve: str = "#f2c14e"
    nerve_edge: str = "#7a5a00"
    disc: str = "#9ecae1"
    disc_edge: str = "#2c6d94"
    ligament: str = "#f4a582"
    ligament_edge: str = "#a34a1f"
    skin: str = "#f3e3d3"
    skin_edge: str = "#8c6d52"
    muscle: str = "#e7a3a3"
    muscle_edge: str = "#8c2d2d"
    ok: str = "#1b7837"  # dark: white numbers on it
    not_ok: str = "#b2182b"  # dark: white numbers on it
    device: str = "#c7d7ea"
    device_part: str = "#eeeeee"
    cone: str = "#d9d9d9"
    panel: str = "#fafafa"
    panel_edge: str = "#888888"
    row: str = "#f4f4f4"
    bar: str = "#c9dcef"
    bar_edge: str = "#1f4e79"  # dark: white marks on it
    pointer: str = "#444444"
    chair: str = "#6b6b6b"
    divider: str = "#999999"

    def light_fills(self) -> dict[str, str]:
        names: tuple[str, ...] = ("bone", "nerve", "disc", "ligament", "skin", "muscle", "device")
        names += ("device_part", "cone", "panel", "row", "bar")
        return {name: getattr(self, name) for name in names}

    def dark_fills(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in ("ok", "not_ok", "bar_edge")}


FIGURE = FigureColours()

# ---------------------------------------------------------------------------
# Glyphs: a level is a word, a colour and one of these (hidden from screen readers,
# which read the word), so colour is never the only signal (wcag21, SC 1.4.1). Each is in
# DejaVu Sans, the fallback font of most Linux machines and of headless Chromium; the
# no-entry sign is not, and printed as an empty box. The engine keeps only the words.
# ---------------------------------------------------------------------------

LEVEL_ICONS: dict[Level, str] = {Level.GREEN: "✔", Level.AMBER: "⚠", Level.RED: "✖"}
BOX_TICKED = "☑"
BOX_EMPTY = "☐"


def urgency_label(urgency: Urgency) -> str:
    """'✖ Emergency' or '✖ Urgent': both are red, so both carry the red icon and a word."""
    return f"{LEVEL_ICONS[Level.RED]} {URGENCY_WORDS[urgency]}"


# ---------------------------------------------------------------------------
# Type
# ---------------------------------------------------------------------------

# Clinicians project these on a wall: body text is large and the headline larger still.
BODY_SIZE = "1.1em"
HEADLINE_SIZE = "1.3em"
# DejaVu Sans before Roboto: the level glyphs are in it, and headless Chromium falls back to it.
FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Roboto, Arial, sans-serif"
MONO_FONT = "'DejaVu Sans Mono', Menlo, Consolas, monospace"
# Paper: 12 pt body text for older eyes (the personal handout's print rules).
PRINT_BODY_SIZE = "12pt"
PRINT_HEADLINE_SIZE = "13.5pt"

# ---------------------------------------------------------------------------
# Style rules
# ---------------------------------------------------------------------------

# Values every rule may name, as {name}. Level rules also take {background}, {border}, {label}
# (``level_values``).
TOKENS: dict[str, str] = {
    "font": FONT,
    "body": BODY_SIZE,
    "headline": HEADLINE_SIZE,
    "text": TEXT,
    "muted": MUTED_TEXT,
    "page": PAGE,
    "neutral_background": NEUTRAL_BACKGROUND,
    "neutral_border": NEUTRAL_BORDER,
    "rule": RULE,
    "link": LINK,
}

_TYPE = "font-family:{font};font-size:{body};color:{text}"
_PANEL = "border-radius:8px;padding:.8em 1em;margin:.5em 0;max-width:48em"

STYLES: dict[str, str] = {
    # Text
    "cite": "color:{muted};font-size:.9em",
    # A link in running text is underlined: its colour alone would not set it apart.
    "link": "color:{link};text-decoration:underline",
    "muted": "color:{muted}",
    "strong": "font-weight:700",
    "strong-nowrap": "font-weight:700;white-space:nowrap",
    "note": _TYPE + ";margin:.3em 0",
    "group-label": _TYPE + ";font-weight:700;margin:.6em 0 .1em",
    "subhead": "margin:.4em 0 .2em;font-weight:700",
    "line": "margin:.2em 0",
    "line-pre": "margin:.2em 0;white-space:pre-wrap",
    "first-line": "margin:0 0 .4em 0",
    # Lists
    "list": "margin:0;padding-left:1.6em",
    "list-spaced": "margin:0 0 .6em;padding-left:1.6em",
    "list-compact": "margin:0;padding-left:1.4em",
    "list-plain": "list-style:none;padding-left:.2em;margin:.2em 0",
    "list-tight": "margin:.2em 0",
    "indent": "padding-left:1.4em",
    "item-spaced": "margin:.3em 0",
    "answers": _TYPE + ";margin:.3em 0;padding-left:1.4em",
    # The guidance card (level colours from ``level_values``)
    "card": _TYPE + ";line-height:1.45;background:{background};border:3px solid {border};"
    "border-left-width:12px;" + _PANEL + ";break-inside:avoid",
    "card-title": "margin:0 0 .3em;font-weight:600",
    "card-level": "margin:0 0 .4em;font-weight:700;color:{label};font-size:{headline}",
    "card-headline": "margin:0 0 .6em;font-weight:700;font-size:{headline}",
    # Frames
    "box": _TYPE + ";line-height:1.45;background:{neutral_background};"
    "border:2px solid {neutral_border};border-radius:8px;padding:.7em 1em;margin:.5em 0;"
    "max-width:48em;break-inside:avoid",
    "help-now": "background:{background};border:3px solid {border};border-radius:8px;"
    "padding:.6em .9em;margin:.5em 0;max-width:50em",
    "help-panel": _TYPE + ";line-height:1.45;background:{background};"
    "border:4px solid {border};border-left-width:14px;border-radius:8px;padding:.8em 1em;"
    "margin:.6em 0;max-width:48em",
    "help-level": "margin:0 0 .3em;font-weight:700;color:{label};font-size:{headline}",
    "help-headline": "margin:0 0 .5em;font-weight:700;font-size:{headline}",
    "help-subhead": "margin:.3em 0 .1em;font-weight:700",
    "help-list": "margin:0 0 .5em;padding-left:1.6em",
    "help-cites": "margin:.4em 0 0",
    "level-note": _TYPE + ";margin:.4em 0;padding:.5em .8em;border-radius:6px;"
    "background:{background};border:2px solid {border};max-width:48em",
    "level-note-head": "margin:0 0 .2em;font-weight:700",
    "level-note-foot": "margin:.3em 0 0",
    "feedback": _TYPE + ";background:{background};border:2px solid {border};"
    "border-radius:6px;padding:.5em .8em;margin:.3em 0;max-width:44em",
    "feedback-head": "margin:0 0 .2em;font-weight:700",
    "feedback-body": "margin:0",
    "badge": "background:{background};color:{label};font-weight:700;white-space:nowrap;"
    "padding:0 .3em",
    "urgency": "color:{label};font-weight:{weight};white-space:nowrap",
    "weight": "font-weight:{weight}",
    # Tables
    "table": _TYPE + ";border-collapse:collapse;margin:.5em 0;max-width:48em;"
    # Long source keys may break, so the table fits a phone without scrolling sideways.
    "break-inside:avoid;overflow-wrap:anywhere",
    "cell": "border:1px solid {neutral_border};padding:.4em .6em;vertical-align:top;"
    "text-align:left",
    "options-table": _TYPE + ";border-collapse:collapse;margin:.5em 0;max-width:60em;"
    # A long word breaks, so the table fits a phone's width instead of scrolling sideways.
    "overflow-wrap:anywhere",
    "caption": "text-align:left;font-weight:700;padding:.3em 0",
    "row-note": "font-weight:normal;color:{muted}",
    "story": "border:2px solid {neutral_border};border-radius:10px;padding:.8em 1em;margin:1em 0;"
    "max-width:50em",
    "story-text": _TYPE + ";line-height:1.45",
    "story-name": "margin-top:0",
    "tag": "border:1px solid {neutral_border};border-radius:4px;padding:0 .4em",
    "sources": _TYPE + ";max-width:50em;padding-left:1.8em;overflow-wrap:anywhere",
    "details": "font-family:{font};font-size:{body};margin:.2em 0",
    # Widgets
    "severity-text": _TYPE + ";margin:0 0 .4em",
    "quiz-prompt": _TYPE + ";font-weight:700;margin:.8em 0 .2em",
    "quiz-options": "margin:.2em 0;padding-left:2em",
    "compare": "display:flex;flex-wrap:wrap;gap:.8em",
    "compare-column": "flex:1 1 18em;min-width:min(16em, 100%)",
    "download": "display:inline-block;padding:.4em .8em;border:2px solid currentColor;"
    "border-radius:.3em;font-weight:bold",
    "values-table": "border-collapse:collapse",
    "values-head": "padding:.3em .6em",
    "values-row-head": "text-align:left;font-weight:normal;padding:.3em .6em",
    "values-box": "text-align:center;font-size:1.3em",
    # Worksheets
    "worksheet": _TYPE + ";line-height:1.45;background:{page};border:2px solid {rule};"
    "border-radius:6px;padding:.8em 1em;margin:.6em 0;max-width:48em",
    "worksheet-title": "margin:0 0 .3em;font-weight:700;font-size:1.2em",
    "worksheet-intro": "margin:0 0 .6em",
    "write-in": "border-bottom:1px solid {rule};height:1.9em",
    "write-in-group": "margin:0 0 .7em;break-inside:avoid",
    "write-in-label": "margin:0;font-weight:600",
    # Notebooks lay tables out in equal columns; a word longer than its column breaks
    # instead of running into the next one on a phone.
    "worksheet-table": "border-collapse:collapse;width:100%;margin:0 0 .7em;overflow-wrap:anywhere",
    "worksheet-caption": "text-align:left;font-weight:600;padding:0 0 .2em",
    "worksheet-cell": "border:1px solid {rule};padding:.35em .5em;text-align:left;"
    "vertical-align:top",
    "worksheet-head": "border:1px solid {rule};padding:.35em .5em;text-align:left;"
    "vertical-align:top;background:{neutral_background};font-weight:600",
    "worksheet-row": "height:2.6em",
    "worksheet-blank-row": "height:2.2em",
    # Figures
    "figure": "margin:1em 0;break-inside:avoid",
    "figure-svg": "max-width:100%;height:auto",
    "figcaption": "font-size:1em;margin-top:.4em",
}


def level_values(level: Level) -> dict[str, str]:
    """The level's colours as {background}, {border} and {label} for a style rule."""
    colours = LEVEL_COLOURS[level]
    return {"background": colours.background, "border": colours.border, "label": colours.label}


NEUTRAL_VALUES = {"background": NEUTRAL_BACKGROUND, "border": NEUTRAL_BORDER, "label": TEXT}


def css(name: str, **values: str) -> str:
    """The declarations of style rule ``name``, with the theme's values filled in."""
    return STYLES[name].format(**TOKENS, **values)


def style(name: str, **values: str) -> str:
    """``style="..."`` for rule ``name``: the one way any HTML here gets an inline style."""
    return f'style="{css(name, **values)}"'


def css_variables() -> str:
    """The theme's fonts and colours as CSS custom properties, for stylesheets (the handout and
    warning-card sheets carry a copy, checked by a test)."""
    pairs = {
        "--sms-font": FONT,
        "--sms-mono": MONO_FONT,
        "--sms-text": TEXT,
        "--sms-muted": MUTED_TEXT,
        "--sms-page": PAGE,
        "--sms-link": LINK,
        "--sms-rule": RULE,
        "--sms-neutral-background": NEUTRAL_BACKGROUND,
        "--sms-neutral-border": NEUTRAL_BORDER,
        "--sms-table-head": TABLE_HEAD_BACKGROUND,
        **{f"--sms-{level.value}-background": c.background for level, c in LEVEL_COLOURS.items()},
        **{f"--sms-{level.value}-border": c.border for level, c in LEVEL_COLOURS.items()},
        **{f"--sms-{level.value}-label": c.label for level, c in LEVEL_COLOURS.items()},
    }
    return ":root {\n" + "".join(f"  {k}: {v};\n" for k, v in pairs.items()) + "}\n"


# ---------------------------------------------------------------------------
# Contrast
# ---------------------------------------------------------------------------


def text_pairs() -> list[tuple[str, str, str]]:
    """Every (what, text colour, background colour) pair the series draws."""
    pairs = [
        ("body text", TEXT, PAGE),
        ("muted text", MUTED_TEXT, PAGE),
        ("links", LINK, PAGE),
        ("neutral panel text", TEXT, NEUTRAL_BACKGROUND),
        ("neutral panel muted text", MUTED_TEXT, NEUTRAL_BACKGROUND),
        ("table heading text", TEXT, TABLE_HEAD_BACKGROUND),
        # Write-in lines are not text, but they must show as clearly as text on a photocopy.
        ("write-in lines", RULE, PAGE),
    ]
    for name, fill in FIGURE.light_fills().items():
        pairs.append((f"figure label on {name}", TEXT, fill))
        pairs.append((f"figure muted label on {name}", MUTED_TEXT, fill))
    for name, fill in FIGURE.dark_fills().items():
        pairs.append((f"figure white mark on {name}", PAGE, fill))
    for level, colours in LEVEL_COLOURS.items():
        pairs.append((f"{level} card text", TEXT, colours.background))
        pairs.append((f"{level} card label", colours.label, colours.background))
        pairs.append((f"{level} card muted text", MUTED_TEXT, colours.background))
        pairs.append((f"{level} label on the page", colours.label, PAGE))
        # The warning-sign card's group headings: white words on the label colour.
        pairs.append((f"white on the {level} label colour", PAGE, colours.label))
    return pairs


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    hex_digits = colour.lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(c * 2 for c in hex_digits)
    r, g, b = (int(hex_digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio between two ``#rrggbb`` colours."""
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
