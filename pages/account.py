"""Facilitator: own account (language is switched in the sidebar) and logging out."""

from __future__ import annotations

import streamlit as st

from pages.common import facilitator, logout, plain, read, tr
from workshop import accounts

me = facilitator()
user = read(lambda s: accounts.get_user(s, me.user_id))
st.title(tr("account.title"))
if user is not None:
    st.write(tr("account.signed_in_as", name=plain(user.display_name),
                username=plain(user.username)))
st.caption(tr("account.language_hint"))
if st.button(tr("account.logout"), key="logout", icon=":material/logout:"):
    logout()
    st.rerun()
