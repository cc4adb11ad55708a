"""The workshop's shared concepts as a table: the agreed definition, or (where none is
agreed yet) the starting definition with how many wordings and comments were proposed in
this item. Removed concepts and hidden or withdrawn proposals are left out; no names."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from workshop import glossary
from workshop.access import Actor
from workshop.meetings import AgendaItemView

ACTIVITY_TYPES = ("glossary",)


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    concepts = [c for c in glossary.list_for_item(session, actor, item.id) if not c.hidden]
    if not concepts:
        return False
    b = doc_builder
    rows = []
    for concept in concepts:
        if concept.agreed:
            rows.append([concept.term, concept.definition, b.t("memo.glossary.agreed")])
            continue
        proposals = [p for p in concept.proposals if not p.hidden]
        definition = (b.t("memo.glossary.starting", definition=concept.definition)
                      if concept.definition else b.t("memo.glossary.no_definition"))
        wordings = sum(1 for p in proposals if p.kind == "wording")
        comments = sum(1 for p in proposals if p.kind == "comment")
        status = (b.t("memo.glossary.open", wordings=wordings, comments=comments)
                  if proposals else b.t("memo.glossary.open_plain"))
        rows.append([concept.term, definition, status])
    b.table([b.t("memo.glossary.term"), b.t("memo.glossary.definition"),
             b.t("memo.glossary.status")], rows, widths=[3.5, 8.5, 4.5])
    return True
