"""JSON backups: generic over every workshop table, lossless round trip, hostile files refused
with nothing written. Each DB test runs on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json

import pytest
from builders import facilitator, join, world
from docx import Document
from export_fixtures import (
    assert_every_table_has_rows,
    build_workshop,
    canonical,
    count_rows,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, insert, select

from exports import backup
from exports.backup import (
    ColumnPlan,
    _decode,
    _encoder,
    dumps,
    export_workshop,
    import_workshop,
    workshop_plan,
)
from workshop import db, participants
from workshop.access import FacilitatorActor
from workshop.errors import InvalidInput, NotFound
from workshop.models import Meeting, Note, Participant, Workshop, WorkshopFacilitator

# --- the plan ----------------------------------------------------------------------------------


def test_plan_finds_workshop_tables_by_foreign_keys_and_orders_them():
    plan = workshop_plan()
    names = plan.names
    assert names[0] == "workshops"
    for table in ("meetings", "agenda_items", "participants", "notes", "docx_templates"):
        assert table in names
    for table in ("users", "throttles", "workshop_facilitators"):
        assert table not in names  # accounts and account links are per installation
    assert names.index("meetings") < names.index("agenda_items") < names.index("notes")
    meetings = plan["meetings"]
    assert meetings.deferred == {"current_item_id"}  # the cycle with agenda_items
    assert set(meetings.omitted) == {"join_code", "link_token"}
    assert plan["participants"].omitted == ("token_hash",)
    assert plan["notes"].user_refs == ("author_user_id",)
    assert plan["agenda_items"].owner_fks == (("meeting_id", "meetings"),)
    for table in plan.tables:  # every parent comes first (deferred references aside)
        for column, (parent, _) in table.refs.items():
            if column not in table.deferred:
                assert names.index(parent) < names.index(table.name), (table.name, column)


# --- round trip --------------------------------------------------------------------------------


def test_round_trip_covers_every_record_type(session):
    built = build_workshop(session)
    first = export_workshop(session, built.workshop_id)
    assert_every_table_has_rows(first)
    assert first["format"] == "kehittamo-workshop" and first["version"] == 1
    text = dumps(first)
    assert json.loads(text) == first  # plain JSON, nothing Python-only

    importer = facilitator(session, "toinen")
    new_id = import_workshop(session, text, owner_user_id=importer.user_id)
    assert new_id != built.workshop_id
    second = export_workshop(session, new_id)
    assert canonical(second) == canonical(first)
    # and the original is untouched
    assert canonical(export_workshop(session, built.workshop_id)) == canonical(first)

    owners = session.execute(select(WorkshopFacilitator.user_id, WorkshopFacilitator.role)
                             .where(WorkshopFacilitator.workshop_id == new_id)).all()
    assert owners == [(importer.user_id, "owner")]
    assert session.get(Workshop, new_id).created_by_id == importer.user_id
    third = import_workshop(session, text, owner_user_id=importer.user_id)  # twice is fine
    assert canonical(export_workshop(session, third)) == canonical(first)


def test_round_trip_across_databases(engine, tmp_path):
    """SQLite → this database (SQLite or PostgreSQL) → another SQLite file."""
    source = db.make_engine(f"sqlite:///{tmp_path / 'source.sqlite3'}")
    target = db.make_engine(f"sqlite:///{tmp_path / 'target.sqlite3'}")
    try:
        for each in (source, target):
            db.upgrade(each)
        with db.transaction(source) as s:
            built = build_workshop(s)
        with db.reading(source) as s:
            original = export_workshop(s, built.workshop_id)
        assert_every_table_has_rows(original)
        with db.transaction(engine) as s:
            owner = facilitator(s, "pg")
            middle_id = import_workshop(s, dumps(original), owner_user_id=owner.user_id)
        with db.reading(engine) as s:
            middle = export_workshop(s, middle_id)
        with db.transaction(target) as s:
            owner = facilitator(s, "kolmas")
            last_id = import_workshop(s, dumps(middle), owner_user_id=owner.user_id)
        with db.reading(target) as s:
            last = export_workshop(s, last_id)
        assert canonical(middle) == canonical(original)
        assert canonical(last) == canonical(original)
    finally:
        source.dispose()
        target.dispose()


def test_restored_copy_gets_no_join_secrets(session):
    w = world(session)
    p = join(session, w)
    token_hash = session.get(Participant, p.participant_id).token_hash
    document = export_workshop(session, w.workshop_id)
    assert "join_code" not in document["tables"]["meetings"][0]
    assert "token_hash" not in document["tables"]["participants"][0]
    new_id = import_workshop(session, dumps(document), owner_user_id=w.facilitator.user_id)
    copy_meeting = session.scalar(select(Meeting).where(Meeting.workshop_id == new_id))
    assert copy_meeting.status == "open" and copy_meeting.join_code is None
    assert copy_meeting.link_token is None
    copy_participant = session.scalar(select(Participant)
                                      .where(Participant.workshop_id == new_id))
    assert copy_participant.token_hash != token_hash and len(copy_participant.token_hash) == 64
    original = session.get(Participant, p.participant_id)
    assert original.token_hash == token_hash  # the original participant still comes back


def test_import_keeps_timestamps_versions_and_flags(session):
    built = build_workshop(session)
    document = export_workshop(session, built.workshop_id)
    new_id = import_workshop(session, dumps(document), owner_user_id=built.facilitator.user_id)
    before = {(n["text"], n["version"], n["hidden"], n["withdrawn"], n["created_at"])
              for n in document["tables"]["notes"]}
    after = {(n["text"], n["version"], n["hidden"], n["withdrawn"], n["created_at"])
             for n in export_workshop(session, new_id)["tables"]["notes"]}
    assert before == after
    assert any(hidden for _, _, hidden, _, _ in after)
    assert any(withdrawn for _, _, _, withdrawn, _ in after)


def test_export_and_import_for_actors_check_access(session):
    w = world(session)
    stranger = facilitator(session, "vieras")
    with pytest.raises(NotFound):
        backup.export_workshop_as(session, stranger, w.workshop_id)
    document = backup.export_workshop_as(session, w.facilitator, w.workshop_id)
    new_id = backup.import_workshop_as(session, stranger, dumps(document))
    assert session.get(WorkshopFacilitator, (new_id, stranger.user_id)).role == "owner"
    with pytest.raises(NotFound):
        backup.import_workshop_as(session, FacilitatorActor(999_999), dumps(document))
    with pytest.raises(NotFound):
        export_workshop(session, 999_999)


# --- hostile and broken files ----------------------------------------------------------------


def _mutate(document: dict, change) -> dict:
    changed = copy.deepcopy(document)
    change(changed)
    return changed


def _note(d):
    return d["tables"]["notes"][0]


HOSTILE = {
    "empty": (lambda d: b"", "backup.error.empty"),
    "corrupt": (lambda d: b'{"format": "kehittamo-workshop", "version": 1, tables: }',
                "backup.error.corrupt"),
    "truncated": (lambda d: dumps(d)[: len(dumps(d)) // 2], "backup.error.corrupt"),
    "not_utf8": (lambda d: b"\xff\xfe{\x00}", "backup.error.not_utf8"),
    "not_an_object": (lambda d: b"[1, 2, 3]", "backup.error.not_backup"),
    "wrong_format": (lambda d: _mutate(d, lambda x: x.update(format="other")),
                     "backup.error.not_backup"),
    "version_2": (lambda d: _mutate(d, lambda x: x.update(version=2)), "backup.error.version"),
    "version_text": (lambda d: _mutate(d, lambda x: x.update(version="1")),
                     "backup.error.version"),
    "version_bool": (lambda d: _mutate(d, lambda x: x.update(version=True)),
                     "backup.error.version"),
    "extra_top_level": (lambda d: _mutate(d, lambda x: x.update(extra=1)),
                        "backup.error.structure"),
    "bad_exported_at": (lambda d: _mutate(d, lambda x: x.update(exported_at="eilen")),
                        "backup.error.structure"),
    "tables_not_object": (lambda d: _mutate(d, lambda x: x.update(tables=[])),
                          "backup.error.structure"),
    "two_workshops": (lambda d: _mutate(d, lambda x: x["tables"]["workshops"].append(
        dict(x["tables"]["workshops"][0], id=424242))), "backup.error.structure"),
    "rows_not_list": (lambda d: _mutate(d, lambda x: x["tables"].update(notes={})),
                      "backup.error.structure"),
    "row_not_object": (lambda d: _mutate(d, lambda x: x["tables"]["notes"].append([1])),
                       "backup.error.structure"),
    "too_large": (lambda d: b" " * (backup.MAX_DOCUMENT_BYTES + 1), "backup.error.too_large"),
    "deep_nesting": (lambda d: b"[" * 200_000 + b"]" * 200_000, "backup.error.too_deep"),
    "deep_json_value": (lambda d: _mutate(d, lambda x: x["tables"]["agenda_items"][0].update(
        config=json.loads("[" * 40 + "]" * 40))), "backup.error.too_deep"),
    "duplicate_key": (lambda d: b'{"format": "kehittamo-workshop", "format": "x"}',
                      "backup.error.duplicate_key"),
    "nan": (lambda d: dumps(d).replace(b'"version": 1', b'"version": NaN'),
            "backup.error.wrong_type_value"),
    "unknown_table": (lambda d: _mutate(d, lambda x: x["tables"].update(secrets=[])),
                      "backup.error.unknown_table"),
    "unknown_column": (lambda d: _mutate(d, lambda x: _note(x).update(is_admin=True)),
                       "backup.error.unknown_column"),
    "missing_required": (lambda d: _mutate(d, lambda x: _note(x).update(text=None)),
                         "backup.error.missing_value"),
    "missing_id": (lambda d: _mutate(d, lambda x: _note(x).pop("id")),
                   "backup.error.missing_value"),
    "text_for_int": (lambda d: _mutate(d, lambda x: _note(x).update(version="1")),
                     "backup.error.wrong_type"),
    "bool_for_int": (lambda d: _mutate(d, lambda x: _note(x).update(version=True)),
                     "backup.error.wrong_type"),
    "float_for_int": (lambda d: _mutate(d, lambda x: _note(x).update(version=1.5)),
                      "backup.error.wrong_type"),
    "int_for_bool": (lambda d: _mutate(d, lambda x: _note(x).update(hidden=1)),
                     "backup.error.wrong_type"),
    "int_out_of_range": (lambda d: _mutate(d, lambda x: _note(x).update(version=2**40)),
                         "backup.error.out_of_range"),
    "naive_datetime": (lambda d: _mutate(d, lambda x: _note(x).update(
        created_at="2026-03-05T10:00:00")), "backup.error.wrong_type"),
    "not_a_date": (lambda d: _mutate(d, lambda x: x["tables"]["meetings"][0].update(
        date="5.3.2026")), "backup.error.wrong_type"),
    "bad_base64": (lambda d: _mutate(d, lambda x: x["tables"]["docx_templates"][0].update(
        data="not base64!")), "backup.error.wrong_type"),
    "huge_name": (lambda d: _mutate(d, lambda x: x["tables"]["workshops"][0].update(
        name="x" * 201)), "backup.error.too_long"),
    "huge_text": (lambda d: _mutate(d, lambda x: _note(x).update(
        text="x" * (backup.MAX_TEXT_CHARS + 1))), "backup.error.too_long"),
    "nul_in_text": (lambda d: _mutate(d, lambda x: _note(x).update(text="a\x00b")),
                    "backup.error.control_characters"),
    "escape_in_name": (lambda d: _mutate(d, lambda x: x["tables"]["workshops"][0].update(
        name="\x1b[31mpunainen")), "backup.error.control_characters"),
    "trailing_control": (lambda d: _mutate(d, lambda x: _note(x).update(text="loppu\x1f")),
                         "backup.error.control_characters"),
    "control_in_json": (lambda d: _mutate(d, lambda x: x["tables"]["agenda_items"][0].update(
        config={"k": "a\x07"})), "backup.error.control_characters"),
    "dangling_meeting": (lambda d: _mutate(d, lambda x: _note(x).update(meeting_id=999_999)),
                         "backup.error.dangling"),
    "dangling_current_item": (lambda d: _mutate(d, lambda x: x["tables"]["meetings"][0].update(
        current_item_id=999_999)), "backup.error.dangling"),
    "dangling_workshop": (lambda d: _mutate(d, lambda x: _note(x).update(workshop_id=999_999)),
                          "backup.error.dangling"),
    "duplicate_id": (lambda d: _mutate(d, lambda x: x["tables"]["notes"].append(
        dict(_note(x)))), "backup.error.duplicate_id"),
}


def test_hostile_files_are_refused_and_nothing_is_written(session):
    """Every case of HOSTILE against one workshop (built once per database)."""
    built = build_workshop(session)
    document = export_workshop(session, built.workshop_id)
    session.flush()
    before = count_rows(session)
    wrong = []
    for case, (make, key) in sorted(HOSTILE.items()):
        data = make(document)
        if isinstance(data, dict):
            data = dumps(data)
        try:
            import_workshop(session, data, owner_user_id=built.facilitator.user_id)
        except InvalidInput as error:
            if error.key != key:
                wrong.append((case, error.key, error.params))
        else:
            wrong.append((case, "accepted", None))
        if count_rows(session) != before:
            wrong.append((case, "wrote rows", None))
            break
    assert wrong == []
    assert document == export_workshop(session, built.workshop_id) | {
        "exported_at": document["exported_at"]}  # the source was not touched either


def test_error_messages_are_one_line_in_both_languages(session):
    from workshop.i18n import message_for

    built = build_workshop(session)
    document = export_workshop(session, built.workshop_id)
    evil = _mutate(document, lambda x: _note(x).update({"nimi\n\x1bx" * 20: 1}))
    with pytest.raises(InvalidInput) as caught:
        import_workshop(session, dumps(evil), owner_user_id=built.facilitator.user_id)
    for lang in ("fi", "en"):
        text = message_for(caught.value, lang)
        assert "\n" not in text and "\x1b" not in text and len(text) < 300, text


def test_constraint_the_checks_miss_is_refused_by_the_database_and_rolled_back(session):
    built = build_workshop(session)
    document = export_workshop(session, built.workshop_id)
    broken = _mutate(document, lambda x: x["tables"]["meetings"][1].update(
        number=x["tables"]["meetings"][0]["number"]))  # unique (workshop, number)
    session.flush()
    before = count_rows(session)
    with pytest.raises(InvalidInput) as caught:
        import_workshop(session, dumps(broken), owner_user_id=built.facilitator.user_id)
    assert caught.value.key == "backup.error.database"
    assert "\n" not in caught.value.params["reason"]
    assert count_rows(session) == before
    # the caller's transaction is still usable after the savepoint rolled back
    assert session.scalar(select(func.count()).select_from(Workshop)) == before["workshops"]


def test_unknown_owner_is_refused(session):
    w = world(session)
    document = export_workshop(session, w.workshop_id)
    with pytest.raises(NotFound):
        import_workshop(session, dumps(document), owner_user_id=424242)


def test_older_document_without_a_new_table_or_column_restores(session):
    w = world(session)
    p = join(session, w)
    from workshop import notes

    notes.add_note(session, p, w.item_id, "vanha")
    document = export_workshop(session, w.workshop_id)
    document["tables"].pop("docx_templates")  # made before templates existed
    for note in document["tables"]["notes"]:
        note.pop("client_key")  # a nullable column added later
        note.pop("hidden")  # a column with a default
    new_id = import_workshop(session, dumps(document), owner_user_id=w.facilitator.user_id)
    restored = session.scalars(select(Note).where(Note.workshop_id == new_id)).all()
    assert [(n.text, n.hidden, n.client_key) for n in restored] == [("vanha", False, None)]


def test_typed_references_follow_their_records(session):
    plan = workshop_plan()
    typed = [t for t in plan.tables if t.typed_refs]
    if not typed:
        pytest.skip("no table with typed references (traceability) in this build")
    built = build_workshop(session)
    document = export_workshop(session, built.workshop_id)
    table = typed[0]
    id_column, type_column = next(iter(table.typed_refs.items()))
    row = document["tables"][table.name][0]
    target = plan.record_tables[row[type_column]]
    assert row[id_column] in {r[plan[target].generated_key]
                              for r in document["tables"][target]}
    broken = _mutate(document, lambda x: x["tables"][table.name][0].update({id_column: 987654}))
    with pytest.raises(InvalidInput) as caught:
        import_workshop(session, dumps(broken), owner_user_id=built.facilitator.user_id)
    assert caught.value.key == "backup.error.dangling"
    # A typed reference to a record that is gone is left out of the export.
    session.execute(insert(table.table).values(
        {**{c.name: v for c, v in zip(table.table.columns, _raw_row(session, table), strict=True)
            if c.name != table.generated_key}, id_column: 987654}))
    again = export_workshop(session, built.workshop_id)
    assert all(r[id_column] != 987654 for r in again["tables"][table.name])


def _raw_row(session, table):
    return session.execute(select(table.table).limit(1)).one()


# --- values, property-based -------------------------------------------------------------------


def _where():
    return {"table": "t", "column": "c", "row": "1"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_kept_exactly_or_refused_for_control_characters(text):
    column = ColumnPlan("c", "str", False, 200)
    try:
        decoded = _decode(column, text, _where)
    except InvalidInput as error:
        assert error.key in {"backup.error.control_characters", "backup.error.too_long"}
        return
    assert decoded == text


@settings(max_examples=100, deadline=None)
@given(st.datetimes(timezones=st.just(dt.UTC)), st.binary(max_size=200),
       st.recursive(st.none() | st.booleans() | st.integers() | st.text(alphabet=st.characters(
           blacklist_categories=("Cc", "Cs"))), lambda c: st.lists(c, max_size=3)
           | st.dictionaries(st.text(max_size=5, alphabet="abc"), c, max_size=3), max_leaves=10))
def test_values_survive_encoding(moment, data, value):
    for kind, original in (("datetime", moment), ("bytes", data), ("json", value),
                           ("date", moment.date()), ("time", moment.time())):
        column = ColumnPlan("c", kind, False)
        encoded = json.loads(json.dumps(_encoder(kind)(original)))
        assert _decode(column, encoded, _where) == original


def test_participant_join_still_works_after_restore(session):
    """A restored copy does not clash with the original's codes: both can be reopened."""
    from workshop import meetings

    w = world(session)
    new_id = import_workshop(session, dumps(export_workshop(session, w.workshop_id)),
                             owner_user_id=w.facilitator.user_id)
    copy_meeting = session.scalar(select(Meeting.id).where(Meeting.workshop_id == new_id))
    meetings.close_meeting(session, w.facilitator, copy_meeting)
    reopened = meetings.open_meeting(session, w.facilitator, copy_meeting)
    assert reopened.join_code and reopened.join_code != session.get(Meeting, w.meeting_id).join_code
    found = participants.find_open_meeting(session, code=reopened.join_code, client="t")
    assert isinstance(found, Meeting) and found.workshop_id == new_id


