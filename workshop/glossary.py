"""Shared concepts (yhteiset käsitteet): the words the group agrees to use the same way.

A workshop's glossary starts from the method's seed concepts (term and a starting
definition, in the workshop's language) when it is first used, and carries over to every
later meeting. Participants propose wordings and comment; the facilitator records the agreed
definition. Every definition a concept has had is kept, numbered, with where it was agreed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workshop import contributions
from workshop.access import (
    Actor,
    FacilitatorActor,
    ParticipantActor,
    open_meeting_of,
    require_facilitator,
    require_workshop,
    require_writable_item,
)
from workshop.content.methods import SEED_CONCEPTS
from workshop.contributions import Authorship
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.i18n import t
from workshop.model_warmup import (
    Concept,
    ConceptDefinition,
    ConceptProposal,
    activity_item,
    authorship,
    bump_workshop,
    claim_seed,
    flush_versioned,
)
from workshop.models import AgendaItem, Meeting, Participant, Workshop
from workshop.text import MEDIUM, clean_choice, clean_name, clean_text

ACTIVITY = "glossary"
MAX_TERM_LENGTH = 120
MAX_DEFINITION_LENGTH = MEDIUM
MAX_PROPOSAL_LENGTH = MEDIUM
MAX_CONCEPTS = 80
PROPOSAL_KINDS: tuple[str, ...] = ("wording", "comment")


@dataclass(frozen=True)
class ProposalView:
    id: int
    concept_id: int
    kind: str
    text: str
    version: int
    hidden: bool
    created_at: dt.datetime
    author: Authorship


@dataclass(frozen=True)
class ConceptView:
    id: int
    term: str
    definition: str
    agreed: bool  # False: still the starting definition (or none yet)
    definition_number: int
    version: int
    hidden: bool
    from_method: bool
    proposals: tuple[ProposalView, ...]


@dataclass(frozen=True)
class DefinitionView:
    number: int
    definition: str
    agreed: bool
    recorded_at: dt.datetime
    meeting_number: int | None
    from_proposal: bool


def _clean_term(term: object) -> str:
    return clean_name(term, field="field.warmup.term", max_length=MAX_TERM_LENGTH)


def _clean_definition(text: object, required: bool = True) -> str:
    return clean_text(text, field="field.warmup.definition", max_length=MAX_DEFINITION_LENGTH,
                      required=required)


# --- starting glossary --------------------------------------------------------------------------

def _seed(session: Session, workshop_id: int, item: AgendaItem | None,
          user_id: int | None) -> bool:
    if not claim_seed(session, workshop_id, ACTIVITY):
        return False
    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound()
    start = _next_position(session, workshop_id)
    for offset, seed in enumerate(SEED_CONCEPTS):
        definition = t(seed.definition_key, workshop.language)
        concept = Concept(workshop_id=workshop_id, position=start + offset,
                          term=t(seed.term_key, workshop.language), definition=definition,
                          definition_number=1, seed_key=seed.key, created_by_id=user_id)
        session.add(concept)
        session.flush()
        session.add(ConceptDefinition(concept_id=concept.id, number=1, definition=definition,
                                      agreed=False, recorded_by_id=user_id))
    session.flush()
    bump_workshop(session, workshop_id, item.meeting_id if item else None)
    return True


def start(session: Session, actor: Actor, item_id: int) -> bool:
    """Make sure the workshop's glossary exists when a glossary item is used (idempotent)."""
    item = activity_item(session, actor, item_id, ACTIVITY)
    user_id = actor.user_id if isinstance(actor, FacilitatorActor) else None
    return _seed(session, item.meeting.workshop_id, item, user_id)


def start_for_workshop(session: Session, actor: Actor, workshop_id: int) -> bool:
    require_facilitator(session, actor, workshop_id)
    assert isinstance(actor, FacilitatorActor)
    return _seed(session, workshop_id, None, actor.user_id)


def _next_position(session: Session, workshop_id: int) -> int:
    highest = session.scalar(
        select(func.max(Concept.position)).where(Concept.workshop_id == workshop_id))
    return 0 if highest is None else highest + 1


# --- reading ------------------------------------------------------------------------------------

