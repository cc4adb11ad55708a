"""Meeting feedback: the workshop's questions, one response per participant per meeting,
bounds, small-group suppression, never-mixed groups and the summary over meetings."""

import threading

import pytest
from builders import join, world
from sqlalchemy import func, select

from workshop import db, feedback, meetings, workshops
from workshop.content.methods import DEFAULT_FEEDBACK_ITEMS, FEEDBACK_MIN_RESPONDENTS
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.i18n import t
from workshop.model_cafe_feedback import FeedbackAnswer, FeedbackQuestion, FeedbackResponse

CLIENT, WORKER, OTHER = "client_rep", "professional", "other"


def _feedback_world(session, username="fasi", language="fi"):
    w = world(session, username)
    if language != "fi":
        workshops.update_workshop(session, w.facilitator, w.workshop_id,
                                  name=f"Työpaja {username}", theme="", organisation="",
                                  language=language, description="")
    item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title="Palaute",
                                    activity_type="feedback")
    meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    return w, item.id


def _ids(session, w):
    qs = feedback.list_questions(session, w.facilitator, w.workshop_id)
    return [q.id for q in qs if q.kind == "scale"], [q.id for q in qs if q.kind == "text"]


def _answer(session, w, item_id, role, score, text=None, name="P"):
    p = join(session, w, name, role)
    scales, texts = _ids(session, w)
    answers = {qid: score for qid in scales}
    if text is not None:
        answers[texts[0]] = text
    feedback.submit_feedback(session, p, item_id, answers)
    return p


# --- questions ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fi", "en"])
def test_questions_seeded_once_in_workshop_language(session, language):
    w, _item = _feedback_world(session, language=language)
    listed = feedback.list_questions(session, w.facilitator, w.workshop_id)
    assert [(q.kind, q.text) for q in listed] == [
        (d.kind, t(d.text_key, language)) for d in DEFAULT_FEEDBACK_ITEMS]
    for q in listed:
        feedback.remove_question(session, w.facilitator, q.id)
    assert feedback.list_questions(session, w.facilitator, w.workshop_id) == []  # not re-seeded


def test_add_edit_move_and_remove_unused_questions(session):
    w, _item = _feedback_world(session)
    added = feedback.add_question(session, w.facilitator, w.workshop_id, "scale",
                                  "Tauot olivat riittäviä.")
    assert feedback.list_questions(session, w.facilitator, w.workshop_id)[-1].id == added.id
    edited = feedback.edit_question(session, w.facilitator, added.id, added.version,
                                    "Taukoja oli tarpeeksi.")
    assert edited.id == added.id and edited.text == "Taukoja oli tarpeeksi."
    with pytest.raises(StaleEdit):
        feedback.edit_question(session, w.facilitator, added.id, added.version, "vanha")
    feedback.move_question(session, w.facilitator, added.id, -100)
    assert feedback.list_questions(session, w.facilitator, w.workshop_id)[0].id == added.id
    assert feedback.remove_question(session, w.facilitator, added.id) is True  # deleted
    assert session.get(FeedbackQuestion, added.id) is None
    for bad_kind in ("stars", None):
        with pytest.raises(InvalidInput):
            feedback.add_question(session, w.facilitator, w.workshop_id, bad_kind, "x")
    with pytest.raises(InvalidInput):
        feedback.add_question(session, w.facilitator, w.workshop_id, "text", "rivi\ntoinen")


def test_answered_question_is_retired_not_deleted_and_rewording_keeps_old_answers(session):
    w, item_id = _feedback_world(session)
    scales, _texts = _ids(session, w)
    p = join(session, w, "Aino", CLIENT)
    feedback.submit_feedback(session, p, item_id, {scales[0]: 4})
    first = feedback.list_questions(session, w.facilitator, w.workshop_id)[0]
    assert first.answered
    reworded = feedback.edit_question(session, w.facilitator, first.id, first.version,
                                      "Sain sanoa sanottavani.")
    assert reworded.id != first.id and reworded.position == first.position
    old = session.get(FeedbackQuestion, first.id)
    assert old.retired and old.text == t(DEFAULT_FEEDBACK_ITEMS[0].text_key, "fi")
    assert session.scalar(select(FeedbackAnswer.score).where(
        FeedbackAnswer.question_id == first.id)) == 4
    assert feedback.remove_question(session, w.facilitator, first.id) is False
    active = feedback.list_questions(session, w.facilitator, w.workshop_id)
    assert first.id not in [q.id for q in active] and active[0].id == reworded.id
    everything = feedback.list_questions(session, w.facilitator, w.workshop_id,
                                         include_retired=True)
    assert first.id in [q.id for q in everything]
    restored = feedback.restore_question(session, w.facilitator, first.id)
    assert not restored.retired


