"""Accessibility in a real browser: WCAG 2.1 AA, as the Finnish public sector requires.

- axe-core runs on every facilitator page of the navigation and on every participant view
  (the join page, a wrong code, and the participate page for each activity type) with the
  demo theme group's real data in them: no serious or critical violation may remain, apart
  from the few listed below that Streamlit's own markup causes.
- The page declares its language: ``<html lang="fi">``, ``en`` for an English user.
- Charts have text alternatives: an accessible name, and the chart's content as text.
- A participant on a phone joins and sends a note with the keyboard alone, and can see
  where the focus is at every step.
- At 200 % zoom on a phone the join and note forms fit: no horizontal scrolling.

The demo data comes from ``workshop.demo.seed_demo`` (what ``kehittamo demo`` runs), seeded
into the session server's database; the tests switch the live activity with the domain
services, as the console's buttons would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_helpers import (
    PATIENT_MS,
    be_patient,
    choose,
    fi,
    go_to,
    join_meeting,
    plotly_rendered,
    server_database_url,
    wait_idle,
)
from playwright.sync_api import Locator, Page, expect
from sqlalchemy import Engine

from workshop import accounts, db, demo, groups, meetings
from workshop.access import FacilitatorActor
from workshop.i18n import t

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("patient_expectations")]

DEMO_PASSWORD = "demo password for a11y"  # a throwaway test database
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

# Violations caused by Streamlit's own markup, which the app cannot change: (axe rule, CSS
# selector of the offending elements, why). Only elements matching the selector are
# forgiven, and only for that rule; anything else still fails.
FRAMEWORK_MARKUP: list[tuple[str, str, str]] = [
    # st.navigation with sections renders <ul data-testid="stSidebarNavItems"> whose
    # children are one <div> per section (header + links) instead of <li>: "list" fails on
    # the <ul> and "listitem" on each <li> inside those <div>s. The links themselves are
    # named, focusable and in order; the app only passes Page objects.
    ("list", 'ul[data-testid="stSidebarNavItems"]', "Streamlit sectioned sidebar nav"),
    ("listitem", 'ul[data-testid="stSidebarNavItems"] > div > li',
     "Streamlit sectioned sidebar nav"),
]

# Facilitator pages in the navigation's order: (navigation key, title key).
FACILITATOR_PAGES: list[tuple[str, str | None]] = [
    ("nav.workshops", "workshops.title"),
    ("nav.plan", "plan.title"),
    ("nav.people", "people.title"),
    ("nav.console", "console.title"),
    ("nav.projector", None),  # no title: the room reads the activity's own heading
    ("nav.warmup_library", "warmup.library.title"),
    ("nav.personas", "persona.gallery_title"),
    ("nav.paths", "paths.title"),
    ("nav.causal_map", "maps.title"),
    ("nav.candidates", "prio.page.title"),
    ("nav.model_canvas", "canvas.title"),
    ("nav.feedback_results", "feedback.results_title"),
    ("nav.evaluation", "evaluation.title"),
    ("nav.exports", "export.page.title"),
    ("nav.account", "account.title"),
]
# Every activity type a participant can be in (``info`` draws the notes view).
PARTICIPANT_ACTIVITIES = (
    "notes", "principles", "picture_cards", "glossary", "topics", "learning_cafe", "feedback",
    "personas", "service_path", "causal_map", "prioritising", "waste_workshop", "tuplatiimi",
    "solution_steps", "model_canvas",
)
# The example model whose evaluation has follow-ups and a survey (workshop/seed_models.py).
EVALUATED_MODEL = "Maahanmuuttajataustaisten nuorten ja perheiden monialainen toimintamalli"
GROUP_ACTIVITIES = {"learning_cafe", "personas", "tuplatiimi"}  # a late joiner gets a group

AXE = Axe()


@dataclass(frozen=True)
class Demo:
    engine: Engine
    facilitator: FacilitatorActor
    workshop_id: int
    items: dict[str, tuple[int, int]]  # activity type → (meeting id, agenda item id)
    open_meeting_id: int
    open_item_id: int | None


@pytest.fixture(scope="module")
def demo_data(app_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The demo theme group in the session server's database. The participant tests move
    the live activity around; afterwards its open meeting is put back as it was."""
    engine = db.make_engine(server_database_url(tmp_path_factory.getbasetemp()))
    with db.transaction(engine) as session:
        info = demo.seed_demo(session, DEMO_PASSWORD)
        assert info.created, "the demo was already in the session database"
        user = accounts.find_user(session, demo.DEMO_USERNAME)
        assert user is not None
        actor = FacilitatorActor(user.id)
        plan = meetings.list_meetings(session, actor, info.workshop_id)
    items: dict[str, tuple[int, int]] = {}
    for meeting in plan:
        for item in meeting.agenda:
            items.setdefault(item.activity_type, (meeting.id, item.id))
    opened = next(m for m in plan if m.status == "open")
    data = Demo(engine, actor, info.workshop_id, items, opened.id, opened.current_item_id)
    try:
        yield data
    finally:
        with db.transaction(engine) as session:
            _make_live(session, data, opened.id, opened.current_item_id, open_items=False)
        engine.dispose()


