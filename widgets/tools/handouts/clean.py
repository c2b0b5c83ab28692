"""Turn an executed notebook into what a patient should see: pure functions on nbformat nodes.

Presenter-only cells go, widget outputs become their static ``text/html`` picture, and
everything that changes from run to run (timestamps, execution counts, widget model ids) is
dropped so two builds are byte-identical.
"""

from __future__ import annotations

import re

from nbformat import NotebookNode, from_dict

from widgets.content.navigation import ABOUT, is_live_step, is_nav, title_of

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"

ABOUT_PAGE = ABOUT.removesuffix(".md")  # its built page is ABOUT_PAGE.html

# A relative link to a notebook, in markdown "(x.ipynb)" or HTML href="x.ipynb#y".
_IPYNB_LINK = re.compile(r"(?P<stem>[\w.-]+)\.ipynb(?=[#)\"'\s]|$)")


class MissingStaticPicture(ValueError):
    """A widget output with no ``text/html`` picture: a handout would show nothing there."""


def link_notebooks_as_html(text: str) -> str:
    """Point links at the exported pages: ``02_x.ipynb#part`` becomes ``02_x.html#part``, and
    the "About this series" page (markdown beside the notebooks) becomes its built page."""
    text = text.replace(f"({ABOUT})", f"({ABOUT_PAGE}.html)")
    return _IPYNB_LINK.sub(r"\g<stem>.html", text)


def _static_output(output: NotebookNode, where: str) -> NotebookNode | None:
    """The output as a handout shows it, or None when it has nothing for a reader."""
    kind = output.output_type
    if kind == "stream":
        # Code cells print nothing by rule; stderr chatter (warnings) is not for patients.
        if output.name != "stdout":
            return None
        return from_dict({"output_type": "stream", "name": "stdout", "text": output.text})
    if kind == "error":
        raise ValueError(f"{where}: the cell raised {output.ename}: {output.evalue}")
    data = {k: v for k, v in output.get("data", {}).items() if k != WIDGET_STATE}
    if WIDGET_VIEW in data:
        if "text/html" not in data:
            raise MissingStaticPicture(
                f"{where}: a widget output has no text/html picture; give the widget a "
                "static _repr_mimebundle_ 'text/html' entry"
            )
        # The live widget needs a JavaScript manager from a CDN; the picture needs nothing.
        del data[WIDGET_VIEW]
    if "text/html" in data:
        data["text/html"] = link_notebooks_as_html(_joined(data["text/html"]))
    if not data:
        return None
    # execute_result carries an execution count; as display_data it renders the same without.
    return from_dict({"output_type": "display_data", "data": data, "metadata": {}})


def _joined(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


def patient_copy(nb: NotebookNode, stem: str, *, keep_nav: bool = True) -> NotebookNode:
    """A new notebook with only what a patient reads, in order, with nothing run-specific."""
    cells = []
    for index, cell in enumerate(nb.cells):
        tags = cell.get("metadata", {}).get("tags", [])
        if "remove-cell" in tags or is_live_step(cell) or (not keep_nav and is_nav(cell)):
            continue
        where = f"{stem}, cell {cell.get('id', index)}"
        # Only the tags stay: the export turns them into CSS classes (celltag_nav).
        base = {"id": cell.get("id", f"{stem}-{index}"), "metadata": {"tags": list(tags)}}
        if cell.cell_type == "markdown":
            cells.append({**base, "cell_type": "markdown",
                          "source": link_notebooks_as_html(cell.source)})  # fmt: skip
        elif cell.cell_type == "code":
            if "remove-output" in tags:
                continue
            outputs = [kept for out in cell.outputs if (kept := _static_output(out, where))]
            if outputs:  # a code cell without a picture would leave an empty box
                cells.append({**base, "cell_type": "code", "source": "",
                              "execution_count": None, "outputs": outputs})  # fmt: skip
    return from_dict({
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "title": title_of(nb, stem),
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
        "cells": cells,
    })  # fmt: skip
