"""Facilitator: plan the meetings of a workshop and their agendas."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from pages.common import (
    attempt,
    choose,
    chooser_key,
    done,
    facilitator,
    filled,
    filling,
    flash,
    plain,
    read,
    show_flash,
    tr,
)
from workshop import meetings, templates, workshops
from workshop.i18n import fmt_date, fmt_time
from workshop.meetings import ACTIVITY_TYPES
from workshop.models import PHASES

me = facilitator()
workshop_id = st.session_state.get("workshop_id")
mine = read(lambda s: workshops.list_workshops(s, me)) or []
if workshop_id not in {w.id for w in mine}:
    if not mine:
        st.info(tr("workshops.none_yet"))
        st.page_link("pages/workshops.py", label=tr("nav.workshops"))
        st.stop()
    workshop_id = st.session_state["workshop_id"] = mine[0].id
workshop = next(w for w in mine if w.id == workshop_id)
lang = st.session_state.get("lang", "fi")

st.title(tr("plan.title"))
st.caption(plain(workshop.name))
show_flash()

plan = read(lambda s: meetings.list_meetings(s, me, workshop_id)) or []


def _meeting_label(m: meetings.MeetingView) -> str:
    parts = [tr("label.meeting_number", number=m.number), m.title or tr(f"phase.{m.phase}.name")]
    if m.date:
        parts.append(fmt_date(m.date, lang))
    parts.append(tr(f"status.{m.status}"))
    return " · ".join(parts)


def _meeting_form(form_id: str, m: meetings.MeetingView | None) -> dict | None:
    with st.form(form_id):
        title = st.text_input(tr("field.meeting_title"), value=m.title if m else "",
                              key=f"{form_id}_title", max_chars=200)
        left, right = st.columns(2)
        date = left.date_input(tr("field.date"), value=m.date if m else None,
                               key=f"{form_id}_date", format="DD.MM.YYYY")
        start = right.time_input(tr("field.start_time"), value=m.start_time if m else None,
                                 key=f"{form_id}_time", step=dt.timedelta(minutes=15))
        phase = left.selectbox(tr("field.phase"), PHASES, key=f"{form_id}_phase",
                               index=PHASES.index(m.phase) if m else 0,
                               format_func=lambda p: tr(f"phase.{p}.name"))
        duration = right.number_input(tr("field.duration"), min_value=15, max_value=720, step=15,
                                      value=m.duration_minutes if m else 180,
                                      key=f"{form_id}_duration")
        if st.form_submit_button(tr("action.save"), type="primary"):
            return {"title": title, "date": date, "start_time": start, "phase": phase,
                    "duration_minutes": int(duration)}
    return None


with st.expander(tr("plan.from_template"), expanded=not plan):
    st.caption(tr("plan.template_help"))
    with st.form(filling("from_template")):
        template_key = st.selectbox(tr("field.template"), templates.TEMPLATE_KEYS,
                                    key="template_key",
                                    format_func=lambda k: tr(f"template.{k}.name"))
        left, right = st.columns(2)
        first_date = left.date_input(tr("field.first_date"), value=None, key="template_date",
                                     format="DD.MM.YYYY")
        interval = right.number_input(tr("field.interval_days"), min_value=1, max_value=90,
                                      value=14, key="template_interval")
        if st.form_submit_button(tr("plan.template_apply"), type="primary"):
            planned = attempt(lambda s: templates.apply_template(
                s, me, workshop_id, template_key, first_date=first_date,
                interval_days=int(interval)))
            if planned:
                filled("from_template")
                choose("meeting_id", planned[0].id)
                flash(tr("plan.template_applied", count=len(planned)))
                st.rerun()

with st.expander(tr("plan.new_meeting")):
    values = _meeting_form(filling("new_meeting"), None)
    if values is not None:
        created = attempt(lambda s: meetings.plan_meeting(s, me, workshop_id, **values))
        if created is not None:
            filled("new_meeting")
            choose("meeting_id", created.id)
            flash(tr("plan.meeting_created", number=created.number))
            st.rerun()

if not plan:
    st.stop()

ids = [m.id for m in plan]
chosen = st.session_state.get("meeting_id")
meeting_id = st.radio(tr("plan.meetings"), ids, index=ids.index(chosen) if chosen in ids else 0,
                      format_func=lambda i: _meeting_label(next(m for m in plan if m.id == i)),
                      key=chooser_key(f"plan_meeting_{workshop_id}", "meeting_id"))
st.session_state["meeting_id"] = meeting_id
meeting = next(m for m in plan if m.id == meeting_id)

st.header(_meeting_label(meeting))
if meeting.start_time:
    st.caption(tr("plan.starts_at", time=fmt_time(meeting.start_time, lang)))
total = meeting.planned_minutes
if total > meeting.duration_minutes:
    st.warning(tr("plan.over_time", planned=total, length=meeting.duration_minutes))
else:
    st.caption(tr("plan.time_used", planned=total, length=meeting.duration_minutes))

with st.expander(tr("plan.edit_meeting")):
    values = _meeting_form(f"edit_meeting_{meeting.id}_{meeting.revision}", meeting)
    if values is not None and done(
        lambda s: meetings.update_meeting(s, me, meeting.id, **values)
    ):
        flash(tr("plan.saved"))
        st.rerun()

st.subheader(tr("plan.agenda"))
for position, item in enumerate(meeting.agenda):
    with st.container(border=True):
        cols = st.columns([6, 1, 1, 1])
        cols[0].markdown(f"**{position + 1}. {plain(item.title)}**  \n"
                         f"{tr(f'activity.{item.activity_type}.name')} · "
                         f"{tr('label.minutes', minutes=item.duration_minutes)}")
        if cols[1].button(":material/arrow_upward:", key=f"up_{item.id}_{position}",
                          help=tr("plan.move_up", title=item.title), disabled=position == 0):
            attempt(lambda s, i=item.id: meetings.move_agenda_item(s, me, i, -1))
            st.rerun()
        if cols[2].button(":material/arrow_downward:", key=f"down_{item.id}_{position}",
                          help=tr("plan.move_down", title=item.title),
                          disabled=position == len(meeting.agenda) - 1):
            attempt(lambda s, i=item.id: meetings.move_agenda_item(s, me, i, 1))
            st.rerun()
        if cols[3].button(":material/delete:", key=f"del_{item.id}",
                          help=tr("plan.remove", title=item.title)):
            attempt(lambda s, i=item.id: meetings.remove_agenda_item(s, me, i))
            st.rerun()


with st.form(filling(f"add_item_{meeting.id}"), clear_on_submit=False):
    st.markdown(f"**{tr('plan.add_item')}**")
    title = st.text_input(tr("field.item_title"), key=f"item_title_{meeting.id}", max_chars=200)
    left, right = st.columns(2)
    activity = left.selectbox(tr("field.activity_type"), ACTIVITY_TYPES,
                              key=f"item_type_{meeting.id}",
                              format_func=lambda a: tr(f"activity.{a}.name"))
    minutes = right.number_input(tr("field.duration"), min_value=1, max_value=600, value=15,
                                 key=f"item_minutes_{meeting.id}")
    instructions = st.text_area(tr("field.instructions"), key=f"item_instr_{meeting.id}")
    if st.form_submit_button(tr("plan.add_item"), type="primary"):
        added = attempt(lambda s: meetings.add_agenda_item(
            s, me, meeting.id, title=title, activity_type=activity,
            duration_minutes=int(minutes), instructions=instructions))
        if added is not None:
            filled(f"add_item_{meeting.id}")
            flash(tr("plan.item_added", title=plain(added.title)))
            st.rerun()

if meeting.status != "open":
    with st.expander(tr("plan.delete_meeting")):
        st.warning(tr("plan.delete_warning"))
        if st.button(tr("plan.delete_confirm"), key=f"delete_meeting_{meeting.id}") and done(
            lambda s: meetings.delete_meeting(s, me, meeting.id)
        ):
            choose("meeting_id", None)
            flash(tr("plan.deleted"))
            st.rerun()
