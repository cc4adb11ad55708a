"""Tables of the learning café (stations, rounds, notes) and of meeting feedback (the
workshop's questions, one response per participant per meeting, and its answers)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workshop.model_groups import WorkGroup
from workshop.models import AgendaItem, Base, ContributionMixin, Participant, Workshop, utcnow

# --- learning café ------------------------------------------------------------------------


class CafeState(Base):
    """Where a café agenda item is: the current round (0-based) and whether it has ended.

    Created once, when the facilitator first opens the café; its primary key makes seeding
    the default stations happen exactly once even if two facilitators open it together.
    """

    __tablename__ = "cafe_states"

    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey(AgendaItem.id, ondelete="CASCADE"), primary_key=True
    )
    round: Mapped[int] = mapped_column(Integer, default=0)
    finished: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CafeStation(Base):
    """One station: its question, its host (a participant, optional) and the host's summary.

    ``version`` guards the facilitator's edits of question and host; ``summary_version``
    guards the host's summary separately, so the two never refuse each other.
    """

    __tablename__ = "cafe_stations"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey(AgendaItem.id, ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    question: Mapped[str] = mapped_column(Text)
    host_id: Mapped[int | None] = mapped_column(
        ForeignKey(Participant.id, ondelete="SET NULL")
    )
    summary: Mapped[str] = mapped_column(Text, default="")
    summary_version: Mapped[int] = mapped_column(Integer, default=0)
    summary_updated_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CafeNote(ContributionMixin, Base):
    """A note written at a station: which station, in which round and by which group."""

    __tablename__ = "cafe_notes"

    station_id: Mapped[int] = mapped_column(
        ForeignKey(CafeStation.id, ondelete="CASCADE"), index=True
    )
    round: Mapped[int] = mapped_column(Integer)
    group_id: Mapped[int | None] = mapped_column(ForeignKey(WorkGroup.id, ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)


# --- meeting feedback -----------------------------------------------------------------------


class FeedbackForm(Base):
    """Marks that a workshop's feedback questions were seeded (once, in its language)."""

    __tablename__ = "feedback_forms"

    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class FeedbackQuestion(Base):
    """One question of a workshop's feedback form: a 1–5 scale or a written answer.

    A question that has answers is never deleted or rewritten: removing it retires it, and
    editing its wording retires it and adds a new one, so old answers keep their meaning.
    """

    __tablename__ = "feedback_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(8))  # scale | text
    text: Mapped[str] = mapped_column(Text)
    default_key: Mapped[str | None] = mapped_column(String(32))  # seeded from methods
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class FeedbackResponse(ContributionMixin, Base):
    """One participant's feedback form for one meeting (re-submitting updates it).

    ``respondent_group`` (client / worker / other) is recorded when answering, so results stay
    grouped as they were given even if a role changes or a participant is erased later.
    """

    __tablename__ = "feedback_responses"
    __table_args__ = (
        UniqueConstraint("author_id", "client_key"),
        UniqueConstraint("meeting_id", "author_id"),
    )

    respondent_group: Mapped[str] = mapped_column(String(8))


class FeedbackAnswer(Base):
    __tablename__ = "feedback_answers"
    __table_args__ = (UniqueConstraint("response_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey(FeedbackResponse.id, ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey(FeedbackQuestion.id, ondelete="CASCADE"), index=True
    )
    score: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)
