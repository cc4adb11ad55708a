"""Solution development in four steps (``methods.SOLUTION_STEPS``): ideation, choosing the
idea, testing the idea with clients, testing the solution.

A solution belongs to the workshop and has a title, a status, the step it is at, an owner
(free text: a person or an organisation) and notes for each of the four steps. Notes are
versioned: an edit made on an older version than the stored one is refused (``StaleEdit``),
never merged. A solution may come from a candidate or a Tuplatiimi theme; the origin is kept
as a traceability link and making it again from the same origin returns the same solution.

In a meeting (activity ``solution_steps``) the facilitator puts one solution in focus;
participants comment on its current step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workshop import contributions, traceability
from workshop.access import Actor, FacilitatorActor, require_facilitator, require_workshop
from workshop.content.methods import SOLUTION_STEPS
from workshop.contributions import Authorship
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.model_prioritising import (
    Candidate,
    Solution,
    SolutionComment,
    SolutionStepNote,
    TtTheme,
)
from workshop.model_traceability import TraceLink
from workshop.models import Participant, utcnow
from workshop.prioritising import (
    OriginView,
    activity_item,
    authorship,
    bump_workshop,
    clean_key,
    flush_versioned,
    lock_item,
)
from workshop.text import LONG, MEDIUM, SHORT, clean_choice, clean_name, clean_text

ACTIVITY = "solution_steps"
STEPS: tuple[str, ...] = tuple(s.key for s in SOLUTION_STEPS)
STATUSES: tuple[str, ...] = ("active", "paused", "adopted", "dropped")
MAX_SOLUTIONS = 100
MAX_COMMENT_LENGTH = MEDIUM
ORIGIN_TYPES: tuple[str, ...] = ("candidate", "tuplatiimi_theme")


@dataclass(frozen=True)
class StepNoteView:
    step: str
    text: str
    version: int  # 0: nothing written yet
    updated_at: dt.datetime | None


@dataclass(frozen=True)
class SolutionView:
    id: int
    title: str
    description: str
    step: str
    status: str
    owner: str
    version: int
    created_at: dt.datetime
    notes: dict[str, StepNoteView] = field(default_factory=dict)  # every step, in order
    origins: tuple[OriginView, ...] = ()

    @property
    def step_number(self) -> int:
        return STEPS.index(self.step) + 1


@dataclass(frozen=True)
class CommentView:
    id: int
    step: str
    text: str
    version: int
    hidden: bool
    created_at: dt.datetime
    author: Authorship


@dataclass(frozen=True)
class SolutionActivity:
    item_id: int
    solution: SolutionView | None
    comments: tuple[CommentView, ...]


def _views(session: Session, rows: list[Solution], with_origins: bool) -> list[SolutionView]:
    if not rows:
        return []
    ids = [s.id for s in rows]
    notes: dict[tuple[int, str], SolutionStepNote] = {
        (n.solution_id, n.step): n for n in session.scalars(
            select(SolutionStepNote).where(SolutionStepNote.solution_id.in_(ids)))}
    links = traceability.links_from_unchecked(session, rows[0].workshop_id, "solution", ids) \
        if with_origins else {}
    out = []
    for s in rows:
        step_notes = {}
        for step in STEPS:
            note = notes.get((s.id, step))
            step_notes[step] = StepNoteView(step, note.text if note else "",
                                            note.version if note else 0,
                                            note.updated_at if note else None)
        origins = tuple(OriginView(li.id, li.record_type, li.record_id, li.status, li.label,
                                   li.hidden) for li in links.get(s.id, []))
        out.append(SolutionView(s.id, s.title, s.description, s.step, s.status, s.owner,
                                s.version, s.created_at, step_notes, origins))
    return out


def _facilitated(session: Session, actor: Actor, solution_id: int) -> Solution:
    solution = session.get(Solution, solution_id)
    if solution is None or solution.withdrawn:
        raise NotFound()
    require_facilitator(session, actor, solution.workshop_id)
    return solution


def get_solution(session: Session, actor: Actor, solution_id: int) -> SolutionView:
    return _views(session, [_facilitated(session, actor, solution_id)], True)[0]


def list_solutions(session: Session, actor: Actor, workshop_id: int) -> list[SolutionView]:
    require_facilitator(session, actor, workshop_id)
    rows = list(session.scalars(select(Solution).where(
        Solution.workshop_id == workshop_id, Solution.withdrawn.is_(False))
        .order_by(Solution.created_at, Solution.id)))
    return _views(session, rows, True)


def _clean_title(title: object) -> str:
    return clean_name(title, field="field.solution.title", max_length=SHORT)


def _clean_fields(description: object, owner: object) -> tuple[str, str]:
    return (clean_text(description, field="field.solution.description", max_length=LONG,
                       required=False),
            clean_text(owner, field="field.solution.owner", max_length=SHORT, required=False,
                       multiline=False))


def _by_key(session: Session, workshop_id: int, key: str | None) -> Solution | None:
    if key is None:
        return None
    return session.scalar(select(Solution).where(Solution.workshop_id == workshop_id,
                                                 Solution.client_key == key))


def _new(session: Session, actor: FacilitatorActor, workshop_id: int, title: str,
         description: str, owner: str, key: str | None) -> Solution:
    existing = _by_key(session, workshop_id, key)
    if existing is not None:
        return existing
    count = session.scalar(select(func.count()).select_from(Solution).where(
        Solution.workshop_id == workshop_id, Solution.withdrawn.is_(False))) or 0
    if count >= MAX_SOLUTIONS:
        raise InvalidInput("error.solution.full", max=MAX_SOLUTIONS)
    solution = Solution(workshop_id=workshop_id, title=title, description=description,
                        owner=owner, client_key=key, created_by_id=actor.user_id,
                        step=STEPS[0], status=STATUSES[0])
    try:
        with session.begin_nested():
            session.add(solution)
    except IntegrityError:
        existing = _by_key(session, workshop_id, key)
        if existing is None:
            raise
        return existing
    bump_workshop(session, workshop_id)
    return solution


def create_solution(session: Session, actor: Actor, workshop_id: int, title: str,
                    description: str = "", owner: str = "",
                    client_key: str | None = None) -> SolutionView:
    require_facilitator(session, actor, workshop_id)
    assert isinstance(actor, FacilitatorActor)
    made = _new(session, actor, workshop_id, _clean_title(title),
                *_clean_fields(description, owner), clean_key(client_key))
    return get_solution(session, actor, made.id)


def _existing_from(session: Session, workshop_id: int, record_type: str, record_id: int
                   ) -> Solution | None:
    return session.scalar(
        select(Solution).join(TraceLink, (TraceLink.source_id == Solution.id)
                              & (TraceLink.source_type == "solution"))
        .where(Solution.workshop_id == workshop_id, Solution.withdrawn.is_(False),
               TraceLink.record_type == record_type, TraceLink.record_id == record_id)
        .order_by(Solution.id).limit(1))


def _title_from(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SHORT else line[: SHORT - 1] + "…"


def from_origin(session: Session, actor: Actor, workshop_id: int, record_type: str,
                record_id: int) -> SolutionView:
    """A solution made from a candidate or a Tuplatiimi theme of the same workshop.

    Made again from the same origin, the existing solution is returned.
    """
    require_facilitator(session, actor, workshop_id)
    assert isinstance(actor, FacilitatorActor)
    if record_type not in ORIGIN_TYPES:
        raise InvalidInput("error.prio.not_an_origin")
    record = traceability.load_in_workshop(session, workshop_id, record_type, record_id)
    found = _existing_from(session, workshop_id, record_type, record.id)
    if found is not None:
        return get_solution(session, actor, found.id)
    if isinstance(record, Candidate):
        title, description, owner = _title_from(record.text), record.text, ""
    else:
        assert isinstance(record, TtTheme)
        title, description, owner = _title_from(record.name), record.what, record.who
    made = _new(session, actor, workshop_id, title, description, owner, None)
    session.flush()
    traceability.add_link(session, actor, "solution", made.id, record_type, record.id)
    return get_solution(session, actor, made.id)


def from_candidate(session: Session, actor: Actor, candidate_id: int) -> SolutionView:
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFound()
    return from_origin(session, actor, candidate.workshop_id, "candidate", candidate_id)


def from_theme(session: Session, actor: Actor, theme_id: int) -> SolutionView:
    theme = session.get(TtTheme, theme_id)
    if theme is None:
        raise NotFound()
    return from_origin(session, actor, theme.workshop_id, "tuplatiimi_theme", theme_id)


def update_solution(session: Session, actor: Actor, solution_id: int, expected_version: int,
                    *, title: str, description: str, owner: str, status: str, step: str
                    ) -> SolutionView:
    """Change a solution's details; an edit of an older version is refused."""
    solution = _facilitated(session, actor, solution_id)
    values = {
        "title": _clean_title(title),
        **dict(zip(("description", "owner"), _clean_fields(description, owner), strict=True)),
        "status": clean_choice(status, STATUSES, field="field.solution.status"),
        "step": clean_choice(step, STEPS, field="field.solution.step"),
    }
    if all(getattr(solution, k) == v for k, v in values.items()):
        return get_solution(session, actor, solution.id)
    if solution.version != expected_version:
        raise StaleEdit()
    for key, value in values.items():
        setattr(solution, key, value)
    flush_versioned(session)
    bump_workshop(session, solution.workshop_id)
    return get_solution(session, actor, solution.id)


