"""Tables of the exports feature: the organisation's Word template of a workshop."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from workshop.models import Base, User, Workshop, utcnow


class DocxTemplate(Base):
    """A .docx (or .dotx) a facilitator uploaded: its styles, logo, header and footer are used
    for the workshop's memos and service-model description. One per workshop; the bytes were
    checked by ``exports.templates.validate_template`` before they were stored."""

    __tablename__ = "docx_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Column objects rather than "table.column" strings: the i18n test reads such strings as
    # message keys.
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey(Workshop.id, ondelete="CASCADE"), unique=True
    )
    filename: Mapped[str] = mapped_column(String(200))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey(User.id, ondelete="SET NULL")
    )
