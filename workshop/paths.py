"""Service paths (palvelupolut): a persona's path through services as ordered steps.

Each step answers the method's supporting questions (what happened, who acted, through which
channel, what was meaningful, what was difficult, how it felt from -2 to +2) and may be
marked as a critical point with a short note. A path exists as-is and, later, as to-be: the
to-be path starts as an independent copy.

Groups write together: any member of the group may add, edit, reorder and remove steps while
the activity is open. Edits carry the version the writer saw and a stale edit is refused
(:class:`StaleEdit`), never merged. Reordering does not change step versions, so a reorder by
one person does not invalidate another person's open edit form. Removing a step withdraws it
(kept in the database, shown to nobody). Every change bumps the open meeting's revision, so
live screens update.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workshop.access import (
    Actor,
    FacilitatorActor,
    ParticipantActor,
    open_meeting_of,
    require_facilitator,
    require_item,
    require_workshop,
    require_writable_item,
)
from workshop.contributions import _by_key, _clean_key
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.meetings import bump_revision
from workshop.model_paths import PathStep, ServicePath
from workshop.model_personas import Persona
from workshop.models import ContributionMixin
from workshop.personas import list_personas
from workshop.text import MEDIUM, SHORT, clean_choice, clean_int, clean_name, clean_text

CHANNELS: tuple[str, ...] = ("face_to_face", "phone", "digital", "letter", "other")
VARIANTS: tuple[str, ...] = ("as_is", "to_be")
EXPERIENCE_MIN, EXPERIENCE_MAX = -2, 2
MAX_STEPS = 60
ACTIVITY = "service_path"

Record = TypeVar("Record", bound=ContributionMixin)


@dataclass(frozen=True)
class StepInput:
    """What a step form sends."""

    what: str
    actor_name: str = ""
    channel: str = "face_to_face"
    meaningful: str = ""
    difficult: str = ""
    experience: int | None = None
    critical: bool = False
    critical_note: str = ""


@dataclass(frozen=True)
class StepView:
    id: int
    position: int
    what: str
    actor_name: str
    channel: str
    meaningful: str
    difficult: str
    experience: int | None
    critical: bool
    critical_note: str
    version: int
    hidden: bool

    @property
    def as_input(self) -> StepInput:
        return StepInput(self.what, self.actor_name, self.channel, self.meaningful,
                         self.difficult, self.experience, self.critical, self.critical_note)


@dataclass(frozen=True)
class PathView:
    id: int
    workshop_id: int
    title: str
    variant: str
    persona_id: int | None
    persona_name: str | None
    source_path_id: int | None
    version: int
    hidden: bool
    steps: tuple[StepView, ...]

    @property
    def critical_steps(self) -> tuple[StepView, ...]:
        return tuple(s for s in self.steps if s.critical and not s.hidden)

    def number_of(self, step_id: int) -> int:
        """1-based number of a step as the reader sees it."""
        return next(i for i, s in enumerate(self.steps, start=1) if s.id == step_id)


@dataclass(frozen=True)
class PersonaChoice:
    id: int
    name: str


# --- access -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Write:
    """Who writes, from which activity, and which meeting's live screens to tell."""

    author_id: int | None
    author_user_id: int | None
    item_id: int | None
    meeting_id: int | None


def writer(session: Session, actor: Actor, workshop_id: int, item_id: int | None,
           activity: str) -> Write:
    """Check that ``actor`` may change ``workshop_id``'s paths or maps now.

    Facilitators always may (from anywhere); participants only from an agenda item of that
    activity type in their workshop's open meeting while its contributions are open.
    """
    if isinstance(actor, ParticipantActor):
        if item_id is None:
            raise InvalidInput("error.contributions_closed")
        item = require_writable_item(session, actor, item_id)
        if item.meeting.workshop_id != workshop_id or item.activity_type != activity:
            raise NotFound()
        return Write(actor.participant_id, None, item.id, item.meeting_id)
    require_facilitator(session, actor, workshop_id)
    assert isinstance(actor, FacilitatorActor)
    if item_id is not None:
        item = require_item(session, actor, item_id)
        if item.meeting.workshop_id != workshop_id:
            raise NotFound()
        return Write(None, actor.user_id, item.id, item.meeting_id)
    meeting = open_meeting_of(session, workshop_id)
    return Write(None, actor.user_id, None, meeting.id if meeting else None)


def insert(session: Session, actor: Actor, record: Record, client_key: str | None
           ) -> tuple[Record, bool]:
    """Add ``record``; a repeated ``client_key`` of the same author returns the first one."""
    key = _clean_key(client_key)
    if key is not None:
        existing = _by_key(session, type(record), actor, key)
        if existing is not None:
            return existing, False
    record.client_key = key
    try:
        with session.begin_nested():
            session.add(record)
    except IntegrityError:
        existing = _by_key(session, type(record), actor, key) if key else None
        if existing is None:
            raise
        return existing, False
    return record, True


