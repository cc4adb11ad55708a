"""A participant who edits the address or ids reaches nothing that is not theirs.

AppTest pages against a fresh SQLite database (``app_db``), plus the domain calls a page would
make with the participant as actor (what a tampered id or session would reach). Covered: a
``?p=`` token of another workshop's participant, made-up tokens (the stored hash too), a
participant whose meeting has closed, ``?join=`` links of a closed or another meeting, other
participants' and workshops' record ids, the randomness of link and personal tokens, and
the slowdown of repeated wrong join codes from one browser.
"""

from __future__ import annotations

import math
import secrets

import pytest
from apptest_helpers import make_app, texts
from sqlalchemy import func, select

from workshop import accounts, db, meetings, notes, participants, workshops
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.errors import InvalidInput, NotFound
from workshop.i18n import t
from workshop.models import Meeting, Note, Participant, Throttle

LINK_UNKNOWN = t("error.link_unknown", "fi")
MEETING_CLOSED = t("error.meeting_closed", "fi")
PARTICIPANT_UNKNOWN = t("error.participant_unknown", "fi")
CODE_UNKNOWN = t("error.code_unknown", "fi")
TOO_MANY = t("error.too_many_attempts", "fi", seconds=0).split("0")[0]  # before the number
NO_MEETING = t("participate.no_meeting", "fi")


def _group(engine, username: str, workshop_name: str, note_text: str):
    """A facilitator's workshop with an open meeting, a notes item, a participant and a note."""
    with db.transaction(engine) as s:
        me = FacilitatorActor(accounts.create_user(s, username, "a long password", "Fasi").id)
        w = workshops.create_workshop(s, me, workshop_name)
        m = meetings.plan_meeting(s, me, w.id, title=f"Tapaaminen {workshop_name}")
        item = meetings.add_agenda_item(s, me, m.id, title=f"Ideat {workshop_name}",
                                        activity_type="notes")
        opened = meetings.open_meeting(s, me, m.id)
        meetings.set_item_flags(s, me, item.id, contributions_open=True)
        joined = participants.join(s, s.get(Meeting, m.id), display_name=f"Osallistuja {username}",
                                   role="client_rep")
        person = ParticipantActor(joined.participant.id)
        note_id, _ = notes.add_note(s, person, item.id, note_text)
    return {"facilitator": me, "workshop_id": w.id, "meeting": opened, "item_id": item.id,
            "token": joined.token, "participant": person, "note_id": note_id}


@pytest.fixture
def two_groups(app_db):
    first = _group(app_db, "fasi", "Ensimmäinen ryhmä", "ensimmäisen ryhmän salainen idea")
    second = _group(app_db, "toinen", "Toinen ryhmä", "toisen ryhmän oma idea")
    return app_db, first, second


def _as_participant(token: str):
    app = make_app()
    app.query_params["p"] = token
    app.run()
    assert not app.exception, app.exception
    return app


# --- tokens in the address ----------------------------------------------------------------------

def test_a_token_shows_its_own_workshop_only(two_groups):
    """A first-group participant who puts the second group's token in the address (a new
    page load, so a new session) is that participant and sees the second group only; within
    the running session, an address change does not switch who they are."""
    engine, first, second = two_groups
    app = _as_participant(first["token"])
    assert app.session_state["participant_id"] == first["participant"].participant_id
    assert "ensimmäisen ryhmän salainen idea" in texts(app)
    app.query_params["p"] = second["token"]
    app.run()
    assert not app.exception
    assert app.session_state["participant_id"] == first["participant"].participant_id
    assert "toisen ryhmän oma idea" not in texts(app)

    edited = _as_participant(second["token"])
    assert edited.session_state["participant_id"] == second["participant"].participant_id
    shown = texts(edited)
    assert "Toinen ryhmä" in shown and "toisen ryhmän oma idea" in shown
    assert "Ensimmäinen ryhmä" not in shown and "salainen idea" not in shown


MADE_UP = ["a" * 32, "x", secrets.token_urlsafe(24), "1", "' OR 1=1 --",
           "<script>x</script>" * 3, "ä" * 40, "t" * 500]


def test_made_up_tokens_identify_nobody(two_groups):
    for made_up in MADE_UP:  # one database for all: setting one up is the slow part
        app = _as_participant(made_up)
        assert "participant_id" not in app.session_state, made_up
        assert PARTICIPANT_UNKNOWN in texts(app)
        assert "p" not in app.query_params  # the bad token is dropped from the address
        assert "salainen idea" not in texts(app) and "oma idea" not in texts(app)


def test_the_stored_hash_or_id_is_not_a_token(two_groups):
    engine, first, _second = two_groups
    with db.transaction(engine) as s:
        stored = s.get(Participant, first["participant"].participant_id)
        token_hash, pid = stored.token_hash, stored.id
    for guess in (token_hash, str(pid), first["token"][:-1], first["token"].upper()):
        app = _as_participant(guess)
        assert "participant_id" not in app.session_state, guess
        assert PARTICIPANT_UNKNOWN in texts(app)


