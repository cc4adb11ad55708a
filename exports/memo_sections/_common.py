"""Small helpers shared by the phase 2–5 memo sections (no ``ACTIVITY_TYPES``: not a section).

Everything a section writes is plain text through the :class:`~exports.docx_builder.DocBuilder`;
these helpers only name stored choices (channel, status, kind…) in the memo's language and find
the meeting an agenda item belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from workshop.access import Actor, require_item
from workshop.i18n import has


def choice(doc_builder: Any, key: str, raw: str = "") -> str:
    """The catalogue text of a stored choice (``paths.channel.phone``); an unknown value (an
    old or imported record) is shown as stored instead of breaking the memo."""
    return doc_builder.t(key) if has(key) else raw


@dataclass(frozen=True)
class ItemPlace:
    """Where an agenda item sits: its workshop, meeting and the meeting's number."""

    item_id: int
    workshop_id: int
    meeting_id: int
    meeting_number: int


def place_of(session: Session, actor: Actor, item_id: int) -> ItemPlace:
    """The item's meeting and workshop (access checked: NotFound for anyone else)."""
    item = require_item(session, actor, item_id)
    meeting = item.meeting
    return ItemPlace(item.id, meeting.workshop_id, meeting.id, meeting.number)
