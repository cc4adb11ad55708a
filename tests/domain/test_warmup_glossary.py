"""Shared concepts: seeded once, proposals and comments, agreed definitions with history,
and the glossary carrying over to later meetings."""

from __future__ import annotations

import threading

import pytest
from builders import join, world
from sqlalchemy import func, select

from workshop import db, glossary, meetings
from workshop.content.methods import SEED_CONCEPTS
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.i18n import t
from workshop.model_warmup import ConceptDefinition, ConceptProposal


def glossary_item(session, w, *, meeting_id=None, open_=True):
    item = meetings.add_agenda_item(session, w.facilitator, meeting_id or w.meeting_id,
                                    title="Käsitteet", activity_type="glossary")
    if open_:
        meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    return item.id


def test_seeded_once_with_starting_definitions(session):
    w = world(session)
    item = glossary_item(session, w)
    p = join(session, w)
    assert glossary.list_for_item(session, p, item) == []
    assert glossary.start(session, p, item) and not glossary.start(session, p, item)
    concepts = glossary.list_for_item(session, p, item)
    assert [(c.term, c.definition) for c in concepts] == [
        (t(c.term_key, "fi"), t(c.definition_key, "fi")) for c in SEED_CONCEPTS]
    assert all(c.from_method and not c.agreed and c.definition_number == 1 for c in concepts)
    [start] = glossary.history(session, p, concepts[0].id)
    assert start.number == 1 and not start.agreed


HOSTILE = ["<script>alert('x')</script>", "😀🌱 emoji", "עברית ومرحبا \u202e RTL",
           "rivi 1\nrivi 2", "x" * glossary.MAX_PROPOSAL_LENGTH]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_proposals_are_stored_exactly(session, text):
    w = world(session)
    item = glossary_item(session, w)
    p = join(session, w)
    glossary.start(session, p, item)
    concept = glossary.list_for_item(session, p, item)[0]
    glossary.propose(session, p, item, concept.id, "wording", text)
    [proposal] = glossary.list_for_item(session, p, item)[0].proposals
    assert proposal.text == text and proposal.kind == "wording" and proposal.author.mine


@pytest.mark.parametrize("kind,text,key", [
    ("wording", "", "error.text.required"),
    ("comment", "x" * 50_000, "error.text.too_long"),
    ("comment", "a\x00b", "error.text.control_characters"),
    ("vote", "hyvä", "error.choice"),
])
def test_bad_proposals_are_refused_with_a_key(session, kind, text, key):
    w = world(session)
    item = glossary_item(session, w)
    p = join(session, w)
    glossary.start(session, p, item)
    concept = glossary.list_for_item(session, p, item)[0]
    with pytest.raises(InvalidInput) as caught:
        glossary.propose(session, p, item, concept.id, kind, text)
    assert caught.value.key == key
    assert session.scalar(select(func.count()).select_from(ConceptProposal)) == 0


def test_access_and_closed_item(session):
    x = world(session, "fasi_x")
    y = world(session, "fasi_y")
    x_item, y_item = glossary_item(session, x), glossary_item(session, y)
    px, py = join(session, x, "Xavier"), join(session, y, "Ylva")
    glossary.start(session, py, y_item)
    y_concept = glossary.list_for_item(session, py, y_item)[0]
    with pytest.raises(NotFound):
        glossary.list_for_item(session, px, y_item)
    with pytest.raises(NotFound):
        glossary.propose(session, px, x_item, y_concept.id, "comment", "vieras käsite")
    with pytest.raises(NotFound):
        glossary.history(session, px, y_concept.id)
    with pytest.raises(NotFound):
        glossary.record_definition(session, x.facilitator, y_concept.id, 1, "kaappaus")
    with pytest.raises(NotFound):
        glossary.record_definition(session, py, y_concept.id, 1, "osallistuja ei kirjaa")
    with pytest.raises(NotFound):
        glossary.add_concept(session, x.facilitator, y.workshop_id, "Vieras")
    meetings.set_item_flags(session, y.facilitator, y_item, contributions_open=False)
    with pytest.raises(InvalidInput) as caught:
        glossary.propose(session, py, y_item, y_concept.id, "comment", "myöhässä")
    assert caught.value.key == "error.contributions_closed"


def test_agreed_definitions_are_versioned_with_history(session):
    w = world(session)
    item = glossary_item(session, w)
    p = join(session, w)
    glossary.start(session, w.facilitator, item)
    concept = glossary.list_for_item(session, p, item)[0]
    proposal, _ = glossary.propose(session, p, item, concept.id, "wording",
                                   "Apua oikeiden palvelujen löytämiseen.")
    glossary.propose(session, p, item, concept.id, "comment", "Tarvitaanko sana 'ohjaus'?")
    version = glossary.record_definition(
        session, w.facilitator, concept.id, concept.version,
        "Apua oikeiden palvelujen löytämiseen ja saamiseen.", proposal_id=proposal,
        item_id=item)
    # a double click records once; an edit from an old screen is refused
    assert glossary.record_definition(
        session, w.facilitator, concept.id, concept.version,
        "Apua oikeiden palvelujen löytämiseen ja saamiseen.") == version
    with pytest.raises(StaleEdit):
        glossary.record_definition(session, w.facilitator, concept.id, concept.version,
                                   "vanhalta näytöltä")
    glossary.record_definition(session, w.facilitator, concept.id, version, "Kolmas muoto.")
    now = glossary.list_for_item(session, p, item)[0]
    assert (now.definition, now.agreed, now.definition_number) == ("Kolmas muoto.", True, 3)
    history = glossary.history(session, w.facilitator, concept.id)
    assert [(h.number, h.agreed, h.from_proposal, h.meeting_number) for h in history] == [
        (1, False, False, None), (2, True, True, 1), (3, True, False, 1)]
    assert history[0].definition == concept.definition
    assert [pr.kind for pr in now.proposals] == ["wording", "comment"]


