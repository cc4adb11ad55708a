"""The waste (hukka) workshop in the meeting memo: the waste found in the item, its dots by
role group, and the waste chosen to work on.

Waste items and their dots belong to the agenda item where they were written
(:func:`workshop.waste.results`), so the item shows its own list. Dots are shown for clients,
workers and others side by side, never added up; a group with fewer than three voters is
named but not shown. The items are listed most dots first (by the largest group figure, so no
sum over groups is ever printed), and the item the facilitator picked (it became a candidate
on the workshop's list) is marked as chosen. Hidden and withdrawn waste is left out.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from exports.memo_sections._common import choice
from exports.memo_sections.prioritising import group_line
from workshop import waste
from workshop.access import Actor
from workshop.charts.feedback import group_label
from workshop.meetings import AgendaItemView
from workshop.waste import FREE, WasteResult

ACTIVITY_TYPES = ("waste_workshop",)


def category_of(b: Any, row: WasteResult) -> str:
    if row.category == FREE:
        return row.free_category or b.t("memo.waste.own_category")
    return choice(b, f"waste.{row.category}.name", row.category)


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    b = doc_builder
    results = waste.results(session, actor, item.id)
    if not results.rows:
        return False
    where = {w.id: w.where_in_path for w in waste.board(session, actor, item.id).items}
    shown = [g.group for g in results.groups if g.shown]
    rows = sorted(results.rows, key=lambda r: -max(r.points.values(), default=0))
    b.paragraph(b.t("memo.waste.count", count=len(rows)), italic=True)
    line = group_line(b, results.groups)
    if line:
        b.paragraph(line, italic=True)
    headers = [b.t("memo.number"), b.t("field.waste.category"), b.t("memo.waste.what"),
               b.t("memo.waste.where"),
               *[b.t("memo.prio.dots", group=group_label(g, b.lang)) for g in shown],
               b.t("memo.waste.chosen")]
    b.table(headers, [
        [str(n), category_of(b, r), r.text, where.get(r.waste_id) or "–",
         *[str(r.points.get(g, 0)) for g in shown],
         "✓ " + b.t("memo.waste.chosen_mark") if r.candidate_id is not None else ""]
        for n, r in enumerate(rows, start=1)])
    chosen = [r for r in rows if r.candidate_id is not None]
    if chosen:
        b.paragraph(b.t("memo.waste.chosen_title"), bold=True)
        b.bullets(f"{r.text} ({category_of(b, r)})" for r in chosen)
    else:
        b.paragraph(b.t("memo.waste.none_chosen"), italic=True)
    return True
