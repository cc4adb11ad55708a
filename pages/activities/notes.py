"""Free notes: the default activity (ideas, comments, answers to the item's question)."""

from __future__ import annotations

import streamlit as st

from pages.activities import ActivityContext, cached
from pages.common import attempt, done, flash, form_key, plain, renew_form_key, role_label, tr
from workshop import notes
from workshop.notes import MAX_NOTE_LENGTH, NoteView

ACTIVITY_TYPES = ("notes", "info")


def participant_input(ctx: ActivityContext) -> None:
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    item_id = ctx.item.id
    with st.form(f"note_form_{item_id}", border=True):
        generation = st.session_state.get("_note_generation", 0)
        text = st.text_area(tr("field.note"), key=f"new_note_{item_id}_{generation}",
                            max_chars=MAX_NOTE_LENGTH, placeholder=tr("participate.placeholder"))
        if st.form_submit_button(tr("participate.send"), type="primary", width="stretch"):
            key = form_key(f"note_{item_id}")
            saved = attempt(lambda s: notes.add_note(s, ctx.actor, item_id, text, client_key=key))
            if saved is not None:
                renew_form_key(f"note_{item_id}")
                # A new widget key gives an empty box; the text stays on screen until saved.
                st.session_state["_note_generation"] = generation + 1
                flash(tr("participate.saved"))
                st.rerun()


def _author(note: NoteView, with_name: bool = True) -> str:
    label = role_label(note.author.role)
    if with_name and note.author.name:
        label = f"{plain(note.author.name)} · {label}"
    return label


def _load(ctx: ActivityContext) -> list[NoteView]:
    return cached("notes", ctx,
                  lambda s: notes.list_notes(s, ctx.actor, ctx.item.id)) or []


def participant_live(ctx: ActivityContext) -> None:
    shown = _load(ctx)
    st.subheader(tr("participate.contributions", count=len(shown)))
    for note in shown:
        with st.container(border=True):
            st.markdown(plain(note.text))
            mine = f" · {tr('participate.mine')}" if note.author.mine else ""
            st.caption(_author(note) + mine)
            if note.author.mine and ctx.item.contributions_open:
                _own_note_editor(ctx, note)


def _own_note_editor(ctx: ActivityContext, note: NoteView) -> None:
    with st.expander(tr("participate.edit_own")), st.form(f"edit_{note.id}_{note.version}"):
        edited = st.text_area(tr("field.note"), value=note.text, key=f"edit_text_{note.id}",
                              max_chars=MAX_NOTE_LENGTH)
        left, right = st.columns(2)
        if left.form_submit_button(tr("action.save")) and done(
            lambda s: notes.edit_note(s, ctx.actor, note.id, note.version, edited)
        ):
            st.rerun(scope="fragment")
        if right.form_submit_button(tr("action.withdraw")) and done(
            lambda s: notes.withdraw_note(s, ctx.actor, note.id, note.version)
        ):
            st.rerun(scope="fragment")


def console_live(ctx: ActivityContext) -> None:
    listed = _load(ctx)
    st.subheader(tr("console.contributions", title=plain(ctx.item.title), count=len(listed)))
    for note in listed:
        with st.container(border=True):
            st.markdown(("~~" + plain(note.text) + "~~") if note.hidden else plain(note.text))
            st.caption(_author(note) + (f" · {tr('console.hidden')}" if note.hidden else ""))
            label = "console.unhide" if note.hidden else "console.hide"
            if st.button(tr(label), key=f"hide_{note.id}_{note.version}"):
                attempt(lambda s, n=note: notes.hide_note(s, ctx.actor, n.id, not n.hidden))
                st.rerun(scope="fragment")


def projector_live(ctx: ActivityContext) -> None:
    for note in _load(ctx):
        if note.hidden:
            continue
        with st.container(border=True):
            st.markdown(plain(note.text))
            st.caption(_author(note, with_name=ctx.item.show_names))
