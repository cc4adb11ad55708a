"""Persona pages with AppTest: a group writes a persona, the console shows it, a stale save
keeps the text, and the facilitator's gallery marks the agreed version."""

from __future__ import annotations

from apptest_helpers import make_app, texts
from sqlalchemy import select

from workshop import accounts, db, groups, meetings, participants, personas, workshops
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.model_personas import Persona
from workshop.models import Meeting

ROLES = ("client_rep", "professional", "ngo_parish")


def _setup(engine):
    """A facilitator, an open persona meeting and three participants in one mixed group."""
    with db.transaction(engine) as s:
        user_id = accounts.create_user(s, "fasi", "a long password", "Fasi").id
        me = FacilitatorActor(user_id)
        w = workshops.create_workshop(s, me, "Teemaryhmä")
        m = meetings.plan_meeting(s, me, w.id, title="Asiakasymmärrys", phase="personas")
        item = meetings.add_agenda_item(s, me, m.id, title="Persoonat pienryhmissä",
                                        activity_type="personas")
        meetings.open_meeting(s, me, m.id)
        meetings.set_item_flags(s, me, item.id, contributions_open=True)
        meeting = s.get(Meeting, m.id)
        joined = [participants.join(s, meeting, display_name=f"Osallistuja{i}", role=role)
                  for i, role in enumerate(ROLES)]
        groups.form_groups(s, me, item.id, size=4, seed=1)
    return user_id, w.id, item.id, joined


def _participant_app(joined):
    app = make_app()
    app.query_params["p"] = joined.token
    return app.run()


def test_participant_writes_a_persona_with_value_triad_and_console_shows_it(app_db):
    user_id, _w, item_id, joined = _setup(app_db)
    app = _participant_app(joined[0])
    assert not app.exception, app.exception
    assert "Olet ryhmässä 1" in texts(app)
    prefix = f"pn_{item_id}_0"
    app.text_input(key=f"{prefix}_name").input("Tiina <script>")
    app.selectbox(key=f"{prefix}_age_group").set_value("35_44")
    app.text_area(key=f"{prefix}_life_situation").input("Yksinhuoltaja, työ loppui.")
    app.text_area(key=f"{prefix}_change_wanted").input("Talous tasapainoon.")
    app.text_area(key=f"{prefix}_value_functional").input("Vuokra maksussa.")
    app.text_area(key=f"{prefix}_value_social").input("Vertaisryhmä löytyy.")
    app.text_area(key=f"{prefix}_value_emotional").input("Huoli helpottaa. 🌱")
    app.button(key=f"FormSubmitter:persona_new_{item_id}-Tallenna persoona").click().run()
    assert not app.exception, app.exception
    assert "Persoona tallennettu. Kiitos!" in texts(app)
    with db.transaction(app_db) as s:
        [stored] = s.scalars(select(Persona)).all()
        assert (stored.name, stored.age_group) == ("Tiina <script>", "35_44")
        assert (stored.value_functional, stored.value_social, stored.value_emotional) == (
            "Vuokra maksussa.", "Vertaisryhmä löytyy.", "Huoli helpottaa. 🌱")
        assert stored.author_id == joined[0].participant.id and stored.group_id is not None
    # The new persona opens in the group's edit form; the empty form is fresh.
    assert app.text_input(key=f"pe_{stored.id}_name").value == "Tiina <script>"
    assert app.text_input(key=f"pn_{item_id}_1_name").value == ""

    console = make_app(user_id=user_id).run()
    console.switch_page("pages/console.py").run()
    assert not console.exception, console.exception
    shown = texts(console)
    assert r"Tiina \<script\>" in shown
    assert "Ryhmä 1" in shown and "Vuokra maksussa\\." in shown


