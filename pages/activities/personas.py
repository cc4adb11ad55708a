"""Personas: small groups write and co-edit personas; at a later meeting everyone comments and
reacts (see ``workshop/personas.py`` for how the method maps onto records).

A ``personas`` item shows the writing part when small groups exist for it (or for an earlier
persona item of the same meeting), and the comment round when earlier meetings produced
personas. Edit forms are drawn in ``participant_input`` (not in the live fragment), so text
being typed is never replaced by a refresh; a stale save keeps the text in the form and shows
the newest saved version next to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import streamlit as st

from pages.activities import ActivityContext, cached
from pages.common import (
    attempt,
    done,
    flash,
    form_key,
    plain,
    read,
    renew_form_key,
    role_label,
    tr,
)
from pages.group_panel import facilitator_groups, own_group
from workshop import personas
from workshop.content.methods import PERSONA_QUESTIONS, VALUE_PARTS
from workshop.personas import (
    AGE_GROUPS,
    FIELD_KEYS,
    MAX_COMMENT_LENGTH,
    MAX_FIELD_LENGTH,
    MAX_NAME_LENGTH,
    MAX_PER_GROUP,
    REACTIONS,
    ItemPersonas,
    PersonaView,
)

ACTIVITY_TYPES = ("personas",)

STORY_FIELDS = ("life_situation", "background", "strengths", "needs", "hard_now")
QUESTION_FIELDS = ("who_around", "asking_hard", "change_wanted", "how_to_get_there")
#: The question each story field answers (targeted questions from the method content).
QUESTION_KEYS: dict[str, str] = {
    "life_situation": PERSONA_QUESTIONS["situation_now"],
    "background": "persona.ask.background",
    "strengths": PERSONA_QUESTIONS["strengths"],
    "needs": "persona.ask.needs",
    "hard_now": "persona.ask.hard_now",
    "who_around": PERSONA_QUESTIONS["who_around"],
    "asking_hard": PERSONA_QUESTIONS["asking_hard"],
    "change_wanted": PERSONA_QUESTIONS["change_wanted"],
    "how_to_get_there": PERSONA_QUESTIONS["what_helps"],
}
VALUE_EXPLANATIONS: dict[str, str] = {
    f"value_{part.key}": part.explanation_key for part in VALUE_PARTS
}
REACTION_KEYS = {"agree": "persona.reaction.agree", "question": "persona.reaction.question"}


# --- showing a persona ----------------------------------------------------------------------

def age_label(code: str) -> str:
    return tr(f"persona.age.{code}") if code else tr("persona.age.unset")


def origin_line(p: PersonaView) -> str:
    """Where a persona comes from, by roles only (never names)."""
    parts = []
    if p.meeting_number is not None:
        parts.append(tr("persona.meeting_label", number=p.meeting_number))
    if p.group_number is not None:
        group = tr("persona.group_label", number=p.group_number)
        roles = sorted({role_label(r) for r in p.group_roles})
        parts.append(f"{group} ({', '.join(roles)})" if roles else group)
    elif p.by_facilitator:
        parts.append(tr("persona.by_facilitator"))
    parts.append(tr("persona.version_label", version=p.version))
    if p.agreed_version is not None:
        parts.append(tr("persona.agreed", version=p.agreed_version))
    return " · ".join(parts)


def reaction_line(p: PersonaView) -> str:
    return tr("persona.reaction_counts", agree=p.reactions.get("agree", 0),
              question=p.reactions.get("question", 0))


def persona_card(p: PersonaView | Mapping[str, str], *, heading: str = "###",
                 compact: bool = False) -> None:
    """The persona's content as text (``plain``: user text is never markup)."""
    content = p.content() if isinstance(p, PersonaView) else p
    age = content.get("age_group", "")
    st.markdown(f"{heading} {plain(content.get('name', ''))}"
                + (f" · {age_label(age)}" if age else ""))
    shown = ("life_situation", "change_wanted") if compact else (*STORY_FIELDS, *QUESTION_FIELDS)
    lines = [f"**{tr(FIELD_KEYS[f])}:** {plain(content.get(f, ''))}" for f in shown
             if content.get(f)]
    if lines:
        st.markdown("\n\n".join(lines))
    values = [f for f in personas.VALUE_FIELDS if content.get(f)]
    if values:
        st.markdown(f"**{tr('persona.section.value')}**")
        for column, name in zip(st.columns(len(values)), values, strict=True):
            column.markdown(f"**{tr(FIELD_KEYS[name])}**  \n{plain(content.get(name, ''))}")


# --- the persona form -----------------------------------------------------------------------

