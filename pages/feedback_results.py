"""Facilitator: meeting feedback results (one meeting, all meetings) and the workshop's
feedback questions. Clients', workers' and others' answers are always side by side, never
added together, and a group with fewer than three answers is not shown."""

from __future__ import annotations

import streamlit as st

from pages.common import attempt, done, facilitator, flash, lang, plain, read, show_flash, tr
from pages.meeting_pick import pick_meeting
from workshop import feedback
from workshop.charts.feedback import (
    describe_meeting,
    describe_summary,
    fmt_mean,
    group_label,
    meeting_figure,
    summary_figure,
)
from workshop.feedback import (
    KINDS,
    FeedbackSummary,
    GroupResult,
    MeetingResults,
    QuestionView,
)

me = facilitator()
st.title(tr("feedback.results_title"))
show_flash()
meeting = pick_meeting(me)
language = lang()


def _question_text(question: QuestionView) -> str:
    text = plain(question.text)
    return f"{text} {tr('feedback.retired_mark')}" if question.retired else text


def _group_column(results: MeetingResults, group: GroupResult) -> None:
    st.subheader(group_label(group.group, language))
    if not group.shown:
        st.info(tr("feedback.suppressed_long"), icon=":material/visibility_off:")
        return
    st.caption(tr("feedback.respondents", count=group.respondents))
    rows = []
    for question in results.questions:
        found = group.question(question.id)
        if question.kind != "scale" or found is None:
            continue
        shown = found.shown and found.mean is not None
        rows.append({
            tr("feedback.column_question"): question.text
            + (f" {tr('feedback.retired_mark')}" if question.retired else ""),
            tr("feedback.column_mean"): fmt_mean(found.mean, language) if shown
            else tr("feedback.suppressed"),
            tr("feedback.column_answers"): str(found.answers) if shown else "–",
            tr("feedback.column_spread"): " / ".join(str(c) for c in found.counts or ())
            if shown else "–",
        })
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch")
    st.markdown(f"**{tr('feedback.written')}**")
    written = [(q, group.question(q.id)) for q in results.questions if q.kind == "text"]
    if not any(found and found.texts for _q, found in written):
        st.caption(tr("feedback.no_written"))
    for question, found in written:
        if found is None or not found.texts:
            continue
        st.markdown(f"*{_question_text(question)}*")
        for text in found.texts:
            with st.container(border=True):
                st.markdown(plain(text))


def meeting_tab() -> None:
    results = read(lambda s: feedback.meeting_results(s, me, meeting.id))
    if results is None:
        return
    st.caption(tr("feedback.side_by_side"))
    if not any(g.shown for g in results.groups):
        st.info(tr("feedback.no_answers"))
    described = describe_meeting(results, language)
    st.plotly_chart(meeting_figure(results, language), key="feedback_meeting_chart",
                    config={"displayModeBar": False}, width="stretch", alt=described)
    with st.expander(tr("feedback.chart_as_text")):
        st.markdown(plain(described))
    for column, group in zip(st.columns(len(results.groups)), results.groups, strict=True):
        with column:
            _group_column(results, group)


def _summary_tables(summary: FeedbackSummary) -> None:
    rows = []
    for row in summary.meetings:
        entry = {tr("feedback.column_meeting"): tr("label.meeting_number", number=row.number)
                 + (f" · {row.title}" if row.title else "")}
        for group in row.groups:
            entry[group_label(group.group, language)] = (
                fmt_mean(group.mean, language) if group.mean is not None
                else tr("feedback.suppressed"))
        rows.append(entry)
    st.dataframe(rows, hide_index=True, width="stretch")
    st.subheader(tr("feedback.overall"))
    st.caption(tr("feedback.overall_note"))
    for column, overall in zip(st.columns(len(summary.overall)), summary.overall, strict=True):
        with column:
            st.markdown(f"**{group_label(overall.group, language)}**")
            if overall.mean is None:
                st.caption(tr("feedback.suppressed"))
                continue
            st.metric(tr("feedback.column_mean"), fmt_mean(overall.mean, language))
            st.caption(tr("feedback.overall_meetings", meetings=overall.meetings,
                          respondents=overall.respondents))
            st.dataframe([{tr("feedback.column_question"): q.text,
                           tr("feedback.column_mean"): fmt_mean(q.mean, language)
                           if q.mean is not None else "–",
                           tr("feedback.column_answers"): str(q.answers)}
                          for q in overall.questions], hide_index=True, width="stretch")


