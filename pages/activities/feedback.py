"""Meeting feedback: the participant's short form, progress in the console, and the
results chart on the projector once the form is closed (groups apart, small ones hidden)."""

from __future__ import annotations

import streamlit as st

from pages.activities import ActivityContext, cached
from pages.common import attempt, flash, form_key, lang, plain, renew_form_key, tr
from workshop import feedback
from workshop.charts.feedback import describe_meeting, group_label, meeting_figure
from workshop.content.methods import FEEDBACK_SCALE_LABEL_KEYS
from workshop.feedback import MAX_ANSWER_LENGTH, SCALE_MAX, SCALE_MIN, MyFeedback

ACTIVITY_TYPES = ("feedback",)


def _drawn_slot(ctx: ActivityContext) -> str:
    return f"_feedback_drawn_{ctx.item.id}"


def _form_shape(mine: MyFeedback) -> tuple[tuple[int, int], ...]:
    return tuple((q.id, q.version) for q in mine.questions)


def _scale_option(value: int) -> str:
    if value == SCALE_MIN:
        return tr("feedback.scale_option", value=value, label=tr(FEEDBACK_SCALE_LABEL_KEYS[0]))
    if value == SCALE_MAX:
        return tr("feedback.scale_option", value=value, label=tr(FEEDBACK_SCALE_LABEL_KEYS[1]))
    return str(value)


def participant_input(ctx: ActivityContext) -> None:
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    item_id = ctx.item.id
    # A writing unit: the workshop's questions are seeded the first time anyone opens a form.
    mine = attempt(lambda s: feedback.my_feedback(s, ctx.actor, item_id))
    if mine is None:
        return
    st.session_state[_drawn_slot(ctx)] = _form_shape(mine)
    if not mine.questions:
        st.info(tr("feedback.no_questions"))
        return
    st.caption(tr("feedback.intro"))
    if mine.version:
        st.info(tr("feedback.already_answered"), icon=":material/task_alt:")
    options = list(range(SCALE_MIN, SCALE_MAX + 1))
    values: dict[int, object] = {}
    with st.form(f"feedback_form_{item_id}", border=True):
        for question in mine.questions:
            key = f"feedback_{item_id}_{question.id}_{mine.version}"
            if question.kind == "scale":
                earlier = mine.scores.get(question.id)
                values[question.id] = st.radio(
                    plain(question.text), options, key=key, horizontal=True,
                    index=options.index(earlier) if earlier in options else None,
                    format_func=_scale_option,
                )
            else:
                values[question.id] = st.text_area(
                    plain(question.text), value=mine.texts.get(question.id, ""), key=key,
                    max_chars=MAX_ANSWER_LENGTH,
                )
        if st.form_submit_button(tr("feedback.send"), type="primary", width="stretch"):
            name = f"feedback_{item_id}"
            saved = attempt(lambda s: feedback.submit_feedback(
                s, ctx.actor, item_id, values, client_key=form_key(name),
                expected_version=mine.version))
            if saved is not None:
                renew_form_key(name)
                flash(tr("feedback.thanks"))
                st.rerun()


def participant_live(ctx: ActivityContext) -> None:
    """Redraw the form when the facilitator changes the questions during the meeting."""
    drawn = st.session_state.get(_drawn_slot(ctx))
    if drawn is None or not ctx.item.contributions_open:
        return
    mine = cached("feedback_mine", ctx, lambda s: feedback.my_feedback(s, ctx.actor, ctx.item.id))
    if mine is not None and _form_shape(mine) != drawn:
        st.rerun()


def _counts(ctx: ActivityContext) -> None:
    counts = cached("feedback_counts", ctx,
                    lambda s: feedback.answer_counts(s, ctx.actor, ctx.meeting.id))
    if counts is None:
        return
    st.markdown(f"**{tr('feedback.answers_so_far')}**")
    columns = st.columns(len(counts))
    for column, (group, count) in zip(columns, counts.items(), strict=True):
        column.metric(group_label(group, lang()),
                      count if count is not None else tr("feedback.count_or_few"))


def console_live(ctx: ActivityContext) -> None:
    _counts(ctx)
    st.page_link("pages/feedback_results.py", label=tr("feedback.open_results"),
                 icon=":material/bar_chart:")


def projector_live(ctx: ActivityContext) -> None:
    if ctx.item.contributions_open:
        st.markdown(f"## {tr('feedback.answer_now')}")
        _counts(ctx)
        return
    results = cached("feedback_results", ctx,
                     lambda s: feedback.meeting_results(s, ctx.actor, ctx.meeting.id))
    if results is None:
        return
    described = describe_meeting(results, lang())
    st.plotly_chart(meeting_figure(results, lang()), key=f"feedback_chart_{ctx.item.id}",
                    config={"displayModeBar": False}, width="stretch", alt=described)
    st.caption(plain(described))
