"""Lossless JSON backups of one workshop, and restoring them as a new workshop.

The tables to save are found in ``Base.metadata`` (after
:func:`workshop.models.load_all_models`) by following foreign keys: a table belongs to a
workshop when it points to ``workshops`` directly or through other workshop tables (agenda
items through meetings, persona versions through personas, ...). A feature that adds a table
with such a foreign key is backed up and restored without touching this module. The one
thing the schema cannot tell is which ids are kept inside JSON values (and integer columns
without a foreign key, also those whose table depends on another value: :class:`TableBy`):
those are declared in :data:`EMBEDDED_IDS`, and a JSON column missing from it stops
:func:`workshop_plan` with a :class:`BackupSchemaError`.

The format is described in ``docs/backup-format.md``. In short::

    {"format": "kehittamo-workshop", "version": 1, "exported_at": "2026-03-05T10:00:00Z",
     "tables": {"workshops": [{"id": 7, "name": "...", ...}], "meetings": [...], ...}}

Import checks the whole document before it writes anything, then inserts every row inside
one savepoint of the caller's transaction, giving each row a new id and rewriting every
reference. A document that cannot be restored faithfully is refused with an
:class:`~workshop.errors.InvalidInput` carrying a ``backup.error.*`` message key.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import importlib
import importlib.util
import json
import math
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Table,
    and_,
    bindparam,
    false,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy import types as sqltypes
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from workshop.access import Actor, FacilitatorActor, require_facilitator
from workshop.errors import InvalidInput, NotFound
from workshop.models import Base, User, WorkshopFacilitator, load_all_models, utcnow

# The same rule as for typed text (workshop.text): C0/C1 controls other than tab and newlines,
# and lone surrogates, are refused wherever text is stored.
from workshop.text import _FORBIDDEN as FORBIDDEN_CHARACTERS

FORMAT = "kehittamo-workshop"
VERSION = 1
ROOT_TABLE = "workshops"
USERS_TABLE = "users"
TYPE_REGISTRY = "workshop.traceability"  # record types for typed references, when installed

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # the whole JSON file
MAX_DEPTH = 32  # nesting of arrays/objects, the document's own five levels included
MAX_TEXT_CHARS = 100_000  # a Text column (no length of its own) holds at most this much
MAX_BINARY_BYTES = 16 * 1024 * 1024  # one bytes value after base64 decoding
_INT_LIMITS = {"big": 2**63, "small": 2**15, "int": 2**31}
# Rows per multi-row INSERT: psycopg parses each statement's text, and that cost grows faster
# than the statement; 200 rows a statement halved PostgreSQL import time against 1000.
INSERT_PAGE_SIZE = 200
_TOP_LEVEL_KEYS = frozenset({"format", "version", "exported_at", "tables"})


class BackupSchemaError(RuntimeError):
    """The models contain something this module cannot back up (a developer error, found by
    the round-trip test as soon as such a table is added)."""


# --- ids inside values ---------------------------------------------------------------------------

# What becomes of an id inside a value whose record is not in the backup (it was removed
# before the export): NULL sets it to null, DROP leaves out the list item (or key) holding it
# (for a TableBy: the row), LOCAL gives it a negative number unique within the restore, the
# same for the same old id everywhere: it then names no row, yet still tells apart, and ties
# together, the entries that carried it.
NULL, DROP, LOCAL = "null", "drop", "local"
# As the table of a path: the object there is a typed reference {"record_type": ...,
# "record_id": ...}, resolved through the record-type registry like trace_links.
RECORD = "<record type>"


@dataclass(frozen=True)
class TableBy:
    """As the table of an integer column (path ""): the table depends on a value of the row.

    ``discriminator`` is a column of the same row, or ``"fk.column"``: ``column`` of the row
    the same row's foreign key ``fk`` names (the vote's agenda item's ``activity_type``).
    ``tables`` maps its values to tables; any other value names no table, so the id counts
    as missing. Such ids are set as the row goes in (the tables come first), so with DROP a
    row whose id names nothing is left out of the restore altogether.
    """

    discriminator: str
    tables: Mapping[Any, str]


#: Ids kept where no foreign key shows them: "table.column" -> {path: (table of the ids,
#: what becomes of a missing one)}. A path is keys joined by dots, with ``[]`` after a key
#: for every item of its list; the empty path is the column's value itself. Keys not listed
#: are copied as they are (counts, positions, texts). Every JSON column of a workshop table
#: must be listed, with {} when it holds no ids. An integer column whose table depends on
#: another value gives a :class:`TableBy` as the table of its empty path (NULL or DROP; DROP
#: then leaves out the row).
EMBEDDED_IDS: dict[str, dict[str, tuple[str | TableBy, str]]] = {
    # Per-activity settings: the solution in focus (workshop.solutions.focus); the dot rules
    # of topics (dots_per_person, max_dots_per_topic) and the picture-card deck are not ids.
    "agenda_items.config": {"solution_id": ("solutions", NULL)},
    # A saved persona: its texts only (workshop.personas._snapshot).
    "persona_versions.content": {},
    # A published canvas (workshop.canvas.snapshot and publish). An element id is also the
    # element's identity inside the frozen version: parent_id and the comments on the
    # version refer to it, and the version keeps elements removed from the draft since.
    "canvas_versions.content": {
        "elements[].id": ("canvas_elements", LOCAL),
        "elements[].parent_id": ("canvas_elements", LOCAL),
        "elements[].links[]": (RECORD, DROP),
        "responses[].comment_id": ("canvas_comments", NULL),
    },
    # The element of the commented version's snapshot (no foreign key, see above).
    "canvas_comments.element_id": {"": ("canvas_elements", LOCAL)},
    # What a dot was put on: a candidate in a prioritising item (prioritising.set_dots), a
    # waste item in a waste workshop item (waste.set_dots), told by the activity of the
    # vote's agenda item. A vote whose target is not in the backup, or whose item has
    # another activity now, counted for nobody (the readers count only the item's current
    # targets): it is left out.
    "prio_dot_votes.target_id": {"": (TableBy("agenda_item_id.activity_type", {
        "prioritising": "prio_candidates",
        "waste_workshop": "waste_items",
    }), DROP)},
}


@dataclass(frozen=True)
class EmbeddedIds:
    """Ids at one path inside a column's value (see :data:`EMBEDDED_IDS`)."""

    path: tuple[str, ...]  # keys, "[]" for every item of a list
    table: str  # the table the ids belong to, or RECORD
    missing: str  # NULL | DROP | LOCAL


