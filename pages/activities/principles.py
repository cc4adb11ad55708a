"""Ground rules: participants propose and react; the facilitator rewords, agrees, reorders."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from streamlit.errors import StreamlitInvalidLayoutContextError

from pages.activities import ActivityContext, cached
from pages.common import attempt, flash, form_key, plain, renew_form_key, role_label, tr
from workshop import principles
from workshop.access import Actor
from workshop.principles import MAX_PRINCIPLE_LENGTH, REACTIONS, PrincipleView

ACTIVITY_TYPES = ("principles",)


def rerun_live() -> None:
    """Redraw just the live fragment after an action in it; a whole run when the click was
    handled in a whole-page run (the first run after a reconnect, or AppTest)."""
    try:
        st.rerun(scope="fragment")
    except StreamlitInvalidLayoutContextError:
        st.rerun()


def _start(ctx: ActivityContext) -> None:
    """Write the starting list the first time anyone opens the activity (once per browser)."""
    flag = f"_principles_started_{ctx.meeting.workshop_id}"
    if not st.session_state.get(flag) and attempt(
        lambda s: principles.start(s, ctx.actor, ctx.item.id)
    ) is not None:
        st.session_state[flag] = True


def _load(ctx: ActivityContext) -> list[PrincipleView]:
    return cached("principles", ctx,
                  lambda s: principles.list_for_item(s, ctx.actor, ctx.item.id)) or []


def _status(view: PrincipleView, with_counts: bool = True) -> str:
    parts = [tr("warmup.principles.agreed") if view.agreed else tr("warmup.principles.draft")]
    if view.hidden:
        parts.append(tr("warmup.principles.removed"))
    if with_counts:
        parts.append(tr("warmup.principles.counts", agree=view.agree, discuss=view.discuss))
    return " · ".join(parts)


def _author(view: PrincipleView) -> str:
    if view.from_method or view.author.by_facilitator:
        return ""
    label = role_label(view.author.role)
    return f"{plain(view.author.name)} · {label}" if view.author.name else label


# --- participant -------------------------------------------------------------------------------

def participant_input(ctx: ActivityContext) -> None:
    _start(ctx)
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    item_id = ctx.item.id
    with st.form(f"principle_form_{item_id}", border=True):
        generation = st.session_state.get("_principle_generation", 0)
        text = st.text_area(tr("warmup.principles.propose_label"),
                            key=f"new_principle_{item_id}_{generation}",
                            max_chars=MAX_PRINCIPLE_LENGTH,
                            placeholder=tr("warmup.principles.propose_placeholder"))
        if st.form_submit_button(tr("warmup.principles.propose"), type="primary"):
            key = form_key(f"principle_{item_id}")
            saved = attempt(lambda s: principles.propose(s, ctx.actor, item_id, text,
                                                         client_key=key))
            if saved is not None:
                renew_form_key(f"principle_{item_id}")
                st.session_state["_principle_generation"] = generation + 1
                flash(tr("participate.saved"))
                st.rerun()


def participant_live(ctx: ActivityContext) -> None:
    shown = _load(ctx)
    st.subheader(tr("warmup.principles.title"))
    if ctx.item.contributions_open:
        st.caption(tr("warmup.principles.react_hint"))
    for number, view in enumerate(shown, start=1):
        with st.container(border=True):
            st.markdown(f"**{number}.** {plain(view.text)}")
            mine = f" · {tr('participate.mine')}" if view.author.mine else ""
            author = _author(view)
            st.caption(_status(view) + (f" · {author}" if author else "") + mine)
            if ctx.item.contributions_open:
                _reaction_buttons(ctx, view, number)


def _reaction_buttons(ctx: ActivityContext, view: PrincipleView, number: int) -> None:
    for column, kind in zip(st.columns(len(REACTIONS)), REACTIONS, strict=True):
        chosen = view.my_reaction == kind
        label = tr(f"warmup.principles.react.{kind}", number=number)
        if chosen:
            label = f"{label} {tr('warmup.principles.chosen')}"
        if column.button(label, key=f"react_{ctx.item.id}_{view.id}_{kind}",
                         type="primary" if chosen else "secondary",
                         help=tr("warmup.principles.unreact") if chosen else None):
            attempt(lambda s, k=None if chosen else kind: principles.react(
                s, ctx.actor, ctx.item.id, view.id, k))
            rerun_live()


# --- facilitator -------------------------------------------------------------------------------

def facilitator_list(actor: Actor, views: list[PrincipleView], *, key: str,
                     with_counts: bool, rerun: Callable[[], None]) -> None:
    """The facilitator's editable list (console and library page)."""
    visible = [v for v in views if not v.hidden]
    for number, view in enumerate([*visible, *(v for v in views if v.hidden)], start=1):
        with st.container(border=True):
            _facilitator_row(actor, view, number, visible, key, with_counts, rerun)


