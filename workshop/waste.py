"""The waste (hukka) workshop: find the waste in today's service, prioritise, pick one.

The eight lean waste categories of ``methods.WASTE_CATEGORIES`` serve as a checklist (each
explained for social and health services); a group may also name a category of its own
(``"free"`` with ``free_category``). Participants list waste items: the category, what
happens and where on the service path. In the voting stage they spend dots on the items with
the same rules as prioritising dot voting (:func:`workshop.prioritising.apply_dots`). The
facilitator then picks one item to work on: it becomes a candidate on the workshop's list,
its origin kept as a link to the waste item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from workshop import contributions, prioritising
from workshop.access import (
    Actor,
    FacilitatorActor,
    ParticipantActor,
    require_facilitator,
    require_participant,
)
from workshop.content.methods import WASTE_CATEGORIES
from workshop.contributions import Authorship
from workshop.errors import InvalidInput, NotFound
from workshop.model_prioritising import Candidate, DotVote, WasteItem
from workshop.models import AgendaItem, Meeting
from workshop.prioritising import (
    GroupSummary,
    VoteRules,
    activity_item,
    bump_workshop,
    ensure_round,
    lock_item,
    round_of,
    rules_of,
)
from workshop.text import clean_choice, clean_name, clean_text

ACTIVITY = "waste_workshop"
CATEGORIES: tuple[str, ...] = tuple(c.key for c in WASTE_CATEGORIES)
FREE = "free"
STAGES: tuple[str, ...] = ("listing", "voting")
MAX_WASTE_LENGTH = 2_000
MAX_WHERE_LENGTH = 300
MAX_FREE_CATEGORY = 120
MAX_ITEMS = 300  # visible waste items in one agenda item


@dataclass(frozen=True)
class WasteView:
    id: int
    category: str  # a CATEGORIES key or "free"
    free_category: str
    text: str
    where_in_path: str
    version: int
    hidden: bool
    created_at: dt.datetime
    author: Authorship
    my_dots: int
    candidate_id: int | None  # set when the facilitator picked it to work on


@dataclass(frozen=True)
class WasteBoard:
    item_id: int
    stage: str
    rules: VoteRules
    items: tuple[WasteView, ...]
    dots_used: int

    @property
    def dots_left(self) -> int:
        return self.rules.dots_per_person - self.dots_used


@dataclass(frozen=True)
class WasteResult:
    waste_id: int
    text: str
    category: str
    free_category: str
    points: dict[str, int]  # dots per shown group, never added up
    candidate_id: int | None


@dataclass(frozen=True)
class WasteResults:
    item_id: int
    title: str
    groups: tuple[GroupSummary, ...]
    rows: tuple[WasteResult, ...]


@dataclass(frozen=True)
class WorkshopWaste:
    """One waste item in the workshop-wide list (facilitators)."""

    id: int
    item_id: int | None
    meeting_number: int | None
    category: str
    free_category: str
    text: str
    where_in_path: str
    hidden: bool
    candidate_id: int | None


def _clean(category: object, text: object, where_in_path: object, free_category: object
           ) -> dict[str, str]:
    chosen = clean_choice(category, (*CATEGORIES, FREE), field="field.waste.category")
    own = ""
    if chosen == FREE:
        own = clean_name(free_category, field="field.waste.free_category",
                         max_length=MAX_FREE_CATEGORY)
    return {
        "category": chosen,
        "free_category": own,
        "text": clean_text(text, field="field.waste.text", max_length=MAX_WASTE_LENGTH),
        "where_in_path": clean_text(where_in_path, field="field.waste.where",
                                    max_length=MAX_WHERE_LENGTH, required=False,
                                    multiline=False),
    }


def _stage(session: Session, item: AgendaItem) -> str:
    found = round_of(session, item.id)
    return found.stage if found is not None and found.stage in STAGES else STAGES[0]


def _valid_ids(session: Session, item_id: int) -> set[int]:
    return set(session.scalars(select(WasteItem.id).where(
        WasteItem.agenda_item_id == item_id, WasteItem.hidden.is_(False),
        WasteItem.withdrawn.is_(False))))


def add_waste(session: Session, actor: Actor, item_id: int, category: str, text: str,
              where_in_path: str = "", free_category: str = "",
              client_key: str | None = None) -> tuple[int, bool]:
    """A new waste item; returns (id, created). Participants add while the item lists."""
    item = activity_item(session, actor, item_id, ACTIVITY, writable=True)
    fields = _clean(category, text, where_in_path, free_category)
    item = lock_item(session, item.id)
    if isinstance(actor, ParticipantActor) and _stage(session, item) != "listing":
        raise InvalidInput("error.waste.listing_over")
    if len(_valid_ids(session, item.id)) >= MAX_ITEMS:
        raise InvalidInput("error.waste.full", max=MAX_ITEMS)
    record, created = contributions.create(session, actor, WasteItem, item.id, client_key,
                                           **fields)
    return record.id, created


def edit_waste(session: Session, actor: Actor, waste_id: int, expected_version: int,
               category: str, text: str, where_in_path: str = "",
               free_category: str = "") -> int:
    fields = _clean(category, text, where_in_path, free_category)
    record = contributions.update(session, actor, WasteItem, waste_id, expected_version,
                                  **fields)
    return record.version


def _release_dots(session: Session, record: WasteItem) -> None:
    if record.agenda_item_id is not None:
        lock_item(session, record.agenda_item_id)
        session.execute(delete(DotVote).where(DotVote.agenda_item_id == record.agenda_item_id,
                                              DotVote.target_id == record.id))


def withdraw_waste(session: Session, actor: Actor, waste_id: int, expected_version: int
                   ) -> None:
    record = contributions.get_for_edit(session, actor, WasteItem, waste_id, expected_version)
    _release_dots(session, record)
    record.withdrawn = True
    contributions.save(session, record)


def hide_waste(session: Session, actor: Actor, waste_id: int, hidden: bool = True) -> None:
    """The facilitator hides an item (kept, marked); its dots go back to the voters."""
    record = session.get(WasteItem, waste_id)
    if record is None or record.withdrawn:
        raise NotFound()
    require_facilitator(session, actor, record.workshop_id)
    if record.hidden == hidden:
        return
    if hidden:
        _release_dots(session, record)
    contributions.set_hidden(session, actor, WasteItem, waste_id, hidden)


def set_stage(session: Session, actor: Actor, item_id: int, stage: str) -> None:
    """Listing (participants add waste) or voting (participants spend dots)."""
    item = activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
    chosen = clean_choice(stage, STAGES, field="field.waste.stage")
    item = lock_item(session, item.id)
    round_ = ensure_round(session, item)
    if round_.stage != chosen:
        round_.stage = chosen
        prioritising.flush_versioned(session)
        bump_workshop(session, item.meeting.workshop_id, item.meeting_id)


def configure_dots(session: Session, actor: Actor, item_id: int, dots_per_person: int,
                   max_per_target: int) -> VoteRules:
    item = activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
    item = lock_item(session, item.id)
    round_ = ensure_round(session, item)
    prioritising.configure_rules(session, item, round_, dots_per_person, max_per_target,
                                 _valid_ids(session, item.id))
    prioritising.flush_versioned(session)
    bump_workshop(session, item.meeting.workshop_id, item.meeting_id)
    return rules_of(round_)


def set_dots(session: Session, actor: Actor, item_id: int, waste_id: int, dots: int) -> int:
    """Put exactly ``dots`` on a waste item (voting stage); returns the dots left."""
    item = activity_item(session, actor, item_id, ACTIVITY, writable=True)
    participant = require_participant(session, actor)
    item = lock_item(session, item.id)
    round_ = ensure_round(session, item)
    if round_.stage != "voting":
        raise InvalidInput("error.waste.not_voting")
    return prioritising.apply_dots(session, item, participant.id, waste_id, dots,
                                   rules_of(round_), _valid_ids(session, item.id))


def board(session: Session, actor: Actor, item_id: int) -> WasteBoard:
    item, rows = contributions.visible_for_item(session, actor, WasteItem, item_id)
    if item.activity_type != ACTIVITY:
        raise InvalidInput("error.prio.wrong_activity")
    mine: dict[int, int] = {}
    if isinstance(actor, ParticipantActor):
        valid = _valid_ids(session, item.id)
        mine = {t: d for t, d in session.execute(
            select(DotVote.target_id, DotVote.dots).where(
                DotVote.agenda_item_id == item.id,
                DotVote.participant_id == actor.participant_id)).all() if t in valid}
    views = tuple(
        WasteView(r.id, r.category, r.free_category, r.text, r.where_in_path, r.version,
                  r.hidden, r.created_at, who, mine.get(r.id, 0), r.candidate_id)
        for r, who in rows
    )
    return WasteBoard(item.id, _stage(session, item), rules_of(round_of(session, item.id)),
                      views, sum(mine.values()))


def results(session: Session, actor: Actor, item_id: int) -> WasteResults:
    """Dots on the item's waste by role group, side by side (groups under 3 not shown)."""
    item = activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
    rows = session.scalars(select(WasteItem).where(
        WasteItem.agenda_item_id == item.id, WasteItem.hidden.is_(False),
        WasteItem.withdrawn.is_(False)).order_by(WasteItem.created_at, WasteItem.id)).all()
    respondents, points = prioritising.dot_points(session, item.id, {r.id for r in rows})
    groups = prioritising.group_summaries(respondents)
    shown = [g.group for g in groups if g.shown]
    return WasteResults(item.id, item.title, groups, tuple(
        WasteResult(r.id, r.text, r.category, r.free_category,
                    {g: points[r.id][g] for g in shown}, r.candidate_id) for r in rows))


