"""Facilitator: the workshops (theme groups) I run; create, edit and share them."""

from __future__ import annotations

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
from workshop import workshops
from workshop.i18n import LANGUAGES

me = facilitator()
st.title(tr("workshops.title"))
show_flash()

mine = read(lambda s: workshops.list_workshops(s, me)) or []
selected_id = st.session_state.get("workshop_id")

if mine:
    ids = [w.id for w in mine]
    names = {w.id: w.name for w in mine}
    index = ids.index(selected_id) if selected_id in ids else 0
    chosen = st.selectbox(tr("workshops.choose"), ids, index=index,
                          key=chooser_key("workshop_select", "workshop_id"),
                          format_func=lambda i: names[i])
    if chosen != selected_id:
        st.session_state["workshop_id"] = chosen
        st.session_state.pop("meeting_id", None)
    current = next(w for w in mine if w.id == chosen)
    with st.container(border=True):
        st.subheader(plain(current.name))
        if current.theme:
            st.markdown(plain(current.theme))
        st.caption(" · ".join(plain(x) for x in (current.organisation,
                                                tr(f"language.{current.language}")) if x))
        if current.description:
            st.markdown(plain(current.description))
        st.page_link("pages/plan.py", label=tr("workshops.go_plan"), icon=":material/event_note:")
        st.page_link("pages/console.py", label=tr("workshops.go_console"),
                     icon=":material/play_circle:")
else:
    st.info(tr("workshops.none_yet"))


def _workshop_form(form_id: str, initial: workshops.WorkshopView | None) -> dict | None:
    with st.form(form_id):
        name = st.text_input(tr("field.workshop_name"), value=initial.name if initial else "",
                             max_chars=200, key=f"{form_id}_name")
        theme = st.text_input(tr("field.theme"), value=initial.theme if initial else "",
                              max_chars=200, key=f"{form_id}_theme")
        organisation = st.text_input(tr("field.organisation"),
                                     value=initial.organisation if initial else "",
                                     max_chars=200, key=f"{form_id}_org")
        language = st.selectbox(tr("field.language"), LANGUAGES, key=f"{form_id}_lang",
                                index=LANGUAGES.index(initial.language) if initial else 0,
                                format_func=lambda code: tr(f"language.{code}"),
                                help=tr("workshops.language_help"))
        description = st.text_area(tr("field.description"),
                                   value=initial.description if initial else "",
                                   key=f"{form_id}_desc")
        if st.form_submit_button(tr("action.save"), type="primary"):
            return {"name": name, "theme": theme, "organisation": organisation,
                    "language": language, "description": description}
    return None


with st.expander(tr("workshops.create"), expanded=not mine):
    values = _workshop_form(filling("create_workshop"), None)
    if values is not None:
        created = attempt(lambda s: workshops.create_workshop(s, me, **values))
        if created is not None:
            filled("create_workshop")
            choose("workshop_id", created.id)
            choose("meeting_id", None)  # its meetings are another workshop's
            flash(tr("workshops.created", name=plain(created.name)))
            st.rerun()

if mine:
    current = next(w for w in mine if w.id == st.session_state.get("workshop_id", mine[0].id))
    with st.expander(tr("workshops.edit")):
        values = _workshop_form(f"edit_workshop_{current.id}", current)
        if values is not None and done(
            lambda s: workshops.update_workshop(s, me, current.id, **values)
        ):
            flash(tr("workshops.saved"))
            st.rerun()
    with st.expander(tr("workshops.share")):
        people = read(lambda s: workshops.facilitators(s, me, current.id)) or []
        for username, display_name, role in people:
            role_text = tr(f"facilitator_role.{role}")
            st.write(f"{plain(display_name)} ({plain(username)}) · {role_text}")
        with st.form(filling(f"invite_{current.id}")):
            username = st.text_input(tr("field.username"), key=f"invite_name_{current.id}")
            if st.form_submit_button(tr("workshops.invite")) and done(
                lambda s: workshops.invite_facilitator(s, me, current.id, username)
            ):
                filled(f"invite_{current.id}")
                flash(tr("workshops.invited", username=plain(username)))
                st.rerun()