def existing_key(session: Session, actor: Actor, model: type[Record], client_key: str | None
                 ) -> Record | None:
    key = _clean_key(client_key)
    return _by_key(session, model, actor, key) if key is not None else None


def save(session: Session, record: ContributionMixin, expected_version: int) -> None:
    """Flush an edit made at ``expected_version``; a newer stored version is a stale edit."""
    if record.version != expected_version:
        raise StaleEdit()
    try:
        session.flush()
    except StaleDataError:
        raise StaleEdit() from None


# --- cleaning -----------------------------------------------------------------------------

def _clean_title(title: object) -> str:
    return clean_name(title, field="field.path_title", max_length=SHORT)


def _clean_step(step: StepInput) -> dict[str, object]:
    if not isinstance(step.critical, bool):
        raise InvalidInput("error.invalid_input")
    experience = step.experience
    if experience is not None:
        experience = clean_int(experience, field="field.step_experience",
                               minimum=EXPERIENCE_MIN, maximum=EXPERIENCE_MAX)
    return {
        "what": clean_text(step.what, field="field.step_what", max_length=MEDIUM),
        "actor_name": clean_text(step.actor_name, field="field.step_actor", max_length=SHORT,
                                 required=False, multiline=False),
        "channel": clean_choice(step.channel, CHANNELS, field="field.step_channel"),
        "meaningful": clean_text(step.meaningful, field="field.step_meaningful",
                                 max_length=MEDIUM, required=False),
        "difficult": clean_text(step.difficult, field="field.step_difficult",
                                max_length=MEDIUM, required=False),
        "experience": experience,
        "critical": step.critical,
        "critical_note": clean_text(step.critical_note, field="field.step_critical_note",
                                    max_length=MEDIUM, required=False),
    }


def _persona(session: Session, workshop_id: int, persona_id: object) -> int | None:
    if persona_id is None:
        return None
    if isinstance(persona_id, bool) or not isinstance(persona_id, int):
        raise InvalidInput("error.choice", field="field.persona")
    persona = session.get(Persona, persona_id)
    if persona is None or persona.workshop_id != workshop_id or persona.withdrawn:
        raise InvalidInput("error.choice", field="field.persona")
    return persona.id


# --- views --------------------------------------------------------------------------------

def _step_view(step: PathStep, position: int) -> StepView:
    return StepView(step.id, position, step.what, step.actor_name, step.channel,
                    step.meaningful, step.difficult, step.experience, step.critical,
                    step.critical_note, step.version, step.hidden)


def _visible_steps(session: Session, actor: Actor, path_id: int) -> list[PathStep]:
    query = select(PathStep).where(PathStep.path_id == path_id, PathStep.withdrawn.is_(False))
    if isinstance(actor, ParticipantActor):
        query = query.where(PathStep.hidden.is_(False))
    return list(session.scalars(query.order_by(PathStep.position, PathStep.id)))


def _view(session: Session, actor: Actor, path: ServicePath) -> PathView:
    persona_name = None
    if path.persona_id is not None:
        persona = session.get(Persona, path.persona_id)
        persona_name = persona.name if persona is not None and not persona.withdrawn else None
    steps = _visible_steps(session, actor, path.id)
    return PathView(
        path.id, path.workshop_id, path.title, path.variant, path.persona_id, persona_name,
        path.source_path_id, path.version, path.hidden,
        tuple(_step_view(s, i) for i, s in enumerate(steps)),
    )


def _readable_path(session: Session, actor: Actor, path_id: int) -> ServicePath:
    path = session.get(ServicePath, path_id)
    if path is None or path.withdrawn:
        raise NotFound()
    require_workshop(session, actor, path.workshop_id)
    if path.hidden and isinstance(actor, ParticipantActor):
        raise NotFound()
    return path


def _locked_path(session: Session, actor: Actor, path_id: int, item_id: int | None
                 ) -> tuple[ServicePath, Write]:
    """The path for a change of its step list, locked against concurrent renumbering."""
    path = _readable_path(session, actor, path_id)
    write = writer(session, actor, path.workshop_id, item_id, ACTIVITY)
    session.refresh(path, with_for_update=True)
    return path, write


def list_paths(session: Session, actor: Actor, workshop_id: int) -> list[PathView]:
    """The workshop's paths with their steps, as-is before to-be, oldest first."""
    require_workshop(session, actor, workshop_id)
    query = select(ServicePath).where(ServicePath.workshop_id == workshop_id,
                                      ServicePath.withdrawn.is_(False))
    if isinstance(actor, ParticipantActor):
        query = query.where(ServicePath.hidden.is_(False))
    rows = session.scalars(query.order_by(ServicePath.id))
    return [_view(session, actor, p) for p in rows]


