"""Tuplatiimi rounds: the step machine, pairs and trios, late joiners and drop-outs, who sees
which ideas when, picks, marks (5 per pair, at most 2 own), themes and action plans, and the
ideas flowing into the candidate list with their origin."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter

import pytest
from builders import join, world
from sqlalchemy import func, select

from workshop import db, groups, meetings, prioritising, tuplatiimi, workshops
from workshop.errors import Conflict, InvalidInput, NotFound, StaleEdit
from workshop.model_prioritising import TtIdea, TtMark
from workshop.models import Participant, utcnow

HOSTILE = "<script>alert('x')</script> **lihavoitu** [linkki](http://x) 😀 עברית ‮"


def _item(session, w, title="Tuplatiimi"):
    item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title=title,
                                    activity_type="tuplatiimi")
    meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    return item.id


def _to(session, w, item_id, step):
    """Advance the round to ``step`` (framing the question on the way)."""
    view = tuplatiimi.round_view(session, w.facilitator, item_id)
    if not view.question:
        tuplatiimi.set_question(session, w.facilitator, item_id, "Miten asiakas saisi apua?")
    while tuplatiimi.round_view(session, w.facilitator, item_id).step != step:
        current = tuplatiimi.round_view(session, w.facilitator, item_id).step
        tuplatiimi.advance(session, w.facilitator, item_id, current)


def _key(error):
    return error.value.key


def _pairs_of(session, w, item_id, people):
    """{participant id: pair id} and the pairs' members."""
    listed = groups.groups_for_item(session, w.facilitator, item_id)
    member_of = {m.participant_id: g.id for g in listed for m in g.members}
    return member_of, {g.id: [m.participant_id for m in g.members] for g in listed}


def _four(session, w):
    """Two clients and two workers: two mixed pairs."""
    return [join(session, w, name, role) for name, role in (
        ("Aino", "client_rep"), ("Mikko", "professional"), ("Leena", "expert_by_experience"),
        ("Sanna", "ngo_parish"))]


def _picked_round(session, w, item_id, people, per_person=3):
    """Everyone writes ideas, pairs pick every idea of theirs; the round is at ``present``."""
    _to(session, w, item_id, "ideas")
    ideas = {}
    for n, person in enumerate(people):
        ideas[person.participant_id] = [
            tuplatiimi.add_idea(session, person, item_id, f"idea {n}.{k}")[0]
            for k in range(per_person)]
    _to(session, w, item_id, "pairs")
    for person in people:
        tuplatiimi.join_pair(session, person, item_id)
        for idea_id in ideas[person.participant_id]:
            tuplatiimi.set_pick(session, person, item_id, idea_id, True)
    _to(session, w, item_id, "present")
    return ideas


# --- the step machine -------------------------------------------------------------------------

def test_steps_move_only_on_the_facilitators_command_and_repeat_safely(session):
    w = world(session)
    item_id = _item(session, w)
    view = tuplatiimi.round_view(session, w.facilitator, item_id)
    assert (view.step, view.step_number, view.version) == ("frame", 1, 0)
    with pytest.raises(InvalidInput) as refused:
        tuplatiimi.advance(session, w.facilitator, item_id, "frame")
    assert _key(refused) == "error.tt.question_missing"
    tuplatiimi.set_question(session, w.facilitator, item_id, "Millä keinoin?")
    assert tuplatiimi.advance(session, w.facilitator, item_id, "frame") == "ideas"
    # a double click (the same command again) changes nothing
    assert tuplatiimi.advance(session, w.facilitator, item_id, "frame") == "ideas"
    assert tuplatiimi.round_view(session, w.facilitator, item_id).step == "ideas"
    # a command from a stale screen is refused
    with pytest.raises(Conflict) as stale:
        tuplatiimi.advance(session, w.facilitator, item_id, "marks")
    assert _key(stale) == "error.tt.step_moved"
    assert tuplatiimi.go_back(session, w.facilitator, item_id, "ideas") == "frame"
    assert tuplatiimi.go_back(session, w.facilitator, item_id, "ideas") == "frame"
    _to(session, w, item_id, "done")
    assert tuplatiimi.round_view(session, w.facilitator, item_id).step_number == 8
    with pytest.raises(InvalidInput):
        tuplatiimi.advance(session, w.facilitator, item_id, "done")  # no step after done


