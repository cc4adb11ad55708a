import pytest
from sqlalchemy import select

from workshop import accounts
from workshop.errors import Conflict, InvalidInput, TooManyAttempts
from workshop.models import User


def test_password_is_stored_as_argon2_hash_and_verifies(session):
    accounts.create_user(session, "Fasi", "a long password", "Fasi Fasilitaattori")
    stored = session.scalar(select(User))
    assert stored.username == "fasi"
    assert stored.password_hash.startswith("$argon2id$")
    assert "a long password" not in stored.password_hash
    assert accounts.authenticate(session, "FASI ", "a long password").username == "fasi"
    assert accounts.authenticate(session, "fasi", "wrong password!") is None


@pytest.mark.parametrize("password", ["", "short", "x" * 257, None])
def test_weak_or_absurd_passwords_are_refused(session, password):
    with pytest.raises(InvalidInput) as caught:
        accounts.create_user(session, "fasi", password)
    assert caught.value.key.startswith("error.password")


@pytest.mark.parametrize("username", ["", "a", "with space", "<script>", "ä" * 3, "x" * 65])
def test_bad_usernames_are_refused(session, username):
    with pytest.raises(InvalidInput):
        accounts.create_user(session, username, "a long password")


def test_duplicate_username_is_a_conflict(session):
    accounts.create_user(session, "fasi", "a long password")
    with pytest.raises(Conflict):
        accounts.create_user(session, "FASI", "another long password")


def test_repeated_wrong_passwords_are_slowed_down(engine):
    from workshop import db

    with db.transaction(engine) as s:
        accounts.create_user(s, "fasi", "a long password")
    for _ in range(5):
        with db.transaction(engine) as s:
            assert accounts.authenticate(s, "fasi", "nope nope nope", "ip:1") is None
    with db.transaction(engine) as s, pytest.raises(TooManyAttempts) as caught:
        accounts.authenticate(s, "fasi", "a long password", "ip:1")
    assert caught.value.params["seconds"] > 0


def test_language_is_remembered(session):
    user = accounts.create_user(session, "fasi", "a long password")
    accounts.set_language(session, user.id, "en")
    assert accounts.get_user(session, user.id).language == "en"
    with pytest.raises(InvalidInput):
        accounts.set_language(session, user.id, "sv")


def test_set_password(session):
    accounts.create_user(session, "fasi", "a long password")
    accounts.set_password(session, "fasi", "a brand new password")
    assert accounts.authenticate(session, "fasi", "a brand new password") is not None
    assert accounts.authenticate(session, "fasi", "a long password") is None


def test_remembered_login_resumes_until_it_ends_or_expires(session):
    import datetime as dt

    from workshop.model_sessions import LoginSession

    user = accounts.create_user(session, "fasi", "a long password")
    token = accounts.start_login_session(session, user.id)
    assert accounts.resume_login_session(session, token).id == user.id
    assert token not in {row.token_hash for row in session.scalars(select(LoginSession))}
    for bad in (None, "", "x" * 30, token + "x"):
        assert accounts.resume_login_session(session, bad) is None
    row = session.scalars(select(LoginSession)).one()
    row.expires_at = row.created_at - dt.timedelta(seconds=1)
    assert accounts.resume_login_session(session, token) is None
    other = accounts.start_login_session(session, user.id)
    accounts.end_login_session(session, other)
    assert accounts.resume_login_session(session, other) is None
