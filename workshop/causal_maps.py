"""Causal maps (kausaalikartat) stored in the database, and their analysis.

A map belongs to a workshop. It may start from the critical points of service paths: each
critical point becomes a factor that remembers its step. Factors have a kind and a stored
position; links have a weight in [-1, 1] (sign = polarity, size = strength) and a delay mark.

Factor labels are unique within a map (ignoring case), so the label is the factor's key in
the pure :class:`~workshop.analysis.causal.CausalMap` used for analysis and in exported
files. Duplicates and self-links are refused with the analysis module's message keys.

Participants propose factors and links from a ``causal_map`` activity while it is open; the
facilitator edits, hides and removes them. Removing withdraws (kept, shown to nobody) and a
removed factor takes its links with it. Hidden factors and links stay out of the analysis.

Positions are computed once (spring layout with a fixed seed) and stored; new factors are
placed around the existing ones, which do not move.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath

import networkx as nx
import numpy as np
from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workshop.access import (
    Actor,
    ParticipantActor,
    require_facilitator,
    require_item,
    require_workshop,
)
from workshop.analysis import causal
from workshop.analysis.causal import CausalMap, Factor, Link, MapError
from workshop.analysis.mapfiles import (
    MapFileError,
    decode_text,
    factors_to_csv,
    from_csv,
    from_graphml,
    links_to_csv,
    to_graphml,
)
from workshop.analysis.report import CSV_SUFFIXES, GRAPHML_SUFFIXES
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.i18n import t
from workshop.meetings import bump_revision
from workshop.model_maps import CausalMapRecord, MapFactor, MapLink
from workshop.model_paths import PathStep, ServicePath
from workshop.paths import Write, existing_key, insert, save, writer
from workshop.text import MEDIUM, SHORT, clean_choice, clean_name, clean_text

ACTIVITY = "causal_map"
FACTOR_KINDS = causal.FACTOR_KINDS
STRENGTHS = tuple(causal.STRENGTHS)  # weak, medium, strong
MAX_LABEL = 120
MAX_FACTORS = 500
MAX_LINKS = 2000
LAYOUT_SEED = 7
SPRING_LIMIT = 300  # larger maps start on a circle (the spring layout gets slow)


@dataclass(frozen=True)
class FactorView:
    id: int
    label: str
    kind: str
    x: float
    y: float
    step_id: int | None
    version: int
    hidden: bool
    proposed: bool  # written by a participant


@dataclass(frozen=True)
class LinkView:
    id: int
    source_id: int
    target_id: int
    weight: float
    delay: bool
    version: int
    hidden: bool
    proposed: bool

    @property
    def polarity(self) -> int:
        return causal.polarity_of(self.weight)

    @property
    def strength(self) -> str:
        return causal.strength_of(self.weight)


@dataclass(frozen=True)
class MapView:
    id: int
    workshop_id: int
    title: str
    description: str
    version: int
    agenda_item_id: int | None
    factors: tuple[FactorView, ...]
    links: tuple[LinkView, ...]

    def factor(self, factor_id: int) -> FactorView:
        return next(f for f in self.factors if f.id == factor_id)

    @property
    def active_factors(self) -> tuple[FactorView, ...]:
        """Factors that count in the analysis (not hidden)."""
        return tuple(f for f in self.factors if not f.hidden)

    @property
    def active_links(self) -> tuple[LinkView, ...]:
        shown = {f.id for f in self.active_factors}
        return tuple(ln for ln in self.links
                     if not ln.hidden and ln.source_id in shown and ln.target_id in shown)

    def to_causal_map(self) -> CausalMap:
        """The pure map for analysis and files: labels as keys, hidden parts left out."""
        labels = {f.id: f.label for f in self.active_factors}
        return CausalMap(
            tuple(Factor(f.label, f.label, f.kind) for f in self.active_factors),
            tuple(Link(labels[ln.source_id], labels[ln.target_id], ln.weight, ln.delay)
                  for ln in self.active_links),
        )


@dataclass(frozen=True)
class MapSummary:
    id: int
    title: str
    factors: int
    links: int
    agenda_item_id: int | None


@dataclass(frozen=True)
class LinkRow:
    """One row of the editable link table; ``id`` None for a new link."""

    id: int | None
    source_id: int
    target_id: int
    weight: float
    delay: bool = False


@dataclass(frozen=True)
class LoopView:
    factor_ids: tuple[int, ...]
    labels: tuple[str, ...]
    kind: str  # "R" reinforcing, "B" balancing
    negative_links: int
    delays: int


@dataclass(frozen=True)
class LeverageView:
    factor_id: int
    label: str
    kind: str
    score: float
    reasons: tuple[str, ...]
    in_degree: int
    out_degree: int
    centrality: float
    betweenness: float
    reach: float
    is_driver: bool
    is_outcome: bool
    loop_count: int


@dataclass(frozen=True)
class MapAnalysis:
    loops: tuple[LoopView, ...]
    truncated: bool
    truncated_reasons: tuple[str, ...]
    leverage: tuple[LeverageView, ...]


@dataclass(frozen=True)
class ChangeView:
    factor_id: int
    label: str
    baseline: float
    value: float
    change: float
    clamped: bool


@dataclass(frozen=True)
class ScenarioView:
    changes: tuple[ChangeView, ...]
    converged: bool
    iterations: int


# --- positions ----------------------------------------------------------------------------

def layout(nodes: Sequence[Hashable], edges: Iterable[tuple[Hashable, Hashable, float]],
           fixed: Mapping[Hashable, tuple[float, float]] | None = None
           ) -> dict[Hashable, tuple[float, float]]:
    """Positions for ``nodes``; the ``fixed`` ones stay exactly where they are.

    Without fixed nodes: a spring layout with a fixed seed, so the same map always gets the
    same picture (a circle for very large maps: fast, and no scipy needed). With fixed nodes,
    the others go to the freest spots in and around the picture, so nothing moves and a new
    factor never lands on top of an old one or far outside the view.
    """
    wanted = set(nodes)
    fixed = {k: (float(v[0]), float(v[1])) for k, v in (fixed or {}).items() if k in wanted}
    if not nodes:
        return {}
    if fixed:
        placed = dict(fixed)
        new = [k for k in nodes if k not in fixed]
        placed.update(zip(new, _free_spots(list(fixed.values()), len(new)), strict=True))
        return placed
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b) for a, b, _weight in edges if a in wanted and b in wanted)
    if len(nodes) > SPRING_LIMIT:
        found = nx.circular_layout(graph)
    else:
        found = nx.spring_layout(graph, seed=LAYOUT_SEED, weight=None, k=_spacing(len(nodes)),
                                 iterations=200 if len(nodes) <= 80 else 50)
    return {k: (round(float(v[0]), 4), round(float(v[1]), 4)) for k, v in found.items()}


def _free_spots(taken: list[tuple[float, float]], count: int) -> list[tuple[float, float]]:
    """``count`` places as far as possible from ``taken`` ones, on a grid around them."""
    points = np.array(taken, dtype=float).reshape(-1, 2)
    low, high = points.min(axis=0), points.max(axis=0)
    margin = np.maximum((high - low) * 0.15, 0.5)
    xs = np.linspace(low[0] - margin[0], high[0] + margin[0], 25)
    ys = np.linspace(low[1] - margin[1], high[1] + margin[1], 25)
    grid = np.array([(x, y) for y in ys for x in xs])
    nearest = np.min(np.linalg.norm(grid[:, None, :] - points[None, :, :], axis=2), axis=1)
    spots = []
    for _ in range(count):
        best = int(np.argmax(nearest))
        spots.append((round(float(grid[best, 0]), 4), round(float(grid[best, 1]), 4)))
        nearest = np.minimum(nearest, np.linalg.norm(grid - grid[best], axis=1))
    return spots


def _spacing(count: int) -> float:
    """Preferred distance between factors: roomier than networkx's default, for labels."""
    return 2.0 / max(count, 1) ** 0.5


