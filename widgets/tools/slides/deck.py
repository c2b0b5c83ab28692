"""Regroup an executed notebook's cells into slides that fit: the rules, by cell metadata.

- A cell with ``slide_type`` "slide" (or, without metadata, a markdown cell starting ``## ``)
  starts a slide; "subslide" (or ``### ``) starts a follow-on slide; anything else without
  metadata belongs to the slide before it. "notes" cells are the speaker notes, "skip" cells go.
- Each slide's content is cut into as many pages as it needs (``fit``). Later pages repeat the
  heading with "(continued)" and carry the same speaker notes, so the presenter view is never
  empty. Pages are vertical follow-on slides; the deck steps through them with the arrow keys.
- Warning signs, the severity comparison and cards take their compact room form (``room``):
  a help section shows the signs on two slides, emergency then urgent; what to say and the
  "see a doctor soon" tier go to that section's speaker notes and to an appendix slide.
- Long asides leave the teaching flow for an appendix after the closing slide: every
  ``<details>`` (quiz answers, "Try this" answers, the answers behind a card) goes to
  "Answers", and the "Sources" sections (or any section whose heading cell is tagged
  ``slides-appendix``) follow it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

import nbformat
from bs4 import BeautifulSoup, Tag

from widgets.content.navigation import is_live_step
from widgets.render.liveform import ROOM_CLASS
from widgets.render.theme import MUTED_TEXT

from . import room
from .fit import ROOM, Flattened, estimate, flatten, fragment, paginate, render

APPENDIX_HEADINGS = frozenset({"Sources"})
APPENDIX_TAG = "slides-appendix"
ANSWERS_HEADING = "Answers"
# In the appendix of a deck that shows warning signs: what to say, and the "see a doctor soon" tier.
HELP_HEADING = "Getting help: what to say"
APPENDIX_LABEL = "Appendix: for after the session"
CONTINUED = " (continued)"


def slide_type(cell: nbformat.NotebookNode) -> str:
    """The cell's slide type; cells other helpers add without metadata get one by rule."""
    found = cell.metadata.get("slideshow", {}).get("slide_type")
    if found:
        return found
    text = cell.source.lstrip() if cell.cell_type == "markdown" else ""
    if text.startswith("## "):
        return "slide"
    if text.startswith("### "):
        return "subslide"
    if text.startswith("**Speaker notes.**"):
        return "notes"
    return "-"


@dataclass
class Group:
    """A slide or follow-on slide as the notebook plans it, before cutting to fit."""

    kind: str  # "slide" or "subslide"
    cells: list[nbformat.NotebookNode] = field(default_factory=list)
    notes: list[nbformat.NotebookNode] = field(default_factory=list)

    @property
    def heading(self) -> str:
        for cell in self.cells:
            if cell.cell_type == "markdown":
                first = cell.source.lstrip().splitlines()[0] if cell.source.strip() else ""
                if first.startswith("#"):
                    return first.lstrip("#").strip()
        return ""

    @property
    def appendix(self) -> bool:
        head = next((c for c in self.cells if c.cell_type == "markdown"), None)
        tagged = head is not None and APPENDIX_TAG in head.metadata.get("tags", [])
        return tagged or (self.kind == "slide" and self.heading in APPENDIX_HEADINGS)


def groups(cells: list[nbformat.NotebookNode]) -> list[Group]:
    found: list[Group] = []
    for cell in cells:
        kind = slide_type(cell)
        if kind == "skip" or is_live_step(cell):
            continue
        if kind in ("slide", "subslide") or not found:
            found.append(Group("slide" if not found else kind))
        if kind == "notes":
            found[-1].notes.append(cell)
        else:
            found[-1].cells.append(cell)
    return found


def sections(all_groups: list[Group]) -> list[list[Group]]:
    """Groups under each ``slide``: a section moves to the appendix as a whole."""
    found: list[list[Group]] = []
    for group in all_groups:
        if group.kind == "slide" or not found:
            found.append([])
        found[-1].append(group)
    return found


# --- A group's content as HTML pieces --------------------------------------------------------


@dataclass
class Answer:
    where: str  # the slide's heading
    context: str  # the question or prompt it answers, as plain text
    body: str  # HTML


