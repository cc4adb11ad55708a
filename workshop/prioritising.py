"""Prioritising and choosing: the workshop's candidate list and three ways to choose.

**Candidates** (problems and solutions) belong to the workshop. The facilitator collects them
from any earlier output (topics, café notes, notes, personas, Tuplatiimi ideas, waste, ...)
through the traceability registry; the origin is kept as a ``trace_links`` row from the
candidate to the record, so it stays visible wherever the candidate goes. A candidate may
also be typed by hand. Collecting the same record twice gives the same candidate.

**Choosing** happens in an agenda item of type ``prioritising`` with one method:

- ``dots``: each participant spends ``dots_per_person`` dots, at most ``max_per_target`` on
  one candidate. :func:`set_dots` sets an exact number, so a repeated click changes nothing;
  votes of an item are serialised on the agenda item's row, so two requests at once cannot
  spend more dots than a participant has;
- ``matrix``: each participant places each candidate on two 1–5 scales, impact and effort;
  the facilitator sees the spread (how many chose each value, lowest and highest) and the
  median;
- ``ranking``: each participant orders all the candidates; the orders are added up with the
  Borda count (on a ballot of k candidates the first gets k-1 points, the last 0).

**Results** keep clients, workers and others side by side and never add them up. A group
with fewer than ``MIN_RESPONDENTS`` respondents is not shown at all, and in the matrix a
candidate that fewer than ``MIN_RESPONDENTS`` of a group placed shows no figures for it.
"""

from __future__ import annotations

import datetime as dt
import importlib
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workshop import traceability
from workshop.access import (
    Actor,
    FacilitatorActor,
    ParticipantActor,
    open_meeting_of,
    require_facilitator,
    require_item,
    require_participant,
    require_writable_item,
)
from workshop.content.methods import FEEDBACK_MIN_RESPONDENTS
from workshop.contributions import Authorship
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.meetings import bump_revision
from workshop.model_prioritising import (
    Candidate,
    ChoiceRound,
    DotVote,
    MatrixPlacement,
    RankEntry,
)
from workshop.model_traceability import TraceLink
from workshop.models import AgendaItem, Meeting, Participant
from workshop.participants import role_group
from workshop.text import clean_choice, clean_int, clean_text

ACTIVITY = "prioritising"
METHODS: tuple[str, ...] = ("dots", "matrix", "ranking")
KINDS: tuple[str, ...] = ("problem", "solution")
KIND_FILTERS: tuple[str, ...] = ("all", *KINDS)
GROUPS: tuple[str, ...] = ("client", "worker", "other")
MIN_RESPONDENTS = FEEDBACK_MIN_RESPONDENTS
SCALE_MIN, SCALE_MAX = 1, 5
DEFAULT_DOTS = 3
DEFAULT_MAX_PER_TARGET = 2
MAX_DOTS = 20
MAX_CANDIDATES = 200  # active candidates in one workshop
MAX_CANDIDATE_LENGTH = 1_000
MAX_CLIENT_KEY = 64
#: Record types a candidate cannot be collected from (itself, a vote, an agenda item).
NOT_AN_ORIGIN: frozenset[str] = frozenset({"candidate", "vote", "agenda_item"})
FIELD_TEXT = "field.prio.candidate"


# --- views ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OriginView:
    link_id: int
    record_type: str
    record_id: int
    status: str  # ok | unavailable | missing
    label: str
    hidden: bool


@dataclass(frozen=True)
class CandidateView:
    id: int
    kind: str
    text: str
    version: int
    withdrawn: bool
    created_at: dt.datetime
    origins: tuple[OriginView, ...]


@dataclass(frozen=True)
class CandidateBrief:
    """What participants see of a candidate."""

    id: int
    kind: str
    text: str


@dataclass(frozen=True)
class VoteRules:
    dots_per_person: int
    max_per_target: int


@dataclass(frozen=True)
class RoundView:
    item_id: int
    method: str
    kind: str
    rules: VoteRules
    version: int  # 0 while the item still has its defaults
    candidates: tuple[CandidateBrief, ...]
    my_dots: dict[int, int] = field(default_factory=dict)
    my_placements: dict[int, tuple[int, int]] = field(default_factory=dict)
    my_ranking: tuple[int, ...] = ()
    respondents: int = 0  # everyone who has voted with the current method (all groups)

    @property
    def dots_left(self) -> int:
        return self.rules.dots_per_person - sum(self.my_dots.values())


