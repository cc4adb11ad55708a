"""Picture cards: pick a card and write a line; the room sees the picks (roles only, names
when the activity allows them).

Cards are shown with ``st.image`` from a ``data:`` URI, so the browser decodes the picture
(the server never runs an image decoder on an upload) and SVG needs no conversion. Repeated
large elements are sent once: Streamlit's message cache refers to them by hash afterwards.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from pages.activities import ActivityContext, cached
from pages.activities.principles import rerun_live
from pages.common import (
    attempt,
    done,
    flash,
    form_key,
    plain,
    read,
    renew_form_key,
    role_label,
    tr,
    unit,
)
from workshop import picture_cards
from workshop.access import Actor
from workshop.content.cards import card_svg
from workshop.errors import DomainError
from workshop.picture_cards import DECKS, MAX_LINE_LENGTH, Deck, DeckCard, PickView

ACTIVITY_TYPES = ("picture_cards",)
PAGE_SIZE = 12


class _NotLoaded(Exception):
    """Keeps a failed load out of the cache (st.cache_data caches return values)."""


@st.cache_data(show_spinner=False)
def _default_uri(key: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(card_svg(key)).decode("ascii")


@st.cache_data(show_spinner=False, max_entries=120, ttl=3600)
def _uploaded_uri(card_id: int, digest: str, _actor: Actor) -> str:
    """An uploaded card as a data URI. Cached by (id, digest): the digest only reaches a
    screen through an access-checked listing, and it changes whenever the bytes do."""
    try:
        with unit(write=False) as session:
            image = picture_cards.card_image(session, _actor, card_id)
    except (DomainError, SQLAlchemyError):
        raise _NotLoaded from None
    if image.digest != digest:
        raise _NotLoaded
    return f"data:{image.mime};base64," + base64.b64encode(image.data).decode("ascii")


def card_title(card: DeckCard, number: int | None = None) -> str:
    if card.default_key is not None:
        return tr(f"card.{card.default_key}.title")
    if card.title:
        return card.title
    return tr("warmup.cards.untitled", number=number or "")


def card_alt(card: DeckCard) -> str:
    if card.default_key is not None:
        return tr(f"card.{card.default_key}.alt")
    return card.alt


def show_card(actor: Actor, card: DeckCard | None, *, width: int | str = "stretch",
              caption: str | None = None, container=None) -> None:  # type: ignore[no-untyped-def]
    """One card with its alt text; the caption (a title, shown as plain text) is optional."""
    where = container or st
    if card is None:
        where.caption(tr("warmup.cards.missing"))
        return
    try:
        uri = _default_uri(card.default_key) if card.default_key is not None \
            else _uploaded_uri(card.image_id, card.digest, actor)
    except _NotLoaded:
        where.caption(plain(card_alt(card)))
        return
    where.image(uri, width=width, alt=card_alt(card),
                caption=plain(caption) if caption else None)


# --- participant -------------------------------------------------------------------------------

def _choice_slot(ctx: ActivityContext) -> str:
    return f"_card_choice_{ctx.item.id}"


def participant_input(ctx: ActivityContext) -> None:
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    deck = read(lambda s: picture_cards.deck_for_item(s, ctx.actor, ctx.item.id))
    mine = read(lambda s: picture_cards.my_pick(s, ctx.actor, ctx.item.id))
    if deck is None:
        return
    by_ref = {c.ref: c for c in deck.cards}
    chosen_ref = st.session_state.get(_choice_slot(ctx)) or (mine.ref if mine else None)
    chosen = by_ref.get(chosen_ref) if chosen_ref else None
    if chosen is None and mine is not None:
        chosen = mine.card
    if chosen is not None:
        _pick_form(ctx, chosen, mine)
    st.markdown(f"**{tr('warmup.cards.choose_heading')}**")
    _deck_grid(ctx, deck, chosen.ref if chosen else None)


def _pick_form(ctx: ActivityContext, card: DeckCard, mine: PickView | None) -> None:
    item_id = ctx.item.id
    with st.container(border=True):
        left, right = st.columns([1, 2])
        show_card(ctx.actor, card, container=left)
        right.markdown(tr("warmup.cards.your_card", title=plain(card_title(card))))
        with right.form(f"card_pick_{item_id}", border=False):
            line = st.text_input(tr("field.warmup.card_line"), max_chars=MAX_LINE_LENGTH,
                                 value=mine.line if mine else "", key=f"card_line_{item_id}",
                                 placeholder=tr("warmup.cards.line_placeholder"))
            label = "warmup.cards.save_change" if mine else "warmup.cards.save_pick"
            if st.form_submit_button(tr(label), type="primary"):
                key = form_key(f"card_{item_id}")
                saved = attempt(lambda s: picture_cards.pick(
                    s, ctx.actor, item_id, card.ref, line,
                    expected_version=mine.version if mine else None, client_key=key))
                if saved is not None:
                    renew_form_key(f"card_{item_id}")
                    st.session_state.pop(_choice_slot(ctx), None)
                    flash(tr("warmup.cards.saved"))
                    st.rerun()


def _deck_grid(ctx: ActivityContext, deck: Deck, chosen_ref: str | None) -> None:
    pages = max(1, -(-len(deck.cards) // PAGE_SIZE))
    page_slot = f"_card_page_{ctx.item.id}"
    page = min(st.session_state.get(page_slot, 0), pages - 1)
    start = page * PAGE_SIZE
    shown = deck.cards[start:start + PAGE_SIZE]
    columns = st.columns(3)
    for offset, card in enumerate(shown):
        number = start + offset + 1
        with columns[offset % 3]:
            title = card_title(card, number)
            show_card(ctx.actor, card, caption=title)
            selected = card.ref == chosen_ref
            label = tr("warmup.cards.chosen", title=title) if selected \
                else tr("warmup.cards.choose", title=title)
            if st.button(label, key=f"choose_{ctx.item.id}_{card.ref}", disabled=selected,
                         width="stretch", icon=":material/check:" if selected else None):
                st.session_state[_choice_slot(ctx)] = card.ref
                st.rerun()
    if pages > 1:
        back, where, forward = st.columns([1, 1, 1])
        if back.button(tr("warmup.cards.previous"), key=f"cards_prev_{ctx.item.id}",
                       disabled=page == 0, icon=":material/arrow_back:"):
            st.session_state[page_slot] = page - 1
            st.rerun()
        where.caption(tr("warmup.cards.page", page=page + 1, pages=pages))
        if forward.button(tr("warmup.cards.next"), key=f"cards_next_{ctx.item.id}",
                          disabled=page == pages - 1, icon=":material/arrow_forward:"):
            st.session_state[page_slot] = page + 1
            st.rerun()


def _load_picks(ctx: ActivityContext) -> list[PickView]:
    return cached("card_picks", ctx,
                  lambda s: picture_cards.picks(s, ctx.actor, ctx.item.id)) or []


def _who(pick: PickView, with_name: bool = True) -> str:
    label = role_label(pick.author.role)
    if with_name and pick.author.name:
        label = f"{plain(pick.author.name)} · {label}"
    return label


def _pick_cards(actor: Actor, shown: Sequence[PickView], columns: int, *,
                with_name: bool, moderate: bool = False) -> None:
    grid = st.columns(columns)
    for index, pick in enumerate(shown):
        with grid[index % columns], st.container(border=True):
            show_card(actor, pick.card, caption=card_title(pick.card) if pick.card else None)
            if pick.line:
                st.markdown(("~~" + plain(pick.line) + "~~") if pick.hidden else plain(pick.line))
            mine = f" · {tr('participate.mine')}" if pick.author.mine else ""
            hidden = f" · {tr('console.hidden')}" if pick.hidden else ""
            st.caption(_who(pick, with_name) + mine + hidden)
            if moderate:
                label = "console.unhide" if pick.hidden else "console.hide"
                if st.button(tr(label), key=f"hide_pick_{pick.id}_{pick.version}"):
                    attempt(lambda s, p=pick: picture_cards.hide_pick(s, actor, p.id,
                                                                      not p.hidden))
                    rerun_live()


def participant_live(ctx: ActivityContext) -> None:
    shown = _load_picks(ctx)
    st.subheader(tr("warmup.cards.picks", count=len(shown)))
    _pick_cards(ctx.actor, shown, 2, with_name=True)


# --- facilitator -------------------------------------------------------------------------------

def console_live(ctx: ActivityContext) -> None:
    deck = cached("card_deck", ctx,
                  lambda s: picture_cards.deck_for_item(s, ctx.actor, ctx.item.id))
    if deck is not None:
        choice = st.radio(tr("field.warmup.deck"), DECKS, index=DECKS.index(deck.choice),
                          format_func=lambda d: tr(f"warmup.cards.deck.{d}"), horizontal=True,
                          key=f"deck_choice_{ctx.item.id}_{deck.choice}")
        if choice != deck.choice and done(
            lambda s: picture_cards.set_deck(s, ctx.actor, ctx.item.id, choice)
        ):
            rerun_live()
        if deck.fell_back:
            st.warning(tr("warmup.cards.deck_empty"), icon=":material/info:")
    shown = _load_picks(ctx)
    st.subheader(tr("console.contributions", title=plain(ctx.item.title), count=len(shown)))
    _pick_cards(ctx.actor, shown, 3, with_name=True, moderate=True)


def projector_live(ctx: ActivityContext) -> None:
    shown = [p for p in _load_picks(ctx) if not p.hidden]
    _pick_cards(ctx.actor, shown, 4, with_name=ctx.item.show_names)