# --- answering ----------------------------------------------------------------------------------


def test_one_response_per_participant_and_resubmit_updates_it(session):
    w, item_id = _feedback_world(session)
    scales, texts = _ids(session, w)
    p = join(session, w, "Aino", CLIENT)
    first = feedback.submit_feedback(session, p, item_id, {scales[0]: 2, texts[0]: "Hyvä"},
                                     client_key="a" * 20, expected_version=0)
    assert first.created and first.version == 1
    again = feedback.submit_feedback(session, p, item_id, {scales[0]: 2, texts[0]: "Hyvä"},
                                     client_key="a" * 20, expected_version=0)
    assert again == feedback.SubmitResult(first.response_id, 1, False, False)  # double click
    same = feedback.submit_feedback(session, p, item_id, {scales[0]: 2, texts[0]: "Hyvä"},
                                    client_key="b" * 20, expected_version=1)
    assert not same.changed and same.version == 1  # nothing new: nothing changes
    updated = feedback.submit_feedback(session, p, item_id, {scales[0]: 5, scales[1]: 3},
                                       client_key="c" * 20, expected_version=1)
    assert updated.response_id == first.response_id and updated.version == 2 and updated.changed
    mine = feedback.my_feedback(session, p, item_id)
    assert mine.version == 2 and mine.scores == {scales[0]: 5, scales[1]: 3} and mine.texts == {}
    assert session.scalar(select(func.count()).select_from(FeedbackResponse)) == 1
    with pytest.raises(StaleEdit):  # a form filled from version 1 in another tab
        feedback.submit_feedback(session, p, item_id, {scales[0]: 1}, expected_version=1)
    with pytest.raises(StaleEdit):  # a form that saw no answers, but there are some now
        feedback.submit_feedback(session, p, item_id, {scales[0]: 1}, expected_version=0)


