"""Load benchmark: N participants and one facilitator as real Streamlit websocket clients.

Run: ``.venv/bin/python bench/load.py --participants 200 --duration 120``

Without ``--url`` it makes a fresh database (an SQLite file in a temporary folder, or a
throw-away PostgreSQL database when ``--database-url`` points at a server), sets up a
facilitator, a workshop and an open meeting whose notes activity takes contributions, joins N
participants in the database to get their personal tokens, and starts its own server
(``streamlit run app.py`` on a free loopback port). Then every participant opens the app with
``?p=<token>`` like their phone would (:mod:`simclient`: no browser, the app's own websocket
protocol), the facilitator logs in through the login form and opens the console, and each
participant submits a note every 20-40 s (staggered, jittered) for ``--duration`` seconds while
everyone's live fragments poll on their timers.

Measured:
- submit latency: the submit (form trigger) sent -> the run that shows the "saved" flash
  finished (``st.rerun()`` included); ``save_ms`` is up to the first finished run;
- visible: the submit sent -> the note's text arrives in the facilitator console's live panel;
- server RSS per connected session: (RSS with everyone connected - RSS before) / N, and at end;
- server CPU (% of one core; 200 % is both cores of a 2-core machine) during the window;
- lost: notes whose "saved" flash the participant saw but that are not in the database (must
  be 0); participants' fragment round trips; the load generator's own CPU.

With ``--url`` it targets a running server on this machine instead; ``--database-url`` must
then be that server's database (a workshop "Kuormitustesti <time>" is added to it and read
back). Loopback only, bounded in participants and time; it stops and kills its own server.
The last line of output is one JSON object.

Also: ``--servers 2`` runs two app processes on the same database with every participant
sticking to one (a sticky load balancer), ``--gc-freeze`` calls ``gc.freeze()`` in the server
after warm-up (a bench-only ``sitecustomize``, no app code), ``--app-dir`` serves another
checkout (to measure a change before it lands), ``--keep`` keeps the server log. On a machine
shared with other work, ``chrt -r 20 python bench/load.py ...`` keeps the figures about the
app; ``other_cpu_percent`` in the output says how busy the rest of the machine was.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout
# Appended: loaded by the tests, bench/exports.py must not shadow the exports package.
sys.path.append(str(Path(__file__).resolve().parent))  # simclient

from simclient import ClientError, SimClient, run_in_fresh_loop  # noqa: E402

MAX_PARTICIPANTS = 500
MAX_DURATION = 1800
SERVER_START_SECONDS = 90
FACILITATOR = "kuormitus"
PASSWORD = "kuormitus-" + secrets.token_hex(8)
NOTE_RE = re.compile(r"idea p(\d+) n(\d+) ([0-9a-f]{6})")
ROLES = ("client_rep", "professional", "ngo_parish", "expert_by_experience", "other")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}

# Instrumentation for the server process only (PYTHONPATH): garbage collections per generation
# and the collecting thread's CPU time between each one's start and stop callbacks, written
# on SIGUSR2; gc.collect() + gc.freeze() on SIGUSR1 (--gc-freeze).
# No app code is touched.
SITECUSTOMIZE = r'''
import gc, json, os, signal, time
_stats = {"collections": [0, 0, 0], "ms": [0.0, 0.0, 0.0], "max_ms": [0.0, 0.0, 0.0],
          "frozen": 0}
_start = [0.0]
def _cb(phase, info):
    # CPU time of the collecting thread: finalizers may let other threads run meanwhile.
    if phase == "start":
        _start[0] = time.thread_time()
        return
    g = info["generation"]
    ms = (time.thread_time() - _start[0]) * 1000
    _stats["collections"][g] += 1
    _stats["ms"][g] += ms
    _stats["max_ms"][g] = max(_stats["max_ms"][g], ms)
gc.callbacks.append(_cb)
_out = os.environ.get("KEHITTAMO_BENCH_GC_FILE")
def _freeze(*_):
    gc.collect()
    gc.freeze()
    _stats["frozen"] = gc.get_freeze_count()
    _dump()
def _dump(*_):
    if _out:
        data = dict(_stats, frozen=gc.get_freeze_count(), counts=gc.get_count(),
                    threshold=gc.get_threshold(),
                    tracked=len(gc.get_objects()))
        with open(_out + ".tmp", "w") as f:
            json.dump(data, f)
        os.replace(_out + ".tmp", _out)
signal.signal(signal.SIGUSR1, _freeze)
signal.signal(signal.SIGUSR2, _dump)
if os.environ.get("KEHITTAMO_BENCH_SWITCH"):  # diagnostics: GIL switch interval, seconds
    import sys
    sys.setswitchinterval(float(os.environ["KEHITTAMO_BENCH_SWITCH"]))
_mode = os.environ.get("KEHITTAMO_BENCH_GC", "")  # diagnostics: "off" or "threshold:a,b,c"
if _mode == "off":
    gc.disable()
elif _mode.startswith("threshold:"):
    gc.set_threshold(*(int(x) for x in _mode.split(":", 1)[1].split(",")))
'''


# --- figures ----------------------------------------------------------------------------------

def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))
    return round(ordered[rank], 1)


def fmt(value: float | None, unit: str = "ms") -> str:
    return "-" if value is None else f"{value:,.1f} {unit}".replace(",", " ")


# --- database ---------------------------------------------------------------------------------

@dataclass
class Database:
    url: str
    kind: str


@contextlib.contextmanager
def fresh_database(database_url: str | None, workdir: Path) -> Iterator[Database]:
    from sqlalchemy import create_engine, text

    from workshop import db

    if not database_url:
        yield Database(f"sqlite:///{workdir / 'load.sqlite3'}", "sqlite")
        return
    url = db.normalise_url(database_url)
    if not url.startswith("postgresql"):
        yield Database(url, url.split(":", 1)[0])
        return
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"kehittamo_load_{os.getpid()}_{secrets.token_hex(3)}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield Database(admin.url.set(database=name).render_as_string(hide_password=False),
                       "postgresql")
    finally:
        with admin.connect() as connection:
            connection.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
            ), {"n": name})
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@dataclass
class World:
    username: str
    password: str
    workshop_id: int
    meeting_id: int
    item_id: int
    tokens: list[str]


def seed(url: str, participants: int) -> World:
    """A facilitator, a workshop, an open meeting with a notes item open, N participants."""
    from workshop import accounts, db, meetings, workshops
    from workshop import participants as people
    from workshop.access import FacilitatorActor
    from workshop.models import Meeting

    engine = db.make_engine(url)
    db.upgrade(engine)
    stamp = time.strftime("%Y-%m-%d %H.%M.%S")
    username = f"{FACILITATOR}{secrets.token_hex(3)}"
    with db.transaction(engine) as session:
        user = accounts.create_user(session, username, PASSWORD, "Kuormitus Fasilitaattori")
        me = FacilitatorActor(user.id)
        workshop = workshops.create_workshop(session, me, f"Kuormitustesti {stamp}")
        meeting = meetings.plan_meeting(session, me, workshop.id, title="Aloitustilaisuus")
        item = meetings.add_agenda_item(session, me, meeting.id, title="Ideat",
                                        activity_type="notes", duration_minutes=60)
        meetings.open_meeting(session, me, meeting.id)
        meetings.set_item_flags(session, me, item.id, contributions_open=True)
        meetings.set_current_item(session, me, meeting.id, item.id)
    tokens = []
    with db.transaction(engine) as session:
        row = session.get(Meeting, meeting.id)
        for i in range(participants):
            joined = people.join(session, row, display_name=f"Osallistuja {i}",
                                 role=ROLES[i % len(ROLES)])
            tokens.append(joined.token)
    engine.dispose()
    return World(username, PASSWORD, workshop.id, meeting.id, item.id, tokens)


def stored_notes(url: str, meeting_id: int) -> list[str]:
    from sqlalchemy import select

    from workshop import db
    from workshop.models import Note

    engine = db.make_engine(url)
    try:
        with db.reading(engine) as session:
            return list(session.scalars(select(Note.text).where(Note.meeting_id == meeting_id)))
    finally:
        engine.dispose()


# --- server -----------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return answer.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError):
        return False


def launch(port: int, database_url: str, log: Path, *, app_dir: Path = ROOT,
           env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """``streamlit run app.py`` on a loopback port, its output in ``log`` (also used by the
    fault tests, which kill and restart it)."""
    environment = {**os.environ, **(env or {}), "DATABASE_URL": database_url}
    environment.pop("KEHITTAMO_PUBLIC_URL", None)  # join links point at this server
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py",
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=app_dir, env=environment, stdout=out, stderr=subprocess.STDOUT,
        )


def stop_process(process: subprocess.Popen[bytes] | None) -> None:
    """Terminate politely, then kill."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def log_tail(log: Path, lines: int = 40) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError as error:
        return f"(no log: {error})"


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes] | None
    pid: int | None
    log: Path | None
    gc_file: Path | None = None

    def stop(self) -> None:
        stop_process(self.process)

    def tail(self, lines: int = 40) -> str:
        return log_tail(self.log, lines) if self.log is not None else ""

    def signal(self, number: int) -> None:
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, number)

    def gc_stats(self, wait: float = 2.0) -> dict[str, Any] | None:
        if self.gc_file is None:
            return None
        before = self.gc_file.stat().st_mtime_ns if self.gc_file.exists() else 0
        self.signal(signal.SIGUSR2)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.gc_file.exists() and self.gc_file.stat().st_mtime_ns != before:
                break
            time.sleep(0.05)
        try:
            return json.loads(self.gc_file.read_text())
        except (OSError, ValueError):
            return None