def set_aside(session: Session, actor: Actor, solution_id: int) -> None:
    """Take a solution off the board (kept in the database)."""
    solution = _facilitated(session, actor, solution_id)
    solution.withdrawn = True
    flush_versioned(session)
    bump_workshop(session, solution.workshop_id)


def write_step_note(session: Session, actor: Actor, solution_id: int, step: str,
                    expected_version: int, text: str) -> int:
    """Save the notes of one step; returns the new version.

    ``expected_version`` is the version the writer saw (0: none written yet). When someone
    saved in between, the edit is refused with ``StaleEdit`` and nothing is overwritten.
    """
    solution = _facilitated(session, actor, solution_id)
    assert isinstance(actor, FacilitatorActor)
    which = clean_choice(step, STEPS, field="field.solution.step")
    cleaned = clean_text(text, field="field.solution.note", max_length=LONG, required=False)
    note = session.scalar(select(SolutionStepNote).where(
        SolutionStepNote.solution_id == solution.id, SolutionStepNote.step == which)
        .execution_options(populate_existing=True))
    if note is None:
        if expected_version != 0:
            raise StaleEdit()
        note = SolutionStepNote(workshop_id=solution.workshop_id, solution_id=solution.id,
                                step=which, text=cleaned, updated_by_id=actor.user_id)
        try:
            with session.begin_nested():
                session.add(note)
        except IntegrityError:  # someone wrote the first notes at the same moment
            raise StaleEdit() from None
    else:
        if note.text == cleaned:
            return note.version
        if note.version != expected_version:
            raise StaleEdit()
        note.text, note.updated_by_id, note.updated_at = cleaned, actor.user_id, utcnow()
        flush_versioned(session)
    bump_workshop(session, solution.workshop_id)
    return note.version


