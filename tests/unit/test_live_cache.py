"""The live screens' process-wide cache: shared data, the shared change check, phone ticks."""

from __future__ import annotations

import pytest

from pages import live_cache


@pytest.fixture(autouse=True)
def _empty() -> None:
    live_cache.clear()
    yield
    live_cache.clear()


def test_shared_values_load_once_per_key_and_none_is_not_kept() -> None:
    loads: list[str] = []

    def load(value: str | None) -> object:
        def run() -> str | None:
            loads.append(str(value))
            return value
        return run

    assert live_cache.shared(("board", 1, 7), load("a")) == "a"
    assert live_cache.shared(("board", 1, 7), load("other")) == "a"  # same revision: shared
    assert live_cache.shared(("board", 1, 8), load("b")) == "b"  # a new revision loads
    assert live_cache.shared(("x",), load(None)) is None
    assert live_cache.shared(("x",), load("c")) == "c"  # a failed load was not remembered
    assert loads == ["a", "b", "None", "c"]


def test_shared_entries_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(live_cache, "MAX_ENTRIES", 3)
    for key in range(5):
        live_cache.shared(key, lambda key=key: key)
    live_cache.shared(2, lambda: "reloaded")  # recently used: kept
    assert live_cache.shared(0, lambda: "gone") == "gone"  # the oldest went first
    assert live_cache.shared(2, lambda: "reloaded") == 2


def test_the_change_check_is_shared_for_a_moment_and_forgotten_after_a_write(
        monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(live_cache.time, "monotonic", lambda: clock[0])
    answers = iter([1, 2, 3])
    read = lambda: next(answers)  # noqa: E731
    assert live_cache.revision("m", read) == 1
    clock[0] += live_cache.REVISION_SECONDS / 2
    assert live_cache.revision("m", read) == 1  # other screens within the moment: no read
    clock[0] += live_cache.REVISION_SECONDS
    assert live_cache.revision("m", read) == 2  # the moment passed: read again
    live_cache.forget_revisions()  # a write through this server
    assert live_cache.revision("m", read) == 3


def test_phones_tick_slower_when_many_tick_on_one_server(
        monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [0.0]
    monkeypatch.setattr(live_cache.time, "monotonic", lambda: clock[0])
    for n in range(10):
        live_cache.screen_ticked(f"phone {n}")
    assert live_cache.phone_interval(2.0) == 2.0  # a small meeting: every 2 s
    for n in range(10, 200):
        live_cache.screen_ticked(f"phone {n}")
    assert live_cache.phone_interval(2.0) == 200 / live_cache.PHONE_TICKS_PER_SECOND
    clock[0] += live_cache.SCREEN_SEEN_SECONDS + 1  # they left; ten come back
    for n in range(10):
        live_cache.screen_ticked(f"phone {n}")
    assert live_cache.phone_interval(2.0) == 2.0


def test_phone_ticks_run_at_most_tick_slots_at_once() -> None:
    import threading
    import time

    inside, most = [0], [0]
    guard = threading.Lock()

    def tick() -> None:
        with live_cache.tick_slot():
            with guard:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            time.sleep(0.01)
            with guard:
                inside[0] -= 1

    threads = [threading.Thread(target=tick) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert most[0] == live_cache.RUN_SLOTS


def test_a_waiting_full_run_goes_before_waiting_ticks() -> None:
    import threading
    import time

    order: list[str] = []
    started = threading.Event()

    def run(kind: str, urgent: bool) -> None:
        turn = live_cache.participant_run() if urgent else live_cache.tick_slot()
        with turn:
            order.append(kind)

    def holder() -> None:
        with live_cache.tick_slot():
            started.set()
            time.sleep(0.2)  # the others line up meanwhile

    first = threading.Thread(target=holder)
    first.start()
    started.wait(5)
    ticks = [threading.Thread(target=run, args=("tick", False)) for _ in range(3)]
    for thread in ticks:
        thread.start()
    time.sleep(0.05)
    submit = threading.Thread(target=run, args=("submit", True))
    submit.start()
    for thread in [first, *ticks, submit]:
        thread.join(10)
    assert order[0] == "submit", order
    assert sorted(order) == ["submit", "tick", "tick", "tick"]


def test_a_full_run_draws_its_live_part_within_its_own_turn() -> None:
    with live_cache.participant_run(), live_cache.tick_slot():
        pass  # no deadlock: the tick inside a full run needs no second turn
