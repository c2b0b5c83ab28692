"""How tall a piece of HTML is on a slide, and how to cut it into pages that fit.

A deck has no browser at build time, so heights are estimated from the text, the type sizes
and the inline styles the series uses. The estimate errs on the tall side; the deck's style
sheet (``room_css``) is built from the same ``Room`` numbers, so the two cannot drift apart.
``tests/test_slides_fit_browser.py`` measures the real decks in Chromium.

Cutting works on "leaves": blocks that stay whole on one slide (a paragraph, a list item, a
table row, a figure). Their ancestors (boxes, lists, tables) are copied onto every page that
holds one of their leaves, so a boxed list continues in the same box, a numbered list keeps
its numbers and a table repeats its header row.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeGuard

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString


@dataclass(frozen=True)
class Room:
    """A slide's geometry in reveal.js units (reveal scales the whole slide to the screen).

    960 x 700 is reveal.js's own size: on a 1280x720 projector it is drawn at 0.99 and on a
    1024x768 one at 1.03, so text keeps the same size on both and nothing is cut off.
    """

    width: int = 960
    height: int = 700
    font_px: float = 26  # body text; about 24 pt at the back of a clinic room
    line_height: float = 1.4
    heading_px: dict[str, float] = field(
        default_factory=lambda: {"h1": 44, "h2": 38, "h3": 32, "h4": 28, "h5": 26, "h6": 26}
    )
    heading_line_height: float = 1.2
    figure_max_px: int = 430  # a figure shares its slide with the heading and its caption
    # Room left for the slide's padding and for error in the estimate.
    slack_px: int = 40
    # Average glyph width as a share of the font size (DejaVu Sans, the widest fallback font).
    glyph_em: float = 0.52
    bold_glyph_em: float = 0.58

    @property
    def budget(self) -> float:
        return self.height - self.slack_px

    @property
    def text_width(self) -> float:
        return self.width - 40  # the slide's own side padding


ROOM = Room()

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Blocks that are never cut: cutting them would leave half a thing on each slide.
ATOMIC_TAGS = frozenset(
    {"p", "li", "tr", "figure", "svg", "pre", "summary", "details", "dt", "dd", "blockquote", "hr"}
)
BLOCK_TAGS = HEADINGS | ATOMIC_TAGS | {
    "div", "section", "article", "ul", "ol", "table", "thead", "tbody", "tfoot", "figcaption",
    "aside", "dl", "header", "footer", "nav", "main", "form", "fieldset",
}  # fmt: skip
ATOMIC_CLASSES = frozenset({"sms-room-keep", "sms-card-level", "sms-card-headline"})
KEEP_WITH_NEXT_CLASSES = frozenset({"sms-quiz-prompt", "sms-room-keep-next"})


# --- Inline styles -----------------------------------------------------------------------


def _style(tag: Tag) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in str(tag.get("style") or "").split(";"):
        if ":" in part:
            key, value = part.split(":", 1)
            found[key.strip().lower()] = value.strip().lower()
    return found


def _px(value: str, font: float) -> float:
    """A CSS length in px; ``em`` is relative to ``font``. Unknown units count as 0."""
    value = value.strip().removesuffix("!important").strip()
    match = re.fullmatch(r"(-?[\d.]+)(px|em|rem|pt)?", value)
    if not match:
        return 0.0
    number = float(match.group(1))
    unit = match.group(2) or "px"
    return {"px": number, "em": number * font, "rem": number * ROOM.font_px,
            "pt": number * 4 / 3}[unit]  # fmt: skip


def _box(value: str | None, font: float) -> tuple[float, float, float, float]:
    """CSS shorthand (``1em``, ``.4em .6em``, ...) as top, right, bottom, left in px."""
    if not value:
        return (0.0, 0.0, 0.0, 0.0)
    parts = [_px(v, font) for v in value.split()[:4]]
    if len(parts) == 1:
        return (parts[0],) * 4
    if len(parts) == 2:
        return (parts[0], parts[1], parts[0], parts[1])
    if len(parts) == 3:
        return (parts[0], parts[1], parts[2], parts[1])
    return (parts[0], parts[1], parts[2], parts[3])


def _border(style: dict[str, str], font: float) -> tuple[float, float]:
    """Border width: (top + bottom, left + right)."""
    width = 0.0
    for key in ("border", "border-width"):
        if key in style:
            lengths = [_px(v, font) for v in style[key].split() if re.match(r"[\d.]", v)]
            width = lengths[0] if lengths else width
    left = _px(style["border-left-width"], font) if "border-left-width" in style else width
    return (2 * width, width + left)


def _font(tag: Tag, font: float) -> float:
    size = _style(tag).get("font-size")
    if size:
        return _px(size, font) or font
    if tag.name in HEADINGS:
        return ROOM.heading_px[tag.name]
    return font


def _bold(tag: Tag, bold: bool) -> bool:
    weight = _style(tag).get("font-weight", "")
    if tag.name in HEADINGS or tag.name in ("strong", "b", "th", "summary"):
        return True
    if weight:
        return weight == "bold" or (weight.isdigit() and int(weight) >= 600)
    return bold


# --- Default spacing, as the deck's style sheet sets it ------------------------------------


def _margins(tag: Tag, font: float) -> float:
    """Vertical margins in px: inline ``margin`` wins, else the deck style sheet's value."""
    style = _style(tag)
    if "margin" in style:
        top, _, bottom, _ = _box(style["margin"], font)
        return max(top, 0) + max(bottom, 0)
    if tag.name in HEADINGS:
        return 0.4 * font
    if tag.name in ("p", "ul", "ol", "table", "figure", "pre", "blockquote", "dl"):
        return 0.5 * font
    if tag.name == "li":
        return 0.15 * font
    return 0.0


