"""Traceability: where a piece of the service model came from.

A link (``trace_links``) joins a *source* record to a *target* record, each named by a record
type of the **registry** below and an id. The registry maps a record type to

- ``model``: the model class as an import path ``"module:Class"`` (None: the feature that
  will own the type is not built yet),
- ``label``: the attribute holding a readable text, or a function ``"module:function"``
  taking the record and returning text,
- ``workshop``: how to find the record's workshop: ``"workshop_id"`` (a column),
  ``"agenda_item"`` (through the record's ``agenda_item_id``), or ``"module:function"``
  taking ``(session, record)``.

Features add their types in one of two ways, both by name and without this module importing
them: a ``TRACEABLE = {"record_type": ("Class", "label", "workshop"), ...}`` dict in their
``workshop/model_<feature>.py`` (found automatically, ``Class`` taken from that module), or a
call to :func:`register`. Classes are imported lazily with importlib; a type whose module is
not (yet) present is *unavailable*: links to it stay stored and show as unavailable, and no
new links to it can be made.

A link may only point to a record of the source's own workshop; anything else is
:class:`NotFound`, so ids of other workshops cannot be probed.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workshop.access import Actor, FacilitatorActor, require_facilitator
from workshop.errors import InvalidInput, NotFound
from workshop.model_traceability import TraceLink
from workshop.models import AgendaItem, Meeting
from workshop.text import MEDIUM, clean_text

log = logging.getLogger(__name__)
LABEL_LENGTH = 160
MAX_LINKS_PER_SOURCE = 100
MAX_CANDIDATES = 500


@dataclass(frozen=True)
class Traceable:
    model: str | None
    label: str = "text"
    workshop: str = "workshop_id"


# Built-in types. Planned types (model None) belong to features still being built; their
# owners register the real class (TRACEABLE in their model module), which replaces the entry.
REGISTRY: dict[str, Traceable] = {
    "note": Traceable("workshop.models:Note", "text"),
    "agenda_item": Traceable("workshop.models:AgendaItem", "title", "agenda_item"),
    "persona": Traceable("workshop.model_personas:Persona", "name"),
    "persona_comment": Traceable("workshop.model_personas:PersonaComment", "text"),
    "topic": Traceable("workshop.model_warmup:Topic", "text"),
    "principle": Traceable("workshop.model_warmup:Principle", "text"),
    "concept": Traceable("workshop.model_warmup:Concept", "term"),
    "cafe_note": Traceable("workshop.model_cafe_feedback:CafeNote", "text"),
    "cafe_station": Traceable("workshop.model_cafe_feedback:CafeStation", "question",
                              "agenda_item"),
    # Service paths and causal maps, prioritising, waste workshop and solution development:
    "service_path": Traceable(None),
    "path_step": Traceable(None),
    "critical_point": Traceable(None),
    "causal_map": Traceable(None),
    "causal_factor": Traceable(None),
    "candidate": Traceable(None),
    "vote": Traceable(None),
    "waste_item": Traceable(None),
    "solution": Traceable(None),
    "solution_step": Traceable(None),
}
_REGISTERED: dict[str, Traceable] = {}


def register(record_type: str, entry: Traceable) -> None:
    """Add or replace a record type (a feature registering its own records)."""
    if not record_type.replace("_", "").isalnum() or len(record_type) > 40:
        raise ValueError(f"bad record type name: {record_type!r}")
    _REGISTERED[record_type] = entry
    registry.cache_clear()
    _model_class.cache_clear()


def unregister(record_type: str) -> None:
    """Undo :func:`register` (the built-in or discovered entry, if any, applies again)."""
    _REGISTERED.pop(record_type, None)
    registry.cache_clear()
    _model_class.cache_clear()


@cache
def registry() -> dict[str, Traceable]:
    """Built-ins, then every model module's ``TRACEABLE``, then :func:`register` calls."""
    from workshop.models import load_all_models

    found = dict(REGISTRY)
    try:
        load_all_models()
    except Exception:  # noqa: BLE001 - a broken feature module must not hide the others
        log.exception("loading model modules for the traceability registry")
    import sys

    for name, module in sorted(sys.modules.items()):
        if not name.startswith("workshop.model_"):
            continue
        for record_type, spec in (getattr(module, "TRACEABLE", None) or {}).items():
            if isinstance(spec, Traceable):
                found[record_type] = spec
            else:
                class_name, label, workshop = spec
                found[record_type] = Traceable(f"{name}:{class_name}", label, workshop)
    found.update(_REGISTERED)
    return found


