"""Causal-map analysis on maps whose answers were worked out by hand."""

from __future__ import annotations

import pickle

import pytest

from workshop.analysis.causal import (
    FACTOR_KINDS,
    STRENGTHS,
    CausalMap,
    Factor,
    Link,
    Loop,
    MapError,
    find_loops,
    leverage,
    polarity_of,
    simulate,
    strength_of,
    to_digraph,
    weight_from,
)


def make_map(links: list[tuple[str, str, float]], extra: tuple[str, ...] = ()) -> CausalMap:
    """Factors in order of first appearance (label = upper-case key), then ``extra``."""
    keys: list[str] = []
    for source, target, _ in links:
        keys += [k for k in (source, target) if k not in keys]
    keys += [k for k in extra if k not in keys]
    return CausalMap(
        tuple(Factor(k, k.upper()) for k in keys),
        tuple(Link(s, t, w) for s, t, w in links),
    )


def summary(cmap: CausalMap, **kwargs: int) -> list[tuple[tuple[str, ...], str, int]]:
    return [(lp.members, lp.kind, lp.negative_links) for lp in find_loops(cmap, **kwargs).loops]


# ----------------------------------------------------------------- weights, helpers


def test_strength_helpers() -> None:
    assert FACTOR_KINDS == ("problem", "cause", "effect", "resource", "solution")
    assert STRENGTHS == {"weak": 0.25, "medium": 0.5, "strong": 1.0}
    assert weight_from(-1, "strong") == -1.0
    assert weight_from(1, "weak") == 0.25
    assert [strength_of(w) for w in (0.1, -0.3, 0.6, -0.8, 1.0)] == [
        "weak",
        "weak",
        "medium",
        "strong",
        "strong",
    ]
    assert strength_of(0.375) == "weak"  # exact tie goes to the weaker strength
    assert (polarity_of(0.25), polarity_of(-1.0), polarity_of(0.0)) == (1, -1, 0)
    assert Link("a", "b", -0.5).polarity == -1
    assert Link("a", "b", -0.5).strength == "medium"


@pytest.mark.parametrize(("polarity", "strength"), [(0, "weak"), (2, "weak"), (1, "huge")])
def test_weight_from_rejects_bad_input(polarity: int, strength: str) -> None:
    with pytest.raises(MapError) as err:
        weight_from(polarity, strength)
    assert err.value.key == "map.error.bad_weight"


# ---------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("factors", "links", "key", "params"),
    [
        (("a", "a"), [], "map.error.duplicate_factor", {"factor": "a", "index": 1}),
        (("a",), [("a", "x", 0.5)], "map.error.unknown_factor", {"factor": "x", "index": 0}),
        (("a", "b"), [("a", "b", 1), ("b", "b", 1)], "map.error.self_link", {"index": 1}),
        (
            ("a", "b"),
            [("a", "b", 1), ("b", "a", 1), ("a", "b", -1)],
            "map.error.duplicate_link",
            {"source": "a", "target": "b", "index": 2},
        ),
        (("a", "b"), [("a", "b", 0.0)], "map.error.bad_weight", {"index": 0}),
        (("a", "b"), [("a", "b", 1.5)], "map.error.bad_weight", {"weight": 1.5}),
        (("a", "b"), [("a", "b", -1.01)], "map.error.bad_weight", {"index": 0}),
        (("a", "b"), [("a", "b", float("nan"))], "map.error.bad_weight", {"index": 0}),
        (("a", "b"), [("a", "b", True)], "map.error.bad_weight", {"index": 0}),
    ],
)
def test_validate_errors(factors, links, key, params) -> None:
    cmap = CausalMap(tuple(Factor(k, k) for k in factors), tuple(Link(*ln) for ln in links))
    with pytest.raises(MapError) as err:
        cmap.validate()
    assert err.value.key == key
    assert params.items() <= err.value.params.items()
    assert isinstance(err.value, ValueError)


def test_validate_factor_kind_and_key() -> None:
    with pytest.raises(MapError) as err:
        CausalMap((Factor("a", "A", "villain"),)).validate()
    assert (err.value.key, err.value.params["kind"]) == ("map.error.bad_kind", "villain")
    with pytest.raises(MapError) as err:
        CausalMap((Factor("a", "A"), Factor(" ", "blank"))).validate()
    assert (err.value.key, err.value.params["index"]) == ("map.error.empty_key", 1)


