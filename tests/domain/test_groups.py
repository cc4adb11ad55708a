import pytest
from builders import join, world
from hypothesis import given
from hypothesis import strategies as st

from workshop import groups
from workshop.errors import InvalidInput, NotFound
from workshop.grouping import mixed_groups, mixed_pairs
from workshop.models import ROLES
from workshop.participants import role_group

people_strategy = st.lists(st.sampled_from(ROLES), max_size=40).map(
    lambda roles: [(i + 1, r) for i, r in enumerate(roles)])


@given(people_strategy, st.integers(min_value=2, max_value=6))
def test_groups_cover_everyone_once_and_sizes_differ_by_at_most_one(people, size):
    split = mixed_groups(people, size, seed=1)
    flat = [pid for group in split for pid in group]
    assert sorted(flat) == [pid for pid, _ in people]
    if split:
        sizes = [len(g) for g in split]
        assert max(sizes) - min(sizes) <= 1


@given(people_strategy)
def test_pairs_cover_everyone_and_mix_when_possible(people):
    split = mixed_pairs(people, seed=2)
    assert sorted(pid for g in split for pid in g) == [pid for pid, _ in people]
    if len(people) >= 2:
        assert all(2 <= len(g) <= 3 for g in split)
        assert sum(len(g) == 3 for g in split) == len(people) % 2
    roles = dict(people)
    clients = sum(role_group(r) == "client" for _, r in people)
    mixed = sum(1 for g in split if len({role_group(roles[p]) == "client" for p in g}) == 2)
    assert mixed >= min(clients, len(people) - clients)


def test_roles_are_mixed_in_groups():
    people = [(1, "client_rep"), (2, "client_rep"), (3, "professional"), (4, "professional"),
              (5, "ngo_parish"), (6, "expert_by_experience"), (7, "professional"),
              (8, "client_rep")]
    for seed in range(5):
        for group in mixed_groups(people, 4, seed):
            kinds = {role_group(dict(people)[p]) for p in group}
            assert {"client", "worker"} <= kinds


def test_form_groups_late_joiner_and_moves(session):
    w = world(session)
    ps = [join(session, w, f"P{i}", role) for i, role in
          enumerate(["client_rep", "professional", "client_rep", "professional", "ngo_parish"])]
    formed = groups.form_groups(session, w.facilitator, w.item_id, size=3, seed=3)
    assert sorted(len(g.members) for g in formed) == [2, 3]
    late = join(session, w, "Myöhässä", "expert_by_experience")
    mine = groups.my_group(session, late, w.item_id)
    assert mine is not None and len(mine.members) == 3
    assert [m.name for m in mine.members if m.participant_id == late.participant_id] == [
        "Myöhässä"]
    assert all(m.name is None for m in mine.members if m.participant_id != late.participant_id)
    other = next(g for g in groups.groups_for_item(session, w.facilitator, w.item_id)
                 if g.id != mine.id)
    groups.move_participant(session, w.facilitator, w.item_id, ps[0].participant_id, other.id)
    moved = groups.my_group(session, ps[0], w.item_id)
    assert moved.id == other.id


def test_groups_access_and_limits(session):
    w = world(session)
    x = world(session, "toinen")
    outsider = join(session, x)
    with pytest.raises(NotFound):
        groups.groups_for_item(session, outsider, w.item_id)
    with pytest.raises(NotFound):
        groups.form_groups(session, x.facilitator, w.item_id)
    with pytest.raises(InvalidInput):
        groups.form_groups(session, w.facilitator, w.item_id, size=1)
    assert groups.form_groups(session, w.facilitator, w.item_id) == []
    assert groups.my_group(session, join(session, w), w.item_id) is None