def _insets(tag: Tag, font: float) -> tuple[float, float]:
    """What a container adds around its content: (vertical px, horizontal px)."""
    style = _style(tag)
    top, right, bottom, left = _box(style.get("padding"), font)
    if tag.name in ("ul", "ol") and "padding-left" not in style and "padding" not in style:
        left = 1.5 * font
    if "padding-left" in style:
        left = _px(style["padding-left"], font)
    if tag.name in ("td", "th") and "padding" not in style:
        top, right, bottom, left = _box(".2em .5em", font)  # as the deck's style sheet sets
    border_v, border_h = _border(style, font)
    return (top + bottom + border_v, left + right + border_h)


# --- Heights --------------------------------------------------------------------------------


def _is_block(node: object) -> TypeGuard[Tag]:
    return isinstance(node, Tag) and node.name in BLOCK_TAGS


BOLD_MARK = "\x01"  # put before each word of bold inline text (<strong>) by _inline_text


def _text_lines(text: str, width: float, font: float, bold: bool) -> int:
    """Lines ``text`` wraps to: word by word, bold words wider, long addresses broken."""
    words = text.split()
    if not words:
        return 0
    normal, heavy = ROOM.glyph_em * font, ROOM.bold_glyph_em * font
    lines, used = 1, 0.0
    for word in words:
        glyph = heavy if (bold or word.startswith(BOLD_MARK)) else normal
        size = len(word.lstrip(BOLD_MARK)) * glyph
        while size > width:  # a long web address breaks anywhere (overflow-wrap)
            lines += 1 if used else 0
            size -= width
            used = width
        need = size + (normal if used else 0)
        if used and used + need > width:
            lines += 1
            used = size
        else:
            used += need
    return lines


def _svg_height(svg: Tag, width: float) -> float:
    w = _px(str(svg.get("width") or "0"), ROOM.font_px)
    h = _px(str(svg.get("height") or "0"), ROOM.font_px)
    if not (w and h) and svg.get("viewbox" if svg.get("viewbox") else "viewBox"):
        box = str(svg.get("viewBox") or svg.get("viewbox")).split()
        w, h = float(box[2]), float(box[3])
    if not (w and h):
        return float(ROOM.figure_max_px)
    return min(h * min(1.0, width / w), ROOM.figure_max_px)