# --- ids inside JSON values ----------------------------------------------------------------------


def _json_ids_workshop(session):
    """A workshop whose JSON values hold ids, made after another workshop (so no id of it is
    the first of its table, and an id copied unchanged names a wrong record): a canvas with two
    published versions (links to records of several types, a pillar with a sub-item removed
    from the draft after version 1, comments on elements, the responses version 2 carries),
    a persona with two saved versions, a solution in focus and dot rules in agenda items."""
    from workshop import canvas, notes, personas, solutions, topics

    build_workshop(session, "muu")  # rows in every table: the ids of the source shift
    w = world(session, "lahde")
    meeting = w.meeting_id
    fac = w.facilitator
    aino = join(session, w, "Aino")
    note_id, _ = notes.add_note(session, aino, w.item_id, "Lähdemuistiinpano")

    def item(title, activity):
        return _agenda_item(session, fac, meeting, title, activity)

    persona_item = item("Persoonat", "personas")
    persona_id, _ = personas.add_persona(session, fac, persona_item, name="Maija, 34",
                                         needs="Yksi yhteyshenkilö")
    personas.edit_persona(session, fac, persona_id, 1, needs="Yksi yhteyshenkilö ja soitto")
    solutions.create_solution(session, fac, w.workshop_id, "Muu ratkaisu")
    focused = solutions.create_solution(session, fac, w.workshop_id, "Takaisinsoitto")
    solution_item = item("Ratkaisun kehittäminen", "solution_steps")
    solutions.focus(session, fac, solution_item, focused.id)
    topic_item = item("Aiheet", "topics")
    topics.configure(session, fac, topic_item, dots_per_person=5, max_per_topic=2)

    model = canvas.create_model(session, fac, w.workshop_id, "Palveluohjaus")
    goal = canvas.add_element(session, fac, model.id, "goal", title="Yksi yhteyshenkilö")
    pillar = canvas.add_element(session, fac, model.id, "pillar", title="Takaisinsoitto-pilari")
    kept = canvas.add_element(session, fac, model.id, "item", pillar.id, title="Soitto samana")
    gone = canvas.add_element(session, fac, model.id, "pillar", title="Poistuva pilari")
    gone_child = canvas.add_element(session, fac, model.id, "item", gone.id,
                                    title="Poistuvan alakohta")
    canvas.link_element(session, fac, goal.id, "note", note_id)
    canvas.link_element(session, fac, goal.id, "persona", persona_id)
    canvas.link_element(session, fac, goal.id, "solution", focused.id)
    canvas.link_element(session, fac, kept.id, "persona", persona_id)
    canvas.link_element(session, fac, pillar.id, "canvas_element", gone.id)  # removed below
    v1 = canvas.publish(session, fac, model.id, "Ensimmäinen", meeting_id=meeting)
    canvas_item = item("Mallin kommentit", "model_canvas")
    answered, _ = canvas.add_comment(session, aino, v1.id, "Hyvä tavoite", element_id=goal.id,
                                     item_id=canvas_item)
    canvas.add_comment(session, aino, v1.id, "Miksi alakohta?", element_id=gone_child.id,
                       item_id=canvas_item)
    canvas.add_comment(session, aino, v1.id, "Koko mallista", item_id=canvas_item)
    canvas.respond(session, fac, answered, "answered", "Tarkennettu")
    canvas.remove_element(session, fac, gone.id, gone.version)
    canvas.publish(session, fac, model.id, "Toinen", meeting_id=meeting)
    session.flush()
    return w


