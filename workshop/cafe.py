"""Learning café (oppimiskahvila): stations with a question and a host, small groups that
rotate from station to station on the facilitator's signal, notes that accumulate at each
station over the rounds, and the host's summary of their station.

Rotation: in round ``r`` (0-based) the group with index ``g`` is at station ``(g + r) mod n``
of the ``n`` stations. With as many groups as stations every group visits every station once
in ``n`` rounds; with fewer groups no two groups meet at a station. Groups are the agenda
item's small groups (``workshop/groups.py``); their order (position, id) gives the index.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workshop import contributions, groups
from workshop.access import (
    Actor,
    FacilitatorActor,
    ParticipantActor,
    require_facilitator,
    require_item,
    require_participant,
    require_writable_item,
)
from workshop.contributions import Authorship
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.i18n import t
from workshop.meetings import bump_revision
from workshop.model_cafe_feedback import CafeNote, CafeState, CafeStation
from workshop.model_groups import WorkGroup, WorkGroupMember
from workshop.models import AgendaItem, Participant, Workshop, utcnow
from workshop.text import clean_text

ACTIVITY_TYPE = "learning_cafe"
MAX_STATIONS = 8
MAX_QUESTION_LENGTH = 500
MAX_CAFE_NOTE_LENGTH = 5_000
MAX_SUMMARY_LENGTH = 10_000


# --- rotation (pure) --------------------------------------------------------------------------

def station_index(group_index: int, round_index: int, stations: int) -> int:
    """The station (0-based) where group ``group_index`` works in round ``round_index``."""
    if stations < 1:
        raise ValueError("a café needs at least one station")
    if group_index < 0 or round_index < 0:
        raise ValueError("group and round are counted from 0")
    return (group_index + round_index) % stations


def rotation(group_count: int, stations: int) -> list[list[int]]:
    """The whole schedule: ``rotation(g, n)[r][i]`` is group ``i``'s station in round ``r``.

    There are as many rounds as stations.
    """
    return [[station_index(g, r, stations) for g in range(group_count)] for r in range(stations)]


def group_size_for(people: int, stations: int, *, smallest: int = 2, largest: int = 12) -> int:
    """The group size whose groups (as ``grouping.mixed_groups`` counts them) come closest to
    one group per station, preferring fewer groups than stations to groups sharing one."""
    if people <= 0 or stations <= 0:
        return 4
    best: tuple[tuple[int, int], int] | None = None
    for size in range(smallest, largest + 1):
        count = max(1, round(people / size))
        score = (abs(stations - count) * 2 + (1 if count > stations else 0), -size)
        if best is None or score < best[0]:
            best = (score, size)
    assert best is not None
    return best[1]


# --- views --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StationView:
    id: int
    position: int
    question: str
    host_id: int | None
    host_name: str | None  # facilitators, the host themself, or when the item shows names
    host_role: str | None
    summary: str
    summary_version: int  # 0 = no summary yet
    version: int


@dataclass(frozen=True)
class CafeNoteView:
    id: int
    station_id: int
    round: int
    group_id: int | None
    group_number: int | None  # 1-based, as groups are shown
    text: str
    version: int
    hidden: bool
    created_at: dt.datetime
    author: Authorship


@dataclass(frozen=True)
class GroupPlace:
    group_id: int
    number: int  # 1-based
    name: str
    members: int
    station_id: int | None  # None when the café has no stations


@dataclass(frozen=True)
class CafeView:
    """The whole café as the facilitator (console, projector) sees it."""

    item_id: int
    set_up: bool
    round: int  # 0-based
    rounds: int  # = number of stations
    finished: bool
    stations: tuple[StationView, ...]
    places: tuple[GroupPlace, ...]  # where each group is in the current round
    notes: tuple[CafeNoteView, ...]

    @property
    def shares_stations(self) -> bool:
        """More groups than stations: some groups share a station in a round."""
        return len(self.places) > len(self.stations) > 0

    def station(self, station_id: int | None) -> StationView | None:
        return next((s for s in self.stations if s.id == station_id), None)

    def notes_at(self, station_id: int) -> tuple[CafeNoteView, ...]:
        return tuple(n for n in self.notes if n.station_id == station_id)


@dataclass(frozen=True)
class MyCafe:
    """What one participant needs: where they are now and what was written there."""

    item_id: int
    set_up: bool
    round: int
    rounds: int
    finished: bool
    role: str  # "host" | "group" | "waiting"
    group: GroupPlace | None
    station: StationView | None
    notes: tuple[CafeNoteView, ...]  # at ``station``, every round so far, oldest first
    summaries: tuple[StationView, ...]  # every station, once the café has finished


# --- helpers ------------------------------------------------------------------------------------

def _facilitated_item(session: Session, actor: Actor, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound()
    require_facilitator(session, actor, item.meeting.workshop_id)
    return item


def _state(session: Session, item_id: int) -> CafeState | None:
    return session.get(CafeState, item_id)


def _stations(session: Session, item_id: int) -> list[CafeStation]:
    return list(session.scalars(
        select(CafeStation).where(CafeStation.agenda_item_id == item_id)
        .order_by(CafeStation.position, CafeStation.id)
    ))


def _groups(session: Session, item_id: int) -> list[WorkGroup]:
    return list(session.scalars(
        select(WorkGroup).where(WorkGroup.agenda_item_id == item_id)
        .order_by(WorkGroup.position, WorkGroup.id)
    ))


def _host_visible(actor: Actor, item: AgendaItem, host: Participant | None) -> str | None:
    if host is None or host.erased_at is not None:
        return None
    if isinstance(actor, FacilitatorActor) or item.show_names:
        return host.display_name
    if isinstance(actor, ParticipantActor) and actor.participant_id == host.id:
        return host.display_name
    return None


def _station_view(session: Session, actor: Actor, item: AgendaItem, s: CafeStation
                  ) -> StationView:
    host = session.get(Participant, s.host_id) if s.host_id is not None else None
    live_host = host if host is not None and host.erased_at is None else None
    return StationView(
        s.id, s.position, s.question, live_host.id if live_host else None,
        _host_visible(actor, item, live_host), live_host.role if live_host else None,
        s.summary, s.summary_version, s.version,
    )


def _places(session: Session, item_id: int, stations: list[CafeStation], round_index: int
            ) -> list[GroupPlace]:
    counts = dict(session.execute(
        select(WorkGroupMember.group_id, func.count())
        .join(Participant, Participant.id == WorkGroupMember.participant_id)
        .where(WorkGroupMember.agenda_item_id == item_id, Participant.erased_at.is_(None))
        .group_by(WorkGroupMember.group_id)
    ).all())
    places = []
    for index, group in enumerate(_groups(session, item_id)):
        station_id = (stations[station_index(index, round_index, len(stations))].id
                      if stations else None)
        places.append(GroupPlace(group.id, index + 1, group.name, counts.get(group.id, 0),
                                 station_id))
    return places


def _notes(session: Session, actor: Actor, item_id: int) -> list[CafeNoteView]:
    _item, rows = contributions.visible_for_item(session, actor, CafeNote, item_id)
    number = {g.id: index + 1 for index, g in enumerate(_groups(session, item_id))}
    return [
        CafeNoteView(n.id, n.station_id, n.round, n.group_id, number.get(n.group_id or -1),
                     n.text, n.version, n.hidden, n.created_at, who)
        for n, who in rows
    ]


def _clean_question(text: object) -> str:
    return clean_text(text, field="field.cafe_question", max_length=MAX_QUESTION_LENGTH)


def _default_questions(session: Session, item: AgendaItem) -> list[str]:
    from workshop.content.methods import CAFE_DEFAULT_QUESTIONS

    workshop = session.get(Workshop, item.meeting.workshop_id)
    language = workshop.language if workshop is not None else "fi"
    return [t(key, language) for key in CAFE_DEFAULT_QUESTIONS]


# --- the facilitator sets up and runs the café --------------------------------------------------

def set_up_cafe(session: Session, actor: Actor, item_id: int) -> CafeView:
    """Start a café on an agenda item, once: the default questions become its stations."""
    item = _facilitated_item(session, actor, item_id)
    if item.activity_type != ACTIVITY_TYPE:
        raise InvalidInput("error.cafe.not_a_cafe")
    if _state(session, item_id) is None:
        try:
            with session.begin_nested():
                session.add(CafeState(agenda_item_id=item_id, round=0, finished=False))
        except IntegrityError:
            pass  # a second facilitator set it up at the same moment: theirs stands
        else:
            for position, question in enumerate(_default_questions(session, item)):
                session.add(CafeStation(agenda_item_id=item_id, position=position,
                                        question=question))
            bump_revision(session, item.meeting_id)
            session.flush()
    return cafe_view(session, actor, item_id)


def cafe_view(session: Session, actor: Actor, item_id: int) -> CafeView:
    """The whole café for the facilitator: stations, where groups are, all notes."""
    item = _facilitated_item(session, actor, item_id)
    state = _state(session, item_id)
    stations = _stations(session, item_id)
    round_index = state.round if state else 0
    return CafeView(
        item_id, state is not None, round_index, len(stations),
        bool(state and state.finished),
        tuple(_station_view(session, actor, item, s) for s in stations),
        tuple(_places(session, item_id, stations, round_index)),
        tuple(_notes(session, actor, item_id)),
    )


def _running_state(session: Session, item_id: int) -> CafeState:
    state = _state(session, item_id)
    if state is None:
        raise InvalidInput("error.cafe.not_set_up")
    return state


def add_station(session: Session, actor: Actor, item_id: int, question: str) -> StationView:
    item = _facilitated_item(session, actor, item_id)
    _running_state(session, item_id)
    stations = _stations(session, item_id)
    if len(stations) >= MAX_STATIONS:
        raise InvalidInput("error.cafe.too_many_stations", max=MAX_STATIONS)
    position = max((s.position for s in stations), default=-1) + 1
    station = CafeStation(agenda_item_id=item_id, position=position,
                          question=_clean_question(question))
    session.add(station)
    bump_revision(session, item.meeting_id)
    session.flush()
    return _station_view(session, actor, item, station)


def _facilitated_station(session: Session, actor: Actor, station_id: int
                         ) -> tuple[CafeStation, AgendaItem]:
    station = session.get(CafeStation, station_id)
    if station is None:
        raise NotFound()
    return station, _facilitated_item(session, actor, station.agenda_item_id)


def update_station(session: Session, actor: Actor, station_id: int, expected_version: int, *,
                   question: str, host_id: int | None) -> StationView:
    """Change a station's question and host; an edit from an older version is refused."""
    station, item = _facilitated_station(session, actor, station_id)
    if station.version != expected_version:
        raise StaleEdit()
    if host_id is not None:
        host = session.get(Participant, host_id)
        if host is None or host.erased_at is not None \
                or host.workshop_id != item.meeting.workshop_id:
            raise NotFound()
    station.question = _clean_question(question)
    station.host_id = host_id
    _save(session, item.meeting_id)
    return _station_view(session, actor, item, station)


