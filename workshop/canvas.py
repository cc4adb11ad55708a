"""The service model canvas: models, their typed elements, traceability links, published
versions, and comments with responses.

Working rhythm (the method's rule that the facilitator reflects the condensed result back
every time): the facilitator edits the *draft* between meetings; after a meeting they
**publish** it as a numbered, frozen version; participants **comment** on a published version
(in a live ``model_canvas`` activity, or whenever a meeting of their workshop is open); the
facilitator **responds** to each comment (taken into the model, or declined with a reason),
and the next publication records which comments it answers.

Every edit carries the version the editor saw; a concurrent change is refused
(:class:`StaleEdit`), never merged silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workshop import contributions, traceability
from workshop.access import (
    Actor,
    FacilitatorActor,
    ParticipantActor,
    open_meeting_of,
    require_facilitator,
    require_item,
    require_workshop,
)
from workshop.contributions import Authorship
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.meetings import bump_revision
from workshop.model_canvas import (
    CanvasComment,
    CanvasElement,
    CanvasResponse,
    CanvasVersion,
    ServiceModel,
)
from workshop.models import AgendaItem, Meeting, Participant
from workshop.text import LONG, MEDIUM, SHORT, clean_choice, clean_int, clean_name, clean_text

SOURCE_TYPE = "canvas_element"
MAX_MODELS = 20
MAX_ELEMENTS = 600
MAX_COMMENT_LENGTH = 5_000
STAGES: tuple[str, ...] = ("idea", "development", "testing", "ready", "permanent")
STEP_STATUSES: tuple[str, ...] = ("planned", "in_progress", "done")
RESPONSE_STATUSES: tuple[str, ...] = ("answered", "declined")
PRACTICE_TYPES: tuple[str, ...] = (
    "named_contact_person", "work_pair", "shared_time", "information_transfer",
    "consultation", "network_work", "joint_meeting", "other",
)
DEPLOYMENT_TYPES: tuple[str, ...] = (
    "approval", "training", "information_system", "communication", "monitoring_feedback",
    "other",
)
BACKGROUND_TYPES: tuple[str, ...] = ("environment", "starting_point", "need", "strategy")
TARGET_SCOPES: tuple[str, ...] = ("primary", "indirect")
RESOURCE_TYPES: tuple[str, ...] = (
    "staff", "competence", "time", "information_system", "funding", "premises", "other",
)
CONDITION_TYPES: tuple[str, ...] = ("enabler", "organisation", "success_factor")
TIP_TYPES: tuple[str, ...] = ("tip", "good_practice", "pitfall")
SOLUTION_STEPS: tuple[str, ...] = (
    "ideation", "choosing", "testing_with_clients", "testing_solution",
)

TEXT_FIELDS = {  # field -> (max length, multiline)
    "title": (SHORT, False),
    "body": (LONG, True),
    "summary": (MEDIUM, True),
    "heading": (SHORT, False),
    "organisation": (SHORT, False),
    "who": (SHORT, False),
    "timing": (SHORT, False),
    "indicator": (MEDIUM, True),
    "target": (MEDIUM, True),
    "follow_up_by": (SHORT, False),
    "applicability": (MEDIUM * 2, True),
}
ALL_FIELDS: tuple[str, ...] = (
    *TEXT_FIELDS, "category", "status", "due_date", "headcount", "months", "rank",
)


@dataclass(frozen=True)
class Kind:
    """What an element kind holds. ``parents`` empty: a top-level part of the canvas."""

    fields: tuple[str, ...]
    required: tuple[str, ...] = ("title",)
    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()


KINDS: dict[str, Kind] = {
    # what and for whom
    "goal": Kind(("title", "body", "target")),
    "problem": Kind(("title", "body")),
    "background": Kind(("category", "title", "body"), ("category", "title"),
                       categories=BACKGROUND_TYPES),
    "target_group": Kind(("category", "title", "body"), ("category", "title"),
                         categories=TARGET_SCOPES),
    "client_promise": Kind(("body",), ("body",)),
    # the model itself
    "pillar": Kind(("title", "body", "summary")),
    "principle": Kind(("title", "body")),
    "service_path": Kind(("title", "body")),
    "path_step": Kind(("title", "body", "who", "timing"), parents=("service_path",)),
    "item": Kind(("heading", "title", "body"),
                 parents=("pillar", "practice", "condition", "sub_model", "role")),
    "question": Kind(("title", "body"), parents=("pillar",)),
    # people and collaboration
    "role": Kind(("organisation", "who", "body", "timing"), ("who", "body")),
    "team_role": Kind(("who", "headcount", "organisation", "body"), ("who",)),
    "practice": Kind(("category", "title", "body", "timing", "who"), ("category", "title"),
                     categories=PRACTICE_TYPES),
    "involvement": Kind(("title", "body", "timing")),
    "co_developer": Kind(("organisation", "who", "body"), ("organisation",)),
    # putting it to use
    "deployment_step": Kind(("category", "title", "body", "who", "status", "due_date"),
                            ("category", "title", "status"), categories=DEPLOYMENT_TYPES,
                            statuses=STEP_STATUSES),
    "resource": Kind(("category", "title", "body"), ("category", "title"),
                     categories=RESOURCE_TYPES),
    "condition": Kind(("category", "title", "body"), ("category", "title"),
                      categories=CONDITION_TYPES),
    "follow_up": Kind(("title", "body", "months", "timing", "who")),
    # quality and evaluation
    "quality_criterion": Kind(("title", "indicator", "target", "follow_up_by", "body"),
                              ("title", "indicator", "target", "follow_up_by")),
    "evaluation_method": Kind(("title", "body", "who", "timing")),
    # where it came from: the waste workshop and solution development (generic references
    # to those features' records go through traceability links)
    "waste_finding": Kind(("title", "body", "rank")),
    "solution_step": Kind(("category", "title", "body", "who", "status"),
                          ("category", "title", "status"), categories=SOLUTION_STEPS,
                          statuses=STEP_STATUSES),
    "sub_model": Kind(("title", "body", "organisation")),
    # advice for those who apply the model
    "tip": Kind(("category", "title", "body", "applicability"), ("category", "title"),
                categories=TIP_TYPES),
}

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("what", ("goal", "problem", "background", "target_group", "client_promise")),
    ("core", ("pillar", "principle", "service_path")),
    ("people", ("role", "team_role", "practice", "involvement", "co_developer")),
    ("deployment", ("deployment_step", "resource", "condition", "follow_up")),
    ("quality", ("quality_criterion", "evaluation_method")),
    ("origins", ("waste_finding", "solution_step", "sub_model")),
    ("advice", ("tip",)),
)
CHILD_KINDS: dict[str, tuple[str, ...]] = {}
for _kind, _spec in KINDS.items():
    for _parent in _spec.parents:
        CHILD_KINDS.setdefault(_parent, ())
        CHILD_KINDS[_parent] += (_kind,)

# Where a section's field has a more precise name than the generic one.
FIELD_LABELS: dict[tuple[str, str], str] = {
    ("role", "who"): "canvas.label.role_who",
    ("role", "body"): "canvas.label.role_what",
    ("team_role", "who"): "canvas.label.team_role_who",
    ("team_role", "organisation"): "canvas.label.home_unit",
    ("deployment_step", "who"): "canvas.label.owner",
    ("solution_step", "who"): "canvas.label.owner",
    ("follow_up", "who"): "canvas.label.owner",
    ("evaluation_method", "who"): "canvas.label.owner",
    ("practice", "who"): "canvas.label.practice_who",
    ("co_developer", "who"): "canvas.label.co_developer_who",
    ("sub_model", "organisation"): "canvas.label.parties",
    ("pillar", "summary"): "canvas.label.pillar_summary",
    ("goal", "target"): "canvas.label.goal_target",
    ("item", "heading"): "canvas.label.item_heading",
    ("question", "body"): "canvas.label.question_body",
}


# The generic label of each field (and of the model's facts).
FIELD_KEYS: dict[str, str] = {
    "title": "field.canvas_title", "body": "field.canvas_body",
    "summary": "field.canvas_summary", "heading": "field.canvas_heading",
    "organisation": "field.canvas_organisation", "who": "field.canvas_who",
    "timing": "field.canvas_timing", "category": "field.canvas_category",
    "status": "field.canvas_status", "due_date": "field.canvas_due_date",
    "indicator": "field.canvas_indicator", "target": "field.canvas_target",
    "follow_up_by": "field.canvas_follow_up_by", "headcount": "field.canvas_headcount",
    "months": "field.canvas_months", "rank": "field.canvas_rank",
    "applicability": "field.canvas_applicability",
    "place": "field.canvas_place", "region": "field.canvas_region",
    "funder": "field.canvas_funder", "authors": "field.canvas_authors",
}


def field_label_key(kind: str, name: str) -> str:
    return FIELD_LABELS.get((kind, name), FIELD_KEYS[name])


# --- views -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelView:
    id: int
    workshop_id: int
    name: str
    short_description: str
    place: str
    region: str
    organisation: str
    funder: str
    authors: str
    stage: str
    version: int
    updated_at: dt.datetime


@dataclass(frozen=True)
class ElementView:
    id: int
    model_id: int
    parent_id: int | None
    kind: str
    position: int
    version: int
    title: str = ""
    body: str = ""
    summary: str = ""
    heading: str = ""
    category: str = ""
    organisation: str = ""
    who: str = ""
    timing: str = ""
    status: str = ""
    due_date: dt.date | None = None
    indicator: str = ""
    target: str = ""
    follow_up_by: str = ""
    headcount: Decimal | None = None
    months: int | None = None
    rank: int | None = None
    applicability: str = ""

    def values(self) -> dict[str, Any]:
        """The kind's fields and their values."""
        return {name: getattr(self, name) for name in KINDS[self.kind].fields}

    @property
    def label(self) -> str:
        return _element_text(self)