def _make_live(session: Any, data: Demo, meeting_id: int, item_id: int | None, *,
               open_items: bool = True) -> str:
    """Open ``meeting_id`` (closing the demo's other open meeting) with ``item_id`` as the
    current activity, its contributions open; returns the join code."""
    me = data.facilitator
    for meeting in meetings.list_meetings(session, me, data.workshop_id):
        if meeting.status == "open" and meeting.id != meeting_id:
            meetings.close_meeting(session, me, meeting.id)
    view = meetings.open_meeting(session, me, meeting_id)
    meetings.set_current_item(session, me, meeting_id, item_id)
    if item_id is not None and open_items:
        meetings.set_item_flags(session, me, item_id, contributions_open=True)
    assert view.join_code
    return view.join_code


def live_activity(data: Demo, activity: str) -> str:
    """Make the demo's first ``activity`` item the live one, as the console would; its small
    groups are formed first if it works in groups. Returns the meeting's join code."""
    meeting_id, item_id = data.items[activity]
    with db.transaction(data.engine) as session:
        code = _make_live(session, data, meeting_id, item_id)
        if activity in GROUP_ACTIVITIES and not groups.groups_for_item(
                session, data.facilitator, item_id):
            groups.form_groups(session, data.facilitator, item_id, size=4, seed=1)
    return code


# --- checks ------------------------------------------------------------------------------


def _forgiven(page: Page, rule: str, node: dict[str, Any]) -> bool:
    selectors = [selector for r, selector, _why in FRAMEWORK_MARKUP if r == rule]
    if not selectors or len(node["target"]) != 1:  # nothing forgiven inside iframes
        return False
    return bool(page.evaluate(
        "([target, selectors]) => { const el = document.querySelector(target);"
        " return !!el && selectors.some(s => el.matches(s)); }",
        [node["target"][0], selectors]))


