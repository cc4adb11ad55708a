"""A workshop with a row in EVERY workshop table, for the backup round trip and the CSV files.

Core records are made through the services (meetings, agenda, participants, notes, template).
Every workshop table that is still empty afterwards gets rows from a generic factory driven
by the table's columns and foreign keys, so a record type added later is covered at once.
When the factory cannot fill a table (a CHECK constraint, a value the database refuses), the
test fails naming the table: add the values it needs to ``ROW_OVERRIDES`` below, or build the
record through its service in :func:`build_workshop`.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
from dataclasses import dataclass
from typing import Any

from builders import facilitator
from sqlalchemy import insert, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from exports import docx_templates
from exports.backup import (
    ROOT_TABLE,
    ColumnPlan,
    TablePlan,
    _IdRewriter,
    _TargetTables,
    export_workshop,
    workshop_plan,
)
from workshop import meetings, notes, participants, workshops
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.models import Base, Meeting, Participant, utcnow


def _first_item_of(activity: str) -> Any:
    def find(_session: Session, document: dict[str, Any]) -> int:
        return next(row["id"] for row in document["tables"]["agenda_items"]
                    if row["activity_type"] == activity)
    return find


# table -> column -> value (or a function of (session, export document) giving it), for
# columns the generic factory cannot guess.
ROW_OVERRIDES: dict[str, dict[str, Any]] = {
    # A dot names a candidate in a prioritising item (backup.EMBEDDED_IDS, TableBy): a vote
    # of another activity's item names nothing and is not restored.
    "prio_dot_votes": {
        "agenda_item_id": _first_item_of("prioritising"),
        "target_id": lambda _session, document: document["tables"]["prio_candidates"][0]["id"],
    },
}



def _png(width: int = 2, height: int = 2) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\x30\x60\x90" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


PNG_1PX = _png()


def small_docx(text: str = "Organisaation pohja") -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    document.sections[0].header.paragraphs[0].text = "Hyvinvointialue – yläviite"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@dataclass
class Built:
    facilitator: FacilitatorActor
    workshop_id: int
    meeting_ids: list[int]
    item_ids: list[int]
    participant_ids: list[int]


def build_workshop(session: Session, username: str = "fasi", language: str = "fi") -> Built:
    actor = facilitator(session, username)
    ws = workshops.create_workshop(
        session, actor, "Varhainen tuki – työpaja 🙂", theme="Palveluohjaus\tpaljon tukea",
        organisation="Keski-Suomen hyvinvointialue", language=language,
        description="Rivi 1\nRivi 2 <script>alert(1)</script> ääkköset ÅÄÖ",
    )
    first = meetings.plan_meeting(session, actor, ws.id, title="Alkuvalmennus",
                                  date=dt.date(2026, 3, 5), start_time=dt.time(9, 0),
                                  phase="warmup")
    second = meetings.plan_meeting(session, actor, ws.id, title="Asiakasymmärrys",
                                   date=dt.date(2026, 3, 19), phase="personas")
    items = [
        meetings.add_agenda_item(session, actor, first.id, title="Tervetuloa",
                                 activity_type="info", duration_minutes=15),
        meetings.add_agenda_item(session, actor, first.id, title="Ideat",
                                 activity_type="notes", duration_minutes=30,
                                 instructions="Mitä haluamme muuttaa?"),
        meetings.add_agenda_item(session, actor, second.id, title="Persoonat",
                                 activity_type="personas", duration_minutes=60),
        meetings.add_agenda_item(session, actor, second.id, title="Valinta",
                                 activity_type="prioritising", duration_minutes=20),
    ]
    meetings.open_meeting(session, actor, first.id)
    meetings.set_item_flags(session, actor, items[1].id, contributions_open=True)
    meetings.set_current_item(session, actor, first.id, items[1].id)
    meeting = session.get(Meeting, first.id)
    assert meeting is not None
    people = []
    for name, role in (("Aino", "client_rep"), ("Pekka", "professional"),
                       ("Sari", "ngo_parish"), ("Kim", "expert_by_experience")):
        joined = participants.join(session, meeting, display_name=name, role=role)
        people.append(ParticipantActor(joined.participant.id))
    notes.add_note(session, people[0], items[1].id, "Neuvonta yhdestä paikasta\ntoinen rivi")
    hidden_id, _ = notes.add_note(session, people[1], items[1].id, "piilotettava")
    notes.hide_note(session, actor, hidden_id)
    withdrawn_id, _ = notes.add_note(session, people[2], items[1].id, "peruttu")
    notes.withdraw_note(session, people[2], withdrawn_id, 1)
    notes.add_note(session, actor, items[1].id, "Fasilitaattorin kirjaus", client_key="k" * 16)
    notes.add_note(session, people[3], items[1].id, "=SUM(A1:A9) 😀 ”lainaus”")
    meetings.close_meeting(session, actor, first.id)
    # An erased participant keeps their role for the counts, not their name.
    session.execute(update(Participant).where(Participant.id == people[3].participant_id)
                    .values(erased_at=utcnow()))
    docx_templates.save_template(session, actor, ws.id, "pohja.docx", small_docx())
    session.flush()
    fill_every_table(session, ws.id, actor.user_id)
    return Built(actor, ws.id, [first.id, second.id], [i.id for i in items],
                 [p.participant_id for p in people])


def _value(table: TablePlan, column: ColumnPlan, serial: int) -> Any:
    kind = column.kind
    if kind == "str":
        text = f"Ääkköset {table.name}.{column.name} {serial} ✓"
        return text[: column.max_length]
    if kind == "int":
        return 1  # small: CHECK constraints on scores and positions accept it
    if kind == "bool":
        return serial % 2 == 1
    if kind in {"float", "decimal"}:
        return 0.5 + serial
    if kind == "datetime":
        return dt.datetime(2026, 3, 5, 10, 30, serial, 123456, tzinfo=dt.UTC)
    if kind == "date":
        return dt.date(2026, 3, 5)
    if kind == "time":
        return dt.time(10, 15)
    if kind == "json":
        return {"teksti": "ÅÄÖ", "luvut": [1, 2.5, None], "n": serial}
    if kind == "bytes":
        return PNG_1PX
    if kind == "uuid":
        return uuid.uuid4()
    raise AssertionError(kind)


def fill_every_table(session: Session, workshop_id: int, user_id: int) -> None:
    """One row (two where a table refers to itself) in every still-empty workshop table."""
    plan = workshop_plan()
    document = export_workshop(session, workshop_id)
    tables: dict[str, list[dict[str, Any]]] = document["tables"]
    serial = 0
    for table in plan.tables:
        if tables[table.name]:
            continue
        count = 2 if any(table.refs[c][0] == table.name for c in table.refs) else 1
        typed: dict[str, Any] = {}
        for id_column, type_column in table.typed_refs.items():
            record_type, target = next(
                (rt, name) for rt, name in sorted(plan.record_tables.items()) if tables.get(name))
            typed[type_column] = record_type
            typed[id_column] = tables[target][0][plan[target].generated_key]
        first_key = None
        for n in range(count):
            serial += 1
            values: dict[str, Any] = {}
            for column in table.table.columns:
                name = column.name
                if name == table.generated_key:
                    continue
                if name in typed:
                    values[name] = typed[name]
                elif name in table.refs:
                    parent, parent_column = table.refs[name]
                    if parent == table.name:
                        values[name] = first_key if n else None
                        continue
                    rows = tables[parent]
                    assert rows, (f"{table.name}.{name}: the parent table {parent} is empty; "
                                  "it is filled before its children, so this is a bug")
                    values[name] = rows[0][parent_column]
                elif name in table.user_refs:
                    values[name] = user_id
                elif name in table.other_refs:
                    parent, parent_column = table.other_refs[name]
                    target = Base.metadata.tables[parent].c[parent_column]
                    values[name] = session.scalar(select(target).limit(1))
                elif name in table.omitted:
                    values[name] = uuid.uuid4().hex[: getattr(column.type, "length", 32) or 32]
                else:
                    plan_column = next(c for c in table.columns if c.name == name)
                    values[name] = _value(table, plan_column, serial)
            for name, value in ROW_OVERRIDES.get(table.name, {}).items():
                values[name] = value(session, document) if callable(value) else value
            statement = insert(table.table).values(**values)
            if table.generated_key:
                statement = statement.returning(table.table.c[table.generated_key])
            try:
                with session.begin_nested():
                    result = session.execute(statement)
                    if table.generated_key:
                        first_key = result.scalar_one()
                        values[table.generated_key] = first_key
            except DBAPIError as error:
                raise AssertionError(
                    f"the generic row factory could not fill the workshop table "
                    f"{table.name!r} ({str(error.orig).splitlines()[0]}). Give the values it "
                    f"needs in ROW_OVERRIDES in tests/exports/export_fixtures.py, or build the "
                    f"record through its service in build_workshop()."
                ) from None
            tables[table.name].append(values)


def assert_every_table_has_rows(document: dict[str, Any]) -> None:
    empty = [name for name in workshop_plan().names if not document["tables"].get(name)]
    assert not empty, (
        f"workshop tables without rows in the round-trip fixture: {empty}. Every record type "
        "must be in the backup test: fill it in tests/exports/export_fixtures.py"
    )


def canonical(document: dict[str, Any]) -> dict[str, Any]:
    """The document with ids replaced by positions, so two copies of a workshop compare equal.

    References become the position of the row they point to; references to accounts become
    "user" (the importing owner replaces them). Ids inside values (``EMBEDDED_IDS``) become
    positions too, ids of records not in the document numbered in order of appearance; an id
    whose table depends on a value (``TableBy``) the position in the table it names, or
    ("missing", id) when that table has no such row.
    """
    plan = workshop_plan()
    tables = document["tables"]
    positions: dict[str, dict[Any, int]] = {}
    for table in plan.tables:
        if table.generated_key:
            positions[table.name] = {row[table.generated_key]: i
                                     for i, row in enumerate(tables.get(table.name, []))}

    embedded = _IdRewriter(plan.record_tables, {
        name: {key: ("row", name, n) for key, n in keys.items()}
        for name, keys in positions.items()})

    def position(table_name: str, column: str, value: Any) -> Any:
        target = plan[table_name]
        if column == target.generated_key:
            return ("row", table_name, positions[table_name][value])
        parent, parent_column = target.refs[column]
        return position(parent, parent_column, value)

    target_of = _TargetTables(tables)
    result: dict[str, Any] = {}
    for table in plan.tables:
        rows = []
        for row in tables.get(table.name, []):
            out = {}
            for name, value in row.items():
                if name == table.generated_key:
                    out[name] = ("row", table.name, positions[table.name][value])
                elif name in table.refs and value is not None:
                    out[name] = position(*table.refs[name], value)
                elif name in table.typed_refs and value is not None:
                    target = plan.record_tables[row[table.typed_refs[name]]]
                    out[name] = position(target, plan[target].generated_key, value)
                elif name in table.user_refs and value is not None:
                    out[name] = "user"
                elif name in table.embedded:
                    out[name] = embedded(value, table.embedded[name])
                elif name in table.chosen and value is not None:
                    target = target_of(table, name, row)
                    found = positions.get(target or "", {}).get(value)
                    out[name] = ("row", target, found) if found is not None \
                        else ("missing", value)
                else:
                    out[name] = value
            rows.append(out)
        result[table.name] = rows
    return {"format": document["format"], "version": document["version"], "tables": result}


def count_rows(session: Session) -> dict[str, int]:
    from sqlalchemy import func

    return {name: session.scalar(select(func.count()).select_from(table)) or 0
            for name, table in Base.metadata.tables.items()}


__all__ = ["ROOT_TABLE", "Built", "build_workshop", "canonical", "count_rows",
           "assert_every_table_has_rows", "small_docx", "PNG_1PX"]
