"""Prioritising: the candidate list with origins, dot voting, the impact/effort matrix,
ranking with the Borda count, and results by role group with small groups suppressed."""

from __future__ import annotations

import pytest
from builders import join, world
from sqlalchemy import func, select

from workshop import meetings, notes, prioritising, topics, traceability
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.model_prioritising import DotVote

HOSTILE = "<img src=x onerror=alert(1)> __alleviivattu__ `koodi` 😀 مرحبا"


def _item(session, w, title="Valinta"):
    item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title=title,
                                    activity_type="prioritising")
    meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    return item.id


def _candidates(session, w, *texts, kind="problem"):
    return [prioritising.add_candidate(session, w.facilitator, w.workshop_id, text, kind).id
            for text in texts]


def _people(session, w, clients=0, workers=0, others=0):
    made = []
    for n in range(clients):
        made.append(join(session, w, f"Asiakas {n}",
                         "client_rep" if n % 2 == 0 else "expert_by_experience"))
    for n in range(workers):
        made.append(join(session, w, f"Työntekijä {n}", "professional" if n % 2 == 0
                         else "ngo_parish"))
    for n in range(others):
        made.append(join(session, w, f"Muu {n}", "other"))
    return made


# --- candidates ---------------------------------------------------------------------------------

def test_candidates_collected_from_earlier_outputs_keep_their_origin(session):
    w = world(session)
    person = join(session, w)
    note_id, _ = notes.add_note(session, person, w.item_id, "Asiakas kertoo tarinansa monesti")
    topics_item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title="Aiheet",
                                           activity_type="topics").id
    meetings.set_item_flags(session, w.facilitator, topics_item, contributions_open=True)
    topic_id, _ = topics.submit(session, person, topics_item, "Jonot sosiaalitoimistoon")
    assert {"note", "topic", "cafe_note", "persona", "tuplatiimi_idea",
            "waste_item"} <= set(prioritising.origin_types())
    assert not {"candidate", "vote"} & set(prioritising.origin_types())
    assert (note_id, "Asiakas kertoo tarinansa monesti") in prioritising.linkable_records(
        session, w.facilitator, w.workshop_id, "note")
    first = prioritising.collect(session, w.facilitator, w.workshop_id, "note", note_id)
    assert (first.text, first.kind) == ("Asiakas kertoo tarinansa monesti", "problem")
    assert [(o.record_type, o.record_id, o.status, o.label) for o in first.origins] == [
        ("note", note_id, "ok", "Asiakas kertoo tarinansa monesti")]
    # collecting the same record again gives the same candidate
    again = prioritising.collect(session, w.facilitator, w.workshop_id, "note", note_id,
                                 kind="solution")
    assert again.id == first.id
    worded = prioritising.collect(session, w.facilitator, w.workshop_id, "topic", topic_id,
                                  kind="solution", text="Ajanvaraus chatin kautta")
    assert (worded.text, worded.kind) == ("Ajanvaraus chatin kautta", "solution")
    # a second origin, removable; typed by hand: no origin
    with_two = prioritising.add_origin(session, w.facilitator, first.id, "topic", topic_id)
    assert {o.record_type for o in with_two.origins} == {"note", "topic"}
    link = next(o for o in with_two.origins if o.record_type == "topic")
    prioritising.remove_origin(session, w.facilitator, first.id, link.link_id)
    typed = prioritising.add_candidate(session, w.facilitator, w.workshop_id, HOSTILE)
    assert typed.origins == () and typed.text == HOSTILE
    listed = prioritising.list_candidates(session, w.facilitator, w.workshop_id)
    assert [c.id for c in listed] == [first.id, worded.id, typed.id]
    assert [len(c.origins) for c in listed] == [1, 1, 0]
    # withdrawing the note leaves the link, shown as missing
    notes.withdraw_note(session, person, note_id, 1)
    assert prioritising.get_candidate(session, w.facilitator, first.id).origins[0].status \
        == "missing"


