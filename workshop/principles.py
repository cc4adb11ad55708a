"""Co-design ground rules (yhteiskehittämisen periaatteet) the group agrees on together.

The list belongs to the workshop, so what was agreed at the first meeting is there at every
later one. It starts from the method's default principles, written once in the workshop's
language when the list is first used. Participants propose principles and react to each one
(agree / want to discuss); the facilitator rewords, marks agreed, reorders and removes.
Removing hides: nothing anyone wrote is deleted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workshop import contributions
from workshop.access import (
    Actor,
    FacilitatorActor,
    ParticipantActor,
    require_facilitator,
    require_participant,
    require_workshop,
    require_writable_item,
)
from workshop.content.methods import DEFAULT_PRINCIPLES
from workshop.contributions import Authorship
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.i18n import t
from workshop.model_warmup import (
    Principle,
    PrincipleReaction,
    activity_item,
    authorship,
    bump_workshop,
    claim_seed,
)
from workshop.models import AgendaItem, Participant, Workshop, utcnow
from workshop.text import clean_choice, clean_text

ACTIVITY = "principles"
MAX_PRINCIPLE_LENGTH = 500
MAX_PRINCIPLES = 40
REACTIONS: tuple[str, ...] = ("agree", "discuss")
FIELD = "field.warmup.principle"


@dataclass(frozen=True)
class PrincipleView:
    id: int
    text: str
    position: int
    agreed: bool
    hidden: bool
    version: int
    from_method: bool  # one of the method's starting principles
    author: Authorship
    agree: int = 0  # reactions in the agenda item, to the current wording
    discuss: int = 0
    my_reaction: str | None = None


def _clean(text: object) -> str:
    return clean_text(text, field=FIELD, max_length=MAX_PRINCIPLE_LENGTH)


# --- starting list ---------------------------------------------------------------------------

def _seed(session: Session, workshop_id: int, item: AgendaItem | None,
          user_id: int | None) -> bool:
    """Write the method's starting principles once per workshop, in its language."""
    if not claim_seed(session, workshop_id, ACTIVITY):
        return False
    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound()
    start = _next_position(session, workshop_id)
    for offset, key in enumerate(DEFAULT_PRINCIPLES):
        session.add(Principle(
            workshop_id=workshop_id, meeting_id=None, agenda_item_id=None,
            author_user_id=user_id, text=t(key, workshop.language), position=start + offset,
            seed_key=key,
        ))
    session.flush()
    bump_workshop(session, workshop_id, item.meeting_id if item else None)
    return True


def start(session: Session, actor: Actor, item_id: int) -> bool:
    """Make sure the workshop's list exists when a principles item is used (idempotent).

    Anyone who may read the item may trigger it; returns True if the list was written now.
    """
    item = activity_item(session, actor, item_id, ACTIVITY)
    user_id = actor.user_id if isinstance(actor, FacilitatorActor) else None
    return _seed(session, item.meeting.workshop_id, item, user_id)


def start_for_workshop(session: Session, actor: Actor, workshop_id: int) -> bool:
    """The same from the facilitator's library page, outside a meeting."""
    require_facilitator(session, actor, workshop_id)
    assert isinstance(actor, FacilitatorActor)
    return _seed(session, workshop_id, None, actor.user_id)


def _next_position(session: Session, workshop_id: int) -> int:
    highest = session.scalar(
        select(func.max(Principle.position)).where(Principle.workshop_id == workshop_id))
    return 0 if highest is None else highest + 1


def _count_shown(session: Session, workshop_id: int) -> int:
    return session.scalar(
        select(func.count()).select_from(Principle).where(
            Principle.workshop_id == workshop_id, Principle.hidden.is_(False),
            Principle.withdrawn.is_(False))
    ) or 0


# --- reading ---------------------------------------------------------------------------------

def _views(session: Session, actor: Actor, workshop_id: int, item: AgendaItem | None
           ) -> list[PrincipleView]:
    query = (
        select(Principle, Participant)
        .outerjoin(Participant, Participant.id == Principle.author_id)
        .where(Principle.workshop_id == workshop_id, Principle.withdrawn.is_(False))
        .order_by(Principle.position, Principle.id)
    )
    if isinstance(actor, ParticipantActor):
        query = query.where(Principle.hidden.is_(False))
    rows = session.execute(query).all()
    counts: Counter[tuple[int, str]] = Counter()
    mine: dict[int, str] = {}
    if item is not None:
        reactions = session.execute(
            select(PrincipleReaction, Principle.wording)
            .join(Principle, Principle.id == PrincipleReaction.principle_id)
            .where(PrincipleReaction.agenda_item_id == item.id)
        ).all()
        for reaction, wording in reactions:
            if reaction.wording != wording:
                continue  # a reaction to an earlier wording does not count for the new one
            counts[(reaction.principle_id, reaction.kind)] += 1
            if isinstance(actor, ParticipantActor) and \
                    reaction.participant_id == actor.participant_id:
                mine[reaction.principle_id] = reaction.kind
    show_names = item.show_names if item is not None else False
    return [
        PrincipleView(
            p.id, p.text, p.position, p.agreed, p.hidden, p.version, p.seed_key is not None,
            authorship(actor, author, show_names),
            counts[(p.id, "agree")], counts[(p.id, "discuss")], mine.get(p.id),
        )
        for p, author in rows
    ]


