"""Topics and dot voting: limits, idempotency, concurrency, merging, hiding, carry-over."""

from __future__ import annotations

import threading

import pytest
from builders import join, world
from sqlalchemy import func, select

from workshop import db, meetings, topics
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.model_warmup import Topic, TopicVote


def topics_item(session, w, *, meeting_id=None, open_=True, title="Aiheet"):
    item = meetings.add_agenda_item(session, w.facilitator, meeting_id or w.meeting_id,
                                    title=title, activity_type="topics")
    if open_:
        meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    return item.id


def stored_dots(session, item_id=None, participant_id=None, topic_id=None) -> int:
    query = select(func.coalesce(func.sum(TopicVote.dots), 0))
    if item_id is not None:
        query = query.where(TopicVote.agenda_item_id == item_id)
    if participant_id is not None:
        query = query.where(TopicVote.participant_id == participant_id)
    if topic_id is not None:
        query = query.where(TopicVote.topic_id == topic_id)
    return session.scalar(query)


def totals(session, actor, item_id) -> dict[str, int]:
    return {t.text: t.total for t in topics.board(session, actor, item_id).topics}


# --- submitting --------------------------------------------------------------------------------

HOSTILE_ONE_LINE = [
    "<script>alert('x')</script>",
    "😀🌱 emoji 👩🏽‍⚕️",
    "עברית ومرحبا RTL \u202e reversed",
    "**markdown** [link](http://example.com) :red[x] $x$",
    "x" * topics.MAX_TOPIC_LENGTH,
]


@pytest.mark.parametrize("text", HOSTILE_ONE_LINE)
def test_hostile_topic_text_is_stored_exactly(session, text):
    w = world(session)
    item = topics_item(session, w)
    p = join(session, w)
    topic_id, created = topics.submit(session, p, item, text)
    assert created
    [shown] = topics.board(session, p, item).topics
    assert (shown.id, shown.text) == (topic_id, text)
    assert session.get(Topic, topic_id).text == text


@pytest.mark.parametrize("text,key", [
    ("", "error.text.required"), ("  ", "error.text.required"),
    ("x" * 50_000, "error.text.too_long"), ("a\x00b", "error.text.control_characters"),
    ("a\x1b[31mb", "error.text.control_characters"), ("kaksi\nriviä", "error.text.one_line"),
    (None, "error.text.required"), (7, "error.text.not_text"),
])
def test_bad_topic_text_is_refused_with_a_key(session, text, key):
    w = world(session)
    item = topics_item(session, w)
    p = join(session, w)
    with pytest.raises(InvalidInput) as caught:
        topics.submit(session, p, item, text)
    assert caught.value.key == key
    assert caught.value.params["field"] == "field.warmup.topic"
    assert topics.board(session, p, item).topics == ()


def test_double_submit_with_same_key_stores_one_topic(session):
    w = world(session)
    item = topics_item(session, w)
    p = join(session, w)
    first = topics.submit(session, p, item, "Kuljetukset", client_key="k" * 20)
    second = topics.submit(session, p, item, "Kuljetukset", client_key="k" * 20)
    assert first[0] == second[0] and first[1] and not second[1]
    assert len(topics.board(session, p, item).topics) == 1


# --- access ------------------------------------------------------------------------------------

def test_participant_of_another_workshop_cannot_read_or_vote(session):
    x = world(session, "fasi_x")
    y = world(session, "fasi_y")
    x_item = topics_item(session, x)
    y_item = topics_item(session, y)
    px, py = join(session, x, "Xavier"), join(session, y, "Ylva")
    y_topic, _ = topics.submit(session, py, y_item, "Y:n aihe")
    with pytest.raises(NotFound):
        topics.board(session, px, y_item)
    with pytest.raises(NotFound):
        topics.submit(session, px, y_item, "tunkeutuja")
    with pytest.raises(NotFound):
        topics.set_dots(session, px, y_item, y_topic, 1)
    # a topic of Y cannot be voted on through X's own item either
    with pytest.raises(NotFound):
        topics.set_dots(session, px, x_item, y_topic, 1)
    with pytest.raises(NotFound):
        topics.merge(session, x.facilitator, y_topic, y_topic + 1)
    with pytest.raises(NotFound):
        topics.hide_topic(session, x.facilitator, y_topic)
    with pytest.raises(NotFound):
        topics.configure(session, x.facilitator, y_item, dots_per_person=5, max_per_topic=2)
    assert stored_dots(session) == 0