def test_origins_only_within_the_workshop_and_only_for_its_facilitators(session):
    w = world(session)
    other = world(session, "toinen")
    stranger_note, _ = notes.add_note(session, other.facilitator, other.item_id, "Toisen")
    with pytest.raises(NotFound):
        prioritising.collect(session, w.facilitator, w.workshop_id, "note", stranger_note)
    with pytest.raises(NotFound):
        prioritising.collect(session, other.facilitator, w.workshop_id, "note", stranger_note)
    mine = prioritising.add_candidate(session, w.facilitator, w.workshop_id, "Oma")
    with pytest.raises(NotFound):
        prioritising.add_origin(session, w.facilitator, mine.id, "note", stranger_note)
    with pytest.raises(NotFound):
        prioritising.get_candidate(session, other.facilitator, mine.id)
    with pytest.raises(NotFound):
        prioritising.list_candidates(session, other.facilitator, w.workshop_id)
    person = join(session, w)
    with pytest.raises(NotFound):
        prioritising.add_candidate(session, person, w.workshop_id, "Osallistuja ei kokoa")
    with pytest.raises(InvalidInput) as self_origin:
        prioritising.collect(session, w.facilitator, w.workshop_id, "candidate", mine.id)
    assert self_origin.value.key == "error.prio.not_an_origin"
    with pytest.raises(InvalidInput) as unknown:
        prioritising.collect(session, w.facilitator, w.workshop_id, "no_such_type", 1)
    assert unknown.value.key == "error.trace.unknown_type"


def test_candidate_text_rules_edits_and_idempotent_adds(session):
    w = world(session)
    first = prioritising.add_candidate(session, w.facilitator, w.workshop_id, "Jonot",
                                       client_key="avain-123456")
    again = prioritising.add_candidate(session, w.facilitator, w.workshop_id, "Jonot",
                                       client_key="avain-123456")
    assert again.id == first.id
    for bad, key in (("", "error.text.required"), ("a\x07b", "error.text.control_characters"),
                     ("x" * 1001, "error.text.too_long")):
        with pytest.raises(InvalidInput) as refused:
            prioritising.add_candidate(session, w.facilitator, w.workshop_id, bad)
        assert refused.value.key == key
    with pytest.raises(InvalidInput) as kind:
        prioritising.add_candidate(session, w.facilitator, w.workshop_id, "x", kind="vote")
    assert kind.value.key == "error.choice"
    edited = prioritising.edit_candidate(session, w.facilitator, first.id, first.version,
                                         "Pitkät jonot", "problem")
    with pytest.raises(StaleEdit):
        prioritising.edit_candidate(session, w.facilitator, first.id, first.version,
                                    "Vanha näkymä", "solution")
    assert prioritising.edit_candidate(session, w.facilitator, first.id, first.version,
                                       "Pitkät jonot", "problem").version == edited.version


# --- dot voting -------------------------------------------------------------------------------

def test_dot_voting_limits_are_enforced_and_repeats_change_nothing(session):
    w = world(session)
    item_id = _item(session, w)
    a, b, c = _candidates(session, w, "A", "B", "C")
    person = join(session, w)
    view = prioritising.round_view(session, person, item_id)
    assert (view.method, view.rules.dots_per_person, view.rules.max_per_target) == ("dots", 3, 2)
    assert [x.text for x in view.candidates] == ["A", "B", "C"]
    assert prioritising.set_dots(session, person, item_id, a, 2) == 1
    assert prioritising.set_dots(session, person, item_id, a, 2) == 1  # the same again
    with pytest.raises(InvalidInput) as cap:
        prioritising.set_dots(session, person, item_id, b, 3)
    assert cap.value.key == "error.prio.dot_limit"
    assert prioritising.set_dots(session, person, item_id, b, 1) == 0
    with pytest.raises(InvalidInput) as spent:
        prioritising.set_dots(session, person, item_id, c, 1)
    assert spent.value.key == "error.prio.no_dots_left"
    # lowering the limits below what was used is refused, raising is fine
    with pytest.raises(InvalidInput) as in_use:
        prioritising.configure(session, w.facilitator, item_id, method="dots",
                               dots_per_person=2, max_per_target=2)
    assert in_use.value.key == "error.prio.dots_in_use"
    prioritising.configure(session, w.facilitator, item_id, method="dots", dots_per_person=5,
                           max_per_target=3)
    assert prioritising.set_dots(session, person, item_id, c, 2) == 0
    # setting a candidate aside gives its dots back
    prioritising.set_aside(session, w.facilitator, a)
    mine = prioritising.round_view(session, person, item_id)
    assert mine.dots_left == 2 and a not in mine.my_dots
    assert session.scalar(select(func.count()).select_from(DotVote)
                          .where(DotVote.target_id == a)) == 0
    with pytest.raises(NotFound):
        prioritising.set_dots(session, person, item_id, a, 1)
    # the facilitator does not vote; other workshops cannot
    with pytest.raises(NotFound):
        prioritising.set_dots(session, w.facilitator, item_id, b, 1)
    other = world(session, "toinen")
    with pytest.raises(NotFound):
        prioritising.set_dots(session, join(session, other, "Ulla"), item_id, b, 1)
    with pytest.raises(InvalidInput) as method:
        prioritising.place(session, person, item_id, b, 3, 3)
    assert method.value.key == "error.prio.wrong_method"


