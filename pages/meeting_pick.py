"""Choosing the workshop and meeting a facilitator page works on (ids in session state).

The chosen meeting is also in the address (``?meeting=<id>``), so the projector opened in a
new tab or on another screen, a bookmark or a reload shows the same meeting: a new browser
tab is a new Streamlit session and knows nothing of the console's choice."""

from __future__ import annotations

import streamlit as st

from pages.common import choose, chooser_key, facilitator, plain, read, tr
from workshop import meetings, workshops
from workshop.access import FacilitatorActor

LINK_PARAM = "meeting"


def pick_meeting(me: FacilitatorActor) -> meetings.MeetingView:
    """The selected meeting (an open one first), or stop the page with guidance."""
    _follow_link(me)
    workshop_id = pick_workshop(me)
    plan = read(lambda s: meetings.list_meetings(s, me, workshop_id)) or []
    if not plan:
        st.info(tr("console.no_meetings"))
        st.page_link("pages/plan.py", label=tr("nav.plan"))
        st.stop()
    ids = [m.id for m in plan]
    chosen = st.session_state.get("meeting_id")
    if chosen not in ids:
        opened = [m.id for m in plan if m.status == "open"]
        chosen = opened[0] if opened else ids[0]
    names = {m.id: f"{tr('label.meeting_number', number=m.number)} · "
                   f"{m.title or tr(f'phase.{m.phase}.name')} · {tr(f'status.{m.status}')}"
             for m in plan}
    meeting_id = st.selectbox(tr("console.meeting"), ids, index=ids.index(chosen),
                              format_func=lambda i: names[i],
                              # Streamlit keeps a keyed box's shown label: a status change
                              # in the labels must make a new box.
                              key=chooser_key(f"pick_{workshop_id}_"
                                              f"{'-'.join(m.status for m in plan)}",
                                              "meeting_id"))
    st.session_state["meeting_id"] = meeting_id
    if st.query_params.get(LINK_PARAM) != str(meeting_id):
        st.query_params[LINK_PARAM] = str(meeting_id)
    st.session_state["_followed_link"] = str(meeting_id)
    return next(m for m in plan if m.id == meeting_id)


def _follow_link(me: FacilitatorActor) -> None:
    """``?meeting=<id>`` chooses that meeting once, if this facilitator may see it (the
    domain checks; another facilitator's meeting is "not found")."""
    raw = st.query_params.get(LINK_PARAM)
    if not raw or raw == st.session_state.get("_followed_link"):
        return
    st.session_state["_followed_link"] = raw
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:  # "²" is a digit to Python
        return
    found = read(lambda s: meetings.get_meeting(s, me, int(raw)))
    if found is not None:
        choose("workshop_id", found.workshop_id)
        choose("meeting_id", found.id)


def pick_workshop(me: FacilitatorActor) -> int:
    """The workshop a facilitator page works on (shared by the pages), chosen in a box when
    there are several; or stop the page with guidance when there is none."""
    mine = read(lambda s: workshops.list_workshops(s, me)) or []
    if not mine:
        st.info(tr("workshops.none_yet"))
        st.page_link("pages/workshops.py", label=tr("nav.workshops"))
        st.stop()
    ids = [w.id for w in mine]
    current = st.session_state.get("workshop_id")
    if current not in ids:
        current = st.session_state["workshop_id"] = ids[0]
    if len(ids) == 1:
        st.caption(plain(mine[0].name))
        return current
    names = {w.id: w.name for w in mine}
    chosen = st.selectbox(tr("workshops.choose"), ids, index=ids.index(current),
                          format_func=lambda i: names[i],
                          key=chooser_key("pick_workshop", "workshop_id"))
    if chosen != current:
        st.session_state["workshop_id"] = chosen
        st.session_state.pop("meeting_id", None)
    return chosen


__all__ = ["pick_meeting", "pick_workshop", "facilitator"]
