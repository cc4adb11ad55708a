"""Personas (phase 2, asiakasymmärrys): small groups write imagined but realistic clients.

How the method maps onto records:

- **Writing.** A ``personas`` agenda item whose small groups are formed with
  :mod:`workshop.groups` (roles mixed). Each group writes 1–3 personas; the limit of
  :data:`MAX_PER_GROUP` is enforced per group. Any member of the group may edit the group's
  personas with optimistic versions (a stale edit raises :class:`StaleEdit`, nothing is
  merged or lost). A meeting often has several persona items in a row (writing, targeted
  questions, customer value): an item without groups of its own uses the groups of the
  nearest earlier persona item of the same meeting, so the same groups carry on with the
  same personas. Group members may edit while any persona item of the meeting is open for
  contributions. The facilitator may edit every persona at any time (condensing between
  meetings).
- **Versions.** Every save of a persona's content is copied to ``persona_versions`` (the
  number equals the persona's version after that save); the facilitator marks one version
  as agreed. Earlier versions stay readable.
- **Comment round.** The method's rule is that the next meeting comments on the previous
  outputs: the facilitator adds a ``personas`` item to a later meeting. In it participants see
  the personas of earlier meetings, comment on them (comments are contributions of that item)
  and react (one reaction per participant per persona; repeating it changes nothing). The
  facilitator condenses the comments into a stored summary and marks a version as agreed.
- **Service paths** use :func:`list_personas` (every persona of the workshop).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workshop import contributions, groups
from workshop.access import (
    Actor,
    FacilitatorActor,
    ParticipantActor,
    open_meeting_of,
    require_facilitator,
    require_item,
    require_meeting,
    require_participant,
    require_workshop,
    require_writable_item,
)
from workshop.contributions import Authorship
from workshop.errors import AccessDenied, InvalidInput, NotFound, StaleEdit
from workshop.meetings import bump_revision
from workshop.model_groups import WorkGroup, WorkGroupMember
from workshop.model_personas import (
    Persona,
    PersonaComment,
    PersonaReaction,
    PersonaSummary,
    PersonaVersion,
)
from workshop.models import AgendaItem, Meeting, Participant, utcnow
from workshop.text import clean_choice, clean_name, clean_text

ACTIVITY = "personas"
MAX_PER_GROUP = 3
MAX_NAME_LENGTH = 120
MAX_FIELD_LENGTH = 5_000
MAX_COMMENT_LENGTH = 2_000
MAX_SUMMARY_LENGTH = 10_000

AGE_GROUPS: tuple[str, ...] = (
    "under_18", "18_24", "25_34", "35_44", "45_54", "55_64", "65_plus",
)
#: The persona's story, in the order the form asks for it.
TEXT_FIELDS: tuple[str, ...] = (
    "life_situation", "background", "strengths", "needs", "hard_now", "who_around",
    "asking_hard", "change_wanted", "how_to_get_there",
)
#: Customer value in three parts (``workshop.content.methods.VALUE_PARTS``).
VALUE_FIELDS: tuple[str, ...] = ("value_functional", "value_social", "value_emotional")
CONTENT_FIELDS: tuple[str, ...] = ("name", "age_group", *TEXT_FIELDS, *VALUE_FIELDS)
#: Field -> catalogue key of its short label (also names the field in error messages).
FIELD_KEYS: dict[str, str] = {
    "name": "field.persona.name",
    "age_group": "field.persona.age_group",
    "life_situation": "field.persona.life_situation",
    "background": "field.persona.background",
    "strengths": "field.persona.strengths",
    "needs": "field.persona.needs",
    "hard_now": "field.persona.hard_now",
    "who_around": "field.persona.who_around",
    "asking_hard": "field.persona.asking_hard",
    "change_wanted": "field.persona.change_wanted",
    "how_to_get_there": "field.persona.how_to_get_there",
    "value_functional": "field.persona.value_functional",
    "value_social": "field.persona.value_social",
    "value_emotional": "field.persona.value_emotional",
}
#: Reactions in a comment round: agree (👍) and "I have a question" (❓).
REACTIONS: tuple[str, ...] = ("agree", "question")


@dataclass(frozen=True)
class PersonaView:
    id: int
    name: str
    age_group: str
    life_situation: str
    background: str
    strengths: str
    needs: str
    hard_now: str
    who_around: str
    asking_hard: str
    change_wanted: str
    how_to_get_there: str
    value_functional: str
    value_social: str
    value_emotional: str
    version: int
    hidden: bool
    workshop_id: int
    meeting_id: int | None
    meeting_number: int | None
    agenda_item_id: int | None
    group_id: int | None
    group_number: int | None  # 1-based position of the group in its agenda item
    group_roles: tuple[str, ...]  # roles of the group's members (never names)
    by_facilitator: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    agreed_version: int | None
    summary: str
    summary_version: int  # 0 = no summary yet
    comment_count: int
    reactions: Mapping[str, int] = field(default_factory=dict)
    my_reaction: str | None = None
    can_edit: bool = False  # the actor may edit it now

    def text(self, name: str) -> str:
        """The value of a content field by name (``TEXT_FIELDS``, ``VALUE_FIELDS``, ...)."""
        if name not in CONTENT_FIELDS:
            raise KeyError(name)
        return str(getattr(self, name))

    def content(self) -> dict[str, str]:
        return {name: self.text(name) for name in CONTENT_FIELDS}


@dataclass(frozen=True)
class VersionView:
    number: int
    content: Mapping[str, str]
    saved_at: dt.datetime
    author_role: str | None
    author_name: str | None  # facilitators only
    by_facilitator: bool
    agreed: bool
    agreed_at: dt.datetime | None


@dataclass(frozen=True)
class CommentView:
    id: int
    persona_id: int
    text: str
    version: int
    hidden: bool
    meeting_id: int | None
    created_at: dt.datetime
    author: Authorship


@dataclass(frozen=True)
class ItemPersonas:
    """What a persona activity shows: this meeting's personas and earlier meetings' ones."""

    item_id: int
    group_item_id: int | None  # the item whose small groups write (None: not formed yet)
    this_meeting: tuple[PersonaView, ...]
    earlier: tuple[PersonaView, ...]


# --- cleaning -------------------------------------------------------------------------------

def _clean_fields(fields: Mapping[str, object], *, creating: bool) -> dict[str, str]:
    unknown = set(fields) - set(CONTENT_FIELDS)
    if unknown:
        raise InvalidInput("error.invalid_input")
    cleaned: dict[str, str] = {}
    if creating or "name" in fields:
        cleaned["name"] = clean_name(fields.get("name"), field=FIELD_KEYS["name"],
                                     max_length=MAX_NAME_LENGTH)
    if creating or "age_group" in fields:
        age = fields.get("age_group")
        cleaned["age_group"] = clean_choice("" if age is None else age, ("", *AGE_GROUPS),
                                            field=FIELD_KEYS["age_group"])
    for name in (*TEXT_FIELDS, *VALUE_FIELDS):
        if creating or name in fields:
            cleaned[name] = clean_text(fields.get(name), field=FIELD_KEYS[name],
                                       max_length=MAX_FIELD_LENGTH, required=False)
    return cleaned


def _snapshot(persona: Persona) -> dict[str, str]:
    return {name: getattr(persona, name) for name in CONTENT_FIELDS}


# --- access ---------------------------------------------------------------------------------

def _persona(session: Session, persona_id: object) -> Persona:
    if isinstance(persona_id, bool) or not isinstance(persona_id, int):
        raise NotFound()
    persona = session.get(Persona, persona_id)
    if persona is None or persona.withdrawn:
        raise NotFound()
    return persona


def _readable(session: Session, actor: Actor, persona_id: object) -> Persona:
    persona = _persona(session, persona_id)
    require_workshop(session, actor, persona.workshop_id)
    if isinstance(actor, ParticipantActor) and persona.hidden:
        raise NotFound()
    return persona


def _is_member(session: Session, participant_id: int, group_id: int | None) -> bool:
    if group_id is None:
        return False
    return session.scalar(select(WorkGroupMember.id).where(
        WorkGroupMember.group_id == group_id,
        WorkGroupMember.participant_id == participant_id)) is not None


def _writing_open(session: Session, meeting_id: int | None) -> bool:
    """Group members may edit while any persona item of the meeting is open."""
    if meeting_id is None:
        return False
    return session.scalar(select(AgendaItem.id).where(
        AgendaItem.meeting_id == meeting_id, AgendaItem.activity_type == ACTIVITY,
        AgendaItem.contributions_open.is_(True)).limit(1)) is not None


def _editable(session: Session, actor: Actor, persona_id: object,
              expected_version: int) -> Persona:
    persona = _readable(session, actor, persona_id)
    if isinstance(actor, ParticipantActor):
        if not _is_member(session, actor.participant_id, persona.group_id):
            raise AccessDenied("error.persona.not_your_group")
        if persona.meeting_id is None:
            raise InvalidInput("error.contributions_closed")
        require_meeting(session, actor, persona.meeting_id)
        if not _writing_open(session, persona.meeting_id):
            raise InvalidInput("error.contributions_closed")
    else:
        require_facilitator(session, actor, persona.workshop_id)
    if persona.version != expected_version:
        raise StaleEdit()
    return persona


def _persona_item(session: Session, actor: Actor, item_id: int, *, writable: bool
                  ) -> AgendaItem:
    item = (require_writable_item if writable else require_item)(session, actor, item_id)
    if item.activity_type != ACTIVITY:
        raise InvalidInput("error.persona.wrong_activity")
    return item


def _has_groups(session: Session, item_id: int) -> bool:
    return session.scalar(
        select(WorkGroup.id).where(WorkGroup.agenda_item_id == item_id).limit(1)) is not None


def _group_item(session: Session, item: AgendaItem) -> AgendaItem | None:
    """The item whose groups write here: this one, else the nearest earlier persona item of
    the same meeting that has groups."""
    if _has_groups(session, item.id):
        return item
    earlier = session.scalars(select(AgendaItem).where(
        AgendaItem.meeting_id == item.meeting_id, AgendaItem.activity_type == ACTIVITY,
        AgendaItem.position < item.position,
    ).order_by(AgendaItem.position.desc(), AgendaItem.id.desc()))
    return next((each for each in earlier if _has_groups(session, each.id)), None)


def _bump_live(session: Session, persona: Persona) -> None:
    """Live screens of the persona's meeting and of the workshop's open meeting update."""
    bump_revision(session, persona.meeting_id)
    current = open_meeting_of(session, persona.workshop_id)
    if current is not None and current.id != persona.meeting_id:
        bump_revision(session, current.id)


# --- writing --------------------------------------------------------------------------------

def group_item_id(session: Session, actor: Actor, item_id: int) -> int | None:
    """The agenda item whose small groups write personas in ``item_id`` (None: no groups)."""
    item = _persona_item(session, actor, item_id, writable=False)
    found = _group_item(session, item)
    return found.id if found is not None else None


def _by_key(session: Session, actor: Actor, key: str) -> Persona | None:
    query = select(Persona).where(Persona.client_key == key)
    if isinstance(actor, ParticipantActor):
        query = query.where(Persona.author_id == actor.participant_id)
    else:
        query = query.where(Persona.author_user_id == actor.user_id, Persona.author_id.is_(None))
    return session.scalar(query)


def add_persona(session: Session, actor: Actor, item_id: int, *,
                client_key: str | None = None, group_id: int | None = None,
                **fields: object) -> tuple[int, bool]:
    """A new persona of the actor's group; returns (persona id, created).

    A participant writes for their own group (a late joiner is placed into one first); the
    facilitator may name a group of the item or write without one. At most
    :data:`MAX_PER_GROUP` personas per group. A repeated ``client_key`` returns the first one.
    """
    item = _persona_item(session, actor, item_id, writable=True)
    cleaned = _clean_fields(fields, creating=True)
    if isinstance(client_key, str) and 8 <= len(client_key) <= contributions.MAX_CLIENT_KEY:
        existing = _by_key(session, actor, client_key)
        if existing is not None:
            return existing.id, False
    source = _group_item(session, item)
    if isinstance(actor, ParticipantActor):
        if group_id is not None:
            raise InvalidInput("error.invalid_input")
        mine = groups.my_group(session, actor, source.id) if source is not None else None
        if mine is None:
            raise InvalidInput("error.persona.no_group")
        group_id = mine.id
    elif group_id is not None:
        group = session.get(WorkGroup, group_id)
        if group is None or source is None or group.agenda_item_id != source.id:
            raise NotFound()
    if group_id is not None:
        # Serialise writers of one group (PostgreSQL; SQLite writers queue at BEGIN anyway).
        session.execute(select(WorkGroup.id).where(WorkGroup.id == group_id).with_for_update())
        count = session.scalar(select(func.count(Persona.id)).where(
            Persona.group_id == group_id, Persona.withdrawn.is_(False),
            Persona.hidden.is_(False))) or 0
        if count >= MAX_PER_GROUP:
            raise InvalidInput("error.persona.group_limit", max=MAX_PER_GROUP)
    record, created = contributions.create(session, actor, Persona, item.id, client_key,
                                           group_id=group_id, **cleaned)
    if created:
        session.flush()
        _add_version(session, actor, record)
    return record.id, created


def _add_version(session: Session, actor: Actor, persona: Persona) -> None:
    session.add(PersonaVersion(
        persona_id=persona.id, number=persona.version, content=_snapshot(persona),
        author_id=actor.participant_id if isinstance(actor, ParticipantActor) else None,
        author_user_id=actor.user_id if isinstance(actor, FacilitatorActor) else None,
    ))
    session.flush()


def edit_persona(session: Session, actor: Actor, persona_id: int, expected_version: int,
                 **fields: object) -> int:
    """Change some content fields; returns the new version (kept in the version history).

    A save based on an older version than the stored one raises :class:`StaleEdit`.
    """
    persona = _editable(session, actor, persona_id, expected_version)
    cleaned = _clean_fields(fields, creating=False)
    changed = {k: v for k, v in cleaned.items() if getattr(persona, k) != v}
    if not changed:
        return persona.version
    for name, value in changed.items():
        setattr(persona, name, value)
    contributions.save(session, persona)
    _add_version(session, actor, persona)
    _bump_live(session, persona)
    return persona.version


def withdraw_persona(session: Session, actor: Actor, persona_id: int,
                     expected_version: int) -> None:
    """A group member (or the facilitator) takes the persona back: kept, shown to nobody."""
    persona = _editable(session, actor, persona_id, expected_version)
    persona.withdrawn = True
    contributions.save(session, persona)
    _bump_live(session, persona)


def hide_persona(session: Session, actor: Actor, persona_id: int, hidden: bool = True) -> None:
    persona = _persona(session, persona_id)
    contributions.set_hidden(session, actor, Persona, persona.id, hidden)
    _bump_live(session, persona)


# --- versions -------------------------------------------------------------------------------

def versions(session: Session, actor: Actor, persona_id: int) -> list[VersionView]:
    """Every saved version, oldest first."""
    _readable(session, actor, persona_id)
    rows = session.execute(
        select(PersonaVersion, Participant)
        .outerjoin(Participant, Participant.id == PersonaVersion.author_id)
        .where(PersonaVersion.persona_id == persona_id)
        .order_by(PersonaVersion.number)
    ).all()
    facilitator = isinstance(actor, FacilitatorActor)
    result = []
    for version, author in rows:
        name = author.display_name if facilitator and author is not None \
            and author.erased_at is None else None
        result.append(VersionView(
            version.number, dict(version.content), version.saved_at,
            author.role if author is not None else None, name,
            author is None and version.author_user_id is not None,
            version.agreed_at is not None, version.agreed_at,
        ))
    return result


def mark_agreed(session: Session, actor: Actor, persona_id: int, number: int | None) -> None:
    """The facilitator marks version ``number`` as agreed (None: no agreed version)."""
    persona = _persona(session, persona_id)
    require_facilitator(session, actor, persona.workshop_id)
    if number is not None:
        chosen = session.scalar(select(PersonaVersion).where(
            PersonaVersion.persona_id == persona.id, PersonaVersion.number == number))
        if chosen is None:
            raise NotFound()
    session.execute(update(PersonaVersion).where(
        PersonaVersion.persona_id == persona.id, PersonaVersion.agreed_at.is_not(None),
    ).values(agreed_at=None, agreed_by_user_id=None))
    if number is not None:
        session.execute(update(PersonaVersion).where(
            PersonaVersion.persona_id == persona.id, PersonaVersion.number == number,
        ).values(agreed_at=utcnow(), agreed_by_user_id=actor.user_id))  # type: ignore[union-attr]
    session.expire_all()
    _bump_live(session, persona)


# --- comments, reactions, summary -----------------------------------------------------------

def _comment_item(session: Session, actor: Actor, item_id: int, persona: Persona
                  ) -> AgendaItem:
    item = _persona_item(session, actor, item_id, writable=True)
    if item.meeting.workshop_id != persona.workshop_id:
        raise NotFound()
    return item


def add_comment(session: Session, actor: Actor, item_id: int, persona_id: int, text: object,
                client_key: str | None = None) -> tuple[int, bool]:
    """A comment on a persona in the comment round ``item_id``; returns (id, created)."""
    persona = _readable(session, actor, persona_id)
    _comment_item(session, actor, item_id, persona)
    cleaned = clean_text(text, field="field.persona_comment", max_length=MAX_COMMENT_LENGTH)
    record, created = contributions.create(session, actor, PersonaComment, item_id, client_key,
                                           persona_id=persona.id, text=cleaned)
    return record.id, created


def edit_comment(session: Session, actor: Actor, comment_id: int, expected_version: int,
                 text: object) -> int:
    cleaned = clean_text(text, field="field.persona_comment", max_length=MAX_COMMENT_LENGTH)
    return contributions.update(session, actor, PersonaComment, comment_id, expected_version,
                                text=cleaned).version


def withdraw_comment(session: Session, actor: Actor, comment_id: int,
                     expected_version: int) -> None:
    contributions.withdraw(session, actor, PersonaComment, comment_id, expected_version)


def hide_comment(session: Session, actor: Actor, comment_id: int, hidden: bool = True) -> None:
    contributions.set_hidden(session, actor, PersonaComment, comment_id, hidden)


def list_comments(session: Session, actor: Actor, persona_id: int) -> list[CommentView]:
    """Comments on a persona, oldest first; others' names only where the round shows names."""
    persona = _readable(session, actor, persona_id)
    return _comments(session, actor, [persona.id]).get(persona.id, [])


