"""Choosing the workshop and meeting a facilitator page works on (ids in session state)."""

from __future__ import annotations

import streamlit as st

from pages.common import facilitator, plain, read, tr
from workshop import meetings, workshops
from workshop.access import FacilitatorActor


def pick_meeting(me: FacilitatorActor) -> meetings.MeetingView:
    """The selected meeting (an open one first), or stop the page with guidance."""
    mine = read(lambda s: workshops.list_workshops(s, me)) or []
    if not mine:
        st.info(tr("workshops.none_yet"))
        st.page_link("pages/workshops.py", label=tr("nav.workshops"))
        st.stop()
    workshop_id = st.session_state.get("workshop_id")
    if workshop_id not in {w.id for w in mine}:
        workshop_id = st.session_state["workshop_id"] = mine[0].id
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
    workshop = next(w for w in mine if w.id == workshop_id)
    st.caption(plain(workshop.name))
    meeting_id = st.selectbox(tr("console.meeting"), ids, index=ids.index(chosen),
                              format_func=lambda i: names[i],
                              # Streamlit keeps a keyed box's shown label: a status change
                              # in the labels must make a new box.
                              key=f"pick_{workshop_id}_{'-'.join(m.status for m in plan)}")
    st.session_state["meeting_id"] = meeting_id
    return next(m for m in plan if m.id == meeting_id)


__all__ = ["pick_meeting", "facilitator"]
