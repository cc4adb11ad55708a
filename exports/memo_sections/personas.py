"""Personas in the meeting memo: each persona with its story, its customer value in three
parts (functional, social, emotional) and whether its agreed version is marked.

Which personas an item shows (:func:`workshop.personas.item_personas` decides what a persona
activity works on):

- Personas are written in a meeting's persona items by small groups, and a meeting often has
  several persona items in a row (writing, targeted questions, customer value) working on the
  same personas. The **first** persona item of the meeting shows the personas written in that
  meeting in full; a later persona item of the same meeting points back to it, so the memo
  does not repeat them.
- A persona item of a later meeting is a **comment round** on earlier personas: it shows the
  earlier personas that got comments or reactions in this item, with those comments (no
  names), the reaction counts, the facilitator's summary and the value triad.

Content is as it stands now (the facilitator condenses between meetings); the agreed version
is marked, and when the agreed version is older than the current text the memo says so.
Hidden and withdrawn personas and comments are left out; groups are named by number only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exports.memo_sections._common import choice, place_of
from workshop import contributions, personas
from workshop.access import Actor
from workshop.meetings import AgendaItemView
from workshop.model_personas import PersonaComment, PersonaReaction
from workshop.models import AgendaItem
from workshop.personas import FIELD_KEYS, TEXT_FIELDS, VALUE_FIELDS, PersonaView

ACTIVITY_TYPES = ("personas",)


def _first_persona_item(session: Session, meeting_id: int) -> tuple[int, int] | None:
    """(item id, 1-based number on the agenda) of the meeting's first persona item."""
    rows = session.execute(select(AgendaItem.id, AgendaItem.activity_type).where(
        AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position, AgendaItem.id)).all()
    return next(((item_id, number) for number, (item_id, activity) in enumerate(rows, start=1)
                 if activity == personas.ACTIVITY), None)


def _comments(session: Session, actor: Actor, item_id: int) -> dict[int, list[str]]:
    _item, rows = contributions.visible_for_item(session, actor, PersonaComment, item_id)
    found: dict[int, list[str]] = defaultdict(list)
    for comment, _who in rows:
        if not comment.hidden:
            found[comment.persona_id].append(comment.text)
    return found


def _reactions(session: Session, item_id: int) -> dict[int, Counter[str]]:
    found: dict[int, Counter[str]] = defaultdict(Counter)
    for persona_id, kind, count in session.execute(
        select(PersonaReaction.persona_id, PersonaReaction.kind, func.count(PersonaReaction.id))
        .where(PersonaReaction.agenda_item_id == item_id)
        .group_by(PersonaReaction.persona_id, PersonaReaction.kind)
    ):
        found[persona_id][kind] += count
    return found


def _meta(b: Any, persona: PersonaView) -> str:
    parts = []
    if persona.group_number is not None:
        parts.append(b.t("persona.group_label", number=persona.group_number))
    elif persona.by_facilitator:
        parts.append(b.t("persona.by_facilitator"))
    parts.append(b.t("persona.version_label", version=persona.version))
    if persona.agreed_version is None:
        parts.append(b.t("memo.persona.not_agreed"))
    elif persona.agreed_version == persona.version:
        parts.append("✓ " + b.t("memo.persona.agreed_current", version=persona.version))
    else:
        parts.append("✓ " + b.t("memo.persona.agreed_older", agreed=persona.agreed_version,
                                version=persona.version))
    return " · ".join(parts)


def value_triad(b: Any, persona: PersonaView) -> None:
    """The customer value in three parts as a two-column table (part, what it means)."""
    b.paragraph(b.t("memo.persona.value_title"), bold=True)
    b.table([b.t("memo.persona.value_part"), b.t("memo.persona.value_text")],
            [[b.t(FIELD_KEYS[field]), getattr(persona, field) or "–"] for field in VALUE_FIELDS],
            widths=[4.5, 11.5])


def render_persona(b: Any, persona: PersonaView, *, full: bool, comments: list[str],
                   reactions: Counter[str]) -> None:
    b.heading(persona.name or b.t("model.persona.unnamed"), 3)
    b.paragraph(_meta(b, persona), italic=True)
    if persona.age_group:
        b.label_value(b.t(FIELD_KEYS["age_group"]),
                      choice(b, f"persona.age.{persona.age_group}", persona.age_group))
    fields = TEXT_FIELDS if full else ("life_situation",)
    for field in fields:
        text = getattr(persona, field)
        if text:
            b.label_value(b.t(FIELD_KEYS[field]), text)
    value_triad(b, persona)
    if persona.summary:
        b.label_value(b.t("field.persona_summary"), persona.summary)
    if reactions:
        b.paragraph(b.t("memo.persona.reactions", agree=reactions.get("agree", 0),
                        question=reactions.get("question", 0)), italic=True)
    if comments:
        b.paragraph(b.t("memo.persona.comments", count=len(comments)), bold=True)
        b.bullets(comments)


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    place = place_of(session, actor, item.id)
    content = personas.item_personas(session, actor, item.id)
    written = [p for p in content.this_meeting if not p.hidden]
    earlier = [p for p in content.earlier if not p.hidden]
    comments = _comments(session, actor, item.id)
    reactions = _reactions(session, item.id)
    first = _first_persona_item(session, place.meeting_id)
    wrote = False
    if written:
        if first is None or first[0] == item.id:
            doc_builder.paragraph(doc_builder.t("persona.this_meeting", count=len(written)),
                                  italic=True)
            for persona in written:
                render_persona(doc_builder, persona, full=True,
                               comments=comments.get(persona.id, []),
                               reactions=reactions.get(persona.id, Counter()))
        else:
            doc_builder.paragraph(doc_builder.t("memo.persona.see_item", number=first[1],
                                                count=len(written)), italic=True)
            for persona in written:  # comments given in this item still belong here
                if comments.get(persona.id) or reactions.get(persona.id):
                    render_persona(doc_builder, persona, full=False,
                                   comments=comments.get(persona.id, []),
                                   reactions=reactions.get(persona.id, Counter()))
        wrote = True
    commented = [p for p in earlier if comments.get(p.id) or reactions.get(p.id)]
    if commented:
        doc_builder.paragraph(doc_builder.t("memo.persona.comment_round", count=len(commented)),
                              italic=True)
        for persona in commented:
            render_persona(doc_builder, persona, full=False,
                           comments=comments.get(persona.id, []),
                           reactions=reactions.get(persona.id, Counter()))
        wrote = True
    return wrote