def _comments(session: Session, actor: Actor, persona_ids: Iterable[int]
              ) -> dict[int, list[CommentView]]:
    ids = list(persona_ids)
    if not ids:
        return {}
    query = (
        select(PersonaComment, Participant, AgendaItem.show_names)
        .outerjoin(Participant, Participant.id == PersonaComment.author_id)
        .outerjoin(AgendaItem, AgendaItem.id == PersonaComment.agenda_item_id)
        .where(PersonaComment.persona_id.in_(ids), PersonaComment.withdrawn.is_(False))
        .order_by(PersonaComment.created_at, PersonaComment.id)
    )
    if isinstance(actor, ParticipantActor):
        query = query.where(PersonaComment.hidden.is_(False))
    found: dict[int, list[CommentView]] = {}
    for comment, author, show_names in session.execute(query).all():
        found.setdefault(comment.persona_id, []).append(CommentView(
            comment.id, comment.persona_id, comment.text, comment.version, comment.hidden,
            comment.meeting_id, comment.created_at, _authorship(actor, author, bool(show_names)),
        ))
    return found


def _authorship(actor: Actor, author: Participant | None, show_names: bool) -> Authorship:
    if author is None:
        return Authorship(None, None, mine=False, by_facilitator=True)
    mine = isinstance(actor, ParticipantActor) and actor.participant_id == author.id
    visible = mine or isinstance(actor, FacilitatorActor) or show_names
    name = author.display_name if visible and author.erased_at is None else None
    return Authorship(author.role, name, mine=mine, by_facilitator=False)


