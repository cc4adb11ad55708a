"""SIGKILL in the middle of a meeting, then the server starts again on the same database.

A real server runs a meeting: the facilitator logs in, opens the meeting from the console,
opens the "Ideat" activity for contributions and makes it current (which starts its
30-minute timer); three participants join through the link the console shows and send
notes. While a second round of notes is on its way, the server gets
SIGKILL. After a restart at the same address:

- every note whose "saved" confirmation a participant saw is in the database;
- each participant who opens their own link again (``?p=<token>``) is the same person: their
  earlier notes are marked as their own, nobody else's are;
- the facilitator's browser is signed in again by its remembered-login cookie, and the
  console shows the same current activity with the timer still counting down to the same
  deadline.

Once on SQLite and once on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from fault_helpers import (
    AppServer,
    Meeting,
    Sent,
    Tab,
    fi,
    join,
    log_in,
    new_server,
    open_console,
    query,
    seed_meeting,
    send_note,
)
from simclient import run_in_fresh_loop

pytestmark = pytest.mark.timeout(600)

PEOPLE = [("Aino", "client_rep"), ("Pekka", "professional"), ("Sanna", "expert_by_experience")]
TIMER_SLACK_S = 3  # the console shows whole seconds and refreshes every second


def _current_activities(tab: Tab) -> list[str]:
    """Agenda items the console marks as the current one."""
    badge = fi("console.current")
    return [title for title in ("Tutustuminen", "Ideat")
            if any(title in text and badge in text for text in tab.texts())]


def _timer_row(url: str, meeting_id: int) -> tuple[object, ...]:
    rows = query(url, "SELECT current_item_id, timer_started_at, timer_seconds FROM meetings "
                      "WHERE id = :m", m=meeting_id)
    return rows[0]


def _stored(url: str, meeting_id: int) -> list[str]:
    return [text for (text,) in query(url, "SELECT text FROM notes WHERE meeting_id = :m",
                                      m=meeting_id)]


def _join_link(tab: Tab) -> str | None:
    """The join link the console shows (for the QR code and to copy)."""
    return next((t for t in tab.texts(("code",)) if "?join=" in t), None)


async def _press(tab: Tab, key: str) -> None:
    button = tab.find_key("button", key)
    assert button is not None, (key, tab.texts())
    result = await tab.rerun(triggers=[button.id])
    assert not result.exceptions and not [b for f, b in result.alerts if f == "error"], result


async def _meeting_until_the_crash(server: AppServer, m: Meeting, url: str) -> dict:
    # The facilitator opens the meeting, opens "Ideat" for contributions and makes it the
    # current activity, which starts its timer: all from the console.
    facilitator = await log_in(server.url, m.username, m.password)
    assert facilitator.cookie, "the login did not set the remembered-login cookie"
    await _press(facilitator, "open_meeting")
    link = await facilitator.wait_for(lambda: _join_link(facilitator), "the join link")
    assert link.startswith(server.url), link
    await _press(facilitator, f"open_{m.ideas_item_id}")
    await facilitator.wait_for(
        lambda: facilitator.find_key("button", f"open_{m.ideas_item_id}").label
        == fi("console.close_contributions"), "contributions open")
    assert _current_activities(facilitator) == ["Tutustuminen"]
    await _press(facilitator, f"current_{m.ideas_item_id}")
    await facilitator.wait_for(lambda: _current_activities(facilitator) == ["Ideat"],
                               "Ideat as the current activity")
    await facilitator.wait_for(facilitator.timer, "the activity timer")
    timer_row = _timer_row(url, m.meeting_id)
    assert timer_row[0] == m.ideas_item_id and timer_row[1] is not None, timer_row

    people = [await join(link, name, role) for name, role in PEOPLE]
    tokens = [p.token() for p in people]
    assert len(set(tokens)) == len(PEOPLE)

    tag = secrets.token_hex(3)
    first = await asyncio.gather(*(send_note(p, f"ensin idea {i} {tag}")
                                   for i, p in enumerate(people)))
    assert all(s.confirmed for s in first), [(s.error, s.result) for s in first]
    await facilitator.wait_for(lambda: all(facilitator.contains(s.text) for s in first),
                               "the first notes on the console")
    timer_before, timer_read_at = facilitator.timer(), time.monotonic()
    assert timer_before is not None and 25 * 60 < timer_before <= 30 * 60, timer_before

    # The second round is on its way when the server dies: some saved and confirmed, some
    # maybe saved without a confirmation, some not saved at all.
    async def later(index: int, tab: Tab) -> Sent:
        await asyncio.sleep(0.15 * index)
        return await send_note(tab, f"sitten idea {index} {tag}")

    second_round = [asyncio.create_task(later(i, p)) for i, p in enumerate(people)]
    await asyncio.sleep(0.3)
    await asyncio.to_thread(server.kill)
    second = await asyncio.gather(*second_round)
    for tab in [facilitator, *people]:
        await tab.close()
    print(f"second round at the crash: {sum(s.confirmed for s in second)} of {len(second)} "
          "confirmed")
    return {
        "cookie": facilitator.cookie,
        "tokens": tokens,
        "sent": [[first[i], second[i]] for i in range(len(PEOPLE))],
        "timer_before": timer_before,
        "timer_read_at": timer_read_at,
        "timer_row": timer_row,
    }


async def _after_the_restart(server: AppServer, m: Meeting, url: str, before: dict) -> None:
    stored = _stored(url, m.meeting_id)
    confirmed = [s.text for sent in before["sent"] for s in sent if s.confirmed]
    missing = [text for text in confirmed if text not in stored]
    assert not missing, f"confirmed but lost: {missing} (stored: {stored})"
    assert len(stored) == len(set(stored)), stored

    # Each participant comes back through their own link and sees their notes as theirs.
    for index, ((name, role), token) in enumerate(zip(PEOPLE, before["tokens"], strict=True)):
        tab = Tab(server.url, query_string=urlencode({"p": token}), name=f"{name} again")
        await tab.connect()
        try:
            await tab.wait_for(
                lambda t=tab, n=name, r=role: t.contains(
                    fi("participate.you_are", name=n, role=fi(f"role.{r}.name"))),
                "the participant's own name")
            mine = [s.text for s in before["sent"][index] if s.text in stored]
            others = [t for t in stored if t not in mine]
            await tab.wait_for(lambda t=tab: all(t.contains(x) for x in stored),
                               "every stored note on the participant's screen")
            shown = tab.own_notes()
            assert set(mine) <= shown, (name, mine, shown)
            assert not shown & set(others), (name, others, shown)
            # The form is back too: the participant can carry on.
            assert tab.find("text_area", form_prefix="note_form_") is not None
        finally:
            await tab.close()

    # The facilitator reloads: the remembered login signs them in to the new server.
    facilitator = Tab(server.url, cookie=before["cookie"], name="facilitator again")
    await facilitator.connect()
    try:
        assert "console" in facilitator.pages, \
            f"not signed in again: {facilitator.texts(('markdown', 'alert', 'heading'))}"
        await open_console(facilitator)
        await facilitator.wait_for(lambda: _current_activities(facilitator) == ["Ideat"],
                                   "Ideat as the current activity after the restart")
        await facilitator.wait_for(lambda: all(facilitator.contains(t) for t in stored),
                                   "every stored note on the console")
        remaining = await facilitator.wait_for(facilitator.timer, "the timer after the restart")
        expected = before["timer_before"] - (time.monotonic() - before["timer_read_at"])
        print(f"timer: {before['timer_before']} s left before the crash, {remaining} s after "
              f"the restart, {expected:.1f} s expected")
        assert abs(remaining - expected) <= TIMER_SLACK_S, (remaining, expected)
        # Still running: it keeps counting down.
        await facilitator.wait_for(lambda: (facilitator.timer() or remaining) < remaining - 1,
                                   "the timer counting down")
        assert _timer_row(url, m.meeting_id) == before["timer_row"]
    finally:
        await facilitator.close()


def test_a_killed_server_comes_back_with_the_meeting(app_database: str, tmp_path: Path) -> None:
    m = seed_meeting(app_database, opened=False)
    server = new_server(app_database, tmp_path / "server")
    try:
        server.start()
        started = time.monotonic()
        before = run_in_fresh_loop(_meeting_until_the_crash(server, m, app_database))
        server.start()  # the same port and database
        print(f"restarted in {time.monotonic() - started:.1f} s after the meeting began")
        run_in_fresh_loop(_after_the_restart(server, m, app_database, before))
    except BaseException:
        print(server.tail())
        raise
    finally:
        server.stop()
