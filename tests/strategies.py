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


def random_profiles(count: int, seed: int = 20261124) -> list[Profile]:
    """``count`` profiles drawn uniformly from the whole input space, the same every run.

    Hypothesis explores edges and shrinks failures; this gives the large fixed sample the
    safety case asks for (10,000 and more) in a fraction of a second.
    """
    import random

    rng = random.Random(seed)

    def some(vocabulary: dict[str, str], at_least: int = 0) -> frozenset[str]:
        # A mix of sparse and busy lists, so green, amber and red cards all turn up often.
        keys = list(vocabulary)
        chance = rng.choice((0.0, 0.04, 0.12, 0.3))
        while True:
            chosen = frozenset(k for k in keys if rng.random() < chance)
            if len(chosen) >= at_least:
                return chosen
            chance = max(chance, 0.3)

    return [
        Profile(
            region=rng.choice(list(REGIONS)),
            severity=rng.choice(list(SEVERITIES)),
            symptoms=some(SYMPTOMS),
            conditions=some(CONDITIONS),
            device=rng.choice(list(DEVICES)),
            areas=some(AREAS, at_least=1),
            intensity=rng.randint(*INTENSITY_RANGE),
            heat=rng.random() < 0.5,
            # Most people use a massager within the usual limits; the rest go anywhere.
            minutes=rng.randint(*(MINUTES_RANGE if rng.random() < 0.3 else (1, 20))),
            sessions_per_day=rng.randint(*(SESSIONS_RANGE if rng.random() < 0.3 else (1, 3))),
        )
        for _ in range(count)
    ]
