"""Topics listed beforehand and dot voting (aiheet etukäteen, pisteäänestys).

Topics belong to the workshop: what was listed at the end of one meeting ("topics for next
time") is there at the next. Votes belong to an agenda item: each topics item is its own
vote, and a later item shows the ranking of the previous one.

Rules of dot voting, all enforced here:

- an item gives every participant ``dots_per_person`` dots (default 3) and allows at most
  ``max_dots_per_topic`` of them on one topic (default 2);
- a participant sets the number of dots on a topic (:func:`set_dots`), so a double click or a
  resubmit sends the same number again and changes nothing; removing a dot sets one fewer;
- votes of an item are serialised on the agenda item's row, so two requests at once cannot
  together spend more dots than a participant has;
- merging topic B into topic A moves B's dots to A; where a participant would then have more
  dots on A than the item allows, A gets the allowed number and the rest go back to the
  participant to spend again (:class:`MergeResult` counts them);
- hiding or withdrawing a topic gives its dots back to the voters; showing it again starts
  it from zero.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workshop import contributions
from workshop.access import (
    Actor,
    ParticipantActor,
    require_facilitator,
    require_participant,
    require_writable_item,
)
from workshop.contributions import Authorship
from workshop.errors import InvalidInput, NotFound
from workshop.model_warmup import Topic, TopicVote, activity_item, authorship, bump_workshop
from workshop.models import AgendaItem, Meeting, Participant
from workshop.participants import role_group
from workshop.text import clean_int, clean_text

ACTIVITY = "topics"
DEFAULT_DOTS = 3
DEFAULT_MAX_PER_TOPIC = 2
MAX_DOTS = 20
MAX_TOPIC_LENGTH = 300
MAX_TOPICS = 200
FIELD = "field.warmup.topic"


@dataclass(frozen=True)
class VoteRules:
    dots_per_person: int
    max_per_topic: int


@dataclass(frozen=True)
class TopicView:
    id: int
    text: str
    total: int  # dots in this agenda item
    my_dots: int
    version: int
    hidden: bool
    author: Authorship
    merged_count: int  # how many duplicates were merged into this one
    earlier_meeting: bool  # listed in an earlier meeting
    by_group: dict[str, int] = field(default_factory=dict)  # client / worker / other dots


@dataclass(frozen=True)
class EarlierRanking:
    meeting_number: int
    item_title: str
    ranked: tuple[tuple[int, str, int], ...]  # (topic id, text, dots), best first


@dataclass(frozen=True)
class TopicBoard:
    rules: VoteRules
    topics: tuple[TopicView, ...]  # ranked: most dots first, then oldest first
    dots_used: int  # the actor's own (0 for facilitators)
    earlier: EarlierRanking | None

    @property
    def dots_left(self) -> int:
        return self.rules.dots_per_person - self.dots_used


@dataclass(frozen=True)
class MergeResult:
    moved: int  # dots that now count for the kept topic
    returned: int  # dots given back because of the per-topic limit


def rules_of(item: AgendaItem) -> VoteRules:
    """The item's voting rules; anything odd in the stored config falls back to defaults."""
    config = item.config or {}
    dots = config.get("dots_per_person", DEFAULT_DOTS)
    if isinstance(dots, bool) or not isinstance(dots, int) or not 1 <= dots <= MAX_DOTS:
        dots = DEFAULT_DOTS
    cap = config.get("max_dots_per_topic", DEFAULT_MAX_PER_TOPIC)
    if isinstance(cap, bool) or not isinstance(cap, int) or cap < 1:
        cap = DEFAULT_MAX_PER_TOPIC
    return VoteRules(dots, min(cap, dots))


def _clean(text: object) -> str:
    return clean_text(text, field=FIELD, max_length=MAX_TOPIC_LENGTH, multiline=False)


# --- serialising votes -------------------------------------------------------------------------

