"""Demo data for phases 3–4: a persona's as-is and to-be service paths and a causal map
taken apart from the as-is path's critical points (with reinforcing and balancing loops).

``seed_paths_and_maps`` is called by :mod:`workshop.demo` for the demo theme group.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop import causal_maps, paths, personas
from workshop.access import FacilitatorActor
from workshop.analysis.causal import weight_from
from workshop.model_personas import Persona
from workshop.models import AgendaItem, Meeting
from workshop.paths import StepInput

AS_IS_TITLE = "Työttömyydestä tukeen"
_PERSONA = {
    "name": "Sari",
    "age_group": "45_54",
    "life_situation": "Jäi työttömäksi tehtaan lopettaessa; univaikeuksia ja rahahuolia.",
}

_STEPS = (
    StepInput("Jää työttömäksi ja hakee työttömyysetuutta verkossa.", "TE-palvelut",
              "digital", difficult="Lomakkeet ja omat sivut ovat sekavia.", experience=-1),
    StepInput("Rahat loppuvat; soittaa Kelaan toimeentulotuesta.", "Kela", "phone",
              difficult="Jonotus kestää tunnin, ja puhelu katkeaa.", experience=-2,
              critical=True, critical_note="Puhelinjonot ja epäselvä vastuu"),
    StepInput("Terveysasemalla puhutaan unettomuudesta ja mielialasta.", "Terveysasema",
              "face_to_face", meaningful="Lääkäri kuunteli ja otti tilanteen vakavasti.",
              experience=1),
    StepInput("Lähete sosiaaliohjaukseen; ensimmäinen aika vasta kuuden viikon päähän.",
              "Sosiaalityö", "letter", difficult="Kukaan ei ota yhteyttä odotuksen aikana.",
              experience=-2, critical=True,
              critical_note="Pitkä odotus ilman yhteydenpitoa"),
    StepInput("Järjestön vertaisryhmä löytyy ilmoitustaululta.", "Järjestö", "face_to_face",
              meaningful="Samassa tilanteessa olevien tuki.", experience=2),
)

# Changes of the to-be path, by step number (1-based): a service coordinator calls back.
_TO_BE = {
    2: StepInput("Yksi soitto riittää: palveluohjaaja soittaa takaisin samana päivänä ja "
                 "kokoaa tarvittavat palvelut.", "Palveluohjaus", "phone",
                 meaningful="Yksi ihminen vastaa kokonaisuudesta.", experience=1),
    4: StepInput("Sosiaaliohjaaja tapaa viikon sisällä ja sopii seuraavasta yhteydenotosta.",
                 "Sosiaalityö", "face_to_face", meaningful="Tietää, mitä seuraavaksi tapahtuu.",
                 experience=1),
}

_EXTRA_FACTORS = (
    ("Asiakkaan uupumus", "effect"),
    ("Avun hakeminen viivästyy", "effect"),
    ("Palvelutarpeen kasautuminen", "problem"),
    ("Yhteydenottojen määrä", "cause"),
    ("Palveluohjaajan takaisinsoitto", "solution"),
    ("Vertaistuki", "resource"),
)

QUEUES = "Puhelinjonot ja epäselvä vastuu"
WAITING = "Pitkä odotus ilman yhteydenpitoa"
_LINKS = (
    # reinforcing: queues delay help, needs pile up, more calls, longer queues
    (QUEUES, "Avun hakeminen viivästyy", 1, "strong", False),
    ("Avun hakeminen viivästyy", "Palvelutarpeen kasautuminen", 1, "strong", False),
    ("Palvelutarpeen kasautuminen", "Yhteydenottojen määrä", 1, "medium", False),
    ("Yhteydenottojen määrä", QUEUES, 1, "strong", False),
    # reinforcing through exhaustion
    (WAITING, "Asiakkaan uupumus", 1, "medium", True),
    ("Asiakkaan uupumus", "Avun hakeminen viivästyy", 1, "medium", False),
    ("Palvelutarpeen kasautuminen", WAITING, 1, "medium", False),
    # balancing: a growing need triggers call-backs, which shorten the queues
    ("Palvelutarpeen kasautuminen", "Palveluohjaajan takaisinsoitto", 1, "medium", True),
    ("Palveluohjaajan takaisinsoitto", QUEUES, -1, "strong", False),
    # peer support eases exhaustion
    ("Vertaistuki", "Asiakkaan uupumus", -1, "medium", False),
)


@dataclass(frozen=True)
class DemoPaths:
    persona_id: int
    as_is_id: int
    to_be_id: int
    map_id: int


def _persona(session: Session, actor: FacilitatorActor, workshop_id: int) -> int:
    """The workshop's first persona; without one, a new persona (written at the workshop's
    persona activity when it has one, so it gets its saved version like any other)."""
    existing = personas.list_personas(session, actor, workshop_id)
    if existing:
        return min(p.id for p in existing)
    item_id = session.scalar(
        select(AgendaItem.id).join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(Meeting.workshop_id == workshop_id,
               AgendaItem.activity_type == personas.ACTIVITY)
        .order_by(Meeting.number, AgendaItem.position).limit(1)
    )
    if item_id is not None:
        persona_id, _created = personas.add_persona(session, actor, item_id, **_PERSONA)
        return persona_id
    persona = Persona(workshop_id=workshop_id, author_user_id=actor.user_id, **_PERSONA)
    session.add(persona)
    session.flush()
    return persona.id


def seed_paths_and_maps(session: Session, actor: FacilitatorActor, workshop_id: int
                        ) -> DemoPaths:
    """Two paths (as-is and to-be) of a persona and one causal map with R and B loops."""
    persona_id = _persona(session, actor, workshop_id)
    as_is = paths.create_path(session, actor, workshop_id, AS_IS_TITLE, persona_id=persona_id)
    for step in _STEPS:
        paths.add_step(session, actor, as_is.id, step)
    to_be = paths.make_to_be(session, actor, as_is.id)
    for number, step in _TO_BE.items():
        current = to_be.steps[number - 1]
        paths.edit_step(session, actor, current.id, current.version, step)
    cmap = causal_maps.create_map(session, actor, workshop_id, "Polun purku: odottaminen",
                                  description="Kriittiset kohdat, niiden syyt ja seuraukset.",
                                  path_ids=[as_is.id])
    for label, kind in _EXTRA_FACTORS:
        causal_maps.add_factor(session, actor, cmap.id, label, kind)
    ids = {f.label: f.id for f in causal_maps.get_map(session, actor, cmap.id).factors}
    for source, target, polarity, strength, delay in _LINKS:
        causal_maps.add_link(session, actor, cmap.id, ids[source], ids[target],
                             weight_from(polarity, strength), delay=delay)
    causal_maps.relayout(session, actor, cmap.id)
    return DemoPaths(persona_id, as_is.id, to_be.id, cmap.id)
