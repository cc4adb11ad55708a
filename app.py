"""Kehittämö entry point: identifies the user, sets the language, builds the navigation.

Facilitators log in with a password; participants are recognised by the personal token in
their link (``?p=...``), so a reload or a lost connection brings them back as themselves.
"""

from __future__ import annotations

import contextlib

import streamlit as st

from pages import live_cache
from pages.common import (
    actor,
    attempt,
    lang,
    language_switch,
    restore_login,
    run_cookie_script,
    set_page_language,
    tr,
)
from workshop import participants
from workshop.access import FacilitatorActor, ParticipantActor

st.set_page_config(page_title="Kehittämö", page_icon=":material/groups:", layout="wide")


def _restore_participant() -> None:
    """A participant's personal token in the URL identifies them across reloads."""
    token = st.query_params.get("p")
    if not token or st.session_state.get("user_id"):
        return
    if st.session_state.get("participant_token") == token and st.session_state.get(
        "participant_id"
    ):
        return
    found = attempt(lambda s: participants.resume(s, token), write=False)
    if found is None:
        st.query_params.pop("p", None)
        return
    st.session_state["participant_id"] = found.id
    st.session_state["participant_token"] = token
    st.session_state["lang"] = found.language


def _page(path: str, key: str, icon: str, slug: str, default: bool = False) -> st.Page:
    return st.Page(path, title=tr(key), icon=f":material/{icon}:", url_path=slug,
                   default=default)


def _facilitator_pages() -> dict[str, list[st.Page]]:
    """Facilitator navigation in sections, in the order a theme group's work goes."""
    return {
        tr("nav.section.workshop"): [
            _page("pages/workshops.py", "nav.workshops", "groups", "workshops", default=True),
            _page("pages/plan.py", "nav.plan", "event_note", "plan"),
            _page("pages/people.py", "nav.people", "shield_person", "people"),
        ],
        tr("nav.section.meeting"): [
            _page("pages/console.py", "nav.console", "play_circle", "console"),
            _page("pages/projector.py", "nav.projector", "tv", "projector"),
        ],
        tr("nav.section.work"): [
            _page("pages/warmup_library.py", "nav.warmup_library", "menu_book", "warm-up"),
            _page("pages/personas.py", "nav.personas", "badge", "personas"),
            _page("pages/paths.py", "nav.paths", "route", "paths"),
            _page("pages/causal_map.py", "nav.causal_map", "share", "causal-maps"),
            _page("pages/candidates.py", "nav.candidates", "checklist", "choosing"),
            _page("pages/model_canvas.py", "nav.model_canvas", "hub", "model"),
        ],
        tr("nav.section.results"): [
            _page("pages/feedback_results.py", "nav.feedback_results", "poll", "feedback"),
            _page("pages/evaluation.py", "nav.evaluation", "insights", "evaluation"),
            _page("pages/exports.py", "nav.exports", "download", "exports"),
        ],
        tr("nav.section.account"): [
            _page("pages/account.py", "nav.account", "person", "account"),
        ],
    }


def _pages() -> list[st.Page] | dict[str, list[st.Page]]:
    who = actor()
    if isinstance(who, FacilitatorActor):
        return _facilitator_pages()
    if isinstance(who, ParticipantActor):
        return [st.Page("pages/participate.py", title=tr("nav.participate"),
                        icon=":material/edit_note:", url_path="participate", default=True)]
    return [
        st.Page("pages/join.py", title=tr("nav.join"), icon=":material/login:", url_path="join",
                default=True),
        st.Page("pages/login.py", title=tr("nav.login"), icon=":material/key:", url_path="login"),
    ]


_restore_participant()  # an explicit participant link wins over a remembered login
restore_login()
set_page_language(lang())
run_cookie_script()
# expanded: every page listed, no framework "View more" button (English-only text, and one
# more step for keyboard users). Others get no menu: the join page links to the login, and
# on a phone Streamlit folds a top menu into a closed sidebar whose links stay in the Tab
# order while off screen (keyboard focus lost from sight, WCAG 2.4.7).
current = actor()
page = st.navigation(_pages(), position="sidebar" if isinstance(current, FacilitatorActor)
                     else "hidden", expanded=True)
if isinstance(current, FacilitatorActor):
    language_switch(st.sidebar)
# A participant's run takes its turn among the phones' runs (see live_cache.participant_run).
turn = live_cache.participant_run() if isinstance(current, ParticipantActor) \
    else contextlib.nullcontext()
try:
    with turn:
        page.run()
finally:
    live_cache.freeze_startup_objects()  # once, after the first run's imports
