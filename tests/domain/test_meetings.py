import datetime as dt

import pytest
from builders import facilitator, world

from workshop import meetings, workshops
from workshop.errors import Conflict, InvalidInput, NotFound


def test_plan_meetings_numbered_per_workshop_with_agenda(session):
    me = facilitator(session)
    w = workshops.create_workshop(session, me, "Teemaryhmä", theme="Palveluohjaus")
    first = meetings.plan_meeting(session, me, w.id, title="Alkuvalmennus",
                                  date=dt.date(2026, 12, 1), start_time=dt.time(13, 0))
    second = meetings.plan_meeting(session, me, w.id, phase="personas", duration_minutes=120)
    assert (first.number, second.number) == (1, 2)
    meetings.add_agenda_item(session, me, first.id, title="Tervetuloa", duration_minutes=15)
    b = meetings.add_agenda_item(session, me, first.id, title="Kuvakortit",
                                 activity_type="picture_cards", duration_minutes=30)
    meetings.move_agenda_item(session, me, b.id, -1)
    plan = meetings.get_meeting(session, me, first.id)
    assert [i.title for i in plan.agenda] == ["Kuvakortit", "Tervetuloa"]
    assert plan.planned_minutes == 45
    assert meetings.meeting_by_number(session, me, w.id, 2).id == second.id
    with pytest.raises(NotFound):
        meetings.meeting_by_number(session, me, w.id, 3)


@pytest.mark.parametrize("fields", [
    {"phase": "nonsense"}, {"duration_minutes": 0}, {"duration_minutes": "60"},
    {"title": "a\x00b"}, {"date": "2026-01-01"},
])
def test_bad_meeting_fields_are_refused(session, fields):
    me = facilitator(session)
    w = workshops.create_workshop(session, me, "Teemaryhmä")
    with pytest.raises(InvalidInput):
        meetings.plan_meeting(session, me, w.id, **fields)


def test_open_gives_code_and_link_and_close_revokes_code(session):
    w = world(session, open_meeting=False)
    opened = meetings.open_meeting(session, w.facilitator, w.meeting_id)
    assert opened.status == "open"
    assert len(opened.join_code) == meetings.CODE_LENGTH
    assert set(opened.join_code) <= set(meetings.CODE_ALPHABET)
    assert len(opened.link_token) >= 20  # >= 96 bits of randomness in the link
    assert opened.current_item_id == opened.agenda[0].id
    closed = meetings.close_meeting(session, w.facilitator, w.meeting_id)
    assert closed.status == "closed" and closed.join_code is None
    assert not any(i.contributions_open for i in closed.agenda)


def test_only_one_open_meeting_per_workshop(session):
    w = world(session)
    second = meetings.plan_meeting(session, w.facilitator, w.workshop_id)
    with pytest.raises(Conflict) as caught:
        meetings.open_meeting(session, w.facilitator, second.id)
    assert caught.value.params == {"number": 1}


def test_current_item_starts_the_timer_and_changes_bump_revision(session):
    w = world(session)
    before = meetings.revision(session, w.meeting_id)
    view = meetings.set_current_item(session, w.facilitator, w.meeting_id, w.item_id)
    assert view.timer_seconds == 15 * 60
    assert 15 * 60 - 5 <= view.timer_remaining() <= 15 * 60
    assert meetings.revision(session, w.meeting_id) > before
    late = view.timer_started_at + dt.timedelta(minutes=16)
    assert view.timer_remaining(late) == -60


def test_open_meeting_cannot_be_deleted_but_a_closed_one_can(session):
    w = world(session)
    with pytest.raises(InvalidInput):
        meetings.delete_meeting(session, w.facilitator, w.meeting_id)
    meetings.close_meeting(session, w.facilitator, w.meeting_id)
    meetings.delete_meeting(session, w.facilitator, w.meeting_id)
    assert meetings.list_meetings(session, w.facilitator, w.workshop_id) == []


def test_removing_the_current_item_clears_it(session):
    w = world(session)
    meetings.set_current_item(session, w.facilitator, w.meeting_id, w.item_id)
    meetings.remove_agenda_item(session, w.facilitator, w.item_id)
    view = meetings.get_meeting(session, w.facilitator, w.meeting_id)
    assert view.current_item_id is None and view.agenda == ()