@dataclass(frozen=True)
class CanvasView:
    model: ModelView
    elements: tuple[ElementView, ...]  # tree order: a parent, then its children
    links: dict[int, tuple[traceability.LinkView, ...]] = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[ElementView]:
        return [e for e in self.elements if e.kind == kind]

    def children(self, element_id: int) -> list[ElementView]:
        return [e for e in self.elements if e.parent_id == element_id]

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(KINDS, 0)
        for element in self.elements:
            found[element.kind] += 1
        return found


@dataclass(frozen=True)
class VersionView:
    id: int
    model_id: int
    number: int
    summary: str
    published_at: dt.datetime
    meeting_id: int | None
    content: dict[str, Any]
    answered: int  # responses recorded in this version


@dataclass(frozen=True)
class ResponseView:
    status: str
    text: str
    answered_in_version: int | None  # the version number; None while still a draft
    version: int


@dataclass(frozen=True)
class CommentView:
    id: int
    version_id: int
    version_number: int
    element_id: int | None
    text: str
    hidden: bool
    version: int
    created_at: dt.datetime
    author: Authorship
    response: ResponseView | None


def _model_view(m: ServiceModel) -> ModelView:
    return ModelView(m.id, m.workshop_id, m.name, m.short_description, m.place, m.region,
                     m.organisation, m.funder, m.authors, m.stage, m.version, m.updated_at)


