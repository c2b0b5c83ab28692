"""Hypothesis strategies over the whole space of valid profiles."""

from __future__ import annotations

from hypothesis import strategies as st

from widgets.guidance import (
    AREAS,
    CONDITIONS,
    DEVICES,
    INTENSITY_RANGE,
    MINUTES_RANGE,
    REGIONS,
    SESSIONS_RANGE,
    SEVERITIES,
    SYMPTOMS,
    Profile,
)

profiles = st.builds(
    Profile,
    region=st.sampled_from(list(REGIONS)),
    severity=st.sampled_from(list(SEVERITIES)),
    symptoms=st.frozensets(st.sampled_from(list(SYMPTOMS))),
    conditions=st.frozensets(st.sampled_from(list(CONDITIONS))),
    device=st.sampled_from(list(DEVICES)),
    areas=st.frozensets(st.sampled_from(list(AREAS)), min_size=1),
    intensity=st.integers(*INTENSITY_RANGE),
    heat=st.booleans(),
    minutes=st.integers(*MINUTES_RANGE),
    sessions_per_day=st.integers(*SESSIONS_RANGE),
)