def axe_problems(page: Page, where: str) -> list[str]:
    """Serious and critical WCAG 2.1 A/AA violations on the page as it is now, readable."""
    wait_idle(page, PATIENT_MS)
    results = AXE.run(page, options={
        "runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    problems = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            if node.get("impact") not in BLOCKING or _forgiven(page, violation["id"], node):
                continue
            summary = " ".join(node.get("failureSummary", "").split())
            problems.append(f"[{where}] {violation['id']} ({node['impact']}) at "
                            f"{' > '.join(node['target'])}: {node['html'][:160]} — {summary}")
    return problems


def language_problems(page: Page, where: str, language: str) -> list[str]:
    """The page's declared language (set by the app once its first run has drawn)."""
    try:
        expect(page.locator("html")).to_have_attribute("lang", language, timeout=10_000)
    except AssertionError:
        declared = page.evaluate("document.documentElement.lang")
        return [f"[{where}] <html lang={declared!r}>, expected {language!r}"]
    return []


def chart_problems(page: Page, where: str, text_alternative: Locator,
                   must_mention: str | re.Pattern[str]) -> list[str]:
    """Every drawn Plotly chart is a named figure, and the page holds its content as text
    (``text_alternative``, opened if it is an expander) that mentions ``must_mention``."""
    expect(plotly_rendered(page).first).to_be_visible()
    problems = []
    for chart in page.get_by_test_id("stPlotlyChart").all():
        if not chart.is_visible():
            continue  # in a closed tab: checked where it shows
        role, name = chart.get_attribute("role"), (chart.get_attribute("aria-label") or "")
        if role != "figure" or not name.strip():
            problems.append(f"[{where}] a chart without a text alternative "
                            f"(role={role!r}, aria-label={name!r})")
    summary = text_alternative.locator("summary")
    if summary.count() and text_alternative.get_attribute("open") is None:
        summary.first.click()
    expect(text_alternative).to_contain_text(must_mention)
    return problems


# --- facilitator -------------------------------------------------------------------------


def demo_login(page: Page) -> None:
    expect(page.get_by_role("heading", name=fi("login.title"))).to_be_visible()
    wait_idle(page, PATIENT_MS)
    page.get_by_label(fi("field.username"), exact=True).fill(demo.DEMO_USERNAME)
    page.get_by_label(fi("field.password"), exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name=fi("login.submit"), exact=True).click()
    expect(page.get_by_role("heading", name=fi("workshops.title"), exact=True)).to_be_visible()
    wait_idle(page, PATIENT_MS)


def choose_workshop(page: Page, name: str) -> None:
    choose(page, fi("workshops.choose"), name)
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    wait_idle(page, PATIENT_MS)


def open_page(page: Page, nav_key: str, title_key: str | None) -> None:
    if title_key is None:
        page.get_by_test_id("stSidebarNav").get_by_role(
            "link", name=fi(nav_key), exact=True).click()
        expect(page).to_have_url(re.compile(r"/projector"))
        wait_idle(page, PATIENT_MS)
    else:
        go_to(page, nav_key, fi(title_key))


def test_every_facilitator_page_passes_axe_with_charts_described(
    desktop_context: Callable[..., Any], demo_data: Demo
) -> None:
    """The login page and all 15 pages of the navigation on the demo theme group (the model
    pages again on the example models), in Finnish; then the account page in English."""
    page = be_patient(desktop_context().new_page())
    problems: list[str] = []
    page.goto("/login")
    expect(page.get_by_role("heading", name=fi("login.title"))).to_be_visible()
    problems += language_problems(page, "login", "fi") + axe_problems(page, "login")
    demo_login(page)
    choose_workshop(page, demo.DEMO_WORKSHOP)
    for nav_key, title_key in FACILITATOR_PAGES:
        open_page(page, nav_key, title_key)
        problems += language_problems(page, nav_key, "fi") + axe_problems(page, nav_key)
        if nav_key == "nav.paths":  # the journey chart; its steps as text in an expander
            problems += chart_problems(
                page, nav_key, page.get_by_test_id("stExpander").filter(
                    has_text=fi("paths.chart_text")), "1.")
        elif nav_key == "nav.causal_map":  # the map; its links as sentences
            problems += chart_problems(
                page, nav_key, page.get_by_test_id("stExpander").filter(
                    has_text=fi("maps.picture_text")), "→")
        elif nav_key == "nav.feedback_results":  # answers by group, side by side
            problems += chart_problems(
                page, nav_key, page.get_by_test_id("stExpander").filter(
                    has_text=fi("feedback.chart_as_text")).first,
                re.compile(r"\d,\d"))  # the groups' means, written out
        if nav_key in ("nav.paths", "nav.causal_map", "nav.feedback_results"):
            problems += axe_problems(page, f"{nav_key}, text alternative open")

    # The model canvas and its evaluation, on the workshop that has models in them.
    go_to(page, "nav.workshops", fi("workshops.title"))
    choose_workshop(page, demo.MODELS_WORKSHOP)
    go_to(page, "nav.model_canvas", fi("canvas.title"))
    problems += axe_problems(page, "nav.model_canvas (models)")
    go_to(page, "nav.evaluation", fi("evaluation.title"))
    choose(page, fi("canvas.choose_model"), EVALUATED_MODEL, typed="Maahanmuuttajataustaisten")
    wait_idle(page, PATIENT_MS)
    problems += chart_problems(
        page, "nav.evaluation", page.get_by_text(fi("evaluation.text_alternative")).first
        .locator("xpath=ancestor::*[@data-testid='stVerticalBlock'][1]"), re.compile(r"\d"))
    problems += axe_problems(page, "nav.evaluation (models)")

    # English: the switch in the sidebar; the page says so, and passes in English too.
    go_to(page, "nav.account", fi("account.title"))
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name=t("account.title", "en"), exact=True)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    problems += axe_problems(page, "nav.account in English")
    page.get_by_test_id("stSidebar").get_by_text("Suomi", exact=True).click()
    expect(page.get_by_role("heading", name=fi("account.title"), exact=True)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    assert not problems, "\n".join(problems)


# --- participants ------------------------------------------------------------------------


def test_every_participant_view_passes_axe(
    phone_context: Callable[[], Any], demo_data: Demo
) -> None:
    """Join page (Finnish and English), a wrong code, then the participate page for every
    activity type, on a phone, each with the demo's own data in it."""
    problems: list[str] = []
    code = live_activity(demo_data, "notes")

    english = be_patient(phone_context().new_page())
    english.goto("/?lang=en")
    expect(english.get_by_role("heading", name=t("join.title", "en"))).to_be_visible()
    problems += language_problems(english, "join (en)", "en") + axe_problems(english, "join (en)")
    english.context.close()

    page = be_patient(phone_context().new_page())
    page.goto("/")
    expect(page.get_by_role("heading", name=fi("join.title"))).to_be_visible()
    problems += language_problems(page, "join", "fi") + axe_problems(page, "join")
    wait_idle(page, PATIENT_MS)
    page.get_by_label(fi("field.join_code"), exact=True).fill("ZZZZZZ")
    page.get_by_label(fi("field.display_name"), exact=True).fill("Saavutettava Sari")
    page.get_by_text(fi("role.client_rep.name"), exact=True).click()
    page.get_by_role("button", name=fi("join.submit"), exact=True).click()
    expect(page.get_by_text(fi("error.code_unknown"))).to_be_visible()
    problems += axe_problems(page, "join, wrong code")

    join_meeting(page, name="Saavutettava Sari", role="client_rep", code=code)
    for activity in PARTICIPANT_ACTIVITIES:
        live_activity(demo_data, activity)
        hint = fi(f"activity.{activity}.hint")
        # The participant's screen follows the facilitator live; a reload is the fallback
        # when the switch came while the page was between two live ticks.
        try:
            expect(page.get_by_text(hint, exact=True)).to_be_visible(timeout=20_000)
        except AssertionError:
            page.reload()
            expect(page.get_by_text(hint, exact=True)).to_be_visible()
        problems += (language_problems(page, activity, "fi")
                     + axe_problems(page, f"participate: {activity}"))
    assert not problems, "\n".join(problems)


# --- keyboard only -----------------------------------------------------------------------

_FOCUSED_NAME = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '';
    const label = el.getAttribute('aria-label')
        || (el.labels && el.labels.length ? el.labels[0].innerText : '')
        || el.innerText || '';
    return label.trim();
}"""
_MARK_FOCUSED = """(mark) => {
    document.querySelectorAll('[data-a11y-focus]')
        .forEach(e => e.removeAttribute('data-a11y-focus'));
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    (el.closest('.stElementContainer') || el).setAttribute('data-a11y-focus', mark);
    return true;
}"""


def _tab(page: Page, shift: bool = False) -> str:
    page.keyboard.press("Shift+Tab" if shift else "Tab")
    return page.evaluate(_FOCUSED_NAME)


def _picture(page: Page, widget: Locator, margin: float = 8) -> bytes:
    """The widget with a margin around it (a focus ring may be drawn just outside), as far
    as it is on the screen; nothing for a widget that is hidden (a skip link unfocused)."""
    if widget.is_visible():
        widget.scroll_into_view_if_needed()
    box = widget.bounding_box()
    size = page.viewport_size or {"width": 0, "height": 0}
    if box is None:
        return b""
    left, top = max(box["x"] - margin, 0), max(box["y"] - margin, 0)
    right = min(box["x"] + box["width"] + margin, size["width"])
    bottom = min(box["y"] + box["height"] + margin, size["height"])
    if right - left < 1 or bottom - top < 1 or box["width"] < 1 or box["height"] < 1:
        return b""
    return page.screenshot(animations="disabled", clip={
        "x": left, "y": top, "width": right - left, "height": bottom - top})


def tab_to(page: Page, wanted: Callable[[str], bool], *, limit: int = 40) -> str:
    """Press Tab until the focused control's name satisfies ``wanted``. On the way, every
    control the focus lands on must look different focused than unfocused (WCAG 2.4.7):
    its widget is pictured with the focus, then again after Shift+Tab moved it away."""
    for _ in range(limit):
        name = _tab(page)
        if not name or not page.evaluate(_MARK_FOCUSED, "1"):
            continue
        widget = page.locator('[data-a11y-focus="1"]')
        focused = _picture(page, widget)
        _tab(page, shift=True)
        unfocused = _picture(page, widget)
        assert _tab(page) == name, f"Tab did not come back to {name!r}"
        assert focused != unfocused, f"no visible focus on {name!r}"
        if wanted(name):
            return name
    raise AssertionError(f"no matching control within {limit} presses of Tab")


def test_phone_participant_joins_and_sends_a_note_with_the_keyboard_only(
    phone_context: Callable[[], Any], demo_data: Demo
) -> None:
    code = live_activity(demo_data, "notes")
    page = be_patient(phone_context().new_page())
    page.goto("/")
    expect(page.get_by_role("heading", name=fi("join.title"))).to_be_visible()
    wait_idle(page, PATIENT_MS)

    tab_to(page, lambda name: name == fi("field.join_code"))
    page.keyboard.type(code)
    tab_to(page, lambda name: name == fi("field.display_name"))
    page.keyboard.type("Näppäimistö-Niina")
    first_role = fi("role.client_rep.name")  # the first choice: Tab enters the group there
    tab_to(page, lambda name: name.startswith(first_role))
    page.keyboard.press("Space")
    expect(page.get_by_role("radio", name=re.compile(re.escape(first_role)))).to_be_checked()
    tab_to(page, lambda name: name == fi("join.submit"))
    page.keyboard.press("Enter")
    you_are = fi("participate.you_are", name="Näppäimistö-Niina", role=first_role)
    expect(page.get_by_text(you_are)).to_be_visible()
    wait_idle(page, PATIENT_MS)

    note = "Näppäimistöllä kirjoitettu huomio"
    tab_to(page, lambda name: name == fi("field.note"))
    page.keyboard.type(note)
    tab_to(page, lambda name: name == fi("participate.send"))
    page.keyboard.press("Enter")
    expect(page.get_by_text(fi("participate.saved"))).to_be_visible()
    expect(page.get_by_test_id("stMarkdownContainer").get_by_text(note, exact=True)).to_be_visible()


# --- 200 % zoom on a phone ---------------------------------------------------------------

# Browser zoom to 200 % halves the CSS pixels across the same screen: a 390×844 phone
# (device pixel ratio 2) shows a 195×422 CSS-pixel layout at ratio 4. Emulating exactly that
# lets media queries and layout react as they do under real zoom (CSS ``zoom`` would not).
ZOOMED_PHONE = {
    "viewport": {"width": 195, "height": 422},
    "device_scale_factor": 4,
    "is_mobile": True,
    "has_touch": True,
    "locale": "fi-FI",
}
_OVERFLOW = """() => [document.documentElement, document.body,
    document.querySelector('[data-testid="stMain"]'),
    document.querySelector('[data-testid="stMainBlockContainer"]')]
    .filter(Boolean).filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => (e.dataset.testid || e.tagName) + ' ' + e.scrollWidth + '>' + e.clientWidth)"""


def _fits(page: Page, controls: list[Locator]) -> None:
    """No horizontal scrolling, and each control lies wholly within the screen's width."""
    assert page.evaluate("window.innerWidth") == 195
    assert page.evaluate(_OVERFLOW) == [], "horizontal scrolling needed"
    for control in controls:
        expect(control).to_be_visible()
        control.scroll_into_view_if_needed()
        box = control.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= 195 + 0.5, (control, box)


