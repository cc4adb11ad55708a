"""Persona gallery for facilitators: every persona of the workshop across meetings, with
editing, versions (mark the agreed one), comments and the summary of the comments.
A projector mode shows large cards with roles, never names."""

from __future__ import annotations

import streamlit as st

from pages.activities.personas import (
    origin_line,
    persona_card,
    persona_editor,
    reaction_line,
)
from pages.common import (
    attempt,
    done,
    facilitator,
    flash,
    lang,
    plain,
    read,
    role_label,
    show_flash,
    tr,
)
from workshop import personas, workshops
from workshop.i18n import fmt_datetime
from workshop.personas import MAX_SUMMARY_LENGTH, PersonaView

me = facilitator()
st.title(tr("persona.gallery_title"))
show_flash()

mine = read(lambda s: workshops.list_workshops(s, me)) or []
if not mine:
    st.info(tr("workshops.none_yet"))
    st.page_link("pages/workshops.py", label=tr("nav.workshops"))
    st.stop()
ids = [w.id for w in mine]
chosen = st.session_state.get("workshop_id")
names = {w.id: w.name for w in mine}
workshop_id = st.selectbox(tr("persona.workshop"), ids,
                           index=ids.index(chosen) if chosen in ids else 0,
                           format_func=lambda i: names[i], key="persona_gallery_workshop")
st.session_state["workshop_id"] = workshop_id
projector = st.toggle(tr("persona.projector_mode"), key="persona_projector")
listed = read(lambda s: personas.list_personas(s, me, workshop_id)) or []

if projector:
    # Static styling only (no user content): larger type for reading across a room.
    st.html("""<style>
.st-key-persona_cards p, .st-key-persona_cards li { font-size: 1.6rem; }
.st-key-persona_cards h2 { font-size: 2.6rem; }
</style>""")
    with st.container(key="persona_cards"):
        shown = [p for p in listed if not p.hidden]
        if not shown:
            st.markdown(tr("persona.none_yet"))
        for p in shown:
            with st.container(border=True):
                persona_card(p, heading="##")
                st.markdown(origin_line(p) + " · " + reaction_line(p))
                if p.summary:
                    st.markdown(f"**{tr('persona.summary_title')}:** {plain(p.summary)}")
    st.stop()

st.caption(tr("persona.gallery_hint"))
if not listed:
    st.info(tr("persona.none_yet"))


def _versions(p: PersonaView) -> None:
    history = read(lambda s: personas.versions(s, me, p.id)) or []
    with st.expander(tr("persona.versions", count=len(history))):
        for version in reversed(history):
            author = role_label(version.author_role)
            if version.author_name:
                author = f"{plain(version.author_name)} · {author}"
            agreed = f" · **{tr('persona.agreed', version=version.number)}**" \
                if version.agreed else ""
            left, right = st.columns([4, 2])
            left.markdown(f"{tr('persona.version_label', version=version.number)} · "
                          f"{fmt_datetime(version.saved_at, lang())}"
                          f" · {author}{agreed}")
            if version.agreed:
                if right.button(tr("persona.unmark_agreed"), key=f"unagree_{p.id}") and done(
                    lambda s: personas.mark_agreed(s, me, p.id, None)
                ):
                    st.rerun()
            elif right.button(tr("persona.mark_agreed"), key=f"agree_{p.id}_{version.number}") \
                    and done(lambda s, n=version.number: personas.mark_agreed(s, me, p.id, n)):
                flash(tr("persona.agreed_marked", version=version.number))
                st.rerun()
            if st.toggle(tr("persona.show_version", version=version.number),
                         key=f"show_v_{p.id}_{version.number}"):
                with st.container(border=True):
                    persona_card(version.content, heading="####")


def _comments(p: PersonaView) -> None:
    shown = read(lambda s: personas.list_comments(s, me, p.id)) or []
    with st.expander(tr("persona.comments", count=len(shown)) + " · " + reaction_line(p)):
        for comment in shown:
            left, right = st.columns([5, 1])
            marker = f" · {tr('console.hidden')}" if comment.hidden else ""
            who = role_label(comment.author.role)
            if comment.author.name:
                who = f"{plain(comment.author.name)} · {who}"
            left.markdown(f"{plain(comment.text)}  \n*{who}{marker}*")
            label = "console.unhide" if comment.hidden else "console.hide"
            if right.button(tr(label), key=f"g_hide_pc_{comment.id}_{comment.version}") and \
                    done(lambda s, c=comment: personas.hide_comment(s, me, c.id, not c.hidden)):
                st.rerun()
        _summary(p)


def _summary(p: PersonaView) -> None:
    """The facilitator's condensation, with the same optimistic versions as personas."""
    key, base_key = f"summary_{p.id}", f"_summary_base_{p.id}"
    if key not in st.session_state or base_key not in st.session_state:
        st.session_state[key] = p.summary
        st.session_state[base_key] = p.summary_version
    with st.form(f"summary_form_{p.id}", border=False):
        text = st.text_area(tr("field.persona_summary"), key=key, max_chars=MAX_SUMMARY_LENGTH)
        submitted = st.form_submit_button(tr("action.save"))
    if submitted:
        base = st.session_state[base_key]
        saved = attempt(lambda s: personas.save_summary(s, me, p.id, base, text))
        if saved is not None:
            st.session_state[base_key] = saved
            flash(tr("persona.summary_saved"))
            st.rerun()
        newest = read(lambda s: personas.get_persona(s, me, p.id))
        if newest is not None and newest.summary_version != base:
            st.session_state[base_key] = newest.summary_version
            st.caption(tr("persona.newest_version", version=newest.summary_version))
            st.markdown(plain(newest.summary))


for p in listed:
    with st.container(border=True):
        persona_card(p)
        st.caption(origin_line(p) + (f" · {tr('console.hidden')}" if p.hidden else ""))
        if p.summary:
            st.markdown(f"**{tr('persona.summary_title')}:** {plain(p.summary)}")
        persona_editor(me, p)
        _versions(p)
        _comments(p)
        label = "console.unhide" if p.hidden else "console.hide"
        if st.button(tr(label), key=f"g_hide_persona_{p.id}_{p.version}") and done(
            lambda s, q=p: personas.hide_persona(s, me, q.id, not q.hidden)
        ):
            st.rerun()
