"""The values step: a person says what matters most, it carries into "My plan", and it prints."""

from __future__ import annotations

from widgets.ui.myplan import MyPlan
from widgets.ui.values import (
    RATINGS,
    VALUES,
    ValuesExercise,
    printable_html,
    summary_text,
    values_sheet,
)


def test_nothing_is_summarised_until_the_person_chooses():
    exercise = ValuesExercise()
    assert exercise.ratings == {}
    assert "not marked anything" in exercise.summary.value
    assert summary_text(exercise.ratings) == ""


def test_what_matters_a_lot_is_named_back_in_the_persons_order_of_the_list():
    exercise = ValuesExercise()
    exercise.choices["avoid_surgery"].value = "A lot"
    exercise.choices["walk_further"].value = "A lot"
    exercise.choices["less_pain"].value = "A little"
    html = exercise.summary.value
    assert "Being able to walk further" in html and "Staying away from an operation" in html
    assert "Less pain" not in html
    assert html.index("walk further") < html.index("operation")


def test_the_values_step_never_recommends_an_option():
    text = " ".join(v.statement for v in VALUES).lower()
    for verdict in ("you should", "best choice", "we recommend"):
        assert verdict not in text


def test_the_printable_sheet_has_a_box_for_every_statement_and_rating():
    html = printable_html()
    assert html.count("☐") == len(VALUES) * len(RATINGS)
    assert "<script" not in html
    # A fresh widget exports the paper sheet, so a printed notebook can be filled in by hand.
    assert ValuesExercise()._repr_mimebundle_()["text/html"].count("☐") == len(VALUES) * 3
    assert values_sheet()._repr_html_() == html  # the notebook shows HTML, not a string


def test_what_matters_carries_into_the_saved_plan(tmp_path):
    plan = MyPlan(folder=tmp_path)
    plan.values.choices["do_it_myself"].value = "A lot"
    plan.notes.value = "Ask about a walking group."
    notes = plan.notes_with_values()
    assert notes.startswith("What matters most to me: something I can do myself, at home.")
    assert notes.endswith("Ask about a walking group.")
    saved = plan.save_plan()
    assert saved is not None and "something i can do myself" in saved.read_text().lower()


def test_a_plan_without_values_keeps_the_notes_as_written(tmp_path):
    plan = MyPlan(folder=tmp_path)
    plan.notes.value = "Only this."
    assert plan.notes_with_values() == "Only this."
