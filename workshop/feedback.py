"""Meeting feedback: a short form at the end of a meeting and its results.

Each workshop has its own questions (1–5 scales and written answers), seeded once from
``methods.DEFAULT_FEEDBACK_ITEMS`` in the workshop's language; the facilitator can add, edit,
remove and reorder them. A question that has answers is retired instead of deleted, and
editing its wording retires it and adds a new question, so old answers keep their meaning.

Each participant has one response per meeting: submitting again updates it (optimistic
versions; a repeated idempotency key changes nothing). Results keep clients, workers and
others apart, never add them up, and hide a group (or a 1–5 question) with fewer than
``FEEDBACK_MIN_RESPONDENTS`` answers.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workshop import contributions
from workshop.access import (
    Actor,
    open_meeting_of,
    require_facilitator,
    require_item,
    require_participant,
    require_writable_item,
)
from workshop.content.methods import (
    DEFAULT_FEEDBACK_ITEMS,
    FEEDBACK_GROUPS,
    FEEDBACK_MIN_RESPONDENTS,
    FEEDBACK_SCALE,
)
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.i18n import t
from workshop.meetings import bump_revision
from workshop.model_cafe_feedback import (
    FeedbackAnswer,
    FeedbackForm,
    FeedbackQuestion,
    FeedbackResponse,
)
from workshop.models import Meeting, Workshop, utcnow
from workshop.participants import role_group
from workshop.text import clean_choice, clean_int, clean_text

ACTIVITY_TYPE = "feedback"
KINDS: tuple[str, ...] = ("scale", "text")
#: Respondent groups in the order they are shown; never added together.
GROUPS: tuple[str, ...] = ("client", "worker", "other")
GROUP_LABEL_KEYS: dict[str, str] = {
    "client": FEEDBACK_GROUPS["clients"],
    "worker": FEEDBACK_GROUPS["workers"],
    "other": FEEDBACK_GROUPS["others"],
}
SCALE_MIN, SCALE_MAX = FEEDBACK_SCALE
MIN_RESPONDENTS = FEEDBACK_MIN_RESPONDENTS
MAX_QUESTIONS = 20
MAX_QUESTION_LENGTH = 300
MAX_ANSWER_LENGTH = 5_000


# --- questions ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class QuestionView:
    id: int
    position: int
    kind: str  # scale | text
    text: str
    retired: bool
    version: int
    answered: bool  # has answers: removing retires it, editing makes a new question


def _answered_ids(session: Session, question_ids: Iterable[int]) -> set[int]:
    ids = list(question_ids)
    if not ids:
        return set()
    return set(session.scalars(
        select(FeedbackAnswer.question_id).where(FeedbackAnswer.question_id.in_(ids)).distinct()
    ))


def _question_views(session: Session, rows: list[FeedbackQuestion]) -> list[QuestionView]:
    answered = _answered_ids(session, (q.id for q in rows))
    return [QuestionView(q.id, q.position, q.kind, q.text, q.retired, q.version,
                         q.id in answered) for q in rows]


def _ensure_questions(session: Session, workshop_id: int) -> None:
    """Seed the default questions in the workshop's language, once per workshop."""
    if session.get(FeedbackForm, workshop_id) is not None:
        return
    try:
        with session.begin_nested():
            session.add(FeedbackForm(workshop_id=workshop_id))
    except IntegrityError:
        return  # seeded at this very moment by another request
    workshop = session.get(Workshop, workshop_id)
    language = workshop.language if workshop is not None else "fi"
    for position, default in enumerate(DEFAULT_FEEDBACK_ITEMS):
        session.add(FeedbackQuestion(workshop_id=workshop_id, position=position,
                                     kind=default.kind, text=t(default.text_key, language),
                                     default_key=default.key))
    session.flush()


def _question_rows(session: Session, workshop_id: int, *, include_retired: bool
                   ) -> list[FeedbackQuestion]:
    _ensure_questions(session, workshop_id)
    query = select(FeedbackQuestion).where(FeedbackQuestion.workshop_id == workshop_id)
    if not include_retired:
        query = query.where(FeedbackQuestion.retired.is_(False))
    return list(session.scalars(query.order_by(FeedbackQuestion.position, FeedbackQuestion.id)))


