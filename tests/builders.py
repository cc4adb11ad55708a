"""Small builders for tests: a facilitator with a workshop and an open meeting, participants."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workshop import accounts, meetings, participants, workshops
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.models import Meeting

PASSWORD = "correct horse battery"


@dataclass
class World:
    facilitator: FacilitatorActor
    workshop_id: int
    meeting_id: int
    item_id: int


def facilitator(session: Session, username: str = "fasi") -> FacilitatorActor:
    user = accounts.create_user(session, username, PASSWORD, username.title())
    return FacilitatorActor(user.id)


def world(session: Session, username: str = "fasi", *, open_meeting: bool = True,
          contributions_open: bool = True) -> World:
    actor = facilitator(session, username)
    workshop = workshops.create_workshop(session, actor, f"Työpaja {username}")
    meeting = meetings.plan_meeting(session, actor, workshop.id, title="Alkuvalmennus")
    item = meetings.add_agenda_item(session, actor, meeting.id, title="Ideat",
                                    activity_type="notes")
    if open_meeting:
        meetings.open_meeting(session, actor, meeting.id)
        if contributions_open:
            meetings.set_item_flags(session, actor, item.id, contributions_open=True)
    return World(actor, workshop.id, meeting.id, item.id)


def join(session: Session, w: World, name: str = "Aino", role: str = "client_rep"
         ) -> ParticipantActor:
    meeting = session.get(Meeting, w.meeting_id)
    assert meeting is not None
    result = participants.join(session, meeting, display_name=name, role=role)
    return ParticipantActor(result.participant.id)
