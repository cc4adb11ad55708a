"""Tables of prioritising and choosing (candidates, dot voting, impact/effort matrix, ranking),
the waste (hukka) workshop, solution development in four steps, and Tuplatiimi rounds.

Candidates and solutions belong to the workshop and carry over from meeting to meeting;
votes, placements, rankings and marks belong to the agenda item where they were given. Where
a candidate or solution came from is kept as a traceability link (``trace_links``), so these
tables need no origin columns of their own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workshop.model_groups import WorkGroup
from workshop.models import AgendaItem, Base, ContributionMixin, Participant, User, Workshop, utcnow

# --- candidates and choosing ------------------------------------------------------------------


class Candidate(Base):
    """A problem or solution on the workshop's candidate list (collected by a facilitator).

    ``withdrawn`` sets it aside: kept, shown to nobody in votes; its dots go back.
    """

    __tablename__ = "prio_candidates"
    __table_args__ = (UniqueConstraint("workshop_id", "client_key", name="uq_prio_candidates_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16), default="problem")  # problem | solution
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey(User.id, ondelete="SET NULL"))
    client_key: Mapped[str | None] = mapped_column(String(64))
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ChoiceRound(Base):
    """How one agenda item chooses: its method and limits (a prioritising or waste item).

    Registered for traceability as ``vote``: a canvas element can point at the vote it came
    from.
    """

    __tablename__ = "prio_rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey(AgendaItem.id, ondelete="CASCADE"), unique=True
    )
    method: Mapped[str] = mapped_column(String(16), default="dots")  # dots | matrix | ranking
    kind: Mapped[str] = mapped_column(String(16), default="all")  # all | problem | solution
    dots_per_person: Mapped[int] = mapped_column(Integer, default=3)
    max_per_target: Mapped[int] = mapped_column(Integer, default=2)
    stage: Mapped[str] = mapped_column(String(16), default="listing")  # waste: listing | voting
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    item: Mapped[AgendaItem] = relationship()

    __mapper_args__ = {"version_id_col": version}


class DotVote(Base):
    """Dots one participant put on one target (a candidate or a waste item) in one item."""

    __tablename__ = "prio_dot_votes"
    __table_args__ = (UniqueConstraint("agenda_item_id", "participant_id", "target_id",
                                       name="uq_prio_dot_votes_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey(AgendaItem.id, ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey(Participant.id, ondelete="CASCADE"), index=True
    )
    target_id: Mapped[int] = mapped_column(Integer, index=True)
    dots: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class MatrixPlacement(Base):
    """Where one participant placed one candidate: impact and effort, each 1–5."""

    __tablename__ = "prio_matrix"
    __table_args__ = (UniqueConstraint("agenda_item_id", "participant_id", "candidate_id",
                                       name="uq_prio_matrix_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey(AgendaItem.id, ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey(Participant.id, ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey(Candidate.id, ondelete="CASCADE"), index=True
    )
    impact: Mapped[int] = mapped_column(Integer)
    effort: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class RankEntry(Base):
    """One line of a participant's ranking: a candidate and its place (0 = most important)."""

    __tablename__ = "prio_rank_entries"
    __table_args__ = (UniqueConstraint("agenda_item_id", "participant_id", "candidate_id",
                                       name="uq_prio_rank_entries_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey(AgendaItem.id, ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey(Participant.id, ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey(Candidate.id, ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


# --- waste workshop ---------------------------------------------------------------------------


class WasteItem(ContributionMixin, Base):
    """One waste (hukka) found in today's service: its category, what and where on the path.

    ``category`` is a key of ``methods.WASTE_CATEGORIES`` or ``"free"`` with the group's own
    category name in ``free_category``. ``candidate_id`` is set once the facilitator picked it
    to work on.
    """

    __tablename__ = "waste_items"

    category: Mapped[str] = mapped_column(String(40))
    free_category: Mapped[str] = mapped_column(String(120), default="")
    text: Mapped[str] = mapped_column(Text)
    where_in_path: Mapped[str] = mapped_column(Text, default="")
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey(Candidate.id, ondelete="SET NULL")
    )


# --- solution development ---------------------------------------------------------------------


class Solution(Base):
    """A solution taken forward in four steps, with a status and an owner (free text)."""

    __tablename__ = "solutions"
    __table_args__ = (UniqueConstraint("workshop_id", "client_key", name="uq_solutions_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    step: Mapped[str] = mapped_column(String(40), default="ideation")
    status: Mapped[str] = mapped_column(String(16), default="active")
    owner: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey(User.id, ondelete="SET NULL"))
    client_key: Mapped[str | None] = mapped_column(String(64))
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class SolutionStepNote(Base):
    """The notes of one solution in one of the four steps (one text, versioned)."""

    __tablename__ = "solution_step_notes"
    __table_args__ = (UniqueConstraint("solution_id", "step", name="uq_solution_step_notes_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    solution_id: Mapped[int] = mapped_column(
        ForeignKey(Solution.id, ondelete="CASCADE"), index=True
    )
    step: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey(User.id, ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    solution: Mapped[Solution] = relationship()

    __mapper_args__ = {"version_id_col": version}


class SolutionComment(ContributionMixin, Base):
    """A participant's comment or idea on a solution's step, given in a meeting."""

    __tablename__ = "solution_comments"

    solution_id: Mapped[int] = mapped_column(
        ForeignKey(Solution.id, ondelete="CASCADE"), index=True
    )
    step: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)


# --- Tuplatiimi -------------------------------------------------------------------------------


class TuplatiimiRound(Base):
    """Where a Tuplatiimi agenda item is: its question and its step (a state machine)."""

    __tablename__ = "tt_rounds"

    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey(AgendaItem.id, ondelete="CASCADE"), primary_key=True
    )
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    question: Mapped[str] = mapped_column(Text, default="")
    step: Mapped[str] = mapped_column(String(16), default="frame")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class TtTheme(Base):
    """A theme the facilitator grouped top ideas into, with its action plan."""

    __tablename__ = "tt_themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey(AgendaItem.id, ondelete="CASCADE"), index=True
    )
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(Text, default="")
    who: Mapped[str] = mapped_column(String(200), default="")
    by_when: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class TtIdea(ContributionMixin, Base):
    """One idea written alone; later picked by its pair (``pair_id``), merged, themed."""

    __tablename__ = "tt_ideas"

    text: Mapped[str] = mapped_column(Text)
    picked: Mapped[bool] = mapped_column(Boolean, default=False)
    pair_id: Mapped[int | None] = mapped_column(
        ForeignKey(WorkGroup.id, ondelete="SET NULL"), index=True
    )
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("tt_ideas.id", ondelete="SET NULL")
    )
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey(TtTheme.id, ondelete="SET NULL"), index=True
    )


