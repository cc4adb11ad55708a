"""Service paths and causal maps through the pages (AppTest): the facilitator's editors and
the live activities of participants."""

from __future__ import annotations

from apptest_helpers import make_app, texts
from sqlalchemy import select

from workshop import accounts, causal_maps, db, meetings, participants, paths, workshops
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.analysis.causal import weight_from
from workshop.model_maps import MapFactor, MapLink
from workshop.model_paths import PathStep, ServicePath
from workshop.models import Meeting
from workshop.paths import StepInput


def _workshop(engine) -> tuple[int, int]:
    with db.transaction(engine) as s:
        user = accounts.create_user(s, "fasi", "a long password", "Fasi")
        w = workshops.create_workshop(s, FacilitatorActor(user.id), "Teemaryhmä")
    return user.id, w.id


def _add_step(app, path_id: int, generation: int, what: str, actor: str, *,
              critical_note: str | None = None) -> None:
    prefix = f"new_step_{path_id}_{generation}"
    app.text_area(key=f"{prefix}_what").input(what)
    app.text_input(key=f"{prefix}_actor").input(actor)
    app.select_slider(key=f"{prefix}_experience").set_value(-2 if critical_note else 1)
    if critical_note:
        app.checkbox(key=f"{prefix}_critical").check()
        app.text_input(key=f"{prefix}_note").input(critical_note)
    # Each saved filling of a form gets a new id (a double click cannot save twice).
    form = f"add_step_{path_id}" + (f"_{generation}" if generation else "")
    app.button(key=f"FormSubmitter:{form}-Lisää vaihe").click().run()
    assert not app.exception, app.exception
    assert "Vaihe lisättiin." in texts(app)


