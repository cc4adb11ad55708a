"""Tables of the phase 1 warm-up activities: ground rules (principles), picture cards, the
shared glossary and topics with dot voting; plus the small service helpers they share.

Workshop-level records (principles, concepts, topics, uploaded cards) carry over from one
meeting to the next. Their ``meeting_id`` only records where they came from and is set to
NULL, not cascaded, when that meeting is deleted, so a later meeting keeps what was agreed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.orm.exc import StaleDataError

from workshop.access import (
    Actor,
    FacilitatorActor,
    ParticipantActor,
    open_meeting_of,
    require_facilitator,
    require_item,
)
from workshop.contributions import Authorship
from workshop.errors import InvalidInput, StaleEdit
from workshop.meetings import bump_revision
from workshop.models import AgendaItem, Base, ContributionMixin, Participant, Workshop, utcnow

# --- picks and uploaded decks ----------------------------------------------------------------


class CardImage(Base):
    """A picture card a facilitator uploaded for their workshop's own deck.

    The bytes are the validated (for SVG: rebuilt) image; the alt text is written by the
    facilitator. Removing a card hides it: picks that point to it still show.
    """

    __tablename__ = "card_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200), default="")
    alt_text: Mapped[str] = mapped_column(Text)
    mime: Mapped[str] = mapped_column(String(32))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    byte_size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CardPick(ContributionMixin, Base):
    """A participant's picture card for an agenda item and the line on why (one per person)."""

    __tablename__ = "card_picks"
    __table_args__ = (
        UniqueConstraint("author_id", "client_key"),
        UniqueConstraint("agenda_item_id", "author_id"),
    )

    # "default:<card key>" or "upload:<card_images.id>"
    card: Mapped[str] = mapped_column(String(64))
    line: Mapped[str] = mapped_column(Text, default="")


# --- principles ------------------------------------------------------------------------------


class Principle(ContributionMixin, Base):
    """One ground rule of a workshop: seeded, proposed by a participant or added by a
    facilitator. ``wording`` counts text changes, so reactions belong to one wording."""

    __tablename__ = "principles"

    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    agreed: Mapped[bool] = mapped_column(Boolean, default=False)
    agreed_at: Mapped[dt.datetime | None]
    seed_key: Mapped[str | None] = mapped_column(String(64))
    wording: Mapped[int] = mapped_column(Integer, default=1)


class PrincipleReaction(Base):
    """A participant's reaction to a principle in one agenda item: agree or want to discuss."""

    __tablename__ = "principle_reactions"
    # Named by hand: the conventional name would exceed PostgreSQL's 63 characters.
    __table_args__ = (UniqueConstraint("agenda_item_id", "principle_id", "participant_id",
                                       name="uq_principle_reactions_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    principle_id: Mapped[int] = mapped_column(
        ForeignKey("principles.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    wording: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


# --- glossary --------------------------------------------------------------------------------


class Concept(Base):
    """A term of the workshop's shared glossary with its current definition."""

    __tablename__ = "concepts"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    term: Mapped[str] = mapped_column(String(200))
    definition: Mapped[str] = mapped_column(Text, default="")
    definition_number: Mapped[int] = mapped_column(Integer, default=1)
    agreed: Mapped[bool] = mapped_column(Boolean, default=False)
    seed_key: Mapped[str | None] = mapped_column(String(64))
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ConceptProposal(ContributionMixin, Base):
    """A participant's proposed wording for a concept, or a comment on it."""

    __tablename__ = "concept_proposals"

    concept_id: Mapped[int] = mapped_column(
        ForeignKey("concepts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # wording | comment
    text: Mapped[str] = mapped_column(Text)


class ConceptDefinition(Base):
    """Every definition a concept has had: the starting one and each one recorded as agreed."""

    __tablename__ = "concept_definitions"
    __table_args__ = (UniqueConstraint("concept_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    concept_id: Mapped[int] = mapped_column(
        ForeignKey("concepts.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    definition: Mapped[str] = mapped_column(Text)
    agreed: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL")
    )
    proposal_id: Mapped[int | None] = mapped_column(
        ForeignKey("concept_proposals.id", ondelete="SET NULL")
    )


# --- topics and dot voting -------------------------------------------------------------------


class Topic(ContributionMixin, Base):
    """A topic someone wants to discuss; belongs to the workshop (carries over meetings)."""

    __tablename__ = "topics"

    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("topics.id", ondelete="SET NULL"), index=True
    )


class TopicVote(Base):
    """The dots one participant put on one topic in one agenda item (1..the item's cap)."""

    __tablename__ = "topic_votes"
    __table_args__ = (UniqueConstraint("agenda_item_id", "participant_id", "topic_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), index=True
    )
    dots: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


# --- seeding marker --------------------------------------------------------------------------


class WarmupSeed(Base):
    """That a workshop's starting principles or glossary were written (once, ever)."""

    __tablename__ = "warmup_seeds"

    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


# --- helpers shared by the warm-up services ----------------------------------------------------


def claim_seed(session: Session, workshop_id: int, kind: str) -> bool:
    """True exactly once per (workshop, kind): the caller then writes the starting content.

    A concurrent second caller meets the primary key and gets False (on PostgreSQL it waits
    for the first transaction to finish), so starting content is never written twice.
    """
    if session.get(WarmupSeed, (workshop_id, kind)) is not None:
        return False
    try:
        with session.begin_nested():
            session.add(WarmupSeed(workshop_id=workshop_id, kind=kind))
    except IntegrityError:
        return False
    return True


def activity_item(session: Session, actor: Actor, item_id: int, activity_type: str, *,
                  facilitator: bool = False) -> AgendaItem:
    """An agenda item of ``activity_type`` the actor may read (or run, with ``facilitator``)."""
    item = require_item(session, actor, item_id)
    if facilitator:
        require_facilitator(session, actor, item.meeting.workshop_id)
    if item.activity_type != activity_type:
        raise InvalidInput("error.warmup.wrong_activity")
    return item


def bump_workshop(session: Session, workshop_id: int, meeting_id: int | None = None) -> None:
    """Tell live screens about a workshop-level change: the open meeting and ``meeting_id``."""
    opened = open_meeting_of(session, workshop_id)
    if opened is not None:
        bump_revision(session, opened.id)
    if meeting_id is not None and (opened is None or opened.id != meeting_id):
        bump_revision(session, meeting_id)



def authorship(actor: Actor, author: Participant | None, show_names: bool) -> Authorship:
    """How a record's author is shown: role always, the name to the facilitator, to the
    author, and to others only where the activity shows names (as in contributions)."""
    if author is None:
        return Authorship(None, None, mine=False, by_facilitator=True)
    mine = isinstance(actor, ParticipantActor) and actor.participant_id == author.id
    show = mine or isinstance(actor, FacilitatorActor) or show_names
    name = author.display_name if show and author.erased_at is None else None
    return Authorship(author.role, name, mine=mine, by_facilitator=False)


def flush_versioned(session: Session) -> None:
    """Flush an edit of a versioned workshop-level record (cards, concepts); a concurrent
    writer that got there first turns into :class:`StaleEdit`."""
    try:
        session.flush()
    except StaleDataError:
        raise StaleEdit() from None
