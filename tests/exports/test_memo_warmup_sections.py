"""Meeting-memo sections of the warm-up activities (principles, picture cards, glossary,
topics, learning café, feedback): a workshop is built through the services on SQLite and
PostgreSQL, the memo is written and opened again with python-docx."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from builders import facilitator
from docx import Document
from docx.oxml.ns import qn
from export_fixtures import _png
from PIL import Image

from exports import memo_sections
from exports.memo import build_memo
from exports.svg_png import SvgUnsupported, parse_path, svg_to_png
from workshop import (
    cafe,
    feedback,
    glossary,
    meetings,
    participants,
    picture_cards,
    principles,
    topics,
    workshops,
)
from workshop.access import ParticipantActor
from workshop.content.cards import DEFAULT_DECK, card_svg
from workshop.i18n import t
from workshop.models import Meeting

ITEMS = (("Periaatteet", "principles"), ("Kuvakortit", "picture_cards"),
         ("Käsitteet", "glossary"), ("Aiheet", "topics"), ("Oppimiskahvila", "learning_cafe"),
         ("Palaute", "feedback"))
PEOPLE = (("Aino", "client_rep"), ("Bea", "client_rep"), ("Cecilia", "expert_by_experience"),
          ("Kim", "client_rep"), ("Pekka", "professional"), ("Pirjo", "ngo_parish"),
          ("Olli", "other"))
# A picture SVG with text: the renderer does not draw text, so the card is described instead.
TEXT_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
            b'<rect width="10" height="10" fill="#2a9d8f"/><text x="1" y="5">hei</text></svg>')
SECRET = "SALAINEN"  # written into every record that must stay out of the memo


@dataclass
class Warmup:
    facilitator: object
    workshop_id: int
    uploaded_alt: str
    agreed_concept: str
    cafe_question: str


def build_warmup(session, language: str = "fi") -> Warmup:
    actor = facilitator(session, f"fasi_{language}")
    ws = workshops.create_workshop(session, actor, "Lämmittely", language=language)
    meeting = meetings.plan_meeting(session, actor, ws.id, title="Alkuvalmennus",
                                    phase="warmup")
    ids = {}
    for title, activity in ITEMS:
        ids[activity] = meetings.add_agenda_item(session, actor, meeting.id, title=title,
                                                 activity_type=activity).id
    meetings.open_meeting(session, actor, meeting.id)
    for item_id in ids.values():
        meetings.set_item_flags(session, actor, item_id, contributions_open=True)
    stored = session.get(Meeting, meeting.id)
    people = {name: ParticipantActor(participants.join(session, stored, display_name=name,
                                                       role=role).participant.id)
              for name, role in PEOPLE}
    aino, bea, cecilia, kim, pekka, pirjo, olli = people.values()

    # principles: two agreed (one of the method's), one open with reactions, one removed,
    # one withdrawn
    item = ids["principles"]
    principles.start(session, actor, item)
    seeded = principles.list_for_item(session, actor, item)
    principles.set_agreed(session, actor, seeded[1].id, seeded[1].version)
    plain_id, _ = principles.propose(session, aino, item, "Puhutaan selkokieltä")
    principles.set_agreed(session, actor, plain_id, 1)
    open_id, _ = principles.propose(session, bea, item, "Kaikki saavat puheenvuoron")
    for who, kind in ((aino, "agree"), (cecilia, "agree"), (pekka, "discuss")):
        principles.react(session, who, item, open_id, kind)
    removed_id, _ = principles.propose(session, pekka, item, f"Poistettu {SECRET}")
    principles.remove(session, actor, removed_id)
    withdrawn_id, _ = principles.propose(session, pirjo, item, f"Peruttu {SECRET}")
    principles.withdraw(session, pirjo, withdrawn_id, 1)

    # picture cards: two picks of the bridge, a hidden and a withdrawn pick, then the
    # workshop's own deck: a PNG and an SVG the renderer cannot draw
    item = ids["picture_cards"]
    picture_cards.pick(session, aino, item, "default:bridge", "Yhteys toisiin")
    picture_cards.pick(session, bea, item, "default:bridge", "Silta yli joen")
    hidden_pick, _ = picture_cards.pick(session, cecilia, item, "default:kite", SECRET)
    picture_cards.hide_pick(session, actor, hidden_pick)
    withdrawn_pick, version = picture_cards.pick(session, pekka, item, "default:compass",
                                                 SECRET)
    picture_cards.withdraw_pick(session, pekka, withdrawn_pick, version)
    own = picture_cards.upload_card(session, actor, ws.id, _png(40, 30), title="Oma kortti",
                                    alt_text="Vihreä suorakulmio omasta pakasta")
    texted = picture_cards.upload_card(session, actor, ws.id, TEXT_SVG, title="Tekstikortti",
                                       alt_text="Kortti, jossa lukee hei")
    picture_cards.set_deck(session, actor, item, "workshop")
    picture_cards.pick(session, pirjo, item, f"upload:{own.id}", "Oma valinta")
    picture_cards.pick(session, olli, item, f"upload:{texted.id}", "")

    # glossary: an agreed definition, an open concept with proposals, a removed concept
    item = ids["glossary"]
    glossary.start(session, actor, item)
    first = glossary.list_for_item(session, actor, item)[0]
    glossary.record_definition(session, actor, first.id, first.version,
                               "Yhdessä sovittu määritelmä", item_id=item)
    open_concept = glossary.add_concept(session, actor, ws.id, "Ohjauspolku",
                                        "Ohjausta oikeaan palveluun")
    glossary.propose(session, aino, item, open_concept, "wording", "Apua löytämiseen")
    hidden_proposal, _ = glossary.propose(session, bea, item, open_concept, "wording", SECRET)
    glossary.hide_proposal(session, actor, hidden_proposal)
    glossary.propose(session, pekka, item, open_concept, "comment", "Hyvä alku")
    gone, _ = glossary.propose(session, pirjo, item, open_concept, "comment", SECRET)
    glossary.withdraw_proposal(session, pirjo, gone, 1)
    removed_concept = glossary.add_concept(session, actor, ws.id, f"Käsite {SECRET}")
    glossary.hide_concept(session, actor, removed_concept)

    # topics: ranked 4, 2, 1, 1 (a tie, older first); a hidden topic had the most dots
    item = ids["topics"]
    tid = {}
    for who, text in ((aino, "Yhteystiedot"), (bea, "Ajanvaraus"), (pekka, "Odotusajat"),
                      (pirjo, "Digipalvelut"), (olli, f"Aihe {SECRET}")):
        tid[text], _ = topics.submit(session, who, item, text)
    for who, text, dots in ((aino, "Odotusajat", 2), (bea, "Odotusajat", 2),
                            (cecilia, "Digipalvelut", 2), (kim, "Yhteystiedot", 1),
                            (pekka, "Ajanvaraus", 1), (pirjo, f"Aihe {SECRET}", 2),
                            (olli, f"Aihe {SECRET}", 2), (kim, f"Aihe {SECRET}", 2)):
        topics.set_dots(session, who, item, tid[text], dots)
    topics.hide_topic(session, actor, tid[f"Aihe {SECRET}"])

    # learning café: notes over two rounds at the first station, its host's summary
    item = ids["learning_cafe"]
    view = cafe.set_up_cafe(session, actor, item)
    station = view.stations[0]
    cafe.update_station(session, actor, station.id, station.version,
                        question=station.question, host_id=aino.participant_id)
    cafe.add_cafe_note(session, actor, item, station.id, 0, "Ensimmäisen kierroksen ajatus")
    hidden_note, _ = cafe.add_cafe_note(session, actor, item, station.id, 0, SECRET)
    cafe.hide_cafe_note(session, actor, hidden_note)
    cafe.next_round(session, actor, item, 0)
    cafe.add_cafe_note(session, aino, item, station.id, 1, "Toisen kierroksen ajatus")
    gone, _ = cafe.add_cafe_note(session, aino, item, station.id, 1, SECRET)
    cafe.withdraw_cafe_note(session, aino, gone, 1)
    cafe.write_summary(session, aino, station.id, 0, "Tarvitaan yksi yhteyshenkilö")

    # feedback: four clients (one response hidden), two workers, one other
    item = ids["feedback"]
    questions = feedback.list_questions(session, actor, ws.id)
    scale = next(q for q in questions if q.kind == "scale")
    written = next(q for q in questions if q.kind == "text")
    for who, score, text in ((aino, 5, "Hyvä tunnelma"), (bea, 4, None), (cecilia, 4, "Lisää"
                             " taukoja"), (kim, 1, f"Piilotettu {SECRET}"),
                             (pekka, 1, f"Työntekijä {SECRET}"), (pirjo, 1, None),
                             (olli, 2, f"Muu {SECRET}")):
        answers = {scale.id: score}
        if text:
            answers[written.id] = text
        result = feedback.submit_feedback(session, who, item, answers)
        if who is kim:
            feedback.hide_response(session, actor, result.response_id)
    meetings.close_meeting(session, actor, meeting.id)
    return Warmup(actor, ws.id, "Vihreä suorakulmio omasta pakasta", first.term,
                  station.question)


# --- reading the memo back --------------------------------------------------------------------

DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


@dataclass
class Block:
    kind: str  # "p" or "table"
    style: str = ""
    text: str = ""
    alt: str | None = None  # a picture's alternative text (docPr/@descr)
    blob: bytes | None = None  # the picture's bytes
    rows: list[list[str]] | None = None
    header_repeats: bool = False


def _blocks(document) -> list[Block]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)
            found = element.find(f".//{DOC_PR}")
            blob = None
            if found is not None:
                blip = element.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}"
                                    "blip")
                rel = blip.get(qn("r:embed"))
                blob = document.part.related_parts[rel].blob
            out.append(Block("p", paragraph.style.name, paragraph.text,
                             found.get("descr") if found is not None else None, blob))
        elif element.tag == qn("w:tbl"):
            table = Table(element, document)
            header = table.rows[0]._tr.trPr
            repeats = (header is not None and header.find(qn("w:tblHeader")) is not None
                       and all(run.bold for cell in table.rows[0].cells
                               for run in cell.paragraphs[0].runs))
            out.append(Block("table", rows=[[c.text for c in row.cells] for row in table.rows],
                             header_repeats=repeats))
    return out


def _items(blocks: list[Block]) -> dict[str, list[Block]]:
    """The blocks under each agenda item's heading (level 2), up to the next heading 1/2."""
    items: dict[str, list[Block]] = {}
    current: list[Block] | None = None
    for block in blocks:
        if block.style in ("Heading 1", "Heading 2"):
            current = None
        if block.style == "Heading 2":
            current = items.setdefault(block.text.split(". ", 1)[1], [])
            continue
        if current is not None:
            current.append(block)
    return items


