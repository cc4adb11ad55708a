"""From dot voting to the published service model, in a real browser.

Four participants on their phones spend their dots on the workshop's candidates. The
facilitator reads the results by role group: the three clients' dots side by side with the
other groups, a group of fewer than three not shown at all, and the groups never added up.
Then the facilitator writes a core part of the service model canvas, links it to the
persona it came from with the traceability tools, publishes the draft, starts the model
activity from the console, and the projector (and a participant's phone) shows the
published version.

The workshop, its persona, the candidates and the open meeting are set up with the domain
services in the session server's database.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from browser_helpers import (
    FACILITATOR_USERNAME,
    PATIENT_MS,
    agenda_row,
    be_patient,
    choose,
    fi,
    go_to,
    join_meeting,
    plotly_rendered,
    server_database_url,
    start_item,
    wait_idle,
)
from playwright.sync_api import Locator, Page, expect

from workshop import accounts, db, meetings, personas, prioritising, workshops
from workshop.access import FacilitatorActor
from workshop.canvas import field_label_key

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("patient_expectations")]


LIVE_UPDATE_MS = 20_000  # live screens refresh every 1–2 s; a loaded machine lags

PERSONA = "Sari, 52"
CANDIDATES = (
    "Puhelinjonot Kelaan ovat tunnin mittaisia",
    "Kukaan ei soita takaisin odotuksen aikana",
    "Vertaistuesta ei kerrota vastaanotolla",
)
PRIO_ITEM = "Mihin tartutaan ensin?"
CANVAS_ITEM = "Toimintamallin luonnos"
# (name, role, dots on each candidate in order): three dots each, at most two on one.
VOTERS = (
    ("Asiakas-Aino", "client_rep", (2, 1, 0)),
    ("Kokija-Kalle", "expert_by_experience", (1, 0, 2)),
    ("Asiakas-Helmi", "client_rep", (2, 0, 1)),
    ("Työntekijä-Tiina", "professional", (0, 2, 1)),
)
CLIENT_DOTS = (5, 1, 3)  # the three clients' dots; the worker's are not added to them


@dataclass(frozen=True)
class Meeting:
    workshop: str
    code: str


def _set_up(database_url: str, workshop: str) -> Meeting:
    """An open meeting whose current activity is prioritising (contributions open), with a
    persona written at the meeting's persona activity and three candidates typed in."""
    engine = db.make_engine(database_url)
    try:
        with db.transaction(engine) as session:
            user = accounts.find_user(session, FACILITATOR_USERNAME)
            assert user is not None, "the e2e facilitator is missing from the server database"
            me = FacilitatorActor(user.id)
            created = workshops.create_workshop(session, me, workshop)
            meeting = meetings.plan_meeting(session, me, created.id, title="Ratkaisujen valinta")
            persona_item = meetings.add_agenda_item(session, me, meeting.id, title="Persoonat",
                                                    activity_type="personas")
            prio_item = meetings.add_agenda_item(session, me, meeting.id, title=PRIO_ITEM,
                                                 activity_type="prioritising")
            meetings.add_agenda_item(session, me, meeting.id, title=CANVAS_ITEM,
                                     activity_type="model_canvas")
            personas.add_persona(session, me, persona_item.id, name=PERSONA,
                                 age_group="45_54",
                                 life_situation="Jäi työttömäksi tehtaan lopettaessa.")
            for text in CANDIDATES:
                prioritising.add_candidate(session, me, created.id, text, "problem")
            opened = meetings.open_meeting(session, me, meeting.id)
            meetings.set_current_item(session, me, meeting.id, prio_item.id)
            meetings.set_item_flags(session, me, prio_item.id, contributions_open=True)
    finally:
        engine.dispose()
    assert opened.join_code
    return Meeting(workshop, opened.join_code)


def _markdown(scope: Any, text: str) -> Locator:
    """Markdown blocks within ``scope`` that show ``text`` (bold markers left out)."""
    return scope.get_by_test_id("stMarkdownContainer").filter(has_text=text.replace("**", ""))


def _vote(page: Page, dots: tuple[int, ...]) -> None:
    """Spend the dots on the phone's form and save; all three dots are then used."""
    send = page.get_by_role("button", name=fi("prio.save_dots"), exact=True)
    form = page.get_by_test_id("stForm").filter(has=send)
    expect(_markdown(page, fi("prio.dots_left", left=3, dots=3))).to_be_visible()
    for number, (text, count) in enumerate(zip(CANDIDATES, dots, strict=True), start=1):
        field = form.get_by_label(f"{number}. {text}", exact=True)
        expect(field).to_have_value("0")
        if count:
            field.fill(str(count))
    send.click()
    expect(page.get_by_text(fi("participate.saved"))).to_be_visible()
    expect(_markdown(page, fi("prio.dots_left", left=0, dots=3))).to_be_visible()
    for number, (text, count) in enumerate(zip(CANDIDATES, dots, strict=True), start=1):
        expect(form.get_by_label(f"{number}. {text}", exact=True)).to_have_value(str(count))
    wait_idle(page, PATIENT_MS)


