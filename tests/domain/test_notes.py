"""Contributions: idempotent submits, optimistic versions, withdraw, hide, anonymity."""

import threading

import pytest
from builders import join, world

from workshop import db, meetings, notes
from workshop.errors import InvalidInput, StaleEdit

HOSTILE = [
    "<script>alert('x')</script>",
    "😀🌱 emoji 👩🏽‍⚕️",
    "עברית ومرحبا RTL \u202e reversed",
    "**markdown** [link](http://example.com) ![img](http://example.com/x.png) :red[x] $x$",
    "rivi 1\nrivi 2\n\n\trivi 3",
    "x" * 5_000,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_but_legal_text_is_stored_exactly(session, text):
    w = world(session)
    p = join(session, w)
    note_id, created = notes.add_note(session, p, w.item_id, text)
    assert created
    [shown] = notes.list_notes(session, p, w.item_id)
    assert shown.text == text and shown.id == note_id


@pytest.mark.parametrize("text,key", [
    ("", "error.text.required"), ("   \n ", "error.text.required"),
    ("a\x00b", "error.text.control_characters"), ("a\x1bb", "error.text.control_characters"),
    ("x" * 50_000, "error.text.too_long"), (None, "error.text.required"),
    (12, "error.text.not_text"),
])
def test_bad_text_is_refused_with_a_reason(session, text, key):
    w = world(session)
    p = join(session, w)
    with pytest.raises(InvalidInput) as caught:
        notes.add_note(session, p, w.item_id, text)
    assert caught.value.key == key
    assert notes.list_notes(session, p, w.item_id) == []


def test_double_submit_with_same_key_stores_once(session):
    w = world(session)
    p = join(session, w)
    first = notes.add_note(session, p, w.item_id, "idea", client_key="k" * 32)
    second = notes.add_note(session, p, w.item_id, "idea", client_key="k" * 32)
    assert first[0] == second[0] and first[1] and not second[1]
    assert len(notes.list_notes(session, p, w.item_id)) == 1
    other = join(session, w, "Toinen")  # another author may use the same key
    assert notes.add_note(session, other, w.item_id, "idea", client_key="k" * 32)[1]


def test_concurrent_double_submit_stores_once(engine):
    with db.transaction(engine) as s:
        w = world(s)
        p = join(s, w)
    barrier = threading.Barrier(2)
    results: list = []

    def submit() -> None:
        barrier.wait()
        with db.transaction(engine) as s:
            results.append(notes.add_note(s, p, w.item_id, "sama", client_key="same-key-123"))

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with db.transaction(engine) as s:
        assert len(notes.list_notes(s, w.facilitator, w.item_id)) == 1
    assert {r[0] for r in results} == {results[0][0]}


def test_stale_edit_is_refused_not_lost(session):
    w = world(session)
    p = join(session, w)
    note_id, _ = notes.add_note(session, p, w.item_id, "eka")
    version = notes.edit_note(session, p, note_id, 1, "toka")
    assert version == 2
    with pytest.raises(StaleEdit):
        notes.edit_note(session, p, note_id, 1, "vanhasta versiosta")
    assert notes.list_notes(session, p, w.item_id)[0].text == "toka"


def test_concurrent_edits_one_wins_other_is_stale(engine):
    with db.transaction(engine) as s:
        w = world(s)
        p = join(s, w)
        note_id, _ = notes.add_note(s, p, w.item_id, "alku")
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def edit(text: str) -> None:
        barrier.wait()
        try:
            with db.transaction(engine) as s:
                notes.edit_note(s, p, note_id, 1, text)
            outcomes.append("ok")
        except StaleEdit:
            outcomes.append("stale")

    threads = [threading.Thread(target=edit, args=(t,)) for t in ("A", "B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "stale"]


def test_withdraw_and_hide(session):
    w = world(session)
    p = join(session, w)
    other = join(session, w, "Toinen", "professional")
    mine, _ = notes.add_note(session, p, w.item_id, "oma")
    rude, _ = notes.add_note(session, other, w.item_id, "asiaton")
    notes.withdraw_note(session, p, mine, 1)
    notes.hide_note(session, w.facilitator, rude)
    assert notes.list_notes(session, p, w.item_id) == []
    [seen] = notes.list_notes(session, w.facilitator, w.item_id)
    assert seen.hidden and seen.text == "asiaton"  # kept, marked hidden, not deleted


def test_others_see_role_only_unless_names_are_on(session):
    w = world(session)
    p = join(session, w, "Aino", "client_rep")
    reader = join(session, w, "Mikko", "professional")
    notes.add_note(session, p, w.item_id, "idea")
    [seen] = notes.list_notes(session, reader, w.item_id)
    assert seen.author.role == "client_rep" and seen.author.name is None
    assert not seen.author.mine
    [own] = notes.list_notes(session, p, w.item_id)
    assert own.author.mine and own.author.name == "Aino"
    meetings.set_item_flags(session, w.facilitator, w.item_id, show_names=True)
    [named] = notes.list_notes(session, reader, w.item_id)
    assert named.author.name == "Aino"


def test_every_submit_moves_the_meeting_revision(session):
    w = world(session)
    p = join(session, w)
    before = meetings.revision(session, w.meeting_id)
    notes.add_note(session, p, w.item_id, "uusi")
    assert meetings.revision(session, w.meeting_id) == before + 1


def test_recent_notes_hold_the_newest_and_all_of_the_readers_own(session):
    w = world(session)
    me = join(session, w, "Minä")
    other = join(session, w, "Muu")
    mine = [notes.add_note(session, me, w.item_id, f"oma {i}")[0] for i in range(3)]
    theirs = [notes.add_note(session, other, w.item_id, f"muu {i}")[0] for i in range(10)]
    hidden = theirs[-1]
    notes.hide_note(session, w.facilitator, hidden)
    gone = theirs[-2]
    notes.withdraw_note(session, other, gone, 1)

    seen = notes.recent_notes(session, me, w.item_id, limit=4)
    assert seen.total == 3 + 10 - 2  # hidden and withdrawn are not counted for participants
    ids = [n.id for n in seen.notes]
    assert ids == sorted(ids)  # oldest first, like the full list
    assert set(mine) <= set(ids)  # own notes stay editable however old
    assert [i for i in ids if i not in mine] == theirs[-6:-2]
    assert all(n.author.mine == (n.id in mine) for n in seen.notes)

    console = notes.recent_notes(session, w.facilitator, w.item_id, limit=2)
    assert console.total == 3 + 10 - 1  # the facilitator sees the hidden one
    assert [n.id for n in console.notes] == [theirs[-3], hidden]
    assert [n.id for n in notes.recent_notes(session, me, w.item_id, limit=0).notes] == mine


def test_the_note_board_is_the_same_for_every_participant(session):
    w = world(session)
    a = join(session, w, "Aino")
    b = join(session, w, "Bertta")
    a_note = notes.add_note(session, a, w.item_id, "Ainon")[0]
    b_note = notes.add_note(session, b, w.item_id, "Bertan")[0]
    hidden = notes.add_note(session, b, w.item_id, "piiloon")[0]
    notes.hide_note(session, w.facilitator, hidden)

    seen_by_a = notes.note_board(session, a, w.item_id, limit=10)
    seen_by_b = notes.note_board(session, b, w.item_id, limit=10)
    assert seen_by_a == seen_by_b  # one board can serve every phone
    assert [n.id for n in seen_by_a.notes] == [a_note, b_note] and seen_by_a.total == 2
    assert not any(n.author.mine or n.author.name for n in seen_by_a.notes)  # names off
    assert seen_by_a.author_ids == (a.participant_id, b.participant_id)

    [own] = notes.own_notes(session, a, w.item_id)
    assert own.id == a_note and own.author.mine and own.author.name == "Aino"
    assert [n.id for n in notes.own_notes(session, b, w.item_id)] == [b_note]  # hidden out
