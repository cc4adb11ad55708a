"""Tuplatiimi: the facilitator moves the round through its seven steps; participants write
ideas alone, pick their best with their pair, and place their pair's marks; the projector
shows the question, then the pairs' picks, the themes and the action plans."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from pages.activities import ActivityContext, cached
from pages.common import (
    attempt,
    done,
    flash,
    form_key,
    lang,
    plain,
    read,
    renew_form_key,
    role_label,
    tr,
)
from pages.group_panel import facilitator_groups, own_group
from pages.prio_parts import apply_counts, refresh
from workshop import solutions, tuplatiimi
from workshop.i18n import fmt_date
from workshop.tuplatiimi import (
    MARKS_PER_PAIR,
    MAX_IDEA_LENGTH,
    MAX_IDEAS_PER_PERSON,
    MAX_OWN_MARKS,
    MAX_PICKS,
    MAX_QUESTION_LENGTH,
    MIN_PICKS,
    STEPS,
    IdeaView,
    PairView,
    RoundView,
)

ACTIVITY_TYPES = ("tuplatiimi",)


def _drawn_slot(ctx: ActivityContext) -> str:
    return f"_tt_drawn_{ctx.item.id}"


def _shape(view: RoundView) -> tuple[object, ...]:
    return (view.step, view.my_pair_id)


def _load(ctx: ActivityContext, *, room: bool = False) -> RoundView | None:
    return cached("tt_room" if room else "tt_round", ctx,
                  lambda s: tuplatiimi.round_view(s, ctx.actor, ctx.item.id, room=room))


def step_title(step: str) -> str:
    if step == "done":
        return tr("tt.step.done")
    return tr("tt.step_of", number=STEPS.index(step) + 1, total=len(STEPS) - 1,
              name=tr(f"tt.step.{step}"))


def _question(view: RoundView, heading: str = "###") -> None:
    if view.question:
        st.markdown(f"{heading} {plain(view.question)}")


def _pair_name(pairs: tuple[PairView, ...], pair_id: int | None) -> str:
    pair = next((p for p in pairs if p.id == pair_id), None)
    if pair is None:
        return tr("tt.no_pair")
    return plain(pair.name) if pair.name else tr("tt.pair_number", number=pair.position + 1)


def _idea_line(idea: IdeaView, *, with_name: bool, marks: bool = False) -> str:
    who = role_label(idea.author.role)
    if with_name and idea.author.name:
        who = f"{plain(idea.author.name)} · {who}"
    parts = [plain(idea.text), f"*{who}*"]
    if marks and idea.marks is not None:
        parts.append(tr("tt.marks_count", count=idea.marks))
    return " — ".join(parts)


def _presented(view: RoundView) -> dict[int | None, list[IdeaView]]:
    found: dict[int | None, list[IdeaView]] = {}
    for idea in view.ideas:
        if idea.picked and idea.pair_id is not None and idea.merged_into_id is None \
                and not idea.hidden:
            found.setdefault(idea.pair_id, []).append(idea)
    return found


def _show_presented(view: RoundView, *, with_names: bool) -> None:
    presented = _presented(view)
    if not presented:
        st.caption(tr("tt.nothing_presented"))
    for pair in view.pairs:
        ideas = presented.get(pair.id, [])
        if not ideas:
            continue
        own = f" · {tr('tt.your_pair')}" if pair.id == view.my_pair_id else ""
        st.markdown(f"#### {_pair_name(view.pairs, pair.id)}{own}")
        for idea in ideas:
            st.markdown(f"- {_idea_line(idea, with_name=with_names, marks=True)}")


def _show_themes(view: RoundView, *, with_names: bool, plans: bool) -> None:
    ideas = {i.id: i for i in view.ideas}
    if not view.themes:
        st.caption(tr("tt.no_themes"))
    for theme in view.themes:
        with st.container(border=True):
            st.markdown(f"### {plain(theme.name)} · {tr('tt.marks_count', count=theme.marks)}")
            for idea_id in theme.idea_ids:
                if idea_id in ideas:
                    st.markdown(f"- {_idea_line(ideas[idea_id], with_name=with_names, marks=True)}")
            if plans:
                st.markdown(_plan_text(theme))


def _plan_text(theme: tuplatiimi.ThemeView) -> str:
    empty = tr("tt.plan_missing")
    when = fmt_date(theme.by_when, lang()) if theme.by_when else empty
    return "  \n".join((
        f"**{tr('field.tt.what')}:** {plain(theme.what) if theme.what else empty}",
        f"**{tr('field.tt.who')}:** {plain(theme.who) if theme.who else empty}",
        f"**{tr('field.tt.by_when')}:** {when}",
    ))


# --- participant ------------------------------------------------------------------------------

def participant_input(ctx: ActivityContext) -> None:
    item_id = ctx.item.id
    step = read(lambda s: tuplatiimi.round_view(s, ctx.actor, item_id).step)
    if step is None:
        return
    if STEPS.index(step) >= STEPS.index("pairs"):
        own_group(ctx)  # a writing unit: a late joiner is placed into a pair here
    view = read(lambda s: tuplatiimi.round_view(s, ctx.actor, item_id))
    if view is None:
        return
    st.session_state[_drawn_slot(ctx)] = _shape(view)
    st.markdown(f"**{step_title(view.step)}**")
    st.caption(tr(f"tt.participant.{view.step}"))
    _question(view)
    if view.step == "frame":
        return
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    if view.step in tuplatiimi.WRITING_STEPS:
        _idea_form(ctx, view)
    if view.step == "pairs":
        _pick_form(ctx, view)
        _merge_form(ctx, view)
    elif view.step == "marks":
        _marks_form(ctx, view)


def _idea_form(ctx: ActivityContext, view: RoundView) -> None:
    item_id = ctx.item.id
    st.caption(tr("tt.ideas_written", count=view.my_idea_count, max=MAX_IDEAS_PER_PERSON))
    if view.my_idea_count >= MAX_IDEAS_PER_PERSON:
        return
    generation = st.session_state.get("_tt_generation", 0)
    with st.form(f"tt_idea_form_{item_id}", border=True):
        text = st.text_area(tr("field.tt.idea"), max_chars=MAX_IDEA_LENGTH,
                            key=f"tt_idea_{item_id}_{generation}",
                            placeholder=tr("tt.idea_placeholder"))
        if st.form_submit_button(tr("tt.add_idea"), type="primary", width="stretch"):
            name = f"tt_idea_{item_id}"
            saved = attempt(lambda s: tuplatiimi.add_idea(s, ctx.actor, item_id, text,
                                                          client_key=form_key(name)))
            if saved is not None:
                renew_form_key(name)
                st.session_state["_tt_generation"] = generation + 1
                flash(tr("participate.saved"))
                st.rerun()


def _pair_ideas(view: RoundView) -> list[IdeaView]:
    return [i for i in view.ideas if i.own and i.merged_into_id is None and not i.hidden]


def _pick_form(ctx: ActivityContext, view: RoundView) -> None:
    ideas = _pair_ideas(view)
    if view.my_pair_id is None or not ideas:
        return
    picked_now = sum(1 for i in ideas if i.picked)
    st.markdown(tr("tt.pick_rules", low=MIN_PICKS, high=MAX_PICKS, count=picked_now))
    chosen: dict[int, bool] = {}
    with st.form(f"tt_pick_form_{ctx.item.id}", border=True):
        for idea in ideas:
            chosen[idea.id] = st.checkbox(
                _idea_line(idea, with_name=True), value=idea.picked,
                key=f"tt_pick_{ctx.item.id}_{idea.id}_{idea.version}")
        if st.form_submit_button(tr("tt.save_picks"), type="primary", width="stretch"):
            before = {i.id: i.picked for i in ideas}

            def save(s):  # type: ignore[no-untyped-def]
                # unpicks first, so swapping picks never passes through too many
                for idea_id, keep in sorted(chosen.items(), key=lambda kv: kv[1]):
                    if before[idea_id] != keep:
                        tuplatiimi.set_pick(s, ctx.actor, ctx.item.id, idea_id, keep)

            if done(save):
                flash(tr("participate.saved"))
                st.rerun()


def _merge_form(ctx: ActivityContext, view: RoundView) -> None:
    ideas = _pair_ideas(view)
    if len(ideas) < 2:
        return
    texts = {i.id: i.text for i in ideas}
    with st.expander(tr("tt.merge_title")), st.form(f"tt_merge_form_{ctx.item.id}"):
        st.caption(tr("tt.merge_hint"))
        duplicate = st.selectbox(tr("tt.merge_duplicate"), list(texts),
                                 format_func=lambda i: texts[i])
        keep = st.selectbox(tr("tt.merge_keep"), list(texts), index=1,
                            format_func=lambda i: texts[i])
        if st.form_submit_button(tr("tt.merge")) and done(
                lambda s: tuplatiimi.merge_ideas(s, ctx.actor, ctx.item.id, keep, duplicate)):
            flash(tr("tt.merged"))
            st.rerun()


def _marks_form(ctx: ActivityContext, view: RoundView) -> None:
    if view.my_pair_id is None:
        st.info(tr("tt.no_pair_yet"))
        return
    st.markdown(tr("tt.marks_rules", marks=MARKS_PER_PAIR, own=MAX_OWN_MARKS))
    st.markdown(tr("tt.marks_left", left=view.marks_left, own=view.own_marks_left))
    presented = _presented(view)
    current = {i.id: i.my_pair_marks for ideas in presented.values() for i in ideas}
    wanted: dict[int, int] = {}
    stamp = sum(current.values())
    with st.form(f"tt_marks_form_{ctx.item.id}", border=True):
        for pair in view.pairs:
            for idea in presented.get(pair.id, []):
                own = f" ({tr('tt.own_idea')})" if idea.pair_id == view.my_pair_id else ""
                wanted[idea.id] = st.number_input(
                    f"{plain(idea.text)}{own}", min_value=0, max_value=MARKS_PER_PAIR, step=1,
                    value=idea.my_pair_marks,
                    key=f"tt_marks_{ctx.item.id}_{idea.id}_{stamp}")
        if st.form_submit_button(tr("tt.save_marks"), type="primary", width="stretch") \
                and done(lambda s: apply_counts(
                    s, current, wanted, lambda s2, idea_id, n: tuplatiimi.set_marks(
                        s2, ctx.actor, ctx.item.id, idea_id, n))):
            flash(tr("participate.saved"))
            st.rerun()


def participant_live(ctx: ActivityContext) -> None:
    view = _load(ctx)
    if view is None:
        return
    drawn = st.session_state.get(_drawn_slot(ctx))
    if drawn is not None and drawn != _shape(view):
        st.rerun()  # the facilitator moved the round on (or the pairs changed): redraw
    if view.step in ("frame",):
        return
    if view.step in tuplatiimi.WRITING_STEPS:
        heading = "tt.my_ideas" if view.step == "ideas" else "tt.pair_ideas"
        shown = [i for i in view.ideas if i.author.mine or view.step == "pairs"]
        st.subheader(tr(heading, count=len(shown)))
        for idea in shown:
            marker = f" · **{tr('tt.picked')}**" if idea.picked else ""
            merged = f" · {tr('tt.merged_mark')}" if idea.merged_into_id else ""
            st.markdown(f"- {_idea_line(idea, with_name=True)}{marker}{merged}")
            if idea.author.mine and view.step == "ideas":
                _own_idea_editor(ctx, idea)
        return
    if view.step in ("present", "marks"):
        st.subheader(tr("tt.presented"))
        _show_presented(view, with_names=ctx.item.show_names)
        return
    st.subheader(tr("tt.themes"))
    _show_themes(view, with_names=ctx.item.show_names, plans=view.step in ("plan", "done"))


def _own_idea_editor(ctx: ActivityContext, idea: IdeaView) -> None:
    with st.expander(tr("participate.edit_own")), st.form(f"tt_edit_{idea.id}_{idea.version}"):
        edited = st.text_area(tr("field.tt.idea"), value=idea.text, max_chars=MAX_IDEA_LENGTH,
                              key=f"tt_edit_text_{idea.id}_{idea.version}")
        left, right = st.columns(2)
        if left.form_submit_button(tr("action.save")) and done(
                lambda s: tuplatiimi.edit_idea(s, ctx.actor, idea.id, idea.version, edited)):
            refresh()
        if right.form_submit_button(tr("action.withdraw")) and done(
                lambda s: tuplatiimi.withdraw_idea(s, ctx.actor, idea.id, idea.version)):
            refresh()


# --- console ------------------------------------------------------------------------------------

def console_live(ctx: ActivityContext) -> None:
    view = _load(ctx)
    if view is None:
        return
    item_id = ctx.item.id
    title_col, back_col, next_col = st.columns([4, 2, 2])
    # The step is in the buttons' keys: a press replayed into a run that already shows the
    # next step (Streamlit replays a trigger whose run was cut short) finds no such button,
    # instead of moving the round on a second time. Same for moves in lists (their position).
    title_col.markdown(f"### {step_title(view.step)}")
    title_col.caption(tr(f"tt.console.{view.step}"))
    if back_col.button(tr("tt.back"), key=f"tt_back_{item_id}_{view.step}", icon=":material/undo:",
                       disabled=view.step == STEPS[0]) and done(
            lambda s: tuplatiimi.go_back(s, ctx.actor, item_id, view.step)):
        refresh()
    if next_col.button(tr("tt.next"), key=f"tt_next_{item_id}_{view.step}", type="primary",
                       icon=":material/skip_next:", disabled=view.step == STEPS[-1]) and done(
            lambda s: tuplatiimi.advance(s, ctx.actor, item_id, view.step)):
        refresh()
    st.caption(tr("tt.counts", ideas=view.idea_count, authors=view.authors,
                  pairs=len(view.pairs)))
    if view.step in ("frame", "ideas"):
        _question_form(ctx, view)
    elif view.step == "pairs":
        facilitator_groups(ctx, pairs=True)
        for pair in view.pairs:
            st.markdown(tr("tt.pair_progress", pair=_pair_name(view.pairs, pair.id),
                           size=len(pair.members), picks=pair.picks, low=MIN_PICKS,
                           high=MAX_PICKS))
    elif view.step in ("present", "marks"):
        _question(view)
        if view.step == "marks":
            st.markdown(" · ".join(
                tr("tt.pair_marks", pair=_pair_name(view.pairs, p.id), used=p.marks_used or 0,
                   marks=MARKS_PER_PAIR) for p in view.pairs))
        _show_presented(view, with_names=True)
    elif view.step == "themes":
        _theme_tools(ctx, view)
    else:
        _plan_tools(ctx, view)
    _moderation(ctx, view)


def _question_form(ctx: ActivityContext, view: RoundView) -> None:
    with st.form(f"tt_question_{ctx.item.id}_{view.version}"):
        question = st.text_area(tr("field.tt.question"), value=view.question,
                                max_chars=MAX_QUESTION_LENGTH,
                                placeholder=tr("tt.question_placeholder"))
        if st.form_submit_button(tr("action.save")) and done(
                lambda s: tuplatiimi.set_question(s, ctx.actor, ctx.item.id, question)):
            refresh()


def _theme_tools(ctx: ActivityContext, view: RoundView) -> None:
    with st.form(f"tt_theme_form_{ctx.item.id}_{len(view.themes)}"):
        name = st.text_input(tr("field.tt.theme"), max_chars=200)
        if st.form_submit_button(tr("tt.add_theme")) and done(
                lambda s: tuplatiimi.add_theme(s, ctx.actor, ctx.item.id, name)):
            refresh()
    theme_ids: list[int | None] = [None, *(t.id for t in view.themes)]
    names = {t.id: t.name for t in view.themes}
    st.subheader(tr("tt.top_ideas"))
    for idea in [i for i in view.ideas if i.picked and i.merged_into_id is None
                 and not i.hidden and i.pair_id is not None]:
        text_col, theme_col = st.columns([3, 2])
        text_col.markdown(_idea_line(idea, with_name=True, marks=True))
        chosen = theme_col.selectbox(
            tr("tt.theme_of_idea"), theme_ids, index=theme_ids.index(idea.theme_id)
            if idea.theme_id in theme_ids else 0,
            format_func=lambda i: plain(names[i]) if i else tr("tt.no_theme"),
            key=f"tt_assign_{idea.id}_{idea.version}_{len(view.themes)}",
            label_visibility="collapsed")
        if chosen != idea.theme_id and done(
                lambda s, i=idea.id, c=chosen: tuplatiimi.assign_idea(s, ctx.actor,
                                                                      ctx.item.id, i, c)):
            refresh()
    _show_themes(view, with_names=True, plans=False)


def _plan_tools(ctx: ActivityContext, view: RoundView) -> None:
    for theme in view.themes:
        with st.container(border=True):
            st.markdown(f"### {plain(theme.name)} · "
                        f"{tr('tt.marks_count', count=theme.marks)}")
            with st.form(f"tt_plan_{theme.id}_{theme.version}"):
                what = st.text_area(tr("field.tt.what"), value=theme.what, max_chars=2000)
                who_col, when_col = st.columns(2)
                who = who_col.text_input(tr("field.tt.who"), value=theme.who, max_chars=200)
                when = when_col.date_input(tr("field.tt.by_when"), value=theme.by_when,
                                           min_value=dt.date(2000, 1, 1), format="DD.MM.YYYY")
                by_when = when if isinstance(when, dt.date) else None
                if st.form_submit_button(tr("action.save")) and done(
                        lambda s, t=theme, w=what, o=who, b=by_when: tuplatiimi.set_plan(
                            s, ctx.actor, t.id, t.version, what=w, who=o, by_when=b)):
                    refresh()
            if view.step == "done" and st.button(
                    tr("tt.to_solution"), key=f"tt_solution_{theme.id}") and done(
                    lambda s, t=theme.id: solutions.from_theme(s, ctx.actor, t)):
                flash(tr("tt.solution_made"))
    if view.step == "done":
        st.success(tr("tt.finished"))
        st.page_link("pages/candidates.py", label=tr("prio.open_candidates"),
                     icon=":material/checklist:")


def _moderation(ctx: ActivityContext, view: RoundView) -> None:
    if not view.ideas:
        return
    with st.expander(tr("tt.moderation", count=len(view.ideas))):
        for idea in view.ideas:
            text_col, button_col = st.columns([4, 1])
            line = _idea_line(idea, with_name=True)
            text_col.markdown(f"~~{line}~~" if idea.hidden else line)
            label = "console.unhide" if idea.hidden else "console.hide"
            if button_col.button(tr(label), key=f"tt_hide_{idea.id}_{idea.version}") and done(
                    lambda s, i=idea: tuplatiimi.hide_idea(s, ctx.actor, i.id, not i.hidden)):
                refresh()


# --- projector ----------------------------------------------------------------------------------

def projector_live(ctx: ActivityContext) -> None:
    view = _load(ctx, room=True)
    if view is None:
        return
    st.markdown(f"**{step_title(view.step)}**")
    _question(view, heading="##")
    if view.step in ("frame", "ideas", "pairs"):
        st.markdown(tr("tt.room_counts", ideas=view.idea_count, authors=view.authors))
        if view.step == "pairs":
            st.markdown(tr("tt.room_pairs", pairs=len(view.pairs)))
        return
    if view.step in ("present", "marks"):
        if view.step == "marks":
            st.markdown(tr("tt.marks_rules", marks=MARKS_PER_PAIR, own=MAX_OWN_MARKS))
        _show_presented(view, with_names=ctx.item.show_names)
        return
    _show_themes(view, with_names=ctx.item.show_names, plans=view.step in ("plan", "done"))
