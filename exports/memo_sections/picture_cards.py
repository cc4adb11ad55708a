"""Picture cards: each picked card once, with its picture (alternative text = the card's
description) and the lines of everyone who picked it. Hidden and withdrawn picks are left
out and nobody is named.

Pictures are made in-process: an uploaded PNG or JPEG goes in as it is; an SVG (the default
deck, or an uploaded one) is drawn to PNG by :mod:`exports.svg_png`. When a picture cannot be
drawn (an SVG feature that renderer does not draw, an image Word cannot read), the card is
described in words with a labelled line instead of a picture.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.image.image import Image as DocxImage
from sqlalchemy.orm import Session

from exports.svg_png import SvgUnsupported, svg_to_png
from workshop import picture_cards
from workshop.access import Actor
from workshop.content.cards import card_svg
from workshop.content.images import JPEG_MIME, PNG_MIME, SVG_MIME
from workshop.meetings import AgendaItemView
from workshop.picture_cards import DeckCard, PickView

ACTIVITY_TYPES = ("picture_cards",)
PICTURE_WIDTH_CM = 5.0
PICTURE_PX = 400


@lru_cache(maxsize=64)
def default_card_png(key: str) -> bytes:
    """The default deck's card as PNG (drawn once per process)."""
    return svg_to_png(card_svg(key), PICTURE_PX)


def _picture(session: Session, actor: Actor, card: DeckCard) -> bytes | None:
    try:
        if card.default_key is not None:
            return default_card_png(card.default_key)
        if card.image_id is None:
            return None
        image = picture_cards.card_image(session, actor, card.image_id)
        if image.mime in (PNG_MIME, JPEG_MIME):
            return image.data
        if image.mime == SVG_MIME:
            return svg_to_png(image.data, PICTURE_PX)
    except SvgUnsupported:
        return None
    return None


def _word_reads(data: bytes) -> bool:
    """Whether python-docx can place the image (checked before anything is written)."""
    try:
        DocxImage.from_blob(data)
    except (UnrecognizedImageError, InvalidImageStreamError, UnexpectedEndOfFileError):
        return False
    return True


def _title(doc_builder: Any, card: DeckCard) -> str:
    if card.default_key is not None:
        return doc_builder.t(f"card.{card.default_key}.title")
    return card.title or doc_builder.t("memo.cards.untitled")


def _alt(doc_builder: Any, card: DeckCard) -> str:
    if card.default_key is not None:
        return doc_builder.t(f"card.{card.default_key}.alt")
    return card.alt or _title(doc_builder, card)


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    shown = [p for p in picture_cards.picks(session, actor, item.id)
             if not p.hidden and p.card is not None]
    if not shown:
        return False
    by_card: dict[str, list[PickView]] = {}
    for pick in shown:  # oldest first: cards in the order they were first picked
        by_card.setdefault(pick.ref, []).append(pick)
    b = doc_builder
    b.paragraph(b.t("memo.cards.picks", count=len(shown)), italic=True)
    for picks in by_card.values():
        card = picks[0].card
        assert card is not None
        b.heading(_title(b, card), 3)
        picture = _picture(session, actor, card)
        if picture is not None and _word_reads(picture):
            b.picture(picture, _alt(b, card), PICTURE_WIDTH_CM)
        else:
            b.label_value(b.t("memo.cards.description"), _alt(b, card))
        b.paragraph(b.t("memo.cards.times", count=len(picks)), italic=True)
        lines = [p.line for p in picks if p.line.strip()]
        if lines:
            b.bullets(lines)
    return True
