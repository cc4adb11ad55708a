"""From a service path to a feedback loop, in a real browser.

A facilitator writes a persona's service path of three steps with the keyboard, marks one
step as a critical point, starts a causal map from the path's critical points, adds two
factors and two links, and the map page names the feedback loop that formed: its members in
link order and its kind (here B, balancing: one of the two links goes the opposite way).
The journey chart and the map picture are drawn by Plotly, and the journey chart carries the
critical point's marker.

The workshop and its persona are set up with the domain services in the session server's
database (personas are written by participants in a meeting, which is another test's flow).
"""

from __future__ import annotations

import secrets

import pytest
from browser_helpers import (
    FACILITATOR_USERNAME,
    PATIENT_MS,
    be_patient,
    choose,
    fi,
    go_to,
    open_expander,
    plotly_rendered,
    server_database_url,
    wait_idle,
)
from playwright.sync_api import Locator, Page, expect

from workshop import accounts, db, meetings, personas, workshops
from workshop.access import FacilitatorActor

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("patient_expectations")]


PERSONA = "Sari, 52"
STEPS = (
    # (what happened, who, channel, critical note or None)
    ("Hakee työttömyysetuutta verkkolomakkeella", "TE-palvelut", "digital", None),
    ("Soittaa Kelaan toimeentulotuesta", "Kela", "phone", "Puhelinjonot"),
    ("Käy terveysasemalla unettomuuden takia", "Terveysasema", "face_to_face", None),
)
CRITICAL = STEPS[1][3]
CALLS = "Uusintasoitot"  # map labels of at most 18 letters stay on one line in the picture
CALLBACK = "Takaisinsoitto"


def _set_up(database_url: str, workshop: str) -> None:
    """A workshop of the e2e facilitator with one persona (written by the facilitator at the
    workshop's persona activity)."""
    engine = db.make_engine(database_url)
    try:
        with db.transaction(engine) as session:
            user = accounts.find_user(session, FACILITATOR_USERNAME)
            assert user is not None, "the e2e facilitator is missing from the server database"
            me = FacilitatorActor(user.id)
            created = workshops.create_workshop(session, me, workshop)
            meeting = meetings.plan_meeting(session, me, created.id, title="Persoonat")
            item = meetings.add_agenda_item(session, me, meeting.id, title="Persoonat",
                                            activity_type="personas")
            personas.add_persona(session, me, item.id, name=PERSONA, age_group="45_54",
                                 life_situation="Jäi työttömäksi tehtaan lopettaessa.")
    finally:
        engine.dispose()


def _form(page: Page, button: str) -> Locator:
    """The form whose submit button reads ``button``."""
    return page.get_by_test_id("stForm").filter(
        has=page.get_by_role("button", name=button, exact=True))


def _submit(form: Locator, button: str) -> None:
    """Submit with the keyboard: focus the form's button and press Enter."""
    form.get_by_role("button", name=button, exact=True).press("Enter")


def _add_step(page: Page, number: int, what: str, who: str, channel: str,
              critical_note: str | None) -> None:
    form = _form(page, fi("paths.add_step"))
    form.get_by_label(fi("field.step_what"), exact=True).fill(what)
    form.get_by_label(fi("field.step_actor"), exact=True).fill(who)
    choose(form, fi("field.step_channel"), fi(f"paths.channel.{channel}"))
    if critical_note is not None:
        critical = form.get_by_role("checkbox", name=fi("field.step_critical"), exact=True)
        critical.press("Space")  # a keyboard user ticks it with the space bar
        expect(critical).to_be_checked()
        form.get_by_label(fi("field.step_critical_note"), exact=True).fill(critical_note)
    _submit(form, fi("paths.add_step"))
    # The count first: the confirmation of the previous step may still be on screen.
    expect(page.get_by_role("heading", name=fi("paths.steps", count=number))).to_be_visible()
    expect(page.get_by_text(fi("paths.step_added"))).to_be_visible()
    expect(page.get_by_text(f"{number}. {what}", exact=True)).to_be_visible()
    # The form is empty again for the next step.
    expect(_form(page, fi("paths.add_step")).get_by_label(
        fi("field.step_what"), exact=True)).to_have_value("")
    wait_idle(page, PATIENT_MS)