def _texts(blocks: list[Block]) -> list[str]:
    out = []
    for block in blocks:
        out += [block.text] if block.kind == "p" else [c for row in block.rows for c in row]
    return out


def _memo(session, language: str) -> tuple[Warmup, list[Block], dict[str, list[Block]]]:
    built = build_warmup(session, language)
    document = Document(io.BytesIO(build_memo(session, built.facilitator, built.workshop_id,
                                              1)))
    blocks = _blocks(document)
    return built, blocks, _items(blocks)


def _headings(blocks: list[Block], level: int) -> list[str]:
    return [b.text for b in blocks if b.style == f"Heading {level}"]


def _tables(blocks: list[Block]) -> list[list[list[str]]]:
    return [b.rows for b in blocks if b.kind == "table"]


def _pixel(png: bytes, x: int, y: int) -> tuple[int, int, int]:
    return Image.open(io.BytesIO(png)).convert("RGB").getpixel((x, y))


def _close(colour: tuple[int, int, int], hex_colour: str, tolerance: int = 6) -> bool:
    wanted = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    return all(abs(a - b) <= tolerance for a, b in zip(colour, wanted, strict=True))


# --- the memo ---------------------------------------------------------------------------------


def test_warmup_sections_in_a_finnish_memo(session):
    built, blocks, items = _memo(session, "fi")
    everything = "\n".join(_texts(blocks))
    assert SECRET not in everything  # hidden and withdrawn records left out, every section
    for name, _role in PEOPLE:  # and nobody is named
        assert name not in everything
    assert list(items) == [title for title, _ in ITEMS]
    # inside an item, headings are level 3; every table has a repeating bold header row and
    # every picture has alternative text
    assert all(b.style != "Heading 4" for b in blocks)
    assert all(b.header_repeats for b in blocks if b.kind == "table")
    assert all((b.alt or "").strip() for b in blocks if b.blob is not None)

    # principles: the agreed list in order, then the open one with its reactions
    section = items["Periaatteet"]
    assert _headings(section, 3) == ["Sovitut periaatteet", "Vielä sopimatta"]
    texts = _texts(section)
    agreed = texts[texts.index("Sovitut periaatteet") + 1:texts.index("Vielä sopimatta")]
    assert len(agreed) == 2 and agreed[0].startswith("1. ")
    assert agreed[1] == "2. Puhutaan selkokieltä"
    assert "Kaikki saavat puheenvuoron (samaa mieltä 2, halutaan keskustella 1)" in texts

    # picture cards: the bridge once with both lines; the uploaded PNG as it was; the SVG the
    # renderer cannot draw described in words; the hidden and withdrawn picks' cards absent
    section = items["Kuvakortit"]
    assert _headings(section, 3) == ["Silta", "Oma kortti", "Tekstikortti"]
    pictures = [b for b in section if b.blob is not None]
    assert [p.alt for p in pictures] == [t("card.bridge.alt", "fi"), built.uploaded_alt]
    assert _close(_pixel(pictures[0].blob, 3, 3), "#cde8f6")  # the bridge card's sky
    assert pictures[1].blob == _png(40, 30)
    texts = _texts(section)
    assert texts.index("Yhteys toisiin") < texts.index("Silta yli joen") < texts.index(
        "Oma kortti")
    assert "Kuvan kuvaus: Kortti, jossa lukee hei" in texts
    assert "Valintoja yhteensä: 4" in texts
    assert "Leija" not in texts and "Kompassi" not in texts

    # glossary: header row, the agreed definition, counts where none is agreed yet
    (table,) = _tables(items["Käsitteet"])
    assert table[0] == ["Käsite", "Määritelmä", "Tilanne"]
    rows = {row[0]: row for row in table[1:]}
    assert rows[built.agreed_concept][1:] == ["Yhdessä sovittu määritelmä", "Sovittu"]
    assert rows["Ohjauspolku"][1:] == [
        "Lähtömääritelmä: Ohjausta oikeaan palveluun",
        "Ei vielä sovittu. Sanamuotoehdotuksia 1, kommentteja 1."]
    assert f"Käsite {SECRET}" not in rows

    # topics: ranked by dots, a tie shares its rank (older topic first), hidden topic gone
    (table,) = _tables(items["Aiheet"])
    assert table == [["Sija", "Aihe", "Pisteet"], ["1.", "Odotusajat", "4"],
                     ["2.", "Digipalvelut", "2"], ["3.", "Yhteystiedot", "1"],
                     ["3.", "Ajanvaraus", "1"]]

    # learning café: question, the host's summary, then the notes round by round
    section = items["Oppimiskahvila"]
    assert _headings(section, 3)[:2] == ["Pöytä 1", "Pöytä 2"]
    texts = _texts(section)
    first = texts[texts.index("Pöytä 1"):texts.index("Pöytä 2")]
    assert first == ["Pöytä 1", f"Kysymys: {built.cafe_question}", "Pöydän vetäjän yhteenveto",
                     "Tarvitaan yksi yhteyshenkilö", "Kierros 1",
                     "Ensimmäisen kierroksen ajatus", "Kierros 2", "Toisen kierroksen ajatus"]
    second = texts[texts.index("Pöytä 2"):texts.index("Pöytä 3")]
    assert second[2:] == ["Yhteenvetoa ei kirjoitettu.", "Pöydältä ei ole muistiinpanoja."]

    # feedback: clients on their own (the hidden response not counted), workers and others
    # under three respondents: nothing but that fact
    section = items["Palaute"]
    assert _headings(section, 3) == ["Asiakkaat", "Työntekijät", "Muut"]
    texts = _texts(section)
    clients = section[[b.text for b in section].index("Asiakkaat"):
                      [b.text for b in section].index("Työntekijät")]
    assert "3 vastaajaa" in _texts(clients)
    (table,) = _tables(clients)
    assert table[0] == ["Kysymys", "Keskiarvo", "Vastauksia", "Jakauma 1–5"]
    assert table[1][1:] == ["4,3", "3", "0 / 0 / 0 / 2 / 1"]  # 5, 4, 4: not Kim's hidden 1
    assert "Hyvä tunnelma" in _texts(clients) and "Lisää taukoja" in _texts(clients)
    suppressed = t("feedback.suppressed_long", "fi")
    for group, following in (("Työntekijät", "Muut"), ("Muut", None)):
        start = texts.index(group)
        end = texts.index(following) if following else len(texts)
        assert texts[start + 1:end] == [suppressed]
    # roles never mixed: no figure anywhere counts workers' or others' answers
    assert all(row[2] in ("3", "–") for row in table[1:])