def test_path_to_map_to_loop(app_db):
    user_id, workshop_id = _workshop(app_db)
    app = make_app(user_id=user_id, workshop_id=workshop_id).run()
    app.switch_page("pages/paths.py").run()
    assert not app.exception, app.exception
    assert "Polkuja ei ole vielä" in texts(app)
    app.text_input(key="new_path_title").input("Sarin polku")
    app.button(key=f"FormSubmitter:new_path_{workshop_id}-Aloita polku").click().run()
    assert "Polku Sarin polku aloitettiin." in texts(app)
    with db.transaction(app_db) as s:
        path_id = s.scalar(select(ServicePath.id))
    _add_step(app, path_id, 0, "Hakemus verkossa", "TE-palvelut")
    _add_step(app, path_id, 1, "Puhelu Kelaan", "Kela", critical_note="Pitkä odotus")
    _add_step(app, path_id, 2, "Vertaisryhmä", "Järjestö")
    with db.transaction(app_db) as s:
        steps = s.scalars(select(PathStep).order_by(PathStep.position)).all()
        assert [(x.what, x.critical) for x in steps] == [
            ("Hakemus verkossa", False), ("Puhelu Kelaan", True), ("Vertaisryhmä", False)]
    shown = texts(app)
    assert "Vaiheet (3)" in shown and "⚠ Kriittinen kohta" in shown
    # keyboard-usable reordering: the up button of the last step
    app.button(key=f"up_{steps[2].id}_3").click().run()
    with db.transaction(app_db) as s:
        assert [x.what for x in paths.get_path(s, FacilitatorActor(user_id), path_id).steps] \
            == ["Hakemus verkossa", "Vertaisryhmä", "Puhelu Kelaan"]

    app.switch_page("pages/causal_map.py").run()
    assert not app.exception, app.exception
    app.text_input(key="new_map_title").input("Purku")
    app.multiselect(key="new_map_paths").select(path_id)
    app.button(key="FormSubmitter:new_map-Luo kartta").click().run()
    assert not app.exception, app.exception
    assert "Kartta Purku luotiin." in texts(app)
    with db.transaction(app_db) as s:
        factor = s.scalars(select(MapFactor)).one()
        assert (factor.label, factor.step_id) == ("Pitkä odotus", steps[1].id)
    map_id = factor.map_id
    app.text_input(key=f"factor_label_{map_id}_0").input("Uupumus")
    app.selectbox(key=f"factor_kind_{map_id}").set_value("effect")
    app.button(key=f"FormSubmitter:add_factor_{map_id}-Lisää tekijä").click().run()
    assert "Tekijä lisättiin." in texts(app)
    with db.transaction(app_db) as s:
        ids = {f.label: f.id for f in s.scalars(select(MapFactor))}
    for form, source, target, polarity in (
            (f"add_link_{map_id}", "Pitkä odotus", "Uupumus", 1),
            (f"add_link_{map_id}_1", "Uupumus", "Pitkä odotus", -1)):
        app.selectbox(key=f"link_source_{map_id}").set_value(ids[source])
        app.selectbox(key=f"link_target_{map_id}").set_value(ids[target])
        app.radio(key=f"link_polarity_{map_id}").set_value(polarity)
        app.button(key=f"FormSubmitter:{form}-Lisää yhteys").click().run()
        assert not app.exception, app.exception
        assert "Yhteys lisättiin." in texts(app)
    with db.transaction(app_db) as s:
        assert len(s.scalars(select(MapLink)).all()) == 2
    shown = texts(app)
    assert "Takaisinkytkennät (1)" in shown
    assert "B – tasapainottava: Pitkä odotus → Uupumus → Pitkä odotus" in shown
    # the same link again is refused with a clear message, nothing stored
    app.selectbox(key=f"link_source_{map_id}").set_value(ids["Uupumus"])
    app.selectbox(key=f"link_target_{map_id}").set_value(ids["Pitkä odotus"])
    app.button(key=f"FormSubmitter:add_link_{map_id}_2-Lisää yhteys").click().run()
    assert "Yhteys Uupumus → Pitkä odotus on jo olemassa." in texts(app)
    # highlight the loop and run a scenario
    app.selectbox(key=f"highlight_{map_id}").set_value(0).run()
    assert not app.exception, app.exception
    app.multiselect(key=f"scenario_up_{map_id}").select(ids["Uupumus"])
    app.button(key=f"FormSubmitter:scenario_{map_id}-Laske skenaario").click().run()
    assert not app.exception, app.exception
    assert "Laskee: Pitkä odotus" in texts(app)


def test_hostile_text_is_shown_as_text_on_the_path_page(app_db):
    user_id, workshop_id = _workshop(app_db)
    me = FacilitatorActor(user_id)
    with db.transaction(app_db) as s:
        path = paths.create_path(s, me, workshop_id, "Polku")
        paths.add_step(s, me, path.id, StepInput("<script>alert(1)</script> **lihava**",
                                                 critical=True, critical_note="[linkki](x)"))
    app = make_app(user_id=user_id, workshop_id=workshop_id).run()
    app.switch_page("pages/paths.py").run()
    assert not app.exception, app.exception
    shown = texts(app)
    assert r"\<script\>alert\(1\)\</script\> \*\*lihava\*\*" in shown
    assert r"\[linkki\]\(x\)" in shown


def _meeting_with(engine, user_id, workshop_id, activity_type):
    me = FacilitatorActor(user_id)
    with db.transaction(engine) as s:
        m = meetings.plan_meeting(s, me, workshop_id, title="Purku", phase="causal")
        item = meetings.add_agenda_item(s, me, m.id, title="Työskentely",
                                        activity_type=activity_type)
        meetings.open_meeting(s, me, m.id)
        meetings.set_item_flags(s, me, item.id, contributions_open=True)
        joined = participants.join(s, s.get(Meeting, m.id), display_name="Pia",
                                   role="client_rep")
    return m.id, item.id, joined


