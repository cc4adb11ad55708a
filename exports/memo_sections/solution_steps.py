"""Solution development in the meeting memo: each solution the item worked on with its status,
owner, the step it is at and the notes of all four steps, plus the comments given in the item.

Solutions belong to the workshop and carry over from meeting to meeting. A
``solution_steps`` item puts one solution in focus (stored in the item's config) and
participants comment on its current step; the comments belong to the item. So the item shows
the solution in focus and every solution commented on in it. When neither exists (the
facilitator went through the board without focusing one), it shows the workshop's solutions
as they stand, with a line saying so. Notes are the current text (they are versioned, not
per meeting). Solutions set aside, and hidden or withdrawn comments, are left out; comments
carry no names.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy.orm import Session

from exports.memo_sections._common import choice
from workshop import contributions, solutions
from workshop.access import Actor
from workshop.meetings import AgendaItemView
from workshop.model_prioritising import SolutionComment
from workshop.solutions import STEPS, SolutionView

ACTIVITY_TYPES = ("solution_steps",)


def render_solution(b: Any, solution: SolutionView, comments: list[tuple[str, str]]) -> None:
    b.heading(solution.title, 3)
    b.label_value(b.t("field.solution.status"),
                  choice(b, f"solution.status.{solution.status}", solution.status))
    b.label_value(b.t("field.solution.owner"), solution.owner or b.t("solution.no_owner"))
    b.label_value(b.t("memo.solution.current_step"),
                  f"{solution.step_number}/{len(STEPS)} "
                  f"{choice(b, f'solution.{solution.step}.name', solution.step)}"
                  if solution.step in STEPS else solution.step)
    if solution.description:
        b.paragraph(solution.description)
    rows = []
    for number, step in enumerate(STEPS, start=1):
        name = f"{number}. {b.t(f'solution.{step}.name')}"
        if step == solution.step:
            name += f" ({b.t('memo.solution.now')})"
        note = solution.notes.get(step)
        rows.append([name, note.text if note is not None and note.text else "–"])
    b.table([b.t("field.solution.step"), b.t("field.solution.note")], rows, widths=[5, 11])
    if comments:
        b.paragraph(b.t("memo.solution.comments", count=len(comments)), bold=True)
        b.bullets(f"{choice(b, f'solution.{step}.name', step)}: {text}"
                  for step, text in comments)


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    b = doc_builder
    focus = solutions.activity(session, actor, item.id).solution
    _item, rows = contributions.visible_for_item(session, actor, SolutionComment, item.id)
    comments: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for comment, _who in rows:
        if not comment.hidden:
            comments[comment.solution_id].append((comment.step, comment.text))
    workshop_id = _item.meeting.workshop_id
    listed = solutions.list_solutions(session, actor, workshop_id)
    worked = [s for s in listed if (focus is not None and s.id == focus.id) or s.id in comments]
    if not worked:
        if not listed:
            return False
        b.paragraph(b.t("memo.solution.board"), italic=True)
        worked = listed
    elif focus is not None:
        b.label_value(b.t("solution.focus"), focus.title)
    for solution in worked:
        render_solution(b, solution, comments.get(solution.id, []))
    return True
