"""Facilitator accounts: argon2id password hashes, login with throttling, language choice."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workshop import throttle
from workshop.errors import Conflict, InvalidInput, NotFound
from workshop.i18n import LANGUAGES
from workshop.model_sessions import LoginSession
from workshop.models import User, utcnow
from workshop.text import clean_choice, clean_name

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
_hasher = PasswordHasher()


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    display_name: str
    language: str


def _view(user: User) -> UserView:
    return UserView(user.id, user.username, user.display_name, user.language)


def normalise_username(username: object) -> str:
    if not isinstance(username, str):
        raise InvalidInput("error.username")
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise InvalidInput("error.username")
    return name


def _check_password(password: object) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("error.password.too_short", min=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidInput("error.password.too_long", max=MAX_PASSWORD_LENGTH)
    return password


def create_user(
    session: Session,
    username: str,
    password: str,
    display_name: str | None = None,
    language: str = "fi",
) -> UserView:
    name = normalise_username(username)
    pw = _check_password(password)
    shown = clean_name(display_name or name, field="field.display_name", max_length=120)
    lang = clean_choice(language, LANGUAGES, field="field.language")
    if session.scalar(select(User.id).where(User.username == name)) is not None:
        raise Conflict("error.username_taken", username=name)
    user = User(username=name, display_name=shown, password_hash=_hasher.hash(pw), language=lang)
    session.add(user)
    session.flush()
    return _view(user)


def user_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def authenticate(
    session: Session, username: str, password: str, client: str = ""
) -> UserView | None:
    """The user whose password matches, or None (the failure is recorded, so commit).

    Throttled per username and per client: :class:`TooManyAttempts` while blocked.
    """
    name = username.strip().lower() if isinstance(username, str) else ""
    for key in (f"user:{name}", f"client:{client}"):
        throttle.check(session, "login", key)
    user = session.scalar(select(User).where(User.username == name))
    if user is None or not _verify(user, password if isinstance(password, str) else ""):
        for key in (f"user:{name}", f"client:{client}"):
            throttle.record_failure(session, "login", key)
        return None
    throttle.record_success(session, "login", f"user:{name}")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.last_login_at = utcnow()
    return _view(user)


def _verify(user: User, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def set_password(session: Session, username: str, password: str) -> None:
    user = session.scalar(select(User).where(User.username == normalise_username(username)))
    if user is None:
        raise NotFound("error.user_unknown", username=username)
    user.password_hash = _hasher.hash(_check_password(password))


def get_user(session: Session, user_id: int) -> UserView:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound()
    return _view(user)


def set_language(session: Session, user_id: int, language: str) -> None:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound()
    user.language = clean_choice(language, LANGUAGES, field="field.language")


def find_user(session: Session, username: str) -> UserView | None:
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    return _view(user) if user else None


LOGIN_LIFETIME = dt.timedelta(hours=12)


def start_login_session(session: Session, user_id: int) -> str:
    """A new remembered login for ``user_id``; returns the token for the browser's cookie."""
    if session.get(User, user_id) is None:
        raise NotFound()
    token = secrets.token_urlsafe(32)
    session.add(LoginSession(token_hash=_hash(token), user_id=user_id,
                             expires_at=utcnow() + LOGIN_LIFETIME))
    session.flush()
    return token


def resume_login_session(session: Session, token: object) -> UserView | None:
    """The facilitator a remembered login belongs to, if it is still valid."""
    if not isinstance(token, str) or not 20 <= len(token) <= 128:
        return None
    row = session.get(LoginSession, _hash(token))
    if row is None or row.expires_at <= utcnow():
        return None
    user = session.get(User, row.user_id)
    return _view(user) if user else None


def end_login_session(session: Session, token: object) -> None:
    if isinstance(token, str):
        row = session.get(LoginSession, _hash(token))
        if row is not None:
            session.delete(row)
            session.flush()


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
