"""Free-text notes on an agenda item: ideas, comments, answers to the activity's question."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workshop import contributions
from workshop.access import Actor, ParticipantActor
from workshop.contributions import Authorship
from workshop.models import Note
from workshop.text import clean_text

MAX_NOTE_LENGTH = 5_000


@dataclass(frozen=True)
class NoteView:
    id: int
    text: str
    version: int
    hidden: bool
    created_at: dt.datetime
    author: Authorship


def _clean(text: object) -> str:
    return clean_text(text, field="field.note", max_length=MAX_NOTE_LENGTH)


def add_note(session: Session, actor: Actor, item_id: int, text: str,
             client_key: str | None = None) -> tuple[int, bool]:
    """Returns (note id, created); a repeated ``client_key`` returns the first note."""
    note, created = contributions.create(session, actor, Note, item_id, client_key,
                                         text=_clean(text))
    return note.id, created


def edit_note(session: Session, actor: Actor, note_id: int, expected_version: int,
              text: str) -> int:
    """Returns the new version number."""
    note = contributions.update(session, actor, Note, note_id, expected_version,
                                text=_clean(text))
    return note.version


def withdraw_note(session: Session, actor: Actor, note_id: int, expected_version: int) -> None:
    contributions.withdraw(session, actor, Note, note_id, expected_version)


def hide_note(session: Session, actor: Actor, note_id: int, hidden: bool = True) -> None:
    contributions.set_hidden(session, actor, Note, note_id, hidden)


def list_notes(session: Session, actor: Actor, item_id: int) -> list[NoteView]:
    _item, rows = contributions.visible_for_item(session, actor, Note, item_id)
    return [NoteView(n.id, n.text, n.version, n.hidden, n.created_at, who) for n, who in rows]


@dataclass(frozen=True)
class RecentNotes:
    """The newest notes of an item plus the reader's own, and how many there are in all."""

    total: int
    notes: list[NoteView]


def recent_notes(session: Session, actor: Actor, item_id: int, limit: int) -> RecentNotes:
    total, rows = contributions.recent_for_item(session, actor, Note, item_id, limit=limit)
    return RecentNotes(total, [_view(n, who) for n, who in rows])


@dataclass(frozen=True)
class NoteBoard:
    """The newest notes of an item as every participant sees them (nobody's own marked):
    one board serves all participants' screens. ``author_ids`` lets a screen leave out the
    reader's own notes, which it shows from :func:`own_notes`."""

    total: int
    notes: tuple[NoteView, ...]
    author_ids: tuple[int | None, ...]


def note_board(session: Session, actor: ParticipantActor, item_id: int, limit: int
               ) -> NoteBoard:
    total, rows = contributions.recent_for_item(session, actor, Note, item_id, limit=limit,
                                                onlooker=True)
    return NoteBoard(total, tuple(_view(n, who) for n, who in rows),
                     tuple(n.author_id for n, _who in rows))


def own_notes(session: Session, actor: ParticipantActor, item_id: int) -> list[NoteView]:
    return [_view(n, who) for n, who in contributions.own_for_item(session, actor, Note, item_id)]


def _view(note: Note, who: Authorship) -> NoteView:
    return NoteView(note.id, note.text, note.version, note.hidden, note.created_at, who)
