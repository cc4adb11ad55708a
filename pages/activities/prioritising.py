"""Prioritising: participants choose among the workshop's candidates by dots, on the
impact/effort matrix or by ranking; the console sets the method and shows the results by
role group; the projector shows the candidates, and the results once choosing has closed."""

from __future__ import annotations

import streamlit as st

from pages.activities import ActivityContext, cached
from pages.common import done, flash, plain, read, tr
from pages.prio_parts import apply_counts, kind_label, refresh, show_round_results
from workshop import prioritising
from workshop.prioritising import (
    KIND_FILTERS,
    MAX_DOTS,
    METHODS,
    SCALE_MAX,
    SCALE_MIN,
    RoundView,
)

ACTIVITY_TYPES = ("prioritising",)


def _drawn_slot(ctx: ActivityContext) -> str:
    return f"_prio_drawn_{ctx.item.id}"


def _shape(view: RoundView) -> tuple[object, ...]:
    """What the participant's form depends on: when it changes, the page is redrawn."""
    return (view.method, view.kind, view.rules, tuple(c.id for c in view.candidates))


def _load(ctx: ActivityContext) -> RoundView | None:
    return cached("prio_round", ctx, lambda s: prioritising.round_view(s, ctx.actor, ctx.item.id))


# --- participant ------------------------------------------------------------------------------

def participant_input(ctx: ActivityContext) -> None:
    view = read(lambda s: prioritising.round_view(s, ctx.actor, ctx.item.id))
    if view is None:
        return
    st.session_state[_drawn_slot(ctx)] = _shape(view)
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    if not view.candidates:
        st.info(tr("prio.no_candidates"))
        return
    st.markdown(f"**{tr(f'prio.method.{view.method}')}**: {tr(f'prio.method.{view.method}.help')}")
    {"dots": _dots_form, "matrix": _matrix_form, "ranking": _ranking_form}[view.method](
        ctx, view)


def _dots_form(ctx: ActivityContext, view: RoundView) -> None:
    rules = view.rules
    st.caption(tr("prio.dots_rules", dots=rules.dots_per_person, max=rules.max_per_target))
    st.markdown(tr("prio.dots_left", left=view.dots_left, dots=rules.dots_per_person))
    wanted: dict[int, int] = {}
    stamp = sum(view.my_dots.values())
    with st.form(f"prio_dots_form_{ctx.item.id}", border=True):
        for number, candidate in enumerate(view.candidates, 1):
            wanted[candidate.id] = st.number_input(
                f"{number}. {plain(candidate.text)}", min_value=0,
                max_value=rules.max_per_target, step=1,
                value=view.my_dots.get(candidate.id, 0),
                key=f"prio_dots_{ctx.item.id}_{candidate.id}_{stamp}")
        if st.form_submit_button(tr("prio.save_dots"), type="primary", width="stretch") \
                and done(lambda s: apply_counts(
                    s, view.my_dots, wanted, lambda s2, target, n: prioritising.set_dots(
                        s2, ctx.actor, ctx.item.id, target, n))):
            flash(tr("participate.saved"))
            st.rerun()


def _scale_choice(label: str, value: int | None, key: str) -> int | None:
    options = list(range(SCALE_MIN, SCALE_MAX + 1))
    return st.segmented_control(label, options, default=value, key=key)


def _matrix_form(ctx: ActivityContext, view: RoundView) -> None:
    st.caption(tr("prio.matrix_rules", low=SCALE_MIN, high=SCALE_MAX))
    chosen: dict[int, tuple[int | None, int | None]] = {}
    stamp = len(view.my_placements)
    with st.form(f"prio_matrix_form_{ctx.item.id}", border=True):
        for number, candidate in enumerate(view.candidates, 1):
            st.markdown(f"**{number}. {plain(candidate.text)}**")
            impact, effort = view.my_placements.get(candidate.id, (None, None))
            left, right = st.columns(2)
            with left:
                new_impact = _scale_choice(tr("prio.impact"), impact,
                                           f"prio_impact_{ctx.item.id}_{candidate.id}_{stamp}")
            with right:
                new_effort = _scale_choice(tr("prio.effort"), effort,
                                           f"prio_effort_{ctx.item.id}_{candidate.id}_{stamp}")
            chosen[candidate.id] = (new_impact, new_effort)
        if st.form_submit_button(tr("prio.save_placements"), type="primary", width="stretch"):
            half = [cid for cid, (i, e) in chosen.items() if (i is None) != (e is None)]
            if half:
                st.warning(tr("prio.matrix_both"))
                return

            def save(s):  # type: ignore[no-untyped-def]
                for cid, (i, e) in chosen.items():
                    if i is not None and e is not None and view.my_placements.get(cid) != (i, e):
                        prioritising.place(s, ctx.actor, ctx.item.id, cid, i, e)

            if done(save):
                flash(tr("participate.saved"))
                st.rerun()


