"""The waste (hukka) workshop: the eight waste categories as an explained checklist (plus the
group's own categories), participants list waste and then spend dots on it, the facilitator
sees the dots by role group and picks one waste to work on."""

from __future__ import annotations

from collections import defaultdict

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
from pages.prio_parts import apply_counts, refresh, show_waste_results, waste_category
from workshop import waste
from workshop.content.methods import WASTE_CATEGORIES
from workshop.prioritising import MAX_DOTS
from workshop.waste import (
    FREE,
    MAX_FREE_CATEGORY,
    MAX_WASTE_LENGTH,
    MAX_WHERE_LENGTH,
    WasteBoard,
    WasteView,
)

ACTIVITY_TYPES = ("waste_workshop",)
_EXPLANATIONS = {c.key: c.explanation_key for c in WASTE_CATEGORIES}


def _drawn_slot(ctx: ActivityContext) -> str:
    return f"_waste_drawn_{ctx.item.id}"


def _load(ctx: ActivityContext) -> WasteBoard | None:
    return cached("waste_board", ctx, lambda s: waste.board(s, ctx.actor, ctx.item.id))


def _category_name(key: str) -> str:
    return tr("waste_ws.free") if key == FREE else tr(f"waste.{key}.name")


def checklist() -> None:
    """The eight categories, each with its explanation."""
    with st.expander(tr("waste_ws.checklist"), icon=":material/checklist:"):
        st.caption(tr("waste_ws.checklist_hint"))
        for category in WASTE_CATEGORIES:
            st.markdown(f"**{tr(category.name_key)}**  \n{tr(category.explanation_key)}")


def _grouped(items: tuple[WasteView, ...]) -> dict[tuple[str, str], list[WasteView]]:
    order = {key: n for n, key in enumerate((*waste.CATEGORIES, FREE))}
    found: dict[tuple[str, str], list[WasteView]] = defaultdict(list)
    for item in sorted(items, key=lambda w: (order[w.category], w.free_category.casefold())):
        found[(item.category, item.free_category)].append(item)
    return found


# --- participant ------------------------------------------------------------------------------

def participant_input(ctx: ActivityContext) -> None:
    board = read(lambda s: waste.board(s, ctx.actor, ctx.item.id))
    if board is None:
        return
    st.session_state[_drawn_slot(ctx)] = (board.stage, board.rules)
    checklist()
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    if board.stage == "listing":
        _waste_form(ctx)
    else:
        _dots_form(ctx, board)


def _waste_form(ctx: ActivityContext) -> None:
    item_id = ctx.item.id
    generation = st.session_state.get("_waste_generation", 0)
    category = st.selectbox(tr("field.waste.category"), (*waste.CATEGORIES, FREE),
                            format_func=_category_name, key=f"waste_category_{item_id}")
    if category != FREE:
        st.caption(tr(_EXPLANATIONS[category]))
    with st.form(f"waste_form_{item_id}", border=True):
        own = ""
        if category == FREE:
            own = st.text_input(tr("field.waste.free_category"), max_chars=MAX_FREE_CATEGORY,
                                key=f"waste_free_{item_id}_{generation}")
        text = st.text_area(tr("field.waste.text"), max_chars=MAX_WASTE_LENGTH,
                            placeholder=tr("waste_ws.text_placeholder"),
                            key=f"waste_text_{item_id}_{generation}")
        where = st.text_input(tr("field.waste.where"), max_chars=MAX_WHERE_LENGTH,
                              placeholder=tr("waste_ws.where_placeholder"),
                              key=f"waste_where_{item_id}_{generation}")
        if st.form_submit_button(tr("participate.send"), type="primary", width="stretch"):
            name = f"waste_{item_id}"
            saved = attempt(lambda s: waste.add_waste(s, ctx.actor, item_id, category, text,
                                                      where, own, client_key=form_key(name)))
            if saved is not None:
                renew_form_key(name)
                st.session_state["_waste_generation"] = generation + 1
                flash(tr("participate.saved"))
                st.rerun()


def _dots_form(ctx: ActivityContext, board: WasteBoard) -> None:
    rules = board.rules
    st.caption(tr("prio.dots_rules", dots=rules.dots_per_person, max=rules.max_per_target))
    st.markdown(tr("prio.dots_left", left=board.dots_left, dots=rules.dots_per_person))
    current = {w.id: w.my_dots for w in board.items if w.my_dots}
    wanted: dict[int, int] = {}
    with st.form(f"waste_dots_form_{ctx.item.id}", border=True):
        for (category, own), items in _grouped(board.items).items():
            st.markdown(f"**{waste_category(category, own)}**")
            for item in items:
                wanted[item.id] = st.number_input(
                    plain(item.text), min_value=0, max_value=rules.max_per_target, step=1,
                    value=item.my_dots,
                    key=f"waste_dots_{ctx.item.id}_{item.id}_{board.dots_used}")
        if st.form_submit_button(tr("prio.save_dots"), type="primary", width="stretch") \
                and done(lambda s: apply_counts(
                    s, current, wanted,
                    lambda s2, target, n: waste.set_dots(s2, ctx.actor, ctx.item.id, target, n))):
            flash(tr("participate.saved"))
            st.rerun()


