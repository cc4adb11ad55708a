"""Forming and adjusting small groups for an agenda item; late joiners and drop-outs.

The facilitator forms groups from the participants present (roles mixed), can move people
by hand, and a participant who arrives late is put into the smallest group when they open
the activity, so nobody is left without a group and nobody waits for the facilitator.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sqlalchemy import Column, Table, delete, func, select
from sqlalchemy.orm import Session

from workshop.access import (
    Actor,
    FacilitatorActor,
    ParticipantActor,
    require_facilitator,
    require_item,
    require_participant,
)
from workshop.errors import InvalidInput, NotFound
from workshop.grouping import mixed_groups, mixed_pairs
from workshop.meetings import bump_revision
from workshop.model_groups import WorkGroup, WorkGroupMember
from workshop.models import AgendaItem, Participant, load_all_models, utcnow
from workshop.participants import PRESENT_WINDOW
from workshop.text import clean_name

MAX_GROUP_SIZE = 12


@dataclass(frozen=True)
class MemberView:
    participant_id: int
    role: str
    name: str | None  # shown to facilitators, to oneself, or when the item shows names


@dataclass(frozen=True)
class GroupView:
    id: int
    position: int
    name: str
    members: tuple[MemberView, ...]


def _facilitated_item(session: Session, actor: Actor, item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound()
    require_facilitator(session, actor, item.meeting.workshop_id)
    return item


def _present(session: Session, workshop_id: int) -> list[tuple[int, str]]:
    since = utcnow() - PRESENT_WINDOW
    rows = session.execute(
        select(Participant.id, Participant.role).where(
            Participant.workshop_id == workshop_id,
            Participant.erased_at.is_(None),
            Participant.last_seen_at >= since,
        ).order_by(Participant.id)
    )
    return [(r[0], r[1]) for r in rows]


@dataclass(frozen=True)
class GroupWork:
    """Records that name one of an item's current groups as their writer."""

    kept: int  # stay, without their group (personas, café notes, pairs' ideas)
    removed: int  # go with the group (a pair's marks)

    @property
    def total(self) -> int:
        return self.kept + self.removed


def written_in_groups(session: Session, actor: Actor, item_id: int) -> GroupWork:
    """What new groups would take from the item's current ones."""
    _facilitated_item(session, actor, item_id)
    group_ids = select(WorkGroup.id).where(WorkGroup.agenda_item_id == item_id)
    kept = removed = 0
    for table, column, cascades in _group_references():
        count = session.scalar(select(func.count()).select_from(table).where(
            column.in_(group_ids))) or 0
        if cascades:
            removed += count
        else:
            kept += count
    return GroupWork(kept, removed)


@functools.cache  # the schema does not change while the process runs
def _group_references() -> tuple[tuple[Table, Column[int], bool], ...]:
    """Columns of other features that point at a group, and whether their rows are deleted
    with it (found in the schema, so a new feature's table counts without touching this
    module); members are the groups' own."""
    load_all_models()
    found = []
    for table in WorkGroup.metadata.sorted_tables:
        if table.name == WorkGroupMember.__tablename__:
            continue
        for key in table.foreign_keys:
            if key.column.table.name == WorkGroup.__tablename__:
                found.append((table, key.parent, (key.ondelete or "").upper() == "CASCADE"))
    return tuple(found)


def form_groups(session: Session, actor: Actor, item_id: int, *, size: int = 4,
                pairs: bool = False, seed: int | None = None,
                replace_written: bool = False) -> list[GroupView]:
    """Replace the item's groups with new ones of the participants present, roles mixed.

    When something was already written in the current groups, that work is kept but loses
    its group: refused unless ``replace_written`` (the facilitator confirmed it)."""
    item = _facilitated_item(session, actor, item_id)
    if not 2 <= size <= MAX_GROUP_SIZE:
        raise InvalidInput("error.number.range", field="field.group_size", min=2,
                           max=MAX_GROUP_SIZE)
    if not replace_written:
        written = written_in_groups(session, actor, item_id)
        if written.total:
            raise InvalidInput("error.groups.written", count=written.total)
    people = _present(session, item.meeting.workshop_id)
    split = mixed_pairs(people, seed) if pairs else mixed_groups(people, size, seed)
    session.execute(delete(WorkGroupMember).where(WorkGroupMember.agenda_item_id == item_id))
    session.execute(delete(WorkGroup).where(WorkGroup.agenda_item_id == item_id))
    for position, members in enumerate(split):
        group = WorkGroup(agenda_item_id=item_id, position=position, name="")
        session.add(group)
        session.flush()
        session.add_all(WorkGroupMember(group_id=group.id, agenda_item_id=item_id,
                                        participant_id=pid) for pid in members)
    bump_revision(session, item.meeting_id)
    session.flush()
    return groups_for_item(session, actor, item_id)