def test_concurrent_recordings_one_wins(engine):
    with db.transaction(engine) as s:
        w = world(s)
        item = glossary_item(s, w)
        glossary.start(s, w.facilitator, item)
        concept = glossary.list_for_item(s, w.facilitator, item)[0]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def record(text):
        barrier.wait()
        try:
            with db.transaction(engine) as s:
                glossary.record_definition(s, w.facilitator, concept.id, concept.version, text)
            outcomes.append("ok")
        except StaleEdit:
            outcomes.append("stale")

    threads = [threading.Thread(target=record, args=(x,)) for x in ("Muoto A", "Muoto B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "stale"]
    with db.transaction(engine) as s:
        numbers = s.scalars(select(ConceptDefinition.number).where(
            ConceptDefinition.concept_id == concept.id)).all()
        assert sorted(numbers) == [1, 2]


def test_facilitator_adds_renames_and_hides_terms(session):
    w = world(session)
    item = glossary_item(session, w)
    p = join(session, w)
    new_id = glossary.add_concept(session, w.facilitator, w.workshop_id, "Kotoutuminen")
    assert len(glossary.list_for_item(session, p, item)) == len(SEED_CONCEPTS) + 1  # seeded too
    with pytest.raises(InvalidInput) as caught:
        glossary.add_concept(session, w.facilitator, w.workshop_id, "  kotoutuminen ")
    assert caught.value.key == "error.warmup.term_exists"
    with pytest.raises(InvalidInput) as caught:
        glossary.add_concept(session, w.facilitator, w.workshop_id, "\u200b")
    assert caught.value.key == "error.text.required"
    added = glossary.list_for_item(session, p, item)[-1]
    assert (added.id, added.definition, added.definition_number) == (new_id, "", 0)
    version = glossary.edit_term(session, w.facilitator, new_id, added.version, "Kotouttaminen")
    with pytest.raises(StaleEdit):
        glossary.edit_term(session, w.facilitator, new_id, added.version, "Vanha")
    glossary.record_definition(session, w.facilitator, new_id, version, "Tuki uuteen maahan.")
    assert [h.number for h in glossary.history(session, p, new_id)] == [1]
    glossary.hide_concept(session, w.facilitator, new_id)
    assert new_id not in [c.id for c in glossary.list_for_item(session, p, item)]
    with pytest.raises(NotFound):
        glossary.propose(session, p, item, new_id, "comment", "piilossa")
    with pytest.raises(NotFound):
        glossary.history(session, p, new_id)
    assert glossary.list_for_workshop(session, w.facilitator, w.workshop_id)[-1].hidden


def test_glossary_carries_into_later_meetings(session):
    w = world(session)
    item = glossary_item(session, w)
    p = join(session, w)
    glossary.start(session, p, item)
    concept = glossary.list_for_item(session, p, item)[0]
    glossary.propose(session, p, item, concept.id, "wording", "Ensimmäisen kerran ehdotus")
    glossary.record_definition(session, w.facilitator, concept.id, concept.version,
                               "Sovittu ensimmäisellä kerralla.")
    meetings.close_meeting(session, w.facilitator, w.meeting_id)
    second = meetings.plan_meeting(session, w.facilitator, w.workshop_id, title="Toinen")
    later = glossary_item(session, w, meeting_id=second.id, open_=False)
    meetings.open_meeting(session, w.facilitator, second.id)
    meetings.set_item_flags(session, w.facilitator, later, contributions_open=True)
    assert glossary.start(session, p, later) is False
    now = glossary.list_for_item(session, p, later)
    assert len(now) == len(SEED_CONCEPTS)
    assert (now[0].definition, now[0].agreed) == ("Sovittu ensimmäisellä kerralla.", True)
    assert now[0].proposals == ()  # proposals stay with the item they were made in
    everything = glossary.list_for_workshop(session, w.facilitator, w.workshop_id)
    assert [pr.text for pr in everything[0].proposals] == ["Ensimmäisen kerran ehdotus"]


def test_withdraw_and_hide_proposals(session):
    w = world(session)
    item = glossary_item(session, w)
    p = join(session, w)
    other = join(session, w, "Toinen", "professional")
    glossary.start(session, p, item)
    concept = glossary.list_for_item(session, p, item)[0]
    mine, _ = glossary.propose(session, p, item, concept.id, "comment", "oma",
                               client_key="proposal-key-1")
    assert glossary.propose(session, p, item, concept.id, "comment", "oma",
                            client_key="proposal-key-1") == (mine, False)
    rude, _ = glossary.propose(session, other, item, concept.id, "comment", "asiaton")
    with pytest.raises(NotFound):
        glossary.withdraw_proposal(session, other, mine, 1)
    glossary.withdraw_proposal(session, p, mine, 1)
    glossary.hide_proposal(session, w.facilitator, rude)
    assert glossary.list_for_item(session, p, item)[0].proposals == ()
    [kept] = glossary.list_for_item(session, w.facilitator, item)[0].proposals
    assert kept.hidden and kept.text == "asiaton"
