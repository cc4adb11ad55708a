"""Facilitator: evaluating a service model. Client outcomes at follow-ups, NPS surveys for
clients and family members, the four-field evaluation, the cost break-even, and the meeting
feedback over all meetings. Every chart has its text alternative below it."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import streamlit as st

from pages.canvas_parts import done_editing, editing_base, pick_model
from pages.common import attempt, facilitator, flash, lang, plain, read, show_flash, tr
from pages.meeting_pick import pick_workshop
from workshop import canvas, evaluation
from workshop.charts import evaluation as charts
from workshop.evaluation import ENTRY_KINDS, FIELDS, NPS_GROUPS, NPS_MIN_ANSWERS, RATINGS

me = facilitator()
st.title(tr("evaluation.title"))
show_flash()
workshop_id = pick_workshop(me)
models = read(lambda s: canvas.list_models(s, me, workshop_id))
if models is None:
    st.stop()
if not models:
    st.info(tr("evaluation.no_models"))
    st.page_link("pages/model_canvas.py", label=tr("nav.model_canvas"))
    st.stop()
model = pick_model(me, workshop_id, models, key=f"evaluation_model_pick_{workshop_id}")

outcome_tab, nps_tab, four_tab, cost_tab, feedback_tab = st.tabs([
    tr("evaluation.tab.outcomes"), tr("evaluation.tab.nps"), tr("evaluation.tab.four_field"),
    tr("evaluation.tab.break_even"), tr("evaluation.tab.feedback"),
])


def _chart(figure: Any, text: str, key: str) -> None:
    # theme=None: the figure's own large type and colours, not Streamlit's defaults.
    st.plotly_chart(figure, key=key, theme=None, config={"displaylogo": False},
                    alt=text.splitlines()[0] if text.strip() else None)
    with st.container(border=True):
        st.caption(tr("evaluation.text_alternative"))
        st.markdown("  \n".join(plain(line) for line in text.splitlines()))


_TRISTATE = (None, True, False)


def _tristate(value: bool | None) -> str:
    return tr({None: "evaluation.unknown", True: "evaluation.yes", False: "evaluation.no"}[value])


# --- client outcomes ----------------------------------------------------------------------------

with outcome_tab:
    st.caption(tr("evaluation.outcomes_help"))
    clients = read(lambda s: evaluation.list_clients(s, me, model.id)) or []
    points = evaluation.summarise(f for c in clients for f in c.follow_ups)
    if points:
        _chart(charts.outcomes_figure(points, lang()), charts.outcomes_text(points, lang()),
               f"outcomes_chart_{model.id}")
    else:
        st.info(tr("evaluation.no_follow_ups"))

    with st.expander(tr("evaluation.add_client")):
        generation = st.session_state.get("_client_form_gen", 0)
        with st.form(f"new_client_{model.id}_{generation}"):
            pseudonym = st.text_input(tr("field.eval_pseudonym"), max_chars=40,
                                      help=tr("evaluation.pseudonym_help"),
                                      key=f"client_pseudonym_{generation}")
            intake = st.text_input(tr("field.eval_intake"), max_chars=120,
                                   key=f"client_intake_{generation}")
            left, right = st.columns(2)
            started = left.date_input(tr("field.eval_started_on"), value=None,
                                      format="DD.MM.YYYY", key=f"client_start_{generation}")
            ended = right.date_input(tr("field.eval_ended_on"), value=None,
                                     format="DD.MM.YYYY", key=f"client_end_{generation}")
            situation = st.text_area(tr("field.eval_start_situation"),
                                     key=f"client_situation_{generation}")
            if st.form_submit_button(tr("action.save"), type="primary") and attempt(
                lambda s: evaluation.add_client(s, me, model.id, pseudonym, intake=intake,
                                                started_on=started, ended_on=ended,
                                                start_situation=situation)
            ) is not None:
                st.session_state["_client_form_gen"] = generation + 1
                flash(tr("evaluation.client_added"))
                st.rerun()

    if clients:
        names = {c.id: c.pseudonym for c in clients}
        with st.expander(tr("evaluation.record_follow_up"), expanded=True):
            client_id = st.selectbox(tr("field.eval_client"), list(names),
                                     format_func=lambda i: names[i], key="follow_client")
            months = st.number_input(tr("field.eval_months"), min_value=0, max_value=120,
                                     value=6, step=1, key="follow_months",
                                     help=tr("evaluation.months_help"))
            client = next(c for c in clients if c.id == client_id)
            existing = next((f for f in client.follow_ups if f.months == months), None)
            if existing is not None:
                st.caption(tr("evaluation.follow_up_exists"))
            slot = f"{client_id}_{months}_{existing.version if existing else 0}"
            with st.form(f"follow_up_{slot}"):
                rating_options = [*RATINGS, None]
                rating = st.radio(tr("field.eval_rating"), rating_options, horizontal=True,
                                  index=rating_options.index(existing.rating) if existing
                                  else 1,
                                  format_func=lambda r: tr(f"chart.rating.{r or 'unrated'}"),
                                  key=f"follow_rating_{slot}")
                left, right = st.columns(2)
                placed = left.selectbox(tr("field.eval_placed"), _TRISTATE,
                                        index=_TRISTATE.index(existing.placed) if existing
                                        else 0, format_func=_tristate,
                                        key=f"follow_placed_{slot}")
                still = right.selectbox(tr("field.eval_still_client"), _TRISTATE,
                                        index=_TRISTATE.index(existing.still_client)
                                        if existing else 0, format_func=_tristate,
                                        key=f"follow_still_{slot}")
                note = st.text_area(tr("field.eval_note"), value=existing.note if existing
                                    else "", key=f"follow_note_{slot}")
                recorded = st.date_input(tr("field.eval_recorded_on"),
                                         value=existing.recorded_on if existing
                                         else dt.date.today(), format="DD.MM.YYYY",
                                         key=f"follow_date_{slot}")
                if st.form_submit_button(tr("action.save"), type="primary") and attempt(
                    lambda s: evaluation.record_follow_up(
                        s, me, client_id, int(months), rating, placed=placed,
                        still_client=still, note=note, recorded_on=recorded,
                        expected_version=existing.version if existing else None)
                ) is not None:
                    flash(tr("evaluation.follow_up_saved"))
                    st.rerun()

        rows = []
        for c in clients:
            row = {tr("field.eval_pseudonym"): c.pseudonym, tr("field.eval_intake"): c.intake,
                   tr("field.eval_start_situation"): c.start_situation}
            for f in c.follow_ups:
                rating_text = tr(f"chart.rating.{f.rating or 'unrated'}")
                row[charts.point_label(f.months, lang())] = rating_text + (
                    f" · {tr('evaluation.placed_short')}" if f.placed else "")
            rows.append(row)
        st.dataframe(rows, hide_index=True)


def _add_answers(session: Any, survey_id: int, group: str, typed: str) -> int:
    scores = evaluation.parse_scores(typed)
    evaluation.add_answers(session, me, survey_id, group, scores)
    return len(scores)


# --- NPS ----------------------------------------------------------------------------------------

with nps_tab:
    st.caption(tr("evaluation.nps_help", minimum=NPS_MIN_ANSWERS))
    with st.expander(tr("evaluation.new_survey")), st.form(f"new_survey_{model.id}"):
        title = st.text_input(tr("field.nps_title"), max_chars=200, key="survey_title")
        period = st.text_input(tr("field.nps_period"), max_chars=120, key="survey_period")
        if st.form_submit_button(tr("action.save"), type="primary") and attempt(
            lambda s: evaluation.create_survey(s, me, model.id, title, period=period)
        ) is not None:
            flash(tr("evaluation.survey_created"))
            st.rerun()
    surveys = read(lambda s: evaluation.list_surveys(s, me, model.id)) or []
    if not surveys:
        st.info(tr("evaluation.no_surveys"))
    for survey in surveys:
        with st.container(border=True):
            st.subheader(plain(survey.title) + (f" · {plain(survey.period)}"
                                                if survey.period else ""))
            columns = st.columns(len(NPS_GROUPS))
            for column, group in zip(columns, NPS_GROUPS, strict=True):
                result = survey.results[group]
                name = tr(f"chart.nps.group.{group}")
                if result.shown:
                    column.metric(name, f"{result.rounded:+d}" if result.rounded else "0",
                                  help=tr("evaluation.nps_metric_help", answers=result.answers))
                    column.caption(tr("evaluation.answers", count=result.answers))
                else:
                    column.metric(name, "–")
                    column.caption(tr("chart.nps.too_few", answers=result.answers,
                                      minimum=NPS_MIN_ANSWERS))
            if any(r.answers for r in survey.results.values()):
                _chart(charts.nps_figure(survey.results, lang(), survey.title),
                       charts.nps_text(survey.results, lang()), f"nps_chart_{survey.id}")
            with st.form(f"answers_{survey.id}"):
                group = st.radio(tr("field.nps_group"), NPS_GROUPS, horizontal=True,
                                 format_func=lambda g: tr(f"chart.nps.group.{g}"),
                                 key=f"answers_group_{survey.id}")
                typed = st.text_input(tr("field.nps_scores"), key=f"answers_scores_{survey.id}",
                                      help=tr("evaluation.scores_help"))
                if st.form_submit_button(tr("evaluation.add_answers")):
                    added = attempt(lambda s, v=survey, g=group, x=typed: _add_answers(s, v.id,
                                                                                    g, x))
                    if added is not None:
                        flash(tr("evaluation.answers_added", count=added))
                        st.rerun()
            survey_slot = f"survey_{survey.id}"
            survey_base = editing_base(survey_slot, survey.version)
            with st.form(f"survey_text_{survey.id}_{survey_base}"):
                note = st.text_area(tr("field.nps_note"), value=survey.note,
                                    key=f"survey_note_{survey.id}")
                highlights = st.text_area(tr("field.nps_highlights"), value=survey.highlights,
                                          key=f"survey_highlights_{survey.id}")
                if st.form_submit_button(tr("action.save")) and attempt(
                    lambda s, v=survey, b=survey_base, n=note, h=highlights:
                    evaluation.update_survey(s, me, v.id, b, note=n, highlights=h)
                ) is not None:
                    done_editing(survey_slot)
                    flash(tr("evaluation.saved"))
                    st.rerun()


# --- four-field evaluation ------------------------------------------------------------------------

with four_tab:
    st.caption(tr("evaluation.four_field_help"))
    grid = read(lambda s: evaluation.four_field(s, me, model.id))
    if grid is not None:
        findings = {e.id: e.text for f in FIELDS for e in grid[f]["finding"]}
        for row in (FIELDS[:2], FIELDS[2:]):
            for column, field in zip(st.columns(2), row, strict=True):
                with column.container(border=True):
                    st.subheader(tr(f"evaluation.field.{field}"))
                    st.caption(tr(f"evaluation.field_help.{field}"))
                    for kind in ENTRY_KINDS:
                        entries = grid[field][kind]
                        st.markdown(f"**{tr(f'chart.four_field.{kind}')}** ({len(entries)})")
                        for entry in entries:
                            line = f"- {plain(entry.text)}"
                            if entry.because_of_id in findings:
                                line += "  \n  " + tr("evaluation.because_of",
                                                      finding=plain(findings[entry.because_of_id]))
                            st.markdown(line)
        _chart(charts.four_field_figure(grid, lang()), charts.four_field_text(grid, lang()),
               f"four_field_chart_{model.id}")
        generation = st.session_state.get("_entry_form_gen", 0)
        with st.form(f"new_entry_{model.id}_{generation}"):
            st.markdown(f"**{tr('evaluation.add_entry')}**")
            left, right = st.columns(2)
            field = left.selectbox(tr("field.four_field"), FIELDS,
                                   format_func=lambda f: tr(f"evaluation.field.{f}"),
                                   key=f"entry_field_{generation}")
            kind = right.selectbox(tr("field.four_field_kind"), ENTRY_KINDS,
                                   format_func=lambda k: tr(f"chart.four_field.{k}"),
                                   key=f"entry_kind_{generation}")
            text = st.text_area(tr("field.four_field_text"), key=f"entry_text_{generation}")
            because = st.selectbox(tr("field.four_field_because"), [None, *findings],
                                   format_func=lambda i: tr("evaluation.no_finding")
                                   if i is None else findings[i][:90],
                                   key=f"entry_because_{generation}",
                                   help=tr("evaluation.because_help"))
            if st.form_submit_button(tr("action.save"), type="primary") and attempt(
                lambda s: evaluation.add_entry(s, me, model.id, field, kind, text,
                                               because if kind == "change" else None)
            ) is not None:
                st.session_state["_entry_form_gen"] = generation + 1
                flash(tr("evaluation.saved"))
                st.rerun()


# --- break-even ---------------------------------------------------------------------------------

with cost_tab:
    st.caption(tr("evaluation.break_even_help"))
    calcs = read(lambda s: evaluation.list_break_evens(s, me, model.id)) or []
    for calc in calcs:
        result = calc.result
        with st.container(border=True):
            st.subheader(plain(calc.title))
            label = calc.case_label or tr("chart.break_even.cases")
            one, two, three = st.columns(3)
            one.metric(tr("evaluation.break_even_cases", label=plain(label)),
                       result.cases_to_break_even)
            two.metric(tr("field.be_yearly_cost"), charts.fmt_money(result.yearly_cost, lang()))
            if result.net_saving is not None:
                three.metric(tr("evaluation.saving_at", count=result.count),
                             charts.fmt_money(result.net_saving, lang()))
            if calc.note:
                st.markdown(plain(calc.note))
            _chart(charts.break_even_figure(result, lang(), calc.case_label),
                   charts.break_even_text(result, lang(), calc.case_label),
                   f"break_even_chart_{calc.id}")
    with st.expander(tr("evaluation.new_break_even"), expanded=not calcs), \
            st.form(f"new_break_even_{model.id}"):
        title = st.text_input(tr("field.be_title"), max_chars=200, key="be_title")
        left, right = st.columns(2)
        yearly = left.text_input(tr("field.be_yearly_cost"), key="be_yearly",
                                 help=tr("evaluation.money_help"))
        case_cost = right.text_input(tr("field.be_case_cost"), key="be_case_cost",
                                     help=tr("evaluation.case_cost_help"))
        case_label = left.text_input(tr("field.be_case_label"), max_chars=120,
                                     key="be_case_label")
        count = right.number_input(tr("field.be_count"), min_value=0, value=None, step=1,
                                   key="be_count")
        clients_per_year = left.number_input(tr("field.be_clients"), min_value=1,
                                             value=None, step=1, key="be_clients")
        note = st.text_area(tr("field.be_note"), key="be_note")
        if st.form_submit_button(tr("action.save"), type="primary") and attempt(
            lambda s: evaluation.save_break_even(
                s, me, model.id, title=title, yearly_cost=yearly, case_cost=case_cost,
                case_label=case_label,
                prevented_count=None if count is None else int(count),
                clients_per_year=None if clients_per_year is None
                else int(clients_per_year), note=note)
        ) is not None:
            flash(tr("evaluation.saved"))
            st.rerun()


# --- meeting feedback over all meetings ----------------------------------------------------------

with feedback_tab:
    # The feedback feature's own summary and chart, when that feature is present.
    try:
        feedback = importlib.import_module("workshop.feedback")
        feedback_charts = importlib.import_module("workshop.charts.feedback")
    except ImportError:
        feedback = feedback_charts = None
    summary = None
    if feedback is not None and hasattr(feedback, "workshop_summary"):
        summary = read(lambda s: feedback.workshop_summary(s, me, workshop_id))
    if summary is None or not summary.meetings:
        st.info(tr("evaluation.no_feedback"))
    else:
        st.caption(tr("evaluation.feedback_help"))
        _chart(feedback_charts.summary_figure(summary, lang()),
               feedback_charts.describe_summary(summary, lang()),
               f"feedback_chart_{workshop_id}")
