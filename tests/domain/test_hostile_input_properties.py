"""Hostile input, as a property over every service that stores user text or numbers.

For any value a browser (or someone scripting one) can send — control characters, lone
surrogates, emoji, right-to-left text and direction overrides, ``<script>``, Markdown, very
long strings, numbers far out of range, floats, NaN, wrong types — a service either

* stores it, and reading the record back gives exactly the cleaned text (``\\r\\n``/``\\r``
  turned into ``\\n``, surrounding whitespace removed, nothing else changed), or
* refuses it with the domain's :class:`~workshop.errors.DomainError`,

and never raises anything else. Ordinary text (a short line with letters) is never refused
as text. Every test ends by building the meeting memo (``exports/memo.py``) and the JSON
backup (``exports/backup.py``) of the workshop with everything the examples stored, and the
backup must hold every stored value exactly.

These properties run on SQLite only (a migrated throw-away database per module, not the
two-database ``engine`` fixture): Hypothesis runs dozens of examples per test and the machine
is shared. The services' SQL is the same on PostgreSQL, where the ordinary domain tests run.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import math
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from builders import join, world
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from exports import backup, docx_builder, memo
from workshop import db, meetings
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.errors import DomainError
from workshop.models import load_all_models

load_all_models()

EXAMPLES = 30
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])

# --- values a hostile client can send ------------------------------------------------------------

NASTY = [
    "<script>alert(document.cookie)</script>",
    "<img src=x onerror=alert(1)>",
    "[klikkaa](javascript:alert(1)) ![](http://example.invalid/x.png) **lihava** `koodi`",
    "$\\frac{1}{0}$ :red[punainen] # otsikko",
    "עברית ומרחב \u202eevil\u202c و مرحبا بالعالم",
    "\u202e\u2066\u2067\u2068\u2069\u200f\u200e",
    "👩‍👩‍👧‍👦🏳️‍🌈🙂 \U0001f600\ufe0f",
    "Ääkköset ÅÄÖ åäö ß Ω ǅ",
    "a\x00b", "a\x07b", "\x1b[31mred", "a\x7fb", "a\x85b", "a\x9fb", "\x0bvt", "\x0cff",
    "a\ud800b", "\udfff",
    "rivi 1\r\nrivi 2\rrivi 3\n",
    "   \t  ", "\u200b", "\u00a0", "\u3000", "\ufeff", "",
    "' OR 1=1 --", "Robert'); DROP TABLE notes;--", "%s %d {0} {name} ${x}",
    "\\N \\x00 \\u0000", "\ufffd\uffff\U0010ffff",
    "x" * 81, "y" * 201, "z" * 2_001, "w" * 5_001, "v" * 20_001,
    "🙂" * 300, "ä" * 2_500,
]

_any_char = st.characters(codec=None, exclude_categories=())  # every code point but surrogates
# controls, format and direction marks, odd spaces, private use, unassigned, lone surrogates
_odd_char = st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Co", "Cn", "Cs"])

hostile_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(alphabet=_any_char, max_size=40),
    st.text(alphabet=st.one_of(_odd_char, st.characters(categories=["L", "So"])), max_size=30),
    st.builds(lambda a, b, c: a + b + c, st.sampled_from(NASTY), st.text(max_size=10),
              st.sampled_from(NASTY)),
    st.builds(lambda unit, n: unit * n, st.sampled_from(["x", "ä", "🙂", "ع", "<b>", "a\n"]),
              st.integers(1, 21_000)),
)
plain_text = st.text(
    alphabet=st.characters(categories=["L", "N", "Zs", "P", "So"], exclude_characters="\u3000"),
    min_size=1, max_size=60,
).filter(lambda s: any(unicodedata.category(c)[0] in "LN" for c in s))
# mostly hostile, sometimes ordinary (so the storing path is exercised too), rarely not text
user_text = st.one_of(hostile_text, hostile_text, plain_text,
                      st.sampled_from([None, 12, 3.5, b"bytes", ["list"], {"a": 1}, True]))

hostile_int = st.one_of(
    st.integers(-10, 12),
    st.integers(-(2**70), 2**70),
    st.sampled_from([2**31 - 1, 2**31, 2**63 - 1, 2**63, -(2**63) - 1, 10**100, 10**400,
                     10**5000]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([True, False, None, "3", "", "kolme", 2.0, float("nan"), b"1"]),
)


def number(low: int, high: int) -> st.SearchStrategy[object]:
    """Half in range, half hostile."""
    return st.one_of(st.integers(low, high), hostile_int)


# for the other fields of a many-field call: often ordinary, so the call can succeed
side_text = st.one_of(plain_text, plain_text, user_text)

EDGE_WEIGHTS = [None, "0.5", True, "nan", 1e308, -1e-320, 10**400, -(10**400), 10**5000, 1,
                -1, 0, 0.0, -0.0, 1.0000001, float("nan"), float("inf")]
hostile_weight = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True), st.floats(-3, 3),
    st.integers(-(2**70), 2**70),
    st.sampled_from(EDGE_WEIGHTS),
)


def cleaned(value: str | None) -> str:
    """What a stored text must read back as (independent of ``workshop.text``); an optional
    field left out (None) is empty."""
    if value is None:
        return ""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def ordinary(value: object) -> bool:
    """A short single line with letters, nothing invisible: no text check may refuse it."""
    return (isinstance(value, str) and value == value.strip() and 0 < len(value) <= 60
            and all(unicodedata.category(c)[0] in "LNPSZ" and c not in "\n\r\u2028\u2029"
                    for c in value)
            and any(unicodedata.category(c)[0] in "LN" for c in value))


# --- running examples ---------------------------------------------------------------------------

_names = itertools.count(1)


@pytest.fixture(scope="module")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """SQLite only (see the module docstring); each test makes its own workshop."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.sqlite3"
    engine = db.make_engine(f"sqlite:///{path}")
    db.upgrade(engine)
    yield engine
    engine.dispose()


