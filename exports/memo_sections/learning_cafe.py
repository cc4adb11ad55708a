"""A learning café: per station its question, the host's summary and then the notes by
round. Hidden and withdrawn notes are left out, and neither hosts nor writers are named."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from sqlalchemy.orm import Session

from workshop import cafe
from workshop.access import Actor
from workshop.meetings import AgendaItemView

ACTIVITY_TYPES = ("learning_cafe",)


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    view = cafe.cafe_view(session, actor, item.id)
    if not view.set_up or not view.stations:
        return False
    b = doc_builder
    for number, station in enumerate(view.stations, start=1):
        b.heading(b.t("memo.cafe.station", number=number), 3)
        b.label_value(b.t("memo.cafe.question"), station.question)
        if station.summary.strip():
            b.paragraph(b.t("memo.cafe.summary"), bold=True)
            b.paragraph(station.summary)
        else:
            b.paragraph(b.t("memo.cafe.no_summary"), italic=True)
        notes = sorted((n for n in view.notes_at(station.id) if not n.hidden),
                       key=lambda n: (n.round, n.created_at, n.id))
        if not notes:
            b.paragraph(b.t("memo.cafe.no_notes"), italic=True)
            continue
        for round_index, in_round in groupby(notes, key=lambda n: n.round):
            b.paragraph(b.t("memo.cafe.round", number=round_index + 1), bold=True)
            b.bullets(n.text for n in in_round)
    return True
