import datetime as dt

import pytest
from builders import facilitator

from workshop import meetings, templates, workshops
from workshop.content.methods import get_template
from workshop.errors import InvalidInput, NotFound


@pytest.mark.parametrize("key,count", [("paku_compact", 6), ("paku_full", 10)])
def test_template_plans_every_meeting_with_agenda_in_workshop_language(session, key, count):
    me = facilitator(session)
    w = workshops.create_workshop(session, me, "Teemaryhmä", language="en")
    planned = templates.apply_template(session, me, w.id, key, first_date=dt.date(2027, 1, 4),
                                       interval_days=7, start_time=dt.time(9, 0))
    assert [m.number for m in planned] == list(range(1, count + 1))
    assert planned[0].phase == "warmup" and planned[-1].phase == "model"
    assert planned[1].date == dt.date(2027, 1, 11)
    spec = get_template(key)
    for meeting, expected in zip(planned, spec.meetings, strict=True):
        assert [i.activity_type for i in meeting.agenda] == [
            i.activity_type for i in expected.agenda]
        assert meeting.planned_minutes <= meeting.duration_minutes
    assert not any("ä" in m.title for m in planned)  # English titles for an English workshop
    again = meetings.list_meetings(session, me, w.id)
    assert len(again) == count


def test_template_appends_after_existing_meetings_and_checks_access(session):
    me = facilitator(session)
    w = workshops.create_workshop(session, me, "Teemaryhmä")
    meetings.plan_meeting(session, me, w.id, title="Oma aloitus")
    planned = templates.apply_template(session, me, w.id, "paku_compact")
    assert planned[0].number == 2 and planned[0].date is None
    other = facilitator(session, "toinen")
    with pytest.raises(NotFound):
        templates.apply_template(session, other, w.id, "paku_compact")
    with pytest.raises(InvalidInput):
        templates.apply_template(session, me, w.id, "nonexistent")
    with pytest.raises(InvalidInput):
        templates.apply_template(session, me, w.id, "paku_full", interval_days=0)