def test_valid_map_and_error_pickles() -> None:
    cmap = make_map([("a", "b", 1.0), ("b", "a", -0.25)])
    assert cmap.validate() is cmap
    assert CausalMap().validate() == CausalMap()
    err = pickle.loads(pickle.dumps(MapError("map.error.self_link", factor="a")))
    assert (err.key, err.params) == ("map.error.self_link", {"factor": "a"})
    assert isinstance(err, MapError) and isinstance(err, ValueError)


def test_lists_are_frozen_into_tuples() -> None:
    cmap = CausalMap([Factor("a", "A")], [])  # type: ignore[arg-type]
    assert cmap.factors == (Factor("a", "A"),) and hash(cmap)


def test_to_digraph_attributes() -> None:
    graph = to_digraph(
        CausalMap(
            (Factor("a", "Jono", "problem"), Factor("b", "B")), (Link("a", "b", -0.25, delay=True),)
        )
    )
    assert graph.nodes["a"] == {"label": "Jono", "kind": "problem"}
    assert graph.edges["a", "b"] == {"weight": -0.25, "delay": True, "distance": 4.0}


# --------------------------------------------------------------------------- loops


def test_waiting_time_example_r_and_b_share_waiting() -> None:
    # No-shows waste appointment slots, so waiting grows (R); long queues trigger
    # extra clinics, which cut waiting (B).
    cmap = make_map(
        [
            ("wait", "frustration", 1.0),
            ("frustration", "noshow", 0.5),
            ("noshow", "wait", 0.5),
            ("wait", "extra", 0.25),
            ("extra", "wait", -1.0),
        ]
    )
    search = find_loops(cmap)
    assert not search.truncated and search.truncated_reasons == ()
    assert search.loops == (
        Loop(("extra", "wait"), "B", 1, 0.25),
        Loop(("frustration", "noshow", "wait"), "R", 0, 0.5),
    )


def test_r_and_b_loops_sharing_two_factors() -> None:
    cmap = make_map([("a", "b", 0.5), ("b", "c", 0.5), ("c", "a", 0.5), ("c", "b", -0.5)])
    assert summary(cmap) == [(("b", "c"), "B", 1), (("a", "b", "c"), "R", 0)]


def test_two_negative_links_make_a_reinforcing_loop() -> None:
    cmap = make_map([("z", "y", -1.0), ("y", "x", -0.5), ("x", "z", 0.25)])
    # Members start from the smallest key and follow the links: x -> z -> y -> x.
    assert summary(cmap) == [(("x", "z", "y"), "R", 2)]


def test_no_loops_in_a_tree() -> None:
    cmap = make_map([("a", "b", 1.0), ("a", "c", -1.0), ("b", "d", 0.5), ("c", "d", 0.5)])
    search = find_loops(cmap)
    assert search.loops == () and not search.truncated


def test_empty_map() -> None:
    assert find_loops(CausalMap()) == find_loops(CausalMap(), max_length=0, max_loops=0)
    assert find_loops(CausalMap()).loops == ()
    assert leverage(CausalMap()) == []
    scenario = simulate(CausalMap(), {})
    assert scenario.changes == () and scenario.converged and scenario.iterations == 0


def test_disconnected_map() -> None:
    cmap = make_map(
        [("a", "b", 1.0), ("b", "a", 1.0), ("p", "q", -0.5), ("q", "r", 1), ("r", "p", 1)],
        extra=("lonely",),
    )
    assert summary(cmap) == [(("a", "b"), "R", 0), (("p", "q", "r"), "B", 1)]
    scores = {s.key: s for s in leverage(cmap)}
    assert scores["lonely"].score == 0 and scores["lonely"].reasons == ()


def test_parallel_paths_give_one_loop_each() -> None:
    cmap = make_map([("a", "b", 1), ("a", "c", 1), ("b", "d", 1), ("c", "d", -1), ("d", "a", -1)])
    assert summary(cmap) == [(("a", "b", "d"), "B", 1), (("a", "c", "d"), "R", 2)]


def test_loop_details() -> None:
    cmap = CausalMap(
        tuple(Factor(k, k) for k in "abc"),
        (Link("a", "b", 0.5, delay=True), Link("b", "c", -0.25), Link("c", "a", 1.0)),
    )
    (loop,) = find_loops(cmap).loops
    assert loop == Loop(("a", "b", "c"), "B", 1, 0.25, delays=1)
    assert loop.length == 3 and loop.links == (("a", "b"), ("b", "c"), ("c", "a"))