def _lock_items(session: Session, item_ids: Iterable[int]) -> dict[int, AgendaItem]:
    """Lock agenda item rows (ascending id, so lockers never deadlock) and reload them.

    PostgreSQL: FOR NO KEY UPDATE, which still lets other tables insert rows pointing at the
    item. SQLite: writers are already serialised by BEGIN IMMEDIATE.
    """
    ids = sorted(set(item_ids))
    if not ids:
        return {}
    rows = session.scalars(
        select(AgendaItem).where(AgendaItem.id.in_(ids)).order_by(AgendaItem.id)
        .with_for_update(key_share=True).execution_options(populate_existing=True)
    ).all()
    return {item.id: item for item in rows}


def _fresh_topics(session: Session, topic_ids: Iterable[int], lock: bool = False
                  ) -> dict[int, Topic]:
    query = (select(Topic).where(Topic.id.in_(sorted(set(topic_ids)))).order_by(Topic.id)
             .execution_options(populate_existing=True))
    if lock:
        query = query.with_for_update()
    return {t.id: t for t in session.scalars(query)}


def _items_touching(session: Session, workshop_id: int, topic_ids: Iterable[int]) -> list[int]:
    """Every item whose votes a topic change may move: the workshop's topics items and any
    item that holds votes for these topics."""
    topics_items = session.scalars(
        select(AgendaItem.id).join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(Meeting.workshop_id == workshop_id, AgendaItem.activity_type == ACTIVITY)
    ).all()
    voted = session.scalars(
        select(TopicVote.agenda_item_id).where(TopicVote.topic_id.in_(list(topic_ids)))
        .distinct()
    ).all()
    return [*topics_items, *voted]


# --- configuring an item -----------------------------------------------------------------------

def configure(session: Session, actor: Actor, item_id: int, *, dots_per_person: int,
              max_per_topic: int) -> VoteRules:
    """Set the item's dots per person and per topic.

    Lowering a limit below what someone already used is refused (they would hold more dots
    than allowed); raising is always fine.
    """
    item = activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
    dots = clean_int(dots_per_person, field="field.warmup.dots_per_person", minimum=1,
                     maximum=MAX_DOTS)
    cap = clean_int(max_per_topic, field="field.warmup.max_per_topic", minimum=1,
                    maximum=dots)
    item = _lock_items(session, [item.id])[item.id]
    used = session.execute(
        select(TopicVote.participant_id, func.sum(TopicVote.dots), func.max(TopicVote.dots))
        .where(TopicVote.agenda_item_id == item.id).group_by(TopicVote.participant_id)
    ).all()
    if any(total > dots or highest > cap for _pid, total, highest in used):
        raise InvalidInput("error.warmup.dots_in_use")
    item.config = {**(item.config or {}), "dots_per_person": dots, "max_dots_per_topic": cap}
    session.flush()
    bump_workshop(session, item.meeting.workshop_id, item.meeting_id)
    return VoteRules(dots, cap)


# --- topics --------------------------------------------------------------------------------------

def submit(session: Session, actor: Actor, item_id: int, text: str,
           client_key: str | None = None) -> tuple[int, bool]:
    """A new topic for the workshop; returns (id, created)."""
    item = activity_item(session, actor, item_id, ACTIVITY)
    require_writable_item(session, actor, item_id)
    cleaned = _clean(text)
    workshop_id = item.meeting.workshop_id
    shown = session.scalar(
        select(func.count()).select_from(Topic).where(
            Topic.workshop_id == workshop_id, Topic.hidden.is_(False),
            Topic.withdrawn.is_(False), Topic.merged_into_id.is_(None))
    ) or 0
    if shown >= MAX_TOPICS:
        raise InvalidInput("error.warmup.topics_full", max=MAX_TOPICS)
    record, created = contributions.create(session, actor, Topic, item_id, client_key,
                                           text=cleaned)
    if created:
        bump_workshop(session, workshop_id, item.meeting_id)
    return record.id, created