def test_closed_item_refuses_topics_and_votes(session):
    w = world(session)
    item = topics_item(session, w)
    p = join(session, w)
    topic_id, _ = topics.submit(session, p, item, "Avoin aihe")
    meetings.set_item_flags(session, w.facilitator, item, contributions_open=False)
    with pytest.raises(InvalidInput) as caught:
        topics.submit(session, p, item, "myöhässä")
    assert caught.value.key == "error.contributions_closed"
    with pytest.raises(InvalidInput):
        topics.set_dots(session, p, item, topic_id, 1)
    assert topics.board(session, p, item).topics[0].total == 0


def test_wrong_activity_type_is_refused(session):
    w = world(session)  # its item is a notes item
    p = join(session, w)
    with pytest.raises(InvalidInput) as caught:
        topics.submit(session, p, w.item_id, "aihe")
    assert caught.value.key == "error.warmup.wrong_activity"


def test_facilitator_cannot_vote(session):
    w = world(session)
    item = topics_item(session, w)
    p = join(session, w)
    topic_id, _ = topics.submit(session, p, item, "aihe")
    with pytest.raises(NotFound):
        topics.set_dots(session, w.facilitator, item, topic_id, 1)


# --- dot limits --------------------------------------------------------------------------------

def test_dot_limits_per_person_and_per_topic(session):
    w = world(session)
    item = topics_item(session, w)
    p = join(session, w)
    a, _ = topics.submit(session, p, item, "A")
    b, _ = topics.submit(session, p, item, "B")
    c, _ = topics.submit(session, p, item, "C")
    assert topics.set_dots(session, p, item, a, 2) == 1
    with pytest.raises(InvalidInput) as caught:
        topics.set_dots(session, p, item, b, 3)
    assert caught.value.key == "error.warmup.topic_dot_limit"
    assert caught.value.params == {"max": 2}
    assert topics.set_dots(session, p, item, b, 1) == 0
    with pytest.raises(InvalidInput) as caught:
        topics.set_dots(session, p, item, c, 1)
    assert caught.value.key == "error.warmup.no_dots_left"
    assert caught.value.params == {"dots": 3}
    # moving a dot: take one off A, then C gets it
    assert topics.set_dots(session, p, item, a, 1) == 1
    assert topics.set_dots(session, p, item, c, 1) == 0
    board = topics.board(session, p, item)
    assert board.dots_used == 3 and board.dots_left == 0
    assert {t.text: t.my_dots for t in board.topics} == {"A": 1, "B": 1, "C": 1}
    assert stored_dots(session, item) == 3


@pytest.mark.parametrize("value", [-1, 21, 1.5, "2", True, None])
def test_odd_dot_numbers_are_refused(session, value):
    w = world(session)
    item = topics_item(session, w)
    p = join(session, w)
    topic_id, _ = topics.submit(session, p, item, "A")
    with pytest.raises(InvalidInput):
        topics.set_dots(session, p, item, topic_id, value)
    assert stored_dots(session) == 0


def test_repeating_the_same_number_is_idempotent_and_zero_removes(session):
    w = world(session)
    item = topics_item(session, w)
    p = join(session, w)
    topic_id, _ = topics.submit(session, p, item, "A")
    revision = meetings.revision(session, w.meeting_id)
    for _ in range(3):  # a triple click on "+1" seen at 0 sends "1" three times
        assert topics.set_dots(session, p, item, topic_id, 1) == 2
    assert stored_dots(session, item) == 1
    assert meetings.revision(session, w.meeting_id) == revision + 1  # only one change
    topics.set_dots(session, p, item, topic_id, 0)
    topics.set_dots(session, p, item, topic_id, 0)
    assert stored_dots(session, item) == 0
    assert session.scalar(select(func.count()).select_from(TopicVote)) == 0


