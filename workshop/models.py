"""Typed SQLAlchemy 2 models. The database is the single source of truth of the app.

Every contribution table mixes in :class:`ContributionMixin`: workshop, meeting, author,
timestamps, a version number for optimistic concurrency, an idempotency key for submits,
and hidden/withdrawn flags (nothing a participant writes is ever deleted by moderation).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

PHASES: tuple[str, ...] = ("warmup", "personas", "paths", "causal", "model")
ROLES: tuple[str, ...] = (
    "client_rep",
    "professional",
    "ngo_parish",
    "expert_by_experience",
    "other",
)
MEETING_STATUSES: tuple[str, ...] = ("planned", "open", "closed")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores aware UTC datetimes on both databases (SQLite drops tzinfo otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use workshop.models.utcnow()")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, dt.datetime: UTCDateTime}


class User(Base):
    """A facilitator (or project staff) account. Participants have no accounts."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    language: Mapped[str] = mapped_column(String(8), default="fi")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[dt.datetime | None]


class Workshop(Base):
    """A theme group (teemaryhmä) and everything it produces."""

    __tablename__ = "workshops"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    theme: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(8), default="fi")
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="workshop", order_by="Meeting.number", cascade="all, delete-orphan"
    )
    facilitators: Mapped[list[WorkshopFacilitator]] = relationship(
        back_populates="workshop", cascade="all, delete-orphan"
    )


class WorkshopFacilitator(Base):
    """Which facilitator accounts may run a workshop (the owner and those invited)."""

    __tablename__ = "workshop_facilitators"

    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(16), default="facilitator")  # owner | facilitator

    workshop: Mapped[Workshop] = relationship(back_populates="facilitators")
    user: Mapped[User] = relationship()


class Meeting(Base):
    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("workshop_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200), default="")
    date: Mapped[dt.date | None] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=180)
    phase: Mapped[str] = mapped_column(String(16), default="warmup")
    status: Mapped[str] = mapped_column(String(16), default="planned")
    # Typed on the start page; unique among open meetings, cleared on close.
    join_code: Mapped[str | None] = mapped_column(String(12), unique=True)
    # Long random token for join links and QR codes (unguessable, >= 96 bits).
    link_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    opened_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]
    # Bumped in the same transaction as every change participants should see: live screens
    # poll this one integer and reload their data only when it moves.
    revision: Mapped[int] = mapped_column(Integer, default=0)
    current_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL", use_alter=True)
    )
    timer_started_at: Mapped[dt.datetime | None]
    timer_seconds: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    workshop: Mapped[Workshop] = relationship(back_populates="meetings")
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        order_by="AgendaItem.position",
        cascade="all, delete-orphan",
        foreign_keys="AgendaItem.meeting_id",
    )


class AgendaItem(Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    activity_type: Mapped[str] = mapped_column(String(32), default="info")
    duration_minutes: Mapped[int] = mapped_column(Integer, default=15)
    contributions_open: Mapped[bool] = mapped_column(Boolean, default=False)
    show_names: Mapped[bool] = mapped_column(Boolean, default=False)
    instructions: Mapped[str] = mapped_column(Text, default="")
    config: Mapped[dict[str, Any]] = mapped_column(default=dict)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda", foreign_keys=[meeting_id])


class Participant(Base):
    """Someone who joined a workshop from a browser, without an account.

    Only a hash of the personal token is stored: the token itself lives in the participant's
    join link, so a reload or a lost connection brings back the same participant.
    """

    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    display_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[str] = mapped_column(String(32))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    language: Mapped[str] = mapped_column(String(8), default="fi")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[dt.datetime | None]
    erased_at: Mapped[dt.datetime | None]


class Throttle(Base):
    """Failed attempts per (scope, client), to slow down guessing of join codes and passwords."""

    __tablename__ = "throttles"

    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    client: Mapped[str] = mapped_column(String(128), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[dt.datetime] = mapped_column(default=utcnow)
    blocked_until: Mapped[dt.datetime | None]


class ContributionMixin:
    """Columns every participant-produced record carries."""

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # A random key the browser form makes once: a double click or a resubmit after a reconnect
    # finds the record already stored instead of writing a second one.
    client_key: Mapped[str | None] = mapped_column(String(64))
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)

    @declared_attr
    def workshop_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)

    @declared_attr
    def meeting_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)

    @declared_attr
    def agenda_item_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True)

    @declared_attr
    def author_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("participants.id", ondelete="SET NULL"), index=True)

    @declared_attr
    def author_user_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("author_id", "client_key"),)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # SQLAlchemy adds "WHERE version = <loaded>" to every UPDATE and raises
        # StaleDataError when another writer got there first.
        return {"version_id_col": cls.version}


class Note(ContributionMixin, Base):
    """A free-text contribution to an agenda item (ideas, comments, answers)."""

    __tablename__ = "notes"

    text: Mapped[str] = mapped_column(Text)


def load_all_models() -> None:
    """Import every ``workshop/model_*.py`` module so ``Base.metadata`` knows all tables.

    Feature modules keep their tables next to each other without editing this file.
    """
    import importlib
    import pkgutil

    import workshop

    for module in pkgutil.iter_modules(workshop.__path__):
        if module.name.startswith("model_"):
            importlib.import_module(f"workshop.{module.name}")