def test_an_erased_participants_token_stops_working(two_groups):
    engine, first, _second = two_groups
    from workshop import privacy

    with db.transaction(engine) as s:
        privacy.erase_participant(s, first["facilitator"], first["participant"].participant_id,
                                  delete_contributions=False)
    app = _as_participant(first["token"])
    assert "participant_id" not in app.session_state
    assert PARTICIPANT_UNKNOWN in texts(app)


def test_after_the_meeting_closes_the_token_reaches_nothing_writable(two_groups):
    engine, first, _second = two_groups
    with db.transaction(engine) as s:
        meetings.close_meeting(s, first["facilitator"], first["meeting"].id)
    app = _as_participant(first["token"])
    assert app.session_state["participant_id"] == first["participant"].participant_id
    shown = texts(app)
    assert NO_MEETING in shown
    assert "salainen idea" not in shown  # the closed meeting's notes are not listed
    assert not app.text_area and not app.button  # no form to write into
    person = first["participant"]
    with db.transaction(engine) as s:
        with pytest.raises(NotFound) as caught:
            notes.add_note(s, person, first["item_id"], "myöhässä")
        assert caught.value.key == "error.meeting_not_open"
        with pytest.raises(NotFound):
            notes.edit_note(s, person, first["note_id"], 1, "muutettu jälkikäteen")
        with pytest.raises(NotFound):
            notes.withdraw_note(s, person, first["note_id"], 1)
        with pytest.raises(NotFound):
            notes.list_notes(s, person, first["item_id"])
        with pytest.raises(InvalidInput):  # nor can the facilitator reopen writing
            meetings.set_item_flags(s, first["facilitator"], first["item_id"],
                                    contributions_open=True)
    with db.transaction(engine) as s:
        assert [n.text for n in s.scalars(select(Note).where(
            Note.agenda_item_id == first["item_id"]))] == ["ensimmäisen ryhmän salainen idea"]


# --- join links and codes -----------------------------------------------------------------------

def _join_via_link(link: str, name: str = "Linkkiläinen"):
    app = make_app()
    app.query_params["join"] = link
    app.run()
    app.text_input(key="join_name").input(name)
    app.radio(key="join_role").set_value("client_rep")
    app.button[0].click().run()
    assert not app.exception, app.exception
    return app


def test_link_of_a_closed_meeting_or_a_made_up_link_joins_nobody(two_groups):
    engine, first, second = two_groups
    old_link = first["meeting"].link_token
    with db.transaction(engine) as s:
        meetings.close_meeting(s, first["facilitator"], first["meeting"].id)
        later = meetings.plan_meeting(s, first["facilitator"], first["workshop_id"],
                                      title="Seuraava")
        reopened = meetings.open_meeting(s, first["facilitator"], later.id)
        count = s.scalar(select(func.count()).select_from(Participant))
    assert reopened.link_token != old_link  # each opening gets a fresh link

    app = _join_via_link(old_link)
    assert MEETING_CLOSED in texts(app)
    assert "participant_id" not in app.session_state
    app = _join_via_link(secrets.token_urlsafe(16))
    assert LINK_UNKNOWN in texts(app)
    assert "participant_id" not in app.session_state
    with db.transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(Participant)) == count

    # the second group's link joins the second group, never the first
    app = _join_via_link(second["meeting"].link_token, "Vieras")
    pid = app.session_state["participant_id"]
    with db.transaction(engine) as s:
        assert s.get(Participant, pid).workshop_id == second["workshop_id"]
        with pytest.raises(NotFound):
            workshops.get_workshop(s, ParticipantActor(pid), first["workshop_id"])


def test_join_link_and_personal_tokens_are_unguessable(two_groups, monkeypatch):
    """The generators draw enough random bytes (>= 40 bits; in fact 128 and 192)."""
    engine, first, _second = two_groups
    drawn: list[int] = []
    real = secrets.token_urlsafe

    def spy(nbytes=None):
        drawn.append(nbytes)
        return real(nbytes)

    monkeypatch.setattr(secrets, "token_urlsafe", spy)
    links = set()
    with db.transaction(engine) as s:
        me = first["facilitator"]
        meetings.close_meeting(s, me, first["meeting"].id)
        for _ in range(20):
            m = meetings.open_meeting(s, me, first["meeting"].id)
            links.add(m.link_token)
            meetings.close_meeting(s, me, m.id)
        link_draws = list(drawn)
        drawn.clear()
        meeting = meetings.open_meeting(s, me, first["meeting"].id)
        drawn.clear()
        joined = participants.join(s, s.get(Meeting, meeting.id), display_name="Uusi",
                                   role="other")
    assert link_draws and all(n is not None and n * 8 >= 40 for n in link_draws)
    assert drawn and all(n is not None and n * 8 >= 40 for n in drawn)
    assert len(links) == 20  # no repeats
    for token in (*links, joined.token):
        # base64url: 6 bits per character; at least 40 bits of the generator's output
        assert len(token) * 6 >= 40 and set(token) <= set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    # the typed code is short by design (phones) and relies on the throttle below
    assert len(meetings.CODE_ALPHABET) ** meetings.CODE_LENGTH > 10**8
    assert math.log2(len(meetings.CODE_ALPHABET)) * meetings.CODE_LENGTH > 29


