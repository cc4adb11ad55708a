"""Prioritising in the meeting memo: the candidates of the item's vote and their results by
role group, and what was decided from them.

Votes, matrix placements and rankings belong to the agenda item where they were given, so
the item shows exactly its own round (:func:`workshop.prioritising.results`): dots or Borda
points per candidate, or the medians of impact and effort, for clients, workers and others
side by side, never added up; a group with fewer than three respondents is named but not
shown, as on the results screen. Candidates set aside are left out.

"Decisions" are what the workshop took forward from the round, read from the traceability
links: solutions made from one of its candidates (with their step and status) and parts of
the service model that cite this vote.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exports.memo_sections._common import choice, place_of
from workshop import prioritising, traceability
from workshop.access import Actor
from workshop.charts.feedback import group_label
from workshop.charts.prioritising import fmt_median
from workshop.meetings import AgendaItemView
from workshop.model_prioritising import Candidate, ChoiceRound, Solution
from workshop.prioritising import GroupSummary, RoundResults

ACTIVITY_TYPES = ("prioritising",)
TOP_PER_GROUP = 3


def group_line(b: Any, groups: tuple[GroupSummary, ...]) -> str:
    """Respondents per group; small groups named as not shown (never their exact number)."""
    parts = []
    for group in groups:
        name = group_label(group.group, b.lang)
        if group.shown:
            parts.append(f"{name}: {b.t('prio.results.respondents', count=group.respondents)}")
        elif group.respondents is None:
            parts.append(b.t("prio.alt.group_suppressed", group=name))
    return "; ".join(parts)


def _table(b: Any, results: RoundResults) -> None:
    shown = results.shown_groups
    headers = [b.t("memo.number"), b.t("memo.prio.candidate"), b.t("memo.prio.kind")]
    rows: list[list[str]] = []
    for number, row in enumerate(results.rows, start=1):
        cells = [str(number), row.text, choice(b, f"prio.kind.{row.kind}", row.kind)]
        for group in shown:
            if results.method == "matrix":
                stats = row.matrix.get(group)
                cells.append("–" if stats is None else b.t(
                    "memo.prio.matrix_cell", impact=fmt_median(stats.impact_median, b.lang),
                    effort=fmt_median(stats.effort_median, b.lang), count=stats.count))
            else:
                cells.append(str(row.points.get(group, 0)))
        rows.append(cells)
    unit = {"dots": "memo.prio.dots", "ranking": "memo.prio.borda",
            "matrix": "memo.prio.matrix"}.get(results.method, "memo.prio.dots")
    headers += [b.t(unit, group=group_label(group, b.lang)) for group in shown]
    b.table(headers, rows)
    if results.method != "matrix":
        for group in shown:
            ranked = sorted((r for r in results.rows if r.points.get(group, 0) > 0),
                            key=lambda r: -r.points[group])[:TOP_PER_GROUP]
            if ranked:
                top = ", ".join(f"{n}. {r.text}" for n, r in enumerate(ranked, start=1))
                b.label_value(b.t("memo.prio.top", group=group_label(group, b.lang)), top)


def decision_lines(b: Any, session: Session, actor: Actor, workshop_id: int,
                   candidate_ids: set[int], round_id: int | None) -> list[str]:
    """What was made of the round: solutions from its candidates, model parts citing it."""
    lines: list[str] = []
    made: dict[int, list[int]] = defaultdict(list)  # candidate -> solutions made from it
    for solution_id, links in traceability.links_from_unchecked(
            session, workshop_id, "solution").items():
        for link in links:
            if link.record_type == "candidate" and link.record_id in candidate_ids:
                made[link.record_id].append(solution_id)
    if made:
        solutions = {s.id: s for s in session.scalars(select(Solution).where(
            Solution.id.in_([i for ids in made.values() for i in ids]),
            Solution.withdrawn.is_(False)))}
        texts = dict(session.execute(select(Candidate.id, Candidate.text).where(
            Candidate.id.in_(list(made)))).all())
        for candidate_id in sorted(made):
            for solution_id in made[candidate_id]:
                solution = solutions.get(solution_id)
                if solution is not None:
                    lines.append(b.t(
                        "memo.prio.to_solution", candidate=texts.get(candidate_id, ""),
                        solution=solution.title,
                        step=choice(b, f"solution.{solution.step}.name", solution.step),
                        status=choice(b, f"solution.status.{solution.status}",
                                      solution.status)))
    if round_id is not None:
        for link in traceability.links_to(session, actor, workshop_id, "vote", round_id):
            status, label, hidden = traceability.describe(session, workshop_id,
                                                          link.source_type, link.source_id)
            if status == "ok" and not hidden and label:
                lines.append(b.t("memo.prio.to_model", element=label))
    return lines


def render_decisions(b: Any, session: Session, actor: Actor, workshop_id: int,
                     candidate_ids: set[int], round_id: int | None) -> None:
    lines = decision_lines(b, session, actor, workshop_id, candidate_ids, round_id)
    if lines:
        b.paragraph(b.t("memo.prio.decisions"), bold=True)
        b.bullets(lines)


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    b = doc_builder
    place = place_of(session, actor, item.id)
    results = prioritising.results(session, actor, item.id)
    if not results.rows:
        return False
    round_id = session.scalar(select(ChoiceRound.id).where(ChoiceRound.agenda_item_id == item.id))
    if prioritising.round_view(session, actor, item.id).respondents == 0:
        return False  # candidates are the workshop's; without votes the item produced nothing
    b.label_value(b.t("field.prio.method"),
                  choice(b, f"prio.method.{results.method}", results.method))
    line = group_line(b, results.groups)
    if line:
        b.paragraph(line, italic=True)
    _table(b, results)
    render_decisions(b, session, actor, place.workshop_id,
                     {row.candidate_id for row in results.rows}, round_id)
    return True