@dataclass(frozen=True)
class GroupSummary:
    group: str
    shown: bool
    respondents: int | None  # None when not shown: the exact small number is not given


@dataclass(frozen=True)
class MatrixStats:
    count: int
    impact_median: float
    effort_median: float
    impact_range: tuple[int, int]
    effort_range: tuple[int, int]
    impact_counts: tuple[int, ...]  # how many chose 1, 2, 3, 4, 5
    effort_counts: tuple[int, ...]


@dataclass(frozen=True)
class CandidateResult:
    candidate_id: int
    text: str
    kind: str
    # Dots or Borda points per shown group (never a total over groups).
    points: dict[str, int] = field(default_factory=dict)
    # Matrix figures per shown group; None: fewer than MIN_RESPONDENTS placed this one.
    matrix: dict[str, MatrixStats | None] = field(default_factory=dict)


@dataclass(frozen=True)
class RoundResults:
    item_id: int
    title: str
    method: str
    groups: tuple[GroupSummary, ...]
    rows: tuple[CandidateResult, ...]

    def group(self, name: str) -> GroupSummary:
        return next(g for g in self.groups if g.group == name)

    @property
    def shown_groups(self) -> tuple[str, ...]:
        return tuple(g.group for g in self.groups if g.shown)


# --- shared helpers (also used by the waste workshop, solutions and Tuplatiimi) ------------

def activity_item(session: Session, actor: Actor, item_id: int, activity: str, *,
                  facilitator: bool = False, writable: bool = False) -> AgendaItem:
    """An agenda item of ``activity`` the actor may read, run (facilitator) or write to."""
    item = require_writable_item(session, actor, item_id) if writable \
        else require_item(session, actor, item_id)
    if facilitator:
        require_facilitator(session, actor, item.meeting.workshop_id)
    if item.activity_type != activity:
        raise InvalidInput("error.prio.wrong_activity")
    return item


def lock_item(session: Session, item_id: int) -> AgendaItem:
    """Lock an agenda item's row and reload it: writes of one item queue up behind each other.

    PostgreSQL: FOR NO KEY UPDATE (other tables may still insert rows pointing at the item).
    SQLite: writers are already serialised by BEGIN IMMEDIATE.
    """
    item = session.scalars(
        select(AgendaItem).where(AgendaItem.id == item_id)
        .with_for_update(key_share=True).execution_options(populate_existing=True)
    ).first()
    if item is None:
        raise NotFound()
    return item


def bump_workshop(session: Session, workshop_id: int, meeting_id: int | None = None) -> None:
    """Tell live screens about a change: the workshop's open meeting and ``meeting_id``."""
    opened = open_meeting_of(session, workshop_id)
    if opened is not None:
        bump_revision(session, opened.id)
    if meeting_id is not None and (opened is None or opened.id != meeting_id):
        bump_revision(session, meeting_id)


