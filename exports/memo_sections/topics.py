"""Topics ranked by the dots given in this item, as a table with a header row. Hidden,
withdrawn and merged-away topics are left out; ties share a rank."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from workshop import topics
from workshop.access import Actor
from workshop.meetings import AgendaItemView

ACTIVITY_TYPES = ("topics",)


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    board = topics.board(session, actor, item.id)
    shown = [t for t in board.topics if not t.hidden]  # ranked: most dots, then oldest
    if not shown:
        return False
    b = doc_builder
    b.paragraph(b.t("memo.topics.rules", dots=board.rules.dots_per_person,
                    cap=board.rules.max_per_topic), italic=True)
    rows = []
    rank = 0
    previous: int | None = None
    for position, topic in enumerate(shown, start=1):
        if topic.total != previous:
            rank, previous = position, topic.total
        rows.append([f"{rank}.", topic.text, str(topic.total)])
    b.table([b.t("memo.topics.rank"), b.t("memo.topics.topic"), b.t("memo.topics.dots")],
            rows, widths=[1.8, 12, 2.5])
    return True
