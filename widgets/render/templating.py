"""Jinja2 templates of the render floor (``widgets/render/templates/``), with autoescape on.

Every value a template prints is escaped unless it is already ``Markup`` (HTML this floor
built, such as a card). ``style(name)`` in a template is ``theme.style``: the theme stays the
one place for colours, fonts and sizes.

Not for the card or anything the explorer page runs (``cards``, ``panels``, ``profile_text``,
``handout``): Pyodide's core has no Jinja2 (see ``widgets.render.cards``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from widgets.render.theme import style

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _style(name: str, **values: str) -> Markup:
    return Markup(style(name, **values))


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt name fails loudly instead of printing nothing
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals["style"] = _style
    return env


def render(template: str, **context: object) -> str:
    """``template`` (a file name under ``templates/``) filled in with ``context``.

    Line breaks between tags are taken out, so the HTML is one line, as the f-string
    builders made it: a notebook output or a table row never gets stray text nodes.
    """
    html = environment().get_template(template).render(**context)
    return "".join(line.strip() for line in html.splitlines())


def render_macro(template: str, macro: str, *args: object) -> str:
    """One macro of ``template`` (a file of macros) called with ``args``, as ``render`` does."""
    module = environment().get_template(template).module
    text = str(getattr(module, macro)(*args))
    return "".join(line.strip() for line in text.splitlines())


def html(text: str) -> Markup:
    """Mark HTML this floor built as safe to put into a template unescaped."""
    return Markup(text)
