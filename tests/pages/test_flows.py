"""Page flows with AppTest: what a facilitator and a participant see and do."""

from __future__ import annotations

from apptest_helpers import make_app, texts
from sqlalchemy import select

from workshop import accounts, db, meetings, notes, participants, workshops
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.models import Meeting, Note


def _facilitator(engine, username="fasi"):
    with db.transaction(engine) as s:
        return accounts.create_user(s, username, "a long password", "Fasi").id


def _open_meeting(engine, user_id):
    me = FacilitatorActor(user_id)
    with db.transaction(engine) as s:
        w = workshops.create_workshop(s, me, "Teemaryhmä")
        m = meetings.plan_meeting(s, me, w.id, title="Alkuvalmennus")
        item = meetings.add_agenda_item(s, me, m.id, title="Ideat", activity_type="notes")
        opened = meetings.open_meeting(s, me, m.id)
        meetings.set_item_flags(s, me, item.id, contributions_open=True)
    return w.id, opened, item.id


def test_first_run_creates_the_first_facilitator(app_db):
    app = make_app().run()
    app.switch_page("pages/login.py").run()
    assert "Luo ensimmäinen fasilitaattorin tili" in texts(app)
    app.text_input(key="new_username").input("Eka")
    app.text_input(key="new_display_name").input("Eka Fasilitaattori")
    app.text_input(key="new_password").input("a long password")
    app.text_input(key="new_password2").input("a long passwordX")
    app.button[0].click().run()
    assert "Salasanat eivät täsmää." in texts(app)
    app.text_input(key="new_password2").input("a long password")
    app.button[0].click().run()
    assert not app.exception
    assert app.session_state["user_id"] > 0
    with db.transaction(app_db) as s:
        assert accounts.find_user(s, "eka").display_name == "Eka Fasilitaattori"


def test_login_wrong_password_then_right(app_db):
    _facilitator(app_db)
    app = make_app().run()
    app.switch_page("pages/login.py").run()
    app.text_input(key="login_username").input("fasi")
    app.text_input(key="login_password").input("wrong password")
    app.button[0].click().run()
    assert "Käyttäjätunnus tai salasana on väärin." in texts(app)
    assert "user_id" not in app.session_state
    app.text_input(key="login_password").input("a long password")
    app.button[0].click().run()
    assert app.session_state["user_id"] > 0
    app.switch_page("pages/workshops.py").run()
    assert "Työpajat" in texts(app)


def test_facilitator_creates_workshop_and_plans_meeting(app_db):
    user_id = _facilitator(app_db)
    app = make_app(user_id=user_id).run()
    app.text_input(key="create_workshop_name").input("Nuorten palvelupolut")
    app.text_input(key="create_workshop_theme").input("Nivelvaiheet")
    app.button(key="FormSubmitter:create_workshop-Tallenna").click().run()
    assert not app.exception
    assert "Työpaja Nuorten palvelupolut luotiin." in texts(app)
    app.switch_page("pages/plan.py").run()
    app.text_input(key="new_meeting_title").input("Alkuvalmennus")
    app.button(key="FormSubmitter:new_meeting-Tallenna").click().run()
    assert "Tapaaminen 1 lisättiin." in texts(app)
    meeting_id = app.session_state["meeting_id"]
    app.text_input(key=f"item_title_{meeting_id}").input("Kuvakortit")
    app.selectbox(key=f"item_type_{meeting_id}").set_value("picture_cards")
    app.number_input(key=f"item_minutes_{meeting_id}").set_value(200)
    app.button(key=f"FormSubmitter:add_item_{meeting_id}-Lisää ohjelmakohta").click().run()
    assert not app.exception
    assert "Lisättiin: Kuvakortit" in texts(app)
    assert "Ohjelmaa on 200 min, mutta tapaaminen kestää 180 min." in texts(app)
    app.switch_page("pages/console.py").run()
    app.button(key="open_meeting").click().run()
    assert not app.exception
    with db.transaction(app_db) as s:
        code = s.scalar(select(Meeting.join_code))
    assert code and f"Osallistumiskoodi: **{code}**" in texts(app)