def test_closed_contributions_refuse_votes(session):
    w = world(session)
    item_id = _item(session, w)
    a, = _candidates(session, w, "A")
    person = join(session, w)
    meetings.set_item_flags(session, w.facilitator, item_id, contributions_open=False)
    with pytest.raises(InvalidInput) as closed:
        prioritising.set_dots(session, person, item_id, a, 1)
    assert closed.value.key == "error.contributions_closed"


def test_dot_results_by_role_side_by_side_with_small_groups_suppressed(session):
    w = world(session)
    item_id = _item(session, w)
    a, b = _candidates(session, w, "A", "B")
    clients, workers, others = (_people(session, w, clients=3), _people(session, w, workers=4),
                                _people(session, w, others=2))
    for person in clients:
        prioritising.set_dots(session, person, item_id, a, 2)
        prioritising.set_dots(session, person, item_id, b, 1)
    for person in workers:
        prioritising.set_dots(session, person, item_id, b, 2)
    for person in others:
        prioritising.set_dots(session, person, item_id, a, 1)
    result = prioritising.results(session, w.facilitator, item_id)
    assert result.method == "dots" and result.shown_groups == ("client", "worker")
    assert result.group("client").respondents == 3 and result.group("worker").respondents == 4
    assert result.group("other") == prioritising.GroupSummary("other", False, None)
    rows = {r.candidate_id: r for r in result.rows}
    assert rows[a].points == {"client": 6, "worker": 0}
    assert rows[b].points == {"client": 3, "worker": 8}
    assert all("other" not in r.points for r in result.rows)  # never shown, never added in
    with pytest.raises(NotFound):
        prioritising.results(session, clients[0], item_id)
    with pytest.raises(NotFound):
        prioritising.results(session, world(session, "toinen").facilitator, item_id)


# --- matrix -----------------------------------------------------------------------------------

def test_matrix_spread_and_median_per_group(session):
    w = world(session)
    item_id = _item(session, w)
    prioritising.configure(session, w.facilitator, item_id, method="matrix")
    a, b = _candidates(session, w, "A", "B")
    clients, workers = _people(session, w, clients=3), _people(session, w, workers=3)
    for person, (impact, effort) in zip(clients, [(5, 1), (4, 2), (2, 2)], strict=True):
        prioritising.place(session, person, item_id, a, impact, effort)
    prioritising.place(session, clients[0], item_id, a, 5, 1)  # placing again: no change
    for person, impact in zip(workers, [3, 3, 4], strict=True):
        prioritising.place(session, person, item_id, a, impact, 5)
    prioritising.place(session, workers[0], item_id, b, 1, 1)  # only one worker placed B
    prioritising.place(session, workers[1], item_id, b, 2, 2)
    prioritising.clear_placement(session, workers[1], item_id, b)
    for bad in ((0, 3), (3, 6)):
        with pytest.raises(InvalidInput) as refused:
            prioritising.place(session, workers[2], item_id, b, *bad)
        assert refused.value.key == "error.number.range"
    mine = prioritising.round_view(session, clients[1], item_id)
    assert mine.my_placements == {a: (4, 2)} and mine.respondents == 6
    result = prioritising.results(session, w.facilitator, item_id)
    rows = {r.candidate_id: r for r in result.rows}
    client = rows[a].matrix["client"]
    assert (client.count, client.impact_median, client.effort_median) == (3, 4.0, 2.0)
    assert (client.impact_range, client.effort_range) == ((2, 5), (1, 2))
    assert client.impact_counts == (0, 1, 0, 1, 1) and client.effort_counts == (1, 2, 0, 0, 0)
    worker = rows[a].matrix["worker"]
    assert (worker.impact_median, worker.effort_median, worker.impact_counts) == (
        3.0, 5.0, (0, 0, 2, 1, 0))
    assert rows[b].matrix == {"client": None, "worker": None}  # fewer than 3 placed B