@dataclass
class Run:
    """One test's workshop, and every value the examples managed to store."""

    engine: Engine
    facilitator: FacilitatorActor
    workshop_id: int
    meeting_id: int
    item_id: int
    stored: list[str] = field(default_factory=list)
    readers: list[Callable[[Session], str | None]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def tx(self) -> Any:
        return db.transaction(self.engine)

    def setup(self, build: Callable[[Session], Any]) -> Any:
        with self.tx() as s:
            return build(s)

    def attempt(self, call: Callable[[Session], Any], *values: object) -> tuple[bool, Any]:
        """Run ``call`` in its own transaction, like a page does: (stored, result).

        Only a DomainError may come out; it rolls the transaction back. When every text in
        ``values`` is ordinary, the refusal must not be a text check's.
        """
        try:
            with self.tx() as s:
                result = call(s)
        except DomainError as error:
            if values and all(ordinary(value) for value in values):
                assert not error.key.startswith("error.text."), (error, values)
            self.refused.append(error.key)
            return False, None
        return True, result

    def check_text(self, value: object, read: Callable[[Session], str | None], *,
                   in_backup: bool = True) -> None:
        """``value`` was accepted: the record reads back as exactly the cleaned text.

        ``read`` is kept: at the end the record's value then (a later example may have
        changed it) must be in the workshop's backup.
        """
        assert value is None or isinstance(value, str), f"non-text {value!r} was stored"
        with self.tx() as s:
            got = read(s)
        assert got == cleaned(value)
        self.stored.append(got)
        if in_backup:
            self.readers.append(read)

    def text_case(self, value: object, call: Callable[[Session], Any],
                  read: Callable[[Session, Any], str | None]) -> Any:
        ok, result = self.attempt(call, value)
        if ok:
            self.check_text(value, lambda s: read(s, result))
        return result if ok else None

    def finish(self, *, memo_meetings: tuple[int, ...] = (1,)) -> dict[str, Any]:
        """Exports of everything stored: a memo per meeting and the JSON backup."""
        assert self.stored, "no example was stored: the property proved nothing"
        with self.tx() as s:
            for number in memo_meetings:
                data = memo.build_memo(s, self.facilitator, self.workshop_id, number)
                Document(io.BytesIO(data))  # a valid Word file
            document = backup.export_workshop_as(s, self.facilitator, self.workshop_id)
            now = [read(s) for read in self.readers]
        raw = backup.dumps(document)
        parsed = backup.parse(raw)
        assert parsed["tables"].keys() == document["tables"].keys()
        strings = set(_strings(json.loads(raw.decode("utf-8"))))
        for value in now:
            assert value in strings, f"{value[:60]!r} missing from the backup"
        return document


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def new_run(engine: Engine, activity: str | None = None) -> Run:
    """A facilitator, a workshop with an open meeting and (optionally) an activity item."""
    with db.transaction(engine) as s:
        w = world(s, f"vihamielinen{next(_names)}")
        item_id = w.item_id
        if activity is not None:
            item = meetings.add_agenda_item(s, w.facilitator, w.meeting_id,
                                            title=activity.title(), activity_type=activity)
            meetings.set_item_flags(s, w.facilitator, item.id, contributions_open=True)
            item_id = item.id
    return Run(engine, w.facilitator, w.workshop_id, w.meeting_id, item_id)


def participant(run: Run, name: str = "Aino", role: str = "client_rep") -> ParticipantActor:
    with run.tx() as s:
        return join(s, _world(run), name, role)


def _world(run: Run) -> Any:
    from builders import World
    return World(run.facilitator, run.workshop_id, run.meeting_id, run.item_id)


def keys() -> Iterator[str]:
    return (f"client-key-{n:08d}" for n in itertools.count())


def is_int_in(value: object, low: int, high: int) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool) and low <= value <= high)


def finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(
        value)


# --- workshop, meeting, agenda, participants ----------------------------------------------------


def test_workshop_fields(sqlite_engine):
    from workshop import workshops
    from workshop.models import Workshop

    run = new_run(sqlite_engine)
    me = run.facilitator

    @PROPERTY
    @given(name=user_text, theme=side_text, organisation=side_text, description=side_text,
           language=st.sampled_from(["fi", "en", "sv", "", None, "<script>"]),
           new=st.booleans())
    def example(name, theme, organisation, description, language, new):
        fields = dict(theme=theme, organisation=organisation, language=language,
                      description=description)
        if new:
            ok, view = run.attempt(
                lambda s: workshops.create_workshop(s, me, name, **fields),
                name, theme, organisation, description if language in ("fi", "en") else None)
            target = view.id if ok else None
        else:
            ok, _ = run.attempt(lambda s: workshops.update_workshop(
                s, me, run.workshop_id, name=name, **fields))
            target = run.workshop_id
        if ok:
            assert language in ("fi", "en")
            for attribute, value in (("name", name), ("theme", theme),
                                     ("organisation", organisation),
                                     ("description", description)):
                run.check_text(value, lambda s, a=attribute: getattr(
                    s.get(Workshop, target), a), in_backup=not new)

    example()
    run.finish()


