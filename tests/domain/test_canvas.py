"""The service model canvas: elements by kind, optimistic edits, traceability links inside one
workshop, published versions, comments and the responses the next version carries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from builders import facilitator, join, world
from sqlalchemy import select

from workshop import canvas, meetings, notes, privacy, traceability, workshops
from workshop.access import FacilitatorActor
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.model_canvas import CanvasElement
from workshop.model_personas import Persona
from workshop.model_traceability import TraceLink

HOSTILE = "<script>alert(1)</script> **lihava** [linkki](http://x) 👩‍👩‍👧 שלום\tsarkain"


def _model(session, w, name="Palveluohjauksen malli"):
    return canvas.create_model(session, w.facilitator, w.workshop_id, name)


def _canvas_item(session, w, *, open_contributions=True):
    item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title="Malli",
                                    activity_type="model_canvas")
    if open_contributions:
        meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    return item.id


def test_elements_hold_typed_fields_and_hostile_text_exactly(session):
    w = world(session)
    model = _model(session, w)
    step = canvas.add_element(session, w.facilitator, model.id, "deployment_step",
                              category="training", title=HOSTILE, who="Esihenkilöt",
                              status="planned", due_date=dt.date(2026, 5, 31))
    crit = canvas.add_element(session, w.facilitator, model.id, "quality_criterion",
                              title="Asiakas pääsee palveluun", indicator="Odotusaika",
                              target="Alle 7 päivää", follow_up_by="Palveluesihenkilö")
    team = canvas.add_element(session, w.facilitator, model.id, "team_role",
                              who="Perhetyön ohjaaja", headcount="1,5")
    session.flush()
    view = canvas.get_canvas(session, w.facilitator, model.id)
    stored = {e.id: e for e in view.elements}
    assert stored[step.id].title == HOSTILE.strip()
    assert stored[step.id].due_date == dt.date(2026, 5, 31)
    assert stored[crit.id].values() == {
        "title": "Asiakas pääsee palveluun", "indicator": "Odotusaika", "target": "Alle 7 päivää",
        "follow_up_by": "Palveluesihenkilö", "body": ""}
    assert stored[team.id].headcount == Decimal("1.50")


@pytest.mark.parametrize(("kind", "fields", "key"), [
    ("quality_criterion", {"title": "X", "indicator": "Y", "target": "Z"}, "error.text.required"),
    ("deployment_step", {"category": "nope", "title": "X", "status": "planned"}, "error.choice"),
    ("goal", {"title": "X", "indicator": "not a goal field"}, "error.canvas.field_not_in_kind"),
    ("goal", {"title": "bad\x00nul"}, "error.text.control_characters"),
    ("goal", {"title": "two\nlines"}, "error.text.one_line"),
    ("goal", {"title": "x" * 201}, "error.text.too_long"),
    ("team_role", {"who": "X", "headcount": "1.555"}, "error.canvas.number_places"),
    ("team_role", {"who": "X", "headcount": "paljon"}, "error.canvas.number_invalid"),
    ("item", {"title": "orphan"}, "error.canvas.needs_parent"),
    ("no_such_kind", {"title": "X"}, "error.choice"),
])
def test_invalid_elements_are_refused_with_a_key(session, kind, fields, key):
    w = world(session)
    model = _model(session, w)
    with pytest.raises(InvalidInput) as caught:
        canvas.add_element(session, w.facilitator, model.id, kind, **fields)
    assert caught.value.key == key


def test_sub_items_only_under_the_right_parent(session):
    w = world(session)
    model = _model(session, w)
    pillar = canvas.add_element(session, w.facilitator, model.id, "pillar", title="Omatyöntekijä")
    goal = canvas.add_element(session, w.facilitator, model.id, "goal", title="Tavoite")
    item = canvas.add_element(session, w.facilitator, model.id, "item", pillar.id,
                              heading="Asiakkuuden aikana", title="Tavoitettavissa")
    canvas.add_element(session, w.facilitator, model.id, "question", pillar.id,
                       title="Onko palvelu saavutettava?")
    with pytest.raises(InvalidInput) as caught:
        canvas.add_element(session, w.facilitator, model.id, "item", goal.id, title="x")
    assert caught.value.key == "error.canvas.wrong_parent"
    view = canvas.get_canvas(session, w.facilitator, model.id)
    assert [e.kind for e in view.children(pillar.id)] == ["item", "question"]
    assert view.elements.index(next(e for e in view.elements if e.id == item.id)) == \
        view.elements.index(next(e for e in view.elements if e.id == pillar.id)) + 1


def test_stale_element_edit_is_refused_and_nothing_merges(session):
    w = world(session)
    model = _model(session, w)
    goal = canvas.add_element(session, w.facilitator, model.id, "goal", title="Alku")
    first = canvas.update_element(session, w.facilitator, goal.id, goal.version, title="Eka")
    with pytest.raises(StaleEdit):
        canvas.update_element(session, w.facilitator, goal.id, goal.version, title="Toka")
    assert first.version == goal.version + 1
    assert canvas.get_canvas(session, w.facilitator, model.id).elements[0].title == "Eka"
    with pytest.raises(StaleEdit):
        canvas.remove_element(session, w.facilitator, goal.id, goal.version)
    with pytest.raises(StaleEdit):
        canvas.update_model(session, w.facilitator, model.id, model.version + 1, name="Uusi")
    renamed = canvas.update_model(session, w.facilitator, model.id, model.version, name="Uusi")
    assert renamed.version == model.version + 1


def test_other_facilitators_and_participants_cannot_touch_a_canvas(session):
    w = world(session)
    other = world(session, "toinen")
    model = _model(session, w)
    goal = canvas.add_element(session, w.facilitator, model.id, "goal", title="Oma")
    p = join(session, w)
    for actor in (other.facilitator, p):
        with pytest.raises(NotFound):
            canvas.get_canvas(session, actor, model.id)
        with pytest.raises(NotFound):
            canvas.add_element(session, actor, model.id, "goal", title="Vieras")
        with pytest.raises(NotFound):
            canvas.update_element(session, actor, goal.id, goal.version, title="Vieras")
        with pytest.raises(NotFound):
            canvas.publish(session, actor, model.id)
    with pytest.raises(NotFound):
        canvas.list_models(session, other.facilitator, w.workshop_id)


def test_links_point_only_into_the_same_workshop(session):
    w = world(session)
    other = world(session, "toinen")
    model = _model(session, w)
    goal = canvas.add_element(session, w.facilitator, model.id, "goal", title="Tavoite")
    mine, _ = notes.add_note(session, w.facilitator, w.item_id, "Oma muistiinpano")
    theirs, _ = notes.add_note(session, other.facilitator, other.item_id, "Toisen työpajan")
    persona = Persona(workshop_id=w.workshop_id, name="Maija, 34")
    foreign_persona = Persona(workshop_id=other.workshop_id, name="Vieras persoona")
    session.add_all([persona, foreign_persona])
    session.flush()
    link = canvas.link_element(session, w.facilitator, goal.id, "note", mine)
    canvas.link_element(session, w.facilitator, goal.id, "persona", persona.id)
    assert link.status == "ok" and link.label == "Oma muistiinpano"
    for record_type, record_id in (("note", theirs), ("persona", foreign_persona.id),
                                   ("note", 999_999)):
        with pytest.raises(NotFound):
            canvas.link_element(session, w.facilitator, goal.id, record_type, record_id)
    # The other workshop's facilitator cannot link from this canvas either.
    with pytest.raises(NotFound):
        canvas.link_element(session, other.facilitator, goal.id, "note", theirs)
    again = canvas.link_element(session, w.facilitator, goal.id, "note", mine)
    assert again.id == link.id  # linking twice keeps one link
    view = canvas.get_canvas(session, w.facilitator, model.id)
    assert [(x.record_type, x.label) for x in view.links[goal.id]] == [
        ("note", "Oma muistiinpano"), ("persona", "Maija, 34")]
    assert session.scalar(select(TraceLink.workshop_id).where(TraceLink.id == link.id)) == \
        w.workshop_id


def test_unbuilt_record_types_cannot_be_linked_and_stored_ones_show_unavailable(session):
    w = world(session)
    model = _model(session, w)
    goal = canvas.add_element(session, w.facilitator, model.id, "goal", title="Tavoite")
    # A planned type whose feature is not built (registered without a model).
    traceability.register("planned_thing", traceability.Traceable(None))
    try:
        assert not traceability.is_available("planned_thing")
        with pytest.raises(InvalidInput) as caught:
            canvas.link_element(session, w.facilitator, goal.id, "planned_thing", 1)
        assert caught.value.key == "error.trace.type_unavailable"
        with pytest.raises(InvalidInput) as caught:
            canvas.link_element(session, w.facilitator, goal.id, "no_such_type", 1)
        assert caught.value.key == "error.trace.unknown_type"
        # A link stored while a feature existed (or from a backup) shows as unavailable.
        session.add(TraceLink(workshop_id=w.workshop_id, source_type="canvas_element",
                              source_id=goal.id, record_type="planned_thing", record_id=7))
        session.flush()
        links = canvas.get_canvas(session, w.facilitator, model.id).links[goal.id]
        assert [(x.record_type, x.status, x.label) for x in links] == [
            ("planned_thing", "unavailable", "")]
    finally:
        traceability.unregister("planned_thing")


def test_withdrawn_and_hidden_targets(session):
    w = world(session)
    model = _model(session, w)
    goal = canvas.add_element(session, w.facilitator, model.id, "goal", title="Tavoite")
    p = join(session, w)
    note_id, _ = notes.add_note(session, p, w.item_id, "Salainen ajatus")
    hidden_id, _ = notes.add_note(session, p, w.item_id, "Asiaton")
    canvas.link_element(session, w.facilitator, goal.id, "note", note_id)
    canvas.link_element(session, w.facilitator, goal.id, "note", hidden_id)
    notes.hide_note(session, w.facilitator, hidden_id)
    notes.withdraw_note(session, p, note_id, 1)
    session.flush()
    links = canvas.get_canvas(session, w.facilitator, model.id).links[goal.id]
    assert [(x.status, x.hidden) for x in links] == [("missing", False), ("ok", True)]
    version = canvas.publish(session, w.facilitator, model.id)
    # A version keeps references only; what they show is looked up (and moderated) live.
    published = version.content["elements"][0]["links"]
    assert published == [{"record_type": "note", "record_id": note_id},
                         {"record_type": "note", "record_id": hidden_id}]
    assert "Salainen" not in str(version.content) and "Asiaton" not in str(version.content)
    labels = canvas.version_links(session, w.facilitator, version.id)
    assert labels == {("note", note_id): ("missing", "", False),
                      ("note", hidden_id): ("ok", "Asiaton", True)}
    withdrawn_again, _ = notes.add_note(session, p, w.item_id, "Uusi")
    notes.withdraw_note(session, p, withdrawn_again, 1)
    with pytest.raises(NotFound):
        canvas.link_element(session, w.facilitator, goal.id, "note", withdrawn_again)


def test_removing_an_element_removes_its_and_its_childrens_links(session):
    w = world(session)
    model = _model(session, w)
    pillar = canvas.add_element(session, w.facilitator, model.id, "pillar", title="Pilari")
    item = canvas.add_element(session, w.facilitator, model.id, "item", pillar.id, title="Osa")
    note_id, _ = notes.add_note(session, w.facilitator, w.item_id, "Lähde")
    canvas.link_element(session, w.facilitator, pillar.id, "note", note_id)
    canvas.link_element(session, w.facilitator, item.id, "note", note_id)
    canvas.remove_element(session, w.facilitator, pillar.id, pillar.version)
    session.flush()
    assert session.scalars(select(TraceLink)).all() == []
    assert session.scalars(select(CanvasElement)).all() == []


def test_move_element_reorders_siblings(session):
    w = world(session)
    model = _model(session, w)
    ids = [canvas.add_element(session, w.facilitator, model.id, "goal", title=t).id
           for t in ("A", "B", "C")]
    canvas.move_element(session, w.facilitator, ids[2], -1)
    view = canvas.get_canvas(session, w.facilitator, model.id)
    assert [e.title for e in view.of_kind("goal")] == ["A", "C", "B"]


def test_publish_freezes_the_draft(session):
    w = world(session)
    model = _model(session, w)
    goal = canvas.add_element(session, w.facilitator, model.id, "goal", title="Ensimmäinen")
    first = canvas.publish(session, w.facilitator, model.id, "Tapaamisen 1 tiivistys")
    canvas.update_element(session, w.facilitator, goal.id, goal.version, title="Muutettu")
    second = canvas.publish(session, w.facilitator, model.id)
    assert (first.number, second.number) == (1, 2)
    assert first.meeting_id == w.meeting_id
    assert canvas.get_version(session, w.facilitator, first.id).content["elements"][0][
        "title"] == "Ensimmäinen"
    assert second.content["elements"][0]["title"] == "Muutettu"
    assert first.content["model"]["name"] == "Palveluohjauksen malli"
    assert [v.number for v in canvas.list_versions(session, w.facilitator, model.id)] == [1, 2]


def test_comment_respond_publish_cycle(session):
    w = world(session)
    model = _model(session, w)
    goal = canvas.add_element(session, w.facilitator, model.id, "goal", title="Tavoite")
    v1 = canvas.publish(session, w.facilitator, model.id)
    item_id = _canvas_item(session, w)
    aino = join(session, w, "Aino", "client_rep")
    pekka = join(session, w, "Pekka", "professional")
    c1, created = canvas.add_comment(session, aino, v1.id, HOSTILE, element_id=goal.id,
                                     item_id=item_id, client_key="k" * 16)
    again, created_again = canvas.add_comment(session, aino, v1.id, "toinen kerta",
                                              element_id=goal.id, item_id=item_id,
                                              client_key="k" * 16)
    assert created and not created_again and again == c1
    c2, _ = canvas.add_comment(session, pekka, v1.id, "Puuttuu resurssit", item_id=item_id)
    # Participants see each other's comments by role, their own with name, no drafts.
    seen = canvas.list_comments(session, aino, model.id)
    assert [(c.text, c.author.name, c.author.mine) for c in seen] == [
        (HOSTILE.strip(), "Aino", True), ("Puuttuu resurssit", None, False)]
    assert canvas.unanswered_count(session, w.facilitator, model.id) == 2
    with pytest.raises(InvalidInput) as caught:
        canvas.respond(session, w.facilitator, c2, "declined", "")
    assert caught.value.key == "error.text.required"
    canvas.respond(session, w.facilitator, c1, "answered", "Tavoite tarkennettiin")
    declined = canvas.respond(session, w.facilitator, c2, "declined",
                              "Resurssit käsitellään seuraavassa tapaamisessa")
    with pytest.raises(StaleEdit):  # a second writer who did not see the draft response
        canvas.respond(session, w.facilitator, c2, "answered", "", None)
    assert canvas.list_comments(session, aino, model.id)[0].response is None  # still a draft
    assert canvas.list_comments(session, w.facilitator, model.id)[0].response.status == \
        "answered"
    v2 = canvas.publish(session, w.facilitator, model.id, "Vastattu kommentteihin")
    assert [(r["comment_id"], r["status"]) for r in v2.content["responses"]] == [
        (c1, "answered"), (c2, "declined")]
    seen = {c.id: c.response for c in canvas.list_comments(session, aino, model.id)}
    assert seen[c1].answered_in_version == 2 and seen[c1].status == "answered"
    assert seen[c2].answered_in_version == 2 and seen[c2].text.startswith("Resurssit")
    with pytest.raises(InvalidInput) as caught:
        canvas.respond(session, w.facilitator, c2, "answered", "", declined.version)
    assert caught.value.key == "error.canvas.response_published"
    assert canvas.unanswered_count(session, w.facilitator, model.id) == 0
    v3 = canvas.publish(session, w.facilitator, model.id)
    assert v3.content["responses"] == []  # each response is published once


def test_comments_need_an_open_meeting_and_the_right_version(session):
    w = world(session)
    other = world(session, "toinen")
    model = _model(session, w)
    foreign = canvas.create_model(session, other.facilitator, other.workshop_id, "Vieras")
    foreign_version = canvas.publish(session, other.facilitator, foreign.id)
    version = canvas.publish(session, w.facilitator, model.id)
    p = join(session, w)
    item_id = _canvas_item(session, w)
    with pytest.raises(NotFound):
        canvas.add_comment(session, p, foreign_version.id, "vieras", item_id=item_id)
    with pytest.raises(NotFound):  # an element that is not in this version
        canvas.add_comment(session, p, version.id, "x", element_id=12345, item_id=item_id)
    with pytest.raises(InvalidInput) as caught:  # the notes item is not a canvas activity
        canvas.add_comment(session, p, version.id, "x", item_id=w.item_id)
    assert caught.value.key == "error.canvas.wrong_activity"
    between, _ = canvas.add_comment(session, p, version.id, "Tauolla kirjoitettu")
    assert [c.id for c in canvas.list_comments(session, p, model.id)] == [between]
    meetings.set_item_flags(session, w.facilitator, item_id, contributions_open=False)
    with pytest.raises(InvalidInput) as caught:
        canvas.add_comment(session, p, version.id, "suljettu", item_id=item_id)
    assert caught.value.key == "error.contributions_closed"
    meetings.close_meeting(session, w.facilitator, w.meeting_id)
    with pytest.raises(NotFound):
        canvas.add_comment(session, p, version.id, "kokouksen jälkeen")
    with pytest.raises(NotFound):
        canvas.published_models(session, p, w.workshop_id)


def test_hidden_comments_stay_out_of_participant_views_and_published_versions(session):
    w = world(session)
    model = _model(session, w)
    version = canvas.publish(session, w.facilitator, model.id)
    item_id = _canvas_item(session, w)
    p = join(session, w)
    bad, _ = canvas.add_comment(session, p, version.id, "Asiaton", item_id=item_id)
    canvas.hide_comment(session, w.facilitator, bad)
    canvas.respond(session, w.facilitator, bad, "declined", "Ei liity malliin")
    assert canvas.list_comments(session, p, model.id) == []
    assert canvas.list_comments(session, w.facilitator, model.id)[0].hidden
    v2 = canvas.publish(session, w.facilitator, model.id)
    assert v2.content["responses"] == [{"comment_id": bad, "status": "declined",
                                        "text": "Ei liity malliin"}]


def test_participants_edit_own_comment_until_it_is_answered(session):
    w = world(session)
    model = _model(session, w)
    version = canvas.publish(session, w.facilitator, model.id)
    item_id = _canvas_item(session, w)
    p = join(session, w)
    other = join(session, w, "Pekka", "professional")
    cid, _ = canvas.add_comment(session, p, version.id, "Alku", item_id=item_id)
    with pytest.raises(NotFound):
        canvas.edit_comment(session, other, cid, 1, "Väärennös")
    new_version = canvas.edit_comment(session, p, cid, 1, "Korjattu")
    with pytest.raises(StaleEdit):
        canvas.edit_comment(session, p, cid, 1, "Vanhasta")
    canvas.respond(session, w.facilitator, cid, "answered")
    with pytest.raises(InvalidInput) as caught:
        canvas.edit_comment(session, p, cid, new_version, "Myöhässä")
    assert caught.value.key == "error.canvas.comment_answered"


def test_published_models_for_participants_show_the_newest_version(session):
    w = world(session)
    first = _model(session, w, "Ensimmäinen")
    second = _model(session, w, "Toinen")
    canvas.publish(session, w.facilitator, first.id)
    canvas.publish(session, w.facilitator, first.id)
    p = join(session, w)
    published = canvas.published_models(session, p, w.workshop_id)
    assert [(x.name, x.latest.number) for x in published] == [("Ensimmäinen", 2)]
    assert second.id not in {x.model_id for x in published}


def test_deleting_model_and_workshop_cascades(session):
    w = world(session)
    model = _model(session, w)
    goal = canvas.add_element(session, w.facilitator, model.id, "goal", title="T")
    note_id, _ = notes.add_note(session, w.facilitator, w.item_id, "Lähde")
    canvas.link_element(session, w.facilitator, goal.id, "note", note_id)
    canvas.publish(session, w.facilitator, model.id)
    canvas.delete_model(session, w.facilitator, model.id, model.version)
    session.flush()
    assert session.scalars(select(TraceLink)).all() == []
    again = _model(session, w, "Toinen")
    canvas.add_element(session, w.facilitator, again.id, "goal", title="T")
    workshops.delete_workshop(session, w.facilitator, w.workshop_id)
    session.flush()
    assert session.scalars(select(CanvasElement)).all() == []


def test_a_second_facilitator_of_the_workshop_may_edit(session):
    w = world(session)
    helper = facilitator(session, "apu")
    workshops.invite_facilitator(session, w.facilitator, w.workshop_id, "apu")
    model = _model(session, w)
    goal = canvas.add_element(session, FacilitatorActor(helper.user_id), model.id, "goal",
                              title="Apulaisen")
    assert goal.title == "Apulaisen"


def test_erasing_a_participant_reaches_published_versions(session):
    w = world(session)
    model = _model(session, w)
    goal = canvas.add_element(session, w.facilitator, model.id, "goal", title="Tavoite")
    version = canvas.publish(session, w.facilitator, model.id)
    item_id = _canvas_item(session, w)
    p = join(session, w)
    note_id, _ = notes.add_note(session, p, w.item_id, "Henkilökohtainen tarina")
    canvas.link_element(session, w.facilitator, goal.id, "note", note_id)
    comment, _ = canvas.add_comment(session, p, version.id, "Oma kokemukseni", item_id=item_id)
    canvas.respond(session, w.facilitator, comment, "answered", "Lisätty")
    v2 = canvas.publish(session, w.facilitator, model.id)
    privacy.erase_participant(session, w.facilitator, p.participant_id,
                              delete_contributions=True)
    session.flush()
    session.expire_all()  # the erasure deletes in bulk: read what the database now holds
    assert "Oma kokemukseni" not in str(v2.content)
    assert "Henkilökohtainen" not in str(canvas.get_version(session, w.facilitator,
                                                            v2.id).content)
    assert canvas.version_links(session, w.facilitator, v2.id) == {
        ("note", note_id): ("missing", "", False)}
    assert canvas.list_comments(session, w.facilitator, model.id) == []