@dataclass(frozen=True)
class ChosenIds:
    """An integer column whose table depends on a value (a checked :class:`TableBy`)."""

    via: str | None  # the foreign key naming the row that holds the value; None: this row
    discriminator: str  # the column holding the value
    tables: Mapping[Any, str]  # value -> table of the ids
    missing: str  # NULL | DROP (the row is left out)


# --- the plan: which tables, in which order, how each column travels -------------------------

@dataclass(frozen=True)
class ColumnPlan:
    name: str
    kind: str  # int | bool | float | decimal | str | date | time | datetime | json | bytes | uuid
    nullable: bool
    max_length: int | None = None  # characters for str
    int_limit: int = _INT_LIMITS["int"]
    default: Callable[[], Any] | None = None  # for a column missing from an older document


@dataclass(frozen=True)
class TablePlan:
    name: str
    table: Table
    columns: tuple[ColumnPlan, ...]  # what the document carries, in table order
    primary_key: tuple[str, ...]
    generated_key: str | None  # single integer key that gets a new value on import
    refs: Mapping[str, tuple[str, str]]  # column -> (workshop table, its column): remapped
    user_refs: tuple[str, ...]  # columns pointing to users: the importing owner or NULL
    other_refs: Mapping[str, tuple[str, str]]  # global tables: kept, must exist
    deferred: frozenset[str]  # references set in a second pass (self-references, cycles)
    owner_fks: tuple[tuple[str, str], ...]  # (column, parent table): how rows find a workshop
    omitted: tuple[str, ...]  # globally unique credentials (join codes, token hashes)
    # id column -> its type column: a record named by a record type and an id
    # (trace_links.source_type/source_id), resolved through Plan.record_tables.
    typed_refs: Mapping[str, str] = field(default_factory=dict)
    # column -> ids inside its value (EMBEDDED_IDS), rewritten after every row is in
    embedded: Mapping[str, tuple[EmbeddedIds, ...]] = field(default_factory=dict)
    # column -> where its table is told (EMBEDDED_IDS with TableBy), set as the row goes in
    chosen: Mapping[str, ChosenIds] = field(default_factory=dict)

    @property
    def column_names(self) -> frozenset[str]:
        return frozenset(c.name for c in self.columns)


@dataclass(frozen=True)
class Plan:
    tables: tuple[TablePlan, ...]  # parents before children
    record_tables: Mapping[str, str] = field(default_factory=dict)  # record type -> table

    def __getitem__(self, name: str) -> TablePlan:
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.tables)


def _impl(type_: sqltypes.TypeEngine[Any]) -> sqltypes.TypeEngine[Any]:
    while isinstance(type_, sqltypes.TypeDecorator):
        type_ = type_.impl_instance
    return type_


def _column_plan(table: Table, column: Column[Any]) -> ColumnPlan:
    type_ = _impl(column.type)
    limit = _INT_LIMITS["int"]
    length: int | None = None
    if isinstance(type_, sqltypes.Boolean):
        kind = "bool"
    elif isinstance(type_, sqltypes.Integer):
        kind = "int"
        if isinstance(type_, sqltypes.BigInteger):
            limit = _INT_LIMITS["big"]
        elif isinstance(type_, sqltypes.SmallInteger):
            limit = _INT_LIMITS["small"]
    elif isinstance(type_, sqltypes.Float):
        kind = "float"
    elif isinstance(type_, sqltypes.Numeric):
        kind = "decimal"
    elif isinstance(type_, sqltypes.JSON):
        kind = "json"
    elif isinstance(type_, sqltypes.DateTime):
        kind = "datetime"
    elif isinstance(type_, sqltypes.Date):
        kind = "date"
    elif isinstance(type_, sqltypes.Time):
        kind = "time"
    elif isinstance(type_, sqltypes.Uuid):
        kind = "uuid"
    elif isinstance(type_, sqltypes.String):
        kind = "str"
        length = type_.length or MAX_TEXT_CHARS
    elif isinstance(type_, sqltypes._Binary):
        kind = "bytes"
    else:
        raise BackupSchemaError(
            f"{table.name}.{column.name}: column type {column.type!r} has no backup format; "
            "extend exports/backup.py"
        )
    default: Callable[[], Any] | None = None
    if column.default is not None and getattr(column.default, "is_scalar", False):
        value = column.default.arg  # type: ignore[union-attr]
        default = lambda value=value: value  # noqa: E731
    elif column.default is not None and getattr(column.default, "is_callable", False):
        function = column.default.arg  # type: ignore[union-attr]
        default = lambda function=function: function(None)  # noqa: E731
    return ColumnPlan(column.name, kind, bool(column.nullable), length, limit, default)


def _single_fk(table: Table) -> list[tuple[Column[Any], Column[Any], Any]]:
    found = []
    for constraint in table.foreign_key_constraints:
        if len(constraint.elements) != 1:
            raise BackupSchemaError(f"{table.name}: composite foreign keys are not supported")
        element = constraint.elements[0]
        found.append((element.parent, element.column, constraint))
    return found


def _is_account_link(table: Table) -> bool:
    """Tables keyed by a user account (workshop_facilitators) link accounts of one
    installation to a workshop; they are not workshop content."""
    return any(fk.column.table.name == USERS_TABLE
               for column in table.primary_key.columns for fk in column.foreign_keys)


