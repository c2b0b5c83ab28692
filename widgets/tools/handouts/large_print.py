"""Large print (``large-print/``): the same pages with body text of 16pt on paper.

The clinician guide promises large-print copies; these are the very pages of the standard
set, with one class on ``<body>`` that the stylesheet (``handout.css``) turns into 16pt body
text and larger headings. Same words, same pictures, same links: the folder mirrors the
standard one, so every relative link still leads to a page in large print.
"""

from __future__ import annotations

import re

_BODY = re.compile(r'<body class="(jp-Notebook handout[^"]*)"')


def add_body_class(html: str, name: str) -> str:
    """``html`` (a page made with the handout template) with ``name`` added to ``<body>``."""
    if len(_BODY.findall(html)) != 1:
        raise ValueError("not a handout page: it needs the handout template's <body>")
    return _BODY.sub(lambda m: f'<body class="{m.group(1)} {name}"', html, count=1)


def large_print(html: str) -> str:
    """``html`` (a page made with the handout template) in large print."""
    return add_body_class(html, "handout-large")
