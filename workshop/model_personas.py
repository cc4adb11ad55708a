"""Personas written by small groups, their saved versions, comments and reactions.

A persona is a group product: ``group_id`` names the small group (``work_groups``) of the
agenda item that wrote it; any member of that group may edit it. Every saved edit is copied
into ``persona_versions`` so earlier wordings stay readable, and the facilitator marks one of
them as agreed. Comments and reactions come from a later meeting's comment round.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workshop.models import Base, ContributionMixin, utcnow


class Persona(ContributionMixin, Base):
    __tablename__ = "personas"

    name: Mapped[str] = mapped_column(String(120))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("work_groups.id", ondelete="SET NULL"), index=True
    )
    age_group: Mapped[str] = mapped_column(String(16), default="")
    life_situation: Mapped[str] = mapped_column(Text, default="")
    background: Mapped[str] = mapped_column(Text, default="")
    strengths: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    hard_now: Mapped[str] = mapped_column(Text, default="")
    change_wanted: Mapped[str] = mapped_column(Text, default="")
    how_to_get_there: Mapped[str] = mapped_column(Text, default="")
    who_around: Mapped[str] = mapped_column(Text, default="")
    asking_hard: Mapped[str] = mapped_column(Text, default="")
    value_functional: Mapped[str] = mapped_column(Text, default="")
    value_social: Mapped[str] = mapped_column(Text, default="")
    value_emotional: Mapped[str] = mapped_column(Text, default="")


class PersonaVersion(Base):
    """A copy of a persona as saved; ``number`` equals the persona's version after that save."""

    __tablename__ = "persona_versions"
    __table_args__ = (UniqueConstraint("persona_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    persona_id: Mapped[int] = mapped_column(ForeignKey("personas.id", ondelete="CASCADE"),
                                            index=True)
    number: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)
    saved_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL")
    )
    author_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Set when the facilitator marks this version as the one the group agreed on.
    agreed_at: Mapped[dt.datetime | None]
    agreed_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )


class PersonaComment(ContributionMixin, Base):
    """A comment on a persona, written in a later meeting's comment round (agenda item)."""

    __tablename__ = "persona_comments"

    persona_id: Mapped[int] = mapped_column(ForeignKey("personas.id", ondelete="CASCADE"),
                                            index=True)
    text: Mapped[str] = mapped_column(Text)


class PersonaReaction(Base):
    """One reaction per participant per persona (changing it replaces the earlier one)."""

    __tablename__ = "persona_reactions"
    __table_args__ = (UniqueConstraint("persona_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    persona_id: Mapped[int] = mapped_column(ForeignKey("personas.id", ondelete="CASCADE"),
                                            index=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PersonaSummary(Base):
    """The facilitator's condensation of the comments on a persona (one per persona)."""

    __tablename__ = "persona_summaries"

    persona_id: Mapped[int] = mapped_column(ForeignKey("personas.id", ondelete="CASCADE"),
                                            primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )

    __mapper_args__ = {"version_id_col": version}
