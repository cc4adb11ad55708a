"""Meeting memo and service-model description: opened again with python-docx and checked for
real headings, header rows, pictures with alternative text, page numbers and the language."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest
from builders import facilitator, join, world
from docx import Document
from docx.oxml.ns import qn
from export_fixtures import PNG_1PX, build_workshop, small_docx
from sqlalchemy import insert, update

from exports import docx_templates, memo_sections, model_sections
from exports.docx_builder import DocBuilder, add_picture_with_alt, clean
from exports.memo import attendance_by_role, build_memo
from exports.model_doc import build_model_description
from workshop import meetings, notes, workshops
from workshop.errors import InvalidInput, NotFound
from workshop.models import Note, Workshop

# The headings of an Innokylä service-model description, in the order issue 7 lists them.
INNOKYLA_FI = [
    "Toimintamallin nimi", "Toimintamallin lyhyt kuvaus", "Toteutuspaikka",
    "Ratkaisun perusidea", "Toimintaympäristö", "Lähtötilanne ja strategiset liittymäkohdat",
    "Kehitystyön lähtökohtana olevat tarpeet",
    "Kehittäjäjoukon kokoaminen ja yhteiskehittäminen", "Tavoiteltu muutos",
    "Muutoksen mittaaminen", "Kohderyhmä ja asiakasymmärrys", "Ideointi", "Idean valinta",
    "Idean testaus asiakkaalla", "Ratkaisun testaaminen", "Toimivuuden ja käyttöönoton ehdot",
    "Arvioinnin tulokset tiivistettynä", "Vinkit toimintamallin soveltajille", "Liitteet",
]


def _open(data: bytes):
    return Document(io.BytesIO(data))


def _headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _assert_accessible(document, lang_tag: str, title: str) -> None:
    assert document.core_properties.title == title
    assert document.core_properties.language == lang_tag
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == lang_tag
    assert [p.style.name for p in document.paragraphs][0] == "Title"
    for table in document.tables:  # every table has a repeating header row
        header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
        assert header is not None and header.get(qn("w:val")) == "true"
        assert all(run.bold for cell in table.rows[0].cells
                   for run in cell.paragraphs[0].runs)
    footer = document.sections[0].footer
    assert not footer.is_linked_to_previous
    instructions = [el.text.strip() for el in footer._element.iter(qn("w:instrText"))]
    assert "PAGE" in instructions
    for shape in document.inline_shapes:  # no picture without alternative text
        assert shape._inline.docPr.get("descr", "").strip()


def _picture_section(doc_builder, session, actor, item, lang) -> bool:
    doc_builder.paragraph("kuvaosio")
    doc_builder.picture(PNG_1PX, f"Kuva ohjelmakohdasta {item.title}", 4)
    return True


# --- memo --------------------------------------------------------------------------------------


def test_memo_structure_headings_tables_and_properties(session):
    built = build_workshop(session)
    data = build_memo(session, built.facilitator, built.workshop_id, 1)
    document = _open(data)
    title = "Muistio – tapaaminen 1: Alkuvalmennus"
    _assert_accessible(document, "fi-FI", title)
    assert _headings(document, 1) == ["Osallistujat", "Ohjelma", "Tuotokset",
                                      "Seuraavat askeleet"]
    assert _headings(document, 2) == ["1. Tervetuloa", "2. Ideat"]
    assert document.paragraphs[-1].text == ""  # next steps: empty, to be filled in
    assert document.paragraphs[-2].text == "Seuraavat askeleet"
    text = _text(document)
    assert "Varhainen tuki – työpaja 🙂" in text and "Palveluohjaus" in text
    assert "5.3.2026 9.00–12.00" in text
    # participants by role, counts only: nobody's name
    roles, agenda = document.tables[0], document.tables[1]
    assert [c.text for c in roles.rows[0].cells] == ["Rooli", "Määrä"]
    counts = {row.cells[0].text: row.cells[1].text for row in roles.rows[1:]}
    assert counts == {"Kehittäjäasiakas": "1", "Ammattilainen": "1",
                      "Järjestö tai seurakunta": "1", "Kokemusasiantuntija": "1",
                      "Yhteensä": "4"}
    for name in ("Aino", "Pekka", "Sari", "Kim"):
        assert name not in text
    # agenda with times
    assert [c.text for c in agenda.rows[0].cells] == ["Aika", "Ohjelmakohta", "Työtapa",
                                                      "Kesto"]
    assert [c.text for c in agenda.rows[1].cells][:2] == ["9.00–9.15", "1. Tervetuloa"]
    assert [c.text for c in agenda.rows[2].cells][0] == "9.15–9.45"
    # notes: visible ones only, hidden and withdrawn left out
    assert "Neuvonta yhdestä paikasta" in text and "Fasilitaattorin kirjaus" in text
    assert "piilotettava" not in text and "peruttu" not in text
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "=SUM(A1:A9) 😀 ”lainaus”" in bullets
    # an item without outputs says so
    paragraphs = [p.text for p in document.paragraphs]
    first_item = paragraphs.index("1. Tervetuloa")
    assert paragraphs[first_item + 2] == "Tästä ohjelmakohdasta ei ole kirjattuja tuotoksia."


def test_memo_in_english_for_an_english_workshop(session):
    built = build_workshop(session, language="en")
    document = _open(build_memo(session, built.facilitator, built.workshop_id, 1))
    _assert_accessible(document, "en-GB", "Memo – meeting 1: Alkuvalmennus")
    assert _headings(document, 1) == ["Participants", "Agenda", "Outputs", "Next steps"]
    assert "9:00 AM" in _text(document) or "09:00" in _text(document)


def test_memo_sections_plug_in_and_pictures_have_alt_text(session):
    built = build_workshop(session)
    with memo_sections.extra_section(("personas",), _picture_section):
        data = build_memo(session, built.facilitator, built.workshop_id, 2)
    document = _open(data)
    assert "kuvaosio" in _text(document)
    shapes = list(document.inline_shapes)
    assert len(shapes) == 1
    assert shapes[0]._inline.docPr.get("descr") == "Kuva ohjelmakohdasta Persoonat"
    _assert_accessible(document, "fi-FI", "Muistio – tapaaminen 2: Asiakasymmärrys")
    # the registration ended with the block
    assert memo_sections.renderer_for("personas") is not _picture_section


def test_section_registry_has_notes_and_no_conflicts():
    found = memo_sections.discover()
    assert found["notes"].__module__ == "exports.memo_sections.notes"
    for render in found.values():
        assert callable(render)
    sources = model_sections.discover()
    assert set(sources) == set(model_sections.SECTION_KEYS)


def test_activity_without_a_section_falls_back_to_notes_or_one_line(session):
    w = world(session)
    p = join(session, w)
    notes.add_note(session, p, w.item_id, "muistiinpano")
    item = meetings.get_item(session, w.facilitator, w.item_id)
    unknown = type(item)(**{**item.__dict__, "activity_type": "no_such_activity_type"})
    builder = DocBuilder("fi")
    memo_sections.render_item(builder, session, w.facilitator, unknown, "fi")
    empty_item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title="Tyhjä",
                                          activity_type="info")
    memo_sections.render_item(builder, session, w.facilitator,
                              type(item)(**{**empty_item.__dict__,
                                            "activity_type": "no_such_activity_type"}), "fi")
    texts = [p.text for p in builder.document.paragraphs]
    assert "muistiinpano" in texts
    assert texts[-1] == "Tästä ohjelmakohdasta ei ole kirjattuja tuotoksia."


def test_control_characters_are_cleaned_never_a_crash(session):
    built = build_workshop(session)
    # stored around the services (an old database, a direct import): Word cannot hold these
    session.execute(update(Workshop).where(Workshop.id == built.workshop_id)
                    .values(name="Nimi\x01\x0b\x1f\ufffe loppu", theme="\x08teema"))
    session.execute(insert(Note).values(workshop_id=built.workshop_id,
                                        meeting_id=built.meeting_ids[0],
                                        agenda_item_id=built.item_ids[1],
                                        text="ohjaus\x02merkki\x7f \x9b ok"))
    document = _open(build_memo(session, built.facilitator, built.workshop_id, 1))
    text = _text(document)
    assert "Nimi loppu" in text and "teema" in text and "ohjausmerkki  ok" in text
    assert document.core_properties.title.startswith("Muistio")
    model = _open(build_model_description(session, built.facilitator, built.workshop_id))
    assert "Nimi loppu" in _text(model)
    assert clean("a\x00b\tc\nd\u200be\ud800") == "ab\tc\nd\u200be"
    builder = DocBuilder("fi")
    builder.heading("\x00\ud800otsikko")
    builder.table(["\x01a"], [["\x02b"]])
    assert _open(builder.finish("\x03nimi")).core_properties.title == "nimi"


def test_memo_access_and_unknown_meeting(session):
    w = world(session)
    stranger = facilitator(session, "vieras")
    with pytest.raises(NotFound):
        build_memo(session, stranger, w.workshop_id, 1)
    with pytest.raises(NotFound) as caught:
        build_memo(session, w.facilitator, w.workshop_id, 7)
    assert caught.value.key == "error.meeting_number_unknown"


def test_attendance_counts_writers_and_those_present(session):
    w = world(session)
    writer = join(session, w, "Aino", "client_rep")
    join(session, w, "Pekka", "professional")  # joined while open: present
    notes.add_note(session, writer, w.item_id, "hei")
    meeting = meetings.get_meeting(session, w.facilitator, w.meeting_id)
    assert attendance_by_role(session, meeting) == {"client_rep": 1, "professional": 1}
    later = meetings.plan_meeting(session, w.facilitator, w.workshop_id)
    assert attendance_by_role(session, later) == {}


# --- organisation template ---------------------------------------------------------------------


def test_memo_uses_the_organisation_template(session):
    built = build_workshop(session)  # stores small_docx() as the workshop's template
    document = _open(build_memo(session, built.facilitator, built.workshop_id, 1))
    header = document.sections[0].header
    assert "Hyvinvointialue – yläviite" in "\n".join(p.text for p in header.paragraphs)
    assert "Organisaation pohja" not in _text(document)  # the template's own body is gone
    assert _headings(document, 1)[0] == "Osallistujat"
    # an explicit template wins over the stored one, and removing the stored one works
    other = _open(build_memo(session, built.facilitator, built.workshop_id, 1,
                             template=small_docx("toinen")))
    assert "Hyvinvointialue" in other.sections[0].header.paragraphs[0].text
    docx_templates.remove_template(session, built.facilitator, built.workshop_id)
    assert docx_templates.template_info(session, built.facilitator, built.workshop_id) is None
    plain = _open(build_memo(session, built.facilitator, built.workshop_id, 1))
    assert "Hyvinvointialue" not in "".join(p.text for p in plain.sections[0].header.paragraphs)


def _without_heading_styles() -> bytes:
    document = Document()
    styles = document.styles.element
    for style in list(styles):
        name = style.find(qn("w:name"))
        if name is not None and name.get(qn("w:val")) in {"heading 1", "heading 2", "Title"}:
            styles.remove(style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_template_without_heading_styles_gets_real_headings(session):
    w = world(session)
    document = _open(build_memo(session, w.facilitator, w.workshop_id, 1,
                                template=_without_heading_styles()))
    assert _headings(document, 1)[0] == "Osallistujat"
    style = document.styles["Heading 1"]
    outline = style.element.pPr.find(qn("w:outlineLvl"))
    assert outline is not None and outline.get(qn("w:val")) == "0"


def _zip(entries: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _as_dotx(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {i.filename: archive.read(i) for i in archive.infolist()}
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"document.main+xml", b"template.main+xml")
    return _zip(entries)


def _with(extra: dict[str, bytes]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(small_docx())) as archive:
        entries = {i.filename: archive.read(i) for i in archive.infolist()}
    return _zip({**entries, **extra})


@pytest.mark.parametrize("data,key", [
    (b"", "export.template.empty"),
    ("teksti", "export.template.empty"),
    (b"PK\x03\x04 not really a zip", "export.template.not_docx"),
    (b"%PDF-1.7", "export.template.not_docx"),
    (_zip({"a.txt": b"x"}), "export.template.not_docx"),
    (_zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<<<"}),
     "export.template.unreadable"),
    (_with({"word/vbaProject.bin": b"macro"}), "export.template.macros"),
    (_with({"../evil.txt": b"x"}), "export.template.not_docx"),
    (_with({"bomb.bin": b"\0" * (45 * 1024 * 1024)}), "export.template.zip_bomb"),
    (_with({f"f{i}.xml": b"" for i in range(1_001)}), "export.template.zip_bomb"),
    (b"PK" + bytes(6 * 1024 * 1024), "export.template.too_large"),
])
def test_bad_templates_are_refused(data, key):
    with pytest.raises(InvalidInput) as caught:
        docx_templates.validate_template(data)
    assert caught.value.key == key


def test_dotx_template_is_accepted_and_stored_as_a_document(session):
    w = world(session)
    info = docx_templates.save_template(session, w.facilitator, w.workshop_id, "pohja.dotx",
                                        _as_dotx(small_docx()))
    assert info.filename == "pohja.dotx"
    stored = docx_templates.template_bytes(session, w.facilitator, w.workshop_id)
    assert Document(io.BytesIO(stored)).paragraphs[0].text == "Organisaation pohja"
    stranger = facilitator(session, "vieras")
    for call in (docx_templates.template_info, docx_templates.template_bytes,
                 docx_templates.remove_template):
        with pytest.raises(NotFound):
            call(session, stranger, w.workshop_id)
    with pytest.raises(NotFound):
        docx_templates.save_template(session, stranger, w.workshop_id, "x.docx", small_docx())


# --- service-model description -----------------------------------------------------------------


def test_model_description_has_every_innokyla_heading_in_order(session):
    built = build_workshop(session)
    data = build_model_description(session, built.facilitator, built.workshop_id)
    document = _open(data)
    _assert_accessible(document, "fi-FI",
                       "Toimintamallin kuvaus: Varhainen tuki – työpaja 🙂")
    assert _headings(document, 1) == INNOKYLA_FI
    text = _text(document)
    assert "Täydennettävä" in text
    paragraphs = [p.text for p in document.paragraphs]

    def section(name: str) -> list[str]:
        start = paragraphs.index(name) + 1
        following = [i for i, p in enumerate(document.paragraphs)
                     if i >= start and p.style.name == "Heading 1"]
        return paragraphs[start: following[0] if following else None]

    assert section("Toimintamallin nimi") == ["Varhainen tuki – työpaja 🙂"]
    assert "Keski-Suomen hyvinvointialue" in section("Toteutuspaikka")
    assert section("Ratkaisun perusidea") == ["Täydennettävä"]
    assert section("Liitteet") == ["Täydennettävä"]
    co_development = section("Kehittäjäjoukon kokoaminen ja yhteiskehittäminen")
    assert any("4 henkilöä" in p for p in co_development)
    assert "Pidetyt tapaamiset (1)" in co_development
    shapes = list(document.inline_shapes)
    assert len(shapes) == 1
    alt = shapes[0]._inline.docPr.get("descr")
    assert alt.startswith("Pylväskaavio osallistujista rooleittain") and "Ammattilainen" in alt
    for name in ("Aino", "Pekka"):
        assert name not in text


def test_model_description_in_english_and_empty_workshop(session):
    actor = facilitator(session)
    ws = workshops.create_workshop(session, actor, "Early support", language="en")
    document = _open(build_model_description(session, actor, ws.id))
    _assert_accessible(document, "en-GB", "Service-model description: Early support")
    headings = _headings(document, 1)
    assert len(headings) == 19
    assert headings[:3] == ["Name of the operating model",
                            "Short description of the operating model",
                            "Place of implementation"]
    assert headings[-1] == "Attachments"
    assert [p.text for p in document.paragraphs].count("To be completed") == 18
    assert not list(document.inline_shapes)


def test_personas_fill_the_target_group_when_the_feature_exists(session):
    personas = pytest.importorskip("workshop.personas")
    if not hasattr(personas, "add_persona"):
        pytest.skip("personas service without add_persona")
    w = world(session)
    item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title="Persoonat",
                                    activity_type="personas")
    try:
        personas.add_persona(session, w.facilitator, item.id, name="Maija",
                             life_situation="Yksin asuva", needs="Apua arkeen",
                             value_functional="Asiat hoituvat", value_social="Ei jää yksin",
                             value_emotional="Turvallinen olo")
    except TypeError:
        pytest.skip("personas service signature differs")
    document = _open(build_model_description(session, w.facilitator, w.workshop_id))
    paragraphs = [p.text for p in document.paragraphs]
    start = paragraphs.index("Kohderyhmä ja asiakasymmärrys")
    assert paragraphs[start + 1] != "Täydennettävä"
    assert "Maija" in paragraphs
    assert "Turvallinen olo" in _text(document)


# --- helpers -------------------------------------------------------------------------------


def test_add_picture_with_alt_on_a_plain_document():
    document = Document()
    shape = add_picture_with_alt(document, PNG_1PX, "Kaavio\x00: äänet", None)
    assert shape._inline.docPr.get("descr") == "Kaavio: äänet"


# --- PDF through LibreOffice ---------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: PDF conversion not checked")
def test_memo_and_model_convert_to_pdf_with_the_text(session, tmp_path):
    built = build_workshop(session)
    files = {"memo.docx": build_memo(session, built.facilitator, built.workshop_id, 1),
             "model.docx": build_model_description(session, built.facilitator,
                                                   built.workshop_id)}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir",
                        str(tmp_path), str(tmp_path / name)], check=True, timeout=180,
                       capture_output=True)
    pdftotext = shutil.which("pdftotext")
    for name, expected in (("memo.pdf", "Seuraavat askeleet"),
                           ("model.pdf", "Kohderyhmä ja asiakasymmärrys")):
        pdf = tmp_path / name
        assert pdf.exists() and pdf.stat().st_size > 1000
        if pdftotext:
            text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True,
                                  text=True, check=True).stdout
            assert expected in text
