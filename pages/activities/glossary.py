"""Shared concepts: participants propose wordings and comment; the facilitator records the
agreed definition (kept with every earlier version)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from pages.activities import ActivityContext, cached
from pages.activities.principles import rerun_live
from pages.common import (
    attempt,
    done,
    flash,
    form_key,
    lang,
    plain,
    read,
    renew_form_key,
    role_label,
    tr,
)
from workshop import glossary
from workshop.access import Actor
from workshop.glossary import (
    MAX_DEFINITION_LENGTH,
    MAX_PROPOSAL_LENGTH,
    MAX_TERM_LENGTH,
    PROPOSAL_KINDS,
    ConceptView,
    ProposalView,
)
from workshop.i18n import fmt_datetime

ACTIVITY_TYPES = ("glossary",)


def _start(ctx: ActivityContext) -> None:
    flag = f"_glossary_started_{ctx.meeting.workshop_id}"
    if not st.session_state.get(flag) and attempt(
        lambda s: glossary.start(s, ctx.actor, ctx.item.id)
    ) is not None:
        st.session_state[flag] = True


def _load(ctx: ActivityContext) -> list[ConceptView]:
    return cached("glossary", ctx,
                  lambda s: glossary.list_for_item(s, ctx.actor, ctx.item.id)) or []


def _status(concept: ConceptView) -> str:
    if concept.agreed:
        return tr("warmup.glossary.agreed", number=concept.definition_number)
    if concept.definition:
        return tr("warmup.glossary.starting")
    return tr("warmup.glossary.no_definition")


def _who(proposal: ProposalView) -> str:
    label = role_label(proposal.author.role)
    return f"{plain(proposal.author.name)} · {label}" if proposal.author.name else label


def _proposal_line(proposal: ProposalView) -> str:
    kind = tr(f"warmup.glossary.kind.{proposal.kind}")
    text = plain(proposal.text)
    return f"*{kind}:* " + (f"~~{text}~~" if proposal.hidden else text)


# --- participant -------------------------------------------------------------------------------

def participant_input(ctx: ActivityContext) -> None:
    _start(ctx)
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    concepts = read(lambda s: glossary.list_for_item(s, ctx.actor, ctx.item.id)) or []
    if not concepts:
        return
    item_id = ctx.item.id
    terms = {c.id: c.term for c in concepts}
    with st.form(f"glossary_form_{item_id}", border=True):
        generation = st.session_state.get("_glossary_generation", 0)
        concept_id = st.selectbox(tr("field.warmup.term"), list(terms),
                                  format_func=lambda i: terms[i], key=f"glossary_term_{item_id}")
        kind = st.radio(tr("field.warmup.proposal_kind"), PROPOSAL_KINDS, horizontal=True,
                        format_func=lambda k: tr(f"warmup.glossary.kind_choice.{k}"),
                        key=f"glossary_kind_{item_id}")
        text = st.text_area(tr("field.warmup.proposal"), max_chars=MAX_PROPOSAL_LENGTH,
                            key=f"glossary_text_{item_id}_{generation}",
                            placeholder=tr("warmup.glossary.placeholder"))
        if st.form_submit_button(tr("participate.send"), type="primary"):
            key = form_key(f"glossary_{item_id}")
            saved = attempt(lambda s: glossary.propose(s, ctx.actor, item_id, concept_id, kind,
                                                       text, client_key=key))
            if saved is not None:
                renew_form_key(f"glossary_{item_id}")
                st.session_state["_glossary_generation"] = generation + 1
                flash(tr("participate.saved"))
                st.rerun()


def participant_live(ctx: ActivityContext) -> None:
    concepts = _load(ctx)
    st.subheader(tr("warmup.glossary.title"))
    for concept in concepts:
        with st.container(border=True):
            st.markdown(f"**{plain(concept.term)}**  \n{plain(concept.definition)}")
            st.caption(_status(concept))
            for proposal in concept.proposals:
                mine = f" · {tr('participate.mine')}" if proposal.author.mine else ""
                st.markdown(_proposal_line(proposal))
                st.caption(_who(proposal) + mine)


# --- facilitator -------------------------------------------------------------------------------

def facilitator_glossary(actor: Actor, concepts: list[ConceptView], *, key: str,
                         item_id: int | None, rerun: Callable[[], None],
                         with_history: bool = False) -> None:
    """Concepts with proposals, the agreed-definition form and hiding (console, library)."""
    for concept in concepts:
        with st.container(border=True):
            _facilitator_concept(actor, concept, key, item_id, rerun, with_history)


def _facilitator_concept(actor: Actor, concept: ConceptView, key: str, item_id: int | None,
                         rerun: Callable[[], None], with_history: bool) -> None:
    term = plain(concept.term)
    st.markdown((f"~~{term}~~" if concept.hidden else f"**{term}**") + "  \n"
                + plain(concept.definition))
    st.caption(_status(concept) + (f" · {tr('console.hidden')}" if concept.hidden else ""))
    draft_slot = f"{key}_draft_{concept.id}_{concept.version}"
    for proposal in concept.proposals:
        st.markdown(_proposal_line(proposal))
        st.caption(_who(proposal))
        use_col, hide_col = st.columns(2)
        if proposal.kind == "wording" and not proposal.hidden and use_col.button(
            tr("warmup.glossary.use_proposal"), key=f"{key}_use_{proposal.id}"
        ):
            st.session_state[draft_slot] = proposal.text
            st.session_state[f"{draft_slot}_from"] = proposal.id
        label = "console.unhide" if proposal.hidden else "console.hide"
        if hide_col.button(tr(label), key=f"{key}_hidep_{proposal.id}_{proposal.version}") and \
                done(lambda s, p=proposal: glossary.hide_proposal(
                    s, actor, p.id, not p.hidden)):
            rerun()
    if not concept.hidden:
        from_proposal = st.session_state.get(f"{draft_slot}_from")
        with st.expander(tr("warmup.glossary.record"), expanded=from_proposal is not None), \
                st.form(f"{key}_record_{concept.id}_{concept.version}", border=False):
            if draft_slot not in st.session_state:
                st.session_state[draft_slot] = concept.definition
            definition = st.text_area(tr("field.warmup.definition"),
                                      max_chars=MAX_DEFINITION_LENGTH, key=draft_slot)
            if st.form_submit_button(tr("warmup.glossary.save_agreed"), type="primary") and \
                    attempt(lambda s: glossary.record_definition(
                        s, actor, concept.id, concept.version, definition,
                        proposal_id=from_proposal, item_id=item_id)) is not None:
                st.session_state.pop(f"{draft_slot}_from", None)
                rerun()
    if with_history:
        _history(actor, concept)
    hide_label = "warmup.glossary.restore" if concept.hidden else "warmup.glossary.remove"
    if st.button(tr(hide_label), key=f"{key}_hidec_{concept.id}_{concept.version}") and \
            done(lambda s: glossary.hide_concept(s, actor, concept.id,
                                                    not concept.hidden)):
        rerun()


def _history(actor: Actor, concept: ConceptView) -> None:
    with st.expander(tr("warmup.glossary.history", count=concept.definition_number)):
        versions = read(lambda s: glossary.history(s, actor, concept.id)) or []
        language = lang()
        for version in reversed(versions):
            where = tr("label.meeting_number", number=version.meeting_number) \
                if version.meeting_number else ""
            state = tr("warmup.glossary.version_agreed") if version.agreed \
                else tr("warmup.glossary.version_starting")
            st.markdown(f"**{version.number}.** {plain(version.definition)}")
            st.caption(" · ".join(x for x in (state, where,
                                             fmt_datetime(version.recorded_at, language)) if x))


def add_concept_form(actor: Actor, workshop_id: int, key: str,
                     rerun: Callable[[], None]) -> None:
    generation = st.session_state.get(f"_{key}_generation", 0)
    with st.expander(tr("warmup.glossary.add")), st.form(f"{key}_{generation}", border=False):
        term = st.text_input(tr("field.warmup.term"), max_chars=MAX_TERM_LENGTH,
                             key=f"{key}_term_{generation}")
        definition = st.text_area(tr("warmup.glossary.add_definition"),
                                  max_chars=MAX_DEFINITION_LENGTH,
                                  key=f"{key}_definition_{generation}")
        if st.form_submit_button(tr("warmup.glossary.add")) and attempt(
            lambda s: glossary.add_concept(s, actor, workshop_id, term, definition)
        ) is not None:
            st.session_state[f"_{key}_generation"] = generation + 1
            rerun()


def console_live(ctx: ActivityContext) -> None:
    _start(ctx)
    concepts = _load(ctx)
    proposals = sum(len(c.proposals) for c in concepts)
    st.subheader(tr("warmup.glossary.console_title", count=len(concepts), proposals=proposals))
    facilitator_glossary(ctx.actor, concepts, key=f"gc{ctx.item.id}", item_id=ctx.item.id,
                         rerun=rerun_live)
    add_concept_form(ctx.actor, ctx.meeting.workshop_id, f"gc_add_{ctx.item.id}",
                     rerun=rerun_live)


def projector_live(ctx: ActivityContext) -> None:
    _start(ctx)
    for concept in (c for c in _load(ctx) if not c.hidden):
        mark = "✓ " if concept.agreed else ""
        shown = [p for p in concept.proposals if not p.hidden]
        extra = f"  \n{tr('warmup.glossary.proposal_count', count=len(shown))}" if shown else ""
        st.markdown(f"**{mark}{plain(concept.term)}**: {plain(concept.definition)}{extra}")