def test_ranking_most_dots_first_then_oldest(session):
    w = world(session)
    item = topics_item(session, w)
    voters = [join(session, w, f"P{i}", role) for i, role in
              enumerate(["client_rep", "professional", "expert_by_experience"])]
    ids = {text: topics.submit(session, voters[0], item, text)[0] for text in "ABCD"}
    topics.set_dots(session, voters[0], item, ids["C"], 2)
    topics.set_dots(session, voters[1], item, ids["C"], 1)
    topics.set_dots(session, voters[1], item, ids["B"], 2)
    topics.set_dots(session, voters[2], item, ids["D"], 2)
    board = topics.board(session, w.facilitator, item)
    assert [(t.text, t.total) for t in board.topics] == [
        ("C", 3), ("B", 2), ("D", 2), ("A", 0)]
    assert board.topics[0].by_group == {"client": 2, "worker": 1}
    assert board.topics[2].by_group == {"client": 2}


def test_configure_rules_and_refuse_lowering_below_use(session):
    w = world(session)
    item = topics_item(session, w)
    p = join(session, w)
    a, _ = topics.submit(session, p, item, "A")
    b, _ = topics.submit(session, p, item, "B")
    topics.configure(session, w.facilitator, item, dots_per_person=5, max_per_topic=4)
    topics.set_dots(session, p, item, a, 4)
    topics.set_dots(session, p, item, b, 1)
    assert topics.board(session, p, item).rules == topics.VoteRules(5, 4)
    for dots, cap in [(4, 4), (5, 3)]:
        with pytest.raises(InvalidInput) as caught:
            topics.configure(session, w.facilitator, item, dots_per_person=dots,
                             max_per_topic=cap)
        assert caught.value.key == "error.warmup.dots_in_use"
    with pytest.raises(InvalidInput) as caught:
        topics.configure(session, w.facilitator, item, dots_per_person=2, max_per_topic=3)
    assert caught.value.key == "error.number.range"  # per topic cannot exceed per person
    with pytest.raises(NotFound):
        topics.configure(session, p, item, dots_per_person=9, max_per_topic=2)
    assert topics.board(session, p, item).rules == topics.VoteRules(5, 4)
    topics.configure(session, w.facilitator, item, dots_per_person=6, max_per_topic=4)
    assert topics.set_dots(session, p, item, b, 2) == 0


# --- concurrency -------------------------------------------------------------------------------

def _race(engine, calls):
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []

    def run(call):
        barrier.wait()
        try:
            with db.transaction(engine) as s:
                call(s)
            outcomes.append("ok")
        except InvalidInput as error:
            outcomes.append(error.key)

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_concurrent_double_click_counts_once(engine):
    with db.transaction(engine) as s:
        w = world(s)
        item = topics_item(s, w)
        p = join(s, w)
        topic_id, _ = topics.submit(s, p, item, "A")
    outcomes = _race(engine, [lambda s: topics.set_dots(s, p, item, topic_id, 1)] * 2)
    assert outcomes == ["ok", "ok"]
    with db.transaction(engine) as s:
        assert stored_dots(s, item) == 1


def test_concurrent_votes_cannot_overspend(engine):
    """Two requests at once, each fine alone, together would exceed the allowance."""
    with db.transaction(engine) as s:
        w = world(s)
        item = topics_item(s, w)
        p = join(s, w)
        ids = [topics.submit(s, p, item, text)[0] for text in "ABC"]
    for _round in range(4):  # a race may not overlap every time: try a few
        with db.transaction(engine) as s:
            for topic_id in ids:
                topics.set_dots(s, p, item, topic_id, 0)
            topics.set_dots(s, p, item, ids[0], 2)  # one dot left
        outcomes = _race(engine, [lambda s, t=t: topics.set_dots(s, p, item, t, 1)
                                  for t in ids[1:]])
        assert outcomes == ["error.warmup.no_dots_left", "ok"]
        with db.transaction(engine) as s:
            assert stored_dots(s, item, p.participant_id) == 3


