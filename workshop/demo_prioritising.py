"""Demo data: one finished Tuplatiimi round (ideas, pairs, picks, marks, themes, action
plans) and a few candidates with dot votes, so the pages have something to show. Safe to run
twice.

Participants' records are written directly (the demo meeting need not be open); the
facilitator's steps (the question, pairs, themes, plans, finishing the round, candidates) go
through the services, so the round ends exactly as a live one would: its themes on the
workshop's candidate list with their origins kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop import groups, meetings, prioritising, tuplatiimi
from workshop.access import FacilitatorActor, ParticipantActor, require_facilitator
from workshop.errors import NotFound
from workshop.grouping import mixed_pairs
from workshop.model_prioritising import DotVote, TtIdea, TtMark, TuplatiimiRound
from workshop.models import AgendaItem, Participant
from workshop.participants import role_group

QUESTION = ("Millä keinoin asiakas saisi oikean avun ilman, että hänen pitää kertoa "
            "tarinansa monta kertaa?")
THEMES = (
    ("Yksi nimetty yhteyshenkilö",
     "Jokaiselle paljon tukea tarvitsevalle asiakkaalle nimetään yhteyshenkilö, joka "
     "kokoaa tarvittavat palvelut.", "Sosiaaliohjauksen tiimi", 90),
    ("Yhteinen suunnitelma, jonka asiakas näkee",
     "Kokeillaan yhtä yhteistä asiakassuunnitelmaa kahdessa yksikössä.",
     "Aikuissosiaalityön esihenkilö", 120),
    ("Matalan kynnyksen yhteydenotto",
     "Chat ja takaisinsoitto samaan numeroon; järjestöt mukaan ohjaamaan.",
     "Järjestöyhteistyön koordinaattori", 150),
)
# (theme index, text): three ideas per writer in turn
IDEAS = (
    (0, "Yksi työntekijä, joka tuntee tilanteeni alusta asti"),
    (1, "Suunnitelma, jonka voin itse lukea ja jota kaikki käyttävät"),
    (2, "Chat, josta saa vastauksen samana päivänä"),
    (0, "Yhteyshenkilö soittaa itse, kun asia etenee"),
    (1, "Luvan kysyminen kerran: tiedot kulkevat palvelusta toiseen"),
    (2, "Järjestön vertaistukija mukaan ensikäynnille"),
    (0, "Työpari asiakkaan ja ohjaajan välillä vaihtuu harvoin"),
    (1, "Yhteinen tapaaminen kaikkien työntekijöiden kanssa kerralla"),
    (2, "Takaisinsoitto sovittuna aikana, ei jonottamista"),
)
PROBLEMS = (
    "Asiakas joutuu kertomaan tilanteensa jokaiselle uudelle työntekijälle",
    "Palveluiden yhteystiedot ovat vaikeasti löydettävissä",
)


def _item(session: Session, actor: FacilitatorActor, workshop_id: int, meeting_id: int,
          item_id: int) -> AgendaItem:
    require_facilitator(session, actor, workshop_id)
    item = session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting_id \
            or item.meeting.workshop_id != workshop_id or item.activity_type != "tuplatiimi":
        raise NotFound()
    return item


def seed_tuplatiimi_round(session: Session, actor: FacilitatorActor, workshop_id: int,
                          meeting_id: int, item_id: int,
                          participant_actors: Sequence[ParticipantActor]) -> None:
    """A finished Tuplatiimi round in ``item_id`` and prioritising candidates with votes."""
    item = _item(session, actor, workshop_id, meeting_id, item_id)
    found = session.get(TuplatiimiRound, item.id)
    if found is not None and found.step == "done":
        return
    people = [p for p in (session.get(Participant, a.participant_id) for a in participant_actors)
              if p is not None and p.workshop_id == workshop_id and p.erased_at is None]
    if len(people) < 2:
        return
    tuplatiimi.set_question(session, actor, item.id, QUESTION)
    ideas = _ideas(session, item, people)
    pairs = _pairs(session, actor, item, people)
    picks = _picks(session, item, pairs, ideas)
    _marks(session, item, pairs, picks)
    round_ = session.get(TuplatiimiRound, item.id)
    assert round_ is not None
    round_.step = "themes"
    session.flush()
    _themes(session, actor, item, picks)
    round_.step = "plan"
    session.flush()
    tuplatiimi.advance(session, actor, item.id, "plan")  # done: themes become candidates
    _candidates_with_votes(session, actor, item, people)


def _ideas(session: Session, item: AgendaItem, people: list[Participant]
           ) -> dict[int, list[tuple[TtIdea, int]]]:
    """Three ideas per person: {participant id: [(idea, theme index)]}."""
    made: dict[int, list[tuple[TtIdea, int]]] = {}
    for n, person in enumerate(people):
        made[person.id] = []
        for k in range(3):
            theme, text = IDEAS[(3 * n + k) % len(IDEAS)]
            idea = TtIdea(workshop_id=item.meeting.workshop_id, meeting_id=item.meeting_id,
                          agenda_item_id=item.id, author_id=person.id, text=text)
            session.add(idea)
            made[person.id].append((idea, theme))
    session.flush()
    return made


def _pairs(session: Session, actor: FacilitatorActor, item: AgendaItem,
           people: list[Participant]) -> list[tuple[int, list[int]]]:
    """Pairs mixing clients and workers (a trio for an odd number): [(group id, members)]."""
    made = []
    for members in mixed_pairs([(p.id, p.role) for p in people], seed=7):
        group = groups.add_group(session, actor, item.id)
        for participant_id in members:
            groups.move_participant(session, actor, item.id, participant_id, group.id)
        made.append((group.id, members))
    return made


def _picks(session: Session, item: AgendaItem, pairs: list[tuple[int, list[int]]],
           ideas: dict[int, list[tuple[TtIdea, int]]]) -> list[tuple[int, TtIdea, int]]:
    """Each pair picks its best five (or all it has): [(pair id, idea, theme index)]."""
    picked = []
    for pair_id, members in pairs:
        own = [entry for pid in members for entry in ideas[pid]]
        for idea, theme in own[:tuplatiimi.MIN_PICKS]:
            idea.picked, idea.pair_id = True, pair_id
            picked.append((pair_id, idea, theme))
    session.flush()
    return picked


def _marks(session: Session, item: AgendaItem, pairs: list[tuple[int, list[int]]],
           picks: list[tuple[int, TtIdea, int]]) -> None:
    """Each pair: one mark on its own first pick, four on other pairs' picks."""
    for index, (pair_id, _members) in enumerate(pairs):
        own = [idea for p, idea, _theme in picks if p == pair_id]
        others = [idea for p, idea, _theme in picks if p != pair_id]
        given = {own[0].id: 1} if own else {}
        for n in range(tuplatiimi.MARKS_PER_PAIR - len(given)):
            if others:
                target = others[(index + 3 * n) % len(others)]
                given[target.id] = given.get(target.id, 0) + 1
        for idea_id, count in given.items():
            session.add(TtMark(agenda_item_id=item.id, group_id=pair_id, idea_id=idea_id,
                               count=count))
    session.flush()


