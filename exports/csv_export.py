"""Spreadsheets: one CSV file per record type of a workshop, together in a zip.

Made for Finnish Excel and LibreOffice: UTF-8 with a byte-order mark (so ä and ö survive a
double click), ``;`` between cells (the comma is the decimal separator), CRLF line ends. A cell
a participant typed that starts with ``= + - @`` (or a tab or carriage return) gets a leading
apostrophe so the spreadsheet shows it as text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from typing import Any

from sqlalchemy.orm import Session

from exports.backup import ColumnPlan, iter_rows, require_workshop_row, workshop_plan
from workshop.access import Actor, require_facilitator
from workshop.i18n import has, t
from workshop.models import Workshop

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Text a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def header(column: ColumnPlan, lang: str) -> str:
    key = f"csv.column.{column.name}"
    label = t(key, lang) if has(key) else column.name.replace("_", " ").capitalize()
    if column.kind == "datetime":
        label += " (UTC)"
    elif column.kind == "bytes":
        label += f" ({t('csv.bytes', lang)})"
    return label


def cell(column: ColumnPlan, value: Any, lang: str) -> str:
    if value is None:
        return ""
    kind = column.kind
    if kind == "bool":
        return t("csv.yes" if value else "csv.no", lang)
    if kind == "int":
        return str(value)
    if kind in {"float", "decimal"}:
        text = str(value)
        return text.replace(".", ",") if lang == "fi" else text
    if kind == "datetime":
        moment = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    if kind in {"date", "time"}:
        return value.isoformat()
    if kind == "bytes":
        return str(len(value))
    if kind == "json":
        return safe_cell(json.dumps(value, ensure_ascii=False))
    return safe_cell(str(value))


def table_csv(columns: tuple[ColumnPlan, ...], rows: list[tuple[Any, ...]], lang: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([header(c, lang) for c in columns])
    for row in rows:
        writer.writerow([cell(c, v, lang) for c, v in zip(columns, row, strict=True)])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def workshop_csv_files(session: Session, workshop_id: int) -> dict[str, bytes]:
    """File name -> CSV bytes, one per workshop table (in dependency order)."""
    require_workshop_row(session, workshop_id)
    lang = session.get(Workshop, workshop_id).language  # type: ignore[union-attr]
    files = {}
    for index, (table, rows) in enumerate(iter_rows(session, workshop_plan(), workshop_id), 1):
        files[f"{index:02d}_{table.name}.csv"] = table_csv(table.columns, rows, lang)
    return files


def workshop_csv_zip(session: Session, workshop_id: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in workshop_csv_files(session, workshop_id).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def workshop_csv_zip_as(session: Session, actor: Actor, workshop_id: int) -> bytes:
    require_facilitator(session, actor, workshop_id)
    return workshop_csv_zip(session, workshop_id)