def list_questions(session: Session, actor: Actor, workshop_id: int, *,
                   include_retired: bool = False) -> list[QuestionView]:
    """The workshop's questions in order (seeded with the defaults on first use)."""
    require_facilitator(session, actor, workshop_id)
    return _question_views(session, _question_rows(session, workshop_id,
                                                   include_retired=include_retired))


def _clean_question(text: object) -> str:
    return clean_text(text, field="field.feedback_question", max_length=MAX_QUESTION_LENGTH,
                      multiline=False)


def add_question(session: Session, actor: Actor, workshop_id: int, kind: str, text: str
                 ) -> QuestionView:
    require_facilitator(session, actor, workshop_id)
    active = _question_rows(session, workshop_id, include_retired=False)
    if len(active) >= MAX_QUESTIONS:
        raise InvalidInput("error.feedback.too_many_questions", max=MAX_QUESTIONS)
    position = (session.scalar(select(func.max(FeedbackQuestion.position))
                               .where(FeedbackQuestion.workshop_id == workshop_id)) or 0) + 1
    question = FeedbackQuestion(workshop_id=workshop_id, position=position,
                                kind=clean_choice(kind, KINDS, field="field.feedback_kind"),
                                text=_clean_question(text))
    session.add(question)
    _flush(session, workshop_id)
    return _question_views(session, [question])[0]


def _facilitated_question(session: Session, actor: Actor, question_id: int) -> FeedbackQuestion:
    question = session.get(FeedbackQuestion, question_id)
    if question is None:
        raise NotFound()
    require_facilitator(session, actor, question.workshop_id)
    return question


def _flush(session: Session, workshop_id: int) -> None:
    """Save a change to the form; participants answering right now get the new form."""
    try:
        session.flush()
    except StaleDataError:
        raise StaleEdit() from None
    meeting = open_meeting_of(session, workshop_id)
    if meeting is not None:
        bump_revision(session, meeting.id)


def edit_question(session: Session, actor: Actor, question_id: int, expected_version: int,
                  text: str) -> QuestionView:
    """Reword a question. One that has answers is retired and replaced by a new question in
    the same place, so its old answers still mean what they meant."""
    question = _facilitated_question(session, actor, question_id)
    if question.retired:
        raise InvalidInput("error.feedback.question_retired")
    if question.version != expected_version:
        raise StaleEdit()
    new_text = _clean_question(text)
    if new_text == question.text:
        return _question_views(session, [question])[0]
    if not _answered_ids(session, [question.id]):
        question.text = new_text
        _flush(session, question.workshop_id)
        return _question_views(session, [question])[0]
    question.retired = True
    _flush(session, question.workshop_id)
    replacement = FeedbackQuestion(workshop_id=question.workshop_id, position=question.position,
                                   kind=question.kind, text=new_text)
    session.add(replacement)
    _flush(session, question.workshop_id)
    return _question_views(session, [replacement])[0]


def remove_question(session: Session, actor: Actor, question_id: int) -> bool:
    """Remove a question from the form: deleted if never answered (True), else retired."""
    question = _facilitated_question(session, actor, question_id)
    if _answered_ids(session, [question.id]):
        question.retired = True
        _flush(session, question.workshop_id)
        return False
    session.delete(question)
    _flush(session, question.workshop_id)
    return True


def restore_question(session: Session, actor: Actor, question_id: int) -> QuestionView:
    """Put a retired question back on the form (at the end)."""
    question = _facilitated_question(session, actor, question_id)
    if question.retired:
        active = _question_rows(session, question.workshop_id, include_retired=False)
        if len(active) >= MAX_QUESTIONS:
            raise InvalidInput("error.feedback.too_many_questions", max=MAX_QUESTIONS)
        question.retired = False
        question.position = max((q.position for q in active), default=-1) + 1
        _flush(session, question.workshop_id)
    return _question_views(session, [question])[0]