def _themes(session: Session, actor: FacilitatorActor, item: AgendaItem,
            picks: list[tuple[int, TtIdea, int]]) -> None:
    theme_ids = [tuplatiimi.add_theme(session, actor, item.id, name)
                 for name, _what, _who, _days in THEMES]
    for _pair_id, idea, theme in picks:
        tuplatiimi.assign_idea(session, actor, item.id, idea.id, theme_ids[theme])
    base = item.meeting.date or dt.date.today()
    for theme_id, (_name, what, who, days) in zip(theme_ids, THEMES, strict=True):
        view = next(t for t in tuplatiimi.round_view(session, actor, item.id).themes
                    if t.id == theme_id)
        tuplatiimi.set_plan(session, actor, theme_id, view.version, what=what, who=who,
                            by_when=base + dt.timedelta(days=days))


def _candidates_with_votes(session: Session, actor: FacilitatorActor, item: AgendaItem,
                           people: list[Participant]) -> None:
    workshop_id = item.meeting.workshop_id
    for text in PROBLEMS:
        prioritising.add_candidate(session, actor, workshop_id, text, "problem")
    vote_item = next((i for i in item.meeting.agenda if i.activity_type == "prioritising"),
                     None)
    if vote_item is None:
        made = meetings.add_agenda_item(session, actor, item.meeting_id,
                                        title="Kehittämiskohteiden valinta",
                                        activity_type="prioritising", duration_minutes=20)
        vote_item = session.get(AgendaItem, made.id)
        assert vote_item is not None
    if session.scalar(select(DotVote.id).where(DotVote.agenda_item_id == vote_item.id)):
        return
    prioritising.configure(session, actor, vote_item.id, method="dots", kind="solution",
                           dots_per_person=3, max_per_target=2)
    solutions = [c.id for c in prioritising.list_candidates(session, actor, workshop_id)
                 if c.kind == "solution"]
    if not solutions:
        return
    for n, person in enumerate(people):
        # clients lean to the contact person, workers to the shared plan: views differ
        first = 0 if role_group(person.role) == "client" else min(1, len(solutions) - 1)
        second = (first + 1 + n) % len(solutions)
        spread = {solutions[first]: 2}
        spread[solutions[second]] = spread.get(solutions[second], 0) + 1
        for candidate_id, dots in spread.items():
            session.add(DotVote(agenda_item_id=vote_item.id, participant_id=person.id,
                                target_id=candidate_id, dots=min(dots, 2)))
    session.flush()
