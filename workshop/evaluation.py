"""Evaluating a service model: client outcomes, Net Promoter Score, the four-field evaluation
(Nelimaali) and the cost break-even.

**Client outcomes.** Each followed-up client has a pseudonym (a code such as ``N-07``; the key
to real identities stays in the client record system, and text that looks like a Finnish
personal identity code is refused), the situation at the start, and follow-ups counted in
months from the end of the service (0 = at the end, then for example 6 and 12): better, same
or worse than at the start, whether the child was placed outside the home, whether the client
still needs the heavier service, and a note. :func:`summarise` gives counts and percentages
per follow-up point.

**Net Promoter Score.** Answers 0–10 to "how likely would you recommend...", for clients and
family members separately. Promoters answer 9–10, detractors 0–6; the score is
``(promoters - detractors) / answers * 100``, exact (a :class:`~fractions.Fraction`) and
rounded half away from zero for display. **Privacy:** a group's score and its distribution
are shown only from :data:`NPS_MIN_ANSWERS` (5) answers up. The people answering are clients
of social services, often a caseload of a dozen families whom the team knows; with fewer
answers a score could be traced back to individual families (NPS 100 from two answers tells
that both recommended). Five is the smallest group size commonly used for published figures
on social welfare clients, and stricter than meeting feedback
(``FEEDBACK_MIN_RESPONDENTS``), whose respondents are workshop participants giving feedback
on a meeting, not clients rating a service they depend on. Below the threshold only the
number of answers is shown.

**Four-field evaluation.** Staff experience and employer image, customer experience and
access, effectiveness (how the change comes about) and productivity; each field holds its
measures, findings and the changes made because of a finding.

**Break-even.** The model's yearly cost against the yearly cost of one case it prevents (for
example a year of a special-level institutional placement): the smallest number of prevented
cases a year that covers the cost, and the net saving at a given number. Money is
:class:`~decimal.Decimal` in cents; nothing goes through floating point.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workshop.access import Actor, FacilitatorActor, require_facilitator
from workshop.errors import Conflict, InvalidInput, NotFound, StaleEdit
from workshop.model_canvas import ServiceModel
from workshop.model_evaluation import (
    BreakEven,
    EvalClient,
    FourFieldEntry,
    NpsAnswer,
    NpsSurvey,
    OutcomeFollowUp,
)
from workshop.text import LONG, MEDIUM, SHORT, clean_choice, clean_int, clean_name, clean_text

RATINGS: tuple[str, ...] = ("better", "same", "worse")
NPS_GROUPS: tuple[str, ...] = ("client", "family")
NPS_MIN_ANSWERS = 5
MAX_ANSWERS_AT_ONCE = 500
FIELDS: tuple[str, ...] = ("staff", "customer", "effectiveness", "productivity")
ENTRY_KINDS: tuple[str, ...] = ("measure", "finding", "change")
MAX_MONEY = Decimal("100000000000")  # 100 billion: well above any yearly service cost
CENT = Decimal("0.01")
# A Finnish personal identity code (henkilötunnus): six digits, a century sign, three digits
# and a check character. Pseudonymous follow-up must not carry one.
_IDENTITY_CODE = re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]\b", re.IGNORECASE)


def _save(session: Session) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise StaleEdit() from None


def _model(session: Session, actor: Actor, model_id: int) -> ServiceModel:
    model = session.get(ServiceModel, model_id)
    if model is None:
        raise NotFound()
    require_facilitator(session, actor, model.workshop_id)
    return model


def _private_text(value: object, *, field: str, max_length: int, required: bool = False,
                  multiline: bool = True) -> str:
    text = clean_text(value, field=field, max_length=max_length, required=required,
                      multiline=multiline)
    if _IDENTITY_CODE.search(text):
        raise InvalidInput("error.evaluation.identity_code", field=field)
    return text


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidInput("error.date")
    return value


def _optional_bool(value: object, *, field: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise InvalidInput("error.choice", field=field)


# --- client outcomes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpView:
    id: int
    months: int
    rating: str | None
    placed: bool | None
    still_client: bool | None
    note: str
    recorded_on: dt.date | None
    version: int


@dataclass(frozen=True)
class ClientView:
    id: int
    model_id: int
    pseudonym: str
    intake: str
    started_on: dt.date | None
    ended_on: dt.date | None
    start_situation: str
    version: int
    follow_ups: tuple[FollowUpView, ...]


def _clean_client(values: dict[str, object]) -> dict[str, object]:
    cleaned: dict[str, object] = {}
    for name, value in values.items():
        if name == "pseudonym":
            text = clean_name(value, field="field.eval_pseudonym", max_length=40)
            if _IDENTITY_CODE.search(text):
                raise InvalidInput("error.evaluation.identity_code", field="field.eval_pseudonym")
            cleaned[name] = text
        elif name == "intake":
            cleaned[name] = _private_text(value, field="field.eval_intake", max_length=120,
                                          multiline=False)
        elif name == "start_situation":
            cleaned[name] = _private_text(value, field="field.eval_start_situation",
                                          max_length=MEDIUM * 2)
        elif name in ("started_on", "ended_on"):
            cleaned[name] = _date(value)
        else:
            raise InvalidInput("error.invalid_input")
    started, ended = cleaned.get("started_on"), cleaned.get("ended_on")
    if isinstance(started, dt.date) and isinstance(ended, dt.date) and ended < started:
        raise InvalidInput("error.evaluation.ends_before_start")
    return cleaned


def add_client(session: Session, actor: Actor, model_id: int, pseudonym: str, *,
               intake: str = "", started_on: dt.date | None = None,
               ended_on: dt.date | None = None, start_situation: str = "") -> ClientView:
    model = _model(session, actor, model_id)
    fields = _clean_client({"pseudonym": pseudonym, "intake": intake, "started_on": started_on,
                            "ended_on": ended_on, "start_situation": start_situation})
    taken = session.scalar(select(EvalClient.id).where(
        EvalClient.model_id == model.id, EvalClient.pseudonym == fields["pseudonym"]))
    if taken is not None:
        raise Conflict("error.evaluation.pseudonym_taken")
    client = EvalClient(workshop_id=model.workshop_id, model_id=model.id, **fields)
    session.add(client)
    session.flush()
    return _client_view(client, [])


def _facilitated_client(session: Session, actor: Actor, client_id: int) -> EvalClient:
    client = session.get(EvalClient, client_id)
    if client is None:
        raise NotFound()
    require_facilitator(session, actor, client.workshop_id)
    return client


def update_client(session: Session, actor: Actor, client_id: int, expected_version: int,
                  **values: object) -> ClientView:
    client = _facilitated_client(session, actor, client_id)
    if client.version != expected_version:
        raise StaleEdit()
    merged = {"started_on": client.started_on, "ended_on": client.ended_on, **values}
    fields = _clean_client(merged)
    if "pseudonym" in fields and fields["pseudonym"] != client.pseudonym:
        taken = session.scalar(select(EvalClient.id).where(
            EvalClient.model_id == client.model_id, EvalClient.pseudonym == fields["pseudonym"]))
        if taken is not None:
            raise Conflict("error.evaluation.pseudonym_taken")
    for name, value in fields.items():
        setattr(client, name, value)
    _save(session)
    return _client_view(client, _follow_up_rows(session, [client.id]).get(client.id, []))


def remove_client(session: Session, actor: Actor, client_id: int, expected_version: int) -> None:
    client = _facilitated_client(session, actor, client_id)
    if client.version != expected_version:
        raise StaleEdit()
    session.delete(client)
    _save(session)


def record_follow_up(session: Session, actor: Actor, client_id: int, months: int,
                     rating: str | None,
                     *, placed: bool | None = None, still_client: bool | None = None,
                     note: str = "", recorded_on: dt.date | None = None,
                     expected_version: int | None = None) -> FollowUpView:
    """Record (or, with ``expected_version``, correct) the client's situation at a point.

    ``rating`` may be None when only the status (placed, still a client) was recorded.
    """
    client = _facilitated_client(session, actor, client_id)
    point = clean_int(months, field="field.eval_months", minimum=0, maximum=120)
    fields = {
        "rating": None if rating is None else clean_choice(rating, RATINGS,
                                                            field="field.eval_rating"),
        "placed": _optional_bool(placed, field="field.eval_placed"),
        "still_client": _optional_bool(still_client, field="field.eval_still_client"),
        "note": _private_text(note, field="field.eval_note", max_length=MEDIUM * 2),
        "recorded_on": _date(recorded_on),
    }
    row = session.scalar(select(OutcomeFollowUp).where(
        OutcomeFollowUp.client_id == client.id, OutcomeFollowUp.months == point))
    if row is None:
        if expected_version is not None:
            raise StaleEdit()
        row = OutcomeFollowUp(workshop_id=client.workshop_id, client_id=client.id,
                              months=point, **fields)
        session.add(row)
    else:
        if expected_version is None or row.version != expected_version:
            raise StaleEdit()
        for name, value in fields.items():
            setattr(row, name, value)
    _save(session)
    return _follow_up_view(row)


def remove_follow_up(session: Session, actor: Actor, follow_up_id: int,
                     expected_version: int) -> None:
    _remove_row(session, actor, session.get(OutcomeFollowUp, follow_up_id), expected_version)


def _remove_row(session: Session, actor: Actor, row: OutcomeFollowUp | BreakEven | None,
                expected_version: int) -> None:
    """Delete a facilitator's record of the workshop, unless someone changed it meanwhile."""
    if row is None:
        raise NotFound()
    require_facilitator(session, actor, row.workshop_id)
    if row.version != expected_version:
        raise StaleEdit()
    session.delete(row)
    _save(session)


