"""The Python the explorer page runs in the browser (Pyodide): answers in, card or handout out.

It imports only the engine, the content floor and the render floor (the standard library,
Jinja2 and MarkupSafe underneath), so the page ships those modules and no Jupyter. The
page's JavaScript only reads the form and shows what these functions return: every word of
advice comes from the same ``assess``, ``card_html`` and ``render_handout`` the notebooks
and the command line use.

The build copies this file into the page as a top-level module, so it must not import
anything from ``widgets.tools`` or ``widgets.ui``. It runs unchanged in CPython too, which is
how the tests get the card the page must show.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from widgets import guidance as G
from widgets.content.clinic import Clinic
from widgets.render.cards import card_html, example_title
from widgets.render.handout import MAX_FREE_TEXT, handout_filename, person_from_dict, render_handout

# How the form's answers are named in the error messages the page never shows a patient
# (the form cannot produce a bad answer); they help whoever changes the page.
_WHERE = "the explorer form"


@dataclass(frozen=True)
class Page:
    """The explorer page's Python side, for one clinic's settings."""

    clinic: Clinic

    @classmethod
    def from_json(cls, settings: str) -> Page:
        """The page for the clinic settings the build wrote into it (``Clinic`` fields)."""
        return cls(Clinic(**json.loads(settings)))

    def card_for(self, answers: str) -> str:
        """The guidance card for the form's answers (a JSON object of ``Profile`` fields).

        As in the notebook explorer, the starting answers are titled as an example, so a card
        the reader has not answered for never reads as a verdict on them.
        """
        profile = person_from_dict(json.loads(answers), _WHERE).profile
        title = example_title(profile) if profile == G.starting_profile() else None
        return card_html(G.assess(profile), title=title, clinic=self.clinic)

    def cards_for(self, answers_list: str) -> str:
        """``card_for`` of each answers object in a JSON list, as a JSON list (one call from
        the page for many profiles: the parity test and the benchmark use it)."""
        return json.dumps([self.card_for(json.dumps(item)) for item in json.loads(answers_list)])

    def handout_for(self, answers: str) -> str:
        """The personal handout ("Save my plan") for the answers plus optional ``name`` and
        ``notes``: JSON with the page's ``html`` and the ``filename`` to save it as.

        The same ``render_handout`` as ``python -m widgets.render.handout``; as on a server,
        the name stays out of the file name.
        """
        data = json.loads(answers)
        for extra in ("name", "notes"):
            if isinstance(data.get(extra), str):
                data[extra] = data[extra][:MAX_FREE_TEXT]
        person = person_from_dict(data, _WHERE)
        html = render_handout(
            person.profile, name=person.name, notes=person.notes, clinic=self.clinic
        )
        return json.dumps({"html": html, "filename": handout_filename()})