def react(session: Session, actor: Actor, item_id: int, persona_id: int,
          kind: str | None) -> bool:
    """Set the participant's one reaction to a persona (None removes it).

    Idempotent: repeating the same reaction changes nothing and returns False.
    """
    if not isinstance(actor, ParticipantActor):
        raise NotFound()
    require_participant(session, actor)
    persona = _readable(session, actor, persona_id)
    item = _comment_item(session, actor, item_id, persona)
    if kind is not None:
        kind = clean_choice(kind, REACTIONS, field="field.persona_reaction")
    existing = session.scalar(select(PersonaReaction).where(
        PersonaReaction.persona_id == persona.id,
        PersonaReaction.participant_id == actor.participant_id))
    if kind is None:
        if existing is None:
            return False
        session.execute(delete(PersonaReaction).where(PersonaReaction.id == existing.id))
    elif existing is not None:
        if existing.kind == kind:
            return False
        existing.kind = kind
        existing.agenda_item_id = item.id
    else:
        try:
            with session.begin_nested():
                session.add(PersonaReaction(persona_id=persona.id,
                                            participant_id=actor.participant_id,
                                            agenda_item_id=item.id, kind=kind))
        except IntegrityError:  # the same participant's second click raced in
            again = session.scalar(select(PersonaReaction).where(
                PersonaReaction.persona_id == persona.id,
                PersonaReaction.participant_id == actor.participant_id))
            if again is None:
                raise
            if again.kind == kind:
                return False
            again.kind = kind
    session.flush()
    bump_revision(session, item.meeting_id)
    return True


