"""Ground rules: seeded once in the workshop's language, proposals, reactions, the
facilitator's edits, and the agreed list carrying over to later meetings."""

from __future__ import annotations

import threading

import pytest
from builders import join, world
from sqlalchemy import func, select

from workshop import db, meetings, principles, workshops
from workshop.content.methods import DEFAULT_PRINCIPLES
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.i18n import t
from workshop.model_warmup import Principle, PrincipleReaction


def principles_item(session, w, *, meeting_id=None, open_=True):
    item = meetings.add_agenda_item(session, w.facilitator, meeting_id or w.meeting_id,
                                    title="Pelisäännöt", activity_type="principles")
    if open_:
        meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    return item.id


def texts(views):
    return [v.text for v in views]


def test_seeded_once_in_the_workshop_language(session):
    w = world(session)
    item = principles_item(session, w)
    p = join(session, w)
    assert principles.list_for_item(session, p, item) == []  # nothing until first used
    assert principles.start(session, p, item) is True
    assert principles.start(session, w.facilitator, item) is False
    shown = principles.list_for_item(session, p, item)
    assert texts(shown) == [t(key, "fi") for key in DEFAULT_PRINCIPLES]
    assert all(v.from_method and not v.agreed for v in shown)
    english = workshops.create_workshop(session, w.facilitator, "English group", language="en")
    principles.start_for_workshop(session, w.facilitator, english.id)
    assert texts(principles.list_for_workshop(session, w.facilitator, english.id)) == [
        t(key, "en") for key in DEFAULT_PRINCIPLES]


def test_concurrent_first_use_seeds_once(engine):
    with db.transaction(engine) as s:
        w = world(s)
        item = principles_item(s, w)
        p = join(s, w)
    barrier = threading.Barrier(2)
    results: list[bool] = []

    def first_use(actor):
        barrier.wait()
        with db.transaction(engine) as s:
            results.append(principles.start(s, actor, item))

    threads = [threading.Thread(target=first_use, args=(a,)) for a in (p, w.facilitator)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True]
    with db.transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(Principle)) == len(DEFAULT_PRINCIPLES)


