"""A minimal Streamlit client that speaks the app's own websocket protocol, without a browser.

One :class:`SimClient` is one browser tab: it connects to ``/_stcore/stream`` (subprotocol
``streamlit``), asks for a script run with the tab's query string and page, and keeps the
element tree the server streams back (``ForwardMsg`` deltas addressed by ``delta_path``),
clearing stale elements at the end of each run the way the frontend does. Widgets are found
in that tree by kind, label and form; their values go back in the next ``rerun_script``
``BackMsg`` as ``WidgetState`` entries by widget id, and a button or form submit is a
``trigger_value`` sent once, like the browser does.

Live screens: the server announces each ``st.fragment(run_every=...)`` with an
``auto_rerun`` message and never pushes the fragment itself; the browser sends a fragment
rerun on a timer (``setInterval``). This client does the same, restarts the timers on every
full run (as the frontend does) and drops them on ``stop_auto_rerun``.

Used by ``bench/load.py`` and ``tests/load``. Loopback only, no browser, no JavaScript.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import time
from collections import deque
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

T = TypeVar("T")


def run_in_fresh_loop(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run`` in a thread of its own.

    The caller's thread may already run an event loop (Playwright's sync API keeps one
    running for the rest of a pytest session once a browser test has run), and
    ``asyncio.run`` refuses to nest.
    """
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="simclient") as pool:
        return pool.submit(asyncio.run, coroutine).result()


SUCCESS = ForwardMsg.FINISHED_SUCCESSFULLY
COMPILE_ERROR = ForwardMsg.FINISHED_WITH_COMPILE_ERROR
EARLY_FOR_RERUN = ForwardMsg.FINISHED_EARLY_FOR_RERUN
FRAGMENT_SUCCESS = ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY

# The element field that holds what a reader sees, per element kind.
TEXT_FIELDS = {
    "markdown": "body",
    "alert": "body",
    "heading": "body",
    "text": "body",
    "code": "code_text",
    "metric": "body",
    "exception": "message",
    "toast": "body",
}
WIDGET_KINDS = frozenset({
    "button", "text_area", "text_input", "selectbox", "radio", "checkbox", "button_group",
    "number_input", "slider", "multiselect", "date_input", "time_input", "download_button",
})
ALERT_FORMATS = {0: "unused", 1: "error", 2: "warning", 3: "info", 4: "success"}


class ClientError(RuntimeError):
    """The server closed the connection or did not answer in time."""


@dataclass(slots=True)
class Widget:
    kind: str
    id: str
    label: str
    form_id: str
    is_form_submitter: bool = False


@dataclass(slots=True)
class Node:
    """One element or block of the rendered page (``children`` is None for elements)."""

    kind: str
    run_id: str | None  # None: a root container, never stale
    fragment_id: str
    text: str = ""
    widget: Widget | None = None
    children: dict[int, Node] | None = None


@dataclass
class RunResult:
    """What one user action led to: every full run up to the one that finished it."""

    status: int = -1
    sent_at: float = 0.0
    first_finished_at: float | None = None  # the first full run after the request ended
    finished_at: float | None = None  # the last one (after any st.rerun() chain)
    runs: int = 0
    alerts: list[tuple[str, str]] = field(default_factory=list)  # (format, body), all runs
    last_alerts: list[tuple[str, str]] = field(default_factory=list)  # the final run's
    exceptions: list[str] = field(default_factory=list)

    @property
    def elapsed_ms(self) -> float:
        return ((self.finished_at or time.monotonic()) - self.sent_at) * 1000

    @property
    def first_ms(self) -> float | None:
        if self.first_finished_at is None:
            return None
        return (self.first_finished_at - self.sent_at) * 1000

    def alert(self, fmt: str, contains: str, *, final: bool = False) -> bool:
        """Did an alert of this format show ``contains`` (in the final run only)?"""
        shown = self.last_alerts if final else self.alerts
        return any(f == fmt and contains in body for f, body in shown)


@dataclass
class _Waiter:
    result: RunResult
    future: asyncio.Future[RunResult]
    armed: bool = False