def move_question(session: Session, actor: Actor, question_id: int, offset: int) -> None:
    """Move a question up (-1) or down (+1) among the questions on the form."""
    question = _facilitated_question(session, actor, question_id)
    if question.retired:
        raise InvalidInput("error.feedback.question_retired")
    active = _question_rows(session, question.workshop_id, include_retired=False)
    index = active.index(question)
    target = max(0, min(len(active) - 1, index + offset))
    active.insert(target, active.pop(index))
    for position, each in enumerate(active):
        if each.position != position:
            each.position = position
    _flush(session, question.workshop_id)


# --- answering ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class MyFeedback:
    """The form as one participant sees it, with their earlier answers if any."""

    item_id: int
    meeting_id: int
    questions: tuple[QuestionView, ...]
    response_id: int | None
    version: int  # 0 = not answered yet
    scores: dict[int, int]
    texts: dict[int, str]


@dataclass(frozen=True)
class SubmitResult:
    response_id: int
    version: int
    created: bool
    changed: bool


def _my_response(session: Session, meeting_id: int, participant_id: int
                 ) -> FeedbackResponse | None:
    return session.scalar(select(FeedbackResponse).where(
        FeedbackResponse.meeting_id == meeting_id, FeedbackResponse.author_id == participant_id))


def _answers_of(session: Session, response_id: int) -> dict[int, FeedbackAnswer]:
    rows = session.scalars(select(FeedbackAnswer).where(FeedbackAnswer.response_id == response_id))
    return {a.question_id: a for a in rows}


def my_feedback(session: Session, actor: Actor, item_id: int) -> MyFeedback:
    participant = require_participant(session, actor)
    item = require_item(session, actor, item_id)
    rows = _question_rows(session, item.meeting.workshop_id, include_retired=False)
    response = _my_response(session, item.meeting_id, participant.id)
    scores: dict[int, int] = {}
    texts: dict[int, str] = {}
    if response is not None and not response.withdrawn:
        for question_id, answer in _answers_of(session, response.id).items():
            if answer.score is not None:
                scores[question_id] = answer.score
            if answer.text is not None:
                texts[question_id] = answer.text
    return MyFeedback(item_id, item.meeting_id, tuple(_question_views(session, rows)),
                      response.id if response else None, response.version if response else 0,
                      scores, texts)


def _clean_answers(questions: Mapping[int, FeedbackQuestion], answers: object
                   ) -> dict[int, tuple[int | None, str | None]]:
    if not isinstance(answers, Mapping):
        raise InvalidInput("error.invalid_input")
    cleaned: dict[int, tuple[int | None, str | None]] = {}
    for question_id, value in answers.items():
        if isinstance(question_id, bool) or not isinstance(question_id, int):
            raise InvalidInput("error.invalid_input")
        question = questions.get(question_id)
        if question is None:
            raise InvalidInput("error.feedback.questions_changed")
        if value is None:
            continue
        if question.kind == "scale":
            cleaned[question_id] = (clean_int(value, field="field.feedback_score",
                                              minimum=SCALE_MIN, maximum=SCALE_MAX), None)
        else:
            text = clean_text(value, field="field.feedback_answer", max_length=MAX_ANSWER_LENGTH,
                              required=False)
            if text:
                cleaned[question_id] = (None, text)
    if not cleaned:
        raise InvalidInput("error.feedback.empty")
    return cleaned