def _facilitator_row(actor: Actor, view: PrincipleView, number: int,
                     visible: list[PrincipleView], key: str, with_counts: bool,
                     rerun: Callable[[], None]) -> None:
    text = plain(view.text)
    if view.hidden:
        st.markdown(f"~~{text}~~")
    else:
        st.markdown(f"**{number}.** {text}")
    author = _author(view)
    st.caption(_status(view, with_counts) + (f" · {author}" if author else ""))
    cols = st.columns(4)
    if not view.hidden:
        index = visible.index(view)
        if cols[0].button(tr("warmup.move_up"), icon=":material/arrow_upward:",
                          key=f"{key}_up_{view.id}_{index}", disabled=index == 0,
                          help=tr("warmup.move_up_help", number=number)):
            _act(lambda s: principles.move(s, actor, view.id, -1), rerun)
        if cols[1].button(tr("warmup.move_down"), icon=":material/arrow_downward:",
                          key=f"{key}_down_{view.id}_{index}", disabled=index == len(visible) - 1,
                          help=tr("warmup.move_down_help", number=number)):
            _act(lambda s: principles.move(s, actor, view.id, 1), rerun)
        agree_label = ("warmup.principles.unmark_agreed" if view.agreed
                       else "warmup.principles.mark_agreed")
        if cols[2].button(tr(agree_label), key=f"{key}_agree_{view.id}_{view.version}",
                          type="secondary" if view.agreed else "primary"):
            _act(lambda s: principles.set_agreed(s, actor, view.id, view.version,
                                                 not view.agreed), rerun)
    remove_label = "warmup.principles.restore" if view.hidden else "warmup.principles.remove"
    if cols[3].button(tr(remove_label), key=f"{key}_remove_{view.id}"):
        _act(lambda s: principles.remove(s, actor, view.id, not view.hidden), rerun)
    if not view.hidden:
        _edit_form(actor, view, key, rerun)


def _edit_form(actor: Actor, view: PrincipleView, key: str, rerun: Callable[[], None]) -> None:
    with st.expander(tr("warmup.principles.edit")), \
            st.form(f"{key}_edit_{view.id}_{view.version}", border=False):
        edited = st.text_area(tr("field.warmup.principle"), value=view.text,
                              max_chars=MAX_PRINCIPLE_LENGTH,
                              key=f"{key}_edit_text_{view.id}_{view.version}")
        if st.form_submit_button(tr("action.save")):
            _act(lambda s: principles.edit(s, actor, view.id, view.version, edited), rerun)


def _act(action: Callable, rerun: Callable[[], None]) -> None:  # type: ignore[type-arg]
    if attempt(action) is not None:
        rerun()


def console_live(ctx: ActivityContext) -> None:
    _start(ctx)
    views = _load(ctx)
    agreed = sum(1 for v in views if v.agreed and not v.hidden)
    st.subheader(tr("warmup.principles.console_title", agreed=agreed,
                    total=sum(1 for v in views if not v.hidden)))
    facilitator_list(ctx.actor, views, key=f"pc{ctx.item.id}", with_counts=True,
                     rerun=rerun_live)
    add_form(f"principle_add_{ctx.item.id}",
             lambda s, text: principles.propose(s, ctx.actor, ctx.item.id, text),
             rerun=rerun_live)


def add_form(key: str, save: Callable, rerun: Callable[[], None]) -> None:  # type: ignore[type-arg]
    """The facilitator's own new principle; the box empties after a successful save."""
    generation = st.session_state.get(f"_{key}_generation", 0)
    with st.form(key):
        text = st.text_area(tr("warmup.principles.add_label"), max_chars=MAX_PRINCIPLE_LENGTH,
                            key=f"{key}_text_{generation}")
        if st.form_submit_button(tr("warmup.principles.add")) and attempt(
            lambda s: save(s, text)
        ) is not None:
            st.session_state[f"_{key}_generation"] = generation + 1
            rerun()


def projector_live(ctx: ActivityContext) -> None:
    _start(ctx)
    views = [v for v in _load(ctx) if not v.hidden]
    agreed = [v for v in views if v.agreed]
    drafts = [v for v in views if not v.agreed]
    if agreed:
        st.markdown(f"### {tr('warmup.principles.agreed_heading')}")
        for number, view in enumerate(agreed, start=1):
            st.markdown(f"**{number}.** ✓ {plain(view.text)}")
    if drafts:
        st.markdown(f"### {tr('warmup.principles.draft_heading')}")
        for view in drafts:
            st.markdown(f"- {plain(view.text)}  \n"
                        f"{tr('warmup.principles.counts', agree=view.agree, discuss=view.discuss)}")