# --- ranking ----------------------------------------------------------------------------------

def test_ranking_is_aggregated_with_the_borda_count(session):
    w = world(session)
    item_id = _item(session, w)
    prioritising.configure(session, w.facilitator, item_id, method="ranking")
    a, b, c = _candidates(session, w, "A", "B", "C")
    clients, workers, others = (_people(session, w, clients=3), _people(session, w, workers=3),
                                _people(session, w, others=1))
    for person, order in zip(clients, ([a, b, c], [b, a, c], [a, c, b]), strict=True):
        prioritising.rank(session, person, item_id, order)
    for person in workers:
        prioritising.rank(session, person, item_id, [c, b, a])
    prioritising.rank(session, others[0], item_id, [b, c, a])
    prioritising.rank(session, clients[0], item_id, [a, b, c])  # the same again: no change
    # By hand, 3 candidates: 1st = 2 points, 2nd = 1, 3rd = 0.
    # clients: A = 2 + 1 + 2 = 5, B = 1 + 2 + 0 = 3, C = 0 + 0 + 1 = 1
    # workers: A = 0 * 3 = 0, B = 1 * 3 = 3, C = 2 * 3 = 6; the one "other": not shown
    result = prioritising.results(session, w.facilitator, item_id)
    points = {r.candidate_id: r.points for r in result.rows}
    assert points == {a: {"client": 5, "worker": 0}, b: {"client": 3, "worker": 3},
                      c: {"client": 1, "worker": 6}}
    assert prioritising.borda([[a, b, c], [b, a, c], [a, c, b]]) == {a: 5, b: 3, c: 1}
    assert prioritising.round_view(session, clients[2], item_id).my_ranking == (a, c, b)
    with pytest.raises(InvalidInput) as incomplete:
        prioritising.rank(session, clients[0], item_id, [a, b])
    assert incomplete.value.key == "error.prio.ranking_incomplete"
    with pytest.raises(InvalidInput) as duplicate:
        prioritising.rank(session, clients[0], item_id, [a, a, b])
    assert duplicate.value.key == "error.prio.ranking_duplicate"
    with pytest.raises(NotFound):
        prioritising.rank(session, clients[0], item_id, [a, b, 999_999])
    # a candidate set aside drops out of every ballot; the others close ranks
    prioritising.set_aside(session, w.facilitator, a)
    points = {r.candidate_id: r.points for r in
              prioritising.results(session, w.facilitator, item_id).rows}
    assert points == {b: {"client": 2, "worker": 0}, c: {"client": 1, "worker": 3}}


def test_a_round_can_cover_only_problems_or_solutions(session):
    w = world(session)
    item_id = _item(session, w)
    problem, = _candidates(session, w, "Ongelma")
    solution, = _candidates(session, w, "Ratkaisu", kind="solution")
    prioritising.configure(session, w.facilitator, item_id, method="dots", kind="solution")
    person = join(session, w)
    assert [c.id for c in prioritising.round_view(session, person, item_id).candidates] == [
        solution]
    with pytest.raises(NotFound):
        prioritising.set_dots(session, person, item_id, problem, 1)
    with pytest.raises(InvalidInput):
        prioritising.configure(session, w.facilitator, item_id, method="poll")
    rounds = prioritising.workshop_rounds(session, w.facilitator, w.workshop_id)
    assert [(r[0], r[2]) for r in rounds] == [(item_id, "Valinta")]
    assert traceability.is_available("vote")
    label = traceability.candidates(session, w.facilitator, w.workshop_id, "vote")
    assert [text for _id, text in label] == ["Valinta"]
