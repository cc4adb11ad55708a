"""Causal maps (kausaalikartat): factors with stored positions and signed, weighted links.

Like paths, maps are workshop-level results: ``meeting_id`` stays empty and
``agenda_item_id`` records the activity a participant proposed a factor or link in.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workshop.models import Base, ContributionMixin


class CausalMapRecord(ContributionMixin, Base):
    __tablename__ = "causal_maps"

    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class MapFactor(ContributionMixin, Base):
    __tablename__ = "map_factors"

    map_id: Mapped[int] = mapped_column(
        ForeignKey("causal_maps.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="cause")
    # Computed once and stored, so the picture does not jump between reruns.
    x: Mapped[float | None] = mapped_column(Float)
    y: Mapped[float | None] = mapped_column(Float)
    # The path step (critical point) this factor came from, if any.
    step_id: Mapped[int | None] = mapped_column(
        ForeignKey("path_steps.id", ondelete="SET NULL"), index=True
    )


class MapLink(ContributionMixin, Base):
    """Directed link; ``weight`` in [-1, 1] and nonzero: its sign is the polarity."""

    __tablename__ = "map_links"

    map_id: Mapped[int] = mapped_column(
        ForeignKey("causal_maps.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[int] = mapped_column(
        ForeignKey("map_factors.id", ondelete="CASCADE"), index=True
    )
    target_id: Mapped[int] = mapped_column(
        ForeignKey("map_factors.id", ondelete="CASCADE"), index=True
    )
    weight: Mapped[float] = mapped_column(Float)
    delay: Mapped[bool] = mapped_column(Boolean, default=False)