def test_concurrent_vote_and_merge_keep_the_per_topic_cap(engine):
    with db.transaction(engine) as s:
        w = world(s)
        item = topics_item(s, w)
        p = join(s, w)
        a, _ = topics.submit(s, p, item, "A")
        b, _ = topics.submit(s, p, item, "B")
        topics.set_dots(s, p, item, b, 2)
    _race(engine, [lambda s: topics.set_dots(s, p, item, a, 1),
                   lambda s: topics.merge(s, w.facilitator, a, b)])
    with db.transaction(engine) as s:
        assert stored_dots(s, item, topic_id=b) == 0
        assert stored_dots(s, item, topic_id=a) <= 2
        assert stored_dots(s, item, p.participant_id) <= 3


# --- merging -----------------------------------------------------------------------------------

def test_merge_moves_votes_and_returns_what_exceeds_the_cap(session):
    w = world(session)
    item = topics_item(session, w)
    anna, ben, cai = (join(session, w, n) for n in ("Anna", "Ben", "Cai"))
    keep, _ = topics.submit(session, anna, item, "Kuljetus")
    dup, _ = topics.submit(session, ben, item, "Matkat")
    topics.set_dots(session, anna, item, keep, 2)
    topics.set_dots(session, anna, item, dup, 1)   # 2 + 1 > cap 2: one returns to Anna
    topics.set_dots(session, ben, item, keep, 1)
    topics.set_dots(session, ben, item, dup, 1)    # 1 + 1 = 2: both count
    topics.set_dots(session, cai, item, dup, 2)    # moves as is
    result = topics.merge(session, w.facilitator, keep, dup)
    assert result == topics.MergeResult(moved=3, returned=1)
    assert topics.merge(session, w.facilitator, keep, dup) == topics.MergeResult(0, 0)
    board = topics.board(session, anna, item)
    assert [(t.text, t.total, t.merged_count) for t in board.topics] == [("Kuljetus", 6, 1)]
    assert board.dots_left == 1  # Anna got her dot back and can spend it
    assert stored_dots(session, item) == 6
    with pytest.raises(InvalidInput) as caught:
        topics.set_dots(session, ben, item, dup, 1)
    assert caught.value.key == "error.warmup.topic_merged"
    assert session.get(Topic, dup).merged_into_id == keep  # kept, marked, not deleted


def test_merge_rules(session):
    w = world(session)
    item = topics_item(session, w)
    p = join(session, w)
    a, b, c = (topics.submit(session, p, item, t)[0] for t in "ABC")
    with pytest.raises(InvalidInput) as caught:
        topics.merge(session, w.facilitator, a, a)
    assert caught.value.key == "error.warmup.merge_same"
    topics.merge(session, w.facilitator, b, c)  # C into B
    topics.merge(session, w.facilitator, a, b)  # B (with C) into A: the chain follows
    assert session.get(Topic, c).merged_into_id == a
    with pytest.raises(InvalidInput) as caught:
        topics.merge(session, w.facilitator, b, a)
    assert caught.value.key == "error.warmup.topic_merged"
    d, _ = topics.submit(session, p, item, "D")
    topics.hide_topic(session, w.facilitator, d)
    with pytest.raises(InvalidInput) as caught:
        topics.merge(session, w.facilitator, d, a)
    assert caught.value.key == "error.warmup.merge_into_hidden"
    with pytest.raises(NotFound):
        topics.merge(session, p, a, d)  # participants do not merge
    assert [t.merged_count for t in topics.board(session, w.facilitator, item).topics
            if t.id == a] == [2]


def test_merge_applies_each_items_own_cap(session):
    w = world(session)
    first = topics_item(session, w, title="Eka")
    second = topics_item(session, w, title="Toka")
    topics.configure(session, w.facilitator, second, dots_per_person=6, max_per_topic=6)
    p = join(session, w)
    a, _ = topics.submit(session, p, first, "A")
    b, _ = topics.submit(session, p, first, "B")
    for item in (first, second):
        topics.set_dots(session, p, item, a, 2)
        topics.set_dots(session, p, item, b, 1)
    assert topics.merge(session, w.facilitator, a, b) == topics.MergeResult(1, 1)
    assert stored_dots(session, first, topic_id=a) == 2
    assert stored_dots(session, second, topic_id=a) == 3


# --- hiding, withdrawing, editing ----------------------------------------------------------------