# --- loading and access -------------------------------------------------------------------

def _readable_map(session: Session, actor: Actor, map_id: int) -> CausalMapRecord:
    record = session.get(CausalMapRecord, map_id)
    if record is None or record.withdrawn:
        raise NotFound()
    require_workshop(session, actor, record.workshop_id)
    if record.hidden and isinstance(actor, ParticipantActor):
        raise NotFound()
    return record


def _factors(session: Session, map_id: int, *, include_hidden: bool = True) -> list[MapFactor]:
    query = select(MapFactor).where(MapFactor.map_id == map_id, MapFactor.withdrawn.is_(False))
    if not include_hidden:
        query = query.where(MapFactor.hidden.is_(False))
    return list(session.scalars(query.order_by(MapFactor.id)))


def _links(session: Session, map_id: int, factor_ids: Collection[int], *,
           include_hidden: bool = True) -> list[MapLink]:
    query = select(MapLink).where(MapLink.map_id == map_id, MapLink.withdrawn.is_(False))
    if not include_hidden:
        query = query.where(MapLink.hidden.is_(False))
    return [ln for ln in session.scalars(query.order_by(MapLink.id))
            if ln.source_id in factor_ids and ln.target_id in factor_ids]


def _view(session: Session, actor: Actor, record: CausalMapRecord) -> MapView:
    everything = not isinstance(actor, ParticipantActor)
    factors = _factors(session, record.id, include_hidden=everything)
    ids = {f.id for f in factors}
    links = _links(session, record.id, ids, include_hidden=everything)
    return MapView(
        record.id, record.workshop_id, record.title, record.description, record.version,
        record.agenda_item_id,
        tuple(FactorView(f.id, f.label, f.kind, f.x or 0.0, f.y or 0.0, f.step_id, f.version,
                         f.hidden, f.author_id is not None) for f in factors),
        tuple(LinkView(ln.id, ln.source_id, ln.target_id, ln.weight, ln.delay, ln.version,
                       ln.hidden, ln.author_id is not None) for ln in links),
    )


