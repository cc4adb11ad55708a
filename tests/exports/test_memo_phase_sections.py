"""Memo sections of phases 2–5 (personas, service paths, causal maps, prioritising, waste,
Tuplatiimi, solutions, model canvas): each memo is built, opened again with python-docx and
read back — headings, tables with their header rows and values, pictures with alternative
text, what is left out (hidden, withdrawn, names) and the language. Both databases."""

from __future__ import annotations

import io

import pytest
from builders import World, join, world
from docx import Document
from docx.oxml.ns import qn
from sqlalchemy import select

from exports import memo_sections
from exports.memo import build_memo
from workshop import (
    canvas,
    causal_maps,
    meetings,
    paths,
    personas,
    prioritising,
    solutions,
    tuplatiimi,
    waste,
    workshops,
)
from workshop.analysis.causal import weight_from
from workshop.demo import DEMO_WORKSHOP, seed_demo
from workshop.demo_prioritising import seed_tuplatiimi_round
from workshop.model_prioritising import TtIdea
from workshop.models import AgendaItem, Meeting, Workshop
from workshop.paths import StepInput

PHASE_SECTIONS = ("personas", "service_path", "causal_map", "prioritising", "waste_workshop",
                  "tuplatiimi", "solution_steps", "model_canvas")
STEP_HEADER_FI = ["Nro", "Mitä tapahtuu", "Toimija tai organisaatio", "Kanava",
                  "Mikä oli merkityksellistä?", "Mikä oli vaikeaa?", "Kokemus (−2…+2)",
                  "Kriittinen kohta"]


# --- reading a memo back -------------------------------------------------------------------------


def _open(data: bytes):
    return Document(io.BytesIO(data))


def _headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def _paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def _text(document) -> str:
    parts = _paragraphs(document)
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _table_with(document, first_header: list[str]):
    """The first table whose header row starts with ``first_header``; it must be a real,
    repeating header row (bold, ``w:tblHeader``)."""
    for table in document.tables:
        header = [cell.text for cell in table.rows[0].cells]
        if header[: len(first_header)] == first_header:
            tr_pr = table.rows[0]._tr.trPr
            assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
            assert all(run.bold for cell in table.rows[0].cells
                       for run in cell.paragraphs[0].runs)
            return table
    raise AssertionError(f"no table with header {first_header}: "
                         f"{[_rows(t)[0] for t in document.tables]}")


def _pictures(document) -> list[str]:
    """Alternative text (docPr/@descr) of every picture, in order."""
    return [shape._inline.docPr.get("descr", "") for shape in document.inline_shapes]


def _png_sizes(document) -> list[int]:
    return [len(part.blob) for part in document.part.package.parts
            if part.content_type == "image/png"]


def _section(paragraphs: list[str], heading: str, stop: str) -> list[str]:
    start = paragraphs.index(heading)
    end = next(i for i in range(start + 1, len(paragraphs)) if paragraphs[i].startswith(stop))
    return paragraphs[start:end]


def _item(session, w: World, title: str, activity: str, meeting_id: int | None = None) -> int:
    item = meetings.add_agenda_item(session, w.facilitator, meeting_id or w.meeting_id,
                                    title=title, activity_type=activity, duration_minutes=20)
    if meeting_id is None:
        meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    return item.id


def _memo(session, w: World, number: int = 1):
    return _open(build_memo(session, w.facilitator, w.workshop_id, number))


def _english(session, w: World) -> None:
    workshop = session.get(Workshop, w.workshop_id)
    workshop.language = "en"
    session.flush()


# --- the registry --------------------------------------------------------------------------------


def test_every_phase_activity_has_its_own_section():
    found = memo_sections.discover()
    for activity in PHASE_SECTIONS:
        assert found[activity].__module__ == f"exports.memo_sections.{activity}"
    assert set(PHASE_SECTIONS) <= set(meetings.ACTIVITY_TYPES)


# --- service paths -------------------------------------------------------------------------------


