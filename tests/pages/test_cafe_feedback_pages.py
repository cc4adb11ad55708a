"""Pages of the learning café and meeting feedback, with AppTest."""

from __future__ import annotations

from apptest_helpers import make_app, texts
from sqlalchemy import func, select

from workshop import accounts, cafe, db, feedback, groups, meetings, participants, workshops
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.model_cafe_feedback import FeedbackAnswer, FeedbackResponse
from workshop.models import Meeting


def _meeting_with(engine, activity_type: str, title: str):
    """A facilitator and an open meeting whose current (only) item is ``activity_type``."""
    with db.transaction(engine) as s:
        user = accounts.create_user(s, "fasi", "a long password", "Fasi")
        me = FacilitatorActor(user.id)
        w = workshops.create_workshop(s, me, "Teemaryhmä")
        m = meetings.plan_meeting(s, me, w.id, title="Alkuvalmennus")
        item = meetings.add_agenda_item(s, me, m.id, title=title, activity_type=activity_type)
        opened = meetings.open_meeting(s, me, m.id)
        meetings.set_item_flags(s, me, item.id, contributions_open=True)
    return me, w.id, opened.id, item.id


def _join(engine, meeting_id: int, name: str, role: str):
    with db.transaction(engine) as s:
        joined = participants.join(s, s.get(Meeting, meeting_id), display_name=name, role=role)
    return ParticipantActor(joined.participant.id), joined.token


def _participant_app(token: str):
    app = make_app()
    app.query_params["p"] = token
    return app.run()


def test_participant_answers_the_feedback_form_and_can_change_it(app_db):
    me, workshop_id, meeting_id, item_id = _meeting_with(app_db, "feedback", "Palaute")
    who, token = _join(app_db, meeting_id, "Pia", "client_rep")
    app = _participant_app(token)
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        questions = feedback.list_questions(s, me, workshop_id)
    scale = [q for q in questions if q.kind == "scale"]
    written = [q for q in questions if q.kind == "text"]
    assert app.radio(key=f"feedback_{item_id}_{scale[0].id}_0").label.startswith("Sain sanoa sen")
    assert app.radio(key=f"feedback_{item_id}_{scale[0].id}_0").value is None  # no default
    app.radio(key=f"feedback_{item_id}_{scale[0].id}_0").set_value(4)
    app.radio(key=f"feedback_{item_id}_{scale[1].id}_0").set_value(5)
    app.text_area(key=f"feedback_{item_id}_{written[0].id}_0").input("<b>Hyvä</b> päivä 😀")
    app.button(key=f"FormSubmitter:feedback_form_{item_id}-Lähetä palaute").click().run()
    assert not app.exception, app.exception
    assert "Kiitos palautteesta!" in texts(app)
    assert "Olet jo vastannut." in texts(app)
    with db.transaction(app_db) as s:
        mine = feedback.my_feedback(s, who, item_id)
    assert mine.scores == {scale[0].id: 4, scale[1].id: 5}
    assert mine.texts == {written[0].id: "<b>Hyvä</b> päivä 😀"}
    # the form now shows the stored answers; changing one updates the same response
    assert app.radio(key=f"feedback_{item_id}_{scale[0].id}_1").value == 4
    app.radio(key=f"feedback_{item_id}_{scale[0].id}_1").set_value(2)
    app.button(key=f"FormSubmitter:feedback_form_{item_id}-Lähetä palaute").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        assert s.scalar(select(func.count()).select_from(FeedbackResponse)) == 1
        assert feedback.my_feedback(s, who, item_id).scores[scale[0].id] == 2
        assert s.scalar(select(func.count()).select_from(FeedbackAnswer)) == 3