def _locked_map(session: Session, actor: Actor, map_id: int, item_id: int | None
                ) -> tuple[CausalMapRecord, Write]:
    record = _readable_map(session, actor, map_id)
    write = writer(session, actor, record.workshop_id, item_id, ACTIVITY)
    session.refresh(record, with_for_update=True)
    return record, write


def _facilitated_map(session: Session, actor: Actor, map_id: int
                     ) -> tuple[CausalMapRecord, Write]:
    record = _readable_map(session, actor, map_id)
    require_facilitator(session, actor, record.workshop_id)
    session.refresh(record, with_for_update=True)
    return record, writer(session, actor, record.workshop_id, None, ACTIVITY)


def list_maps(session: Session, actor: Actor, workshop_id: int) -> list[MapSummary]:
    require_workshop(session, actor, workshop_id)
    query = select(CausalMapRecord).where(CausalMapRecord.workshop_id == workshop_id,
                                          CausalMapRecord.withdrawn.is_(False))
    if isinstance(actor, ParticipantActor):
        query = query.where(CausalMapRecord.hidden.is_(False))
    result = []
    for record in session.scalars(query.order_by(CausalMapRecord.id)):
        view = _view(session, actor, record)
        result.append(MapSummary(record.id, record.title, len(view.factors), len(view.links),
                                 record.agenda_item_id))
    return result


def get_map(session: Session, actor: Actor, map_id: int) -> MapView:
    return _view(session, actor, _readable_map(session, actor, map_id))


def map_for_item(session: Session, actor: Actor, item_id: int) -> MapView | None:
    """The map a ``causal_map`` activity works on: the one attached to it, else the newest."""
    item = require_item(session, actor, item_id)
    workshop_id = item.meeting.workshop_id
    base = select(CausalMapRecord).where(CausalMapRecord.workshop_id == workshop_id,
                                         CausalMapRecord.withdrawn.is_(False))
    if isinstance(actor, ParticipantActor):
        base = base.where(CausalMapRecord.hidden.is_(False))
    record = session.scalar(base.where(CausalMapRecord.agenda_item_id == item_id)
                            .order_by(CausalMapRecord.id.desc()).limit(1))
    if record is None:
        record = session.scalar(base.order_by(CausalMapRecord.id.desc()).limit(1))
    return _view(session, actor, record) if record is not None else None


def attach_to_item(session: Session, actor: Actor, map_id: int, item_id: int) -> None:
    """Make ``map_id`` the map of a ``causal_map`` activity (participants then add to it)."""
    record, _write = _facilitated_map(session, actor, map_id)
    item = require_item(session, actor, item_id)
    if item.meeting.workshop_id != record.workshop_id:
        raise NotFound()
    session.execute(update(CausalMapRecord)
                    .where(CausalMapRecord.agenda_item_id == item_id,
                           CausalMapRecord.id != record.id)
                    .values(agenda_item_id=None))
    session.execute(update(CausalMapRecord).where(CausalMapRecord.id == record.id)
                    .values(agenda_item_id=item_id))
    bump_revision(session, item.meeting_id)


# --- cleaning -----------------------------------------------------------------------------

def _clean_label(label: object) -> str:
    return clean_name(label, field="field.factor_label", max_length=MAX_LABEL)


def _clean_kind(kind: object) -> str:
    return clean_choice(kind, FACTOR_KINDS, field="field.factor_kind")


def _clean_weight(weight: object) -> float:
    # An int too large for a float (10**400) is refused like any other out-of-range value.
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) \
            or (isinstance(weight, int) and abs(weight) > 1) \
            or not (math.isfinite(weight) and 0 < abs(weight) <= 1):
        raise InvalidInput("map.error.bad_weight", weight=weight)
    return float(weight)