def _chosen_workshop_heading(app) -> str:
    return app.subheader[0].value


def test_a_new_workshop_or_meeting_stays_chosen_through_later_reruns(app_db):
    """Streamlit keys a chooser's identity by its key, and the browser sends its own value
    back on every rerun. A choice the page makes (the record just created) must survive
    the next rerun the browser starts; before, it went back to the old record, so a
    facilitator saw the old workshop and would add the next meeting to it."""
    user_id = _facilitator(app_db)
    app = make_app(user_id=user_id).run()
    for form, name in (("create_workshop", "Ensimmäinen"), ("create_workshop_1", "Toinen"),
                       ("create_workshop_2", "Kolmas")):
        # Each saved filling of the form gets a new id (a double click cannot save twice).
        app.text_input(key=f"{form}_name").input(name)
        app.button(key=f"FormSubmitter:{form}-Tallenna").click().run()
        assert not app.exception, app.exception
        assert _chosen_workshop_heading(app) == name
        app.run()  # a rerun from the browser, carrying its widget values
        assert _chosen_workshop_heading(app) == name
    with db.transaction(app_db) as s:
        third = next(w for w in workshops.list_workshops(s, FacilitatorActor(user_id))
                     if w.name == "Kolmas")
    assert app.session_state["workshop_id"] == third.id

    app.switch_page("pages/plan.py").run()
    for form, title in (("new_meeting", "Alkuvalmennus"), ("new_meeting_1", "Asiakasymmärrys")):
        app.text_input(key=f"{form}_title").input(title)
        app.button(key=f"FormSubmitter:{form}-Tallenna").click().run()
        assert not app.exception, app.exception
        app.run()
        assert f" · {title} · " in app.header[0].value, app.header[0].value
    with db.transaction(app_db) as s:
        plan = meetings.list_meetings(s, FacilitatorActor(user_id), third.id)
    assert app.session_state["meeting_id"] == plan[-1].id


def test_projector_in_a_new_tab_follows_the_meeting_in_its_address(app_db):
    """A new browser tab is a new session: the projector link carries the meeting, the
    domain decides whether this facilitator may see it, and a workshop chooser is there when
    the facilitator runs several."""
    user_id = _facilitator(app_db)
    me = FacilitatorActor(user_id)
    with db.transaction(app_db) as s:
        # The newest workshop is listed first: the linked meeting is in the older one.
        older = workshops.create_workshop(s, me, "Ensimmäinen ryhmä")
        wanted = meetings.open_meeting(
            s, me, meetings.plan_meeting(s, me, older.id, title="Ensimmäisen tapaaminen").id)
        newer = workshops.create_workshop(s, me, "Toinen ryhmä")
        meetings.open_meeting(
            s, me, meetings.plan_meeting(s, me, newer.id, title="Toisen tapaaminen").id)
        stranger = FacilitatorActor(accounts.create_user(s, "muu", "a long password", "Muu").id)
        theirs = meetings.plan_meeting(
            s, stranger, workshops.create_workshop(s, stranger, "Vieras").id, title="Salainen")

    tab = make_app(user_id=user_id)
    tab.query_params["meeting"] = str(wanted.id)
    tab.run()
    tab.switch_page("pages/projector.py").run()
    assert not tab.exception, tab.exception
    assert tab.session_state["meeting_id"] == wanted.id
    assert tab.selectbox(key="pick_workshop_1").value == older.id
    assert f"`{wanted.join_code}`" in texts(tab)  # the projector shows its join code

    for address in (str(theirs.id), "²", "-1", "9" * 40, "<script>"):
        other = make_app(user_id=user_id)
        other.query_params["meeting"] = address
        other.run()
        other.switch_page("pages/projector.py").run()
        assert not other.exception, (address, other.exception)
        assert other.session_state["meeting_id"] != theirs.id
        assert "Salainen" not in texts(other)


