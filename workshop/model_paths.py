"""Service paths (palvelupolut) of personas: ordered steps, as-is and to-be variants.

Paths and steps are workshop-level results that outlive the meeting they were written in:
``meeting_id`` stays empty (deleting an old meeting must not delete half a path) and
``agenda_item_id`` records the activity a participant wrote in.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workshop.models import Base, ContributionMixin


class ServicePath(ContributionMixin, Base):
    __tablename__ = "service_paths"

    title: Mapped[str] = mapped_column(String(200))
    variant: Mapped[str] = mapped_column(String(8), default="as_is")  # as_is | to_be
    persona_id: Mapped[int | None] = mapped_column(
        ForeignKey("personas.id", ondelete="SET NULL"), index=True
    )
    # The as-is path a to-be path was copied from.
    source_path_id: Mapped[int | None] = mapped_column(
        ForeignKey("service_paths.id", ondelete="SET NULL")
    )

    steps: Mapped[list[PathStep]] = relationship(
        back_populates="path", order_by="PathStep.position", cascade="all, delete-orphan",
        passive_deletes=True,
    )


class PathStep(ContributionMixin, Base):
    """One event on a path, with the method's supporting questions and a critical-point mark."""

    __tablename__ = "path_steps"

    path_id: Mapped[int] = mapped_column(
        ForeignKey("service_paths.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(Text)
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    channel: Mapped[str] = mapped_column(String(16), default="face_to_face")
    meaningful: Mapped[str] = mapped_column(Text, default="")
    difficult: Mapped[str] = mapped_column(Text, default="")
    experience: Mapped[int | None] = mapped_column(Integer)  # -2 .. +2, None = not rated
    critical: Mapped[bool] = mapped_column(Boolean, default=False)
    critical_note: Mapped[str] = mapped_column(Text, default="")

    path: Mapped[ServicePath] = relationship(back_populates="steps")
