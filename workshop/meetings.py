"""Meetings of a theme group: planning (date, phase, agenda), opening for participants, the
current activity and its timer, and the revision number that live screens poll."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workshop.access import (
    Actor,
    open_meeting_of,
    require_facilitator,
    require_item,
    require_meeting,
)
from workshop.errors import Conflict, InvalidInput, NotFound
from workshop.models import PHASES, AgendaItem, Meeting, utcnow
from workshop.text import MEDIUM, SHORT, clean_choice, clean_int, clean_name, clean_text

ACTIVITY_TYPES: tuple[str, ...] = (
    "info", "notes", "principles", "picture_cards", "glossary", "topics", "learning_cafe",
    "feedback", "personas", "service_path", "causal_map", "prioritising", "waste_workshop",
    "tuplatiimi", "solution_steps", "model_canvas",
)
# Typed on a phone: no 0/O, 1/I/L look-alikes. 6 characters = 30 bits; guessing is throttled.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
MAX_AGENDA_ITEMS = 40


@dataclass(frozen=True)
class AgendaItemView:
    id: int
    position: int
    title: str
    activity_type: str
    duration_minutes: int
    contributions_open: bool
    show_names: bool
    instructions: str


@dataclass(frozen=True)
class MeetingView:
    id: int
    workshop_id: int
    number: int
    title: str
    date: dt.date | None
    start_time: dt.time | None
    duration_minutes: int
    phase: str
    status: str
    join_code: str | None
    link_token: str | None
    revision: int
    current_item_id: int | None
    timer_started_at: dt.datetime | None
    timer_seconds: int | None
    agenda: tuple[AgendaItemView, ...]

    @property
    def planned_minutes(self) -> int:
        return sum(item.duration_minutes for item in self.agenda)

    @property
    def current_item(self) -> AgendaItemView | None:
        return next((i for i in self.agenda if i.id == self.current_item_id), None)

    def timer_remaining(self, now: dt.datetime | None = None) -> int | None:
        """Seconds left on the activity timer (negative when over time), None if not running."""
        if self.timer_started_at is None or self.timer_seconds is None:
            return None
        elapsed = ((now or utcnow()) - self.timer_started_at).total_seconds()
        return int(self.timer_seconds - elapsed)


def _item_view(i: AgendaItem) -> AgendaItemView:
    return AgendaItemView(i.id, i.position, i.title, i.activity_type, i.duration_minutes,
                          i.contributions_open, i.show_names, i.instructions)


def _view(m: Meeting) -> MeetingView:
    return MeetingView(
        m.id, m.workshop_id, m.number, m.title, m.date, m.start_time, m.duration_minutes,
        m.phase, m.status, m.join_code, m.link_token, m.revision, m.current_item_id,
        m.timer_started_at, m.timer_seconds,
        tuple(_item_view(i) for i in sorted(m.agenda, key=lambda i: (i.position, i.id))),
    )


def bump_revision(session: Session, meeting_id: int | None) -> None:
    """Tell live screens that something in the meeting changed (same transaction)."""
    if meeting_id is not None:
        session.execute(
            update(Meeting).where(Meeting.id == meeting_id).values(revision=Meeting.revision + 1)
        )


def revision(session: Session, meeting_id: int) -> int:
    """The cheap change check: one indexed integer read, no access check (ids are not secret
    data and the number reveals nothing)."""
    value = session.scalar(select(Meeting.revision).where(Meeting.id == meeting_id))
    if value is None:
        raise NotFound()
    return value


def _clean_meeting(
    title: object, date: object, phase: object, duration_minutes: object, start_time: object
) -> dict[str, object]:
    if date is not None and not isinstance(date, dt.date):
        raise InvalidInput("error.date")
    if start_time is not None and not isinstance(start_time, dt.time):
        raise InvalidInput("error.time")
    return {
        "title": clean_text(title, field="field.meeting_title", max_length=SHORT, required=False,
                            multiline=False),
        "date": date,
        "start_time": start_time,
        "phase": clean_choice(phase, PHASES, field="field.phase"),
        "duration_minutes": clean_int(duration_minutes, field="field.duration", minimum=15,
                                      maximum=12 * 60),
    }


def plan_meeting(
    session: Session,
    actor: Actor,
    workshop_id: int,
    *,
    title: str = "",
    date: dt.date | None = None,
    phase: str = "warmup",
    duration_minutes: int = 180,
    start_time: dt.time | None = None,
) -> MeetingView:
    require_facilitator(session, actor, workshop_id)
    fields = _clean_meeting(title, date, phase, duration_minutes, start_time)
    number = (session.scalar(
        select(func.max(Meeting.number)).where(Meeting.workshop_id == workshop_id)) or 0) + 1
    meeting = Meeting(workshop_id=workshop_id, number=number, **fields)
    session.add(meeting)
    session.flush()
    return _view(meeting)


def update_meeting(
    session: Session,
    actor: Actor,
    meeting_id: int,
    *,
    title: str,
    date: dt.date | None,
    phase: str,
    duration_minutes: int,
    start_time: dt.time | None = None,
) -> MeetingView:
    meeting = _facilitated_meeting(session, actor, meeting_id)
    for key, value in _clean_meeting(title, date, phase, duration_minutes, start_time).items():
        setattr(meeting, key, value)
    bump_revision(session, meeting.id)
    session.flush()
    return _view(meeting)


def _facilitated_meeting(session: Session, actor: Actor, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound()
    require_facilitator(session, actor, meeting.workshop_id)
    return meeting


def get_meeting(session: Session, actor: Actor, meeting_id: int) -> MeetingView:
    return _view(require_meeting(session, actor, meeting_id))


def meeting_by_number(session: Session, actor: Actor, workshop_id: int, number: int) -> MeetingView:
    require_facilitator(session, actor, workshop_id)
    meeting = session.scalar(
        select(Meeting).where(Meeting.workshop_id == workshop_id, Meeting.number == number)
    )
    if meeting is None:
        raise NotFound("error.meeting_number_unknown", number=number)
    return _view(meeting)


def list_meetings(session: Session, actor: Actor, workshop_id: int) -> list[MeetingView]:
    require_facilitator(session, actor, workshop_id)
    rows = session.scalars(
        select(Meeting).where(Meeting.workshop_id == workshop_id).order_by(Meeting.number)
    )
    return [_view(m) for m in rows]


def delete_meeting(session: Session, actor: Actor, meeting_id: int) -> None:
    meeting = _facilitated_meeting(session, actor, meeting_id)
    if meeting.status == "open":
        raise InvalidInput("error.meeting_open_cannot_delete")
    session.delete(meeting)
    session.flush()


# --- agenda -----------------------------------------------------------------------------------

def _clean_item(title: object, activity_type: object, duration: object, instructions: object
                ) -> dict[str, object]:
    return {
        "title": clean_name(title, field="field.item_title", max_length=SHORT),
        "activity_type": clean_choice(activity_type, ACTIVITY_TYPES, field="field.activity_type"),
        "duration_minutes": clean_int(duration, field="field.duration", minimum=1, maximum=600),
        "instructions": clean_text(instructions, field="field.instructions", max_length=MEDIUM,
                                   required=False),
    }


def add_agenda_item(
    session: Session,
    actor: Actor,
    meeting_id: int,
    *,
    title: str,
    activity_type: str = "info",
    duration_minutes: int = 15,
    instructions: str = "",
) -> AgendaItemView:
    meeting = _facilitated_meeting(session, actor, meeting_id)
    if len(meeting.agenda) >= MAX_AGENDA_ITEMS:
        raise InvalidInput("error.agenda_full", max=MAX_AGENDA_ITEMS)
    fields = _clean_item(title, activity_type, duration_minutes, instructions)
    position = max((i.position for i in meeting.agenda), default=-1) + 1
    item = AgendaItem(meeting=meeting, position=position, **fields)
    session.add(item)
    bump_revision(session, meeting.id)
    session.flush()
    return _item_view(item)


def update_agenda_item(
    session: Session,
    actor: Actor,
    item_id: int,
    *,
    title: str,
    activity_type: str,
    duration_minutes: int,
    instructions: str = "",
) -> AgendaItemView:
    item = _facilitated_item(session, actor, item_id)
    for key, value in _clean_item(title, activity_type, duration_minutes, instructions).items():
        setattr(item, key, value)
    bump_revision(session, item.meeting_id)
    session.flush()
    return _item_view(item)


def _facilitated_item(session: Session, actor: Actor, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound()
    _facilitated_meeting(session, actor, item.meeting_id)
    return item


def move_agenda_item(session: Session, actor: Actor, item_id: int, offset: int) -> None:
    """Move an item up (-1) or down (+1): keyboard-friendly reordering."""
    item = _facilitated_item(session, actor, item_id)
    items = sorted(item.meeting.agenda, key=lambda i: (i.position, i.id))
    index = items.index(item)
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    for position, each in enumerate(items):
        each.position = position
    bump_revision(session, item.meeting_id)
    session.flush()


def remove_agenda_item(session: Session, actor: Actor, item_id: int) -> None:
    item = _facilitated_item(session, actor, item_id)
    meeting = item.meeting
    if meeting.current_item_id == item.id:
        meeting.current_item_id = None
        meeting.timer_started_at = meeting.timer_seconds = None
    meeting.agenda.remove(item)
    for position, each in enumerate(sorted(meeting.agenda, key=lambda i: (i.position, i.id))):
        each.position = position
    bump_revision(session, meeting.id)
    session.flush()


# --- running a meeting ------------------------------------------------------------------------

def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def open_meeting(session: Session, actor: Actor, meeting_id: int) -> MeetingView:
    """Open the meeting for participants: a fresh join code and link token."""
    meeting = _facilitated_meeting(session, actor, meeting_id)
    if meeting.status == "open":
        return _view(meeting)
    other = open_meeting_of(session, meeting.workshop_id)
    if other is not None:
        raise Conflict("error.other_meeting_open", number=other.number)
    for _attempt in range(20):
        code = _new_code()
        if session.scalar(select(Meeting.id).where(Meeting.join_code == code)) is None:
            break
    else:  # pragma: no cover - 31**6 codes; only a full table could get here
        raise Conflict("error.no_free_code")
    meeting.status = "open"
    meeting.join_code = code
    meeting.link_token = secrets.token_urlsafe(16)
    meeting.opened_at = utcnow()
    meeting.closed_at = None
    if meeting.current_item_id is None and meeting.agenda:
        meeting.current_item_id = meeting.agenda[0].id
    bump_revision(session, meeting.id)
    try:
        session.flush()
    except IntegrityError:  # two facilitators opened at once and drew the same code
        raise Conflict("error.try_again") from None
    return _view(meeting)


def close_meeting(session: Session, actor: Actor, meeting_id: int) -> MeetingView:
    """Close the meeting: its code stops working and all contributions close."""
    meeting = _facilitated_meeting(session, actor, meeting_id)
    meeting.status = "closed"
    meeting.join_code = None
    meeting.closed_at = utcnow()
    meeting.timer_started_at = meeting.timer_seconds = None
    for item in meeting.agenda:
        item.contributions_open = False
    bump_revision(session, meeting.id)
    session.flush()
    return _view(meeting)


def set_current_item(session: Session, actor: Actor, meeting_id: int, item_id: int | None,
                     *, start_timer: bool = True) -> MeetingView:
    """Highlight an agenda item as the current activity and (re)start its countdown."""
    meeting = _facilitated_meeting(session, actor, meeting_id)
    if item_id is not None and item_id not in {i.id for i in meeting.agenda}:
        raise NotFound()
    meeting.current_item_id = item_id
    item = next((i for i in meeting.agenda if i.id == item_id), None)
    if item is not None and start_timer:
        meeting.timer_started_at = utcnow()
        meeting.timer_seconds = item.duration_minutes * 60
    else:
        meeting.timer_started_at = meeting.timer_seconds = None
    bump_revision(session, meeting.id)
    session.flush()
    return _view(meeting)


def set_timer(session: Session, actor: Actor, meeting_id: int, seconds: int | None) -> None:
    """Start the countdown with ``seconds`` (None stops it)."""
    meeting = _facilitated_meeting(session, actor, meeting_id)
    if seconds is None:
        meeting.timer_started_at = meeting.timer_seconds = None
    else:
        meeting.timer_seconds = clean_int(seconds, field="field.duration", minimum=1,
                                          maximum=12 * 3600)
        meeting.timer_started_at = utcnow()
    bump_revision(session, meeting.id)


def set_item_flags(session: Session, actor: Actor, item_id: int, *,
                   contributions_open: bool | None = None, show_names: bool | None = None) -> None:
    """Open/close contributions for an activity, and whether names show to others."""
    item = _facilitated_item(session, actor, item_id)
    if contributions_open is not None:
        if contributions_open and item.meeting.status != "open":
            raise InvalidInput("error.meeting_not_open")
        item.contributions_open = contributions_open
    if show_names is not None:
        item.show_names = show_names
    bump_revision(session, item.meeting_id)


def current_meeting_for(session: Session, actor: Actor, workshop_id: int) -> MeetingView | None:
    """The open meeting of a workshop, as the actor may see it."""
    meeting = open_meeting_of(session, workshop_id)
    if meeting is None:
        return None
    return _view(require_meeting(session, actor, meeting.id))


def get_item(session: Session, actor: Actor, item_id: int) -> AgendaItemView:
    return _item_view(require_item(session, actor, item_id))
