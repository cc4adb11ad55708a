"""A warm-up meeting in a real browser with two participants on phones.

The facilitator runs a meeting of three activities from the console: picture cards, topics
with dot voting, and personas written in small groups. A client representative joins on a
phone by typing the join code, a professional by the join link. They pick cards with a line,
list topics and spend dots, and write a persona in their group. The console and the
projector (a second tab, never reloaded) show each contribution within seconds, and the
projector shows roles, not names: names are off by default.

Set-up: the workshop is created through the Workshops page; its meeting and the three agenda
items are planned with the domain services in the session server's database (planning a
meeting and adding agenda items through the Plan page is covered by
``test_foundation_flow.py``). Opening the meeting, starting each activity, opening its
contributions and forming the small groups are done on the console, as in a real meeting.
"""

from __future__ import annotations

import re
import secrets
import time
from typing import Any

import pytest
from browser_helpers import (
    FACILITATOR_USERNAME,
    PATIENT_MS,
    agenda_row,
    fi,
    go_to,
    join_code_and_link,
    join_meeting,
    open_expander,
    server_database_url,
    shown,
    start_item,
    wait_idle,
)
from playwright.sync_api import Locator, Page, expect

from workshop import accounts, db, meetings, workshops
from workshop.access import FacilitatorActor

pytestmark = [pytest.mark.browser, pytest.mark.timeout(1200)]

LIVE_UPDATE_MS = 12_000  # live screens poll every 1-2 s; a loaded 2-core machine is slower

CARDS = "Kuvakortti: miltä aamu tuntuu?"
TOPICS = "Mistä haluamme puhua?"
PERSONAS = "Persoonat pienryhmissä"

AINO = "Asiakas-Aino"  # a client representative, joins with the code
ANTTI = "Ammattilainen-Antti"  # a professional, joins with the link
CLIENT = fi("role.client_rep.name")
PROFESSIONAL = fi("role.professional.name")


def _plan(database_url: str, workshop: str) -> None:
    """The meeting of the facilitator's workshop ``workshop`` and its three activities."""
    engine = db.make_engine(database_url)
    try:
        with db.transaction(engine) as session:
            user = accounts.find_user(session, FACILITATOR_USERNAME)
            assert user is not None, "the e2e facilitator is missing from the server database"
            me = FacilitatorActor(user.id)
            found = [w for w in workshops.list_workshops(session, me) if w.name == workshop]
            assert len(found) == 1, f"workshop {workshop!r} not created: {found}"
            meeting = meetings.plan_meeting(session, me, found[0].id, title="Lämmittely")
            for title, activity in ((CARDS, "picture_cards"), (TOPICS, "topics"),
                                    (PERSONAS, "personas")):
                meetings.add_agenda_item(session, me, meeting.id, title=title,
                                         activity_type=activity, duration_minutes=20)
    finally:
        engine.dispose()


def _create_workshop(page: Page, name: str) -> None:
    form = open_expander(page, fi("workshops.create"), fi("field.workshop_name"))
    form.get_by_label(fi("field.workshop_name"), exact=True).fill(name)
    form.get_by_role("button", name=fi("action.save"), exact=True).click()
    # The confirmation shows for one run; a second rerun right after the login (the login
    # cookie) can take it away. The new workshop being the chosen one is the lasting sign.
    created = page.get_by_text(fi("workshops.created", name=name)).or_(
        page.get_by_test_id("stSelectbox").get_by_text(name, exact=True))
    expect(created.first).to_be_visible(timeout=PATIENT_MS)
    wait_idle(page)


def _box(page: Page, text: str, *, has: Locator | None = None) -> Locator:
    """The innermost block holding ``text`` as shown content (and ``has``, if given)."""
    blocks = page.get_by_test_id("stVerticalBlock").filter(has=shown(page, text))
    if has is not None:
        blocks = blocks.filter(has=has)
    return blocks.last


def _not_reloaded(*pages: Page) -> None:
    for page in pages:
        page.evaluate("window.__e2eNotReloaded = true")


def _still_not_reloaded(*pages: Page) -> None:
    for page in pages:
        assert page.evaluate("window.__e2eNotReloaded === true"), f"{page.url} was reloaded"


def _names_hidden(projector: Page) -> None:
    """Nothing on the projector names a participant."""
    main = projector.get_by_test_id("stMain")
    for name in (AINO, ANTTI):
        expect(main).not_to_contain_text(name)


