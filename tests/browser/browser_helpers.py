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


# --- shared by the flow tests (paths and maps, prioritising and the model) ------------------

PATIENT_MS = 45_000  # long flows on a loaded 2-core machine: a save may take its time


def be_patient(page: Any) -> Any:
    """``page`` with PATIENT_MS as its action and navigation timeout; returns it."""
    page.set_default_timeout(PATIENT_MS)
    page.set_default_navigation_timeout(PATIENT_MS)
    return page


def server_database_url(base_temp: Any) -> str:
    """The session server's SQLite database, for setting up records with domain services.

    ``app_server`` (conftest) keeps it under ``<basetemp>/e2e-server*/``; pass
    ``tmp_path_factory.getbasetemp()``. Request ``app_server`` first so it exists.
    """
    # pytest also links the newest numbered directory as ``e2e-servercurrent``.
    found = sorted({path.resolve() for path in base_temp.glob("e2e-server*/e2e.sqlite3")})
    assert len(found) == 1, f"expected one session server database under {base_temp}: {found}"
    return f"sqlite:///{found[0]}"


def open_expander(scope: Any, title: str, field_label: str) -> Any:
    """The expander ``title`` within ``scope`` (a page or a locator), opened until its field
    ``field_label`` shows; a click during the opening animation may close it, so retry."""
    from playwright.sync_api import expect

    page = getattr(scope, "page", scope)
    box = scope.get_by_test_id("stExpander").filter(
        has=page.locator("summary").filter(has_text=title))
    summary = box.locator("summary")
    field = box.get_by_label(field_label, exact=True)
    expect(summary).to_be_visible()
    wait_idle(page, PATIENT_MS)
    for _ in range(3):
        if field.is_visible():
            break
        summary.click()
        try:
            expect(field).to_be_visible(timeout=3_000)
        except AssertionError:
            continue
    expect(field).to_be_visible()
    return box


def choose(scope: Any, label: str, option: str, typed: str | None = None) -> None:
    """Choose ``option`` in the selectbox ``label`` (within ``scope``) with the keyboard:
    type all but the last letter (typing it all closes the list) or ``typed``, a part that
    only this option has (long options with symbols may not filter as typed), arrow down
    to the option and press Enter."""
    import warnings

    from playwright.sync_api import expect

    page = getattr(scope, "page", scope)
    box = scope.get_by_test_id("stSelectbox").filter(has=page.get_by_label(label, exact=True))
    combo = box.get_by_role("combobox")
    for attempt in range(2):
        _choose_once(page, combo, option, typed)
        try:
            expect(combo).to_have_value(option, timeout=5_000)
            return
        except AssertionError:
            pass
        # Under load the highlighted option can lag behind the arrow keys, and Enter then
        # takes another one: choose again, and say so in the log.
        warnings.warn(f"choosing {option!r} in {label!r} gave {combo.input_value()!r} "
                      f"(attempt {attempt + 1}); choosing again", stacklevel=2)
    expect(combo).to_have_value(option)


def _choose_once(page: Any, combo: Any, option: str, typed: str | None) -> None:
    from playwright.sync_api import expect

    # Scrolling closes an open list: bring the box to the middle of the screen first.
    combo.evaluate("element => element.scrollIntoView({block: 'center'})")
    text = typed if typed is not None else option[:-1]
    combo.fill(text)
    wanted = page.get_by_role("option", name=option, exact=True)
    try:
        expect(wanted).to_be_visible(timeout=5_000)
    except AssertionError:
        # Typing into a box whose list was never opened sometimes leaves it closed (seen on
        # a loaded machine). The focus is still in the box: the arrow key opens the list
        # with the typed filter. (Not the locator again: while a list is open, a scope found
        # by role may be hidden from the accessibility tree.)
        page.keyboard.press("ArrowDown")
        expect(wanted).to_be_visible()
    # The focus stays in the box; press on the page, since while the list is open a scope
    # found by role (say, a form by its button) may be hidden from the accessibility tree.
    # Arrow down to the option (the first one may be highlighted already), then Enter.
    for _ in range(page.get_by_role("option").count() + 1):
        if wanted.get_attribute("data-focused") == "true":
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.get_by_role("option")).to_have_count(0)  # the list has closed
    wait_idle(page, PATIENT_MS)
    # While a rerun redraws the page, an element that moved may show twice (the stale copy
    # goes when the run ends): wait for one before reading it.
    expect(combo).to_have_count(1)


def submit(button: Any, lasting: Any, *, press: bool = False) -> None:
    """Submit a form with ``button`` and wait for ``lasting``: a sign of the save that stays
    on screen (the new record listed or chosen), not the one-run confirmation, which the
    next rerun takes away.

    In CI a click sometimes left no trace at all: no save, no message, the typed text still
    in its box. If the page is idle, shows no error and still lacks the sign after a full
    wait, the submit is sent once more (the forms' idempotency keys make a repeat harmless)
    and a warning says so, so the CI log tells how often it happens.
    """
    import warnings

    from playwright.sync_api import expect

    page = button.page
    (button.press("Enter") if press else button.click())
    try:
        expect(lasting.first).to_be_visible(timeout=TIMEOUT_MS)
        return
    except AssertionError:
        pass
    wait_idle(page, PATIENT_MS)
    if lasting.first.is_visible():
        return
    error = page.get_by_test_id("stAlertContentError")
    assert not error.count(), f"the save was refused: {error.all_inner_texts()}"
    warnings.warn(f"a submit left no trace within {TIMEOUT_MS} ms; sent again", stacklevel=2)
    (button.press("Enter") if press else button.click())
    expect(lasting.first).to_be_visible(timeout=PATIENT_MS)


