"""Causal map in a live meeting: participants propose factors and links, everyone sees the
map grow; the facilitator picks the map, hides what does not belong and edits on the map page."""

from __future__ import annotations

import streamlit as st

from pages.activities import ActivityContext, cached
from pages.common import done, plain, read, tr
from pages.map_editor import factor_form, link_form, link_sentence, picture
from workshop import causal_maps
from workshop.causal_maps import MapView

ACTIVITY_TYPES = ("causal_map",)


def _load(ctx: ActivityContext) -> MapView | None:
    # "No map yet" is cached as False: cached() takes None for a failed read.
    return cached("causal_map", ctx,
                  lambda s: causal_maps.map_for_item(s, ctx.actor, ctx.item.id) or False) or None


def participant_input(ctx: ActivityContext) -> None:
    view = _load(ctx)
    if view is None:
        st.info(tr("maps.no_map_for_activity"))
        return
    st.session_state["_cm_form_factors"] = tuple(f.id for f in view.active_factors)
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    factor_form(ctx.actor, view, item_id=ctx.item.id, title_key="maps.propose_factor")
    link_form(ctx.actor, view, item_id=ctx.item.id, title_key="maps.propose_link")


def participant_live(ctx: ActivityContext) -> None:
    view = _load(ctx)
    if view is None:
        return
    if tuple(f.id for f in view.active_factors) != st.session_state.get("_cm_form_factors"):
        st.rerun()  # someone added a factor: the link form needs it in its lists
    picture(view, key=f"p_map_{view.id}", height=480)


def console_live(ctx: ActivityContext) -> None:
    view = _load(ctx)
    maps = read(lambda s: causal_maps.list_maps(s, ctx.actor, ctx.workshop_id)) or []
    st.subheader(plain(ctx.item.title))
    if maps:
        ids = [m.id for m in maps]
        names = {m.id: m.title for m in maps}
        current = view.id if view is not None else ids[-1]
        chosen = st.selectbox(tr("maps.activity_map"), ids, index=ids.index(current),
                              format_func=lambda i: names[i], key=f"activity_map_{ctx.item.id}")
        if chosen != current and st.button(tr("maps.attach"), key=f"attach_{ctx.item.id}") \
                and done(lambda s: causal_maps.attach_to_item(s, ctx.actor, chosen, ctx.item.id)):
            st.rerun(scope="fragment")
    if view is None:
        st.info(tr("maps.no_map_for_activity"))
        st.page_link("pages/causal_map.py", label=tr("nav.causal_map"), icon=":material/hub:")
        return
    st.caption(tr("maps.live_count", factors=len(view.active_factors),
                  links=len(view.active_links)))
    picture(view, key=f"c_map_{view.id}", height=520)
    proposed_factors = [f for f in view.factors if f.proposed]
    proposed_links = [ln for ln in view.links if ln.proposed]
    for factor in reversed(proposed_factors):
        with st.container(border=True):
            text = plain(factor.label)
            st.markdown(f"~~{text}~~" if factor.hidden else f"**{text}**")
            st.caption(tr(f"maps.kind.{factor.kind}"))
            label = "console.unhide" if factor.hidden else "console.hide"
            if st.button(tr(label), key=f"hide_f_{factor.id}_{factor.version}") and done(
                    lambda s, f=factor: causal_maps.set_factor_hidden(s, ctx.actor, f.id,
                                                                      not f.hidden)):
                st.rerun(scope="fragment")
    shown = {f.id for f in view.factors}
    for link in reversed(proposed_links):
        if link.source_id not in shown or link.target_id not in shown:
            continue
        with st.container(border=True):
            sentence = link_sentence(view, link)
            st.markdown(f"~~{sentence}~~" if link.hidden else sentence)
            label = "console.unhide" if link.hidden else "console.hide"
            if st.button(tr(label), key=f"hide_l_{link.id}_{link.version}") and done(
                    lambda s, ln=link: causal_maps.set_link_hidden(s, ctx.actor, ln.id,
                                                                   not ln.hidden)):
                st.rerun(scope="fragment")
    st.page_link("pages/causal_map.py", label=tr("nav.causal_map"), icon=":material/hub:")


def projector_live(ctx: ActivityContext) -> None:
    view = _load(ctx)
    if view is None:
        st.info(tr("maps.no_map_for_activity"))
        return
    picture(view, key=f"proj_map_{view.id}", height=720)