def _clean_delay(delay: object) -> bool:
    if not isinstance(delay, bool):
        raise InvalidInput("error.invalid_input")
    return delay


def _refuse_duplicate_label(factors: Iterable[MapFactor], label: str,
                            except_id: int | None = None) -> None:
    folded = label.casefold()
    for factor in factors:
        if factor.id != except_id and factor.label.casefold() == folded:
            raise InvalidInput("map.error.duplicate_factor", factor=label)


def _check_links(factors: Sequence[MapFactor], links: Iterable[tuple[int, int, float, bool]]
                 ) -> None:
    """Validate a would-be set of links with the analysis rules (self-links, duplicates)."""
    labels = {f.id: f.label for f in factors}
    pure = CausalMap(
        tuple(Factor(str(f.id), f.label, f.kind) for f in factors),
        tuple(Link(str(s), str(t_), w, d) for s, t_, w, d in links),
    )
    try:
        pure.validate()
    except MapError as error:
        params = {k: v for k, v in error.params.items() if k != "index"}
        for name in ("source", "target", "factor"):
            value = params.get(name)
            if isinstance(value, str) and value.isascii() and value.isdigit() \
                    and int(value) in labels:
                params[name] = labels[int(value)]
        raise InvalidInput(error.key, **params) from None


# --- maps ---------------------------------------------------------------------------------

def create_map(session: Session, actor: Actor, workshop_id: int, title: str, *,
               description: str = "", path_ids: Sequence[int] = (),
               client_key: str | None = None) -> MapView:
    """A new map; with ``path_ids``, every critical point of those paths becomes a factor."""
    require_facilitator(session, actor, workshop_id)
    write = writer(session, actor, workshop_id, None, ACTIVITY)
    found = existing_key(session, actor, CausalMapRecord, client_key)
    if found is not None:
        return _view(session, actor, found)
    record = CausalMapRecord(
        workshop_id=workshop_id, title=_clean_map_title(title),
        description=clean_text(description, field="field.description", max_length=MEDIUM,
                               required=False),
        author_user_id=write.author_user_id,
    )
    record, _created = insert(session, actor, record, client_key)
    if path_ids:
        add_critical_points(session, actor, record.id, path_ids)
    bump_revision(session, write.meeting_id)
    return _view(session, actor, record)


def _clean_map_title(title: object) -> str:
    return clean_name(title, field="field.map_title", max_length=SHORT)


def update_map(session: Session, actor: Actor, map_id: int, expected_version: int, *,
               title: str, description: str = "") -> MapView:
    record, write = _facilitated_map(session, actor, map_id)
    if record.version != expected_version:
        raise StaleEdit()
    cleaned = _clean_map_title(title)
    text = clean_text(description, field="field.description", max_length=MEDIUM,
                      required=False)
    record.title, record.description = cleaned, text
    save(session, record, expected_version)
    bump_revision(session, write.meeting_id)
    return _view(session, actor, record)


def delete_map(session: Session, actor: Actor, map_id: int, expected_version: int) -> None:
    record, write = _facilitated_map(session, actor, map_id)
    if record.version != expected_version:
        raise StaleEdit()
    record.withdrawn = True
    save(session, record, expected_version)
    bump_revision(session, write.meeting_id)


def _critical_label(step: PathStep) -> str:
    text = (step.critical_note or step.what).strip().splitlines()[0].strip()
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


def add_critical_points(session: Session, actor: Actor, map_id: int, path_ids: Sequence[int]
                        ) -> list[FactorView]:
    """Each critical point of the paths becomes a "problem" factor linked to its step.

    Steps already on the map are skipped; equal labels get a number ("... (2)").
    """
    record, write = _facilitated_map(session, actor, map_id)
    factors = _factors(session, record.id)
    on_map = {f.step_id for f in factors if f.step_id is not None}
    steps: list[PathStep] = []
    for path_id in dict.fromkeys(path_ids):
        path = session.get(ServicePath, path_id)
        if path is None or path.withdrawn or path.workshop_id != record.workshop_id:
            raise NotFound()
        steps += session.scalars(
            select(PathStep).where(PathStep.path_id == path.id, PathStep.critical.is_(True),
                                   PathStep.withdrawn.is_(False), PathStep.hidden.is_(False))
            .order_by(PathStep.position, PathStep.id)
        )
    steps = [s for s in steps if s.id not in on_map]
    if len(factors) + len(steps) > MAX_FACTORS:
        raise InvalidInput("maps.error.too_many_factors", max=MAX_FACTORS)
    taken = {f.label.casefold() for f in factors}
    new: list[MapFactor] = []
    for step in steps:
        base = label = _critical_label(step)
        number = 2
        while label.casefold() in taken:
            suffix = f" ({number})"
            label = base[: MAX_LABEL - len(suffix)] + suffix
            number += 1
        taken.add(label.casefold())
        new.append(MapFactor(map_id=record.id, workshop_id=record.workshop_id, label=label,
                             kind="problem", step_id=step.id,
                             author_user_id=write.author_user_id))
    _place_new(session, record.id, factors, new)
    session.add_all(new)
    session.flush()
    bump_revision(session, write.meeting_id)
    return [_factor_view(f) for f in new]