def get_path(session: Session, actor: Actor, path_id: int) -> PathView:
    return _view(session, actor, _readable_path(session, actor, path_id))


def persona_choices(session: Session, actor: Actor, workshop_id: int) -> list[PersonaChoice]:
    """Personas a path can belong to (as the personas module shows them to the actor)."""
    return [PersonaChoice(p.id, p.name) for p in list_personas(session, actor, workshop_id)]


# --- paths --------------------------------------------------------------------------------

def create_path(session: Session, actor: Actor, workshop_id: int, title: str, *,
                persona_id: int | None = None, item_id: int | None = None,
                client_key: str | None = None) -> PathView:
    """A new, empty as-is path; a repeated ``client_key`` returns the first one."""
    write = writer(session, actor, workshop_id, item_id, ACTIVITY)
    found = existing_key(session, actor, ServicePath, client_key)
    if found is not None:
        return _view(session, actor, found)
    path = ServicePath(
        workshop_id=workshop_id, title=_clean_title(title), variant="as_is",
        persona_id=_persona(session, workshop_id, persona_id),
        author_id=write.author_id, author_user_id=write.author_user_id,
        agenda_item_id=write.item_id,
    )
    path, _created = insert(session, actor, path, client_key)
    bump_revision(session, write.meeting_id)
    return _view(session, actor, path)


def update_path(session: Session, actor: Actor, path_id: int, expected_version: int, *,
                title: str, persona_id: int | None, item_id: int | None = None) -> PathView:
    path = _readable_path(session, actor, path_id)
    write = writer(session, actor, path.workshop_id, item_id, ACTIVITY)
    if path.version != expected_version:
        raise StaleEdit()
    cleaned, persona = _clean_title(title), _persona(session, path.workshop_id, persona_id)
    path.title, path.persona_id = cleaned, persona
    save(session, path, expected_version)
    bump_revision(session, write.meeting_id)
    return _view(session, actor, path)


def delete_path(session: Session, actor: Actor, path_id: int, expected_version: int) -> None:
    """The facilitator removes a path (withdrawn: kept in the database, shown to nobody)."""
    path = _readable_path(session, actor, path_id)
    require_facilitator(session, actor, path.workshop_id)
    write = writer(session, actor, path.workshop_id, None, ACTIVITY)
    if path.version != expected_version:
        raise StaleEdit()
    path.withdrawn = True
    save(session, path, expected_version)
    bump_revision(session, write.meeting_id)


def set_path_hidden(session: Session, actor: Actor, path_id: int, hidden: bool) -> None:
    path = _readable_path(session, actor, path_id)
    require_facilitator(session, actor, path.workshop_id)
    path.hidden = hidden
    session.flush()
    bump_revision(session, writer(session, actor, path.workshop_id, None, ACTIVITY).meeting_id)


def make_to_be(session: Session, actor: Actor, path_id: int, *, item_id: int | None = None,
               title: str | None = None) -> PathView:
    """The to-be version of an as-is path: an independent copy of its visible steps.

    If the path already has a to-be version, that one is returned (a double click makes one).
    """
    source = _readable_path(session, actor, path_id)
    if source.variant != "as_is":
        raise InvalidInput("paths.error.not_as_is")
    write = writer(session, actor, source.workshop_id, item_id, ACTIVITY)
    session.refresh(source, with_for_update=True)
    existing = session.scalar(
        select(ServicePath).where(ServicePath.source_path_id == source.id,
                                  ServicePath.variant == "to_be",
                                  ServicePath.withdrawn.is_(False))
    )
    if existing is not None:
        return _view(session, actor, existing)
    copy = ServicePath(
        workshop_id=source.workshop_id,
        title=_clean_title(title) if title is not None else source.title,
        variant="to_be", persona_id=source.persona_id, source_path_id=source.id,
        author_id=write.author_id, author_user_id=write.author_user_id,
        agenda_item_id=write.item_id,
    )
    session.add(copy)
    session.flush()
    for position, step in enumerate(_visible_steps(session, actor, source.id)):
        session.add(PathStep(
            path_id=copy.id, position=position, workshop_id=source.workshop_id,
            author_id=write.author_id, author_user_id=write.author_user_id,
            agenda_item_id=write.item_id,
            what=step.what, actor_name=step.actor_name, channel=step.channel,
            meaningful=step.meaningful, difficult=step.difficult, experience=step.experience,
            critical=step.critical, critical_note=step.critical_note,
        ))
    session.flush()
    bump_revision(session, write.meeting_id)
    return _view(session, actor, copy)