def _agenda_item(session, actor, meeting_id, title, activity):
    from workshop import meetings

    made = meetings.add_agenda_item(session, actor, meeting_id, title=title,
                                    activity_type=activity)
    meetings.set_item_flags(session, actor, made.id, contributions_open=True)
    return made.id


def _json_facts(session, workshop_id):
    """Everything the JSON values of a workshop say, told without ids. Every id is checked on
    the way: a positive one must name a record of THIS workshop (of the right table, with the
    title the snapshot gives it); a snapshot element that is no longer in the draft must not
    name any element of this workshop."""
    from workshop import traceability
    from workshop.model_canvas import CanvasComment, CanvasElement, CanvasVersion
    from workshop.model_personas import Persona, PersonaVersion
    from workshop.model_prioritising import Solution
    from workshop.models import AgendaItem

    versions = session.scalars(select(CanvasVersion).where(
        CanvasVersion.workshop_id == workshop_id).order_by(CanvasVersion.number)).all()
    facts: dict = {"versions": [], "comments": [], "items": [], "personas": []}
    snapshots = {}
    for version in versions:
        content = version.content
        by_id = {e["id"]: e for e in content["elements"]}
        assert len(by_id) == len(content["elements"])  # ids stay unique within a version
        snapshots[version.id] = by_id
        elements = []
        for e in content["elements"]:
            row = session.get(CanvasElement, e["id"])
            assert row is None or (row.workshop_id, row.title) == (workshop_id, e["title"]), e
            parent = by_id[e["parent_id"]]["title"] if e["parent_id"] is not None else None
            links = sorted((link["record_type"], *traceability.describe(
                session, workshop_id, link["record_type"], link["record_id"]))
                for link in e["links"])
            elements.append((e["title"], row is not None, parent, links))
        responses = []
        for r in content["responses"]:
            comment = session.get(CanvasComment, r["comment_id"])
            assert comment is not None and comment.workshop_id == workshop_id, r
            responses.append((comment.text, r["status"], r["text"]))
        facts["versions"].append((version.number, elements, responses))
    comments = session.scalars(select(CanvasComment).where(
        CanvasComment.workshop_id == workshop_id).order_by(CanvasComment.text)).all()
    for comment in comments:
        about = snapshots[comment.version_id][comment.element_id]["title"] \
            if comment.element_id is not None else None
        facts["comments"].append((comment.text, about))
    items = session.scalars(select(AgendaItem).join(
        Meeting, Meeting.id == AgendaItem.meeting_id).where(
        Meeting.workshop_id == workshop_id).order_by(AgendaItem.title)).all()
    for agenda_item in items:
        config = dict(agenda_item.config)
        if "solution_id" in config:
            solution = session.get(Solution, config["solution_id"])
            assert solution is not None and solution.workshop_id == workshop_id, config
            config["solution_id"] = solution.title
        facts["items"].append((agenda_item.title, config))
    for persona in session.scalars(select(Persona).where(Persona.workshop_id == workshop_id)):
        for version in session.scalars(select(PersonaVersion).where(
                PersonaVersion.persona_id == persona.id).order_by(PersonaVersion.number)):
            facts["personas"].append((persona.name, version.number, version.content))
    return facts


