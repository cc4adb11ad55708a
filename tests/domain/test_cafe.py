"""Learning café: rotation, notes accumulating at stations, host summaries, access."""

import pytest
from builders import join, world
from hypothesis import given
from hypothesis import strategies as st

from workshop import cafe, groups, meetings
from workshop.content.methods import CAFE_DEFAULT_QUESTIONS
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.i18n import t

# --- rotation (pure) ----------------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=12))
def test_with_as_many_groups_as_stations_everyone_visits_every_station_once(n):
    schedule = cafe.rotation(n, n)
    assert len(schedule) == n  # n rounds
    for group in range(n):
        assert sorted(schedule[r][group] for r in range(n)) == list(range(n))
    for round_places in schedule:  # and no two groups meet
        assert sorted(round_places) == list(range(n))


@given(st.integers(min_value=1, max_value=12).flatmap(
    lambda n: st.tuples(st.just(n), st.integers(min_value=0, max_value=n))))
def test_with_fewer_groups_no_station_is_shared_and_all_are_visited(case):
    stations, group_count = case
    schedule = cafe.rotation(group_count, stations)
    for round_places in schedule:
        assert len(set(round_places)) == len(round_places)
        assert all(0 <= s < stations for s in round_places)
    for group in range(group_count):
        assert sorted(schedule[r][group] for r in range(stations)) == list(range(stations))


def test_rotation_formula_and_bad_input():
    assert cafe.station_index(0, 0, 4) == 0
    assert cafe.station_index(3, 1, 4) == 0
    assert cafe.station_index(2, 3, 4) == 1
    with pytest.raises(ValueError):
        cafe.station_index(0, 0, 0)
    with pytest.raises(ValueError):
        cafe.station_index(-1, 0, 3)


@given(st.integers(min_value=1, max_value=60), st.integers(min_value=1, max_value=8))
def test_suggested_group_size_never_makes_far_more_groups_than_stations(people, stations):
    size = cafe.group_size_for(people, stations)
    assert 2 <= size <= 12
    count = max(1, round(people / size))
    best = min(abs(stations - max(1, round(people / s))) for s in range(2, 13))
    assert abs(stations - count) == best


# --- helpers ------------------------------------------------------------------------------------


def _cafe(session, stations=None, contributions_open=True):
    """A world with a café item, set up, and four participants in groups by hand."""
    w = world(session)
    item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title="Kahvila",
                                    activity_type="learning_cafe")
    if contributions_open:
        meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    view = cafe.set_up_cafe(session, w.facilitator, item.id)
    if stations is not None:
        for station in view.stations[stations:]:
            cafe.remove_station(session, w.facilitator, station.id)
    return w, item.id


def _groups(session, w, item_id, sizes):
    """Groups of participants, made by hand; returns [[ParticipantActor, ...], ...]."""
    people = []
    roles = ["client_rep", "professional", "ngo_parish", "expert_by_experience"]
    counter = 0
    for size in sizes:
        group = groups.add_group(session, w.facilitator, item_id)
        members = []
        for _ in range(size):
            p = join(session, w, f"P{counter}", roles[counter % len(roles)])
            groups.move_participant(session, w.facilitator, item_id, p.participant_id, group.id)
            members.append(p)
            counter += 1
        people.append(members)
    return people


# --- setting up ---------------------------------------------------------------------------------


def test_set_up_seeds_default_questions_in_workshop_language_once(session):
    w, item_id = _cafe(session)
    view = cafe.cafe_view(session, w.facilitator, item_id)
    assert [s.question for s in view.stations] == [t(k, "fi") for k in CAFE_DEFAULT_QUESTIONS]
    assert view.set_up and view.round == 0 and not view.finished
    again = cafe.set_up_cafe(session, w.facilitator, item_id)
    assert len(again.stations) == len(CAFE_DEFAULT_QUESTIONS)


def test_only_a_cafe_item_can_be_set_up(session):
    w = world(session)
    with pytest.raises(InvalidInput) as caught:
        cafe.set_up_cafe(session, w.facilitator, w.item_id)  # a notes item
    assert caught.value.key == "error.cafe.not_a_cafe"