def test_participants_cannot_run_the_round_and_other_workshops_cannot_see_it(session):
    w = world(session)
    other = world(session, "toinen")
    item_id = _item(session, w)
    person = join(session, w)
    outsider = join(session, other, "Ulla")
    with pytest.raises(NotFound):
        tuplatiimi.advance(session, person, item_id, "frame")
    with pytest.raises(NotFound):
        tuplatiimi.set_question(session, other.facilitator, item_id, "Kaappaus")
    with pytest.raises(NotFound):
        tuplatiimi.round_view(session, outsider, item_id)
    with pytest.raises(NotFound):
        tuplatiimi.round_view(session, other.facilitator, item_id)
    with pytest.raises(NotFound):
        tuplatiimi.round_view(session, person, item_id, room=True)
    # an item of another activity is not a Tuplatiimi round
    with pytest.raises(InvalidInput) as wrong:
        tuplatiimi.round_view(session, w.facilitator, w.item_id)
    assert _key(wrong) == "error.prio.wrong_activity"


# --- pairs --------------------------------------------------------------------------------------

def test_an_odd_number_makes_a_trio_and_pairs_mix_roles(session):
    w = world(session)
    item_id = _item(session, w)
    people = _four(session, w) + [join(session, w, "Pekka", "professional")]
    _to(session, w, item_id, "pairs")
    member_of, members = _pairs_of(session, w, item_id, people)
    assert sorted(len(m) for m in members.values()) == [2, 3]
    assert set(member_of) == {p.participant_id for p in people}
    roles = {p.id: p.role for p in session.scalars(select(Participant))}
    for pair in members.values():  # two clients, three workers: every pair has a client
        assert any(roles[pid] in ("client_rep", "expert_by_experience") for pid in pair)
    assert sorted(tuplatiimi.pair_sizes(session, w.facilitator, item_id)) == [2, 3]


def test_a_late_joiner_joins_a_pair_which_becomes_a_trio_and_can_pick(session):
    w = world(session)
    item_id = _item(session, w)
    people = _four(session, w)
    _to(session, w, item_id, "ideas")
    assert tuplatiimi.join_pair(session, people[0], item_id) is None  # no pairs yet
    _to(session, w, item_id, "pairs")
    late = join(session, w, "Myöhäinen", "client_rep")
    pair = tuplatiimi.join_pair(session, late, item_id)
    assert pair is not None and len(pair.members) == 3
    assert tuplatiimi.join_pair(session, late, item_id).id == pair.id  # placed once
    # writing is still open in the pairs step: the late joiner adds and picks an idea
    idea_id, _ = tuplatiimi.add_idea(session, late, item_id, "Myöhässä mutta mukana")
    assert tuplatiimi.set_pick(session, late, item_id, idea_id, True) == 1
    view = tuplatiimi.round_view(session, late, item_id)
    assert view.my_pair_id == pair.id and view.idea(idea_id).own


def test_a_drop_out_does_not_block_and_a_pair_of_one_still_works(session):
    w = world(session)
    item_id = _item(session, w)
    people = _four(session, w)
    ideas = _picked_round(session, w, item_id, people[:1])  # only Aino writes and picks
    member_of, members = _pairs_of(session, w, item_id, people)
    # Aino's partner never wrote anything and has left: the round goes on regardless
    _to(session, w, item_id, "marks")
    view = tuplatiimi.round_view(session, w.facilitator, item_id)
    assert view.step == "marks" and {i.id for i in view.ideas} == set(
        ideas[people[0].participant_id])
    # someone of another pair marks Aino's ideas
    marker = next(p for p in people if member_of[p.participant_id]
                  != member_of[people[0].participant_id])
    for idea_id in ideas[people[0].participant_id]:
        tuplatiimi.set_marks(session, marker, item_id, idea_id, 1)
    _to(session, w, item_id, "done")


# --- who sees which ideas ---------------------------------------------------------------------

