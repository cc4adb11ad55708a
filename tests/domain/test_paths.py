"""Service paths: access, ordering (insert, move, remove), group writing with optimistic
versions, the to-be copy, live revisions, and the journey chart with its text alternative."""

from __future__ import annotations

import pytest
from builders import join, world
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop import meetings, paths
from workshop.charts.journey import journey_figure, journey_text, lanes
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.model_paths import PathStep
from workshop.model_personas import Persona
from workshop.paths import StepInput


def _activity(session, w, activity_type="service_path", *, open_=True) -> int:
    item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title="Polut",
                                    activity_type=activity_type)
    if open_:
        meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    return item.id


def _persona(session, w, name="Sari") -> int:
    persona = Persona(workshop_id=w.workshop_id, name=name, author_user_id=w.facilitator.user_id)
    session.add(persona)
    session.flush()
    return persona.id


def _whats(session, actor, path_id) -> list[str]:
    return [s.what for s in paths.get_path(session, actor, path_id).steps]


def test_steps_insert_move_and_remove_keep_a_clean_order(session):
    w = world(session)
    me = w.facilitator
    path = paths.create_path(session, me, w.workshop_id, "Sarin polku")
    a = paths.add_step(session, me, path.id, StepInput("A"))
    c = paths.add_step(session, me, path.id, StepInput("C"))
    b = paths.add_step(session, me, path.id, StepInput("B"), before_step_id=c.id)
    paths.add_step(session, me, path.id, StepInput("0"), before_step_id=a.id)
    assert _whats(session, me, path.id) == ["0", "A", "B", "C"]
    paths.move_step(session, me, c.id, -1)
    assert _whats(session, me, path.id) == ["0", "A", "C", "B"]
    paths.move_step(session, me, b.id, 1)  # already last: stays
    paths.move_step(session, me, a.id, -1)
    paths.move_step(session, me, a.id, -1)  # already first: stays
    assert _whats(session, me, path.id) == ["A", "0", "C", "B"]
    view = paths.get_path(session, me, path.id)
    paths.delete_step(session, me, view.steps[1].id, view.steps[1].version)
    view = paths.get_path(session, me, path.id)
    assert [s.what for s in view.steps] == ["A", "C", "B"]
    assert [s.position for s in view.steps] == [0, 1, 2]
    stored = session.get(PathStep, a.id)
    assert stored.version == 1  # reordering does not make others' edit forms stale
    with pytest.raises(InvalidInput):
        paths.move_step(session, me, a.id, 3)
    with pytest.raises(NotFound):
        paths.add_step(session, me, path.id, StepInput("x"), before_step_id=10_000)


def test_step_fields_are_checked_and_stored_as_typed(session):
    w = world(session)
    me = w.facilitator
    path = paths.create_path(session, me, w.workshop_id, "Polku")
    step = StepInput("<script>x</script> 😀", "Sosiaalityö", "letter", "Kuunneltiin",
                     "Jono", -2, True, "Pitkä odotus")
    saved = paths.add_step(session, me, path.id, step)
    assert paths.get_path(session, me, path.id).steps[0].as_input == step
    assert saved.critical and saved.experience == -2
    for bad, key in [
        (StepInput(""), "error.text.required"),
        (StepInput("x", channel="fax"), "error.choice"),
        (StepInput("x", experience=3), "error.number.range"),
        (StepInput("x", experience=True), "error.number.not_integer"),
        (StepInput("x", actor_name="a\nb"), "error.text.one_line"),
    ]:
        with pytest.raises(InvalidInput) as caught:
            paths.add_step(session, me, path.id, bad)
        assert caught.value.key == key
    assert len(paths.get_path(session, me, path.id).steps) == 1


def test_group_writing_stale_edit_and_idempotent_submit(session):
    w = world(session)
    item_id = _activity(session, w)
    aino, pekka = join(session, w, "Aino"), join(session, w, "Pekka", "professional")
    path = paths.create_path(session, aino, w.workshop_id, "Ryhmän polku", item_id=item_id,
                             client_key="path-key-123")
    again = paths.create_path(session, aino, w.workshop_id, "Ryhmän polku", item_id=item_id,
                              client_key="path-key-123")
    assert again.id == path.id
    first = paths.add_step(session, aino, path.id, StepInput("Soitto"), item_id=item_id,
                           client_key="step-key-123")
    twice = paths.add_step(session, aino, path.id, StepInput("Soitto"), item_id=item_id,
                           client_key="step-key-123")
    assert twice.id == first.id and len(paths.get_path(session, aino, path.id).steps) == 1
    # Another member of the group edits Aino's step; Aino's old form is then stale.
    edited = paths.edit_step(session, pekka, first.id, first.version, StepInput("Soitto Kelaan"),
                             item_id=item_id)
    assert edited.version == first.version + 1
    with pytest.raises(StaleEdit):
        paths.edit_step(session, aino, first.id, first.version, StepInput("Minun versioni"),
                        item_id=item_id)
    assert _whats(session, aino, path.id) == ["Soitto Kelaan"]


