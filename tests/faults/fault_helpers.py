"""Shared pieces of the fault tests: real app servers, a meeting to run, browser-like tabs.

The servers are real ``streamlit run app.py`` processes (started the way ``bench/load.py``
does, but on a port the test chooses, so a crashed server comes back at the same address and
the participants' links keep working). The people are :class:`Tab` s: ``bench/simclient.py``
websocket clients (the app's own protocol, no browser) that also keep the login cookie the
app sets with its cookie script, like a browser tab would.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[2]
# Appended, not prepended: bench/exports.py must not shadow the exports package.
sys.path.append(str(ROOT / "bench"))

from simclient import ClientError, RunResult, SimClient  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from workshop.i18n import t  # noqa: E402

SERVER_START_SECONDS = 150  # generous: a loaded 2-core machine starts Streamlit slowly
RUN_TIMEOUT = 45.0  # one user action on a busy machine (a locked SQLite waits 5 s first)
PASSWORD = "fault password " + secrets.token_hex(4)


def fi(key: str, **params: Any) -> str:
    """The Finnish text a user reads (Finnish is the default language)."""
    return t(key, "fi", **params)


def bench() -> ModuleType:
    """``bench/load.py`` as a module (shared with tests/load under the same name)."""
    if "kehittamo_bench_load" in sys.modules:
        return sys.modules["kehittamo_bench_load"]
    spec = importlib.util.spec_from_file_location("kehittamo_bench_load",
                                                  ROOT / "bench" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["kehittamo_bench_load"] = module
    spec.loader.exec_module(module)
    return module


# --- servers ----------------------------------------------------------------------------------

@dataclass
class AppServer:
    """One app process on a fixed loopback port; it can be killed and started again."""

    database_url: str
    workdir: Path
    port: int
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.workdir / f"streamlit-{self.starts}.log"

    def start(self) -> AppServer:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.starts += 1
        self.process = bench().launch(self.port, self.database_url, self.log)
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not bench().healthy(self.url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise AssertionError(f"the server did not start at {self.url}:\n{self.tail()}")
            time.sleep(0.2)
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no flushing, like a crash or an OOM kill."""
        assert self.process is not None and self.process.poll() is None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        bench().stop_process(self.process)

    def tail(self, lines: int = 40) -> str:
        return bench().log_tail(self.log, lines)


def new_server(database_url: str, workdir: Path) -> AppServer:
    return AppServer(database_url, workdir, bench().free_port())


# --- a meeting to run -------------------------------------------------------------------------

@dataclass
class Meeting:
    username: str
    password: str
    workshop_id: int
    meeting_id: int
    warmup_item_id: int
    ideas_item_id: int
    link_token: str | None


def seed_meeting(url: str, *, opened: bool = True) -> Meeting:
    """A facilitator and a meeting of two activities, "Tutustuminen" (10 min) and "Ideat"
    (30 min). ``opened``: the meeting is open and "Ideat" takes contributions; otherwise it
    is only planned (the facilitator opens it from the console)."""
    from workshop import accounts, db, meetings, workshops
    from workshop.access import FacilitatorActor

    engine = db.make_engine(url)
    try:
        db.upgrade(engine)
        username = f"vika{secrets.token_hex(3)}"
        with db.transaction(engine) as session:
            user = accounts.create_user(session, username, PASSWORD, "Vika Fasilitaattori")
            me = FacilitatorActor(user.id)
            workshop = workshops.create_workshop(session, me, "Vikasietoisuus")
            meeting = meetings.plan_meeting(session, me, workshop.id, title="Aloitus")
            warmup = meetings.add_agenda_item(session, me, meeting.id, title="Tutustuminen",
                                              activity_type="notes", duration_minutes=10)
            ideas = meetings.add_agenda_item(session, me, meeting.id, title="Ideat",
                                             activity_type="notes", duration_minutes=30)
            if opened:
                meeting = meetings.open_meeting(session, me, meeting.id)
                meetings.set_item_flags(session, me, ideas.id, contributions_open=True)
    finally:
        engine.dispose()
    return Meeting(username, PASSWORD, workshop.id, meeting.id, warmup.id, ideas.id,
                   meeting.link_token)