def _seen_live(page: Page, target: Locator, sent_at: float, what: str) -> None:
    expect(target).to_be_visible(timeout=LIVE_UPDATE_MS)
    print(f"{what} on {page.url.rsplit('/', 1)[-1] or 'page'} "
          f"{time.monotonic() - sent_at:.1f} s after sending")


# --- activities --------------------------------------------------------------------------


def _pick_card(phone: Page, card_key: str, line: str) -> float:
    """Choose a card from the deck, write the line, save; returns when it was sent."""
    title = fi(f"card.{card_key}.title")
    expect(phone.get_by_role("heading", name=CARDS)).to_be_visible()
    wait_idle(phone)
    phone.get_by_role("button", name=fi("warmup.cards.choose", title=title),
                      exact=True).click()
    field = phone.get_by_label(fi("field.warmup.card_line"), exact=True)
    expect(field).to_be_visible()
    expect(phone.get_by_role("button", name=fi("warmup.cards.chosen", title=title))
           ).to_be_disabled()
    wait_idle(phone)
    field.fill(line)
    phone.get_by_role("button", name=fi("warmup.cards.save_pick"), exact=True).click()
    sent_at = time.monotonic()
    expect(phone.get_by_text(fi("warmup.cards.saved"))).to_be_visible()
    expect(phone.get_by_role("button", name=fi("warmup.cards.save_change"),
                             exact=True)).to_be_visible()
    wait_idle(phone)
    return sent_at


def _submit_topic(phone: Page, text: str) -> float:
    field = phone.get_by_label(fi("warmup.topics.new_label"), exact=True)
    expect(field).to_be_visible()
    wait_idle(phone)
    field.fill(text)
    phone.get_by_role("button", name=fi("warmup.topics.submit"), exact=True).click()
    sent_at = time.monotonic()
    expect(phone.get_by_text(fi("participate.saved"))).to_be_visible()
    expect(phone.get_by_label(fi("warmup.topics.new_label"), exact=True)).to_have_value("")
    wait_idle(phone)
    return sent_at


ADD_DOT = re.compile(re.escape(fi("warmup.topics.add_dot", rank=999)).replace("999", r"\d+"))


def _topic_box(phone: Page, topic: str) -> Locator:
    """A topic's box on a phone: its rank and text, its dots and the +/- buttons."""
    return phone.get_by_test_id("stVerticalBlock").filter(
        has=phone.get_by_test_id("stMarkdownContainer").filter(has_text=topic)).filter(
        has=phone.get_by_role("button", name=ADD_DOT)).last


def _add_dot(phone: Page, topic: str, mine_after: int) -> float:
    """Spend one dot on ``topic`` and wait until the phone counts it as the participant's."""
    box = _topic_box(phone, topic)
    expect(box).to_be_visible()
    wait_idle(phone)
    box.get_by_role("button", name=ADD_DOT).click()
    sent_at = time.monotonic()
    expect(_topic_box(phone, topic)).to_contain_text(
        fi("warmup.topics.my_dots", count=mine_after))
    wait_idle(phone)
    return sent_at


def _write_persona(phone: Page, name: str, situation: str, change: str) -> float:
    new = open_expander(phone, fi("persona.new"), fi("field.persona.name"))
    new.get_by_label(fi("field.persona.name"), exact=True).fill(name)
    new.get_by_label(fi("field.persona.life_situation"), exact=True).fill(situation)
    new.get_by_label(fi("field.persona.change_wanted"), exact=True).fill(change)
    new.get_by_role("button", name=fi("persona.create"), exact=True).click()
    sent_at = time.monotonic()
    expect(phone.get_by_text(fi("persona.created"))).to_be_visible()
    expect(phone.get_by_text(fi("persona.group_personas", count=1, max=3))).to_be_visible()
    wait_idle(phone)
    return sent_at