def test_participant_writes_a_step_in_the_live_activity(app_db):
    user_id, workshop_id = _workshop(app_db)
    meeting_id, item_id, joined = _meeting_with(app_db, user_id, workshop_id, "service_path")
    with db.transaction(app_db) as s:
        path = paths.create_path(s, FacilitatorActor(user_id), workshop_id, "Ryhmän polku")
    app = make_app()
    app.query_params["p"] = joined.token
    app.run()
    assert not app.exception, app.exception
    assert app.selectbox[0].options == ["Ryhmän polku (nykytila)"]
    app.text_area(key=f"new_step_{path.id}_0_what").input("Soitto Kelaan")
    app.button(key=f"FormSubmitter:add_step_{path.id}-Lisää vaihe").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        step = s.scalars(select(PathStep)).one()
        assert (step.what, step.author_id, step.agenda_item_id) == \
            ("Soitto Kelaan", joined.participant.id, item_id)
    # the facilitator's console shows the path live
    console = make_app(user_id=user_id, workshop_id=workshop_id, meeting_id=meeting_id).run()
    console.switch_page("pages/console.py").run()
    assert not console.exception, console.exception
    assert "Polkuja 1, vaiheita 1, kriittisiä kohtia 0" in texts(console)


def test_participant_proposes_factor_and_link_to_the_activity_map(app_db):
    user_id, workshop_id = _workshop(app_db)
    meeting_id, item_id, joined = _meeting_with(app_db, user_id, workshop_id, "causal_map")
    app = make_app()
    app.query_params["p"] = joined.token
    app.run()
    assert "Fasilitaattori ei ole vielä avannut karttaa." in texts(app)
    me = FacilitatorActor(user_id)
    with db.transaction(app_db) as s:
        cmap = causal_maps.create_map(s, me, workshop_id, "Kartta")
        jono = causal_maps.add_factor(s, me, cmap.id, "Jono")
    app.run()
    assert not app.exception, app.exception
    app.text_input(key=f"factor_label_{cmap.id}_0").input("Uupumus")
    app.button(key=f"FormSubmitter:add_factor_{cmap.id}-Ehdota tekijää").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        uupumus = s.scalar(select(MapFactor).where(MapFactor.label == "Uupumus"))
        assert uupumus.author_id == joined.participant.id
    app.selectbox(key=f"link_source_{cmap.id}").set_value(jono.id)
    app.selectbox(key=f"link_target_{cmap.id}").set_value(uupumus.id)
    app.button(key=f"FormSubmitter:add_link_{cmap.id}-Ehdota yhteyttä").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        view = causal_maps.get_map(s, ParticipantActor(joined.participant.id), cmap.id)
    assert [(ln.source_id, ln.target_id, ln.weight) for ln in view.links] == [
        (jono.id, uupumus.id, weight_from(1, "medium"))]
    console = make_app(user_id=user_id, workshop_id=workshop_id, meeting_id=meeting_id).run()
    console.switch_page("pages/console.py").run()
    assert not console.exception, console.exception
    shown = texts(console)
    assert "Tekijöitä 2, yhteyksiä 1" in shown and "**Uupumus**" in shown


def test_pages_show_the_demo_paths_and_map(app_db):
    from workshop import demo

    with db.transaction(app_db) as s:
        info = demo.seed_demo(s, "demo password 1")
        user = accounts.find_user(s, info.username)
        [demo_map] = causal_maps.list_maps(s, FacilitatorActor(user.id), info.workshop_id)
    app = make_app(user_id=user.id, workshop_id=info.workshop_id, map_id=demo_map.id).run()
    app.switch_page("pages/paths.py").run()
    assert not app.exception, app.exception
    assert "Vaiheet (5)" in texts(app)
    app.switch_page("pages/causal_map.py").run()
    assert not app.exception, app.exception
    shown = texts(app)
    assert "R – vahvistava" in shown and "B – tasapainottava" in shown
    assert "Vipuvarret: mihin kannattaa tarttua" in shown
