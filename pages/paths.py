"""Facilitator: the workshop's service paths. Write and edit steps, mark critical points,
make the to-be copy, see the journey chart, and go on to a causal map."""

from __future__ import annotations

import streamlit as st

from pages.common import attempt, done, facilitator, flash, read, show_flash, tr
from pages.path_editor import (
    add_step_form,
    choose_path,
    journey,
    new_path_form,
    pick_workshop,
    step_list,
)
from workshop import paths

me = facilitator()
st.title(tr("paths.title"))
show_flash()
st.caption(tr("paths.intro"))
workshop_id = pick_workshop(me)
listed = read(lambda s: paths.list_paths(s, me, workshop_id)) or []

with st.expander(tr("paths.new"), expanded=not listed):
    new_path_form(me, workshop_id, item_id=None, slot="path_id")

path = choose_path(listed, "path_id")
if path is None:
    st.stop()

journey(path, key=f"journey_{path.id}")
step_list(me, path, item_id=None, editable=True, rerun=st.rerun)
add_step_form(me, path, item_id=None)

with st.expander(tr("paths.edit_path")):
    personas = read(lambda s: paths.persona_choices(s, me, workshop_id)) or []
    options: list[int | None] = [None, *(p.id for p in personas)]
    names = {p.id: p.name for p in personas}
    if path.persona_id is not None and path.persona_id not in names:
        options.append(path.persona_id)
        names[path.persona_id] = path.persona_name or "?"
    with st.form(f"path_details_{path.id}_{path.version}"):
        title = st.text_input(tr("field.path_title"), value=path.title, max_chars=200,
                              key=f"path_title_{path.id}_{path.version}")
        persona = st.selectbox(tr("field.persona"), options,
                               index=options.index(path.persona_id),
                               key=f"path_persona_{path.id}_{path.version}",
                               format_func=lambda i: tr("paths.no_persona") if i is None
                               else names[i])
        if st.form_submit_button(tr("action.save")) and done(
                lambda s: paths.update_path(s, me, path.id, path.version, title=title,
                                            persona_id=persona)):
            st.rerun()
    if path.variant == "as_is" and st.button(tr("paths.make_to_be"), key=f"to_be_{path.id}",
                                             icon=":material/content_copy:"):
        copy = attempt(lambda s: paths.make_to_be(s, me, path.id))
        if copy is not None:
            st.session_state["path_id"] = copy.id
            flash(tr("paths.to_be_made"))
            st.rerun()
    if st.button(tr("paths.delete_path"), key=f"delete_path_{path.id}_{path.version}",
                 icon=":material/delete:") and done(
            lambda s: paths.delete_path(s, me, path.id, path.version)):
        st.session_state.pop("path_id", None)
        flash(tr("paths.deleted"))
        st.rerun()

if path.critical_steps:
    st.page_link("pages/causal_map.py", label=tr("paths.to_map"), icon=":material/hub:")