def submit_feedback(session: Session, actor: Actor, item_id: int, answers: Mapping[int, object],
                    *, client_key: str | None = None, expected_version: int | None = None
                    ) -> SubmitResult:
    """Store the participant's answers for the meeting; submitting again updates them.

    ``answers`` maps question id to a 1–5 integer (scale), a text (written) or None
    (skipped). ``expected_version`` is the version the form was filled from (0 = no earlier
    answers, None = do not check); a form from an older version is refused with
    :class:`StaleEdit`. A repeated ``client_key`` returns the stored response unchanged.
    """
    participant = require_participant(session, actor)
    item = require_writable_item(session, actor, item_id)
    if item.activity_type != ACTIVITY_TYPE:
        raise InvalidInput("error.feedback.not_a_feedback_item")
    active = {q.id: q for q in _question_rows(session, item.meeting.workshop_id,
                                              include_retired=False)}
    cleaned = _clean_answers(active, answers)
    group = role_group(participant.role)
    response = _my_response(session, item.meeting_id, participant.id)
    if response is None:
        try:
            response, created = contributions.create(session, actor, FeedbackResponse, item_id,
                                                     client_key, respondent_group=group)
        except IntegrityError:  # the same person's other tab answered at the same moment
            response = _my_response(session, item.meeting_id, participant.id)
            if response is None:
                raise
        else:
            if created:
                session.flush()
                session.add_all(FeedbackAnswer(response_id=response.id, question_id=qid,
                                               score=score, text=text)
                                for qid, (score, text) in cleaned.items())
                session.flush()
                return SubmitResult(response.id, response.version, True, True)
            if response.meeting_id != item.meeting_id:  # a key reused from another meeting
                raise InvalidInput("error.invalid_input")
            return SubmitResult(response.id, response.version, False, False)
    if client_key is not None and response.client_key == client_key:
        return SubmitResult(response.id, response.version, False, False)  # a double click
    if expected_version is not None and expected_version != response.version:
        raise StaleEdit()
    changed = _replace_answers(session, response, cleaned, active)
    if response.withdrawn or response.respondent_group != group:
        response.withdrawn = False
        response.respondent_group = group
        changed = True
    if not changed:
        return SubmitResult(response.id, response.version, False, False)
    if client_key is not None:
        if not 8 <= len(client_key) <= contributions.MAX_CLIENT_KEY:
            raise InvalidInput("error.invalid_input")
        response.client_key = client_key
    response.updated_at = utcnow()
    contributions.save(session, response)
    return SubmitResult(response.id, response.version, False, True)


def _replace_answers(session: Session, response: FeedbackResponse,
                     cleaned: dict[int, tuple[int | None, str | None]],
                     active: Mapping[int, FeedbackQuestion]) -> bool:
    """Make the response's answers to the form's questions equal ``cleaned``.

    Answers to questions retired since are kept: they belong to the meeting's record.
    """
    existing = _answers_of(session, response.id)
    changed = False
    for question_id, answer in existing.items():
        if question_id in active and question_id not in cleaned:
            session.delete(answer)
            changed = True
    for question_id, (score, text) in cleaned.items():
        answer = existing.get(question_id)
        if answer is None:
            session.add(FeedbackAnswer(response_id=response.id, question_id=question_id,
                                       score=score, text=text))
            changed = True
        elif (answer.score, answer.text) != (score, text):
            answer.score, answer.text = score, text
            changed = True
    session.flush()
    return changed


# --- results ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class QuestionResult:
    """One question in one respondent group. ``shown`` is False when fewer than
    ``MIN_RESPONDENTS`` answered it (1–5 questions); then nothing else is given."""

    question_id: int
    kind: str
    text: str
    retired: bool
    shown: bool
    answers: int | None
    mean: float | None
    counts: tuple[int, ...] | None  # how many chose 1, 2, 3, 4, 5
    texts: tuple[str, ...]  # written answers, in alphabetical order (not answering order)


@dataclass(frozen=True)
class GroupResult:
    group: str  # client | worker | other
    shown: bool  # False: fewer than MIN_RESPONDENTS respondents, nothing else is given
    respondents: int | None
    questions: tuple[QuestionResult, ...]

    def question(self, question_id: int) -> QuestionResult | None:
        return next((q for q in self.questions if q.question_id == question_id), None)


@dataclass(frozen=True)
class MeetingResults:
    meeting_id: int
    number: int
    title: str
    date: dt.date | None
    questions: tuple[QuestionView, ...]
    groups: tuple[GroupResult, ...]  # always client, worker, other; never a total

    def group(self, name: str) -> GroupResult:
        return next(g for g in self.groups if g.group == name)


@dataclass(frozen=True)
class _Answer:
    meeting_id: int
    group: str
    response_id: int
    question_id: int
    score: int | None
    text: str | None