class SimClient:
    """One simulated browser tab.

    ``on_text(client, kind, text)`` is called for every text-bearing element the server
    sends (markdown, alerts, headings...), which is how a load test notices new content
    without scanning the whole tree.
    """

    def __init__(
        self,
        base_url: str,
        *,
        query_string: str = "",
        page_name: str = "",
        on_text: Callable[[SimClient, str, str], None] | None = None,
        name: str = "",
        locale: str = "fi-FI",
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https"):
            raise ValueError(f"not an http(s) URL: {base_url}")
        self.base_url = base_url.rstrip("/")
        scheme = "wss" if parts.scheme == "https" else "ws"
        self.stream_url = f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"
        self.query_string = query_string
        self.page_name = page_name
        self.page_script_hash = ""
        self.pages: dict[str, str] = {}  # url_pathname -> page_script_hash
        self.on_text = on_text
        self.name = name
        self.locale = locale
        self.session_id = ""
        self.root = Node("root", None, "", children={})
        self.values: dict[str, WidgetState] = {}  # widget id -> last value sent
        self.closed = False
        self.close_reason = ""
        self.messages = 0
        self.bytes = 0
        self.full_runs = 0
        self.fragment_runs = 0
        self.last_fragment_at = 0.0  # when a fragment run last finished successfully
        self.fragment_gaps: list[float] = []  # seconds between successful fragment runs
        # A full run draws the live part too (and restarts the timers): an update as well.
        self.last_update_at = 0.0
        self.update_gaps: list[float] = []  # seconds between successful runs of any kind
        self.tick_ms: list[float] = []  # fragment rerun sent -> that fragment run finished
        self.trace: deque[tuple[float, str]] = deque(maxlen=80)  # recent protocol events
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._timers: dict[str, tuple[float, asyncio.Task[None]]] = {}
        self._ticks_pending: dict[str, float] = {}
        self._waiters: list[_Waiter] = []
        self._run_id = ""
        self._run_fragments: tuple[str, ...] = ()
        self._run_alerts: list[tuple[str, str]] = []
        self._run_exceptions: list[str] = []

    # --- connection -----------------------------------------------------------------------

    async def connect(self, timeout: float = 30.0) -> RunResult:
        """Open the websocket and run the page once, like opening the tab."""
        self._ws = await connect(
            self.stream_url, subprotocols=["streamlit"], compression=None, max_size=None,
            open_timeout=timeout, ping_interval=None, close_timeout=2,
        )
        self._reader = asyncio.create_task(self._read(), name=f"read-{self.name}")
        return await self.rerun(timeout=timeout)

    async def close(self) -> None:
        self.closed = True
        for _interval, task in self._timers.values():
            task.cancel()
        self._timers.clear()
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._ws.close(), 3)
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
        self._fail_waiters("closed")

    # --- actions --------------------------------------------------------------------------

    async def rerun(
        self,
        *,
        values: dict[str, Any] | None = None,
        triggers: Iterable[str] = (),
        page_script_hash: str | None = None,
        timeout: float = 30.0,
    ) -> RunResult:
        """Send a full rerun (widget values and triggers) and wait until it has finished.

        Returns when a full run that started after the request finished successfully (so a
        ``st.rerun()`` inside the script is followed to its end).
        """
        for widget_id, value in (values or {}).items():
            self.values[widget_id] = _widget_state(widget_id, value)
        if page_script_hash is not None:
            self.page_script_hash = page_script_hash
        loop = asyncio.get_running_loop()
        waiter = _Waiter(RunResult(sent_at=time.monotonic()), loop.create_future())
        self._waiters.append(waiter)
        extra = [WidgetState(id=t, trigger_value=True) for t in triggers]
        self._send_rerun(extra=extra)
        try:
            return await asyncio.wait_for(asyncio.shield(waiter.future), timeout)
        except TimeoutError:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
            waiter.result.status = -1
            raise ClientError(f"{self.name}: no finished run within {timeout:.0f} s",
                              self.dump_trace(waiter.result.sent_at)) from None

    def press(self, *, values: dict[str, Any] | None = None,
              triggers: Iterable[str] = ()) -> None:
        """Send a rerun with these values and triggers without waiting for it: a press
        that the next one follows at once (a double click)."""
        for widget_id, value in (values or {}).items():
            self.values[widget_id] = _widget_state(widget_id, value)
        self._send_rerun(extra=[WidgetState(id=t, trigger_value=True) for t in triggers])

    async def submit_form(self, form_prefix: str, fields: dict[str, Any], *,
                          timeout: float = 30.0) -> RunResult:
        """Fill the form's widgets by label and press its submit button."""
        button = self.find("button", form_prefix=form_prefix, submitter=True)
        if button is None:
            raise ClientError(f"{self.name}: no submit button in form {form_prefix!r}")
        values: dict[str, Any] = {}
        for label, value in fields.items():
            widget = self.find(None, label=label, form_id=button.form_id)
            if widget is None:
                raise ClientError(f"{self.name}: no field {label!r} in form {button.form_id!r}")
            values[widget.id] = value
        return await self.rerun(values=values, triggers=[button.id], timeout=timeout)

    async def open_page(self, url_pathname: str, timeout: float = 30.0) -> RunResult:
        """Switch to another page of the navigation, like clicking it in the menu."""
        page_hash = self.pages.get(url_pathname)
        if page_hash is None:
            raise ClientError(f"{self.name}: no page {url_pathname!r} in {sorted(self.pages)}")
        self.page_name = ""
        return await self.rerun(page_script_hash=page_hash, timeout=timeout)

    def dump_trace(self, since: float = 0.0) -> str:
        return "\n".join(f"{(t - since) * 1000:9.1f} ms  {event}" for t, event in self.trace)

    # --- reading the page -----------------------------------------------------------------

    def nodes(self) -> Iterable[Node]:
        stack = [self.root]
        while stack:
            node = stack.pop()
            if node.children:
                stack.extend(node.children[i] for i in sorted(node.children, reverse=True))
            if node is not self.root:
                yield node

    def texts(self, kinds: Iterable[str] = ("markdown",)) -> list[str]:
        wanted = set(kinds)
        return [n.text for n in self.nodes() if n.kind in wanted and n.text]

    def contains(self, text: str, kinds: Iterable[str] = ("markdown", "alert", "heading")
                 ) -> bool:
        """Does the rendered page show ``text`` (in markdown, alerts or headings)?"""
        return any(text in t for t in self.texts(kinds))

    def widgets(self) -> list[Widget]:
        return [n.widget for n in self.nodes() if n.widget is not None]

    def find(self, kind: str | None, *, label: str | None = None, form_id: str | None = None,
             form_prefix: str | None = None, submitter: bool | None = None) -> Widget | None:
        for widget in self.widgets():
            if kind is not None and widget.kind != kind:
                continue
            if label is not None and widget.label != label:
                continue
            if form_id is not None and widget.form_id != form_id:
                continue
            if form_prefix is not None and not widget.form_id.startswith(form_prefix):
                continue
            if submitter is not None and widget.is_form_submitter != submitter:
                continue
            return widget
        return None

    @property
    def fragments(self) -> dict[str, float]:
        """Fragments with an auto-rerun timer: id -> interval in seconds."""
        return {fid: interval for fid, (interval, _task) in self._timers.items()}

    # --- protocol -------------------------------------------------------------------------

    def _context_url(self) -> str:
        path = "/" + self.page_name if self.page_name else "/"
        return self.base_url + path + (f"?{self.query_string}" if self.query_string else "")

    def _send_rerun(self, *, fragment_id: str = "", auto: bool = False,
                    extra: list[WidgetState] | None = None) -> None:
        if self.closed or self._ws is None:
            return
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        state.page_name = self.page_name if not self.page_script_hash else ""
        state.fragment_id = fragment_id
        state.is_auto_rerun = auto
        triggered = {w.id for w in extra or ()}
        state.widget_states.widgets.extend(
            v for k, v in self.values.items() if k not in triggered)
        state.widget_states.widgets.extend(extra or ())
        info = state.context_info
        info.timezone = "Europe/Helsinki"
        info.timezone_offset = -120
        info.locale = self.locale
        info.url = self._context_url()
        info.is_embedded = False
        info.color_scheme = "light"
        payload = msg.SerializeToString()
        self.trace.append((time.monotonic(), f"send frag={fragment_id[:6]} auto={auto} "
                                             f"triggers={len(extra or ())}"))
        ws = self._ws
        task = asyncio.ensure_future(ws.send(payload))
        task.add_done_callback(_quiet)

    async def _read(self) -> None:
        assert self._ws is not None
        try:
            async for raw in self._ws:
                if isinstance(raw, str):
                    continue
                self.messages += 1
                self.bytes += len(raw)
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                self._handle(msg)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - a dropped connection ends the tab
            self.close_reason = f"{type(error).__name__}: {error}"
        finally:
            if not self.closed:
                self.closed = True
                self.close_reason = self.close_reason or "server closed the connection"
                for _interval, task in self._timers.values():
                    task.cancel()
                self._fail_waiters(self.close_reason)

    def _fail_waiters(self, reason: str) -> None:
        for waiter in self._waiters:
            if not waiter.future.done():
                waiter.future.set_exception(ClientError(f"{self.name}: {reason}"))
                waiter.future.exception()  # mark retrieved: a timed-out caller is gone
        self._waiters.clear()

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "delta":
            self._delta(msg)
        elif kind == "new_session":
            self._new_session(msg)
        elif kind == "script_finished":
            self._script_finished(msg)
        elif kind == "auto_rerun":
            self._auto_rerun(msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
        elif kind == "stop_auto_rerun":
            for fid in msg.stop_auto_rerun.fragment_ids:
                self._stop_timer(fid)
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "navigation":
            nav = msg.navigation
            self.pages = {p.url_pathname: p.page_script_hash for p in nav.app_pages}
            if nav.page_script_hash:
                self.page_script_hash = nav.page_script_hash
        elif kind == "page_not_found":
            self._run_exceptions.append(f"page not found: {msg.page_not_found.page_name}")

    def _new_session(self, msg: ForwardMsg) -> None:
        session = msg.new_session
        if session.initialize.session_id:
            self.session_id = session.initialize.session_id
        run = msg.metadata.run
        self.trace.append((time.monotonic(), f"new_session run={run.script_run_id[:6]} "
                                             f"frags={[f[:6] for f in run.fragment_ids]}"))
        self._run_id = run.script_run_id
        self._run_fragments = tuple(run.fragment_ids)
        self._run_alerts = []
        self._run_exceptions = []
        if session.page_script_hash:
            self.page_script_hash = session.page_script_hash
        if not self._run_fragments:
            # A full run: the frontend drops every auto-rerun timer; this run's
            # auto_rerun messages start them again.
            for fid in list(self._timers):
                self._stop_timer(fid)
            self._ticks_pending.clear()
            for waiter in self._waiters:
                waiter.armed = True

    def _script_finished(self, msg: ForwardMsg) -> None:
        status = msg.script_finished
        now = time.monotonic()
        self.trace.append((now, f"finished status={status} run={self._run_id[:6]} "
                                f"meta_run={msg.metadata.run.script_run_id[:6]}"))
        fragment_run = bool(self._run_fragments)
        if status in (SUCCESS, FRAGMENT_SUCCESS, COMPILE_ERROR):
            self._clear_stale(self._run_id, self._run_fragments)
        if status in (SUCCESS, FRAGMENT_SUCCESS):
            if self.last_update_at:
                self.update_gaps.append(now - self.last_update_at)
            self.last_update_at = now
        if fragment_run:
            self.fragment_runs += 1
            if status == FRAGMENT_SUCCESS:
                if self.last_fragment_at:
                    self.fragment_gaps.append(now - self.last_fragment_at)
                self.last_fragment_at = now
            for fid in self._run_fragments:
                sent = self._ticks_pending.pop(fid, None)
                if sent is not None:
                    self.tick_ms.append((now - sent) * 1000)
            return
        self.full_runs += 1
        done = []
        for waiter in self._waiters:
            if not waiter.armed:
                continue
            result = waiter.result
            result.runs += 1
            result.alerts.extend(self._run_alerts)
            result.exceptions.extend(self._run_exceptions)
            if result.first_finished_at is None:
                result.first_finished_at = now
            if status != EARLY_FOR_RERUN:
                result.status = status
                result.finished_at = now
                result.last_alerts = list(self._run_alerts)
                done.append(waiter)
        for waiter in done:
            self._waiters.remove(waiter)
            if not waiter.future.done():
                waiter.future.set_result(waiter.result)
        # Widgets no longer on the page are forgotten, like the browser does.
        if status == SUCCESS and self.values:
            present = {w.id for w in self.widgets()}
            for widget_id in [k for k in self.values if k not in present]:
                del self.values[widget_id]

    def _delta(self, msg: ForwardMsg) -> None:
        delta = msg.delta
        path = msg.metadata.delta_path
        which = delta.WhichOneof("type")
        if which == "new_element":
            node = self._element_node(delta.new_element, delta.fragment_id)
        elif which == "add_block":
            node = Node("block:" + (delta.add_block.WhichOneof("type") or ""), self._run_id,
                        delta.fragment_id, children={})
            if delta.add_block.WhichOneof("type") == "form":
                node.text = delta.add_block.form.form_id
        else:  # transient elements (spinners, toasts) do not stay on the page
            return
        self._set(tuple(path), node)

    def _element_node(self, element: Any, fragment_id: str) -> Node:
        kind = element.WhichOneof("type") or ""
        node = Node(kind, self._run_id, fragment_id)
        attr = TEXT_FIELDS.get(kind)
        if attr is not None:
            body = getattr(getattr(element, kind), attr)
            node.text = body
            if kind == "alert":
                self._run_alerts.append(
                    (ALERT_FORMATS.get(element.alert.format, "?"), body))
            elif kind == "exception":
                self._run_exceptions.append(body)
            if self.on_text is not None and body:
                self.on_text(self, kind, body)
        elif kind in WIDGET_KINDS:
            proto = getattr(element, kind)
            node.widget = Widget(kind, proto.id, getattr(proto, "label", ""),
                                 getattr(proto, "form_id", ""),
                                 bool(getattr(proto, "is_form_submitter", False)))
            node.text = node.widget.label
        return node

    def _set(self, path: tuple[int, ...], node: Node) -> None:
        if not path:
            return
        parent = self.root
        for depth, index in enumerate(path[:-1]):
            assert parent.children is not None
            child = parent.children.get(index)
            if child is None or child.children is None:
                # Root containers (main, sidebar, ...) exist without a delta.
                child = Node("container", None if depth == 0 else self._run_id, "",
                             children={})
                parent.children[index] = child
            parent = child
        assert parent.children is not None
        old = parent.children.get(path[-1])
        if (node.children is not None and old is not None and old.children is not None
                and old.kind == node.kind):
            node.children = old.children  # a re-sent block keeps its children until cleared
        parent.children[path[-1]] = node

    def _clear_stale(self, run_id: str, fragment_ids: tuple[str, ...]) -> None:
        """Drop what the finished run did not send again (the frontend's clearStaleNodes)."""
        self._prune(self.root, run_id, frozenset(fragment_ids), False)

    def _prune(self, node: Node, run_id: str, fragments: frozenset[str], inside: bool) -> None:
        children = node.children
        if not children:
            return
        kept: dict[int, Node] = {}
        for index, child in children.items():
            if child.run_id is None:
                self._prune(child, run_id, fragments, inside)
                kept[index] = child
                continue
            if child.children is not None:  # a block
                context = inside
                if fragments:
                    if inside and child.run_id != run_id:
                        continue
                    if child.fragment_id in fragments and child.run_id == run_id:
                        context = True
                elif child.run_id != run_id:
                    continue
                self._prune(child, run_id, fragments, context)
                kept[index] = child
            elif fragments:
                if not child.fragment_id or not inside or child.run_id == run_id:
                    kept[index] = child
            elif child.run_id == run_id:
                kept[index] = child
        node.children = kept

    # --- live fragments -------------------------------------------------------------------

    def _auto_rerun(self, fragment_id: str, interval: float) -> None:
        if not fragment_id or interval <= 0:
            return
        held = self._timers.get(fragment_id)
        if held is not None and held[0] == interval:
            return
        self._stop_timer(fragment_id)
        task = asyncio.get_running_loop().create_task(
            self._tick(fragment_id, interval), name=f"tick-{self.name}")
        self._timers[fragment_id] = (interval, task)

    def _stop_timer(self, fragment_id: str) -> None:
        held = self._timers.pop(fragment_id, None)
        if held is not None:
            held[1].cancel()
        self._ticks_pending.pop(fragment_id, None)

    async def _tick(self, fragment_id: str, interval: float) -> None:
        # setInterval: fixed rate, whether or not the previous rerun has finished.
        loop = asyncio.get_running_loop()
        due = loop.time() + interval
        while not self.closed:
            await asyncio.sleep(max(0.0, due - loop.time()))
            due += interval
            self._ticks_pending.setdefault(fragment_id, time.monotonic())
            self._send_rerun(fragment_id=fragment_id, auto=True)


def _widget_state(widget_id: str, value: Any) -> WidgetState:
    state = WidgetState(id=widget_id)
    if isinstance(value, bool):
        state.bool_value = value
    elif isinstance(value, int):
        state.int_value = value
    elif isinstance(value, float):
        state.double_value = value
    elif isinstance(value, str):
        state.string_value = value
    elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        state.string_array_value.data.extend(value)
    elif isinstance(value, (list, tuple)):
        state.int_array_value.data.extend(int(v) for v in value)
    else:
        raise TypeError(f"unsupported widget value {value!r}")
    return state


def _quiet(task: asyncio.Future[Any]) -> None:
    if not task.cancelled():
        task.exception()  # a send on a closing socket: the reader reports the close