def start_server(database_url: str, workdir: Path, *, app_dir: Path = ROOT) -> Server:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    workdir.mkdir(parents=True, exist_ok=True)
    site = workdir / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    gc_file = workdir / "gc.json"
    pythonpath = os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH")) if p)
    log = workdir / "streamlit.log"
    process = launch(port, database_url, log, app_dir=app_dir, env={
        "KEHITTAMO_BENCH_GC_FILE": str(gc_file), "PYTHONPATH": pythonpath})
    server = Server(url, process, process.pid, log, gc_file)
    deadline = time.monotonic() + SERVER_START_SECONDS
    while not healthy(url):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise SystemExit(f"load: the server did not start at {url}:\n{server.tail()}")
        time.sleep(0.2)
    return server


def total(values: list[float | None]) -> float | None:
    """The sum over every server, or None when one of them could not be measured."""
    if not values or any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def rss_mb(pid: int | None) -> float | None:
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def machine_cpu() -> tuple[float, float] | None:
    """(busy, total) CPU seconds of the whole machine, all cores (/proc/stat)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields) - idle) / ticks, sum(fields) / ticks


def database_backends(database_url: str) -> dict[int, float]:
    """CPU seconds so far of the PostgreSQL backends serving this database (same machine)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from workshop import db

    url = db.normalise_url(database_url)
    if make_url(url).get_backend_name() != "postgresql":
        return {}
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            pids = connection.execute(text(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid()")).scalars().all()
    except Exception:  # noqa: BLE001 - a figure, not a failure
        return {}
    finally:
        engine.dispose()
    found = {pid: cpu_seconds(pid) for pid in pids}
    return {pid: value for pid, value in found.items() if value is not None}


def load_average() -> float | None:
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError):
        return None


def cpu_seconds(pid: int | None = None) -> float | None:
    """User + system CPU time of a process (this one when pid is None)."""
    if pid is None:
        times = os.times()
        return times.user + times.system
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def gc_window(before: dict[str, Any] | None, after: dict[str, Any] | None
              ) -> dict[str, Any] | None:
    """The server's garbage collections during the measurement window, per generation."""
    if not before or not after:
        return None
    return {
        "collections": [a - b for a, b in zip(after["collections"], before["collections"],
                                               strict=True)],
        "ms": [round(a - b, 1) for a, b in zip(after["ms"], before["ms"], strict=True)],
        "max_ms_since_start": [round(x, 1) for x in after["max_ms"]],
        "frozen": after.get("frozen", 0),
        "tracked": after.get("tracked"),
    }


# --- the simulated meeting --------------------------------------------------------------------

@dataclass
class Submit:
    participant: int
    seq: int
    text: str
    sent_at: float
    confirmed: bool = False
    submit_ms: float | None = None
    save_ms: float | None = None
    error: str = ""


@dataclass
class Stats:
    submits: dict[tuple[int, int], Submit] = field(default_factory=dict)
    facilitator_seen: dict[tuple[int, int], float] = field(default_factory=dict)
    seen_by: dict[int, set[tuple[int, int]]] = field(default_factory=dict)
    connect_ms: list[float] = field(default_factory=list)
    connect_failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    flash_with_error: int = 0  # "saved" shown next to an error: a stale flash


class Simulation:
    def __init__(self, servers: list[Server], world: World, args: argparse.Namespace,
                 database_url: str = ""):
        # Several servers: each participant sticks to one (round robin), like behind a load
        # balancer with sticky sessions; the facilitator uses the first.
        self.servers = servers
        self.database_url = database_url
        self.url = servers[0].url
        self.world = world
        self.args = args
        self.stats = Stats()
        self.saved_text = _saved_text()
        self.rng = random.Random(args.seed)
        self.window_start = 0.0
        self.window_end = 0.0
        self.all_connected = asyncio.Event()
        self.stop_submitting = asyncio.Event()
        self.figures: dict[str, Any] = {}

    # Text callbacks: called for every markdown body a client receives.
    def _facilitator_text(self, _client: SimClient, kind: str, body: str) -> None:
        if kind != "markdown" or "idea p" not in body:
            return
        now = time.monotonic()
        for match in NOTE_RE.finditer(body):
            key = (int(match[1]), int(match[2]))
            self.stats.facilitator_seen.setdefault(key, now)

    def _participant_text(self, index: int):  # type: ignore[no-untyped-def]
        seen = self.stats.seen_by.setdefault(index, set())

        def on_text(_client: SimClient, kind: str, body: str) -> None:
            if kind != "markdown" or "idea p" not in body:
                return
            for match in NOTE_RE.finditer(body):
                who = int(match[1])
                if who != index:
                    seen.add((who, int(match[2])))
        return on_text

    async def facilitator(self) -> SimClient:
        client = SimClient(self.url, page_name="login", on_text=self._facilitator_text,
                           name="facilitator")
        await client.connect(timeout=self.args.timeout)
        from workshop.i18n import t

        result = await client.submit_form("login", {
            t("field.username", "fi"): self.world.username,
            t("field.password", "fi"): self.world.password,
        }, timeout=self.args.timeout)
        if "console" not in client.pages:
            raise SystemExit(f"load: facilitator login failed: {result.alerts} "
                             f"{result.exceptions}")
        await client.open_page("console", timeout=self.args.timeout)
        if not client.fragments:
            raise SystemExit("load: the console has no live fragment "
                             f"(exceptions: {result.exceptions})")
        return client

    async def participant(self, index: int, token: str, gate: asyncio.Semaphore,
                          clients: list[SimClient]) -> None:
        url = self.servers[index % len(self.servers)].url
        client = SimClient(url, query_string=urlencode({"p": token}),
                           on_text=self._participant_text(index), name=f"p{index}")
        async with gate:
            started = time.monotonic()
            try:
                await client.connect(timeout=self.args.timeout)
            except (ClientError, OSError) as error:
                self.stats.connect_failures.append(f"p{index}: {error}")
                await client.close()
                return
            self.stats.connect_ms.append((time.monotonic() - started) * 1000)
        clients.append(client)
        await self.all_connected.wait()
        rng = random.Random(self.args.seed * 100_003 + index)
        low, high = self.args.interval
        next_at = self.window_start + rng.uniform(0, (low + high) / 2)
        seq = 0
        while True:
            delay = next_at - time.monotonic()
            if delay > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.stop_submitting.wait(), delay)
            if self.stop_submitting.is_set() or time.monotonic() >= self.window_end:
                break
            if client.closed:
                self.stats.errors.append(f"p{index}: disconnected: {client.close_reason}")
                break
            await self._submit(client, index, seq)
            seq += 1
            next_at = time.monotonic() + rng.uniform(low, high)

    async def _submit(self, client: SimClient, index: int, seq: int) -> None:
        text = f"idea p{index} n{seq} {secrets.token_hex(3)}"
        area = client.find("text_area", form_prefix="note_form_")
        button = client.find("button", form_prefix="note_form_", submitter=True)
        submit = Submit(index, seq, text, time.monotonic())
        self.stats.submits[(index, seq)] = submit
        if area is None or button is None:
            submit.error = "no note form on the page"
            return
        try:
            result = await client.rerun(values={area.id: text}, triggers=[button.id],
                                        timeout=self.args.timeout)
        except ClientError as error:
            submit.error = str(error.args[0])
            if os.environ.get("KEHITTAMO_LOAD_TRACE") and len(error.args) > 1:
                print(f"--- {error.args[0]}\n{error.args[1]}", file=sys.stderr)
            return
        submit.sent_at = result.sent_at
        submit.submit_ms = result.elapsed_ms
        submit.save_ms = result.first_ms
        # Confirmed: the run that ended the submit shows the "saved" flash and no run on the
        # way showed an error. (A flash left over from an earlier submit whose confirmation
        # never arrived can show up next to this submit's error: not a confirmation.)
        errors = [b for f, b in result.alerts if f == "error"]
        flashed = result.alert("success", self.saved_text, final=True)
        submit.confirmed = flashed and not errors and not result.exceptions
        if flashed and errors:
            self.stats.flash_with_error += 1
        if not submit.confirmed:
            submit.error = "; ".join(errors) or "; ".join(result.exceptions) or \
                "no confirmation"

    def _rss(self) -> float | None:
        return total([rss_mb(s.pid) for s in self.servers])

    def _cpu(self) -> float | None:
        return total([cpu_seconds(s.pid) if s.pid is not None else None for s in self.servers])

    def _gc(self) -> list[dict[str, Any] | None]:
        return [s.gc_stats() for s in self.servers]

    async def run(self) -> dict[str, Any]:
        args = self.args
        facilitator = await self.facilitator()
        for server in self.servers:
            # Warm every server with one participant screen (imports, caches) before the
            # memory baseline, so the per-session figure is about sessions.
            warm = SimClient(server.url, query_string=urlencode({"p": self.world.tokens[0]}),
                             name="warm-up")
            with contextlib.suppress(ClientError, OSError):
                await warm.connect(timeout=args.timeout)
            await warm.close()
        if args.gc_freeze:
            for server in self.servers:
                server.signal(signal.SIGUSR1)
            await asyncio.sleep(1.0)
        self.figures["rss_baseline_mb"] = self._rss()
        gate = asyncio.Semaphore(args.connect_concurrency)
        clients: list[SimClient] = []
        connect_started = time.monotonic()
        tasks = [asyncio.create_task(self.participant(i, token, gate, clients))
                 for i, token in enumerate(self.world.tokens)]
        while len(clients) + len(self.stats.connect_failures) < len(tasks):
            await asyncio.sleep(0.2)
            if time.monotonic() - connect_started > args.timeout * 4 + len(tasks):
                break
        self.figures["connect_s"] = round(time.monotonic() - connect_started, 1)
        await asyncio.sleep(1.0)  # let the first live ticks settle before the baseline
        self.figures["rss_connected_mb"] = self._rss()
        self.figures["connected"] = sum(1 for c in clients if not c.closed)
        gc0 = await asyncio.to_thread(self._gc)
        backends0 = await asyncio.to_thread(database_backends, self.database_url)
        cpu0, own0, machine0 = self._cpu(), cpu_seconds(), machine_cpu()
        self.window_start = time.monotonic()
        self.window_end = self.window_start + args.duration
        self.all_connected.set()
        await asyncio.sleep(args.duration)
        self.stop_submitting.set()
        wall = time.monotonic() - self.window_start
        cpu1, own1, machine1 = self._cpu(), cpu_seconds(), machine_cpu()
        backends1 = await asyncio.to_thread(database_backends, self.database_url)
        database_used = 0.0
        if backends1:
            # PostgreSQL's own work for this run (a backend that started during the window
            # counts whole).
            database_used = sum(v - backends0.get(pid, 0.0) for pid, v in backends1.items())
            self.figures["database_cpu_percent"] = round(database_used / wall * 100, 1)
        self.figures["load_average"] = load_average()
        self.figures["rss_end_mb"] = self._rss()
        if cpu0 is not None and cpu1 is not None:
            self.figures["cpu_percent"] = round((cpu1 - cpu0) / wall * 100, 1)
        self.figures["client_cpu_percent"] = round((own1 - own0) / wall * 100, 1)
        if machine0 and machine1 and cpu0 is not None and cpu1 is not None:
            # Everything else on the machine (other test runs...): figures from a busy
            # machine are not the server's own.
            busy = (machine1[0] - machine0[0] - (cpu1 - cpu0) - (own1 - own0)
                    - database_used)
            self.figures["other_cpu_percent"] = round(max(0.0, busy) / wall * 100, 1)
        gc1 = await asyncio.to_thread(self._gc)
        windows = [gc_window(a, b) for a, b in zip(gc0, gc1, strict=True)]
        self.figures["gc"] = windows[0] if len(windows) == 1 else (
            {"per_server": windows} if all(windows) else None)
        # Submits in flight get the grace period to be confirmed, and the facilitator to see
        # the last confirmed ones.
        grace_end = time.monotonic() + args.grace
        while time.monotonic() < grace_end:
            confirmed = [k for k, s in self.stats.submits.items() if s.confirmed]
            if all(t.done() for t in tasks) and all(
                    k in self.stats.facilitator_seen for k in confirmed):
                break
            await asyncio.sleep(0.25)
        for task in tasks:
            task.cancel()
        for submit in self.stats.submits.values():
            if submit.submit_ms is None and not submit.error:
                submit.error = "no confirmation by the end of the grace period"
        # Live screens whose auto-rerun timer is gone (the server's auto_rerun message was
        # dropped) no longer update at all: a browser would show a frozen page.
        self.figures["frozen_screens"] = sum(
            1 for c in [*clients, facilitator] if not c.closed and not c.fragments)
        self.figures["facilitator_last_tick_s"] = round(
            time.monotonic() - facilitator.last_fragment_at, 1
        ) if facilitator.last_fragment_at else None
        self.figures["disconnected"] = sum(1 for c in clients if c.closed) + (
            1 if facilitator.closed else 0)
        self.figures["disconnect_reasons"] = sorted(
            {c.close_reason for c in [*clients, facilitator] if c.closed})[:5]
        # Longest wait between two live updates a screen got (a tick, or a full run, which
        # draws the live part too and restarts the timer), the end of the window included.
        gaps = [max([*c.update_gaps, self.window_end - c.last_update_at], default=0.0)
                for c in clients if c.last_fragment_at]
        self.figures["p95_live_gap_s"] = pct(gaps, 95)
        self.figures["console_live_gap_s"] = round(max(
            [*facilitator.update_gaps, self.window_end - facilitator.last_update_at]), 1)
        ticks = [ms for c in clients for ms in c.tick_ms]
        self.figures["tick_p50_ms"] = pct(ticks, 50)
        self.figures["tick_p95_ms"] = pct(ticks, 95)
        self.figures["console_tick_p95_ms"] = pct(facilitator.tick_ms, 95)
        self.figures["messages_per_s"] = round(
            sum(c.messages for c in [*clients, facilitator]) / max(wall, 1e-9))
        self.figures["console_messages_per_s"] = round(facilitator.messages / max(wall, 1e-9))
        self.figures["fragment_runs_per_s"] = round(
            sum(c.fragment_runs for c in [*clients, facilitator]) / max(wall, 1e-9), 1)
        await asyncio.gather(*(c.close() for c in [*clients, facilitator]),
                             return_exceptions=True)
        return self.figures


