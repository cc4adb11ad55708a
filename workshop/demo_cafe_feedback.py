"""Demo data for the learning café and meeting feedback: a finished café with two stations,
two rounds of notes and the hosts' summaries, and feedback from at least three clients and
three workers, so the results page has something to show. Safe to run twice.

Records are written directly (the demo meeting need not be open); the facilitator's own
steps (setting up the café, the questions) go through the services.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workshop import cafe, feedback, groups, participants
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.model_cafe_feedback import (
    CafeNote,
    CafeState,
    CafeStation,
    FeedbackAnswer,
    FeedbackResponse,
)
from workshop.models import AgendaItem, Meeting, Participant
from workshop.participants import role_group

_STATION_NOTES = (
    (  # station 1: where help is found
        "Sosiaalitoimiston neuvonta, mutta sinne on vaikea saada puhelimella yhteyttä.",
        "Seurakunnan diakoniatyö auttaa myös silloin, kun muualta ei heru.",
    ),
    (  # station 2: what already works
        "Kun sama työntekijä pysyy, asioita ei tarvitse kertoa aina uudelleen.",
        "Järjestön vertaisryhmä: siellä kuunnellaan ilman kiirettä.",
    ),
)
_SECOND_ROUND = (
    "Lisäys edelliseen: chat-palvelu toimisi niille, joille puhelu on liian raskas.",
    "Samaa mieltä: pysyvä työntekijä. Lisäksi yhteinen suunnitelma, jonka asiakas näkee.",
)
_SUMMARIES = (
    "Apua löytyy monesta paikasta, mutta yhteydenotto on vaikeaa. Ryhmät toivoivat "
    "matalan kynnyksen kanavia, kuten chattia, ja järjestöjen tuntemista.",
    "Hyvin toimii pysyvä työntekijä ja kiireetön vertaistuki. Toiveena yhteinen "
    "suunnitelma, joka kulkee asiakkaan mukana.",
)
# (scale answers by question order, good, change) per respondent group
_CLIENT_ANSWERS = (
    ((4, 4, 3, 5, 5), "Sain puhua omalla äänelläni.", "Enemmän aikaa pienryhmille."),
    ((5, 4, 4, 5, 4), "Tunsin, että kokemustani arvostettiin.", ""),
    ((3, 4, 3, 4, 4), "", "Sanasto oli välillä vaikeaa."),
)
_WORKER_ANSWERS = (
    ((4, 4, 5, 4, 5), "Asiakkaiden näkökulma avasi silmät.", ""),
    ((4, 5, 4, 4, 4), "Hyvä ilmapiiri.", "Tauko aiemmin."),
    ((5, 4, 4, 5, 5), "", "Lisää aikaa keskustelulle."),
)


def seed_cafe_and_feedback(
    session: Session,
    actor: FacilitatorActor,
    workshop_id: int,
    meeting_id: int,
    cafe_item_id: int,
    feedback_item_id: int,
    participant_actors: Sequence[ParticipantActor],
) -> None:
    people = [session.get(Participant, p.participant_id) for p in participant_actors]
    present = [p for p in people if p is not None and p.workshop_id == workshop_id]
    _seed_cafe(session, actor, cafe_item_id, present)
    _seed_feedback(session, actor, workshop_id, meeting_id, feedback_item_id, present)


def _seed_cafe(session: Session, actor: FacilitatorActor, item_id: int,
               people: list[Participant]) -> None:
    if session.get(CafeState, item_id) is not None:
        return
    view = cafe.set_up_cafe(session, actor, item_id)
    for station in view.stations[2:]:  # a short demo café: two stations, two rounds
        cafe.remove_station(session, actor, station.id)
    stations = list(session.scalars(select(CafeStation).where(
        CafeStation.agenda_item_id == item_id).order_by(CafeStation.position)))
    workers = [p for p in people if role_group(p.role) == "worker"]
    hosts = workers[-2:] if len(people) >= 6 and len(workers) >= 2 else []
    for station, host in zip(stations, hosts, strict=False):
        station.host_id = host.id
    members = [p for p in people if p not in hosts]
    formed = [groups.add_group(session, actor, item_id) for _ in stations]
    clients = [p for p in members if role_group(p.role) == "client"]
    rest = [p for p in members if role_group(p.role) != "client"]
    for index, person in enumerate(clients + rest):  # clients first: each group gets some
        groups.move_participant(session, actor, item_id, person.id,
                                formed[index % len(formed)].id)
    item = session.get(AgendaItem, item_id)
    assert item is not None
    item_meeting = item.meeting
    member_of = {p.id: formed[i % len(formed)].id for i, p in enumerate(clients + rest)}
    writers = clients + rest
    for round_index in range(len(stations)):
        for group_index, group in enumerate(formed):
            station = stations[cafe.station_index(group_index, round_index, len(stations))]
            writer = next((p for p in writers if member_of[p.id] == group.id), None)
            texts = (_STATION_NOTES[station.position] if round_index == 0
                     else (_SECOND_ROUND[station.position],))
            for text in texts:
                session.add(CafeNote(
                    workshop_id=item_meeting.workshop_id, meeting_id=item_meeting.id,
                    agenda_item_id=item_id, author_id=writer.id if writer else None,
                    author_user_id=None if writer else actor.user_id,
                    station_id=station.id, round=round_index, group_id=group.id, text=text))
    for station, summary in zip(stations, _SUMMARIES, strict=False):
        station.summary = summary
        station.summary_version = 1
    state = session.get(CafeState, item_id)
    assert state is not None
    state.round, state.finished = len(stations) - 1, True
    session.flush()


def _seed_feedback(session: Session, actor: FacilitatorActor, workshop_id: int, meeting_id: int,
                   item_id: int, people: list[Participant]) -> None:
    already = session.scalar(select(func.count()).select_from(FeedbackResponse)
                             .where(FeedbackResponse.meeting_id == meeting_id))
    if already:
        return
    questions = feedback.list_questions(session, actor, workshop_id)
    scales = [q for q in questions if q.kind == "scale"]
    texts = [q for q in questions if q.kind == "text"]
    meeting = session.get(Meeting, meeting_id)
    assert meeting is not None
    for group, answers in (("client", _CLIENT_ANSWERS), ("worker", _WORKER_ANSWERS)):
        respondents = [p for p in people if role_group(p.role) == group]
        while len(respondents) < len(answers):  # make sure each group can be shown
            role = "client_rep" if group == "client" else "professional"
            joined = participants.join(session, meeting, role=role,
                                       display_name=f"Demo {len(respondents) + 1}")
            extra = session.get(Participant, joined.participant.id)
            assert extra is not None
            respondents.append(extra)
        for person, (scores, good, change) in zip(respondents, answers, strict=False):
            response = FeedbackResponse(workshop_id=workshop_id, meeting_id=meeting_id,
                                        agenda_item_id=item_id, author_id=person.id,
                                        respondent_group=group)
            session.add(response)
            session.flush()
            for question, score in zip(scales, scores, strict=False):
                session.add(FeedbackAnswer(response_id=response.id, question_id=question.id,
                                           score=score))
            for question, text in zip(texts, (good, change), strict=False):
                if text:
                    session.add(FeedbackAnswer(response_id=response.id,
                                               question_id=question.id, text=text))
    session.flush()