def test_meeting_and_agenda_fields(sqlite_engine):
    from workshop.models import AgendaItem, Meeting

    run = new_run(sqlite_engine)
    me = run.facilitator
    closed = run.setup(lambda s: meetings.plan_meeting(s, me, run.workshop_id, title="Toinen"))

    @PROPERTY
    @given(title=user_text, minutes=number(15, 720), item_title=user_text,
           instructions=side_text, duration=number(1, 600), timer=number(1, 12 * 3600),
           activity=st.sampled_from(["notes", "info", "topics", "notes", "<b>", "", None, 3]))
    def example(title, minutes, item_title, instructions, duration, timer, activity):
        ok, _ = run.attempt(lambda s: meetings.update_meeting(
            s, me, closed.id, title=title, date=dt.date(2026, 5, 4), phase="warmup",
            duration_minutes=minutes, start_time=dt.time(9, 30)), title)
        if ok:
            assert is_int_in(minutes, 15, 12 * 60)
            run.check_text(title, lambda s: s.get(Meeting, closed.id).title)
            with run.tx() as s:
                assert s.get(Meeting, closed.id).duration_minutes == minutes
        ok, item = run.attempt(lambda s: meetings.add_agenda_item(
            s, me, run.meeting_id, title=item_title, activity_type=activity,
            duration_minutes=duration, instructions=instructions), item_title, instructions)
        if ok:
            assert is_int_in(duration, 1, 600)
            run.check_text(item_title, lambda s: s.get(AgendaItem, item.id).title)
            run.check_text(instructions, lambda s: s.get(AgendaItem, item.id).instructions)
            ok, _ = run.attempt(lambda s: meetings.update_agenda_item(
                s, me, item.id, title=instructions, activity_type="notes",
                duration_minutes=duration, instructions=item_title), instructions)
            if ok:
                run.check_text(instructions, lambda s: s.get(AgendaItem, item.id).title)
        ok, _ = run.attempt(lambda s: meetings.set_timer(s, me, run.meeting_id, timer))
        if ok:
            assert timer is None or is_int_in(timer, 1, 12 * 3600)

    example()
    run.finish(memo_meetings=(1, 2))


def test_participant_display_names(sqlite_engine):
    from workshop import participants
    from workshop.models import Meeting, Participant

    run = new_run(sqlite_engine)

    @PROPERTY
    @given(name=user_text, again=user_text,
           role=st.sampled_from(["client_rep", "professional", "other", "admin", "", None]),
           language=st.sampled_from(["fi", "en", "xx", None]))
    def example(name, again, role, language):
        def joining(s):
            return participants.join(s, s.get(Meeting, run.meeting_id), display_name=name,
                                     role=role, language=language or "fi")
        ok, joined = run.attempt(joining, name if role and role != "admin" else None)
        if not ok:
            return
        pid = joined.participant.id
        run.check_text(name, lambda s: s.get(Participant, pid).display_name)
        ok, _ = run.attempt(lambda s: participants.update_self(
            s, ParticipantActor(pid), display_name=again, role=role, language=language), again)
        if ok:  # None leaves the name as it was
            run.check_text(name if again is None else again,
                           lambda s: s.get(Participant, pid).display_name)
        with run.tx() as s:  # a stored name never breaks the facilitator's list
            participants.list_participants(s, run.facilitator, run.workshop_id)

    example()
    run.finish()


def test_notes_add_and_edit(sqlite_engine):
    from workshop import notes
    from workshop.models import Note

    run = new_run(sqlite_engine)
    person = participant(run)
    key = keys()

    @PROPERTY
    @given(text=user_text, edit=user_text, by_facilitator=st.booleans())
    def example(text, edit, by_facilitator):
        actor = run.facilitator if by_facilitator else person
        note_id = run.text_case(
            text, lambda s: notes.add_note(s, actor, run.item_id, text, next(key))[0],
            lambda s, nid: s.get(Note, nid).text)
        if note_id is not None:
            run.text_case(edit, lambda s: notes.edit_note(s, actor, note_id, 1, edit),
                          lambda s, _v: s.get(Note, note_id).text)

    example()
    document = run.finish()
    # the memo lists the notes as plain text, as stored (minus what XML cannot hold at all)
    with run.tx() as s:
        text = _docx_text(memo.build_memo(s, run.facilitator, run.workshop_id, 1))
    shown = [n["text"] for n in document["tables"]["notes"]]
    assert shown
    for value in shown:
        assert docx_builder.clean(value) in text


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


# --- warm-up: principles, picture cards, glossary, topics ---------------------------------------

def test_principles(sqlite_engine):
    from workshop import principles
    from workshop.model_warmup import Principle

    run = new_run(sqlite_engine, "principles")
    person = participant(run)
    key = keys()

    @PROPERTY
    @given(text=user_text, edit=user_text, own=user_text)
    def example(text, edit, own):
        proposed = run.text_case(
            text, lambda s: principles.propose(s, person, run.item_id, text, next(key))[0],
            lambda s, pid: s.get(Principle, pid).text)
        if proposed is not None:
            run.text_case(edit, lambda s: principles.edit(s, run.facilitator, proposed, 1, edit),
                          lambda s, _v: s.get(Principle, proposed).text)
        run.text_case(own, lambda s: principles.add_for_workshop(s, run.facilitator,
                                                                 run.workshop_id, own),
                      lambda s, pid: s.get(Principle, pid).text)

    example()
    run.finish()


SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
       b'<rect width="10" height="10" fill="#2a9d8f"/></svg>')


def test_picture_card_lines_and_uploaded_cards(sqlite_engine):
    from workshop import picture_cards
    from workshop.model_warmup import CardImage, CardPick

    run = new_run(sqlite_engine, "picture_cards")
    key = keys()
    people = itertools.count()

    @PROPERTY
    @given(line=user_text, card=st.sampled_from(["default:bridge", "default:kite", "x", "", 7]),
           filename=user_text, title=side_text, alt=user_text, new_alt=user_text)
    def example(line, card, filename, title, alt, new_alt):
        person = participant(run, f"Kortti {next(people)}")
        run.text_case(line, lambda s: picture_cards.pick(s, person, run.item_id, card, line,
                                                         client_key=next(key))[0],
                      lambda s, pid: s.get(CardPick, pid).line)
        ok, view = run.attempt(lambda s: picture_cards.upload_card(
            s, run.facilitator, run.workshop_id, SVG, filename, title=title, alt_text=alt),
            title, alt)
        if ok:
            run.check_text(title, lambda s: s.get(CardImage, view.id).title)
            run.check_text(alt, lambda s: s.get(CardImage, view.id).alt_text)
            run.text_case(new_alt, lambda s: picture_cards.edit_card(
                s, run.facilitator, view.id, 1, title="Kortti", alt_text=new_alt),
                lambda s, _v: s.get(CardImage, view.id).alt_text)

    example()
    run.finish()