def test_warmup_sections_in_an_english_memo(session):
    built, blocks, items = _memo(session, "en")
    assert SECRET not in "\n".join(_texts(blocks))
    assert _headings(items["Periaatteet"], 3) == ["Agreed principles", "Not agreed yet"]
    assert "Kaikki saavat puheenvuoron (agree 2, want to discuss 1)" in _texts(
        items["Periaatteet"])
    section = items["Kuvakortit"]
    assert _headings(section, 3) == ["Bridge", "Oma kortti", "Tekstikortti"]
    assert [b.alt for b in section if b.blob is not None] == [
        t("card.bridge.alt", "en"), built.uploaded_alt]
    assert "Picture description: Kortti, jossa lukee hei" in _texts(section)
    (table,) = _tables(items["Käsitteet"])
    assert table[0] == ["Concept", "Definition", "Status"]
    assert dict((row[0], row[2]) for row in table[1:])["Ohjauspolku"] == (
        "Not agreed yet. Suggested wordings: 1, comments: 1.")
    (table,) = _tables(items["Aiheet"])
    assert table[0] == ["Rank", "Topic", "Dots"]
    assert [row[1] for row in table[1:]] == ["Odotusajat", "Digipalvelut", "Yhteystiedot",
                                             "Ajanvaraus"]
    texts = _texts(items["Oppimiskahvila"])
    assert texts[1:4] == ["Station 1", f"Question: {built.cafe_question}", "The host's summary"]
    assert "Round 2" in texts
    section = items["Palaute"]
    assert _headings(section, 3) == ["Clients", "Workers", "Others"]
    (table,) = _tables(section)
    assert table[0] == ["Question", "Average", "Answers", "Spread 1–5"]
    assert table[1][1] == "4.3"
    assert _texts(section).count(t("feedback.suppressed_long", "en")) == 2


