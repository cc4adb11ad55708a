"""Live data shared by every screen of this server process.

Two hundred phones watching one activity would each load the same list after every change.
What does not depend on the reader is loaded once per meeting revision and shared: the key
holds the revision, so a cached value is never stale, only replaced. Small and bounded
(least recently used entries go first); values must be immutable views.
"""

from __future__ import annotations

import contextlib
import gc
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
MAX_ENTRIES = 256

_lock = threading.Lock()
_entries: OrderedDict[Hashable, Any] = OrderedDict()


def shared(key: Hashable, load: Callable[[], T | None]) -> T | None:
    """The value for ``key``, loaded by ``load`` when missing (a None result is not kept).

    Two screens asking at once may both load; both get a correct value.
    """
    with _lock:
        if key in _entries:
            _entries.move_to_end(key)
            return _entries[key]
    value = load()
    if value is not None:
        with _lock:
            _entries[key] = value
            _entries.move_to_end(key)
            while len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
    return value


def clear() -> None:
    """Forget everything (tests)."""
    with _lock:
        _entries.clear()
    _revisions.clear()
    with _screens_lock:
        _screens.clear()


# --- the change check --------------------------------------------------------------------------
# Every live screen asks for its meeting's revision on every tick. One answer per meeting per
# REVISION_SECONDS serves them all: with 200 phones that is a few reads a second instead of a
# hundred, and each database call is a GIL hand-off that queues behind every other screen.
# A write through this server forgets the answers at once (its own screens see it next
# tick); a write through another server is seen within REVISION_SECONDS + one tick.
REVISION_SECONDS = 0.4

_revisions: dict[Hashable, tuple[float, int]] = {}


def revision(key: Hashable, load: Callable[[], int | None]) -> int | None:
    now = time.monotonic()
    held = _revisions.get(key)
    if held is not None and now - held[0] < REVISION_SECONDS:
        return held[1]
    value = load()
    if value is not None:
        _revisions[key] = (now, value)
    return value


def forget_revisions() -> None:
    """After a write: the next change check reads the database."""
    _revisions.clear()


# --- how many screens tick here --------------------------------------------------------------
# A live screen costs this process a script run per tick. Past a few dozen phones the ticks
# alone would fill the one core Python uses, and then saving a note waits behind them. Each
# phone's tick is stretched so that all of them together stay near PHONE_TICKS_PER_SECOND;
# the facilitator's console and the projector keep their own, faster tick.
PHONE_TICKS_PER_SECOND = 25.0
SCREEN_SEEN_SECONDS = 30.0

_screens: dict[str, float] = {}
_screens_lock = threading.Lock()


def screen_ticked(screen_id: str) -> None:
    """A phone's live screen ran (a tick or a full run)."""
    now = time.monotonic()
    with _screens_lock:
        _screens[screen_id] = now
        if len(_screens) > 64:
            for key in [k for k, seen in _screens.items() if now - seen > SCREEN_SEEN_SECONDS]:
                del _screens[key]


def phone_interval(fastest: float) -> float:
    """Seconds between a phone's live ticks, given how many phones tick on this server."""
    now = time.monotonic()
    with _screens_lock:
        active = sum(1 for seen in _screens.values() if now - seen <= SCREEN_SEEN_SECONDS)
    return max(fastest, round(active / PHONE_TICKS_PER_SECOND, 1))


# --- garbage collection ------------------------------------------------------------------------
_frozen = False


def freeze_startup_objects() -> None:
    """Once per process, after the first page run: everything imported by then (Streamlit,
    SQLAlchemy, Plotly, the app) lives as long as the process, so the collector need not
    walk it again. With 200 phones (bench/load.py --gc-freeze) full collections took 0.6 s
    instead of 1.5 s of a 50 s window, and the longest pause 133 ms instead of 276 ms."""
    global _frozen
    if _frozen:
        return
    _frozen = True
    gc.collect()
    gc.freeze()


# --- admission of participants' runs ------------------------------------------------------------
# Every thread in Python takes turns on one interpreter lock, and a thread that comes back
# from the database waits for its turn behind every other runnable one. With two hundred
# phones, each with its own script thread, letting every run start at once made them all
# slower (a note being saved holds SQLite's write lock across several such turns). So a
# participant's run waits for one of RUN_SLOTS turns, and a waiting submit or page load
# goes before every waiting live tick: the ticks fill the gaps. bench/load.py, 200 phones on
# SQLite, p95 submit: ticks unlimited 26 s; ticks limited to one at a time 0.6-1.3 s; full
# runs let past that limit 4-12 s (too many threads at once again).
RUN_SLOTS = 1


class _RunGate:
    """At most ``slots`` runs at once; urgent ones (full runs) before waiting ticks.
    Re-entrant per thread: a full run draws its live part inline within its own turn."""

    def __init__(self, slots: int) -> None:
        self._free = slots
        self._urgent_waiting = 0
        lock = threading.Lock()
        self._urgent = threading.Condition(lock)  # one queue each: a free turn wakes one
        self._normal = threading.Condition(lock)  # waiter, not all of them
        self._held = threading.local()

    @contextlib.contextmanager
    def turn(self, *, urgent: bool) -> Iterator[None]:
        if getattr(self._held, "depth", 0):
            yield
            return
        queue = self._urgent if urgent else self._normal
        with queue:
            self._urgent_waiting += urgent
            try:
                while not self._free or (not urgent and self._urgent_waiting):
                    queue.wait()
            finally:
                self._urgent_waiting -= urgent
            self._free -= 1
        self._held.depth = 1
        try:
            yield
        finally:
            self._held.depth = 0
            with queue:
                self._free += 1
                (self._urgent if self._urgent_waiting else self._normal).notify()


_gate = _RunGate(RUN_SLOTS)


def participant_run() -> contextlib.AbstractContextManager[None]:
    """The turn for a participant's full run (a submit, a page load): before waiting ticks."""
    return _gate.turn(urgent=True)


def tick_slot() -> contextlib.AbstractContextManager[None]:
    """The turn for a phone's live tick (free inside a full run that holds its turn)."""
    return _gate.turn(urgent=False)