def _views(session: Session, actor: Actor, workshop_id: int, item: AgendaItem | None
           ) -> list[ConceptView]:
    participant = isinstance(actor, ParticipantActor)
    query = select(Concept).where(Concept.workshop_id == workshop_id) \
        .order_by(Concept.position, Concept.id)
    if participant:
        query = query.where(Concept.hidden.is_(False))
    concepts = list(session.scalars(query))
    proposals: dict[int, list[ProposalView]] = defaultdict(list)
    wanted = (
        select(ConceptProposal, Participant)
        .outerjoin(Participant, Participant.id == ConceptProposal.author_id)
        .where(ConceptProposal.workshop_id == workshop_id,
               ConceptProposal.withdrawn.is_(False))
        .order_by(ConceptProposal.created_at, ConceptProposal.id)
    )
    if item is not None:
        wanted = wanted.where(ConceptProposal.agenda_item_id == item.id)
    if participant:
        wanted = wanted.where(ConceptProposal.hidden.is_(False))
    show_names = item.show_names if item is not None else False
    for proposal, author in session.execute(wanted).all():
        proposals[proposal.concept_id].append(ProposalView(
            proposal.id, proposal.concept_id, proposal.kind, proposal.text, proposal.version,
            proposal.hidden, proposal.created_at, authorship(actor, author, show_names)))
    return [ConceptView(c.id, c.term, c.definition, c.agreed, c.definition_number, c.version,
                        c.hidden, c.seed_key is not None, tuple(proposals[c.id]))
            for c in concepts]


def list_for_item(session: Session, actor: Actor, item_id: int) -> list[ConceptView]:
    """The workshop's glossary with the proposals made in this agenda item."""
    item = activity_item(session, actor, item_id, ACTIVITY)
    return _views(session, actor, item.meeting.workshop_id, item)


def list_for_workshop(session: Session, actor: Actor, workshop_id: int) -> list[ConceptView]:
    """The whole glossary for the facilitator, with every proposal ever made."""
    require_facilitator(session, actor, workshop_id)
    return _views(session, actor, workshop_id, None)


def _concept(session: Session, concept_id: int) -> Concept:
    concept = session.get(Concept, concept_id)
    if concept is None:
        raise NotFound()
    return concept


def history(session: Session, actor: Actor, concept_id: int) -> list[DefinitionView]:
    """Every definition of a concept, oldest first."""
    concept = _concept(session, concept_id)
    require_workshop(session, actor, concept.workshop_id)
    if isinstance(actor, ParticipantActor) and concept.hidden:
        raise NotFound()
    rows = session.execute(
        select(ConceptDefinition, Meeting.number)
        .outerjoin(Meeting, Meeting.id == ConceptDefinition.meeting_id)
        .where(ConceptDefinition.concept_id == concept.id)
        .order_by(ConceptDefinition.number)
    ).all()
    return [DefinitionView(d.number, d.definition, d.agreed, d.recorded_at, number,
                           d.proposal_id is not None) for d, number in rows]


# --- the facilitator's edits --------------------------------------------------------------------

def _refuse_duplicate(session: Session, workshop_id: int, term: str, except_id: int = 0
                      ) -> None:
    taken = session.scalars(select(Concept.term).where(
        Concept.workshop_id == workshop_id, Concept.hidden.is_(False), Concept.id != except_id))
    if term.casefold() in {other.casefold() for other in taken}:
        raise InvalidInput("error.warmup.term_exists")


def add_concept(session: Session, actor: Actor, workshop_id: int, term: str,
                definition: str = "") -> int:
    """A new term (with an optional starting definition) at the end of the glossary."""
    require_facilitator(session, actor, workshop_id)
    assert isinstance(actor, FacilitatorActor)
    clean = _clean_term(term)
    text = _clean_definition(definition, required=False)
    _seed(session, workshop_id, None, actor.user_id)
    _refuse_duplicate(session, workshop_id, clean)
    shown = session.scalar(select(func.count()).select_from(Concept).where(
        Concept.workshop_id == workshop_id, Concept.hidden.is_(False))) or 0
    if shown >= MAX_CONCEPTS:
        raise InvalidInput("error.warmup.glossary_full", max=MAX_CONCEPTS)
    concept = Concept(workshop_id=workshop_id, position=_next_position(session, workshop_id),
                      term=clean, definition=text, definition_number=1 if text else 0,
                      created_by_id=actor.user_id)
    session.add(concept)
    session.flush()
    if text:
        session.add(ConceptDefinition(concept_id=concept.id, number=1, definition=text,
                                      agreed=False, recorded_by_id=actor.user_id))
        session.flush()
    bump_workshop(session, workshop_id)
    return concept.id