def test_warmup_activity_types_have_their_own_sections():
    found = memo_sections.discover()
    for _title, activity in ITEMS:
        assert found[activity].__module__ == f"exports.memo_sections.{activity}"


# --- SVG to PNG --------------------------------------------------------------------------------


def test_every_default_card_is_drawn_as_a_picture():
    for card in DEFAULT_DECK:
        png = svg_to_png(card_svg(card.key), 120)
        image = Image.open(io.BytesIO(png)).convert("RGB")
        assert image.size == (120, 120)
        assert len(image.getcolors(maxcolors=1 << 16) or ()) > 20, card.key  # not blank
    bridge = svg_to_png(card_svg("bridge"), 240)  # viewBox 240: one pixel per unit
    assert _close(_pixel(bridge, 2, 2), "#cde8f6")  # sky
    assert _close(_pixel(bridge, 188, 52), "#ffd166")  # the sun's centre
    assert _close(_pixel(bridge, 120, 230), "#2f7fb8")  # the river
    key = svg_to_png(card_svg("key"), 240)  # the key's ring is filled by the even-odd rule
    # (the ring, centred at 62,120 and turned with the key, is centred at about 68,157)
    assert _close(_pixel(key, 68, 157), "#2a9d8f")  # the hole shows the background
    assert _close(_pixel(key, 95, 157), "#ffd166")  # the ring itself
    assert _close(_pixel(key, 68, 130), "#ffd166")


