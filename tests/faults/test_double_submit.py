"""A double click on "send": the second press reaches the server while the first one's run is
under way (or queued), against a real server over the app's own websocket. Each note is
stored once, and the participant sees it confirmed."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import urlencode

import pytest
from fault_helpers import RUN_TIMEOUT, Tab, bench, fi, new_server, seed_participant
from simclient import run_in_fresh_loop

pytestmark = pytest.mark.timeout(300)

# Seconds between the two presses: from "at once" (the server may merge them into one run)
# to "while the first press's run is drawing the page" (the second cuts that run short).
GAPS = [0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.12]
TEXTS = [f"Tuplaklikkaus {n}: jonotus on liian pitkä" for n in range(len(GAPS))]


async def _double_clicks(server_url: str, token: str) -> list[bool]:
    tab = Tab(server_url, query_string=urlencode({"p": token}), name="Aino")
    await tab.connect()
    confirmed = []
    try:
        for text, gap in zip(TEXTS, GAPS, strict=True):
            await tab.wait_for(lambda: tab.find("text_area", form_prefix="note_form_"),
                               "note form")
            area = tab.find("text_area", form_prefix="note_form_")
            button = tab.find("button", form_prefix="note_form_", submitter=True)
            tab.press(values={area.id: text}, triggers=[button.id])  # the first press...
            await asyncio.sleep(gap)
            result = await tab.rerun(values={area.id: text}, triggers=[button.id],
                                     timeout=RUN_TIMEOUT)  # ...and the second, right after
            assert not result.exceptions, result.exceptions
            confirmed.append(result.alert("success", fi("participate.saved")))
    finally:
        await tab.close()
    return confirmed


def test_a_double_clicked_note_is_stored_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'double.sqlite3'}"
    m, token = seed_participant(url)
    server = new_server(url, tmp_path / "server")
    try:
        server.start()
        confirmed = run_in_fresh_loop(_double_clicks(server.url, token))
    except BaseException:
        print(server.tail())
        raise
    finally:
        server.stop()
    stored = sorted(bench().stored_notes(url, m.meeting_id))
    assert stored == sorted(TEXTS)  # each once: no duplicate, nothing lost
    assert any(confirmed), confirmed