def test_facilitator_edits_adds_and_removes_stations_and_sets_a_host(session):
    w, item_id = _cafe(session)
    host = join(session, w, "Host", "professional")
    first = cafe.cafe_view(session, w.facilitator, item_id).stations[0]
    edited = cafe.update_station(session, w.facilitator, first.id, first.version,
                                 question="Mitä <b>tukea</b> 😀?", host_id=host.participant_id)
    assert edited.question == "Mitä <b>tukea</b> 😀?" and edited.host_id == host.participant_id
    assert edited.host_name == "Host"
    with pytest.raises(StaleEdit):
        cafe.update_station(session, w.facilitator, first.id, first.version, question="vanha",
                            host_id=None)
    added = cafe.add_station(session, w.facilitator, item_id, "Viides kysymys")
    assert [s.id for s in cafe.cafe_view(session, w.facilitator, item_id).stations][-1] == added.id
    cafe.move_station(session, w.facilitator, added.id, -10)
    assert cafe.cafe_view(session, w.facilitator, item_id).stations[0].id == added.id
    cafe.remove_station(session, w.facilitator, added.id)
    assert len(cafe.cafe_view(session, w.facilitator, item_id).stations) == 4
    with pytest.raises(InvalidInput):
        cafe.add_station(session, w.facilitator, item_id, "")


def test_station_with_notes_is_not_removed(session):
    w, item_id = _cafe(session)
    view = cafe.cafe_view(session, w.facilitator, item_id)
    cafe.add_cafe_note(session, w.facilitator, item_id, view.stations[0].id, 0, "fläpiltä")
    with pytest.raises(InvalidInput) as caught:
        cafe.remove_station(session, w.facilitator, view.stations[0].id)
    assert caught.value.key == "error.cafe.station_has_notes"


def test_host_must_be_a_participant_of_the_same_workshop(session):
    w, item_id = _cafe(session)
    other = world(session, "toinen")
    stranger = join(session, other, "Vieras")
    station = cafe.cafe_view(session, w.facilitator, item_id).stations[0]
    with pytest.raises(NotFound):
        cafe.update_station(session, w.facilitator, station.id, station.version,
                            question="q", host_id=stranger.participant_id)


# --- rounds -------------------------------------------------------------------------------------


def test_next_round_moves_groups_and_ends_after_the_last_round(session):
    w, item_id = _cafe(session, stations=3)
    people = _groups(session, w, item_id, [2, 2, 2])
    view = cafe.cafe_view(session, w.facilitator, item_id)
    ids = [s.id for s in view.stations]
    assert [p.station_id for p in view.places] == [ids[0], ids[1], ids[2]]
    mine = cafe.my_cafe(session, people[2][0], item_id)
    assert mine.role == "group" and mine.station.id == ids[2] and mine.group.number == 3
    before = meetings.revision(session, w.meeting_id)
    view = cafe.next_round(session, w.facilitator, item_id, expected_round=0)
    assert meetings.revision(session, w.meeting_id) > before  # live screens switch
    assert view.round == 1 and [p.station_id for p in view.places] == [ids[1], ids[2], ids[0]]
    assert cafe.my_cafe(session, people[2][0], item_id).station.id == ids[0]
    # a double click (same expected round) does not skip a round
    again = cafe.next_round(session, w.facilitator, item_id, expected_round=0)
    assert again.round == 1
    view = cafe.next_round(session, w.facilitator, item_id, expected_round=1)
    assert view.round == 2 and not view.finished
    view = cafe.next_round(session, w.facilitator, item_id, expected_round=2)
    assert view.finished and cafe.stage(view) == 3
    assert cafe.next_round(session, w.facilitator, item_id, expected_round=3).finished
    back = cafe.previous_round(session, w.facilitator, item_id, expected_round=3)
    assert back.round == 2 and not back.finished


def test_more_groups_than_stations_is_flagged(session):
    w, item_id = _cafe(session, stations=2)
    _groups(session, w, item_id, [1, 1, 1])
    view = cafe.cafe_view(session, w.facilitator, item_id)
    assert view.shares_stations


def test_participant_without_a_group_waits(session):
    w, item_id = _cafe(session)
    p = join(session, w)
    mine = cafe.my_cafe(session, p, item_id)
    assert mine.role == "waiting" and mine.station is None


# --- notes --------------------------------------------------------------------------------------


