"""The simulated browser keeps the page the way Streamlit's frontend does (no server needed)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import sys
from pathlib import Path

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

# Appended, not prepended: bench/exports.py must not shadow the exports package.
sys.path.append(str(Path(__file__).resolve().parents[2] / "bench"))

from simclient import FRAGMENT_SUCCESS, SUCCESS, SimClient, run_in_fresh_loop  # noqa: E402

pytestmark = pytest.mark.load


def _start(client: SimClient, run: str, fragments: tuple[str, ...] = ()) -> None:
    msg = ForwardMsg()
    msg.new_session.page_script_hash = "page"
    msg.metadata.run.script_run_id = run
    msg.metadata.run.fragment_ids.extend(fragments)
    client._handle(msg)


def _finish(client: SimClient, status: int) -> None:
    msg = ForwardMsg()
    msg.script_finished = status
    client._handle(msg)


def _markdown(client: SimClient, path: list[int], body: str, fragment: str = "") -> None:
    msg = ForwardMsg()
    msg.metadata.delta_path.extend(path)
    msg.delta.new_element.markdown.body = body
    msg.delta.fragment_id = fragment
    client._handle(msg)


def _block(client: SimClient, path: list[int], fragment: str = "", form: str = "") -> None:
    msg = ForwardMsg()
    msg.metadata.delta_path.extend(path)
    if form:
        msg.delta.add_block.form.form_id = form
    else:
        msg.delta.add_block.vertical.SetInParent()
    msg.delta.fragment_id = fragment
    client._handle(msg)


def test_a_full_run_drops_what_it_did_not_send_again() -> None:
    client = SimClient("http://127.0.0.1:1")
    _start(client, "r1")
    _markdown(client, [0, 0], "otsikko")
    _markdown(client, [0, 1], "Tallennettu")
    _finish(client, SUCCESS)
    assert client.contains("Tallennettu")
    _start(client, "r2")
    _markdown(client, [0, 0], "otsikko")
    _finish(client, SUCCESS)
    assert client.texts() == ["otsikko"]


def test_a_fragment_run_replaces_only_the_fragment() -> None:
    client = SimClient("http://127.0.0.1:1")
    _start(client, "r1")
    _markdown(client, [0, 0], "lomake")
    _block(client, [0, 1], fragment="f")
    _markdown(client, [0, 1, 0], "idea 1", fragment="f")
    _markdown(client, [0, 1, 1], "idea 2", fragment="f")
    _finish(client, SUCCESS)
    _start(client, "r2", fragments=("f",))
    _block(client, [0, 1], fragment="f")
    _markdown(client, [0, 1, 0], "idea 3", fragment="f")
    _finish(client, FRAGMENT_SUCCESS)
    assert client.texts() == ["lomake", "idea 3"]


def test_widgets_are_found_by_form_and_label() -> None:
    client = SimClient("http://127.0.0.1:1")
    _start(client, "r1")
    _block(client, [0, 0], form="note_form_7")
    text = ForwardMsg()
    text.metadata.delta_path.extend([0, 0, 0])
    area = text.delta.new_element.text_area
    area.id, area.label, area.form_id = "$$ID-a", "Kirjoita tähän", "note_form_7"
    client._handle(text)
    press = ForwardMsg()
    press.metadata.delta_path.extend([0, 0, 1])
    button = press.delta.new_element.button
    button.id, button.label, button.form_id, button.is_form_submitter = (
        "$$ID-b", "Lähetä", "note_form_7", True)
    client._handle(press)
    _finish(client, SUCCESS)
    assert client.find("text_area", form_prefix="note_form_").id == "$$ID-a"
    assert client.find("button", form_prefix="note_form_", submitter=True).id == "$$ID-b"
    assert client.find(None, label="Kirjoita tähän", form_id="note_form_7").kind == "text_area"


def test_auto_rerun_timers_follow_the_server() -> None:
    async def scenario() -> None:
        client = SimClient("http://127.0.0.1:1")
        _start(client, "r1")
        timer = ForwardMsg()
        timer.auto_rerun.fragment_id, timer.auto_rerun.interval = "f", 2.0
        client._handle(timer)
        assert client.fragments == {"f": 2.0}
        _start(client, "r2", fragments=("f",))  # a fragment run keeps the timer
        assert client.fragments == {"f": 2.0}
        _start(client, "r3")  # a full run drops it until its own auto_rerun arrives
        assert client.fragments == {}
        client._handle(timer)
        stop = ForwardMsg()
        stop.stop_auto_rerun.fragment_ids.append("f")
        client._handle(stop)
        assert client.fragments == {}
        await client.close()

    run_in_fresh_loop(scenario())


def test_coroutines_run_even_inside_a_running_event_loop() -> None:
    # What a browser test leaves behind in the same pytest process: a running loop. The outer
    # loop runs in a thread of its own, as this test's thread may already have one.
    async def inside() -> int:
        return run_in_fresh_loop(asyncio.sleep(0, result=7))

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, inside()).result(timeout=30) == 7