def test_concurrent_first_submits_store_one_response(engine):
    with db.transaction(engine) as s:
        w, item_id = _feedback_world(s)
        p = join(s, w, "Aino", CLIENT)
        scales, _texts = _ids(s, w)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit(score: int, key: str) -> None:
        barrier.wait()
        try:
            with db.transaction(engine) as s:
                feedback.submit_feedback(s, p, item_id, {scales[0]: score}, client_key=key)
            outcomes.append("ok")
        except StaleEdit:
            outcomes.append("stale")

    threads = [threading.Thread(target=submit, args=(n, k * 12))
               for n, k in ((1, "x"), (5, "y"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == ["ok", "ok"]
    with db.transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(FeedbackResponse)) == 1
        assert s.scalar(select(func.count()).select_from(FeedbackAnswer)) == 1


def test_scale_answers_are_integers_from_1_to_5(session):
    w, item_id = _feedback_world(session)
    scales, _texts = _ids(session, w)
    p = join(session, w)
    for score in (0, 6, -1, 3.5, 2.0, "4", True, "", [3]):
        with pytest.raises(InvalidInput) as caught:
            feedback.submit_feedback(session, p, item_id, {scales[0]: score})
        assert caught.value.key in {"error.number.range", "error.number.not_integer"}, score
    assert session.scalar(select(func.count()).select_from(FeedbackResponse)) == 0
    for score in range(1, 6):
        feedback.submit_feedback(session, p, item_id, {scales[0]: score})
        assert feedback.my_feedback(session, p, item_id).scores == {scales[0]: score}


HOSTILE = [
    "<script>alert('x')</script>", "😀🌱 👩🏽‍⚕️", "עברית ومرحبا \u202e", "**md** [l](http://x)",
    "rivi 1\nrivi 2", "x" * feedback.MAX_ANSWER_LENGTH,
]


def test_hostile_written_answers_are_stored_exactly_and_bad_ones_refused(session):
    w, item_id = _feedback_world(session)
    _scales, texts = _ids(session, w)
    p = join(session, w)
    for text in HOSTILE:
        feedback.submit_feedback(session, p, item_id, {texts[0]: text})
        assert feedback.my_feedback(session, p, item_id).texts == {texts[0]: text}
    for text, key in (("a\x00b", "error.text.control_characters"),
                      ("x" * 50_000, "error.text.too_long"), (12, "error.text.not_text")):
        with pytest.raises(InvalidInput) as caught:
            feedback.submit_feedback(session, p, item_id, {texts[0]: text})
        assert caught.value.key == key
    assert feedback.my_feedback(session, p, item_id).texts == {texts[0]: HOSTILE[-1]}


def test_empty_foreign_and_retired_answers_are_refused(session):
    w, item_id = _feedback_world(session)
    scales, texts = _ids(session, w)
    other, _other_item = _feedback_world(session, "toinen")
    foreign = _ids(session, other)[0][0]
    p = join(session, w)
    for answers, key in (({}, "error.feedback.empty"),
                         ({texts[0]: "   "}, "error.feedback.empty"),
                         ({scales[0]: None}, "error.feedback.empty"),
                         ({foreign: 3}, "error.feedback.questions_changed"),
                         ({"1": 3}, "error.invalid_input")):
        with pytest.raises(InvalidInput) as caught:
            feedback.submit_feedback(session, p, item_id, answers)
        assert caught.value.key == key
    feedback.remove_question(session, w.facilitator, scales[0])  # unused: deleted
    with pytest.raises(InvalidInput):
        feedback.submit_feedback(session, p, item_id, {scales[0]: 3})


def test_only_participants_of_the_open_meeting_answer_while_open(session):
    w, item_id = _feedback_world(session)
    scales, _texts = _ids(session, w)
    with pytest.raises(NotFound):
        feedback.submit_feedback(session, w.facilitator, item_id, {scales[0]: 3})
    other, _other_item = _feedback_world(session, "toinen")
    outsider = join(session, other, "Ulkopuolinen")
    with pytest.raises(NotFound):
        feedback.submit_feedback(session, outsider, item_id, {scales[0]: 3})
    with pytest.raises(NotFound):
        feedback.my_feedback(session, outsider, item_id)
    p = join(session, w)
    meetings.set_item_flags(session, w.facilitator, item_id, contributions_open=False)
    with pytest.raises(InvalidInput) as caught:
        feedback.submit_feedback(session, p, item_id, {scales[0]: 3})
    assert caught.value.key == "error.contributions_closed"
    with pytest.raises(InvalidInput) as caught:  # a notes item is not a feedback form
        feedback.submit_feedback(session, p, w.item_id, {scales[0]: 3})
    assert caught.value.key == "error.feedback.not_a_feedback_item"


# --- results ------------------------------------------------------------------------------------


def test_small_group_is_suppressed_and_shown_once_it_has_three(session):
    assert FEEDBACK_MIN_RESPONDENTS == 3
    w, item_id = _feedback_world(session)
    scales, texts = _ids(session, w)
    _answer(session, w, item_id, CLIENT, 1, "asiakkaan salaisuus", "A1")
    _answer(session, w, item_id, "expert_by_experience", 2, None, "A2")
    for n, score in enumerate((4, 5, 4, 5, 3)):
        _answer(session, w, item_id, WORKER if n % 2 else "ngo_parish", score, f"työ {n}",
                f"T{n}")
    results = feedback.meeting_results(session, w.facilitator, w.meeting_id)
    clients, workers, others = (results.group(g) for g in ("client", "worker", "other"))
    assert not clients.shown and clients.respondents is None and clients.questions == ()
    assert not others.shown
    assert workers.shown and workers.respondents == 5
    first = workers.question(scales[0])
    assert first.answers == 5 and first.mean == 4.2 and first.counts == (0, 0, 1, 2, 2)
    assert workers.question(texts[0]).texts == tuple(f"työ {n}" for n in range(5))
    everything = repr(results)
    assert "asiakkaan salaisuus" not in everything  # a suppressed group leaks nothing
    assert feedback.answer_counts(session, w.facilitator, w.meeting_id) == {
        "client": None, "worker": 5, "other": None}
    _answer(session, w, item_id, CLIENT, 3, None, "A3")
    results = feedback.meeting_results(session, w.facilitator, w.meeting_id)
    clients = results.group("client")
    assert clients.shown and clients.respondents == 3
    assert clients.question(scales[0]).mean == 2.0
    assert clients.question(texts[0]).texts == ("asiakkaan salaisuus",)
    assert results.group("worker").question(scales[0]).mean == 4.2  # never mixed


def test_results_never_mix_groups(session):
    w, item_id = _feedback_world(session)
    scales, _texts = _ids(session, w)
    for n in range(3):
        _answer(session, w, item_id, CLIENT, 1, None, f"A{n}")
        _answer(session, w, item_id, WORKER, 5, None, f"T{n}")
        _answer(session, w, item_id, OTHER, 3, None, f"M{n}")
    results = feedback.meeting_results(session, w.facilitator, w.meeting_id)
    assert [g.group for g in results.groups] == ["client", "worker", "other"]
    means = {g.group: g.question(scales[0]).mean for g in results.groups}
    assert means == {"client": 1.0, "worker": 5.0, "other": 3.0}
    assert not hasattr(results, "total") and not hasattr(results, "all_respondents")


def test_a_scale_question_answered_by_fewer_than_three_is_not_shown(session):
    w, item_id = _feedback_world(session)
    scales, _texts = _ids(session, w)
    for n in range(3):
        p = join(session, w, f"T{n}", WORKER)
        answers = {scales[0]: 4}
        if n == 0:
            answers[scales[1]] = 1  # only one person answered this one
        feedback.submit_feedback(session, p, item_id, answers)
    workers = feedback.meeting_results(session, w.facilitator, w.meeting_id).group("worker")
    assert workers.question(scales[0]).shown
    lone = workers.question(scales[1])
    assert not lone.shown and lone.mean is None and lone.counts is None


def test_role_at_answer_time_counts_and_hidden_responses_are_left_out(session):
    w, item_id = _feedback_world(session)
    scales, _texts = _ids(session, w)
    people = [_answer(session, w, item_id, CLIENT, 5, None, f"A{n}") for n in range(3)]
    from workshop import participants

    participants.update_self(session, people[0], role=WORKER)  # role changes afterwards
    assert feedback.meeting_results(session, w.facilitator, w.meeting_id).group("client").shown
    response_id = session.scalar(select(FeedbackResponse.id).where(
        FeedbackResponse.author_id == people[1].participant_id))
    feedback.hide_response(session, w.facilitator, response_id)
    assert not feedback.meeting_results(session, w.facilitator, w.meeting_id).group(
        "client").shown


def test_results_are_for_the_workshops_facilitators_only(session):
    w, item_id = _feedback_world(session)
    other, _other_item = _feedback_world(session, "toinen")
    p = _answer(session, w, item_id, CLIENT, 4)
    for action in (
        lambda: feedback.meeting_results(session, other.facilitator, w.meeting_id),
        lambda: feedback.meeting_results(session, p, w.meeting_id),
        lambda: feedback.workshop_summary(session, other.facilitator, w.workshop_id),
        lambda: feedback.workshop_summary(session, p, w.workshop_id),
        lambda: feedback.list_questions(session, p, w.workshop_id),
        lambda: feedback.add_question(session, other.facilitator, w.workshop_id, "text", "x"),
        lambda: feedback.answer_counts(session, p, w.meeting_id),
    ):
        with pytest.raises(NotFound):
            action()
    qid = feedback.list_questions(session, w.facilitator, w.workshop_id)[0].id
    for action in (
        lambda: feedback.remove_question(session, other.facilitator, qid),
        lambda: feedback.edit_question(session, other.facilitator, qid, 1, "x"),
        lambda: feedback.move_question(session, other.facilitator, qid, 1),
    ):
        with pytest.raises(NotFound):
            action()


# --- summary over meetings ----------------------------------------------------------------------


def _second_meeting(session, w):
    meetings.close_meeting(session, w.facilitator, w.meeting_id)
    second = meetings.plan_meeting(session, w.facilitator, w.workshop_id, title="Toinen")
    item = meetings.add_agenda_item(session, w.facilitator, second.id, title="Palaute",
                                    activity_type="feedback")
    meetings.open_meeting(session, w.facilitator, second.id)
    meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    w.meeting_id = second.id
    return item.id


def test_summary_over_meetings_per_group_leaves_out_small_groups(session):
    w, first_item = _feedback_world(session)
    scales, _texts = _ids(session, w)
    first_meeting = w.meeting_id
    for n in range(3):
        _answer(session, w, first_item, CLIENT, 2, None, f"A{n}")
    for n in range(4):
        _answer(session, w, first_item, WORKER, 4, None, f"T{n}")
    second_item = _second_meeting(session, w)
    for n in range(2):  # too few clients the second time
        _answer(session, w, second_item, CLIENT, 5, None, f"B{n}")
    for n in range(3):
        _answer(session, w, second_item, WORKER, 5, None, f"U{n}")
    summary = feedback.workshop_summary(session, w.facilitator, w.workshop_id)
    assert [m.meeting_id for m in summary.meetings] == [first_meeting, w.meeting_id]
    assert [q.id for q in summary.questions] == scales
    one, two = summary.meetings
    assert one.group("client").shown and one.group("client").mean == 2.0
    assert not two.group("client").shown and two.group("client").mean is None
    assert one.group("worker").mean == 4.0 and two.group("worker").mean == 5.0
    clients, workers, others = (summary.group(g) for g in ("client", "worker", "other"))
    # the two clients of meeting 2 are not in the total: it cannot be subtracted back out
    assert clients.meetings == 1 and clients.respondents == 3 and clients.mean == 2.0
    assert workers.meetings == 2 and workers.respondents == 7
    assert workers.mean == round((4 * 4 + 3 * 5) / 7, 2)
    assert [q.mean for q in workers.questions] == [workers.mean] * len(scales)
    assert others.meetings == 0 and others.mean is None and others.questions == ()
    assert [o.group for o in summary.overall] == ["client", "worker", "other"]


def test_deleting_a_workshop_deletes_its_feedback(session):
    w, item_id = _feedback_world(session)
    _answer(session, w, item_id, CLIENT, 3, "teksti")
    workshops.delete_workshop(session, w.facilitator, w.workshop_id)
    session.flush()
    for model in (FeedbackQuestion, FeedbackResponse, FeedbackAnswer):
        assert session.scalar(select(func.count()).select_from(model)) == 0


def test_demo_seed_makes_a_finished_cafe_and_showable_feedback(session):
    from workshop import cafe, participants
    from workshop.demo_cafe_feedback import seed_cafe_and_feedback
    from workshop.models import Meeting

    w, feedback_item = _feedback_world(session)
    cafe_item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title="Kahvila",
                                         activity_type="learning_cafe").id
    meeting = session.get(Meeting, w.meeting_id)
    people = [participants.join(session, meeting, display_name=n, role=r).participant.id
              for n, r in (("Aino", CLIENT), ("Mikko", WORKER), ("Sanna", WORKER),
                           ("Pekka", "ngo_parish"), ("Leena", "expert_by_experience"),
                           ("Juha", CLIENT))]
    from workshop.access import ParticipantActor

    actors = [ParticipantActor(pid) for pid in people]
    for _ in range(2):  # safe to run twice
        seed_cafe_and_feedback(session, w.facilitator, w.workshop_id, w.meeting_id, cafe_item,
                               feedback_item, actors)
    view = cafe.cafe_view(session, w.facilitator, cafe_item)
    assert view.finished and len(view.stations) == 2
    assert {n.round for n in view.notes} == {0, 1}
    assert all(s.summary and s.host_id for s in view.stations)
    for station in view.stations:  # both groups wrote at both stations
        assert {n.group_id for n in view.notes_at(station.id)} == {p.group_id for p in view.places}
    results = feedback.meeting_results(session, w.facilitator, w.meeting_id)
    assert results.group("client").shown and results.group("worker").shown
    assert results.group("client").respondents == 3 and results.group("worker").respondents == 3
