"""Facilitator console for a live meeting: agenda, timer, presence, join code and QR, and the
current activity's contributions as they arrive."""

from __future__ import annotations

import streamlit as st

from exports.qr import qr_png
from pages.activities import ActivityContext, view_for
from pages.common import (
    LIVE_SECONDS_FACILITATOR,
    done,
    facilitator,
    join_url,
    meeting_revision,
    plain,
    read,
    role_label,
    show_flash,
    tr,
)
from pages.meeting_pick import pick_meeting
from workshop import meetings, participants
from workshop.content.methods import GUIDE_LABELS, GUIDES

me = facilitator()
st.title(tr("console.title"))
show_flash()
meeting = pick_meeting(me)


def _act(action) -> None:  # type: ignore[no-untyped-def]
    # Success means "no error", not "returned a value": set_item_flags returns None, and
    # without the rerun the buttons kept their old labels (a second click undid the first).
    if done(action):
        st.rerun()


status_col, action_col = st.columns([3, 2])
status_col.markdown(f"**{tr('label.status')}:** {tr(f'status.{meeting.status}')}")
if meeting.status == "open":
    if action_col.button(tr("console.close_meeting"), key="close_meeting", icon=":material/stop:"):
        _act(lambda s: meetings.close_meeting(s, me, meeting.id))
elif action_col.button(tr("console.open_meeting"), key="open_meeting", type="primary",
                       icon=":material/play_arrow:"):
    _act(lambda s: meetings.open_meeting(s, me, meeting.id))

if meeting.status == "open" and meeting.join_code and meeting.link_token:
    url = join_url(meeting.link_token)
    code_col, qr_col = st.columns([3, 1])
    code_col.markdown(tr("console.join_code", code=meeting.join_code))
    code_col.code(url, language=None)
    qr_col.image(qr_png(url, scale=4), alt=tr("console.qr_alt", code=meeting.join_code))
    # The meeting rides in the address: a projector opened in a new tab is a new session.
    st.page_link("pages/projector.py", label=tr("console.open_projector"), icon=":material/tv:",
                 query_params={"meeting": str(meeting.id)})

st.subheader(tr("plan.agenda"))
if not meeting.agenda:
    st.info(tr("console.empty_agenda"))
    st.page_link("pages/plan.py", label=tr("nav.plan"))
for position, item in enumerate(meeting.agenda):
    current = item.id == meeting.current_item_id
    with st.container(border=True):
        cols = st.columns([5, 2, 2, 2])
        marker = ":material/arrow_right: " if current else ""
        cols[0].markdown(
            f"{marker}**{position + 1}. {plain(item.title)}**  \n"
            f"{tr(f'activity.{item.activity_type}.name')} · "
            f"{tr('label.minutes', minutes=item.duration_minutes)}"
            + (f"  \n:blue-badge[{tr('console.current')}]" if current else "")
        )
        if not current and cols[1].button(tr("console.make_current"), key=f"current_{item.id}"):
            _act(lambda s, i=item.id: meetings.set_current_item(s, me, meeting.id, i))
        open_label = "console.close_contributions" if item.contributions_open \
            else "console.open_contributions"
        if cols[2].button(tr(open_label), key=f"open_{item.id}",
                          disabled=meeting.status != "open"):
            _act(lambda s, i=item.id, o=not item.contributions_open:
                 meetings.set_item_flags(s, me, i, contributions_open=o))
        names_label = "console.hide_names" if item.show_names else "console.show_names"
        if cols[3].button(tr(names_label), key=f"names_{item.id}"):
            _act(lambda s, i=item.id, v=not item.show_names:
                 meetings.set_item_flags(s, me, i, show_names=v))


def show_guide(activity_type: str) -> None:
    """The method guide of the current activity, for a first-time facilitator."""
    guide = GUIDES.get(activity_type)
    if guide is None:
        return
    with st.expander(tr("console.guide", name=tr(guide.name))):
        st.markdown(f"**{tr(GUIDE_LABELS['purpose'])}**  \n{tr(guide.purpose)}")
        steps = "\n".join(f"{n}. {tr(step)}" for n, step in enumerate(guide.steps, 1))
        st.markdown(f"**{tr(GUIDE_LABELS['steps'])}**\n\n{steps}")
        low, high = guide.typical_minutes
        st.markdown(f"**{tr(GUIDE_LABELS['typical_minutes'])}:** "
                    f"{tr('console.guide_minutes', low=low, high=high)} · "
                    f"**{tr(GUIDE_LABELS['group_size'])}:** {tr(guide.group_size)}")
        st.markdown(f"**{tr(GUIDE_LABELS['prepare'])}**  \n{tr(guide.prepare)}")
        pitfalls = "\n".join(f"- {tr(p)}" for p in guide.pitfalls)
        st.markdown(f"**{tr(GUIDE_LABELS['pitfalls'])}**\n\n{pitfalls}")
        st.markdown(f"**{tr(GUIDE_LABELS['participant_hint'])}**  \n"
                    f"{tr(guide.participant_hint)}")


current_item = meeting.current_item
if current_item is not None:
    show_guide(current_item.activity_type)


@st.fragment(run_every=LIVE_SECONDS_FACILITATOR)
def live_panel(meeting_id: int, workshop_id: int) -> None:
    revision = meeting_revision(meeting_id)
    if revision is None:
        return
    held = st.session_state.get("_console_meeting")
    if held is None or held.id != meeting_id or held.revision != revision:
        held = read(lambda s: meetings.get_meeting(s, me, meeting_id))
        if held is None:
            return
        st.session_state["_console_meeting"] = held
    remaining = held.timer_remaining()
    who = read(lambda s: participants.presence(s, me, workshop_id))
    timer_col, people_col = st.columns(2)
    if remaining is not None:
        minutes, seconds = divmod(abs(remaining), 60)
        sign = "-" if remaining < 0 else ""
        timer_col.metric(tr("console.timer"), f"{sign}{minutes:02d}:{seconds:02d}")
    if who is not None:
        people_col.metric(tr("console.present"), who.total)
        if who.by_role:
            people_col.caption(" · ".join(f"{role_label(r)} {n}" for r, n in
                                          sorted(who.by_role.items())))
    item = held.current_item
    if item is not None:
        view_for(item.activity_type).console_live(
            ActivityContext(me, held, item, workshop_id, revision))


st.divider()
live_panel(meeting.id, meeting.workshop_id)
