"""The default deck: every card is present, safe, light, described and tellable apart."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from importlib import resources

import pytest

from workshop.content.cards import DEFAULT_DECK, MESSAGES, Card, card_svg
from workshop.content.images import SVG_MIME, validate_card_image

SVG = "{http://www.w3.org/2000/svg}"
KEYS = [card.key for card in DEFAULT_DECK]
CARD_DIR = resources.files("workshop.content") / "cards"


def _root(key: str) -> ET.Element:
    return ET.fromstring(card_svg(key))


def _shape(root: ET.Element) -> list[tuple[str, dict[str, str], str]]:
    """Elements in document order with attributes and meaningful text, for comparison."""
    return [(el.tag, dict(el.attrib), (el.text or "").strip()) for el in root.iter()]


def test_deck_is_big_enough_with_unique_keys_and_files() -> None:
    assert len(DEFAULT_DECK) >= 24
    assert len(set(KEYS)) == len(KEYS)
    assert len({card.filename for card in DEFAULT_DECK}) == len(DEFAULT_DECK)
    assert all(
        isinstance(card, Card) and re.fullmatch(r"[a-z_]+", card.key) for card in DEFAULT_DECK
    )


def test_every_svg_file_ships_and_none_is_orphaned() -> None:
    shipped = {entry.name for entry in CARD_DIR.iterdir() if entry.name.endswith(".svg")}
    assert shipped == {card.filename for card in DEFAULT_DECK}


@pytest.mark.parametrize("key", KEYS)
def test_card_svg_reads_the_packaged_file(key: str) -> None:
    card = next(c for c in DEFAULT_DECK if c.key == key)
    assert card_svg(key) == (CARD_DIR / card.filename).read_bytes()


def test_unknown_card_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        card_svg("no_such_card")


@pytest.mark.parametrize("key", KEYS)
def test_svg_is_small_scalable_and_titled(key: str) -> None:
    data = card_svg(key)
    assert len(data) <= 6 * 1024
    root = _root(key)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 240 240"
    assert "width" not in root.attrib and "height" not in root.attrib
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == MESSAGES[f"card.{key}.title"]["fi"]


@pytest.mark.parametrize("key", KEYS)
def test_svg_has_nothing_active_or_external(key: str) -> None:
    root = _root(key)
    tags = {el.tag.removeprefix(SVG) for el in root.iter()}
    assert not tags & {"script", "foreignObject", "image", "style", "a", "text", "animate", "set"}
    for el in root.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (key, name)
            if name.endswith("href"):
                assert value.startswith("#"), (key, value)
            assert "url(" not in value or re.fullmatch(r"url\(#[\w-]+\)", value), (key, value)


@pytest.mark.parametrize("key", KEYS)
def test_validator_accepts_card_without_changing_it(key: str) -> None:
    result = validate_card_image(card_svg(key), f"{key}.svg")
    assert result.mime == SVG_MIME
    assert (result.width, result.height) == (240, 240)
    assert _shape(ET.fromstring(result.data)) == _shape(_root(key))


def test_cards_have_distinct_background_colours() -> None:
    backgrounds = []
    for key in KEYS:
        first = next(el for el in _root(key) if el.tag != f"{SVG}title")
        assert first.tag == f"{SVG}rect" and first.get("width") == "240", key
        assert first.get("height") == "240", key
        backgrounds.append(first.get("fill", "").lower())
    assert len(set(backgrounds)) == len(backgrounds)


def test_every_card_has_title_and_alt_text_in_both_languages() -> None:
    expected = {f"card.{key}.{part}" for key in KEYS for part in ("title", "alt")}
    assert set(MESSAGES) == expected
    for key, texts in MESSAGES.items():
        assert set(texts) == {"fi", "en"}, key
        for lang, text in texts.items():
            assert text == text.strip() and text, (key, lang)
            if key.endswith(".title"):
                assert len(text) <= 30 and not text.endswith("."), (key, lang)
            else:
                assert text.endswith(".") and len(text.split()) >= 6, (key, lang)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_alt_texts_are_distinct_and_differ_from_titles(lang: str) -> None:
    alts = [MESSAGES[f"card.{key}.alt"][lang] for key in KEYS]
    titles = [MESSAGES[f"card.{key}.title"][lang] for key in KEYS]
    assert len(set(alts)) == len(alts)
    assert len(set(titles)) == len(titles)
    assert not set(alts) & set(titles)


def test_finnish_and_english_texts_are_not_copies() -> None:
    for key, texts in MESSAGES.items():
        if key.endswith(".alt"):
            assert texts["fi"] != texts["en"], key