def test_empty_workshop_name_gets_a_clear_message_and_keeps_input(app_db):
    user_id = _facilitator(app_db)
    app = make_app(user_id=user_id).run()
    app.text_input(key="create_workshop_theme").input("Teema jää talteen")
    app.button(key="FormSubmitter:create_workshop-Tallenna").click().run()
    assert "Työpajan nimi: kenttä on tyhjä." in texts(app)
    assert app.text_input(key="create_workshop_theme").value == "Teema jää talteen"


def test_join_with_wrong_then_right_code_and_contribute(app_db):
    user_id = _facilitator(app_db)
    _w, opened, item_id = _open_meeting(app_db, user_id)
    app = make_app().run()
    app.text_input(key="join_code").input("ZZZZZZ")
    app.text_input(key="join_name").input("Pia")
    app.radio(key="join_role").set_value("client_rep")
    app.button[0].click().run()
    assert "Koodilla ei löytynyt avointa tapaamista" in texts(app)
    assert app.text_input(key="join_name").value == "Pia"  # nothing typed is lost
    app.text_input(key="join_code").input(opened.join_code.lower())
    app.button[0].click().run()
    assert not app.exception, app.exception
    participant_id = app.session_state["participant_id"]
    assert app.query_params["p"]
    app.switch_page("pages/participate.py").run()  # AppTest keeps the page it last ran
    assert "Olet mukana: Pia" in texts(app)
    generation_key = f"new_note_{item_id}_0"
    app.text_area(key=generation_key).input("<script>alert(1)</script> **ei lihavointia**")
    app.button(key=f"FormSubmitter:note_form_{item_id}-Lähetä").click().run()
    assert not app.exception
    assert "Tallennettu. Kiitos!" in texts(app)
    with db.transaction(app_db) as s:
        stored = s.scalars(select(Note)).all()
    assert [n.text for n in stored] == ["<script>alert(1)</script> **ei lihavointia**"]
    assert stored[0].author_id == participant_id
    shown = texts(app)
    assert r"\<script\>alert\(1\)\</script\> \*\*ei lihavointia\*\*" in shown


def _joined_phone(engine, opened, name="Pia"):
    with db.transaction(engine) as s:
        joined = participants.join(s, s.get(Meeting, opened.id), display_name=name,
                                   role="client_rep", language="fi")
    app = make_app()
    app.query_params["p"] = joined.token
    return app.run()


def _send(app, item_id, text):
    try:
        generation = app.session_state["_note_generation"]
    except KeyError:
        generation = 0
    app.text_area(key=f"new_note_{item_id}_{generation}").input(text)
    app.button(key=f"FormSubmitter:note_form_{item_id}-Lähetä").click().run()
    assert not app.exception, app.exception


def test_a_sent_note_shows_as_own_with_an_empty_box_in_the_same_run(app_db):
    user_id = _facilitator(app_db)
    _w, opened, item_id = _open_meeting(app_db, user_id)
    app = _joined_phone(app_db, opened)
    _send(app, item_id, "Ensimmäinen ajatus")
    assert "Tallennettu. Kiitos!" in texts(app)
    assert "Ensimmäinen ajatus" in texts(app)  # among the reader's own notes
    assert app.text_area(key=f"new_note_{item_id}_1").value == ""
    _send(app, item_id, "Toinen ajatus")
    with db.transaction(app_db) as s:
        stored = sorted(s.scalars(select(Note.text)).all())
    assert stored == ["Ensimmäinen ajatus", "Toinen ajatus"]


def test_a_refused_note_keeps_its_text_and_says_why_by_the_form(app_db):
    user_id = _facilitator(app_db)
    _w, opened, item_id = _open_meeting(app_db, user_id)
    app = _joined_phone(app_db, opened)
    _send(app, item_id, "   ")  # empty
    assert any("tyhjä" in message.value for message in app.error), texts(app)
    assert "Tallennettu. Kiitos!" not in texts(app)
    # The facilitator closes the activity while the participant is still typing.
    with db.transaction(app_db) as s:
        meetings.set_item_flags(s, FacilitatorActor(user_id), item_id, contributions_open=False)
    _send(app, item_id, "Myöhässä mutta tärkeä")
    assert "Vastaaminen on suljettu" in app.error[0].value, texts(app)
    # The form is gone with the open activity; the unsent text stays readable, to copy.
    assert [code.value for code in app.code] == ["Myöhässä mutta tärkeä"]
    with db.transaction(app_db) as s:
        assert s.scalars(select(Note)).all() == []


