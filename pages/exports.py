"""Facilitator: Word memos and the service-model description, backups and spreadsheets, the
organisation's Word template, and restoring a backup as a new workshop."""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from exports import backup, csv_export, docx_templates
from exports.memo import build_memo
from exports.model_doc import build_model_description
from pages.common import (
    attempt,
    choose,
    engine,
    facilitator,
    flash,
    plain,
    read,
    show_flash,
    tr,
)
from workshop import db, meetings, workshops
from workshop.i18n import fmt_datetime

log = logging.getLogger("kehittamo")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

me = facilitator()
st.title(tr("export.page.title"))
show_flash()

mine = read(lambda s: workshops.list_workshops(s, me)) or []
if not mine:
    st.info(tr("workshops.none_yet"))
    st.page_link("pages/workshops.py", label=tr("nav.workshops"))
workshop_id = st.session_state.get("workshop_id")
if mine and workshop_id not in {w.id for w in mine}:
    workshop_id = st.session_state["workshop_id"] = mine[0].id
workshop = next((w for w in mine if w.id == workshop_id), None)
lang = st.session_state.get("lang", "fi")
database = engine()


def _deferred(build: Callable[[object], bytes]) -> Callable[[], bytes]:
    """File contents made when the button is pressed (in Streamlit's download thread), in a
    read-only unit of work of their own."""
    def make() -> bytes:
        try:
            with db.reading(database) as session:
                return build(session)
        except Exception:
            log.exception("export failed")
            raise
    return make


def _slug(text: str) -> str:
    kept = "".join(ch if ch.isalnum() else "_" for ch in text.lower()).strip("_")
    return "_".join(filter(None, kept.split("_")))[:40] or "tyopaja"


if workshop is not None:
    st.caption(plain(workshop.name))
    slug = _slug(workshop.name)

    with st.container(border=True):
        st.subheader(tr("export.page.memo"))
        st.caption(tr("export.page.memo_help"))
        plan = read(lambda s: meetings.list_meetings(s, me, workshop.id)) or []
        if plan:
            numbers = [m.number for m in plan]
            titles = {m.number: m.title or tr(f"phase.{m.phase}.name") for m in plan}
            number = st.selectbox(
                tr("export.page.choose_meeting"), numbers, index=len(numbers) - 1,
                format_func=lambda n: tr("export.page.meeting_label", number=n, title=titles[n]),
                key=f"export_meeting_{workshop.id}")
            st.download_button(
                tr("export.page.download_memo"),
                _deferred(lambda s, n=number: build_memo(s, me, workshop.id, n)),
                file_name=f"muistio_{slug}_{number}.docx", mime=DOCX,
                icon=":material/description:", on_click="ignore", key="download_memo")
        else:
            st.caption(tr("export.page.no_meetings"))

    with st.container(border=True):
        st.subheader(tr("export.page.model"))
        st.caption(tr("export.page.model_help"))
        st.download_button(
            tr("export.page.download_model"),
            _deferred(lambda s: build_model_description(s, me, workshop.id)),
            file_name=f"toimintamalli_{slug}.docx", mime=DOCX, icon=":material/article:",
            on_click="ignore", key="download_model")

    with st.container(border=True):
        st.subheader(tr("export.page.data"))
        st.caption(tr("export.page.data_help"))
        st.warning(tr("export.page.sensitive"), icon=":material/lock:")
        left, right = st.columns(2)
        left.download_button(
            tr("export.page.download_json"),
            _deferred(lambda s: backup.dumps(backup.export_workshop_as(s, me, workshop.id))),
            file_name=f"varmuuskopio_{slug}.json", mime="application/json",
            icon=":material/backup:", on_click="ignore", key="download_json")
        right.download_button(
            tr("export.page.download_csv"),
            _deferred(lambda s: csv_export.workshop_csv_zip_as(s, me, workshop.id)),
            file_name=f"taulukot_{slug}.zip", mime="application/zip",
            icon=":material/table:", on_click="ignore", key="download_csv")

    with st.container(border=True):
        st.subheader(tr("export.page.template"))
        st.caption(tr("export.page.template_help",
                      max_mb=docx_templates.MAX_TEMPLATE_BYTES // 2**20))
        current = read(lambda s: docx_templates.template_info(s, me, workshop.id))
        if current is not None:
            st.markdown(plain(tr("export.page.template_current", filename=current.filename,
                                 size_kb=max(1, current.size // 1024),
                                 when=fmt_datetime(current.uploaded_at, lang))))
            remove = st.button(tr("export.page.template_remove"), icon=":material/delete:",
                               key="template_remove")
            if remove and attempt(
                lambda s: docx_templates.remove_template(s, me, workshop.id) or True
            ):
                flash(tr("export.page.template_removed"))
                st.rerun()
        else:
            st.caption(tr("export.page.template_none"))
        with st.form("template_form", clear_on_submit=True):
            upload = st.file_uploader(tr("export.page.template_file"), type=["docx", "dotx"],
                                      key="template_upload")
            if st.form_submit_button(tr("export.page.template_save"), type="primary"):
                if upload is None:
                    st.warning(tr("export.page.choose_file"))
                else:
                    data, name = upload.getvalue(), upload.name
                    saved = attempt(lambda s: docx_templates.save_template(
                        s, me, workshop.id, name, data))
                    if saved is not None:
                        flash(tr("export.page.template_saved"))
                        st.rerun()

with st.container(border=True):
    st.subheader(tr("export.page.import"))
    st.caption(tr("export.page.import_help", max_mb=backup.MAX_DOCUMENT_BYTES // 2**20))
    with st.form("import_form", clear_on_submit=True):
        upload = st.file_uploader(tr("export.page.import_file"), type=["json"],
                                  key="import_upload")
        if st.form_submit_button(tr("export.page.import_button"), type="primary"):
            if upload is None:
                st.warning(tr("export.page.choose_file"))
            else:
                data = upload.getvalue()
                new_id = attempt(lambda s: backup.import_workshop_as(s, me, data))
                if new_id is not None:
                    choose("workshop_id", new_id)
                    choose("meeting_id", None)
                    flash(tr("export.page.imported", id=new_id))
                    st.rerun()
