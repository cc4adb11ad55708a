"""Service paths in a live meeting: groups write their persona's path together; the
console and the projector show the paths as journey charts as they grow."""

from __future__ import annotations

import streamlit as st

from pages.activities import ActivityContext, cached
from pages.common import plain, tr
from pages.path_editor import add_step_form, choose_path, journey, new_path_form, step_list
from workshop import paths
from workshop.paths import PathView

ACTIVITY_TYPES = ("service_path",)
SLOT = "activity_path_id"


def _load(ctx: ActivityContext) -> list[PathView]:
    return cached("paths", ctx, lambda s: paths.list_paths(s, ctx.actor, ctx.workshop_id)) or []


def _chosen(ctx: ActivityContext, listed: list[PathView]) -> PathView | None:
    wanted = st.session_state.get(SLOT)
    return next((p for p in listed if p.id == wanted), listed[0] if listed else None)


def participant_input(ctx: ActivityContext) -> None:
    st.caption(tr("paths.participant_hint"))
    listed = _load(ctx)
    choose_path(listed, SLOT)
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    with st.expander(tr("paths.new"), expanded=not listed):
        new_path_form(ctx.actor, ctx.workshop_id, item_id=ctx.item.id, slot=SLOT)


def participant_live(ctx: ActivityContext) -> None:
    path = _chosen(ctx, _load(ctx))
    if path is None:
        return
    open_ = ctx.item.contributions_open
    step_list(ctx.actor, path, item_id=ctx.item.id, editable=open_,
              rerun=lambda: st.rerun(scope="fragment"))
    if open_:
        add_step_form(ctx.actor, path, item_id=ctx.item.id)
    with st.expander(tr("paths.chart")):
        journey(path, key=f"p_journey_{path.id}")


def _counts(listed: list[PathView]) -> str:
    return tr("paths.live_count", paths=len(listed),
              steps=sum(len(p.steps) for p in listed),
              critical=sum(len(p.critical_steps) for p in listed))


def console_live(ctx: ActivityContext) -> None:
    listed = _load(ctx)
    st.subheader(plain(ctx.item.title))
    st.caption(_counts(listed))
    if not listed:
        st.info(tr("paths.none_yet"))
        return
    path = _chosen(ctx, listed)
    ids = [p.id for p in listed]
    names = {p.id: plain(p.title) for p in listed}
    picked = st.segmented_control(tr("paths.choose"), ids, format_func=lambda i: names[i],
                                  default=path.id if path else None, key="console_path_pick")
    st.session_state[SLOT] = picked or (path.id if path else None)
    shown = next((p for p in listed if p.id == st.session_state[SLOT]), None)
    if shown is not None:
        journey(shown, key=f"c_journey_{shown.id}")
        st.page_link("pages/paths.py", label=tr("nav.paths"), icon=":material/route:")


def projector_live(ctx: ActivityContext) -> None:
    listed = _load(ctx)
    st.caption(_counts(listed))
    for path in listed:
        journey(path, key=f"proj_journey_{path.id}")