def _saved_text() -> str:
    from workshop.i18n import t

    return t("participate.saved", "fi")


# --- main -------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0,
                        help="seconds of submitting after everyone has connected")
    parser.add_argument("--url", help="a running server on this machine (loopback only)")
    parser.add_argument("--database-url",
                        help="PostgreSQL server for a throw-away database (or, with --url, "
                             "the running server's database)")
    parser.add_argument("--server-pid", type=int, help="with --url: measure this process")
    parser.add_argument("--servers", type=int, default=1,
                        help="app processes sharing the database; participants stick to one "
                             "each, like behind a load balancer with sticky sessions")
    parser.add_argument("--interval", type=float, nargs=2, default=(20.0, 40.0),
                        metavar=("MIN", "MAX"), help="seconds between one participant's notes")
    parser.add_argument("--connect-concurrency", type=int, default=8)
    parser.add_argument("--grace", type=float, default=10.0,
                        help="seconds the facilitator may take to see the last notes")
    parser.add_argument("--timeout", type=float, default=30.0, help="per run, seconds")
    parser.add_argument("--gc-freeze", action="store_true",
                        help="gc.freeze() in the server after warm-up (bench hook, no app code)")
    parser.add_argument("--app-dir", type=Path, default=ROOT,
                        help="serve another checkout of the app (to compare a change)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--quiet", action="store_true", help="only the JSON line")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary folder (server log, SQLite file)")
    args = parser.parse_args(argv)
    if not 1 <= args.participants <= MAX_PARTICIPANTS:
        parser.error(f"--participants must be 1..{MAX_PARTICIPANTS}")
    if not 1 <= args.duration <= MAX_DURATION:
        parser.error(f"--duration must be 1..{MAX_DURATION} seconds")
    if not 0 < args.interval[0] <= args.interval[1]:
        parser.error("--interval MIN MAX with 0 < MIN <= MAX")
    if not 1 <= args.servers <= 4:
        parser.error("--servers must be 1..4")
    if args.url:
        host = urlsplit(args.url).hostname or ""
        if host not in LOOPBACK:
            parser.error("--url must be on this machine (127.0.0.1, localhost, ::1)")
        if not args.database_url:
            parser.error("--url needs --database-url: the running server's database")
    return args


