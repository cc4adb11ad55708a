"""The participant's screen (phone first): the current activity, their own contributions and
everyone's, updating live without reloading."""

from __future__ import annotations

import contextlib
import time
import uuid
from dataclasses import replace

import streamlit as st
from sqlalchemy.orm import Session

from pages import live_cache
from pages.activities import ActivityContext, view_for
from pages.common import (
    DATABASE_ERRORS,
    LIVE_SECONDS_PARTICIPANT,
    language_switch,
    meeting_revision,
    participant,
    plain,
    read,
    read_kept,
    role_label,
    show_flash,
    tr,
    unit,
)
from workshop import db, meetings, participants, workshops
from workshop.errors import DomainError
from workshop.meetings import MeetingView
from workshop.participants import ParticipantView
from workshop.workshops import WorkshopView

who = participant()


def _page_records(session: Session) -> tuple[ParticipantView, WorkshopView, MeetingView | None]:
    """One transaction for the three: each read checks access through the same records,
    which the session then has at hand (a third of the lookups of three separate reads)."""
    me = participants.get_participant(session, who)
    return (me, workshops.get_workshop(session, who, me.workshop_id),
            meetings.current_meeting_for(session, who, me.workshop_id))


# read_kept: a brief database outage must not stop the page above the note form (the text
# being sent would go with it); the send itself then says "not saved, try again".
records = read_kept(f"participant_page_{who.participant_id}", _page_records)
if records is None:
    st.stop()
me, workshop, meeting = records


TOUCH_SECONDS = participants.SEEN_WRITE_INTERVAL.total_seconds() + 5


def _touch() -> None:
    """Presence. Each check takes the database's write lock, so not more often than the
    domain would write (participants.SEEN_WRITE_INTERVAL); well within PRESENT_WINDOW."""
    now = time.monotonic()
    if now - st.session_state.get("_touched_at", 0.0) > TOUCH_SECONDS:
        st.session_state["_touched_at"] = now
        # Nobody pressed anything: an unreachable database is not worth a "not saved".
        with contextlib.suppress(DomainError, *DATABASE_ERRORS), unit() as session:
            participants.touch(session, who)


_touch()
language_switch(st)
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


def _screen_id() -> str:
    if "_screen_id" not in st.session_state:
        st.session_state["_screen_id"] = uuid.uuid4().hex
    return st.session_state["_screen_id"]


live_cache.screen_ticked(_screen_id())


@st.fragment(run_every=live_cache.phone_interval(LIVE_SECONDS_PARTICIPANT))
def live(context: ActivityContext) -> None:
    with live_cache.tick_slot():
        _live(context)


def _live(context: ActivityContext) -> None:
    live_cache.screen_ticked(_screen_id())
    _touch()
    revision = meeting_revision(context.meeting.id)
    if revision is None:
        return
    if revision != st.session_state.get("_p_revision"):
        st.session_state["_p_revision"] = revision
        # The same answer for every participant of the workshop: loaded once per change.
        key = ("current_meeting", db.database_url(), context.meeting.link_token,
               me.workshop_id, revision)
        fresh = live_cache.shared(
            key, lambda: read(lambda s: meetings.current_meeting_for(s, who, me.workshop_id)))
        fresh_item = fresh.current_item if fresh else None
        if fresh_item != context.item:
            st.rerun()  # the facilitator moved on or changed the activity: redraw once
    view.participant_live(replace(context, revision=revision))


live(context)