# --- steps --------------------------------------------------------------------------------

def _ordered(session: Session, path_id: int) -> list[PathStep]:
    """All steps that count for ordering (withdrawn ones do not)."""
    return list(session.scalars(
        select(PathStep).where(PathStep.path_id == path_id, PathStep.withdrawn.is_(False))
        .order_by(PathStep.position, PathStep.id)
    ))


def _renumber(session: Session, steps: Sequence[PathStep]) -> None:
    """Positions 0..n-1 in the given order, without touching the steps' versions."""
    for position, step in enumerate(steps):
        if step.position != position:
            session.execute(
                update(PathStep).where(PathStep.id == step.id).values(position=position)
            )


def _step_for_change(session: Session, actor: Actor, step_id: int, item_id: int | None
                     ) -> tuple[PathStep, ServicePath, Write]:
    step = session.get(PathStep, step_id)
    if step is None or step.withdrawn:
        raise NotFound()
    path, write = _locked_path(session, actor, step.path_id, item_id)
    if step.hidden and isinstance(actor, ParticipantActor):
        raise NotFound()
    return step, path, write


def add_step(session: Session, actor: Actor, path_id: int, step: StepInput, *,
             before_step_id: int | None = None, item_id: int | None = None,
             client_key: str | None = None) -> StepView:
    """Add a step at the end, or before ``before_step_id`` (inserting shifts the rest)."""
    fields = _clean_step(step)
    path, write = _locked_path(session, actor, path_id, item_id)
    found = existing_key(session, actor, PathStep, client_key)
    if found is not None:
        return _step_view(found, found.position)
    steps = _ordered(session, path.id)
    if len(steps) >= MAX_STEPS:
        raise InvalidInput("paths.error.too_many_steps", max=MAX_STEPS)
    index = len(steps)
    if before_step_id is not None:
        index = next((i for i, s in enumerate(steps) if s.id == before_step_id), -1)
        if index < 0:
            raise NotFound()
    record = PathStep(
        path_id=path.id, position=index, workshop_id=path.workshop_id,
        author_id=write.author_id, author_user_id=write.author_user_id,
        agenda_item_id=write.item_id, **fields,
    )
    shifted = [*steps[:index], record, *steps[index:]]
    for position, each in enumerate(shifted):
        if each is not record and each.position != position:
            session.execute(
                update(PathStep).where(PathStep.id == each.id).values(position=position)
            )
    record, _created = insert(session, actor, record, client_key)
    bump_revision(session, write.meeting_id)
    return _step_view(record, record.position)


def edit_step(session: Session, actor: Actor, step_id: int, expected_version: int,
              step: StepInput, *, item_id: int | None = None) -> StepView:
    """Save a step edited at ``expected_version``; returns it with its new version."""
    fields = _clean_step(step)
    record, _path, write = _step_for_change(session, actor, step_id, item_id)
    if record.version != expected_version:
        raise StaleEdit()
    for name, value in fields.items():
        setattr(record, name, value)
    save(session, record, expected_version)
    bump_revision(session, write.meeting_id)
    return _step_view(record, record.position)


def move_step(session: Session, actor: Actor, step_id: int, offset: int, *,
              item_id: int | None = None) -> None:
    """Move a step up (-1) or down (+1): keyboard-friendly reordering."""
    if offset not in (-1, 1):
        raise InvalidInput("error.invalid_input")
    record, path, write = _step_for_change(session, actor, step_id, item_id)
    steps = _ordered(session, path.id)
    index = steps.index(record)
    target = max(0, min(len(steps) - 1, index + offset))
    steps.insert(target, steps.pop(index))
    _renumber(session, steps)
    bump_revision(session, write.meeting_id)


def delete_step(session: Session, actor: Actor, step_id: int, expected_version: int, *,
                item_id: int | None = None) -> None:
    """Remove a step (withdrawn: kept, shown to nobody); the others close the gap."""
    record, path, write = _step_for_change(session, actor, step_id, item_id)
    if record.version != expected_version:
        raise StaleEdit()
    record.withdrawn = True
    save(session, record, expected_version)
    _renumber(session, _ordered(session, path.id))
    bump_revision(session, write.meeting_id)


def set_step_hidden(session: Session, actor: Actor, step_id: int, hidden: bool) -> None:
    """The facilitator hides inappropriate content: kept and marked, never deleted."""
    step = session.get(PathStep, step_id)
    if step is None or step.withdrawn:
        raise NotFound()
    require_facilitator(session, actor, step.workshop_id)
    step.hidden = hidden
    session.flush()
    bump_revision(session, writer(session, actor, step.workshop_id, None, ACTIVITY).meeting_id)