def _inputs(prefix: str) -> dict[str, Any]:
    """The form's widgets (their state is set up by the caller); returns the typed values."""
    values: dict[str, Any] = {
        "name": st.text_input(tr(FIELD_KEYS["name"]), key=f"{prefix}_name",
                              max_chars=MAX_NAME_LENGTH),
        "age_group": st.selectbox(tr(FIELD_KEYS["age_group"]), ("", *AGE_GROUPS),
                                  key=f"{prefix}_age_group", format_func=age_label),
    }
    for title, fields in (("persona.section.story", STORY_FIELDS),
                          ("persona.section.questions", QUESTION_FIELDS)):
        st.markdown(f"**{tr(title)}**")
        for name in fields:
            values[name] = st.text_area(
                tr(FIELD_KEYS[name]), key=f"{prefix}_{name}", max_chars=MAX_FIELD_LENGTH,
                placeholder=tr(QUESTION_KEYS[name]), help=tr(QUESTION_KEYS[name]), height=90)
    st.markdown(f"**{tr('persona.section.value')}**")
    for name in personas.VALUE_FIELDS:
        values[name] = st.text_area(
            tr(FIELD_KEYS[name]), key=f"{prefix}_{name}", max_chars=MAX_FIELD_LENGTH,
            placeholder=tr(VALUE_EXPLANATIONS[name]), help=tr(VALUE_EXPLANATIONS[name]),
            height=90)
    return values


def _fill(prefix: str, content: Mapping[str, str], *, force: bool = False) -> None:
    for name in personas.CONTENT_FIELDS:
        key = f"{prefix}_{name}"
        if force or key not in st.session_state:
            st.session_state[key] = content.get(name, "")


def new_persona_form(ctx: ActivityContext) -> None:
    item_id = ctx.item.id
    generation = st.session_state.get(f"_persona_generation_{item_id}", 0)
    prefix = f"pn_{item_id}_{generation}"
    _fill(prefix, {})
    with st.expander(tr("persona.new"), expanded=True), \
            st.form(f"persona_new_{item_id}", border=False):
        values = _inputs(prefix)
        submitted = st.form_submit_button(tr("persona.create"), type="primary", width="stretch")
    if submitted:
        key = form_key(f"persona_{item_id}")
        saved = attempt(lambda s: personas.add_persona(s, ctx.actor, item_id, client_key=key,
                                                       **values))
        if saved is not None:
            renew_form_key(f"persona_{item_id}")
            # New widget keys give an empty form; the text stays on screen until saved.
            st.session_state[f"_persona_generation_{item_id}"] = generation + 1
            flash(tr("persona.created"))
            st.rerun()


def persona_editor(actor: Any, p: PersonaView, *, expanded: bool = False) -> None:
    """Edit form with optimistic versions: the version the user started from is kept in
    session state; a save over a newer version is refused, the typed text stays in the form
    and the newest saved version is shown next to it (the next save then replaces it)."""
    prefix = f"pe_{p.id}"
    base_key, conflict_key = f"_persona_base_{p.id}", f"_persona_conflict_{p.id}"
    if f"{prefix}_name" not in st.session_state or base_key not in st.session_state:
        _fill(prefix, p.content(), force=True)
        st.session_state[base_key] = p.version
        st.session_state.pop(conflict_key, None)
    with st.expander(tr("persona.edit_title", name=plain(p.name)), expanded=expanded):
        with st.form(f"persona_edit_{p.id}", border=False):
            values = _inputs(prefix)
            submitted = st.form_submit_button(tr("persona.save"), type="primary",
                                              width="stretch")
        if submitted:
            base = st.session_state[base_key]
            version = attempt(lambda s: personas.edit_persona(s, actor, p.id, base, **values))
            if version is not None:
                st.session_state[base_key] = version
                st.session_state.pop(conflict_key, None)
                flash(tr("persona.saved", version=version))
                st.rerun()
            newest = read(lambda s: personas.get_persona(s, actor, p.id))
            if newest is not None and newest.version != base:
                # The user has now been shown the newest version: their next save wins.
                st.session_state[base_key] = newest.version
                st.session_state[conflict_key] = newest.content()
                st.session_state[f"{conflict_key}_version"] = newest.version
        conflict = st.session_state.get(conflict_key)
        if conflict is not None:
            st.warning(tr("persona.newer_saved",
                          version=st.session_state.get(f"{conflict_key}_version", "")))
            with st.container(border=True):
                st.caption(tr("persona.newest_version",
                              version=st.session_state.get(f"{conflict_key}_version", "")))
                persona_card(conflict, heading="####")
            # A callback runs before the form is drawn again, so it may replace its values.
            st.button(tr("persona.take_newest"), key=f"take_newest_{p.id}",
                      on_click=_take_newest, args=(prefix, conflict_key))
        with st.popover(tr("persona.withdraw")):
            st.caption(tr("persona.withdraw_confirm_hint"))
            if st.button(tr("persona.withdraw_confirm"), key=f"withdraw_persona_{p.id}") \
                    and done(lambda s: personas.withdraw_persona(
                        s, actor, p.id, st.session_state[base_key])):
                st.rerun()


