"""Tuplatiimi (double team) ideation as a live activity: a state machine per agenda item.

The steps (``STEPS``), moved on by the facilitator only:

1. ``frame``: the facilitator frames the question;
2. ``ideas``: each participant writes ideas alone (at most ``MAX_IDEAS_PER_PERSON``); nobody
   else sees them;
3. ``pairs``: pairs are formed (:func:`workshop.groups.form_groups` with ``pairs=True``:
   clients with workers where possible, an odd one out makes a trio; a late joiner is put
   into the smallest pair). Partners now see each other's ideas, merge duplicates and pick
   their best ``MIN_PICKS``–``MAX_PICKS`` (more than ``MAX_PICKS`` is refused);
4. ``present``: every pair's picks are shown to everyone (and on the projector);
5. ``marks``: each pair places ``MARKS_PER_PAIR`` marks, at most ``MAX_OWN_MARKS`` on its own
   picks. Marks are set as an exact number per idea (idempotent) and serialised on the
   agenda item's row, so concurrent clicks by both partners can never exceed the limits;
6. ``themes``: the facilitator groups the top ideas into themes (ideas can be moved);
7. ``plan``: an action plan per theme: what, who, by when;

and ``done``. Steps never wait for everyone: someone who dropped out does not block the
round. When the round is finished, each theme flows into the workshop's candidate list
(kind "solution") with its origin kept; single ideas can be sent there too.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workshop import contributions, groups, prioritising
from workshop.access import (
    Actor,
    FacilitatorActor,
    ParticipantActor,
    require_facilitator,
    require_participant,
)
from workshop.contributions import Authorship
from workshop.errors import Conflict, InvalidInput, NotFound, StaleEdit
from workshop.groups import GroupView, MemberView
from workshop.model_groups import WorkGroup, WorkGroupMember
from workshop.model_prioritising import TtIdea, TtMark, TtTheme, TuplatiimiRound
from workshop.models import AgendaItem, Participant
from workshop.prioritising import (
    activity_item,
    authorship,
    bump_workshop,
    flush_versioned,
    lock_item,
)
from workshop.text import MEDIUM, SHORT, clean_choice, clean_int, clean_name, clean_text

ACTIVITY = "tuplatiimi"
STEPS: tuple[str, ...] = ("frame", "ideas", "pairs", "present", "marks", "themes", "plan",
                          "done")
WRITING_STEPS = ("ideas", "pairs")
THEME_STEPS = ("themes", "plan", "done")
MAX_IDEAS_PER_PERSON = 10
MIN_PICKS, MAX_PICKS = 5, 7
MARKS_PER_PAIR = 5
MAX_OWN_MARKS = 2
MAX_IDEA_LENGTH = 300
MAX_QUESTION_LENGTH = 500
MAX_THEMES = 30
_WRONG_STEP = {"pairs": "error.tt.not_pairs_step", "marks": "error.tt.not_marks_step"}


@dataclass(frozen=True)
class IdeaView:
    id: int
    text: str
    version: int
    author: Authorship
    pair_id: int | None  # the pair that picked it
    picked: bool
    merged_into_id: int | None
    theme_id: int | None
    hidden: bool
    marks: int | None  # all pairs' marks; None where the actor may not see them yet
    my_pair_marks: int  # the actor's pair's marks on it
    own: bool  # picked by (or written in) the actor's own pair


@dataclass(frozen=True)
class PairView:
    id: int
    position: int
    name: str
    members: tuple[MemberView, ...]
    picks: int
    marks_used: int | None  # shown to facilitators and to the pair itself


@dataclass(frozen=True)
class ThemeView:
    id: int
    position: int
    name: str
    what: str
    who: str
    by_when: dt.date | None
    version: int
    idea_ids: tuple[int, ...]  # most marks first
    marks: int


@dataclass(frozen=True)
class RoundView:
    item_id: int
    question: str
    step: str
    version: int  # 0 before the facilitator first touched the round
    ideas: tuple[IdeaView, ...]
    pairs: tuple[PairView, ...]
    themes: tuple[ThemeView, ...]
    my_pair_id: int | None
    my_idea_count: int
    marks_left: int
    own_marks_left: int
    idea_count: int  # every idea written in the round (a number, shown to anyone)
    authors: int

    @property
    def step_number(self) -> int:
        return STEPS.index(self.step) + 1

    def idea(self, idea_id: int) -> IdeaView | None:
        return next((i for i in self.ideas if i.id == idea_id), None)


def _at_least(step: str, floor: str) -> bool:
    return STEPS.index(step) >= STEPS.index(floor)


# --- the round --------------------------------------------------------------------------------

def _round(session: Session, item_id: int) -> TuplatiimiRound | None:
    return session.scalar(select(TuplatiimiRound).where(TuplatiimiRound.agenda_item_id == item_id)
                          .execution_options(populate_existing=True))


def _ensure(session: Session, item: AgendaItem) -> TuplatiimiRound:
    """The round row, made on first use (the caller holds the item's lock)."""
    found = _round(session, item.id)
    if found is None:
        found = TuplatiimiRound(agenda_item_id=item.id, workshop_id=item.meeting.workshop_id,
                                question=item.instructions or "", step=STEPS[0])
        session.add(found)
        session.flush()
    return found


def _step(session: Session, item_id: int) -> str:
    found = _round(session, item_id)
    return found.step if found is not None else STEPS[0]


def set_question(session: Session, actor: Actor, item_id: int, question: str) -> None:
    """Frame (or reword) the question, until the round is done."""
    item = activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
    cleaned = clean_text(question, field="field.tt.question", max_length=MAX_QUESTION_LENGTH)
    item = lock_item(session, item.id)
    round_ = _ensure(session, item)
    if round_.step == "done":
        raise InvalidInput("error.tt.round_done")
    if round_.question != cleaned:
        round_.question = cleaned
        flush_versioned(session)
        bump_workshop(session, item.meeting.workshop_id, item.meeting_id)


def advance(session: Session, actor: Actor, item_id: int, from_step: str) -> str:
    """Move the round from ``from_step`` to the next step; returns the step it is at.

    Idempotent: a repeated command (the round is already one step further) changes nothing;
    a command for a step the round has left otherwise is refused as a conflict.
    """
    item = activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
    current = clean_choice(from_step, STEPS[:-1], field="field.tt.step")
    item = lock_item(session, item.id)
    round_ = _ensure(session, item)
    following = STEPS[STEPS.index(current) + 1]
    if round_.step == following:
        return following
    if round_.step != current:
        raise Conflict("error.tt.step_moved")
    if current == "frame" and not round_.question.strip():
        raise InvalidInput("error.tt.question_missing")
    if current == "frame" and item.meeting.status == "open":
        item.contributions_open = True  # the ideas step needs participants' writing open
    if current == "ideas" and not groups.groups_for_item(session, actor, item.id):
        groups.form_groups(session, actor, item.id, pairs=True)
    round_.step = following
    flush_versioned(session)
    if following == "done":
        for theme in session.scalars(select(TtTheme).where(TtTheme.agenda_item_id == item.id)
                                     .order_by(TtTheme.position, TtTheme.id)):
            send_theme_to_candidates(session, actor, theme.id)
    bump_workshop(session, item.meeting.workshop_id, item.meeting_id)
    return following


def go_back(session: Session, actor: Actor, item_id: int, from_step: str) -> str:
    """Step back one step (a mistaken click). Pairs, picks and marks stay as they are."""
    item = activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
    current = clean_choice(from_step, STEPS[1:], field="field.tt.step")
    item = lock_item(session, item.id)
    round_ = _ensure(session, item)
    previous = STEPS[STEPS.index(current) - 1]
    if round_.step == previous:
        return previous
    if round_.step != current:
        raise Conflict("error.tt.step_moved")
    round_.step = previous
    flush_versioned(session)
    bump_workshop(session, item.meeting.workshop_id, item.meeting_id)
    return previous


# --- ideas ------------------------------------------------------------------------------------

def _clean_idea(text: object) -> str:
    return clean_text(text, field="field.tt.idea", max_length=MAX_IDEA_LENGTH)


def add_idea(session: Session, actor: Actor, item_id: int, text: str,
             client_key: str | None = None) -> tuple[int, bool]:
    """A participant's idea (ideas step, or a merged wording in the pairs step).

    Returns (id, created); a repeated ``client_key`` returns the first idea.
    """
    item = activity_item(session, actor, item_id, ACTIVITY, writable=True)
    participant = require_participant(session, actor)
    cleaned = _clean_idea(text)
    item = lock_item(session, item.id)
    if _step(session, item.id) not in WRITING_STEPS:
        raise InvalidInput("error.tt.not_writing_step")
    key = prioritising.clean_key(client_key)
    if key is not None:
        existing = session.scalar(select(TtIdea).where(TtIdea.author_id == participant.id,
                                                       TtIdea.client_key == key))
        if existing is not None:
            return existing.id, False
    written = session.scalar(select(func.count()).select_from(TtIdea).where(
        TtIdea.agenda_item_id == item.id, TtIdea.author_id == participant.id,
        TtIdea.withdrawn.is_(False))) or 0
    if written >= MAX_IDEAS_PER_PERSON:
        raise InvalidInput("error.tt.idea_limit", max=MAX_IDEAS_PER_PERSON)
    record, created = contributions.create(session, actor, TtIdea, item.id, key, text=cleaned)
    return record.id, created


def _idea_of(session: Session, item_id: int, idea_id: int) -> TtIdea:
    idea = session.scalar(select(TtIdea).where(TtIdea.id == idea_id)
                          .execution_options(populate_existing=True))
    if idea is None or idea.agenda_item_id != item_id or idea.withdrawn:
        raise NotFound()
    return idea


def edit_idea(session: Session, actor: Actor, idea_id: int, expected_version: int,
              text: str) -> int:
    """The author rewords an idea (ideas and pairs steps); returns the new version."""
    cleaned = _clean_idea(text)
    idea = contributions.get_for_edit(session, actor, TtIdea, idea_id, expected_version)
    assert idea.agenda_item_id is not None
    if _step(session, idea.agenda_item_id) not in WRITING_STEPS:
        raise InvalidInput("error.tt.not_writing_step")
    if idea.text != cleaned:
        idea.text = cleaned
        contributions.save(session, idea)
    return idea.version


def withdraw_idea(session: Session, actor: Actor, idea_id: int, expected_version: int) -> None:
    idea = contributions.get_for_edit(session, actor, TtIdea, idea_id, expected_version)
    assert idea.agenda_item_id is not None
    if _step(session, idea.agenda_item_id) not in WRITING_STEPS:
        raise InvalidInput("error.tt.not_writing_step")
    idea.withdrawn, idea.picked, idea.pair_id = True, False, None
    contributions.save(session, idea)


def hide_idea(session: Session, actor: Actor, idea_id: int, hidden: bool = True) -> None:
    """The facilitator hides an idea (kept, marked); marks on it go back to the pairs."""
    idea = session.get(TtIdea, idea_id)
    if idea is None or idea.withdrawn:
        raise NotFound()
    require_facilitator(session, actor, idea.workshop_id)
    if hidden and idea.agenda_item_id is not None:
        lock_item(session, idea.agenda_item_id)
        for mark in session.scalars(select(TtMark).where(TtMark.idea_id == idea.id)):
            session.delete(mark)
    contributions.set_hidden(session, actor, TtIdea, idea_id, hidden)


# --- pairs ------------------------------------------------------------------------------------

def join_pair(session: Session, actor: Actor, item_id: int) -> GroupView | None:
    """The participant's pair from the pairs step on; a late joiner is put into the smallest
    pair (which becomes a trio). None before pairs exist."""
    item = activity_item(session, actor, item_id, ACTIVITY)
    if not isinstance(actor, ParticipantActor):
        raise NotFound()
    if not _at_least(_step(session, item.id), "pairs"):
        return None
    return groups.my_group(session, actor, item.id, join_if_missing=True)


def _pair_of(session: Session, item_id: int, participant_id: int) -> int | None:
    return session.scalar(select(WorkGroupMember.group_id).where(
        WorkGroupMember.agenda_item_id == item_id,
        WorkGroupMember.participant_id == participant_id))


def _members(session: Session, group_id: int) -> set[int]:
    return set(session.scalars(
        select(WorkGroupMember.participant_id)
        .join(Participant, Participant.id == WorkGroupMember.participant_id)
        .where(WorkGroupMember.group_id == group_id, Participant.erased_at.is_(None))))


def _my_pair(session: Session, actor: Actor, item: AgendaItem) -> tuple[int, set[int]]:
    """The participant's pair (placing a late joiner) and its members."""
    participant = require_participant(session, actor)
    group = groups.my_group(session, ParticipantActor(participant.id), item.id,
                            join_if_missing=True)
    if group is None:
        raise InvalidInput("error.tt.no_pair")
    return group.id, _members(session, group.id)


def _pair_step_item(session: Session, actor: Actor, item_id: int, step: str) -> AgendaItem:
    item = activity_item(session, actor, item_id, ACTIVITY, writable=True)
    require_participant(session, actor)
    item = lock_item(session, item.id)
    if _step(session, item.id) != step:
        raise InvalidInput(_WRONG_STEP[step])
    return item


def _live(idea: TtIdea) -> bool:
    return not (idea.withdrawn or idea.hidden or idea.merged_into_id is not None)


def set_pick(session: Session, actor: Actor, item_id: int, idea_id: int, picked: bool) -> int:
    """Pick (or unpick) one of the pair's ideas as one of its best; returns the pair's picks.

    Idempotent. At most ``MAX_PICKS`` picks per pair.
    """
    item = _pair_step_item(session, actor, item_id, "pairs")
    pair_id, members = _my_pair(session, actor, item)
    idea = _idea_of(session, item.id, idea_id)
    if idea.author_id not in members and idea.pair_id != pair_id:
        raise NotFound()
    if idea.merged_into_id is not None:
        raise InvalidInput("error.tt.idea_merged")
    if not _live(idea):
        raise NotFound()
    count = _picks(session, item.id, pair_id)
    if picked == (idea.picked and idea.pair_id == pair_id):
        return count
    if picked:
        if count >= MAX_PICKS:
            raise InvalidInput("error.tt.too_many_picks", max=MAX_PICKS)
        idea.picked, idea.pair_id = True, pair_id
        count += 1
    else:
        idea.picked, idea.pair_id = False, None
        count -= 1
    contributions.save(session, idea)
    return count


def _picks(session: Session, item_id: int, pair_id: int) -> int:
    return session.scalar(select(func.count()).select_from(TtIdea).where(
        TtIdea.agenda_item_id == item_id, TtIdea.pair_id == pair_id, TtIdea.picked.is_(True),
        TtIdea.withdrawn.is_(False), TtIdea.hidden.is_(False),
        TtIdea.merged_into_id.is_(None))) or 0


def merge_ideas(session: Session, actor: Actor, item_id: int, keep_id: int, merge_id: int
                ) -> None:
    """Partners merge a duplicate into the idea they keep (pairs step). The duplicate stays
    stored, marked as merged, and is no longer a pick. Merging again changes nothing."""
    if keep_id == merge_id:
        raise InvalidInput("error.tt.merge_same")
    item = _pair_step_item(session, actor, item_id, "pairs")
    _pair_id, members = _my_pair(session, actor, item)
    keep, duplicate = _idea_of(session, item.id, keep_id), _idea_of(session, item.id, merge_id)
    if keep.author_id not in members or duplicate.author_id not in members:
        raise NotFound()
    if duplicate.merged_into_id == keep.id:
        return
    if keep.merged_into_id is not None or duplicate.merged_into_id is not None:
        raise InvalidInput("error.tt.idea_merged")
    for earlier in session.scalars(select(TtIdea).where(TtIdea.merged_into_id == duplicate.id)):
        earlier.merged_into_id = keep.id
    duplicate.merged_into_id, duplicate.picked, duplicate.pair_id = keep.id, False, None
    contributions.save(session, duplicate)


def unmerge_idea(session: Session, actor: Actor, item_id: int, idea_id: int) -> None:
    """Undo a merge (pairs step)."""
    item = _pair_step_item(session, actor, item_id, "pairs")
    _pair_id, members = _my_pair(session, actor, item)
    idea = _idea_of(session, item.id, idea_id)
    if idea.author_id not in members:
        raise NotFound()
    if idea.merged_into_id is not None:
        idea.merged_into_id = None
        contributions.save(session, idea)


# --- marks ------------------------------------------------------------------------------------

def set_marks(session: Session, actor: Actor, item_id: int, idea_id: int, count: int) -> int:
    """Put exactly ``count`` of the pair's marks on a presented idea; returns marks left.

    Every pair has ``MARKS_PER_PAIR`` marks, at most ``MAX_OWN_MARKS`` of them on its own
    picks. Idempotent, and serialised on the agenda item's row: the two partners clicking at
    once cannot together break either limit.
    """
    wanted = clean_int(count, field="field.tt.marks", minimum=0, maximum=MARKS_PER_PAIR)
    item = _pair_step_item(session, actor, item_id, "marks")
    pair_id, _members_now = _my_pair(session, actor, item)
    idea = _idea_of(session, item.id, idea_id)
    if not _live(idea) or not idea.picked or idea.pair_id is None:
        raise InvalidInput("error.tt.not_presented")
    marks = {m.idea_id: m for m in session.scalars(
        select(TtMark).where(TtMark.agenda_item_id == item.id, TtMark.group_id == pair_id)
        .execution_options(populate_existing=True))}
    own = set(session.scalars(select(TtIdea.id).where(
        TtIdea.agenda_item_id == item.id, TtIdea.pair_id == pair_id)))
    elsewhere = sum(m.count for i, m in marks.items() if i != idea.id)
    if elsewhere + wanted > MARKS_PER_PAIR:
        raise InvalidInput("error.tt.marks_used", max=MARKS_PER_PAIR)
    if idea.id in own:
        own_elsewhere = sum(m.count for i, m in marks.items() if i != idea.id and i in own)
        if own_elsewhere + wanted > MAX_OWN_MARKS:
            raise InvalidInput("error.tt.own_marks", max=MAX_OWN_MARKS)
    mark = marks.get(idea.id)
    if (mark.count if mark else 0) != wanted:
        if mark is None:
            session.add(TtMark(agenda_item_id=item.id, group_id=pair_id, idea_id=idea.id,
                               count=wanted))
        elif wanted == 0:
            session.delete(mark)
        else:
            mark.count = wanted
        session.flush()
        bump_workshop(session, item.meeting.workshop_id, item.meeting_id)
    return MARKS_PER_PAIR - elsewhere - wanted


def _mark_totals(session: Session, item_id: int) -> Counter[int]:
    return Counter(dict(session.execute(
        select(TtMark.idea_id, func.sum(TtMark.count)).where(TtMark.agenda_item_id == item_id)
        .group_by(TtMark.idea_id)).all()))


# --- themes and action plans --------------------------------------------------------------------

def _theme_item(session: Session, actor: Actor, item_id: int) -> AgendaItem:
    item = activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
    item = lock_item(session, item.id)
    if _step(session, item.id) not in THEME_STEPS:
        raise InvalidInput("error.tt.not_themes_step")
    return item


def _facilitated_theme(session: Session, actor: Actor, theme_id: int) -> TtTheme:
    theme = session.get(TtTheme, theme_id)
    if theme is None:
        raise NotFound()
    require_facilitator(session, actor, theme.workshop_id)
    return theme


def add_theme(session: Session, actor: Actor, item_id: int, name: str) -> int:
    item = _theme_item(session, actor, item_id)
    cleaned = clean_name(name, field="field.tt.theme", max_length=SHORT)
    existing = session.scalars(select(TtTheme).where(TtTheme.agenda_item_id == item.id)).all()
    same = next((t for t in existing if t.name == cleaned), None)
    if same is not None:  # a double click makes one theme
        return same.id
    if len(existing) >= MAX_THEMES:
        raise InvalidInput("error.tt.themes_full", max=MAX_THEMES)
    theme = TtTheme(agenda_item_id=item.id, workshop_id=item.meeting.workshop_id,
                    position=max((t.position for t in existing), default=-1) + 1, name=cleaned)
    session.add(theme)
    session.flush()
    bump_workshop(session, item.meeting.workshop_id, item.meeting_id)
    return theme.id


def rename_theme(session: Session, actor: Actor, theme_id: int, expected_version: int,
                 name: str) -> int:
    theme = _facilitated_theme(session, actor, theme_id)
    cleaned = clean_name(name, field="field.tt.theme", max_length=SHORT)
    if theme.name == cleaned:
        return theme.version
    if theme.version != expected_version:
        raise StaleEdit()
    theme.name = cleaned
    flush_versioned(session)
    bump_workshop(session, theme.workshop_id)
    return theme.version


def remove_theme(session: Session, actor: Actor, theme_id: int) -> None:
    """Remove a theme; its ideas go back to the unsorted ones."""
    theme = _facilitated_theme(session, actor, theme_id)
    _theme_item(session, actor, theme.agenda_item_id)
    for idea in session.scalars(select(TtIdea).where(TtIdea.theme_id == theme.id)):
        idea.theme_id = None
    session.delete(theme)
    session.flush()
    bump_workshop(session, theme.workshop_id)


def assign_idea(session: Session, actor: Actor, item_id: int, idea_id: int,
                theme_id: int | None) -> None:
    """Put a presented idea into a theme, move it to another, or take it out (None)."""
    item = _theme_item(session, actor, item_id)
    idea = _idea_of(session, item.id, idea_id)
    if not idea.picked or idea.merged_into_id is not None:
        raise InvalidInput("error.tt.not_presented")
    if theme_id is not None:
        theme = session.get(TtTheme, theme_id)
        if theme is None or theme.agenda_item_id != item.id:
            raise NotFound()
    if idea.theme_id != theme_id:
        idea.theme_id = theme_id
        contributions.save(session, idea)


def set_plan(session: Session, actor: Actor, theme_id: int, expected_version: int, *,
             what: str, who: str, by_when: dt.date | None) -> int:
    """The theme's action plan: what is done, who does it, by when. Returns the version."""
    theme = _facilitated_theme(session, actor, theme_id)
    if _step(session, theme.agenda_item_id) not in THEME_STEPS:
        raise InvalidInput("error.tt.not_themes_step")
    values = {
        "what": clean_text(what, field="field.tt.what", max_length=MEDIUM, required=False),
        "who": clean_text(who, field="field.tt.who", max_length=SHORT, required=False,
                          multiline=False),
        "by_when": by_when,
    }
    if by_when is not None and (not isinstance(by_when, dt.date)
                                or isinstance(by_when, dt.datetime)):
        raise InvalidInput("error.date")
    if all(getattr(theme, k) == v for k, v in values.items()):
        return theme.version
    if theme.version != expected_version:
        raise StaleEdit()
    for key, value in values.items():
        setattr(theme, key, value)
    flush_versioned(session)
    bump_workshop(session, theme.workshop_id)
    return theme.version


def _theme_text(theme: TtTheme) -> str:
    return f"{theme.name}: {theme.what}" if theme.what.strip() else theme.name


def send_theme_to_candidates(session: Session, actor: Actor, theme_id: int,
                             kind: str = "solution") -> prioritising.CandidateView:
    """The theme onto the workshop's candidate list, its origin kept (once)."""
    theme = _facilitated_theme(session, actor, theme_id)
    return prioritising.collect(session, actor, theme.workshop_id, "tuplatiimi_theme",
                                theme.id, kind=kind, text=_theme_text(theme))


def send_idea_to_candidates(session: Session, actor: Actor, idea_id: int,
                            kind: str = "solution") -> prioritising.CandidateView:
    """One idea onto the workshop's candidate list, its origin kept (once)."""
    idea = session.get(TtIdea, idea_id)
    if idea is None or idea.withdrawn:
        raise NotFound()
    require_facilitator(session, actor, idea.workshop_id)
    return prioritising.collect(session, actor, idea.workshop_id, "tuplatiimi_idea", idea.id,
                                kind=kind)


# --- reading ----------------------------------------------------------------------------------

def round_view(session: Session, actor: Actor, item_id: int, *, room: bool = False
               ) -> RoundView:
    """The round as ``actor`` may see it now.

    Participants see only their own ideas while writing, their pair's in the pairs step, and
    from the present step on also every pair's picks. ``room=True`` (the projector, shown to
    everyone) shows no ideas before the present step and then only the picks. Marks of all
    pairs are shown to participants and the room only once marking is over.
    """
    item = activity_item(session, actor, item_id, ACTIVITY)
    facilitator = isinstance(actor, FacilitatorActor)
    if room:
        require_facilitator(session, actor, item.meeting.workshop_id)
    round_ = _round(session, item.id)
    step = round_.step if round_ is not None else STEPS[0]
    question = round_.question if round_ is not None else (item.instructions or "")
    participant_id = actor.participant_id if isinstance(actor, ParticipantActor) else None
    my_pair = _pair_of(session, item.id, participant_id) if participant_id else None
    members = _members(session, my_pair) if my_pair is not None else (
        {participant_id} if participant_id else set())
    rows = session.execute(
        select(TtIdea, Participant).outerjoin(Participant, Participant.id == TtIdea.author_id)
        .where(TtIdea.agenda_item_id == item.id, TtIdea.withdrawn.is_(False))
        .order_by(TtIdea.created_at, TtIdea.id)).all()
    totals = _mark_totals(session, item.id)
    mine_marks: dict[int, int] = {}
    if my_pair is not None:
        mine_marks = dict(session.execute(select(TtMark.idea_id, TtMark.count).where(
            TtMark.agenda_item_id == item.id, TtMark.group_id == my_pair)).all())
    marks_public = (facilitator and not room) or _at_least(step, "themes")
    presented = _at_least(step, "present")

    def visible(idea: TtIdea) -> bool:
        is_pick = idea.picked and idea.pair_id is not None and idea.merged_into_id is None
        if room:
            return presented and is_pick and not idea.hidden
        if facilitator:
            return True
        if idea.hidden:
            return False
        if idea.author_id == participant_id:
            return True
        if _at_least(step, "pairs") and (idea.author_id in members
                                         or (my_pair and idea.pair_id == my_pair)):
            return True
        return presented and is_pick

    ideas = [
        IdeaView(i.id, i.text, i.version, authorship(actor, who, item.show_names), i.pair_id,
                 i.picked, i.merged_into_id, i.theme_id, i.hidden,
                 totals.get(i.id, 0) if marks_public else None, mine_marks.get(i.id, 0),
                 my_pair is not None and (i.pair_id == my_pair or i.author_id in members))
        for i, who in rows if visible(i)
    ]
    if _at_least(step, "themes"):
        ideas.sort(key=lambda v: -(v.marks or 0))
    pairs = _pair_views(session, actor, item, my_pair, facilitator and not room)
    own_ids = {i.id for i, _who in rows if my_pair is not None and i.pair_id == my_pair}
    used = sum(mine_marks.values())
    own_used = sum(c for i, c in mine_marks.items() if i in own_ids)
    authors = {i.author_id for i, _who in rows if i.author_id is not None}
    my_count = sum(1 for i, _who in rows if participant_id and i.author_id == participant_id)
    return RoundView(
        item.id, question, step, round_.version if round_ is not None else 0, tuple(ideas),
        pairs, _theme_views(session, item.id, totals), my_pair, my_count,
        MARKS_PER_PAIR - used, max(0, min(MAX_OWN_MARKS - own_used, MARKS_PER_PAIR - used)),
        len(rows), len(authors),
    )


def _pair_views(session: Session, actor: Actor, item: AgendaItem, my_pair: int | None,
                full: bool) -> tuple[PairView, ...]:
    listed = groups.groups_for_item(session, actor, item.id)
    picks = Counter(dict(session.execute(
        select(TtIdea.pair_id, func.count()).where(
            TtIdea.agenda_item_id == item.id, TtIdea.picked.is_(True),
            TtIdea.withdrawn.is_(False), TtIdea.hidden.is_(False),
            TtIdea.merged_into_id.is_(None), TtIdea.pair_id.is_not(None))
        .group_by(TtIdea.pair_id)).all()))
    used = Counter(dict(session.execute(
        select(TtMark.group_id, func.sum(TtMark.count)).where(TtMark.agenda_item_id == item.id)
        .group_by(TtMark.group_id)).all()))
    return tuple(PairView(g.id, g.position, g.name, g.members, picks.get(g.id, 0),
                          used.get(g.id, 0) if full or g.id == my_pair else None)
                 for g in listed)


def _theme_views(session: Session, item_id: int, totals: Counter[int]) -> tuple[ThemeView, ...]:
    themes = session.scalars(select(TtTheme).where(TtTheme.agenda_item_id == item_id)
                             .order_by(TtTheme.position, TtTheme.id)).all()
    members: dict[int, list[int]] = {}
    for idea_id, theme_id in session.execute(
            select(TtIdea.id, TtIdea.theme_id).where(
                TtIdea.agenda_item_id == item_id, TtIdea.theme_id.is_not(None),
                TtIdea.withdrawn.is_(False), TtIdea.hidden.is_(False))).all():
        members.setdefault(theme_id, []).append(idea_id)
    out = []
    for t in themes:
        ids = sorted(members.get(t.id, []), key=lambda i: (-totals.get(i, 0), i))
        out.append(ThemeView(t.id, t.position, t.name, t.what, t.who, t.by_when, t.version,
                             tuple(ids), sum(totals.get(i, 0) for i in ids)))
    return tuple(out)


def pair_sizes(session: Session, actor: Actor, item_id: int) -> list[int]:
    """How many are in each pair (for the console: pairs and trios)."""
    activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
    rows = session.execute(
        select(WorkGroup.id, func.count(WorkGroupMember.id))
        .outerjoin(WorkGroupMember, WorkGroupMember.group_id == WorkGroup.id)
        .where(WorkGroup.agenda_item_id == item_id).group_by(WorkGroup.id)
        .order_by(WorkGroup.id)).all()
    return [int(n) for _gid, n in rows]