def edit_topic(session: Session, actor: Actor, topic_id: int, expected_version: int,
               text: str) -> int:
    """Reword a topic (its author while the item is open, or the facilitator)."""
    cleaned = _clean(text)
    current = session.get(Topic, topic_id)
    if current is not None and current.text == cleaned:
        expected_version = current.version  # saving the same text again is a no-op
    topic = contributions.get_for_edit(session, actor, Topic, topic_id, expected_version)
    if topic.merged_into_id is not None:
        raise InvalidInput("error.warmup.topic_merged")
    if topic.text != cleaned:
        topic.text = cleaned
        contributions.save(session, topic)
        bump_workshop(session, topic.workshop_id)
    return topic.version


def _release_votes(session: Session, topic: Topic) -> int:
    """Give a topic's dots back to its voters (every item); returns how many."""
    _lock_items(session, _items_touching(session, topic.workshop_id, [topic.id]))
    votes = session.scalars(select(TopicVote).where(TopicVote.topic_id == topic.id)).all()
    released = sum(v.dots for v in votes)
    for vote in votes:
        session.delete(vote)
    session.flush()
    return released


def withdraw_topic(session: Session, actor: Actor, topic_id: int, expected_version: int) -> None:
    topic = contributions.get_for_edit(session, actor, Topic, topic_id, expected_version)
    _release_votes(session, topic)
    topic.withdrawn = True
    contributions.save(session, topic)
    bump_workshop(session, topic.workshop_id)


def hide_topic(session: Session, actor: Actor, topic_id: int, hidden: bool = True) -> None:
    """The facilitator hides a topic (kept, marked); its dots go back to the voters."""
    topic = session.get(Topic, topic_id)
    if topic is None or topic.withdrawn:
        raise NotFound()
    require_facilitator(session, actor, topic.workshop_id)
    if topic.hidden == hidden:
        return
    if hidden:
        _release_votes(session, topic)
    topic.hidden = hidden
    contributions.save(session, topic)
    bump_workshop(session, topic.workshop_id)


def merge(session: Session, actor: Actor, keep_id: int, merge_id: int) -> MergeResult:
    """Merge a duplicate (``merge_id``) into the topic kept (``keep_id``).

    In every item, a participant's dots on the duplicate move to the kept topic up to the
    item's per-topic limit; the rest return to them. The duplicate stays stored, marked as
    merged; topics merged into it earlier now point to the kept topic. Repeating the same
    merge changes nothing.
    """
    if keep_id == merge_id:
        raise InvalidInput("error.warmup.merge_same")
    first = session.get(Topic, keep_id)
    second = session.get(Topic, merge_id)
    if first is None or second is None or first.workshop_id != second.workshop_id:
        raise NotFound()
    workshop_id = first.workshop_id
    require_facilitator(session, actor, workshop_id)
    items = _lock_items(session, _items_touching(session, workshop_id, [keep_id, merge_id]))
    fresh = _fresh_topics(session, [keep_id, merge_id], lock=True)
    keep, duplicate = fresh[keep_id], fresh[merge_id]
    if duplicate.merged_into_id == keep.id:
        return MergeResult(0, 0)
    if keep.withdrawn or duplicate.withdrawn:
        raise NotFound()
    if keep.merged_into_id is not None or duplicate.merged_into_id is not None:
        raise InvalidInput("error.warmup.topic_merged")
    if keep.hidden:
        raise InvalidInput("error.warmup.merge_into_hidden")
    kept_votes = {
        (v.agenda_item_id, v.participant_id): v
        for v in session.scalars(select(TopicVote).where(TopicVote.topic_id == keep.id))
    }
    moved = returned = 0
    duplicates = session.scalars(
        select(TopicVote).where(TopicVote.topic_id == duplicate.id)).all()
    for vote in duplicates:
        item = items.get(vote.agenda_item_id) or session.get(AgendaItem, vote.agenda_item_id)
        cap = rules_of(item).max_per_topic if item is not None else DEFAULT_MAX_PER_TOPIC
        target = kept_votes.get((vote.agenda_item_id, vote.participant_id))
        before = target.dots if target is not None else 0
        after = max(before, min(cap, before + vote.dots))
        moved += after - before
        returned += before + vote.dots - after
        if target is None:
            session.add(TopicVote(agenda_item_id=vote.agenda_item_id,
                                  participant_id=vote.participant_id, topic_id=keep.id,
                                  dots=after))
        elif after != before:
            target.dots = after
        session.delete(vote)
    chained = session.scalars(select(Topic).where(Topic.merged_into_id == duplicate.id)).all()
    for earlier in chained:
        earlier.merged_into_id = keep.id
    duplicate.merged_into_id = keep.id
    contributions.save(session, duplicate)
    bump_workshop(session, workshop_id)
    return MergeResult(moved, returned)


