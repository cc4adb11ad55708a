"""The traceability registry and generic links: found by name, limited to one workshop."""

from __future__ import annotations

import pytest
from builders import join, world

from workshop import canvas, notes, traceability
from workshop.errors import InvalidInput, NotFound
from workshop.traceability import Traceable


def test_registry_has_built_ins_planned_types_and_discovered_model_types():
    names = traceability.registry()
    assert {"note", "persona", "topic", "cafe_note"} <= set(names)
    # Discovered from TRACEABLE dicts in workshop/model_*.py modules.
    assert names["canvas_element"].model == "workshop.model_canvas:CanvasElement"
    assert names["four_field_entry"].model == "workshop.model_evaluation:FourFieldEntry"
    # Types of features built later are known by name from the start; each is available
    # exactly when its feature has registered a model that imports.
    for planned in ("service_path", "path_step", "critical_point", "causal_factor", "vote",
                    "candidate", "waste_item", "solution", "solution_step"):
        assert planned in names
        assert traceability.is_available(planned) == (names[planned].model is not None)
    assert traceability.is_available("note")


def test_register_checks_the_name_and_can_be_undone():
    with pytest.raises(ValueError):
        traceability.register("bad name!", Traceable("workshop.models:Note"))
    traceability.register("test_type", Traceable("workshop.models:Note", "text"))
    try:
        assert traceability.is_available("test_type")
    finally:
        traceability.unregister("test_type")
    assert "test_type" not in traceability.registry()
    traceability.register("test_missing", Traceable("workshop.no_such_module:Step"))
    try:
        assert not traceability.is_available("test_missing")  # a missing module is tolerated
    finally:
        traceability.unregister("test_missing")


def test_candidates_are_the_workshops_own_visible_records(session):
    w = world(session)
    other = world(session, "toinen")
    p = join(session, w)
    kept, _ = notes.add_note(session, p, w.item_id, "Näkyy")
    gone, _ = notes.add_note(session, p, w.item_id, "Peruttu")
    notes.withdraw_note(session, p, gone, 1)
    notes.add_note(session, other.facilitator, other.item_id, "Toisen työpajan")
    assert traceability.candidates(session, w.facilitator, w.workshop_id, "note") == [
        (kept, "Näkyy")]
    items = traceability.candidates(session, w.facilitator, w.workshop_id, "agenda_item")
    assert items == [(w.item_id, "Ideat")]
    traceability.register("test_planned", Traceable(None))
    try:
        assert traceability.candidates(session, w.facilitator, w.workshop_id,
                                       "test_planned") == []
    finally:
        traceability.unregister("test_planned")
    with pytest.raises(NotFound):
        traceability.candidates(session, p, w.workshop_id, "note")
    with pytest.raises(NotFound):
        traceability.candidates(session, other.facilitator, w.workshop_id, "note")


def test_links_to_tells_where_a_record_was_used(session):
    w = world(session)
    model = canvas.create_model(session, w.facilitator, w.workshop_id, "Malli")
    goal = canvas.add_element(session, w.facilitator, model.id, "goal", title="Tavoite")
    pillar = canvas.add_element(session, w.facilitator, model.id, "pillar", title="Pilari")
    note_id, _ = notes.add_note(session, w.facilitator, w.item_id, "Lähde")
    for element in (goal, pillar):
        canvas.link_element(session, w.facilitator, element.id, "note", note_id)
    used = traceability.links_to(session, w.facilitator, w.workshop_id, "note", note_id)
    assert [(x.source_type, x.source_id) for x in used] == [
        ("canvas_element", goal.id), ("canvas_element", pillar.id)]
    # Canvas elements are record types too: a later feature can point at them.
    link = traceability.add_link(session, w.facilitator, "canvas_element", pillar.id,
                                 "canvas_element", goal.id)
    assert link.label == "Tavoite"
    with pytest.raises(InvalidInput) as caught:
        traceability.add_link(session, w.facilitator, "canvas_element", goal.id,
                              "canvas_element", goal.id)
    assert caught.value.key == "error.trace.self_link"
