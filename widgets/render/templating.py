"""Jinja2 templates of the render floor (``widgets/render/templates/``), with autoescape on.

Every value a template prints is escaped unless it is already ``Markup`` (HTML this floor
built, such as a card). ``style(name)`` in a template is ``theme.style``: the theme stays the
one place for colours, fonts and sizes.

Two environments, with the same globals and the same autoescape:

- ``environment()`` (``render``): the worksheets, the live short boxes and the quiz and
  warning-sign widgets' HTML. Its output has the line breaks between tags taken out after
  rendering.
- ``exact_environment()`` (``render_exact``, ``macro_exact``, and ``svgfigure`` for the
  figures): the card, the warning signs, the answers list and the personal handout, which
  the explorer page also runs in the browser (Pyodide; its bundle ships Jinja2 and
  MarkupSafe, see ``widgets.tools.explorer.build``); the panels, options, stories and
  figures. Two differences, both so that these keep the exact bytes they had as
  standard-library builders (saved handouts and tests compare them): a template's own line
  breaks and indents are taken out of its *source* (``_JoinedLines``), so a value keeps its
  line breaks (a reader's notes, the handout's stylesheet); and values are escaped as
  ``html.escape`` escapes them (``&#x27;`` and ``&quot;``; MarkupSafe writes ``&#39;`` and
  ``&#34;``, which a browser reads the same).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from html import escape
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


class _JoinedLines(FileSystemLoader):
    """Templates whose lines are joined, each stripped, before Jinja2 reads them.

    A template is written over many lines for whoever reads it; what it prints is one line,
    as ``render`` gives, but only the template's own text loses its line breaks. Break lines
    at tags, never inside a ``{{ }}`` or ``{% %}``, and keep a space that must print inside a
    line (``</span> <span>``); print a line break as ``{{ "\\n" }}``.
    """

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        return "".join(line.strip() for line in source.splitlines()), filename, uptodate


def _escaped_as_stdlib(value: object) -> object:
    # Runs on every printed value before autoescape, which leaves Markup alone.
    return value if hasattr(value, "__html__") else Markup(escape(str(value)))


@cache
def exact_environment() -> Environment:
    """The environment of the templates the explorer page runs (see the module's docstring)."""
    env = Environment(
        loader=_JoinedLines(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_escaped_as_stdlib,
        # The templates are package data and do not change while a program runs: no disk
        # check of each template's time stamp on every card (the page redraws per change).
        auto_reload=False,
    )
    env.globals["style"] = _style
    return env


def render_exact(template: str, **context: object) -> str:
    """``template`` filled in with ``context`` by ``exact_environment()``, nothing taken out."""
    return exact_environment().get_template(template).render(**context)


def macro_exact(template: str, macro: str, *args: object, **kwargs: object) -> str:
    """One macro of ``template`` called with ``args`` and ``kwargs``, as ``render_exact`` does."""
    module = exact_environment().get_template(template).module
    return str(getattr(module, macro)(*args, **kwargs))


def html(text: str) -> Markup:
    """Mark HTML this floor built as safe to put into a template unescaped."""
    return Markup(text)
