"""``bench/live.py`` at a tiny size: it runs, measures every kind of submit and the change
check, stores what it submitted, and ends with one JSON line of figures.

Once on SQLite (the default: a temporary file) and once on PostgreSQL through
``BENCH_DATABASE_URL`` (the session's throw-away database; skipped with a reason when
PostgreSQL is unreachable, failed under CI=true like the other PostgreSQL tests).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PARTICIPANTS = 5
RECORDS = 50
KINDS = ("card_pick", "topic", "dot", "note")


def _run(database_url: str | None) -> tuple[str, dict[str, Any]]:
    env = {k: v for k, v in os.environ.items() if k != "BENCH_DATABASE_URL"}
    if database_url is not None:
        env["BENCH_DATABASE_URL"] = database_url
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "live.py"), "--participants", str(PARTICIPANTS),
         "--records", str(RECORDS)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.strip().splitlines()
    return "\n".join(lines[:-1]), json.loads(lines[-1])


def _check(text: str, figures: dict[str, Any], database: str) -> None:
    assert figures["bench"] == "live"
    assert figures["database"] == database
    assert figures["participants"] == PARTICIPANTS
    assert figures["records"] == RECORDS
    # Every participant picked a card, listed a topic and wrote a note (a dot is a vote,
    # not a record): all of it was really stored in the meeting.
    assert figures["records_after"] == RECORDS + 3 * PARTICIPANTS
    for kind in KINDS:
        kind_figures = figures["submit_by_kind"][kind]
        assert kind_figures["n"] == PARTICIPANTS, kind
        assert 0 < kind_figures["p50_ms"] <= kind_figures["p95_ms"] <= kind_figures["p99_ms"]
    assert figures["submit_n"] == len(KINDS) * PARTICIPANTS
    assert figures["change_check_n"] >= figures["submit_n"]
    for name in ("submit", "change_check"):
        p50, p95, p99 = (figures[f"{name}_{q}_ms"] for q in ("p50", "p95", "p99"))
        assert 0 < p50 <= p95 <= p99 <= figures[f"{name}_max_ms"], name
    for name in ("picks", "topic_board", "notes"):
        assert figures["console_reload"][name]["n"] > 0
    assert figures["targets"] == {"submit_p95_ms": 100.0, "change_check_p95_ms": 5.0}
    assert isinstance(figures["ok"], bool)
    # The readable part names the figures the JSON line carries.
    assert f"{PARTICIPANTS} participants, {RECORDS} records" in text
    for label in ("submit (all kinds)", "change check", "p50", "p95", "p99"):
        assert label in text


def test_live_bench_on_sqlite() -> None:
    text, figures = _run(None)
    _check(text, figures, "sqlite")


@pytest.mark.postgres
def test_live_bench_on_postgresql(postgresql_url: str) -> None:
    text, figures = _run(postgresql_url)
    _check(text, figures, "postgresql")
