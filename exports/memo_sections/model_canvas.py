"""The service model canvas in the meeting memo: a short summary of each model as the meeting
left it, and the comments given in the item.

The canvas rhythm is that the facilitator publishes the draft as a numbered, frozen version
after a meeting, and the version records that meeting (``canvas_versions.meeting_id``). So for
each model of the workshop the item shows the **version published at this meeting** (the
newest one if there are several): its number, date, the facilitator's summary and the titles
of its top-level parts by canvas section. A model without a version from this meeting shows
the titles of the **current draft** instead, marked as a draft. Comments participants gave on
a version in this item follow (hidden and withdrawn ones left out, no names).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exports.memo_sections._common import place_of
from workshop import canvas
from workshop.access import Actor
from workshop.canvas import SECTIONS
from workshop.i18n import fmt_date
from workshop.meetings import AgendaItemView
from workshop.model_canvas import CanvasComment, CanvasVersion, ServiceModel

ACTIVITY_TYPES = ("model_canvas",)
TITLE_LENGTH = 80


def _label(values: dict[str, Any]) -> str:
    for name in ("title", "who", "organisation", "body"):
        text = " ".join(str(values.get(name) or "").split())
        if text:
            return text if len(text) <= TITLE_LENGTH else text[: TITLE_LENGTH - 1] + "…"
    return ""


def section_rows(b: Any, elements: Iterable[dict[str, Any]]) -> list[list[str]]:
    """One row per canvas section that has parts: the section and its top-level titles."""
    by_kind: dict[str, list[str]] = {}
    for element in elements:
        if element.get("parent_id") is None:
            label = _label(element)
            if label:
                by_kind.setdefault(str(element.get("kind")), []).append(label)
    rows = []
    for section, kinds in SECTIONS:
        titles = [title for kind in kinds for title in by_kind.get(kind, [])]
        if titles:
            rows.append([b.t(f"canvas.section.{section}"), "\n".join(titles)])
    return rows


def _summary_table(b: Any, rows: list[list[str]]) -> None:
    if rows:
        b.table([b.t("memo.canvas.section"), b.t("memo.canvas.parts")], rows, widths=[4.5, 11.5])
    else:
        b.paragraph(b.t("memo.canvas.empty"), italic=True)


def _comments(session: Session, item_id: int) -> list[tuple[int, str, str]]:
    """(version number, model name, text) of the item's visible comments, oldest first."""
    return [(number, name, text) for number, name, text in session.execute(
        select(CanvasVersion.number, ServiceModel.name, CanvasComment.text)
        .join(CanvasVersion, CanvasVersion.id == CanvasComment.version_id)
        .join(ServiceModel, ServiceModel.id == CanvasVersion.model_id)
        .where(CanvasComment.agenda_item_id == item_id, CanvasComment.hidden.is_(False),
               CanvasComment.withdrawn.is_(False))
        .order_by(CanvasComment.created_at, CanvasComment.id)).all()]


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    b = doc_builder
    place = place_of(session, actor, item.id)
    models = canvas.list_models(session, actor, place.workshop_id)
    for model in models:
        published = [v for v in canvas.list_versions(session, actor, model.id)
                     if v.meeting_id == place.meeting_id]
        if published:
            version = published[-1]
            b.heading(b.t("memo.canvas.version_heading", name=model.name,
                          number=version.number), 3)
            b.paragraph(b.t("memo.canvas.published", date=fmt_date(
                version.published_at.date(), lang)), italic=True)
            if version.summary:
                b.paragraph(version.summary)
            if version.answered:
                b.paragraph(b.t("memo.canvas.answered", count=version.answered), italic=True)
            _summary_table(b, section_rows(b, version.content.get("elements", [])))
        else:
            view = canvas.get_canvas(session, actor, model.id)
            b.heading(b.t("memo.canvas.draft_heading", name=model.name), 3)
            b.paragraph(b.t("memo.canvas.draft_note"), italic=True)
            _summary_table(b, section_rows(b, (
                {**e.values(), "kind": e.kind, "parent_id": e.parent_id}
                for e in view.elements)))
    comments = _comments(session, item.id)
    if comments:
        b.heading(b.t("memo.canvas.comments", count=len(comments)), 3)
        b.bullets(b.t("memo.canvas.comment_line", name=name, number=number, text=text)
                  for number, name, text in comments)
    return bool(models or comments)