def _globally_unique(table: Table) -> set[str]:
    """Columns unique on their own across the whole database (not foreign keys): join codes,
    link tokens, token hashes. A restored copy must not share them with the original."""
    names: set[str] = set()
    for constraint in table.constraints:
        columns = list(getattr(constraint, "columns", []))
        if constraint.__class__.__name__ == "UniqueConstraint" and len(columns) == 1:
            names.add(columns[0].name)
    names |= {c.name for c in table.columns if c.unique}
    for index in table.indexes:
        if index.unique and len(index.columns) == 1:
            names.add(next(iter(index.columns)).name)
    return {n for n in names if not table.c[n].foreign_keys and not table.c[n].primary_key}


def _record_tables() -> dict[str, str]:
    """Record type -> table, from the traceability registry when that feature is installed
    (``workshop.traceability.registry()``: entries with ``model = "module:Class"``)."""
    if importlib.util.find_spec(TYPE_REGISTRY) is None:
        return {}
    registry = getattr(importlib.import_module(TYPE_REGISTRY), "registry", None)
    if registry is None:
        return {}
    found = {}
    for record_type, entry in registry().items():
        model = getattr(entry, "model", None)
        if not model:
            continue
        module_name, _, class_name = model.partition(":")
        try:
            found[record_type] = getattr(importlib.import_module(module_name),
                                         class_name).__tablename__
        except (ImportError, AttributeError):
            continue
    return found


def _typed_pairs(table: Table) -> dict[str, str]:
    """``<x>_id`` (integer, no foreign key) next to ``<x>_type`` (text): a typed reference."""
    pairs = {}
    for column in table.columns:
        if not column.name.endswith("_id") or column.foreign_keys or column.primary_key:
            continue
        type_name = column.name.removesuffix("_id") + "_type"
        if (type_name in table.c and isinstance(_impl(column.type), sqltypes.Integer)
                and isinstance(_impl(table.c[type_name].type), sqltypes.String)):
            pairs[column.name] = type_name
    return pairs


def workshop_plan() -> Plan:
    """Every table that belongs to a workshop, parents first, with how to copy it."""
    load_all_models()
    tables = dict(Base.metadata.tables)
    owned = {ROOT_TABLE}
    changed = True
    while changed:
        changed = False
        for name, table in tables.items():
            if name in owned or name == USERS_TABLE or _is_account_link(table):
                continue
            if any(fk.column.table.name in owned for fk in table.foreign_keys):
                owned.add(name)
                changed = True

    edges: dict[str, set[str]] = {name: set() for name in owned}  # child -> parents
    deferred: dict[str, set[str]] = {name: set() for name in owned}
    for name in owned:
        for column, target, constraint in _single_fk(tables[name]):
            parent = target.table.name
            if parent not in owned:
                continue
            if parent == name or constraint.use_alter:
                deferred[name].add(column.name)
            else:
                edges[name].add(parent)
    record_tables = {}
    for record_type, name in _record_tables().items():
        key = [c for c in tables[name].primary_key.columns] if name in owned else []
        if len(key) == 1 and not key[0].foreign_keys:
            record_tables[record_type] = name
    typed = {name: _typed_pairs(tables[name]) for name in owned} if record_tables else {}
    for name, pairs in typed.items():
        if pairs:  # typed references come after every table they may point to
            edges[name] |= set(record_tables.values()) - {name}
    for name, targets in _chosen_targets(owned).items():
        edges[name] |= targets  # so do ids whose table depends on a value
    order = _topological(edges, deferred, tables)

    plans = []
    for name in order:
        plan = _table_plan(tables[name], owned, frozenset(deferred[name]))
        if typed.get(name):
            plan = dataclasses.replace(plan, typed_refs=typed[name])
        plans.append(plan)
    embedded, chosen = _embedded_ids(tables, {p.name: p for p in plans}, record_tables)
    plans = [dataclasses.replace(p, embedded=embedded.get(p.name, {}),
                                 chosen=chosen.get(p.name, {})) for p in plans]
    return Plan(tuple(plans), record_tables)


def _chosen_targets(owned: set[str]) -> dict[str, set[str]]:
    """Workshop table -> the tables its TableBy columns may name (checked later)."""
    found: dict[str, set[str]] = {}
    for where, paths in EMBEDDED_IDS.items():
        name = where.partition(".")[0]
        for target, _missing in paths.values():
            if name in owned and isinstance(target, TableBy):
                found.setdefault(name, set()).update(
                    t for t in target.tables.values() if t in owned and t != name)
    return found


def _parse_path(path: str) -> tuple[str, ...]:
    steps: list[str] = []
    for part in path.split(".") if path else ():
        name = part.removesuffix("[]")
        if name:
            steps.append(name)
        if part.endswith("[]"):
            steps.append("[]")
    return tuple(steps)