def test_glossary_concepts_proposals_and_definitions(sqlite_engine):
    from workshop import glossary
    from workshop.model_warmup import Concept, ConceptProposal

    run = new_run(sqlite_engine, "glossary")
    person = participant(run)
    key = keys()
    concept_id = run.setup(lambda s: glossary.add_concept(s, run.facilitator, run.workshop_id,
                                                          "Koekäsite Ω", "Alku"))

    @PROPERTY
    @given(term=user_text, definition=side_text, proposal=user_text,
           kind=st.sampled_from(["wording", "comment", "vote", None]), new_term=user_text,
           agreed=user_text)
    def example(term, definition, proposal, kind, new_term, agreed):
        ok, new_id = run.attempt(lambda s: glossary.add_concept(
            s, run.facilitator, run.workshop_id, term, definition), term, definition)
        if ok:
            run.check_text(term, lambda s: s.get(Concept, new_id).term)
            run.check_text(definition, lambda s: s.get(Concept, new_id).definition)
            with run.tx() as s:
                version = s.get(Concept, new_id).version
            run.text_case(new_term, lambda s: glossary.edit_term(s, run.facilitator, new_id,
                                                                 version, new_term),
                          lambda s, _v: s.get(Concept, new_id).term)
        proposed = run.text_case(
            proposal, lambda s: glossary.propose(s, person, run.item_id, concept_id, kind,
                                                 proposal, next(key))[0],
            lambda s, pid: s.get(ConceptProposal, pid).text)
        with run.tx() as s:
            version = s.get(Concept, concept_id).version
        run.text_case(agreed, lambda s: glossary.record_definition(
            s, run.facilitator, concept_id, version, agreed, proposal_id=proposed,
            item_id=run.item_id), lambda s, _v: s.get(Concept, concept_id).definition)

    example()
    run.finish()


def test_topics_and_votes(sqlite_engine):
    from workshop import topics
    from workshop.model_warmup import Topic, TopicVote

    run = new_run(sqlite_engine, "topics")
    person = participant(run)
    key = keys()

    @PROPERTY
    @given(text=user_text, edit=user_text, dots=number(0, 5), per_person=number(1, 20),
           per_topic=number(1, 20))
    def example(text, edit, dots, per_person, per_topic):
        ok, rules = run.attempt(lambda s: topics.configure(
            s, run.facilitator, run.item_id, dots_per_person=per_person,
            max_per_topic=per_topic))
        if ok:
            assert is_int_in(per_person, 1, 20) and is_int_in(per_topic, 1, per_person)
        topic_id = run.text_case(
            text, lambda s: topics.submit(s, person, run.item_id, text, next(key))[0],
            lambda s, tid: s.get(Topic, tid).text)
        if topic_id is None:
            return
        run.text_case(edit, lambda s: topics.edit_topic(s, person, topic_id, 1, edit),
                      lambda s, _v: s.get(Topic, topic_id).text)
        ok, _left = run.attempt(lambda s: topics.set_dots(s, person, run.item_id, topic_id,
                                                          dots))
        with run.tx() as s:
            vote = s.query(TopicVote).filter_by(topic_id=topic_id).one_or_none()
            if ok:
                assert is_int_in(dots, 0, 20)
                assert (vote.dots if vote else 0) == dots
            else:
                assert vote is None

    example()
    run.finish()


# --- learning café and feedback -----------------------------------------------------------------

def test_cafe_questions_notes_and_summaries(sqlite_engine):
    from workshop import cafe
    from workshop.model_cafe_feedback import CafeNote, CafeStation

    run = new_run(sqlite_engine, "learning_cafe")
    host = participant(run, "Isäntä")
    key = keys()
    station_id = run.setup(lambda s: cafe.set_up_cafe(s, run.facilitator, run.item_id)
                           .stations[0].id)

    def version(s):
        return s.get(CafeStation, station_id)

    @PROPERTY
    @given(question=user_text, note=user_text, summary=user_text, round_index=number(0, 0),
           as_host=st.booleans())
    def example(question, note, summary, round_index, as_host):
        with run.tx() as s:
            station_version = version(s).version
        run.text_case(question, lambda s: cafe.update_station(
            s, run.facilitator, station_id, station_version, question=question,
            host_id=host.participant_id), lambda s, _v: s.get(CafeStation, station_id).question)
        writer = host if as_host else run.facilitator
        run.text_case(note, lambda s: cafe.add_cafe_note(s, writer, run.item_id, station_id,
                                                         round_index, note, next(key))[0],
                      lambda s, nid: s.get(CafeNote, nid).text)
        with run.tx() as s:
            summary_version = version(s).summary_version
        run.text_case(summary, lambda s: cafe.write_summary(s, writer, station_id,
                                                            summary_version, summary),
                      lambda s, _v: s.get(CafeStation, station_id).summary)
        run.text_case(question, lambda s: cafe.add_station(s, run.facilitator, run.item_id,
                                                           question).id,
                      lambda s, sid: s.get(CafeStation, sid).question)

    example()
    run.finish()


def test_feedback_questions_and_answers(sqlite_engine):
    from workshop import feedback
    from workshop.model_cafe_feedback import FeedbackAnswer, FeedbackQuestion, FeedbackResponse

    run = new_run(sqlite_engine, "feedback")
    questions = run.setup(lambda s: feedback.list_questions(s, run.facilitator,
                                                            run.workshop_id))
    scale = next(q.id for q in questions if q.kind == "scale")
    written = next(q.id for q in questions if q.kind == "text")
    people = itertools.count()
    key = keys()

    @PROPERTY
    @given(question=user_text, kind=st.sampled_from(["scale", "text", "yesno", None]),
           score=number(1, 5), answer=user_text,
           extra=st.sampled_from([None, {}, {10**9: 3}, {"x": 1}, {written: 5}, {scale: "5"}]))
    def example(question, kind, score, answer, extra):
        ok, view = run.attempt(lambda s: feedback.add_question(
            s, run.facilitator, run.workshop_id, kind, question), question)
        if ok:
            assert kind in ("scale", "text")
            run.check_text(question, lambda s: s.get(FeedbackQuestion, view.id).text,
                           in_backup=False)
            with run.tx() as s:  # keep the form short: remove it again (unused: deleted)
                feedback.remove_question(s, run.facilitator, view.id)
        person = participant(run, f"Palautteen antaja {next(people)}")
        answers = {scale: score, written: answer, **(extra or {})}
        ok, _ = run.attempt(lambda s: feedback.submit_feedback(s, person, run.item_id, answers,
                                                              client_key=next(key)),
                            answers[written])
        if not ok:
            return
        assert answers[scale] is None or is_int_in(answers[scale], 1, 5)  # None: skipped
        with run.tx() as s:
            response = s.scalar(select(FeedbackResponse).where(
                FeedbackResponse.author_id == person.participant_id))
            stored = {a.question_id: a for a in s.scalars(select(FeedbackAnswer).where(
                FeedbackAnswer.response_id == response.id))}
        assert (stored[scale].score if scale in stored else None) == answers[scale]
        if isinstance(answers[written], str) and cleaned(answers[written]):
            run.check_text(answers[written], lambda s: stored[written].text)
        else:
            assert written not in stored or not stored[written].text

    example()
    run.finish()


