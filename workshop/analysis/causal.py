"""Causal maps (kausaalikartat): validation, feedback loops, leverage and FCM scenarios.

A workshop group draws factors and signed, weighted links between them. This module turns
that drawing into answers the facilitator can discuss: which feedback loops exist and
whether they reinforce (R) or balance (B), which factors look like leverage points, and
what happens to every factor if the group pushes one factor up or down (a fuzzy cognitive
map simulation in the style of Mental Modeler).

Everything here is pure and deterministic: plain frozen dataclasses in, plain frozen
dataclasses out. User-facing text is never produced here, only message keys (``.key`` on
errors, ``reasons`` on leverage scores) that the UI translates.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Literal

import networkx as nx
import numpy as np

FACTOR_KINDS = ("problem", "cause", "effect", "resource", "solution")
STRENGTHS = {"weak": 0.25, "medium": 0.5, "strong": 1.0}

# Betweenness is O(n*m) with Dijkstra; above this many factors it is estimated from a
# fixed-seed sample of source factors so that a 500-factor map stays well under a second.
BETWEENNESS_EXACT_LIMIT = 200
BETWEENNESS_SAMPLES = 100
BETWEENNESS_SEED = 0

# Leverage score = weighted sum of components that are each scaled to [0, 1].
SCORE_WEIGHTS = {"reach": 0.30, "out": 0.25, "betweenness": 0.25, "loops": 0.20}
# A component counts as a "reason" when it is at least this share of the map's maximum.
REASON_SHARE = 0.5

LoopKind = Literal["R", "B"]
Squash = Literal["sigmoid", "tanh"]


class MapError(ValueError):
    """Invalid causal map. ``key`` is a message key, ``params`` fills its placeholders.

    Same shape as ``workshop.errors.DomainError`` (``message_for`` renders it), but a
    ``ValueError``. Link errors carry ``index`` (position in ``CausalMap.links``) and factor
    errors ``index`` into ``CausalMap.factors``, so importers can point at the file row.
    """

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(f"{key} {params}")

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (partial(type(self), self.key, **self.params), ())


@dataclass(frozen=True)
class Factor:
    key: str
    label: str
    kind: str = "cause"


@dataclass(frozen=True)
class Link:
    """Directed causal link; ``weight`` in [-1, 1], nonzero, its sign is the polarity."""

    source: str
    target: str
    weight: float
    delay: bool = False

    @property
    def polarity(self) -> int:
        return polarity_of(self.weight)

    @property
    def strength(self) -> str:
        return strength_of(self.weight)


def weight_from(polarity: int, strength: str) -> float:
    """Weight for a polarity (+1/-1) and a strength name from ``STRENGTHS``."""
    if polarity not in (1, -1) or strength not in STRENGTHS:
        raise MapError("map.error.bad_weight", polarity=polarity, strength=strength)
    return polarity * STRENGTHS[strength]


def strength_of(weight: float) -> str:
    """Nearest strength name for ``|weight|``; an exact tie goes to the weaker name."""
    magnitude = abs(weight)
    return min(STRENGTHS, key=lambda name: (abs(STRENGTHS[name] - magnitude), STRENGTHS[name]))


def polarity_of(weight: float) -> int:
    """+1 or -1 by the sign of ``weight`` (0 for a zero weight, which validation rejects)."""
    return (weight > 0) - (weight < 0)


@dataclass(frozen=True)
class CausalMap:
    factors: tuple[Factor, ...] = ()
    links: tuple[Link, ...] = ()

    def __post_init__(self) -> None:
        # Accept lists from callers but keep the map hashable and comparable.
        object.__setattr__(self, "factors", tuple(self.factors))
        object.__setattr__(self, "links", tuple(self.links))

    def validate(self) -> CausalMap:
        """Raise ``MapError`` for the first problem found; return ``self`` when valid."""
        keys = _validate_factors(self.factors)
        _validate_links(self.links, keys)
        return self


def _validate_factors(factors: Iterable[Factor]) -> set[str]:
    keys: set[str] = set()
    for index, factor in enumerate(factors):
        if not isinstance(factor.key, str) or not factor.key.strip():
            raise MapError("map.error.empty_key", index=index)
        if factor.kind not in FACTOR_KINDS:
            raise MapError("map.error.bad_kind", factor=factor.key, kind=factor.kind, index=index)
        if factor.key in keys:
            raise MapError("map.error.duplicate_factor", factor=factor.key, index=index)
        keys.add(factor.key)
    return keys


def _validate_links(links: Iterable[Link], keys: set[str]) -> None:
    seen: set[tuple[str, str]] = set()
    for index, link in enumerate(links):
        params = {"source": link.source, "target": link.target, "index": index}
        for end in (link.source, link.target):
            if end not in keys:
                raise MapError("map.error.unknown_factor", **params, factor=end)
        if link.source == link.target:
            raise MapError("map.error.self_link", **params, factor=link.source)
        if (link.source, link.target) in seen:
            raise MapError("map.error.duplicate_link", **params)
        if not _is_valid_weight(link.weight):
            raise MapError("map.error.bad_weight", **params, weight=link.weight)
        seen.add((link.source, link.target))


def _is_valid_weight(weight: object) -> bool:
    if isinstance(weight, bool) or not isinstance(weight, (int, float)):
        return False
    return math.isfinite(weight) and 0 < abs(weight) <= 1


def to_digraph(cmap: CausalMap) -> nx.DiGraph:
    """DiGraph with node attrs ``label``, ``kind`` and edge attrs ``weight``, ``delay``.

    Edges also get ``distance = 1/|weight|`` so that shortest-path measures treat a strong
    link as a short one.
    """
    graph = nx.DiGraph()
    for factor in cmap.factors:
        graph.add_node(factor.key, label=factor.label, kind=factor.kind)
    for link in cmap.links:
        graph.add_edge(
            link.source,
            link.target,
            weight=link.weight,
            delay=link.delay,
            distance=1.0 / abs(link.weight),
        )
    return graph


# --------------------------------------------------------------------------- loops


@dataclass(frozen=True)
class Loop:
    """A feedback loop; ``members`` in link order, starting from the smallest key."""

    members: tuple[str, ...]
    kind: LoopKind
    negative_links: int
    min_abs_weight: float
    delays: int = 0

    @property
    def length(self) -> int:
        return len(self.members)

    @property
    def links(self) -> tuple[tuple[str, str], ...]:
        ring = self.members
        return tuple((ring[i], ring[(i + 1) % len(ring)]) for i in range(len(ring)))


@dataclass(frozen=True)
class LoopSearch:
    """Loops sorted by (length, members).

    ``truncated`` is True when loops were or may have been left out; ``truncated_reasons``
    holds message keys: ``loops.truncated.max_loops`` (the count limit was hit; the loops
    returned are then exactly the first ``max_loops`` in sort order, i.e. the shortest) or
    ``loops.truncated.max_length`` (a strongly connected part of the map is larger than
    ``max_length``, so loops longer than the bound may exist but were not searched).
    """

    loops: tuple[Loop, ...]
    truncated: bool
    truncated_reasons: tuple[str, ...] = ()


def find_loops(cmap: CausalMap, max_length: int = 12, max_loops: int = 500) -> LoopSearch:
    """Every simple cycle up to ``max_length`` links, shortest first, at most ``max_loops``.

    Instead of ``nx.simple_cycles`` this runs a depth-first search per exact length with
    reachability pruning (bitsets). That finds the *shortest* loops first, so a truncated
    answer is a prefix of the full sorted list rather than an arbitrary subset, and it is
    fast enough for 500-factor maps. Cross-checked against ``nx.simple_cycles`` in tests.
    """
    cmap.validate()
    keys = sorted(f.key for f in cmap.factors)
    rank = {key: i for i, key in enumerate(keys)}
    by_pair = {(rank[ln.source], rank[ln.target]): ln for ln in cmap.links}
    succ, largest = _cyclic_successors(len(keys), by_pair)
    bound = min(max_length, largest)
    found = _cycles_shortest_first(succ, bound, max_loops + 1)
    reasons: list[str] = []
    if len(found) > max_loops:
        found = found[:max_loops]
        reasons.append("loops.truncated.max_loops")
    elif largest > max_length:
        reasons.append("loops.truncated.max_length")
    loops = tuple(_make_loop(cycle, keys, by_pair) for cycle in found)
    return LoopSearch(loops=loops, truncated=bool(reasons), truncated_reasons=tuple(reasons))


def _cyclic_successors(n: int, pairs: Iterable[tuple[int, int]]) -> tuple[list[list[int]], int]:
    """Sorted successor lists restricted to edges inside a strongly connected component.

    Edges between components can never be on a cycle, so dropping them prunes the search.
    Returns the lists and the size of the largest component with a cycle (0 if none).
    """
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(pairs)
    component = [0] * n
    largest = 0
    for number, members in enumerate(nx.strongly_connected_components(graph)):
        if len(members) > 1:
            largest = max(largest, len(members))
        for node in members:
            component[node] = number
    succ = [
        sorted(w for w in graph.successors(v) if component[w] == component[v]) for v in range(n)
    ]
    return succ, largest


def _cycles_shortest_first(succ: list[list[int]], bound: int, limit: int) -> list[tuple[int, ...]]:
    """Cycles (as rank tuples starting at their minimum) in (length, members) order."""
    found: list[tuple[int, ...]] = []
    succ_sets = [set(s) for s in succ]
    reach = [[1 << v for v in range(len(succ))]]  # reach[j][v]: bitset reachable in <= j
    for length in range(2, bound + 1):
        reach.append(_next_reach_level(reach[-1], succ))
        for start in range(len(succ)):
            if succ[start] and _search_from(start, length, succ, succ_sets, reach, found, limit):
                return found
    return found


def _next_reach_level(previous: list[int], succ: list[list[int]]) -> list[int]:
    level = []
    for v, targets in enumerate(succ):
        bits = 1 << v
        for w in targets:
            bits |= previous[w]
        level.append(bits)
    return level


def _search_from(
    start: int,
    length: int,
    succ: list[list[int]],
    succ_sets: list[set[int]],
    reach: list[list[int]],
    found: list[tuple[int, ...]],
    limit: int,
) -> bool:
    """Append cycles of exactly ``length`` whose smallest member is ``start``.

    Only visits nodes ranked above ``start`` and prunes any node from which ``start`` is
    not reachable in the remaining number of steps. Returns True once ``limit`` is hit.
    """
    path = [start]

    def extend(node: int, on_path: int) -> bool:
        remaining = length - len(path)
        if remaining == 0:
            if start in succ_sets[node]:
                found.append(tuple(path))
                return len(found) >= limit
            return False
        level = reach[remaining]
        for nxt in succ[node]:
            if nxt > start and not (on_path >> nxt) & 1 and (level[nxt] >> start) & 1:
                path.append(nxt)
                if extend(nxt, on_path | (1 << nxt)):
                    return True
                path.pop()
        return False

    return extend(start, 1 << start)


def _make_loop(
    cycle: tuple[int, ...], keys: list[str], by_pair: Mapping[tuple[int, int], Link]
) -> Loop:
    links = [by_pair[(cycle[i], cycle[(i + 1) % len(cycle)])] for i in range(len(cycle))]
    negative = sum(1 for link in links if link.weight < 0)
    return Loop(
        members=tuple(keys[i] for i in cycle),
        kind="B" if negative % 2 else "R",
        negative_links=negative,
        min_abs_weight=min(abs(link.weight) for link in links),
        delays=sum(1 for link in links if link.delay),
    )


def loop_counts(search: LoopSearch) -> dict[str, int]:
    """How many of the found loops pass through each factor."""
    counts: dict[str, int] = {}
    for loop in search.loops:
        for key in loop.members:
            counts[key] = counts.get(key, 0) + 1
    return counts


# ------------------------------------------------------------------------ leverage


@dataclass(frozen=True)
class LeverageScore:
    """Structural indicators of one factor and the resulting leverage score.

    ``centrality`` is Mental Modeler's degree centrality: ``weighted_in + weighted_out``.
    ``betweenness`` is normalised, over distances ``1/|weight|`` (strong links are short);
    above ``BETWEENNESS_EXACT_LIMIT`` factors it is a fixed-seed sampled estimate.
    ``reach`` is the share of the other factors reachable downstream.
    """

    key: str
    label: str
    kind: str
    in_degree: int
    out_degree: int
    weighted_in: float
    weighted_out: float
    centrality: float
    betweenness: float
    reach: float
    is_driver: bool
    is_outcome: bool
    loop_count: int
    score: float
    reasons: tuple[str, ...]


def leverage(cmap: CausalMap, loops: LoopSearch | None = None) -> list[LeverageScore]:
    """Factors ranked by leverage score, best first, ties broken by key.

    score = 0.30*reach + 0.25*out + 0.25*betweenness + 0.20*loops, each component scaled
    to [0, 1] by the map's maximum. Loop counts use ``loops`` (or a default
    ``find_loops``), so they only count the loops that search returned.
    """
    cmap.validate()
    if not cmap.factors:
        return []
    graph = to_digraph(cmap)
    counts = loop_counts(loops if loops is not None else find_loops(cmap))
    betweenness = _betweenness(graph)
    reach = _reach_shares(graph)
    w_in = {f.key: 0.0 for f in cmap.factors}
    w_out = dict(w_in)
    for link in cmap.links:
        w_out[link.source] += abs(link.weight)
        w_in[link.target] += abs(link.weight)
    measures = {
        f.key: {
            "in": w_in[f.key],
            "out": w_out[f.key],
            "betweenness": betweenness[f.key],
            "reach": reach[f.key],
            "loops": counts.get(f.key, 0),
        }
        for f in cmap.factors
    }
    peaks = {
        name: max(m[name] for m in measures.values()) for name in ("out", "betweenness", "loops")
    }
    scores = [_score_factor(f, graph, measures[f.key], peaks) for f in cmap.factors]
    return sorted(scores, key=lambda s: (-s.score, s.key))


def _score_factor(
    factor: Factor, graph: nx.DiGraph, measure: Mapping[str, float], peaks: Mapping[str, float]
) -> LeverageScore:
    parts = {
        "reach": measure["reach"],
        "out": _share(measure["out"], peaks["out"]),
        "betweenness": _share(measure["betweenness"], peaks["betweenness"]),
        "loops": _share(measure["loops"], peaks["loops"]),
    }
    in_degree, out_degree = graph.in_degree(factor.key), graph.out_degree(factor.key)
    is_driver = out_degree > 0 and in_degree == 0
    reasons = [
        key
        for key, on in (
            ("leverage.reason.driver", is_driver),
            ("leverage.reason.high_out_influence", parts["out"] >= REASON_SHARE),
            ("leverage.reason.wide_reach", parts["reach"] >= REASON_SHARE),
            ("leverage.reason.high_betweenness", parts["betweenness"] >= REASON_SHARE),
            ("leverage.reason.in_many_loops", parts["loops"] >= REASON_SHARE),
        )
        if on
    ]
    return LeverageScore(
        key=factor.key,
        label=factor.label,
        kind=factor.kind,
        in_degree=in_degree,
        out_degree=out_degree,
        weighted_in=measure["in"],
        weighted_out=measure["out"],
        centrality=measure["in"] + measure["out"],
        betweenness=measure["betweenness"],
        reach=measure["reach"],
        is_driver=is_driver,
        is_outcome=in_degree > 0 and out_degree == 0,
        loop_count=int(measure["loops"]),
        # Rounded so float noise cannot reorder factors whose scores are equal by hand.
        score=round(sum(SCORE_WEIGHTS[name] * value for name, value in parts.items()), 9),
        reasons=tuple(reasons),
    )


def _share(value: float, peak: float) -> float:
    return value / peak if peak > 0 else 0.0


def _betweenness(graph: nx.DiGraph) -> dict[str, float]:
    n = graph.number_of_nodes()
    sample = BETWEENNESS_SAMPLES if n > BETWEENNESS_EXACT_LIMIT else None
    seed = BETWEENNESS_SEED if sample else None
    return nx.betweenness_centrality(graph, k=sample, weight="distance", seed=seed)


def _reach_shares(graph: nx.DiGraph) -> dict[str, float]:
    """Share of other factors reachable from each factor, via the condensation DAG."""
    n = graph.number_of_nodes()
    dag = nx.condensation(graph)
    index = {node: i for i, node in enumerate(graph)}
    own = {c: _bits(index[v] for v in dag.nodes[c]["members"]) for c in dag}
    below: dict[int, int] = {}
    for comp in reversed(list(nx.topological_sort(dag))):
        bits = 0
        for nxt in dag.successors(comp):
            bits |= own[nxt] | below[nxt]
        below[comp] = bits
    shares = {}
    for comp in dag:
        members = dag.nodes[comp]["members"]
        reachable = below[comp].bit_count() + (len(members) - 1 if len(members) > 1 else 0)
        for node in members:
            shares[node] = reachable / (n - 1) if n > 1 else 0.0
    return shares


def _bits(indices: Iterable[int]) -> int:
    bits = 0
    for i in indices:
        bits |= 1 << i
    return bits


# ---------------------------------------------------------------------- simulation


@dataclass(frozen=True)
class FactorChange:
    key: str
    label: str
    baseline: float
    value: float
    change: float
    clamped: bool


@dataclass(frozen=True)
class Scenario:
    """FCM scenario. ``changes`` sorted by change, most increased first, then by key.

    Baseline and scenario run in lockstep for the same ``iterations``, so a factor the
    clamps cannot reach shows a change of exactly 0. ``converged`` is True when both
    reached a steady state (largest change per step below the tolerance) within ``steps``.
    """

    changes: tuple[FactorChange, ...]
    converged: bool
    iterations: int
    squash: str
    lambda_: float


def simulate(
    cmap: CausalMap,
    clamps: Mapping[str, float],
    steps: int = 100,
    tolerance: float = 1e-4,
    squash: Squash = "sigmoid",
    lambda_: float = 1.0,
    initial: float = 1.0,
) -> Scenario:
    """Fuzzy cognitive map scenario in the style of Mental Modeler.

    Both runs start with every factor at ``initial`` and iterate the modified Kosko rule
    ``A(t+1) = f(lambda * (A(t) + W^T A(t)))`` where ``W[i, j]`` is the weight of link
    i -> j. The scenario run holds each clamped factor at its value (in [-1, 1]; +1 "push
    up", -1 "push down") on every step. The answer is the steady-state difference to the
    unclamped baseline, which is what the group interprets ("what rises, what falls").
    """
    cmap.validate()
    _check_sim_params(steps, tolerance, squash, lambda_)
    index = {f.key: i for i, f in enumerate(cmap.factors)}
    fixed = _clamp_vector(clamps, index)
    run = _FcmRun.of(cmap, index, squash, lambda_)
    (base, value), converged, iterations = run.steady_state(fixed, steps, tolerance, initial)
    changes = [
        FactorChange(
            f.key, f.label, float(base[i]), float(value[i]), float(value[i] - base[i]), i in fixed
        )
        for i, f in enumerate(cmap.factors)
    ]
    changes.sort(key=lambda c: (-c.change, c.key))
    return Scenario(tuple(changes), converged, iterations, squash, lambda_)


def _check_sim_params(steps: int, tolerance: float, squash: str, lambda_: float) -> None:
    # Programming errors, not user input: plain ValueError without a message key.
    if steps < 1 or not tolerance > 0 or not lambda_ > 0:
        raise ValueError("steps must be >= 1, tolerance and lambda_ > 0")
    if squash not in ("sigmoid", "tanh"):
        raise ValueError(f"unknown squash function {squash!r}")


def _clamp_vector(clamps: Mapping[str, float], index: Mapping[str, int]) -> dict[int, float]:
    fixed: dict[int, float] = {}
    for key, value in clamps.items():
        if key not in index:
            raise MapError("map.error.unknown_factor", factor=key)
        if not isinstance(value, (int, float)) or not (math.isfinite(value) and -1 <= value <= 1):
            raise MapError("map.error.bad_clamp", factor=key, value=value)
        fixed[index[key]] = float(value)
    return fixed


@dataclass(frozen=True)
class _FcmRun:
    """Sparse FCM iteration, O(links) per step: row 0 is the baseline, row 1 the scenario."""

    n: int
    src: np.ndarray
    tgt: np.ndarray
    weights: np.ndarray
    squash: str
    lambda_: float

    @classmethod
    def of(cls, cmap: CausalMap, index: Mapping[str, int], squash: str, lambda_: float) -> _FcmRun:
        n = len(index)
        src = np.array([index[ln.source] for ln in cmap.links], dtype=np.intp)
        tgt = np.array([index[ln.target] for ln in cmap.links], dtype=np.intp)
        weights = np.array([ln.weight for ln in cmap.links], dtype=float)
        # Row 1's targets are offset by n so one bincount serves both runs.
        return cls(n, src, np.concatenate([tgt, tgt + n]), weights, squash, lambda_)

    def steady_state(
        self, fixed: Mapping[int, float], steps: int, tolerance: float, initial: float
    ) -> tuple[np.ndarray, bool, int]:
        if self.n == 0:
            return np.zeros((2, 0)), True, 0
        at = np.array(list(fixed), dtype=np.intp)
        held = np.array(list(fixed.values()), dtype=float)
        state = np.full((2, self.n), initial, dtype=float)
        state[1, at] = held
        for step in range(1, steps + 1):
            pushes = (state[:, self.src] * self.weights).ravel()
            incoming = np.bincount(self.tgt, weights=pushes, minlength=2 * self.n)
            nxt = self._squash(self.lambda_ * (state + incoming.reshape(2, self.n)))
            nxt[1, at] = held
            delta = float(np.max(np.abs(nxt - state)))
            state = nxt
            if delta < tolerance:
                return state, True, step
        return state, False, steps

    def _squash(self, x: np.ndarray) -> np.ndarray:
        if self.squash == "tanh":
            return np.tanh(x)
        return 0.5 * (1.0 + np.tanh(0.5 * x))  # logistic sigmoid without exp overflow