def add_group(session: Session, actor: Actor, item_id: int, name: str = "") -> GroupView:
    item = _facilitated_item(session, actor, item_id)
    last = session.scalar(select(func.max(WorkGroup.position))
                          .where(WorkGroup.agenda_item_id == item_id))
    position = 0 if last is None else last + 1
    label = clean_name(name, field="field.group_name", max_length=120) if name else ""
    group = WorkGroup(agenda_item_id=item_id, position=position, name=label)
    session.add(group)
    bump_revision(session, item.meeting_id)
    session.flush()
    return GroupView(group.id, group.position, group.name, ())


def move_participant(session: Session, actor: Actor, item_id: int, participant_id: int,
                     group_id: int) -> None:
    """Put a participant into another group of the same item (by hand)."""
    item = _facilitated_item(session, actor, item_id)
    group = session.get(WorkGroup, group_id)
    person = session.get(Participant, participant_id)
    if group is None or group.agenda_item_id != item_id or person is None \
            or person.workshop_id != item.meeting.workshop_id:
        raise NotFound()
    _place(session, item_id, participant_id, group_id)
    bump_revision(session, item.meeting_id)


def _place(session: Session, item_id: int, participant_id: int, group_id: int) -> None:
    member = session.scalar(select(WorkGroupMember).where(
        WorkGroupMember.agenda_item_id == item_id,
        WorkGroupMember.participant_id == participant_id))
    if member is None:
        session.add(WorkGroupMember(group_id=group_id, agenda_item_id=item_id,
                                    participant_id=participant_id))
    else:
        member.group_id = group_id
    session.flush()


def my_group(session: Session, actor: ParticipantActor, item_id: int, *,
             join_if_missing: bool = True) -> GroupView | None:
    """The participant's group; a late joiner is placed into the smallest group."""
    participant = require_participant(session, actor)
    item = require_item(session, actor, item_id)
    member = session.scalar(select(WorkGroupMember).where(
        WorkGroupMember.agenda_item_id == item_id,
        WorkGroupMember.participant_id == participant.id))
    if member is None:
        if not join_if_missing:
            return None
        smallest = session.execute(
            select(WorkGroup.id, func.count(WorkGroupMember.id).label("n"))
            .outerjoin(WorkGroupMember, WorkGroupMember.group_id == WorkGroup.id)
            .where(WorkGroup.agenda_item_id == item_id)
            .group_by(WorkGroup.id).order_by("n", WorkGroup.position).limit(1)
        ).first()
        if smallest is None:
            return None
        _place(session, item_id, participant.id, smallest[0])
        bump_revision(session, item.meeting_id)
        group_id = smallest[0]
    else:
        group_id = member.group_id
    return next(g for g in groups_for_item(session, actor, item_id) if g.id == group_id)


def groups_for_item(session: Session, actor: Actor, item_id: int) -> list[GroupView]:
    item = require_item(session, actor, item_id)
    rows = session.execute(
        select(WorkGroup, Participant)
        .outerjoin(WorkGroupMember, WorkGroupMember.group_id == WorkGroup.id)
        .outerjoin(Participant, Participant.id == WorkGroupMember.participant_id)
        .where(WorkGroup.agenda_item_id == item_id)
        .order_by(WorkGroup.position, WorkGroup.id, Participant.id)
    ).all()
    built: dict[int, tuple[WorkGroup, list[MemberView]]] = {}
    for group, person in rows:
        entry = built.setdefault(group.id, (group, []))
        if person is not None and person.erased_at is None:
            entry[1].append(MemberView(person.id, person.role, _name(actor, item, person)))
    return [GroupView(g.id, g.position, g.name, tuple(m)) for g, m in built.values()]


def _name(actor: Actor, item: AgendaItem, person: Participant) -> str | None:
    if isinstance(actor, FacilitatorActor) or item.show_names:
        return person.display_name
    if isinstance(actor, ParticipantActor) and actor.participant_id == person.id:
        return person.display_name
    return None