def _show_items(board: WasteBoard, *, with_names: bool, console: bool = False,
                ctx: ActivityContext | None = None) -> None:
    if not board.items:
        st.caption(tr("waste_ws.none_yet"))
    for (category, own), items in _grouped(board.items).items():
        st.markdown(f"#### {waste_category(category, own)}")
        for item in items:
            with st.container(border=True):
                text = plain(item.text)
                st.markdown(f"~~{text}~~" if item.hidden else text)
                meta = [role_label(item.author.role)]
                if with_names and item.author.name:
                    meta.insert(0, plain(item.author.name))
                if item.where_in_path:
                    meta.append(tr("waste_ws.where_line", where=plain(item.where_in_path)))
                if item.author.mine:
                    meta.append(tr("participate.mine"))
                if item.candidate_id is not None:
                    meta.append(tr("waste_ws.picked"))
                st.caption(" · ".join(meta))
                if console and ctx is not None:
                    _console_actions(ctx, item)


def _console_actions(ctx: ActivityContext, item: WasteView) -> None:
    hide_col, pick_col = st.columns(2)
    label = "console.unhide" if item.hidden else "console.hide"
    if hide_col.button(tr(label), key=f"waste_hide_{item.id}_{item.version}") and done(
        lambda s: waste.hide_waste(s, ctx.actor, item.id, not item.hidden)
    ):
        refresh()
    if item.candidate_id is None and not item.hidden and pick_col.button(
            tr("waste_ws.pick"), key=f"waste_pick_{item.id}", type="primary") and done(
            lambda s: waste.pick(s, ctx.actor, item.id)):
        flash(tr("waste_ws.picked_flash"))
        refresh()


def participant_live(ctx: ActivityContext) -> None:
    board = _load(ctx)
    if board is None:
        return
    drawn = st.session_state.get(_drawn_slot(ctx))
    if drawn is not None and drawn != (board.stage, board.rules):
        st.rerun()  # listing closed or the rules changed: redraw the form
    st.subheader(tr("waste_ws.listed", count=len(board.items)))
    _show_items(board, with_names=True)


# --- console ------------------------------------------------------------------------------------

def console_live(ctx: ActivityContext) -> None:
    board = _load(ctx)
    if board is None:
        return
    stage_col, dots_col = st.columns([2, 3])
    with stage_col:
        st.markdown(f"**{tr('waste_ws.stage')}:** {tr(f'waste_ws.stage.{board.stage}')}")
        other = "voting" if board.stage == "listing" else "listing"
        if st.button(tr(f"waste_ws.to_{other}"), key=f"waste_stage_{ctx.item.id}",
                     type="primary" if other == "voting" else "secondary") and done(
                lambda s: waste.set_stage(s, ctx.actor, ctx.item.id, other)):
            refresh()
    with dots_col, st.form(f"waste_rules_{ctx.item.id}_{board.rules}"):
        left, right = st.columns(2)
        dots = left.number_input(tr("field.prio.dots_per_person"), 1, MAX_DOTS,
                                 board.rules.dots_per_person)
        cap = right.number_input(tr("field.prio.max_per_target"), 1, MAX_DOTS,
                                 board.rules.max_per_target)
        if st.form_submit_button(tr("action.save")) and done(
                lambda s: waste.configure_dots(s, ctx.actor, ctx.item.id, int(dots), int(cap))):
            refresh()
    if board.stage == "voting":
        results = cached("waste_results", ctx, lambda s: waste.results(s, ctx.actor,
                                                                       ctx.item.id))
        if results is not None:
            with st.expander(tr("prio.results_title"), expanded=True):
                show_waste_results(results, f"waste_console_{ctx.item.id}")
    st.subheader(tr("waste_ws.listed", count=len(board.items)))
    _show_items(board, with_names=True, console=True, ctx=ctx)


# --- projector ----------------------------------------------------------------------------------

def projector_live(ctx: ActivityContext) -> None:
    board = _load(ctx)
    if board is None:
        return
    if board.stage == "voting" and not ctx.item.contributions_open:
        results = cached("waste_results_room", ctx,
                         lambda s: waste.results(s, ctx.actor, ctx.item.id))
        if results is not None:
            show_waste_results(results, f"waste_projector_{ctx.item.id}")
            return
    visible = WasteBoard(board.item_id, board.stage, board.rules,
                         tuple(w for w in board.items if not w.hidden), 0)
    _show_items(visible, with_names=ctx.item.show_names)
