"""Picture cards: one pick per participant per item with versions, decks, and uploads."""

from __future__ import annotations

import struct
import threading
import zlib

import pytest
from builders import join, world
from sqlalchemy import func, select

from workshop import db, meetings, picture_cards
from workshop.content.cards import DEFAULT_DECK
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.model_warmup import CardImage, CardPick

SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
       b'<rect width="10" height="10" fill="#2a9d8f"/></svg>')


def make_png(width: int = 3, height: int = 2) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    rows = b"".join(b"\x00" + b"\x10\x80\xf0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                                0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def cards_item(session, w, *, open_=True):
    item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title="Kuvakortit",
                                    activity_type="picture_cards")
    if open_:
        meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    return item.id


BRIDGE = "default:bridge"
KITE = "default:kite"


def test_default_deck_is_the_apps_cards(session):
    w = world(session)
    item = cards_item(session, w)
    p = join(session, w)
    deck = picture_cards.deck_for_item(session, p, item)
    assert deck.choice == "default" and not deck.fell_back
    assert [c.default_key for c in deck.cards] == [c.key for c in DEFAULT_DECK]
    assert all(c.mime == "image/svg+xml" for c in deck.cards)


def test_pick_change_and_stale_versions(session):
    w = world(session)
    item = cards_item(session, w)
    p = join(session, w)
    pick_id, version = picture_cards.pick(session, p, item, BRIDGE, "Yhdistää ihmisiä",
                                          client_key="first-pick-key")
    assert version == 1
    # a resubmitted first pick returns the same record
    assert picture_cards.pick(session, p, item, BRIDGE, "Yhdistää ihmisiä",
                              client_key="first-pick-key") == (pick_id, 1)
    # a second tab that never saw the pick cannot silently overwrite it
    with pytest.raises(StaleEdit):
        picture_cards.pick(session, p, item, KITE, "toinen välilehti")
    pick_id2, version = picture_cards.pick(session, p, item, KITE, "Vapaa olo",
                                           expected_version=1)
    assert (pick_id2, version) == (pick_id, 2)
    with pytest.raises(StaleEdit):
        picture_cards.pick(session, p, item, BRIDGE, "vanhasta", expected_version=1)
    # the same content again is not an edit
    assert picture_cards.pick(session, p, item, KITE, "Vapaa olo", expected_version=1) == (
        pick_id, 2)
    [shown] = picture_cards.picks(session, p, item)
    assert (shown.ref, shown.line, shown.card.default_key) == (KITE, "Vapaa olo", "kite")
    assert session.scalar(select(func.count()).select_from(CardPick)) == 1
    # withdraw, then pick again: the same row comes back, still one per person
    picture_cards.withdraw_pick(session, p, pick_id, version)
    assert picture_cards.my_pick(session, p, item) is None
    again, _ = picture_cards.pick(session, p, item, BRIDGE, "")
    assert again == pick_id
    assert session.scalar(select(func.count()).select_from(CardPick)) == 1


def test_concurrent_first_picks_from_two_tabs_store_one(engine):
    with db.transaction(engine) as s:
        w = world(s)
        item = cards_item(s, w)
        p = join(s, w)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def pick(card, key):
        barrier.wait()
        try:
            with db.transaction(engine) as s:
                picture_cards.pick(s, p, item, card, "", client_key=key)
            outcomes.append("ok")
        except StaleEdit:
            outcomes.append("stale")

    threads = [threading.Thread(target=pick, args=a) for a in
               [(BRIDGE, "tab-one-key-1"), (KITE, "tab-two-key-2")]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "stale"]
    with db.transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(CardPick)) == 1


HOSTILE = ["<script>alert('x')</script>", "😀🌱 emoji 👩🏽‍⚕️", "עברית ومرحبا RTL \u202e",
           "![x](http://example.com/x.png)", "x" * picture_cards.MAX_LINE_LENGTH, ""]


@pytest.mark.parametrize("line", HOSTILE)
def test_hostile_lines_are_stored_exactly(session, line):
    w = world(session)
    item = cards_item(session, w)
    p = join(session, w)
    picture_cards.pick(session, p, item, BRIDGE, line)
    assert picture_cards.picks(session, w.facilitator, item)[0].line == line


@pytest.mark.parametrize("line,key", [
    ("x" * 50_000, "error.text.too_long"), ("a\x00b", "error.text.control_characters"),
    ("a\x1b[2Jb", "error.text.control_characters"), ("kaksi\nriviä", "error.text.one_line"),
])
def test_bad_lines_are_refused_with_a_key(session, line, key):
    w = world(session)
    item = cards_item(session, w)
    p = join(session, w)
    with pytest.raises(InvalidInput) as caught:
        picture_cards.pick(session, p, item, BRIDGE, line)
    assert caught.value.key == key and caught.value.params["field"] == "field.warmup.card_line"
    assert picture_cards.picks(session, p, item) == []