def output_html(output: nbformat.NotebookNode) -> str:
    data = output.get("data", {})
    if "text/html" in data:
        return "".join(data["text/html"])
    if "image/svg+xml" in data:
        return "".join(data["image/svg+xml"])
    if "image/png" in data:
        return f'<img alt="" src="data:image/png;base64,{data["image/png"]}">'
    if output.get("output_type") == "stream":
        return f"<pre>{escape(''.join(output.get('text', '')))}</pre>"
    if "text/plain" in data:
        return f"<pre>{escape(''.join(data['text/plain']))}</pre>"
    return ""


def _context_for(details: Tag) -> str:
    """The question a ``<details>`` answers: the nearest paragraph before it."""
    for sibling in details.find_previous_siblings():
        if isinstance(sibling, Tag) and sibling.name == "p":
            return sibling.get_text(" ", strip=True)
    return ""


def _take_details(root: Tag, where: str, answers: list[Answer], previous: str) -> None:
    taken = 0
    for details in root.find_all("details"):
        if details.find_parent("details") is not None:
            continue
        summary = details.find("summary")
        label = summary.get_text(" ", strip=True) if summary else ""
        context = _context_for(details) or previous
        if summary is not None:
            summary.decompose()
        if label and label not in ("Answer", "Show the answer"):
            context = f"{context} {label}".strip() if context else label
        body = "".join(str(c) for c in details.contents).strip()
        answers.append(Answer(where, context, body))
        details.decompose()
        taken += 1
    if taken:
        pointer = BeautifulSoup(
            f'<p class="sms-room-pointer" style="margin:.3em 0;color:{MUTED_TEXT};font-size:.85em">'
            f"{'Answer' if taken == 1 else 'Answers'}: in the appendix at the end.</p>",
            "html.parser",
        )
        root.insert(0, pointer)  # before what it points from, so it never sits alone


def pieces(group: Group, markdown: Callable[[str], str], answers: list[Answer],
           warning_signs_shown: list[bool], section: str = "") -> list[str]:  # fmt: skip
    """The group's content as HTML, each cell's wrapped in a div (``fragment`` if planned so).

    ``section`` names the slide a follow-on slide without a heading belongs to: its answers
    are filed under that name in the appendix.
    """
    out: list[str] = []
    previous_text = ""
    for cell in group.cells:
        if cell.cell_type == "markdown":
            html = markdown(cell.source)
        elif cell.cell_type == "code":
            html = "".join(output_html(o) for o in cell.get("outputs", []))
        else:
            continue
        if not html.strip():
            continue
        root = fragment(html)
        for box in root.select(f".{ROOM_CLASS}"):  # a live slide's short box: rise.css only
            box.decompose()
        if room.is_warning_signs(root):
            if not warning_signs_shown[0]:
                room_left = ROOM.budget - estimate("".join(out)) if out else room.room_budget()
                out.extend(room.warning_sign_slides(room_left))
                warning_signs_shown[0] = True
            continue
        compare = root.select_one(".sms-compare")
        if compare is not None:
            columns = fragment(room.severity_columns(compare))
            compare.decompose()
            root.insert(0, columns)
            columns.unwrap()
        for card in root.select("section.sms-card"):
            if is_why_half(card):
                card.decompose()  # a room card shows no reasons (compact_card)
            else:
                room.compact_card(card)
        for box in root.select(".series-story"):
            if not box.get_text(strip=True):
                box.decompose()  # a story's part that held only that "why" half
        if not root.get_text(strip=True) and root.find(["img", "svg"]) is None:
            continue  # nothing left for the room to see
        for sheet in root.select(".sms-worksheet"):
            sheet.replace_with(fragment(room.worksheet_pointer(sheet)))
        for table in root.find_all("table"):
            if _too_wide(table):
                rows = room.wide_table_rows(table)
                if rows is not None:
                    table.replace_with(fragment(rows))
        # reveal.js takes every <section> for a slide of its own; cards and stories are boxes.
        for box in root.find_all("section"):
            box.name = "div"
            if box.has_attr("aria-label"):
                box["role"] = "group"
        _take_details(root, group.heading or section, answers, previous_text)
        text = root.get_text(" ", strip=True)
        previous_text = text if len(text) < 300 else previous_text
        wrapper_class = ' class="fragment"' if slide_type(cell) == "fragment" else ""
        out.append(f"<div{wrapper_class}>{root.decode_contents()}</div>")
    return out


