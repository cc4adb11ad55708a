"""Warm-up activities in the live pages (AppTest): picking a card, voting topics, ground rules,
the glossary, the facilitator's console and projector, and the library page."""

from __future__ import annotations

import struct
import zlib

from apptest_helpers import make_app, texts
from sqlalchemy import select

from workshop import accounts, db, meetings, participants, principles, topics, workshops
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.model_warmup import (
    CardImage,
    CardPick,
    ConceptProposal,
    Principle,
    PrincipleReaction,
    Topic,
    TopicVote,
)
from workshop.models import Meeting


def _live_meeting(engine, *activities: str):
    """A facilitator, a workshop with an open meeting whose items are ``activities`` (the first
    one current, all open for contributions) and one participant."""
    with db.transaction(engine) as s:
        user_id = accounts.create_user(s, "fasi", "a long password", "Fasi").id
        me = FacilitatorActor(user_id)
        w = workshops.create_workshop(s, me, "Teemaryhmä")
        m = meetings.plan_meeting(s, me, w.id, title="Alkuvalmennus")
        items = [meetings.add_agenda_item(s, me, m.id, title=f"Kohta {a}", activity_type=a).id
                 for a in activities]
        meetings.open_meeting(s, me, m.id)
        for item_id in items:
            meetings.set_item_flags(s, me, item_id, contributions_open=True)
        joined = participants.join(s, s.get(Meeting, m.id), display_name="Pia",
                                   role="client_rep")
    return user_id, w.id, m.id, items, ParticipantActor(joined.participant.id)


def _participant_app(who: ParticipantActor):
    app = make_app(participant_id=who.participant_id).run()
    app.switch_page("pages/participate.py").run()
    assert not app.exception, app.exception
    return app


def _image_alts(app) -> list[str]:
    return [img.alt for element in app.image for img in element.proto.imgs]


def _button_labels(app) -> list[str]:
    return [b.label for b in app.button]


# --- picture cards -----------------------------------------------------------------------------

def test_participant_picks_a_card_and_writes_a_line(app_db):
    _user, _w, _m, [item], who = _live_meeting(app_db, "picture_cards")
    app = _participant_app(who)
    alts = _image_alts(app)
    assert len(alts) == 12 and all(alt.strip() for alt in alts)  # every card has alt text
    assert "Valitse: Silta" in _button_labels(app)
    app.button(key=f"choose_{item}_default:bridge").click().run()
    assert not app.exception, app.exception
    assert "Valitsemasi kortti: **Silta**" in texts(app)
    app.text_input(key=f"card_line_{item}").input("Haluan rakentaa yhteyksiä <b>")
    app.button(key=f"FormSubmitter:card_pick_{item}-Tallenna valinta").click().run()
    assert not app.exception, app.exception
    assert "Korttisi on tallennettu. Kiitos!" in texts(app)
    with db.transaction(app_db) as s:
        [pick] = s.scalars(select(CardPick)).all()
        assert (pick.card, pick.line, pick.author_id) == (
            "default:bridge", "Haluan rakentaa yhteyksiä <b>", who.participant_id)
    assert r"Haluan rakentaa yhteyksiä \<b\>" in texts(app)  # shown as text, not markup
    # changing the pick: another card, same line kept in the box, saved as a new version
    app.button(key=f"cards_next_{item}").click().run()
    app.button(key=f"choose_{item}_default:kite").click().run()
    assert app.text_input(key=f"card_line_{item}").value == "Haluan rakentaa yhteyksiä <b>"
    app.button(key=f"FormSubmitter:card_pick_{item}-Tallenna muutos").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        [pick] = s.scalars(select(CardPick)).all()
        assert (pick.card, pick.version) == ("default:kite", 2)


def test_bad_card_line_shows_finnish_message_and_keeps_the_text(app_db):
    _user, _w, _m, [item], who = _live_meeting(app_db, "picture_cards")
    app = _participant_app(who)
    app.button(key=f"choose_{item}_default:compass").click().run()
    typed = "suunta\x1b[31m hukassa"
    app.text_input(key=f"card_line_{item}").input(typed)
    app.button(key=f"FormSubmitter:card_pick_{item}-Tallenna valinta").click().run()
    assert not app.exception, app.exception
    assert ("Miksi valitsit tämän kortin?: tekstissä on näkymättömiä ohjausmerkkejä."
            in texts(app))
    assert app.text_input(key=f"card_line_{item}").value == typed
    with db.transaction(app_db) as s:
        assert s.scalars(select(CardPick)).all() == []


