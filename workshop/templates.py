"""Creating a theme group's whole meeting plan from a PAKU template, then editing it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from workshop import meetings
from workshop.access import Actor, require_facilitator
from workshop.content.methods import PAKU_TEMPLATES, get_template
from workshop.errors import InvalidInput
from workshop.i18n import t
from workshop.meetings import MeetingView

TEMPLATE_KEYS: tuple[str, ...] = tuple(template.key for template in PAKU_TEMPLATES)


def apply_template(
    session: Session,
    actor: Actor,
    workshop_id: int,
    template_key: str,
    *,
    first_date: dt.date | None = None,
    interval_days: int = 14,
    start_time: dt.time | None = None,
) -> list[MeetingView]:
    """Plan every meeting of the template after the workshop's existing ones.

    Titles are written in the workshop's language; dates follow ``interval_days`` apart.
    """
    workshop = require_facilitator(session, actor, workshop_id)
    if template_key not in TEMPLATE_KEYS:
        raise InvalidInput("error.choice", field="field.template")
    if not 1 <= interval_days <= 90:
        raise InvalidInput("error.number.range", field="field.interval_days", min=1, max=90)
    template = get_template(template_key)
    lang = workshop.language
    planned: list[MeetingView] = []
    for index, spec in enumerate(template.meetings):
        date = first_date + dt.timedelta(days=interval_days * index) if first_date else None
        meeting = meetings.plan_meeting(
            session, actor, workshop_id, title=t(spec.title_key, lang), date=date,
            phase=spec.phase, duration_minutes=spec.duration_minutes, start_time=start_time,
        )
        for item in spec.agenda:
            meetings.add_agenda_item(session, actor, meeting.id, title=t(item.title_key, lang),
                                     activity_type=item.activity_type,
                                     duration_minutes=item.minutes)
        planned.append(meetings.get_meeting(session, actor, meeting.id))
    return planned