def merge_compare_parts(cells: list[nbformat.NotebookNode]) -> list[nbformat.NotebookNode]:
    """The severity comparison shown one card per cell (for live slides), back in one cell.

    A notebook holds one comparison: the first cell with a ``.sms-compare`` gets every later
    one's cards, in order, and the later cells are left out. The deck then draws the three
    columns as for a comparison in one cell.
    """
    found = [(i, fragment(_cell_html(c))) for i, c in enumerate(cells) if _cell_html(c)]
    parts = [(i, root) for i, root in found if root.select_one(".sms-compare") is not None]
    if len(parts) < 2:
        return cells
    (first, root), rest = parts[0], parts[1:]
    target = root.select_one(".sms-compare")
    assert target is not None
    for _, other in rest:
        compare = other.select_one(".sms-compare")
        assert compare is not None
        for column in list(compare.children):
            target.append(column)
    merged = copy.deepcopy(cells[first])
    html = root.decode_contents()
    merged.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html})]
    dropped = {i for i, _ in rest}
    return [merged if i == first else c for i, c in enumerate(cells) if i not in dropped]


def is_why_half(card: Tag) -> bool:
    """A card cut for live slides down to its reasons (``cards.card_html`` part (2, 2)): no
    actions."""
    return card.select_one(".sms-card-actions") is None


def merge_card_halves(cells: list[nbformat.NotebookNode]) -> list[nbformat.NotebookNode]:
    """A card cut in two for live slides (what to do, then why), back in one cell.

    A cell whose card has no actions (the "why" half) joins the code cell before it, past the
    step line between them, so the deck sees the card and what follows it (the answers behind
    it, a story's question) as one piece, as when the card was one cell.
    """
    out: list[nbformat.NotebookNode] = []
    for cell in cells:
        root = fragment(_cell_html(cell)) if cell.cell_type == "code" else None
        card = root.select_one("section.sms-card") if root is not None else None
        if card is not None and is_why_half(card):
            steps = 0
            while steps < len(out) and is_live_step(out[-1 - steps]):
                steps += 1
            if steps < len(out) and out[-1 - steps].cell_type == "code":
                into = copy.deepcopy(out[-1 - steps])
                html = _cell_html(into) + _cell_html(cell)
                into.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html})]
                out[-1 - steps] = into
                continue
        out.append(cell)
    return out


def _cell_html(cell: nbformat.NotebookNode) -> str:
    if cell.cell_type != "code":
        return ""
    return "".join(output_html(o) for o in cell.get("outputs", []))


def _too_wide(table: Tag) -> bool:
    """Four or more columns with a row taller than half a slide: read it row by row."""
    columns = max((len(tr.find_all(["th", "td"], recursive=False)) for tr in table.find_all("tr")),
                  default=0)  # fmt: skip
    if columns < 4:
        return False
    flat = flatten(fragment(str(table)))
    return any(leaf.height > ROOM.budget / 2 for leaf in flat.leaves)


# --- Cutting a group into pages ---------------------------------------------------------------


def _continued_heading(heading: Tag) -> str:
    clone = BeautifulSoup(str(heading), "html.parser").contents[0]
    assert isinstance(clone, Tag)
    for anchor in clone.select("a.anchor-link"):
        anchor.decompose()
    if clone.has_attr("id"):
        del clone["id"]
    clone.append(CONTINUED)
    return str(clone)


