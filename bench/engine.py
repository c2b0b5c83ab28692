"""assess() latency over a large random sample of valid profiles. Goal: p95 <= 50 µs."""

from __future__ import annotations

import random
import statistics
import time

from widgets.guidance import (
    AREAS,
    CONDITIONS,
    DEVICES,
    REGIONS,
    SEVERITIES,
    SYMPTOMS,
    Profile,
    assess,
)

TITLE = "Guidance engine: assess() latency"
SAMPLE = 50_000
GOAL_P95_US = 50.0


def random_profile(rng: random.Random) -> Profile:
    return Profile(
        region=rng.choice(list(REGIONS)),
        severity=rng.choice(list(SEVERITIES)),
        symptoms=rng.sample(list(SYMPTOMS), rng.randint(0, 3)),
        conditions=rng.sample(list(CONDITIONS), rng.randint(0, 2)),
        device=rng.choice(list(DEVICES)),
        areas=rng.sample(list(AREAS), rng.randint(1, 3)),
        intensity=rng.randint(1, 5),
        heat=rng.random() < 0.3,
        minutes=rng.randint(1, 60),
        sessions_per_day=rng.randint(1, 6),
    )


def run() -> None:
    rng = random.Random(20261123)
    profiles = [random_profile(rng) for _ in range(SAMPLE)]
    for p in profiles[:1000]:
        assess(p)  # warm-up
    timings = []
    clock = time.perf_counter_ns
    started = clock()
    for p in profiles:
        t0 = clock()
        assess(p)
        timings.append((clock() - t0) / 1000)
    total_s = (clock() - started) / 1e9
    q = statistics.quantiles(timings, n=100)
    p50, p95 = q[49], q[94]
    verdict = "meets" if p95 <= GOAL_P95_US else "MISSES"
    print(f"profiles: {SAMPLE}")
    print(f"assess() p50: {p50:.1f} µs   p95: {p95:.1f} µs   ({verdict} goal p95 <= 50 µs)")
    print(f"profiles per second: {SAMPLE / total_s:,.0f}")
