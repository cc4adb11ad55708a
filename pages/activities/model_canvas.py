"""The service model canvas in a live meeting: the group reads the version the facilitator
published after the last meeting, comments on it (the whole model or one part), and sees how
earlier comments were answered."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from pages.activities import ActivityContext, cached
from pages.canvas_parts import element_choices, show_snapshot
from pages.common import attempt, flash, form_key, plain, read, renew_form_key, role_label, tr
from workshop import canvas
from workshop.access import Actor
from workshop.canvas import MAX_COMMENT_LENGTH, CommentView, PublishedModel

ACTIVITY_TYPES = ("model_canvas",)


@dataclass(frozen=True)
class _Live:
    published: list[PublishedModel]
    comments: dict[int, list[CommentView]]  # model id -> comments on its versions


def _load(ctx: ActivityContext) -> _Live:
    def loader(session):  # type: ignore[no-untyped-def]
        published = canvas.published_models(session, ctx.actor, ctx.workshop_id)
        return _Live(published, {p.model_id: canvas.list_comments(session, ctx.actor,
                                                                   p.model_id)
                                 for p in published})

    return cached("model_canvas", ctx, loader) or _Live([], {})


def _chosen(published: list[PublishedModel]) -> PublishedModel | None:
    if not published:
        return None
    ids = [p.model_id for p in published]
    current = st.session_state.get("_canvas_live_model")
    return next((p for p in published if p.model_id == current), published[0]) \
        if current in ids else published[0]


def _pick(published: list[PublishedModel], key: str) -> PublishedModel | None:
    if len(published) <= 1:
        return published[0] if published else None
    names = {p.model_id: p.name for p in published}
    current = _chosen(published)
    chosen = st.selectbox(tr("canvas.choose_model"), list(names),
                          index=list(names).index(current.model_id) if current else 0,
                          format_func=lambda i: names[i], key=key)
    st.session_state["_canvas_live_model"] = chosen
    return next(p for p in published if p.model_id == chosen)


def _versions(published: list[PublishedModel]) -> tuple[tuple[int, int], ...]:
    return tuple((p.model_id, p.latest.number) for p in published)


def participant_input(ctx: ActivityContext) -> None:
    published = read(lambda s: canvas.published_models(s, ctx.actor, ctx.workshop_id)) or []
    st.session_state[f"_canvas_drawn_{ctx.item.id}"] = _versions(published)
    if not published:
        st.info(tr("canvas.nothing_published"))
        return
    chosen = _pick(published, f"canvas_pick_{ctx.item.id}")
    if chosen is None:
        return
    version = chosen.latest
    st.markdown(tr("canvas.live_version", name=plain(chosen.name), number=version.number))
    if version.summary:
        st.markdown(plain(version.summary))
    with st.expander(tr("canvas.read_version"), expanded=False):
        show_snapshot(version.content)
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    choices = {0: tr("canvas.about_whole"), **element_choices(version.content)}
    form_id = f"canvas_comment_{ctx.item.id}"
    with st.form(form_id, border=True):
        generation = st.session_state.get("_canvas_comment_generation", 0)
        about = st.selectbox(tr("canvas.comment_about"), list(choices),
                             format_func=lambda i: choices[i],
                             key=f"canvas_about_{ctx.item.id}_{generation}")
        text = st.text_area(tr("field.canvas_comment"), max_chars=MAX_COMMENT_LENGTH,
                            key=f"canvas_text_{ctx.item.id}_{generation}",
                            placeholder=tr("canvas.comment_placeholder"))
        if st.form_submit_button(tr("participate.send"), type="primary", width="stretch"):
            key = form_key(form_id)
            saved = attempt(lambda s: canvas.add_comment(
                s, ctx.actor, version.id, text, element_id=about or None, item_id=ctx.item.id,
                client_key=key))
            if saved is not None:
                renew_form_key(form_id)
                st.session_state["_canvas_comment_generation"] = generation + 1
                flash(tr("participate.saved"))
                st.rerun()


def _author(comment: CommentView, with_name: bool) -> str:
    label = role_label(comment.author.role)
    if with_name and comment.author.name:
        label = f"{plain(comment.author.name)} · {label}"
    return label


def _response_line(comment: CommentView) -> str:
    response = comment.response
    if response is None or response.answered_in_version is None:
        return tr("canvas.response_waiting")
    text = tr(f"canvas.response_in_version.{response.status}",
              number=response.answered_in_version)
    return text + (f": {plain(response.text)}" if response.text else "")


def _comment_list(comments: list[CommentView], *, names: bool,
                  moderator: Actor | None = None) -> None:
    console = moderator is not None
    for comment in comments:
        if comment.hidden and not console:
            continue
        with st.container(border=True):
            body = plain(comment.text)
            st.markdown(f"~~{body}~~" if comment.hidden else body)
            mine = f" · {tr('participate.mine')}" if comment.author.mine else ""
            st.caption(f"{_author(comment, names)}{mine} · "
                       f"{tr('canvas.on_version', number=comment.version_number)}")
            st.caption(_response_line(comment))
            if console:
                label = "console.unhide" if comment.hidden else "console.hide"
                if st.button(tr(label), key=f"live_hide_{comment.id}_{comment.version}"):
                    attempt(lambda s, c=comment: canvas.hide_comment(s, moderator, c.id,
                                                                      not c.hidden))
                    st.rerun(scope="fragment")


def participant_live(ctx: ActivityContext) -> None:
    live = _load(ctx)
    drawn = st.session_state.get(f"_canvas_drawn_{ctx.item.id}")
    if drawn is not None and drawn != _versions(live.published):
        st.rerun()  # the facilitator published a new version: draw it and its comment form
    chosen = _chosen(live.published)
    if chosen is None:
        return
    comments = live.comments.get(chosen.model_id, [])
    st.subheader(tr("canvas.comments", count=len(comments)))
    _comment_list(list(reversed(comments)), names=True)


def console_live(ctx: ActivityContext) -> None:
    live = _load(ctx)
    if not live.published:
        st.info(tr("canvas.nothing_published"))
        st.page_link("pages/model_canvas.py", label=tr("nav.model_canvas"))
        return
    for published in live.published:
        comments = live.comments.get(published.model_id, [])
        waiting = sum(1 for c in comments if c.response is None)
        st.subheader(tr("canvas.console_title", name=plain(published.name),
                        number=published.latest.number))
        st.caption(tr("canvas.console_counts", count=len(comments), waiting=waiting))
        _comment_list(list(reversed(comments)), names=True, moderator=ctx.actor)


def projector_live(ctx: ActivityContext) -> None:
    live = _load(ctx)
    chosen = _chosen(live.published)
    if chosen is None:
        st.markdown(f"## {tr('canvas.nothing_published')}")
        return
    heading = tr("canvas.live_version", name=plain(chosen.name), number=chosen.latest.number)
    st.markdown(f"## {heading}")
    if chosen.latest.summary:
        st.markdown(plain(chosen.latest.summary))
    comments = [c for c in live.comments.get(chosen.model_id, []) if not c.hidden]
    st.metric(tr("canvas.comments_metric"), len(comments))
    show_snapshot(chosen.latest.content, sections=("what", "core"))
    _comment_list(list(reversed(comments))[:8], names=ctx.item.show_names)