def _line_height(tag: Tag, font: float) -> float:
    if tag.name in HEADINGS:
        return font * ROOM.heading_line_height
    value = _style(tag).get("line-height")
    if value:
        try:
            return font * float(value)
        except ValueError:
            return _px(value, font) or font * ROOM.line_height
    return font * ROOM.line_height


def measure(tag: Tag, width: float, font: float, bold: bool = False,
            line: float | None = None) -> float:  # fmt: skip
    """Estimated height of ``tag`` in px, margins included."""
    font = _font(tag, font)
    bold = _bold(tag, bold)
    line = _line_height(tag, font) if (line is None or tag.name in HEADINGS
                                       or "line-height" in _style(tag)) else line  # fmt: skip
    margins = _margins(tag, font)
    if tag.name == "svg":
        return _svg_height(tag, width) + margins
    if tag.name == "details":
        summary = tag.find("summary")
        return line + margins if summary else margins
    pad_v, pad_h = _insets(tag, font)
    inner = max(width - pad_h, 10 * font)
    if tag.name == "table":
        return _table_height(tag, inner, font, bold, line) + pad_v + margins
    if "sms-room-columns" in (tag.get("class") or []):
        columns = [c for c in tag.children if isinstance(c, Tag)]
        each = (inner - 0.8 * font * (len(columns) - 1)) / max(len(columns), 1)
        return max((measure(c, each, font, bold, line) for c in columns), default=0) + margins
    height = 0.0
    run: list[str] = []  # inline content between blocks

    def flush() -> None:
        nonlocal height
        text = "".join(run)
        breaks = text.count("\n\x00")
        height += (_text_lines(text.replace("\n\x00", " "), inner, font, bold) + breaks) * line
        run.clear()

    for child in tag.children:
        if _is_block(child):
            flush()
            height += measure(child, inner, font, bold, line)
        elif isinstance(child, Tag):
            if child.name == "br":
                run.append("\n\x00")
            elif child.name in ("style", "script"):
                continue
            else:
                run.append(_inline_text(child))
        elif isinstance(child, NavigableString) and not _is_comment(child):
            run.append(str(child))
    flush()
    return height + pad_v + margins


def _is_comment(node: NavigableString) -> bool:
    return type(node).__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction")


def _inline_text(tag: Tag, bold: bool = False) -> str:
    """Inline content as text; words in bold get ``BOLD_MARK``, line breaks a marker line."""
    if tag.name == "br":
        return "\n\x00"
    heavy = bold or _bold(tag, False)
    parts = []
    for node in tag.children:
        if isinstance(node, Tag):
            parts.append(_inline_text(node, heavy))
        elif isinstance(node, NavigableString) and not _is_comment(node):
            text = str(node)
            if heavy:
                marked = " ".join(BOLD_MARK + w for w in text.split())
                text = (
                    (" " if text[:1].isspace() else "")
                    + marked
                    + (" " if text[-1:].isspace() else "")
                )
            parts.append(text)
    return "".join(parts)


def _rows(table: Tag) -> list[Tag]:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _cells(tr: Tag) -> list[Tag]:
    return [c for c in tr.children if isinstance(c, Tag) and c.name in ("td", "th")]


