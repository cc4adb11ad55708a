"""Property tests: loops against networkx, invariants of leverage and simulation, round trips."""

from __future__ import annotations

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.analysis.causal import (
    FACTOR_KINDS,
    CausalMap,
    Factor,
    Link,
    find_loops,
    leverage,
    simulate,
    to_digraph,
)
from workshop.analysis.mapfiles import (
    factors_to_csv,
    from_csv,
    from_graphml,
    links_to_csv,
    to_graphml,
)

# No example database: the tests must not write files into the working tree.
FAST = settings(
    max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

weights = st.floats(min_value=-1, max_value=1, allow_nan=False).filter(lambda w: w != 0)


@st.composite
def causal_maps(draw, max_factors: int = 8, max_links: int = 24, keys=None) -> CausalMap:
    """Random valid maps of any density: distinct ordered pairs, no self-links.

    Factor order is shuffled so that the order in the map differs from key order.
    """
    names = draw(keys) if keys is not None else [f"f{i}" for i in range(max_factors)]
    count = draw(st.integers(0, min(max_factors, len(names))))
    chosen = draw(st.permutations(names))[:count]
    pairs = [(s, t) for s in chosen for t in chosen if s != t]
    size = draw(st.integers(0, min(len(pairs), max_links)))
    picked = draw(st.permutations(pairs))[:size] if pairs else []
    factors = tuple(
        Factor(k, draw(st.sampled_from(["A", "B"])), draw(st.sampled_from(FACTOR_KINDS)))
        for k in chosen
    )
    links = tuple(Link(s, t, draw(weights), draw(st.booleans())) for s, t in picked)
    return CausalMap(factors, links)


def canonical(cycle: list[str]) -> tuple[str, ...]:
    start = cycle.index(min(cycle))
    return tuple(cycle[start:] + cycle[:start])


@FAST
@given(causal_maps())
def test_every_loop_is_a_real_cycle_with_the_right_kind(cmap: CausalMap) -> None:
    weight = {(ln.source, ln.target): ln.weight for ln in cmap.links}
    for loop in find_loops(cmap).loops:
        members = loop.members
        assert len(set(members)) == len(members) >= 2
        assert members[0] == min(members)
        ring = [(members[i], members[(i + 1) % len(members)]) for i in range(len(members))]
        assert all(pair in weight for pair in ring)
        negative = sum(weight[pair] < 0 for pair in ring)
        assert loop.negative_links == negative
        assert loop.kind == ("B" if negative % 2 else "R")
        assert loop.min_abs_weight == min(abs(weight[pair]) for pair in ring)


@FAST
@given(causal_maps(), st.integers(0, 40))
def test_loops_match_networkx_and_truncation_is_honest(cmap: CausalMap, max_loops: int) -> None:
    expected = sorted(
        (canonical(c) for c in nx.simple_cycles(to_digraph(cmap))), key=lambda m: (len(m), m)
    )
    full = find_loops(cmap, max_loops=10_000)
    assert not full.truncated  # <= 8 factors: the length bound 12 cannot cut anything
    assert [lp.members for lp in full.loops] == expected
    cut = find_loops(cmap, max_loops=max_loops)
    assert cut.truncated == (len(expected) > max_loops)
    assert [lp.members for lp in cut.loops] == expected[:max_loops]


@FAST
@given(causal_maps(), st.integers(2, 5))
def test_length_bound_is_honest(cmap: CausalMap, max_length: int) -> None:
    cycles = [canonical(c) for c in nx.simple_cycles(to_digraph(cmap))]
    search = find_loops(cmap, max_length=max_length, max_loops=10_000)
    assert sorted(lp.members for lp in search.loops) == sorted(
        c for c in cycles if len(c) <= max_length
    )
    if any(len(c) > max_length for c in cycles):
        assert search.truncated and search.truncated_reasons == ("loops.truncated.max_length",)


@FAST
@given(causal_maps())
def test_leverage_invariants(cmap: CausalMap) -> None:
    ranked = leverage(cmap)
    assert sorted(s.key for s in ranked) == sorted(f.key for f in cmap.factors)
    assert ranked == sorted(ranked, key=lambda s: (-s.score, s.key))
    for score in ranked:
        assert 0 <= score.score <= 1 + 1e-9 and 0 <= score.reach <= 1
        assert score.is_driver == (score.in_degree == 0 < score.out_degree)
        assert score.is_outcome == (score.out_degree == 0 < score.in_degree)
        assert ("leverage.reason.driver" in score.reasons) == score.is_driver
        assert score.centrality == score.weighted_in + score.weighted_out


@FAST
@given(causal_maps(), st.data())
def test_simulation_invariants(cmap: CausalMap, data: st.DataObject) -> None:
    keys = [f.key for f in cmap.factors]
    clamped = data.draw(st.lists(st.sampled_from(keys), unique=True) if keys else st.just([]))
    clamps = {k: data.draw(st.sampled_from([0.0, 0.5, 1.0])) for k in clamped}
    squash = data.draw(st.sampled_from(["sigmoid", "tanh"]))
    scenario = simulate(cmap, clamps, squash=squash)
    assert sorted(c.key for c in scenario.changes) == sorted(keys)
    low = 0.0 if squash == "sigmoid" else -1.0
    for change in scenario.changes:
        assert change.clamped == (change.key in clamps)
        if change.clamped:
            assert change.value == clamps[change.key]
        assert low <= change.value <= 1 and low <= change.baseline <= 1
        assert abs(change.change - (change.value - change.baseline)) < 1e-12
    # Factors that no clamped factor can reach keep their baseline exactly.
    graph = to_digraph(cmap)
    touched = set(clamps).union(*(nx.descendants(graph, k) for k in clamps))
    assert all(c.change == 0 for c in scenario.changes if c.key not in touched)


# Text that survives both formats: no XML-invalid characters, no CR (XML turns it into
# LF), no surrounding whitespace (importers strip cells).
text = (
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
        | st.sampled_from(["\n", ";", ",", '"', "'", "=", "+", "-", "@", "ä", "<", "&"]),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)
key_lists = st.lists(text, unique=True, min_size=8, max_size=8)


@FAST
@given(causal_maps(keys=key_lists))
def test_graphml_round_trip_property(cmap: CausalMap) -> None:
    labelled = CausalMap(
        tuple(Factor(f.key, f.key[::-1], f.kind) for f in cmap.factors), cmap.links
    )
    assert from_graphml(to_graphml(labelled)) == labelled


@FAST
@given(causal_maps(keys=key_lists), st.sampled_from([";", ","]))
def test_csv_round_trip_property(cmap: CausalMap, delimiter: str) -> None:
    labelled = CausalMap(
        tuple(Factor(f.key, f.key[::-1], f.kind) for f in cmap.factors), cmap.links
    )
    back = from_csv(links_to_csv(labelled, delimiter), factors_to_csv(labelled, delimiter))
    assert back == labelled