def test_ideas_are_unseen_by_others_until_the_pairs_present_them(session):
    w = world(session)
    item_id = _item(session, w)
    people = _four(session, w)
    _to(session, w, item_id, "ideas")
    written = {p.participant_id: tuplatiimi.add_idea(session, p, item_id, f"oma {n}")[0]
               for n, p in enumerate(people)}
    shown = {p.participant_id: {i.id for i in tuplatiimi.round_view(session, p, item_id).ideas}
             for p in people}
    assert all(shown[pid] == {written[pid]} for pid in shown)  # alone: only one's own
    assert tuplatiimi.round_view(session, w.facilitator, item_id, room=True).ideas == ()
    assert tuplatiimi.round_view(session, people[0], item_id).idea_count == 4
    _to(session, w, item_id, "pairs")
    member_of, members = _pairs_of(session, w, item_id, people)
    for p in people:
        seen = {i.id for i in tuplatiimi.round_view(session, p, item_id).ideas}
        assert seen == {written[pid] for pid in members[member_of[p.participant_id]]}
    assert tuplatiimi.round_view(session, w.facilitator, item_id, room=True).ideas == ()
    # the first pair picks its first member's idea only
    first = people[0]
    tuplatiimi.set_pick(session, first, item_id, written[first.participant_id], True)
    _to(session, w, item_id, "present")
    partner = next(pid for pid in members[member_of[first.participant_id]]
                   if pid != first.participant_id)
    for p in people:
        seen = {i.id for i in tuplatiimi.round_view(session, p, item_id).ideas}
        if member_of[p.participant_id] == member_of[first.participant_id]:
            assert seen == {written[first.participant_id], written[partner]}
        else:  # another pair: its own ideas and the presented pick, not the unpicked idea
            own = {written[pid] for pid in members[member_of[p.participant_id]]}
            assert seen == own | {written[first.participant_id]}
            assert written[partner] not in seen
    room = tuplatiimi.round_view(session, w.facilitator, item_id, room=True)
    assert [i.id for i in room.ideas] == [written[first.participant_id]]
    assert all(i.marks is None for i in room.ideas)  # no marks shown before marking ends


def test_idea_limits_idempotent_submits_and_hostile_text(session):
    w = world(session)
    item_id = _item(session, w)
    person = join(session, w)
    with pytest.raises(InvalidInput) as early:
        tuplatiimi.add_idea(session, person, item_id, "liian aikaisin")
    assert _key(early) == "error.tt.not_writing_step"
    _to(session, w, item_id, "ideas")
    first, created = tuplatiimi.add_idea(session, person, item_id, HOSTILE, client_key="k" * 12)
    again, created_again = tuplatiimi.add_idea(session, person, item_id, HOSTILE,
                                               client_key="k" * 12)
    assert created and not created_again and again == first
    assert session.get(TtIdea, first).text == HOSTILE.strip()
    for n in range(9):
        tuplatiimi.add_idea(session, person, item_id, f"idea {n}")
    with pytest.raises(InvalidInput) as full:
        tuplatiimi.add_idea(session, person, item_id, "yhdestoista")
    assert _key(full) == "error.tt.idea_limit" and full.value.params["max"] == 10
    with pytest.raises(InvalidInput) as control:
        tuplatiimi.add_idea(session, person, item_id, "nul\x00merkki")
    assert _key(control) == "error.text.control_characters"
    with pytest.raises(InvalidInput) as long:
        tuplatiimi.add_idea(session, person, item_id, "x" * 301)
    assert _key(long) == "error.text.too_long"
    # withdrawing frees a place; the author edits with optimistic versions
    tuplatiimi.withdraw_idea(session, person, first, 1)
    second, _ = tuplatiimi.add_idea(session, person, item_id, "kymmenes")
    version = tuplatiimi.edit_idea(session, person, second, 1, "kymmenes, muokattu")
    with pytest.raises(StaleEdit):
        tuplatiimi.edit_idea(session, person, second, version - 1, "vanha näkymä")
    closed = world(session, "suljettu", contributions_open=False)
    shut = meetings.add_agenda_item(session, closed.facilitator, closed.meeting_id, title="T",
                                    activity_type="tuplatiimi").id
    tuplatiimi.set_question(session, closed.facilitator, shut, "Kysymys")
    tuplatiimi.advance(session, closed.facilitator, shut, "frame")  # opens writing
    writer = join(session, closed, "Kirjoittaja")
    assert tuplatiimi.add_idea(session, writer, shut, "auki")[1]


# --- picks and merging ------------------------------------------------------------------------