def flush_versioned(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise StaleEdit() from None


def clean_key(client_key: object) -> str | None:
    if client_key is None:
        return None
    if not isinstance(client_key, str) or not 8 <= len(client_key) <= MAX_CLIENT_KEY:
        raise InvalidInput("error.invalid_input")
    return client_key


def authorship(actor: Actor, author: Participant | None, show_names: bool) -> Authorship:
    """How an author is shown: role always; the name to facilitators, to the author, and to
    others only where the activity shows names."""
    if author is None:
        return Authorship(None, None, mine=False, by_facilitator=True)
    mine = isinstance(actor, ParticipantActor) and actor.participant_id == author.id
    show = mine or isinstance(actor, FacilitatorActor) or show_names
    name = author.display_name if show and author.erased_at is None else None
    return Authorship(author.role, name, mine=mine, by_facilitator=False)


def median(values: Sequence[int]) -> float:
    return float(statistics.median(values))


def borda(ballots: Iterable[Sequence[int]]) -> Counter[int]:
    """Borda points: on a ballot of k candidates, place p (0-based) earns k - 1 - p."""
    points: Counter[int] = Counter()
    for ballot in ballots:
        k = len(ballot)
        for place, candidate_id in enumerate(ballot):
            points[candidate_id] += k - 1 - place
    return points


# --- candidates -------------------------------------------------------------------------------

def _clean_text(text: object) -> str:
    return clean_text(text, field=FIELD_TEXT, max_length=MAX_CANDIDATE_LENGTH)


def _clean_kind(kind: object) -> str:
    return clean_choice(kind, KINDS, field="field.prio.kind")


def _candidate_views(session: Session, workshop_id: int, rows: Sequence[Candidate]
                     ) -> list[CandidateView]:
    links = traceability.links_from_unchecked(session, workshop_id, "candidate",
                                              [c.id for c in rows])
    return [
        CandidateView(
            c.id, c.kind, c.text, c.version, c.withdrawn, c.created_at,
            tuple(OriginView(li.id, li.record_type, li.record_id, li.status, li.label, li.hidden)
                  for li in links.get(c.id, [])),
        )
        for c in rows
    ]


def get_candidate(session: Session, actor: Actor, candidate_id: int) -> CandidateView:
    candidate = _facilitated_candidate(session, actor, candidate_id)
    return _candidate_views(session, candidate.workshop_id, [candidate])[0]


def list_candidates(session: Session, actor: Actor, workshop_id: int, *,
                    include_set_aside: bool = False) -> list[CandidateView]:
    """The workshop's candidates with their origins, oldest first (facilitators)."""
    require_facilitator(session, actor, workshop_id)
    query = select(Candidate).where(Candidate.workshop_id == workshop_id)
    if not include_set_aside:
        query = query.where(Candidate.withdrawn.is_(False))
    rows = session.scalars(query.order_by(Candidate.created_at, Candidate.id)).all()
    return _candidate_views(session, workshop_id, rows)


def _by_key(session: Session, workshop_id: int, key: str | None) -> Candidate | None:
    if key is None:
        return None
    return session.scalar(select(Candidate).where(Candidate.workshop_id == workshop_id,
                                                  Candidate.client_key == key))


def _new_candidate(session: Session, actor: FacilitatorActor, workshop_id: int, kind: str,
                   text: str, key: str | None) -> tuple[Candidate, bool]:
    existing = _by_key(session, workshop_id, key)
    if existing is not None:
        return existing, False
    active = session.scalar(select(func.count()).select_from(Candidate).where(
        Candidate.workshop_id == workshop_id, Candidate.withdrawn.is_(False))) or 0
    if active >= MAX_CANDIDATES:
        raise InvalidInput("error.prio.candidates_full", max=MAX_CANDIDATES)
    candidate = Candidate(workshop_id=workshop_id, kind=kind, text=text, client_key=key,
                          created_by_id=actor.user_id)
    try:
        with session.begin_nested():
            session.add(candidate)
    except IntegrityError:  # the same key raced in from a second request
        existing = _by_key(session, workshop_id, key)
        if existing is None:
            raise
        return existing, False
    return candidate, True


def add_candidate(session: Session, actor: Actor, workshop_id: int, text: str,
                  kind: str = "problem", client_key: str | None = None) -> CandidateView:
    """A candidate typed by hand (no origin). A repeated ``client_key`` returns the first."""
    require_facilitator(session, actor, workshop_id)
    assert isinstance(actor, FacilitatorActor)
    cleaned, chosen, key = _clean_text(text), _clean_kind(kind), clean_key(client_key)
    candidate, created = _new_candidate(session, actor, workshop_id, chosen, cleaned, key)
    if created:
        bump_workshop(session, workshop_id)
    return get_candidate(session, actor, candidate.id)


def _record_text(record_type: str, record: object) -> str:
    """The full text of a record (the label, not shortened), cut to a candidate's length."""
    spec = traceability.registry()[record_type].label
    if ":" in spec:
        module_name, _, name = spec.partition(":")
        value = getattr(importlib.import_module(module_name), name)(record)
    else:
        value = getattr(record, spec, "")
    text = str(value or "").strip()
    if len(text) > MAX_CANDIDATE_LENGTH:
        text = text[: MAX_CANDIDATE_LENGTH - 1] + "…"
    return text


def existing_from(session: Session, workshop_id: int, record_type: str, record_id: int
                  ) -> Candidate | None:
    """The active candidate already collected from this record, if any."""
    return session.scalar(
        select(Candidate).join(TraceLink, (TraceLink.source_id == Candidate.id)
                               & (TraceLink.source_type == "candidate"))
        .where(Candidate.workshop_id == workshop_id, Candidate.withdrawn.is_(False),
               TraceLink.record_type == record_type, TraceLink.record_id == record_id)
        .order_by(Candidate.id).limit(1)
    )


def collect(session: Session, actor: Actor, workshop_id: int, record_type: str,
            record_id: int, kind: str = "problem", text: str | None = None,
            client_key: str | None = None) -> CandidateView:
    """Collect a candidate from an earlier output, keeping the origin as a link.

    The text defaults to the record's own; the record must belong to the same workshop
    (anything else is NotFound). Collecting a record that already has an active candidate
    returns that candidate.
    """
    require_facilitator(session, actor, workshop_id)
    assert isinstance(actor, FacilitatorActor)
    if record_type in NOT_AN_ORIGIN:
        raise InvalidInput("error.prio.not_an_origin")
    record = traceability.load_in_workshop(session, workshop_id, record_type, record_id)
    chosen = _clean_kind(kind)
    found = existing_from(session, workshop_id, record_type, record.id)
    if found is not None:
        return get_candidate(session, actor, found.id)
    wording = _clean_text(text if text is not None and str(text).strip()
                          else _record_text(record_type, record))
    candidate, created = _new_candidate(session, actor, workshop_id, chosen, wording,
                                        clean_key(client_key))
    session.flush()
    traceability.add_link(session, actor, "candidate", candidate.id, record_type, record.id)
    if created:
        bump_workshop(session, workshop_id)
    return get_candidate(session, actor, candidate.id)


def add_origin(session: Session, actor: Actor, candidate_id: int, record_type: str,
               record_id: int) -> CandidateView:
    """One more origin for a candidate (a duplicate found elsewhere, say)."""
    candidate = _facilitated_candidate(session, actor, candidate_id)
    if record_type in NOT_AN_ORIGIN:
        raise InvalidInput("error.prio.not_an_origin")
    traceability.add_link(session, actor, "candidate", candidate.id, record_type, record_id)
    return get_candidate(session, actor, candidate.id)


def remove_origin(session: Session, actor: Actor, candidate_id: int, link_id: int) -> None:
    candidate = _facilitated_candidate(session, actor, candidate_id)
    links = traceability.links_from_unchecked(session, candidate.workshop_id, "candidate",
                                              [candidate.id]).get(candidate.id, [])
    if link_id not in {link.id for link in links}:
        raise NotFound()
    traceability.remove_link(session, actor, link_id)


def _facilitated_candidate(session: Session, actor: Actor, candidate_id: int) -> Candidate:
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFound()
    require_facilitator(session, actor, candidate.workshop_id)
    return candidate


def edit_candidate(session: Session, actor: Actor, candidate_id: int, expected_version: int,
                   text: str, kind: str) -> CandidateView:
    candidate = _facilitated_candidate(session, actor, candidate_id)
    cleaned, chosen = _clean_text(text), _clean_kind(kind)
    if candidate.text == cleaned and candidate.kind == chosen:
        return get_candidate(session, actor, candidate.id)  # saving again changes nothing
    if candidate.version != expected_version:
        raise StaleEdit()
    candidate.text, candidate.kind = cleaned, chosen
    flush_versioned(session)
    bump_workshop(session, candidate.workshop_id)
    return get_candidate(session, actor, candidate.id)


def set_aside(session: Session, actor: Actor, candidate_id: int, aside: bool = True) -> None:
    """Take a candidate off the list (kept, never deleted) or bring it back.

    Dots on it go back to their voters; a candidate brought back starts from zero dots.
    """
    candidate = _facilitated_candidate(session, actor, candidate_id)
    if candidate.withdrawn == aside:
        return
    if aside:
        items = session.scalars(
            select(ChoiceRound.agenda_item_id).join(
                AgendaItem, AgendaItem.id == ChoiceRound.agenda_item_id)
            .where(ChoiceRound.workshop_id == candidate.workshop_id,
                   AgendaItem.activity_type == ACTIVITY).order_by(ChoiceRound.agenda_item_id)
        ).all()
        for item_id in items:
            lock_item(session, item_id)
        if items:
            session.execute(delete(DotVote).where(DotVote.agenda_item_id.in_(items),
                                                  DotVote.target_id == candidate.id))
    candidate.withdrawn = aside
    flush_versioned(session)
    bump_workshop(session, candidate.workshop_id)


def origin_types() -> list[str]:
    """Record types a candidate can be collected from (available now)."""
    return [name for name in traceability.available_types() if name not in NOT_AN_ORIGIN]


def linkable_records(session: Session, actor: Actor, workshop_id: int, record_type: str
                     ) -> list[tuple[int, str]]:
    """Records of one type in the workshop a candidate can be collected from: (id, label)."""
    if record_type in NOT_AN_ORIGIN:
        raise InvalidInput("error.prio.not_an_origin")
    return traceability.candidates(session, actor, workshop_id, record_type)


# --- rounds -----------------------------------------------------------------------------------

def rules_of(round_: ChoiceRound | None) -> VoteRules:
    if round_ is None:
        return VoteRules(DEFAULT_DOTS, DEFAULT_MAX_PER_TARGET)
    return VoteRules(round_.dots_per_person, min(round_.max_per_target, round_.dots_per_person))


def round_of(session: Session, item_id: int) -> ChoiceRound | None:
    return session.scalar(select(ChoiceRound).where(ChoiceRound.agenda_item_id == item_id)
                          .execution_options(populate_existing=True))


def ensure_round(session: Session, item: AgendaItem, **defaults: object) -> ChoiceRound:
    """The item's round row, made on first use (call with the item locked)."""
    found = round_of(session, item.id)
    if found is not None:
        return found
    made = ChoiceRound(workshop_id=item.meeting.workshop_id, agenda_item_id=item.id,
                       **defaults)
    try:
        with session.begin_nested():
            session.add(made)
    except IntegrityError:  # made by a concurrent request after all
        found = round_of(session, item.id)
        if found is None:
            raise
        return found
    return made


def _dots_in_use(session: Session, item_id: int, valid: set[int]) -> list[tuple[int, int, int]]:
    """(participant, dots spent, most dots on one target) over valid targets."""
    rows = session.execute(select(DotVote.participant_id, DotVote.target_id, DotVote.dots)
                           .where(DotVote.agenda_item_id == item_id)).all()
    spent: dict[int, list[int]] = defaultdict(list)
    for pid, target, dots in rows:
        if target in valid:
            spent[pid].append(dots)
    return [(pid, sum(d), max(d)) for pid, d in spent.items()]


def configure_rules(session: Session, item: AgendaItem, round_: ChoiceRound,
                    dots_per_person: object, max_per_target: object, valid: set[int]) -> None:
    """Set dots per person and per target. Lowering below what someone already spent is
    refused (they would hold more dots than allowed); raising is always fine."""
    dots = clean_int(dots_per_person, field="field.prio.dots_per_person", minimum=1,
                     maximum=MAX_DOTS)
    cap = clean_int(max_per_target, field="field.prio.max_per_target", minimum=1,
                    maximum=dots)
    if any(total > dots or most > cap
           for _pid, total, most in _dots_in_use(session, item.id, valid)):
        raise InvalidInput("error.prio.dots_in_use")
    round_.dots_per_person, round_.max_per_target = dots, cap


def configure(session: Session, actor: Actor, item_id: int, *, method: str, kind: str = "all",
              dots_per_person: int = DEFAULT_DOTS,
              max_per_target: int = DEFAULT_MAX_PER_TARGET) -> RoundView:
    """Choose the item's method, which candidates it covers and (for dots) the limits.

    Votes given with another method stay stored and count again if the method comes back.
    """
    item = activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
    chosen = clean_choice(method, METHODS, field="field.prio.method")
    which = clean_choice(kind, KIND_FILTERS, field="field.prio.kind")
    item = lock_item(session, item.id)
    round_ = ensure_round(session, item)
    valid = set(_candidate_ids(session, item.meeting.workshop_id, which))
    configure_rules(session, item, round_, dots_per_person, max_per_target, valid)
    round_.method, round_.kind = chosen, which
    flush_versioned(session)
    bump_workshop(session, item.meeting.workshop_id, item.meeting_id)
    return round_view(session, actor, item_id)


def _candidate_rows(session: Session, workshop_id: int, which: str) -> list[Candidate]:
    query = select(Candidate).where(Candidate.workshop_id == workshop_id,
                                    Candidate.withdrawn.is_(False))
    if which != "all":
        query = query.where(Candidate.kind == which)
    return list(session.scalars(query.order_by(Candidate.created_at, Candidate.id)))


def _candidate_ids(session: Session, workshop_id: int, which: str) -> list[int]:
    return [c.id for c in _candidate_rows(session, workshop_id, which)]


def round_view(session: Session, actor: Actor, item_id: int) -> RoundView:
    """The item's method, rules and candidates, with the participant's own votes."""
    item = activity_item(session, actor, item_id, ACTIVITY)
    round_ = round_of(session, item.id)
    method = round_.method if round_ else METHODS[0]
    which = round_.kind if round_ else "all"
    rows = _candidate_rows(session, item.meeting.workshop_id, which)
    valid = {c.id for c in rows}
    my_dots: dict[int, int] = {}
    placements: dict[int, tuple[int, int]] = {}
    ranking: tuple[int, ...] = ()
    if isinstance(actor, ParticipantActor):
        pid = actor.participant_id
        my_dots = {t: d for t, d in session.execute(
            select(DotVote.target_id, DotVote.dots).where(
                DotVote.agenda_item_id == item.id, DotVote.participant_id == pid)).all()
            if t in valid}
        placements = {c: (i, e) for c, i, e in session.execute(
            select(MatrixPlacement.candidate_id, MatrixPlacement.impact, MatrixPlacement.effort)
            .where(MatrixPlacement.agenda_item_id == item.id,
                   MatrixPlacement.participant_id == pid)).all() if c in valid}
        ranking = tuple(c for c in session.scalars(
            select(RankEntry.candidate_id).where(RankEntry.agenda_item_id == item.id,
                                                 RankEntry.participant_id == pid)
            .order_by(RankEntry.position)) if c in valid)
    return RoundView(
        item.id, method, which, rules_of(round_), round_.version if round_ else 0,
        tuple(CandidateBrief(c.id, c.kind, c.text) for c in rows),
        my_dots, placements, ranking,
        len(_voters(session, item.id, method, valid)),
    )


def _voters(session: Session, item_id: int, method: str, valid: set[int]) -> set[int]:
    model = {"dots": DotVote, "matrix": MatrixPlacement, "ranking": RankEntry}[method]
    column = DotVote.target_id if model is DotVote else model.candidate_id
    rows = session.execute(select(model.participant_id, column)
                           .where(model.agenda_item_id == item_id)).all()
    return {pid for pid, target in rows if target in valid}


# --- voting -----------------------------------------------------------------------------------

def _voting_item(session: Session, actor: Actor, item_id: int, method: str
                 ) -> tuple[AgendaItem, ChoiceRound, Participant, set[int]]:
    item = activity_item(session, actor, item_id, ACTIVITY, writable=True)
    participant = require_participant(session, actor)
    item = lock_item(session, item.id)
    round_ = ensure_round(session, item)
    if round_.method != method:
        raise InvalidInput("error.prio.wrong_method")
    valid = set(_candidate_ids(session, item.meeting.workshop_id, round_.kind))
    return item, round_, participant, valid


def apply_dots(session: Session, item: AgendaItem, participant_id: int, target_id: int,
               dots: object, rules: VoteRules, valid: set[int]) -> int:
    """Put exactly ``dots`` on a target (0 removes them); returns the dots left.

    The caller holds the item's lock. Only targets in ``valid`` count towards what is spent.
    """
    wanted = clean_int(dots, field="field.prio.dots", minimum=0, maximum=MAX_DOTS)
    if target_id not in valid:
        raise NotFound()
    if wanted > rules.max_per_target:
        raise InvalidInput("error.prio.dot_limit", max=rules.max_per_target)
    mine = {v.target_id: v for v in session.scalars(
        select(DotVote).where(DotVote.agenda_item_id == item.id,
                              DotVote.participant_id == participant_id)
        .execution_options(populate_existing=True))}
    elsewhere = sum(v.dots for t, v in mine.items() if t != target_id and t in valid)
    if elsewhere + wanted > rules.dots_per_person:
        raise InvalidInput("error.prio.no_dots_left", dots=rules.dots_per_person)
    vote = mine.get(target_id)
    current = vote.dots if vote is not None else 0
    if current != wanted:
        if vote is None:
            session.add(DotVote(agenda_item_id=item.id, participant_id=participant_id,
                                target_id=target_id, dots=wanted))
        elif wanted == 0:
            session.delete(vote)
        else:
            vote.dots = wanted
        session.flush()
        bump_workshop(session, item.meeting.workshop_id, item.meeting_id)
    return rules.dots_per_person - elsewhere - wanted


def set_dots(session: Session, actor: Actor, item_id: int, candidate_id: int, dots: int) -> int:
    """Put exactly ``dots`` of the participant's dots on a candidate; returns the dots left.

    Idempotent: sending the same number again changes nothing.
    """
    item, round_, participant, valid = _voting_item(session, actor, item_id, "dots")
    return apply_dots(session, item, participant.id, candidate_id, dots, rules_of(round_),
                      valid)


def place(session: Session, actor: Actor, item_id: int, candidate_id: int, impact: int,
          effort: int) -> None:
    """Place a candidate on the impact/effort matrix (placing again moves it)."""
    item, _round, participant, valid = _voting_item(session, actor, item_id, "matrix")
    high = clean_int(impact, field="field.prio.impact", minimum=SCALE_MIN, maximum=SCALE_MAX)
    cost = clean_int(effort, field="field.prio.effort", minimum=SCALE_MIN, maximum=SCALE_MAX)
    if candidate_id not in valid:
        raise NotFound()
    found = session.scalar(select(MatrixPlacement).where(
        MatrixPlacement.agenda_item_id == item.id,
        MatrixPlacement.participant_id == participant.id,
        MatrixPlacement.candidate_id == candidate_id))
    if found is None:
        session.add(MatrixPlacement(agenda_item_id=item.id, participant_id=participant.id,
                                    candidate_id=candidate_id, impact=high, effort=cost))
    elif (found.impact, found.effort) == (high, cost):
        return
    else:
        found.impact, found.effort = high, cost
    session.flush()
    bump_workshop(session, item.meeting.workshop_id, item.meeting_id)


def clear_placement(session: Session, actor: Actor, item_id: int, candidate_id: int) -> None:
    item, _round, participant, _valid = _voting_item(session, actor, item_id, "matrix")
    removed = session.execute(delete(MatrixPlacement).where(
        MatrixPlacement.agenda_item_id == item.id,
        MatrixPlacement.participant_id == participant.id,
        MatrixPlacement.candidate_id == candidate_id)).rowcount
    if removed:
        bump_workshop(session, item.meeting.workshop_id, item.meeting_id)


def rank(session: Session, actor: Actor, item_id: int, order: Sequence[int]) -> None:
    """The participant's order of all the item's candidates, most important first.

    Replaces their earlier order; sending the same order again changes nothing.
    """
    item, _round, participant, valid = _voting_item(session, actor, item_id, "ranking")
    if not isinstance(order, list | tuple) or any(
            isinstance(c, bool) or not isinstance(c, int) for c in order):
        raise InvalidInput("error.invalid_input")
    if len(set(order)) != len(order):
        raise InvalidInput("error.prio.ranking_duplicate")
    if any(c not in valid for c in order):
        raise NotFound()
    if set(order) != valid:
        raise InvalidInput("error.prio.ranking_incomplete", count=len(valid))
    entries = {e.candidate_id: e for e in session.scalars(select(RankEntry).where(
        RankEntry.agenda_item_id == item.id, RankEntry.participant_id == participant.id))}
    if [c for c, _e in sorted(entries.items(), key=lambda kv: kv[1].position)
            if c in valid] == list(order):
        return
    for position, candidate_id in enumerate(order):
        entry = entries.pop(candidate_id, None)
        if entry is None:
            session.add(RankEntry(agenda_item_id=item.id, participant_id=participant.id,
                                  candidate_id=candidate_id, position=position))
        else:
            entry.position = position
    for stale in entries.values():  # candidates no longer in the round
        session.delete(stale)
    session.flush()
    bump_workshop(session, item.meeting.workshop_id, item.meeting_id)


# --- results ----------------------------------------------------------------------------------

def group_summaries(respondents: dict[str, set[int]]) -> tuple[GroupSummary, ...]:
    out = []
    for group in GROUPS:
        count = len(respondents.get(group, set()))
        shown = count >= MIN_RESPONDENTS
        out.append(GroupSummary(group, shown, count if shown else None))
    return tuple(out)


def dot_points(session: Session, item_id: int, valid: set[int]
               ) -> tuple[dict[str, set[int]], dict[int, Counter[str]]]:
    """(respondents per group, dots per target per group) of valid targets."""
    rows = session.execute(
        select(DotVote.participant_id, Participant.role, DotVote.target_id, DotVote.dots)
        .join(Participant, Participant.id == DotVote.participant_id)
        .where(DotVote.agenda_item_id == item_id, DotVote.dots > 0)
    ).all()
    respondents: dict[str, set[int]] = defaultdict(set)
    points: dict[int, Counter[str]] = defaultdict(Counter)
    for pid, role, target, dots in rows:
        if target not in valid:
            continue
        group = role_group(role)
        respondents[group].add(pid)
        points[target][group] += dots
    return respondents, points


def _ranking_points(session: Session, item_id: int, valid: set[int]
                    ) -> tuple[dict[str, set[int]], dict[int, Counter[str]]]:
    rows = session.execute(
        select(RankEntry.participant_id, Participant.role, RankEntry.candidate_id)
        .join(Participant, Participant.id == RankEntry.participant_id)
        .where(RankEntry.agenda_item_id == item_id)
        .order_by(RankEntry.participant_id, RankEntry.position)
    ).all()
    ballots: dict[int, list[int]] = defaultdict(list)
    group_of: dict[int, str] = {}
    for pid, role, candidate_id in rows:
        if candidate_id in valid:
            ballots[pid].append(candidate_id)
            group_of[pid] = role_group(role)
    respondents: dict[str, set[int]] = defaultdict(set)
    points: dict[int, Counter[str]] = defaultdict(Counter)
    for pid, ballot in ballots.items():
        group = group_of[pid]
        respondents[group].add(pid)
        for candidate_id, score in borda([ballot]).items():
            points[candidate_id][group] += score
    return respondents, points


def matrix_stats(placements: Sequence[tuple[int, int]]) -> MatrixStats:
    impacts = [i for i, _e in placements]
    efforts = [e for _i, e in placements]
    span = range(SCALE_MIN, SCALE_MAX + 1)
    return MatrixStats(
        len(placements), median(impacts), median(efforts),
        (min(impacts), max(impacts)), (min(efforts), max(efforts)),
        tuple(impacts.count(v) for v in span), tuple(efforts.count(v) for v in span),
    )


def _matrix(session: Session, item_id: int, valid: set[int]
            ) -> tuple[dict[str, set[int]], dict[int, dict[str, list[tuple[int, int]]]]]:
    rows = session.execute(
        select(MatrixPlacement.participant_id, Participant.role, MatrixPlacement.candidate_id,
               MatrixPlacement.impact, MatrixPlacement.effort)
        .join(Participant, Participant.id == MatrixPlacement.participant_id)
        .where(MatrixPlacement.agenda_item_id == item_id)
    ).all()
    respondents: dict[str, set[int]] = defaultdict(set)
    placed: dict[int, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for pid, role, candidate_id, impact, effort in rows:
        if candidate_id not in valid:
            continue
        group = role_group(role)
        respondents[group].add(pid)
        placed[candidate_id][group].append((impact, effort))
    return respondents, placed


def results(session: Session, actor: Actor, item_id: int) -> RoundResults:
    """The item's results by role group, side by side (facilitators and the projector)."""
    item = activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
    round_ = round_of(session, item.id)
    method = round_.method if round_ else METHODS[0]
    rows = _candidate_rows(session, item.meeting.workshop_id, round_.kind if round_ else "all")
    valid = {c.id for c in rows}
    if method == "matrix":
        respondents, placed = _matrix(session, item.id, valid)
        groups = group_summaries(respondents)
        shown = [g.group for g in groups if g.shown]
        out = [CandidateResult(c.id, c.text, c.kind, {}, {
            g: (matrix_stats(placed[c.id][g]) if len(placed[c.id][g]) >= MIN_RESPONDENTS
                else None) for g in shown}) for c in rows]
    else:
        respondents, points = (dot_points if method == "dots" else _ranking_points)(
            session, item.id, valid)
        groups = group_summaries(respondents)
        shown = [g.group for g in groups if g.shown]
        out = [CandidateResult(c.id, c.text, c.kind, {g: points[c.id][g] for g in shown})
               for c in rows]
    return RoundResults(item.id, item.title, method, groups, tuple(out))


def workshop_rounds(session: Session, actor: Actor, workshop_id: int, activity: str = ACTIVITY
                    ) -> list[tuple[int, int, str]]:
    """The workshop's items of ``activity`` (prioritising by default): (item id, meeting
    number, title), in order."""
    require_facilitator(session, actor, workshop_id)
    rows = session.execute(
        select(AgendaItem.id, Meeting.number, AgendaItem.title)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(Meeting.workshop_id == workshop_id, AgendaItem.activity_type == activity)
        .order_by(Meeting.number, AgendaItem.position, AgendaItem.id)
    ).all()
    return [(r[0], r[1], r[2]) for r in rows]
