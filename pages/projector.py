"""Projector view: large type, join code and QR, the current activity and its contributions.
Read-only; shows roles, never names unless the activity allows names."""

from __future__ import annotations

import streamlit as st

from exports.qr import qr_png
from pages.common import (
    LIVE_SECONDS_FACILITATOR,
    facilitator,
    join_url,
    live_changed,
    plain,
    read,
    role_label,
    tr,
)
from pages.meeting_pick import pick_meeting
from workshop import meetings, notes

me = facilitator()
# Static styling only (no user content): larger type for reading across a room.
st.html("""<style>
.st-key-projector p, .st-key-projector li { font-size: 1.6rem; line-height: 1.4; }
.st-key-projector h1 { font-size: 3rem; }
.st-key-projector h2 { font-size: 2.4rem; }
.st-key-projector [data-testid="stMetricValue"] { font-size: 3.2rem; }
</style>""")
with st.expander(tr("projector.settings")):
    meeting = pick_meeting(me)


@st.fragment(run_every=LIVE_SECONDS_FACILITATOR)
def projector(meeting_id: int) -> None:
    cached = st.session_state.get("_projector_state")
    if live_changed("projector", meeting_id) or cached is None or cached[0] != meeting_id:
        fresh = read(lambda s: meetings.get_meeting(s, me, meeting_id))
        if fresh is None:
            return
        item = fresh.current_item
        listed = read(lambda s: notes.list_notes(s, me, item.id)) if item else []
        st.session_state["_projector_state"] = (meeting_id, fresh,
                                                [n for n in listed or [] if not n.hidden])
    _, fresh, listed = st.session_state["_projector_state"]
    with st.container(key="projector"):
        if fresh.status == "open" and fresh.join_code and fresh.link_token:
            text_col, qr_col = st.columns([3, 1])
            text_col.markdown(f"# {tr('projector.join_with_code')}")
            text_col.markdown(f"# `{fresh.join_code}`")
            text_col.markdown(tr("projector.join_hint"))
            qr_col.image(qr_png(join_url(fresh.link_token), scale=8),
                         alt=tr("console.qr_alt", code=fresh.join_code))
        else:
            st.markdown(f"## {tr('projector.meeting_not_open')}")
        item = fresh.current_item
        if item is None:
            return
        st.markdown(f"## {plain(item.title)}")
        remaining = fresh.timer_remaining()
        if remaining is not None:
            minutes, seconds = divmod(abs(remaining), 60)
            st.metric(tr("console.timer"),
                      f"{'-' if remaining < 0 else ''}{minutes:02d}:{seconds:02d}")
        for note in listed:
            with st.container(border=True):
                st.markdown(plain(note.text))
                st.caption(role_label(note.author.role) if not note.author.name or
                           not item.show_names else
                           f"{plain(note.author.name)} · {role_label(note.author.role)}")


projector(meeting.id)