HOSTILE = [
    "<script>alert('x')</script>",
    "😀🌱 emoji 👩🏽‍⚕️",
    "עברית ومرحبا RTL \u202e reversed",
    "rivi 1\nrivi 2",
    "x" * principles.MAX_PRINCIPLE_LENGTH,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_proposal_is_stored_exactly(session, text):
    w = world(session)
    item = principles_item(session, w)
    p = join(session, w)
    proposal_id, created = principles.propose(session, p, item, text)
    assert created
    shown = principles.list_for_item(session, p, item)
    assert shown[-1].id == proposal_id and shown[-1].text == text  # seeded first, then mine
    assert shown[-1].author.mine and not shown[-1].from_method


@pytest.mark.parametrize("text,key", [
    ("", "error.text.required"), ("x" * 50_000, "error.text.too_long"),
    ("a\x00b", "error.text.control_characters"), ("\x07", "error.text.control_characters"),
])
def test_bad_proposal_is_refused_with_a_key(session, text, key):
    w = world(session)
    item = principles_item(session, w)
    p = join(session, w)
    with pytest.raises(InvalidInput) as caught:
        principles.propose(session, p, item, text)
    assert caught.value.key == key and caught.value.params["field"] == "field.warmup.principle"
    assert session.scalar(select(func.count()).select_from(Principle)) == 0


def test_access_and_closed_item(session):
    x = world(session, "fasi_x")
    y = world(session, "fasi_y")
    x_item, y_item = principles_item(session, x), principles_item(session, y)
    px, py = join(session, x, "Xavier"), join(session, y, "Ylva")
    principles.start(session, py, y_item)
    y_rule = principles.list_for_item(session, py, y_item)[0].id
    with pytest.raises(NotFound):
        principles.list_for_item(session, px, y_item)
    with pytest.raises(NotFound):
        principles.propose(session, px, y_item, "tunkeutuja")
    with pytest.raises(NotFound):
        principles.react(session, px, x_item, y_rule, "agree")  # not in X's workshop
    for call in (lambda: principles.set_agreed(session, x.facilitator, y_rule, 1),
                 lambda: principles.move(session, x.facilitator, y_rule, 1),
                 lambda: principles.remove(session, x.facilitator, y_rule),
                 lambda: principles.list_for_workshop(session, x.facilitator, y.workshop_id),
                 lambda: principles.set_agreed(session, py, y_rule, 1)):
        with pytest.raises(NotFound):
            call()
    meetings.set_item_flags(session, y.facilitator, y_item, contributions_open=False)
    with pytest.raises(InvalidInput) as caught:
        principles.propose(session, py, y_item, "myöhässä")
    assert caught.value.key == "error.contributions_closed"
    with pytest.raises(InvalidInput):
        principles.react(session, py, y_item, y_rule, "agree")
    assert principles.list_for_item(session, py, y_item)[0].agree == 0


def test_reactions_are_idempotent_and_follow_the_wording(session):
    w = world(session)
    item = principles_item(session, w)
    p = join(session, w)
    q = join(session, w, "Q", "professional")
    principles.start(session, p, item)
    first = principles.list_for_item(session, p, item)[0]
    principles.react(session, p, item, first.id, "agree")
    principles.react(session, p, item, first.id, "agree")  # double click
    principles.react(session, q, item, first.id, "discuss")
    seen = principles.list_for_item(session, p, item)[0]
    assert (seen.agree, seen.discuss, seen.my_reaction) == (1, 1, "agree")
    assert session.scalar(select(func.count()).select_from(PrincipleReaction)) == 2
    principles.react(session, p, item, first.id, "discuss")  # changed my mind
    principles.react(session, q, item, first.id, None)  # took it back
    seen = principles.list_for_item(session, q, item)[0]
    assert (seen.agree, seen.discuss, seen.my_reaction) == (0, 1, None)
    with pytest.raises(InvalidInput) as caught:
        principles.react(session, p, item, first.id, "love")
    assert caught.value.key == "error.choice"
    with pytest.raises(NotFound):
        principles.react(session, w.facilitator, item, first.id, "agree")
    # rewording starts the reactions over: they were about the old words
    principles.edit(session, w.facilitator, first.id, seen.version, "Uusi sanamuoto.")
    seen = principles.list_for_item(session, p, item)[0]
    assert (seen.text, seen.agree, seen.discuss, seen.my_reaction) == (
        "Uusi sanamuoto.", 0, 0, None)


def test_facilitator_edits_agrees_reorders_and_removes(session):
    w = world(session)
    item = principles_item(session, w)
    p = join(session, w)
    principles.start(session, w.facilitator, item)
    own, _ = principles.propose(session, p, item, "Puhelimet äänettömälle.")
    views = principles.list_for_item(session, w.facilitator, item)
    first, second, last = views[0], views[1], views[-1]
    assert last.id == own
    # agree, idempotent, stale version refused
    version = principles.set_agreed(session, w.facilitator, own, last.version)
    assert principles.set_agreed(session, w.facilitator, own, last.version) == version
    with pytest.raises(StaleEdit):
        principles.edit(session, w.facilitator, own, last.version, "vanhasta")
    with pytest.raises(InvalidInput) as caught:  # the author cannot change an agreed one
        principles.edit(session, p, own, version, "muutan")
    assert caught.value.key == "error.warmup.principle_agreed"
    # reorder: keyboard up/down, with no effect on versions (no stale edits from moving)
    principles.move(session, w.facilitator, own, -1)
    principles.move(session, w.facilitator, first.id, 1)
    principles.move(session, w.facilitator, first.id, -1)
    principles.move(session, w.facilitator, first.id, -1)  # already first: nothing happens
    order = [v.id for v in principles.list_for_item(session, p, item)]
    assert order[:2] == [first.id, second.id] and order[-2] == own
    assert principles.list_for_item(session, p, item)[-2].version == version
    with pytest.raises(InvalidInput):
        principles.move(session, w.facilitator, own, 5)
    # remove: hidden from participants, kept and marked for the facilitator
    principles.remove(session, w.facilitator, second.id)
    assert second.id not in [v.id for v in principles.list_for_item(session, p, item)]
    [removed] = [v for v in principles.list_for_item(session, w.facilitator, item) if v.hidden]
    assert removed.id == second.id
    with pytest.raises(NotFound):
        principles.react(session, p, item, second.id, "agree")
    principles.remove(session, w.facilitator, second.id, removed=False)
    assert principles.list_for_item(session, p, item)[-1].id == second.id  # back at the end


def test_author_edits_and_withdraws_own_proposal(session):
    w = world(session)
    item = principles_item(session, w)
    p = join(session, w)
    other = join(session, w, "Toinen")
    own, _ = principles.propose(session, p, item, "Eka muoto")
    version = principles.edit(session, p, own, 1, "Toka muoto")
    assert principles.edit(session, p, own, 1, "Toka muoto") == version  # same text: no-op
    with pytest.raises(StaleEdit):
        principles.edit(session, p, own, 1, "Kolmas muoto")
    with pytest.raises(NotFound):
        principles.edit(session, other, own, version, "ei oma")
    principles.withdraw(session, p, own, version)
    assert own not in [v.id for v in principles.list_for_item(session, w.facilitator, item)]


def test_agreed_principles_carry_into_later_meetings(session):
    w = world(session)
    item = principles_item(session, w)
    p = join(session, w)
    principles.start(session, p, item)
    own, _ = principles.propose(session, p, item, "Aloitetaan ajallaan.")
    for view in principles.list_for_item(session, w.facilitator, item)[:3]:
        principles.set_agreed(session, w.facilitator, view.id, view.version)
    principles.set_agreed(session, w.facilitator, own, 1)
    principles.react(session, p, item, own, "agree")
    meetings.close_meeting(session, w.facilitator, w.meeting_id)
    second = meetings.plan_meeting(session, w.facilitator, w.workshop_id, title="Toinen")
    later = principles_item(session, w, meeting_id=second.id, open_=False)
    meetings.open_meeting(session, w.facilitator, second.id)
    meetings.set_item_flags(session, w.facilitator, later, contributions_open=True)
    assert principles.start(session, p, later) is False  # not seeded again
    shown = principles.list_for_item(session, p, later)
    agreed = [v.text for v in shown if v.agreed]
    assert agreed == [t(k, "fi") for k in DEFAULT_PRINCIPLES[:3]] + ["Aloitetaan ajallaan."]
    assert principles.agreed_principles(session, p, w.workshop_id) == agreed
    assert all(v.agree == 0 for v in shown)  # reactions belong to the earlier item
    # deleting the first meeting does not take the workshop's rules with it
    meetings.delete_meeting(session, w.facilitator, w.meeting_id)
    session.flush()
    assert principles.agreed_principles(session, w.facilitator, w.workshop_id) == agreed


def test_changes_move_the_open_meetings_revision(session):
    w = world(session)
    item = principles_item(session, w)
    before = meetings.revision(session, w.meeting_id)
    principles.start_for_workshop(session, w.facilitator, w.workshop_id)  # library page
    assert meetings.revision(session, w.meeting_id) > before
    before = meetings.revision(session, w.meeting_id)
    rule = principles.list_for_item(session, w.facilitator, item)[0]
    principles.move(session, w.facilitator, rule.id, 1)
    assert meetings.revision(session, w.meeting_id) > before