# --- personas, service paths, causal maps -------------------------------------------------------

def test_personas_comments_and_summaries(sqlite_engine):
    from workshop import personas
    from workshop.model_personas import Persona, PersonaComment, PersonaSummary

    run = new_run(sqlite_engine, "personas")
    person = participant(run)
    key = keys()
    story = st.sampled_from(["life_situation", "needs", "value_social", "how_to_get_there"])
    age = st.sampled_from(["", "35_44", "65_plus", "ikivanha", None, 44])

    @PROPERTY
    @given(name=user_text, field_name=story, value=side_text, age_group=age,
           new_value=user_text, comment=user_text, summary=user_text)
    def example(name, field_name, value, age_group, new_value, comment, summary):
        ok, persona_id = run.attempt(lambda s: personas.add_persona(
            s, run.facilitator, run.item_id, client_key=next(key),
            **{"name": name, "age_group": age_group, field_name: value})[0], name, value)
        if not ok:
            return
        run.check_text(name, lambda s: s.get(Persona, persona_id).name)
        run.check_text(value, lambda s: getattr(s.get(Persona, persona_id), field_name))
        with run.tx() as s:
            version = s.get(Persona, persona_id).version
        run.text_case(new_value, lambda s: personas.edit_persona(
            s, run.facilitator, persona_id, version, **{field_name: new_value}),
            lambda s, _v: getattr(s.get(Persona, persona_id), field_name))
        run.text_case(comment, lambda s: personas.add_comment(
            s, person, run.item_id, persona_id, comment, next(key))[0],
            lambda s, cid: s.get(PersonaComment, cid).text)
        run.text_case(summary, lambda s: personas.save_summary(
            s, run.facilitator, persona_id, 0, summary),
            lambda s, _v: s.get(PersonaSummary, persona_id).text)

    example()
    run.finish()


def test_service_paths_and_steps(sqlite_engine):
    from workshop import paths
    from workshop.model_paths import PathStep, ServicePath
    from workshop.paths import StepInput

    run = new_run(sqlite_engine, "service_path")
    person = participant(run)
    key = keys()
    path_id = run.setup(lambda s: paths.create_path(s, run.facilitator, run.workshop_id,
                                                    "Polku").id)
    texts_of = ("what", "actor_name", "meaningful", "difficult", "critical_note")

    @PROPERTY
    @given(title=user_text, what=user_text, others=st.tuples(*[side_text] * 4),
           channel=st.sampled_from(["face_to_face", "phone", "kirje", "", None]),
           experience=st.one_of(st.none(), number(-2, 2)), new_experience=number(-2, 2),
           critical=st.sampled_from([True, False, 1, None, "x"]), by_participant=st.booleans())
    def example(title, what, others, channel, experience, new_experience, critical,
                by_participant):
        run.text_case(title, lambda s: paths.create_path(
            s, run.facilitator, run.workshop_id, title, client_key=next(key)).id,
            lambda s, pid: s.get(ServicePath, pid).title)
        actor_name, meaningful, difficult, critical_note = others
        step = StepInput(what, actor_name, channel, meaningful, difficult, experience, critical,
                         critical_note)
        actor = person if by_participant else run.facilitator
        item = run.item_id if by_participant else None
        ok, view = run.attempt(lambda s: paths.add_step(
            s, actor, path_id, step, item_id=item, client_key=next(key)), what, *others)
        if not ok:
            return
        assert experience is None or is_int_in(experience, -2, 2)
        assert isinstance(critical, bool)
        for name in texts_of:
            run.check_text(getattr(step, name),
                           lambda s, n=name: getattr(s.get(PathStep, view.id), n))
        with run.tx() as s:
            assert s.get(PathStep, view.id).experience == experience
        edited = StepInput(what="Soitto", experience=new_experience)
        ok, _ = run.attempt(lambda s: paths.edit_step(s, actor, view.id, view.version, edited,
                                                      item_id=item))
        with run.tx() as s:
            assert s.get(PathStep, view.id).experience == (new_experience if ok else experience)
        if ok:
            assert is_int_in(new_experience, -2, 2)

    example()
    run.finish()


