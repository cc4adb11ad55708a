"""Solution development in a meeting: the facilitator puts one solution in focus; everyone
sees where it is in the four steps and its notes; participants comment on the current step."""

from __future__ import annotations

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
from pages.prio_parts import refresh
from workshop import solutions
from workshop.content.methods import SOLUTION_STEPS
from workshop.solutions import MAX_COMMENT_LENGTH, SolutionActivity, SolutionView

ACTIVITY_TYPES = ("solution_steps",)
_STEP_INFO = {s.key: s for s in SOLUTION_STEPS}


def _drawn_slot(ctx: ActivityContext) -> str:
    return f"_solution_drawn_{ctx.item.id}"


def _shape(view: SolutionActivity) -> tuple[object, ...]:
    solution = view.solution
    return (solution.id, solution.step) if solution else (None, None)


def _load(ctx: ActivityContext) -> SolutionActivity | None:
    return cached("solution", ctx, lambda s: solutions.activity(s, ctx.actor, ctx.item.id))


def step_name(step: str) -> str:
    return tr(_STEP_INFO[step].name_key)


def step_path(solution: SolutionView) -> str:
    """The four steps in a row, the current one in bold and marked (not by colour alone)."""
    parts = []
    for number, step in enumerate(solutions.STEPS, 1):
        name = f"{number}. {step_name(step)}"
        parts.append(f"**▶ {name}**" if step == solution.step else name)
    return " → ".join(parts)


def solution_card(solution: SolutionView, *, heading: str = "###") -> None:
    st.markdown(f"{heading} {plain(solution.title)}")
    st.markdown(step_path(solution))
    meta = [tr(f"solution.status.{solution.status}")]
    if solution.owner:
        meta.append(tr("solution.owner_line", owner=plain(solution.owner)))
    st.caption(" · ".join(meta))
    if solution.description:
        st.markdown(plain(solution.description))
    info = _STEP_INFO[solution.step]
    st.info(f"**{step_name(solution.step)}**: {tr(info.explanation_key)}")
    for step in solutions.STEPS:
        note = solution.notes.get(step)
        if note is not None and note.text:
            st.markdown(f"**{step_name(step)}**  \n{plain(note.text)}")


def _comments(view: SolutionActivity, *, with_names: bool, ctx: ActivityContext | None = None
              ) -> None:
    st.subheader(tr("solution.comments", count=len(view.comments)))
    for comment in view.comments:
        with st.container(border=True):
            text = plain(comment.text)
            st.markdown(f"~~{text}~~" if comment.hidden else text)
            who = role_label(comment.author.role)
            if with_names and comment.author.name:
                who = f"{plain(comment.author.name)} · {who}"
            st.caption(who + (f" · {tr('participate.mine')}" if comment.author.mine else ""))
            if ctx is not None:
                label = "console.unhide" if comment.hidden else "console.hide"
                if st.button(tr(label), key=f"solution_hide_{comment.id}_{comment.version}") \
                        and done(lambda s, c=comment: solutions.hide_comment(
                            s, ctx.actor, c.id, not c.hidden)):
                    refresh()


# --- participant ------------------------------------------------------------------------------

def participant_input(ctx: ActivityContext) -> None:
    view = read(lambda s: solutions.activity(s, ctx.actor, ctx.item.id))
    if view is None:
        return
    st.session_state[_drawn_slot(ctx)] = _shape(view)
    if view.solution is None:
        st.info(tr("solution.none_in_focus"))
        return
    solution_card(view.solution)
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    item_id = ctx.item.id
    generation = st.session_state.get("_solution_generation", 0)
    with st.form(f"solution_comment_form_{item_id}", border=True):
        text = st.text_area(tr("field.solution.comment"), max_chars=MAX_COMMENT_LENGTH,
                            placeholder=tr("solution.comment_placeholder",
                                           step=step_name(view.solution.step)),
                            key=f"solution_comment_{item_id}_{generation}")
        if st.form_submit_button(tr("participate.send"), type="primary", width="stretch"):
            name = f"solution_comment_{item_id}"
            saved = attempt(lambda s: solutions.add_comment(s, ctx.actor, item_id, text,
                                                            client_key=form_key(name)))
            if saved is not None:
                renew_form_key(name)
                st.session_state["_solution_generation"] = generation + 1
                flash(tr("participate.saved"))
                st.rerun()


def participant_live(ctx: ActivityContext) -> None:
    view = _load(ctx)
    if view is None:
        return
    drawn = st.session_state.get(_drawn_slot(ctx))
    if drawn is not None and drawn != _shape(view):
        st.rerun()  # another solution or step in focus: redraw
    if view.solution is not None:
        _comments(view, with_names=True)


# --- console ------------------------------------------------------------------------------------

def console_live(ctx: ActivityContext) -> None:
    view = _load(ctx)
    listed = cached("solutions_all", ctx,
                    lambda s: solutions.list_solutions(s, ctx.actor, ctx.workshop_id)) or []
    st.page_link("pages/candidates.py", label=tr("solution.open_board"),
                 icon=":material/view_kanban:")
    if not listed:
        st.info(tr("solution.none_yet"))
        return
    ids: list[int | None] = [None, *(s.id for s in listed)]
    titles = {s.id: s.title for s in listed}
    current = view.solution.id if view is not None and view.solution else None
    chosen = st.selectbox(tr("solution.focus"), ids, index=ids.index(current)
                          if current in ids else 0,
                          format_func=lambda i: titles[i] if i else tr("solution.no_focus"),
                          key=f"solution_focus_{ctx.item.id}_{current}")
    if chosen != current and done(lambda s: solutions.focus(s, ctx.actor, ctx.item.id, chosen)):
        refresh()
    if view is None or view.solution is None:
        return
    solution_card(view.solution)
    _comments(view, with_names=True, ctx=ctx)


# --- projector ----------------------------------------------------------------------------------

def projector_live(ctx: ActivityContext) -> None:
    view = _load(ctx)
    if view is None or view.solution is None:
        st.markdown(tr("solution.none_in_focus"))
        return
    solution_card(view.solution, heading="##")
    shown = SolutionActivity(view.item_id, view.solution,
                             tuple(c for c in view.comments if not c.hidden))
    _comments(shown, with_names=ctx.item.show_names)