def _answers(session: Session, workshop_id: int, meeting_id: int | None = None
             ) -> tuple[list[_Answer], dict[tuple[int, str], int]]:
    """Visible answers, and respondents per (meeting, group)."""
    responses = select(FeedbackResponse).where(
        FeedbackResponse.workshop_id == workshop_id, FeedbackResponse.hidden.is_(False),
        FeedbackResponse.withdrawn.is_(False), FeedbackResponse.meeting_id.is_not(None))
    if meeting_id is not None:
        responses = responses.where(FeedbackResponse.meeting_id == meeting_id)
    respondents: dict[tuple[int, str], int] = defaultdict(int)
    groups_of: dict[int, tuple[int, str]] = {}
    for response in session.scalars(responses):
        assert response.meeting_id is not None
        respondents[(response.meeting_id, response.respondent_group)] += 1
        groups_of[response.id] = (response.meeting_id, response.respondent_group)
    rows: list[_Answer] = []
    if groups_of:
        for answer in session.scalars(select(FeedbackAnswer).where(
                FeedbackAnswer.response_id.in_(list(groups_of)))
                .order_by(FeedbackAnswer.id)):
            meeting, group = groups_of[answer.response_id]
            rows.append(_Answer(meeting, group, answer.response_id, answer.question_id,
                                answer.score, answer.text))
    return rows, dict(respondents)


def _questions_for(session: Session, workshop_id: int, used: set[int]) -> list[QuestionView]:
    """The form's questions plus retired ones that have answers here, in form order."""
    rows = [q for q in _question_rows(session, workshop_id, include_retired=True)
            if not q.retired or q.id in used]
    return _question_views(session, rows)


def _mean(scores: list[int]) -> float:
    return round(sum(scores) / len(scores), 2)


def _question_result(question: QuestionView, answers: list[_Answer]) -> QuestionResult:
    if question.kind == "scale":
        scores = [a.score for a in answers if a.score is not None]
        if len(scores) < MIN_RESPONDENTS:
            return QuestionResult(question.id, question.kind, question.text, question.retired,
                                  False, None, None, None, ())
        counts = tuple(scores.count(v) for v in range(SCALE_MIN, SCALE_MAX + 1))
        return QuestionResult(question.id, question.kind, question.text, question.retired,
                              True, len(scores), _mean(scores), counts, ())
    texts = tuple(sorted((a.text for a in answers if a.text), key=str.casefold))
    return QuestionResult(question.id, question.kind, question.text, question.retired, True,
                          len(texts), None, None, texts)


def _group_results(questions: list[QuestionView], answers: list[_Answer],
                   respondents: Mapping[str, int]) -> tuple[GroupResult, ...]:
    out = []
    for group in GROUPS:
        count = respondents.get(group, 0)
        if count < MIN_RESPONDENTS:
            out.append(GroupResult(group, False, None, ()))
            continue
        mine = [a for a in answers if a.group == group]
        out.append(GroupResult(group, True, count, tuple(
            _question_result(q, [a for a in mine if a.question_id == q.id]) for q in questions
        )))
    return tuple(out)


def meeting_results(session: Session, actor: Actor, meeting_id: int) -> MeetingResults:
    """One meeting's feedback, per respondent group (facilitators only)."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound()
    require_facilitator(session, actor, meeting.workshop_id)
    answers, respondents = _answers(session, meeting.workshop_id, meeting_id)
    questions = _questions_for(session, meeting.workshop_id, {a.question_id for a in answers})
    per_group = {g: n for (_m, g), n in respondents.items()}
    return MeetingResults(meeting.id, meeting.number, meeting.title, meeting.date,
                          tuple(questions), _group_results(questions, answers, per_group))


def answer_counts(session: Session, actor: Actor, meeting_id: int) -> dict[str, int | None]:
    """How many have answered so far, per group; None for fewer than MIN_RESPONDENTS."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound()
    require_facilitator(session, actor, meeting.workshop_id)
    _answers_rows, respondents = _answers(session, meeting.workshop_id, meeting_id)
    per_group = {g: n for (_m, g), n in respondents.items()}
    return {g: (per_group.get(g, 0) if per_group.get(g, 0) >= MIN_RESPONDENTS else None)
            for g in GROUPS}


# --- summary over all meetings (evaluation) -----------------------------------------------------

@dataclass(frozen=True)
class QuestionSummary:
    question_id: int
    text: str
    retired: bool
    answers: int
    mean: float | None  # None when nothing could be shown


