"""The workshop's co-design principles: the agreed list in its order, then the proposals
still under discussion with the reactions given in this item. Removed (hidden) and withdrawn
principles are left out, and nobody is named."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from workshop import principles
from workshop.access import Actor
from workshop.meetings import AgendaItemView

ACTIVITY_TYPES = ("principles",)


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    shown = [p for p in principles.list_for_item(session, actor, item.id) if not p.hidden]
    if not shown:
        return False
    b = doc_builder
    agreed = [p for p in shown if p.agreed]
    open_ = [p for p in shown if not p.agreed]
    b.heading(b.t("memo.principles.agreed"), 3)
    if agreed:
        for number, principle in enumerate(agreed, start=1):
            b.paragraph(f"{number}. {principle.text}")
    else:
        b.paragraph(b.t("memo.principles.none_agreed"), italic=True)
    if open_:
        b.heading(b.t("memo.principles.open"), 3)
        b.bullets(b.t("memo.principles.reactions", text=p.text, agree=p.agree,
                      discuss=p.discuss) if p.agree or p.discuss else p.text for p in open_)
    b.paragraph(b.t("memo.principles.whole_workshop"), italic=True)
    return True