def test_ids_inside_json_values_follow_their_records(session):
    from exports.memo import build_memo
    from exports.model_doc import build_model_description
    from workshop import canvas, solutions
    from workshop.model_canvas import CanvasVersion, ServiceModel
    from workshop.models import AgendaItem

    w = _json_ids_workshop(session)
    before = _json_facts(session, w.workshop_id)
    # What the original shows: the element removed from the draft is gone from the draft but
    # kept by version 1, and its link shows as missing.
    first = before["versions"][0][1]
    assert ("Poistuva pilari", False, None, []) in first
    assert ("Poistuvan alakohta", False, "Poistuva pilari", []) in first
    pillar_links = next(links for title, _, _, links in first if title == "Takaisinsoitto-pilari")
    assert pillar_links == [("canvas_element", "missing", "", False)]
    assert ("Miksi alakohta?", "Poistuvan alakohta") in before["comments"]
    assert ("Ratkaisun kehittäminen", {"solution_id": "Takaisinsoitto"}) in before["items"]
    assert ("Aiheet", {"dots_per_person": 5, "max_dots_per_topic": 2}) in before["items"]

    document = export_workshop(session, w.workshop_id)
    new_id = import_workshop(session, dumps(document), owner_user_id=w.facilitator.user_id)
    after = _json_facts(session, new_id)
    # A link to a record that is not in the backup is left out; everything else is the same,
    # now naming the restored workshop's records.
    expected = copy.deepcopy(before)
    for _number, elements, _responses in expected["versions"]:
        for _title, _in_draft, _parent, links in elements:
            links[:] = [link for link in links if link[1] != "missing"]
    assert after == expected

    # An element that was removed from the draft before the backup names no element at all.
    restored = session.scalars(select(CanvasVersion).join(ServiceModel).where(
        ServiceModel.workshop_id == new_id).order_by(CanvasVersion.number)).all()
    removed = [e for e in restored[0].content["elements"] if e["title"].startswith("Poistuva")]
    assert len(removed) == 2 and all(e["id"] < 0 for e in removed)
    # The readers: the version view, the solution in focus, the memo and the description.
    labels = canvas.version_links(session, w.facilitator, restored[0].id)
    assert sorted(labels.values()) == [("ok", "Lähdemuistiinpano", False),
                                       ("ok", "Maija, 34", False),
                                       ("ok", "Takaisinsoitto", False)]
    focus_item = session.scalar(select(AgendaItem.id).join(
        Meeting, Meeting.id == AgendaItem.meeting_id).where(
        Meeting.workshop_id == new_id, AgendaItem.activity_type == "solution_steps"))
    assert solutions.activity(session, w.facilitator, focus_item).solution.title == \
        "Takaisinsoitto"
    memo = Document(io.BytesIO(build_memo(session, w.facilitator, new_id, 1)))
    headings = [p.text for p in memo.paragraphs if p.style.name == "Heading 3"]
    assert "Takaisinsoitto" in headings  # the solution in focus
    assert "Palveluohjaus, versio 2" in headings
    assert Document(io.BytesIO(build_model_description(session, w.facilitator, new_id)))

    # A backup of the restored copy restores the same again (placeholders stay distinct).
    again = import_workshop(session, dumps(export_workshop(session, new_id)),
                            owner_user_id=w.facilitator.user_id)
    assert _json_facts(session, again) == expected