def _embedded_ids(tables: Mapping[str, Table], plans: Mapping[str, TablePlan],
                  record_tables: Mapping[str, str]
                  ) -> tuple[dict[str, dict[str, tuple[EmbeddedIds, ...]]],
                             dict[str, dict[str, ChosenIds]]]:
    """EMBEDDED_IDS checked against the schema: every JSON column of a workshop table is
    declared, and every declaration names a workshop column and a workshop table with a
    generated key (for a TableBy: every table it maps to, and a discriminator column of the
    row or of a workshop row its foreign key names). A declared table missing from the
    schema (its feature is not installed) is passed over."""
    found: dict[str, dict[str, tuple[EmbeddedIds, ...]]] = {}
    chosen: dict[str, dict[str, ChosenIds]] = {}
    for where, paths in EMBEDDED_IDS.items():
        table_name, _, column_name = where.partition(".")
        if table_name not in tables:
            continue
        column = tables[table_name].c.get(column_name)
        if table_name not in plans or column is None or column.foreign_keys \
                or not isinstance(_impl(column.type), (sqltypes.JSON, sqltypes.Integer)):
            raise BackupSchemaError(f"EMBEDDED_IDS[{where!r}]: not a JSON or integer column "
                                    "of a workshop table (without a foreign key)")
        if any(isinstance(target, TableBy) for target, _missing in paths.values()):
            chosen.setdefault(table_name, {})[column_name] = _chosen_ids(
                where, paths, column, plans, record_tables)
            continue
        entries = []
        for path, (target, missing) in paths.items():
            assert not isinstance(target, TableBy)
            if target == RECORD:
                valid = missing in (NULL, DROP)  # local numbers are per table
            else:
                valid = missing in (NULL, DROP, LOCAL) and target in plans \
                    and plans[target].generated_key is not None
            if not valid:
                raise BackupSchemaError(f"EMBEDDED_IDS[{where!r}][{path!r}]: {target!r} is "
                                        "not a workshop table with an integer key, or "
                                        f"{missing!r} is not one of NULL, DROP, LOCAL "
                                        "(LOCAL not for RECORD)")
            entries.append(EmbeddedIds(_parse_path(path), target, missing))
        found.setdefault(table_name, {})[column_name] = tuple(entries)
    for plan in plans.values():
        for column in plan.columns:
            if column.kind == "json" and column.name not in found.get(plan.name, {}):
                raise BackupSchemaError(
                    f"{plan.name}.{column.name}: a JSON column must be declared in "
                    "EMBEDDED_IDS (exports/backup.py) with the paths of the ids it holds, "
                    "{} when none, or a restore would copy them unchanged")
    return found, chosen


def _chosen_ids(where: str, paths: Mapping[str, tuple[str | TableBy, str]],
                column: Column[Any], plans: Mapping[str, TablePlan],
                record_tables: Mapping[str, str]) -> ChosenIds:
    """One TableBy declaration checked against the plans."""
    table = plans[where.partition(".")[0]]

    def refuse(why: str) -> BackupSchemaError:
        return BackupSchemaError(f"EMBEDDED_IDS[{where!r}]: {why}")

    if list(paths) != [""] or not isinstance(_impl(column.type), sqltypes.Integer):
        raise refuse("a TableBy is the table of an integer column's own value (path '')")
    target, missing = paths[""]
    assert isinstance(target, TableBy)
    via, _, name = target.discriminator.rpartition(".")
    holder = table
    if via:
        if via not in table.refs:
            raise refuse(f"{via!r} is not a foreign key to a workshop table")
        holder = plans[table.refs[via][0]]
    kinds = {c.name: c.kind for c in holder.columns}
    if kinds.get(name, "json") in ("json", "bytes"):
        raise refuse(f"{holder.name}.{name} is not a column a discriminator can be read from")
    for value, name_of_table in target.tables.items():
        if name_of_table not in plans or plans[name_of_table].generated_key is None \
                or name_of_table == table.name:
            raise refuse(f"{value!r} -> {name_of_table!r} is not another workshop table "
                         "with an integer key")
    if missing == NULL and not column.nullable:
        raise refuse("NULL for a column that is not nullable")
    if missing == DROP:  # a row left out must be nobody's parent
        children = [p.name for p in plans.values()
                    if any(parent == table.name for parent, _ in p.refs.values())]
        if children or table.name in record_tables.values():
            raise refuse(f"DROP would leave rows of {children or 'typed references'} "
                         "without their parent")
    elif missing != NULL:
        raise refuse(f"{missing!r} is not NULL or DROP")
    if not target.tables:
        raise refuse("no tables")
    return ChosenIds(via or None, name, dict(target.tables), missing)


def _topological(edges: dict[str, set[str]], deferred: dict[str, set[str]],
                 tables: Mapping[str, Table]) -> list[str]:
    """Kahn's algorithm, alphabetical among equals; a cycle is broken at a nullable reference,
    which is then set in the second pass."""
    order: list[str] = []
    remaining = {name: set(parents) for name, parents in edges.items()}
    while remaining:
        ready = sorted(n for n, parents in remaining.items() if not parents - set(order))
        if ready:
            ready.sort(key=lambda n: n != ROOT_TABLE)
            order.append(ready[0])
            del remaining[ready[0]]
            continue
        for name in sorted(remaining):  # a cycle: defer one nullable reference in it
            for column, target, _constraint in _single_fk(tables[name]):
                parent = target.table.name
                if (parent in remaining[name] and parent not in order and column.nullable
                        and column.name not in deferred[name]):
                    deferred[name].add(column.name)
                    if not any(c.name not in deferred[name]
                               for c, t, _ in _single_fk(tables[name])
                               if t.table.name == parent):
                        remaining[name].discard(parent)
                        edges[name].discard(parent)
                    break
            else:
                continue
            break
        else:
            raise BackupSchemaError(f"cycle of required references among {sorted(remaining)}")
    return order


def _table_plan(table: Table, owned: set[str], deferred: frozenset[str]) -> TablePlan:
    refs: dict[str, tuple[str, str]] = {}
    user_refs: list[str] = []
    other_refs: dict[str, tuple[str, str]] = {}
    owner_fks: list[tuple[str, str]] = []
    for column, target, _constraint in _single_fk(table):
        parent = target.table.name
        if parent == USERS_TABLE:
            user_refs.append(column.name)
        elif parent in owned:
            refs[column.name] = (parent, target.name)
            if column.name not in deferred and parent != table.name:
                owner_fks.append((column.name, parent))
        else:
            other_refs[column.name] = (parent, target.name)
    for column_name in deferred:
        if not table.c[column_name].nullable:
            raise BackupSchemaError(f"{table.name}.{column_name}: a cyclic reference must be "
                                    "nullable to be restored")
    primary_key = tuple(c.name for c in table.primary_key.columns)
    generated = None
    if len(primary_key) == 1:
        key = table.c[primary_key[0]]
        if not key.foreign_keys and isinstance(_impl(key.type), sqltypes.Integer):
            generated = key.name
        elif not key.foreign_keys:
            raise BackupSchemaError(f"{table.name}: only integer or foreign-key primary keys "
                                    "can be remapped")
    omitted = tuple(sorted(_globally_unique(table)))
    for name in omitted:
        column = table.c[name]
        if not column.nullable and not isinstance(_impl(column.type), sqltypes.String):
            raise BackupSchemaError(f"{table.name}.{name}: a unique required non-text column "
                                    "cannot be given a fresh value")
    columns = tuple(_column_plan(table, c) for c in table.columns if c.name not in omitted)
    return TablePlan(table.name, table, columns, primary_key, generated, refs,
                     tuple(user_refs), other_refs, deferred, tuple(owner_fks), omitted)


