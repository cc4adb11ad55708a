"""Facilitator: the workshop's candidate list (problems and solutions) with where each came
from, the results of prioritising by role group, the waste found in the waste workshops, and
the solutions board (four steps, status, owner, notes per step)."""

from __future__ import annotations

import streamlit as st

from pages.activities.solution_steps import step_name, step_path
from pages.common import (
    attempt,
    done,
    facilitator,
    flash,
    form_key,
    plain,
    read,
    renew_form_key,
    role_label,
    show_flash,
    tr,
)
from pages.prio_parts import (
    kind_label,
    origin_text,
    show_round_results,
    show_waste_results,
    type_name,
    waste_category,
)
from workshop import prioritising, solutions, waste, workshops
from workshop.content.methods import WASTE_CATEGORIES
from workshop.prioritising import KINDS, MAX_CANDIDATE_LENGTH, CandidateView
from workshop.solutions import STATUSES, STEPS, SolutionView

me = facilitator()
st.title(tr("prio.page.title"))
show_flash()

mine = read(lambda s: workshops.list_workshops(s, me)) or []
if not mine:
    st.info(tr("workshops.none_yet"))
    st.page_link("pages/workshops.py", label=tr("nav.workshops"))
    st.stop()
ids = [w.id for w in mine]
names = {w.id: w.name for w in mine}
chosen = st.session_state.get("workshop_id")
workshop_id = st.selectbox(tr("prio.page.workshop"), ids,
                           index=ids.index(chosen) if chosen in ids else 0,
                           format_func=lambda i: names[i], key="candidates_workshop")
st.session_state["workshop_id"] = workshop_id

candidates_tab, results_tab, waste_tab, solutions_tab = st.tabs([
    tr("prio.page.candidates"), tr("prio.page.results"), tr("prio.page.waste"),
    tr("prio.page.solutions")])


# --- candidates -------------------------------------------------------------------------------

def _add_by_hand() -> None:
    generation = st.session_state.get("_cand_generation", 0)
    with st.form("cand_add_form", border=True):
        st.markdown(f"**{tr('prio.page.add_title')}**")
        text = st.text_area(tr("field.prio.candidate"), max_chars=MAX_CANDIDATE_LENGTH,
                            key=f"cand_text_{generation}")
        kind = st.radio(tr("field.prio.kind"), KINDS, horizontal=True, format_func=kind_label,
                        key=f"cand_kind_{generation}")
        if st.form_submit_button(tr("prio.page.add"), type="primary"):
            saved = attempt(lambda s: prioritising.add_candidate(
                s, me, workshop_id, text, kind, client_key=form_key("cand_add")))
            if saved is not None:
                renew_form_key("cand_add")
                st.session_state["_cand_generation"] = generation + 1
                flash(tr("prio.page.added"))
                st.rerun()


def _collect() -> None:
    types = prioritising.origin_types()
    with st.container(border=True):
        st.markdown(f"**{tr('prio.page.collect_title')}**")
        st.caption(tr("prio.page.collect_hint"))
        record_type = st.selectbox(tr("prio.page.origin_type"), types, format_func=type_name,
                                   key="cand_origin_type")
        records = read(lambda s: prioritising.linkable_records(s, me, workshop_id,
                                                               record_type)) or []
        if not records:
            st.caption(tr("prio.page.no_records"))
            return
        labels = dict(records)
        record_id = st.selectbox(tr("prio.page.origin_record"), list(labels),
                                 format_func=lambda i: labels[i], key="cand_origin_record")
        kind = st.radio(tr("field.prio.kind"), KINDS, horizontal=True, format_func=kind_label,
                        key="cand_origin_kind")
        wording = st.text_input(tr("prio.page.wording"), max_chars=MAX_CANDIDATE_LENGTH,
                                key="cand_origin_wording", help=tr("prio.page.wording_help"))
        if st.button(tr("prio.page.collect"), key="cand_collect", type="primary") and done(
                lambda s: prioritising.collect(s, me, workshop_id, record_type, record_id,
                                               kind=kind, text=wording or None)):
            flash(tr("prio.page.added"))
            st.rerun()


