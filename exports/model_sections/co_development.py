"""Kehittäjäjoukon kokoaminen ja yhteiskehittäminen: who took part (by role, with a chart)
and the meetings held."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exports.charts import bar_chart_png
from workshop import meetings
from workshop.access import Actor, require_facilitator
from workshop.i18n import fmt_date
from workshop.models import ROLES, Participant

SECTIONS = ("co_development",)
ORDER = 10


def render(doc_builder: Any, session: Session, actor: Actor, workshop_id: int, section: str,
           lang: str) -> bool:
    require_facilitator(session, actor, workshop_id)
    t = doc_builder.t
    roles = Counter(session.scalars(
        select(Participant.role).where(Participant.workshop_id == workshop_id)))
    held = [m for m in meetings.list_meetings(session, actor, workshop_id)
            if m.status != "planned"]
    if not roles and not held:
        return False
    if roles:
        ordered = [r for r in ROLES if roles[r]] + sorted(r for r in roles if r not in ROLES)
        names = [t(f"role.{r}.name") if r in ROLES else r for r in ordered]
        total = sum(roles.values())
        doc_builder.paragraph(t("model.participants_total", count=total))
        doc_builder.table([t("memo.role"), t("memo.count")],
                          [[name, str(roles[r])] for name, r in zip(names, ordered, strict=True)]
                          + [[t("memo.total"), str(total)]], widths=[10, 4])
        alt = t("model.chart_roles_alt", counts="; ".join(
            f"{name} {roles[r]}" for name, r in zip(names, ordered, strict=True)))
        doc_builder.picture(bar_chart_png(names, [roles[r] for r in ordered],
                                          title=t("model.chart_roles_title")), alt, 14)
    if held:
        doc_builder.heading(t("model.meetings_held", count=len(held)), 2)
        doc_builder.table(
            [t("memo.number"), t("memo.date"), t("memo.item"), t("memo.phase")],
            [[str(m.number), fmt_date(m.date, lang), m.title or t(f"phase.{m.phase}.name"),
              t(f"phase.{m.phase}.name")] for m in held],
            widths=[1.5, 3.5, 8, 4])
    return True