def _paths_world(session, username: str = "fasi"):
    w = world(session, username)
    item_id = _item(session, w, "Polut pienryhmissä", "service_path")
    other_item = _item(session, w, "Toinen polkuryhmä", "service_path")
    aino = join(session, w, "Aino Asiakas", "client_rep")
    path = paths.create_path(session, aino, w.workshop_id, "Työttömyydestä tukeen",
                             item_id=item_id)
    paths.add_step(session, aino, path.id, StepInput(
        "Hakee etuutta verkossa", "Kela", "digital", difficult="Lomake on sekava",
        experience=-1), item_id=item_id)
    paths.add_step(session, aino, path.id, StepInput(
        "Soittaa palveluohjaukseen", "Palveluohjaus", "phone",
        meaningful="Joku soitti takaisin", experience=2, critical=True,
        critical_note="Jono katkeaa"), item_id=item_id)
    hidden = paths.add_step(session, aino, path.id, StepInput("Piilotettu vaihe", "X", "other"),
                            item_id=item_id)
    paths.set_step_hidden(session, w.facilitator, hidden.id, True)
    withdrawn = paths.add_step(session, aino, path.id, StepInput("Peruttu vaihe"),
                               item_id=item_id)
    paths.delete_step(session, aino, withdrawn.id, withdrawn.version, item_id=item_id)
    # written in the other item: belongs to that item's outputs, not to this one
    other = paths.create_path(session, aino, w.workshop_id, "Toisen ryhmän polku",
                              item_id=other_item)
    paths.add_step(session, aino, other.id, StepInput("Toisen ryhmän vaihe", "Järjestö"),
                   item_id=other_item)
    return w, item_id


def test_service_path_step_table_and_journey_picture(session):
    w, _item_id = _paths_world(session)
    document = _memo(session, w)
    assert "2. Polut pienryhmissä" in _headings(document, 2)
    assert "Työttömyydestä tukeen (nykytila)" in _headings(document, 3)
    table = _table_with(document, STEP_HEADER_FI)
    rows = _rows(table)
    assert rows[0] == STEP_HEADER_FI
    assert rows[1] == ["1", "Hakee etuutta verkossa", "Kela", "Digitaalinen", "",
                       "Lomake on sekava", "−1", ""]
    assert rows[2] == ["2", "Soittaa palveluohjaukseen", "Palveluohjaus", "Puhelin",
                       "Joku soitti takaisin", "", "+2", "⚠ Kriittinen kohta: Jono katkeaa"]
    assert len(rows) == 3  # hidden and withdrawn steps left out
    text = _text(document)
    assert "Piilotettu vaihe" not in text and "Peruttu vaihe" not in text
    assert "Aino" not in text  # no participant names
    # each item shows the paths written in it
    paragraphs = _paragraphs(document)
    first = _section(paragraphs, "2. Polut pienryhmissä", "3. ")
    second = _section(paragraphs, "3. Toinen polkuryhmä", "Seuraavat askeleet")
    assert "Työttömyydestä tukeen (nykytila)" in first
    assert "Toisen ryhmän polku (nykytila)" not in first
    assert "Toisen ryhmän polku (nykytila)" in second
    # the journey chart: a real PNG per path, with alternative text naming the path
    alts = _pictures(document)
    assert len(alts) == 2
    assert alts[0].startswith("Asiakaspolun kaavio.")
    assert "Työttömyydestä tukeen (nykytila): vaiheita 2, kriittisiä kohtia 1." in alts[0]
    assert all(size > 10_000 for size in _png_sizes(document))


def test_paths_of_the_workshop_stand_in_when_the_item_wrote_none(session):
    w = world(session)
    _item(session, w, "Polut", "service_path")
    path = paths.create_path(session, w.facilitator, w.workshop_id, "Fasilitaattorin polku")
    paths.add_step(session, w.facilitator, path.id, StepInput("Ensimmäinen vaihe", "Kela"))
    hidden = paths.create_path(session, w.facilitator, w.workshop_id, "Piilotettu polku")
    paths.set_path_hidden(session, w.facilitator, hidden.id, True)
    document = _memo(session, w)
    paragraphs = _paragraphs(document)
    assert ("Tässä kohdassa ei kirjattu polkuja; alla ovat teemaryhmän polut nykyisellään."
            in paragraphs)
    assert "Fasilitaattorin polku (nykytila)" in _headings(document, 3)
    assert "Piilotettu polku" not in _text(document)
    assert len(_pictures(document)) == 1


# --- causal maps ---------------------------------------------------------------------------------


