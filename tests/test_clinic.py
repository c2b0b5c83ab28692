"""Clinic settings: a clinic's own numbers and words on every card, list and handout.

A UK clinic (en-GB: 999, NHS 111, A&E, GP) and a US clinic (en-US: 911, emergency room,
physical therapist) each get their own words everywhere a patient reads them, and never the
other country's. The neutral default is unchanged. A bad settings file fails with one line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
import textstat
from test_engine_readability import MAX_GRADE, SENTENCE_WORDS, engine_strings

from widgets import guidance as G
from widgets.content import clinic
from widgets.content.clinic import Clinic, ClinicSettingsError, load_clinic, localise, localise_html
from widgets.render import cards, handout, panels
from widgets.ui import redflags

ROOT = Path(__file__).resolve().parents[1]

UK = Clinic(
    name="Riverside Spine Clinic",
    phone="01632 960 123",
    website="https://www.example.org/spine",
    emergency_number="999",
    urgent_number="111",
    locale="en-GB",
)
US = Clinic(name="Lakeside Back Care", phone="(555) 010-2030", locale="en-US")

# Words that belong to one country: the other locale must never show them. Case-sensitive,
# whole words ("poo" is not in "poop").
UK_WORDS = ("A&E", "GP", "NHS", "999", "111", "physio", "poo", "pooing", "tumour", "coloured")
US_WORDS = (
    "emergency room", "911", "poop", "pooping", "physical therapist", "physical therapy",
    "primary care", "urgent care", "tumor", "colored",
)  # fmt: skip
# Neutral stand-ins that a clinic with its own numbers must never see.
NEUTRAL_ONLY = ("your emergency number", "emergency department", "urgent care service")


class _VisibleText(HTMLParser):
    """The words a reader sees: no styles, no citation marks, no source list (those hold
    publication titles such as "NHS ...", which are names, not wording)."""

    SKIP_CLASSES = frozenset({"sms-cite", "sources", "sms-sources"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[bool] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "meta", "link", "img", "input", "hr", "wbr"}:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skip = bool(self.stack and self.stack[-1]) or tag in {"style", "script"}
        self.stack.append(skip or not self.SKIP_CLASSES.isdisjoint(classes))

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(html: str) -> str:
    reader = _VisibleText()
    reader.feed(html)
    reader.close()
    return " ".join(" ".join(reader.parts).split())


def words_in(text: str, words: tuple[str, ...]) -> list[str]:
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]


def _profile(**changes: object) -> G.Profile:
    return replace(G.starting_profile(), **changes)


EMERGENCY = _profile(symptoms=frozenset({"saddle_numbness"}))
URGENT = _profile(symptoms=frozenset({"swollen_calf", "worsening_weakness"}))
AMBER = _profile(
    region="both",
    conditions=frozenset({"recent_spine_surgery", "cancer"}),
    symptoms=frozenset({"new_back_pain"}),
)


def _all_ticked(chosen: Clinic) -> str:
    checklist = redflags.RedFlagChecklist(clinic=chosen)
    for box in checklist.boxes.values():
        box.value = True
    labels = " ".join(box.description for box in checklist.boxes.values())
    return checklist.static_html() + checklist.panel.value + f"<p>{labels}</p>"


def surfaces(chosen: Clinic) -> dict[str, str]:
    """Everything a patient reads that this module localises, drawn for ``chosen``."""
    return {
        "red card": cards.card_html(G.assess(EMERGENCY), clinic=chosen),
        "urgent card": cards.card_html(G.assess(URGENT), clinic=chosen),
        "amber card": cards.card_html(G.assess(AMBER), clinic=chosen),
        "example card": panels.guidance_for(
            clinic=chosen, symptoms=frozenset({"bladder_bowel_changes"})
        ).html,
        "warning-sign panel": panels.help_now(clinic=chosen).html,
        "precautions": panels.precautions(clinic=chosen).html,
        "ask first": panels.ask_first(clinic=chosen).html,
        "placements": panels.placements(clinic=chosen).html,
        "checklist": _all_ticked(chosen),
        "red handout": handout.render_handout(EMERGENCY, name="Ann", clinic=chosen),
        "amber handout": handout.render_handout(AMBER, clinic=chosen),
    }


# ---------------------------------------------------------------------------
# A UK clinic and a US clinic
# ---------------------------------------------------------------------------


def test_a_uk_clinic_says_call_999_go_to_a_and_e_and_nhs_111():
    red = visible_text(cards.card_html(G.assess(EMERGENCY), clinic=UK))
    assert "Go to A&E now, or call 999." in red
    assert "Emergency: go to A&E or call 999 now." in red
    help_now = visible_text(panels.help_now(clinic=UK).html)
    assert "Contact your GP or NHS 111 today." in help_now
    assert "Call 999 now. These can be signs of a stroke." in help_now
    assert "See your GP or physio soon" in help_now


def test_a_us_clinic_says_call_911_and_the_emergency_room():
    red = visible_text(cards.card_html(G.assess(EMERGENCY), clinic=US))
    assert "Go to the emergency room now, or call 911." in red
    help_now = visible_text(panels.help_now(clinic=US).html)
    assert "Contact your doctor or urgent care today." in help_now
    assert "New trouble peeing or pooping" in help_now
    assert "See your doctor or physical therapist soon" in help_now
    assert "dark, tea-colored pee" in help_now


@pytest.mark.parametrize(
    "chosen, own, foreign",
    [(UK, ("999", "111", "A&E", "GP"), US_WORDS), (US, ("911", "emergency room"), UK_WORDS)],
    ids=["en-GB", "en-US"],
)
def test_every_surface_shows_the_locales_numbers_and_never_the_other_locales_words(
    chosen, own, foreign
):
    for where, html in surfaces(chosen).items():
        text = visible_text(html)
        assert words_in(text, foreign) == [], where
        assert words_in(text, NEUTRAL_ONLY) == [], where
    for where in ("red card", "warning-sign panel", "checklist", "red handout"):
        text = visible_text(surfaces(chosen)[where])
        assert words_in(text, own[:1]) == list(own[:1]), where  # the emergency number
    lists = visible_text(surfaces(chosen)["warning-sign panel"])
    assert words_in(lists, own) == list(own)


@pytest.mark.parametrize("chosen", [UK, US], ids=["en-GB", "en-US"])
def test_the_personal_handout_names_the_clinic_in_its_header_and_footer(chosen):
    page = handout.render_handout(AMBER, clinic=chosen)
    header = page.split("</header>")[0]
    footer = page.split("<footer>")[1]
    for part in (header, footer):
        assert chosen.name in part and chosen.phone in part
    assert chosen.website in header
    assert f'<html lang="{chosen.locale}">' in page


def test_a_clinic_that_names_only_its_emergency_number_gets_it_in_neutral_words():
    ireland = Clinic(emergency_number="112")
    text = visible_text(panels.help_now(clinic=ireland).html)
    assert "Call 112 now." in text and "your emergency number" not in text
    assert "emergency department" in text  # the neutral locale keeps its words


def test_the_sources_and_citation_marks_are_never_reworded():
    page = handout.render_handout(URGENT, clinic=US)
    sources = page.split('<ol class="sources">')[1].split("</ol>")[0]
    assert (
        sources
        == handout.render_handout(URGENT, clinic=clinic.DEFAULT)
        .split('<ol class="sources">')[1]
        .split("</ol>")[0]
    )
    assert "[nhs_dvt]" in page


# ---------------------------------------------------------------------------
# The default stays as it was; the engine stays pure
# ---------------------------------------------------------------------------


def test_the_shipped_clinic_toml_is_the_neutral_default():
    assert load_clinic(ROOT / "clinic.toml") == clinic.DEFAULT == Clinic()


def test_default_settings_change_no_engine_sentence():
    for text in engine_strings():
        assert localise(text, clinic.DEFAULT) is text


def test_default_output_is_byte_identical_to_output_with_no_localisation(monkeypatch):
    drawn = surfaces(clinic.DEFAULT)
    uk_card = surfaces(UK)["red card"]
    monkeypatch.setattr(clinic, "localise", lambda text, _clinic=None: text)
    monkeypatch.setattr(clinic, "localise_html", lambda html, _clinic=None: html)
    assert surfaces(clinic.DEFAULT) == drawn
    # The switch really took the localising layer out: a UK card now reads like the default.
    assert surfaces(UK)["red card"] == drawn["red card"] != uk_card


def test_the_engine_never_reads_the_settings(monkeypatch, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text('locale = "fr"\n', encoding="utf-8")
    monkeypatch.setenv("CLINIC", str(broken))
    assert G.assess(EMERGENCY).level is G.Level.RED  # assess() does not care
    assert "999" in cards.card_html(G.assess(EMERGENCY), clinic=UK)  # explicit settings win
    with pytest.raises(ClinicSettingsError, match=r"locale must be one of en, en-GB, en-US"):
        cards.card_html(G.assess(EMERGENCY))  # the render floor reads $CLINIC


def test_clinic_env_var_picks_another_file_and_a_changed_file_is_read_again(monkeypatch, tmp_path):
    chosen = tmp_path / "my-clinic.toml"
    chosen.write_text('locale = "en-US"\n', encoding="utf-8")
    monkeypatch.setenv("CLINIC", str(chosen))
    assert clinic.current() == Clinic(locale="en-US")
    assert "call 911" in cards.card_html(G.assess(EMERGENCY))
    chosen.write_text('locale = "en-GB"\nname = "Riverside Spine Clinic"\n', encoding="utf-8")
    assert clinic.current() == Clinic(locale="en-GB", name="Riverside Spine Clinic")
    monkeypatch.delenv("CLINIC")
    assert clinic.current() == clinic.DEFAULT


# ---------------------------------------------------------------------------
# Bad settings: one line naming the file, the key and what is allowed
# ---------------------------------------------------------------------------

BAD_SETTINGS = {
    "unknown key": ('colour = "blue"\n', ["'colour'", "allowed keys are name, phone"]),
    "a table": ('[clinic]\nname = "x"\n', ["'clinic'", "allowed keys are"]),
    "wrong type": ("phone = 999\n", ["phone must be text in quotes", 'phone = "01632']),
    "a list": ('name = ["a", "b"]\n', ["name must be text in quotes"]),
    "not a phone number": ('phone = "call us"\n', ["phone must be a phone number", "digits"]),
    "letters in a number": ('emergency_number = "9II"\n', ["emergency_number must be a phone"]),
    "too short": ('urgent_number = "1"\n', ["urgent_number must be a phone number"]),
    "unknown locale": ('locale = "fr"\n', ["locale must be one of en, en-GB, en-US", "'fr'"]),
    "locale left empty": ('locale = ""\n', ["locale must be one of en, en-GB, en-US"]),
    "bad website": ('website = "www.example.org"\n', ["website must be a web address"]),
    "two-line name": ('name = "a\\nb"\n', ["name must be one line"]),
    "not TOML": ('name = "unclosed\n', ["not valid TOML", "line 1"]),
    "a bare word": ("locale = en-GB\n", ["not valid TOML"]),
}


@pytest.mark.parametrize("case", list(BAD_SETTINGS))
def test_a_bad_settings_file_fails_with_one_line_naming_the_file_and_the_key(case, tmp_path):
    text, expected = BAD_SETTINGS[case]
    path = tmp_path / "clinic.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ClinicSettingsError) as caught:
        load_clinic(path)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 300
    assert message.startswith(f"{path}: ")
    for part in expected:
        assert part in message


def test_a_huge_value_is_not_echoed_whole(tmp_path):
    path = tmp_path / "clinic.toml"
    path.write_text(f'phone = "{"x" * 5000}"\n', encoding="utf-8")
    with pytest.raises(ClinicSettingsError) as caught:
        load_clinic(path)
    assert len(str(caught.value)) < 300


def test_a_missing_settings_file_named_by_clinic_fails_with_one_line(monkeypatch, tmp_path):
    monkeypatch.setenv("CLINIC", str(tmp_path / "nowhere.toml"))
    with pytest.raises(ClinicSettingsError, match=r"nowhere\.toml: cannot read") as caught:
        clinic.current()
    assert "\n" not in str(caught.value)


def test_settings_made_in_code_are_checked_too():
    with pytest.raises(ClinicSettingsError, match="emergency_number must be a phone number"):
        Clinic(emergency_number="nine-nine-nine")
    assert Clinic(phone="+44 (0)1632 960-123").phone == "+44 (0)1632 960-123"


def test_a_full_settings_file_loads(tmp_path):
    path = tmp_path / "clinic.toml"
    path.write_text(
        "# comments are fine\n"
        'name = "Riverside Spine Clinic"\nphone = "01632 960 123"\n'
        'website = "https://www.example.org/spine"\nemergency_number = "999"\n'
        'urgent_number = "111"\nlocale = "en-GB"\n',
        encoding="utf-8",
    )
    assert load_clinic(path) == UK


# ---------------------------------------------------------------------------
# How the words are changed
# ---------------------------------------------------------------------------


def test_replacements_are_whole_phrases_and_follow_a_capital_letter():
    assert localise("Emergency department staff", US) == "Emergency room staff"
    assert localise("poop and poo", UK) == "poo and poo"
    assert localise("poodle", US) == "poodle"
    assert localise("A&E or a&e", US).startswith("the emergency room")


def test_a_us_clinic_gets_one_word_where_the_neutral_text_explains_physio():
    text = "A physio (physiotherapist) can show you which moves suit you."
    assert localise(text, US) == "A physical therapist can show you which moves suit you."
    assert localise(text, UK) == text


def test_web_addresses_and_html_attributes_are_never_changed():
    url = "https://www.example.org/emergency-department/physio"
    assert localise(f"See {url} or the emergency department.", US) == (
        f"See {url} or the emergency room."
    )
    html = (
        '<p title="physio" class="sms-card"><a href="https://x.org/physio">physio</a> '
        '&amp; the emergency department<span class="sms-cite">[physio2020]</span></p>'
        "<style>.physio { color: red }</style>"
    )
    assert localise_html(html, UK) == html.replace("the emergency department", "A&amp;E")
    assert localise_html(html, US) == (
        '<p title="physio" class="sms-card"><a href="https://x.org/physio">physical therapy'
        "</a> &amp; the emergency room"
        '<span class="sms-cite">[physio2020]</span></p><style>.physio { color: red }</style>'
    )


@pytest.mark.parametrize("chosen", [UK, US, Clinic(urgent_number="0800 123 456")])
def test_localising_twice_changes_nothing_more(chosen):
    for text in engine_strings():
        once = localise(text, chosen)
        assert localise(once, chosen) == once


@pytest.mark.parametrize("chosen", [UK, US], ids=["en-GB", "en-US"])
def test_localised_engine_sentences_stay_at_grade_8_or_below(chosen):
    too_hard = {}
    for text in engine_strings():
        local = localise(text, chosen)
        grade = textstat.flesch_kincaid_grade(local)
        if len(local.split()) >= SENTENCE_WORDS and grade > MAX_GRADE:
            too_hard[local] = grade
    assert too_hard == {}


def test_a_relative_clinic_path_is_found_from_the_notebooks_folder(monkeypatch):
    # Kernels start in notebooks/; the path was given at the repository root.
    monkeypatch.chdir(ROOT / "notebooks")
    monkeypatch.setenv("CLINIC", "clinic.toml")
    assert clinic.settings_path() == ROOT / "clinic.toml"
    assert clinic.current() == clinic.DEFAULT