@pytest.mark.parametrize("card", ["default:nope", "bridge", "upload:1", "upload:²", "", None, 5])
def test_unknown_cards_are_refused(session, card):
    w = world(session)
    item = cards_item(session, w)
    p = join(session, w)
    with pytest.raises(InvalidInput) as caught:
        picture_cards.pick(session, p, item, card, "")
    assert caught.value.key == "error.warmup.card_unknown"


def test_access_closed_item_and_names(session):
    x = world(session, "fasi_x")
    y = world(session, "fasi_y")
    x_item, y_item = cards_item(session, x), cards_item(session, y)
    px = join(session, x, "Xavier")
    py = join(session, y, "Ylva", "client_rep")
    reader = join(session, y, "Lukija", "professional")
    y_pick, _ = picture_cards.pick(session, py, y_item, BRIDGE, "oma rivi")
    with pytest.raises(NotFound):
        picture_cards.picks(session, px, y_item)
    with pytest.raises(NotFound):
        picture_cards.pick(session, px, y_item, BRIDGE, "")
    with pytest.raises(NotFound):
        picture_cards.hide_pick(session, x.facilitator, y_pick)
    with pytest.raises(NotFound):
        picture_cards.set_deck(session, x.facilitator, y_item, "workshop")
    [seen] = picture_cards.picks(session, reader, y_item)
    assert seen.author.role == "client_rep" and seen.author.name is None
    meetings.set_item_flags(session, y.facilitator, y_item, show_names=True)
    assert picture_cards.picks(session, reader, y_item)[0].author.name == "Ylva"
    meetings.set_item_flags(session, y.facilitator, y_item, contributions_open=False)
    with pytest.raises(InvalidInput) as caught:
        picture_cards.pick(session, py, y_item, KITE, "", expected_version=1)
    assert caught.value.key == "error.contributions_closed"
    picture_cards.hide_pick(session, y.facilitator, y_pick)
    assert picture_cards.picks(session, reader, y_item) == []
    assert picture_cards.picks(session, y.facilitator, y_item)[0].hidden
    assert picture_cards.picks(session, px, x_item) == []


# --- the workshop's own deck ---------------------------------------------------------------------

def test_upload_png_and_svg_and_use_them(session):
    w = world(session)
    item = cards_item(session, w)
    p = join(session, w)
    png = picture_cards.upload_card(session, w.facilitator, w.workshop_id, make_png(4, 3),
                                    "kuva.png", title="Laituri",
                                    alt_text="Puinen laituri järvellä aamu-usvassa.")
    svg = picture_cards.upload_card(session, w.facilitator, w.workshop_id, SVG, "ruutu.svg",
                                    alt_text="Vihreä neliö.")
    assert (png.mime, png.width, png.height) == ("image/png", 4, 3)
    assert svg.mime == "image/svg+xml" and svg.title == ""
    deck = picture_cards.deck_for_item(session, p, item)
    assert deck.choice == "default"  # the item still uses the default deck
    with pytest.raises(InvalidInput):
        picture_cards.pick(session, p, item, f"upload:{png.id}", "")
    picture_cards.set_deck(session, w.facilitator, item, "workshop")
    deck = picture_cards.deck_for_item(session, p, item)
    assert [c.ref for c in deck.cards] == [f"upload:{png.id}", f"upload:{svg.id}"]
    assert deck.cards[0].alt == "Puinen laituri järvellä aamu-usvassa."
    with pytest.raises(InvalidInput):
        picture_cards.pick(session, p, item, BRIDGE, "")  # not in this item's deck
    picture_cards.pick(session, p, item, f"upload:{png.id}", "Rauhallinen")
    image = picture_cards.card_image(session, p, png.id)
    assert image.data == make_png(4, 3) and image.mime == "image/png"
    # removing a card keeps picks of it visible with their picture
    picture_cards.remove_card(session, w.facilitator, png.id)
    assert [c.ref for c in picture_cards.deck_for_item(session, p, item).cards] == [
        f"upload:{svg.id}"]
    assert picture_cards.picks(session, p, item)[0].card.alt.startswith("Puinen")
    assert picture_cards.card_image(session, p, png.id).data == make_png(4, 3)
    picture_cards.remove_card(session, w.facilitator, svg.id)
    fallback = picture_cards.deck_for_item(session, p, item)
    assert fallback.fell_back and fallback.cards[0].ref == BRIDGE