def pick(session: Session, actor: Actor, waste_id: int, kind: str = "problem"
         ) -> prioritising.CandidateView:
    """The facilitator picks a waste item to work on: it becomes a candidate (origin kept).

    Picking it again returns the same candidate.
    """
    record = session.get(WasteItem, waste_id)
    if record is None or record.withdrawn:
        raise NotFound()
    require_facilitator(session, actor, record.workshop_id)
    if record.candidate_id is not None:
        existing = session.get(Candidate, record.candidate_id)
        if existing is not None and not existing.withdrawn:
            return prioritising.get_candidate(session, actor, existing.id)
    candidate = prioritising.collect(session, actor, record.workshop_id, "waste_item",
                                     record.id, kind=kind)
    record.candidate_id = candidate.id
    contributions.save(session, record)
    return candidate


def workshop_waste(session: Session, actor: Actor, workshop_id: int) -> list[WorkshopWaste]:
    """Every waste item of the workshop, by category (facilitators)."""
    require_facilitator(session, actor, workshop_id)
    assert isinstance(actor, FacilitatorActor)
    rows = session.execute(
        select(WasteItem, Meeting.number)
        .outerjoin(Meeting, Meeting.id == WasteItem.meeting_id)
        .where(WasteItem.workshop_id == workshop_id, WasteItem.withdrawn.is_(False))
        .order_by(WasteItem.created_at, WasteItem.id)
    ).all()
    order = {key: n for n, key in enumerate((*CATEGORIES, FREE))}
    found = [WorkshopWaste(w.id, w.agenda_item_id, number, w.category, w.free_category, w.text,
                           w.where_in_path, w.hidden, w.candidate_id) for w, number in rows]
    return sorted(found, key=lambda w: (order.get(w.category, len(order)),
                                        w.free_category.casefold()))