def _map_world(session, username: str = "fasi"):
    w = world(session, username)
    item_id = _item(session, w, "Kausaalikartta", "causal_map")
    cmap = causal_maps.create_map(session, w.facilitator, w.workshop_id, "Odottamisen kierre",
                                  description="Syyt ja seuraukset")
    ids = {label: causal_maps.add_factor(session, w.facilitator, cmap.id, label, kind).id
           for label, kind in (("Jonot", "problem"), ("Viivästys", "effect"),
                               ("Takaisinsoitto", "solution"), ("Piilotekijä", "cause"))}
    # one balancing loop: Jonot → Viivästys → Takaisinsoitto → Jonot (one negative link)
    causal_maps.add_link(session, w.facilitator, cmap.id, ids["Jonot"], ids["Viivästys"],
                         weight_from(1, "strong"))
    causal_maps.add_link(session, w.facilitator, cmap.id, ids["Viivästys"],
                         ids["Takaisinsoitto"], weight_from(1, "medium"), delay=True)
    causal_maps.add_link(session, w.facilitator, cmap.id, ids["Takaisinsoitto"], ids["Jonot"],
                         weight_from(-1, "strong"))
    causal_maps.add_link(session, w.facilitator, cmap.id, ids["Piilotekijä"], ids["Jonot"],
                         weight_from(1, "weak"))
    causal_maps.set_factor_hidden(session, w.facilitator, ids["Piilotekijä"], True)
    causal_maps.relayout(session, w.facilitator, cmap.id)
    causal_maps.attach_to_item(session, w.facilitator, cmap.id, item_id)
    # a newer map that is hidden: never shown, even though it is the newest
    newer = causal_maps.create_map(session, w.facilitator, w.workshop_id, "Salainen kartta")
    causal_maps.add_factor(session, w.facilitator, newer.id, "Jotain", "cause")
    from workshop.model_maps import CausalMapRecord

    session.get(CausalMapRecord, newer.id).hidden = True
    session.flush()
    return w, item_id


def test_causal_map_picture_links_loops_and_leverage(session):
    w, _item_id = _map_world(session)
    document = _memo(session, w)
    headings = _headings(document, 3)
    assert headings[:3] == ["Odottamisen kierre", "Takaisinkytkennät (1)",
                            "Vipuvarret: mihin kannattaa tarttua"]
    alts = _pictures(document)
    assert len(alts) == 1
    assert alts[0].startswith("Kausaalikartta Odottamisen kierre: 3 tekijää ja 3 yhteyttä.")
    assert all(size > 10_000 for size in _png_sizes(document))
    links = _rows(_table_with(document, ["Mistä (syy)", "Mihin (seuraus)"]))
    assert links[1:] == [["Jonot", "Viivästys", "+", "vahva", ""],
                         ["Viivästys", "Takaisinsoitto", "+ ‖", "keskivahva", "kyllä"],
                         ["Takaisinsoitto", "Jonot", "−", "vahva", ""]]
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    loop = [b for b in bullets if b.startswith("B – tasapainottava: ")]
    assert len(loop) == 1
    members = loop[0].removeprefix("B – tasapainottava: ").split(" → ")
    assert members[0] == members[-1] and len(members) == 4
    start = members.index("Jonot")
    assert members[start:start + 2] == ["Jonot", "Viivästys"]  # members in link order
    assert not any(b.startswith("R – ") for b in bullets)
    paragraphs = _paragraphs(document)
    leverage = paragraphs.index("Vipuvarret: mihin kannattaa tarttua")
    assert paragraphs[leverage + 1].startswith("1. ")
    text = _text(document)
    assert "Piilotekijä" not in text and "Salainen kartta" not in text


# --- personas ------------------------------------------------------------------------------------


def _personas_world(session, username: str = "fasi"):
    w = world(session, username)
    writing = _item(session, w, "Persoonien kirjoittaminen", "personas")
    _item(session, w, "Asiakasarvo", "personas")
    join(session, w, "Aino Asiakas", "client_rep")
    sari, _ = personas.add_persona(
        session, w.facilitator, writing, name="Sari", age_group="45_54",
        life_situation="Jäi työttömäksi", needs="Yksi tuttu työntekijä",
        value_functional="Laskut maksettu ajallaan", value_social="Kuuluu porukkaan",
        value_emotional="Huoli helpottaa")
    personas.mark_agreed(session, w.facilitator, sari, 1)
    hidden, _ = personas.add_persona(session, w.facilitator, writing, name="Piilo-persoona")
    personas.hide_persona(session, w.facilitator, hidden)
    return w, writing, sari