def test_console_and_projector_show_picks_roles_only_on_the_projector(app_db):
    user_id, _w, _m, [item], who = _live_meeting(app_db, "picture_cards")
    app = _participant_app(who)
    app.button(key=f"choose_{item}_default:lighthouse").click().run()
    app.text_input(key=f"card_line_{item}").input("Valo pimeässä")
    app.button(key=f"FormSubmitter:card_pick_{item}-Tallenna valinta").click().run()
    console = make_app(user_id=user_id).run()
    console.switch_page("pages/console.py").run()
    assert not console.exception, console.exception
    shown = texts(console)
    assert "Valo pimeässä" in shown and "Pia · Kehittäjäasiakas" in shown
    assert any("Punavalkoinen majakka" in alt for alt in _image_alts(console))
    console.switch_page("pages/projector.py").run()
    assert not console.exception, console.exception
    shown = texts(console)
    assert "Valo pimeässä" in shown and "Kehittäjäasiakas" in shown
    assert "Pia" not in shown  # names are off unless the activity shows them


# --- topics and dot voting ---------------------------------------------------------------------

def test_participant_adds_a_topic_and_votes(app_db):
    _user, _w, _m, [item], who = _live_meeting(app_db, "topics")
    with db.transaction(app_db) as s:
        other = participants.join(s, s.get(Meeting, _m), display_name="Olli",
                                  role="professional")
        first, _ = topics.submit(s, ParticipantActor(other.participant.id), item, "Kuljetukset")
    app = _participant_app(who)
    app.text_input(key=f"new_topic_{item}_0").input("Illat ja viikonloput")
    app.button(key=f"FormSubmitter:topic_form_{item}-Lisää aihe").click().run()
    assert not app.exception, app.exception
    assert "Tallennettu. Kiitos!" in texts(app)
    assert "Sinulla on **3/3** pistettä jäljellä." in texts(app)
    app.button(key=f"dot_add_{first}").click().run()
    app.button(key=f"dot_add_{first}").click().run()
    assert not app.exception, app.exception
    assert "Sinulla on **1/3** pistettä jäljellä." in texts(app)
    assert app.button(key=f"dot_add_{first}").disabled  # at most two on one topic
    assert "Anna piste aiheelle 1" in _button_labels(app)
    app.button(key=f"dot_remove_{first}").click().run()
    with db.transaction(app_db) as s:
        votes = s.scalars(select(TopicVote)).all()
        assert [(v.topic_id, v.dots) for v in votes] == [(first, 1)]
        assert sorted(s.scalars(select(Topic.text))) == ["Illat ja viikonloput", "Kuljetukset"]


def test_empty_or_bad_topic_gets_a_finnish_message_and_keeps_what_was_typed(app_db):
    _user, _w, _m, [item], who = _live_meeting(app_db, "topics")
    app = _participant_app(who)
    app.button(key=f"FormSubmitter:topic_form_{item}-Lisää aihe").click().run()
    assert "Aihe: kenttä on tyhjä." in texts(app)
    typed = "Tauot\x07 ja jaksaminen"
    app.text_input(key=f"new_topic_{item}_0").input(typed)
    app.button(key=f"FormSubmitter:topic_form_{item}-Lisää aihe").click().run()
    assert "Aihe: tekstissä on näkymättömiä ohjausmerkkejä." in texts(app)
    assert app.text_input(key=f"new_topic_{item}_0").value == typed
    with db.transaction(app_db) as s:
        assert s.scalars(select(Topic)).all() == []


def test_console_shows_ranking_and_merges(app_db):
    user_id, _w, m, [item], who = _live_meeting(app_db, "topics")
    with db.transaction(app_db) as s:
        a, _ = topics.submit(s, who, item, "Asuminen")
        b, _ = topics.submit(s, who, item, "Asunnot")
        topics.set_dots(s, who, item, a, 2)
        topics.set_dots(s, who, item, b, 1)
    console = make_app(user_id=user_id).run()
    console.switch_page("pages/console.py").run()
    assert not console.exception, console.exception
    shown = texts(console)
    assert "**1.** Asuminen" in shown and "●● 2 p. · asiakkaat 2" in shown
    assert "Aiheita 2 · pisteitä annettu 3" in shown
    console.selectbox(key=f"tc{item}_merge_dup").set_value(b)
    console.selectbox(key=f"tc{item}_merge_keep").set_value(a)
    console.button(key=f"FormSubmitter:tc{item}_merge-Yhdistä").click().run()
    assert not console.exception, console.exception
    assert "Aiheet yhdistettiin. Pisteitä siirtyi 0, ja 1 palautui osallistujille." in texts(
        console)
    with db.transaction(app_db) as s:
        assert s.get(Topic, b).merged_into_id == a


# --- ground rules and glossary -----------------------------------------------------------------

