"""The participant's screen (phone first): the current activity, their own contributions and
everyone's, updating live without reloading."""

from __future__ import annotations

import time
from dataclasses import replace

import streamlit as st

from pages.activities import ActivityContext, view_for
from pages.common import (
    LIVE_SECONDS_PARTICIPANT,
    attempt,
    language_switch,
    participant,
    plain,
    read,
    role_label,
    show_flash,
    tr,
)
from workshop import meetings, participants, workshops

who = participant()
me = read(lambda s: participants.get_participant(s, who))
if me is None:
    st.stop()


def _touch() -> None:
    """Presence, written at most every 30 s from this screen."""
    now = time.monotonic()
    if now - st.session_state.get("_touched_at", 0.0) > 30:
        attempt(lambda s: participants.touch(s, who))
        st.session_state["_touched_at"] = now


_touch()
language_switch(st)
workshop = read(lambda s: workshops.get_workshop(s, who, me.workshop_id))
meeting = read(lambda s: meetings.current_meeting_for(s, who, me.workshop_id))
if workshop is None:
    st.stop()
st.caption(plain(workshop.name))
st.markdown(tr("participate.you_are", name=plain(me.display_name), role=role_label(me.role)))


@st.fragment(run_every=LIVE_SECONDS_PARTICIPANT * 2)
def wait_for_meeting() -> None:
    found = read(lambda s: meetings.current_meeting_for(s, who, me.workshop_id))
    if found is not None:
        st.rerun()


if meeting is None:
    st.info(tr("participate.no_meeting"))
    st.caption(tr("participate.keep_link"))
    wait_for_meeting()
    st.stop()

st.title(plain(meeting.title) or tr("label.meeting_number", number=meeting.number))
show_flash()
item = meeting.current_item


if item is None:
    st.info(tr("participate.waiting_for_activity"))
    st.stop()

st.header(plain(item.title))
st.write(tr(f"activity.{item.activity_type}.hint"))
if item.instructions:
    st.markdown(plain(item.instructions))
view = view_for(item.activity_type)
context = ActivityContext(who, meeting, item, me.workshop_id, meeting.revision)
view.participant_input(context)


@st.fragment(run_every=LIVE_SECONDS_PARTICIPANT)
def live(context: ActivityContext) -> None:
    _touch()
    revision = read(lambda s: meetings.revision(s, context.meeting.id))
    if revision is None:
        return
    if revision != st.session_state.get("_p_revision"):
        st.session_state["_p_revision"] = revision
        fresh = read(lambda s: meetings.current_meeting_for(s, who, me.workshop_id))
        fresh_item = fresh.current_item if fresh else None
        if fresh_item != context.item:
            st.rerun()  # the facilitator moved on or changed the activity: redraw once
    view.participant_live(replace(context, revision=revision))


live(context)
