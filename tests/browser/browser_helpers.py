"""Shared bits of the browser tests: the e2e account, timeouts, texts and Streamlit waits."""

from __future__ import annotations

from typing import Any

from workshop.i18n import t

FACILITATOR_USERNAME = "e2efasi"
FACILITATOR_NAME = "E2E Fasi"
FACILITATOR_PASSWORD = "e2e password 123"

TIMEOUT_MS = 15_000  # generous default for every wait on visible text


def fi(key: str, **params: Any) -> str:
    """The Finnish catalogue text the user reads (Finnish is the default language)."""
    return t(key, "fi", **params)


def wait_idle(page: Any, timeout_ms: int = TIMEOUT_MS) -> None:
    """Wait until Streamlit is connected and has finished its current script run.

    Live fragments rerun every second or two, so this waits for a calm moment rather than
    for silence; assertions still wait for the visible text they need.
    """
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
        '[data-test-script-state="notRunning"]',
        state="attached", timeout=timeout_ms,
    )


def log_in(page: Any) -> None:
    """On the login page: log in as the e2e facilitator and wait for the Workshops page."""
    from playwright.sync_api import expect

    expect(page.get_by_role("heading", name=fi("login.title"))).to_be_visible()
    wait_idle(page)
    page.get_by_label(fi("field.username"), exact=True).fill(FACILITATOR_USERNAME)
    page.get_by_label(fi("field.password"), exact=True).fill(FACILITATOR_PASSWORD)
    page.get_by_role("button", name=fi("login.submit"), exact=True).click()
    expect(page.get_by_role("heading", name=fi("workshops.title"), exact=True)).to_be_visible()
    wait_idle(page)