# --- voting ------------------------------------------------------------------------------------

def set_dots(session: Session, actor: Actor, item_id: int, topic_id: int, dots: int) -> int:
    """Put exactly ``dots`` of the participant's dots on a topic (0 removes them all).

    Idempotent: sending the same number again changes nothing. Returns the dots left.
    """
    item = activity_item(session, actor, item_id, ACTIVITY)
    require_writable_item(session, actor, item_id)
    participant = require_participant(session, actor)
    wanted = clean_int(dots, field="field.warmup.dots", minimum=0, maximum=MAX_DOTS)
    item = _lock_items(session, [item.id])[item.id]
    rules = rules_of(item)
    topic = _fresh_topics(session, [topic_id]).get(topic_id)
    if (topic is None or topic.workshop_id != item.meeting.workshop_id or topic.hidden
            or topic.withdrawn):
        raise NotFound()
    if topic.merged_into_id is not None:
        raise InvalidInput("error.warmup.topic_merged")
    if wanted > rules.max_per_topic:
        raise InvalidInput("error.warmup.topic_dot_limit", max=rules.max_per_topic)
    mine = {
        v.topic_id: v for v in session.scalars(
            select(TopicVote).where(TopicVote.agenda_item_id == item.id,
                                    TopicVote.participant_id == participant.id)
            .execution_options(populate_existing=True))
    }
    elsewhere = sum(v.dots for t, v in mine.items() if t != topic.id)
    if elsewhere + wanted > rules.dots_per_person:
        raise InvalidInput("error.warmup.no_dots_left", dots=rules.dots_per_person)
    vote = mine.get(topic.id)
    current = vote.dots if vote is not None else 0
    if current == wanted:
        return rules.dots_per_person - elsewhere - wanted
    if vote is None:
        session.add(TopicVote(agenda_item_id=item.id, participant_id=participant.id,
                              topic_id=topic.id, dots=wanted))
    elif wanted == 0:
        session.delete(vote)
    else:
        vote.dots = wanted
    session.flush()
    bump_workshop(session, item.meeting.workshop_id, item.meeting_id)
    return rules.dots_per_person - elsewhere - wanted


# --- reading -----------------------------------------------------------------------------------

def _totals(session: Session, item_ids: list[int]
            ) -> tuple[Counter[int], dict[int, Counter[str]]]:
    totals: Counter[int] = Counter()
    groups: dict[int, Counter[str]] = defaultdict(Counter)
    if not item_ids:
        return totals, groups
    rows = session.execute(
        select(TopicVote.topic_id, Participant.role, func.sum(TopicVote.dots))
        .join(Participant, Participant.id == TopicVote.participant_id)
        .where(TopicVote.agenda_item_id.in_(item_ids))
        .group_by(TopicVote.topic_id, Participant.role)
    ).all()
    for topic_id, role, dots in rows:
        totals[topic_id] += int(dots)
        groups[topic_id][role_group(role)] += int(dots)
    return totals, groups