def go_to(page: Any, nav_key: str, heading: str | None = None) -> None:
    """Open a facilitator page from the sidebar and wait for its title (``heading``, by
    default the navigation text)."""
    from playwright.sync_api import expect

    nav = page.get_by_test_id("stSidebarNav")
    link = nav.get_by_role("link", name=fi(nav_key), exact=True)
    more = page.get_by_test_id("stSidebarNavViewButton")  # "View N more" of a long list
    if not link.is_visible() and more.is_visible() and "more" in more.inner_text().lower():
        more.click()
    link.click()
    expect(page.get_by_role("heading", name=heading or fi(nav_key), exact=True)).to_be_visible()
    wait_idle(page, PATIENT_MS)


def create_workshop(page: Any, name: str) -> None:
    """On the Workshops page: create workshop ``name`` and wait until it is the chosen one."""
    form = open_expander(page, fi("workshops.create"), fi("field.workshop_name"))
    form.get_by_label(fi("field.workshop_name"), exact=True).fill(name)
    submit(form.get_by_role("button", name=fi("action.save"), exact=True),
           page.get_by_role("heading", name=name, exact=True))
    wait_idle(page, PATIENT_MS)


def plan_meeting(page: Any, workshop: str, title: str,
                 items: list[tuple[str, str | None]]) -> None:
    """On the planning page of the chosen ``workshop``: a new meeting ``title`` with agenda
    ``items`` as (title, activity type key or None for the first type), in order."""
    from playwright.sync_api import expect

    go_to(page, "nav.plan")
    expect(page.get_by_text(workshop, exact=True)).to_be_visible()
    form = open_expander(page, fi("plan.new_meeting"), fi("field.meeting_title"))
    form.get_by_label(fi("field.meeting_title"), exact=True).fill(title)
    submit(form.get_by_role("button", name=fi("action.save"), exact=True),
           page.get_by_role("radiogroup", name=fi("plan.meetings")))
    wait_idle(page, PATIENT_MS)
    for position, (item, activity) in enumerate(items, start=1):
        form = page.get_by_test_id("stForm").filter(
            has=page.get_by_label(fi("field.item_title"), exact=True))
        form.get_by_label(fi("field.item_title"), exact=True).fill(item)
        if activity is not None:
            choose(form, fi("field.activity_type"), fi(f"activity.{activity}.name"))
        submit(form.get_by_role("button", name=fi("plan.add_item"), exact=True),
               shown(page, f"{position}. {item}"))
        wait_idle(page, PATIENT_MS)


def join_meeting(page: Any, *, name: str, role: str, code: str | None = None) -> None:
    """On the start page: join with ``code`` (absent with a join link) as ``name`` in
    ``role``, and wait until the participant page greets them."""
    from playwright.sync_api import expect

    expect(page.get_by_role("heading", name=fi("join.title"))).to_be_visible()
    wait_idle(page, PATIENT_MS)
    if code is not None:
        page.get_by_label(fi("field.join_code"), exact=True).fill(code)
    page.get_by_label(fi("field.display_name"), exact=True).fill(name)
    page.get_by_text(fi(f"role.{role}.name"), exact=True).click()
    page.get_by_role("button", name=fi("join.submit"), exact=True).click()
    role_name = fi(f"role.{role}.name")
    expect(page.get_by_text(fi("participate.you_are", name=name, role=role_name))).to_be_visible()
    wait_idle(page, PATIENT_MS)


def plotly_rendered(scope: Any) -> Any:
    """The Plotly charts within ``scope`` that Plotly has really drawn (their SVG layers,
    which hold the title, the axes and the labels as text)."""
    return scope.get_by_test_id("stPlotlyChart").locator(".js-plotly-plot:has(.main-svg)")


# --- live meetings: the console's agenda rows and join code, shown content --------------------


def shown(scope: Any, text: str) -> Any:
    """``text`` as shown content (Markdown), not, say, a text area holding the same text."""
    return scope.get_by_test_id("stMarkdownContainer").get_by_text(text, exact=True)


def agenda_row(page: Any, position: int, title: str) -> Any:
    """The console's row for one agenda item: its title, activity and buttons."""
    return page.get_by_test_id("stHorizontalBlock").filter(has_text=f"{position}. {title}")


def start_item(page: Any, position: int, title: str, *, open_contributions: bool = True) -> None:
    """On the console: make agenda item ``position`` current (unless it already is) and open
    its contributions, waiting for each change to show."""
    from playwright.sync_api import expect

    row = agenda_row(page, position, title)
    expect(row).to_be_visible()
    wait_idle(page)
    make_current = row.get_by_role("button", name=fi("console.make_current"), exact=True)
    if make_current.count():
        make_current.click()
        expect(row.get_by_text(fi("console.current"), exact=True)).to_be_visible()
        expect(make_current).to_have_count(0)
        wait_idle(page)
    if open_contributions:
        row.get_by_role("button", name=fi("console.open_contributions"), exact=True).click()
        expect(row.get_by_role("button", name=fi("console.close_contributions"),
                               exact=True)).to_be_visible()
        wait_idle(page)


def join_code_and_link(page: Any) -> tuple[str, str]:
    """The join code and the join link's token that the console shows for an open meeting."""
    import re

    from playwright.sync_api import expect

    prefix = fi("console.join_code", code="").replace("*", "").strip()
    code_text = page.get_by_text(re.compile(rf"^{re.escape(prefix)}\s*[A-Z0-9]{{6}}$"))
    expect(code_text).to_be_visible()
    code = code_text.inner_text().split()[-1]
    url = page.get_by_test_id("stCode").filter(has_text="join=").inner_text()
    token = re.search(r"[?&]join=([A-Za-z0-9_-]+)", url)
    assert token, f"no join link in {url!r}"
    return code, token.group(1)
