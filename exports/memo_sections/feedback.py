"""Meeting feedback: clients, workers and others each on their own, never added together.

The results come from :func:`workshop.feedback.meeting_results`, the same function the
feedback results page shows, so the privacy rule is the same one: a group with fewer than
``MIN_RESPONDENTS`` respondents shows nothing but that fact, and a 1–5 question fewer than
that many answered in a group shows no figures. Hidden and withdrawn responses never count.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from workshop import feedback
from workshop.access import Actor
from workshop.feedback import GROUP_LABEL_KEYS, GroupResult, MeetingResults
from workshop.meetings import AgendaItemView
from workshop.models import AgendaItem

ACTIVITY_TYPES = ("feedback",)


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    b = doc_builder
    meeting_id = _meeting_id(session, item)
    # answer_counts reads only; results are asked for when some group is shown at all (then
    # the form exists, and reading it writes nothing).
    counts = feedback.answer_counts(session, actor, meeting_id)
    results = (feedback.meeting_results(session, actor, meeting_id)
               if any(v is not None for v in counts.values()) else None)
    b.paragraph(b.t("memo.feedback.intro", min=feedback.MIN_RESPONDENTS), italic=True)
    for group in feedback.GROUPS:
        b.heading(b.t(GROUP_LABEL_KEYS[group]), 3)
        shown = results.group(group) if results is not None else None
        if shown is None or not shown.shown:
            b.paragraph(b.t("feedback.suppressed_long"), italic=True)
            continue
        _group(b, results, shown, lang)
    return True


def _meeting_id(session: Session, item: AgendaItemView) -> int:
    stored = session.get(AgendaItem, item.id)
    assert stored is not None
    return stored.meeting_id


def _group(b: Any, results: MeetingResults, group: GroupResult, lang: str) -> None:
    from workshop.charts.feedback import fmt_mean  # Plotly only when feedback is written

    b.paragraph(b.t("feedback.respondents", count=group.respondents))
    rows = []
    for question in results.questions:
        found = group.question(question.id)
        if question.kind != "scale" or found is None:
            continue
        text = question.text + (f" {b.t('feedback.retired_mark')}" if question.retired else "")
        if found.shown and found.mean is not None:
            rows.append([text, fmt_mean(found.mean, lang), str(found.answers),
                         " / ".join(str(c) for c in found.counts or ())])
        else:
            rows.append([text, b.t("feedback.suppressed"), "–", "–"])
    if rows:
        b.paragraph(b.t("memo.feedback.scales"), bold=True)
        b.table([b.t("feedback.column_question"), b.t("feedback.column_mean"),
                 b.t("feedback.column_answers"), b.t("feedback.column_spread")],
                rows, widths=[8, 2.5, 2.5, 3.5])
    b.paragraph(b.t("feedback.written"), bold=True)
    written = [(q, group.question(q.id)) for q in results.questions if q.kind == "text"]
    written = [(q, found) for q, found in written if found is not None and found.texts]
    if not written:
        b.paragraph(b.t("feedback.no_written"), italic=True)
    for question, found in written:
        b.paragraph(question.text, italic=True)
        b.bullets(found.texts)