def save_summary(session: Session, actor: Actor, persona_id: int, expected_version: int,
                 text: object) -> int:
    """The facilitator's condensation of the comments; ``expected_version`` 0 = none yet.

    Returns the summary's new version; an edit based on an older version is refused.
    """
    persona = _persona(session, persona_id)
    require_facilitator(session, actor, persona.workshop_id)
    cleaned = clean_text(text, field="field.persona_summary", max_length=MAX_SUMMARY_LENGTH,
                         required=False)
    assert isinstance(actor, FacilitatorActor)
    summary = session.get(PersonaSummary, persona.id)
    if summary is None:
        if expected_version != 0:
            raise StaleEdit()
        try:
            with session.begin_nested():
                summary = PersonaSummary(persona_id=persona.id, text=cleaned,
                                         updated_by_user_id=actor.user_id)
                session.add(summary)
        except IntegrityError:  # another facilitator wrote the first summary just now
            raise StaleEdit() from None
    else:
        if summary.version != expected_version:
            raise StaleEdit()
        if summary.text == cleaned:
            return summary.version
        summary.text = cleaned
        summary.updated_by_user_id = actor.user_id
        try:
            session.flush()
        except StaleDataError:
            raise StaleEdit() from None
    _bump_live(session, persona)
    return summary.version


