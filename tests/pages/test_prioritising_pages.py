"""Pages of prioritising and Tuplatiimi with AppTest: a Tuplatiimi round moving from the
ideas step to the pairs step, and the facilitator's candidate page."""

from __future__ import annotations

from apptest_helpers import make_app, texts
from sqlalchemy import select

from workshop import (
    accounts,
    db,
    meetings,
    notes,
    participants,
    prioritising,
    tuplatiimi,
    workshops,
)
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.model_prioritising import Candidate, TtIdea
from workshop.models import Meeting

HOSTILE = "<script>alert(1)</script> **ei lihavoitu**"


def _meeting_with(engine, activity_type: str, title: str):
    with db.transaction(engine) as s:
        user = accounts.create_user(s, "fasi", "a long password", "Fasi")
        me = FacilitatorActor(user.id)
        w = workshops.create_workshop(s, me, "Teemaryhmä")
        m = meetings.plan_meeting(s, me, w.id, title="Ratkaisut")
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


def test_a_tuplatiimi_round_moves_from_ideas_to_pairs(app_db):
    me, _workshop_id, meeting_id, item_id = _meeting_with(app_db, "tuplatiimi", "Tuplatiimi")
    with db.transaction(app_db) as s:
        tuplatiimi.set_question(s, me, item_id, "Millä keinoin tieto kulkisi?")
        tuplatiimi.advance(s, me, item_id, "frame")
    pia, pia_token = _join(app_db, meeting_id, "Pia", "client_rep")
    _mikko, mikko_token = _join(app_db, meeting_id, "Mikko", "professional")
    app = _participant_app(pia_token)
    assert not app.exception, app.exception
    shown = texts(app)
    assert "Vaihe 2/7: Ideat yksin" in shown and "Millä keinoin tieto kulkisi?" in shown
    app.text_area(key=f"tt_idea_{item_id}_0").input(HOSTILE)
    app.button(key=f"FormSubmitter:tt_idea_form_{item_id}-Lisää idea").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        [idea] = s.scalars(select(TtIdea)).all()
    assert idea.text == HOSTILE and idea.author_id == pia.participant_id
    assert r"\<script\>alert\(1\)\</script\> \*\*ei lihavoitu\*\*" in texts(app)
    assert "Olet kirjoittanut 1/10 ideaa." in texts(app)
    # the partner-to-be and the projector do not see it while people write alone
    other = _participant_app(mikko_token)
    assert not other.exception, other.exception
    assert "alert" not in texts(other)
    projector = make_app(user_id=me.user_id).run()
    projector.switch_page("pages/projector.py").run()
    assert not projector.exception, projector.exception
    assert "alert" not in texts(projector)
    assert "Ideoita kirjoitettu: **1** (1 kirjoittajaa)" in texts(projector)
    # the facilitator moves the round on: pairs are formed of those present
    console = make_app(user_id=me.user_id).run()
    console.switch_page("pages/console.py").run()
    assert not console.exception, console.exception
    assert "Vaihe 2/7: Ideat yksin" in texts(console)
    console.button(key=f"tt_next_{item_id}_ideas").click().run()
    assert not console.exception, console.exception
    with db.transaction(app_db) as s:
        view = tuplatiimi.round_view(s, me, item_id)
    assert view.step == "pairs" and [len(p.members) for p in view.pairs] == [2]
    app.run()  # Pia's screen on its next refresh: the pair and the picking form
    assert not app.exception, app.exception
    assert "Vaihe 3/7: Parit valitsevat" in texts(app)
    assert "Olet ryhmässä 1" in texts(app)
    app.checkbox(key=f"tt_pick_{item_id}_{idea.id}_{idea.version}").check()
    app.button(key=f"FormSubmitter:tt_pick_form_{item_id}-Tallenna valinnat").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        picked = s.get(TtIdea, idea.id)
        assert picked.picked and picked.pair_id == view.pairs[0].id
    other.run()  # the partner now sees the pair's ideas, the pick marked
    assert not other.exception, other.exception
    assert r"\<script\>alert\(1\)\</script\>" in texts(other)