def _take_newest(prefix: str, conflict_key: str) -> None:
    conflict = st.session_state.pop(conflict_key, None)
    if conflict is not None:
        _fill(prefix, conflict, force=True)


# --- participant ----------------------------------------------------------------------------

def _board(ctx: ActivityContext) -> ItemPersonas | None:
    return cached("personas", ctx, lambda s: personas.item_personas(s, ctx.actor, ctx.item.id))


def _group_context(ctx: ActivityContext, board: ItemPersonas) -> ActivityContext:
    """The context of the item whose small groups write here (may be an earlier item)."""
    item = next((i for i in ctx.meeting.agenda if i.id == board.group_item_id), ctx.item)
    return replace(ctx, item=item)


def participant_input(ctx: ActivityContext) -> None:
    board = read(lambda s: personas.item_personas(s, ctx.actor, ctx.item.id))
    if board is None:
        return
    # What the forms were drawn from: the live part reruns the page when groups appear and
    # offers a refresh when group mates add a persona (forms are never redrawn under a typist).
    st.session_state[f"_persona_drawn_{ctx.item.id}"] = (board.group_item_id, ())
    if board.group_item_id is not None or not board.earlier:
        _group_writing(ctx, board)
    if board.earlier:
        _comment_round(ctx, board)


def _group_writing(ctx: ActivityContext, board: ItemPersonas) -> None:
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    if board.group_item_id is None:
        st.info(tr("persona.no_group_yet"))
        return
    group = own_group(_group_context(ctx, board))  # places a late joiner into a group
    if group is None:
        return
    ours = [p for p in board.this_meeting if p.group_id == group.id]
    st.session_state[f"_persona_drawn_{ctx.item.id}"] = (board.group_item_id,
                                                          tuple(p.id for p in ours))
    st.subheader(tr("persona.group_personas", count=len(ours), max=MAX_PER_GROUP))
    st.caption(tr("persona.limit_hint", max=MAX_PER_GROUP))
    for p in ours:
        persona_editor(ctx.actor, p)
    if len(ours) < MAX_PER_GROUP:
        new_persona_form(ctx)
    else:
        st.info(tr("persona.group_full", max=MAX_PER_GROUP))


def _comment_round(ctx: ActivityContext, board: ItemPersonas) -> None:
    st.subheader(tr("persona.earlier_title"))
    st.caption(tr("persona.earlier_hint"))
    for p in board.earlier:
        with st.container(border=True):
            persona_card(p, compact=True)
            with st.expander(tr("persona.show_full")):
                persona_card(p, heading="####")
            st.caption(origin_line(p))
            if p.summary:
                st.markdown(f"**{tr('persona.summary_title')}:** {plain(p.summary)}")
            if not ctx.item.contributions_open:
                continue
            _reaction_buttons(ctx, p)
            _comment_form(ctx, p)


def _reaction_buttons(ctx: ActivityContext, p: PersonaView) -> None:
    columns = st.columns(len(REACTIONS) + 1)
    for column, kind in zip(columns, REACTIONS, strict=False):
        chosen = p.my_reaction == kind
        if column.button(tr(REACTION_KEYS[kind]), key=f"react_{p.id}_{kind}",
                         type="primary" if chosen else "secondary", width="stretch") and attempt(
            lambda s, k=kind: personas.react(s, ctx.actor, ctx.item.id, p.id, k)
        ) is not None:
            st.rerun()
    if p.my_reaction is not None and columns[-1].button(
        tr("persona.remove_reaction"), key=f"unreact_{p.id}", width="stretch"
    ) and attempt(lambda s: personas.react(s, ctx.actor, ctx.item.id, p.id, None)) is not None:
        st.rerun()


def _comment_form(ctx: ActivityContext, p: PersonaView) -> None:
    generation = st.session_state.get(f"_persona_comment_generation_{p.id}", 0)
    with st.form(f"persona_comment_{p.id}", border=False):
        text = st.text_area(tr("field.persona_comment"), max_chars=MAX_COMMENT_LENGTH,
                            key=f"persona_comment_text_{p.id}_{generation}", height=80)
        submitted = st.form_submit_button(tr("persona.comment_send"))
    if submitted:
        key = form_key(f"persona_comment_{p.id}")
        if attempt(lambda s: personas.add_comment(s, ctx.actor, ctx.item.id, p.id, text,
                                                  client_key=key)) is not None:
            renew_form_key(f"persona_comment_{p.id}")
            st.session_state[f"_persona_comment_generation_{p.id}"] = generation + 1
            flash(tr("persona.comment_saved"))
            st.rerun()