# --- export ----------------------------------------------------------------------------------

def _membership(plan: Plan, table: TablePlan, workshop_id: int,
                memo: dict[str, ColumnElement[bool]]) -> ColumnElement[bool]:
    """SQL condition: the row belongs to the workshop (via its owning foreign keys)."""
    if table.name in memo:
        return memo[table.name]
    t = table.table
    if table.name == ROOT_TABLE:
        condition: ColumnElement[bool] = t.c[table.primary_key[0]] == workshop_id
    else:
        options = []
        required = [(c, p) for c, p in table.owner_fks if not t.c[c].nullable]
        # A required reference decides the workshop on its own; the direct one is cheapest.
        chosen = sorted(required, key=lambda cp: cp[1] != ROOT_TABLE)[:1] or table.owner_fks
        for column, parent in chosen:
            parent_plan = plan[parent]
            target = parent_plan.table.c[table.refs[column][1]]
            if parent == ROOT_TABLE:
                options.append(t.c[column] == workshop_id)
            else:
                inner = _membership(plan, parent_plan, workshop_id, memo)
                options.append(t.c[column].in_(select(target).where(inner)))
        condition = or_(*options) if options else false()
    memo[table.name] = condition
    return condition


def _iso_datetime(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    text = value.astimezone(dt.UTC).isoformat()
    return text.removesuffix("+00:00") + "Z"


def _encoder(kind: str) -> Callable[[Any], Any]:
    if kind == "datetime":
        return _iso_datetime
    if kind in {"date", "time", "uuid"}:
        return lambda v: v.isoformat() if kind != "uuid" else str(v)
    if kind == "bytes":
        return lambda v: base64.b64encode(bytes(v)).decode("ascii")
    if kind == "decimal":
        return str
    return lambda v: v


def iter_rows(session: Session, plan: Plan, workshop_id: int
              ) -> Iterable[tuple[TablePlan, list[tuple[Any, ...]]]]:
    """Each workshop table with its rows (values in ``table.columns`` order, by key)."""
    memo: dict[str, ColumnElement[bool]] = {}
    exported: dict[str, set[Any]] = {}
    for table in plan.tables:
        t = table.table
        names = [c.name for c in table.columns]
        query = (select(*(t.c[name] for name in names))
                 .where(_membership(plan, table, workshop_id, memo))
                 .order_by(*(t.c[k] for k in table.primary_key)))
        rows = [tuple(row) for row in session.execute(query)]
        if table.typed_refs:
            # A typed reference to a record that is gone (or never was in this workshop)
            # cannot be restored: such rows stay out of the backup.
            checks = [(names.index(i), names.index(ty)) for i, ty in table.typed_refs.items()]
            rows = [row for row in rows if all(
                row[i] in exported.get(plan.record_tables.get(row[ty], ""), ())
                for i, ty in checks)]
        if table.generated_key is not None:
            key_index = names.index(table.generated_key)
            exported[table.name] = {row[key_index] for row in rows}
        yield table, rows


def require_workshop_row(session: Session, workshop_id: int) -> None:
    root = Base.metadata.tables[ROOT_TABLE]
    if session.scalar(select(root.c.id).where(root.c.id == workshop_id)) is None:
        raise NotFound("backup.error.no_workshop", workshop=workshop_id)


def export_workshop(session: Session, workshop_id: int) -> dict[str, Any]:
    """The whole workshop as a JSON-ready document (see ``docs/backup-format.md``).

    No access check: the command line runs as the operator. The UI uses
    :func:`export_workshop_as`.
    """
    plan = workshop_plan()
    require_workshop_row(session, workshop_id)
    tables: dict[str, list[dict[str, Any]]] = {}
    for table, rows in iter_rows(session, plan, workshop_id):
        encoders = [(c.name, _encoder(c.kind)) for c in table.columns]
        tables[table.name] = [
            {name: None if value is None else encode(value)
             for (name, encode), value in zip(encoders, row, strict=True)}
            for row in rows
        ]
    return {"format": FORMAT, "version": VERSION, "exported_at": _iso_datetime(utcnow()),
            "tables": tables}


def export_workshop_as(session: Session, actor: Actor, workshop_id: int) -> dict[str, Any]:
    require_facilitator(session, actor, workshop_id)
    return export_workshop(session, workshop_id)


def dumps(document: Mapping[str, Any]) -> bytes:
    """The document as UTF-8 JSON, readable (indented, Finnish letters as they are)."""
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


# --- parsing and checking --------------------------------------------------------------------

def _short(value: object, limit: int = 60) -> str:
    """A name from an untrusted file, safe to show on one line."""
    text = value if isinstance(value, str) else repr(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        duplicate = ""
        for name, _ in pairs:
            if name in seen:
                duplicate = name
                break
            seen.add(name)
        raise InvalidInput("backup.error.duplicate_key", name=_short(duplicate))
    return result


def _refuse_constant(name: str) -> None:
    raise InvalidInput("backup.error.wrong_type_value", value=name)


def parse(data: bytes | str) -> dict[str, Any]:
    """Parse a backup file's bytes within the documented limits (size, depth, plain JSON)."""
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise InvalidInput("backup.error.too_large", size_mb=round(len(raw) / 2**20, 1),
                           limit_mb=MAX_DOCUMENT_BYTES // 2**20)
    if not raw.strip():
        raise InvalidInput("backup.error.empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("backup.error.not_utf8") from None
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicates,
                              parse_constant=_refuse_constant)
    except RecursionError:
        raise InvalidInput("backup.error.too_deep", limit=MAX_DEPTH) from None
    except json.JSONDecodeError as error:
        raise InvalidInput("backup.error.corrupt", line=error.lineno, column=error.colno) from None
    _check_depth(document)
    if not isinstance(document, dict):
        raise InvalidInput("backup.error.not_backup")
    return document


def _check_depth(value: Any) -> None:
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Iterable[Any] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > MAX_DEPTH:
            raise InvalidInput("backup.error.too_deep", limit=MAX_DEPTH)
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, (dict, list)))


def _parse_datetime(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("naive datetime")
    return parsed.astimezone(dt.UTC)


def _check_text(value: str, where: Callable[[], dict[str, str]], limit: int | None) -> None:
    if limit is not None and len(value) > limit:
        raise InvalidInput("backup.error.too_long", **where(), max=limit, length=len(value))
    if FORBIDDEN_CHARACTERS.search(value):
        raise InvalidInput("backup.error.control_characters", **where())


def _check_json_strings(value: Any, where: Callable[[], dict[str, str]]) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            _check_text(item, where, MAX_TEXT_CHARS)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, float) and not math.isfinite(item):
            raise InvalidInput("backup.error.wrong_type", **where())


def _decode(column: ColumnPlan, value: Any, where: Callable[[], dict[str, str]]) -> Any:
    """The Python value to store for one cell, or InvalidInput."""
    kind = column.kind
    try:
        if kind == "int":
            if type(value) is not int:
                raise TypeError
            if not -column.int_limit <= value < column.int_limit:
                raise InvalidInput("backup.error.out_of_range", **where())
            return value
        if kind == "bool":
            if type(value) is not bool:
                raise TypeError
            return value
        if kind == "float":
            if type(value) not in (int, float) or not math.isfinite(value):
                raise TypeError
            return float(value)
        if kind == "json":
            _check_json_strings(value, where)
            return value
        if not isinstance(value, str):
            raise TypeError
        if kind == "str":
            _check_text(value, where, column.max_length)
            return value
        if len(value) > 64 and kind != "bytes":
            raise TypeError
        if kind == "datetime":
            return _parse_datetime(value)
        if kind == "date":
            return dt.date.fromisoformat(value)
        if kind == "time":
            return dt.time.fromisoformat(value)
        if kind == "decimal":
            return Decimal(value)
        if kind == "uuid":
            import uuid

            return uuid.UUID(value)
        if kind == "bytes":
            if len(value) > MAX_BINARY_BYTES * 4 // 3 + 4:
                raise InvalidInput("backup.error.too_long", **where(), max=MAX_BINARY_BYTES,
                                   length=len(value) * 3 // 4)
            return base64.b64decode(value, validate=True)
    except (TypeError, ValueError, binascii.Error, InvalidOperation):
        raise InvalidInput("backup.error.wrong_type", **where()) from None
    raise BackupSchemaError(kind)  # pragma: no cover - every kind is handled above


@dataclass
class _Checked:
    """A document that passed every check: rows ready to insert, in plan order."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    source_ids: dict[str, list[Any]] = field(default_factory=dict)  # generated key per row


def _check(plan: Plan, document: Mapping[str, Any]) -> _Checked:
    if document.get("format") != FORMAT:
        raise InvalidInput("backup.error.not_backup")
    version = document.get("version")
    if type(version) is not int or version != VERSION:
        raise InvalidInput("backup.error.version", version=_short(version), supported=VERSION)
    unknown_keys = set(document) - _TOP_LEVEL_KEYS
    if unknown_keys:
        raise InvalidInput("backup.error.structure", part=_short(sorted(unknown_keys)[0]))
    exported_at = document.get("exported_at")
    try:
        if not isinstance(exported_at, str) or len(exported_at) > 64:
            raise ValueError
        _parse_datetime(exported_at)
    except ValueError:
        raise InvalidInput("backup.error.structure", part="exported_at") from None
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise InvalidInput("backup.error.structure", part="tables")
    known = set(plan.names)
    for name in tables:
        if name not in known:
            raise InvalidInput("backup.error.unknown_table", table=_short(name))
    roots = tables.get(ROOT_TABLE)
    if not isinstance(roots, list) or len(roots) != 1:
        raise InvalidInput("backup.error.structure", part=ROOT_TABLE)

    checked = _Checked()
    for table in plan.tables:
        rows = tables.get(table.name, [])
        if not isinstance(rows, list):
            raise InvalidInput("backup.error.structure", part=_short(table.name))
        checked.rows[table.name] = _check_rows(table, rows)
    _check_references(plan, checked)
    return checked


def _check_rows(table: TablePlan, rows: list[Any]) -> list[dict[str, Any]]:
    allowed = table.column_names
    result = []
    keys_seen: set[tuple[Any, ...]] = set()
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise InvalidInput("backup.error.structure", part=f"{_short(table.name)}[{index}]")
        for name in row:
            if name not in allowed:
                raise InvalidInput("backup.error.unknown_column", table=_short(table.name),
                                   column=_short(name))
        values: dict[str, Any] = {}
        for column in table.columns:

            def where(column: ColumnPlan = column, index: int = index) -> dict[str, str]:
                return {"table": table.name, "column": column.name, "row": str(index + 1)}

            if column.name not in row:
                if column.nullable:
                    values[column.name] = None
                elif column.default is not None and column.name not in table.primary_key:
                    values[column.name] = column.default()
                else:
                    raise InvalidInput("backup.error.missing_value", **where())
                continue
            value = row[column.name]
            if value is None:
                if not column.nullable:
                    raise InvalidInput("backup.error.missing_value", **where())
                values[column.name] = None
            else:
                values[column.name] = _decode(column, value, where)
        key = tuple(values[k] for k in table.primary_key)
        if key in keys_seen:
            raise InvalidInput("backup.error.duplicate_id", table=table.name,
                               id=_short(key[0] if len(key) == 1 else list(key)))
        keys_seen.add(key)
        result.append(values)
    return result


def _check_references(plan: Plan, checked: _Checked) -> None:
    """Every reference to a workshop table points to a row in the document."""
    present: dict[tuple[str, str], set[Any]] = {}

    def targets(table: str, column: str) -> set[Any]:
        if (table, column) not in present:
            present[(table, column)] = {row[column] for row in checked.rows[table]}
        return present[(table, column)]

    for table in plan.tables:
        for row_index, row in enumerate(checked.rows[table.name]):
            for column, (parent, parent_column) in table.refs.items():
                value = row[column]
                if value is not None and value not in targets(parent, parent_column):
                    raise InvalidInput("backup.error.dangling", table=table.name, column=column,
                                       row=str(row_index + 1), target=parent)
            for column, type_column in table.typed_refs.items():
                value, record_type = row[column], row[type_column]
                if value is None:
                    continue
                target = plan.record_tables.get(record_type)
                if target is None or value not in targets(target, plan[target].generated_key):
                    raise InvalidInput("backup.error.dangling", table=table.name, column=column,
                                       row=str(row_index + 1),
                                       target=_short(target or record_type))


# --- import ----------------------------------------------------------------------------------

def _fresh(table: Table, name: str) -> str | None:
    column = table.c[name]
    if column.nullable:
        return None
    length = getattr(_impl(column.type), "length", None) or 64
    return secrets.token_hex(32)[:length]


def import_workshop(session: Session, document: bytes | str | Mapping[str, Any], *,
                    owner_user_id: int | None) -> int:
    """Restore a backup as a new workshop owned by ``owner_user_id``; returns its id.

    Everything is checked before the first write, and all rows go in through one savepoint:
    a refused or failing import leaves the database as it was.
    """
    if isinstance(document, (bytes, bytearray, str)):
        document = parse(document)
    else:
        _check_depth(document)
    plan = workshop_plan()
    checked = _check(plan, document)
    if owner_user_id is not None and session.get(User, owner_user_id) is None:
        raise NotFound("backup.error.no_owner")
    _check_global_refs(session, plan, checked)
    try:
        with session.begin_nested():
            new_id = _insert(session, plan, checked, owner_user_id)
    except (IntegrityError, DBAPIError) as error:
        reason = str(getattr(error, "orig", error)).splitlines()[0] if str(error) else ""
        raise InvalidInput("backup.error.database", reason=_short(reason, 120)) from None
    return new_id


def import_workshop_as(session: Session, actor: Actor,
                       document: bytes | str | Mapping[str, Any]) -> int:
    if not isinstance(actor, FacilitatorActor) or session.get(User, actor.user_id) is None:
        raise NotFound()
    return import_workshop(session, document, owner_user_id=actor.user_id)


def _check_global_refs(session: Session, plan: Plan, checked: _Checked) -> None:
    for table in plan.tables:
        for column, (parent, parent_column) in table.other_refs.items():
            wanted = {row[column] for row in checked.rows[table.name]} - {None}
            if not wanted:
                continue
            target = Base.metadata.tables[parent].c[parent_column]
            found = set(session.scalars(select(target).where(target.in_(wanted))))
            if wanted - found:
                raise InvalidInput("backup.error.dangling", table=table.name, column=column,
                                   row="?", target=parent)


def _on_update(table: TablePlan) -> list[str]:
    """Columns an UPDATE would stamp (``onupdate=utcnow``), restored to the backup's value."""
    return [c.name for c in table.table.columns
            if c.onupdate is not None and c.name in table.column_names]


_DROPPED = object()


class _IdRewriter:
    """Ids inside values through the restore's id maps (see :data:`EMBEDDED_IDS`). Only
    integers at a declared path count as ids; anything else there is kept as it is."""

    def __init__(self, record_tables: Mapping[str, str],
                 id_maps: Mapping[str, Mapping[Any, Any]]) -> None:
        self.record_tables = record_tables
        self.id_maps = id_maps
        self.local: dict[tuple[str, int], int] = {}  # (table, old id) -> negative number

    def __call__(self, value: Any, entries: Iterable[EmbeddedIds]) -> Any:
        for entry in entries:
            value = self._at(value, entry.path, entry)
            if value is _DROPPED:
                return None
        return value

    def _at(self, value: Any, path: tuple[str, ...], entry: EmbeddedIds) -> Any:
        if not path:
            if entry.table == RECORD:
                return self._record(value, entry.missing)
            return self._id(entry.table, value, entry.missing)
        step, rest = path[0], path[1:]
        if step == "[]":
            if not isinstance(value, list):
                return value
            items = (self._at(item, rest, entry) for item in value)
            return [item for item in items if item is not _DROPPED]
        if not isinstance(value, dict) or step not in value:
            return value
        new = self._at(value[step], rest, entry)
        if new is _DROPPED:
            return {k: v for k, v in value.items() if k != step}
        return {**value, step: new}

    def _id(self, table: str | None, value: Any, missing: str) -> Any:
        if type(value) is not int:  # booleans are not ids either
            return value
        found = self.id_maps.get(table, {}).get(value) if table is not None else None
        if found is not None:
            return found
        if missing == LOCAL and table is not None:
            return self.local.setdefault((table, value), -len(self.local) - 1)
        return _DROPPED if missing == DROP else None

    def _record(self, link: Any, missing: str) -> Any:
        if not isinstance(link, dict) or type(link.get("record_id")) is not int:
            return link
        record_type = link.get("record_type")
        table = self.record_tables.get(record_type) if isinstance(record_type, str) else None
        new = self._id(table, link["record_id"], missing)
        return new if new is _DROPPED else {**link, "record_id": new}


class _TargetTables:
    """The table a chosen id names (see :class:`TableBy`), told from a document's rows: the
    discriminator is read from the row itself or from the row its foreign key names."""

    def __init__(self, rows: Mapping[str, Iterable[Mapping[str, Any]]]) -> None:
        self.rows = rows
        self.index: dict[tuple[str, str], dict[Any, Mapping[str, Any]]] = {}

    def __call__(self, table: TablePlan, column: str, row: Mapping[str, Any]) -> str | None:
        chosen = table.chosen[column]
        holder: Mapping[str, Any] | None = row
        if chosen.via is not None:
            parent, parent_column = table.refs[chosen.via]
            if (parent, parent_column) not in self.index:
                self.index[(parent, parent_column)] = {
                    r[parent_column]: r for r in self.rows.get(parent, ())}
            holder = self.index[(parent, parent_column)].get(row[chosen.via])
        value = holder.get(chosen.discriminator) if holder is not None else None
        try:
            return chosen.tables.get(value)
        except TypeError:  # not hashable: names no table
            return None


def _insert(session: Session, plan: Plan, checked: _Checked, owner: int | None) -> int:
    id_maps: dict[str, dict[Any, Any]] = {}  # table -> old generated key -> new
    target_of = _TargetTables(checked.rows)

    def chosen_ids(table: TablePlan, row: dict[str, Any], values: dict[str, Any]) -> bool:
        """Set the row's chosen ids; False when one names no restored row and its
        declaration leaves such a row out (DROP)."""
        for column, chosen in table.chosen.items():
            if row[column] is None:
                continue
            target = target_of(table, column, row)
            new = id_maps.get(target, {}).get(row[column]) if target is not None else None
            if new is None and chosen.missing == DROP:
                return False
            values[column] = new
        return True

    def mapped(parent: str, parent_column: str, value: Any) -> Any:
        parent_plan = plan[parent]
        if parent_column == parent_plan.generated_key:
            return id_maps[parent][value]
        # A key that is itself a reference (persona_summaries.persona_id): follow it.
        grand, grand_column = parent_plan.refs[parent_column]
        return mapped(grand, grand_column, value)

    second_pass: list[tuple[TablePlan, dict[str, Any], dict[str, Any]]] = []
    for table in plan.tables:
        rows = []
        prepared = []
        for row in checked.rows[table.name]:
            values = dict(row)
            if not chosen_ids(table, row, values):
                continue  # its id names nothing in the restored workshop
            for column, (parent, parent_column) in table.refs.items():
                if column in table.deferred:
                    values[column] = None
                elif values[column] is not None:
                    values[column] = mapped(parent, parent_column, values[column])
            for column, type_column in table.typed_refs.items():
                if values[column] is not None:
                    target = plan.record_tables[values[type_column]]
                    values[column] = id_maps[target][values[column]]
            for column in table.user_refs:
                if values[column] is not None:
                    values[column] = owner
            for column in table.omitted:
                values[column] = _fresh(table.table, column)
            if table.generated_key is not None:
                values.pop(table.generated_key)
            rows.append(row)
            prepared.append(values)
        if not prepared:
            continue
        t = table.table
        if table.generated_key is not None:
            key = t.c[table.generated_key]
            statement = insert(t).returning(key, sort_by_parameter_order=True)
            new_keys = session.execute(
                statement.execution_options(insertmanyvalues_page_size=INSERT_PAGE_SIZE),
                prepared,
            ).scalars().all()
            id_maps[table.name] = {row[table.generated_key]: new
                                   for row, new in zip(rows, new_keys, strict=True)}
        else:
            session.execute(insert(t), prepared)
        for row, values in zip(rows, prepared, strict=True):
            if table.generated_key is not None:
                values[table.generated_key] = id_maps[table.name][row[table.generated_key]]
            if any(row[c] is not None for c in table.deferred) \
                    or any(table.embedded.values()):
                second_pass.append((table, row, values))

    # Second pass: references that could not exist yet (meetings.current_item_id, self- and
    # cyclic references) and ids inside values (EMBEDDED_IDS), one executemany per table and
    # column.
    batches: dict[tuple[str, str], list[dict[str, Any]]] = {}

    def later(table: TablePlan, column: str, values: dict[str, Any], value: Any) -> None:
        batch = {f"_k{i}": values[k] for i, k in enumerate(table.primary_key)}
        batch["_v"] = value
        for i, kept in enumerate(_on_update(table)):  # keep updated_at as it was
            batch[f"_o{i}"] = values[kept]
        batches.setdefault((table.name, column), []).append(batch)

    rewrite = _IdRewriter(plan.record_tables, id_maps)
    for table, row, values in second_pass:
        for column in table.deferred:
            if row[column] is not None:
                later(table, column, values, mapped(*table.refs[column], row[column]))
        for column, entries in table.embedded.items():
            value = rewrite(row[column], entries)
            if value != row[column]:
                later(table, column, values, value)
    for (name, column), params in batches.items():
        table = plan[name]
        t = table.table
        condition = and_(*(t.c[k] == bindparam(f"_k{i}")
                           for i, k in enumerate(table.primary_key)))
        assignments: dict[str, Any] = {column: bindparam("_v")}
        assignments |= {kept: bindparam(f"_o{i}") for i, kept in enumerate(_on_update(table))}
        session.execute(update(t).where(condition).values(assignments), params)

    workshop_id = id_maps[ROOT_TABLE][checked.rows[ROOT_TABLE][0]["id"]]
    if owner is not None:
        session.execute(insert(WorkshopFacilitator.__table__).values(
            workshop_id=workshop_id, user_id=owner, role="owner"))
    return int(workshop_id)