def test_console_asks_before_new_groups_replace_groups_that_wrote(app_db):
    user_id, _w, item_id, joined = _setup(app_db)
    with db.transaction(app_db) as s:
        writer = ParticipantActor(joined[0].participant.id)
        personas.add_persona(s, writer, item_id, name="Jari")
    console = make_app(user_id=user_id).run()
    console.switch_page("pages/console.py").run()
    assert not console.exception, console.exception
    assert "Nykyisissä ryhmissä on kirjoitettu 1 tuotosta." in texts(console)
    [reform] = [b for b in console.button if b.key.startswith(f"form_groups_{item_id}_")]
    assert reform.disabled
    console.checkbox(key=f"reform_ok_{item_id}").check().run()
    pressed = reform.key
    console.button(key=pressed).click().run()
    assert not console.exception, console.exception
    with db.transaction(app_db) as s:
        assert groups.written_in_groups(s, FacilitatorActor(user_id), item_id).total == 0
        assert s.scalars(select(Persona.name)).all() == ["Jari"]  # kept, without its group
        assert len(groups.groups_for_item(s, FacilitatorActor(user_id), item_id)) == 1
    assert pressed not in {b.key for b in console.button}  # a replayed press finds nothing


def test_stale_save_shows_the_finnish_message_and_keeps_the_text(app_db):
    _user_id, _w, item_id, joined = _setup(app_db)
    writer, mate = (ParticipantActor(j.participant.id) for j in joined[:2])
    with db.transaction(app_db) as s:
        pid, _ = personas.add_persona(s, writer, item_id, name="Markku", needs="alku")
    app = _participant_app(joined[0])
    assert not app.exception, app.exception
    assert app.text_area(key=f"pe_{pid}_needs").value == "alku"
    with db.transaction(app_db) as s:  # a group mate saves first
        personas.edit_persona(s, mate, pid, 1, needs="toisen tallentama")
    app.text_area(key=f"pe_{pid}_needs").input("minun tekstini")
    app.button(key=f"FormSubmitter:persona_edit_{pid}-Tallenna muutokset").click().run()
    assert not app.exception, app.exception
    shown = texts(app)
    assert "Joku muu muutti tätä juuri. Tekstisi on tallessa lomakkeella" in shown
    assert "toisen tallentama" in shown  # the newest version is shown next to the form
    assert app.text_area(key=f"pe_{pid}_needs").value == "minun tekstini"
    with db.transaction(app_db) as s:
        assert s.get(Persona, pid).needs == "toisen tallentama"
    # Having seen the newest version, the next save goes through.
    app.button(key=f"FormSubmitter:persona_edit_{pid}-Tallenna muutokset").click().run()
    assert not app.exception, app.exception
    assert "Muutokset tallennettu (versio 3)." in texts(app)
    with db.transaction(app_db) as s:
        assert s.get(Persona, pid).needs == "minun tekstini"
        assert [v.number for v in personas.versions(s, mate, pid)] == [1, 2, 3]


def test_too_long_text_is_refused_with_a_message_and_kept(app_db):
    _user_id, _w, item_id, joined = _setup(app_db)
    app = _participant_app(joined[1])
    prefix = f"pn_{item_id}_0"
    app.text_input(key=f"{prefix}_name").input("   ")
    app.text_area(key=f"{prefix}_needs").input("jää talteen")
    app.button(key=f"FormSubmitter:persona_new_{item_id}-Tallenna persoona").click().run()
    assert "Persoonan nimi: kenttä on tyhjä." in texts(app)
    assert app.text_area(key=f"{prefix}_needs").value == "jää talteen"
    with db.transaction(app_db) as s:
        assert s.scalars(select(Persona)).all() == []