# --- reading --------------------------------------------------------------------------------

def get_persona(session: Session, actor: Actor, persona_id: int) -> PersonaView:
    persona = _readable(session, actor, persona_id)
    return _views(session, actor, [persona])[0]


def list_personas(session: Session, actor: Actor, workshop_id: int) -> list[PersonaView]:
    """Every persona of the workshop the actor may see, by meeting, group and age."""
    require_workshop(session, actor, workshop_id)
    query = select(Persona).where(Persona.workshop_id == workshop_id,
                                  Persona.withdrawn.is_(False))
    if isinstance(actor, ParticipantActor):
        query = query.where(Persona.hidden.is_(False))
    return _views(session, actor, list(session.scalars(query)))


def item_personas(session: Session, actor: Actor, item_id: int) -> ItemPersonas:
    """A persona activity's content: the personas written at its meeting (all groups) and
    those of earlier meetings (for the comment round)."""
    item = _persona_item(session, actor, item_id, writable=False)
    meeting = item.meeting
    source = _group_item(session, item)
    query = (
        select(Persona).join(Meeting, Meeting.id == Persona.meeting_id)
        .where(Persona.workshop_id == meeting.workshop_id, Persona.withdrawn.is_(False),
               Meeting.number <= meeting.number)
    )
    if isinstance(actor, ParticipantActor):
        query = query.where(Persona.hidden.is_(False))
    shown = _views(session, actor, list(session.scalars(query)))
    return ItemPersonas(
        item.id, source.id if source is not None else None,
        tuple(p for p in shown if p.meeting_id == meeting.id),
        tuple(p for p in shown if p.meeting_id != meeting.id),
    )