def _column_widths(table: Tag, width: float, font: float) -> list[float]:
    """Column widths as a browser's automatic table layout roughly shares them out.

    Each column wants its longest cell on one line and needs at least its longest word;
    when the wants do not fit, the room left over goes by how much more each column wants.
    """
    glyph = ROOM.glyph_em * font
    want: list[float] = []
    need: list[float] = []
    for tr in _rows(table):
        for index, cell in enumerate(_cells(tr)):
            text = cell.get_text(" ", strip=True)
            pad = _insets(cell, font)[1] + 2
            longest = max((len(w) for w in text.split()), default=1)
            if index >= len(want):
                want.append(0.0)
                need.append(0.0)
            want[index] = max(want[index], len(text) * glyph + pad)
            need[index] = max(need[index], longest * glyph * 1.1 + pad)
    if not want:
        return []
    if sum(want) <= width:
        return want
    spare = max(width - sum(need), 0.0)
    extra = [w - n for w, n in zip(want, need, strict=True)]
    total = sum(extra) or 1.0
    return [n + spare * e / total for n, e in zip(need, extra, strict=True)]


def _row_height(tr: Tag, widths: list[float], font: float, bold: bool, line: float) -> float:
    cells = _cells(tr)
    tallest = _px(_style(tr).get("height", "0"), font)
    for index, cell in enumerate(cells):
        share = widths[index] if index < len(widths) else 5 * font
        tallest = max(tallest, measure(cell, share, font, bold, line))
    return tallest


def _table_height(table: Tag, width: float, font: float, bold: bool, line: float) -> float:
    widths = _column_widths(table, width, font)
    return sum(_row_height(tr, widths, font, bold, line) for tr in _rows(table))


# --- Leaves and pages ---------------------------------------------------------------------


@dataclass
class Leaf:
    """A block that stays whole on one slide, with the containers around it."""

    node: Tag
    path: tuple[Tag, ...]  # outermost first
    height: float
    keep_with_next: bool = False
    break_before: bool = False


@dataclass
class Flattened:
    leaves: list[Leaf]
    # What each container adds to a page it appears on (padding, border, margins, a
    # repeated table header), keyed by id() of the container.
    overhead: dict[int, float]


def _atomic(tag: Tag) -> bool:
    classes = set(tag.get("class") or [])
    if tag.name in ATOMIC_TAGS or tag.name in HEADINGS or classes & ATOMIC_CLASSES:
        return True
    if "sms-room-columns" in classes:
        return True
    if tag.name in ("ol", "ul"):
        items = tag.find_all("li", recursive=False)
        # A short list of short options (a quiz question's answers) stays together.
        return (
            len(items) <= 5
            and all(len(li.get_text(strip=True)) < 90 for li in items)
            and tag.get("type") == "A"
        )
    return not any(_is_block(c) for c in tag.children)


def _leads_in(tag: Tag) -> bool:
    """A heading, a question or a short bold line introduces what follows: keep them together."""
    if tag.name in HEADINGS or set(tag.get("class") or []) & KEEP_WITH_NEXT_CLASSES:
        return True
    if tag.name != "p":
        return False
    text = tag.get_text(" ", strip=True)
    strong = " ".join(s.get_text(" ", strip=True) for s in tag.find_all(["strong", "b"]))
    return 0 < len(text) <= 80 and (strong == text or text.endswith(":"))


def flatten(root: Tag, width: float = ROOM.text_width, font: float = ROOM.font_px) -> Flattened:
    """Split ``root``'s content into leaves; ``root`` itself is not a container of them."""
    out = Flattened([], {})
    _walk(root, (), width, font, False, None, out)
    return out