def test_results_page_hides_a_group_of_fewer_than_three(app_db):
    me, workshop_id, meeting_id, item_id = _meeting_with(app_db, "feedback", "Palaute")
    with db.transaction(app_db) as s:
        questions = feedback.list_questions(s, me, workshop_id)
    scale = [q for q in questions if q.kind == "scale"]
    written = [q for q in questions if q.kind == "text"]
    people = [("Asiakas A", "client_rep", 1, "asiakkaan oma kommentti"),
              ("Asiakas B", "expert_by_experience", 2, ""),
              ("Työ A", "professional", 4, "työntekijän kommentti"),
              ("Työ B", "ngo_parish", 5, ""), ("Työ C", "professional", 4, "")]
    for name, role, score, text in people:
        who, _token = _join(app_db, meeting_id, name, role)
        answers: dict[int, object] = {q.id: score for q in scale}
        if text:
            answers[written[0].id] = text
        with db.transaction(app_db) as s:
            feedback.submit_feedback(s, who, item_id, answers)
    app = make_app(user_id=me.user_id).run()
    app.switch_page("pages/feedback_results.py").run()
    assert not app.exception, app.exception
    shown = texts(app)
    assert "Alle 3 vastausta: ei näytetä" in shown  # the two clients
    assert "3 vastaajaa" in shown  # the three workers
    assert "työntekijän kommentti" in shown
    assert "asiakkaan oma kommentti" not in shown
    assert r"Asiakkaat\: alle 3 vastausta, ei näytetä\." in shown  # the chart as (plain) text
    assert "4,3" in shown  # workers' average of 4, 5, 4


def test_cafe_round_advance_moves_the_participant_to_the_next_station(app_db):
    me, _workshop_id, meeting_id, item_id = _meeting_with(app_db, "learning_cafe", "Kahvila")
    with db.transaction(app_db) as s:
        view = cafe.set_up_cafe(s, me, item_id)
        for station in view.stations[2:]:
            cafe.remove_station(s, me, station.id)
        first, second = view.stations[0], view.stations[1]
        cafe.update_station(s, me, first.id, first.version, question="Missä apua saa?",
                            host_id=None)
        cafe.update_station(s, me, second.id, second.version, question="Mikä toimii?",
                            host_id=None)
        group = groups.add_group(s, me, item_id)
        groups.add_group(s, me, item_id)
    who, token = _join(app_db, meeting_id, "Pia", "client_rep")
    with db.transaction(app_db) as s:
        groups.move_participant(s, me, item_id, who.participant_id, group.id)
    app = _participant_app(token)
    assert not app.exception, app.exception
    assert "Ryhmäsi on nyt pisteellä 1:" in texts(app)
    assert "Missä apua saa?" in texts(app)
    app.text_area(key=f"cafe_note_{item_id}_{first.id}_0_0").input("Neuvonta <i>auttaa</i>")
    app.button(key=f"FormSubmitter:cafe_note_form_{item_id}-Lähetä").click().run()
    assert not app.exception, app.exception
    console = make_app(user_id=me.user_id).run()
    console.switch_page("pages/console.py").run()
    assert not console.exception, console.exception
    assert "Kierros 1/2" in texts(console)
    console.button(key=f"cafe_next_{item_id}").click().run()
    assert not console.exception, console.exception
    with db.transaction(app_db) as s:
        assert cafe.cafe_view(s, me, item_id).round == 1
    app.run()  # the participant's screen on its next refresh
    assert not app.exception, app.exception
    shown = texts(app)
    assert "Ryhmäsi on nyt pisteellä 2:" in shown and "Mikä toimii?" in shown
    assert "Kierros 2/2" in shown
    assert app.text_area(key=f"cafe_note_{item_id}_{second.id}_1_1") is not None


