"""Plain HTML for a person's answers and the frames around panels: shared by the static
panels, the personal handout, the notebook widgets and the explorer page.

No ipywidgets here (the render floor): the labels a widget shows come from this module, so the
page without Python and the notebook ask the same questions in the same words. The HTML is
``templates/profile.html.j2`` (``templating.exact_environment()``, autoescaped; the explorer
page runs it too: see ``widgets.render.cards``).
"""

from __future__ import annotations

from widgets import guidance as G
from widgets.render.templating import html, macro_exact

PROFILE = "profile.html.j2"

# Plain words for each field, so nobody has to read a variable name.
FIELD_LABELS: dict[str, str] = {
    "region": "Where the narrowing is",
    "severity": "How bad it is",
    "symptoms": "Symptoms you have now",
    "conditions": "Your health",
    "device": "Type of massager",
    "areas": "Where you would use it",
    "intensity": "Strength (1 = lowest setting, 5 = highest)",
    "minutes": "Minutes each time",
    "sessions_per_day": "Times a day",
    "heat": "Heat turned on",
}

NO_AREA_MESSAGE = "Tick at least one place where you would use the massager to see the guidance."


def short_label(text: str) -> str:
    """'Mild: symptoms only after ...' -> 'Mild' (the engine writes label first)."""
    return text.split(":", 1)[0]


def box_html(inner: str, *, css_class: str = "sms-panel") -> str:
    """A neutral, self-contained frame around some HTML."""
    return macro_exact(PROFILE, "box", html(inner), css_class)


def note_html(text: str) -> str:
    """A short line of UI text (never advice), escaped."""
    return macro_exact(PROFILE, "note", text)


def profile_summary_html(profile: G.Profile, *, leave_out: frozenset[str] = frozenset()) -> str:
    """The person's answers in plain words, from the engine's vocabulary.

    ``leave_out`` names Profile fields not to list, e.g. severity where a view varies it.
    """

    def names(keys: frozenset[str], labels: dict[str, str]) -> str:
        chosen = [labels[key] for key in labels if key in keys]
        return "; ".join(chosen) if chosen else "None ticked"

    rows = [
        (FIELD_LABELS["region"], G.REGIONS[profile.region]),
        *(
            []
            if "severity" in leave_out
            else [(FIELD_LABELS["severity"], G.SEVERITIES[profile.severity])]
        ),
        (FIELD_LABELS["symptoms"], names(profile.symptoms, G.SYMPTOMS)),
        (FIELD_LABELS["conditions"], names(profile.conditions, G.CONDITIONS)),
        (FIELD_LABELS["device"], G.DEVICES[profile.device]),
        (FIELD_LABELS["areas"], names(profile.areas, G.AREAS)),
        (
            "How you would use it",
            f"strength {profile.intensity} of {G.INTENSITY_RANGE[1]}, "
            f"{profile.minutes} minutes each time, {profile.sessions_per_day} "
            f"{'time' if profile.sessions_per_day == 1 else 'times'} a day, "
            f"heat {'on' if profile.heat else 'off'}",
        ),
    ]
    return macro_exact(PROFILE, "answers", rows)


def muted(text: str) -> str:
    return macro_exact(PROFILE, "muted", text)