def test_the_candidate_page_collects_with_origins_and_shows_results_by_role(app_db):
    me, workshop_id, meeting_id, item_id = _meeting_with(app_db, "prioritising", "Valinta")
    voters = [_join(app_db, meeting_id, f"Asiakas {n}", "client_rep")[0] for n in range(3)]
    voters += [_join(app_db, meeting_id, f"Työ {n}", "professional")[0] for n in range(2)]
    with db.transaction(app_db) as s:
        notes_item = meetings.add_agenda_item(s, me, meeting_id, title="Muistiinpanot",
                                              activity_type="notes").id
        meetings.set_item_flags(s, me, notes_item, contributions_open=True)
        notes.add_note(s, voters[0], notes_item, "Tieto ei kulje palvelusta toiseen")
        first = prioritising.add_candidate(s, me, workshop_id, "Yhteinen asiakassuunnitelma",
                                           "solution")
        for voter in voters:
            prioritising.set_dots(s, voter, item_id, first.id, 2)
    app = make_app(user_id=me.user_id).run()
    app.switch_page("pages/candidates.py").run()
    assert not app.exception, app.exception
    assert "Yhteinen asiakassuunnitelma" in texts(app)
    # typed by hand: stored exactly, shown as text
    app.text_area(key="cand_text_0").input(HOSTILE)
    app.button(key="FormSubmitter:cand_add_form-Lisää listalle").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        assert HOSTILE in set(s.scalars(select(Candidate.text)))
    assert r"\<script\>alert\(1\)\</script\>" in texts(app)
    # collected from a note: the origin is kept and shown
    app.selectbox(key="cand_origin_type").set_value("note").run()
    app.button(key="cand_collect").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        collected = [c for c in prioritising.list_candidates(s, me, workshop_id) if c.origins]
    assert [c.text for c in collected] == ["Tieto ei kulje palvelusta toiseen"]
    assert "Tieto ei kulje palvelusta toiseen" in texts(app)
    assert "Alkuperä:" in texts(app)
    # results: clients shown, the two workers not
    shown = texts(app)
    assert "3 vastaajaa" in shown and "Alle 3 vastaajaa: ei näytetä." in shown
    assert "6 pistettä" in shown
    assert r"Työntekijät\: alle 3 vastaajaa, ei näytetä\." in shown  # the text alternative


def _screens(app_db, me, token):
    """The participant's screen, the console and the projector, run once each."""
    shown = []
    for page in ("participant", "pages/console.py", "pages/projector.py"):
        if page == "participant":
            app = _participant_app(token)
        else:
            app = make_app(user_id=me.user_id).run()
            app.switch_page(page).run()
        assert not app.exception, (page, app.exception)
        shown.append(texts(app))
    return shown


def test_every_activity_and_step_renders_for_participant_console_and_projector(app_db):
    from workshop import demo_prioritising, solutions, waste

    me, workshop_id, meeting_id, item_id = _meeting_with(app_db, "tuplatiimi", "Tuplatiimi")
    people = [_join(app_db, meeting_id, name, role) for name, role in (
        ("Pia", "client_rep"), ("Mikko", "professional"), ("Leena", "expert_by_experience"),
        ("Sanna", "ngo_parish"), ("Kalle", "other"))]
    token = people[0][1]
    with db.transaction(app_db) as s:
        tuplatiimi.set_question(s, me, item_id, "Millä keinoin?")
    for step in tuplatiimi.STEPS:
        with db.transaction(app_db) as s:
            current = tuplatiimi.round_view(s, me, item_id).step
            if current != step:
                tuplatiimi.advance(s, me, item_id, current)
            if step == "ideas":
                tuplatiimi.add_idea(s, people[0][0], item_id, "Yhteinen suunnitelma")
                tuplatiimi.add_idea(s, people[1][0], item_id, "Chat-palvelu")
            if step == "pairs":
                for who, _token in people[:2]:
                    for idea in tuplatiimi.round_view(s, who, item_id).ideas:
                        if idea.author.mine:
                            tuplatiimi.set_pick(s, who, item_id, idea.id, True)
            if step == "themes":
                tuplatiimi.add_theme(s, me, item_id, "Tieto kulkee")
        participant, console, projector = _screens(app_db, me, token)
        assert tuplatiimi.STEPS.index(step) < 7 or "Valmis" in console
    assert "Tieto kulkee" in projector
    # the same workshop's other activities, each in a meeting of its own
    for activity, title in (("prioritising", "Valinta"), ("waste_workshop", "Hukka"),
                            ("solution_steps", "Askeleet")):
        with db.transaction(app_db) as s:
            meeting = s.get(Meeting, meeting_id)
            new_item = meetings.add_agenda_item(s, me, meeting.id, title=title,
                                                activity_type=activity).id
            meetings.set_item_flags(s, me, new_item, contributions_open=True)
            meetings.set_current_item(s, me, meeting.id, new_item)
            if activity == "solution_steps":
                made = solutions.create_solution(s, me, workshop_id, "Yhteinen suunnitelma")
                solutions.focus(s, me, new_item, made.id)
            if activity == "waste_workshop":
                waste.add_waste(s, people[0][0], new_item, "waiting", "Odotus")
        _screens(app_db, me, token)
        if activity == "prioritising":
            for method in ("matrix", "ranking"):
                with db.transaction(app_db) as s:
                    prioritising.configure(s, me, new_item, method=method)
                _screens(app_db, me, token)
        if activity == "waste_workshop":
            with db.transaction(app_db) as s:
                waste.set_stage(s, me, new_item, "voting")
                meetings.set_item_flags(s, me, new_item, contributions_open=False)
            _participant, console, projector = _screens(app_db, me, token)
            assert "Odotus" in console
    # the demo's finished round shows on the candidate page too
    with db.transaction(app_db) as s:
        extra = meetings.add_agenda_item(s, me, meeting_id, title="Demo",
                                         activity_type="tuplatiimi").id
        demo_prioritising.seed_tuplatiimi_round(s, me, workshop_id, meeting_id, extra,
                                                [p for p, _t in people])
    page = make_app(user_id=me.user_id).run()
    page.switch_page("pages/candidates.py").run()
    assert not page.exception, page.exception
    assert "Tuplatiimin teema" in texts(page)