def edit_term(session: Session, actor: Actor, concept_id: int, expected_version: int,
              term: str) -> int:
    concept = _concept(session, concept_id)
    require_facilitator(session, actor, concept.workshop_id)
    clean = _clean_term(term)
    if concept.term == clean:
        return concept.version
    if concept.version != expected_version:
        raise StaleEdit()
    _refuse_duplicate(session, concept.workshop_id, clean, except_id=concept.id)
    concept.term = clean
    flush_versioned(session)
    bump_workshop(session, concept.workshop_id)
    return concept.version


def record_definition(session: Session, actor: Actor, concept_id: int, expected_version: int,
                      definition: str, *, proposal_id: int | None = None,
                      item_id: int | None = None) -> int:
    """Record the definition the group agreed on, as the concept's next version.

    ``proposal_id`` notes the participant wording it came from; ``item_id`` the agenda item
    where it was agreed (else the workshop's open meeting, if any). Recording the same agreed
    text again changes nothing. Returns the concept's new version.
    """
    concept = _concept(session, concept_id)
    require_facilitator(session, actor, concept.workshop_id)
    assert isinstance(actor, FacilitatorActor)
    text = _clean_definition(definition)
    if concept.agreed and concept.definition == text:
        return concept.version
    if concept.version != expected_version:
        raise StaleEdit()
    if concept.hidden:
        raise InvalidInput("error.warmup.concept_removed")
    if proposal_id is not None:
        proposal = session.get(ConceptProposal, proposal_id)
        if proposal is None or proposal.concept_id != concept.id:
            raise NotFound()
    meeting_id = None
    if item_id is not None:
        item = activity_item(session, actor, item_id, ACTIVITY, facilitator=True)
        if item.meeting.workshop_id != concept.workshop_id:
            raise NotFound()
        meeting_id = item.meeting_id
    else:
        opened = open_meeting_of(session, concept.workshop_id)
        meeting_id = opened.id if opened is not None else None
    number = concept.definition_number + 1
    try:
        with session.begin_nested():
            session.add(ConceptDefinition(
                concept_id=concept.id, number=number, definition=text, agreed=True,
                recorded_by_id=actor.user_id, meeting_id=meeting_id, proposal_id=proposal_id))
            concept.definition, concept.definition_number, concept.agreed = text, number, True
            session.flush()
    except (IntegrityError, StaleDataError):
        raise StaleEdit() from None  # another facilitator recorded a definition just now
    bump_workshop(session, concept.workshop_id, meeting_id)
    return concept.version


def hide_concept(session: Session, actor: Actor, concept_id: int, hidden: bool = True) -> None:
    """Take a term out of the glossary (kept with its history) or bring it back."""
    concept = _concept(session, concept_id)
    require_facilitator(session, actor, concept.workshop_id)
    if concept.hidden == hidden:
        return
    if not hidden:
        _refuse_duplicate(session, concept.workshop_id, concept.term, except_id=concept.id)
    concept.hidden = hidden
    flush_versioned(session)
    bump_workshop(session, concept.workshop_id)


# --- participants' proposals --------------------------------------------------------------------

def propose(session: Session, actor: Actor, item_id: int, concept_id: int, kind: str,
            text: str, client_key: str | None = None) -> tuple[int, bool]:
    """A proposed wording for a concept, or a comment on it; returns (id, created)."""
    item = activity_item(session, actor, item_id, ACTIVITY)
    require_writable_item(session, actor, item_id)
    chosen = clean_choice(kind, PROPOSAL_KINDS, field="field.warmup.proposal_kind")
    cleaned = clean_text(text, field="field.warmup.proposal", max_length=MAX_PROPOSAL_LENGTH)
    concept = session.get(Concept, concept_id)
    if concept is None or concept.workshop_id != item.meeting.workshop_id or concept.hidden:
        raise NotFound()
    record, created = contributions.create(session, actor, ConceptProposal, item_id,
                                           client_key, concept_id=concept.id, kind=chosen,
                                           text=cleaned)
    return record.id, created


def withdraw_proposal(session: Session, actor: Actor, proposal_id: int,
                      expected_version: int) -> None:
    contributions.withdraw(session, actor, ConceptProposal, proposal_id, expected_version)


def hide_proposal(session: Session, actor: Actor, proposal_id: int, hidden: bool = True) -> None:
    contributions.set_hidden(session, actor, ConceptProposal, proposal_id, hidden)