def list_for_item(session: Session, actor: Actor, item_id: int) -> list[PrincipleView]:
    """The workshop's principles in order, with reactions given in this agenda item.

    Participants do not see removed (hidden) principles; facilitators see them marked.
    """
    item = activity_item(session, actor, item_id, ACTIVITY)
    return _views(session, actor, item.meeting.workshop_id, item)


def list_for_workshop(session: Session, actor: Actor, workshop_id: int) -> list[PrincipleView]:
    require_facilitator(session, actor, workshop_id)
    return _views(session, actor, workshop_id, None)


def agreed_principles(session: Session, actor: Actor, workshop_id: int) -> list[str]:
    """The agreed principles in order: what later meetings and documents show."""
    require_workshop(session, actor, workshop_id)
    return list(session.scalars(
        select(Principle.text).where(
            Principle.workshop_id == workshop_id, Principle.agreed.is_(True),
            Principle.hidden.is_(False), Principle.withdrawn.is_(False))
        .order_by(Principle.position, Principle.id)
    ))


# --- proposing and editing --------------------------------------------------------------------

def propose(session: Session, actor: Actor, item_id: int, text: str,
            client_key: str | None = None) -> tuple[int, bool]:
    """A new principle at the end of the list; returns (id, created)."""
    item = activity_item(session, actor, item_id, ACTIVITY)
    require_writable_item(session, actor, item_id)
    cleaned = _clean(text)
    workshop_id = item.meeting.workshop_id
    _seed(session, workshop_id, item,
          actor.user_id if isinstance(actor, FacilitatorActor) else None)
    if _count_shown(session, workshop_id) >= MAX_PRINCIPLES:
        raise InvalidInput("error.warmup.principles_full", max=MAX_PRINCIPLES)
    record, created = contributions.create(
        session, actor, Principle, item_id, client_key, text=cleaned,
        position=_next_position(session, workshop_id),
    )
    if created:
        bump_workshop(session, workshop_id, item.meeting_id)
    return record.id, created


def add_for_workshop(session: Session, actor: Actor, workshop_id: int, text: str) -> int:
    """The facilitator adds a principle from the library page (outside a meeting)."""
    require_facilitator(session, actor, workshop_id)
    assert isinstance(actor, FacilitatorActor)
    cleaned = _clean(text)
    _seed(session, workshop_id, None, actor.user_id)
    if _count_shown(session, workshop_id) >= MAX_PRINCIPLES:
        raise InvalidInput("error.warmup.principles_full", max=MAX_PRINCIPLES)
    principle = Principle(workshop_id=workshop_id, author_user_id=actor.user_id, text=cleaned,
                          position=_next_position(session, workshop_id))
    session.add(principle)
    session.flush()
    bump_workshop(session, workshop_id)
    return principle.id


def _for_facilitator(session: Session, actor: Actor, principle_id: int) -> Principle:
    principle = session.get(Principle, principle_id)
    if principle is None or principle.withdrawn:
        raise NotFound()
    require_facilitator(session, actor, principle.workshop_id)
    return principle


def edit(session: Session, actor: Actor, principle_id: int, expected_version: int,
         text: str) -> int:
    """Reword a principle; returns the new version.

    The facilitator may reword any principle; a participant only their own proposal while
    it is not yet agreed and the item is open. A changed wording starts its reactions over.
    """
    cleaned = _clean(text)
    current = session.get(Principle, principle_id)
    if current is not None and current.text == cleaned:
        expected_version = current.version  # a repeated save of the same text is a no-op
    principle = contributions.get_for_edit(session, actor, Principle, principle_id,
                                           expected_version)
    if isinstance(actor, ParticipantActor) and principle.agreed:
        raise InvalidInput("error.warmup.principle_agreed")
    if principle.text != cleaned:
        principle.text = cleaned
        principle.wording += 1
        contributions.save(session, principle)
        bump_workshop(session, principle.workshop_id)
    return principle.version