def _follow_up_view(f: OutcomeFollowUp) -> FollowUpView:
    return FollowUpView(f.id, f.months, f.rating, f.placed, f.still_client, f.note,
                        f.recorded_on, f.version)


def _client_view(c: EvalClient, follow_ups: Iterable[OutcomeFollowUp]) -> ClientView:
    return ClientView(c.id, c.model_id, c.pseudonym, c.intake, c.started_on, c.ended_on,
                      c.start_situation, c.version,
                      tuple(_follow_up_view(f) for f in sorted(follow_ups,
                                                               key=lambda f: f.months)))


def _follow_up_rows(session: Session, client_ids: list[int]
                    ) -> dict[int, list[OutcomeFollowUp]]:
    found: dict[int, list[OutcomeFollowUp]] = {}
    if client_ids:
        for row in session.scalars(select(OutcomeFollowUp).where(
                OutcomeFollowUp.client_id.in_(client_ids))):
            found.setdefault(row.client_id, []).append(row)
    return found


def list_clients(session: Session, actor: Actor, model_id: int) -> list[ClientView]:
    model = _model(session, actor, model_id)
    clients = list(session.scalars(select(EvalClient).where(EvalClient.model_id == model.id)
                                   .order_by(EvalClient.pseudonym, EvalClient.id)))
    rows = _follow_up_rows(session, [c.id for c in clients])
    return [_client_view(c, rows.get(c.id, [])) for c in clients]