def test_two_phones_warm_up_and_the_room_sees_it_live(
    facilitator_page: Page, phone_context: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    console = facilitator_page
    suffix = secrets.token_hex(2)
    workshop = f"Lämmittely {suffix}"

    # --- the facilitator prepares and opens the meeting -----------------------------------
    _create_workshop(console, workshop)
    _plan(server_database_url(tmp_path_factory.getbasetemp()), workshop)
    go_to(console, "nav.console")
    # The new workshop is the chosen one: in the chooser when there are several, else named.
    chooser = console.get_by_role("combobox", name=fi("workshops.choose"), exact=True)
    expect(chooser.or_(console.get_by_text(workshop, exact=True)).first).to_be_visible()
    if chooser.count():
        expect(chooser).to_have_value(workshop)
    console.get_by_role("button", name=fi("console.open_meeting")).click()
    expect(console.get_by_role("button", name=fi("console.close_meeting"))).to_be_visible()
    wait_idle(console)
    # Opening starts the first activity; its contributions are opened by hand.
    expect(agenda_row(console, 1, CARDS).get_by_text(fi("console.current"), exact=True)
           ).to_be_visible()
    start_item(console, 1, CARDS)
    code, link_token = join_code_and_link(console)

    # The projector is a second tab of the facilitator (signed in by the remembered login).
    projector = console.context.new_page()
    projector.goto("/projector")
    expect(projector.get_by_text(fi("projector.join_with_code"))).to_be_visible()
    expect(projector.get_by_role("heading", name=CARDS)).to_be_visible()
    expect(projector.get_by_text(code, exact=True)).to_be_visible()
    wait_idle(projector)

    # --- two participants join on phones: one by the code, one by the link ------------------
    aino = phone_context().new_page()
    aino.goto("/")
    join_meeting(aino, name=AINO, role="client_rep", code=code.lower())
    antti = phone_context().new_page()
    antti.goto(f"/?join={link_token}")
    expect(antti.get_by_text(fi("join.link_ready"))).to_be_visible()
    join_meeting(antti, name=ANTTI, role="professional")
    _not_reloaded(console, projector, aino, antti)

    # --- picture cards -------------------------------------------------------------------
    aino_line = f"Silta, koska haluan päästä yli odottamisesta ({suffix})"
    antti_line = f"Majakka, koska haluan näyttää suunnan ({suffix})"
    sent = _pick_card(aino, "bridge", aino_line)
    _seen_live(console, shown(console, aino_line), sent, "card line")
    _seen_live(projector, shown(projector, aino_line), sent, "card line")
    sent = _pick_card(antti, "lighthouse", antti_line)
    _seen_live(console, shown(console, antti_line), sent, "card line")
    _seen_live(projector, shown(projector, antti_line), sent, "card line")
    expect(console.get_by_text(fi("console.contributions", title=CARDS, count=2))).to_be_visible()
    # The console shows who wrote what; the projector shows only roles.
    expect(_box(console, aino_line)).to_contain_text(f"{AINO} · {CLIENT}")
    expect(_box(console, antti_line)).to_contain_text(f"{ANTTI} · {PROFESSIONAL}")
    aino_card = _box(projector, aino_line)
    expect(aino_card.get_by_text(CLIENT, exact=True)).to_be_visible()
    expect(_box(projector, antti_line).get_by_text(PROFESSIONAL, exact=True)).to_be_visible()
    _names_hidden(projector)
    # Each phone sees the other's pick too (anonymously: role, no name).
    expect(shown(aino, antti_line)).to_be_visible(timeout=LIVE_UPDATE_MS)
    expect(_box(aino, antti_line).get_by_text(PROFESSIONAL, exact=True)).to_be_visible()
    expect(aino.get_by_text(ANTTI)).to_have_count(0)

    # --- topics and dot voting -------------------------------------------------------------
    start_item(console, 2, TOPICS)
    for phone in (aino, antti):  # the phones follow the facilitator without a reload
        expect(phone.get_by_role("heading", name=TOPICS)).to_be_visible(timeout=LIVE_UPDATE_MS)
        expect(phone.get_by_label(fi("warmup.topics.new_label"), exact=True)).to_be_visible(
            timeout=LIVE_UPDATE_MS)
    expect(projector.get_by_role("heading", name=TOPICS)).to_be_visible(timeout=LIVE_UPDATE_MS)
    aino_topic = f"Odotusajat puhelinpalvelussa {suffix}"
    antti_topic = f"Kuka on asiakkaan yhteyshenkilö {suffix}"
    sent = _submit_topic(aino, aino_topic)
    _seen_live(console, shown(console, f"1. {aino_topic}"), sent, "topic")
    _seen_live(projector, projector.get_by_test_id("stMarkdownContainer").filter(
        has_text=aino_topic), sent, "topic")
    _submit_topic(antti, antti_topic)
    expect(_topic_box(antti, aino_topic)).to_be_visible(timeout=LIVE_UPDATE_MS)
    expect(_topic_box(aino, antti_topic)).to_be_visible(timeout=LIVE_UPDATE_MS)

    # Antti gives both his first dots to Aino's topic, Aino one to Antti's.
    _add_dot(antti, aino_topic, 1)
    _add_dot(antti, aino_topic, 2)
    expect(antti.get_by_text(fi("warmup.topics.dots_left", left=1, total=3).replace("**", ""))
           ).to_be_visible()
    sent = _add_dot(aino, antti_topic, 1)
    _seen_live(console, console.get_by_text(
        fi("warmup.topics.console_title", count=2, dots=3)), sent, "dots")
    expect(_box(console, f"1. {aino_topic}")).to_contain_text("●● " + fi(
        "warmup.topics.dots", count=2))
    expect(_box(console, f"1. {aino_topic}")).to_contain_text(f"{AINO} · {CLIENT}")
    expect(_box(console, f"2. {antti_topic}")).to_contain_text("● " + fi(
        "warmup.topics.dots", count=1))
    # The projector ranks them with their dots, without authors.
    on_screen = projector.get_by_test_id("stMarkdownContainer")
    expect(on_screen.filter(has_text=f"1. {aino_topic}").filter(
        has_text="●● " + fi("warmup.topics.dots", count=2))).to_be_visible(
        timeout=LIVE_UPDATE_MS)
    expect(on_screen.filter(has_text=f"2. {antti_topic}").filter(
        has_text="● " + fi("warmup.topics.dots", count=1))).to_be_visible()
    _names_hidden(projector)

    # --- personas in small groups ----------------------------------------------------------
    start_item(console, 3, PERSONAS)
    for phone in (aino, antti):
        expect(phone.get_by_role("heading", name=PERSONAS)).to_be_visible(
            timeout=LIVE_UPDATE_MS)
        expect(phone.get_by_text(fi("persona.no_group_yet"))).to_be_visible(
            timeout=LIVE_UPDATE_MS)
    groups = console.get_by_test_id("stExpander").filter(
        has=console.locator("summary").filter(has_text=fi("groups.title")))
    form_groups = groups.get_by_role("button", name=fi("groups.form"), exact=True)
    expect(groups).to_be_visible()
    wait_idle(console)
    if not form_groups.is_visible():  # open while there are no groups, but may be closed
        groups.locator("summary").click()
    form_groups.click()
    group_one = fi("groups.group_number", number=1)
    expect(groups).to_contain_text(group_one)
    expect(groups).to_contain_text(f"{AINO} · {CLIENT}")
    expect(groups).to_contain_text(f"{ANTTI} · {PROFESSIONAL}")
    wait_idle(console)
    for phone in (aino, antti):  # the writing forms appear once the groups exist
        expect(phone.get_by_text(fi("groups.your_group", number=1), exact=False)).to_be_visible(
            timeout=LIVE_UPDATE_MS)
    persona = f"Maija, 34 {suffix}"
    sent = _write_persona(aino, persona, "Yksinhuoltaja, vuorotyössä kaupan kassalla",
                          "Yksi ihminen, joka tuntee hänen tilanteensa")
    _seen_live(console, console.get_by_role("heading", name=persona), sent, "persona")
    expect(console.get_by_text(fi("console.contributions", title=PERSONAS, count=1))
           ).to_be_visible()
    _seen_live(projector, projector.get_by_role("heading", name=persona), sent, "persona")
    # The group mate hears of it without a reload (their own form is left as it is).
    expect(antti.get_by_text(fi("persona.group_added", names=persona))).to_be_visible(
        timeout=LIVE_UPDATE_MS)
    # The projector says which group wrote it, by roles.
    roles = ", ".join(sorted((CLIENT, PROFESSIONAL)))
    origin = f"{fi('persona.group_label', number=1)} ({roles})"
    expect(projector.get_by_test_id("stMain")).to_contain_text(origin)
    _names_hidden(projector)

    # The whole way, no screen was reloaded: everything above arrived live.
    _still_not_reloaded(console, projector, aino, antti)
