"""Tables of the service model canvas (toimintamallin pohja): the models of a workshop, their
elements, the published versions, the participants' comments on them and the responses.

A service model holds its name and basic facts; everything else is a typed **element**
(``canvas_elements``): goals, problems, target groups, core elements (pillars) and their
sub-items, the to-be path, roles, collaboration practices, deployment steps, resources, team
roles, follow-ups, quality criteria, tips, waste findings, solution steps... ``kind`` says
which, and :data:`workshop.canvas.KINDS` says which columns a kind uses. One table keeps the
edits, links, comments and versions uniform; typed columns keep what the seeds describe out of
free text (a deployment step has an owner, a status and a due date; a quality criterion an
indicator, a target and who follows it up).

Traceability links live in ``trace_links`` (:mod:`workshop.model_traceability`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workshop.models import Base, ContributionMixin, Meeting, User, Workshop, utcnow


class ServiceModel(Base):
    """A service model (toimintamalli) a workshop is building; a workshop may have several."""

    __tablename__ = "service_models"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    short_description: Mapped[str] = mapped_column(Text, default="")
    # Basic facts of a model description: where it runs, who funds and who wrote it.
    place: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    funder: Mapped[str] = mapped_column(String(200), default="")
    authors: Mapped[str] = mapped_column(String(200), default="")
    stage: Mapped[str] = mapped_column(String(16), default="development")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey(User.id, ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CanvasElement(Base):
    """One part of a model's canvas; ``parent_id`` holds sub-items (a pillar's contents)."""

    __tablename__ = "canvas_elements"

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    model_id: Mapped[int] = mapped_column(
        ForeignKey(ServiceModel.id, ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("canvas_elements.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    heading: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(32), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    who: Mapped[str] = mapped_column(String(200), default="")
    timing: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    indicator: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[str] = mapped_column(Text, default="")
    follow_up_by: Mapped[str] = mapped_column(String(200), default="")
    headcount: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    months: Mapped[int | None] = mapped_column(Integer)
    rank: Mapped[int | None] = mapped_column(Integer)
    applicability: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey(User.id, ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CanvasVersion(Base):
    """A frozen copy of a model's canvas as published back to the group after a meeting."""

    __tablename__ = "canvas_versions"
    __table_args__ = (UniqueConstraint("model_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    model_id: Mapped[int] = mapped_column(
        ForeignKey(ServiceModel.id, ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)
    summary: Mapped[str] = mapped_column(Text, default="")
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey(Meeting.id, ondelete="SET NULL"))
    published_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    published_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey(User.id, ondelete="SET NULL")
    )


class CanvasComment(ContributionMixin, Base):
    """A comment on a published version, on the whole model or on one element of it.

    ``element_id`` names an element of the version's snapshot (no foreign key: the element
    may be removed from the draft later, the snapshot keeps it).
    """

    __tablename__ = "canvas_comments"

    version_id: Mapped[int] = mapped_column(
        ForeignKey(CanvasVersion.id, ondelete="CASCADE"), index=True
    )
    element_id: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class CanvasResponse(Base):
    """The facilitator's answer to a comment: taken into the model, or why not.

    ``answered_in_version_id`` is set when the next version is published; after that the
    response is part of the record and no longer changes.
    """

    __tablename__ = "canvas_responses"

    comment_id: Mapped[int] = mapped_column(
        ForeignKey(CanvasComment.id, ondelete="CASCADE"), primary_key=True
    )
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))  # answered | declined
    text: Mapped[str] = mapped_column(Text, default="")
    answered_in_version_id: Mapped[int | None] = mapped_column(
        ForeignKey(CanvasVersion.id, ondelete="SET NULL"), index=True
    )
    responded_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    responded_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey(User.id, ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


# Other features find canvas elements by this name in the traceability registry.
TRACEABLE = {
    "service_model": ("ServiceModel", "name", "workshop_id"),
    "canvas_element": ("CanvasElement", "workshop.canvas:element_label", "workshop_id"),
}