def test_json_ids_of_records_missing_from_the_backup_name_nothing(session):
    """Hand-made (or older) files: ids of records that are not in the file, and values of
    the wrong shape where ids are expected, never name a restored row."""
    from workshop.model_canvas import CanvasComment, CanvasVersion
    from workshop.models import AgendaItem

    built = build_workshop(session)
    document = export_workshop(session, built.workshop_id)
    tables = document["tables"]
    element_ids = [row["id"] for row in tables["canvas_elements"]]
    version = tables["canvas_versions"][0]
    kept_link = {"record_type": "note", "record_id": tables["notes"][0]["id"]}
    version["content"] = {
        "format": 1, "model": {"name": "x"}, "unknown_key": {"id": element_ids[0]},
        "elements": [
            {"id": element_ids[0], "kind": "goal", "parent_id": None, "title": "a", "rank": 3,
             "links": [kept_link, {"record_type": "note", "record_id": 987_654},
                       {"record_type": "no_such_type", "record_id": element_ids[0]},
                       "not a link", {"record_type": "note", "record_id": "1"}]},
            {"id": 987_654, "kind": "item", "parent_id": element_ids[0], "title": "b",
             "links": []},
            {"id": 987_655, "kind": "item", "parent_id": 987_654, "title": "c", "links": []},
            {"id": True, "kind": "goal", "parent_id": "x", "title": "d"},
        ],
        "responses": [{"comment_id": 987_654, "status": "answered", "text": ""},
                      {"comment_id": tables["canvas_comments"][0]["id"], "status": "declined",
                       "text": "t"}],
    }
    tables["canvas_comments"][0]["element_id"] = 987_655
    tables["agenda_items"][0]["config"] = {"solution_id": 987_654, "dots_per_person": 3}
    tables["agenda_items"][1]["config"] = {"solution_id": "1"}
    new_id = import_workshop(session, dumps(document), owner_user_id=built.facilitator.user_id)

    content = session.scalar(select(CanvasVersion.content).where(
        CanvasVersion.workshop_id == new_id).order_by(CanvasVersion.id).limit(1))
    first, second, third, odd = content["elements"]
    assert first["id"] > 0 and first["id"] not in element_ids and first["rank"] == 3
    assert first["links"][0]["record_id"] not in {kept_link["record_id"], None}
    assert first["links"][1:] == ["not a link", {"record_type": "note", "record_id": "1"}]
    assert second["id"] < 0 and second["parent_id"] == first["id"]
    assert third["id"] < 0 and third["id"] != second["id"] and third["parent_id"] == second["id"]
    assert odd == {"id": True, "kind": "goal", "parent_id": "x", "title": "d"}
    assert content["unknown_key"] == {"id": element_ids[0]}  # not declared: kept as it was
    assert content["responses"][0]["comment_id"] is None
    comment = session.scalar(select(CanvasComment).where(CanvasComment.workshop_id == new_id)
                             .order_by(CanvasComment.id).limit(1))
    assert content["responses"][1]["comment_id"] == comment.id
    assert comment.element_id == third["id"]
    configs = [c for c in session.scalars(select(AgendaItem.config).join(
        Meeting, Meeting.id == AgendaItem.meeting_id).where(
        Meeting.workshop_id == new_id).order_by(AgendaItem.id))]
    assert configs[0] == {"solution_id": None, "dots_per_person": 3}
    assert configs[1] == {"solution_id": "1"}


