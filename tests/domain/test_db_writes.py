"""SQLite writers of one process queue in the process, and give up like SQLite would."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from workshop import db


@pytest.fixture
def sqlite_engine(tmp_path: Path):
    engine = db.make_engine(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (n INTEGER)"))
    yield engine
    engine.dispose()


def test_writers_take_turns_and_a_long_wait_is_a_database_error(sqlite_engine, monkeypatch):
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 300)
    holding, release = threading.Event(), threading.Event()

    def long_writer() -> None:
        with db.transaction(sqlite_engine) as session:
            session.execute(text("INSERT INTO t VALUES (1)"))
            holding.set()
            release.wait(10)

    worker = threading.Thread(target=long_writer)
    worker.start()
    assert holding.wait(10)
    started = time.monotonic()
    with pytest.raises(OperationalError, match="database is locked"), \
            db.transaction(sqlite_engine) as session:
        session.execute(text("INSERT INTO t VALUES (2)"))
    assert 0.25 < time.monotonic() - started < 5
    with db.transaction(sqlite_engine, write=False) as session:  # readers never wait
        assert session.scalar(text("SELECT count(*) FROM t")) == 0
    release.set()
    worker.join(10)
    with db.transaction(sqlite_engine) as session:  # the turn is free again
        session.execute(text("INSERT INTO t VALUES (3)"))
    with db.transaction(sqlite_engine, write=False) as session:
        assert session.scalars(text("SELECT n FROM t ORDER BY n")).all() == [1, 3]


def test_many_threads_writing_at_once_all_get_their_turn(sqlite_engine):
    def write(n: int) -> None:
        with db.transaction(sqlite_engine) as session:
            session.execute(text("INSERT INTO t VALUES (:n)"), {"n": n})

    threads = [threading.Thread(target=write, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    with db.transaction(sqlite_engine, write=False) as session:
        assert sorted(session.scalars(text("SELECT n FROM t")).all()) == list(range(20))