def _topic_views(session: Session, actor: Actor, workshop_id: int, item_ids: list[int],
                 show_names: bool, my_votes: dict[int, int], meeting_id: int | None
                 ) -> list[TopicView]:
    query = (
        select(Topic, Participant)
        .outerjoin(Participant, Participant.id == Topic.author_id)
        .where(Topic.workshop_id == workshop_id, Topic.withdrawn.is_(False),
               Topic.merged_into_id.is_(None))
    )
    if isinstance(actor, ParticipantActor):
        query = query.where(Topic.hidden.is_(False))
    rows = session.execute(query).all()
    totals, groups = _totals(session, item_ids)
    merged = Counter(session.scalars(
        select(Topic.merged_into_id).where(Topic.workshop_id == workshop_id,
                                           Topic.merged_into_id.is_not(None))))
    created = {t.id: t.created_at for t, _author in rows}
    views = [
        TopicView(
            t.id, t.text, totals[t.id], my_votes.get(t.id, 0), t.version, t.hidden,
            authorship(actor, author, show_names), merged[t.id],
            meeting_id is not None and t.meeting_id != meeting_id,
            dict(groups.get(t.id, {})),
        )
        for t, author in rows
    ]
    return sorted(views, key=lambda v: (v.hidden, -v.total, created[v.id], v.id))


def board(session: Session, actor: Actor, item_id: int) -> TopicBoard:
    """The ranked topics of an item as the actor may see them, with their own dots and the
    ranking of the previous topics vote."""
    item = activity_item(session, actor, item_id, ACTIVITY)
    workshop_id = item.meeting.workshop_id
    my_votes: dict[int, int] = {}
    if isinstance(actor, ParticipantActor):
        my_votes = dict(session.execute(
            select(TopicVote.topic_id, TopicVote.dots).where(
                TopicVote.agenda_item_id == item.id,
                TopicVote.participant_id == actor.participant_id)
        ).all())
    views = _topic_views(session, actor, workshop_id, [item.id], item.show_names, my_votes,
                         item.meeting_id)
    return TopicBoard(rules_of(item), tuple(views), sum(my_votes.values()),
                      _earlier(session, item))


def _earlier(session: Session, item: AgendaItem) -> EarlierRanking | None:
    """The latest earlier topics item of the workshop that got votes, ranked."""
    meeting = item.meeting
    candidates = session.execute(
        select(AgendaItem, Meeting.number)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(Meeting.workshop_id == meeting.workshop_id,
               AgendaItem.activity_type == ACTIVITY, AgendaItem.id != item.id)
        .order_by(Meeting.number.desc(), AgendaItem.position.desc(), AgendaItem.id.desc())
    ).all()
    for candidate, number in candidates:
        if (number, candidate.position) >= (meeting.number, item.position):
            continue
        totals, _groups = _totals(session, [candidate.id])
        if not totals:
            continue
        topics = session.execute(
            select(Topic.id, Topic.text, Topic.created_at).where(
                Topic.id.in_(list(totals)), Topic.hidden.is_(False),
                Topic.withdrawn.is_(False))
        ).all()
        ranked = sorted(topics, key=lambda row: (-totals[row.id], row.created_at, row.id))
        return EarlierRanking(number, candidate.title,
                              tuple((row.id, row.text, totals[row.id]) for row in ranked))
    return None


def workshop_topics(session: Session, actor: Actor, workshop_id: int) -> list[TopicView]:
    """All topics of a workshop for the facilitator, ranked by dots over every item."""
    require_facilitator(session, actor, workshop_id)
    item_ids = list(session.scalars(
        select(TopicVote.agenda_item_id)
        .join(AgendaItem, AgendaItem.id == TopicVote.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(Meeting.workshop_id == workshop_id).distinct()))
    return _topic_views(session, actor, workshop_id, item_ids, False, {}, None)