def _comments(ctx: ActivityContext, ids: tuple[int, ...]) -> dict[int, list[Any]]:
    def load(s: Any) -> dict[int, list[Any]]:
        return {pid: personas.list_comments(s, ctx.actor, pid) for pid in ids}

    return cached(f"persona_comments_{ctx.item.id}", ctx, load) or {}


def participant_live(ctx: ActivityContext) -> None:
    board = _board(ctx)
    if board is None:
        return
    drawn = st.session_state.get(f"_persona_drawn_{ctx.item.id}")
    if drawn is not None and drawn[0] != board.group_item_id:
        st.rerun()  # the facilitator formed the groups: draw the writing forms once
    for p in board.this_meeting:
        base = st.session_state.get(f"_persona_base_{p.id}")
        if base is not None and base != p.version:
            st.warning(tr("persona.changed_meanwhile", name=plain(p.name), version=p.version))
    drawn_ids = drawn[1] if drawn is not None else ()
    added = [p for p in board.this_meeting if p.can_edit and p.id not in drawn_ids]
    if added and drawn is not None:
        st.info(tr("persona.group_added", names=", ".join(plain(p.name) for p in added)))
        if st.button(tr("persona.refresh"), key=f"persona_refresh_{ctx.item.id}"):
            st.rerun()
    others = [p for p in board.this_meeting if not p.can_edit]
    if board.group_item_id is not None or not board.earlier:
        st.subheader(tr("persona.this_meeting", count=len(board.this_meeting)))
        for p in others:
            with st.container(border=True):
                persona_card(p, heading="####", compact=True)
                st.caption(origin_line(p))
    if board.earlier:
        comments = _comments(ctx, tuple(p.id for p in board.earlier))
        for p in board.earlier:
            shown = comments.get(p.id, [])
            st.markdown(f"**{plain(p.name)}** · {reaction_line(p)} · "
                        f"{tr('persona.comments', count=len(shown))}")
            for comment in shown:
                mine = f" · {tr('participate.mine')}" if comment.author.mine else ""
                who = role_label(comment.author.role)
                if comment.author.name:
                    who = f"{plain(comment.author.name)} · {who}"
                st.caption(f"{plain(comment.text)} — {who}{mine}")


# --- facilitator console and projector ------------------------------------------------------

def console_live(ctx: ActivityContext) -> None:
    board = _board(ctx)
    if board is None:
        return
    group_ctx = _group_context(ctx, board) if board.group_item_id is not None else ctx
    facilitator_groups(group_ctx)
    if board.this_meeting or not board.earlier:
        st.subheader(tr("console.contributions", title=plain(ctx.item.title),
                        count=len(board.this_meeting)))
    for p in board.this_meeting:
        with st.container(border=True):
            persona_card(p, heading="####", compact=True)
            st.caption(origin_line(p) + (f" · {tr('console.hidden')}" if p.hidden else ""))
            with st.expander(tr("persona.show_full")):
                persona_card(p, heading="#####")
            label = "console.unhide" if p.hidden else "console.hide"
            if st.button(tr(label), key=f"hide_persona_{p.id}_{p.version}") and done(
                lambda s, q=p: personas.hide_persona(s, ctx.actor, q.id, not q.hidden)
            ):
                st.rerun(scope="fragment")
    if board.earlier:
        st.subheader(tr("persona.earlier_title"))
        comments = _comments(ctx, tuple(p.id for p in board.earlier))
        for p in board.earlier:
            with st.container(border=True):
                shown = comments.get(p.id, [])
                st.markdown(f"**{plain(p.name)}** · {reaction_line(p)} · "
                            f"{tr('persona.comments', count=len(shown))}")
                for comment in shown:
                    marker = f" · {tr('console.hidden')}" if comment.hidden else ""
                    left, right = st.columns([5, 1])
                    left.caption(f"{plain(comment.text)} — "
                                 f"{role_label(comment.author.role)}{marker}")
                    label = "console.unhide" if comment.hidden else "console.hide"
                    if right.button(tr(label), key=f"hide_pc_{comment.id}_{comment.version}") \
                            and done(lambda s, c=comment: personas.hide_comment(
                                s, ctx.actor, c.id, not c.hidden)):
                        st.rerun(scope="fragment")
    st.page_link("pages/personas.py", label=tr("persona.open_gallery"),
                 icon=":material/badge:")


def projector_live(ctx: ActivityContext) -> None:
    board = _board(ctx)
    if board is None:
        return
    shown = [p for p in (board.this_meeting or board.earlier) if not p.hidden]
    if not shown:
        st.markdown(tr("persona.none_yet"))
    commenting = not board.this_meeting
    for p in shown:
        with st.container(border=True):
            persona_card(p, heading="##", compact=True)
            st.markdown(origin_line(p) + (f" · {reaction_line(p)}" if commenting else ""))