def seed_participant(url: str) -> tuple[Meeting, str]:
    """The seeded meeting with "Ideat" current, and the personal token of Aino, who joined."""
    from workshop import accounts, db, meetings, participants
    from workshop.access import FacilitatorActor
    from workshop.models import Meeting as MeetingRow

    m = seed_meeting(url)
    engine = db.make_engine(url)
    try:
        with db.transaction(engine) as s:
            me = FacilitatorActor(accounts.find_user(s, m.username).id)
            meetings.set_current_item(s, me, m.meeting_id, m.ideas_item_id)
            joined = participants.join(s, s.get(MeetingRow, m.meeting_id),
                                       display_name="Aino", role="client_rep")
    finally:
        engine.dispose()
    return m, joined.token


def query(url: str, statement: str, **params: Any) -> list[tuple[Any, ...]]:
    """Rows of one SQL statement on the app's database (a connection of its own)."""
    from sqlalchemy import text

    from workshop import db

    engine = db.make_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(statement), params)]
    finally:
        engine.dispose()


# --- tabs -------------------------------------------------------------------------------------

COOKIE_RE = re.compile(r"kehittamo_auth=' \+ '([^']+)'")
TIMER_RE = re.compile(r"^(-?)(\d+):(\d\d)$")


class Tab(SimClient):
    """A simulated browser tab that also keeps the app's login cookie.

    The app sets the cookie with a small script (``st.html``); this tab reads the token from
    that script and sends it back in the ``Cookie`` header of its next connection, the way a
    browser does after a reload.
    """

    def __init__(self, base_url: str, *, cookie: str = "", **kwargs: Any) -> None:
        super().__init__(base_url, **kwargs)
        self.cookie = cookie

    async def connect(self, timeout: float = RUN_TIMEOUT) -> RunResult:
        headers = {"Cookie": f"kehittamo_auth={self.cookie}"} if self.cookie else None
        self._ws = await connect(
            self.stream_url, subprotocols=["streamlit"], compression=None, max_size=None,
            open_timeout=timeout, ping_interval=None, close_timeout=2,
            additional_headers=headers,
        )
        self._reader = asyncio.create_task(self._read(), name=f"read-{self.name}")
        return await self.rerun(timeout=timeout)

    def _element_node(self, element: Any, fragment_id: str) -> Any:
        if element.WhichOneof("type") == "html":
            found = COOKIE_RE.search(element.html.body)
            if found:
                self.cookie = found[1]
        return super()._element_node(element, fragment_id)

    # --- reading ------------------------------------------------------------------------------

    def find_key(self, kind: str, key: str) -> Any:
        """The widget drawn with Streamlit key ``key`` (its id ends with ``-<key>``)."""
        for widget in self.widgets():
            if widget.kind == kind and widget.id.endswith(f"-{key}"):
                return widget
        return None

    def token(self) -> str:
        """The participant's personal token in this tab's address (``?p=...``)."""
        return (parse_qs(self.query_string).get("p") or [""])[0]

    def timer(self) -> int | None:
        """Seconds left on the console's timer metric, None when no timer shows."""
        for node in self.nodes():
            if node.kind == "metric":
                found = TIMER_RE.match(node.text)
                if found:
                    seconds = int(found[2]) * 60 + int(found[3])
                    return -seconds if found[1] else seconds
        return None

    def boxes(self) -> list[list[str]]:
        """The texts of every bordered box (container) on the page, one list per box."""
        found = []
        for node in self.nodes():
            if node.kind.startswith("block") and node.children:
                texts = [c.text for _, c in sorted(node.children.items())
                         if c.children is None and c.kind == "markdown" and c.text]
                if texts:
                    found.append(texts)
        return found

    def own_notes(self) -> set[str]:
        """Texts of the notes shown as the viewer's own: a box whose caption says "oma"."""
        mine = f" · {fi('participate.mine')}"
        return {texts[0] for texts in self.boxes()
                if len(texts) >= 2 and texts[1].endswith(mine)}

    async def wait_for(self, check: Callable[[], Any], what: str,
                       timeout: float = RUN_TIMEOUT) -> Any:
        """Poll the page (live fragments keep updating it) until ``check()`` is truthy."""
        deadline = time.monotonic() + timeout
        while True:
            value = check()
            if value:
                return value
            if self.closed:
                raise AssertionError(f"{self.name}: closed ({self.close_reason}) "
                                     f"while waiting for {what}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}: no {what} within {timeout:.0f} s; "
                                     f"page: {self.texts(('markdown', 'alert', 'heading'))}")
            await asyncio.sleep(0.1)