def _step_box(page: Page, number: int, what: str) -> Locator:
    """The bordered box of one step in the step list."""
    return page.get_by_test_id("stVerticalBlock").filter(
        has=page.get_by_text(f"{number}. {what}", exact=True)).filter(
        has=page.get_by_role("button", name=fi("paths.move_up"))).last


def _add_factor(page: Page, label: str, kind: str, count: int) -> None:
    form = _form(page, fi("maps.add_factor"))
    form.get_by_label(fi("field.factor_label"), exact=True).fill(label)
    choose(form, fi("field.factor_kind"), fi(f"maps.kind.{kind}"))
    _submit(form, fi("maps.add_factor"))
    expect(page.get_by_text(fi("maps.live_count", factors=count, links=0))).to_be_attached()
    expect(page.get_by_text(fi("maps.factor_added"))).to_be_visible()
    wait_idle(page, PATIENT_MS)


def _add_link(page: Page, source: str, target: str, polarity: int, count: int) -> None:
    form = _form(page, fi("maps.add_link"))
    choose(form, fi("field.link_source"), source)
    choose(form, fi("field.link_target"), target)
    positive = form.get_by_role("radio", name=f"+ {fi('maps.polarity.positive')}", exact=True)
    negative = form.get_by_role("radio", name=f"− {fi('maps.polarity.negative')}", exact=True)
    expect(positive).to_be_checked()  # the default
    if polarity < 0:
        positive.focus()  # a keyboard user moves within the radio group with the arrows
        page.keyboard.press("ArrowDown")
        expect(negative).to_be_checked()
    _submit(form, fi("maps.add_link"))
    expect(page.get_by_text(fi("maps.live_count", factors=3, links=count))).to_be_attached()
    expect(page.get_by_text(fi("maps.link_added"))).to_be_visible()
    wait_idle(page, PATIENT_MS)


