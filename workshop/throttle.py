"""Slows down guessing: after a few failures a client must wait, and the wait grows.

Kept in the database (not in memory) so it holds across several app servers and restarts.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from workshop.errors import TooManyAttempts
from workshop.models import Throttle, utcnow

FREE_FAILURES = 5
WINDOW = dt.timedelta(minutes=15)
FIRST_BLOCK_SECONDS = 30
MAX_BLOCK_SECONDS = 15 * 60


def check(session: Session, scope: str, client: str) -> None:
    """Raise :class:`TooManyAttempts` while ``client`` is blocked in ``scope``."""
    row = session.get(Throttle, (scope, client[:128]))
    now = utcnow()
    if row is not None and row.blocked_until is not None and row.blocked_until > now:
        wait = int((row.blocked_until - now).total_seconds()) + 1
        raise TooManyAttempts(seconds=wait)


def record_failure(session: Session, scope: str, client: str) -> None:
    now = utcnow()
    row = session.get(Throttle, (scope, client[:128]))
    if row is None:
        row = Throttle(scope=scope, client=client[:128], failures=0, window_start=now)
        session.add(row)
    if now - row.window_start > WINDOW and (row.blocked_until is None or row.blocked_until < now):
        row.failures, row.window_start = 0, now
    row.failures += 1
    over = row.failures - FREE_FAILURES
    if over >= 0:
        seconds = min(FIRST_BLOCK_SECONDS * 2**over, MAX_BLOCK_SECONDS)
        row.blocked_until = now + dt.timedelta(seconds=seconds)
    session.flush()


def record_success(session: Session, scope: str, client: str) -> None:
    row = session.get(Throttle, (scope, client[:128]))
    if row is not None:
        session.delete(row)