def test_notes_accumulate_and_later_groups_see_earlier_rounds(session):
    w, item_id = _cafe(session, stations=2)
    (a1, a2), (b1, _b2) = _groups(session, w, item_id, [2, 2])
    ids = [s.id for s in cafe.cafe_view(session, w.facilitator, item_id).stations]
    cafe.add_cafe_note(session, a1, item_id, ids[0], 0, "A:n ajatus asemalla 1")
    cafe.add_cafe_note(session, b1, item_id, ids[1], 0, "B:n ajatus asemalla 2")
    with pytest.raises(InvalidInput) as caught:  # not where group A is this round
        cafe.add_cafe_note(session, a2, item_id, ids[1], 0, "väärä asema")
    assert caught.value.key == "error.cafe.not_your_station"
    with pytest.raises(InvalidInput):  # no writing into a future round
        cafe.add_cafe_note(session, a2, item_id, ids[1], 1, "tulevaisuudesta")
    cafe.next_round(session, w.facilitator, item_id, 0)
    seen = cafe.my_cafe(session, a2, item_id)  # group A is now at station 2
    assert seen.station.id == ids[1]
    assert [(n.text, n.round, n.group_number) for n in seen.notes] == [
        ("B:n ajatus asemalla 2", 0, 2)]
    cafe.add_cafe_note(session, a2, item_id, ids[1], 1, "A jatkaa B:n ajatusta")
    seen_b = cafe.my_cafe(session, b1, item_id)
    assert seen_b.station.id == ids[0]
    assert [n.text for n in seen_b.notes] == ["A:n ajatus asemalla 1"]
    full = cafe.cafe_view(session, w.facilitator, item_id)
    assert [(n.text, n.round) for n in full.notes_at(ids[1])] == [
        ("B:n ajatus asemalla 2", 0), ("A jatkaa B:n ajatusta", 1)]
    # a note typed before the signal still lands where the group was in that round
    cafe.add_cafe_note(session, a1, item_id, ids[0], 0, "myöhässä lähetetty")
    assert [n.text for n in cafe.cafe_view(session, w.facilitator, item_id).notes_at(ids[0])
            ][-1] == "myöhässä lähetetty"


def test_notes_are_anonymous_idempotent_and_hidden_notes_vanish_for_participants(session):
    w, item_id = _cafe(session, stations=1)
    [[a, b]] = _groups(session, w, item_id, [2])
    station = cafe.cafe_view(session, w.facilitator, item_id).stations[0].id
    first = cafe.add_cafe_note(session, a, item_id, station, 0, "<script>x</script>",
                               client_key="k" * 16)
    again = cafe.add_cafe_note(session, a, item_id, station, 0, "<script>x</script>",
                               client_key="k" * 16)
    assert first[0] == again[0] and first[1] and not again[1]
    [seen] = cafe.my_cafe(session, b, item_id).notes
    assert seen.text == "<script>x</script>" and seen.author.name is None
    assert seen.author.role == "client_rep" and not seen.author.mine
    cafe.hide_cafe_note(session, w.facilitator, first[0])
    assert cafe.my_cafe(session, b, item_id).notes == ()
    assert cafe.cafe_view(session, w.facilitator, item_id).notes[0].hidden


def test_notes_refused_when_contributions_are_closed_or_cafe_finished(session):
    w, item_id = _cafe(session, stations=1)
    [[a]] = _groups(session, w, item_id, [1])
    station = cafe.cafe_view(session, w.facilitator, item_id).stations[0].id
    cafe.next_round(session, w.facilitator, item_id, 0)  # one station: now finished
    with pytest.raises(InvalidInput) as caught:
        cafe.add_cafe_note(session, a, item_id, station, 0, "liian myöhään")
    assert caught.value.key == "error.cafe.finished"
    meetings.set_item_flags(session, w.facilitator, item_id, contributions_open=False)
    with pytest.raises(InvalidInput) as caught:
        cafe.add_cafe_note(session, a, item_id, station, 0, "suljettu")
    assert caught.value.key == "error.contributions_closed"


def test_bad_note_text_is_refused(session):
    w, item_id = _cafe(session, stations=1)
    [[a]] = _groups(session, w, item_id, [1])
    station = cafe.cafe_view(session, w.facilitator, item_id).stations[0].id
    for text, key in (("", "error.text.required"), ("a\x00b", "error.text.control_characters"),
                      ("x" * 50_000, "error.text.too_long")):
        with pytest.raises(InvalidInput) as caught:
            cafe.add_cafe_note(session, a, item_id, station, 0, text)
        assert caught.value.key == key


# --- host summary -------------------------------------------------------------------------------