def test_personas_with_value_triad_and_agreed_version(session):
    w, _writing, _sari = _personas_world(session)
    document = _memo(session, w)
    assert _headings(document, 3) == ["Sari"]  # hidden persona left out, shown once
    paragraphs = _paragraphs(document)
    sari = paragraphs.index("Sari")
    assert paragraphs[sari + 1] == ("Fasilitaattorin kirjaama · Versio 1 · ✓ sovittu versio 1 "
                                    "(tämä teksti)")
    assert "Ikäryhmä: 45–54 v." in paragraphs
    assert "Elämäntilanne: Jäi työttömäksi" in paragraphs
    assert "Tarpeet: Yksi tuttu työntekijä" in paragraphs
    assert "Asiakkaan kokema arvo kolmessa osassa" in paragraphs
    triad = _rows(_table_with(document, ["Arvon osa"]))
    assert triad == [["Arvon osa", "Mitä se tälle persoonalle tarkoittaa"],
                     ["Toiminnallinen hyöty", "Laskut maksettu ajallaan"],
                     ["Sosiaalinen hyöty", "Kuuluu porukkaan"],
                     ["Tunteisiin liittyvä hyöty", "Huoli helpottaa"]]
    # the second persona item of the meeting points back instead of repeating
    assert ("Tämän tapaamisen 1 persoonaa on kuvattu kokonaan ohjelmakohdassa 2."
            in paragraphs)
    text = _text(document)
    assert "Piilo-persoona" not in text and "Aino" not in text


def test_persona_comment_round_in_a_later_meeting(session):
    w, _writing, sari = _personas_world(session)
    personas.edit_persona(session, w.facilitator, sari, 1, needs="Tuttu työntekijä")
    meetings.close_meeting(session, w.facilitator, w.meeting_id)
    second = meetings.plan_meeting(session, w.facilitator, w.workshop_id, title="Polut")
    round_item = _item(session, w, "Kommentit persoonista", "personas", second.id)
    meetings.open_meeting(session, w.facilitator, second.id)
    meetings.set_item_flags(session, w.facilitator, round_item, contributions_open=True)
    leena = join(session, World(w.facilitator, w.workshop_id, second.id, round_item),
                 "Leena", "expert_by_experience")
    personas.add_comment(session, leena, round_item, sari, "Tuttu tilanne")
    hidden, _ = personas.add_comment(session, leena, round_item, sari, "Moderoitu")
    personas.hide_comment(session, w.facilitator, hidden)
    personas.react(session, leena, round_item, sari, "agree")
    document = _memo(session, w, 2)
    paragraphs = _paragraphs(document)
    assert "Aiempien tapaamisten persoonat, joita tässä kommentoitiin (1)" in paragraphs
    sari_at = paragraphs.index("Sari")
    assert paragraphs[sari_at + 1] == ("Fasilitaattorin kirjaama · Versio 2 · ✓ sovittu versio "
                                       "on 1; alla oleva teksti on myöhempi versio 2")
    assert "Reaktiot tässä kohdassa: 👍 1, ❓ 0" in paragraphs
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Tuttu tilanne"]
    assert len(document.tables) == 3  # participants, agenda and the value triad
    assert "Leena" not in _text(document)


# --- prioritising and the waste workshop ---------------------------------------------------------