def _save(session: Session, meeting_id: int) -> None:
    """Flush a versioned edit; a writer that got there first turns into :class:`StaleEdit`."""
    try:
        session.flush()
    except StaleDataError:
        raise StaleEdit() from None
    bump_revision(session, meeting_id)


def remove_station(session: Session, actor: Actor, station_id: int) -> None:
    """Remove a station that has no notes yet (notes are never thrown away)."""
    station, item = _facilitated_station(session, actor, station_id)
    has_notes = session.scalar(select(func.count()).select_from(CafeNote)
                               .where(CafeNote.station_id == station_id))
    if has_notes:
        raise InvalidInput("error.cafe.station_has_notes")
    session.delete(station)
    bump_revision(session, item.meeting_id)
    session.flush()


def move_station(session: Session, actor: Actor, station_id: int, offset: int) -> None:
    """Move a station earlier (-1) or later (+1) in the rotation order."""
    station, item = _facilitated_station(session, actor, station_id)
    stations = _stations(session, item.id)
    index = stations.index(station)
    target = max(0, min(len(stations) - 1, index + offset))
    stations.insert(target, stations.pop(index))
    for position, each in enumerate(stations):
        if each.position != position:
            each.position = position
    _save(session, item.meeting_id)


def next_round(session: Session, actor: Actor, item_id: int, expected_round: int) -> CafeView:
    """The facilitator's signal: every group moves on to its next station.

    After the last round the café is finished. ``expected_round`` is the round the
    facilitator saw: a double click or a second facilitator does not skip a round.
    """
    return _move(session, actor, item_id, expected_round, +1)


