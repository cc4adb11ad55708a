"""Shared UI plumbing: the engine, the user's language, the actor, and safe actions.

Session state holds ids and small plain values only, never ORM objects.
"""

from __future__ import annotations

import logging
import os
import threading
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

from pages import live_cache
from workshop import accounts, db, meetings, participants
from workshop.access import Actor, FacilitatorActor, ParticipantActor
from workshop.errors import DomainError
from workshop.i18n import DEFAULT_LANGUAGE, LANGUAGES, message_for, normalise_language, t

log = logging.getLogger("kehittamo")
T = TypeVar("T")


def engine() -> Engine:
    """One engine per server process and database; the schema is upgraded at first use.

    A plain dictionary, not ``st.cache_resource``: every database call of every screen asks
    for the engine, and the framework's cache lookup cost more than the call itself."""
    url = db.database_url()
    found = _engines.get(url)
    if found is None:
        with _engines_lock:
            found = _engines.get(url)
            if found is None:
                found = db.make_engine(url)
                db.upgrade(found)
                _engines[url] = found
    return found


_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


@contextmanager
def unit(write: bool = True) -> Any:
    with db.transaction(engine(), write=write) as session:
        yield session


def lang() -> str:
    value = st.session_state.get("lang")
    if value in LANGUAGES:
        return value
    # Finnish unless asked otherwise (?lang=en or the switch): the browser's locale is not
    # a request, and a Finnish public service speaks Finnish first.
    st.session_state["lang"] = normalise_language(st.query_params.get("lang") or DEFAULT_LANGUAGE)
    return st.session_state["lang"]


def tr(key: str, **params: Any) -> str:
    """The text of a catalogue key in the user's language."""
    return t(key, lang(), **params)


def actor() -> Actor | None:
    if st.session_state.get("user_id"):
        return FacilitatorActor(int(st.session_state["user_id"]))
    if st.session_state.get("participant_id"):
        return ParticipantActor(int(st.session_state["participant_id"]))
    return None


def facilitator() -> FacilitatorActor:
    who = actor()
    if not isinstance(who, FacilitatorActor):
        st.stop()
    return who


def participant() -> ParticipantActor:
    who = actor()
    if not isinstance(who, ParticipantActor):
        st.stop()
    return who


# The database is away (SQLite locked past its busy timeout, PostgreSQL unreachable, no free
# pooled connection in time): say "not saved, try again", never a traceback.
DATABASE_ERRORS = (OperationalError, DBAPIError, PoolTimeout)


Problem = tuple[str, str]  # (message in the user's language, icon)


def _run(action: Callable[[Session], T], write: bool) -> tuple[T | None, Problem | None]:
    """``action`` in one unit of work: its result, or what to tell the user instead."""
    try:
        with unit(write) as session:
            result = action(session)
        if write:
            live_cache.forget_revisions()
        return result, None
    except DomainError as error:
        return None, (message_for(error, lang()), ":material/error:")
    except DATABASE_ERRORS:
        log.exception("database unavailable")
        return None, (tr("error.not_saved_try_again"), ":material/cloud_off:")


def attempt(action: Callable[[Session], T], *, write: bool = True) -> T | None:
    """Run ``action`` in one unit of work; show a clear message instead of a traceback.

    Returns None when it failed; the form keeps what the user typed, so nothing is lost.
    """
    result, problem = _run(action, write)
    if problem:
        st.error(problem[0], icon=problem[1])
    return result


def attempt_early(slot: str, action: Callable[[Session], T]) -> T | None:
    """``attempt`` for a form's submit callback (``on_click``), which Streamlit runs before
    the page draws: the save and its confirmation then take one run, not a run plus the
    rerun that would redraw the page with the new state. That second run was half of what
    a submit cost a participant when 200 phones share a server (``bench/load.py``).

    A failure cannot be drawn yet; ``show_problem(slot)`` draws it by the form.
    """
    result, problem = _run(action, True)
    if problem:
        st.session_state[f"_problem_{slot}"] = problem
    return result


def show_problem(slot: str) -> None:
    """The message of a failed ``attempt_early(slot)``, once, where the page calls this."""
    problem = st.session_state.pop(f"_problem_{slot}", None)
    if problem:
        message, icon = problem
        st.error(message, icon=icon)