def percent(part: int, whole: int) -> Decimal:
    """``part`` of ``whole`` in per cent, rounded half up to a whole number."""
    if whole <= 0:
        return Decimal(0)
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1), ROUND_HALF_UP)


@dataclass(frozen=True)
class OutcomePoint:
    """Follow-ups recorded at one point (months after the end of the service)."""

    months: int
    total: int
    counts: dict[str, int]  # rating -> clients
    unrated: int  # follow-ups with a status but no rating
    placed: dict[str, int]  # rating -> of those, placed outside the home
    placed_total: int  # all placed at this point, rated or not
    still_client: int  # still needing the heavier service, not placed
    service_ended: int  # neither placed nor still a client

    def share(self, rating: str) -> Decimal:
        return percent(self.counts[rating], self.total)

    @property
    def placed_share(self) -> Decimal:
        return percent(self.placed_total, self.total)

    def not_placed(self, rating: str) -> int:
        return self.counts[rating] - self.placed[rating]


def summarise(follow_ups: Iterable[FollowUpView]) -> list[OutcomePoint]:
    """Counts per follow-up point, ratings and placements apart, in month order."""
    by_point: dict[int, list[FollowUpView]] = {}
    for f in follow_ups:
        by_point.setdefault(f.months, []).append(f)
    points = []
    for months in sorted(by_point):
        rows = by_point[months]
        counts = {r: sum(1 for f in rows if f.rating == r) for r in RATINGS}
        placed = {r: sum(1 for f in rows if f.rating == r and f.placed) for r in RATINGS}
        still = sum(1 for f in rows if not f.placed and f.still_client)
        ended = sum(1 for f in rows if not f.placed and f.still_client is False)
        unrated = sum(1 for f in rows if f.rating is None)
        placed_total = sum(1 for f in rows if f.placed)
        points.append(OutcomePoint(months, len(rows), counts, unrated, placed, placed_total,
                                   still, ended))
    return points


