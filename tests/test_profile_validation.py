"""Bad input is refused with a message that names the field, the value and what is allowed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from widgets.guidance import starting_profile

GOOD = starting_profile()


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        (
            "region",
            "thoracic",
            "region must be one of lumbar, cervical, both, not_sure; got 'thoracic'",
        ),
        ("region", None, "region must be one of lumbar, cervical, both, not_sure; got None"),
        ("severity", "extreme", "severity must be one of mild, moderate, severe; got 'extreme'"),
        ("severity", 3, "severity must be one of mild, moderate, severe; got 3"),
        ("device", "laser", "device must be one of percussion, shiatsu, vibration, manual"),
        ("symptoms", {"headache"}, "symptoms must contain only leg_pain, numbness"),
        ("symptoms", "leg_pain", "symptoms must be a set, list or tuple of"),
        ("symptoms", None, "symptoms must be a set, list or tuple of"),
        ("conditions", ["diabetes"], "conditions must contain only blood_thinners"),
        ("conditions", "pregnancy", "conditions must be a set, list or tuple of"),
        ("areas", {"feet"}, "areas must contain only neck, upper_back, lower_back"),
        ("areas", set(), "areas must name at least one of neck"),
        ("areas", "neck", "areas must be a set, list or tuple of"),
        ("intensity", 0, "intensity must be a whole number from 1 to 5; got 0"),
        ("intensity", 6, "intensity must be a whole number from 1 to 5; got 6"),
        ("intensity", 2.5, "intensity must be a whole number from 1 to 5; got 2.5"),
        ("intensity", True, "intensity must be a whole number from 1 to 5; got True"),
        ("intensity", "3", "intensity must be a whole number from 1 to 5; got '3'"),
        ("minutes", 0, "minutes must be a whole number from 1 to 60; got 0"),
        ("minutes", 61, "minutes must be a whole number from 1 to 60; got 61"),
        ("sessions_per_day", 0, "sessions_per_day must be a whole number from 1 to 6; got 0"),
        ("sessions_per_day", 7, "sessions_per_day must be a whole number from 1 to 6; got 7"),
        ("heat", "yes", "heat must be one of True, False; got 'yes'"),
        ("heat", 1, "heat must be one of True, False; got 1"),
    ],
)
def test_bad_input_names_the_field_the_value_and_the_allowed_values(field, bad, message):
    with pytest.raises(ValueError) as caught:
        replace(GOOD, **{field: bad})
    assert message in str(caught.value)


def test_a_missing_field_is_an_error_not_a_silent_default():
    fields = GOOD.to_dict()
    del fields["severity"]
    with pytest.raises(TypeError, match="severity"):
        type(GOOD)(**fields)


def test_values_at_the_edges_of_each_range_are_accepted():
    for intensity, minutes, sessions in [(1, 1, 1), (5, 60, 6)]:
        p = replace(GOOD, intensity=intensity, minutes=minutes, sessions_per_day=sessions)
        assert (p.intensity, p.minutes, p.sessions_per_day) == (intensity, minutes, sessions)
