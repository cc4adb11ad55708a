"""Free notes: the default activity (ideas, comments, answers to the item's question)."""

from __future__ import annotations

import streamlit as st

from pages import live_cache
from pages.activities import ActivityContext, cached
from pages.common import (
    attempt,
    attempt_early,
    done,
    flash,
    form_key,
    lang,
    plain,
    read,
    renew_form_key,
    role_label,
    show_problem,
    tr,
)
from workshop import db, notes
from workshop.notes import MAX_NOTE_LENGTH, NoteView, RecentNotes

ACTIVITY_TYPES = ("notes", "info")
# How many of the newest notes each screen draws (a kick-off of 200 writes thousands).
RECENT_ON_PHONE = 30
RECENT_ON_PROJECTOR = 12
RECENT_ON_CONSOLE = 50


def participant_input(ctx: ActivityContext) -> None:
    if ctx.item.contributions_open:
        _note_form(ctx)
    else:
        st.caption(tr("participate.contributions_closed"))
        _unsent_note(ctx)
    _own_notes(ctx)


def _unsent_note(ctx: ActivityContext) -> None:
    """A note refused because the activity closed meanwhile: say why and keep it readable
    (the form is gone), so the writer can copy it for the next activity."""
    show_problem(f"note_{ctx.item.id}")
    generation = st.session_state.get("_note_generation", 0)
    text = st.session_state.get(f"new_note_{ctx.item.id}_{generation}", "")
    if text.strip():
        st.caption(tr("participate.unsent"))
        st.code(text, language=None, wrap_lines=True)


def _own_notes(ctx: ActivityContext) -> None:
    """The reader's own notes, editable while the activity is open. Drawn in the full run,
    not the live fragment: they change only when the reader saves (a full run), and the
    editors are many elements a live tick would otherwise resend every time."""
    own = read(lambda s: notes.own_notes(s, ctx.actor, ctx.item.id)) or []
    if not own:
        return
    st.subheader(tr("participate.own_contributions", count=len(own)))
    for note in own:
        with st.container(border=True):
            st.markdown(plain(note.text))
            st.caption(_author(note) + f" · {tr('participate.mine')}")
            if ctx.item.contributions_open:
                _own_note_editor(ctx, note)


def _note_form(ctx: ActivityContext) -> None:
    item_id = ctx.item.id
    generation = st.session_state.get("_note_generation", 0)
    text_key = f"new_note_{item_id}_{generation}"
    with st.form(f"note_form_{item_id}", border=True):
        st.text_area(tr("field.note"), key=text_key, max_chars=MAX_NOTE_LENGTH,
                     placeholder=tr("participate.placeholder"))
        st.form_submit_button(tr("participate.send"), type="primary", width="stretch",
                              on_click=_send_note, args=(ctx, text_key, generation))
    show_problem(f"note_{item_id}")


def _send_note(ctx: ActivityContext, text_key: str, generation: int) -> None:
    """Save the note before the page draws (see ``attempt_early``); the page then shows it
    in the reader's own notes, the confirmation and an empty box, all in the same run."""
    item_id = ctx.item.id
    if st.session_state.get("_note_generation", 0) != generation:
        # A second press of a form that was already sent (a double click whose first run
        # was interrupted by the second): this filling of the form is saved once.
        return
    text = st.session_state.get(text_key, "")
    key = form_key(f"note_{item_id}")
    saved = attempt_early(f"note_{item_id}", lambda s: notes.add_note(
        s, ctx.actor, item_id, text, client_key=key))
    if saved is not None:
        renew_form_key(f"note_{item_id}")
        # A new widget key gives an empty box; on failure the text stays in the old one.
        st.session_state["_note_generation"] = generation + 1
        st.session_state.pop(text_key, None)
        flash(tr("participate.saved"))


def _author(note: NoteView, with_name: bool = True) -> str:
    label = role_label(note.author.role)
    if with_name and note.author.name:
        label = f"{plain(note.author.name)} · {label}"
    return label


def _load(ctx: ActivityContext) -> list[NoteView]:
    return cached("notes", ctx,
                  lambda s: notes.list_notes(s, ctx.actor, ctx.item.id)) or []


def _load_recent(ctx: ActivityContext, limit: int) -> RecentNotes:
    return cached(f"notes_recent_{limit}", ctx,
                  lambda s: notes.recent_notes(s, ctx.actor, ctx.item.id, limit)) \
        or RecentNotes(0, [])


