"""Start page: join a meeting with a code or a link, without an account."""

from __future__ import annotations

import streamlit as st

from pages.common import attempt, browser_id, lang, language_switch, message_for, tr
from workshop import participants
from workshop.errors import DomainError
from workshop.models import ROLES

language_switch(st)
st.title(tr("join.title"))
st.write(tr("join.intro"))

link = st.query_params.get("join")


def _join(session, code: str | None, name: str, role: str):  # type: ignore[no-untyped-def]
    found = participants.find_open_meeting(session, code=code, link=link if code is None else None,
                                           client=browser_id())
    if isinstance(found, DomainError):
        return found
    return participants.join(session, found, display_name=name, role=role, language=lang())


with st.form("join_form", enter_to_submit=True):
    code = None
    if not link:
        code = st.text_input(tr("field.join_code"), key="join_code", max_chars=12,
                             placeholder="ABC123", help=tr("join.code_help"))
    else:
        st.success(tr("join.link_ready"))
    name = st.text_input(tr("field.display_name"), key="join_name", max_chars=80,
                         help=tr("join.name_help"))
    role = st.radio(tr("field.role"), ROLES, key="join_role", index=None,
                    format_func=lambda r: tr(f"role.{r}.name"),
                    captions=[tr(f"role.{r}.description") for r in ROLES])
    submitted = st.form_submit_button(tr("join.submit"), type="primary", use_container_width=True)

if submitted:
    if role is None:
        st.error(tr("error.role_required"))
    else:
        outcome = attempt(lambda s: _join(s, code if not link else None, name, role))
        if isinstance(outcome, DomainError):
            st.error(message_for(outcome, lang()))
        elif outcome is not None:
            st.session_state["participant_id"] = outcome.participant.id
            st.session_state["participant_token"] = outcome.token
            st.query_params.clear()
            st.query_params["p"] = outcome.token
            st.rerun()

st.divider()
st.page_link("pages/login.py", label=tr("join.facilitator_link"), icon=":material/key:")
