"""Facilitator: the workshop's ground rules, glossary, own picture-card deck and topics,
outside a live meeting. All of these belong to the workshop and carry over to every meeting."""

from __future__ import annotations

import streamlit as st

from pages.activities.glossary import add_concept_form, facilitator_glossary
from pages.activities.picture_cards import show_card
from pages.activities.principles import add_form, facilitator_list
from pages.activities.topics import facilitator_topics
from pages.common import attempt, done, facilitator, flash, plain, read, show_flash, tr
from workshop import glossary, picture_cards, principles, topics, workshops
from workshop.picture_cards import (
    MAX_ALT_LENGTH,
    MAX_DECK_IMAGE_BYTES,
    MAX_TITLE_LENGTH,
    DeckCard,
    UploadedCardView,
)

me = facilitator()
mine = read(lambda s: workshops.list_workshops(s, me)) or []
workshop_id = st.session_state.get("workshop_id")
if workshop_id not in {w.id for w in mine}:
    if not mine:
        st.info(tr("workshops.none_yet"))
        st.page_link("pages/workshops.py", label=tr("nav.workshops"))
        st.stop()
    workshop_id = st.session_state["workshop_id"] = mine[0].id
workshop = next(w for w in mine if w.id == workshop_id)

st.title(tr("warmup.library.title"))
st.caption(plain(workshop.name))
st.markdown(tr("warmup.library.intro"))
show_flash()

started = f"_warmup_library_started_{workshop_id}"
if not st.session_state.get(started) and attempt(lambda s: (
    principles.start_for_workshop(s, me, workshop_id),
    glossary.start_for_workshop(s, me, workshop_id),
)) is not None:
    st.session_state[started] = True

tab_rules, tab_words, tab_cards, tab_topics = st.tabs([
    tr("warmup.library.tab_principles"), tr("warmup.library.tab_glossary"),
    tr("warmup.library.tab_cards"), tr("warmup.library.tab_topics"),
])

with tab_rules:
    st.caption(tr("warmup.library.principles_help"))
    rules = read(lambda s: principles.list_for_workshop(s, me, workshop_id)) or []
    facilitator_list(me, rules, key="lib_p", with_counts=False, rerun=st.rerun)
    add_form("lib_principle_add",
             lambda s, text: principles.add_for_workshop(s, me, workshop_id, text),
             rerun=st.rerun)

with tab_words:
    st.caption(tr("warmup.library.glossary_help"))
    concepts = read(lambda s: glossary.list_for_workshop(s, me, workshop_id)) or []
    facilitator_glossary(me, concepts, key="lib_g", item_id=None, rerun=st.rerun,
                         with_history=True)
    add_concept_form(me, workshop_id, "lib_g_add", rerun=st.rerun)


def _as_deck_card(card: UploadedCardView) -> DeckCard:
    return DeckCard(f"upload:{card.id}", None, card.id, card.title, card.alt, card.mime,
                    card.digest)


def _upload_form() -> None:
    generation = st.session_state.get("_card_upload_generation", 0)
    with st.form(f"card_upload_{generation}"):
        st.markdown(f"**{tr('warmup.library.upload_heading')}**")
        st.caption(tr("warmup.library.upload_help", max_kb=MAX_DECK_IMAGE_BYTES // 1024))
        upload = st.file_uploader(tr("field.warmup.card_file"), type=["png", "jpg", "jpeg", "svg"],
                                  key=f"card_file_{generation}", max_upload_size=10)
        title = st.text_input(tr("field.warmup.card_title"), max_chars=MAX_TITLE_LENGTH,
                              key=f"card_title_{generation}")
        alt = st.text_input(tr("field.warmup.card_alt"), max_chars=MAX_ALT_LENGTH,
                            key=f"card_alt_{generation}", help=tr("warmup.library.alt_help"))
        if st.form_submit_button(tr("warmup.library.upload"), type="primary"):
            if upload is None:
                st.error(tr("warmup.library.no_file"), icon=":material/error:")
                return
            data = upload.getvalue()
            saved = attempt(lambda s: picture_cards.upload_card(
                s, me, workshop_id, data, upload.name, title=title, alt_text=alt))
            if saved is not None:
                st.session_state["_card_upload_generation"] = generation + 1
                flash(tr("warmup.library.uploaded"))
                st.rerun()


def _card_row(card: UploadedCardView, number: int) -> None:
    with st.container(border=True):
        show_card(me, _as_deck_card(card), width=160)
        st.markdown(f"**{plain(card.title) or tr('warmup.cards.untitled', number=number)}**")
        st.caption(plain(card.alt))
        size = f"{card.width} × {card.height} px · " if card.width and card.height else ""
        st.caption(f"{size}{card.byte_size // 1024} kt"
                   + (f" · {tr('warmup.library.card_removed')}" if card.hidden else ""))
        with st.expander(tr("warmup.library.edit_card")), \
                st.form(f"card_edit_{card.id}_{card.version}", border=False):
            new_title = st.text_input(tr("field.warmup.card_title"), value=card.title,
                                      max_chars=MAX_TITLE_LENGTH,
                                      key=f"card_edit_title_{card.id}_{card.version}")
            new_alt = st.text_input(tr("field.warmup.card_alt"), value=card.alt,
                                    max_chars=MAX_ALT_LENGTH,
                                    key=f"card_edit_alt_{card.id}_{card.version}")
            if st.form_submit_button(tr("action.save")) and attempt(
                lambda s: picture_cards.edit_card(s, me, card.id, card.version, title=new_title,
                                                  alt_text=new_alt)
            ) is not None:
                st.rerun()
        label = "warmup.library.restore_card" if card.hidden else "warmup.library.remove_card"
        if st.button(tr(label), key=f"card_remove_{card.id}") and done(
            lambda s: picture_cards.remove_card(s, me, card.id, not card.hidden)
        ):
            st.rerun()


with tab_cards:
    st.caption(tr("warmup.library.cards_help"))
    _upload_form()
    deck = read(lambda s: picture_cards.workshop_deck(s, me, workshop_id)) or []
    if not deck:
        st.info(tr("warmup.library.no_cards"))
    columns = st.columns(3)
    for index, card in enumerate(deck):
        with columns[index % 3]:
            _card_row(card, index + 1)

with tab_topics:
    st.caption(tr("warmup.library.topics_help"))
    listed = read(lambda s: topics.workshop_topics(s, me, workshop_id)) or []
    if not listed:
        st.info(tr("warmup.topics.none_yet"))
    facilitator_topics(me, listed, key="lib_t", rerun=st.rerun)
