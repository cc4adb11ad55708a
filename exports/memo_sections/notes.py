"""Free notes of an agenda item as a list: hidden (moderated) and withdrawn notes left out,
no names (a memo is shared beyond the room)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from workshop import notes
from workshop.access import Actor
from workshop.meetings import AgendaItemView

ACTIVITY_TYPES = ("notes", "info")


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    shown = [n.text for n in notes.list_notes(session, actor, item.id) if not n.hidden]
    if not shown:
        return False
    doc_builder.paragraph(doc_builder.t("memo.notes_count", count=len(shown)), italic=True)
    doc_builder.bullets(shown)
    return True