def test_path_with_a_critical_point_becomes_a_map_with_a_feedback_loop(
    facilitator_page: Page, app_server: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    page = be_patient(facilitator_page)
    suffix = secrets.token_hex(2)
    workshop = f"Polku ja kartta {suffix}"
    path_title = f"Työttömyydestä tukeen {suffix}"
    _set_up(server_database_url(tmp_path_factory.getbasetemp()), workshop)

    # The workshop made outside the browser: choose it (the newest is listed first).
    page.reload()
    expect(page.get_by_role("heading", name=fi("workshops.title"), exact=True)).to_be_visible()
    wait_idle(page, PATIENT_MS)
    choose(page, fi("workshops.choose"), workshop)
    expect(page.get_by_role("heading", name=workshop, exact=True)).to_be_visible()
    wait_idle(page, PATIENT_MS)

    # --- the service path ---------------------------------------------------------------
    go_to(page, "nav.paths", fi("paths.title"))
    expect(page.get_by_text(workshop, exact=True)).to_be_visible()
    expect(page.get_by_text(fi("paths.none_yet"))).to_be_visible()
    new_path = open_expander(page, fi("paths.new"), fi("field.path_title"))
    new_path.get_by_label(fi("field.path_title"), exact=True).fill(path_title)
    choose(new_path, fi("field.persona"), PERSONA)
    _submit(new_path, fi("paths.create"))
    expect(page.get_by_text(fi("paths.created", title=path_title))).to_be_visible()
    expect(page.get_by_role("heading", name=fi("paths.steps", count=0))).to_be_visible()
    # The path is the persona's: its name says so wherever the path is chosen.
    path_label = f"{path_title} ({fi('paths.variant.as_is')}) · {PERSONA}"
    expect(page.get_by_test_id("stSelectbox").filter(
        has=page.get_by_label(fi("paths.choose"), exact=True)).get_by_role("combobox")
    ).to_have_value(path_label)
    wait_idle(page, PATIENT_MS)

    for number, (what, who, channel, note) in enumerate(STEPS, start=1):
        _add_step(page, number, what, who, channel, note)

    for number, (what, who, channel, note) in enumerate(STEPS, start=1):
        box = _step_box(page, number, what)
        expect(box).to_contain_text(f"{who} · {fi(f'paths.channel.{channel}')}")
        badge = box.get_by_text(fi("paths.critical_badge"))
        if note is None:
            expect(badge).to_have_count(0)
        else:
            expect(badge).to_be_visible()
            expect(box).to_contain_text(f"{fi('paths.critical_badge')}: {note}")

    # The journey chart is drawn, with the critical point marked on it.
    chart = plotly_rendered(page)
    expect(chart.first).to_be_visible()
    expect(chart.first).to_contain_text(fi("journey.critical_short"))
    expect(chart.first).to_contain_text(PERSONA)

    # --- a causal map from the path's critical points ---------------------------------------
    page.get_by_role("link", name=fi("paths.to_map")).click()
    expect(page.get_by_role("heading", name=fi("maps.title"), exact=True)).to_be_visible()
    wait_idle(page, PATIENT_MS)
    new_map = open_expander(page, fi("maps.new"), fi("field.map_title"))
    new_map.get_by_label(fi("field.map_title"), exact=True).fill(f"Jonot {suffix}")
    paths_box = new_map.get_by_test_id("stMultiSelect").get_by_role("combobox")
    paths_box.fill(path_title[:12])
    # One critical point on the path: the choice counts it.
    option = page.get_by_role("option", name=f"{path_label} (1)", exact=True)
    expect(option).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(new_map.get_by_test_id("stMultiSelect")).to_contain_text(f"{path_label} (1)")
    _submit(new_map, fi("maps.create"))
    expect(page.get_by_text(fi("maps.created", title=f"Jonot {suffix}"))).to_be_visible()
    # The critical point is the map's first factor; nothing is linked yet.
    expect(page.get_by_text(fi("maps.live_count", factors=1, links=0))).to_be_attached()
    expect(page.get_by_text(fi("maps.no_loops"))).to_be_visible()
    expect(page.get_by_text(fi("maps.need_two_factors"))).to_be_visible()
    wait_idle(page, PATIENT_MS)

    _add_factor(page, CALLS, "cause", 2)
    _add_factor(page, CALLBACK, "solution", 3)

    # Queues → more repeat calls (same direction); repeat calls → queues (opposite direction,
    # say callers give up): one link against the flow makes the loop balancing (B).
    _add_link(page, CRITICAL, CALLS, 1, 1)
    expect(page.get_by_text(fi("maps.no_loops"))).to_be_visible()
    _add_link(page, CALLS, CRITICAL, -1, 2)

    # --- the loop -----------------------------------------------------------------------------
    expect(page.get_by_role("heading", name=fi("maps.loops", count=1))).to_be_visible()
    expect(page.get_by_text(fi("maps.no_loops"))).to_have_count(0)
    members = f"{CRITICAL} → {CALLS} → {CRITICAL}"
    loop_text = fi("maps.loop_line", kind=fi("maps.loop.b"), members=members)
    expect(page.get_by_test_id("stMarkdownContainer").get_by_text(loop_text, exact=True)
           ).to_be_visible()
    expect(page.get_by_text(fi("maps.loop_line", kind=fi("maps.loop.r"), members=members))
           ).to_have_count(0)

    # The picture is drawn with all three factors, and the loop can be highlighted in it.
    picture = plotly_rendered(page).first
    expect(picture).to_be_visible()
    for label in (CRITICAL, CALLS, CALLBACK):
        expect(picture).to_contain_text(label)
    choose(page, fi("maps.highlight"), loop_text, typed=fi("maps.loop.b").split()[-1])
    wait_idle(page, PATIENT_MS)
    expect(plotly_rendered(page).first).to_be_visible()