def _factor_view(f: MapFactor) -> FactorView:
    return FactorView(f.id, f.label, f.kind, f.x or 0.0, f.y or 0.0, f.step_id, f.version,
                      f.hidden, f.author_id is not None)


def _place_new(session: Session, map_id: int, factors: Sequence[MapFactor],
               new: Sequence[MapFactor]) -> None:
    """Positions for ``new`` factors around the existing ones (which keep theirs)."""
    ids = {f.id for f in factors}
    edges = [(ln.source_id, ln.target_id, ln.weight) for ln in _links(session, map_id, ids)]
    nodes: list[Hashable] = [f.id for f in factors] + [("new", i) for i in range(len(new))]
    fixed = {f.id: (f.x, f.y) for f in factors if f.x is not None and f.y is not None}
    placed = layout(nodes, edges, fixed)
    for i, factor in enumerate(new):
        factor.x, factor.y = placed[("new", i)]


def relayout(session: Session, actor: Actor, map_id: int) -> None:
    """Compute every position afresh (the facilitator's "tidy up" button)."""
    record, write = _facilitated_map(session, actor, map_id)
    factors = _factors(session, record.id)
    ids = {f.id for f in factors}
    edges = [(ln.source_id, ln.target_id, ln.weight) for ln in _links(session, record.id, ids)]
    placed = layout([f.id for f in factors], edges)
    for factor in factors:  # positions only: versions stay, open edit forms stay valid
        x, y = placed[factor.id]
        session.execute(update(MapFactor).where(MapFactor.id == factor.id).values(x=x, y=y))
    bump_revision(session, write.meeting_id)


# --- factors ------------------------------------------------------------------------------

def add_factor(session: Session, actor: Actor, map_id: int, label: str, kind: str = "cause",
               *, step_id: int | None = None, item_id: int | None = None,
               client_key: str | None = None) -> FactorView:
    cleaned, kind = _clean_label(label), _clean_kind(kind)
    record, write = _locked_map(session, actor, map_id, item_id)
    found = existing_key(session, actor, MapFactor, client_key)
    if found is not None:
        return _factor_view(found)
    factors = _factors(session, record.id)
    if len(factors) >= MAX_FACTORS:
        raise InvalidInput("maps.error.too_many_factors", max=MAX_FACTORS)
    _refuse_duplicate_label(factors, cleaned)
    if step_id is not None:
        step = session.get(PathStep, step_id)
        if step is None or step.workshop_id != record.workshop_id:
            raise NotFound()
    factor = MapFactor(map_id=record.id, workshop_id=record.workshop_id, label=cleaned,
                       kind=kind, step_id=step_id, author_id=write.author_id,
                       author_user_id=write.author_user_id, agenda_item_id=write.item_id)
    _place_new(session, record.id, factors, [factor])
    factor, _created = insert(session, actor, factor, client_key)
    bump_revision(session, write.meeting_id)
    return _factor_view(factor)


def _factor_for_change(session: Session, actor: Actor, factor_id: int
                       ) -> tuple[MapFactor, CausalMapRecord, Write]:
    factor = session.get(MapFactor, factor_id)
    if factor is None or factor.withdrawn:
        raise NotFound()
    record, write = _facilitated_map(session, actor, factor.map_id)
    return factor, record, write


def edit_factor(session: Session, actor: Actor, factor_id: int, expected_version: int, *,
                label: str, kind: str) -> FactorView:
    cleaned, kind = _clean_label(label), _clean_kind(kind)
    factor, record, write = _factor_for_change(session, actor, factor_id)
    if factor.version != expected_version:
        raise StaleEdit()
    _refuse_duplicate_label(_factors(session, record.id), cleaned, except_id=factor.id)
    factor.label, factor.kind = cleaned, kind
    save(session, factor, expected_version)
    bump_revision(session, write.meeting_id)
    return _factor_view(factor)


