"""Projector view: large type, join code and QR, the current activity and its contributions.
Read-only; shows roles, never names unless the activity allows names."""

from __future__ import annotations

import streamlit as st

from exports.qr import qr_png
from pages.activities import ActivityContext, view_for
from pages.common import (
    LIVE_SECONDS_FACILITATOR,
    facilitator,
    join_url,
    meeting_revision,
    plain,
    read,
    tr,
)
from pages.meeting_pick import pick_meeting
from workshop import meetings

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
    revision = meeting_revision(meeting_id)
    if revision is None:
        return
    held = st.session_state.get("_projector_meeting")
    if held is None or held.id != meeting_id or held.revision != revision:
        held = read(lambda s: meetings.get_meeting(s, me, meeting_id))
        if held is None:
            return
        st.session_state["_projector_meeting"] = held
    with st.container(key="projector"):
        if held.status == "open" and held.join_code and held.link_token:
            text_col, qr_col = st.columns([3, 1])
            text_col.markdown(f"# {tr('projector.join_with_code')}")
            text_col.markdown(f"# `{held.join_code}`")
            text_col.markdown(tr("projector.join_hint"))
            qr_col.image(qr_png(join_url(held.link_token), scale=8),
                         alt=tr("console.qr_alt", code=held.join_code))
        else:
            st.markdown(f"## {tr('projector.meeting_not_open')}")
        item = held.current_item
        if item is None:
            return
        st.markdown(f"## {plain(item.title)}")
        remaining = held.timer_remaining()
        if remaining is not None:
            minutes, seconds = divmod(abs(remaining), 60)
            st.metric(tr("console.timer"),
                      f"{'-' if remaining < 0 else ''}{minutes:02d}:{seconds:02d}")
        view_for(item.activity_type).projector_live(
            ActivityContext(me, held, item, held.workshop_id, revision))


projector(meeting.id)