def outcome_summary(session: Session, actor: Actor, model_id: int) -> list[OutcomePoint]:
    clients = list_clients(session, actor, model_id)
    return summarise(f for c in clients for f in c.follow_ups)


# --- Net Promoter Score ------------------------------------------------------------------------


@dataclass(frozen=True)
class NpsResult:
    answers: int
    promoters: int
    passives: int
    detractors: int

    @property
    def exact(self) -> Fraction | None:
        """(promoters - detractors) / answers * 100, exactly; None without answers."""
        if self.answers == 0:
            return None
        return Fraction(100 * (self.promoters - self.detractors), self.answers)

    @property
    def rounded(self) -> int | None:
        """The score as usually reported: a whole number, halves away from zero."""
        exact = self.exact
        if exact is None:
            return None
        value = Decimal(exact.numerator) / Decimal(exact.denominator)
        return int(value.quantize(Decimal(1), ROUND_HALF_UP))

    @property
    def shown(self) -> bool:
        """Enough answers to show the score without pointing at individual respondents."""
        return self.answers >= NPS_MIN_ANSWERS

    def share(self, part: str) -> Decimal:
        return percent(getattr(self, part), self.answers)


def nps(scores: Iterable[int]) -> NpsResult:
    """Net Promoter Score of 0–10 answers (anything else is refused)."""
    values = list(scores)
    for score in values:
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
            raise InvalidInput("error.number.range", field="field.nps_score", min=0, max=10)
    promoters = sum(1 for s in values if s >= 9)
    detractors = sum(1 for s in values if s <= 6)
    return NpsResult(len(values), promoters, len(values) - promoters - detractors, detractors)


def parse_scores(text: object) -> list[int]:
    """Scores typed as a list: "9, 10 7;3" -> [9, 10, 7, 3]."""
    if not isinstance(text, str):
        raise InvalidInput("error.text.not_text", field="field.nps_scores")
    parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
    if not parts:
        raise InvalidInput("error.text.required", field="field.nps_scores")
    if len(parts) > MAX_ANSWERS_AT_ONCE:
        raise InvalidInput("error.evaluation.too_many_scores", max=MAX_ANSWERS_AT_ONCE)
    scores = []
    for part in parts:
        if not part.isascii() or not part.isdigit() or not 0 <= int(part) <= 10:
            raise InvalidInput("error.evaluation.bad_score", value=part[:12])
        scores.append(int(part))
    return scores


@dataclass(frozen=True)
class SurveyView:
    id: int
    model_id: int
    title: str
    period: str
    note: str
    highlights: str
    version: int
    results: dict[str, NpsResult]  # client | family


def _clean_survey(values: dict[str, object]) -> dict[str, str]:
    cleaned = {}
    for name, value in values.items():
        if name == "title":
            cleaned[name] = clean_name(value, field="field.nps_title", max_length=SHORT)
        elif name == "period":
            cleaned[name] = clean_text(value, field="field.nps_period", max_length=120,
                                       required=False, multiline=False)
        elif name in ("note", "highlights"):
            label = "field.nps_note" if name == "note" else "field.nps_highlights"
            cleaned[name] = _private_text(value, field=label, max_length=LONG)
        else:
            raise InvalidInput("error.invalid_input")
    return cleaned


def create_survey(session: Session, actor: Actor, model_id: int, title: str, *,
                  period: str = "", note: str = "", highlights: str = "") -> SurveyView:
    model = _model(session, actor, model_id)
    survey = NpsSurvey(workshop_id=model.workshop_id, model_id=model.id,
                       **_clean_survey({"title": title, "period": period, "note": note,
                                        "highlights": highlights}))
    session.add(survey)
    session.flush()
    return _survey_view(session, survey)


def _facilitated_survey(session: Session, actor: Actor, survey_id: int) -> NpsSurvey:
    survey = session.get(NpsSurvey, survey_id)
    if survey is None:
        raise NotFound()
    require_facilitator(session, actor, survey.workshop_id)
    return survey