def test_picks_stay_within_the_pair_and_at_most_seven(session):
    w = world(session)
    item_id = _item(session, w)
    people = _four(session, w)
    _to(session, w, item_id, "ideas")
    mine = [tuplatiimi.add_idea(session, people[0], item_id, f"a{n}")[0] for n in range(8)]
    _to(session, w, item_id, "pairs")
    member_of, members = _pairs_of(session, w, item_id, people)
    partner = next(p for p in people if p is not people[0]
                   and member_of[p.participant_id] == member_of[people[0].participant_id])
    stranger = next(p for p in people
                    if member_of[p.participant_id] != member_of[people[0].participant_id])
    with pytest.raises(NotFound):  # not one's pair's idea
        tuplatiimi.set_pick(session, stranger, item_id, mine[0], True)
    for n, idea_id in enumerate(mine[:7]):
        who = partner if n % 2 else people[0]  # both partners pick from the same pool
        assert tuplatiimi.set_pick(session, who, item_id, idea_id, True) == n + 1
    assert tuplatiimi.set_pick(session, partner, item_id, mine[6], True) == 7  # idempotent
    with pytest.raises(InvalidInput) as full:
        tuplatiimi.set_pick(session, people[0], item_id, mine[7], True)
    assert _key(full) == "error.tt.too_many_picks"
    assert tuplatiimi.set_pick(session, people[0], item_id, mine[0], False) == 6
    # merging: the duplicate is no longer a pick, and merging again changes nothing
    tuplatiimi.merge_ideas(session, partner, item_id, mine[1], mine[2])
    tuplatiimi.merge_ideas(session, partner, item_id, mine[1], mine[2])
    view = tuplatiimi.round_view(session, partner, item_id)
    assert view.idea(mine[2]).merged_into_id == mine[1] and not view.idea(mine[2]).picked
    with pytest.raises(InvalidInput) as merged:
        tuplatiimi.set_pick(session, partner, item_id, mine[2], True)
    assert _key(merged) == "error.tt.idea_merged"
    with pytest.raises(InvalidInput):
        tuplatiimi.merge_ideas(session, partner, item_id, mine[1], mine[1])
    tuplatiimi.unmerge_idea(session, partner, item_id, mine[2])
    assert tuplatiimi.round_view(session, partner, item_id).idea(mine[2]).merged_into_id is None
    _to(session, w, item_id, "present")
    with pytest.raises(InvalidInput) as late:
        tuplatiimi.set_pick(session, people[0], item_id, mine[7], True)
    assert _key(late) == "error.tt.not_pairs_step"


# --- marks ------------------------------------------------------------------------------------

def test_five_marks_per_pair_at_most_two_on_own_ideas(session):
    w = world(session)
    item_id = _item(session, w)
    people = _four(session, w)
    ideas = _picked_round(session, w, item_id, people)
    member_of, members = _pairs_of(session, w, item_id, people)
    me = people[0]
    partner = next(p for p in people if p is not me
                   and member_of[p.participant_id] == member_of[me.participant_id])
    own = ideas[me.participant_id] + ideas[partner.participant_id]
    theirs = [i for p in people if member_of[p.participant_id] != member_of[me.participant_id]
              for i in ideas[p.participant_id]]
    with pytest.raises(InvalidInput) as early:
        tuplatiimi.set_marks(session, me, item_id, theirs[0], 1)
    assert _key(early) == "error.tt.not_marks_step"
    _to(session, w, item_id, "marks")
    assert tuplatiimi.set_marks(session, me, item_id, own[0], 2) == 3
    assert tuplatiimi.set_marks(session, me, item_id, own[0], 2) == 3  # idempotent
    with pytest.raises(InvalidInput) as own_limit:  # the partner shares the same pool
        tuplatiimi.set_marks(session, partner, item_id, own[1], 1)
    assert _key(own_limit) == "error.tt.own_marks" and own_limit.value.params["max"] == 2
    with pytest.raises(InvalidInput) as own_stack:
        tuplatiimi.set_marks(session, me, item_id, own[0], 3)
    assert _key(own_stack) == "error.tt.own_marks"
    assert tuplatiimi.set_marks(session, partner, item_id, theirs[0], 2) == 1
    assert tuplatiimi.set_marks(session, me, item_id, theirs[1], 1) == 0
    with pytest.raises(InvalidInput) as used:
        tuplatiimi.set_marks(session, partner, item_id, theirs[2], 1)
    assert _key(used) == "error.tt.marks_used" and used.value.params["max"] == 5
    with pytest.raises(InvalidInput) as negative:
        tuplatiimi.set_marks(session, me, item_id, theirs[2], -1)
    assert _key(negative) == "error.number.range"
    with pytest.raises(InvalidInput) as too_many:
        tuplatiimi.set_marks(session, me, item_id, theirs[2], 6)
    assert _key(too_many) == "error.number.range"
    # moving a mark: take one off, put it elsewhere
    assert tuplatiimi.set_marks(session, me, item_id, theirs[1], 0) == 1
    assert tuplatiimi.set_marks(session, partner, item_id, theirs[2], 1) == 0
    view = tuplatiimi.round_view(session, partner, item_id)
    assert (view.marks_left, view.own_marks_left) == (0, 0)
    assert all(i.marks is None for i in view.ideas)  # other pairs' marks: after marking
    facilitator_view = tuplatiimi.round_view(session, w.facilitator, item_id)
    assert facilitator_view.idea(own[0]).marks == 2
    assert {p.marks_used for p in facilitator_view.pairs} == {5, 0}
    stored = session.scalar(select(func.sum(TtMark.count)))
    assert stored == sum(i.marks for i in facilitator_view.ideas) == 5
    # an idea that was not picked cannot be marked
    _to(session, w, item_id, "themes")
    shown = tuplatiimi.round_view(session, people[3], item_id)
    assert [i.marks for i in shown.ideas][:1] == [2]  # most marks first, now for everyone


