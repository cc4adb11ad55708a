"""Facilitator: the workshop's participants, their data on request, and erasure (GDPR)."""

from __future__ import annotations

import datetime as dt
import json

import streamlit as st

from pages.common import (
    choose,
    done,
    facilitator,
    flash,
    plain,
    read,
    role_label,
    show_flash,
    tr,
)
from workshop import participants, privacy, workshops
from workshop.i18n import fmt_datetime

me = facilitator()
st.title(tr("people.title"))
show_flash()
mine = read(lambda s: workshops.list_workshops(s, me)) or []
if not mine:
    st.info(tr("workshops.none_yet"))
    st.stop()
ids = [w.id for w in mine]
chosen = st.session_state.get("workshop_id")
workshop_id = chosen if chosen in ids else ids[0]
workshop = next(w for w in mine if w.id == workshop_id)
st.caption(plain(workshop.name))
lang = st.session_state.get("lang", "fi")

people = read(lambda s: participants.list_participants(s, me, workshop_id)) or []
st.write(tr("people.count", count=len(people)))
st.caption(tr("people.privacy_note"))
for person in people:
    with st.expander(f"{plain(person.display_name)} · {role_label(person.role)}"):
        data = read(lambda s, pid=person.id: privacy.participant_export(s, me, pid))
        if data is not None:
            joined = dt.datetime.fromisoformat(data["participant"]["created_at"])
            st.caption(tr("people.joined", when=fmt_datetime(joined, lang)))
            st.download_button(
                tr("people.download"), json.dumps(data, ensure_ascii=False, indent=2),
                file_name=f"participant-{person.id}.json", mime="application/json",
                key=f"download_{person.id}")
        choice = st.radio(tr("people.erase_choice"), ["keep", "delete"], key=f"erase_{person.id}",
                          format_func=lambda c: tr(f"people.erase_{c}"), index=None)
        if st.button(tr("people.erase"), key=f"erase_btn_{person.id}", disabled=choice is None,
                     type="primary") and done(
            lambda s, pid=person.id, wipe=choice == "delete": privacy.erase_participant(
                s, me, pid, delete_contributions=wipe)
        ):
            flash(tr("people.erased"))
            st.rerun()

st.divider()
with st.expander(tr("people.delete_workshop")):
    st.warning(tr("people.delete_workshop_warning"))
    typed = st.text_input(tr("people.type_name", name=workshop.name), key="confirm_delete_name")
    if st.button(tr("people.delete_workshop_confirm"), key="delete_workshop",
                 disabled=typed.strip() != workshop.name) and done(
        lambda s: workshops.delete_workshop(s, me, workshop_id)
    ):
        choose("workshop_id", None)
        flash(tr("people.workshop_deleted"))
        st.rerun()