def test_uploaded_card_texts_and_versions(session):
    w = world(session)
    card = picture_cards.upload_card(session, w.facilitator, w.workshop_id, SVG,
                                     alt_text="Neliö.")
    version = picture_cards.edit_card(session, w.facilitator, card.id, card.version,
                                      title="Ruutu <b>", alt_text="Vihreä neliö 🌿.")
    with pytest.raises(StaleEdit):
        picture_cards.edit_card(session, w.facilitator, card.id, card.version, title="",
                                alt_text="vanhasta")
    [stored] = picture_cards.workshop_deck(session, w.facilitator, w.workshop_id)
    assert (stored.title, stored.alt, stored.version) == ("Ruutu <b>", "Vihreä neliö 🌿.",
                                                          version)
    with pytest.raises(InvalidInput) as caught:
        picture_cards.edit_card(session, w.facilitator, card.id, version, title="",
                                alt_text="  ")
    assert caught.value.key == "error.text.required"
    assert caught.value.params["field"] == "field.warmup.card_alt"


SCRIPT_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)'
              b'</script><rect width="5" height="5" onclick="alert(3)"/>'
              b'<image href="http://evil.example/x.png"/></svg>')


def test_script_svg_is_rebuilt_without_scripts(session):
    w = world(session)
    card = picture_cards.upload_card(session, w.facilitator, w.workshop_id, SCRIPT_SVG,
                                     "hyökkäys.svg", alt_text="Neliö.")
    stored = session.get(CardImage, card.id).data
    assert b"<rect" in stored
    for bad in (b"script", b"onload", b"onclick", b"alert", b"evil.example"):
        assert bad not in stored


@pytest.mark.parametrize("data,name,key", [
    (b"", "tyhja.png", "image.error.empty"),
    (b"GIF89a" + b"\x00" * 20, "kuva.png", "image.error.unknown_type"),
    (b"%PDF-1.7 not an image", "kuva.svg", "image.error.unknown_type"),
    (make_png()[:-8], "katkennut.png", "image.error.corrupt"),
    (b'<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
     "entity.svg", "image.error.unsafe_svg"),
    (b'<html><script>alert(1)</script></html>', "sivu.svg", "image.error.unknown_type"),
    (make_png(7000, 10), "leveä.png", "image.error.bad_dimensions"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * (picture_cards.MAX_DECK_IMAGE_BYTES + 1), "iso.png",
     "error.warmup.card_too_large"),
])
def test_bad_uploads_are_refused_with_a_key(session, data, name, key):
    w = world(session)
    with pytest.raises(InvalidInput) as caught:
        picture_cards.upload_card(session, w.facilitator, w.workshop_id, data, name,
                                  alt_text="Kuvaus.")
    assert caught.value.key == key
    assert session.scalar(select(func.count()).select_from(CardImage)) == 0


def test_a_png_renamed_svg_is_judged_by_its_content(session):
    w = world(session)
    card = picture_cards.upload_card(session, w.facilitator, w.workshop_id, make_png(),
                                     "oikeasti-png.svg", alt_text="Sininen suorakulmio.")
    assert card.mime == "image/png"


def test_uploads_need_alt_text_and_a_facilitator(session):
    w = world(session)
    other = world(session, "toinen")
    p = join(session, w)
    with pytest.raises(InvalidInput) as caught:
        picture_cards.upload_card(session, w.facilitator, w.workshop_id, SVG, alt_text="")
    assert caught.value.params["field"] == "field.warmup.card_alt"
    for actor in (p, other.facilitator):
        with pytest.raises(NotFound):
            picture_cards.upload_card(session, actor, w.workshop_id, SVG, alt_text="Kuva.")
    card = picture_cards.upload_card(session, w.facilitator, w.workshop_id, SVG,
                                     alt_text="Kuva.")
    with pytest.raises(NotFound):
        picture_cards.card_image(session, other.facilitator, card.id)
    with pytest.raises(NotFound):
        picture_cards.card_image(session, join(session, other, "Vieras"), card.id)
    picture_cards.remove_card(session, w.facilitator, card.id)
    with pytest.raises(NotFound):  # removed and nobody's pick: participants no longer get it
        picture_cards.card_image(session, p, card.id)


def test_deck_size_is_limited(session, monkeypatch):
    monkeypatch.setattr(picture_cards, "MAX_DECK_CARDS", 2)
    w = world(session)
    for _ in range(2):
        picture_cards.upload_card(session, w.facilitator, w.workshop_id, SVG, alt_text="K.")
    with pytest.raises(InvalidInput) as caught:
        picture_cards.upload_card(session, w.facilitator, w.workshop_id, SVG, alt_text="K.")
    assert caught.value.key == "error.warmup.deck_full" and caught.value.params == {"max": 2}


def test_deck_choice_is_validated(session):
    w = world(session)
    item = cards_item(session, w)
    with pytest.raises(InvalidInput) as caught:
        picture_cards.set_deck(session, w.facilitator, item, "other")
    assert caught.value.key == "error.choice"