def _element_view(e: CanvasElement) -> ElementView:
    return ElementView(
        e.id, e.model_id, e.parent_id, e.kind, e.position, e.version,
        **{name: getattr(e, name) for name in ALL_FIELDS},
    )


def _element_text(e: Any) -> str:
    for name in ("title", "who", "organisation", "body"):
        value = getattr(e, name, "") or ""
        if value:
            return " ".join(value.split())
    return ""


def element_label(record: CanvasElement) -> str:
    """The traceability registry's label of a canvas element."""
    return _element_text(record)


# --- models ------------------------------------------------------------------------------------


def _clean_model(values: dict[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        if name == "name":
            cleaned[name] = clean_name(value, field="field.canvas_model_name", max_length=SHORT)
        elif name == "short_description":
            cleaned[name] = clean_text(value, field="field.canvas_short_description",
                                       max_length=MEDIUM * 2, required=False)
        elif name in ("place", "region", "organisation", "funder", "authors"):
            cleaned[name] = clean_text(value, field=FIELD_KEYS[name], max_length=SHORT,
                                       required=False, multiline=False)
        elif name == "stage":
            cleaned[name] = clean_choice(value, STAGES, field="field.canvas_stage")
        else:
            raise InvalidInput("error.invalid_input")
    return cleaned


def create_model(session: Session, actor: Actor, workshop_id: int, name: str,
                 **facts: Any) -> ModelView:
    require_facilitator(session, actor, workshop_id)
    fields = _clean_model({"name": name, **facts})
    count = session.scalar(select(func.count()).select_from(ServiceModel)
                           .where(ServiceModel.workshop_id == workshop_id)) or 0
    if count >= MAX_MODELS:
        raise InvalidInput("error.canvas.too_many_models", max=MAX_MODELS)
    model = ServiceModel(workshop_id=workshop_id, position=count,
                         updated_by_user_id=_user_id(actor), **fields)
    session.add(model)
    session.flush()
    return _model_view(model)


def _user_id(actor: Actor) -> int | None:
    return actor.user_id if isinstance(actor, FacilitatorActor) else None


def _facilitated_model(session: Session, actor: Actor, model_id: int) -> ServiceModel:
    model = session.get(ServiceModel, model_id)
    if model is None:
        raise NotFound()
    require_facilitator(session, actor, model.workshop_id)
    return model


def _save(session: Session) -> None:
    """Flush; a concurrent writer that got there first turns into :class:`StaleEdit`."""
    try:
        session.flush()
    except StaleDataError:
        raise StaleEdit() from None


def update_model(session: Session, actor: Actor, model_id: int, expected_version: int,
                 **facts: Any) -> ModelView:
    model = _facilitated_model(session, actor, model_id)
    if model.version != expected_version:
        raise StaleEdit()
    for name, value in _clean_model(facts).items():
        setattr(model, name, value)
    model.updated_by_user_id = _user_id(actor)
    _save(session)
    return _model_view(model)


def delete_model(session: Session, actor: Actor, model_id: int, expected_version: int) -> None:
    model = _facilitated_model(session, actor, model_id)
    if model.version != expected_version:
        raise StaleEdit()
    ids = list(session.scalars(select(CanvasElement.id)
                               .where(CanvasElement.model_id == model.id)))
    traceability.remove_links_of(session, SOURCE_TYPE, ids)
    # Bulk deletes also drop the rows from the session, so reused ids (SQLite) stay clean.
    session.execute(delete(CanvasElement).where(CanvasElement.model_id == model.id),
                    execution_options={"synchronize_session": "fetch"})
    session.delete(model)
    _save(session)


def list_models(session: Session, actor: Actor, workshop_id: int) -> list[ModelView]:
    require_facilitator(session, actor, workshop_id)
    rows = session.scalars(select(ServiceModel).where(ServiceModel.workshop_id == workshop_id)
                           .order_by(ServiceModel.position, ServiceModel.id))
    return [_model_view(m) for m in rows]


def get_model(session: Session, actor: Actor, model_id: int) -> ModelView:
    return _model_view(_facilitated_model(session, actor, model_id))


# --- elements ----------------------------------------------------------------------------------


def _clean_decimal(value: object, *, field: str) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidInput("error.canvas.number_invalid", field=field)
    try:
        number = Decimal(str(value).strip().replace(",", ".").replace("\u00a0", ""))
    except (InvalidOperation, ValueError):
        raise InvalidInput("error.canvas.number_invalid", field=field) from None
    if not number.is_finite() or not Decimal(0) <= number <= Decimal(100_000):
        raise InvalidInput("error.number.range", field=field, min=0, max=100_000)
    if number != number.quantize(Decimal("0.01")):
        raise InvalidInput("error.canvas.number_places", field=field, places=2)
    return number.quantize(Decimal("0.01"))


def _clean_optional_int(value: object, *, field: str, minimum: int, maximum: int) -> int | None:
    if value is None or value == "":
        return None
    return clean_int(value, field=field, minimum=minimum, maximum=maximum)


def _clean_element(kind: str, values: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    spec = KINDS[kind]
    unknown = set(values) - set(spec.fields)
    if unknown:
        name = sorted(unknown)[0]
        raise InvalidInput("error.canvas.field_not_in_kind", field=field_label_key(kind, name))
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        label = field_label_key(kind, name)
        if name in TEXT_FIELDS:
            max_length, multiline = TEXT_FIELDS[name]
            required = name in spec.required
            if required and not multiline:
                cleaned[name] = clean_name(value, field=label, max_length=max_length)
            else:
                cleaned[name] = clean_text(value, field=label, max_length=max_length,
                                           required=required, multiline=multiline)
        elif name == "category":
            cleaned[name] = clean_choice(value, spec.categories, field=label)
        elif name == "status":
            cleaned[name] = clean_choice(value, spec.statuses, field=label)
        elif name == "due_date":
            if value is not None and (not isinstance(value, dt.date)
                                      or isinstance(value, dt.datetime)):
                raise InvalidInput("error.date")
            cleaned[name] = value
        elif name == "headcount":
            cleaned[name] = _clean_decimal(value, field=label)
        elif name == "months":
            cleaned[name] = _clean_optional_int(value, field=label, minimum=0, maximum=240)
        elif name == "rank":
            cleaned[name] = _clean_optional_int(value, field=label, minimum=1, maximum=1000)
    if creating:
        for name in spec.required:
            if name not in cleaned:
                if name in ("category", "status"):
                    raise InvalidInput("error.choice", field=field_label_key(kind, name))
                raise InvalidInput("error.text.required", field=field_label_key(kind, name))
    return cleaned


def _facilitated_element(session: Session, actor: Actor, element_id: int) -> CanvasElement:
    element = session.get(CanvasElement, element_id)
    if element is None:
        raise NotFound()
    require_facilitator(session, actor, element.workshop_id)
    return element


def add_element(session: Session, actor: Actor, model_id: int, kind: str,
                parent_id: int | None = None, **values: Any) -> ElementView:
    """Add a part to the canvas; ``kind`` decides which fields it has (see :data:`KINDS`)."""
    model = _facilitated_model(session, actor, model_id)
    kind = clean_choice(kind, tuple(KINDS), field="field.canvas_kind")
    spec = KINDS[kind]
    if parent_id is None:
        if spec.parents:
            raise InvalidInput("error.canvas.needs_parent")
    else:
        parent = session.get(CanvasElement, parent_id)
        if parent is None or parent.model_id != model.id:
            raise NotFound()
        if parent.kind not in spec.parents:
            raise InvalidInput("error.canvas.wrong_parent")
    count = session.scalar(select(func.count()).select_from(CanvasElement)
                           .where(CanvasElement.model_id == model.id)) or 0
    if count >= MAX_ELEMENTS:
        raise InvalidInput("error.canvas.too_many_elements", max=MAX_ELEMENTS)
    fields = _clean_element(kind, values, creating=True)
    position = (session.scalar(
        select(func.max(CanvasElement.position)).where(
            CanvasElement.model_id == model.id, CanvasElement.kind == kind,
            CanvasElement.parent_id.is_(None) if parent_id is None
            else CanvasElement.parent_id == parent_id)) or 0) + 1
    element = CanvasElement(workshop_id=model.workshop_id, model_id=model.id,
                            parent_id=parent_id, kind=kind, position=position,
                            updated_by_user_id=_user_id(actor), **fields)
    session.add(element)
    session.flush()
    return _element_view(element)


def update_element(session: Session, actor: Actor, element_id: int, expected_version: int,
                   **values: Any) -> ElementView:
    """Change the given fields of an element seen at ``expected_version``."""
    element = _facilitated_element(session, actor, element_id)
    if element.version != expected_version:
        raise StaleEdit()
    fields = _clean_element(element.kind, values, creating=False)
    for name, value in fields.items():
        setattr(element, name, value)
    element.updated_by_user_id = _user_id(actor)
    _save(session)
    return _element_view(element)


def move_element(session: Session, actor: Actor, element_id: int, offset: int) -> None:
    """Move an element up (-1) or down (+1) among its siblings of the same kind."""
    element = _facilitated_element(session, actor, element_id)
    siblings = list(session.scalars(select(CanvasElement).where(
        CanvasElement.model_id == element.model_id, CanvasElement.kind == element.kind,
        CanvasElement.parent_id.is_(None) if element.parent_id is None
        else CanvasElement.parent_id == element.parent_id,
    ).order_by(CanvasElement.position, CanvasElement.id)))
    index = siblings.index(element)
    target = max(0, min(len(siblings) - 1, index + offset))
    siblings.insert(target, siblings.pop(index))
    for position, each in enumerate(siblings, 1):
        if each.position != position:
            each.position = position
    _save(session)


def remove_element(session: Session, actor: Actor, element_id: int,
                   expected_version: int) -> None:
    """Remove an element and its sub-items from the draft (published versions keep them)."""
    element = _facilitated_element(session, actor, element_id)
    if element.version != expected_version:
        raise StaleEdit()
    doomed = [element.id]
    frontier = [element.id]
    while frontier:
        children = list(session.scalars(select(CanvasElement.id).where(
            CanvasElement.parent_id.in_(frontier))))
        doomed += children
        frontier = children
    traceability.remove_links_of(session, SOURCE_TYPE, doomed)
    session.execute(delete(CanvasElement).where(CanvasElement.id.in_(doomed)),
                    execution_options={"synchronize_session": "fetch"})
    session.flush()


def _ordered(elements: Iterable[CanvasElement]) -> list[CanvasElement]:
    """Sections in canvas order, each parent followed by its sub-items."""
    rows = list(elements)
    order = {kind: n for n, kind in enumerate(
        kind for _section, kinds in SECTIONS for kind in kinds)}
    by_parent: dict[int | None, list[CanvasElement]] = {}
    for row in rows:
        by_parent.setdefault(row.parent_id, []).append(row)
    for siblings in by_parent.values():
        siblings.sort(key=lambda e: (order.get(e.kind, 99), e.kind, e.position, e.id))
    result: list[CanvasElement] = []

    def walk(parent: int | None) -> None:
        for row in by_parent.get(parent, []):
            result.append(row)
            walk(row.id)

    walk(None)
    return result


def get_canvas(session: Session, actor: Actor, model_id: int) -> CanvasView:
    """The draft with every element and its traceability links (facilitators)."""
    model = _facilitated_model(session, actor, model_id)
    return _canvas(session, model)


def _canvas(session: Session, model: ServiceModel) -> CanvasView:
    rows = _ordered(session.scalars(select(CanvasElement).where(
        CanvasElement.model_id == model.id)))
    elements = tuple(_element_view(e) for e in rows)
    links = traceability.links_from_unchecked(session, model.workshop_id, SOURCE_TYPE,
                                              [e.id for e in elements])
    return CanvasView(_model_view(model), elements,
                      {key: tuple(value) for key, value in links.items()})


def link_element(session: Session, actor: Actor, element_id: int, record_type: str,
                 record_id: int, note: str = "") -> traceability.LinkView:
    """Record that an element came from a record (persona, path step, vote, ...)."""
    _facilitated_element(session, actor, element_id)
    return traceability.add_link(session, actor, SOURCE_TYPE, element_id, record_type,
                                 record_id, note)


def unlink(session: Session, actor: Actor, link_id: int) -> None:
    traceability.remove_link(session, actor, link_id)


# --- versions ----------------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(session: Session, model: ServiceModel) -> dict[str, Any]:
    """The canvas as plain JSON: what a published version freezes.

    Only what the facilitator wrote is copied. Links keep the linked record's type and id
    (their labels are looked up when shown), and responses name the comment by id: text
    written by participants is never copied into a version, so moderation (hiding) and the
    erasure of a participant's data reach every version too.
    """
    canvas = _canvas(session, model)
    elements = []
    for element in canvas.elements:
        entry: dict[str, Any] = {"id": element.id, "kind": element.kind,
                                 "parent_id": element.parent_id}
        for name, value in element.values().items():
            if value not in ("", None):
                entry[name] = _json_value(value)
        entry["links"] = [{"record_type": link.record_type, "record_id": link.record_id}
                          for link in canvas.links.get(element.id, ())]
        elements.append(entry)
    facts = {name: getattr(model, name) for name in (
        "name", "short_description", "place", "region", "organisation", "funder", "authors",
        "stage")}
    return {"format": 1, "model": facts, "elements": elements}


def publish(session: Session, actor: Actor, model_id: int, summary: str = "",
            meeting_id: int | None = None) -> VersionView:
    """Freeze the draft as the next version and record the responses it carries."""
    model = _facilitated_model(session, actor, model_id)
    note = clean_text(summary, field="field.canvas_version_summary", max_length=MEDIUM * 2,
                      required=False)
    if meeting_id is not None:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None or meeting.workshop_id != model.workshop_id:
            raise NotFound()
    else:
        meeting = session.scalar(select(Meeting).where(
            Meeting.workshop_id == model.workshop_id, Meeting.status != "planned")
            .order_by(Meeting.number.desc()).limit(1))
    number = (session.scalar(select(func.max(CanvasVersion.number))
                             .where(CanvasVersion.model_id == model.id)) or 0) + 1
    content = snapshot(session, model)
    version = CanvasVersion(workshop_id=model.workshop_id, model_id=model.id, number=number,
                            summary=note, meeting_id=meeting.id if meeting else None,
                            published_by_user_id=_user_id(actor), content=content)
    session.add(version)
    session.flush()
    pending = session.execute(
        select(CanvasResponse, CanvasComment)
        .join(CanvasComment, CanvasComment.id == CanvasResponse.comment_id)
        .join(CanvasVersion, CanvasVersion.id == CanvasComment.version_id)
        .where(CanvasVersion.model_id == model.id,
               CanvasResponse.answered_in_version_id.is_(None))
        .order_by(CanvasComment.id)
    ).all()
    answered = []
    for response, comment in pending:
        response.answered_in_version_id = version.id
        answered.append({"comment_id": comment.id, "status": response.status,
                         "text": response.text})
    version.content = {**content, "responses": answered}
    _save(session)
    _bump_workshop(session, model.workshop_id)
    return _version_view(version)


def version_links(session: Session, actor: Actor, version_id: int
                  ) -> dict[tuple[str, int], tuple[str, str, bool]]:
    """(record type, id) -> (status, label, hidden) of the records a version links to, as
    they are now (facilitators; a removed or erased record shows as missing)."""
    version = session.get(CanvasVersion, version_id)
    if version is None:
        raise NotFound()
    require_facilitator(session, actor, version.workshop_id)
    found = {}
    for element in version.content.get("elements", []):
        for link in element.get("links", []):
            key = (link["record_type"], link["record_id"])
            if key not in found:
                found[key] = traceability.describe(session, version.workshop_id, *key)
    return found


def _bump_workshop(session: Session, workshop_id: int) -> None:
    opened = open_meeting_of(session, workshop_id)
    if opened is not None:
        bump_revision(session, opened.id)


def _version_view(v: CanvasVersion) -> VersionView:
    return VersionView(v.id, v.model_id, v.number, v.summary, v.published_at, v.meeting_id,
                       v.content, len(v.content.get("responses", [])))


def _reader(session: Session, actor: Actor, workshop_id: int) -> None:
    """Facilitators always; participants of the workshop while one of its meetings is open."""
    if isinstance(actor, FacilitatorActor):
        require_facilitator(session, actor, workshop_id)
        return
    require_workshop(session, actor, workshop_id)
    if open_meeting_of(session, workshop_id) is None:
        raise NotFound("error.meeting_not_open")


def list_versions(session: Session, actor: Actor, model_id: int) -> list[VersionView]:
    model = session.get(ServiceModel, model_id)
    if model is None:
        raise NotFound()
    _reader(session, actor, model.workshop_id)
    rows = session.scalars(select(CanvasVersion).where(CanvasVersion.model_id == model_id)
                           .order_by(CanvasVersion.number))
    return [_version_view(v) for v in rows]


def get_version(session: Session, actor: Actor, version_id: int) -> VersionView:
    version = session.get(CanvasVersion, version_id)
    if version is None:
        raise NotFound()
    _reader(session, actor, version.workshop_id)
    return _version_view(version)


@dataclass(frozen=True)
class PublishedModel:
    model_id: int
    name: str
    latest: VersionView


def published_models(session: Session, actor: Actor, workshop_id: int) -> list[PublishedModel]:
    """Each model of the workshop that has a published version, with its newest one."""
    _reader(session, actor, workshop_id)
    found = []
    models = session.scalars(select(ServiceModel).where(ServiceModel.workshop_id == workshop_id)
                             .order_by(ServiceModel.position, ServiceModel.id))
    for model in models:
        latest = session.scalar(select(CanvasVersion).where(CanvasVersion.model_id == model.id)
                                .order_by(CanvasVersion.number.desc()).limit(1))
        if latest is not None:
            found.append(PublishedModel(model.id, latest.content["model"]["name"],
                                        _version_view(latest)))
    return found


# --- comments and responses --------------------------------------------------------------------


def _clean_comment(text: object) -> str:
    return clean_text(text, field="field.canvas_comment", max_length=MAX_COMMENT_LENGTH)


def _element_in(version: CanvasVersion, element_id: object) -> int | None:
    if element_id is None:
        return None
    if isinstance(element_id, bool) or not isinstance(element_id, int):
        raise NotFound()
    if not any(e["id"] == element_id for e in version.content.get("elements", [])):
        raise NotFound()
    return element_id


def add_comment(session: Session, actor: Actor, version_id: int, text: str, *,
                element_id: int | None = None, item_id: int | None = None,
                client_key: str | None = None) -> tuple[int, bool]:
    """Comment on a published version (or one of its elements); returns (id, created).

    With ``item_id`` the comment belongs to a ``model_canvas`` activity of a meeting (and
    follows its open/closed contributions); without, participants may comment while any
    meeting of their workshop is open. A repeated ``client_key`` returns the first comment.
    """
    version = session.get(CanvasVersion, version_id)
    if version is None:
        raise NotFound()
    _reader(session, actor, version.workshop_id)
    cleaned = _clean_comment(text)
    target = _element_in(version, element_id)
    if item_id is not None:
        item = require_item(session, actor, item_id)
        if item.meeting.workshop_id != version.workshop_id:
            raise NotFound()
        if item.activity_type != "model_canvas":
            raise InvalidInput("error.canvas.wrong_activity")
        comment, created = contributions.create(
            session, actor, CanvasComment, item_id, client_key, version_id=version.id,
            element_id=target, text=cleaned)
        return comment.id, created
    return _comment_between_items(session, actor, version, target, cleaned, client_key)


def _comment_between_items(session: Session, actor: Actor, version: CanvasVersion,
                           element_id: int | None, text: str,
                           client_key: str | None) -> tuple[int, bool]:
    opened = open_meeting_of(session, version.workshop_id)
    if isinstance(actor, ParticipantActor) and opened is None:
        raise NotFound("error.meeting_not_open")
    key = contributions._clean_key(client_key)
    if key is not None:
        existing = contributions._by_key(session, CanvasComment, actor, key)
        if existing is not None:
            return existing.id, False
    comment = CanvasComment(
        workshop_id=version.workshop_id, meeting_id=opened.id if opened else None,
        agenda_item_id=None,
        author_id=actor.participant_id if isinstance(actor, ParticipantActor) else None,
        author_user_id=_user_id(actor), client_key=key, version_id=version.id,
        element_id=element_id, text=text)
    session.add(comment)
    session.flush()
    if opened is not None:
        bump_revision(session, opened.id)
    return comment.id, True


def edit_comment(session: Session, actor: Actor, comment_id: int, expected_version: int,
                 text: str) -> int:
    comment = contributions.get_for_edit(session, actor, CanvasComment, comment_id,
                                         expected_version)
    if _response_row(session, comment.id) is not None:
        raise InvalidInput("error.canvas.comment_answered")
    comment.text = _clean_comment(text)
    contributions.save(session, comment)
    return comment.version


def withdraw_comment(session: Session, actor: Actor, comment_id: int,
                     expected_version: int) -> None:
    contributions.withdraw(session, actor, CanvasComment, comment_id, expected_version)


def hide_comment(session: Session, actor: Actor, comment_id: int, hidden: bool = True) -> None:
    contributions.set_hidden(session, actor, CanvasComment, comment_id, hidden)


def _response_row(session: Session, comment_id: int) -> CanvasResponse | None:
    return session.get(CanvasResponse, comment_id)


def respond(session: Session, actor: Actor, comment_id: int, status: str, text: str = "",
            expected_version: int | None = None) -> ResponseView:
    """Answer a comment: ``answered`` (taken into the model) or ``declined`` (with a reason).

    The response travels with the next published version; after that it is fixed.
    ``expected_version`` is the response's version when changing an earlier draft response.
    """
    comment = session.get(CanvasComment, comment_id)
    if comment is None or comment.withdrawn:
        raise NotFound()
    require_facilitator(session, actor, comment.workshop_id)
    chosen = clean_choice(status, RESPONSE_STATUSES, field="field.canvas_response_status")
    reason = clean_text(text, field="field.canvas_response", max_length=MEDIUM * 2,
                        required=chosen == "declined")
    row = _response_row(session, comment.id)
    if row is None:
        if expected_version is not None:
            raise StaleEdit()
        row = CanvasResponse(comment_id=comment.id, workshop_id=comment.workshop_id,
                             status=chosen, text=reason, responded_by_user_id=_user_id(actor))
        session.add(row)
    else:
        if row.answered_in_version_id is not None:
            raise InvalidInput("error.canvas.response_published")
        if expected_version is None or row.version != expected_version:
            raise StaleEdit()
        row.status, row.text = chosen, reason
        row.responded_by_user_id = _user_id(actor)
    _save(session)
    if comment.meeting_id is not None:
        bump_revision(session, comment.meeting_id)
    return ResponseView(row.status, row.text, None, row.version)


def list_comments(session: Session, actor: Actor, model_id: int, *,
                  version_id: int | None = None) -> list[CommentView]:
    """Comments on a model's published versions as the actor may see them, oldest first.

    Participants see no hidden comments and the names of others only where the activity
    shows names; facilitators see everything except withdrawn comments.
    """
    model = session.get(ServiceModel, model_id)
    if model is None:
        raise NotFound()
    _reader(session, actor, model.workshop_id)
    query = (
        select(CanvasComment, CanvasVersion.number, Participant, AgendaItem)
        .join(CanvasVersion, CanvasVersion.id == CanvasComment.version_id)
        .outerjoin(Participant, Participant.id == CanvasComment.author_id)
        .outerjoin(AgendaItem, AgendaItem.id == CanvasComment.agenda_item_id)
        .where(CanvasVersion.model_id == model.id, CanvasComment.withdrawn.is_(False))
        .order_by(CanvasComment.created_at, CanvasComment.id)
    )
    if version_id is not None:
        query = query.where(CanvasComment.version_id == version_id)
    if isinstance(actor, ParticipantActor):
        query = query.where(CanvasComment.hidden.is_(False))
    rows = session.execute(query).all()
    responses = {
        r.comment_id: r for r in session.scalars(select(CanvasResponse).where(
            CanvasResponse.comment_id.in_([c.id for c, *_ in rows])))
    } if rows else {}
    numbers = dict(session.execute(select(CanvasVersion.id, CanvasVersion.number).where(
        CanvasVersion.model_id == model.id)).all())
    found = []
    for comment, number, author, item in rows:
        response = responses.get(comment.id)
        response_view = None
        if response is not None:
            published = response.answered_in_version_id
            if published is not None or isinstance(actor, FacilitatorActor):
                response_view = ResponseView(
                    response.status, response.text,
                    numbers.get(published) if published is not None else None,
                    response.version)
        found.append(CommentView(comment.id, comment.version_id, number, comment.element_id,
                                 comment.text, comment.hidden, comment.version,
                                 comment.created_at, _authorship(actor, author, item),
                                 response_view))
    return found


def _authorship(actor: Actor, author: Participant | None, item: AgendaItem | None
                ) -> Authorship:
    if author is None:
        return Authorship(None, None, mine=False, by_facilitator=True)
    mine = isinstance(actor, ParticipantActor) and actor.participant_id == author.id
    show = mine or isinstance(actor, FacilitatorActor) or bool(item and item.show_names)
    name = author.display_name if show and author.erased_at is None else None
    return Authorship(author.role, name, mine=mine, by_facilitator=False)


def unanswered_count(session: Session, actor: Actor, model_id: int) -> int:
    """Comments on the model that have no response yet (hidden ones included)."""
    model = _facilitated_model(session, actor, model_id)
    return session.scalar(
        select(func.count()).select_from(CanvasComment)
        .join(CanvasVersion, CanvasVersion.id == CanvasComment.version_id)
        .outerjoin(CanvasResponse, CanvasResponse.comment_id == CanvasComment.id)
        .where(CanvasVersion.model_id == model.id, CanvasComment.withdrawn.is_(False),
               CanvasResponse.comment_id.is_(None))
    ) or 0