def update_survey(session: Session, actor: Actor, survey_id: int, expected_version: int,
                  **values: object) -> SurveyView:
    survey = _facilitated_survey(session, actor, survey_id)
    if survey.version != expected_version:
        raise StaleEdit()
    for name, value in _clean_survey(values).items():
        setattr(survey, name, value)
    _save(session)
    return _survey_view(session, survey)


def remove_survey(session: Session, actor: Actor, survey_id: int, expected_version: int) -> None:
    survey = _facilitated_survey(session, actor, survey_id)
    if survey.version != expected_version:
        raise StaleEdit()
    session.delete(survey)
    _save(session)


def add_answers(session: Session, actor: Actor, survey_id: int, group: str,
                scores: Sequence[int]) -> SurveyView:
    """Add anonymous answers of one respondent group (typed in from paper or a web form)."""
    survey = _facilitated_survey(session, actor, survey_id)
    chosen = clean_choice(group, NPS_GROUPS, field="field.nps_group")
    checked = nps(scores)  # refuses anything outside 0-10
    if checked.answers == 0:
        raise InvalidInput("error.text.required", field="field.nps_scores")
    if checked.answers > MAX_ANSWERS_AT_ONCE:
        raise InvalidInput("error.evaluation.too_many_scores", max=MAX_ANSWERS_AT_ONCE)
    for score in scores:
        session.add(NpsAnswer(survey_id=survey.id, respondent_group=chosen, score=score))
    session.flush()
    return _survey_view(session, survey)


def remove_answers(session: Session, actor: Actor, survey_id: int, group: str,
                   score: int) -> SurveyView:
    """Take back one answer with this score (for correcting a typing mistake)."""
    survey = _facilitated_survey(session, actor, survey_id)
    chosen = clean_choice(group, NPS_GROUPS, field="field.nps_group")
    row = session.scalar(select(NpsAnswer).where(
        NpsAnswer.survey_id == survey.id, NpsAnswer.respondent_group == chosen,
        NpsAnswer.score == score).order_by(NpsAnswer.id.desc()).limit(1))
    if row is None:
        raise NotFound()
    session.delete(row)
    session.flush()
    return _survey_view(session, survey)


def _survey_view(session: Session, survey: NpsSurvey) -> SurveyView:
    scores: dict[str, list[int]] = {g: [] for g in NPS_GROUPS}
    for group, score in session.execute(select(NpsAnswer.respondent_group, NpsAnswer.score)
                                        .where(NpsAnswer.survey_id == survey.id)):
        scores[group].append(score)
    return SurveyView(survey.id, survey.model_id, survey.title, survey.period, survey.note,
                      survey.highlights, survey.version,
                      {g: nps(values) for g, values in scores.items()})


def list_surveys(session: Session, actor: Actor, model_id: int) -> list[SurveyView]:
    model = _model(session, actor, model_id)
    rows = session.scalars(select(NpsSurvey).where(NpsSurvey.model_id == model.id)
                           .order_by(NpsSurvey.id))
    return [_survey_view(session, s) for s in rows]


# --- four-field evaluation ---------------------------------------------------------------------


@dataclass(frozen=True)
class EntryView:
    id: int
    field: str
    kind: str
    text: str
    because_of_id: int | None
    position: int
    version: int


def _entry_view(e: FourFieldEntry) -> EntryView:
    return EntryView(e.id, e.field, e.kind, e.text, e.because_of_id, e.position, e.version)


def _clean_because(session: Session, model_id: int, kind: str, because_of_id: object
                   ) -> int | None:
    if because_of_id is None:
        return None
    if kind != "change":
        raise InvalidInput("error.evaluation.because_only_for_changes")
    if isinstance(because_of_id, bool) or not isinstance(because_of_id, int):
        raise NotFound()
    finding = session.get(FourFieldEntry, because_of_id)
    if finding is None or finding.model_id != model_id:
        raise NotFound()
    if finding.kind != "finding":
        raise InvalidInput("error.evaluation.because_not_finding")
    return finding.id