def _candidate(candidate: CandidateView, number: int) -> None:
    with st.container(border=True):
        st.markdown(f"**{number}. {plain(candidate.text)}**  \n"
                    f":blue-badge[{kind_label(candidate.kind)}]")
        if candidate.origins:
            st.caption(tr("prio.page.origins") + " " + "; ".join(
                origin_text(o) for o in candidate.origins))
        else:
            st.caption(tr("prio.page.typed"))
        with st.expander(tr("prio.page.edit")):
            with st.form(f"cand_edit_{candidate.id}_{candidate.version}"):
                text = st.text_area(tr("field.prio.candidate"), value=candidate.text,
                                    max_chars=MAX_CANDIDATE_LENGTH)
                kind = st.radio(tr("field.prio.kind"), KINDS, horizontal=True,
                                index=KINDS.index(candidate.kind), format_func=kind_label)
                if st.form_submit_button(tr("action.save")) and done(
                        lambda s: prioritising.edit_candidate(s, me, candidate.id,
                                                              candidate.version, text, kind)):
                    st.rerun()
            left, right = st.columns(2)
            if left.button(tr("prio.page.set_aside"), key=f"cand_aside_{candidate.id}") and done(
                    lambda s: prioritising.set_aside(s, me, candidate.id)):
                st.rerun()
            if right.button(tr("prio.page.to_solution"), key=f"cand_solution_{candidate.id}") \
                    and done(lambda s: solutions.from_candidate(s, me, candidate.id)):
                flash(tr("prio.page.solution_made"))
                st.rerun()


with candidates_tab:
    listed = read(lambda s: prioritising.list_candidates(s, me, workshop_id,
                                                         include_set_aside=True)) or []
    active = [c for c in listed if not c.withdrawn]
    aside = [c for c in listed if c.withdrawn]
    add_col, collect_col = st.columns(2)
    with add_col:
        _add_by_hand()
    with collect_col:
        _collect()
    for kind in KINDS:
        of_kind = [c for c in active if c.kind == kind]
        st.subheader(tr(f"prio.page.heading.{kind}", count=len(of_kind)))
        if not of_kind:
            st.caption(tr("prio.page.none_of_kind"))
        for number, candidate in enumerate(of_kind, 1):
            _candidate(candidate, number)
    if aside:
        with st.expander(tr("prio.page.aside", count=len(aside))):
            for candidate in aside:
                text_col, button_col = st.columns([4, 1])
                text_col.markdown(plain(candidate.text))
                if button_col.button(tr("prio.page.restore"), key=f"cand_back_{candidate.id}") \
                        and done(lambda s, c=candidate.id: prioritising.set_aside(s, me, c, False)):
                    st.rerun()


# --- results ----------------------------------------------------------------------------------

with results_tab:
    st.caption(tr("prio.page.results_hint"))
    rounds = read(lambda s: prioritising.workshop_rounds(s, me, workshop_id)) or []
    if not rounds:
        st.info(tr("prio.page.no_rounds"))
    else:
        labels = {r[0]: tr("prio.page.round_label", number=r[1], title=r[2]) for r in rounds}
        item_id = st.selectbox(tr("prio.page.round"), list(labels),
                               index=len(labels) - 1, format_func=lambda i: labels[i],
                               key="cand_round")
        results = read(lambda s: prioritising.results(s, me, item_id))
        if results is not None:
            st.markdown(f"**{tr(f'prio.method.{results.method}')}**")
            show_round_results(results, f"cand_results_{item_id}")


# --- waste --------------------------------------------------------------------------------------

with waste_tab:
    found = read(lambda s: waste.workshop_waste(s, me, workshop_id)) or []
    explanations = {c.key: c.explanation_key for c in WASTE_CATEGORIES}
    if not found:
        st.info(tr("waste_ws.none_yet"))
    current = None
    for item in found:
        heading = (item.category, item.free_category)
        if heading != current:
            current = heading
            st.subheader(waste_category(*heading))
            if item.category in explanations:
                st.caption(tr(explanations[item.category]))
        text_col, button_col = st.columns([4, 1])
        meta = [tr("label.meeting_number", number=item.meeting_number)] \
            if item.meeting_number else []
        if item.where_in_path:
            meta.append(tr("waste_ws.where_line", where=plain(item.where_in_path)))
        if item.hidden:
            meta.append(tr("console.hidden"))
        text_col.markdown(plain(item.text) + (f"  \n*{' · '.join(meta)}*" if meta else ""))
        if item.candidate_id is not None:
            button_col.markdown(f":green-badge[{tr('waste_ws.picked')}]")
        elif not item.hidden and button_col.button(tr("waste_ws.pick"),
                                                   key=f"cand_waste_pick_{item.id}") and done(
                lambda s, w=item.id: waste.pick(s, me, w)):
            flash(tr("waste_ws.picked_flash"))
            st.rerun()
    waste_items = read(lambda s: prioritising.workshop_rounds(s, me, workshop_id,
                                                              waste.ACTIVITY)) or []
    if waste_items:
        st.divider()
        labels = {r[0]: tr("prio.page.round_label", number=r[1], title=r[2])
                  for r in waste_items}
        waste_item = st.selectbox(tr("prio.page.waste_round"), list(labels),
                                  index=len(labels) - 1, format_func=lambda i: labels[i],
                                  key="cand_waste_round")
        waste_results = read(lambda s: waste.results(s, me, waste_item))
        if waste_results is not None:
            show_waste_results(waste_results, f"cand_waste_{waste_item}")