def test_every_json_column_declares_its_ids(monkeypatch):
    """A JSON column the backup does not know about fails the plan (and so this suite), so
    that ids stored in it cannot be copied verbatim unnoticed."""
    plan = workshop_plan()
    json_columns = {f"{t.name}.{c.name}" for t in plan.tables for c in t.columns
                    if c.kind == "json"}
    assert json_columns <= set(backup.EMBEDDED_IDS)
    assert plan["canvas_versions"].embedded["content"]
    assert plan["persona_versions"].embedded["content"] == ()  # texts only
    monkeypatch.delitem(backup.EMBEDDED_IDS, "persona_versions.content")
    with pytest.raises(backup.BackupSchemaError, match="persona_versions.content"):
        workshop_plan()
    monkeypatch.setitem(backup.EMBEDDED_IDS, "persona_versions.content",
                        {"x[].id": ("no_such_table", backup.NULL)})
    with pytest.raises(backup.BackupSchemaError, match="no_such_table"):
        workshop_plan()
    monkeypatch.setitem(backup.EMBEDDED_IDS, "persona_versions.content", {})
    monkeypatch.setitem(backup.EMBEDDED_IDS, "agenda_items.settings", {})  # no such column
    with pytest.raises(backup.BackupSchemaError, match="agenda_items.settings"):
        workshop_plan()


