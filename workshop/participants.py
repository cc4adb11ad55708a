"""Joining without an account, coming back after a reload, and who is present.

A participant joins an open meeting with its short code (typed) or link token (link, QR). The
join returns a personal token once; only its hash is stored. The token travels in the
participant's own link, so a reload or a new connection finds the same participant again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop import throttle
from workshop.access import Actor, ParticipantActor, require_facilitator, require_participant
from workshop.errors import DomainError, InvalidInput, NotFound
from workshop.i18n import LANGUAGES
from workshop.meetings import CODE_ALPHABET, CODE_LENGTH
from workshop.models import ROLES, Meeting, Participant, utcnow
from workshop.text import clean_choice, clean_name

PRESENT_WINDOW = dt.timedelta(minutes=3)
SEEN_WRITE_INTERVAL = dt.timedelta(seconds=45)  # presence writes are throttled per participant
CLIENT_ROLES = frozenset({"client_rep", "expert_by_experience"})
WORKER_ROLES = frozenset({"professional", "ngo_parish"})


def role_group(role: str) -> str:
    """'client' or 'worker' or 'other': feedback and votes are shown by these groups."""
    if role in CLIENT_ROLES:
        return "client"
    if role in WORKER_ROLES:
        return "worker"
    return "other"


@dataclass(frozen=True)
class ParticipantView:
    id: int
    workshop_id: int
    display_name: str
    role: str
    language: str


@dataclass(frozen=True)
class JoinResult:
    participant: ParticipantView
    token: str
    meeting_id: int


def _view(p: Participant) -> ParticipantView:
    return ParticipantView(p.id, p.workshop_id, p.display_name, p.role, p.language)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def normalise_code(code: object) -> str:
    """Accept what people type: lower case, spaces, dashes."""
    if not isinstance(code, str):
        return ""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def find_open_meeting(session: Session, *, code: str | None = None,
                      link: str | None = None, client: str = "") -> Meeting | DomainError:
    """The open meeting a code or link points to, or the error to show.

    The error is returned, not raised, because a wrong code is recorded for throttling and
    the caller must commit that record; :class:`TooManyAttempts` is raised while blocked.
    """
    throttle.check(session, "join", client)
    meeting: Meeting | None = None
    if link:
        meeting = session.scalar(select(Meeting).where(Meeting.link_token == link[:64]))
        if meeting is not None and meeting.status != "open":
            return InvalidInput("error.meeting_closed")
    elif code is not None:
        typed = normalise_code(code)
        if len(typed) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in typed):
            return InvalidInput("error.code_format", length=CODE_LENGTH)
        meeting = session.scalar(select(Meeting).where(Meeting.join_code == typed))
    if meeting is None or meeting.status != "open":
        throttle.record_failure(session, "join", client)
        return NotFound("error.code_unknown" if link is None else "error.link_unknown")
    throttle.record_success(session, "join", client)
    return meeting


def join(
    session: Session,
    meeting: Meeting,
    *,
    display_name: str,
    role: str,
    language: str = "fi",
) -> JoinResult:
    """Create a participant in the meeting's workshop and hand out their personal token."""
    name = clean_name(display_name, field="field.display_name", max_length=80)
    chosen_role = clean_choice(role, ROLES, field="field.role")
    lang = clean_choice(language, LANGUAGES, field="field.language")
    token = secrets.token_urlsafe(24)
    participant = Participant(
        workshop_id=meeting.workshop_id, display_name=name, role=chosen_role,
        token_hash=hash_token(token), language=lang, last_seen_at=utcnow(),
    )
    session.add(participant)
    session.flush()
    return JoinResult(_view(participant), token, meeting.id)


def resume(session: Session, token: object) -> ParticipantView:
    """The participant a personal token belongs to (after a reload or reconnect)."""
    if not isinstance(token, str) or not 8 <= len(token) <= 128:
        raise NotFound("error.participant_unknown")
    participant = session.scalar(
        select(Participant).where(Participant.token_hash == hash_token(token))
    )
    if participant is None or participant.erased_at is not None:
        raise NotFound("error.participant_unknown")
    return _view(participant)


def touch(session: Session, actor: Actor) -> None:
    """Record that the participant is here (at most one write per interval)."""
    participant = require_participant(session, actor)
    now = utcnow()
    if participant.last_seen_at is None or now - participant.last_seen_at > SEEN_WRITE_INTERVAL:
        participant.last_seen_at = now


def get_participant(session: Session, actor: Actor) -> ParticipantView:
    return _view(require_participant(session, actor))


def update_self(session: Session, actor: ParticipantActor, *, display_name: str | None = None,
                role: str | None = None, language: str | None = None) -> ParticipantView:
    participant = require_participant(session, actor)
    if display_name is not None:
        participant.display_name = clean_name(display_name, field="field.display_name")
    if role is not None:
        participant.role = clean_choice(role, ROLES, field="field.role")
    if language is not None:
        participant.language = clean_choice(language, LANGUAGES, field="field.language")
    return _view(participant)


@dataclass(frozen=True)
class Presence:
    total: int
    by_role: dict[str, int]
    by_group: dict[str, int]


def presence(session: Session, actor: Actor, workshop_id: int,
             window: dt.timedelta = PRESENT_WINDOW) -> Presence:
    """How many participants were active lately, by role: counts only, no names."""
    require_facilitator(session, actor, workshop_id)
    since = utcnow() - window
    roles = session.scalars(
        select(Participant.role).where(
            Participant.workshop_id == workshop_id,
            Participant.erased_at.is_(None),
            Participant.last_seen_at >= since,
        )
    ).all()
    by_role = Counter(roles)
    by_group = Counter(role_group(r) for r in roles)
    return Presence(len(roles), dict(by_role), dict(by_group))


def list_participants(session: Session, actor: Actor, workshop_id: int) -> list[ParticipantView]:
    require_facilitator(session, actor, workshop_id)
    rows = session.scalars(
        select(Participant)
        .where(Participant.workshop_id == workshop_id, Participant.erased_at.is_(None))
        .order_by(Participant.created_at, Participant.id)
    )
    return [_view(p) for p in rows]