def test_participant_restored_from_token_in_url(app_db):
    user_id = _facilitator(app_db)
    w_id, opened, item_id = _open_meeting(app_db, user_id)
    with db.transaction(app_db) as s:
        joined = participants.join(s, s.get(Meeting, opened.id), display_name="Pia",
                                   role="professional", language="en")
        notes.add_note(s, ParticipantActor(joined.participant.id), item_id, "my idea")
    app = make_app()
    app.query_params["p"] = joined.token
    app.run()
    assert not app.exception
    assert app.session_state["participant_id"] == joined.participant.id
    assert "You are: Pia" in texts(app)  # the language was remembered
    assert "my idea" in texts(app)


def test_bad_token_falls_back_to_start_page(app_db):
    app = make_app()
    app.query_params["p"] = "not-a-valid-token-at-all"
    app.run()
    assert "participant_id" not in app.session_state
    assert "Osallistujaa ei löytynyt" in texts(app)


def test_language_switch_is_remembered_for_facilitator(app_db):
    user_id = _facilitator(app_db)
    app = make_app(user_id=user_id).run()
    assert "Työpajat" in texts(app)
    app.button_group(key="language_choice").set_value("en").run()
    assert not app.exception
    assert "Workshops" in texts(app)
    with db.transaction(app_db) as s:
        assert accounts.get_user(s, user_id).language == "en"
    later = make_app(user_id=user_id, lang="en").run()  # a later login restores it
    assert "Workshops" in texts(later)


def test_plan_from_template_and_console_shows_the_guide(app_db):
    user_id = _facilitator(app_db)
    with db.transaction(app_db) as s:
        workshops.create_workshop(s, FacilitatorActor(user_id), "Teemaryhmä")
    app = make_app(user_id=user_id).run()
    app.switch_page("pages/plan.py").run()
    app.selectbox(key="template_key").set_value("paku_compact")
    app.button(key="FormSubmitter:from_template-Lisää tapaamiset").click().run()
    assert not app.exception
    assert "Lisättiin 6 tapaamista." in texts(app)
    with db.transaction(app_db) as s:
        first = s.scalar(select(Meeting).where(Meeting.number == 1))
        item_id = first.agenda[0].id
        meetings.set_current_item(s, FacilitatorActor(user_id), first.id, item_id)
        activity = first.agenda[0].activity_type
    app.switch_page("pages/console.py").run()
    assert not app.exception
    from workshop.content.methods import GUIDES
    from workshop.i18n import t
    guide = GUIDES[activity]
    assert t(guide.purpose, "fi") in texts(app)


def test_people_page_exports_and_erases_a_participant(app_db):
    user_id = _facilitator(app_db)
    _w, opened, item_id = _open_meeting(app_db, user_id)
    with db.transaction(app_db) as s:
        joined = participants.join(s, s.get(Meeting, opened.id), display_name="Pia",
                                   role="client_rep")
        notes.add_note(s, ParticipantActor(joined.participant.id), item_id, "jää talteen")
    app = make_app(user_id=user_id).run()
    app.switch_page("pages/people.py").run()
    assert not app.exception, app.exception
    pid = joined.participant.id
    app.radio(key=f"erase_{pid}").set_value("keep").run()
    app.button(key=f"erase_btn_{pid}").click().run()
    assert not app.exception
    app.run()
    assert "Osallistujia: 0" in texts(app)
    with db.transaction(app_db) as s:
        assert [n.text for n in s.scalars(select(Note))] == ["jää talteen"]
        assert participants.list_participants(s, FacilitatorActor(user_id), _w) == []