def _ranking_form(ctx: ActivityContext, view: RoundView) -> None:
    st.caption(tr("prio.ranking_rules"))
    texts = {c.id: c.text for c in view.candidates}
    with st.form(f"prio_rank_form_{ctx.item.id}", border=True):
        order = st.multiselect(tr("prio.ranking_label"), list(texts),
                               default=list(view.my_ranking),
                               format_func=lambda cid: texts[cid],
                               key=f"prio_rank_{ctx.item.id}_{len(view.my_ranking)}")
        if st.form_submit_button(tr("prio.save_ranking"), type="primary", width="stretch"):
            if len(order) != len(texts):
                st.warning(tr("prio.ranking_all", count=len(texts)))
                return
            if done(lambda s: prioritising.rank(s, ctx.actor, ctx.item.id, order)):
                flash(tr("participate.saved"))
                st.rerun()
    if view.my_ranking:
        st.markdown(tr("prio.your_ranking") + "\n\n" + "\n".join(
            f"{n}. {plain(texts[cid])}" for n, cid in enumerate(view.my_ranking, 1)
            if cid in texts))


def participant_live(ctx: ActivityContext) -> None:
    view = _load(ctx)
    if view is None:
        return
    drawn = st.session_state.get(_drawn_slot(ctx))
    if drawn is not None and drawn != _shape(view):
        st.rerun()  # the facilitator changed the method or the candidates: redraw the form
    st.caption(tr("prio.voted_count", count=view.respondents))


# --- console ------------------------------------------------------------------------------------

def console_live(ctx: ActivityContext) -> None:
    view = _load(ctx)
    if view is None:
        return
    with st.expander(tr("prio.settings"), expanded=view.version == 0), \
            st.form(f"prio_config_{ctx.item.id}_{view.version}"):
        method = st.radio(tr("field.prio.method"), METHODS, horizontal=True,
                          index=METHODS.index(view.method),
                          format_func=lambda m: tr(f"prio.method.{m}"))
        kind = st.radio(tr("field.prio.kind"), KIND_FILTERS, horizontal=True,
                        index=KIND_FILTERS.index(view.kind), format_func=kind_label)
        left, right = st.columns(2)
        dots = left.number_input(tr("field.prio.dots_per_person"), 1, MAX_DOTS,
                                 view.rules.dots_per_person)
        cap = right.number_input(tr("field.prio.max_per_target"), 1, MAX_DOTS,
                                 view.rules.max_per_target)
        if st.form_submit_button(tr("action.save")) and done(
            lambda s: prioritising.configure(s, ctx.actor, ctx.item.id, method=method,
                                             kind=kind, dots_per_person=int(dots),
                                             max_per_target=int(cap))):
            refresh()
    st.markdown(tr("prio.console_summary", method=tr(f"prio.method.{view.method}"),
                   count=len(view.candidates), voted=view.respondents))
    st.page_link("pages/candidates.py", label=tr("prio.open_candidates"),
                 icon=":material/checklist:")
    if not view.candidates:
        st.info(tr("prio.no_candidates_console"))
        return
    results = cached("prio_results", ctx,
                     lambda s: prioritising.results(s, ctx.actor, ctx.item.id))
    if results is not None:
        with st.expander(tr("prio.results_title"), expanded=not ctx.item.contributions_open):
            show_round_results(results, f"prio_console_{ctx.item.id}")


# --- projector ----------------------------------------------------------------------------------

def projector_live(ctx: ActivityContext) -> None:
    view = _load(ctx)
    if view is None:
        return
    st.markdown(f"### {tr(f'prio.method.{view.method}')}")
    if ctx.item.contributions_open or not view.respondents:
        for number, candidate in enumerate(view.candidates, 1):
            st.markdown(f"{number}. {plain(candidate.text)}")
        st.caption(tr("prio.voted_count", count=view.respondents))
        return
    results = cached("prio_results_room", ctx,
                     lambda s: prioritising.results(s, ctx.actor, ctx.item.id))
    if results is not None:
        show_round_results(results, f"prio_projector_{ctx.item.id}")