def summarise(args: argparse.Namespace, meeting: Simulation, figures: dict[str, Any],
              stored: list[str], database: str) -> dict[str, Any]:
    stats = meeting.stats
    submits = list(stats.submits.values())
    confirmed = [s for s in submits if s.confirmed]
    submit_ms = [s.submit_ms for s in confirmed if s.submit_ms is not None]
    save_ms = [s.save_ms for s in confirmed if s.save_ms is not None]
    visible = [(stats.facilitator_seen[(s.participant, s.seq)] - s.sent_at) * 1000
               for s in confirmed if (s.participant, s.seq) in stats.facilitator_seen]
    stored_set = set(stored)
    lost = [s.text for s in confirmed if s.text not in stored_set]
    # Saved but never confirmed to the participant: they may well type it again.
    stored_unconfirmed = sum(1 for s in submits if not s.confirmed and s.text in stored_set)
    unseen = [s.text for s in confirmed if (s.participant, s.seq) not in stats.facilitator_seen]
    saw_other = sum(1 for i in range(args.participants) if stats.seen_by.get(i))
    n = args.participants
    rss_per = None
    if figures.get("rss_connected_mb") is not None and figures.get("rss_baseline_mb"):
        rss_per = round((figures["rss_connected_mb"] - figures["rss_baseline_mb"]) / n, 2)
    rss_end_per = None
    if figures.get("rss_end_mb") is not None and figures.get("rss_baseline_mb"):
        rss_end_per = round((figures["rss_end_mb"] - figures["rss_baseline_mb"]) / n, 2)
    errors: dict[str, int] = {}
    for s in submits:
        if s.error:
            reason = re.sub(r"^p\d+: ", "", s.error)[:80]
            errors[reason] = errors.get(reason, 0) + 1
    return {
        "bench": "load",
        "database": database,
        "participants": n,
        "servers": args.servers if not args.url else 1,
        "connected": figures.get("connected"),
        "duration_s": args.duration,
        "interval_s": list(args.interval),
        "gc_freeze": bool(args.gc_freeze),
        "app_dir": None if args.app_dir == ROOT else str(args.app_dir),
        "submits": len(submits),
        "confirmed": len(confirmed),
        "unconfirmed": len(submits) - len(confirmed),
        "lost": len(lost),
        "stored_notes": len(stored),
        "stored_unconfirmed": stored_unconfirmed,
        "flash_with_error": stats.flash_with_error,
        "p50_submit_ms": pct(submit_ms, 50),
        "p95_submit_ms": pct(submit_ms, 95),
        "p99_submit_ms": pct(submit_ms, 99),
        "max_submit_ms": round(max(submit_ms), 1) if submit_ms else None,
        "p95_save_ms": pct(save_ms, 95),
        "p50_visible_ms": pct(visible, 50),
        "p95_visible_ms": pct(visible, 95),
        "p99_visible_ms": pct(visible, 99),
        "not_seen_by_facilitator": len(unseen),
        "participants_saw_others": saw_other,
        "rss_mb_per_session": rss_per,
        "rss_mb_per_session_end": rss_end_per,
        "rss_baseline_mb": _r(figures.get("rss_baseline_mb")),
        "rss_connected_mb": _r(figures.get("rss_connected_mb")),
        "rss_end_mb": _r(figures.get("rss_end_mb")),
        "cpu_percent": figures.get("cpu_percent"),
        "client_cpu_percent": figures.get("client_cpu_percent"),
        "database_cpu_percent": figures.get("database_cpu_percent"),
        "other_cpu_percent": figures.get("other_cpu_percent"),
        "load_average": figures.get("load_average"),
        "cores": os.cpu_count(),
        "connect_s": figures.get("connect_s"),
        "p95_connect_ms": pct(stats.connect_ms, 95),
        "connect_failures": len(stats.connect_failures),
        "disconnected": figures.get("disconnected"),
        "frozen_screens": figures.get("frozen_screens"),
        "p95_live_gap_s": figures.get("p95_live_gap_s"),
        "console_live_gap_s": figures.get("console_live_gap_s"),
        "facilitator_last_tick_s": figures.get("facilitator_last_tick_s"),
        "tick_p50_ms": figures.get("tick_p50_ms"),
        "tick_p95_ms": figures.get("tick_p95_ms"),
        "console_tick_p95_ms": figures.get("console_tick_p95_ms"),
        "fragment_runs_per_s": figures.get("fragment_runs_per_s"),
        "messages_per_s": figures.get("messages_per_s"),
        "console_messages_per_s": figures.get("console_messages_per_s"),
        "gc": figures.get("gc"),
        "errors": errors,
        "_lost_texts": lost[:10],
        "_disconnect_reasons": figures.get("disconnect_reasons"),
        "_connect_failures": stats.connect_failures[:5],
    }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def report(result: dict[str, Any]) -> None:
    r = result
    print(f"Kehittämö load: {r['participants']} participants + 1 facilitator, "
          f"{r['duration_s']:.0f} s, {r['database']}, {r['servers']} server(s)"
          + (", gc.freeze()" if r["gc_freeze"] else ""))
    print(f"  connected        {r['connected']} in {r['connect_s']} s "
          f"(p95 {fmt(r['p95_connect_ms'])}, failures {r['connect_failures']}, "
          f"dropped later {r['disconnected']})")
    print(f"  submits          {r['submits']} sent, {r['confirmed']} confirmed, "
          f"{r['unconfirmed']} not confirmed ({r['stored_unconfirmed']} of them saved), "
          f"{r['stored_notes']} stored; a stale \"saved\" next to an error "
          f"{r['flash_with_error']} times")
    print(f"  submit latency   p50 {fmt(r['p50_submit_ms'])}  p95 {fmt(r['p95_submit_ms'])}  "
          f"p99 {fmt(r['p99_submit_ms'])}  max {fmt(r['max_submit_ms'])} "
          f"(saved: p95 {fmt(r['p95_save_ms'])})")
    print(f"  visible to facilitator  p50 {fmt(r['p50_visible_ms'])}  "
          f"p95 {fmt(r['p95_visible_ms'])}  p99 {fmt(r['p99_visible_ms'])}  "
          f"(never seen: {r['not_seen_by_facilitator']})")
    print(f"  live ticks       participants p50 {fmt(r['tick_p50_ms'])} "
          f"p95 {fmt(r['tick_p95_ms'])}, console p95 {fmt(r['console_tick_p95_ms'])}; "
          f"{r['fragment_runs_per_s']} fragment runs/s, {r['messages_per_s']} msgs/s "
          f"({r['console_messages_per_s']} to the console)")
    print(f"  participants who saw others' notes  {r['participants_saw_others']}"
          f"/{r['participants']}; screens without a live timer {r['frozen_screens']}; "
          f"console's last live update {r['facilitator_last_tick_s']} s before the end")
    print(f"  longest wait for a live update  participants p95 {r['p95_live_gap_s']} s, "
          f"console {r['console_live_gap_s']} s")
    print(f"  server RSS       {fmt(r['rss_baseline_mb'], 'MB')} before, "
          f"{fmt(r['rss_connected_mb'], 'MB')} connected, {fmt(r['rss_end_mb'], 'MB')} at end: "
          f"{fmt(r['rss_mb_per_session'], 'MB')} per session "
          f"({fmt(r['rss_mb_per_session_end'], 'MB')} at end)")
    print(f"  server CPU       {fmt(r['cpu_percent'], '%')} of one core "
          f"(load generator {fmt(r['client_cpu_percent'], '%')}; "
          + (f"PostgreSQL {fmt(r['database_cpu_percent'], '%')}; "
             if r["database_cpu_percent"] is not None else "")
          + f"other processes "
          f"{fmt(r['other_cpu_percent'], '%')} of {r['cores']} cores, "
          f"load average {r['load_average']})")
    for g in (r["gc"] or {}).get("per_server", [r["gc"]] if r.get("gc") else []):
        print(f"  server GC        collections {g.get('collections')} "
              f"taking {g.get('ms')} ms by generation in the window; longest since start "
              f"{g.get('max_ms_since_start')} ms; {g.get('tracked')} objects tracked, "
              f"{g.get('frozen')} frozen")
    if r["errors"]:
        print(f"  submit errors    {r['errors']}")
    print(f"  LOST             {r['lost']} acknowledged-but-missing"
          + (f": {r['_lost_texts']}" if r["lost"] else ""))