def _walk(tag: Tag, path: tuple[Tag, ...], width: float, font: float, bold: bool,
          line: float | None, out: Flattened) -> None:  # fmt: skip
    for child in tag.children:
        if isinstance(child, NavigableString):
            if str(child).strip() and not _is_comment(child):
                wrapper = BeautifulSoup("", "html.parser").new_tag("p")
                child.wrap(wrapper)  # loose text becomes a paragraph so it can be placed
                out.leaves.append(Leaf(wrapper, path, measure(wrapper, width, font, bold, line)))
            continue
        if not isinstance(child, Tag):  # bs4 children are text or tags: never reached
            continue
        if not _is_block(child):
            if child.name in ("style", "script"):
                out.leaves.append(Leaf(child, path, 0.0))
            elif child.get_text(strip=True):
                wrapper = BeautifulSoup("", "html.parser").new_tag("p")
                child.wrap(wrapper)
                out.leaves.append(Leaf(wrapper, path, measure(wrapper, width, font, bold, line)))
            continue
        if _atomic(child):
            classes = set(child.get("class") or [])
            out.leaves.append(
                Leaf(
                    child,
                    path,
                    measure(child, width, font, bold, line),
                    keep_with_next=_leads_in(child),
                    break_before="sms-room-break" in classes,
                )
            )
            continue
        child_font = _font(child, font)
        child_bold = _bold(child, bold)
        child_line = _line_height(child, child_font) if "line-height" in _style(child) else line
        pad_v, pad_h = _insets(child, child_font)
        overhead = pad_v + _margins(child, child_font)
        if child.name == "table":
            line_px = child_line or child_font * ROOM.line_height
            widths = _column_widths(child, width - pad_h, child_font)
            head = child.find("thead")
            if head is not None:  # repeated on every page the table continues on
                overhead += sum(_row_height(tr, widths, child_font, child_bold, line_px)
                                for tr in head.find_all("tr"))  # fmt: skip
            out.overhead[id(child)] = overhead
            for body in child.find_all(["tbody", "tfoot"], recursive=False) or [child]:
                inner_path = (*path, child) if body is child else (*path, child, body)
                for tr in body.find_all("tr", recursive=False):
                    height = _row_height(tr, widths, child_font, child_bold, line_px)
                    out.leaves.append(Leaf(tr, inner_path, height))
            continue
        out.overhead[id(child)] = overhead
        _walk(child, (*path, child), width - pad_h, child_font, child_bold, child_line, out)


def page_height(leaves: Iterable[Leaf], overhead: dict[int, float]) -> float:
    seen: set[int] = set()
    total = 0.0
    for leaf in leaves:
        total += leaf.height
        for container in leaf.path:
            if id(container) not in seen:
                seen.add(id(container))
                total += overhead.get(id(container), 0.0)
    return total


def paginate(flat: Flattened, first: float, rest: float) -> list[list[Leaf]]:
    """Greedy pages: the first may hold ``first`` px, every later one ``rest`` px.

    A leaf too tall for any page gets a page of its own (and the browser test reports it).
    A heading or question prompt moves on with the block after it.
    """
    pages: list[list[Leaf]] = [[]]
    leaves = flat.leaves
    for index, leaf in enumerate(leaves):
        page = pages[-1]
        budget = first if len(pages) == 1 else rest
        # A run of lead-ins (a question, then its bold answer) moves with what ends the run.
        end = index
        while end < min(index + 3, len(leaves) - 1) and leaves[end].keep_with_next:
            end += 1
        group = leaves[index : end + 1]
        fits = page_height([*page, *group], flat.overhead) <= budget
        if page and (leaf.break_before or not fits):
            pages.append([leaf])
        else:
            page.append(leaf)
    return [p for p in pages if p]


def render(page: list[Leaf]) -> str:
    """One page's HTML: its leaves inside copies of their containers."""
    soup = BeautifulSoup("", "html.parser")
    root = soup.new_tag("div")
    clones: dict[int, Tag] = {}
    for leaf in page:
        parent = root
        for container in leaf.path:
            clone = clones.get(id(container))
            if clone is None:
                clone = _shallow_copy(soup, container, leaf)
                clones[id(container)] = clone
                parent.append(clone)
            parent = clone
        parent.append(_deep_copy(leaf.node))
    return "".join(str(c) for c in root.children)


