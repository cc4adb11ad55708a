"""Shared UI for small groups: the facilitator forms and adjusts them, a participant sees
their own. Used by group activities (personas, learning café, Tuplatiimi pairs)."""

from __future__ import annotations

import streamlit as st

from pages.activities import ActivityContext, cached
from pages.common import attempt, done, plain, rerun_fragment, role_label, tr
from workshop import groups
from workshop.access import ParticipantActor
from workshop.groups import GroupView


def _member_label(member: groups.MemberView) -> str:
    role = role_label(member.role)
    return f"{plain(member.name)} · {role}" if member.name else role


def facilitator_groups(ctx: ActivityContext, *, pairs: bool = False, size: int = 4) -> None:
    """Form/re-form groups and move people between them (inside a live fragment)."""
    listed = cached("groups", ctx, lambda s: groups.groups_for_item(s, ctx.actor, ctx.item.id))
    with st.expander(tr("groups.title"), expanded=not listed):
        written = cached("groups_written", ctx, lambda s: groups.written_in_groups(
            s, ctx.actor, ctx.item.id)) if listed else None
        confirmed = False
        if written is not None and written.total:
            if written.kept:  # new groups keep that work but lose which group wrote it
                st.warning(tr("groups.written_warning", count=written.kept))
            if written.removed:
                st.warning(tr("groups.removed_warning", count=written.removed))
            confirmed = st.checkbox(tr("groups.confirm_reform"), key=f"reform_ok_{ctx.item.id}")
        label = "groups.form_pairs" if pairs else "groups.form"
        # The key carries the meeting's revision (forming groups moves it): a press Streamlit
        # replays into a later run finds no button then, instead of shuffling everyone twice.
        # (Not the groups' ids: SQLite gives a new group the id of a deleted one.)
        if st.button(tr(label), key=f"form_groups_{ctx.item.id}_{ctx.revision}",
                     disabled=bool(written and written.total) and not confirmed) and done(
            lambda s: groups.form_groups(s, ctx.actor, ctx.item.id, size=size, pairs=pairs,
                                         replace_written=confirmed)
        ):
            rerun_fragment()
        if not listed:
            st.caption(tr("groups.none_yet"))
            return
        for group in listed:
            st.markdown(f"**{group_title(group)}**: "
                        + ", ".join(_member_label(m) for m in group.members))
        _mover(ctx, listed)


def _mover(ctx: ActivityContext, listed: list[GroupView]) -> None:
    members = {m.participant_id: m for g in listed for m in g.members}
    if not members:
        return
    left, right, button = st.columns([3, 2, 1])
    who = left.selectbox(tr("groups.move"), list(members), key=f"move_who_{ctx.item.id}",
                         format_func=lambda pid: _member_label(members[pid]))
    target = right.selectbox(tr("groups.title"), [g.id for g in listed],
                             key=f"move_to_{ctx.item.id}",
                             format_func=lambda gid: group_title(
                                 next(g for g in listed if g.id == gid)))
    if button.button(tr("groups.move"), key=f"move_btn_{ctx.item.id}") and done(
        lambda s: groups.move_participant(s, ctx.actor, ctx.item.id, who, target)
    ):
        rerun_fragment()


def group_title(group: GroupView) -> str:
    return plain(group.name) if group.name else tr("groups.group_number",
                                                   number=group.position + 1)


def own_group(ctx: ActivityContext) -> GroupView | None:
    """The participant's group (a late joiner is placed in the smallest one)."""
    assert isinstance(ctx.actor, ParticipantActor)
    group = attempt(lambda s: groups.my_group(s, ctx.actor, ctx.item.id))  # may place a late joiner
    if group is None:
        st.caption(tr("groups.none_yet"))
        return None
    st.markdown(f"**{tr('groups.your_group', number=group.position + 1)}**: "
                + ", ".join(_member_label(m) for m in group.members))
    return group
