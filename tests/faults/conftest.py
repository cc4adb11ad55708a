"""Fault tests: a crashed server, a database that is briefly away, two servers on one database.

Every test here is marked ``faults`` (``pytest -m faults``). They start real app servers, so
they take tens of seconds each. PostgreSQL variants use a throw-away database next to the
session's test database (``tests/conftest.py``): skipped with a reason when PostgreSQL is
unreachable, failed under CI=true.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_helpers import bench

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.faults)


@pytest.fixture
def pg_database(postgresql_url: str, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database of this test's own (dropped after)."""
    with bench().fresh_database(postgresql_url, tmp_path) as database:
        assert database.kind == "postgresql"
        yield database.url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def app_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database for the app servers of one test: once SQLite, once PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'app.sqlite3'}"
    return request.getfixturevalue("pg_database")
