"""The meeting memo (muistio) as a Word document, written from the stored records.

Title, workshop and theme, date and time, participants by role, the agenda with times, each
agenda item's outputs through the section registry (:mod:`exports.memo_sections`), and an
empty "next steps" section for the facilitator to fill in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from exports import docx_templates, memo_sections
from exports.backup import workshop_plan
from exports.docx_builder import DocBuilder
from workshop import meetings, workshops
from workshop.access import Actor
from workshop.i18n import fmt_date, fmt_time
from workshop.meetings import MeetingView
from workshop.models import ROLES, Meeting, Participant, utcnow

PARTICIPANT_TABLE = Participant.__tablename__
MEETING_TABLE = Meeting.__tablename__


def attendance_by_role(session: Session, meeting: MeetingView) -> Counter[str]:
    """How many participants took part in the meeting, by role.

    There is no attendance list: a participant counts when they wrote anything in the
    meeting (any record type with an author and a meeting) or joined or were seen while it
    was open.
    """
    ids: set[int] = set()
    for table in workshop_plan().tables:
        meeting_refs = [c for c, (p, _) in table.refs.items() if p == MEETING_TABLE]
        author_refs = [c for c, (p, _) in table.refs.items() if p == PARTICIPANT_TABLE]
        if not meeting_refs or not author_refs:
            continue
        t = table.table
        for column in author_refs:
            ids |= set(session.scalars(
                select(t.c[column]).distinct().where(t.c[meeting_refs[0]] == meeting.id,
                                                    t.c[column].is_not(None))))
    row = session.execute(select(Meeting.opened_at, Meeting.closed_at)
                          .where(Meeting.id == meeting.id)).one()
    query = select(Participant.id, Participant.role).where(
        Participant.workshop_id == meeting.workshop_id)
    opened, closed = row
    rows = session.execute(query).all()
    present = {pid for pid, _ in rows if pid in ids}
    if opened is not None:
        until = closed or utcnow()
        window = session.scalars(query.with_only_columns(Participant.id).where(or_(
            Participant.created_at.between(opened, until),
            Participant.last_seen_at.between(opened, until),
        )))
        present |= set(window)
    return Counter(role for pid, role in rows if pid in present)


def _agenda_rows(builder: DocBuilder, meeting: MeetingView) -> list[list[str]]:
    rows = []
    start = (dt.datetime.combine(dt.date(2000, 1, 1), meeting.start_time)
             if meeting.start_time else None)
    for position, item in enumerate(meeting.agenda, start=1):
        if start is not None:
            end = start + dt.timedelta(minutes=item.duration_minutes)
            when = f"{fmt_time(start.time(), builder.lang)}–{fmt_time(end.time(), builder.lang)}"
            start = end
        else:
            when = "–"
        rows.append([when, f"{position}. {item.title}",
                     builder.t(f"activity.{item.activity_type}.name"),
                     builder.t("memo.minutes", minutes=item.duration_minutes)])
    return rows


def build_memo(session: Session, actor: Actor, workshop_id: int, meeting_number: int,
               template: bytes | None = None) -> bytes:
    """The memo of meeting number ``meeting_number`` (1 = the first) as .docx bytes.

    ``template`` (a checked .docx) overrides the workshop's stored organisation template.
    """
    meeting = meetings.meeting_by_number(session, actor, workshop_id, meeting_number)
    workshop = workshops.get_workshop(session, actor, workshop_id)
    if template is None:
        template = docx_templates.template_bytes(session, actor, workshop_id)
    lang = workshop.language
    b = DocBuilder(lang, template)
    heading = meeting.title or b.t(f"phase.{meeting.phase}.name")
    title = b.t("memo.title", number=meeting.number, title=heading)
    b.title(title)
    b.label_value(b.t("memo.workshop"), workshop.name)
    if workshop.theme:
        b.label_value(b.t("memo.theme"), workshop.theme)
    if workshop.organisation:
        b.label_value(b.t("memo.organisation"), workshop.organisation)
    when = fmt_date(meeting.date, lang)
    if meeting.start_time:
        end = (dt.datetime.combine(dt.date(2000, 1, 1), meeting.start_time)
               + dt.timedelta(minutes=meeting.duration_minutes)).time()
        when += f" {fmt_time(meeting.start_time, lang)}–{fmt_time(end, lang)}"
    b.label_value(b.t("memo.date"), when)
    b.label_value(b.t("memo.phase"), b.t(f"phase.{meeting.phase}.name"))

    # Participants are counted by role only: there is no per-participant consent to be named
    # in a memo yet, and a memo travels beyond the room. Names come when consent exists.
    b.heading(b.t("memo.participants"), 1)
    counts = attendance_by_role(session, meeting)
    if counts:
        rows = [[b.t(f"role.{role}.name"), str(counts[role])] for role in ROLES if counts[role]]
        rows += [[b.t(f"role.{role}.name"), str(n)] for role, n in sorted(counts.items())
                 if role not in ROLES]
        rows.append([b.t("memo.total"), str(sum(counts.values()))])
        b.table([b.t("memo.role"), b.t("memo.count")], rows, widths=[10, 4])
        b.paragraph(b.t("memo.names_not_shown"), italic=True)
    else:
        b.paragraph(b.t("memo.no_participants"), italic=True)

    b.heading(b.t("memo.agenda"), 1)
    if meeting.agenda:
        b.table([b.t("memo.time"), b.t("memo.item"), b.t("memo.activity"), b.t("memo.length")],
                _agenda_rows(b, meeting), widths=[3.2, 7, 4, 2.3])
    else:
        b.paragraph(b.t("memo.no_agenda"), italic=True)

    b.heading(b.t("memo.outputs"), 1)
    for position, item in enumerate(meeting.agenda, start=1):
        b.heading(f"{position}. {item.title}", 2)
        b.paragraph(b.t(f"activity.{item.activity_type}.name"), italic=True)
        memo_sections.render_item(b, session, actor, item, lang)

    b.heading(b.t("memo.next_steps"), 1)
    b.paragraph("")
    return b.finish(title, subject=workshop.name)
