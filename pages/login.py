"""Facilitator login; on a fresh install, the first-run screen creates the first account."""

from __future__ import annotations

import streamlit as st

from pages.common import attempt, client_id, lang, language_switch, read, remember_login, tr
from workshop import accounts
from workshop.errors import InvalidInput

language_switch(st)
st.title(tr("login.title"))

first_run = read(lambda s: accounts.user_count(s) == 0)


def _signed_in(user: accounts.UserView) -> None:
    remember_login(user.id)
    st.session_state["lang"] = user.language
    st.session_state.pop("language_choice", None)
    st.query_params.clear()
    st.rerun()


if first_run:
    st.info(tr("login.first_run"))
    with st.form("first_account"):
        username = st.text_input(tr("field.username"), key="new_username",
                                 help=tr("login.username_help"))
        display_name = st.text_input(tr("field.display_name"), key="new_display_name")
        password = st.text_input(tr("field.password"), type="password", key="new_password",
                                 help=tr("login.password_help", min=accounts.MIN_PASSWORD_LENGTH))
        again = st.text_input(tr("field.password_again"), type="password", key="new_password2")
        if st.form_submit_button(tr("login.create_account"), type="primary"):
            if password != again:
                st.error(tr("error.password.mismatch"))
            else:
                def _create(session):  # type: ignore[no-untyped-def]
                    if accounts.user_count(session) > 0:  # someone else was quicker
                        raise InvalidInput("error.first_account_exists")
                    return accounts.create_user(session, username, password,
                                                display_name or None, lang())
                created = attempt(_create)
                if created is not None:
                    _signed_in(created)
else:
    with st.form("login"):
        username = st.text_input(tr("field.username"), key="login_username",
                                 autocomplete="username")
        password = st.text_input(tr("field.password"), type="password", key="login_password",
                                 autocomplete="current-password")
        if st.form_submit_button(tr("login.submit"), type="primary"):
            outcome = attempt(
                lambda s: (accounts.authenticate(s, username, password, client_id()),)
            )
            if outcome is not None:  # None: attempt() already showed why
                if outcome[0] is None:
                    st.error(tr("error.login_failed"))
                else:
                    _signed_in(outcome[0])
