"""What every participant-produced record shares: idempotent create, optimistic edits,
withdrawal by the author, hiding by the facilitator, and anonymity towards other participants.

Record types (notes, picture-card picks, personas, ...) call these helpers with their model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workshop.access import (
    Actor,
    FacilitatorActor,
    ParticipantActor,
    require_facilitator,
    require_meeting,
    require_participant,
    require_writable_item,
)
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.meetings import bump_revision
from workshop.models import AgendaItem, ContributionMixin, Participant

Record = TypeVar("Record", bound=ContributionMixin)
MAX_CLIENT_KEY = 64


@dataclass(frozen=True)
class Authorship:
    """How a record's author is shown: role always, name only where the activity allows it."""

    role: str | None
    name: str | None
    mine: bool
    by_facilitator: bool


def create(
    session: Session, actor: Actor, model: type[Record], item_id: int,
    client_key: str | None, **fields: Any,
) -> tuple[Record, bool]:
    """Store a new record for an agenda item; returns (record, created).

    A repeated ``client_key`` from the same author returns the first record instead of a copy:
    double clicks and resubmits after a reconnect never duplicate.
    """
    item = require_writable_item(session, actor, item_id)
    meeting = item.meeting
    author_id = actor.participant_id if isinstance(actor, ParticipantActor) else None
    key = _clean_key(client_key)
    if key is not None:
        existing = _by_key(session, model, actor, key)
        if existing is not None:
            return existing, False
    record = model(
        workshop_id=meeting.workshop_id, meeting_id=meeting.id, agenda_item_id=item.id,
        author_id=author_id,
        author_user_id=actor.user_id if isinstance(actor, FacilitatorActor) else None,
        client_key=key, **fields,
    )
    try:
        with session.begin_nested():
            session.add(record)
    except IntegrityError:
        # The same key raced in from a second request: the first one wins.
        existing = _by_key(session, model, actor, key) if key else None
        if existing is None:
            raise
        return existing, False
    bump_revision(session, meeting.id)
    return record, True


def _clean_key(client_key: str | None) -> str | None:
    if client_key is None:
        return None
    if not isinstance(client_key, str) or not 8 <= len(client_key) <= MAX_CLIENT_KEY:
        raise InvalidInput("error.invalid_input")
    return client_key


def _by_key(session: Session, model: type[Record], actor: Actor, key: str) -> Record | None:
    query = select(model).where(model.client_key == key)
    if isinstance(actor, ParticipantActor):
        query = query.where(model.author_id == actor.participant_id)
    else:
        query = query.where(model.author_user_id == actor.user_id, model.author_id.is_(None))
    return session.scalar(query)


def get_for_edit(session: Session, actor: Actor, model: type[Record], record_id: int,
                 expected_version: int) -> Record:
    """A record the actor may change now, at the version they saw."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFound()
    if isinstance(actor, ParticipantActor):
        if record.author_id != actor.participant_id or record.withdrawn:
            raise NotFound()
        if record.agenda_item_id is None:
            raise InvalidInput("error.contributions_closed")
        require_writable_item(session, actor, record.agenda_item_id)
    else:
        require_facilitator(session, actor, record.workshop_id)
    if record.version != expected_version:
        raise StaleEdit()
    return record


def save(session: Session, record: ContributionMixin) -> None:
    """Flush an edit; a concurrent writer that got there first turns into :class:`StaleEdit`."""
    try:
        session.flush()
    except StaleDataError:
        raise StaleEdit() from None
    bump_revision(session, record.meeting_id)


def update(session: Session, actor: Actor, model: type[Record], record_id: int,
           expected_version: int, **fields: Any) -> Record:
    record = get_for_edit(session, actor, model, record_id, expected_version)
    for name, value in fields.items():
        setattr(record, name, value)
    save(session, record)
    return record


def withdraw(session: Session, actor: Actor, model: type[Record], record_id: int,
             expected_version: int) -> None:
    """The author takes their contribution back (kept in the database, shown to nobody)."""
    record = get_for_edit(session, actor, model, record_id, expected_version)
    record.withdrawn = True
    save(session, record)


def set_hidden(session: Session, actor: Actor, model: type[Record], record_id: int,
               hidden: bool) -> None:
    """The facilitator hides inappropriate content: kept and marked, never deleted."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFound()
    require_facilitator(session, actor, record.workshop_id)
    record.hidden = hidden
    save(session, record)


