"""The waste workshop (categories, listing, dot voting, picking one to work on) and solution
development in four steps (status, owner, versioned notes per step, origins)."""

from __future__ import annotations

import pytest
from builders import join, world
from sqlalchemy import select

from workshop import meetings, prioritising, solutions, tuplatiimi, waste
from workshop.content.methods import SOLUTION_STEPS, WASTE_CATEGORIES
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.i18n import t

HOSTILE = "<script>document.cookie</script> # otsikko | taulu | 😀 \u202eRTL"


def _item(session, w, activity, title):
    item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title=title,
                                    activity_type=activity)
    meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    return item.id


# --- waste ------------------------------------------------------------------------------------

def test_the_eight_categories_are_explained_in_both_languages():
    assert waste.CATEGORIES == ("defects", "overproduction", "waiting", "unused_skills",
                                "transfers", "inventory", "motion", "over_processing")
    for category in WASTE_CATEGORIES:
        for lang in ("fi", "en"):
            assert t(category.name_key, lang) and len(t(category.explanation_key, lang)) > 40


def test_waste_items_with_standard_and_free_categories(session):
    w = world(session)
    item_id = _item(session, w, "waste_workshop", "Hukka")
    person = join(session, w)
    first, created = waste.add_waste(session, person, item_id, "transfers", HOSTILE,
                                     where_in_path="Lähete", client_key="hukka-0001")
    assert created
    assert waste.add_waste(session, person, item_id, "transfers", HOSTILE,
                           client_key="hukka-0001") == (first, False)
    own, _ = waste.add_waste(session, person, item_id, waste.FREE, "Tieto ei kulje",
                             free_category="Tietokatkos")
    with pytest.raises(InvalidInput) as nameless:
        waste.add_waste(session, person, item_id, waste.FREE, "Ilman nimeä")
    assert nameless.value.key == "error.text.required"
    with pytest.raises(InvalidInput) as unknown:
        waste.add_waste(session, person, item_id, "laziness", "Ei luokka")
    assert unknown.value.key == "error.choice"
    with pytest.raises(InvalidInput) as two_lines:
        waste.add_waste(session, person, item_id, "waiting", "x", where_in_path="a\nb")
    assert two_lines.value.key == "error.text.one_line"
    board = waste.board(session, join(session, w, "Toinen"), item_id)
    shown = {v.id: v for v in board.items}
    assert shown[first].text == HOSTILE.strip() and shown[first].where_in_path == "Lähete"
    assert (shown[own].category, shown[own].free_category) == ("free", "Tietokatkos")
    assert board.stage == "listing"
    version = waste.edit_waste(session, person, own, 1, "free", "Tieto ei kulje palvelusta",
                               free_category="Tietokatkos")
    with pytest.raises(StaleEdit):
        waste.edit_waste(session, person, own, version - 1, "waiting", "vanha")
    listed = waste.workshop_waste(session, w.facilitator, w.workshop_id)
    assert [x.category for x in listed] == ["transfers", "free"]  # in checklist order


def test_waste_voting_by_role_and_picking_one_to_work_on(session):
    w = world(session)
    item_id = _item(session, w, "waste_workshop", "Hukka")
    clients = [join(session, w, f"A{n}", "client_rep") for n in range(3)]
    workers = [join(session, w, f"T{n}", "professional") for n in range(2)]
    double, _ = waste.add_waste(session, clients[0], item_id, "over_processing",
                                "Sama asia kirjataan kahteen järjestelmään")
    wait, _ = waste.add_waste(session, workers[0], item_id, "waiting", "Päätöstä odotetaan")
    with pytest.raises(InvalidInput) as listing:
        waste.set_dots(session, clients[0], item_id, double, 1)
    assert listing.value.key == "error.waste.not_voting"
    waste.set_stage(session, w.facilitator, item_id, "voting")
    with pytest.raises(InvalidInput) as over:
        waste.add_waste(session, clients[1], item_id, "waiting", "Myöhässä")
    assert over.value.key == "error.waste.listing_over"
    waste.configure_dots(session, w.facilitator, item_id, 2, 2)
    for person in clients:
        assert waste.set_dots(session, person, item_id, double, 2) == 0
    for person in workers:
        waste.set_dots(session, person, item_id, wait, 1)
    with pytest.raises(InvalidInput) as spent:
        waste.set_dots(session, clients[0], item_id, wait, 1)
    assert spent.value.key == "error.prio.no_dots_left"
    assert waste.board(session, clients[0], item_id).dots_left == 0
    result = waste.results(session, w.facilitator, item_id)
    assert [g.group for g in result.groups if g.shown] == ["client"]  # two workers: hidden
    assert {r.waste_id: r.points for r in result.rows} == {double: {"client": 6},
                                                           wait: {"client": 0}}
    # hiding gives the dots back
    waste.hide_waste(session, w.facilitator, double)
    assert waste.board(session, clients[0], item_id).dots_left == 2
    waste.hide_waste(session, w.facilitator, double, False)
    picked = waste.pick(session, w.facilitator, double)
    assert picked.text == "Sama asia kirjataan kahteen järjestelmään"
    assert [(o.record_type, o.record_id) for o in picked.origins] == [("waste_item", double)]
    assert waste.pick(session, w.facilitator, double).id == picked.id  # once only
    assert waste.board(session, w.facilitator, item_id).items[0].candidate_id == picked.id
    other = world(session, "toinen")
    with pytest.raises(NotFound):
        waste.pick(session, other.facilitator, wait)
    with pytest.raises(NotFound):
        waste.pick(session, clients[0], wait)
    with pytest.raises(NotFound):
        waste.results(session, other.facilitator, item_id)