def add_entry(session: Session, actor: Actor, model_id: int, field: str, kind: str,
              text: str, because_of_id: int | None = None) -> EntryView:
    model = _model(session, actor, model_id)
    chosen_field = clean_choice(field, FIELDS, field="field.four_field")
    chosen_kind = clean_choice(kind, ENTRY_KINDS, field="field.four_field_kind")
    cleaned = _private_text(text, field="field.four_field_text", max_length=MEDIUM * 2,
                            required=True)
    because = _clean_because(session, model.id, chosen_kind, because_of_id)
    position = (session.scalar(select(func.max(FourFieldEntry.position)).where(
        FourFieldEntry.model_id == model.id, FourFieldEntry.field == chosen_field,
        FourFieldEntry.kind == chosen_kind)) or 0) + 1
    entry = FourFieldEntry(workshop_id=model.workshop_id, model_id=model.id,
                           field=chosen_field, kind=chosen_kind, text=cleaned,
                           because_of_id=because, position=position,
                           updated_by_user_id=actor.user_id
                           if isinstance(actor, FacilitatorActor) else None)
    session.add(entry)
    session.flush()
    return _entry_view(entry)


def _facilitated_entry(session: Session, actor: Actor, entry_id: int) -> FourFieldEntry:
    entry = session.get(FourFieldEntry, entry_id)
    if entry is None:
        raise NotFound()
    require_facilitator(session, actor, entry.workshop_id)
    return entry


_UNCHANGED = object()


def update_entry(session: Session, actor: Actor, entry_id: int, expected_version: int, *,
                 text: str, because_of_id: object = _UNCHANGED) -> EntryView:
    entry = _facilitated_entry(session, actor, entry_id)
    if entry.version != expected_version:
        raise StaleEdit()
    entry.text = _private_text(text, field="field.four_field_text", max_length=MEDIUM * 2,
                               required=True)
    if because_of_id is not _UNCHANGED:
        if because_of_id == entry.id:
            raise InvalidInput("error.evaluation.because_not_finding")
        entry.because_of_id = _clean_because(session, entry.model_id, entry.kind,
                                             because_of_id)
    _save(session)
    return _entry_view(entry)


def remove_entry(session: Session, actor: Actor, entry_id: int, expected_version: int) -> None:
    entry = _facilitated_entry(session, actor, entry_id)
    if entry.version != expected_version:
        raise StaleEdit()
    session.delete(entry)
    _save(session)


def four_field(session: Session, actor: Actor, model_id: int
               ) -> dict[str, dict[str, list[EntryView]]]:
    """field -> kind -> entries, every field and kind present (possibly empty)."""
    model = _model(session, actor, model_id)
    found: dict[str, dict[str, list[EntryView]]] = {
        f: {k: [] for k in ENTRY_KINDS} for f in FIELDS}
    for entry in session.scalars(select(FourFieldEntry).where(
            FourFieldEntry.model_id == model.id)
            .order_by(FourFieldEntry.position, FourFieldEntry.id)):
        found[entry.field][entry.kind].append(_entry_view(entry))
    return found


# --- cost break-even ---------------------------------------------------------------------------


def parse_money(value: object, *, field: str) -> Decimal:
    """Euros as typed: "1 000 000", "250000,50", Decimal or int; at most two decimals."""
    if isinstance(value, bool) or value is None:
        raise InvalidInput("error.canvas.number_invalid", field=field)
    if isinstance(value, int | Decimal):
        number = Decimal(value)
    elif isinstance(value, str):
        typed = value.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        typed = typed.removesuffix("€").replace(",", ".")
        try:
            number = Decimal(typed)
        except InvalidOperation:
            raise InvalidInput("error.canvas.number_invalid", field=field) from None
    else:  # floats are refused: money must be exact
        raise InvalidInput("error.canvas.number_invalid", field=field)
    if not number.is_finite():
        raise InvalidInput("error.canvas.number_invalid", field=field)
    if not Decimal(0) < number <= MAX_MONEY:
        raise InvalidInput("error.evaluation.money_range", field=field)
    if number != number.quantize(CENT):
        raise InvalidInput("error.canvas.number_places", field=field, places=2)
    return number.quantize(CENT)


@dataclass(frozen=True)
class BreakEvenResult:
    yearly_cost: Decimal
    case_cost: Decimal
    cases_to_break_even: int  # the smallest whole number of cases whose cost covers the model
    ratio: Fraction  # yearly cost / case cost, exact
    count: int | None
    gross_avoided: Decimal | None  # count * case cost
    net_saving: Decimal | None  # gross avoided - yearly cost (negative: a net cost)
    cost_per_client: Decimal | None

    @property
    def ratio_rounded(self) -> Decimal:
        return (Decimal(self.ratio.numerator) / Decimal(self.ratio.denominator)).quantize(
            CENT, ROUND_HALF_UP)

    def saving_at(self, count: int) -> Decimal:
        return count * self.case_cost - self.yearly_cost