def test_host_writes_versioned_summary_and_stale_edits_are_refused(session):
    w, item_id = _cafe(session, stations=2)
    [[a]] = _groups(session, w, item_id, [1])
    host = join(session, w, "Isäntä", "professional")
    station = cafe.cafe_view(session, w.facilitator, item_id).stations[1]
    cafe.update_station(session, w.facilitator, station.id, station.version,
                        question=station.question, host_id=host.participant_id)
    mine = cafe.my_cafe(session, host, item_id)
    assert mine.role == "host" and mine.station.id == station.id
    assert mine.station.summary_version == 0
    # the host may write at their own station in any round
    cafe.add_cafe_note(session, host, item_id, station.id, 0, "isännän muistiinpano")
    v1 = cafe.write_summary(session, host, station.id, 0, "Tiivistys 1")
    assert v1 == 1
    v2 = cafe.write_summary(session, w.facilitator, station.id, 1, "Tiivistys 2 (fasi)")
    assert v2 == 2
    with pytest.raises(StaleEdit):
        cafe.write_summary(session, host, station.id, 1, "vanhan päälle")
    assert cafe.my_cafe(session, host, item_id).station.summary == "Tiivistys 2 (fasi)"
    with pytest.raises(InvalidInput) as caught:  # only the host writes the summary
        cafe.write_summary(session, a, station.id, 2, "en ole isäntä")
    assert caught.value.key == "error.cafe.not_host"
    # the host's question edit and summary versions are independent
    fresh = cafe.cafe_view(session, w.facilitator, item_id).stations[1]
    cafe.update_station(session, w.facilitator, fresh.id, fresh.version, question="uusi",
                        host_id=host.participant_id)
    assert cafe.write_summary(session, host, station.id, 2, "Tiivistys 3") == 3


def test_summaries_shown_to_participants_when_finished(session):
    w, item_id = _cafe(session, stations=2)
    [[a]] = _groups(session, w, item_id, [1])
    stations = cafe.cafe_view(session, w.facilitator, item_id).stations
    cafe.write_summary(session, w.facilitator, stations[0].id, 0, "Yhteenveto A")
    assert cafe.my_cafe(session, a, item_id).summaries == ()
    cafe.next_round(session, w.facilitator, item_id, 0)
    cafe.next_round(session, w.facilitator, item_id, 1)
    done = cafe.my_cafe(session, a, item_id)
    assert done.finished and [s.summary for s in done.summaries] == ["Yhteenveto A", ""]


# --- access -------------------------------------------------------------------------------------


def test_other_workshops_cannot_see_or_change_a_cafe(session):
    w, item_id = _cafe(session, stations=2)
    [[a]] = _groups(session, w, item_id, [1])
    station = cafe.cafe_view(session, w.facilitator, item_id).stations[0]
    other = world(session, "toinen")
    outsider = join(session, other, "Ulkopuolinen")
    for action in (
        lambda: cafe.cafe_view(session, other.facilitator, item_id),
        lambda: cafe.next_round(session, other.facilitator, item_id, 0),
        lambda: cafe.add_station(session, other.facilitator, item_id, "x"),
        lambda: cafe.update_station(session, other.facilitator, station.id, station.version,
                                    question="x", host_id=None),
        lambda: cafe.remove_station(session, other.facilitator, station.id),
        lambda: cafe.write_summary(session, other.facilitator, station.id, 0, "x"),
        lambda: cafe.my_cafe(session, outsider, item_id),
        lambda: cafe.add_cafe_note(session, outsider, item_id, station.id, 0, "x"),
        lambda: cafe.write_summary(session, outsider, station.id, 0, "x"),
        lambda: cafe.cafe_view(session, a, item_id),  # participants get their own view only
        lambda: cafe.next_round(session, a, item_id, 0),
    ):
        with pytest.raises(NotFound):
            action()
    assert cafe.cafe_view(session, w.facilitator, item_id).round == 0


def test_late_joiner_is_placed_in_a_group_but_a_host_is_not(session):
    w, item_id = _cafe(session, stations=2)
    _groups(session, w, item_id, [2, 1])
    late = join(session, w, "Myöhässä", "client_rep")
    placed = cafe.join_cafe(session, late, item_id)
    assert placed.role == "group" and placed.group.number == 2  # the smaller group
    host = join(session, w, "Isäntä", "professional")
    station = cafe.cafe_view(session, w.facilitator, item_id).stations[0]
    cafe.update_station(session, w.facilitator, station.id, station.version,
                        question=station.question, host_id=host.participant_id)
    hosting = cafe.join_cafe(session, host, item_id)
    assert hosting.role == "host" and hosting.group is None
    assert groups.my_group(session, host, item_id, join_if_missing=False) is None