# The order a facilitator meets the types in when linking: what the canvas most often rests
# on first (the method's personas, paths, critical points, causal maps and votes).
PREFERRED_ORDER: tuple[str, ...] = (
    "persona", "service_path", "path_step", "critical_point", "causal_map", "causal_factor",
    "vote", "candidate", "waste_item", "solution", "solution_step", "topic", "cafe_note",
    "cafe_station", "note", "persona_comment", "principle", "concept",
)


def record_types() -> list[str]:
    rank = {name: n for n, name in enumerate(PREFERRED_ORDER)}
    return sorted(registry(), key=lambda name: (rank.get(name, len(rank)), name))


def _import(path: str) -> Any:
    module_name, _, attribute = path.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


@cache
def _model_class(record_type: str) -> type | None:
    entry = registry().get(record_type)
    if entry is None or entry.model is None:
        return None
    try:
        return _import(entry.model)
    except (ImportError, AttributeError):
        return None


def is_available(record_type: str) -> bool:
    return _model_class(record_type) is not None


def available_types() -> list[str]:
    return [name for name in record_types() if is_available(name)]


def _label_of(record_type: str, record: Any) -> str:
    spec = registry()[record_type].label
    value = _import(spec)(record) if ":" in spec else getattr(record, spec, "")
    text = " ".join(str(value or "").split())
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"


def _workshop_of(session: Session, record_type: str, record: Any) -> int | None:
    how = registry()[record_type].workshop
    if how == "workshop_id":
        return getattr(record, "workshop_id", None)
    if how == "agenda_item":
        item = session.get(AgendaItem, getattr(record, "agenda_item_id", None)
                           if not isinstance(record, AgendaItem) else record.id)
        return item.meeting.workshop_id if item is not None else None
    return _import(how)(session, record)


def _is_withdrawn(record: Any) -> bool:
    return bool(getattr(record, "withdrawn", False))


def _is_hidden(record: Any) -> bool:
    return bool(getattr(record, "hidden", False))


def load_in_workshop(session: Session, workshop_id: int, record_type: str,
                     record_id: object) -> Any:
    """The record, if it exists, is linkable and belongs to ``workshop_id``; else NotFound."""
    if record_type not in registry():
        raise InvalidInput("error.trace.unknown_type")
    model = _model_class(record_type)
    if model is None:
        raise InvalidInput("error.trace.type_unavailable")
    if isinstance(record_id, bool) or not isinstance(record_id, int):
        raise NotFound()
    record = session.get(model, record_id)
    if record is None or _is_withdrawn(record):
        raise NotFound()
    if _workshop_of(session, record_type, record) != workshop_id:
        raise NotFound()
    return record


# --- links ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkView:
    id: int
    source_type: str
    source_id: int
    record_type: str
    record_id: int
    # ok | unavailable (the type's feature is missing) | missing (record deleted or withdrawn)
    status: str
    label: str
    hidden: bool
    note: str


def _source_workshop(session: Session, actor: Actor, source_type: str, source_id: int) -> int:
    source = load_in_workshop_any(session, source_type, source_id)
    workshop_id = _workshop_of(session, source_type, source)
    if workshop_id is None:
        raise NotFound()
    require_facilitator(session, actor, workshop_id)
    return workshop_id


def load_in_workshop_any(session: Session, record_type: str, record_id: int) -> Any:
    model = _model_class(record_type)
    if model is None:
        raise NotFound()
    record = session.get(model, record_id)
    if record is None:
        raise NotFound()
    return record


def add_link(session: Session, actor: Actor, source_type: str, source_id: int,
             record_type: str, record_id: int, note: str = "") -> LinkView:
    """Link a source to the record it came from (facilitators; both in the same workshop).

    Linking the same pair twice returns the existing link.
    """
    workshop_id = _source_workshop(session, actor, source_type, source_id)
    record = load_in_workshop(session, workshop_id, record_type, record_id)
    if source_type == record_type and source_id == record_id:
        raise InvalidInput("error.trace.self_link")
    cleaned = clean_text(note, field="field.trace_note", max_length=MEDIUM, required=False)
    existing = session.scalar(select(TraceLink).where(
        TraceLink.source_type == source_type, TraceLink.source_id == source_id,
        TraceLink.record_type == record_type, TraceLink.record_id == record_id))
    if existing is not None:
        return _view(session, existing)
    count = len(session.scalars(select(TraceLink.id).where(
        TraceLink.source_type == source_type, TraceLink.source_id == source_id)).all())
    if count >= MAX_LINKS_PER_SOURCE:
        raise InvalidInput("error.trace.too_many", max=MAX_LINKS_PER_SOURCE)
    link = TraceLink(workshop_id=workshop_id, source_type=source_type, source_id=source_id,
                     record_type=record_type, record_id=record.id, note=cleaned,
                     created_by_user_id=actor.user_id
                     if isinstance(actor, FacilitatorActor) else None)
    try:
        with session.begin_nested():
            session.add(link)
    except IntegrityError:  # the same link raced in from a second request
        existing = session.scalar(select(TraceLink).where(
            TraceLink.source_type == source_type, TraceLink.source_id == source_id,
            TraceLink.record_type == record_type, TraceLink.record_id == record_id))
        if existing is None:
            raise
        return _view(session, existing)
    return _view(session, link)