def _group_column(page: Page, group_key: str) -> Locator:
    """The results column of one role group (its heading is the group's name)."""
    return page.get_by_test_id("stColumn").filter(
        has=page.get_by_role("heading", name=fi(group_key), exact=True))


def _tab(page: Page, name: str) -> None:
    tab = page.get_by_role("tab", name=name, exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def test_dot_votes_by_role_then_a_linked_model_part_reaches_the_projector(
    facilitator_page: Page, phone_context: Callable[[], Any], app_server: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    suffix = secrets.token_hex(2)
    meeting = _set_up(server_database_url(tmp_path_factory.getbasetemp()),
                      f"Valinta ja malli {suffix}")
    model = f"Yhden soiton malli {suffix}"
    principle = "Yksi soitto riittää"
    principle_body = "Palveluohjaaja soittaa takaisin samana päivänä."

    # --- participants vote on their phones ---------------------------------------------------
    phones: list[Page] = []
    for name, role, dots in VOTERS:
        phone = be_patient(phone_context().new_page())
        phone.goto("/")
        join_meeting(phone, name=name, role=role, code=meeting.code)
        expect(phone.get_by_role("heading", name=PRIO_ITEM)).to_be_visible()
        expect(phone.get_by_text(fi("prio.method.dots"), exact=False).first).to_be_visible()
        _vote(phone, dots)
        phones.append(phone)
    # Everyone's screen counts the voters live; then only the first phone stays open.
    expect(phones[0].get_by_text(fi("prio.voted_count", count=len(VOTERS)))).to_be_visible(
        timeout=LIVE_UPDATE_MS)
    for phone in phones[1:]:
        phone.close()

    # --- the facilitator reads the results by role group -------------------------------------
    page = be_patient(facilitator_page)
    go_to(page, "nav.candidates", fi("prio.page.title"))
    choose(page, fi("prio.page.workshop"), meeting.workshop)
    for text in CANDIDATES:
        expect(page.get_by_text(text, exact=False).first).to_be_visible()
    _tab(page, fi("prio.page.results"))
    wait_idle(page, PATIENT_MS)
    expect(page.get_by_test_id("stSelectbox").filter(
        has=page.get_by_label(fi("prio.page.round"), exact=True)).get_by_role("combobox")
    ).to_have_value(fi("prio.page.round_label", number=1, title=PRIO_ITEM))
    clients = _group_column(page, "feedback.group.clients")
    expect(clients).to_be_visible()
    expect(clients.get_by_text(fi("prio.results.respondents", count=3))).to_be_visible()
    for text, count in zip(CANDIDATES, CLIENT_DOTS, strict=True):
        row = _markdown(clients, text)  # "1. …": numbered as a Markdown list
        expect(row).to_have_count(1)
        expect(row).to_contain_text(fi("prio.chart.dots", count=count))
    # One worker voted, nobody else: both groups stay hidden, and nothing shows their dots.
    for group in ("feedback.group.workers", "feedback.group.others"):
        column = _group_column(page, group)
        expect(column.get_by_text(fi("prio.results.suppressed"))).to_be_visible()
        expect(column.get_by_text(re.compile(r"\d+ pistettä"))).to_have_count(0)
    expect(plotly_rendered(page).first).to_be_visible()

    # --- a core part of the model canvas, linked to the persona -------------------------------
    go_to(page, "nav.model_canvas", fi("canvas.title"))
    expect(page.get_by_text(fi("canvas.no_models"))).to_be_visible()
    new_model = page.get_by_test_id("stForm").filter(
        has=page.get_by_label(fi("field.canvas_model_name"), exact=True))
    new_model.get_by_label(fi("field.canvas_model_name"), exact=True).fill(model)
    new_model.get_by_role("button", name=fi("action.save"), exact=True).click()
    expect(page.get_by_text(fi("canvas.model_created", name=model))).to_be_visible()
    wait_idle(page, PATIENT_MS)

    core = page.get_by_role("radio", name=fi("canvas.section.core"), exact=True)
    core.click()
    # The rerun drops the confirmation above the tabs: until it ends, the tabs show twice.
    expect(core).to_have_count(1)
    wait_idle(page, PATIENT_MS)
    # A later rerun may show the stale copy for a moment again: both copies are this control.
    expect(core.first).to_be_checked()
    kind = fi("canvas.kind.principle")
    expect(page.get_by_role("heading", name=f"{kind} (0)", exact=True)).to_be_visible()
    wait_idle(page, PATIENT_MS)
    adder = page.get_by_test_id("stExpander").filter(
        has=page.locator("summary").filter(has_text=fi("canvas.add", kind=kind)))
    adder.locator("summary").click()
    title_field = adder.get_by_label(fi(field_label_key("principle", "title")), exact=True)
    expect(title_field).to_be_visible()
    title_field.fill(principle)
    adder.get_by_label(fi(field_label_key("principle", "body")), exact=True).fill(principle_body)
    adder.get_by_role("button", name=fi("action.save"), exact=True).click()
    expect(page.get_by_text(fi("canvas.element_added", kind=kind))).to_be_visible()
    expect(page.get_by_role("heading", name=f"{kind} (1)", exact=True)).to_be_visible()
    wait_idle(page, PATIENT_MS)

    # The editor opens on the new part: link it to the persona it came from.
    expect(page.get_by_role("heading", name=fi("canvas.editing", kind=kind))).to_be_visible()
    expect(page.get_by_text(fi("canvas.no_links"))).to_be_visible()
    choose(page, fi("canvas.link_type"), fi("trace.type.persona"))
    wait_idle(page, PATIENT_MS)
    record = page.get_by_test_id("stSelectbox").filter(
        has=page.get_by_label(fi("canvas.link_record"), exact=True)).get_by_role("combobox")
    expect(record).to_have_value(PERSONA)  # the workshop's only persona
    page.get_by_role("button", name=fi("canvas.link_add"), exact=True).click()
    expect(page.get_by_text(fi("canvas.linked"))).to_be_visible()
    came_from = fi("canvas.came_from", links=f"{fi('trace.type.persona')}: {PERSONA}")
    expect(page.get_by_text(came_from, exact=True)).to_be_visible()
    wait_idle(page, PATIENT_MS)

    # --- publish the draft ------------------------------------------------------------------
    _tab(page, fi("canvas.tab.versions"))
    publish = page.get_by_test_id("stForm").filter(
        has=page.get_by_role("button", name=fi("canvas.publish")))
    publish.get_by_label(fi("field.canvas_version_summary"), exact=True).fill(
        "Ensimmäinen luonnos ryhmän luettavaksi")
    publish.get_by_role("button", name=fi("canvas.publish")).click()
    expect(page.get_by_text(fi("canvas.published", number=1))).to_be_visible()
    wait_idle(page, PATIENT_MS)
    _tab(page, fi("canvas.tab.versions"))
    expect(page.get_by_text(fi("canvas.versions", count=1))).to_be_visible()
    # The published version keeps where the part came from.
    expect(page.get_by_text(came_from, exact=True).last).to_be_visible()

    # --- the console starts the model activity; the projector and the phone show it -----------
    go_to(page, "nav.console")
    expect(agenda_row(page, 3, CANVAS_ITEM)).to_contain_text(fi("activity.model_canvas.name"))
    start_item(page, 3, CANVAS_ITEM, open_contributions=False)

    heading = fi("canvas.live_version", name=model, number=1)
    go_to(page, "nav.projector", CANVAS_ITEM)
    room = page.locator(".st-key-projector")
    expect(room.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(room.get_by_text("Ensimmäinen luonnos ryhmän luettavaksi")).to_be_visible()
    expect(room.get_by_role("heading", name=fi("canvas.section.core"), exact=True)
           ).to_be_visible()
    expect(room.get_by_text(principle, exact=True)).to_be_visible()
    expect(room.get_by_text(principle_body)).to_be_visible()
    expect(room.get_by_text(PERSONA)).to_have_count(0)  # links stay on the facilitator's pages

    phone = phones[0]
    expect(phone.get_by_role("heading", name=CANVAS_ITEM)).to_be_visible(
        timeout=LIVE_UPDATE_MS)
    expect(phone.get_by_text(heading, exact=True)).to_be_visible()

    # --- a version published while the activity runs reaches the phone without a reload -------
    phone.evaluate("window.__kehittamo_no_reload = true")  # gone if the page reloads
    go_to(page, "nav.model_canvas", fi("canvas.title"))
    _tab(page, fi("canvas.tab.versions"))
    publish = page.get_by_test_id("stForm").filter(
        has=page.get_by_role("button", name=fi("canvas.publish")))
    publish.get_by_label(fi("field.canvas_version_summary"), exact=True).fill(
        "Toinen luonnos kommenttien jälkeen")
    publish.get_by_role("button", name=fi("canvas.publish")).click()
    expect(page.get_by_text(fi("canvas.published", number=2))).to_be_visible()
    second = fi("canvas.live_version", name=model, number=2)
    expect(phone.get_by_text(second, exact=True)).to_be_visible(timeout=LIVE_UPDATE_MS)
    expect(phone.get_by_text("Toinen luonnos kommenttien jälkeen")).to_be_visible()
    assert phone.evaluate("() => window.__kehittamo_no_reload === true")