async def _drive(servers: list[Server], world: World, args: argparse.Namespace,
                 database_url: str) -> tuple[Simulation, dict[str, Any]]:
    meeting = Simulation(servers, world, args, database_url)
    hard_limit = args.duration + args.grace + args.timeout * 6 + args.participants * 2 + 60
    figures = await asyncio.wait_for(meeting.run(), hard_limit)
    return meeting, figures


@contextlib.contextmanager
def _workdir(keep: bool) -> Iterator[Path]:
    if keep:
        yield Path(tempfile.mkdtemp(prefix="kehittamo-load-"))
        return
    with tempfile.TemporaryDirectory(prefix="kehittamo-load-") as tmp:
        yield Path(tmp)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    if args.app_dir.resolve() != ROOT:
        # Seed and check the database with the same code (and migrations) as the server.
        sys.path.insert(0, str(args.app_dir.resolve()))
    log = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))
    with _workdir(args.keep) as workdir:
        database_arg = None if args.url else args.database_url
        with fresh_database(database_arg, workdir) as database:
            url_for_db = args.database_url if args.url else database.url
            log(f"load: seeding {args.participants} participants into {database.kind}")
            world = seed(url_for_db, args.participants)
            servers: list[Server] = []
            try:
                if args.url:
                    servers.append(Server(args.url.rstrip("/"), None, args.server_pid, None))
                else:
                    log(f"load: starting {args.servers} server(s)")
                    for number in range(args.servers):
                        servers.append(start_server(database.url, workdir / f"server{number}",
                                                    app_dir=args.app_dir))
                log(f"load: {', '.join(s.url for s in servers)} (server pid "
                    f"{', '.join(str(s.pid) for s in servers)}, folder {workdir}): "
                    f"connecting, then {args.duration:.0f} s of notes")
                meeting, figures = run_in_fresh_loop(_drive(servers, world, args, url_for_db))
            except BaseException:
                for server in servers:
                    if server.log is not None:
                        print(server.tail(), file=sys.stderr)
                raise
            finally:
                for server in servers:
                    server.stop()
            stored = stored_notes(url_for_db, world.meeting_id)
            from sqlalchemy.engine import make_url

            kind = make_url(url_for_db).get_backend_name()
            result = summarise(args, meeting, figures, stored, kind)
    if not args.quiet:
        report(result)
    print(json.dumps({k: v for k, v in result.items() if not k.startswith("_")},
                     ensure_ascii=False))
    return result


if __name__ == "__main__":
    # A plain kill still stops the server and drops the throw-away database (finally blocks).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    outcome = main()
    sys.exit(1 if outcome["lost"] else 0)
