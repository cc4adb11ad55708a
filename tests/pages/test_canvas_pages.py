"""Page flows for the service model canvas, its live activity and the evaluation page."""

from __future__ import annotations

from apptest_helpers import make_app, texts
from sqlalchemy import select

from workshop import (
    accounts,
    canvas,
    db,
    evaluation,
    feedback,
    meetings,
    participants,
    seed_models,
    workshops,
)
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.model_canvas import CanvasComment, CanvasElement, CanvasVersion
from workshop.model_personas import Persona
from workshop.model_traceability import TraceLink
from workshop.models import Meeting


def _setup(engine, *, activity="notes"):
    with db.transaction(engine) as s:
        user = accounts.create_user(s, "fasi", "a long password", "Fasi")
        me = FacilitatorActor(user.id)
        w = workshops.create_workshop(s, me, "Teemaryhmä")
        m = meetings.plan_meeting(s, me, w.id, title="Mallin rakentaminen", phase="model")
        item = meetings.add_agenda_item(s, me, m.id, title="Mallin kommentointi",
                                        activity_type=activity)
        meetings.open_meeting(s, me, m.id)
        meetings.set_item_flags(s, me, item.id, contributions_open=True)
        persona = Persona(workshop_id=w.id, name="Maija, 34, yksinhuoltaja")
        s.add(persona)
        s.flush()
    return user.id, w.id, m.id, item.id, persona.id


def test_facilitator_fills_an_element_links_it_and_publishes(app_db):
    user_id, workshop_id, _m, _item, persona_id = _setup(app_db)
    app = make_app(user_id=user_id).run()
    app.switch_page("pages/model_canvas.py").run()
    assert not app.exception, app.exception
    assert "Työpajalla ei ole vielä toimintamallia" in texts(app)
    app.text_input(key="new_model_name").input("Nuorten palvelupolku")
    app.button(key="FormSubmitter:new_model-Tallenna").click().run()
    assert not app.exception, app.exception
    assert "Toimintamalli Nuorten palvelupolku luotiin." in texts(app)
    with db.transaction(app_db) as s:
        model_id = canvas.list_models(s, FacilitatorActor(user_id), workshop_id)[0].id

    form = f"new_el_{model_id}_goal_0_0"
    app.text_input(key=f"{form}_title").input("<b>Ei katkoksia</b> siirtymissä")
    app.text_area(key=f"{form}_target").input("Alle 5 % keskeyttää")
    app.button(key=f"FormSubmitter:{form}-Tallenna").click().run()
    assert not app.exception, app.exception
    assert "Lisättiin: Tavoitteet" in texts(app)
    with db.transaction(app_db) as s:
        element = s.scalars(select(CanvasElement)).one()
    assert element.title == "<b>Ei katkoksia</b> siirtymissä"
    assert r"\<b\>Ei katkoksia\</b\> siirtymissä" in texts(app)  # shown as text, not HTML

    app.selectbox(key=f"link_type_{element.id}").set_value("persona").run()
    assert app.selectbox(key=f"link_record_{element.id}_persona").value == persona_id
    app.button(key=f"link_add_{element.id}").click().run()
    assert not app.exception, app.exception
    assert "Linkitetty." in texts(app)
    assert "Lähtöisin: Persoona: Maija, 34, yksinhuoltaja" in texts(app)
    with db.transaction(app_db) as s:
        link = s.scalars(select(TraceLink)).one()
    assert (link.record_type, link.record_id) == ("persona", persona_id)

    app.text_area(key=f"publish_text_{model_id}").input("Ensimmäinen luonnos")
    app.button(key=f"FormSubmitter:publish_{model_id}-Julkaise versio").click().run()
    assert not app.exception, app.exception
    assert "Versio 1 julkaistiin." in texts(app)
    with db.transaction(app_db) as s:
        version = s.scalars(select(CanvasVersion)).one()
    assert version.summary == "Ensimmäinen luonnos"
    assert version.content["elements"][0]["links"] == [
        {"record_type": "persona", "record_id": persona_id}]
    assert texts(app).count("Lähtöisin: Persoona: Maija, 34, yksinhuoltaja") == 2  # + version


