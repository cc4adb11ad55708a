"""Personas: group writing with limits, versions and agreement, comment round, reactions."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest
from builders import join, world
from sqlalchemy import func, select

from workshop import db, demo_personas, groups, meetings, personas
from workshop.access import FacilitatorActor, ParticipantActor
from workshop.errors import AccessDenied, InvalidInput, NotFound, StaleEdit
from workshop.model_personas import PersonaReaction, PersonaVersion

ROLES = ["client_rep", "professional", "client_rep", "professional", "ngo_parish",
         "expert_by_experience", "client_rep", "professional"]


@dataclass
class Room:
    facilitator: FacilitatorActor
    workshop_id: int
    meeting_id: int
    item_id: int
    people: list[ParticipantActor]


def persona_room(session, username: str = "fasi", count: int = 8, size: int = 4) -> Room:
    """An open meeting with a personas item, ``count`` participants in groups of ``size``."""
    w = world(session, username)
    item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title="Persoonat",
                                    activity_type="personas")
    meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    people = [join(session, w, f"{username}{i}", ROLES[i % len(ROLES)]) for i in range(count)]
    groups.form_groups(session, w.facilitator, item.id, size=size, seed=7)
    return Room(w.facilitator, w.workshop_id, w.meeting_id, item.id, people)


def group_of(session, room: Room, person: ParticipantActor) -> int:
    mine = groups.my_group(session, person, room.item_id)
    assert mine is not None
    return mine.id


def mates(session, room: Room) -> tuple[ParticipantActor, ParticipantActor, ParticipantActor]:
    """Two members of one group and somebody from another group."""
    first = room.people[0]
    gid = group_of(session, room, first)
    same = next(p for p in room.people[1:] if group_of(session, room, p) == gid)
    other = next(p for p in room.people[1:] if group_of(session, room, p) != gid)
    return first, same, other


FULL = {
    "age_group": "35_44",
    "life_situation": "Työtön, asuu yksin vuokrayksiössä.",
    "background": "Pitkä ura varastossa, selkävamma.",
    "strengths": "Huumorintaju, korjaa polkupyöriä.",
    "needs": "Yksi ihminen, joka pitää langat käsissä.",
    "hard_now": "Laskut kasautuvat.",
    "who_around": "Sisko tukee, entinen työkaveri kuormittaa.",
    "asking_hard": "Häpeä ja aiemmat huonot kokemukset.",
    "change_wanted": "Haluaa päiviinsä rytmin.",
    "how_to_get_there": "Sosiaaliohjaaja, joka tulee kotiin.",
    "value_functional": "Laskut hoidossa.",
    "value_social": "Pääsee pyöräpajaan porukkaan.",
    "value_emotional": "Häpeä helpottaa.",
}


# --- writing, access and limits -------------------------------------------------------------

def test_group_member_writes_a_full_persona_with_value_triad(session):
    room = persona_room(session)
    writer = room.people[0]
    pid, created = personas.add_persona(session, writer, room.item_id, name="Jari", **FULL)
    assert created
    view = personas.get_persona(session, writer, pid)
    assert view.name == "Jari" and view.content() == {"name": "Jari", **FULL}
    assert view.version == 1 and view.can_edit and view.group_number is not None
    assert len(view.group_roles) >= 3 and view.agreed_version is None
    assert [v.number for v in personas.versions(session, writer, pid)] == [1]


def test_list_personas_for_service_paths(session):
    room = persona_room(session)
    pid, _ = personas.add_persona(session, room.people[0], room.item_id, name="Jari")
    listed = personas.list_personas(session, room.facilitator, room.workshop_id)
    assert [(p.id, p.name) for p in listed] == [(pid, "Jari")]
    assert [p.id for p in personas.list_personas(session, room.people[3], room.workshop_id)] \
        == [pid]


def test_other_workshops_participant_can_neither_read_nor_write(session):
    room = persona_room(session)
    pid, _ = personas.add_persona(session, room.people[0], room.item_id, name="Jari")
    stranger_room = persona_room(session, "vieras", count=2)
    stranger = stranger_room.people[0]
    with pytest.raises(NotFound):
        personas.get_persona(session, stranger, pid)
    with pytest.raises(NotFound):
        personas.list_personas(session, stranger, room.workshop_id)
    with pytest.raises(NotFound):
        personas.edit_persona(session, stranger, pid, 1, name="Hakkeroitu")
    with pytest.raises(NotFound):
        personas.add_persona(session, stranger, room.item_id, name="Väärä työpaja")
    with pytest.raises(NotFound):
        personas.versions(session, stranger, pid)
    other_facilitator = stranger_room.facilitator
    with pytest.raises(NotFound):
        personas.edit_persona(session, other_facilitator, pid, 1, name="Hakkeroitu")
    with pytest.raises(NotFound):
        personas.mark_agreed(session, other_facilitator, pid, 1)
    assert personas.get_persona(session, room.facilitator, pid).name == "Jari"


def test_only_own_groups_members_edit_and_facilitator_edits_all(session):
    room = persona_room(session)
    writer, mate, outsider = mates(session, room)
    pid, _ = personas.add_persona(session, writer, room.item_id, name="Jari")
    assert personas.edit_persona(session, mate, pid, 1, needs="Tukea") == 2
    with pytest.raises(AccessDenied) as caught:
        personas.edit_persona(session, outsider, pid, 2, needs="Ei saa")
    assert caught.value.key == "error.persona.not_your_group"
    assert not personas.get_persona(session, outsider, pid).can_edit
    assert personas.edit_persona(session, room.facilitator, pid, 2, needs="Tiivistetty") == 3
    meetings.set_item_flags(session, room.facilitator, room.item_id, contributions_open=False)
    with pytest.raises(InvalidInput) as closed:
        personas.edit_persona(session, writer, pid, 3, needs="Liian myöhään")
    assert closed.value.key == "error.contributions_closed"
    assert personas.edit_persona(session, room.facilitator, pid, 3, needs="Jälkikäteen") == 4


def test_one_to_three_personas_per_group(session):
    room = persona_room(session)
    writer, mate, outsider = mates(session, room)
    for n in range(personas.MAX_PER_GROUP):
        personas.add_persona(session, (writer, mate)[n % 2], room.item_id, name=f"P{n}")
    with pytest.raises(InvalidInput) as caught:
        personas.add_persona(session, mate, room.item_id, name="Neljäs")
    assert caught.value.key == "error.persona.group_limit"
    assert caught.value.params == {"max": 3}
    personas.add_persona(session, outsider, room.item_id, name="Toisen ryhmän")  # own limit
    first = personas.list_personas(session, writer, room.workshop_id)[0]
    personas.withdraw_persona(session, writer, first.id, first.version)  # frees a place
    personas.add_persona(session, mate, room.item_id, name="Neljäs")
    names = [p.name for p in personas.list_personas(session, room.facilitator, room.workshop_id)]
    assert len(names) == 4 and "P0" not in names


def test_repeated_client_key_returns_first_even_at_the_limit(session):
    room = persona_room(session)
    writer = room.people[0]
    ids = [personas.add_persona(session, writer, room.item_id, name=f"P{n}",
                                client_key=f"key-{n}-abcdef")[0] for n in range(3)]
    again = personas.add_persona(session, writer, room.item_id, name="P2",
                                 client_key="key-2-abcdef")
    assert again == (ids[2], False)


def test_no_groups_yet_gives_a_clear_message(session):
    w = world(session)
    item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title="Persoonat",
                                    activity_type="personas")
    meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    p = join(session, w)
    with pytest.raises(InvalidInput) as caught:
        personas.add_persona(session, p, item.id, name="Jari")
    assert caught.value.key == "error.persona.no_group"
    with pytest.raises(InvalidInput) as wrong:
        personas.add_persona(session, p, w.item_id, name="Väärä aktiviteetti")
    assert wrong.value.key == "error.persona.wrong_activity"


def test_late_joiner_ends_up_in_a_group_and_can_edit(session):
    room = persona_room(session, count=6)
    pid, _ = personas.add_persona(session, room.people[0], room.item_id, name="Jari")
    late = join(session, world_of(room), "Myöhässä", "expert_by_experience")
    second, _ = personas.add_persona(session, late, room.item_id, name="Myöhäisen persoona")
    mine = groups.my_group(session, late, room.item_id, join_if_missing=False)
    assert mine is not None
    view = personas.get_persona(session, late, second)
    assert view.group_id == mine.id and view.can_edit
    assert personas.edit_persona(session, late, second, 1, needs="Lisätty") == 2
    if personas.get_persona(session, room.facilitator, pid).group_id == mine.id:
        assert personas.edit_persona(session, late, pid, 1, needs="Myös tämä") == 2


def world_of(room: Room):
    from builders import World

    return World(room.facilitator, room.workshop_id, room.meeting_id, room.item_id)


def test_following_persona_item_continues_with_the_same_groups(session):
    room = persona_room(session)
    writer, mate, outsider = mates(session, room)
    pid, _ = personas.add_persona(session, writer, room.item_id, name="Jari")
    questions = meetings.add_agenda_item(session, room.facilitator, room.meeting_id,
                                         title="Kohdennetut kysymykset",
                                         activity_type="personas")
    meetings.set_item_flags(session, room.facilitator, room.item_id, contributions_open=False)
    meetings.set_item_flags(session, room.facilitator, questions.id, contributions_open=True)
    assert personas.group_item_id(session, mate, questions.id) == room.item_id
    board = personas.item_personas(session, mate, questions.id)
    assert [p.id for p in board.this_meeting] == [pid] and board.earlier == ()
    assert personas.edit_persona(session, mate, pid, 1, change_wanted="Rytmi") == 2
    second, _ = personas.add_persona(session, outsider, questions.id, name="Toinen")
    assert personas.get_persona(session, outsider, second).group_id \
        == group_of(session, room, outsider)


# --- versions -------------------------------------------------------------------------------

def test_every_save_keeps_a_version_and_agreed_version_is_marked(session):
    room = persona_room(session)
    writer, mate, _ = mates(session, room)
    pid, _ = personas.add_persona(session, writer, room.item_id, name="Jari", needs="eka")
    personas.edit_persona(session, mate, pid, 1, needs="toka")
    personas.edit_persona(session, writer, pid, 2, needs="kolmas")
    assert personas.edit_persona(session, writer, pid, 3, needs="kolmas") == 3  # no change
    history = personas.versions(session, writer, pid)
    assert [(v.number, v.content["needs"]) for v in history] == [
        (1, "eka"), (2, "toka"), (3, "kolmas")]
    assert all(v.author_role is not None and v.author_name is None for v in history)
    assert not any(v.agreed for v in history)
    with pytest.raises(NotFound):
        personas.mark_agreed(session, writer, pid, 2)  # facilitators only
    personas.mark_agreed(session, room.facilitator, pid, 2)
    assert personas.get_persona(session, writer, pid).agreed_version == 2
    personas.mark_agreed(session, room.facilitator, pid, 3)
    history = personas.versions(session, room.facilitator, pid)
    assert [v.number for v in history if v.agreed] == [3]
    assert len(history) == 3 and history[0].author_name is not None  # earlier ones kept
    with pytest.raises(NotFound):
        personas.mark_agreed(session, room.facilitator, pid, 99)
    personas.mark_agreed(session, room.facilitator, pid, None)
    assert personas.get_persona(session, writer, pid).agreed_version is None


def test_stale_edit_is_refused_and_the_stored_text_kept(session):
    room = persona_room(session)
    writer, mate, _ = mates(session, room)
    pid, _ = personas.add_persona(session, writer, room.item_id, name="Jari")
    personas.edit_persona(session, writer, pid, 1, needs="ensin tallennettu")
    with pytest.raises(StaleEdit):
        personas.edit_persona(session, mate, pid, 1, needs="vanhasta versiosta")
    view = personas.get_persona(session, mate, pid)
    assert view.needs == "ensin tallennettu" and view.version == 2
    assert len(personas.versions(session, mate, pid)) == 2


def test_concurrent_edits_one_wins_the_other_is_stale(engine):
    with db.transaction(engine) as s:
        room = persona_room(s)
        writer, mate, _ = mates(s, room)
        pid, _ = personas.add_persona(s, writer, room.item_id, name="Jari")
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def edit(actor: ParticipantActor, text: str) -> None:
        barrier.wait()
        try:
            with db.transaction(engine) as s:
                personas.edit_persona(s, actor, pid, 1, needs=text)
            outcomes.append("ok")
        except StaleEdit:
            outcomes.append("stale")

    threads = [threading.Thread(target=edit, args=a) for a in ((writer, "A"), (mate, "B"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "stale"]
    with db.transaction(engine) as s:
        history = personas.versions(s, room.facilitator, pid)
        assert [v.number for v in history] == [1, 2]
        assert history[1].content["needs"] in {"A", "B"}
        assert personas.get_persona(s, room.facilitator, pid).needs == history[1].content["needs"]


def test_concurrent_creates_respect_the_group_limit(engine):
    with db.transaction(engine) as s:
        room = persona_room(s, count=8, size=4)
        writer, mate, _ = mates(s, room)
        personas.add_persona(s, writer, room.item_id, name="Eka")
        personas.add_persona(s, writer, room.item_id, name="Toka")
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def create(actor: ParticipantActor, name: str) -> None:
        barrier.wait()
        try:
            with db.transaction(engine) as s:
                personas.add_persona(s, actor, room.item_id, name=name)
            outcomes.append("ok")
        except InvalidInput as error:
            outcomes.append(error.key)

    threads = [threading.Thread(target=create, args=a) for a in ((writer, "A"), (mate, "B"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["error.persona.group_limit", "ok"]
    with db.transaction(engine) as s:
        assert len(personas.list_personas(s, room.facilitator, room.workshop_id)) == 3


# --- hostile text ---------------------------------------------------------------------------

HOSTILE = [
    "<script>alert('x')</script>",
    "😀🌱 emoji 👩🏽‍⚕️",
    "עברית ومرحبا RTL \u202e reversed",
    "**markdown** [link](http://example.com) ![img](http://example.com/x.png)",
    "rivi 1\nrivi 2\n\n\trivi 3",
    "x" * personas.MAX_FIELD_LENGTH,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_but_legal_text_is_stored_exactly(session, text):
    room = persona_room(session, count=4)
    writer = room.people[0]
    name = text.replace("\n", " ")[: personas.MAX_NAME_LENGTH].strip()
    pid, _ = personas.add_persona(session, writer, room.item_id, name=name, needs=text,
                                  value_emotional=text)
    view = personas.get_persona(session, writer, pid)
    assert (view.name, view.needs, view.value_emotional) == (name, text, text)
    assert personas.versions(session, writer, pid)[0].content["needs"] == text


@pytest.mark.parametrize("fields,key", [
    ({"name": ""}, "error.text.required"),
    ({"name": "  \u200b "}, "error.text.required"),
    ({"name": "a\nb"}, "error.text.one_line"),
    ({"name": "x" * 121}, "error.text.too_long"),
    ({"name": "Jari", "needs": "x" * 50_000}, "error.text.too_long"),
    ({"name": "Jari", "needs": "a\x00b"}, "error.text.control_characters"),
    ({"name": "Jari", "value_social": "a\x1bb"}, "error.text.control_characters"),
    ({"name": "Jari", "needs": 12}, "error.text.not_text"),
    ({"name": "Jari", "age_group": "ikuinen"}, "error.choice"),
    ({"name": "Jari", "salary": "x"}, "error.invalid_input"),
])
def test_bad_input_is_refused_with_a_reason(session, fields, key):
    room = persona_room(session, count=4)
    with pytest.raises(InvalidInput) as caught:
        personas.add_persona(session, room.people[0], room.item_id, **fields)
    assert caught.value.key == key
    assert personas.list_personas(session, room.facilitator, room.workshop_id) == []


def test_bad_edit_leaves_the_persona_unchanged(session):
    room = persona_room(session, count=4)
    pid, _ = personas.add_persona(session, room.people[0], room.item_id, name="Jari")
    with pytest.raises(InvalidInput):
        personas.edit_persona(session, room.people[0], pid, 1, needs="x" * 50_000)
    assert personas.get_persona(session, room.people[0], pid).version == 1


# --- the next meeting's comment round -------------------------------------------------------

def next_meeting(session, room: Room) -> int:
    """Close the writing meeting and open a later one with a persona comment round."""
    meetings.close_meeting(session, room.facilitator, room.meeting_id)
    later = meetings.plan_meeting(session, room.facilitator, room.workshop_id,
                                  title="Palvelupolut", phase="paths")
    item = meetings.add_agenda_item(session, room.facilitator, later.id,
                                    title="Kommentit persoonista", activity_type="personas")
    meetings.open_meeting(session, room.facilitator, later.id)
    meetings.set_item_flags(session, room.facilitator, item.id, contributions_open=True)
    return item.id


def test_next_meeting_comments_reacts_and_facilitator_summarises(session):
    room = persona_room(session)
    writer, mate, outsider = mates(session, room)
    pid, _ = personas.add_persona(session, writer, room.item_id, name="Jari", **FULL)
    personas.edit_persona(session, mate, pid, 1, needs="Yksi tuttu työntekijä")
    comment_item = next_meeting(session, room)
    board = personas.item_personas(session, outsider, comment_item)
    assert [p.id for p in board.earlier] == [pid] and board.this_meeting == ()
    assert board.group_item_id is None
    assert not board.earlier[0].can_edit  # the writing meeting is closed
    with pytest.raises(NotFound) as closed:
        personas.edit_persona(session, writer, pid, 2, needs="Ei enää")
    assert closed.value.key == "error.meeting_not_open"

    cid, created = personas.add_comment(session, outsider, comment_item, pid,
                                        "Entä läheisten rooli?", client_key="comment-key-1")
    assert created
    assert personas.add_comment(session, outsider, comment_item, pid, "Entä läheisten rooli?",
                                client_key="comment-key-1") == (cid, False)
    personas.add_comment(session, writer, comment_item, pid, "<script>x</script> 👍")
    shown = personas.list_comments(session, mate, pid)
    assert [c.text for c in shown] == ["Entä läheisten rooli?", "<script>x</script> 👍"]
    assert all(c.author.name is None and c.author.role for c in shown)

    assert personas.react(session, outsider, comment_item, pid, "agree")
    assert not personas.react(session, outsider, comment_item, pid, "agree")  # idempotent
    assert personas.react(session, mate, comment_item, pid, "question")
    assert personas.react(session, writer, comment_item, pid, "agree")
    assert personas.react(session, writer, comment_item, pid, "question")  # replaces
    view = personas.get_persona(session, writer, pid)
    assert view.reactions == {"agree": 1, "question": 2} and view.my_reaction == "question"
    assert view.comment_count == 2
    assert personas.react(session, writer, comment_item, pid, None)
    assert not personas.react(session, writer, comment_item, pid, None)
    assert session.scalar(select(func.count()).select_from(PersonaReaction)) == 2
    with pytest.raises(InvalidInput):
        personas.react(session, writer, comment_item, pid, "❤️")
    with pytest.raises(NotFound):
        personas.react(session, room.facilitator, comment_item, pid, "agree")

    version = personas.save_summary(session, room.facilitator, pid, 0,
                                    "Läheisten rooli puuttuu; tarkennetaan.")
    assert version == 1
    with pytest.raises(StaleEdit):
        personas.save_summary(session, room.facilitator, pid, 0, "Toinen ensimmäinen")
    assert personas.save_summary(session, room.facilitator, pid, 1, "Päivitetty") == 2
    with pytest.raises(NotFound):
        personas.save_summary(session, outsider, pid, 2, "Osallistuja ei tiivistä")
    personas.mark_agreed(session, room.facilitator, pid, 2)
    final = personas.get_persona(session, outsider, pid)
    assert (final.summary, final.summary_version, final.agreed_version) == ("Päivitetty", 2, 2)


def test_comment_moderation_and_reaction_access(session):
    room = persona_room(session)
    writer, _mate, outsider = mates(session, room)
    pid, _ = personas.add_persona(session, writer, room.item_id, name="Jari")
    comment_item = next_meeting(session, room)
    cid, _ = personas.add_comment(session, outsider, comment_item, pid, "asiaton")
    personas.hide_comment(session, room.facilitator, cid)
    assert personas.list_comments(session, writer, pid) == []
    [kept] = personas.list_comments(session, room.facilitator, pid)
    assert kept.hidden and kept.text == "asiaton"
    own, _ = personas.add_comment(session, writer, comment_item, pid, "oma")
    assert personas.edit_comment(session, writer, own, 1, "oma korjattu") == 2
    with pytest.raises(NotFound):
        personas.edit_comment(session, outsider, own, 2, "toisen")
    personas.withdraw_comment(session, writer, own, 2)
    assert personas.list_comments(session, writer, pid) == []
    with pytest.raises(InvalidInput):
        personas.add_comment(session, writer, comment_item, pid, "")
    with pytest.raises(InvalidInput):
        personas.add_comment(session, writer, comment_item, pid, "x" * 50_000)
    stranger = persona_room(session, "vieras", count=2).people[0]
    with pytest.raises(NotFound):
        personas.add_comment(session, stranger, comment_item, pid, "ulkopuolinen")
    with pytest.raises(NotFound):
        personas.react(session, stranger, comment_item, pid, "agree")
    meetings.set_item_flags(session, room.facilitator, comment_item, contributions_open=False)
    with pytest.raises(InvalidInput):
        personas.react(session, writer, comment_item, pid, "agree")


def test_hidden_persona_is_not_shown_to_participants(session):
    room = persona_room(session)
    pid, _ = personas.add_persona(session, room.people[0], room.item_id, name="Asiaton")
    before = meetings.revision(session, room.meeting_id)
    personas.hide_persona(session, room.facilitator, pid)
    assert meetings.revision(session, room.meeting_id) > before
    assert personas.list_personas(session, room.people[1], room.workshop_id) == []
    with pytest.raises(NotFound):
        personas.get_persona(session, room.people[0], pid)
    assert personas.list_personas(session, room.facilitator, room.workshop_id)[0].hidden
    with pytest.raises(NotFound):
        personas.hide_persona(session, room.people[0], pid, False)


def test_concurrent_double_reaction_stores_one(engine):
    with db.transaction(engine) as s:
        room = persona_room(s, count=4)
        pid, _ = personas.add_persona(s, room.people[0], room.item_id, name="Jari")
        comment_item = next_meeting(s, room)
    reactor = room.people[1]
    barrier = threading.Barrier(2)
    errors: list[Exception] = []

    def click() -> None:
        barrier.wait()
        try:
            with db.transaction(engine) as s:
                personas.react(s, reactor, comment_item, pid, "agree")
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=click) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with db.transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(PersonaReaction)) == 1


def test_every_change_moves_the_live_revision(session):
    room = persona_room(session)
    writer = room.people[0]
    before = meetings.revision(session, room.meeting_id)
    pid, _ = personas.add_persona(session, writer, room.item_id, name="Jari")
    after_add = meetings.revision(session, room.meeting_id)
    assert after_add > before
    personas.edit_persona(session, writer, pid, 1, needs="x")
    assert meetings.revision(session, room.meeting_id) > after_add


# --- demo data ------------------------------------------------------------------------------

def test_demo_personas_are_realistic_and_complete(session):
    room = persona_room(session, count=4)
    ids = demo_personas.seed_personas(session, room.facilitator, room.workshop_id,
                                      room.meeting_id, room.item_id)
    assert len(ids) == 2
    for pid in ids:
        view = personas.get_persona(session, room.facilitator, pid)
        assert view.name and view.age_group in personas.AGE_GROUPS
        assert all(view.text(f) for f in (*personas.TEXT_FIELDS, *personas.VALUE_FIELDS))
        assert view.comment_count >= 1
    agreed = [personas.get_persona(session, room.facilitator, pid).agreed_version
              for pid in ids]
    assert sum(v is not None for v in agreed) >= 1
    assert session.scalar(select(func.count()).select_from(PersonaVersion)) >= 3


def test_every_content_field_has_a_label():
    assert set(personas.FIELD_KEYS) == set(personas.CONTENT_FIELDS)


def test_new_groups_over_written_work_need_confirming_and_keep_the_work(session):
    """Forming groups again after a group wrote a persona keeps the persona but loses which
    group wrote it: refused until the facilitator confirms, and then the persona stays."""
    room = persona_room(session, "ryhmat")
    assert groups.written_in_groups(session, room.facilitator, room.item_id).total == 0
    pid, _ = personas.add_persona(session, room.people[0], room.item_id, name="Jari")
    assert groups.written_in_groups(session, room.facilitator, room.item_id) == \
        groups.GroupWork(kept=1, removed=0)
    before = [g.id for g in groups.groups_for_item(session, room.facilitator, room.item_id)]
    with pytest.raises(InvalidInput) as refused:
        groups.form_groups(session, room.facilitator, room.item_id, size=4, seed=8)
    assert refused.value.key == "error.groups.written"
    assert refused.value.params["count"] == 1
    assert [g.id for g in groups.groups_for_item(session, room.facilitator,
                                                 room.item_id)] == before  # untouched
    groups.form_groups(session, room.facilitator, room.item_id, size=4, seed=8,
                       replace_written=True)
    assert groups.written_in_groups(session, room.facilitator, room.item_id).total == 0
    assert session.get(personas.Persona, pid).name == "Jari"  # the work itself is kept
    outsider = persona_room(session, "muut")
    with pytest.raises(NotFound):
        groups.written_in_groups(session, outsider.facilitator, room.item_id)