def test_repeated_wrong_codes_from_one_browser_are_slowed_down(two_groups):
    engine, first, _second = two_groups
    from workshop import throttle

    app = make_app().run()
    app.text_input(key="join_name").input("Arvaaja")
    app.radio(key="join_role").set_value("other")
    wrong = ["ZZZZZZ", "YYYYYY", "XXXXXX", "WWWWWW", "VVVVVV", "UUUUUU"]
    for attempt, code in enumerate(wrong, start=1):
        app.text_input(key="join_code").input(code)
        app.button[0].click().run()
        assert not app.exception
        if attempt < throttle.FREE_FAILURES:
            assert CODE_UNKNOWN in texts(app)
    # blocked now: even the right code is refused until the wait is over
    app.text_input(key="join_code").input(first["meeting"].join_code)
    app.button[0].click().run()
    assert TOO_MANY in texts(app)
    assert "participant_id" not in app.session_state
    with db.transaction(engine) as s:
        [row] = s.scalars(select(Throttle).where(Throttle.scope == "join")).all()
        assert row.failures >= throttle.FREE_FAILURES and row.blocked_until is not None

    # another browser (another session) is not blocked by this one's typos
    other = make_app().run()
    other.text_input(key="join_code").input(first["meeting"].join_code)
    other.text_input(key="join_name").input("Rehellinen")
    other.radio(key="join_role").set_value("other")
    other.button[0].click().run()
    assert not other.exception
    assert "participant_id" in other.session_state


# --- other people's records ---------------------------------------------------------------------

def test_other_participants_and_workshops_records_are_not_found(two_groups):
    engine, first, second = two_groups
    with db.transaction(engine) as s:
        mate = participants.join(s, s.get(Meeting, first["meeting"].id), display_name="Kaveri",
                                 role="professional")
        mate_actor = ParticipantActor(mate.participant.id)
    mine = first["participant"]
    theirs = first["note_id"]  # written by ``mine``; ``mate`` is in the same meeting
    foreign = second["note_id"]
    with db.transaction(engine) as s:
        for call in (
            lambda: notes.edit_note(s, mate_actor, theirs, 1, "kaapattu"),
            lambda: notes.withdraw_note(s, mate_actor, theirs, 1),
            lambda: notes.hide_note(s, mate_actor, theirs),
            lambda: notes.edit_note(s, mine, foreign, 1, "kaapattu"),
            lambda: notes.withdraw_note(s, mine, foreign, 1),
            lambda: notes.list_notes(s, mine, second["item_id"]),
            lambda: notes.add_note(s, mine, second["item_id"], "väärään ryhmään"),
            lambda: workshops.get_workshop(s, mine, second["workshop_id"]),
            lambda: meetings.get_meeting(s, mine, second["meeting"].id),
            lambda: meetings.get_item(s, mine, second["item_id"]),
            lambda: participants.list_participants(s, mine, first["workshop_id"]),
            lambda: notes.edit_note(s, mine, 10**9, 1, "ei ole"),
        ):
            with pytest.raises(NotFound):
                call()
    with db.transaction(engine) as s:
        texts_now = {n.id: (n.text, n.withdrawn, n.hidden) for n in s.scalars(select(Note))}
    assert texts_now[theirs] == ("ensimmäisen ryhmän salainen idea", False, False)
    assert texts_now[foreign] == ("toisen ryhmän oma idea", False, False)


def test_the_page_offers_edit_forms_for_own_notes_only(two_groups):
    """On the participant page, only one's own notes get edit and withdraw buttons; setting
    an editor's session key for someone else's note id does nothing."""
    engine, first, _second = two_groups
    with db.transaction(engine) as s:
        mate = participants.join(s, s.get(Meeting, first["meeting"].id), display_name="Kaveri",
                                 role="professional")
        own_id, _ = notes.add_note(s, ParticipantActor(mate.participant.id), first["item_id"],
                                   "kaverin oma idea")
    app = _as_participant(mate.token)
    shown = texts(app)
    assert "kaverin oma idea" in shown and "ensimmäisen ryhmän salainen idea" in shown
    editors = {area.key for area in app.text_area if area.key.startswith("edit_text_")}
    assert editors == {f"edit_text_{own_id}"}
    # tampering: an editor value for the other participant's note, then a rerun and a save
    app.session_state[f"edit_text_{first['note_id']}"] = "kaapattu"
    app.run()
    saves = [b for b in app.button if "FormSubmitter:edit_" in (b.key or "")]
    assert saves and all(f"edit_{own_id}_" in b.key for b in saves)
    for button in saves:
        if button.label == t("action.save", "fi"):
            button.click().run()
            break
    assert not app.exception
    with db.transaction(engine) as s:
        assert s.get(Note, first["note_id"]).text == "ensimmäisen ryhmän salainen idea"
        assert not s.get(Note, first["note_id"]).withdrawn
