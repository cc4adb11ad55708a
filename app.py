"""Kehittämö entry point: identifies the user, sets the language, builds the navigation.

Facilitators log in with a password; participants are recognised by the personal token in
their link (``?p=...``), so a reload or a lost connection brings them back as themselves.
"""

from __future__ import annotations

import streamlit as st

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


def _pages() -> list[st.Page]:
    who = actor()
    if isinstance(who, FacilitatorActor):
        return [
            st.Page("pages/workshops.py", title=tr("nav.workshops"), icon=":material/groups:",
                    url_path="workshops", default=True),
            st.Page("pages/plan.py", title=tr("nav.plan"), icon=":material/event_note:",
                    url_path="plan"),
            st.Page("pages/console.py", title=tr("nav.console"), icon=":material/play_circle:",
                    url_path="console"),
            st.Page("pages/projector.py", title=tr("nav.projector"), icon=":material/tv:",
                    url_path="projector"),
            st.Page("pages/account.py", title=tr("nav.account"), icon=":material/person:",
                    url_path="account"),
        ]
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
page = st.navigation(_pages(), position="sidebar" if isinstance(actor(), FacilitatorActor)
                     else "top")
if isinstance(actor(), FacilitatorActor):
    language_switch(st.sidebar)
page.run()