def test_causal_map_factors_and_link_strengths(sqlite_engine):
    from workshop import causal_maps
    from workshop.model_maps import CausalMapRecord, MapFactor, MapLink

    run = new_run(sqlite_engine, "causal_map")
    key = keys()
    map_id, first = run.setup(lambda s: (
        lambda m: (m.id, causal_maps.add_factor(s, run.facilitator, m.id, "Alku").id))(
        causal_maps.create_map(s, run.facilitator, run.workshop_id, "Kartta")))

    @PROPERTY
    @given(title=user_text, description=side_text, label=user_text,
           kind=st.sampled_from(["cause", "effect", "", "<b>", None]), weight=hostile_weight,
           new_weight=hostile_weight, delay=st.sampled_from([False, True, None, 1, "yes"]))
    def example(title, description, label, kind, weight, new_weight, delay):
        ok, view = run.attempt(lambda s: causal_maps.create_map(
            s, run.facilitator, run.workshop_id, title, description=description,
            client_key=next(key)), title, description)
        if ok:
            run.check_text(title, lambda s: s.get(CausalMapRecord, view.id).title)
            run.check_text(description, lambda s: s.get(CausalMapRecord, view.id).description)
        factor = run.text_case(label, lambda s: causal_maps.add_factor(
            s, run.facilitator, map_id, label, kind or "cause", client_key=next(key)).id,
            lambda s, fid: s.get(MapFactor, fid).label)
        if factor is None:
            return
        ok, link = run.attempt(lambda s: causal_maps.add_link(
            s, run.facilitator, map_id, first, factor, weight, delay=delay,
            client_key=next(key)))
        if not ok:
            return
        assert finite(weight) and 0 < abs(weight) <= 1 and isinstance(delay, bool)
        with run.tx() as s:
            assert s.get(MapLink, link.id).weight == weight
        ok, _ = run.attempt(lambda s: causal_maps.edit_link(
            s, run.facilitator, link.id, link.version, weight=new_weight))
        with run.tx() as s:
            assert s.get(MapLink, link.id).weight == (new_weight if ok else weight)
        if ok:
            assert finite(new_weight) and 0 < abs(new_weight) <= 1

    example()
    for weight in EDGE_WEIGHTS:  # every edge case at least once, whatever was drawn
        ok, _ = run.attempt(lambda s, w=weight: causal_maps.add_link(
            s, run.facilitator, map_id, first, first, w))
    with run.tx() as s:  # the stored strengths also analyse and lay out
        causal_maps.analyze(s, run.facilitator, map_id)
    run.finish()


# --- choosing: candidates, votes, impact/effort, ranking; waste; solutions ----------------------

def test_candidates_dots_matrix_and_ranking(sqlite_engine):
    from workshop import prioritising
    from workshop.model_prioritising import Candidate, DotVote, MatrixPlacement, RankEntry

    run = new_run(sqlite_engine, "prioritising")
    person = participant(run)
    key = keys()
    me = run.facilitator

    def voting_item(s, method):
        item = meetings.add_agenda_item(s, me, run.meeting_id, title=method,
                                        activity_type="prioritising")
        meetings.set_item_flags(s, me, item.id, contributions_open=True)
        prioritising.configure(s, me, item.id, method=method)
        return item.id

    dots_item, matrix_item, ranking_item = run.setup(
        lambda s: [voting_item(s, m) for m in ("dots", "matrix", "ranking")])
    first = run.setup(lambda s: prioritising.add_candidate(s, me, run.workshop_id, "Eka").id)

    @PROPERTY
    @given(text=user_text, kind=st.sampled_from(["problem", "solution", "idea", None]),
           dots=number(0, 5), impact=number(1, 5), effort=number(1, 5),
           order=st.sampled_from(["right", "reversed", "twice", "foreign", "huge", "text",
                                  "none", "short"]),
           per_person=number(1, 20), per_target=number(1, 20))
    def example(text, kind, dots, impact, effort, order, per_person, per_target):
        ok, view = run.attempt(lambda s: prioritising.add_candidate(
            s, me, run.workshop_id, text, kind, next(key)), text)
        if ok:
            assert kind in prioritising.KINDS
            run.check_text(text, lambda s: s.get(Candidate, view.id).text)
        run.attempt(lambda s: prioritising.configure(
            s, me, dots_item, method="dots", dots_per_person=per_person,
            max_per_target=per_target))
        ok, _ = run.attempt(lambda s: prioritising.set_dots(s, person, dots_item, first, dots))
        with run.tx() as s:
            vote = s.scalar(select(DotVote).where(DotVote.participant_id ==
                                                  person.participant_id))
        if ok:
            assert is_int_in(dots, 0, 20) and (vote.dots if vote else 0) == dots
        ok, _ = run.attempt(lambda s: prioritising.place(s, person, matrix_item, first, impact,
                                                         effort))
        if ok:
            assert is_int_in(impact, 1, 5) and is_int_in(effort, 1, 5)
            with run.tx() as s:
                spot = s.scalar(select(MatrixPlacement).where(
                    MatrixPlacement.participant_id == person.participant_id))
                assert (spot.impact, spot.effort) == (impact, effort)
        with run.tx() as s:
            ids = [c.id for c in prioritising.round_view(s, person, ranking_item).candidates]
        sent = {"right": ids, "reversed": ids[::-1], "twice": ids + ids[:1],
                "foreign": [*ids[:-1], 10**9], "huge": [*ids[:-1], 10**30],
                "text": [str(i) for i in ids], "none": None, "short": ids[:-1]}[order]
        ok, _ = run.attempt(lambda s: prioritising.rank(s, person, ranking_item, sent))
        if ok:
            assert order in ("right", "reversed") or (order == "short" and not ids[:-1])
            with run.tx() as s:
                stored = s.scalars(select(RankEntry).where(
                    RankEntry.participant_id == person.participant_id)
                    .order_by(RankEntry.position)).all()
                assert [e.candidate_id for e in stored if e.candidate_id in ids] == sent

    example()
    with run.tx() as s:  # what was stored also adds up into results
        for item in (dots_item, matrix_item, ranking_item):
            prioritising.results(s, me, item)
    run.finish()


