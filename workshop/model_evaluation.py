"""Tables of a service model's evaluation: client outcomes (pseudonymous clients and their
follow-ups), Net Promoter Score surveys, the four-field evaluation and the cost break-even.

Nothing here identifies a person: a client is a pseudonym chosen by the team (the key to
real identities stays in the client record system), NPS answers are anonymous scores.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from workshop.model_canvas import ServiceModel
from workshop.models import Base, User, Workshop, utcnow


class EvalClient(Base):
    """One client followed up, by pseudonym, with the situation at the start of the service."""

    __tablename__ = "eval_clients"
    __table_args__ = (UniqueConstraint("model_id", "pseudonym"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    model_id: Mapped[int] = mapped_column(
        ForeignKey(ServiceModel.id, ondelete="CASCADE"), index=True
    )
    pseudonym: Mapped[str] = mapped_column(String(40))
    intake: Mapped[str] = mapped_column(String(120), default="")
    started_on: Mapped[dt.date | None] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    start_situation: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class OutcomeFollowUp(Base):
    """The client's situation at one follow-up point, compared with the start.

    ``months`` counts from the end of the service (0 = at the end, 6, 12, ...).
    """

    __tablename__ = "eval_follow_ups"
    __table_args__ = (UniqueConstraint("client_id", "months"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    client_id: Mapped[int] = mapped_column(
        ForeignKey(EvalClient.id, ondelete="CASCADE"), index=True
    )
    months: Mapped[int] = mapped_column(Integer)
    # better | same | worse; None: not rated (only the status below was recorded)
    rating: Mapped[str | None] = mapped_column(String(8))
    placed: Mapped[bool | None] = mapped_column(Boolean)
    still_client: Mapped[bool | None] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_on: Mapped[dt.date | None] = mapped_column(Date)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class NpsSurvey(Base):
    __tablename__ = "nps_surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    model_id: Mapped[int] = mapped_column(
        ForeignKey(ServiceModel.id, ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    period: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    highlights: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class NpsAnswer(Base):
    """One anonymous answer: how likely (0–10) the respondent would recommend the service."""

    __tablename__ = "nps_answers"
    __table_args__ = (CheckConstraint("score >= 0 AND score <= 10", name="score_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        ForeignKey(NpsSurvey.id, ondelete="CASCADE"), index=True
    )
    respondent_group: Mapped[str] = mapped_column(String(8))  # client | family
    score: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class FourFieldEntry(Base):
    """A measure, a finding or a change made, in one field of the four-field evaluation."""

    __tablename__ = "four_field_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    model_id: Mapped[int] = mapped_column(
        ForeignKey(ServiceModel.id, ondelete="CASCADE"), index=True
    )
    field: Mapped[str] = mapped_column(String(16))  # staff | customer | effectiveness | ...
    kind: Mapped[str] = mapped_column(String(8))  # measure | finding | change
    text: Mapped[str] = mapped_column(Text)
    # A change names the finding it was made because of.
    because_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("four_field_entries.id", ondelete="SET NULL")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey(User.id, ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class BreakEven(Base):
    """The model's yearly cost against the yearly cost of one case it prevents."""

    __tablename__ = "break_even_calcs"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    model_id: Mapped[int] = mapped_column(
        ForeignKey(ServiceModel.id, ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    yearly_cost: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    case_label: Mapped[str] = mapped_column(String(120), default="")
    case_cost: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    prevented_count: Mapped[int | None] = mapped_column(Integer)
    clients_per_year: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


TRACEABLE = {
    "four_field_entry": ("FourFieldEntry", "text", "workshop_id"),
}