@dataclass(frozen=True)
class MeetingGroupSummary:
    group: str
    shown: bool
    respondents: int | None
    mean: float | None  # over the 1–5 answers that are shown
    questions: tuple[QuestionSummary, ...]


@dataclass(frozen=True)
class MeetingSummary:
    meeting_id: int
    number: int
    title: str
    date: dt.date | None
    groups: tuple[MeetingGroupSummary, ...]

    def group(self, name: str) -> MeetingGroupSummary:
        return next(g for g in self.groups if g.group == name)


@dataclass(frozen=True)
class OverallGroupSummary:
    """A group over all meetings, counting only meetings (and questions) whose results are
    shown on their own: a hidden small group cannot be worked out by subtraction."""

    group: str
    meetings: int  # meetings included
    respondents: int  # responses in those meetings (a person answering twice counts twice)
    mean: float | None
    questions: tuple[QuestionSummary, ...]


@dataclass(frozen=True)
class FeedbackSummary:
    workshop_id: int
    questions: tuple[QuestionView, ...]  # 1–5 questions that have answers, in form order
    meetings: tuple[MeetingSummary, ...]  # meetings with feedback, in order
    overall: tuple[OverallGroupSummary, ...]  # client, worker, other; never a total

    def group(self, name: str) -> OverallGroupSummary:
        return next(g for g in self.overall if g.group == name)


def workshop_summary(session: Session, actor: Actor, workshop_id: int) -> FeedbackSummary:
    """Feedback over all meetings of a workshop, per meeting and overall, per group."""
    require_facilitator(session, actor, workshop_id)
    answers, respondents = _answers(session, workshop_id)
    scale_ids = {a.question_id for a in answers if a.score is not None}
    questions = [q for q in _questions_for(session, workshop_id, scale_ids)
                 if q.kind == "scale" and q.id in scale_ids]
    meeting_rows = list(session.scalars(
        select(Meeting).where(Meeting.id.in_({m for m, _g in respondents}))
        .order_by(Meeting.number)))
    scores: dict[tuple[int, str, int], list[int]] = defaultdict(list)
    for a in answers:
        if a.score is not None:
            scores[(a.meeting_id, a.group, a.question_id)].append(a.score)
    shown_scores: dict[tuple[str, int], list[int]] = defaultdict(list)  # (group, question)
    included: dict[str, list[int]] = defaultdict(list)  # group -> respondents per meeting
    meetings_out = []
    for meeting in meeting_rows:
        groups_out = []
        for group in GROUPS:
            count = respondents.get((meeting.id, group), 0)
            if count < MIN_RESPONDENTS:
                groups_out.append(MeetingGroupSummary(group, False, None, None, ()))
                continue
            included[group].append(count)
            per_question = []
            pooled: list[int] = []
            for q in questions:
                got = scores.get((meeting.id, group, q.id), [])
                if len(got) >= MIN_RESPONDENTS:
                    per_question.append(QuestionSummary(q.id, q.text, q.retired, len(got),
                                                        _mean(got)))
                    pooled += got
                    shown_scores[(group, q.id)] += got
            groups_out.append(MeetingGroupSummary(group, True, count,
                                                  _mean(pooled) if pooled else None,
                                                  tuple(per_question)))
        meetings_out.append(MeetingSummary(meeting.id, meeting.number, meeting.title,
                                           meeting.date, tuple(groups_out)))
    overall = []
    for group in GROUPS:
        per_question = []
        pooled = []
        for q in questions:
            got = shown_scores.get((group, q.id), [])
            if got:
                per_question.append(QuestionSummary(q.id, q.text, q.retired, len(got),
                                                    _mean(got)))
                pooled += got
        overall.append(OverallGroupSummary(group, len(included[group]), sum(included[group]),
                                           _mean(pooled) if pooled else None,
                                           tuple(per_question)))
    return FeedbackSummary(workshop_id, tuple(questions), tuple(meetings_out), tuple(overall))


def hide_response(session: Session, actor: Actor, response_id: int, hidden: bool = True) -> None:
    """Leave an inappropriate response out of the results (kept, marked hidden)."""
    contributions.set_hidden(session, actor, FeedbackResponse, response_id, hidden)
