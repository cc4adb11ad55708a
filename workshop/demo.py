"""Demo data: a theme group a newcomer can look around in. Idempotent.

"Varhaisen tuen sosiaaliohjaus" follows the 10-meeting PAKU template: the first four
meetings are done (warm-up with picture cards, topics, learning café and feedback; personas;
service paths; causal map), the sixth (model building, with a finished Tuplatiimi round) is
open now. A second workshop holds the four example service models in the model canvas.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop import (
    accounts,
    groups,
    meetings,
    notes,
    participants,
    picture_cards,
    templates,
    topics,
    workshops,
)
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.content.cards import DEFAULT_DECK
from workshop.meetings import MeetingView
from workshop.models import Meeting, Workshop

DEMO_USERNAME = "fasilitaattori"
DEMO_WORKSHOP = "Varhaisen tuen sosiaaliohjaus"
MODELS_WORKSHOP = "Esimerkkimallit: neljä toimintamallia"


@dataclass(frozen=True)
class DemoInfo:
    workshop_id: int
    username: str
    password: str | None  # None when the account already existed (password unchanged)
    created: bool


_PEOPLE = (
    ("Aino", "client_rep"), ("Mikko", "professional"), ("Sanna", "professional"),
    ("Pekka", "ngo_parish"), ("Leena", "expert_by_experience"), ("Juha", "client_rep"),
    ("Marja", "ngo_parish"), ("Tuomas", "expert_by_experience"), ("Eeva", "other"),
    ("Kalle", "other"),
)
_CARD_LINES = (
    "Toivon, että pääsemme oikeasti muuttamaan jotain.",
    "Haluan kuulla, miltä palvelut näyttävät asiakkaan silmin.",
    "Tulin vähän epävarmana, mutta utelias.",
    "Odotan, että tästä syntyy yhteinen kieli.",
)
_TOPICS = (
    "Miten pääsen avun piiriin, kun en tiedä mitä palvelua tarvitsen?",
    "Ammattilaisten yhteystiedot ovat vaikeasti löydettävissä.",
    "Järjestöjen vertaistuki jää usein huomaamatta.",
    "Asiakas joutuu kertomaan tarinansa monta kertaa.",
)


def seed_demo(session: Session, password: str | None = None) -> DemoInfo:
    existing = session.scalar(select(Workshop).where(Workshop.name == DEMO_WORKSHOP))
    if existing is not None:
        return DemoInfo(existing.id, DEMO_USERNAME, None, created=False)
    user = accounts.find_user(session, DEMO_USERNAME)
    new_password = None
    if user is None:
        new_password = password or secrets.token_urlsafe(9)
        user = accounts.create_user(session, DEMO_USERNAME, new_password, "Demo-fasilitaattori")
    actor = FacilitatorActor(user.id)
    workshop = workshops.create_workshop(
        session, actor, DEMO_WORKSHOP,
        theme="Paljon tukea tarvitsevien työikäisten palveluohjaus",
        organisation="Demo-hyvinvointialue",
        language="fi",
        description=(
            "Esimerkkiryhmä: ammattilaiset, kehittäjäasiakkaat, järjestöt ja seurakunta "
            "kehittävät yhdessä varhaisen tuen sosiaaliohjausta."
        ),
    )
    plan = templates.apply_template(
        session, actor, workshop.id, "paku_full",
        first_date=dt.date.today() - dt.timedelta(weeks=10), interval_days=14,
        start_time=dt.time(13, 0),
    )
    people = _join_people(session, plan[0])
    _warm_up(session, actor, workshop.id, plan[0], people)
    _personas(session, actor, workshop.id, plan[1])
    _paths_and_maps(session, actor, workshop.id)
    _model_round(session, actor, workshop.id, plan[5], people)
    _example_models(session, actor)
    return DemoInfo(workshop.id, DEMO_USERNAME, new_password, created=True)


def _join_people(session: Session, first: MeetingView) -> list[ParticipantActor]:
    meeting = session.get(Meeting, first.id)
    assert meeting is not None
    return [ParticipantActor(participants.join(session, meeting, display_name=name,
                                               role=role).participant.id)
            for name, role in _PEOPLE]


def _item(meeting: MeetingView, activity: str) -> int | None:
    return next((i.id for i in meeting.agenda if i.activity_type == activity), None)


def _run(session: Session, actor: FacilitatorActor, meeting: MeetingView,
         activities: Sequence[str]) -> dict[str, int]:
    """Open the meeting and the contributions of the given activities."""
    meetings.open_meeting(session, actor, meeting.id)
    found = {a: item for a in activities if (item := _item(meeting, a)) is not None}
    for item_id in found.values():
        meetings.set_item_flags(session, actor, item_id, contributions_open=True)
    return found


def _warm_up(session: Session, actor: FacilitatorActor, workshop_id: int,
             meeting: MeetingView, people: list[ParticipantActor]) -> None:
    from workshop.demo_cafe_feedback import seed_cafe_and_feedback

    items = _run(session, actor, meeting,
                 ("picture_cards", "topics", "learning_cafe", "feedback", "info"))
    if "picture_cards" in items:
        for person, card, line in zip(people, DEFAULT_DECK, _CARD_LINES, strict=False):
            picture_cards.pick(session, person, items["picture_cards"],
                               f"{picture_cards.DEFAULT_PREFIX}{card.key}", line)
    if "topics" in items:
        ids = [topics.submit(session, p, items["topics"], text)[0]
               for p, text in zip(people, _TOPICS, strict=False)]
        for index, person in enumerate(people):
            topics.set_dots(session, person, items["topics"], ids[index % len(ids)], 1)
    if "info" in items:
        notes.add_note(session, people[1], items["info"],
                       "Hyvä, että mukana on myös järjestöjen ja seurakunnan ihmisiä.")
    if "learning_cafe" in items and "feedback" in items:
        seed_cafe_and_feedback(session, actor, workshop_id, meeting.id, items["learning_cafe"],
                               items["feedback"], people)
    meetings.close_meeting(session, actor, meeting.id)


def _personas(session: Session, actor: FacilitatorActor, workshop_id: int,
              meeting: MeetingView) -> None:
    from workshop.demo_personas import seed_personas

    items = _run(session, actor, meeting, ("personas",))
    if "personas" in items:
        groups.form_groups(session, actor, items["personas"], size=4, seed=1)
        seed_personas(session, actor, workshop_id, meeting.id, items["personas"])
    meetings.close_meeting(session, actor, meeting.id)


def _paths_and_maps(session: Session, actor: FacilitatorActor, workshop_id: int) -> None:
    from workshop.demo_paths import seed_paths_and_maps

    seed_paths_and_maps(session, actor, workshop_id)


def _model_round(session: Session, actor: FacilitatorActor, workshop_id: int,
                 meeting: MeetingView, people: list[ParticipantActor]) -> None:
    """The meeting open now: a finished Tuplatiimi round, its ideas as candidates."""
    from workshop.demo_prioritising import seed_tuplatiimi_round

    items = _run(session, actor, meeting, ("tuplatiimi", "feedback"))
    for person in people:
        participants.touch(session, person)
    if "tuplatiimi" in items:
        seed_tuplatiimi_round(session, actor, workshop_id, meeting.id, items["tuplatiimi"],
                              people)
    first = meeting.agenda[0].id if meeting.agenda else None
    meetings.set_current_item(session, actor, meeting.id, items.get("tuplatiimi", first))


def _example_models(session: Session, actor: FacilitatorActor) -> None:
    from workshop.seed_models import seed_all_models

    example = workshops.create_workshop(
        session, actor, MODELS_WORKSHOP, theme="Innokylän toimintamallit mallipohjassa",
        organisation="Demo", language="fi",
        description="Neljä valmista toimintamallia kuvattuna mallipohjaan omin sanoin.",
    )
    seed_all_models(session, actor, example.id)