def test_marking_an_unpresented_idea_is_refused(session):
    w = world(session)
    item_id = _item(session, w)
    people = _four(session, w)
    _to(session, w, item_id, "ideas")
    loose = tuplatiimi.add_idea(session, people[0], item_id, "ei valittu")[0]
    _to(session, w, item_id, "marks")
    with pytest.raises(InvalidInput) as refused:
        tuplatiimi.set_marks(session, people[1], item_id, loose, 1)
    assert _key(refused) == "error.tt.not_presented"
    with pytest.raises(NotFound):
        tuplatiimi.set_marks(session, w.facilitator, item_id, loose, 1)


def test_hiding_a_presented_idea_gives_its_marks_back(session):
    w = world(session)
    item_id = _item(session, w)
    people = _four(session, w)
    ideas = _picked_round(session, w, item_id, people, per_person=1)
    member_of, _members = _pairs_of(session, w, item_id, people)
    target = next(ideas[p.participant_id][0] for p in people
                  if member_of[p.participant_id] != member_of[people[0].participant_id])
    _to(session, w, item_id, "marks")
    assert tuplatiimi.set_marks(session, people[0], item_id, target, 3) == 2
    tuplatiimi.hide_idea(session, w.facilitator, target)
    assert tuplatiimi.round_view(session, people[0], item_id).marks_left == 5
    room = tuplatiimi.round_view(session, w.facilitator, item_id, room=True)
    assert target not in {i.id for i in room.ideas}


def test_concurrent_marks_by_both_partners_never_break_the_own_limit(engine):
    with db.transaction(engine) as s:
        w = world(s)
        item_id = _item(s, w)
        people = _four(s, w)
        ideas = _picked_round(s, w, item_id, people)
        member_of, _members = _pairs_of(s, w, item_id, people)
        me = people[0]
        partner = next(p for p in people if p is not me
                       and member_of[p.participant_id] == member_of[me.participant_id])
        _to(s, w, item_id, "marks")
        own = ideas[me.participant_id][:1] + ideas[partner.participant_id][:1]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def mark(person, idea_id):
        barrier.wait()
        try:
            with db.transaction(engine) as s:
                tuplatiimi.set_marks(s, person, item_id, idea_id, 2)
            outcomes.append("ok")
        except InvalidInput as refused:
            outcomes.append(refused.key)

    threads = [threading.Thread(target=mark, args=(me, own[0])),
               threading.Thread(target=mark, args=(partner, own[1]))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes) == ["error.tt.own_marks", "ok"]
    with db.transaction(engine) as s:
        assert s.scalar(select(func.sum(TtMark.count))) == 2


# --- themes, plans and the candidate list ------------------------------------------------------

