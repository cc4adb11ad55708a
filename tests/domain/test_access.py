"""A participant or facilitator of workshop X cannot read or write workshop Y."""

import pytest
from builders import join, world

from workshop import meetings, notes, participants, workshops
from workshop.errors import InvalidInput, NotFound


@pytest.fixture
def two_worlds(session):
    x = world(session, "fasi_x")
    y = world(session, "fasi_y")
    return x, y, join(session, x, "Xavier"), join(session, y, "Ylva")


def test_participant_cannot_read_or_write_another_workshop(session, two_worlds):
    x, y, px, py = two_worlds
    notes.add_note(session, py, y.item_id, "Y:n salaisuus")
    with pytest.raises(NotFound):
        workshops.get_workshop(session, px, y.workshop_id)
    with pytest.raises(NotFound):
        meetings.get_meeting(session, px, y.meeting_id)
    with pytest.raises(NotFound):
        notes.list_notes(session, px, y.item_id)
    with pytest.raises(NotFound):
        notes.add_note(session, px, y.item_id, "tunkeutuja")
    assert meetings.current_meeting_for(session, px, x.workshop_id).id == x.meeting_id
    with pytest.raises(NotFound):
        meetings.current_meeting_for(session, px, y.workshop_id)


def test_participant_cannot_change_another_participants_note(session, two_worlds):
    x, _y, px, _py = two_worlds
    other = join(session, x, "Toinen")
    note_id, _ = notes.add_note(session, other, x.item_id, "minun")
    with pytest.raises(NotFound):
        notes.edit_note(session, px, note_id, 1, "muutettu")
    with pytest.raises(NotFound):
        notes.withdraw_note(session, px, note_id, 1)
    with pytest.raises(NotFound):
        notes.hide_note(session, px, note_id)


def test_facilitator_sees_only_own_or_invited_workshops(session, two_worlds):
    x, y, _px, _py = two_worlds
    assert [w.id for w in workshops.list_workshops(session, x.facilitator)] == [x.workshop_id]
    for call in (
        lambda: workshops.get_workshop(session, x.facilitator, y.workshop_id),
        lambda: meetings.get_meeting(session, x.facilitator, y.meeting_id),
        lambda: meetings.open_meeting(session, x.facilitator, y.meeting_id),
        lambda: notes.list_notes(session, x.facilitator, y.item_id),
        lambda: participants.presence(session, x.facilitator, y.workshop_id),
    ):
        with pytest.raises(NotFound):
            call()
    workshops.invite_facilitator(session, y.facilitator, y.workshop_id, "fasi_x")
    assert {w.id for w in workshops.list_workshops(session, x.facilitator)} == {
        x.workshop_id, y.workshop_id}
    assert meetings.get_meeting(session, x.facilitator, y.meeting_id).id == y.meeting_id


def test_closed_meeting_is_invisible_and_read_only_for_participants(session, two_worlds):
    x, _y, px, _py = two_worlds
    meetings.close_meeting(session, x.facilitator, x.meeting_id)
    with pytest.raises(NotFound):
        meetings.get_meeting(session, px, x.meeting_id)
    with pytest.raises(NotFound):
        notes.add_note(session, px, x.item_id, "myöhässä")
    assert meetings.current_meeting_for(session, px, x.workshop_id) is None


def test_closed_activity_takes_no_contributions(session, two_worlds):
    x, _y, px, _py = two_worlds
    meetings.set_item_flags(session, x.facilitator, x.item_id, contributions_open=False)
    with pytest.raises(InvalidInput) as caught:
        notes.add_note(session, px, x.item_id, "liian myöhään")
    assert caught.value.key == "error.contributions_closed"


def test_participants_cannot_use_facilitator_functions(session, two_worlds):
    x, _y, px, _py = two_worlds
    with pytest.raises(NotFound):
        meetings.close_meeting(session, px, x.meeting_id)
    with pytest.raises(NotFound):
        meetings.add_agenda_item(session, px, x.meeting_id, title="Oma kohta")
    with pytest.raises(NotFound):
        participants.list_participants(session, px, x.workshop_id)
    assert workshops.list_workshops(session, px) == []