def test_hiding_returns_dots_and_keeps_the_topic(session):
    w = world(session)
    item = topics_item(session, w)
    p = join(session, w)
    rude, _ = topics.submit(session, p, item, "asiaton")
    topics.set_dots(session, p, item, rude, 2)
    topics.hide_topic(session, w.facilitator, rude)
    assert topics.board(session, p, item).topics == ()
    assert topics.board(session, p, item).dots_left == 3
    [seen] = topics.board(session, w.facilitator, item).topics
    assert seen.hidden and seen.text == "asiaton" and seen.total == 0
    with pytest.raises(NotFound):
        topics.set_dots(session, p, item, rude, 1)
    with pytest.raises(NotFound):
        topics.hide_topic(session, p, rude, False)
    topics.hide_topic(session, w.facilitator, rude, False)
    assert topics.board(session, p, item).topics[0].total == 0


def test_author_withdraws_and_edits_with_versions(session):
    w = world(session)
    item = topics_item(session, w)
    p = join(session, w)
    other = join(session, w, "Toinen")
    topic_id, _ = topics.submit(session, p, item, "alku")
    topics.set_dots(session, other, item, topic_id, 1)
    version = topics.edit_topic(session, p, topic_id, 1, "parempi")
    assert topics.edit_topic(session, p, topic_id, 1, "parempi") == version  # same text again
    with pytest.raises(StaleEdit):
        topics.edit_topic(session, p, topic_id, 1, "vanhasta")
    with pytest.raises(NotFound):
        topics.edit_topic(session, other, topic_id, version, "ei oma")
    topics.withdraw_topic(session, p, topic_id, version)
    assert topics.board(session, other, item).topics == ()
    assert topics.board(session, other, item).dots_left == 3


# --- carry-over --------------------------------------------------------------------------------

def test_topics_and_ranking_carry_into_a_later_meeting(session):
    w = world(session)
    end_of_first = topics_item(session, w, title="Aiheet ensi kertaa varten")
    p = join(session, w)
    q = join(session, w, "Q", "professional")
    a, _ = topics.submit(session, p, end_of_first, "Asunnot")
    b, _ = topics.submit(session, q, end_of_first, "Työ")
    topics.set_dots(session, p, end_of_first, b, 2)
    topics.set_dots(session, q, end_of_first, b, 1)
    topics.set_dots(session, q, end_of_first, a, 1)
    meetings.close_meeting(session, w.facilitator, w.meeting_id)
    second = meetings.plan_meeting(session, w.facilitator, w.workshop_id, title="Toinen")
    later = topics_item(session, w, meeting_id=second.id, open_=False)
    meetings.open_meeting(session, w.facilitator, second.id)
    meetings.set_item_flags(session, w.facilitator, later, contributions_open=True)
    board = topics.board(session, p, later)
    # topics belong to the workshop, votes to the item: a fresh vote with the earlier ranking
    assert {t.text for t in board.topics} == {"Asunnot", "Työ"}
    assert all(t.total == 0 and t.earlier_meeting for t in board.topics)
    assert board.dots_left == 3
    assert board.earlier is not None and board.earlier.meeting_number == 1
    assert [(text, dots) for _id, text, dots in board.earlier.ranked] == [
        ("Työ", 3), ("Asunnot", 1)]
    topics.set_dots(session, p, later, a, 2)
    assert topics.board(session, p, later).topics[0].text == "Asunnot"
    # the earlier item's own result is unchanged
    assert stored_dots(session, end_of_first) == 4
    with pytest.raises(NotFound):  # participants no longer reach the closed meeting's item
        topics.board(session, p, end_of_first)


def test_deleting_a_meeting_keeps_the_workshops_topics(session):
    w = world(session)
    item = topics_item(session, w)
    p = join(session, w)
    topics.submit(session, p, item, "Pysyy")
    meetings.close_meeting(session, w.facilitator, w.meeting_id)
    meetings.delete_meeting(session, w.facilitator, w.meeting_id)
    session.flush()
    assert [t.text for t in topics.workshop_topics(session, w.facilitator, w.workshop_id)] == [
        "Pysyy"]