def previous_round(session: Session, actor: Actor, item_id: int, expected_round: int
                   ) -> CafeView:
    """Undo a signal given too early (from the finished state back to the last round)."""
    return _move(session, actor, item_id, expected_round, -1)


def _move(session: Session, actor: Actor, item_id: int, expected_round: int, step: int
          ) -> CafeView:
    item = _facilitated_item(session, actor, item_id)
    state = _running_state(session, item_id)
    stations = len(_stations(session, item_id))
    if stations == 0:
        raise InvalidInput("error.cafe.no_stations")
    stage = state.round + (1 if state.finished else 0)  # 0 .. n-1 rounds, n = finished
    if stage != expected_round:
        return cafe_view(session, actor, item_id)  # already moved: nothing more to do
    target = max(0, min(stations, stage + step))
    new_round, finished = (stations - 1, True) if target >= stations else (target, False)
    changed = session.execute(
        update(CafeState)
        .where(CafeState.agenda_item_id == item_id, CafeState.round == state.round,
               CafeState.finished == state.finished)
        .values(round=new_round, finished=finished, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    session.expire(state)
    if changed:
        bump_revision(session, item.meeting_id)
    return cafe_view(session, actor, item_id)


def stage(view: CafeView | MyCafe) -> int:
    """The number to pass as ``expected_round``: the round, or the round count when done."""
    return view.round + (1 if view.finished else 0)


# --- participants -------------------------------------------------------------------------------

def my_cafe(session: Session, actor: Actor, item_id: int) -> MyCafe:
    """Where the participant is in the café now (read only; a late joiner is placed in a
    group by :func:`workshop.groups.my_group` before this is called)."""
    participant = require_participant(session, actor)
    item = require_item(session, actor, item_id)
    state = _state(session, item_id)
    stations = _stations(session, item_id)
    round_index = state.round if state else 0
    finished = bool(state and state.finished)
    summaries: tuple[StationView, ...] = ()
    if finished:
        summaries = tuple(_station_view(session, actor, item, s) for s in stations)
    base = {"item_id": item_id, "set_up": state is not None, "round": round_index,
            "rounds": len(stations), "finished": finished, "summaries": summaries}
    if state is None or not stations:
        return MyCafe(**base, role="waiting", group=None, station=None, notes=())
    hosted = next((s for s in stations if s.host_id == participant.id), None)
    place = _my_place(session, actor, item_id, stations, round_index)
    if hosted is not None:
        role, station = "host", hosted
    elif place is not None:
        role = "group"
        station = next(s for s in stations if s.id == place.station_id)
    else:
        return MyCafe(**base, role="waiting", group=None, station=None, notes=())
    notes = tuple(n for n in _notes(session, actor, item_id) if n.station_id == station.id)
    return MyCafe(**base, role=role, group=place,
                  station=_station_view(session, actor, item, station), notes=notes)


def join_cafe(session: Session, actor: Actor, item_id: int) -> MyCafe:
    """:func:`my_cafe` for a participant opening the café: someone who arrives after the
    groups were formed is put into the smallest group (hosts stay at their station)."""
    mine = my_cafe(session, actor, item_id)
    if mine.role == "waiting" and mine.set_up and mine.rounds:
        assert isinstance(actor, ParticipantActor)
        if groups.my_group(session, actor, item_id, join_if_missing=True) is not None:
            mine = my_cafe(session, actor, item_id)
    return mine


def _my_place(session: Session, actor: Actor, item_id: int, stations: list[CafeStation],
              round_index: int) -> GroupPlace | None:
    assert isinstance(actor, ParticipantActor)
    mine = groups.my_group(session, actor, item_id, join_if_missing=False)
    if mine is None:
        return None
    return next((p for p in _places(session, item_id, stations, round_index)
                 if p.group_id == mine.id), None)


def _clean_note(text: object) -> str:
    return clean_text(text, field="field.note", max_length=MAX_CAFE_NOTE_LENGTH)


def add_cafe_note(session: Session, actor: Actor, item_id: int, station_id: int,
                  round_index: int, text: str, client_key: str | None = None
                  ) -> tuple[int, bool]:
    """A note at a station for a round; returns (note id, created).

    A participant writes at the station their group is at in that round (the current round,
    or an earlier one when the signal came while they were typing), or at the station they
    host. The facilitator may write at any station (e.g. copying a flip chart).
    """
    item = require_writable_item(session, actor, item_id)
    station = session.get(CafeStation, station_id)
    if station is None or station.agenda_item_id != item_id:
        raise NotFound()
    state = _running_state(session, item_id)
    if not isinstance(round_index, int) or isinstance(round_index, bool) \
            or not 0 <= round_index <= state.round:
        raise InvalidInput("error.cafe.wrong_round")
    group_id: int | None = None
    if isinstance(actor, ParticipantActor):
        if state.finished:
            raise InvalidInput("error.cafe.finished")
        mine = groups.my_group(session, actor, item_id, join_if_missing=False)
        group_id = mine.id if mine is not None else None
        if station.host_id != actor.participant_id:
            stations = _stations(session, item_id)
            index = next((i for i, g in enumerate(_groups(session, item_id))
                          if g.id == group_id), None)
            if index is None:
                raise InvalidInput("error.cafe.no_group")
            if stations[station_index(index, round_index, len(stations))].id != station_id:
                raise InvalidInput("error.cafe.not_your_station")
    note, created = contributions.create(
        session, actor, CafeNote, item.id, client_key, station_id=station_id,
        round=round_index, group_id=group_id, text=_clean_note(text),
    )
    return note.id, created


def edit_cafe_note(session: Session, actor: Actor, note_id: int, expected_version: int,
                   text: str) -> int:
    note = contributions.update(session, actor, CafeNote, note_id, expected_version,
                                text=_clean_note(text))
    return note.version


def withdraw_cafe_note(session: Session, actor: Actor, note_id: int, expected_version: int
                       ) -> None:
    contributions.withdraw(session, actor, CafeNote, note_id, expected_version)


def hide_cafe_note(session: Session, actor: Actor, note_id: int, hidden: bool = True) -> None:
    contributions.set_hidden(session, actor, CafeNote, note_id, hidden)


def write_summary(session: Session, actor: Actor, station_id: int, expected_version: int,
                  text: str) -> int:
    """The host (or a facilitator) saves the station's summary; returns the new version.

    ``expected_version`` is the version the writer started from (0 for the first summary):
    if someone saved in between, the edit is refused with :class:`StaleEdit`, not merged.
    """
    station = session.get(CafeStation, station_id)
    if station is None:
        raise NotFound()
    if isinstance(actor, ParticipantActor):
        item = require_writable_item(session, actor, station.agenda_item_id)
        if station.host_id != actor.participant_id:
            raise InvalidInput("error.cafe.not_host")
    else:
        item = _facilitated_item(session, actor, station.agenda_item_id)
    cleaned = clean_text(text, field="field.cafe_summary", max_length=MAX_SUMMARY_LENGTH,
                         required=False)
    changed = session.execute(
        update(CafeStation)
        .where(CafeStation.id == station_id, CafeStation.summary_version == expected_version)
        .values(summary=cleaned, summary_version=expected_version + 1,
                summary_updated_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    if not changed:
        raise StaleEdit()
    session.expire(station)
    bump_revision(session, item.meeting_id)
    return expected_version + 1
