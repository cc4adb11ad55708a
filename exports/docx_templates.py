"""An organisation's Word template per workshop: checked on upload, used by memos and the
service-model description.

A .docx is a zip archive, so an upload is checked as one before python-docx sees it: its size,
the number of entries, the real (not the claimed) unpacked size and compression ratio (a zip
bomb unpacks gigabytes from kilobytes), entry names, no macros, and finally that python-docx
opens it. A .dotx (Word template) is accepted and stored as a document.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop.access import Actor, FacilitatorActor, require_facilitator
from workshop.errors import InvalidInput
from workshop.model_exports import DocxTemplate
from workshop.models import utcnow
from workshop.text import SHORT, clean_text

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_ENTRIES = 1_000
MAX_RATIO = 100  # unpacked / packed, per entry larger than 1 MB
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@dataclass(frozen=True)
class TemplateInfo:
    filename: str
    size: int
    uploaded_at: dt.datetime


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> int:
    """Unpack one entry without trusting its header; returns the bytes it really holds."""
    total = 0
    with archive.open(info) as stream:
        while chunk := stream.read(256 * 1024):
            total += len(chunk)
            if total > budget:
                raise InvalidInput("export.template.zip_bomb")
    if info.compress_size and total > 1024 * 1024 and total / info.compress_size > MAX_RATIO:
        raise InvalidInput("export.template.zip_bomb")
    return total


def validate_template(data: object) -> bytes:
    """The bytes to store, or InvalidInput with an ``export.template.*`` key."""
    if not isinstance(data, (bytes, bytearray)) or not data:
        raise InvalidInput("export.template.empty")
    data = bytes(data)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise InvalidInput("export.template.too_large", max_mb=MAX_TEMPLATE_BYTES // 2**20)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InvalidInput("export.template.not_docx") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise InvalidInput("export.template.zip_bomb")
        names = {info.filename for info in entries}
        if "[Content_Types].xml" not in names or "word/document.xml" not in names:
            raise InvalidInput("export.template.not_docx")
        budget = MAX_UNPACKED_BYTES
        try:
            for info in entries:
                name = info.filename
                if name.startswith(("/", "\\")) or ".." in name.split("/") or ":" in name:
                    raise InvalidInput("export.template.not_docx")
                if name.lower().endswith("vbaproject.bin") or info.flag_bits & 0x1:
                    raise InvalidInput("export.template.macros")  # macros or encryption
                budget -= _read_bounded(archive, info, budget)
            content_types = archive.read("[Content_Types].xml")
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError,
                EOFError, RuntimeError):
            raise InvalidInput("export.template.not_docx") from None
    if b"macroEnabled" in content_types:
        raise InvalidInput("export.template.macros")
    if _TEMPLATE_TYPE in content_types:
        data = _as_document(data, content_types.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE))
    try:
        from docx import Document

        Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - whatever python-docx dislikes, the answer is the same
        raise InvalidInput("export.template.unreadable") from None
    return data


def _as_document(data: bytes, content_types: bytes) -> bytes:
    """A .dotx rewritten as a .docx (only the main part's content type differs)."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = content_types if info.filename == "[Content_Types].xml" \
                else source.read(info)
            target.writestr(info.filename, body)
    return output.getvalue()


def save_template(session: Session, actor: Actor, workshop_id: int, filename: str,
                  data: bytes) -> TemplateInfo:
    """Store (or replace) the workshop's template after :func:`validate_template`."""
    require_facilitator(session, actor, workshop_id)
    assert isinstance(actor, FacilitatorActor)
    checked = validate_template(data)
    name = clean_text(filename or "template.docx", field="field.template_file",
                      max_length=SHORT, multiline=False)
    row = session.scalar(select(DocxTemplate).where(DocxTemplate.workshop_id == workshop_id))
    if row is None:
        row = DocxTemplate(workshop_id=workshop_id)
        session.add(row)
    row.filename = name
    row.data = checked
    row.size = len(checked)
    row.uploaded_at = utcnow()
    row.uploaded_by_id = actor.user_id
    session.flush()
    return TemplateInfo(row.filename, row.size, row.uploaded_at)


def template_info(session: Session, actor: Actor, workshop_id: int) -> TemplateInfo | None:
    require_facilitator(session, actor, workshop_id)
    row = session.execute(
        select(DocxTemplate.filename, DocxTemplate.size, DocxTemplate.uploaded_at)
        .where(DocxTemplate.workshop_id == workshop_id)
    ).first()
    return TemplateInfo(row[0], row[1], row[2]) if row else None


def template_bytes(session: Session, actor: Actor, workshop_id: int) -> bytes | None:
    require_facilitator(session, actor, workshop_id)
    return session.scalar(select(DocxTemplate.data)
                          .where(DocxTemplate.workshop_id == workshop_id))


def remove_template(session: Session, actor: Actor, workshop_id: int) -> None:
    require_facilitator(session, actor, workshop_id)
    row = session.scalar(select(DocxTemplate).where(DocxTemplate.workshop_id == workshop_id))
    if row is not None:
        session.delete(row)
        session.flush()