def read_kept(slot: str, action: Callable[[Session], T]) -> T | None:
    """``read(action)``, but while the database is unreachable the value this slot read last.

    For what a page needs before it can draw its forms: without it a brief outage stopped
    the page above the form, and the text being sent vanished with the form. The outage
    shows where something is saved; a domain error shows as usual.
    """
    key = f"_kept_{slot}"
    try:
        with unit(False) as session:
            value = action(session)
    except DomainError as error:
        st.session_state.pop(key, None)
        _show_domain_error(error)
        return None
    except DATABASE_ERRORS:
        if key in st.session_state:
            log.warning("database unavailable: %s shows what it read last", slot)
            return st.session_state[key]
        _show_database_away()
        return None
    st.session_state[key] = value
    return value


def meeting_revision(meeting_id: int) -> int | None:
    """The live screens' change check, shared by every screen of this server (see
    :mod:`pages.live_cache`)."""
    return live_cache.revision(
        (db.database_url(), meeting_id),
        lambda: read_kept(f"revision_{meeting_id}", lambda s: meetings.revision(s, meeting_id)))


def _show_domain_error(error: DomainError) -> None:
    st.error(message_for(error, lang()), icon=":material/error:")


def _show_database_away() -> None:
    log.exception("database unavailable")
    st.error(tr("error.not_saved_try_again"), icon=":material/cloud_off:")


def done(action: Callable[[Session], object], *, write: bool = True) -> bool:
    """True when ``action`` succeeded, whatever it returned (many actions return None)."""
    return attempt(lambda s: (action(s), True)[1], write=write) is not None


def read(action: Callable[[Session], T]) -> T | None:
    return attempt(action, write=False)


def choose(slot: str, record_id: int | None) -> None:
    """Make ``record_id`` the chosen record of ``slot`` ("workshop_id", "meeting_id", ...)
    from the page itself, say the record just created (None forgets the choice).

    Streamlit identifies a keyed selectbox or radio by its key alone, and the browser sends
    back the value it shows on its next rerun: a choice set only in session state was undone
    by that rerun (the old workshop came back, the next meeting went into the old one).
    Choosers drawn with ``chooser_key(name, slot)`` get a new key instead, so they start
    again from the page's choice.
    """
    if record_id is None:
        st.session_state.pop(slot, None)
    else:
        st.session_state[slot] = record_id
    _count_up(f"_choice_generation_{slot}")


def chooser_key(name: str, slot: str) -> str:
    """The widget key of a chooser whose choice ``choose(slot, ...)`` may set."""
    return f"{name}_{st.session_state.get(f'_choice_generation_{slot}', 0)}"


def _count_up(slot: str) -> None:
    st.session_state[slot] = st.session_state.get(slot, 0) + 1


def filling(name: str) -> str:
    """The id of form ``name`` for the filling now on screen (its widgets' keys derive from
    it). After a save, ``filled(name)`` starts the next filling: new, empty widgets, and a
    second press of the saved filling (a double click, or a press Streamlit replays into
    the next run) matches no button any more, so it cannot save twice. (A double click on
    "Save" created two workshops.) The first filling keeps the plain name."""
    count = filling_number(name)
    return name if not count else f"{name}_{count}"


def filling_number(name: str) -> int:
    """How many fillings of form ``name`` were saved (0 for the first): widget keys that
    must be new for each filling can carry it."""
    return st.session_state.get(f"_filling_{name}", 0)


def filled(name: str) -> None:
    _count_up(f"_filling_{name}")


def form_key(name: str) -> str:
    """A random idempotency key for one filling of a form, renewed after a successful save."""
    slot = f"_form_key_{name}"
    if slot not in st.session_state:
        st.session_state[slot] = uuid.uuid4().hex
    return st.session_state[slot]


def renew_form_key(name: str) -> None:
    st.session_state.pop(f"_form_key_{name}", None)


def client_id() -> str:
    """The network address, for throttling password guesses (falls back to the browser)."""
    try:
        address = st.context.ip_address
    except Exception:  # noqa: BLE001
        address = None
    return f"ip:{address}" if address else browser_id()


def browser_id() -> str:
    """This browser session, for throttling join-code guesses.

    Not the address: a whole room of participants often shares one public address, and one
    person's typos must not lock everyone out.
    """
    if "_browser_id" not in st.session_state:
        st.session_state["_browser_id"] = uuid.uuid4().hex
    return "browser:" + st.session_state["_browser_id"]


def role_label(role: str | None) -> str:
    return tr(f"role.{role}.name") if role else tr("label.facilitator")


