"""Data protection (GDPR): a participant's data out, a participant erased, nothing left over.

Works generically over every table that points at ``participants``, so record types added
later are covered without changes here.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from workshop.access import Actor, require_facilitator
from workshop.errors import NotFound
from workshop.meetings import bump_revision
from workshop.models import Base, Meeting, Participant, load_all_models, utcnow
from workshop.participants import hash_token

REMOVED_NAME = "–"
_SECRET_COLUMNS = {"token_hash"}


def _participant(session: Session, actor: Actor, participant_id: int) -> Participant:
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise NotFound()
    require_facilitator(session, actor, participant.workshop_id)
    return participant


def _referencing_columns() -> list[tuple[Table, str]]:
    """(table, column) pairs whose foreign key points at participants.id."""
    load_all_models()
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "participants" and fk.column.name == "id":
                found.append((table, fk.parent.name))
    return found


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def participant_export(session: Session, actor: Actor, participant_id: int) -> dict[str, Any]:
    """Everything stored about one participant, as JSON-ready data (their right of access)."""
    participant = _participant(session, actor, participant_id)
    person = {c.name: _plain(getattr(participant, c.key))
              for c in Participant.__table__.columns if c.name not in _SECRET_COLUMNS}
    records: dict[str, list[dict[str, Any]]] = {}
    for table, column in _referencing_columns():
        rows = session.execute(select(table).where(table.c[column] == participant_id))
        found = [{k: _plain(v) for k, v in row._mapping.items()} for row in rows]
        if found:
            records.setdefault(table.name, []).extend(found)
    return {"format": "kehittamo-participant-data", "version": 1,
            "exported_at": utcnow().isoformat(), "participant": person, "records": records}


def erase_participant(session: Session, actor: Actor, participant_id: int, *,
                      delete_contributions: bool) -> None:
    """Remove a participant's personal data.

    ``delete_contributions=False`` keeps what they wrote, shown as by a removed participant
    (the group's work stays whole); ``True`` deletes everything they produced as well.
    """
    participant = _participant(session, actor, participant_id)
    if delete_contributions:
        for table, column in _referencing_columns():
            session.execute(delete(table).where(table.c[column] == participant_id))
    participant.display_name = REMOVED_NAME
    participant.token_hash = hash_token(secrets.token_urlsafe(32))  # the old link stops working
    participant.erased_at = utcnow()
    participant.last_seen_at = None
    open_meeting = session.scalar(select(Meeting.id).where(
        Meeting.workshop_id == participant.workshop_id, Meeting.status == "open"))
    bump_revision(session, open_meeting)
    session.flush()


def forget_stale_throttles(session: Session) -> int:
    """Throttle rows hold browser ids and addresses; drop those older than a day."""
    from workshop.models import Throttle

    cutoff = utcnow() - dt.timedelta(days=1)
    result = session.execute(delete(Throttle).where(Throttle.window_start < cutoff))
    return result.rowcount or 0


__all__ = ["erase_participant", "forget_stale_throttles", "participant_export"]