# --- solutions --------------------------------------------------------------------------------

def test_a_solution_from_a_candidate_moves_through_the_four_steps(session):
    w = world(session)
    assert solutions.STEPS == tuple(s.key for s in SOLUTION_STEPS) == (
        "ideation", "choosing", "testing_with_clients", "testing_solution")
    candidate = prioritising.add_candidate(session, w.facilitator, w.workshop_id,
                                           "Yhteistapaamiset kuraattorin kanssa", "solution")
    made = solutions.from_candidate(session, w.facilitator, candidate.id)
    assert (made.title, made.step, made.status, made.step_number) == (
        "Yhteistapaamiset kuraattorin kanssa", "ideation", "active", 1)
    assert [(o.record_type, o.record_id) for o in made.origins] == [("candidate", candidate.id)]
    assert solutions.from_candidate(session, w.facilitator, candidate.id).id == made.id
    assert set(made.notes) == set(solutions.STEPS)
    assert all(n.version == 0 and n.text == "" for n in made.notes.values())
    updated = solutions.update_solution(
        session, w.facilitator, made.id, made.version, title=made.title,
        description="Kuraattori ja sosiaalityöntekijä tapaavat asiakkaan yhdessä",
        owner="Opiskeluhuolto, Nokia", status="active", step="testing_with_clients")
    assert (updated.owner, updated.step_number) == ("Opiskeluhuolto, Nokia", 3)
    with pytest.raises(StaleEdit):
        solutions.update_solution(session, w.facilitator, made.id, made.version,
                                  title="Vanha", description="", owner="", status="paused",
                                  step="ideation")
    with pytest.raises(InvalidInput):
        solutions.update_solution(session, w.facilitator, made.id, updated.version,
                                  title="x", description="", owner="", status="forgotten",
                                  step="ideation")
    # notes per step: versioned, a stale edit refused, saving the same text changes nothing
    first = solutions.write_step_note(session, w.facilitator, made.id, "testing_with_clients",
                                      0, "Haastateltiin asiakas ja huoltaja.")
    assert first == 1
    with pytest.raises(StaleEdit):
        solutions.write_step_note(session, w.facilitator, made.id, "testing_with_clients", 0,
                                  "Toinen kirjoitti samaan aikaan")
    second = solutions.write_step_note(session, w.facilitator, made.id,
                                       "testing_with_clients", first, HOSTILE)
    assert second == 2
    assert solutions.write_step_note(session, w.facilitator, made.id, "testing_with_clients",
                                     1, HOSTILE) == 2
    with pytest.raises(StaleEdit):
        solutions.write_step_note(session, w.facilitator, made.id, "testing_with_clients", 1,
                                  "vanhasta versiosta")
    note = solutions.get_solution(session, w.facilitator, made.id).notes["testing_with_clients"]
    assert (note.text, note.version) == (HOSTILE.strip(), 2)
    with pytest.raises(InvalidInput):
        solutions.write_step_note(session, w.facilitator, made.id, "deploy", 0, "x")
    other = world(session, "toinen")
    with pytest.raises(NotFound):
        solutions.get_solution(session, other.facilitator, made.id)
    with pytest.raises(NotFound):
        solutions.from_candidate(session, other.facilitator, candidate.id)
    solutions.set_aside(session, w.facilitator, made.id)
    assert solutions.list_solutions(session, w.facilitator, w.workshop_id) == []


