"""Benchmark the causal-map analysis on a seeded random map of 500 factors and 2,000 links.

Run: ``.venv/bin/python bench/causal_analysis.py``. Each operation runs ``REPEATS`` times
and the median is reported; ``total_ms`` is the sum of the medians (one full analysis:
validate, loops, leverage reusing those loops, one scenario). The last line of output is
a single JSON object for scripts.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

FACTORS = 500
LINKS = 2000
SEED = 2024
REPEATS = 3


def random_map(factors: int = FACTORS, links: int = LINKS, seed: int = SEED) -> Any:
    from workshop.analysis.causal import FACTOR_KINDS, STRENGTHS, CausalMap, Factor, Link

    rng = random.Random(seed)
    keys = [f"f{i:03d}" for i in range(factors)]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < links:
        source, target = rng.sample(keys, 2)
        pairs.add((source, target))
    strengths = list(STRENGTHS.values())
    return CausalMap(
        tuple(Factor(k, f"Tekijä {k}", rng.choice(FACTOR_KINDS)) for k in keys),
        tuple(
            Link(s, t, rng.choice((-1, 1)) * rng.choice(strengths), rng.random() < 0.1)
            for s, t in sorted(pairs)
        ),
    )


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    """Median wall time in ms over ``REPEATS`` runs, and the last result."""
    times, result = [], None
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout
    from workshop.analysis.causal import find_loops, leverage, simulate

    cmap = random_map()
    validate_ms, _ = timed(cmap.validate)
    loops_ms, search = timed(lambda: find_loops(cmap))
    leverage_ms, ranked = timed(lambda: leverage(cmap, loops=search))
    clamps = {ranked[0].key: 1.0, ranked[1].key: -1.0}
    simulate_ms, scenario = timed(lambda: simulate(cmap, clamps))
    total_ms = validate_ms + loops_ms + leverage_ms + simulate_ms
    figures = {
        "bench": "causal_analysis",
        "factors": len(cmap.factors),
        "links": len(cmap.links),
        "validate_ms": round(validate_ms, 1),
        "loops_ms": round(loops_ms, 1),
        "loops_found": len(search.loops),
        "loops_truncated": search.truncated,
        "leverage_ms": round(leverage_ms, 1),
        "simulate_ms": round(simulate_ms, 1),
        "simulate_iterations": scenario.iterations,
        "simulate_converged": scenario.converged,
        "total_ms": round(total_ms, 1),
    }
    print(f"causal analysis, {FACTORS} factors, {LINKS} links (seed {SEED}), median of {REPEATS}")
    print(f"  validate   {validate_ms:8.1f} ms")
    print(
        f"  find_loops {loops_ms:8.1f} ms  {len(search.loops)} loops, "
        f"truncated: {search.truncated} {list(search.truncated_reasons)}"
    )
    print(f"  leverage   {leverage_ms:8.1f} ms  top: {ranked[0].key} ({ranked[0].score:.3f})")
    print(
        f"  simulate   {simulate_ms:8.1f} ms  {scenario.iterations} iterations, "
        f"converged: {scenario.converged}"
    )
    print(f"  total      {total_ms:8.1f} ms (target < 1000 ms)")
    print(json.dumps(figures, separators=(",", ":")))


if __name__ == "__main__":
    main()