def delete_factor(session: Session, actor: Actor, factor_id: int, expected_version: int) -> None:
    """Remove a factor and its links (withdrawn: kept in the database, shown to nobody)."""
    factor, record, write = _factor_for_change(session, actor, factor_id)
    if factor.version != expected_version:
        raise StaleEdit()
    factor.withdrawn = True
    save(session, factor, expected_version)
    session.execute(
        update(MapLink)
        .where(MapLink.map_id == record.id, MapLink.withdrawn.is_(False),
               (MapLink.source_id == factor.id) | (MapLink.target_id == factor.id))
        .values(withdrawn=True, version=MapLink.version + 1)
        .execution_options(synchronize_session="fetch")
    )
    bump_revision(session, write.meeting_id)


def set_factor_hidden(session: Session, actor: Actor, factor_id: int, hidden: bool) -> None:
    factor, _record, write = _factor_for_change(session, actor, factor_id)
    factor.hidden = hidden
    session.flush()
    bump_revision(session, write.meeting_id)


# --- links --------------------------------------------------------------------------------

def _link_tuples(links: Iterable[MapLink]) -> list[tuple[int, int, float, bool]]:
    return [(ln.source_id, ln.target_id, ln.weight, ln.delay) for ln in links]


def add_link(session: Session, actor: Actor, map_id: int, source_id: int, target_id: int,
             weight: float, *, delay: bool = False, item_id: int | None = None,
             client_key: str | None = None) -> LinkView:
    """A link from ``source_id`` to ``target_id``; ``weight`` e.g. ``weight_from(-1, "strong")``."""
    weight, delay = _clean_weight(weight), _clean_delay(delay)
    record, write = _locked_map(session, actor, map_id, item_id)
    found = existing_key(session, actor, MapLink, client_key)
    if found is not None:
        return _link_view(found)
    factors = _factors(session, record.id, include_hidden=not isinstance(actor, ParticipantActor))
    ids = {f.id for f in factors}
    if source_id not in ids or target_id not in ids:
        raise NotFound()
    links = _links(session, record.id, {f.id for f in _factors(session, record.id)})
    if len(links) >= MAX_LINKS:
        raise InvalidInput("maps.error.too_many_links", max=MAX_LINKS)
    _check_links(_factors(session, record.id),
                 [*_link_tuples(links), (source_id, target_id, weight, delay)])
    link = MapLink(map_id=record.id, workshop_id=record.workshop_id, source_id=source_id,
                   target_id=target_id, weight=weight, delay=delay, author_id=write.author_id,
                   author_user_id=write.author_user_id, agenda_item_id=write.item_id)
    link, _created = insert(session, actor, link, client_key)
    bump_revision(session, write.meeting_id)
    return _link_view(link)


def _link_view(ln: MapLink) -> LinkView:
    return LinkView(ln.id, ln.source_id, ln.target_id, ln.weight, ln.delay, ln.version,
                    ln.hidden, ln.author_id is not None)


def _link_for_change(session: Session, actor: Actor, link_id: int
                     ) -> tuple[MapLink, CausalMapRecord, Write]:
    link = session.get(MapLink, link_id)
    if link is None or link.withdrawn:
        raise NotFound()
    record, write = _facilitated_map(session, actor, link.map_id)
    return link, record, write


def edit_link(session: Session, actor: Actor, link_id: int, expected_version: int, *,
              weight: float, delay: bool = False) -> LinkView:
    weight, delay = _clean_weight(weight), _clean_delay(delay)
    link, _record, write = _link_for_change(session, actor, link_id)
    if link.version != expected_version:
        raise StaleEdit()
    link.weight, link.delay = weight, delay
    save(session, link, expected_version)
    bump_revision(session, write.meeting_id)
    return _link_view(link)


def delete_link(session: Session, actor: Actor, link_id: int, expected_version: int) -> None:
    link, _record, write = _link_for_change(session, actor, link_id)
    if link.version != expected_version:
        raise StaleEdit()
    link.withdrawn = True
    save(session, link, expected_version)
    bump_revision(session, write.meeting_id)


def set_link_hidden(session: Session, actor: Actor, link_id: int, hidden: bool) -> None:
    link, _record, write = _link_for_change(session, actor, link_id)
    link.hidden = hidden
    session.flush()
    bump_revision(session, write.meeting_id)