def pages(html_pieces: list[str], reserve: float = 0.0, section: str = "") -> list[str]:
    """The group's pages as HTML; pages after the first repeat the heading, continued.

    A follow-on slide planned without a heading of its own (``section`` names the slide it
    follows) gets that slide's heading, continued, on every page. ``reserve`` is room kept on
    every page for a line added afterwards (the appendix label).
    """
    root = fragment("".join(html_pieces))
    flat: Flattened = flatten(root)
    if not flat.leaves:
        return []
    first = flat.leaves[0]
    heading = first.node if first.node.name in ("h1", "h2", "h3") else None
    if heading is None and section:
        inherited = fragment(f"<h2>{escape(section)}</h2>").h2
        assert inherited is not None
        continued = _continued_heading(inherited)
        first_budget = ROOM.budget - reserve - estimate(continued)
    else:
        continued = _continued_heading(heading) if heading is not None else ""
        first_budget = ROOM.budget - reserve
    heading_px = estimate(continued) if continued else 0.0
    cut = paginate(flat, first_budget, ROOM.budget - reserve - heading_px)
    html = [render(page) for page in cut]
    start = 0 if heading is None else 1
    html[start:] = [continued + page for page in html[start:]]
    return html


# --- The deck ---------------------------------------------------------------------------------


def _html_cell(html: str, kind: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source="", metadata={"slideshow": {"slide_type": kind}})
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html})]
    return cell


def _emit(group_pages: list[str], kind: str, notes: list[nbformat.NotebookNode],
          label: str = "") -> list[nbformat.NotebookNode]:  # fmt: skip
    cells: list[nbformat.NotebookNode] = []
    for number, page in enumerate(group_pages):
        cells.append(_html_cell(label + page, kind if number == 0 else "subslide"))
        for note in notes:
            # A fresh cell (and id) per page: the same notes on every page of the slide.
            metadata = {**copy.deepcopy(note.metadata), "slideshow": {"slide_type": "notes"}}
            cells.append(nbformat.v4.new_markdown_cell(note.source, metadata=metadata))
    return cells


def _answers_html(answers: list[Answer]) -> list[str]:
    items = []
    for answer in answers:
        context = f": {escape(answer.context)}" if answer.context else ""
        items.append(
            f'<div class="sms-room-answer">'
            f'<p class="sms-room-keep-next" style="margin:.4em 0 .2em">'
            f"<strong>{escape(answer.where)}</strong>{context}</p>{answer.body}</div>"
        )
    return [f"<h2>{ANSWERS_HEADING}</h2>", *items]


def room_notebook(
    nb: nbformat.NotebookNode, markdown: Callable[[str], str]
) -> nbformat.NotebookNode:
    """A copy of executed ``nb`` whose cells are one fitted page each, appendix last."""
    answers: list[Answer] = []
    teaching: list[nbformat.NotebookNode] = []
    appendix: list[nbformat.NotebookNode] = []
    signs_shown = False
    label = (
        f'<p class="sms-appendix" style="margin:0 0 .2em;color:{MUTED_TEXT};font-size:.8em">'
        f"{escape(APPENDIX_LABEL)}</p>"
    )
    for section in sections(groups(merge_card_halves(merge_compare_parts(nb.cells)))):
        into = appendix if section[0].appendix else teaching
        reserve = estimate(label) if into is appendix else 0.0
        # A follow-on slide planned without notes shows its section's: never an empty window.
        section_notes = [note for group in section for note in group.notes]
        shown = [False]  # once per section, however many follow-on slides it is planned as
        for group in section:
            before = shown[0]
            title = section[0].heading if group is not section[0] else ""
            made = pieces(group, markdown, answers, shown, section[0].heading)
            group_pages = pages(made, reserve, title)
            notes = group.notes or section_notes
            if shown[0] and not before:  # what to say and the routine tier, in full here
                signs_shown = True
                notes = [*notes, nbformat.v4.new_markdown_cell(room.notes_markdown())]
            into.extend(_emit(group_pages, group.kind, notes,
                              label if into is appendix else ""))  # fmt: skip
    front: list[nbformat.NotebookNode] = []
    if answers:
        answer_pages = pages(_answers_html(answers), estimate(label))
        front += _emit(answer_pages, "slide", [], label)
    if signs_shown:
        help_pieces = [f"<h2>{escape(HELP_HEADING)}</h2>", *room.say_and_routine_pieces(
            room.room_budget() - estimate(label))]  # fmt: skip
        front += _emit(pages(help_pieces, estimate(label)), "slide", [], label)
    appendix[:0] = front
    result = copy.copy(nb)
    result.cells = teaching + appendix
    return result