# --- ids whose table depends on another value ------------------------------------------------


def _votes_workshop(session):
    """A workshop with dot votes on candidates (a prioritising item) and on waste items (a
    waste workshop item), made after another workshop, so that its candidate and waste ids
    are neither the first of their tables nor apart from each other: a vote restored through
    the wrong table, or not at all, names a wrong record."""
    from workshop import prioritising, waste

    build_workshop(session, "muu")  # rows in every table: the ids of the source shift
    w = world(session, "aanet")
    fac = w.facilitator
    clients = [join(session, w, f"Asiakas {n}", "client_rep") for n in range(3)]
    workers = [join(session, w, f"Työntekijä {n}", "professional") for n in range(3)]
    prio_item = _agenda_item(session, fac, w.meeting_id, "Valinta", "prioritising")
    waste_item = _agenda_item(session, fac, w.meeting_id, "Hukka", "waste_workshop")
    other_waste = _agenda_item(session, fac, w.meeting_id, "Toinen hukka", "waste_workshop")

    double, _ = waste.add_waste(session, clients[0], waste_item, "over_processing",
                                "Kirjataan kahteen järjestelmään")
    wait, _ = waste.add_waste(session, workers[0], waste_item, "waiting", "Päätöstä odotetaan")
    waste.add_waste(session, workers[1], waste_item, "motion", "Ei ääniä tälle")
    lone, _ = waste.add_waste(session, clients[1], other_waste, "defects", "Toisen kohdan hukka")
    picked = waste.pick(session, fac, double)  # a candidate that came from a waste item
    candidates = [picked.id] + [
        prioritising.add_candidate(session, fac, w.workshop_id, text).id
        for text in ("Yksi yhteyshenkilö", "Takaisinsoitto", "Ei ääniä")]
    prioritising.configure(session, fac, prio_item, method="dots", dots_per_person=3,
                           max_per_target=2)
    for n, person in enumerate(clients):
        prioritising.set_dots(session, person, prio_item, candidates[1], 2)
        prioritising.set_dots(session, person, prio_item, candidates[n % 2 * 2], 1)
    for person in workers:
        prioritising.set_dots(session, person, prio_item, candidates[2], 1)
    for item in (waste_item, other_waste):
        waste.set_stage(session, fac, item, "voting")
    for person in clients:
        waste.set_dots(session, person, waste_item, double, 2)
    for n, person in enumerate(workers):
        waste.set_dots(session, person, waste_item, wait, 1 + n % 2)
        waste.set_dots(session, person, other_waste, lone, 1)
    session.flush()
    return w