def _shallow_copy(soup: BeautifulSoup, container: Tag, first_leaf: Leaf) -> Tag:
    # bs4 takes list values (class) here, though its types say str.
    clone = soup.new_tag(container.name, attrs=dict(container.attrs))  # type: ignore[arg-type]
    if container.name == "ol" and first_leaf.node.name == "li":
        items = container.find_all("li", recursive=False)
        position = next((i for i, li in enumerate(items) if li is first_leaf.node), 0)
        start = int(str(container.get("start") or 1)) + position
        if start != 1:
            clone["start"] = str(start)
    if container.name == "table":
        head = container.find("thead")
        if head is not None:
            clone.append(_deep_copy(head))
    return clone


def _deep_copy(tag: Tag) -> Tag:
    return BeautifulSoup(str(tag), "html.parser").contents[0]  # type: ignore[return-value]


def fragment(html: str) -> Tag:
    """Parse an HTML fragment into a ``div`` to flatten."""
    soup = BeautifulSoup(f"<div>{html}</div>", "html.parser")
    return soup.div  # type: ignore[return-value]


def estimate(html: str, width: float = ROOM.text_width, font: float = ROOM.font_px) -> float:
    """Estimated height in px of an HTML fragment on a slide."""
    return measure(fragment(html), width, font)


def lines_per_page(room: Room = ROOM) -> int:
    return math.floor(room.budget / (room.font_px * room.line_height))


def room_css(room: Room = ROOM) -> str:
    """The deck's type and spacing: the numbers ``measure`` assumes, set for certain.

    Lab and reveal.js styles add padding and margins of their own (and reveal draws lists as
    inline blocks); these rules put every block on the spacing the estimate counts.
    """
    headings = "\n".join(
        f".reveal .jp-RenderedHTMLCommon {tag} {{ font-size: {px}px; line-height: "
        f"{room.heading_line_height}; margin: 0 0 .4em; }}"
        for tag, px in room.heading_px.items()
    )
    return f"""
.reveal .slides {{ text-align: left; }}
/* The stock theme shouts headings in capitals, which are slower to read. */
.reveal h1, .reveal h2, .reveal h3 {{ text-transform: none !important; }}
.reveal .jp-Cell, .reveal .jp-Cell-outputWrapper, .reveal .jp-Cell-inputWrapper,
.reveal .jp-OutputArea, .reveal .jp-OutputArea-child, .reveal .jp-OutputArea-output,
.reveal .jp-InputArea, .reveal .jp-RenderedHTMLCommon {{ padding: 0; margin: 0; }}
.reveal .jp-Collapser {{ display: none; }}
.reveal .jp-RenderedHTMLCommon {{ font-size: {room.font_px}px; line-height: {room.line_height}; }}
{headings}
.reveal .jp-RenderedHTMLCommon p {{ margin: 0 0 .5em; line-height: inherit; }}
.reveal .jp-RenderedHTMLCommon ul, .reveal .jp-RenderedHTMLCommon ol {{
  display: block; margin: 0 0 .5em; padding-left: 1.5em; }}
.reveal .jp-RenderedHTMLCommon li {{ margin: .15em 0; line-height: inherit; }}
.reveal .jp-RenderedHTMLCommon li > p {{ margin: 0; }}
.reveal .jp-RenderedHTMLCommon table {{ margin: 0 0 .5em; font-size: 1em; }}
.reveal .jp-RenderedHTMLCommon th, .reveal .jp-RenderedHTMLCommon td {{
  padding: .2em .5em; text-align: left; vertical-align: top; line-height: inherit; }}
.reveal .jp-RenderedHTMLCommon figure {{ margin: 0 0 .5em !important; }}
.reveal .jp-RenderedHTMLCommon svg[role="img"] {{
  max-height: {room.figure_max_px}px; width: auto; max-width: 100%; }}
.reveal .jp-RenderedHTMLCommon pre {{ font-size: .8em; margin: 0 0 .5em; white-space: pre-wrap;
  overflow-wrap: anywhere; }}
/* A slide that still overflows can be scrolled with the wheel rather than cut off. */
.reveal .slides section {{ overflow-y: auto; max-height: 100%; }}
"""
