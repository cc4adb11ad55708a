"""Picture cards (kuvakortit): everyone picks one card and writes a line on why.

One pick per participant per agenda item; changing it is an edit at the version the
participant saw, so a second tab cannot silently overwrite the first. The deck of an item is
the app's default deck or the workshop's own, uploaded by a facilitator: uploads are checked
by content (``workshop.content.images``), SVGs are rebuilt from an allow-list, and the alt
text is the facilitator's own words.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workshop import contributions
from workshop.access import (
    Actor,
    FacilitatorActor,
    ParticipantActor,
    require_facilitator,
    require_participant,
    require_workshop,
    require_writable_item,
)
from workshop.content.cards import DEFAULT_DECK
from workshop.content.images import SVG_MIME, ImageRejected, validate_card_image
from workshop.contributions import Authorship
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.model_warmup import (
    CardImage,
    CardPick,
    activity_item,
    bump_workshop,
    flush_versioned,
)
from workshop.models import AgendaItem
from workshop.text import clean_choice, clean_text

ACTIVITY = "picture_cards"
DECKS: tuple[str, ...] = ("default", "workshop")
MAX_LINE_LENGTH = 300
MAX_TITLE_LENGTH = 120
MAX_ALT_LENGTH = 400
MAX_DECK_CARDS = 60
# Smaller than the validator's 2 MB: the cards travel to every phone in the room.
MAX_DECK_IMAGE_BYTES = 512 * 1024
DEFAULT_PREFIX = "default:"
UPLOAD_PREFIX = "upload:"
_DEFAULT_KEYS = frozenset(card.key for card in DEFAULT_DECK)


@dataclass(frozen=True)
class DeckCard:
    """A card to show. Default cards name their texts by key (``card.<key>.title/.alt``);
    uploaded cards carry the facilitator's title and alt text."""

    ref: str
    default_key: str | None
    image_id: int | None
    title: str
    alt: str
    mime: str
    digest: str  # changes whenever the bytes do: a safe cache key for them


@dataclass(frozen=True)
class Deck:
    choice: str
    cards: tuple[DeckCard, ...]
    fell_back: bool  # the workshop's deck was chosen but has no cards: the default is used


@dataclass(frozen=True)
class PickView:
    id: int
    ref: str
    card: DeckCard | None
    line: str
    version: int
    hidden: bool
    created_at: dt.datetime
    author: Authorship


@dataclass(frozen=True)
class UploadedCardView:
    id: int
    position: int
    title: str
    alt: str
    mime: str
    width: int | None
    height: int | None
    byte_size: int
    hidden: bool
    version: int
    digest: str


@dataclass(frozen=True)
class CardImageData:
    mime: str
    data: bytes
    digest: str


def _default_card(key: str) -> DeckCard:
    return DeckCard(f"{DEFAULT_PREFIX}{key}", key, None, "", "", SVG_MIME, key)


def _uploaded_card(image: CardImage) -> DeckCard:
    return DeckCard(f"{UPLOAD_PREFIX}{image.id}", None, image.id, image.title, image.alt_text,
                    image.mime, image.digest)


def _uploaded_view(image: CardImage) -> UploadedCardView:
    return UploadedCardView(image.id, image.position, image.title, image.alt_text, image.mime,
                            image.width, image.height, image.byte_size, image.hidden,
                            image.version, image.digest)


# --- decks ---------------------------------------------------------------------------------------

def deck_choice(item: AgendaItem) -> str:
    choice = (item.config or {}).get("deck", "default")
    return choice if choice in DECKS else "default"


def set_deck(session: Session, actor: Actor, item_id: int, deck: str) -> None:
    """Use the default deck or the workshop's own in this agenda item."""
    item = activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
    chosen = clean_choice(deck, DECKS, field="field.warmup.deck")
    if deck_choice(item) == chosen:
        return
    item.config = {**(item.config or {}), "deck": chosen}
    session.flush()
    bump_workshop(session, item.meeting.workshop_id, item.meeting_id)


def _shown_uploads(session: Session, workshop_id: int) -> list[CardImage]:
    return list(session.scalars(
        select(CardImage).where(CardImage.workshop_id == workshop_id,
                                CardImage.hidden.is_(False))
        .order_by(CardImage.position, CardImage.id)
    ))


def _deck(session: Session, item: AgendaItem) -> Deck:
    choice = deck_choice(item)
    if choice == "workshop":
        uploads = _shown_uploads(session, item.meeting.workshop_id)
        if uploads:
            return Deck(choice, tuple(_uploaded_card(i) for i in uploads), False)
    return Deck(choice, tuple(_default_card(c.key) for c in DEFAULT_DECK), choice != "default")