def test_prioritising_results_by_group_and_decisions(session):
    w = world(session)
    item_id = _item(session, w, "Kehittämiskohteet", "prioritising")
    a = prioritising.add_candidate(session, w.facilitator, w.workshop_id, "Yksi yhteyshenkilö",
                                   kind="solution")
    b = prioritising.add_candidate(session, w.facilitator, w.workshop_id, "Jonot puhelimessa")
    aside = prioritising.add_candidate(session, w.facilitator, w.workshop_id, "Sivuun pantu")
    prioritising.set_aside(session, w.facilitator, aside.id)
    prioritising.configure(session, w.facilitator, item_id, method="dots", dots_per_person=3,
                           max_per_target=2)
    clients = [join(session, w, f"Asiakas {n}", "client_rep") for n in range(3)]
    worker = join(session, w, "Työntekijä", "professional")
    for person in clients:
        prioritising.set_dots(session, person, item_id, a.id, 2)
        prioritising.set_dots(session, person, item_id, b.id, 1)
    prioritising.set_dots(session, worker, item_id, b.id, 2)
    solutions.from_candidate(session, w.facilitator, a.id)
    document = _memo(session, w)
    paragraphs = _paragraphs(document)
    assert "Valintatapa: Pisteäänestys" in paragraphs
    assert ("Asiakkaat: 3 vastaajaa; Työntekijät: alle 3 vastaajaa, ei näytetä.; Muut: alle 3 "
            "vastaajaa, ei näytetä." in paragraphs)
    rows = _rows(_table_with(document, ["Nro", "Vaihtoehto"]))
    assert rows == [["Nro", "Vaihtoehto", "Laji", "Asiakkaat: pisteet"],
                    ["1", "Yksi yhteyshenkilö", "Ratkaisu", "6"],
                    ["2", "Jonot puhelimessa", "Ongelma", "3"]]
    assert "Kärki, Asiakkaat: 1. Yksi yhteyshenkilö, 2. Jonot puhelimessa" in paragraphs
    assert "Mitä valinnasta seurasi" in paragraphs
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert any(line.startswith("Yksi yhteyshenkilö → ratkaisu Yksi yhteyshenkilö (askel: ")
               for line in bullets)
    text = _text(document)
    assert "Sivuun pantu" not in text and "Asiakas 1" not in text


def test_waste_items_with_dots_and_the_chosen_one(session):
    w = world(session)
    item_id = _item(session, w, "Hukkatyöpaja", "waste_workshop")
    people = [join(session, w, f"Osallistuja {n}", role)
              for n, role in enumerate(("client_rep", "expert_by_experience", "client_rep"))]
    odotus, _ = waste.add_waste(session, people[0], item_id, "waiting", "Jonotus puhelimessa",
                                where_in_path="Vaihe 2")
    oma, _ = waste.add_waste(session, people[1], item_id, "free", "Sama tieto monesti",
                             free_category="Toisto")
    piilo, _ = waste.add_waste(session, people[2], item_id, "defects", "Piilotettava hukka")
    waste.hide_waste(session, w.facilitator, piilo)
    waste.set_stage(session, w.facilitator, item_id, "voting")
    for person in people:
        waste.set_dots(session, person, item_id, oma, 1)
        waste.set_dots(session, person, item_id, odotus, 2)
    waste.pick(session, w.facilitator, odotus)
    document = _memo(session, w)
    paragraphs = _paragraphs(document)
    assert "Löydettyjä hukkia 2" in paragraphs
    rows = _rows(_table_with(document, ["Nro", "Hukan laji"]))
    assert rows[0] == ["Nro", "Hukan laji", "Mitä tapahtuu", "Kohta polulla",
                       "Asiakkaat: pisteet", "Valinta"]
    assert rows[1][2:] == ["Jonotus puhelimessa", "Vaihe 2", "6", "✓ valittu"]
    assert rows[2][1:] == ["Toisto", "Sama tieto monesti", "–", "3", ""]
    chosen = paragraphs.index("Työstettäväksi valittu hukka")
    assert paragraphs[chosen + 1].startswith("Jonotus puhelimessa (")
    assert "Piilotettava hukka" not in _text(document)


# --- Tuplatiimi and solutions --------------------------------------------------------------------


def test_tuplatiimi_question_picks_marks_and_action_plans(session):
    w = world(session)
    item_id = _item(session, w, "Tuplatiimi", "tuplatiimi")
    people = [join(session, w, f"Henkilö {n}", role) for n, role in
              enumerate(("client_rep", "professional", "expert_by_experience", "ngo_parish"))]
    seed_tuplatiimi_round(session, w.facilitator, w.workshop_id, w.meeting_id, item_id, people)
    view = tuplatiimi.round_view(session, w.facilitator, item_id)
    pick = next(i for i in view.ideas if i.picked and i.pair_id and i.merged_into_id is None)
    tuplatiimi.hide_idea(session, w.facilitator, pick.id)
    hidden_text = pick.text
    others = session.scalars(select(TtIdea.text).where(TtIdea.agenda_item_id == item_id,
                                                       TtIdea.id != pick.id)).all()
    document = _memo(session, w)
    paragraphs = _paragraphs(document)
    assert any(p.startswith("Kysymys: Millä keinoin asiakas") for p in paragraphs)
    assert "Vaihe: Valmis" in paragraphs
    assert _headings(document, 3) == ["Parien valitsemat ideat ja niiden saamat merkit",
                                      "Teemat ja toimintasuunnitelmat"]
    picks = _rows(_table_with(document, ["Pari", "Idea", "Merkit"]))
    assert {row[0] for row in picks[1:]} <= {"Pari 1", "Pari 2"}
    assert all(row[2].isdigit() for row in picks[1:])
    if hidden_text not in others:
        assert hidden_text not in [row[1] for row in picks]
    plans = _rows(_table_with(document, ["Teema", "Mitä tehdään", "Kuka tekee",
                                         "Mihin mennessä"]))
    assert plans[1][0] == "Yksi nimetty yhteyshenkilö"
    assert plans[1][2] == "Sosiaaliohjauksen tiimi"
    assert plans[1][3] != "–"  # a date
    assert "Teeman Yksi nimetty yhteyshenkilö ideat" in paragraphs
    assert "Henkilö" not in _text(document)