def test_svg_renderer_refuses_what_it_cannot_draw():
    with pytest.raises(SvgUnsupported):
        svg_to_png(TEXT_SVG)
    gradient = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><defs>'
                b'<linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient>'
                b'</defs><rect width="4" height="4" fill="url(#g)"/></svg>')
    with pytest.raises(SvgUnsupported):
        svg_to_png(gradient)
    with pytest.raises(SvgUnsupported):
        svg_to_png(b"not an svg")
    # shapes multiplied through nested <use>: 10**6 circles are refused, not drawn
    levels = ['<g id="l0"><circle r="1"/></g>'] + [
        f'<g id="l{n}">' + f'<use href="#l{n - 1}"/>' * 10 + "</g>" for n in range(1, 7)]
    bomb = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><defs>'
            + "".join(levels) + '</defs><use href="#l6"/></svg>').encode()
    with pytest.raises(SvgUnsupported):
        svg_to_png(bomb)


def test_path_data_with_compact_arc_flags_and_relative_commands():
    vertices, codes = parse_path("M10 10a5 5 0 1110 0h-2v3z")
    assert vertices[0] == (10, 10)
    assert vertices[-1] == (10, 10)  # closed back to the start
    end_of_arc = vertices[codes.index(2) - 1] if 2 in codes else None  # first LINETO's start
    assert end_of_arc is not None and abs(end_of_arc[0] - 20) < 1e-9
    assert abs(end_of_arc[1] - 10) < 1e-9