def _vote_facts(session, workshop_id):
    """Every dot vote of a workshop, told without ids: (item, voter, what the dots are on,
    dots). Each target is checked on the way: a candidate of THIS workshop in a prioritising
    item, a waste item of the vote's own agenda item in a waste workshop item."""
    from workshop.model_prioritising import Candidate, DotVote, WasteItem
    from workshop.models import AgendaItem

    rows = session.execute(
        select(DotVote, AgendaItem, Participant)
        .join(AgendaItem, AgendaItem.id == DotVote.agenda_item_id)
        .join(Participant, Participant.id == DotVote.participant_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(Meeting.workshop_id == workshop_id)).all()
    facts = []
    for vote, item, person in rows:
        assert person.workshop_id == workshop_id
        if item.activity_type == "prioritising":
            target = session.get(Candidate, vote.target_id)
            assert target is not None and target.workshop_id == workshop_id, vote.target_id
        else:
            assert item.activity_type == "waste_workshop"
            target = session.get(WasteItem, vote.target_id)
            assert target is not None and target.agenda_item_id == item.id, vote.target_id
        facts.append((item.title, person.display_name, target.text, vote.dots))
    return sorted(facts)


def _vote_results(session, actor, workshop_id):
    """What the results views of the workshop's voting items show, without ids."""
    from workshop import prioritising, waste

    shown = {}
    for item_id, _number, title in prioritising.workshop_rounds(session, actor, workshop_id):
        result = prioritising.results(session, actor, item_id)
        shown[title] = (result.method, result.groups,
                        [(r.text, r.kind, r.points) for r in result.rows])
    for item_id, _number, title in prioritising.workshop_rounds(
            session, actor, workshop_id, waste.ACTIVITY):
        result = waste.results(session, actor, item_id)
        shown[title] = (result.groups, [
            (r.text, r.category, r.points,
             None if r.candidate_id is None else prioritising.get_candidate(
                 session, actor, r.candidate_id).text) for r in result.rows])
    return shown


def test_dot_votes_follow_their_candidates_and_waste_items(session):
    w = _votes_workshop(session)
    before = _vote_facts(session, w.workshop_id)
    results = _vote_results(session, w.facilitator, w.workshop_id)
    assert len(before) == 18
    assert ("Hukka", "Asiakas 0", "Kirjataan kahteen järjestelmään", 2) in before
    assert ("Valinta", "Asiakas 0", "Kirjataan kahteen järjestelmään", 1) in before
    assert ("Toinen hukka", "Työntekijä 2", "Toisen kohdan hukka", 1) in before
    assert results["Valinta"][2] == [("Kirjataan kahteen järjestelmään", "problem",
                                      {"client": 2, "worker": 0}),
                                     ("Yksi yhteyshenkilö", "problem", {"client": 6, "worker": 0}),
                                     ("Takaisinsoitto", "problem", {"client": 1, "worker": 3}),
                                     ("Ei ääniä", "problem", {"client": 0, "worker": 0})]
    assert results["Hukka"][1][0] == ("Kirjataan kahteen järjestelmään", "over_processing",
                                      {"client": 6, "worker": 0},
                                      "Kirjataan kahteen järjestelmään")
    assert results["Hukka"][1][1][2] == {"client": 0, "worker": 4}

    document = export_workshop(session, w.workshop_id)
    new_id = import_workshop(session, dumps(document), owner_user_id=w.facilitator.user_id)
    assert _vote_facts(session, new_id) == before
    assert _vote_results(session, w.facilitator, new_id) == results
    # A backup of the restored copy restores the same again.
    again = import_workshop(session, dumps(export_workshop(session, new_id)),
                            owner_user_id=w.facilitator.user_id)
    assert _vote_facts(session, again) == before
    assert _vote_results(session, w.facilitator, again) == results


def test_dot_votes_naming_nothing_are_left_out(session):
    """Hand-made (or older) files: a vote whose target is not in the file, or whose agenda
    item has an activity without dot targets, counted for nobody; it is not restored, and
    the other votes are."""
    from workshop.model_prioritising import DotVote
    from workshop.models import AgendaItem

    w = _votes_workshop(session)
    before = _vote_facts(session, w.workshop_id)
    results = _vote_results(session, w.facilitator, w.workshop_id)
    document = export_workshop(session, w.workshop_id)
    items = {row["id"]: row for row in document["tables"]["agenda_items"]}
    votes = document["tables"]["prio_dot_votes"]
    zero = next(v for v in votes if items[v["agenda_item_id"]]["title"] == "Valinta")
    gone = next(v for v in votes if items[v["agenda_item_id"]]["title"] == "Toinen hukka")
    votes.append({**zero, "id": 987_654, "target_id": 987_654})  # no such candidate
    votes.append({**gone, "id": 987_655, "agenda_item_id": w.item_id,  # a notes item
                  "target_id": gone["target_id"]})
    new_id = import_workshop(session, dumps(document), owner_user_id=w.facilitator.user_id)
    assert _vote_facts(session, new_id) == before
    assert _vote_results(session, w.facilitator, new_id) == results
    restored = session.scalar(select(func.count()).select_from(DotVote).join(
        AgendaItem, AgendaItem.id == DotVote.agenda_item_id).join(
        Meeting, Meeting.id == AgendaItem.meeting_id).where(Meeting.workshop_id == new_id))
    assert restored == len(votes) - 2


def test_ids_whose_table_depends_on_a_value_are_declared_and_checked(monkeypatch):
    plan = workshop_plan()
    votes = plan["prio_dot_votes"]
    chosen = votes.chosen["target_id"]
    assert (chosen.via, chosen.discriminator, chosen.missing) == (
        "agenda_item_id", "activity_type", backup.DROP)
    assert set(chosen.tables.values()) == {"prio_candidates", "waste_items"}
    for target in ("prio_candidates", "waste_items"):  # ids are set as the votes go in
        assert plan.names.index(target) < plan.names.index("prio_dot_votes")
    declared = backup.EMBEDDED_IDS["prio_dot_votes.target_id"]
    by = declared[""][0]

    def refused(declaration, match):
        monkeypatch.setitem(backup.EMBEDDED_IDS, "prio_dot_votes.target_id", declaration)
        with pytest.raises(backup.BackupSchemaError, match=match):
            workshop_plan()

    refused({"": (backup.TableBy(by.discriminator, {"prioritising": "no_such_table"}),
                  backup.DROP)}, "no_such_table")
    refused({"": (backup.TableBy("agenda_item_id.no_such_column", by.tables), backup.DROP)},
            "no_such_column")
    refused({"": (backup.TableBy("no_such_fk.activity_type", by.tables), backup.DROP)},
            "no_such_fk")
    refused({"": (by, backup.NULL)}, "not nullable")  # target_id is required
    refused({"": (by, backup.LOCAL)}, "not NULL or DROP")
    refused({"x": (by, backup.DROP)}, "path")
    monkeypatch.setitem(backup.EMBEDDED_IDS, "prio_dot_votes.target_id", declared)
    monkeypatch.setitem(backup.EMBEDDED_IDS, "prio_candidates.version", {  # parent of others
        "": (backup.TableBy("kind", {"problem": "solutions"}), backup.DROP)})
    with pytest.raises(backup.BackupSchemaError, match="parent"):
        workshop_plan()
