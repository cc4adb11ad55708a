"""Real-browser fixtures: one Streamlit server and one Debian chromium per test session.

Playwright cannot download browsers here, so the tests drive the system chromium
(``/usr/bin/chromium``, or ``KEHITTAMO_CHROMIUM``). Without it the browser tests are skipped
with a visible reason; under ``CI=true`` they fail instead, so CI never passes by skipping.

Each session gets a fresh SQLite database with one facilitator account created through the
``kehittamo`` CLI, like an administrator would. On a failing test every open page is
screenshotted into ``test-artifacts/`` and the tail of the server log is attached to the
report.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import (
    FACILITATOR_NAME,
    FACILITATOR_PASSWORD,
    FACILITATOR_USERNAME,
    PATIENT_MS,
    TIMEOUT_MS,
    fi,
    log_in,
    wait_idle,
)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
IN_CI = os.environ.get("CI", "").lower() == "true"

SERVER_START_SECONDS = 150  # generous: a loaded 2-core machine starts slowly
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"viewport": {"width": 1280, "height": 800}, "locale": "fi-FI"}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "locale": "fi-FI",
}

_server_logs: list[Path] = []  # the running servers' logs, attached to failure reports


def _unavailable(reason: str) -> None:
    """Skip the browser tests with a visible reason; under CI=true fail instead."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: browser tests must run, not skip)", pytrace=False)
    pytest.skip(f"{reason}: browser tests skipped")


def chromium_path() -> str | None:
    configured = os.environ.get("KEHITTAMO_CHROMIUM")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Any:
    report = yield
    setattr(item, f"rep_{report.when}", report)
    if report.failed:
        for log in _server_logs:
            report.sections.append((f"streamlit server log (tail of {log})", _tail(log)))
    return report


def _tail(path: Path, lines: int = 60) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError as error:
        return f"(no log: {error})"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return answer.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError):
        return False


def start_server(workdir: Path) -> tuple[str, subprocess.Popen[bytes], Path]:
    """A Streamlit server on a fresh database with the e2e facilitator; (url, process, log).

    The account is created with the ``kehittamo`` command of the code under test (which also
    upgrades the schema) while Streamlit starts: the app touches the database only when the
    first browser connects, after both are done.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.pop("KEHITTAMO_PUBLIC_URL", None)  # join links use the browser's address
    env["DATABASE_URL"] = f"sqlite:///{workdir / 'e2e.sqlite3'}"
    cli = subprocess.Popen(
        [sys.executable, "-m", "workshop.cli", "user", "add", FACILITATOR_USERNAME,
         "--name", FACILITATOR_NAME],
        cwd=ROOT, env={**env, "KEHITTAMO_PASSWORD": FACILITATOR_PASSWORD},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = workdir / "streamlit.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py",
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        output, _ = cli.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        cli.kill()
        output, _ = cli.communicate()
    if cli.returncode != 0:
        stop_server(process)
        pytest.fail(f"kehittamo user add failed ({cli.returncode}): {output}", pytrace=False)
    deadline = time.monotonic() + SERVER_START_SECONDS
    while not _healthy(url):
        if process.poll() is not None or time.monotonic() > deadline:
            stop_server(process)
            pytest.fail(f"Streamlit did not become healthy at {url}:\n{_tail(log)}",
                        pytrace=False)
        time.sleep(0.2)
    _server_logs.append(log)
    return url, process, log


def stop_server(process: subprocess.Popen[bytes], log: Path | None = None) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    if log is not None and log in _server_logs:
        _server_logs.remove(log)


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = chromium_path()
    if path is None:
        _unavailable("Debian chromium not found (apt-get install chromium, or set "
                     "KEHITTAMO_CHROMIUM to its path)")
    return path  # type: ignore[return-value]


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory,
               chromium_executable: str) -> Iterator[str]:
    """The base URL of a Streamlit server started once for the session on a fresh database."""
    url, process, log = start_server(tmp_path_factory.mktemp("e2e-server"))
    try:
        yield url
    finally:
        stop_server(process, log)


@pytest.fixture(scope="session")
def browser(chromium_executable: str) -> Iterator[Any]:
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError as error:  # pragma: no cover - the [test] extra installs it
        _unavailable(f"playwright is not installed: {error}")
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(
                executable_path=chromium_executable, headless=True, args=CHROMIUM_ARGS)
        except Exception as error:  # noqa: BLE001 - a broken chromium install
            _unavailable(f"chromium at {chromium_executable} does not start: {error}")
        yield launched
        launched.close()


@pytest.fixture
def _contexts(request: pytest.FixtureRequest, browser: Any) -> Iterator[list[Any]]:
    """Every browser context a test opens; screenshots of their pages when the test fails."""
    opened: list[Any] = []
    yield opened
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        for c, context in enumerate(opened):
            for p, page in enumerate(context.pages):
                target = ARTIFACTS / f"{name}-{c}-{p}.png"
                try:
                    page.screenshot(path=str(target), full_page=True)
                    print(f"screenshot: {target} ({page.url})")
                except Exception as error:  # noqa: BLE001 - the page may be gone
                    print(f"no screenshot of {page.url}: {error}")
    for context in opened:
        with contextlib.suppress(Exception):  # already closed or the browser is gone
            context.close()


def _new_context(browser: Any, opened: list[Any], base_url: str, **options: Any) -> Any:
    context = browser.new_context(base_url=base_url, **options)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    opened.append(context)
    return context


@pytest.fixture(scope="module")
def patient_expectations(browser: Any) -> Iterator[None]:
    """For a module of long flows (``pytest.mark.usefixtures``): every ``expect`` may wait
    PATIENT_MS, as a loaded 2-core machine needs; the default comes back after the module."""
    from playwright.sync_api import expect

    expect.set_options(timeout=PATIENT_MS)
    yield
    expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture
def phone_context(browser: Any, app_server: str, _contexts: list[Any]) -> Callable[[], Any]:
    """Factory: a new phone-sized, touch, Finnish-locale browser context (one per person)."""
    def make() -> Any:
        return _new_context(browser, _contexts, app_server, **PHONE)
    return make


@pytest.fixture
def fresh_server(tmp_path: Path, chromium_executable: str) -> Iterator[Callable[[], str]]:
    """Factory: the URL of a brand-new server of its own (stopped after the test)."""
    started: list[tuple[subprocess.Popen[bytes], Path]] = []

    def make() -> str:
        url, process, log = start_server(tmp_path / f"server{len(started)}")
        started.append((process, log))
        return url

    yield make
    for process, log in started:
        stop_server(process, log)


@pytest.fixture
def desktop_context(browser: Any, app_server: str, _contexts: list[Any]) -> Callable[..., Any]:
    """Factory: a new desktop (1280×800) Finnish context, on the session server by default."""
    def make(base_url: str | None = None) -> Any:
        return _new_context(browser, _contexts, base_url or app_server, **DESKTOP)
    return make


@pytest.fixture
def facilitator_page(desktop_context: Callable[..., Any]) -> Any:
    """A desktop page logged in as the e2e facilitator, on the Workshops page."""
    page = desktop_context().new_page()
    page.goto("/")  # the way a facilitator arrives: the start page's login link
    wait_idle(page)
    page.get_by_role("link", name=fi("join.facilitator_link")).click()
    log_in(page)
    return page