def test_solutions_in_focus_with_status_owner_notes_and_comments(session):
    w = world(session)
    item_id = _item(session, w, "Ratkaisun kehittäminen", "solution_steps")
    focused = solutions.create_solution(session, w.facilitator, w.workshop_id, "Takaisinsoitto",
                                        owner="Palveluohjauksen tiimi")
    solutions.write_step_note(session, w.facilitator, focused.id, "ideation", 0,
                              "Kymmenen ideaa, kolme jatkoon")
    solutions.update_solution(session, w.facilitator, focused.id, focused.version,
                              title="Takaisinsoitto", description="", owner=focused.owner,
                              status="active", step="choosing")
    solutions.create_solution(session, w.facilitator, w.workshop_id, "Muu ratkaisu")
    solutions.focus(session, w.facilitator, item_id, focused.id)
    aino = join(session, w, "Aino", "client_rep")
    solutions.add_comment(session, aino, item_id, "Soitto samana päivänä")
    hidden, _ = solutions.add_comment(session, aino, item_id, "Moderoitu kommentti")
    solutions.hide_comment(session, w.facilitator, hidden)
    document = _memo(session, w)
    paragraphs = _paragraphs(document)
    assert _headings(document, 3) == ["Takaisinsoitto"]  # the one worked on, not the board
    assert "Käsittelyssä oleva ratkaisu: Takaisinsoitto" in paragraphs
    assert "Tila: Työn alla" in paragraphs
    assert "Vastuussa: Palveluohjauksen tiimi" in paragraphs
    steps = _rows(_table_with(document, ["Askel", "Muistiinpanot"]))
    assert steps[1] == ["1. Ideointi", "Kymmenen ideaa, kolme jatkoon"]
    assert steps[2] == ["2. Idean valinta (nyt)", "–"]
    assert len(steps) == 5
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Idean valinta: Soitto samana päivänä"]
    text = _text(document)
    assert "Muu ratkaisu" not in text and "Moderoitu" not in text and "Aino" not in text


# --- model canvas --------------------------------------------------------------------------------


def test_canvas_version_published_at_the_meeting_or_the_draft(session):
    w = world(session)
    _item(session, w, "Mallin luonnos", "model_canvas")
    published = canvas.create_model(session, w.facilitator, w.workshop_id, "Palveluohjaus")
    canvas.add_element(session, w.facilitator, published.id, "goal", title="Yksi yhteyshenkilö")
    canvas.add_element(session, w.facilitator, published.id, "pillar", title="Takaisinsoitto")
    canvas.publish(session, w.facilitator, published.id, summary="Ensimmäinen luonnos",
                   meeting_id=w.meeting_id)
    canvas.add_element(session, w.facilitator, published.id, "tip", category="tip",
                       title="Lisätty julkaisun jälkeen")
    draft = canvas.create_model(session, w.facilitator, w.workshop_id, "Vertaistuki")
    canvas.add_element(session, w.facilitator, draft.id, "problem", title="Yksinäisyys")
    document = _memo(session, w)
    assert _headings(document, 3) == ["Palveluohjaus, versio 1", "Vertaistuki, luonnos"]
    paragraphs = _paragraphs(document)
    assert "Ensimmäinen luonnos" in paragraphs
    tables = [_rows(t) for t in document.tables if _rows(t)[0] == ["Mallin osa-alue", "Sisältö"]]
    assert len(tables) == 2
    version_rows = {row[0]: row[1] for row in tables[0][1:]}
    assert "Yksi yhteyshenkilö" in version_rows.values()
    assert "Takaisinsoitto" in version_rows.values()
    assert "Lisätty julkaisun jälkeen" not in _text(document)  # the frozen version counts
    assert [row[1] for row in tables[1][1:]] == ["Yksinäisyys"]


