"""The database is briefly away while a participant sends a note.

Two outages: (a) SQLite locked by another connection holding the write lock (the app waits
its busy timeout, then gives up), (b) PostgreSQL unreachable: the app reaches it through a
TCP proxy the test stops (every open connection cut, new ones refused) and starts again. The
real PostgreSQL server is never touched.

In both, the participant sees the catalogue's Finnish "not saved, try again" message and no
traceback, their text stays in the form, nothing is stored; once the database is back the
same press of "send" saves it, exactly once. Checked in-process with AppTest and against a
real server with the websocket client.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from fault_helpers import (
    ROOT,
    Tab,
    TcpProxy,
    fi,
    new_server,
    query,
    seed_participant,
    send_note,
)
from simclient import run_in_fresh_loop
from sqlalchemy.engine import make_url

pytestmark = pytest.mark.timeout(300)

TEXT = "Ajanvaraus puhelimella on vaikeaa, chatti auttaisi 🙂"


def _notes(url: str, meeting_id: int) -> list[str]:
    return [t for (t,) in query(url, "SELECT text FROM notes WHERE meeting_id = :m",
                                m=meeting_id)]


# --- outages ----------------------------------------------------------------------------------

class SqliteLocked:
    """Another connection holds the SQLite write lock while the outage lasts."""

    def __init__(self, url: str) -> None:
        self.url = url  # the app's URL: the same file
        self.path = make_url(url).database
        self.holder: sqlite3.Connection | None = None

    def cut(self) -> None:
        self.holder = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.holder.execute("BEGIN EXCLUSIVE")

    def restore(self) -> None:
        assert self.holder is not None
        self.holder.execute("ROLLBACK")
        self.holder.close()
        self.holder = None


class PostgresAway:
    """The app's PostgreSQL URL goes through a proxy that is stopped while it lasts."""

    def __init__(self, database_url: str) -> None:
        parsed = make_url(database_url)
        self.proxy = TcpProxy((parsed.host or "127.0.0.1", parsed.port or 5432)).start()
        self.url = parsed.set(host="127.0.0.1", port=self.proxy.port).render_as_string(
            hide_password=False)

    def cut(self) -> None:
        self.proxy.stop()

    def restore(self) -> None:
        self.proxy.start()


@contextmanager
def _outage(kind: str, tmp_path: Path, request: pytest.FixtureRequest
            ) -> Iterator[tuple[str, Any]]:
    """(URL the app uses, URL to check the database with, the outage), per database."""
    if kind == "sqlite":
        url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
        yield url, url, SqliteLocked(url)
        return
    direct = request.getfixturevalue("pg_database")
    away = PostgresAway(direct)
    try:
        yield away.url, direct, away
    finally:
        away.proxy.stop()


OUTAGES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def _while_down(outage: Any) -> Iterator[None]:
    outage.cut()
    try:
        yield
    finally:
        outage.restore()


# --- AppTest ----------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", OUTAGES)
def test_participant_keeps_the_text_and_retries_once(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest,
) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "pages"))
    from apptest_helpers import make_app, texts

    with _outage(kind, tmp_path, request) as (app_url, check_url, outage):
        m, token = seed_participant(check_url)
        monkeypatch.setenv("DATABASE_URL", app_url)
        monkeypatch.chdir(ROOT)
        app = make_app()
        app.query_params["p"] = token
        app.run(timeout=60)
        assert not app.exception, app.exception
        area = f"new_note_{m.ideas_item_id}_0"
        send = f"FormSubmitter:note_form_{m.ideas_item_id}-{fi('participate.send')}"
        app.text_area(key=area).input(TEXT)

        with _while_down(outage):
            app.button(key=send).click().run(timeout=60)
            assert not app.exception, app.exception  # no traceback
            assert fi("error.not_saved_try_again") in [e.value for e in app.error], texts(app)
            assert fi("participate.saved") not in texts(app)
            assert app.text_area(key=area).value == TEXT  # nothing typed is lost
        assert _notes(check_url, m.meeting_id) == []

        app.button(key=send).click().run(timeout=60)
        assert not app.exception, app.exception
        assert fi("participate.saved") in [e.value for e in app.success], texts(app)
        assert _notes(check_url, m.meeting_id) == [TEXT]


# --- a real server ----------------------------------------------------------------------------

async def _submit_through_the_outage(server_url: str, token: str, outage: Any,
                                     check_url: str, meeting_id: int) -> None:
    tab = Tab(server_url, query_string=urlencode({"p": token}), name="Aino")
    await tab.connect()
    try:
        await tab.wait_for(lambda: tab.find("text_area", form_prefix="note_form_"), "note form")
        area = tab.find("text_area", form_prefix="note_form_")
        await asyncio.to_thread(outage.cut)
        try:
            failed = await send_note(tab, TEXT)
        finally:
            await asyncio.to_thread(outage.restore)
        assert failed.result is not None, failed.error
        assert not failed.result.exceptions, failed.result.exceptions
        assert ("error", fi("error.not_saved_try_again")) in failed.result.alerts, \
            failed.result.alerts
        assert not failed.confirmed
        # The same text box (same widget) is still on the page, so the browser keeps the
        # text in it.
        assert tab.find("text_area", form_prefix="note_form_") == area
        assert _notes(check_url, meeting_id) == []

        retried = await send_note(tab, TEXT)
        assert retried.confirmed, (retried.error, retried.result)
        assert _notes(check_url, meeting_id) == [TEXT]
    finally:
        await tab.close()


@pytest.mark.parametrize("kind", OUTAGES)
def test_real_server_says_not_saved_and_saves_on_retry(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest,
) -> None:
    with _outage(kind, tmp_path, request) as (app_url, check_url, outage):
        m, token = seed_participant(check_url)
        server = new_server(app_url, tmp_path / "server")
        try:
            server.start()
            run_in_fresh_loop(_submit_through_the_outage(server.url, token, outage, check_url,
                                                         m.meeting_id))
        except BaseException:
            print(server.tail())
            raise
        finally:
            server.stop()

