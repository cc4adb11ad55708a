"""Property: whatever sequence of mark additions, removals and exact settings the pairs make,
no pair ever holds more than 5 marks or more than 2 on its own ideas, a refused request
changes nothing, and the totals every screen shows equal the marks stored."""

from __future__ import annotations

from collections import defaultdict

from builders import join, world
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from workshop import groups, meetings, tuplatiimi
from workshop.errors import InvalidInput
from workshop.model_prioritising import TtIdea, TtMark

REFUSALS = {"error.tt.marks_used", "error.tt.own_marks"}
PEOPLE = 5  # two pairs, one of them a trio

person = st.integers(0, PEOPLE - 1)
idea_index = st.integers(0, 5)
add = st.tuples(st.just("add"), person, idea_index)
operations = st.one_of(
    add, add, add,  # mostly additions: that is where the limits bite
    st.tuples(st.just("remove"), person, idea_index),
    st.tuples(st.just("set"), person, idea_index, st.integers(0, 5)),
)


def _stored(session, item_id):
    return session.scalars(select(TtMark).where(TtMark.agenda_item_id == item_id)
                           .execution_options(populate_existing=True)).all()


def _check(session, item_id, owner_of):
    """The stored marks respect both limits for every pair."""
    per_pair: dict[int, int] = defaultdict(int)
    own: dict[int, int] = defaultdict(int)
    for mark in _stored(session, item_id):
        assert mark.count >= 1
        per_pair[mark.group_id] += mark.count
        if owner_of[mark.idea_id] == mark.group_id:
            own[mark.group_id] += mark.count
    assert all(total <= tuplatiimi.MARKS_PER_PAIR for total in per_pair.values())
    assert all(total <= tuplatiimi.MAX_OWN_MARKS for total in own.values())
    return per_pair


def _mine(session, item_id, pair_id, idea_id) -> int:
    return session.scalar(select(TtMark.count).where(
        TtMark.agenda_item_id == item_id, TtMark.group_id == pair_id,
        TtMark.idea_id == idea_id).execution_options(populate_existing=True)) or 0


def test_marks_never_exceed_the_pair_limits_for_any_sequence(session):
    w = world(session)
    item_id = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title="T",
                                       activity_type="tuplatiimi").id
    meetings.set_item_flags(session, w.facilitator, item_id, contributions_open=True)
    people = [join(session, w, f"P{n}", role) for n, role in enumerate(
        ("client_rep", "professional", "expert_by_experience", "ngo_parish", "other"))]
    tuplatiimi.set_question(session, w.facilitator, item_id, "Millä keinoin?")
    tuplatiimi.advance(session, w.facilitator, item_id, "frame")
    written = []
    for n, p in enumerate(people[:3]):
        for k in range(2):
            written.append(tuplatiimi.add_idea(session, p, item_id, f"idea {n}.{k}")[0])
    tuplatiimi.advance(session, w.facilitator, item_id, "ideas")
    pair_of = {m.participant_id: g.id
               for g in groups.groups_for_item(session, w.facilitator, item_id)
               for m in g.members}
    assert sorted(list(pair_of.values()).count(g) for g in set(pair_of.values())) == [2, 3]
    for p in people[:3]:
        for idea in session.scalars(select(TtIdea).where(TtIdea.author_id == p.participant_id)):
            tuplatiimi.set_pick(session, p, item_id, idea.id, True)
    tuplatiimi.advance(session, w.facilitator, item_id, "pairs")
    tuplatiimi.advance(session, w.facilitator, item_id, "present")
    owner_of = {i.id: i.pair_id for i in session.scalars(select(TtIdea))}
    assert all(owner_of[i] is not None for i in written)
    session.flush()

    @settings(max_examples=60, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow])
    @given(st.lists(operations, min_size=5, max_size=30))
    # known tricky paths, always tried besides the random ones: both partners of a pair
    # spending on their own ideas, and stacking on one idea
    @example([("add", 0, 0), ("add", 1, 0), ("add", 0, 1), ("add", 1, 2)])
    @example([("set", 2, 3, 5), ("add", 2, 4), ("set", 3, 5, 2), ("add", 4, 0)])
    def run(ops):
        savepoint = session.begin_nested()
        try:
            for op in ops:
                _apply(session, people, pair_of, item_id, written, op)
                _check(session, item_id, owner_of)
            per_pair = _check(session, item_id, owner_of)
            view = tuplatiimi.round_view(session, w.facilitator, item_id)
            stored = _stored(session, item_id)
            assert sum(i.marks for i in view.ideas) == sum(m.count for m in stored)
            for idea in view.ideas:
                assert idea.marks == sum(m.count for m in stored if m.idea_id == idea.id)
            for pair in view.pairs:
                assert pair.marks_used == per_pair.get(pair.id, 0)
            for p in people:
                mine = tuplatiimi.round_view(session, p, item_id)
                assert mine.marks_left == tuplatiimi.MARKS_PER_PAIR - per_pair.get(
                    mine.my_pair_id, 0)
                assert 0 <= mine.own_marks_left <= tuplatiimi.MAX_OWN_MARKS
        finally:
            savepoint.rollback()
            session.expire_all()

    tuplatiimi.advance(session, w.facilitator, item_id, "present")
    run()


def _apply(session, people, pair_of, item_id, written, op):
    kind, who, index = op[0], people[op[1]], op[2]
    idea_id = written[index]
    pair_id = pair_of[who.participant_id]
    before = _mine(session, item_id, pair_id, idea_id)
    wanted = {"add": before + 1, "remove": max(0, before - 1)}.get(kind)
    wanted = op[3] if kind == "set" else wanted
    try:
        tuplatiimi.set_marks(session, who, item_id, idea_id, wanted)
    except InvalidInput as refused:
        assert refused.key in REFUSALS or refused.key.startswith("error.number."), refused.key
        assert _mine(session, item_id, pair_id, idea_id) == before  # refused: nothing changed
        return
    assert _mine(session, item_id, pair_id, idea_id) == wanted