class TtMark(Base):
    """Marks one pair placed on one presented idea."""

    __tablename__ = "tt_marks"
    __table_args__ = (UniqueConstraint("group_id", "idea_id", name="uq_tt_marks_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey(AgendaItem.id, ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int] = mapped_column(
        ForeignKey(WorkGroup.id, ondelete="CASCADE"), index=True
    )
    idea_id: Mapped[int] = mapped_column(
        ForeignKey(TtIdea.id, ondelete="CASCADE"), index=True
    )
    count: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


# --- traceability -----------------------------------------------------------------------------


def round_label(record: Any) -> str:
    """A vote is named by its agenda item's title."""
    item = getattr(record, "item", None)
    return item.title if item is not None else ""


def step_note_label(record: Any) -> str:
    solution = getattr(record, "solution", None)
    title = solution.title if solution is not None else ""
    return f"{title}: {record.text}" if title else record.text


TRACEABLE = {
    "candidate": ("Candidate", "text", "workshop_id"),
    "vote": ("ChoiceRound", "workshop.model_prioritising:round_label", "workshop_id"),
    "waste_item": ("WasteItem", "text", "workshop_id"),
    "solution": ("Solution", "title", "workshop_id"),
    "solution_step": ("SolutionStepNote", "workshop.model_prioritising:step_note_label",
                      "workshop_id"),
    "tuplatiimi_idea": ("TtIdea", "text", "workshop_id"),
    "tuplatiimi_theme": ("TtTheme", "name", "workshop_id"),
}