def all_meetings_tab() -> None:
    summary = read(lambda s: feedback.workshop_summary(s, me, meeting.workshop_id))
    if summary is None:
        return
    if not summary.meetings:
        st.info(tr("feedback.no_meetings"))
        return
    st.caption(tr("feedback.side_by_side"))
    described = describe_summary(summary, language)
    st.plotly_chart(summary_figure(summary, language), key="feedback_summary_chart",
                    config={"displayModeBar": False}, width="stretch", alt=described)
    with st.expander(tr("feedback.chart_as_text")):
        st.markdown(plain(described))
    _summary_tables(summary)


def _act(action, message: str) -> None:  # type: ignore[no-untyped-def]
    if done(action):  # move_question returns None: success is "no error"
        flash(message)
        st.rerun()


def _question_row(question: QuestionView, first: bool, last: bool) -> None:
    with st.container(border=True):
        text_col, up_col, down_col, remove_col = st.columns([6, 1, 1, 1])
        marker = f" · {tr('feedback.has_answers')}" if question.answered else ""
        text_col.markdown(f"{plain(question.text)}  \n"
                          f":gray[{tr(f'feedback.kind.{question.kind}')}{marker}]")
        if up_col.button(":material/arrow_upward:", key=f"fq_up_{question.id}_{question.position}",
                         help=tr("cafe.move_up"), disabled=first):
            _act(lambda s: feedback.move_question(s, me, question.id, -1),
                 tr("feedback.question_saved"))
        if down_col.button(":material/arrow_downward:",
                           key=f"fq_down_{question.id}_{question.position}",
                           help=tr("cafe.move_down"), disabled=last):
            _act(lambda s: feedback.move_question(s, me, question.id, +1),
                 tr("feedback.question_saved"))
        if remove_col.button(":material/delete:", key=f"fq_remove_{question.id}",
                             help=tr("feedback.remove_question")):
            removed = attempt(lambda s: feedback.remove_question(s, me, question.id))
            if removed is not None:
                flash(tr("feedback.question_removed" if removed else "feedback.question_retired"))
                st.rerun()
        with st.expander(tr("feedback.edit_question")), \
                st.form(f"fq_edit_{question.id}_{question.version}"):
            text = st.text_input(tr("field.feedback_question"), value=question.text,
                                 key=f"fq_text_{question.id}_{question.version}", max_chars=300)
            if st.form_submit_button(tr("action.save")):
                _act(lambda s: feedback.edit_question(s, me, question.id, question.version, text),
                     tr("feedback.question_saved"))


def questions_tab() -> None:
    st.caption(tr("feedback.editor_help"))
    listed = attempt(lambda s: feedback.list_questions(s, me, meeting.workshop_id,
                                                       include_retired=True))
    if listed is None:
        return
    active = [q for q in listed if not q.retired]
    for index, question in enumerate(active):
        _question_row(question, index == 0, index == len(active) - 1)
    with st.form("fq_add", clear_on_submit=False):
        st.markdown(f"**{tr('feedback.add_question')}**")
        kind = st.selectbox(tr("field.feedback_kind"), KINDS, key="fq_add_kind",
                            format_func=lambda k: tr(f"feedback.kind.{k}"))
        text = st.text_input(tr("field.feedback_question"), key="fq_add_text", max_chars=300)
        if st.form_submit_button(tr("feedback.add_question"), type="primary"):
            _act(lambda s: feedback.add_question(s, me, meeting.workshop_id, kind, text),
                 tr("feedback.question_added"))
    retired = [q for q in listed if q.retired]
    if retired:
        st.markdown(f"**{tr('feedback.retired_questions')}**")
        for question in retired:
            text_col, button_col = st.columns([6, 2])
            text_col.markdown(plain(question.text))
            if button_col.button(tr("feedback.restore_question"), key=f"fq_restore_{question.id}"):
                _act(lambda s, q=question.id: feedback.restore_question(s, me, q),
                     tr("feedback.question_saved"))


meeting_col, all_col, questions_col = st.tabs(
    [tr("feedback.tab_meeting"), tr("feedback.tab_all"), tr("feedback.tab_questions")])
with meeting_col:
    meeting_tab()
with all_col:
    all_meetings_tab()
with questions_col:
    questions_tab()