def test_a_solution_from_a_tuplatiimi_theme_and_comments_in_a_meeting(session):
    w = world(session)
    tt = _item(session, w, "tuplatiimi", "Ideointi")
    tuplatiimi.set_question(session, w.facilitator, tt, "Millä keinoin?")
    for step in ("frame", "ideas", "pairs", "present", "marks"):
        tuplatiimi.advance(session, w.facilitator, tt, step)
    theme_id = tuplatiimi.add_theme(session, w.facilitator, tt, "Yhteinen kirjaaminen")
    theme = tuplatiimi.round_view(session, w.facilitator, tt).themes[0]
    tuplatiimi.set_plan(session, w.facilitator, theme_id, theme.version,
                        what="Kirjaamisohje", who="Tiimivastaavat", by_when=None)
    made = solutions.from_theme(session, w.facilitator, theme_id)
    assert (made.title, made.description, made.owner) == (
        "Yhteinen kirjaaminen", "Kirjaamisohje", "Tiimivastaavat")
    assert [o.record_type for o in made.origins] == ["tuplatiimi_theme"]
    item_id = _item(session, w, "solution_steps", "Ratkaisun askeleet")
    person = join(session, w)
    with pytest.raises(InvalidInput) as none:
        solutions.add_comment(session, person, item_id, "Ei mitään fokuksessa")
    assert none.value.key == "error.solution.none_in_focus"
    with pytest.raises(NotFound):
        solutions.focus(session, person, item_id, made.id)
    other = world(session, "toinen")
    foreign = solutions.create_solution(session, other.facilitator, other.workshop_id, "Vieras")
    with pytest.raises(NotFound):
        solutions.focus(session, w.facilitator, item_id, foreign.id)
    solutions.focus(session, w.facilitator, item_id, made.id)
    comment, created = solutions.add_comment(session, person, item_id, HOSTILE,
                                             client_key="kommentti-1")
    assert created
    assert solutions.add_comment(session, person, item_id, HOSTILE,
                                 client_key="kommentti-1") == (comment, False)
    seen = solutions.activity(session, join(session, w, "Toinen"), item_id)
    assert seen.solution.id == made.id and seen.solution.origins == ()  # no origins for them
    assert [(c.text, c.step) for c in seen.comments] == [(HOSTILE.strip(), "ideation")]
    solutions.hide_comment(session, w.facilitator, comment)
    assert solutions.activity(session, person, item_id).comments == ()
    assert [c.hidden for c in solutions.comments_of(session, w.facilitator, made.id)] == [True]


# --- demo -------------------------------------------------------------------------------------

def test_demo_round_is_finished_and_feeds_the_candidate_list(session):
    from workshop import demo_prioritising
    from workshop.model_prioritising import TtIdea, TtMark

    w = world(session)
    item_id = _item(session, w, "tuplatiimi", "Ideointi")
    roles = ("client_rep", "professional", "expert_by_experience", "ngo_parish",
             "client_rep", "professional", "other")
    people = [join(session, w, f"Demo {n}", role) for n, role in enumerate(roles)]
    for _ in range(2):  # safe to run twice
        demo_prioritising.seed_tuplatiimi_round(session, w.facilitator, w.workshop_id,
                                                w.meeting_id, item_id, people)
    view = tuplatiimi.round_view(session, w.facilitator, item_id)
    assert view.step == "done" and view.question
    assert sorted(len(p.members) for p in view.pairs) == [2, 2, 3]
    assert all(1 <= p.picks <= tuplatiimi.MAX_PICKS for p in view.pairs)
    assert {p.marks_used for p in view.pairs} == {tuplatiimi.MARKS_PER_PAIR}
    for pair in view.pairs:  # the demo obeys the rules it shows
        own = sum(m.count for m in session.scalars(select(TtMark).where(
                  TtMark.group_id == pair.id)) if session.get(TtIdea, m.idea_id).pair_id == pair.id)
        assert own <= tuplatiimi.MAX_OWN_MARKS
    assert len(view.themes) == 3 and all(t.what and t.who and t.by_when for t in view.themes)
    assert all(t.idea_ids for t in view.themes)
    listed = prioritising.list_candidates(session, w.facilitator, w.workshop_id)
    themed = [c for c in listed if any(o.record_type == "tuplatiimi_theme" for o in c.origins)]
    assert len(themed) == 3 and all(c.kind == "solution" for c in themed)
    assert len([c for c in listed if c.kind == "problem"]) == 2
    vote_item = prioritising.workshop_rounds(session, w.facilitator, w.workshop_id)[0][0]
    results = prioritising.results(session, w.facilitator, vote_item)
    assert results.shown_groups == ("client", "worker")
    assert sum(sum(r.points.values()) for r in results.rows) > 0