def break_even(yearly_cost: Decimal, case_cost: Decimal, count: int | None = None,
               clients_per_year: int | None = None) -> BreakEvenResult:
    """How many prevented cases a year pay for the model, and the saving at ``count``."""
    cost = parse_money(yearly_cost, field="field.be_yearly_cost")
    unit = parse_money(case_cost, field="field.be_case_cost")
    cost_cents, unit_cents = int(cost / CENT), int(unit / CENT)
    needed = -(-cost_cents // unit_cents)  # ceiling division on whole cents: exact
    gross = net = None
    if count is not None:
        count = clean_int(count, field="field.be_count", minimum=0, maximum=1_000_000)
        gross = count * unit
        net = gross - cost
    per_client = None
    if clients_per_year is not None:
        clients = clean_int(clients_per_year, field="field.be_clients", minimum=1,
                            maximum=1_000_000)
        per_client = (cost / clients).quantize(CENT, ROUND_HALF_UP)
    return BreakEvenResult(cost, unit, needed, Fraction(cost_cents, unit_cents), count, gross,
                           net, per_client)


@dataclass(frozen=True)
class BreakEvenView:
    id: int
    model_id: int
    title: str
    case_label: str
    note: str
    version: int
    result: BreakEvenResult


def _break_even_view(row: BreakEven) -> BreakEvenView:
    return BreakEvenView(row.id, row.model_id, row.title, row.case_label, row.note,
                         row.version, break_even(row.yearly_cost, row.case_cost,
                                                 row.prevented_count, row.clients_per_year))


def _clean_break_even(values: dict[str, object]) -> dict[str, object]:
    return {
        "title": clean_name(values["title"], field="field.be_title", max_length=SHORT),
        "yearly_cost": parse_money(values["yearly_cost"], field="field.be_yearly_cost"),
        "case_cost": parse_money(values["case_cost"], field="field.be_case_cost"),
        "case_label": clean_text(values.get("case_label", ""), field="field.be_case_label",
                                 max_length=120, required=False, multiline=False),
        "prevented_count": None if values.get("prevented_count") is None else clean_int(
            values["prevented_count"], field="field.be_count", minimum=0, maximum=1_000_000),
        "clients_per_year": None if values.get("clients_per_year") is None else clean_int(
            values["clients_per_year"], field="field.be_clients", minimum=1, maximum=1_000_000),
        "note": clean_text(values.get("note", ""), field="field.be_note", max_length=MEDIUM * 2,
                           required=False),
    }


def save_break_even(session: Session, actor: Actor, model_id: int, *, title: str,
                    yearly_cost: object, case_cost: object, case_label: str = "",
                    prevented_count: int | None = None, clients_per_year: int | None = None,
                    note: str = "", calc_id: int | None = None,
                    expected_version: int | None = None) -> BreakEvenView:
    """Create a calculation, or change ``calc_id`` seen at ``expected_version``."""
    model = _model(session, actor, model_id)
    fields = _clean_break_even({
        "title": title, "yearly_cost": yearly_cost, "case_cost": case_cost,
        "case_label": case_label, "prevented_count": prevented_count,
        "clients_per_year": clients_per_year, "note": note})
    if calc_id is None:
        row = BreakEven(workshop_id=model.workshop_id, model_id=model.id, **fields)
        session.add(row)
    else:
        row = session.get(BreakEven, calc_id)
        if row is None or row.model_id != model.id:
            raise NotFound()
        if expected_version is None or row.version != expected_version:
            raise StaleEdit()
        for name, value in fields.items():
            setattr(row, name, value)
    _save(session)
    return _break_even_view(row)


def remove_break_even(session: Session, actor: Actor, calc_id: int,
                      expected_version: int) -> None:
    _remove_row(session, actor, session.get(BreakEven, calc_id), expected_version)


def list_break_evens(session: Session, actor: Actor, model_id: int) -> list[BreakEvenView]:
    model = _model(session, actor, model_id)
    rows = session.scalars(select(BreakEven).where(BreakEven.model_id == model.id)
                           .order_by(BreakEven.id))
    return [_break_even_view(r) for r in rows]