def test_waste_findings_and_votes(sqlite_engine):
    from workshop import waste
    from workshop.model_prioritising import WasteItem

    run = new_run(sqlite_engine, "waste_workshop")
    person = participant(run)
    key = keys()
    category = st.sampled_from([*waste.CATEGORIES, "", "hukka", None])

    @PROPERTY
    @given(category=category, text=st.one_of(plain_text, user_text), where=side_text,
           free=side_text,
           new_text=user_text, dots=number(0, 5))
    def example(category, text, where, free, new_text, dots):
        ok, waste_id = run.attempt(lambda s: waste.add_waste(
            s, person, run.item_id, category, text, where, free, next(key))[0],
            text, where)
        if not ok:
            return
        run.check_text(text, lambda s: s.get(WasteItem, waste_id).text)
        run.check_text(where, lambda s: s.get(WasteItem, waste_id).where_in_path)
        with run.tx() as s:
            stored = s.get(WasteItem, waste_id)
            assert stored.category == category
            free_now = stored.free_category
        if free_now:
            run.check_text(free, lambda s: s.get(WasteItem, waste_id).free_category)
        run.text_case(new_text, lambda s: waste.edit_waste(
            s, person, waste_id, 1, category, new_text, where, free),
            lambda s, _v: s.get(WasteItem, waste_id).text)

    example()
    with run.tx() as s:
        waste.set_stage(s, run.facilitator, run.item_id, "voting")
        listed = waste.board(s, run.facilitator, run.item_id)
    target = listed.items[0].id
    stored_dots = 0
    for dots in (0, 1, -1, 10**9, 10**400, 2.5, "2", None, True, 2):
        ok, _ = run.attempt(lambda s, d=dots: waste.set_dots(s, person, run.item_id, target, d))
        if ok:
            assert is_int_in(dots, 0, 20)
            stored_dots = dots
        with run.tx() as s:
            mine = waste.board(s, person, run.item_id)
        assert mine.dots_used == stored_dots
    assert stored_dots == 2  # ordinary votes were stored
    run.finish()


def test_solutions_step_notes_and_comments(sqlite_engine):
    from workshop import solutions
    from workshop.model_prioritising import Solution, SolutionComment, SolutionStepNote

    run = new_run(sqlite_engine, "solution_steps")
    person = participant(run)
    key = keys()
    me = run.facilitator
    focused = run.setup(lambda s: solutions.create_solution(s, me, run.workshop_id,
                                                            "Ratkaisu").id)
    run.setup(lambda s: solutions.focus(s, me, run.item_id, focused))

    @PROPERTY
    @given(title=user_text, description=side_text, owner=side_text, note=user_text,
           step=st.sampled_from([solutions.STEPS[0], solutions.STEPS[-1], "", "x", None]),
           comment=user_text)
    def example(title, description, owner, note, step, comment):
        ok, view = run.attempt(lambda s: solutions.create_solution(
            s, me, run.workshop_id, title, description, owner, next(key)),
            title, description, owner)
        if ok:
            for name, value in (("title", title), ("description", description),
                                ("owner", owner)):
                run.check_text(value, lambda s, n=name: getattr(s.get(Solution, view.id), n))
        with run.tx() as s:
            found = s.scalar(select(SolutionStepNote).where(
                SolutionStepNote.solution_id == focused, SolutionStepNote.step == step))
            version = found.version if found else 0
        ok, _ = run.attempt(lambda s: solutions.write_step_note(s, me, focused, step, version,
                                                               note), note)
        if ok:
            run.check_text(note, lambda s: s.scalar(select(SolutionStepNote.text).where(
                SolutionStepNote.solution_id == focused, SolutionStepNote.step == step)))
        run.text_case(comment, lambda s: solutions.add_comment(s, person, run.item_id, comment,
                                                               next(key))[0],
                      lambda s, cid: s.get(SolutionComment, cid).text)

    example()
    run.finish()


# --- tuplatiimi: question, ideas, marks, themes, action plans -----------------------------------

PHASE = settings(PROPERTY, max_examples=15)


def test_tuplatiimi_through_its_steps(sqlite_engine):
    from workshop import groups, tuplatiimi
    from workshop.model_prioritising import TtIdea, TtTheme, TuplatiimiRound

    run = new_run(sqlite_engine, "tuplatiimi")
    me, item = run.facilitator, run.item_id
    people = [participant(run, name, role) for name, role in (
        ("Aino", "client_rep"), ("Mikko", "professional"), ("Leena", "expert_by_experience"),
        ("Sanna", "ngo_parish"))]
    key = keys()

    def to(step):
        with run.tx() as s:
            while (current := tuplatiimi.round_view(s, me, item).step) != step:
                tuplatiimi.advance(s, me, item, current)

    @PHASE
    @given(question=user_text)
    def framing(question):
        run.text_case(question, lambda s: tuplatiimi.set_question(s, me, item, question),
                      lambda s, _v: s.scalar(select(TuplatiimiRound.question).where(
                          TuplatiimiRound.agenda_item_id == item)))

    framing()
    run.setup(lambda s: tuplatiimi.set_question(s, me, item, "Miten apu löytyisi?"))
    to("ideas")
    ideas: dict[int, list[int]] = {p.participant_id: [] for p in people}
    for n, who in enumerate(people):  # every pair has an idea to present
        ideas[who.participant_id].append(run.setup(
            lambda s, w=who, n=n: tuplatiimi.add_idea(s, w, item, f"Idea {n}")[0]))

    @PHASE
    @given(text=user_text, edit=user_text, who=st.sampled_from(people))
    def writing(text, edit, who):
        idea = run.text_case(text, lambda s: tuplatiimi.add_idea(s, who, item, text,
                                                                 next(key))[0],
                             lambda s, iid: s.get(TtIdea, iid).text)
        if idea is None:
            return
        ideas[who.participant_id].append(idea)
        run.text_case(edit, lambda s: tuplatiimi.edit_idea(s, who, idea, 1, edit),
                      lambda s, _v: s.get(TtIdea, idea).text)

    writing()
    to("pairs")
    for who in people:  # each pair presents its members' first ideas (picks are limited)
        run.setup(lambda s, w=who: tuplatiimi.join_pair(s, w, item))
        run.setup(lambda s, w=who: tuplatiimi.set_pick(s, w, item, ideas[w.participant_id][0],
                                                       True))
    to("marks")
    with run.tx() as s:
        pair_of = {m.participant_id: g.id for g in groups.groups_for_item(s, me, item)
                   for m in g.members}
    marker = people[0]
    target = next(ideas[p.participant_id][0] for p in people
                  if pair_of[p.participant_id] != pair_of[marker.participant_id])

    @PHASE
    @given(count=number(0, tuplatiimi.MARKS_PER_PAIR))
    def marking(count):
        ok, left = run.attempt(lambda s: tuplatiimi.set_marks(s, marker, item, target, count))
        if ok:
            assert is_int_in(count, 0, tuplatiimi.MARKS_PER_PAIR)
            assert left == tuplatiimi.MARKS_PER_PAIR - count

    marking()
    ok, left = run.attempt(lambda s: tuplatiimi.set_marks(s, marker, item, target, 1))
    assert ok and left == tuplatiimi.MARKS_PER_PAIR - 1  # the phase was really open
    to("themes")

    @PHASE
    @given(name=user_text, new_name=user_text)
    def theming(name, new_name):
        theme = run.text_case(name, lambda s: tuplatiimi.add_theme(s, me, item, name),
                              lambda s, tid: s.get(TtTheme, tid).name)
        if theme is not None:
            with run.tx() as s:
                version = s.get(TtTheme, theme).version
            run.text_case(new_name, lambda s: tuplatiimi.rename_theme(s, me, theme, version,
                                                                      new_name),
                          lambda s, _v: s.get(TtTheme, theme).name)

    theming()
    theme_id = run.setup(lambda s: tuplatiimi.add_theme(s, me, item, "Suunnitelman teema"))
    to("plan")

    @PHASE
    @given(what=user_text, who=side_text,
           by_when=st.sampled_from([None, dt.date(2027, 1, 31), "2027-01-31", 20270131,
                                    dt.datetime(2027, 1, 31, 12, 0), dt.date.max]))
    def planning(what, who, by_when):
        with run.tx() as s:
            version = s.get(TtTheme, theme_id).version
        ok, _ = run.attempt(lambda s: tuplatiimi.set_plan(s, me, theme_id, version, what=what,
                                                          who=who, by_when=by_when), what, who)
        if ok:
            assert by_when is None or isinstance(by_when, dt.date)
            run.check_text(what, lambda s: s.get(TtTheme, theme_id).what)
            run.check_text(who, lambda s: s.get(TtTheme, theme_id).who)
            with run.tx() as s:
                assert s.get(TtTheme, theme_id).by_when == by_when

    planning()
    run.finish()