def test_participant_access_needs_an_open_path_activity(session):
    w = world(session)
    notes_item = w.item_id  # a notes activity
    closed_item = _activity(session, w, open_=False)
    item_id = _activity(session, w)
    p = join(session, w)
    path = paths.create_path(session, w.facilitator, w.workshop_id, "Polku")
    with pytest.raises(InvalidInput):  # outside any activity
        paths.add_step(session, p, path.id, StepInput("x"))
    with pytest.raises(NotFound):  # wrong kind of activity
        paths.add_step(session, p, path.id, StepInput("x"), item_id=notes_item)
    with pytest.raises(InvalidInput) as caught:
        paths.add_step(session, p, path.id, StepInput("x"), item_id=closed_item)
    assert caught.value.key == "error.contributions_closed"
    step = paths.add_step(session, p, path.id, StepInput("ok"), item_id=item_id)
    with pytest.raises(NotFound):  # removing a whole path is the facilitator's
        paths.delete_path(session, p, path.id, path.version)
    paths.set_step_hidden(session, w.facilitator, step.id, True)
    assert paths.get_path(session, p, path.id).steps == ()
    assert paths.get_path(session, w.facilitator, path.id).steps[0].hidden
    with pytest.raises(NotFound):
        paths.edit_step(session, p, step.id, step.version, StepInput("y"), item_id=item_id)


def test_paths_are_not_reachable_from_another_workshop(session):
    w = world(session)
    other = world(session, "toinen")
    outsider = join(session, other, "Ulkopuolinen")
    path = paths.create_path(session, w.facilitator, w.workshop_id, "Polku")
    step = paths.add_step(session, w.facilitator, path.id, StepInput("A"))
    other_item = _activity(session, other)
    for action in (
        lambda: paths.get_path(session, other.facilitator, path.id),
        lambda: paths.get_path(session, outsider, path.id),
        lambda: paths.list_paths(session, other.facilitator, w.workshop_id),
        lambda: paths.add_step(session, other.facilitator, path.id, StepInput("x")),
        lambda: paths.add_step(session, outsider, path.id, StepInput("x"), item_id=other_item),
        lambda: paths.move_step(session, other.facilitator, step.id, 1),
        lambda: paths.edit_step(session, other.facilitator, step.id, 1, StepInput("x")),
        lambda: paths.delete_step(session, other.facilitator, step.id, 1),
        lambda: paths.make_to_be(session, other.facilitator, path.id),
        lambda: paths.create_path(session, other.facilitator, w.workshop_id, "x"),
        lambda: paths.persona_choices(session, outsider, w.workshop_id),
    ):
        with pytest.raises(NotFound):
            action()
    foreign_persona = _persona(session, other, "Vieras")
    with pytest.raises(InvalidInput):
        paths.create_path(session, w.facilitator, w.workshop_id, "x", persona_id=foreign_persona)
    assert _whats(session, w.facilitator, path.id) == ["A"]


def test_to_be_starts_as_an_independent_copy(session):
    w = world(session)
    me = w.facilitator
    persona_id = _persona(session, w)
    as_is = paths.create_path(session, me, w.workshop_id, "Sarin polku", persona_id=persona_id)
    first = paths.add_step(session, me, as_is.id, StepInput("Jono", critical=True,
                                                            critical_note="Odotus"))
    paths.add_step(session, me, as_is.id, StepInput("Tapaaminen", experience=1))
    to_be = paths.make_to_be(session, me, as_is.id)
    assert to_be.variant == "to_be" and to_be.source_path_id == as_is.id
    assert to_be.persona_id == persona_id and to_be.persona_name == "Sari"
    assert [s.as_input for s in to_be.steps] == \
        [s.as_input for s in paths.get_path(session, me, as_is.id).steps]
    assert paths.make_to_be(session, me, as_is.id).id == to_be.id  # a double click: one copy
    with pytest.raises(InvalidInput):
        paths.make_to_be(session, me, to_be.id)
    copied = to_be.steps[0]
    paths.edit_step(session, me, copied.id, copied.version, StepInput("Takaisinsoitto",
                                                                       experience=2))
    paths.delete_step(session, me, to_be.steps[1].id, to_be.steps[1].version)
    paths.add_step(session, me, to_be.id, StepInput("Uusi vaihe"))
    assert _whats(session, me, as_is.id) == ["Jono", "Tapaaminen"]
    assert _whats(session, me, to_be.id) == ["Takaisinsoitto", "Uusi vaihe"]
    assert paths.get_path(session, me, as_is.id).steps[0].id == first.id
    listed = paths.list_paths(session, me, w.workshop_id)
    assert [(p.title, p.variant) for p in listed] == [("Sarin polku", "as_is"),
                                                      ("Sarin polku", "to_be")]


def test_edits_in_a_meeting_bump_its_revision(session):
    w = world(session)
    item_id = _activity(session, w)
    p = join(session, w)
    before = meetings.revision(session, w.meeting_id)
    path = paths.create_path(session, p, w.workshop_id, "Polku", item_id=item_id)
    step = paths.add_step(session, p, path.id, StepInput("A"), item_id=item_id)
    paths.move_step(session, p, step.id, 1, item_id=item_id)
    after_participant = meetings.revision(session, w.meeting_id)
    assert after_participant >= before + 3
    paths.edit_step(session, w.facilitator, step.id, step.version, StepInput("B"))
    assert meetings.revision(session, w.meeting_id) == after_participant + 1


