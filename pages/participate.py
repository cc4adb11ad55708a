"""The participant's screen (phone first): the current activity, their own contributions and
everyone's, updating live without reloading."""

from __future__ import annotations

import time

import streamlit as st

from pages.common import (
    LIVE_SECONDS_PARTICIPANT,
    attempt,
    flash,
    form_key,
    language_switch,
    live_changed,
    participant,
    plain,
    read,
    renew_form_key,
    role_label,
    show_flash,
    tr,
)
from workshop import meetings, notes, participants, workshops
from workshop.notes import MAX_NOTE_LENGTH

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
st.session_state["_p_item_state"] = (item.id, item.contributions_open) if item else None


def _add_note(item_id: int, text: str) -> None:
    key = form_key(f"note_{item_id}")
    saved = attempt(lambda s: notes.add_note(s, who, item_id, text, client_key=key))
    if saved is not None:
        renew_form_key(f"note_{item_id}")
        # A new widget key gives an empty box; the old text stays on screen until saved.
        st.session_state["_note_generation"] = st.session_state.get("_note_generation", 0) + 1
        flash(tr("participate.saved"))
        st.rerun()


if item is None:
    st.info(tr("participate.waiting_for_activity"))
else:
    st.header(plain(item.title))
    st.write(tr(f"activity.{item.activity_type}.hint"))
    if item.instructions:
        st.markdown(plain(item.instructions))
    if item.contributions_open:
        with st.form(f"note_form_{item.id}", clear_on_submit=False, border=True):
            generation = st.session_state.get("_note_generation", 0)
            text = st.text_area(tr("field.note"), key=f"new_note_{item.id}_{generation}",
                                max_chars=MAX_NOTE_LENGTH,
                                placeholder=tr("participate.placeholder"))
            if st.form_submit_button(tr("participate.send"), type="primary", width="stretch"):
                _add_note(item.id, text)
    else:
        st.caption(tr("participate.contributions_closed"))


def _own_note_editor(note: notes.NoteView, open_for_edit: bool) -> None:
    if not open_for_edit:
        return
    with st.expander(tr("participate.edit_own")), st.form(f"edit_{note.id}_{note.version}"):
        edited = st.text_area(tr("field.note"), value=note.text, key=f"edit_text_{note.id}",
                              max_chars=MAX_NOTE_LENGTH)
        left, right = st.columns(2)
        if left.form_submit_button(tr("action.save")) and attempt(
            lambda s: notes.edit_note(s, who, note.id, note.version, edited)
        ) is not None:
            st.rerun(scope="fragment")
        if right.form_submit_button(tr("action.withdraw")) and attempt(
            lambda s: notes.withdraw_note(s, who, note.id, note.version)
        ) is not None:
            st.rerun(scope="fragment")


@st.fragment(run_every=LIVE_SECONDS_PARTICIPANT)
def live_contributions(meeting_id: int, item_id: int) -> None:
    cached = st.session_state.get("_p_notes")
    if live_changed("participant", meeting_id) or cached is None or cached[0] != item_id:
        fresh = read(lambda s: meetings.current_meeting_for(s, who, me.workshop_id))
        fresh_item = fresh.current_item if fresh else None
        state = (fresh_item.id, fresh_item.contributions_open) if fresh_item else None
        if state != st.session_state.get("_p_item_state"):
            st.rerun()  # the facilitator moved on: redraw the whole screen once
        loaded = read(lambda s: notes.list_notes(s, who, item_id)) or []
        st.session_state["_p_notes"] = (item_id, loaded)
    shown = st.session_state["_p_notes"][1]
    st.subheader(tr("participate.contributions", count=len(shown)))
    for note in shown:
        with st.container(border=True):
            st.markdown(plain(note.text))
            label = role_label(note.author.role)
            if note.author.name:
                label = f"{plain(note.author.name)} · {label}"
            if note.author.mine:
                label = f"{label} · {tr('participate.mine')}"
            st.caption(label)
            _own_note_editor(note, note.author.mine and item is not None
                             and item.contributions_open)


if item is not None:
    live_contributions(meeting.id, item.id)