# --- the meeting activity ---------------------------------------------------------------------

def _focused_id(config: dict[str, object] | None) -> int | None:
    value = (config or {}).get("solution_id")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def focus(session: Session, actor: Actor, item_id: int, solution_id: int | None) -> None:
    """Put one solution of the workshop in focus for the item (None: none)."""
    item = activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
    if solution_id is not None:
        solution = session.get(Solution, solution_id)
        if solution is None or solution.withdrawn \
                or solution.workshop_id != item.meeting.workshop_id:
            raise NotFound()
    item = lock_item(session, item.id)
    item.config = {**(item.config or {}), "solution_id": solution_id}
    session.flush()
    bump_workshop(session, item.meeting.workshop_id, item.meeting_id)


def _focused(session: Session, workshop_id: int, config: dict[str, object] | None
             ) -> Solution | None:
    solution_id = _focused_id(config)
    solution = session.get(Solution, solution_id) if solution_id is not None else None
    if solution is None or solution.withdrawn or solution.workshop_id != workshop_id:
        return None
    return solution


def activity(session: Session, actor: Actor, item_id: int) -> SolutionActivity:
    """The solution in focus with its step notes, and the comments on its current step."""
    item = activity_item(session, actor, item_id, ACTIVITY)
    require_workshop(session, actor, item.meeting.workshop_id)
    solution = _focused(session, item.meeting.workshop_id, item.config)
    if solution is None:
        return SolutionActivity(item.id, None, ())
    view = _views(session, [solution], isinstance(actor, FacilitatorActor))[0]
    _item, rows = contributions.visible_for_item(session, actor, SolutionComment, item.id)
    comments = tuple(CommentView(c.id, c.step, c.text, c.version, c.hidden, c.created_at, who)
                     for c, who in rows
                     if c.solution_id == solution.id and c.step == solution.step)
    return SolutionActivity(item.id, view, comments)


def add_comment(session: Session, actor: Actor, item_id: int, text: str,
                client_key: str | None = None) -> tuple[int, bool]:
    """A comment on the focused solution's current step; returns (id, created)."""
    item = activity_item(session, actor, item_id, ACTIVITY, writable=True)
    cleaned = clean_text(text, field="field.solution.comment", max_length=MAX_COMMENT_LENGTH)
    solution = _focused(session, item.meeting.workshop_id, item.config)
    if solution is None:
        raise InvalidInput("error.solution.none_in_focus")
    record, created = contributions.create(session, actor, SolutionComment, item.id,
                                           client_key, solution_id=solution.id,
                                           step=solution.step, text=cleaned)
    return record.id, created


def withdraw_comment(session: Session, actor: Actor, comment_id: int, expected_version: int
                     ) -> None:
    contributions.withdraw(session, actor, SolutionComment, comment_id, expected_version)


def hide_comment(session: Session, actor: Actor, comment_id: int, hidden: bool = True) -> None:
    contributions.set_hidden(session, actor, SolutionComment, comment_id, hidden)


def comments_of(session: Session, actor: Actor, solution_id: int) -> list[CommentView]:
    """Every visible comment on a solution, over all meetings (facilitators)."""
    solution = _facilitated(session, actor, solution_id)
    rows = session.execute(
        select(SolutionComment, Participant)
        .outerjoin(Participant, Participant.id == SolutionComment.author_id)
        .where(SolutionComment.solution_id == solution.id,
               SolutionComment.withdrawn.is_(False))
        .order_by(SolutionComment.created_at, SolutionComment.id)).all()
    return [CommentView(c.id, c.step, c.text, c.version, c.hidden, c.created_at,
                        authorship(actor, p, True)) for c, p in rows]
