import pytest
from builders import join, world

from workshop import db, meetings, participants
from workshop.errors import DomainError, InvalidInput, NotFound, TooManyAttempts
from workshop.models import Meeting


def _meeting(session, w):
    return session.get(Meeting, w.meeting_id)


def test_join_by_code_typed_loosely(session):
    w = world(session)
    code = _meeting(session, w).join_code
    typed = f" {code[:3].lower()}-{code[3:]} "
    found = participants.find_open_meeting(session, code=typed, client="b1")
    assert isinstance(found, Meeting) and found.id == w.meeting_id


def test_join_by_link_and_resume_with_personal_token(session):
    w = world(session)
    link = _meeting(session, w).link_token
    found = participants.find_open_meeting(session, link=link, client="b1")
    result = participants.join(session, found, display_name="Aino 🌱", role="client_rep")
    assert result.meeting_id == w.meeting_id
    again = participants.resume(session, result.token)
    assert again.id == result.participant.id and again.display_name == "Aino 🌱"
    # only a hash of the token is stored
    from workshop.models import Participant
    stored = session.get(Participant, again.id)
    assert result.token not in stored.token_hash


@pytest.mark.parametrize("token", [None, "", "short", "x" * 500, "not-a-real-token-at-all"])
def test_unknown_tokens_are_not_found(session, token):
    with pytest.raises(NotFound):
        participants.resume(session, token)


def test_wrong_code_closed_meeting_and_expired_link_give_reasons(session):
    w = world(session)
    meeting = _meeting(session, w)
    link = meeting.link_token
    assert participants.find_open_meeting(session, code="AB", client="b").key == "error.code_format"
    assert participants.find_open_meeting(session, code="ZZZZZZ", client="b").key == \
        "error.code_unknown"
    meetings.close_meeting(session, w.facilitator, w.meeting_id)
    assert participants.find_open_meeting(session, link=link, client="b").key == \
        "error.meeting_closed"
    assert participants.find_open_meeting(session, link="nonexistent", client="b").key == \
        "error.link_unknown"


def test_repeated_wrong_codes_from_one_browser_are_slowed_down(engine):
    with db.transaction(engine) as s:
        w = world(s)
        good = _meeting(s, w).join_code
    for _ in range(5):
        with db.transaction(engine) as s:
            assert isinstance(participants.find_open_meeting(s, code="ZZZZZZ", client="b1"),
                              DomainError)
    with db.transaction(engine) as s, pytest.raises(TooManyAttempts):
        participants.find_open_meeting(s, code=good, client="b1")
    with db.transaction(engine) as s:  # another browser in the same room is not blocked
        assert isinstance(participants.find_open_meeting(s, code=good, client="b2"), Meeting)


@pytest.mark.parametrize("name,role", [("", "client_rep"), ("   ", "client_rep"),
                                       ("Aino", "boss"), ("a\x07b", "other"), ("x" * 81, "other")])
def test_bad_names_and_roles_are_refused(session, name, role):
    w = world(session)
    with pytest.raises(InvalidInput):
        participants.join(session, _meeting(session, w), display_name=name, role=role)


def test_presence_counts_by_role_without_names(session):
    w = world(session)
    join(session, w, "Aino", "client_rep")
    join(session, w, "Mikko", "professional")
    join(session, w, "Leena", "expert_by_experience")
    seen = participants.presence(session, w.facilitator, w.workshop_id)
    assert seen.total == 3
    assert seen.by_role == {"client_rep": 1, "professional": 1, "expert_by_experience": 1}
    assert seen.by_group == {"client": 2, "worker": 1}