def test_join_and_note_work_at_200_percent_zoom_on_a_phone(
    browser: Any, app_server: str, _contexts: list[Any], demo_data: Demo
) -> None:
    code = live_activity(demo_data, "notes")
    context = browser.new_context(base_url=app_server, **ZOOMED_PHONE)
    _contexts.append(context)  # screenshots on failure, closed after the test
    page = be_patient(context.new_page())
    page.goto("/")
    expect(page.get_by_role("heading", name=fi("join.title"))).to_be_visible()
    wait_idle(page, PATIENT_MS)
    _fits(page, [
        page.get_by_label(fi("field.join_code"), exact=True),
        page.get_by_label(fi("field.display_name"), exact=True),
        page.get_by_text(fi("role.professional.name"), exact=True),
        page.get_by_role("button", name=fi("join.submit"), exact=True),
    ])
    join_meeting(page, name="Zoomi-Zeta", role="professional", code=code)

    send = page.get_by_role("button", name=fi("participate.send"), exact=True)
    box = page.get_by_label(fi("field.note"), exact=True)
    _fits(page, [box, send])
    note = "Isolla tekstillä kirjoitettu huomio"
    box.fill(note)
    send.click()
    expect(page.get_by_text(fi("participate.saved"))).to_be_visible()
    expect(page.get_by_test_id("stMarkdownContainer").get_by_text(note, exact=True)).to_be_visible()
    _fits(page, [page.get_by_test_id("stMarkdownContainer").get_by_text(note, exact=True)])