def visible_for_item(session: Session, actor: Actor, model: type[Record], item_id: int
                     ) -> tuple[AgendaItem, list[tuple[Record, Authorship]]]:
    """Records of an agenda item as the actor may see them, oldest first."""
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound()
    require_meeting(session, actor, item.meeting_id)
    query = (
        select(model, Participant)
        .outerjoin(Participant, Participant.id == model.author_id)
        .where(model.agenda_item_id == item_id, model.withdrawn.is_(False))
        .order_by(model.created_at, model.id)
    )
    if isinstance(actor, ParticipantActor):
        query = query.where(model.hidden.is_(False))
    rows = session.execute(query).all()
    return item, [(record, _authorship(actor, item, author)) for record, author in rows]


def recent_for_item(session: Session, actor: Actor, model: type[Record], item_id: int, *,
                    limit: int, onlooker: bool = False
                    ) -> tuple[int, list[tuple[Record, Authorship]]]:
    """How many records of an agenda item the actor may see, and the newest ``limit`` of
    them plus the actor's own (oldest first).

    A phone in a meeting of 200 shows the newest few; loading all of them on every change
    would cost every screen the whole list. ``onlooker=True`` (participants only) leaves the
    reader's own records out of the picture: authorship as any other participant sees it,
    so one result can serve every participant's screen.
    """
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound()
    require_meeting(session, actor, item.meeting_id)
    participant = isinstance(actor, ParticipantActor)
    visible = [model.agenda_item_id == item_id, model.withdrawn.is_(False)]
    if participant:
        visible.append(model.hidden.is_(False))
    total = session.scalar(select(func.count()).select_from(model).where(*visible)) or 0
    newest = (
        select(model.id).where(*visible)
        .order_by(model.created_at.desc(), model.id.desc()).limit(max(0, limit))
    )
    wanted = model.id.in_(newest.scalar_subquery())
    if participant and not onlooker:
        wanted = or_(wanted, model.author_id == actor.participant_id)
    query = (
        select(model, Participant)
        .outerjoin(Participant, Participant.id == model.author_id)
        .where(*visible, wanted)
        .order_by(model.created_at, model.id)
    )
    reader = _ONLOOKER if participant and onlooker else actor
    rows = session.execute(query).all()
    return total, [(record, _authorship(reader, item, author)) for record, author in rows]


def own_for_item(session: Session, actor: ParticipantActor, model: type[Record], item_id: int
                 ) -> list[tuple[Record, Authorship]]:
    """The participant's own visible records of an agenda item, oldest first."""
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound()
    require_meeting(session, actor, item.meeting_id)
    author = require_participant(session, actor)
    rows = session.scalars(
        select(model).where(model.agenda_item_id == item_id, model.author_id == author.id,
                            model.withdrawn.is_(False), model.hidden.is_(False))
        .order_by(model.created_at, model.id)
    ).all()
    return [(record, _authorship(actor, item, author)) for record in rows]


# A participant who wrote none of the records: authorship as everyone else sees it.
_ONLOOKER = ParticipantActor(0)


def _authorship(actor: Actor, item: AgendaItem, author: Participant | None) -> Authorship:
    if author is None:
        return Authorship(None, None, mine=False, by_facilitator=True)
    mine = isinstance(actor, ParticipantActor) and actor.participant_id == author.id
    show_name = mine or isinstance(actor, FacilitatorActor) or item.show_names
    name = author.display_name if show_name and author.erased_at is None else None
    return Authorship(author.role, name, mine=mine, by_facilitator=False)
