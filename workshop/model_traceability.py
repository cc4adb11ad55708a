"""The generic traceability link: a source record came from (or rests on) a target record.

Both ends are named by a record type of the registry in :mod:`workshop.traceability` and an
id, so any feature can link its records without a table of its own: a canvas element to the
personas and path steps it came from, a prioritising candidate to the café note it was
collected from, a solution to the waste it removes. Both ends belong to the same workshop
(checked in the service).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from workshop.models import Base, User, Workshop, utcnow


class TraceLink(Base):
    __tablename__ = "trace_links"
    __table_args__ = (
        UniqueConstraint("source_type", "source_id", "record_type", "record_id",
                         name="uq_trace_links_once"),
        Index("ix_trace_links_source", "source_type", "source_id"),
        Index("ix_trace_links_record", "record_type", "record_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), index=True
    )
    source_type: Mapped[str] = mapped_column(String(40))
    source_id: Mapped[int] = mapped_column(Integer)
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey(User.id, ondelete="SET NULL")
    )