def test_stale_edit_on_the_canvas_page_keeps_the_text(app_db):
    user_id, workshop_id, _m, _item, _p = _setup(app_db)
    me = FacilitatorActor(user_id)
    with db.transaction(app_db) as s:
        model = canvas.create_model(s, me, workshop_id, "Malli")
        goal = canvas.add_element(s, me, model.id, "goal", title="Alku")
    app = make_app(user_id=user_id).run()
    app.switch_page("pages/model_canvas.py").run()
    form = f"edit_el_{goal.id}_{goal.version}"
    app.text_input(key=f"{form}_title").input("Minun muutokseni")
    with db.transaction(app_db) as s:  # someone else saves first
        canvas.update_element(s, me, goal.id, goal.version, title="Toisen muutos")
    app.button(key=f"FormSubmitter:{form}-Tallenna").click().run()
    assert not app.exception, app.exception
    assert "Joku muu muutti tätä juuri." in texts(app)
    assert app.text_input(key=f"{form}_title").value == "Minun muutokseni"
    with db.transaction(app_db) as s:
        assert s.get(CanvasElement, goal.id).title == "Toisen muutos"


def test_moving_and_removing_an_element_show_at_once(app_db):
    """The services return None; the page must still treat that as success: redraw with
    the new order, retire the pressed key (a replayed press cannot move twice) and say
    what happened."""
    user_id, workshop_id, _m, _item, _p = _setup(app_db)
    me = FacilitatorActor(user_id)
    with db.transaction(app_db) as s:
        model = canvas.create_model(s, me, workshop_id, "Malli")
        canvas.add_element(s, me, model.id, "goal", title="Ensimmäinen")
        second = canvas.add_element(s, me, model.id, "goal", title="Toinen")
    app = make_app(user_id=user_id).run()
    app.switch_page("pages/model_canvas.py").run()
    app.selectbox(key=f"canvas_edit_pick_{model.id}_what").set_value(second.id).run()
    pressed = f"up_{second.id}_{second.position}"
    app.button(key=pressed).click().run()
    assert not app.exception, app.exception
    shown = texts(app)
    assert shown.index("Toinen") < shown.index("Ensimmäinen")  # redrawn in the new order
    assert pressed not in {b.key for b in app.button}
    app.checkbox(key=f"sure_{second.id}").check().run()
    app.button(key=f"remove_{second.id}").click().run()
    assert not app.exception, app.exception
    assert "Poistettu luonnoksesta." in texts(app)
    with db.transaction(app_db) as s:
        assert [e.title for e in s.scalars(select(CanvasElement))] == ["Ensimmäinen"]


def test_a_new_model_is_the_chosen_one_and_stays_so(app_db):
    user_id, workshop_id, _m, _item, _p = _setup(app_db)
    app = make_app(user_id=user_id).run()
    app.switch_page("pages/model_canvas.py").run()
    for form, name in (("new_model", "Ensimmäinen malli"), ("new_model_1", "Toinen malli")):
        # Each saved filling of the form gets a new id (a double click cannot save twice).
        app.text_input(key=f"{form}_name").input(name)
        app.button(key=f"FormSubmitter:{form}-Tallenna").click().run()
        assert not app.exception, app.exception
        app.run()  # a rerun from the browser, carrying the chooser's shown value
        with db.transaction(app_db) as s:
            ids = {m.name: m.id for m in canvas.list_models(s, FacilitatorActor(user_id),
                                                            workshop_id)}
        chooser = next(box for box in app.selectbox if box.label == "Toimintamalli")
        assert chooser.value == ids[name]
        assert app.session_state["canvas_model_id"] == ids[name]


def test_participant_comments_on_the_published_version(app_db):
    user_id, workshop_id, meeting_id, item_id, _p = _setup(app_db, activity="model_canvas")
    me = FacilitatorActor(user_id)
    with db.transaction(app_db) as s:
        model = canvas.create_model(s, me, workshop_id, "Palveluohjaus")
        goal = canvas.add_element(s, me, model.id, "goal", title="Yksi yhteinen suunnitelma")
        version = canvas.publish(s, me, model.id, "Tiivistys tapaamisesta 4")
        joined = participants.join(s, s.get(Meeting, meeting_id), display_name="Pia",
                                   role="client_rep")
    app = make_app()
    app.query_params["p"] = joined.token
    app.run()
    app.switch_page("pages/participate.py").run()
    assert not app.exception, app.exception
    shown = texts(app)
    assert "Palveluohjaus – versio 1" in shown and "Tiivistys tapaamisesta 4" in shown
    app.selectbox(key=f"canvas_about_{item_id}_0").set_value(goal.id)
    app.text_area(key=f"canvas_text_{item_id}_0").input("Suunnitelma myös selkokielellä")
    app.button(key=f"FormSubmitter:canvas_comment_{item_id}-Lähetä").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        comment = s.scalars(select(CanvasComment)).one()
    assert (comment.text, comment.element_id, comment.version_id, comment.agenda_item_id) == (
        "Suunnitelma myös selkokielellä", goal.id, version.id, item_id)
    # The facilitator answers on the canvas page; console and projector show the activity.
    fac = make_app(user_id=user_id).run()
    for page in ("pages/console.py", "pages/projector.py"):
        fac.switch_page(page).run()
        assert not fac.exception, (page, fac.exception)
    fac.switch_page("pages/model_canvas.py").run()
    fac.text_area(key=f"respond_text_{comment.id}").input("Lisätty versioon 2")
    fac.button(key=f"FormSubmitter:respond_{comment.id}_0-Tallenna").click().run()
    assert not fac.exception, fac.exception
    assert "Vastaus tallennettu" in texts(fac)


