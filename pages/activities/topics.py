"""Topics and dot voting: list topics, spend dots with +/− buttons, see the ranking; the
facilitator sets the dots, merges duplicates and hides."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from pages.activities import ActivityContext, cached
from pages.activities.principles import rerun_live
from pages.common import attempt, done, flash, form_key, plain, renew_form_key, role_label, tr
from workshop import topics
from workshop.access import Actor
from workshop.topics import MAX_DOTS, MAX_TOPIC_LENGTH, EarlierRanking, TopicBoard, TopicView

ACTIVITY_TYPES = ("topics",)
GROUPS = ("client", "worker", "other")


def dots_text(count: int) -> str:
    """Dots as symbols and as a number: never only a picture."""
    symbols = "●" * min(count, 20)
    return f"{symbols} {tr('warmup.topics.dots', count=count)}".strip()


def _load(ctx: ActivityContext) -> TopicBoard | None:
    return cached("topics", ctx, lambda s: topics.board(s, ctx.actor, ctx.item.id))


# --- participant -------------------------------------------------------------------------------

def participant_input(ctx: ActivityContext) -> None:
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    item_id = ctx.item.id
    with st.form(f"topic_form_{item_id}", border=True):
        generation = st.session_state.get("_topic_generation", 0)
        text = st.text_input(tr("warmup.topics.new_label"), max_chars=MAX_TOPIC_LENGTH,
                             key=f"new_topic_{item_id}_{generation}",
                             placeholder=tr("warmup.topics.new_placeholder"))
        if st.form_submit_button(tr("warmup.topics.submit"), type="primary"):
            key = form_key(f"topic_{item_id}")
            saved = attempt(lambda s: topics.submit(s, ctx.actor, item_id, text,
                                                    client_key=key))
            if saved is not None:
                renew_form_key(f"topic_{item_id}")
                st.session_state["_topic_generation"] = generation + 1
                flash(tr("participate.saved"))
                st.rerun()


def participant_live(ctx: ActivityContext) -> None:
    board = _load(ctx)
    if board is None:
        return
    voting = ctx.item.contributions_open
    st.subheader(tr("warmup.topics.ranking"))
    if voting:
        st.markdown(tr("warmup.topics.dots_left", left=board.dots_left,
                       total=board.rules.dots_per_person))
        st.caption(tr("warmup.topics.rules", per_topic=board.rules.max_per_topic))
    if not board.topics:
        st.caption(tr("warmup.topics.none_yet"))
    for rank, topic in enumerate(board.topics, start=1):
        with st.container(border=True):
            _topic_row(ctx, board, topic, rank, voting)
    _earlier(board.earlier)


def _topic_row(ctx: ActivityContext, board: TopicBoard, topic: TopicView, rank: int,
               voting: bool) -> None:
    st.markdown(f"**{rank}.** {plain(topic.text)}")
    parts = [dots_text(topic.total)]
    if topic.my_dots:
        parts.append(tr("warmup.topics.my_dots", count=topic.my_dots))
    if topic.author.mine:
        parts.append(tr("participate.mine"))
    st.caption(" · ".join(parts))
    if not voting:
        return
    add_col, remove_col = st.columns(2)
    can_add = topic.my_dots < board.rules.max_per_topic and board.dots_left > 0
    if add_col.button(tr("warmup.topics.add_dot", rank=rank), key=f"dot_add_{topic.id}",
                      icon=":material/add:", disabled=not can_add, width="stretch"):
        _vote(ctx, topic.id, topic.my_dots + 1)
    if remove_col.button(tr("warmup.topics.remove_dot", rank=rank), key=f"dot_remove_{topic.id}",
                         icon=":material/remove:", disabled=topic.my_dots == 0,
                         width="stretch"):
        _vote(ctx, topic.id, topic.my_dots - 1)


def _vote(ctx: ActivityContext, topic_id: int, dots: int) -> None:
    # The number seen on screen + 1 (or - 1): a double click sends the same number twice.
    if attempt(lambda s: topics.set_dots(s, ctx.actor, ctx.item.id, topic_id, dots)) is not None:
        rerun_live()


def _earlier(earlier: EarlierRanking | None) -> None:
    if earlier is None:
        return
    with st.expander(tr("warmup.topics.earlier", number=earlier.meeting_number,
                        title=plain(earlier.item_title))):
        for rank, (_id, text, dots) in enumerate(earlier.ranked, start=1):
            st.markdown(f"{rank}. {plain(text)} – {tr('warmup.topics.dots', count=dots)}")


# --- facilitator -------------------------------------------------------------------------------

def _groups(topic: TopicView) -> str:
    return " · ".join(f"{tr(f'warmup.group.{g}')} {topic.by_group.get(g, 0)}" for g in GROUPS
                      if topic.by_group.get(g))


def facilitator_topics(actor: Actor, shown: list[TopicView], *, key: str,
                       rerun: Callable[[], None]) -> None:
    """Ranked topics with dot counts by group, hiding and merging (console and library)."""
    for rank, topic in enumerate(shown, start=1):
        with st.container(border=True):
            text = plain(topic.text)
            st.markdown(f"~~{text}~~" if topic.hidden else f"**{rank}.** {text}")
            parts = [dots_text(topic.total)]
            if topic.by_group:
                parts.append(_groups(topic))
            if topic.merged_count:
                parts.append(tr("warmup.topics.merged_count", count=topic.merged_count))
            if not topic.author.by_facilitator:
                who = role_label(topic.author.role)
                parts.append(f"{plain(topic.author.name)} · {who}" if topic.author.name else who)
            if topic.hidden:
                parts.append(tr("console.hidden"))
            st.caption(" · ".join(parts))
            label = "console.unhide" if topic.hidden else "console.hide"
            if st.button(tr(label), key=f"{key}_hide_{topic.id}_{topic.version}") and done(
                lambda s, t=topic: topics.hide_topic(s, actor, t.id, not t.hidden)
            ):
                rerun()
    _merge_form(actor, [t for t in shown if not t.hidden], key, rerun)


def _merge_form(actor: Actor, shown: list[TopicView], key: str,
                rerun: Callable[[], None]) -> None:
    if len(shown) < 2:
        return
    names = {t.id: t.text for t in shown}
    ids = list(names)
    with st.expander(tr("warmup.topics.merge_heading")), st.form(f"{key}_merge", border=False):
        st.caption(tr("warmup.topics.merge_help"))
        duplicate = st.selectbox(tr("warmup.topics.merge_duplicate"), ids, index=1,
                                 format_func=lambda i: names[i], key=f"{key}_merge_dup")
        keep = st.selectbox(tr("warmup.topics.merge_keep"), ids, index=0,
                            format_func=lambda i: names[i], key=f"{key}_merge_keep")
        if st.form_submit_button(tr("warmup.topics.merge")):
            result = attempt(lambda s: topics.merge(s, actor, keep, duplicate))
            if result is not None:
                flash(tr("warmup.topics.merged", moved=result.moved, returned=result.returned))
                st.rerun()  # a whole-page run shows the confirmation


def console_live(ctx: ActivityContext) -> None:
    board = _load(ctx)
    if board is None:
        return
    with st.expander(tr("warmup.topics.settings", dots=board.rules.dots_per_person,
                        per_topic=board.rules.max_per_topic)):
        rules = board.rules
        with st.form(f"topic_rules_{ctx.item.id}_{rules.dots_per_person}_{rules.max_per_topic}",
                     border=False):
            left, right = st.columns(2)
            dots = left.number_input(tr("field.warmup.dots_per_person"), min_value=1,
                                     max_value=MAX_DOTS, value=board.rules.dots_per_person,
                                     step=1, key=f"topic_dots_{ctx.item.id}")
            cap = right.number_input(tr("field.warmup.max_per_topic"), min_value=1,
                                     max_value=MAX_DOTS, value=board.rules.max_per_topic,
                                     step=1, key=f"topic_cap_{ctx.item.id}")
            if st.form_submit_button(tr("action.save")) and attempt(
                lambda s: topics.configure(s, ctx.actor, ctx.item.id,
                                           dots_per_person=int(dots), max_per_topic=int(cap))
            ) is not None:
                rerun_live()
    total = sum(t.total for t in board.topics)
    st.subheader(tr("warmup.topics.console_title", count=len(board.topics), dots=total))
    facilitator_topics(ctx.actor, list(board.topics), key=f"tc{ctx.item.id}",
                       rerun=rerun_live)
    _earlier(board.earlier)


def projector_live(ctx: ActivityContext) -> None:
    board = _load(ctx)
    if board is None:
        return
    shown = [t for t in board.topics if not t.hidden]
    if not shown:
        st.markdown(tr("warmup.topics.none_yet"))
    for rank, topic in enumerate(shown, start=1):
        st.markdown(f"**{rank}.** {plain(topic.text)}  \n{dots_text(topic.total)}")
    _earlier(board.earlier)