def _listed(note: NoteView, with_name: bool) -> str:
    """One note as a Markdown list item: the text, then who wrote it on its own line."""
    text = plain(note.text).replace("\n", "\n  ")
    return f"- {text}  \n  *{_author(note, with_name)}*"


def _note_list(shown: list[NoteView], with_name: bool = True) -> None:
    """Many notes as one element: a live screen redraws every element on every change, so
    a long list of boxes would cost each phone hundreds of messages a second."""
    if shown:
        st.markdown("\n".join(_listed(n, with_name) for n in shown))


def _board(ctx: ActivityContext) -> notes.NoteBoard:
    """The newest notes as every participant sees them: loaded once per change for the
    whole server, not once per phone."""
    # The link token is random per meeting: ids may be reused after a deletion, it is not.
    key = ("note_board", db.database_url(), ctx.meeting.link_token, ctx.item.id, ctx.revision,
           RECENT_ON_PHONE)
    board = live_cache.shared(key, lambda: read(
        lambda s: notes.note_board(s, ctx.actor, ctx.item.id, RECENT_ON_PHONE + 1)))
    slot = f"_note_board_{ctx.item.id}"
    if board is None:  # the database did not answer: keep showing what was there
        return st.session_state.get(slot) or notes.NoteBoard(0, (), ())
    st.session_state[slot] = board
    return board


def participant_live(ctx: ActivityContext) -> None:
    board = _board(ctx)
    me = getattr(ctx.actor, "participant_id", None)
    # The board's Markdown lines, made once per change and language for every phone.
    key = ("note_lines", id(board), lang())
    lines = live_cache.shared(key, lambda: (board, [_listed(n, True) for n in board.notes]))
    # (The board rides along in the value so that its id cannot be reused while kept.)
    # One more than shown is loaded, so a reader whose own note is among the newest still
    # sees RECENT_ON_PHONE notes of others. The reader's own are above, with their editors.
    others = [line for line, author in zip(lines[1], board.author_ids, strict=True)
              if author != me][-RECENT_ON_PHONE:]
    st.subheader(tr("participate.contributions", count=board.total))
    if len(others) == RECENT_ON_PHONE:
        st.caption(tr("participate.newest_shown", shown=len(others)))
    if others:
        st.markdown("\n".join(others))


def _own_note_editor(ctx: ActivityContext, note: NoteView) -> None:
    with st.expander(tr("participate.edit_own")), st.form(f"edit_{note.id}_{note.version}"):
        edited = st.text_area(tr("field.note"), value=note.text, key=f"edit_text_{note.id}",
                              max_chars=MAX_NOTE_LENGTH)
        left, right = st.columns(2)
        if left.form_submit_button(tr("action.save")) and done(
            lambda s: notes.edit_note(s, ctx.actor, note.id, note.version, edited)
        ):
            st.rerun()
        if right.form_submit_button(tr("action.withdraw")) and done(
            lambda s: notes.withdraw_note(s, ctx.actor, note.id, note.version)
        ):
            st.rerun()


def console_live(ctx: ActivityContext) -> None:
    everything = st.session_state.get(f"_notes_all_{ctx.item.id}", False)
    if everything:
        listed = _load(ctx)
        total = len(listed)
    else:
        recent = _load_recent(ctx, RECENT_ON_CONSOLE)
        listed, total = recent.notes, recent.total
    st.subheader(tr("console.contributions", title=plain(ctx.item.title), count=total))
    if total > RECENT_ON_CONSOLE:
        st.toggle(tr("console.show_all_notes", count=total), key=f"_notes_all_{ctx.item.id}")
    for note in listed:
        with st.container(border=True):
            st.markdown(("~~" + plain(note.text) + "~~") if note.hidden else plain(note.text))
            st.caption(_author(note) + (f" · {tr('console.hidden')}" if note.hidden else ""))
            label = "console.unhide" if note.hidden else "console.hide"
            if st.button(tr(label), key=f"hide_{note.id}_{note.version}"):
                attempt(lambda s, n=note: notes.hide_note(s, ctx.actor, n.id, not n.hidden))
                st.rerun(scope="fragment")


def projector_live(ctx: ActivityContext) -> None:
    recent = _load_recent(ctx, RECENT_ON_PROJECTOR)
    shown = [n for n in recent.notes if not n.hidden][-RECENT_ON_PROJECTOR:]
    for note in shown:
        with st.container(border=True):
            st.markdown(plain(note.text))
            st.caption(_author(note, with_name=ctx.item.show_names))