def test_evaluation_page_shows_seed_002_and_takes_answers(app_db):
    user_id, workshop_id, _m, _item, _p = _setup(app_db)
    me = FacilitatorActor(user_id)
    with db.transaction(app_db) as s:
        model_id = seed_models.seed_model_002(s, me, workshop_id)
        survey_id = evaluation.list_surveys(s, me, model_id)[0].id
    app = make_app(user_id=user_id).run()
    app.switch_page("pages/evaluation.py").run()
    assert not app.exception, app.exception
    shown = texts(app).replace("\\", "")  # text alternatives are escaped Markdown
    assert "Palvelun päättyessä, 25 asiakasta: Parempi 8 (32 %)" in shown
    assert "Asiakkaat: NPS +56, 9 vastausta" in shown
    assert "vähintään 4 sijoitusta vuodessa" in shown
    assert "Kaavio tekstinä" in shown
    assert len(app.get("plotly_chart")) >= 4
    app.text_input(key=f"answers_scores_{survey_id}").input("9 10 3")
    app.button(key=f"FormSubmitter:answers_{survey_id}-Lisää vastaukset").click().run()
    assert not app.exception, app.exception
    assert "Lisättiin 3 vastausta." in texts(app)
    assert "Asiakkaat: NPS +50, 12 vastausta" in texts(app).replace("\\", "")  # 6/12
    app.text_input(key=f"answers_scores_{survey_id}").input("9, 11")
    app.button(key=f"FormSubmitter:answers_{survey_id}-Lisää vastaukset").click().run()
    assert "”11” ei ole pistemäärä 0–10." in texts(app)
    app.text_input(key="be_title").input("Toinen laskelma")
    app.text_input(key="be_yearly").input("300 000")
    app.text_input(key="be_case_cost").input("100000,50")
    app.button(key=f"FormSubmitter:new_break_even_{model_id}-Tallenna").click().run()
    assert not app.exception, app.exception
    assert "vähintään 3 tapausta vuodessa" in texts(app).replace("\\", "")


def test_evaluation_page_without_models_points_to_the_canvas(app_db):
    user_id, *_ = _setup(app_db)
    app = make_app(user_id=user_id).run()
    app.switch_page("pages/evaluation.py").run()
    assert not app.exception, app.exception
    assert "Luo ensin toimintamalli" in texts(app)


def test_evaluation_page_draws_the_meeting_feedback_summary(app_db):
    user_id, workshop_id, meeting_id, _item, _p = _setup(app_db)
    me = FacilitatorActor(user_id)
    with db.transaction(app_db) as s:
        canvas.create_model(s, me, workshop_id, "Malli")
        item = meetings.add_agenda_item(s, me, meeting_id, title="Palaute",
                                        activity_type="feedback")
        meetings.set_item_flags(s, me, item.id, contributions_open=True)
        scale = [q.id for q in feedback.list_questions(s, me, workshop_id) if q.kind == "scale"]
        for n in range(3):
            joined = participants.join(s, s.get(Meeting, meeting_id), display_name=f"A{n}",
                                       role="client_rep")
            feedback.submit_feedback(s, ParticipantActor(joined.participant.id), item.id,
                                     dict.fromkeys(scale, 4))
    app = make_app(user_id=user_id).run()
    app.switch_page("pages/evaluation.py").run()
    assert not app.exception, app.exception
    shown = texts(app).replace("\\", "")
    assert "Palaute 1 tapaamisesta" in shown
    assert "Tapaamisista ei ole vielä palautetta" not in shown