def test_gallery_marks_agreed_version_and_projector_shows_roles_only(app_db):
    user_id, _w, item_id, joined = _setup(app_db)
    writer = ParticipantActor(joined[0].participant.id)
    with db.transaction(app_db) as s:
        pid, _ = personas.add_persona(s, writer, item_id, name="Markku", needs="eka")
        personas.edit_persona(s, writer, pid, 1, needs="toka")
    app = make_app(user_id=user_id).run()
    app.switch_page("pages/personas.py").run()
    assert not app.exception, app.exception
    assert "Persoonagalleria" in texts(app) and "Markku" in texts(app)
    app.button(key=f"agree_{pid}_1").click().run()
    assert not app.exception, app.exception
    assert "Versio 1 on nyt sovittu versio." in texts(app)
    with db.transaction(app_db) as s:
        assert personas.get_persona(s, FacilitatorActor(user_id), pid).agreed_version == 1
    app.text_area(key=f"summary_{pid}").input("Kommenteissa toivottiin läheisiä mukaan.")
    app.button(key=f"FormSubmitter:summary_form_{pid}-Tallenna").click().run()
    assert "Tiivistelmä tallennettu." in texts(app)
    app.toggle(key="persona_projector").set_value(True).run()
    assert not app.exception, app.exception
    shown = texts(app)
    assert "## Markku" in shown and "Kehittäjäasiakas" in shown and "Tiivistelmä" in shown
    assert "Osallistuja0" not in shown  # roles, never names, on the projector


def test_next_meeting_comment_round_reacts_comments_and_projector(app_db):
    user_id, workshop_id, item_id, joined = _setup(app_db)
    me = FacilitatorActor(user_id)
    writer = ParticipantActor(joined[0].participant.id)
    with db.transaction(app_db) as s:
        pid, _ = personas.add_persona(s, writer, item_id, name="Markku",
                                      value_social="Puutyöpajan porukka")
        first = s.scalar(select(Meeting.id))
        meetings.close_meeting(s, me, first)
        later = meetings.plan_meeting(s, me, workshop_id, title="Palvelupolut", phase="paths")
        round_item = meetings.add_agenda_item(s, me, later.id, title="Kommentit persoonista",
                                              activity_type="personas")
        meetings.open_meeting(s, me, later.id)
        meetings.set_item_flags(s, me, round_item.id, contributions_open=True)
    app = _participant_app(joined[2])
    assert not app.exception, app.exception
    shown = texts(app)
    assert "Edellisten tapaamisten persoonat" in shown and "Puutyöpajan porukka" in shown
    assert "Odota hetki" not in shown  # no writing part in a pure comment round
    app.button(key=f"react_{pid}_agree").click().run()
    app.button(key=f"react_{pid}_agree").click().run()  # the same reaction again: no change
    app.text_area(key=f"persona_comment_text_{pid}_0").input("Entä läheiset? <b>x</b>")
    app.button(key=f"FormSubmitter:persona_comment_{pid}-Lähetä kommentti").click().run()
    assert not app.exception, app.exception
    assert "Kommentti tallennettu." in texts(app)
    assert r"Entä läheiset? \<b\>x\</b\>" in texts(app)
    with db.transaction(app_db) as s:
        view = personas.get_persona(s, me, pid)
        assert view.reactions == {"agree": 1} and view.comment_count == 1
    projector = make_app(user_id=user_id).run()
    projector.switch_page("pages/projector.py").run()
    assert not projector.exception, projector.exception
    assert "## Markku" in texts(projector) and "👍 1" in texts(projector)
    assert "Osallistuja" not in texts(projector)


def test_after_a_stale_save_the_newest_version_can_be_loaded_into_the_form(app_db):
    _user_id, _w, item_id, joined = _setup(app_db)
    writer, mate = (ParticipantActor(j.participant.id) for j in joined[:2])
    with db.transaction(app_db) as s:
        pid, _ = personas.add_persona(s, writer, item_id, name="Markku", needs="alku")
    app = _participant_app(joined[0])
    with db.transaction(app_db) as s:
        personas.edit_persona(s, mate, pid, 1, name="Markku M.", needs="toisen tallentama")
    app.text_area(key=f"pe_{pid}_needs").input("minun tekstini")
    app.button(key=f"FormSubmitter:persona_edit_{pid}-Tallenna muutokset").click().run()
    app.button(key=f"take_newest_{pid}").click().run()
    assert not app.exception, app.exception
    assert app.text_area(key=f"pe_{pid}_needs").value == "toisen tallentama"
    assert app.text_input(key=f"pe_{pid}_name").value == "Markku M."
    app.button(key=f"withdraw_persona_{pid}").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        assert s.get(Persona, pid).withdrawn
