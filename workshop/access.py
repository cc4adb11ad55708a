"""Who may do what, enforced in the domain: every service function takes an actor.

A facilitator sees the workshops they own or were invited to. A participant sees only their
own workshop, and writes only into its open meeting. Records outside an actor's reach raise
:class:`NotFound`, so ids cannot be used to probe what exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop.errors import InvalidInput, NotFound
from workshop.models import AgendaItem, Meeting, Participant, Workshop, WorkshopFacilitator


@dataclass(frozen=True)
class FacilitatorActor:
    user_id: int


@dataclass(frozen=True)
class ParticipantActor:
    participant_id: int


Actor = FacilitatorActor | ParticipantActor


def require_facilitator(session: Session, actor: Actor, workshop_id: int) -> Workshop:
    """The workshop, if ``actor`` is one of its facilitators."""
    if not isinstance(actor, FacilitatorActor):
        raise NotFound()
    membership = session.get(WorkshopFacilitator, (workshop_id, actor.user_id))
    if membership is None:
        raise NotFound()
    return membership.workshop


def require_participant(session: Session, actor: Actor) -> Participant:
    if not isinstance(actor, ParticipantActor):
        raise NotFound()
    participant = session.get(Participant, actor.participant_id)
    if participant is None or participant.erased_at is not None:
        raise NotFound("error.participant_unknown")
    return participant


def require_workshop(session: Session, actor: Actor, workshop_id: int) -> Workshop:
    """Read access to a workshop, for either kind of actor."""
    if isinstance(actor, FacilitatorActor):
        return require_facilitator(session, actor, workshop_id)
    participant = require_participant(session, actor)
    if participant.workshop_id != workshop_id:
        raise NotFound()
    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound()
    return workshop


def require_meeting(session: Session, actor: Actor, meeting_id: int) -> Meeting:
    """A meeting the actor may read: facilitators any of theirs, participants the open one."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound()
    require_workshop(session, actor, meeting.workshop_id)
    if isinstance(actor, ParticipantActor) and meeting.status != "open":
        raise NotFound("error.meeting_not_open")
    return meeting


def require_item(session: Session, actor: Actor, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound()
    require_meeting(session, actor, item.meeting_id)
    return item


def require_writable_item(session: Session, actor: Actor, item_id: int) -> AgendaItem:
    """An agenda item the actor may add contributions to right now."""
    item = require_item(session, actor, item_id)
    if isinstance(actor, ParticipantActor) and not item.contributions_open:
        raise InvalidInput("error.contributions_closed")
    return item


def open_meeting_of(session: Session, workshop_id: int) -> Meeting | None:
    return session.scalar(
        select(Meeting).where(Meeting.workshop_id == workshop_id, Meeting.status == "open")
    )
