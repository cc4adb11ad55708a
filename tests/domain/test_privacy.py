import json

import pytest
from builders import join, world

from workshop import notes, participants, privacy
from workshop.errors import NotFound
from workshop.models import Meeting


def test_participant_export_contains_their_records_and_no_secrets(session):
    w = world(session)
    p = join(session, w, "Aino 🌱")
    other = join(session, w, "Toinen")
    notes.add_note(session, p, w.item_id, "minun ideani")
    notes.add_note(session, other, w.item_id, "toisen idea")
    data = privacy.participant_export(session, w.facilitator, p.participant_id)
    text = json.dumps(data, ensure_ascii=False)
    assert data["participant"]["display_name"] == "Aino 🌱"
    assert "token_hash" not in text
    assert [r["text"] for r in data["records"]["notes"]] == ["minun ideani"]
    assert "toisen idea" not in text


@pytest.mark.parametrize("delete_contributions", [False, True])
def test_erase_participant(session, delete_contributions):
    w = world(session)
    p = join(session, w, "Aino")
    token_owner = participants.join(session, session.get(Meeting, w.meeting_id),
                                    display_name="Linkki", role="other")
    notes.add_note(session, p, w.item_id, "jää tai lähtee")
    privacy.erase_participant(session, w.facilitator, p.participant_id,
                              delete_contributions=delete_contributions)
    listed = notes.list_notes(session, w.facilitator, w.item_id)
    if delete_contributions:
        assert listed == []
    else:
        assert [n.text for n in listed] == ["jää tai lähtee"]
        assert listed[0].author.name is None  # shown as a removed participant
    data = privacy.participant_export(session, w.facilitator, p.participant_id)
    assert data["participant"]["display_name"] == privacy.REMOVED_NAME
    assert participants.resume(session, token_owner.token).display_name == "Linkki"
    with pytest.raises(NotFound):
        notes.add_note(session, p, w.item_id, "poistettu ei voi kirjoittaa")


def test_only_the_workshops_facilitator_may_export_or_erase(session):
    w = world(session)
    x = world(session, "toinen")
    p = join(session, w)
    with pytest.raises(NotFound):
        privacy.participant_export(session, x.facilitator, p.participant_id)
    with pytest.raises(NotFound):
        privacy.erase_participant(session, x.facilitator, p.participant_id,
                                  delete_contributions=True)
    with pytest.raises(NotFound):
        privacy.participant_export(session, p, p.participant_id)