async def log_in(server_url: str, username: str, password: str, *, name: str = "facilitator",
                 on_text: Callable[[SimClient, str, str], None] | None = None) -> Tab:
    """A facilitator tab logged in through the login form, on the console."""
    tab = Tab(server_url, page_name="login", name=name, on_text=on_text)
    await tab.connect()
    result = await tab.submit_form("login", {fi("field.username"): username,
                                             fi("field.password"): password},
                                   timeout=RUN_TIMEOUT)
    assert "console" in tab.pages, (result.alerts, result.exceptions)
    await open_console(tab)
    return tab


async def open_console(tab: Tab) -> None:
    result = await tab.open_page("console", timeout=RUN_TIMEOUT)
    assert not result.exceptions, result.exceptions
    await tab.wait_for(lambda: tab.contains(fi("console.title")), "console")


async def join(join_url: str, name: str, role: str) -> Tab:
    """A participant who opens the meeting's join link and fills in the join form."""
    parts = urlsplit(join_url)
    tab = Tab(f"{parts.scheme}://{parts.netloc}", query_string=parts.query, name=name)
    await tab.connect()
    result = await tab.submit_form("join_form", {fi("field.display_name"): name,
                                                 fi("field.role"): fi(f"role.{role}.name")},
                                   timeout=RUN_TIMEOUT)
    assert not result.exceptions, result.exceptions
    await tab.wait_for(tab.token, "personal token in the address")
    await tab.wait_for(lambda: tab.find("text_area", form_prefix="note_form_"), "note form")
    return tab


@dataclass
class Sent:
    text: str
    result: RunResult | None
    error: str = ""

    @property
    def confirmed(self) -> bool:
        """The participant saw "saved" at the end of the submit, and no error on the way."""
        result = self.result
        return bool(result and result.alert("success", fi("participate.saved"), final=True)
                    and not [b for f, b in result.alerts if f == "error"]
                    and not result.exceptions)


async def send_note(tab: Tab, text: str, *, timeout: float = RUN_TIMEOUT) -> Sent:
    """Type ``text`` in the note form and press send; what the participant then saw."""
    area = tab.find("text_area", form_prefix="note_form_")
    button = tab.find("button", form_prefix="note_form_", submitter=True)
    if area is None or button is None:
        return Sent(text, None, "no note form on the page")
    try:
        result = await tab.rerun(values={area.id: text}, triggers=[button.id], timeout=timeout)
    except ClientError as error:
        return Sent(text, None, str(error.args[0]))
    return Sent(text, result)


# --- a TCP proxy to a database that can be made unreachable -----------------------------------

class TcpProxy:
    """Forwards a loopback port to ``target``; ``stop()`` cuts every connection and refuses
    new ones (the database is unreachable), ``start()`` serves the same port again."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = bench().free_port()
        self._listener: socket.socket | None = None
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()

    def start(self) -> TcpProxy:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def stop(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # stopped
            try:
                upstream = socket.create_connection(self.target, timeout=10)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._listener is not listener:
                    client.close()
                    upstream.close()
                    return
                self._sockets.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