def complete_map(n: int) -> CausalMap:
    keys = [f"k{i}" for i in range(n)]
    return make_map([(s, t, 1.0) for s in keys for t in keys if s != t])


def test_count_limit_keeps_the_shortest_loops() -> None:
    cmap = complete_map(5)  # 10 two-loops, 20 three-loops, 30 four-loops, 24 five-loops
    full = find_loops(cmap)
    assert len(full.loops) == 84 and not full.truncated
    cut = find_loops(cmap, max_loops=15)
    assert cut.truncated and cut.truncated_reasons == ("loops.truncated.max_loops",)
    assert cut.loops == full.loops[:15]
    assert [lp.length for lp in cut.loops] == [2] * 10 + [3] * 5
    exact = find_loops(cmap, max_loops=84)
    assert not exact.truncated and exact.loops == full.loops


def test_length_limit_is_reported_when_longer_loops_may_exist() -> None:
    ring = make_map([("a", "b", 1), ("b", "c", 1), ("c", "d", 1), ("d", "e", 1), ("e", "a", 1)])
    cut = find_loops(ring, max_length=4)
    assert cut.loops == () and cut.truncated
    assert cut.truncated_reasons == ("loops.truncated.max_length",)
    assert summary(ring, max_length=5) == [(("a", "b", "c", "d", "e"), "R", 0)]
    assert not find_loops(ring, max_length=5).truncated


def test_find_loops_validates() -> None:
    with pytest.raises(MapError):
        find_loops(CausalMap((Factor("a", "A"),), (Link("a", "a", 1.0),)))


# ------------------------------------------------------------------------ leverage


def test_driver_with_parallel_paths_ranks_first() -> None:
    # d drives a, b and c strongly; each passes a medium link on to outcome o.
    # weighted out: d 3, a/b/c 0.5 -> out shares 1 and 1/6.  reach: d 4/4, a/b/c 1/4.
    # betweenness: only d->o goes through a, b or c (3 equal paths), so each gets 1/3
    # of one pair; scaled to the maximum that is 1 for a, b and c.
    # score d = .30*1 + .25*1 = .55; a/b/c = .30*.25 + .25/6 + .25*1 = .366667; o = 0.
    cmap = make_map(
        [
            ("d", "a", 1.0),
            ("d", "b", 1.0),
            ("d", "c", 1.0),
            ("a", "o", 0.5),
            ("b", "o", 0.5),
            ("c", "o", 0.5),
        ]
    )
    ranked = leverage(cmap)
    assert [s.key for s in ranked] == ["d", "a", "b", "c", "o"]
    first = ranked[0]
    assert first.score == pytest.approx(0.55)
    assert first.reasons == (
        "leverage.reason.driver",
        "leverage.reason.high_out_influence",
        "leverage.reason.wide_reach",
    )
    assert (first.is_driver, first.is_outcome, first.in_degree, first.out_degree) == (
        True,
        False,
        0,
        3,
    )
    assert (first.weighted_out, first.centrality, first.reach) == (3.0, 3.0, 1.0)
    assert ranked[1].score == pytest.approx(0.075 + 0.25 / 6 + 0.25)
    assert ranked[1].reasons == ("leverage.reason.high_betweenness",)
    assert ranked[1].betweenness == pytest.approx(1 / 3 / 12)  # 1/((n-1)(n-2)) scaling
    outcome = ranked[-1]
    assert outcome.is_outcome and outcome.score == 0 and outcome.reasons == ()
    assert outcome.weighted_in == 1.5 and outcome.centrality == 1.5


def test_loop_gateway_beats_driver() -> None:
    # d -> a, d -> b strong; a <-> b loop (B); b -> o. Distances 1/|w|: d->o is shortest
    # via b (1 + 2) and a->o must pass b, so b holds all betweenness.
    # d = .30*1 + .25*1 = .55; b = .30*2/3 + .25*.5 + .25*1 + .20*1 = .775;
    # a = .30*2/3 + .25*.25 + .20*1 = .4625; o = 0.
    cmap = make_map(
        [
            ("d", "a", 1.0),
            ("d", "b", 1.0),
            ("a", "b", 0.5),
            ("b", "a", -0.5),
            ("b", "o", 0.5),
        ]
    )
    ranked = leverage(cmap)
    assert [(s.key, round(s.score, 6)) for s in ranked] == [
        ("b", 0.775),
        ("d", 0.55),
        ("a", 0.4625),
        ("o", 0.0),
    ]
    assert ranked[0].reasons == (
        "leverage.reason.high_out_influence",
        "leverage.reason.wide_reach",
        "leverage.reason.high_betweenness",
        "leverage.reason.in_many_loops",
    )
    assert ranked[0].loop_count == 1 and ranked[1].loop_count == 0