def deck_for_item(session: Session, actor: Actor, item_id: int) -> Deck:
    return _deck(session, activity_item(session, actor, item_id, ACTIVITY))


# --- picks ---------------------------------------------------------------------------------------

def _clean_line(line: object) -> str:
    return clean_text(line, field="field.warmup.card_line", max_length=MAX_LINE_LENGTH,
                      required=False, multiline=False)


def pick(session: Session, actor: Actor, item_id: int, card: str, line: str = "", *,
         expected_version: int | None = None, client_key: str | None = None) -> tuple[int, int]:
    """Store the participant's card and line; returns (pick id, version).

    ``expected_version`` is None for a first pick and the version seen when changing it. The
    same card and line again, or the same ``client_key`` again, change nothing. A change
    based on an older version is refused with :class:`StaleEdit`.
    """
    item = activity_item(session, actor, item_id, ACTIVITY)
    require_writable_item(session, actor, item_id)
    participant = require_participant(session, actor)
    cleaned = _clean_line(line)
    if not isinstance(card, str) or card not in {c.ref for c in _deck(session, item).cards}:
        raise InvalidInput("error.warmup.card_unknown")
    existing = session.scalar(select(CardPick).where(
        CardPick.agenda_item_id == item.id, CardPick.author_id == participant.id))
    if existing is None:
        try:
            record, _created = contributions.create(session, actor, CardPick, item.id,
                                                    client_key, card=card, line=cleaned)
        except IntegrityError:
            raise StaleEdit() from None  # a pick from another tab got there first
        return record.id, record.version
    if client_key is not None and existing.client_key == client_key and not existing.withdrawn:
        return existing.id, existing.version  # a resubmitted first pick
    if existing.card == card and existing.line == cleaned and not existing.withdrawn:
        return existing.id, existing.version
    if not existing.withdrawn and existing.version != expected_version:
        raise StaleEdit()
    existing.card, existing.line, existing.withdrawn = card, cleaned, False
    contributions.save(session, existing)
    return existing.id, existing.version


def withdraw_pick(session: Session, actor: Actor, pick_id: int, expected_version: int) -> None:
    contributions.withdraw(session, actor, CardPick, pick_id, expected_version)


def hide_pick(session: Session, actor: Actor, pick_id: int, hidden: bool = True) -> None:
    contributions.set_hidden(session, actor, CardPick, pick_id, hidden)