def test_console_and_projector_show_the_cafe_and_the_feedback_chart(app_db):
    me, workshop_id, meeting_id, cafe_item = _meeting_with(app_db, "learning_cafe", "Kahvila")
    with db.transaction(app_db) as s:
        feedback_item = meetings.add_agenda_item(s, me, meeting_id, title="Palaute",
                                                 activity_type="feedback").id
    people = [_join(app_db, meeting_id, f"P{n}", role)[0] for n, role in enumerate(
        ["client_rep", "client_rep", "expert_by_experience", "professional", "professional",
         "ngo_parish"])]
    from workshop.demo_cafe_feedback import seed_cafe_and_feedback

    with db.transaction(app_db) as s:
        seed_cafe_and_feedback(s, me, workshop_id, meeting_id, cafe_item, feedback_item, people)
    app = make_app(user_id=me.user_id).run()
    app.switch_page("pages/console.py").run()
    assert not app.exception, app.exception
    assert "Kahvila on päättynyt." in texts(app)
    app.switch_page("pages/projector.py").run()
    assert not app.exception, app.exception
    assert "Pisteiden yhteenvedot" in texts(app)
    with db.transaction(app_db) as s:
        meetings.set_current_item(s, me, meeting_id, feedback_item)
        meetings.set_item_flags(s, me, feedback_item, contributions_open=True)
    app.run()
    assert not app.exception, app.exception
    assert "Vastaa palautekyselyyn puhelimellasi." in texts(app)  # still open
    with db.transaction(app_db) as s:
        meetings.set_item_flags(s, me, feedback_item, contributions_open=False)
    app.run()
    assert not app.exception, app.exception
    assert len(app.get("plotly_chart")) == 1
    assert r"Työntekijät, 3 vastaajaa" in texts(app)
    app.switch_page("pages/feedback_results.py").run()
    assert not app.exception, app.exception
    assert "Kysymykset ovat tämän työpajan omia." in texts(app)


def test_station_host_writes_the_summary_on_their_phone(app_db):
    me, _workshop_id, meeting_id, item_id = _meeting_with(app_db, "learning_cafe", "Kahvila")
    host, token = _join(app_db, meeting_id, "Hanna", "professional")
    with db.transaction(app_db) as s:
        station = cafe.set_up_cafe(s, me, item_id).stations[0]
        cafe.update_station(s, me, station.id, station.version, question=station.question,
                            host_id=host.participant_id)
    app = _participant_app(token)
    assert not app.exception, app.exception
    assert "Olet pisteen 1 vetäjä:" in texts(app)
    app.text_area(key=f"cafe_summary_text_{station.id}_0").input("Tärkeintä: **yhteystiedot**")
    app.button(key=f"FormSubmitter:cafe_summary_{station.id}_0-Tallenna").click().run()
    assert not app.exception, app.exception
    assert "Yhteenveto tallennettu." in texts(app)
    with db.transaction(app_db) as s:
        saved = cafe.cafe_view(s, me, item_id).stations[0]
    assert saved.summary == "Tärkeintä: **yhteystiedot**" and saved.summary_version == 1
    assert app.text_area(key=f"cafe_summary_text_{station.id}_1").value == saved.summary


def test_moving_a_question_moves_it_once_and_retires_the_pressed_button(app_db):
    """A press Streamlit replays into a later run (after a cut-short run) must not move the
    question a second time: the move buttons are keyed by position, so the pressed key is
    gone once the question has moved."""
    me, workshop_id, _meeting_id, _item_id = _meeting_with(app_db, "feedback", "Palaute")
    with db.transaction(app_db) as s:
        before = [q.id for q in feedback.list_questions(s, me, workshop_id)]
    moved = before[2]
    app = make_app(user_id=me.user_id).run()
    app.switch_page("pages/feedback_results.py").run()
    assert not app.exception, app.exception
    app.button(key=f"fq_up_{moved}_2").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        after = [q.id for q in feedback.list_questions(s, me, workshop_id)]
    assert after == [before[0], moved, before[1], *before[3:]]
    keys = {b.key for b in app.button}
    assert f"fq_up_{moved}_2" not in keys
    assert f"fq_up_{moved}_1" in keys