# --- the model canvas: facts, elements (quality criteria too), versions, comments ---------------

def test_canvas_models_elements_and_comments(sqlite_engine):
    from decimal import Decimal

    from workshop import canvas
    from workshop.model_canvas import (
        CanvasComment,
        CanvasElement,
        CanvasResponse,
        CanvasVersion,
        ServiceModel,
    )

    run = new_run(sqlite_engine, "model_canvas")
    me = run.facilitator
    person = participant(run)
    key = keys()
    model_id = run.setup(lambda s: canvas.create_model(s, me, run.workshop_id, "Malli").id)
    goal = run.setup(lambda s: canvas.add_element(s, me, model_id, "goal", title="Tavoite").id)
    version_id = run.setup(lambda s: canvas.publish(s, me, model_id).id)
    texts_of = {"quality_criterion": ("title", "indicator", "target", "follow_up_by"),
                "goal": ("title", "body", "target"), "tip": ("title", "applicability"),
                "team_role": ("who", "organisation"), "follow_up": ("title", "timing"),
                "waste_finding": ("title", "body")}
    numbers = {"team_role": "headcount", "follow_up": "months", "waste_finding": "rank"}
    headcounts = st.one_of(number(0, 1000), st.sampled_from(
        ["1,5", "2.25", "1e3", "NaN", "-0", "100000.01", " 3 ", "3.14159", Decimal("2.5"),
         float("inf")]))

    @PROPERTY
    @given(name=user_text, place=side_text, kind=st.sampled_from(sorted(texts_of)),
           first=user_text, rest=st.lists(side_text, min_size=3, max_size=3),
           amount=headcounts, edit=user_text, summary=user_text, comment=user_text,
           answer=side_text)
    def example(name, place, kind, first, rest, amount, edit, summary, comment, answer):
        ok, made = run.attempt(lambda s: canvas.create_model(
            s, me, run.workshop_id, name, place=place), name, place)
        if ok:
            run.check_text(name, lambda s: s.get(ServiceModel, made.id).name, in_backup=False)
            run.check_text(place, lambda s: s.get(ServiceModel, made.id).place,
                           in_backup=False)
            run.attempt(lambda s: canvas.delete_model(s, me, made.id, made.version))
        fields = dict(zip(texts_of[kind], [first, *rest], strict=False))
        extra = {"category": "tip"} if kind == "tip" else {}
        if kind in numbers:
            extra[numbers[kind]] = amount
        ok, element = run.attempt(lambda s: canvas.add_element(
            s, me, model_id, kind, **fields, **extra), *fields.values())
        if ok:
            for field_name, value in fields.items():
                run.check_text(value, lambda s, n=field_name: getattr(
                    s.get(CanvasElement, element.id), n))
            if kind in numbers:
                with run.tx() as s:
                    stored = getattr(s.get(CanvasElement, element.id), numbers[kind])
                if kind == "team_role":
                    assert stored is None or Decimal(0) <= stored <= Decimal(100_000)
                else:
                    assert stored == (None if amount in (None, "") else amount)
            run.text_case(edit, lambda s: canvas.update_element(
                s, me, element.id, element.version, **{texts_of[kind][0]: edit}),
                lambda s, _v: getattr(s.get(CanvasElement, element.id), texts_of[kind][0]))
        run.text_case(summary, lambda s: canvas.publish(s, me, model_id, summary).id,
                      lambda s, vid: s.get(CanvasVersion, vid).summary)
        comment_id = run.text_case(
            comment, lambda s: canvas.add_comment(s, person, version_id, comment,
                                                  element_id=goal, item_id=run.item_id,
                                                  client_key=next(key))[0],
            lambda s, cid: s.get(CanvasComment, cid).text)
        if comment_id is not None:
            ok, _ = run.attempt(lambda s: canvas.respond(s, me, comment_id, "answered", answer),
                                answer)
            if ok:
                run.check_text(answer, lambda s: s.scalar(select(CanvasResponse.text).where(
                    CanvasResponse.comment_id == comment_id)))

    example()
    run.finish()