def test_removed_and_hidden_paths(session):
    w = world(session)
    p = join(session, w)
    path = paths.create_path(session, w.facilitator, w.workshop_id, "Pois")
    kept = paths.create_path(session, w.facilitator, w.workshop_id, "Jää")
    paths.set_path_hidden(session, w.facilitator, kept.id, True)
    assert [x.title for x in paths.list_paths(session, p, w.workshop_id)] == ["Pois"]
    with pytest.raises(StaleEdit):
        paths.delete_path(session, w.facilitator, path.id, path.version + 1)
    paths.delete_path(session, w.facilitator, path.id, path.version)
    assert [x.title for x in paths.list_paths(session, w.facilitator, w.workshop_id)] == ["Jää"]
    with pytest.raises(NotFound):
        paths.get_path(session, w.facilitator, path.id)
    with pytest.raises(StaleEdit):  # hiding changed it since it was loaded
        paths.update_path(session, w.facilitator, kept.id, kept.version, title="Uusi nimi",
                          persona_id=None)
    current = paths.get_path(session, w.facilitator, kept.id)
    updated = paths.update_path(session, w.facilitator, kept.id, current.version,
                                title="Uusi nimi", persona_id=None)
    assert updated.title == "Uusi nimi" and updated.version == current.version + 1


def test_journey_chart_and_text_alternative(session):
    w = world(session)
    me = w.facilitator
    path = paths.create_path(session, me, w.workshop_id, "<b>Polku</b>")
    paths.add_step(session, me, path.id, StepInput("Hakemus verkossa", "TE-palvelut", "digital",
                                                   experience=-1))
    paths.add_step(session, me, path.id, StepInput("Jono", "Kela", "phone", experience=-2,
                                                   critical=True, critical_note="Odotus"))
    paths.add_step(session, me, path.id, StepInput("Vertaisryhmä", "", "face_to_face",
                                                   meaningful="Tuki", experience=2))
    view = paths.get_path(session, me, path.id)
    fig = journey_figure(view, "fi")
    names = [trace.name for trace in fig.data]
    assert names[0] == "Kokemus"
    curve = fig.data[0]
    assert list(curve.x) == [1, 2, 3] and list(curve.y) == [-1, -2, 2]
    critical = next(trace for trace in fig.data if "Kriittinen kohta" in (trace.name or ""))
    assert list(critical.x) == [2] and critical.marker.symbol == "star"
    assert all("kriittinen" in text for text in critical.text)  # a word, not colour alone
    [line] = fig.layout.shapes  # a dotted line at the point, through curve and lanes
    assert (line.x0, line.x1, line.yref, line.y0, line.y1) == (2, 2, "paper", 0, 1)
    assert lanes(view, "fi") == ["TE-palvelut", "Kela", "(toimija puuttuu)"]
    assert {"Digitaalinen", "Puhelin", "Kasvokkain"} <= set(names)
    assert fig.layout.title.text == "&lt;b&gt;Polku&lt;/b&gt; (nykytila)"  # shown as text
    text = journey_text(view, "en")
    assert text.splitlines()[0] == "<b>Polku</b> (as-is): steps 3, critical points 1."
    assert "2. Jono · actor Kela, channel Phone · experience −2 · ⚠ Critical point: Odotus" in text
    empty = paths.create_path(session, me, w.workshop_id, "Tyhjä")
    assert journey_figure(empty, "en").layout.annotations[0].text == "No steps yet"


EDITS = st.lists(st.tuples(st.sampled_from(["add", "up", "down", "delete"]),
                           st.integers(0, 8)), max_size=14)


@pytest.fixture
def owner(session):
    return world(session)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_any_sequence_of_edits_orders_steps_like_a_plain_list(session, owner, edits):
    me = owner.facilitator
    path = paths.create_path(session, me, owner.workshop_id, "Polku")
    expected: list[str] = []
    ids: dict[str, int] = {}
    for number, (edit, index) in enumerate(edits):
        if edit == "add":
            name = f"vaihe {number}"
            before = expected[index] if index < len(expected) else None
            ids[name] = paths.add_step(session, me, path.id, StepInput(name),
                                       before_step_id=ids[before] if before else None).id
            expected.insert(index if before else len(expected), name)
        elif expected:
            name = expected[index % len(expected)]
            if edit == "delete":
                version = session.get(PathStep, ids[name]).version
                paths.delete_step(session, me, ids[name], version)
                expected.remove(name)
            else:
                paths.move_step(session, me, ids[name], -1 if edit == "up" else 1)
                at = expected.index(name)
                to = max(0, min(len(expected) - 1, at + (-1 if edit == "up" else 1)))
                expected.insert(to, expected.pop(at))
    view = paths.get_path(session, me, path.id)
    assert [s.what for s in view.steps] == expected
    assert [s.position for s in view.steps] == list(range(len(expected)))