def remove_link(session: Session, actor: Actor, link_id: int) -> None:
    link = session.get(TraceLink, link_id)
    if link is None:
        raise NotFound()
    require_facilitator(session, actor, link.workshop_id)
    session.delete(link)
    session.flush()


def remove_links_of(session: Session, source_type: str, source_ids: Iterable[int]) -> None:
    """Drop the links of removed sources (the caller has checked access)."""
    ids = list(source_ids)
    if ids:
        session.execute(delete(TraceLink).where(TraceLink.source_type == source_type,
                                                TraceLink.source_id.in_(ids)))


def _view(session: Session, link: TraceLink) -> LinkView:
    status, label, hidden = describe(session, link.workshop_id, link.record_type,
                                     link.record_id)
    return LinkView(link.id, link.source_type, link.source_id, link.record_type,
                    link.record_id, status, label, hidden, link.note)


def describe(session: Session, workshop_id: int, record_type: str, record_id: int
             ) -> tuple[str, str, bool]:
    """(status, label, hidden) of a link target, as stored now."""
    model = _model_class(record_type)
    if model is None:
        return "unavailable", "", False
    record = session.get(model, record_id)
    if record is None or _is_withdrawn(record) \
            or _workshop_of(session, record_type, record) != workshop_id:
        return "missing", "", False
    return "ok", _label_of(record_type, record), _is_hidden(record)


def links_from(session: Session, actor: Actor, workshop_id: int, source_type: str,
               source_ids: Iterable[int] | None = None) -> dict[int, list[LinkView]]:
    """Links of sources of one type in a workshop, by source id (facilitators)."""
    require_facilitator(session, actor, workshop_id)
    return links_from_unchecked(session, workshop_id, source_type, source_ids)


def links_from_unchecked(session: Session, workshop_id: int, source_type: str,
                         source_ids: Iterable[int] | None = None) -> dict[int, list[LinkView]]:
    query = select(TraceLink).where(TraceLink.workshop_id == workshop_id,
                                    TraceLink.source_type == source_type)
    if source_ids is not None:
        ids = list(source_ids)
        if not ids:
            return {}
        query = query.where(TraceLink.source_id.in_(ids))
    found: dict[int, list[LinkView]] = {}
    for link in session.scalars(query.order_by(TraceLink.id)):
        found.setdefault(link.source_id, []).append(_view(session, link))
    return found


def links_to(session: Session, actor: Actor, workshop_id: int, record_type: str,
             record_id: int) -> list[LinkView]:
    """Where a record was used (the reverse direction), e.g. which canvas parts a persona
    fed into."""
    require_facilitator(session, actor, workshop_id)
    rows = session.scalars(select(TraceLink).where(
        TraceLink.workshop_id == workshop_id, TraceLink.record_type == record_type,
        TraceLink.record_id == record_id).order_by(TraceLink.id))
    return [_view(session, link) for link in rows]


def candidates(session: Session, actor: Actor, workshop_id: int, record_type: str
               ) -> list[tuple[int, str]]:
    """Records of a type in the workshop that can be linked: (id, label), newest last."""
    require_facilitator(session, actor, workshop_id)
    model = _model_class(record_type)
    if model is None:
        return []
    how = registry()[record_type].workshop
    if how == "workshop_id":
        query = select(model).where(model.workshop_id == workshop_id)
    elif how == "agenda_item" and model is AgendaItem:
        query = (select(AgendaItem).join(Meeting, Meeting.id == AgendaItem.meeting_id)
                 .where(Meeting.workshop_id == workshop_id))
    elif how == "agenda_item":
        query = (select(model).join(AgendaItem, AgendaItem.id == model.agenda_item_id)
                 .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                 .where(Meeting.workshop_id == workshop_id))
    else:
        return []
    if hasattr(model, "withdrawn"):
        query = query.where(model.withdrawn.is_(False))
    rows = session.scalars(query.order_by(model.id).limit(MAX_CANDIDATES)).all()
    return [(row.id, _label_of(record_type, row)) for row in rows]