def _views(session: Session, actor: Actor, personas: list[Persona]) -> list[PersonaView]:
    if not personas:
        return []
    ids = [p.id for p in personas]
    group_ids = {p.group_id for p in personas if p.group_id is not None}
    meeting_ids = {p.meeting_id for p in personas if p.meeting_id is not None}
    numbers = dict(session.execute(
        select(Meeting.id, Meeting.number).where(Meeting.id.in_(meeting_ids))).all())
    positions = dict(session.execute(
        select(WorkGroup.id, WorkGroup.position).where(WorkGroup.id.in_(group_ids))
    ).all())
    roles: dict[int, list[str]] = {}
    for gid, role in session.execute(
        select(WorkGroupMember.group_id, Participant.role)
        .join(Participant, Participant.id == WorkGroupMember.participant_id)
        .where(WorkGroupMember.group_id.in_(group_ids), Participant.erased_at.is_(None))
        .order_by(Participant.role, Participant.id)
    ):
        roles.setdefault(gid, []).append(role)
    agreed = dict(session.execute(
        select(PersonaVersion.persona_id, PersonaVersion.number)
        .where(PersonaVersion.persona_id.in_(ids), PersonaVersion.agreed_at.is_not(None))
    ).all())
    summaries = {s.persona_id: s for s in session.scalars(
        select(PersonaSummary).where(PersonaSummary.persona_id.in_(ids)))}
    counted = select(PersonaComment.persona_id, func.count(PersonaComment.id)).where(
        PersonaComment.persona_id.in_(ids), PersonaComment.withdrawn.is_(False))
    if isinstance(actor, ParticipantActor):
        counted = counted.where(PersonaComment.hidden.is_(False))
    comments = dict(session.execute(counted.group_by(PersonaComment.persona_id)).all())
    reactions: dict[int, dict[str, int]] = {}
    for pid, kind, count in session.execute(
        select(PersonaReaction.persona_id, PersonaReaction.kind, func.count(PersonaReaction.id))
        .where(PersonaReaction.persona_id.in_(ids))
        .group_by(PersonaReaction.persona_id, PersonaReaction.kind)
    ):
        reactions.setdefault(pid, {})[kind] = count
    mine: dict[int, str] = {}
    my_groups: set[int] = set()
    open_meetings: set[int] = set()
    if isinstance(actor, ParticipantActor):
        mine = dict(session.execute(
            select(PersonaReaction.persona_id, PersonaReaction.kind).where(
                PersonaReaction.persona_id.in_(ids),
                PersonaReaction.participant_id == actor.participant_id)).all())
        my_groups = set(session.scalars(select(WorkGroupMember.group_id).where(
            WorkGroupMember.participant_id == actor.participant_id,
            WorkGroupMember.group_id.in_(group_ids))))
        open_meetings = set(session.scalars(
            select(AgendaItem.meeting_id).join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(AgendaItem.meeting_id.in_(meeting_ids), Meeting.status == "open",
                   AgendaItem.activity_type == ACTIVITY, AgendaItem.contributions_open.is_(True))
        ))
    facilitator = isinstance(actor, FacilitatorActor)

    def view(p: Persona) -> PersonaView:
        summary = summaries.get(p.id)
        position = positions.get(p.group_id) if p.group_id is not None else None
        can_edit = facilitator or (p.group_id in my_groups and p.meeting_id in open_meetings)
        return PersonaView(
            id=p.id, name=p.name, age_group=p.age_group, life_situation=p.life_situation,
            background=p.background, strengths=p.strengths, needs=p.needs,
            hard_now=p.hard_now, who_around=p.who_around, asking_hard=p.asking_hard,
            change_wanted=p.change_wanted, how_to_get_there=p.how_to_get_there,
            value_functional=p.value_functional, value_social=p.value_social,
            value_emotional=p.value_emotional, version=p.version, hidden=p.hidden,
            workshop_id=p.workshop_id, meeting_id=p.meeting_id,
            meeting_number=numbers.get(p.meeting_id) if p.meeting_id is not None else None,
            agenda_item_id=p.agenda_item_id, group_id=p.group_id,
            group_number=position + 1 if position is not None else None,
            group_roles=tuple(roles.get(p.group_id, ())) if p.group_id is not None else (),
            by_facilitator=p.author_id is None,
            created_at=p.created_at, updated_at=p.updated_at,
            agreed_version=agreed.get(p.id),
            summary=summary.text if summary is not None else "",
            summary_version=summary.version if summary is not None else 0,
            comment_count=comments.get(p.id, 0), reactions=reactions.get(p.id, {}),
            my_reaction=mine.get(p.id), can_edit=can_edit,
        )

    built = [view(p) for p in personas]
    built.sort(key=lambda v: (v.meeting_number or 0, v.group_number or 0, v.created_at, v.id))
    return built
