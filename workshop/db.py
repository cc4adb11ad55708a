"""Engine, sessions and schema upgrades for SQLite (default) and PostgreSQL (DATABASE_URL).

One engine per process; one short session per operation (:func:`transaction`). The app caches
the engine with ``st.cache_resource``; the CLI and tests call :func:`make_engine` themselves.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DATA_DIR = Path("data")
SQLITE_FILENAME = "kehittamo.sqlite3"
MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000


def database_url() -> str:
    """``DATABASE_URL`` if set, else an SQLite file under ``KEHITTAMO_DATA_DIR`` (./data)."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return normalise_url(url)
    data_dir = Path(os.environ.get("KEHITTAMO_DATA_DIR", DEFAULT_DATA_DIR))
    return f"sqlite:///{data_dir / SQLITE_FILENAME}"


def normalise_url(url: str) -> str:
    """Accept the usual ``postgres://`` / ``postgresql://`` forms and use psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA foreign_keys=ON")
    # Wait for a lock instead of failing at once.
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a commit survives a crash
    cursor.close()


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    url = normalise_url(url or database_url())
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        _disable_pysqlite_begin(engine)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    # A database that hangs instead of refusing must not hang the page: give up like a
    # refused connection does, and the page says "not saved, try again".
    kwargs.setdefault("connect_args", {"connect_timeout": 5})
    kwargs.setdefault("pool_timeout", 10)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    return create_engine(url, **kwargs)


def _sqlite_begin(conn: Any) -> None:
    # A writing unit of work takes the write lock at BEGIN, so two writers queue on
    # busy_timeout instead of one failing with "database is locked" when it upgrades a
    # read lock. Readers begin deferred and never wait for writers (WAL).
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _disable_pysqlite_begin(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(engine: Engine, *, write: bool = True) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error.

    ``write=False`` marks a read-only unit (no write lock taken on SQLite).
    """
    if not write:
        with Session(engine, expire_on_commit=False) as session, session.begin():
            yield session
        return
    bind = engine.execution_options(sqlite_begin="IMMEDIATE")
    with _writer_turn(engine), Session(bind, expire_on_commit=False) as session, \
            session.begin():
        yield session


_writer_locks: dict[str, threading.RLock] = {}
_writer_locks_guard = threading.Lock()


@contextmanager
def _writer_turn(engine: Engine) -> Iterator[None]:
    """SQLite has one writer at a time. Threads of this process queue for it here, and the
    next one starts the moment the lock is free; queueing on SQLite's busy handler instead
    sleeps in growing steps (up to 100 ms), which with many phones turned a few
    milliseconds of writing into seconds of waiting. Other processes still meet
    busy_timeout. PostgreSQL needs no queue."""
    if engine.dialect.name != "sqlite":
        yield
        return
    key = str(engine.url)
    with _writer_locks_guard:
        lock = _writer_locks.setdefault(key, threading.RLock())
    if not lock.acquire(timeout=BUSY_TIMEOUT_MS / 1000):
        # What SQLite itself says when its busy timeout runs out: callers already handle it.
        raise OperationalError("BEGIN IMMEDIATE", None,
                               sqlite3.OperationalError("database is locked"))
    try:
        yield
    finally:
        lock.release()


def reading(engine: Engine) -> Any:
    return transaction(engine, write=False)


def alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    from alembic import command

    # Feature migrations branch from the initial schema; "heads" applies every branch.
    command.upgrade(alembic_config(engine), "heads")


def current_revision(engine: Engine) -> str | None:
    """The applied revision(s), comma-separated when several feature branches are applied."""
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        heads = MigrationContext.configure(connection).get_current_heads()
    return ",".join(sorted(heads)) or None


def is_empty(engine: Engine) -> bool:
    """True when no workshop and no user exist yet (a fresh install)."""
    from sqlalchemy import func, select

    from workshop.models import User, Workshop

    if not inspect(engine).has_table("users"):
        return True
    with Session(engine) as session:
        users = session.scalar(select(func.count()).select_from(User)) or 0
        workshops = session.scalar(select(func.count()).select_from(Workshop)) or 0
    return users == 0 and workshops == 0


def backend_name(engine: Engine) -> str:
    return engine.dialect.name