def test_participant_sees_seeded_rules_reacts_and_proposes(app_db):
    user_id, _w, _m, [item], who = _live_meeting(app_db, "principles")
    app = _participant_app(who)
    shown = texts(app)
    assert r"Kuuntelemme toisiamme ja annamme jokaisen puhua loppuun\." in shown
    app.button(key=f"react_{item}_{_first_principle(app_db)}_agree").click().run()
    assert not app.exception, app.exception
    assert "✓ Samaa mieltä kohdasta 1 (valittu)" in _button_labels(app)
    app.text_area(key=f"new_principle_{item}_0").input("Puhelimet äänettömälle.")
    app.button(key=f"FormSubmitter:principle_form_{item}-Lähetä ehdotus").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        assert s.scalar(select(PrincipleReaction.kind)) == "agree"
        assert s.scalar(select(Principle.text).where(Principle.author_id.is_not(None))) == (
            "Puhelimet äänettömälle.")
    console = make_app(user_id=user_id).run()
    console.switch_page("pages/console.py").run()
    assert not console.exception, console.exception
    assert "samaa mieltä 1 · haluaa keskustella 0" in texts(console)
    proposal = _principle_id(app_db, "Puhelimet äänettömälle.")
    console.button(key=f"pc{item}_agree_{proposal}_1").click().run()
    # The move buttons' keys end with the position (a replayed press cannot move it twice).
    up = next(b for b in console.button if b.key.startswith(f"pc{item}_up_{proposal}_"))
    up.click().run()
    assert not console.exception, console.exception
    with db.transaction(app_db) as s:
        assert principles.agreed_principles(s, FacilitatorActor(user_id), _w) == [
            "Puhelimet äänettömälle."]
    console.switch_page("pages/projector.py").run()
    assert r"**1.** ✓ Puhelimet äänettömälle\." in texts(console)


def _first_principle(engine) -> int:
    with db.transaction(engine) as s:
        return s.scalar(select(Principle.id).order_by(Principle.position, Principle.id))


def _principle_id(engine, text: str) -> int:
    with db.transaction(engine) as s:
        return s.scalar(select(Principle.id).where(Principle.text == text))


def test_participant_proposes_a_wording_for_a_concept(app_db):
    user_id, _w, _m, [item], who = _live_meeting(app_db, "glossary")
    app = _participant_app(who)
    assert "Palvelupolku" in texts(app)
    app.radio(key=f"glossary_kind_{item}").set_value("wording")
    app.text_area(key=f"glossary_text_{item}_0").input("Reitti avun luo.")
    app.button(key=f"FormSubmitter:glossary_form_{item}-Lähetä").click().run()
    assert not app.exception, app.exception
    with db.transaction(app_db) as s:
        [proposal] = s.scalars(select(ConceptProposal)).all()
        assert (proposal.kind, proposal.text) == ("wording", "Reitti avun luo.")
    console = make_app(user_id=user_id).run()
    console.switch_page("pages/console.py").run()
    assert not console.exception, console.exception
    assert r"Reitti avun luo\." in texts(console)


# --- library page ------------------------------------------------------------------------------

def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" + b"\x80" * 6 + b"\x00" + b"\x80" * 6))
            + chunk(b"IEND", b""))


def test_library_page_uploads_a_card_and_refuses_a_script(app_db):
    user_id, _w, _m, _items, _who = _live_meeting(app_db, "notes")
    app = make_app(user_id=user_id).run()
    app.switch_page("pages/warmup_library.py").run()
    assert not app.exception, app.exception
    assert "Periaatteet, käsitteet ja kortit" in texts(app)
    assert r"Jokainen on täällä asiantuntija\." in texts(app)  # seeded on first use
    app.file_uploader(key="card_file_0").set_value(("kuva.svg", _png(), "image/svg+xml"))
    app.text_input(key="card_alt_0").input("Kaksi oranssia ruutua.")
    app.button(key="FormSubmitter:card_upload_0-Lisää kortti pakkaan").click().run()
    assert not app.exception, app.exception
    assert "Kortti lisättiin pakkaan." in texts(app)
    assert "Kaksi oranssia ruutua." in _image_alts(app)
    app.file_uploader(key="card_file_1").set_value(
        ("huono.png", b"<html><script>alert(1)</script></html>", "image/png"))
    app.text_input(key="card_alt_1").input("Ei kuva.")
    app.button(key="FormSubmitter:card_upload_1-Lisää kortti pakkaan").click().run()
    assert "Tiedosto ei ole tuettu kuva. Käytä PNG-, JPEG- tai SVG-kuvaa." in texts(app)
    assert app.text_input(key="card_alt_1").value == "Ei kuva."
    with db.transaction(app_db) as s:
        assert [c.mime for c in s.scalars(select(CardImage))] == ["image/png"]


def test_library_page_in_english(app_db):
    user_id, _w, _m, _items, _who = _live_meeting(app_db, "notes")
    app = make_app(user_id=user_id).run()
    app.session_state["lang"] = "en"  # after the first run: AppTest formats options in Finnish
    app.switch_page("pages/warmup_library.py").run()
    assert not app.exception, app.exception
    assert "Ground rules, concepts and cards" in texts(app)
