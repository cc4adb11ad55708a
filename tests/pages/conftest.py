"""Page tests with Streamlit's AppTest against a fresh SQLite database per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pages import live_cache
from workshop import db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.chdir(ROOT)
    # Tests change the database and run the page again at once; the shared change check
    # may answer from the last 0.4 s (tested on its own in tests/unit/test_live_cache.py).
    monkeypatch.setattr(live_cache, "REVISION_SECONDS", 0.0)
    engine = db.make_engine(url)
    db.upgrade(engine)
    yield engine
    engine.dispose()