def save_link_table(session: Session, actor: Actor, map_id: int, rows: Sequence[LinkRow],
                    shown: Mapping[int, int]) -> int:
    """Apply the editable link table in one go; returns the number of links changed.

    ``shown`` maps the ids of the links the table was loaded with to their versions: those
    missing from ``rows`` are removed, changed ones are saved (a link someone else changed
    meanwhile is a stale edit), rows without id are added. Links added by others after the
    table was loaded are kept. The resulting map is validated as a whole first: nothing is
    saved if any row is refused.
    """
    record, write = _facilitated_map(session, actor, map_id)
    factors = _factors(session, record.id)
    ids = {f.id for f in factors}
    current = {ln.id: ln for ln in _links(session, record.id, ids)}
    cleaned: list[LinkRow] = []
    for row in rows:
        if row.source_id not in ids or row.target_id not in ids:
            raise NotFound()
        if row.id is not None and row.id not in shown:
            raise NotFound()
        cleaned.append(LinkRow(row.id, row.source_id, row.target_id,
                               _clean_weight(row.weight), _clean_delay(row.delay)))
    for link_id, version in shown.items():
        if link_id not in current or current[link_id].version != version:
            raise StaleEdit()
    kept = [ln for ln_id, ln in current.items() if ln_id not in shown]
    result = [*_link_tuples(kept), *((r.source_id, r.target_id, r.weight, r.delay)
                                     for r in cleaned)]
    if len(result) > MAX_LINKS:
        raise InvalidInput("maps.error.too_many_links", max=MAX_LINKS)
    _check_links(factors, result)
    changes = 0
    in_rows = {r.id for r in cleaned if r.id is not None}
    for link_id in shown:
        if link_id not in in_rows:
            current[link_id].withdrawn = True
            changes += 1
    for row in cleaned:
        if row.id is None:
            session.add(MapLink(map_id=record.id, workshop_id=record.workshop_id,
                                source_id=row.source_id, target_id=row.target_id,
                                weight=row.weight, delay=row.delay,
                                author_user_id=write.author_user_id))
            changes += 1
            continue
        link = current[row.id]
        new = (row.source_id, row.target_id, row.weight, row.delay)
        if (link.source_id, link.target_id, link.weight, link.delay) != new:
            link.source_id, link.target_id, link.weight, link.delay = new
            changes += 1
    try:
        session.flush()
    except StaleDataError:
        raise StaleEdit() from None
    if changes:
        bump_revision(session, write.meeting_id)
    return changes


# --- analysis -----------------------------------------------------------------------------

def _ids_by_label(view: MapView) -> dict[str, int]:
    return {f.label: f.id for f in view.active_factors}


def analyze(session: Session, actor: Actor, map_id: int, *, max_length: int = 12,
            max_loops: int = 500) -> MapAnalysis:
    """Feedback loops (R/B) and the leverage ranking of the map's visible factors and links."""
    view = get_map(session, actor, map_id)
    return analyze_view(view, max_length=max_length, max_loops=max_loops)


def analyze_view(view: MapView, *, max_length: int = 12, max_loops: int = 500) -> MapAnalysis:
    pure = view.to_causal_map()
    ids = _ids_by_label(view)
    search = causal.find_loops(pure, max_length=max_length, max_loops=max_loops)
    loops = tuple(
        LoopView(tuple(ids[m] for m in loop.members), loop.members, loop.kind,
                 loop.negative_links, loop.delays)
        for loop in search.loops
    )
    ranking = tuple(
        LeverageView(ids[s.key], s.label, s.kind, s.score, s.reasons, s.in_degree,
                     s.out_degree, s.centrality, s.betweenness, s.reach, s.is_driver,
                     s.is_outcome, s.loop_count)
        for s in causal.leverage(pure, loops=search)
    )
    return MapAnalysis(loops, search.truncated, search.truncated_reasons, ranking)


def run_scenario(session: Session, actor: Actor, map_id: int, clamps: Mapping[int, float]
                 ) -> ScenarioView:
    """Push factors up (+1) or down (-1) and see which others rise and fall (FCM)."""
    view = get_map(session, actor, map_id)
    labels = {f.id: f.label for f in view.active_factors}
    if any(factor_id not in labels for factor_id in clamps):
        raise NotFound()
    try:
        result = causal.simulate(view.to_causal_map(),
                                 {labels[k]: v for k, v in clamps.items()})
    except MapError as error:
        params = {k: v for k, v in error.params.items() if k != "index"}
        raise InvalidInput(error.key, **params) from None
    ids = _ids_by_label(view)
    return ScenarioView(
        tuple(ChangeView(ids[c.key], c.label, c.baseline, c.value, c.change, c.clamped)
              for c in result.changes),
        result.converged, result.iterations,
    )