# --- solutions --------------------------------------------------------------------------------

def _solution(solution: SolutionView) -> None:
    with st.container(border=True):
        st.markdown(f"### {plain(solution.title)}")
        st.markdown(step_path(solution))
        meta = [tr(f"solution.status.{solution.status}")]
        meta.append(tr("solution.owner_line", owner=plain(solution.owner)) if solution.owner
                    else tr("solution.no_owner"))
        st.caption(" · ".join(meta))
        if solution.origins:
            st.caption(tr("prio.page.origins") + " " + "; ".join(
                origin_text(o) for o in solution.origins))
        if solution.description:
            st.markdown(plain(solution.description))
        with st.expander(tr("solution.edit")), \
                st.form(f"solution_edit_{solution.id}_{solution.version}"):
            title = st.text_input(tr("field.solution.title"), value=solution.title,
                                  max_chars=200)
            description = st.text_area(tr("field.solution.description"),
                                       value=solution.description)
            owner = st.text_input(tr("field.solution.owner"), value=solution.owner,
                                  max_chars=200, help=tr("solution.owner_help"))
            status_col, step_col = st.columns(2)
            status = status_col.selectbox(tr("field.solution.status"), STATUSES,
                                          index=STATUSES.index(solution.status),
                                          format_func=lambda v: tr(f"solution.status.{v}"))
            step = step_col.selectbox(tr("field.solution.step"), STEPS,
                                      index=STEPS.index(solution.step), format_func=step_name)
            if st.form_submit_button(tr("action.save")) and done(
                    lambda s: solutions.update_solution(
                        s, me, solution.id, solution.version, title=title,
                        description=description, owner=owner, status=status, step=step)):
                flash(tr("participate.saved"))
                st.rerun()
        step_tabs = st.tabs([f"{n}. {step_name(step)}" for n, step in enumerate(STEPS, 1)])
        for tab, step in zip(step_tabs, STEPS, strict=True):
            note = solution.notes[step]
            with tab, st.form(f"solution_note_{solution.id}_{step}_{note.version}"):
                text = st.text_area(tr("field.solution.note"), value=note.text, height=140)
                if st.form_submit_button(tr("action.save")) and done(
                        lambda s, st_=step, v=note.version, x=text: solutions.write_step_note(
                            s, me, solution.id, st_, v, x)):
                    flash(tr("participate.saved"))
                    st.rerun()
        comments = read(lambda s: solutions.comments_of(s, me, solution.id)) or []
        if comments:
            with st.expander(tr("solution.comments", count=len(comments))):
                for comment in comments:
                    who = role_label(comment.author.role)
                    hidden = f" · {tr('console.hidden')}" if comment.hidden else ""
                    st.markdown(f"{plain(comment.text)}  \n*{step_name(comment.step)} · "
                                f"{who}{hidden}*")
        if st.button(tr("solution.set_aside"), key=f"solution_aside_{solution.id}") and done(
                lambda s: solutions.set_aside(s, me, solution.id)):
            st.rerun()


with solutions_tab:
    st.caption(tr("solution.board_hint"))
    with st.form("solution_new_form"):
        title = st.text_input(tr("field.solution.title"), max_chars=200)
        owner = st.text_input(tr("field.solution.owner"), max_chars=200,
                              help=tr("solution.owner_help"))
        if st.form_submit_button(tr("solution.add"), type="primary"):
            made = attempt(lambda s: solutions.create_solution(
                s, me, workshop_id, title, owner=owner, client_key=form_key("solution_new")))
            if made is not None:
                renew_form_key("solution_new")
                flash(tr("participate.saved"))
                st.rerun()
    board = read(lambda s: solutions.list_solutions(s, me, workshop_id)) or []
    if not board:
        st.info(tr("solution.none_yet"))
    for solution in board:
        _solution(solution)
