"""Test fixtures: every domain test runs on SQLite and on PostgreSQL.

PostgreSQL (127.0.0.1:5432, user postgres, or ``KEHITTAMO_TEST_PG``) gets a throw-away
database per run. Under CI=true an unreachable PostgreSQL fails the run; elsewhere its tests
are skipped with a visible reason.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.orm import Session

from workshop import db
from workshop.models import Base, load_all_models

load_all_models()

PG_ADMIN_URL = os.environ.get(
    "KEHITTAMO_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() == "true"


def _pg_admin() -> Engine | None:
    engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("select 1"))
    except Exception as error:  # noqa: BLE001
        engine.dispose()
        if IN_CI:
            pytest.exit(f"PostgreSQL unreachable at {PG_ADMIN_URL} under CI=true: {error}", 3)
        return None
    return engine


@pytest.fixture(scope="session")
def postgresql_url() -> Iterator[str]:
    admin = _pg_admin()
    if admin is None:
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}: PostgreSQL tests skipped")
    name = f"kehittamo_test_{os.getpid()}_{secrets.token_hex(3)}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as connection:
        connection.execute(text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
        ), {"n": name})
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


_engines: dict[str, Engine] = {}


def _migrated(url: str) -> Engine:
    if url not in _engines:
        engine = db.make_engine(url)
        db.upgrade(engine)
        _engines[url] = engine
    return _engines[url]


def _wipe(engine: Engine) -> None:
    """Empty every table between tests. Plain DELETEs in dependency order: on PostgreSQL a
    TRUNCATE of ~60 tables per test took most of the suite's time (exclusive locks, new
    files), while deleting a few rows from mostly empty tables is cheap."""
    # Only tables the migrations created: a model without a migration fails test_schema.py.
    existing = set(inspect(engine).get_table_names())
    tables = [t.name for t in reversed(Base.metadata.sorted_tables) if t.name in existing]
    with engine.begin() as connection:
        connection.execute(text("UPDATE meetings SET current_item_id = NULL"))
        for name in tables:
            connection.execute(text(f'DELETE FROM "{name}"'))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """A migrated, empty database: once SQLite, once PostgreSQL."""
    url = request.getfixturevalue(f"{request.param}_url")
    engine = _migrated(url)
    _wipe(engine)
    yield engine


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """One unit of work committed at the end of the test (like a request)."""
    with db.transaction(engine) as s:
        yield s


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    for engine in _engines.values():
        engine.dispose()


def pytest_report_header(config: pytest.Config) -> list[str]:
    return [f"PostgreSQL for tests: {PG_ADMIN_URL} (CI={IN_CI})"]


ROOT = Path(__file__).resolve().parent.parent