# --- English -------------------------------------------------------------------------------------


def test_an_english_workshop_gets_english_section_texts(session):
    w, _item_id = _paths_world(session)
    _item(session, w, "Map", "causal_map")
    cmap = causal_maps.create_map(session, w.facilitator, w.workshop_id, "Loop map")
    ids = [causal_maps.add_factor(session, w.facilitator, cmap.id, label).id
           for label in ("A", "B")]
    causal_maps.add_link(session, w.facilitator, cmap.id, ids[0], ids[1], 1.0)
    causal_maps.add_link(session, w.facilitator, cmap.id, ids[1], ids[0], 1.0)
    writing = _item(session, w, "Personas", "personas")
    personas.add_persona(session, w.facilitator, writing, name="Sam",
                         value_functional="Bills paid")
    _english(session, w)
    document = _memo(session, w)
    header = _rows(_table_with(document, ["No.", "What happens"]))[0]
    assert header == ["No.", "What happens", "Actor or organisation", "Channel",
                      "What was meaningful?", "What was difficult?", "Experience (−2…+2)",
                      "Critical point"]
    alts = _pictures(document)
    assert alts[0].startswith("Journey chart.") and "Causal map Loop map" in alts[-1]
    paragraphs = _paragraphs(document)
    assert "Customer value in three parts" in paragraphs
    assert any(p.startswith("R – reinforcing: ") for p in paragraphs)
    assert "Feedback loops (1)" in _headings(document, 3)
    text = _text(document)
    assert "Kokemus" not in text and "Asiakaspolun" not in text


# --- the demo workshop ---------------------------------------------------------------------------


def test_demo_memos_build_for_every_meeting_with_pictures_of_paths_and_maps(session):
    info = seed_demo(session, password="demo-salasana-123")
    from workshop.access import FacilitatorActor
    from workshop.accounts import find_user

    actor = FacilitatorActor(find_user(session, info.username).id)
    workshop = workshops.get_workshop(session, actor, info.workshop_id)
    assert workshop.name == DEMO_WORKSHOP
    numbers = session.scalars(select(Meeting.number).where(
        Meeting.workshop_id == info.workshop_id).order_by(Meeting.number)).all()
    assert len(numbers) == 10
    activities = {
        number: set(session.scalars(select(AgendaItem.activity_type)
                                    .join(Meeting, Meeting.id == AgendaItem.meeting_id)
                                    .where(Meeting.workshop_id == info.workshop_id,
                                           Meeting.number == number)))
        for number in numbers}
    demo_paths = paths.list_paths(session, actor, info.workshop_id)
    assert len(demo_paths) == 2
    for number in numbers:
        document = _open(build_memo(session, actor, info.workshop_id, number))
        alts = _pictures(document)
        assert all(alt.strip() for alt in alts), number
        if "service_path" in activities[number]:
            journeys = [a for a in alts if a.startswith("Asiakaspolun kaavio.")]
            assert len(journeys) == len(demo_paths), number
            assert _table_with(document, STEP_HEADER_FI)
        if "causal_map" in activities[number]:
            maps = [a for a in alts if a.startswith("Kausaalikartta Polun purku: odottaminen")]
            assert len(maps) == 1, number
            paragraphs = _paragraphs(document)
            assert any(p.startswith(("R – vahvistava: ", "B – tasapainottava: "))
                       for p in paragraphs), number
        if "personas" in activities[number]:
            assert "Asiakkaan kokema arvo kolmessa osassa" in _paragraphs(document), number
        if "tuplatiimi" in activities[number] and number == 6:
            assert "Teemat ja toimintasuunnitelmat" in _headings(document, 3)


@pytest.mark.parametrize("activity", PHASE_SECTIONS)
def test_an_item_without_records_says_it_has_no_outputs(session, activity):
    w = world(session)
    _item(session, w, "Tyhjä kohta", activity)
    paragraphs = _paragraphs(_memo(session, w))
    at = paragraphs.index("2. Tyhjä kohta")
    assert paragraphs[at + 2] == "Tästä ohjelmakohdasta ei ole kirjattuja tuotoksia."