def test_themes_plans_and_ideas_flow_into_the_candidate_list(session):
    w = world(session)
    item_id = _item(session, w)
    people = _four(session, w)
    ideas = _picked_round(session, w, item_id, people, per_person=2)
    all_ideas = [i for p in people for i in ideas[p.participant_id]]
    with pytest.raises(InvalidInput) as early:
        tuplatiimi.add_theme(session, w.facilitator, item_id, "Liian aikaisin")
    assert _key(early) == "error.tt.not_themes_step"
    _to(session, w, item_id, "themes")
    first = tuplatiimi.add_theme(session, w.facilitator, item_id, "Yksi yhteyshenkilö")
    assert tuplatiimi.add_theme(session, w.facilitator, item_id, "Yksi yhteyshenkilö") == first
    second = tuplatiimi.add_theme(session, w.facilitator, item_id, HOSTILE)
    tuplatiimi.assign_idea(session, w.facilitator, item_id, all_ideas[0], first)
    tuplatiimi.assign_idea(session, w.facilitator, item_id, all_ideas[1], first)
    tuplatiimi.assign_idea(session, w.facilitator, item_id, all_ideas[1], second)  # moved
    view = tuplatiimi.round_view(session, w.facilitator, item_id)
    themes = {t.id: t for t in view.themes}
    assert themes[first].idea_ids == (all_ideas[0],)
    assert themes[second].idea_ids == (all_ideas[1],) and themes[second].name == HOSTILE.strip()
    with pytest.raises(NotFound):
        tuplatiimi.assign_idea(session, w.facilitator, item_id, all_ideas[2], 999_999)
    _to(session, w, item_id, "plan")
    version = tuplatiimi.set_plan(session, w.facilitator, first, themes[first].version,
                                  what="Nimetty yhteyshenkilö jokaiselle", who="Sosiaalityö",
                                  by_when=dt.date(2026, 6, 1))
    with pytest.raises(StaleEdit):
        tuplatiimi.set_plan(session, w.facilitator, first, version - 1, what="vanha",
                            who="", by_when=None)
    other = world(session, "toinen")
    with pytest.raises(NotFound):
        tuplatiimi.set_plan(session, other.facilitator, first, version, what="x", who="",
                            by_when=None)
    idea_candidate = tuplatiimi.send_idea_to_candidates(session, w.facilitator, all_ideas[3])
    assert tuplatiimi.send_idea_to_candidates(session, w.facilitator,
                                              all_ideas[3]).id == idea_candidate.id
    assert [(o.record_type, o.record_id) for o in idea_candidate.origins] == [
        ("tuplatiimi_idea", all_ideas[3])]
    _to(session, w, item_id, "done")  # finishing sends every theme to the list
    listed = prioritising.list_candidates(session, w.facilitator, w.workshop_id)
    by_origin = {(o.record_type, o.record_id): c for c in listed for o in c.origins}
    theme_candidate = by_origin[("tuplatiimi_theme", first)]
    assert theme_candidate.kind == "solution"
    assert theme_candidate.text == "Yksi yhteyshenkilö: Nimetty yhteyshenkilö jokaiselle"
    assert ("tuplatiimi_theme", second) in by_origin
    # finishing again (back and forth) does not copy them
    tuplatiimi.go_back(session, w.facilitator, item_id, "done")
    tuplatiimi.advance(session, w.facilitator, item_id, "plan")
    assert len(prioritising.list_candidates(session, w.facilitator, w.workshop_id)) == 3
    # the round never touches another workshop's list
    assert prioritising.list_candidates(session, other.facilitator, other.workshop_id) == []


def test_deleting_the_workshop_removes_the_round(session):
    w = world(session)
    item_id = _item(session, w)
    _picked_round(session, w, item_id, _four(session, w), per_person=1)
    session.flush()
    workshops.delete_workshop(session, w.facilitator, w.workshop_id)
    session.flush()
    assert session.scalar(select(func.count()).select_from(TtIdea)) == 0


def test_present_participants_only_are_paired(session):
    w = world(session)
    item_id = _item(session, w)
    people = _four(session, w)
    gone = session.get(Participant, people[3].participant_id)
    gone.last_seen_at = utcnow() - dt.timedelta(hours=1)  # left before the pairs were made
    session.flush()
    _to(session, w, item_id, "pairs")
    member_of, members = _pairs_of(session, w, item_id, people)
    assert people[3].participant_id not in member_of
    assert Counter(len(m) for m in members.values()) == Counter({3: 1})