def test_leverage_uses_given_loop_search() -> None:
    cmap = complete_map(4)
    cut = find_loops(cmap, max_loops=1)  # only the loop (k0, k1)
    counts = {s.key: s.loop_count for s in leverage(cmap, loops=cut)}
    assert counts == {"k0": 1, "k1": 1, "k2": 0, "k3": 0}


def test_leverage_tie_break_is_by_key() -> None:
    cmap = make_map([("b", "a", 1.0), ("a", "b", 1.0)])
    assert [s.key for s in leverage(cmap)] == ["a", "b"]


# ---------------------------------------------------------------------- simulation


def chain() -> CausalMap:
    return make_map([("a", "b", 1.0), ("b", "c", -1.0)])


def test_push_up_start_of_chain() -> None:
    scenario = simulate(chain(), {"a": 1.0})
    change = {c.key: c for c in scenario.changes}
    assert scenario.converged and 1 < scenario.iterations < 100
    assert change["a"].clamped and change["a"].value == 1.0
    assert change["a"].change > 0 and change["b"].change > 0 and change["c"].change < 0
    assert [c.key for c in scenario.changes] == ["a", "b", "c"]  # most increased first
    for item in scenario.changes:
        assert item.change == pytest.approx(item.value - item.baseline)
    # Sigmoid fixed point of an unclamped source factor: x = 1 / (1 + e^-x).
    assert change["a"].baseline == pytest.approx(0.659046, abs=1e-3)


def test_push_down_flips_the_signs() -> None:
    change = {c.key: c.change for c in simulate(chain(), {"a": -1.0}).changes}
    assert change["a"] < 0 and change["b"] < 0 and change["c"] > 0


def test_tanh_push_up_and_no_clamp_means_no_change() -> None:
    change = {c.key: c.change for c in simulate(chain(), {"a": 1.0}, squash="tanh").changes}
    assert change["b"] > 0 and change["c"] < 0
    baseline = simulate(chain(), {})
    assert all(c.change == 0 and not c.clamped for c in baseline.changes)


def test_unconverged_run_is_reported() -> None:
    scenario = simulate(chain(), {"a": 1.0}, steps=2)
    assert not scenario.converged and scenario.iterations == 2


def test_downstream_only_effect() -> None:
    cmap = make_map([("a", "b", 1.0), ("c", "d", 1.0)])
    change = {c.key: c.change for c in simulate(cmap, {"b": 1.0}).changes}
    assert change["a"] == 0 and change["c"] == 0 and change["d"] == 0 and change["b"] > 0


@pytest.mark.parametrize(
    ("clamps", "key"),
    [
        ({"zz": 1.0}, "map.error.unknown_factor"),
        ({"a": 1.5}, "map.error.bad_clamp"),
        ({"a": float("inf")}, "map.error.bad_clamp"),
    ],
)
def test_bad_clamps(clamps: dict[str, float], key: str) -> None:
    with pytest.raises(MapError) as err:
        simulate(chain(), clamps)
    assert err.value.key == key


def test_bad_simulation_parameters() -> None:
    with pytest.raises(ValueError):
        simulate(chain(), {}, squash="relu")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        simulate(chain(), {}, steps=0)


def test_betweenness_treats_strong_links_as_short() -> None:
    # a reaches c via b over two weak links (distance 4 + 4) or via x over two strong
    # links (1 + 1): only x lies on the shortest path. Unweighted, both would share it.
    cmap = make_map([("a", "b", 0.25), ("b", "c", 0.25), ("a", "x", 1.0), ("x", "c", -1.0)])
    scores = {s.key: s for s in leverage(cmap)}
    assert scores["b"].betweenness == 0
    assert scores["x"].betweenness == pytest.approx(1 / 6)
    assert "leverage.reason.high_betweenness" in scores["x"].reasons