def _is_number(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts "²", which int() refuses."""
    return text.isascii() and text.isdigit() and len(text) <= 18


def _resolver(session: Session, workshop_id: int, refs: set[str]) -> dict[str, DeckCard]:
    found: dict[str, DeckCard] = {}
    upload_ids = []
    for ref in refs:
        if ref.startswith(DEFAULT_PREFIX) and ref[len(DEFAULT_PREFIX):] in _DEFAULT_KEYS:
            found[ref] = _default_card(ref[len(DEFAULT_PREFIX):])
        elif ref.startswith(UPLOAD_PREFIX) and _is_number(ref[len(UPLOAD_PREFIX):]):
            upload_ids.append(int(ref[len(UPLOAD_PREFIX):]))
    if upload_ids:
        for image in session.scalars(select(CardImage).where(
                CardImage.id.in_(upload_ids), CardImage.workshop_id == workshop_id)):
            found[f"{UPLOAD_PREFIX}{image.id}"] = _uploaded_card(image)
    return found


def picks(session: Session, actor: Actor, item_id: int) -> list[PickView]:
    """Everyone's picks in the item (oldest first), as the actor may see them."""
    item = activity_item(session, actor, item_id, ACTIVITY)
    _item, rows = contributions.visible_for_item(session, actor, CardPick, item.id)
    cards = _resolver(session, item.meeting.workshop_id, {p.card for p, _who in rows})
    return [PickView(p.id, p.card, cards.get(p.card), p.line, p.version, p.hidden,
                     p.created_at, who) for p, who in rows]


def my_pick(session: Session, actor: Actor, item_id: int) -> PickView | None:
    return next((p for p in picks(session, actor, item_id) if p.author.mine), None)


# --- the workshop's own deck -------------------------------------------------------------------

def _clean_card_texts(title: object, alt_text: object) -> tuple[str, str]:
    return (
        clean_text(title, field="field.warmup.card_title", max_length=MAX_TITLE_LENGTH,
                   required=False, multiline=False),
        clean_text(alt_text, field="field.warmup.card_alt", max_length=MAX_ALT_LENGTH,
                   multiline=False),
    )


def upload_card(session: Session, actor: Actor, workshop_id: int, data: bytes,
                filename: str = "", *, title: str = "", alt_text: str) -> UploadedCardView:
    """Add a card to the workshop's own deck: PNG, JPEG or SVG, judged by its content."""
    require_facilitator(session, actor, workshop_id)
    assert isinstance(actor, FacilitatorActor)
    clean_title, clean_alt = _clean_card_texts(title, alt_text)
    if not isinstance(data, bytes | bytearray):
        raise InvalidInput("image.error.empty")
    if len(data) > MAX_DECK_IMAGE_BYTES:
        raise InvalidInput("error.warmup.card_too_large", max_kb=MAX_DECK_IMAGE_BYTES // 1024)
    try:
        image = validate_card_image(bytes(data), filename)
    except ImageRejected as rejected:
        raise InvalidInput(rejected.key, **rejected.params) from None
    if len(image.data) > MAX_DECK_IMAGE_BYTES:  # a rebuilt SVG can grow a little
        raise InvalidInput("error.warmup.card_too_large", max_kb=MAX_DECK_IMAGE_BYTES // 1024)
    if len(_shown_uploads(session, workshop_id)) >= MAX_DECK_CARDS:
        raise InvalidInput("error.warmup.deck_full", max=MAX_DECK_CARDS)
    highest = session.scalar(
        select(func.max(CardImage.position)).where(CardImage.workshop_id == workshop_id))
    stored = CardImage(
        workshop_id=workshop_id, position=0 if highest is None else highest + 1,
        title=clean_title, alt_text=clean_alt, mime=image.mime, data=image.data,
        byte_size=len(image.data), width=image.width, height=image.height,
        digest=hashlib.sha256(image.data).hexdigest(), created_by_id=actor.user_id,
    )
    session.add(stored)
    session.flush()
    bump_workshop(session, workshop_id)
    return _uploaded_view(stored)


def _card_for_facilitator(session: Session, actor: Actor, card_id: int) -> CardImage:
    image = session.get(CardImage, card_id)
    if image is None:
        raise NotFound()
    require_facilitator(session, actor, image.workshop_id)
    return image


def edit_card(session: Session, actor: Actor, card_id: int, expected_version: int, *,
              title: str, alt_text: str) -> int:
    image = _card_for_facilitator(session, actor, card_id)
    clean_title, clean_alt = _clean_card_texts(title, alt_text)
    if (image.title, image.alt_text) == (clean_title, clean_alt):
        return image.version
    if image.version != expected_version:
        raise StaleEdit()
    image.title, image.alt_text = clean_title, clean_alt
    flush_versioned(session)
    bump_workshop(session, image.workshop_id)
    return image.version


def remove_card(session: Session, actor: Actor, card_id: int, removed: bool = True) -> None:
    """Take a card out of the deck (kept: picks of it still show) or put it back."""
    image = _card_for_facilitator(session, actor, card_id)
    if image.hidden == removed:
        return
    if not removed and len(_shown_uploads(session, image.workshop_id)) >= MAX_DECK_CARDS:
        raise InvalidInput("error.warmup.deck_full", max=MAX_DECK_CARDS)
    image.hidden = removed
    session.flush()
    bump_workshop(session, image.workshop_id)


def workshop_deck(session: Session, actor: Actor, workshop_id: int) -> list[UploadedCardView]:
    """The workshop's uploaded cards for the facilitator, removed ones included."""
    require_facilitator(session, actor, workshop_id)
    return [_uploaded_view(i) for i in session.scalars(
        select(CardImage).where(CardImage.workshop_id == workshop_id)
        .order_by(CardImage.position, CardImage.id))]


def card_image(session: Session, actor: Actor, card_id: int) -> CardImageData:
    """The bytes of an uploaded card. Participants of the workshop get cards in the deck and
    removed cards someone still shows as their pick; nobody else gets anything."""
    image = session.get(CardImage, card_id)
    if image is None:
        raise NotFound()
    require_workshop(session, actor, image.workshop_id)
    if isinstance(actor, ParticipantActor) and image.hidden:
        shown = session.scalar(select(CardPick.id).where(
            CardPick.workshop_id == image.workshop_id,
            CardPick.card == f"{UPLOAD_PREFIX}{image.id}",
            CardPick.hidden.is_(False), CardPick.withdrawn.is_(False)).limit(1))
        if shown is None:
            raise NotFound()
    return CardImageData(image.mime, image.data, image.digest)