# --- files --------------------------------------------------------------------------------

def parse_map_file(data: bytes, filename: str = "", factors_data: bytes | None = None
                   ) -> CausalMap:
    """A GraphML or links-CSV upload (plus an optional factors CSV) as a pure map.

    Raises :class:`MapFileError` naming the row or element of the first problem.
    """
    suffix = PurePath(filename).suffix.lower()
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    xml = suffix in GRAPHML_SUFFIXES or (
        suffix not in CSV_SUFFIXES and (head.startswith(b"<") or data[:2] in (b"\xff\xfe",
                                                                               b"\xfe\xff")))
    if xml:
        return from_graphml(data)
    factors_text = decode_text(factors_data) if factors_data is not None else None
    return from_csv(decode_text(data), factors_text)


def _checked_import(pure: CausalMap) -> list[str]:
    """Labels to store, checked like typed ones; problems become located file errors."""
    if len(pure.factors) > MAX_FACTORS:
        raise MapFileError("maps.error.too_many_factors", max=MAX_FACTORS)
    if len(pure.links) > MAX_LINKS:
        raise MapFileError("maps.error.too_many_links", max=MAX_LINKS)
    labels: list[str] = []
    seen: dict[str, str] = {}
    for factor in pure.factors:
        try:
            label = _clean_label(factor.label)
        except InvalidInput:
            raise MapFileError("mapfile.error.bad_label", element=factor.key) from None
        folded = label.casefold()
        if folded in seen:
            raise MapFileError("map.error.duplicate_factor", factor=label, element=factor.key)
        seen[folded] = factor.key
        labels.append(label)
    return labels


def import_map(session: Session, actor: Actor, workshop_id: int, title: str, data: bytes, *,
               filename: str = "", factors_data: bytes | None = None) -> MapView:
    """A new map from a GraphML or CSV file, all or nothing.

    The whole file is read and checked before anything is written; a bad file raises
    :class:`MapFileError` (with the row or element) and leaves the database untouched.
    """
    require_facilitator(session, actor, workshop_id)
    cleaned_title = _clean_map_title(title)
    pure = parse_map_file(data, filename, factors_data)
    labels = _checked_import(pure)
    write = writer(session, actor, workshop_id, None, ACTIVITY)
    placed = layout([f.key for f in pure.factors],
                    [(ln.source, ln.target, ln.weight) for ln in pure.links])
    with session.begin_nested():
        record = CausalMapRecord(workshop_id=workshop_id, title=cleaned_title,
                                 author_user_id=write.author_user_id)
        session.add(record)
        session.flush()
        by_key: dict[str, MapFactor] = {}
        for factor, label in zip(pure.factors, labels, strict=True):
            x, y = placed[factor.key]
            by_key[factor.key] = MapFactor(map_id=record.id, workshop_id=workshop_id,
                                           label=label, kind=factor.kind, x=x, y=y,
                                           author_user_id=write.author_user_id)
        session.add_all(by_key.values())
        session.flush()
        session.add_all(
            MapLink(map_id=record.id, workshop_id=workshop_id,
                    source_id=by_key[ln.source].id, target_id=by_key[ln.target].id,
                    weight=float(ln.weight), delay=ln.delay, author_user_id=write.author_user_id)
            for ln in pure.links
        )
        session.flush()
    bump_revision(session, write.meeting_id)
    return _view(session, actor, record)


def export_graphml(view: MapView) -> bytes:
    """GraphML (Gephi, yEd): labels as node ids, hidden parts left out."""
    return to_graphml(view.to_causal_map())


def export_csv(view: MapView, delimiter: str = ";") -> tuple[bytes, bytes]:
    """(links CSV, factors CSV) as UTF-8 with BOM, so Excel shows the letters right."""
    pure = view.to_causal_map()
    return (links_to_csv(pure, delimiter).encode("utf-8-sig"),
            factors_to_csv(pure, delimiter).encode("utf-8-sig"))


def describe_file_error(error: MapFileError, lang: str) -> str:
    """'Row 3 (links): Empty cell (column target).' in the user's language."""
    params = dict(error.params)
    where = ""
    if params.get("row") is not None:
        where = t("mapfile.location.row", lang, row=params["row"])
    elif params.get("element") is not None:
        where = t("mapfile.location.element", lang, element=params["element"])
    if where and params.get("file") in ("links", "factors"):
        where += " (" + t(f"maps.file.{params['file']}", lang) + ")"
    try:
        message = t(error.key, lang, **params)
    except (KeyError, IndexError):
        message = t("error.generic", lang)
    return f"{where}: {message}" if where else message
