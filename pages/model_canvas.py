"""Facilitator: the service model canvas. Edit the draft section by section, link each part
to the records it came from, publish a version after a meeting, and answer the group's
comments on it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from pages.canvas_parts import (
    done_editing,
    editing_base,
    element_markdown,
    kind_name,
    link_text,
    pick_model,
    section_name,
    show_snapshot,
    type_name,
)
from pages.common import (
    attempt,
    choose,
    done,
    facilitator,
    filled,
    filling,
    flash,
    lang,
    plain,
    read,
    role_label,
    show_flash,
    tr,
)
from pages.meeting_pick import pick_workshop
from workshop import canvas, meetings, traceability
from workshop.canvas import (
    CHILD_KINDS,
    FIELD_KEYS,
    KINDS,
    SECTIONS,
    STAGES,
    ElementView,
    field_label_key,
)
from workshop.i18n import fmt_datetime

TEXT_AREAS = {"body", "summary", "indicator", "target", "applicability"}

me = facilitator()
st.title(tr("canvas.title"))
show_flash()
workshop_id = pick_workshop(me)
models = read(lambda s: canvas.list_models(s, me, workshop_id))
if models is None:
    st.stop()


def _facts_form(form_id: str, model: canvas.ModelView | None) -> dict[str, Any] | None:
    with st.form(form_id):
        values: dict[str, Any] = {
            "name": st.text_input(tr("field.canvas_model_name"), max_chars=200,
                                  value=model.name if model else "", key=f"{form_id}_name"),
            "short_description": st.text_area(
                tr("field.canvas_short_description"), key=f"{form_id}_short",
                value=model.short_description if model else ""),
        }
        left, right = st.columns(2)
        for n, name in enumerate(("place", "region", "organisation", "funder", "authors")):
            column = left if n % 2 == 0 else right
            values[name] = column.text_input(tr(FIELD_KEYS[name]), max_chars=200,
                                             value=getattr(model, name) if model else "",
                                             key=f"{form_id}_{name}")
        values["stage"] = right.selectbox(
            tr("field.canvas_stage"), STAGES, key=f"{form_id}_stage",
            index=STAGES.index(model.stage) if model else STAGES.index("development"),
            format_func=lambda s: tr(f"canvas.stage.{s}"))
        if st.form_submit_button(tr("action.save"), type="primary"):
            return values
    return None


with st.expander(tr("canvas.new_model"), expanded=not models):
    st.caption(tr("canvas.new_model_help"))
    created_values = _facts_form(filling("new_model"), None)
    if created_values is not None:
        created = attempt(lambda s: canvas.create_model(s, me, workshop_id, **created_values))
        if created is not None:
            filled("new_model")
            choose("canvas_model_id", created.id)
            flash(tr("canvas.model_created", name=plain(created.name)))
            st.rerun()

if not models:
    st.info(tr("canvas.no_models"))
    st.stop()

model = pick_model(me, workshop_id, models, key=f"canvas_model_pick_{workshop_id}")
draft = read(lambda s: canvas.get_canvas(s, me, model.id))
if draft is None:
    st.stop()

draft_tab, versions_tab, facts_tab = st.tabs(
    [tr("canvas.tab.draft"), tr("canvas.tab.versions"), tr("canvas.tab.facts")])


# --- fields -----------------------------------------------------------------------------------


def _field(kind: str, name: str, value: Any, key: str, container: Any = st) -> Any:
    label = tr(field_label_key(kind, name))
    spec = KINDS[kind]
    if name == "category":
        options = list(spec.categories)
        index = options.index(value) if value in options else 0
        return container.selectbox(label, options, index=index, key=key,
                                   format_func=lambda c: tr(f"canvas.category.{c}"))
    if name == "status":
        options = list(spec.statuses)
        index = options.index(value) if value in options else 0
        return container.selectbox(label, options, index=index, key=key,
                                   format_func=lambda c: tr(f"canvas.status.{c}"))
    if name == "due_date":
        return container.date_input(label, value=value, key=key, format="DD.MM.YYYY",
                                     min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1))
    if name in ("months", "rank"):
        return container.number_input(label, value=value, min_value=0 if name == "months"
                                      else 1, step=1, key=key)
    if name == "headcount":
        return container.text_input(label, value="" if value is None else str(value),
                                    key=key, help=tr("canvas.headcount_help"))
    if name in TEXT_AREAS:
        return container.text_area(label, value=value or "", key=key)
    return container.text_input(label, value=value or "", key=key)


def _fields_form(kind: str, values: dict[str, Any], form_id: str) -> dict[str, Any] | None:
    spec = KINDS[kind]
    with st.form(form_id):
        typed = {name: _field(kind, name, values.get(name), f"{form_id}_{name}")
                 for name in spec.fields}
        required = [tr(field_label_key(kind, n)) for n in spec.required]
        st.caption(tr("canvas.required_fields", fields=", ".join(required)))
        if st.form_submit_button(tr("action.save"), type="primary"):
            return typed
    return None


def _new_element_form(kind: str, parent_id: int | None = None) -> None:
    slot = f"{model.id}_{kind}_{parent_id or 0}"
    generation = st.session_state.get(f"_new_el_gen_{slot}", 0)
    typed = _fields_form(kind, {}, f"new_el_{slot}_{generation}")
    if typed is not None and attempt(
        lambda s: canvas.add_element(s, me, model.id, kind, parent_id, **typed)
    ) is not None:
        st.session_state[f"_new_el_gen_{slot}"] = generation + 1
        flash(tr("canvas.element_added", kind=kind_name(kind)))
        st.rerun()


# --- draft ------------------------------------------------------------------------------------


def _links_line(element: ElementView) -> str:
    links = draft.links.get(element.id, ())
    return "; ".join(link_text(x.record_type, x.status, x.label) for x in links)


def _show_element(element: ElementView, depth: int = 0) -> None:
    text = element_markdown(element.kind, element.values())
    if depth:
        text = f"↳ {kind_name(element.kind)}: " + text
    st.markdown(text)
    line = _links_line(element)
    if line:
        st.caption(tr("canvas.came_from", links=line))
    for child in draft.children(element.id):
        _show_element(child, depth + 1)


def _editor(element: ElementView) -> None:
    st.markdown(f"#### {tr('canvas.editing', kind=kind_name(element.kind))}")
    slot = f"element_{element.id}"
    base = editing_base(slot, element.version)
    typed = _fields_form(element.kind, element.values(), f"edit_el_{element.id}_{base}")
    if typed is not None and attempt(
        lambda s: canvas.update_element(s, me, element.id, base, **typed)
    ) is not None:
        done_editing(slot)
        flash(tr("canvas.saved"))
        st.rerun()
    up, down, remove = st.columns(3)
    # Keys carry the position: a press replayed into a later run must not move it twice.
    if up.button(tr("canvas.move_up"), key=f"up_{element.id}_{element.position}",
                 icon=":material/arrow_upward:") \
            and done(lambda s: canvas.move_element(s, me, element.id, -1)):
        st.rerun()
    if down.button(tr("canvas.move_down"), key=f"down_{element.id}_{element.position}",
                   icon=":material/arrow_downward:") \
            and done(lambda s: canvas.move_element(s, me, element.id, 1)):
        st.rerun()
    sure = remove.checkbox(tr("canvas.confirm_remove"), key=f"sure_{element.id}")
    if remove.button(tr("canvas.remove"), key=f"remove_{element.id}", disabled=not sure,
                     icon=":material/delete:") and done(
        lambda s: canvas.remove_element(s, me, element.id, element.version)
    ):
        flash(tr("canvas.removed"))
        st.rerun()
    _link_tools(element)
    for child_kind in CHILD_KINDS.get(element.kind, ()):
        with st.expander(tr("canvas.add_child", kind=kind_name(child_kind))):
            _new_element_form(child_kind, element.id)


def _link_tools(element: ElementView) -> None:
    st.markdown(f"**{tr('canvas.links')}**")
    st.caption(tr("canvas.links_help"))
    links = draft.links.get(element.id, ())
    if not links:
        st.caption(tr("canvas.no_links"))
    for link in links:
        text_col, button_col = st.columns([5, 1])
        hidden = f" · {tr('canvas.link_hidden')}" if link.hidden else ""
        text_col.markdown(link_text(link.record_type, link.status, link.label) + hidden)
        if button_col.button(tr("canvas.unlink"), key=f"unlink_{link.id}") and done(
            lambda s, i=link.id: canvas.unlink(s, me, i)
        ):
            st.rerun()
    types = traceability.available_types()
    type_col, record_col = st.columns(2)
    record_type = type_col.selectbox(tr("canvas.link_type"), types,
                                     key=f"link_type_{element.id}",
                                     format_func=type_name)
    options = read(lambda s: traceability.candidates(s, me, workshop_id, record_type)) or []
    labels = dict(options)
    record_id = record_col.selectbox(tr("canvas.link_record"), list(labels),
                                     key=f"link_record_{element.id}_{record_type}",
                                     format_func=lambda i: labels.get(i, str(i)),
                                     placeholder=tr("canvas.link_none_found"))
    if st.button(tr("canvas.link_add"), key=f"link_add_{element.id}",
                 disabled=record_id is None, icon=":material/link:") and attempt(
        lambda s: canvas.link_element(s, me, element.id, record_type, record_id)
    ) is not None:
        flash(tr("canvas.linked"))
        st.rerun()
    unavailable = [x for x in traceability.record_types() if x not in types]
    if unavailable:
        st.caption(tr("canvas.types_unavailable",
                      types=", ".join(type_name(x) for x in unavailable)))


with draft_tab:
    counts = draft.counts()
    empty = [kind_name(k) for _s, kinds in SECTIONS for k in kinds if counts[k] == 0]
    if empty:
        st.caption(tr("canvas.empty_parts", parts=", ".join(empty)))
    section_keys = [key for key, _kinds in SECTIONS]
    section = st.segmented_control(tr("canvas.section"), section_keys, default=section_keys[0],
                                   format_func=section_name, key=f"canvas_section_{model.id}")
    section = section or section_keys[0]
    kinds = dict(SECTIONS)[section]
    for kind in kinds:
        st.subheader(f"{kind_name(kind)} ({counts[kind]})")
        st.caption(tr(f"canvas.kind_help.{kind}"))
        for element in draft.of_kind(kind):
            if element.parent_id is None:
                with st.container(border=True):
                    _show_element(element)
        with st.expander(tr("canvas.add", kind=kind_name(kind))):
            _new_element_form(kind)
    top_ids = {e.id for e in draft.elements if e.kind in kinds and e.parent_id is None}
    editable = []
    for element in draft.elements:
        root = element
        while root.parent_id is not None:
            root = next(e for e in draft.elements if e.id == root.parent_id)
        if root.id in top_ids:
            editable.append(element)
    if editable:
        st.divider()
        names = {e.id: f"{kind_name(e.kind)}: {e.label[:80]}" for e in editable}
        chosen_id = st.selectbox(tr("canvas.choose_element"), list(names),
                                 format_func=lambda i: names[i],
                                 key=f"canvas_edit_pick_{model.id}_{section}")
        chosen = next(e for e in editable if e.id == chosen_id)
        with st.container(border=True):
            _editor(chosen)


# --- versions and comments ----------------------------------------------------------------------


def _publish_form() -> None:
    open_count = read(lambda s: canvas.unanswered_count(s, me, model.id)) or 0
    plan = read(lambda s: meetings.list_meetings(s, me, workshop_id)) or []
    held = [m for m in plan if m.status != "planned"]
    with st.form(f"publish_{model.id}"):
        st.markdown(f"**{tr('canvas.publish_title')}**")
        st.caption(tr("canvas.publish_help"))
        summary = st.text_area(tr("field.canvas_version_summary"), key=f"publish_text_{model.id}")
        meeting_ids = [None, *[m.id for m in held]]
        names = {m.id: tr("label.meeting_number", number=m.number) + (
            f" · {m.title}" if m.title else "") for m in held}
        meeting_id = st.selectbox(
            tr("canvas.publish_meeting"), meeting_ids, index=len(meeting_ids) - 1,
            format_func=lambda i: names.get(i, tr("canvas.publish_no_meeting")),
            key=f"publish_meeting_{model.id}")
        if open_count:
            st.warning(tr("canvas.unanswered", count=open_count))
        if st.form_submit_button(tr("canvas.publish"), type="primary",
                                 icon=":material/publish:"):
            published = attempt(lambda s: canvas.publish(s, me, model.id, summary, meeting_id))
            if published is not None:
                flash(tr("canvas.published", number=published.number))
                st.rerun()


def _comments(versions: list[canvas.VersionView], comments: list[canvas.CommentView]) -> None:
    st.subheader(tr("canvas.comments", count=len(comments)))
    if not comments:
        st.caption(tr("canvas.no_comments"))
    by_id = {v.id: v for v in versions}
    for comment in comments:
        with st.container(border=True):
            version = by_id.get(comment.version_id)
            about = ""
            if comment.element_id is not None and version is not None:
                found = next((e for e in version.content.get("elements", [])
                              if e["id"] == comment.element_id), None)
                if found is not None:
                    about = f" · {kind_name(found['kind'])}: " + plain(
                        str(found.get("title") or found.get("who") or found.get("body") or ""))
            st.markdown(("~~" + plain(comment.text) + "~~") if comment.hidden
                        else plain(comment.text))
            who = role_label(comment.author.role)
            if comment.author.name:
                who = f"{plain(comment.author.name)} · {who}"
            st.caption(f"{who} · {tr('canvas.on_version', number=comment.version_number)}"
                       + about)
            response = comment.response
            if response is not None and response.answered_in_version is not None:
                st.success(_response_text(response), icon=":material/reply:")
                continue
            if response is not None:
                st.info(tr("canvas.response_draft") + " " + _response_text(response))
            slot = f"response_{comment.id}"
            base = editing_base(slot, response.version if response else 0)
            with st.form(f"respond_{comment.id}_{base}"):
                status = st.radio(tr("field.canvas_response_status"), canvas.RESPONSE_STATUSES,
                                  index=canvas.RESPONSE_STATUSES.index(response.status)
                                  if response else 0, horizontal=True,
                                  format_func=lambda x: tr(f"canvas.response.{x}"),
                                  key=f"respond_status_{comment.id}")
                text = st.text_area(tr("field.canvas_response"),
                                    value=response.text if response else "",
                                    key=f"respond_text_{comment.id}",
                                    help=tr("canvas.response_help"))
                if st.form_submit_button(tr("action.save")) and attempt(
                    lambda s, c=comment, b=base, st_=status, tx=text: canvas.respond(
                        s, me, c.id, st_, tx, b or None)
                ) is not None:
                    done_editing(slot)
                    flash(tr("canvas.response_saved"))
                    st.rerun()
            label = "console.unhide" if comment.hidden else "console.hide"
            if st.button(tr(label), key=f"hide_comment_{comment.id}_{comment.version}") \
                    and done(lambda s, c=comment: canvas.hide_comment(
                        s, me, c.id, not c.hidden)):
                st.rerun()


def _response_text(response: canvas.ResponseView) -> str:
    if response.answered_in_version is None:
        head = tr(f"canvas.response.{response.status}")
    else:
        head = tr(f"canvas.response_in_version.{response.status}",
                  number=response.answered_in_version)
    return head + (f": {plain(response.text)}" if response.text else "")


with versions_tab:
    _publish_form()
    versions = read(lambda s: canvas.list_versions(s, me, model.id)) or []
    all_comments = read(lambda s: canvas.list_comments(s, me, model.id)) or []
    _comments(versions, all_comments)
    comment_by_id = {c.id: c for c in all_comments}
    st.subheader(tr("canvas.versions", count=len(versions)))
    if not versions:
        st.caption(tr("canvas.no_versions"))
    for version in reversed(versions):
        title = tr("canvas.version_title", number=version.number,
                   when=fmt_datetime(version.published_at, lang()))
        with st.expander(title, expanded=version is versions[-1]):
            if version.summary:
                st.markdown(plain(version.summary))
            answered = version.content.get("responses", [])
            if answered:
                st.markdown(f"**{tr('canvas.version_answers', count=len(answered))}**")
                for entry in answered:
                    found = comment_by_id.get(entry["comment_id"])
                    comment = tr("canvas.comment_not_shown") if found is None or found.hidden \
                        else plain(found.text)
                    reply = tr(f"canvas.response.{entry['status']}") + (
                        f": {plain(entry['text'])}" if entry["text"] else "")
                    st.markdown(f"- {comment} → {reply}")
            labels = read(lambda s, v=version: canvas.version_links(s, me, v.id)) or {}
            show_snapshot(version.content, links=labels)


# --- basic facts ------------------------------------------------------------------------------

with facts_tab:
    facts_base = editing_base(f"model_{model.id}", model.version)
    changed = _facts_form(f"facts_{model.id}_{facts_base}", model)
    if changed is not None and attempt(
        lambda s: canvas.update_model(s, me, model.id, facts_base, **changed)
    ) is not None:
        done_editing(f"model_{model.id}")
        flash(tr("canvas.saved"))
        st.rerun()
    with st.expander(tr("canvas.delete_model")):
        st.warning(tr("canvas.delete_model_warning"))
        sure = st.checkbox(tr("canvas.confirm_remove"), key=f"delete_model_sure_{model.id}")
        if st.button(tr("canvas.delete_model"), disabled=not sure,
                     key=f"delete_model_{model.id}") and done(
            lambda s: canvas.delete_model(s, me, model.id, model.version)
        ):
            choose("canvas_model_id", None)
            flash(tr("canvas.model_deleted"))
            st.rerun()