def set_agreed(session: Session, actor: Actor, principle_id: int, expected_version: int,
               agreed: bool = True) -> int:
    """Mark a principle agreed by the group (or take the mark back); returns the version."""
    principle = _for_facilitator(session, actor, principle_id)
    if principle.agreed == agreed:
        return principle.version  # a repeated click changes nothing
    if principle.version != expected_version:
        raise StaleEdit()
    if agreed and principle.hidden:
        raise InvalidInput("error.warmup.principle_removed")
    principle.agreed = agreed
    principle.agreed_at = utcnow() if agreed else None
    contributions.save(session, principle)
    bump_workshop(session, principle.workshop_id)
    return principle.version


def move(session: Session, actor: Actor, principle_id: int, offset: int) -> None:
    """Move a principle up (-1) or down (+1) among the principles still on the list.

    Positions are written without touching the records' versions, so reordering never
    makes someone's open edit stale.
    """
    principle = _for_facilitator(session, actor, principle_id)
    if offset not in (-1, 1):
        raise InvalidInput("error.invalid_input")
    ordered = list(session.execute(
        select(Principle.id, Principle.position).where(
            Principle.workshop_id == principle.workshop_id, Principle.withdrawn.is_(False),
            Principle.hidden.is_(False))
        .order_by(Principle.position, Principle.id)
    ).all())
    ids = [row.id for row in ordered]
    if principle.id not in ids:
        raise InvalidInput("error.warmup.principle_removed")
    index = ids.index(principle.id)
    target = max(0, min(len(ids) - 1, index + offset))
    if target == index:
        return
    ids.insert(target, ids.pop(index))
    for position, each in enumerate(ids):
        session.execute(update(Principle).where(Principle.id == each).values(position=position))
    bump_workshop(session, principle.workshop_id)


def remove(session: Session, actor: Actor, principle_id: int, removed: bool = True) -> None:
    """Take a principle off the list (kept, marked hidden) or put it back at the end."""
    principle = _for_facilitator(session, actor, principle_id)
    if principle.hidden == removed:
        return
    principle.hidden = removed
    if removed:
        principle.agreed = False
        principle.agreed_at = None
    else:
        principle.position = _next_position(session, principle.workshop_id)
    contributions.save(session, principle)
    bump_workshop(session, principle.workshop_id)


def withdraw(session: Session, actor: Actor, principle_id: int, expected_version: int) -> None:
    """A participant takes back their own proposal while it is not agreed."""
    principle = contributions.get_for_edit(session, actor, Principle, principle_id,
                                           expected_version)
    if principle.agreed:
        raise InvalidInput("error.warmup.principle_agreed")
    principle.withdrawn = True
    contributions.save(session, principle)
    bump_workshop(session, principle.workshop_id)


# --- reactions -------------------------------------------------------------------------------

def react(session: Session, actor: Actor, item_id: int, principle_id: int,
          kind: str | None) -> None:
    """Set (or with None clear) the participant's reaction; repeating it changes nothing."""
    item = activity_item(session, actor, item_id, ACTIVITY)
    require_writable_item(session, actor, item_id)
    participant = require_participant(session, actor)
    if kind is not None:
        kind = clean_choice(kind, REACTIONS, field="field.warmup.reaction")
    principle = session.get(Principle, principle_id)
    if (principle is None or principle.workshop_id != item.meeting.workshop_id
            or principle.hidden or principle.withdrawn):
        raise NotFound()
    query = select(PrincipleReaction).where(
        PrincipleReaction.agenda_item_id == item.id,
        PrincipleReaction.principle_id == principle.id,
        PrincipleReaction.participant_id == participant.id,
    )
    existing = session.scalar(query)
    if kind is None:
        if existing is not None:
            session.delete(existing)
            session.flush()
            bump_workshop(session, principle.workshop_id, item.meeting_id)
        return
    if existing is not None:
        if existing.kind == kind and existing.wording == principle.wording:
            return
        existing.kind, existing.wording = kind, principle.wording
        session.flush()
    else:
        try:
            with session.begin_nested():
                session.add(PrincipleReaction(
                    agenda_item_id=item.id, principle_id=principle.id,
                    participant_id=participant.id, kind=kind, wording=principle.wording))
        except IntegrityError:
            # the same participant's second request raced in: keep one row, the latest kind
            again = session.scalar(query)
            if again is None:
                raise
            again.kind, again.wording = kind, principle.wording
            session.flush()
    bump_workshop(session, principle.workshop_id, item.meeting_id)
