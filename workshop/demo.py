"""Demo data: a theme group a newcomer can look around in. Idempotent."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop import accounts, meetings, notes, participants, workshops
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.models import Meeting, Workshop

DEMO_USERNAME = "fasilitaattori"
DEMO_WORKSHOP = "Varhaisen tuen sosiaaliohjaus"


@dataclass(frozen=True)
class DemoInfo:
    workshop_id: int
    username: str
    password: str | None  # None when the account already existed (password unchanged)
    created: bool


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
    _seed_meetings(session, actor, workshop.id)
    return DemoInfo(workshop.id, DEMO_USERNAME, new_password, created=True)


_PLAN = (
    ("Alkuvalmennus", "warmup", (
        ("Tervetuloa ja tavoitteet", "info", 15),
        ("Yhteiskehittämisen periaatteet", "principles", 20),
        ("Kuvakortit: mitä odotan?", "picture_cards", 25),
        ("Mistä haluamme puhua?", "notes", 20),
        ("Palaute", "feedback", 10),
    )),
    ("Asiakasymmärrys", "personas", (
        ("Edellisen kerran kooste", "info", 15),
        ("Käyttäjäpersoonat pienryhmissä", "personas", 60),
        ("Palaute", "feedback", 10),
    )),
    ("Palvelupolut", "paths", (
        ("Palvelupolut pienryhmissä", "service_path", 75),
        ("Purku yhdessä", "notes", 30),
    )),
)

_PEOPLE = (
    ("Aino", "client_rep"), ("Mikko", "professional"), ("Sanna", "professional"),
    ("Pekka", "ngo_parish"), ("Leena", "expert_by_experience"), ("Juha", "client_rep"),
    ("Marja", "ngo_parish"), ("Tuomas", "expert_by_experience"), ("Eeva", "other"),
    ("Kalle", "other"),
)

_NOTES = (
    "Miten pääsen avun piiriin, kun en tiedä mitä palvelua tarvitsen?",
    "Ammattilaisten yhteystiedot ovat vaikeasti löydettävissä.",
    "Järjestöjen tarjoama vertaistuki jää usein huomaamatta.",
    "Asiakas joutuu kertomaan tarinansa monta kertaa.",
)


def _seed_meetings(session: Session, actor: FacilitatorActor, workshop_id: int) -> None:
    start = dt.date.today() - dt.timedelta(days=14)
    for index, (title, phase, agenda) in enumerate(_PLAN):
        meeting = meetings.plan_meeting(
            session, actor, workshop_id, title=title, phase=phase,
            date=start + dt.timedelta(days=14 * index), duration_minutes=180,
            start_time=dt.time(13, 0),
        )
        for item_title, activity, minutes in agenda:
            meetings.add_agenda_item(session, actor, meeting.id, title=item_title,
                                     activity_type=activity, duration_minutes=minutes)
    first = session.scalar(
        select(Meeting).where(Meeting.workshop_id == workshop_id, Meeting.number == 1)
    )
    assert first is not None
    opened = meetings.open_meeting(session, actor, first.id)
    topics = next(i for i in opened.agenda if i.activity_type == "notes")
    meetings.set_item_flags(session, actor, topics.id, contributions_open=True)
    meetings.set_current_item(session, actor, first.id, topics.id)
    meeting_row = session.get(Meeting, first.id)
    assert meeting_row is not None
    for (name, role), text in zip(_PEOPLE, _NOTES + ("",) * len(_PEOPLE), strict=False):
        joined = participants.join(session, meeting_row, display_name=name, role=role)
        if text:
            notes.add_note(session, ParticipantActor(joined.participant.id), topics.id, text)