def public_base_url() -> str:
    """Where participants reach this server (KEHITTAMO_PUBLIC_URL, else the browser's URL)."""
    configured = os.environ.get("KEHITTAMO_PUBLIC_URL", "").strip()
    if configured:
        return configured.rstrip("/")
    try:
        url = st.context.url or ""
    except Exception:  # noqa: BLE001
        url = ""
    parts = urlsplit(url)
    if parts.scheme and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return "http://localhost:8501"


def join_url(link_token: str) -> str:
    return f"{public_base_url()}/?{urlencode({'join': link_token})}"


def set_page_language(language: str) -> None:
    """Tell browsers and screen readers the page language (WCAG 3.1.1); static script only."""
    st.html(
        f"<script>document.documentElement.lang = {language!r};</script>",
        unsafe_allow_javascript=True,
    )


AUTH_COOKIE = "kehittamo_auth"


def remember_login(user_id: int) -> None:
    """Sign the facilitator in for this session and remember it in a cookie (12 h), so a
    reload or a second tab (console + projector) keeps them signed in."""
    token = attempt(lambda s: accounts.start_login_session(s, user_id))
    st.session_state["user_id"] = user_id
    if token:
        st.session_state["_auth_token"] = token
        st.session_state["_cookie_script"] = (
            f"document.cookie = '{AUTH_COOKIE}=' + {token!r} + '; path=/; max-age=43200; "
            "SameSite=Strict' + (location.protocol === 'https:' ? '; Secure' : '');"
        )


def restore_login() -> None:
    """A remembered login (cookie) signs the facilitator in to a new session."""
    if st.session_state.get("user_id") or st.session_state.get("participant_id"):
        return
    try:
        token = st.context.cookies.get(AUTH_COOKIE)
    except Exception:  # noqa: BLE001 - AppTest has no cookies
        token = None
    if not token:
        return
    user = read(lambda s: accounts.resume_login_session(s, token))
    if user is not None:
        st.session_state["user_id"] = user.id
        st.session_state["_auth_token"] = token
        st.session_state.setdefault("lang", user.language)


def run_cookie_script() -> None:
    """Set or clear the login cookie in the browser (our own static script, no user data)."""
    script = st.session_state.pop("_cookie_script", None)
    if script:
        st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)


def logout() -> None:
    token = st.session_state.get("_auth_token")
    if token:
        attempt(lambda s: accounts.end_login_session(s, token))
    for name in ("user_id", "participant_id", "workshop_id", "meeting_id", "_auth_token"):
        st.session_state.pop(name, None)
    st.session_state["_cookie_script"] = (
        f"document.cookie = '{AUTH_COOKIE}=; path=/; max-age=0; SameSite=Strict';"
    )
    st.query_params.clear()


def _remember_language() -> None:
    """Keep the user's language choice in their own record (facilitator or participant)."""
    chosen = st.session_state.get("language_choice")
    if chosen is None:
        return
    st.session_state["lang"] = chosen
    who = actor()
    if isinstance(who, FacilitatorActor):
        attempt(lambda s: accounts.set_language(s, who.user_id, chosen))
    elif isinstance(who, ParticipantActor):
        attempt(lambda s: participants.update_self(s, who, language=chosen))


def language_switch(container: Any) -> None:
    options = ["fi", "en"]
    container.segmented_control(
        tr("label.language"), options, default=lang(), key="language_choice",
        format_func=lambda code: {"fi": "Suomi", "en": "English"}[code],
        on_change=_remember_language,
    )




LIVE_SECONDS_PARTICIPANT = 2.0
LIVE_SECONDS_FACILITATOR = 1.0
_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>:~$=&")


def plain(text: str) -> str:
    """Markdown that shows ``text`` literally: user text is never markup, links or HTML."""
    escaped = "".join(f"\\{ch}" if ch in _MARKDOWN_SPECIAL else ch for ch in text)
    return escaped.replace("\n", "  \n")


def flash(message: str) -> None:
    """A confirmation shown once on the next run (survives the rerun that follows a save)."""
    st.session_state["_flash"] = message


def show_flash() -> None:
    message = st.session_state.pop("_flash", None)
    if message:
        st.success(message, icon=":material/check_circle:")


def rerun_fragment() -> None:
    """Rerun the fragment that handled the click, or the whole page when the click came in
    a full run (AppTest, or a fragment drawn during a full rerun)."""
    from streamlit.errors import StreamlitAPIException

    try:
        st.rerun(scope="fragment")
    except StreamlitAPIException:
        st.rerun()
