"""A whole Tuplatiimi (double team) round in a real browser, with four people on phones.

The facilitator prepares a meeting with a Tuplatiimi item, opens it and keeps the projector
open in a second tab. Two client representatives and two professionals join from phones.
The facilitator frames the question; everyone writes ideas alone (nobody else, not even the
projector, sees them); pairs are formed, each a client with a professional; each pair merges
a duplicate and picks its best five; the projector shows the picks; one participant closes
their page, and the round goes on without them; each pair places five marks, and a third
mark on its own ideas is refused with a clear message; the facilitator groups the top ideas
into themes and writes an action plan for each; when the round is finished, the themes are
on the candidate list of phase 5 with their origin, and a single picked idea can be
collected there too, its origin kept.

All texts come from the Finnish catalogue, so the test reads what the user reads.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from browser_helpers import (
    PATIENT_MS,
    agenda_row,
    be_patient,
    choose,
    create_workshop,
    fi,
    go_to,
    join_code_and_link,
    join_meeting,
    open_expander,
    plan_meeting,
    wait_idle,
)
from playwright.sync_api import Page, expect

from workshop.i18n import fmt_date
from workshop.tuplatiimi import MARKS_PER_PAIR, MAX_IDEAS_PER_PERSON, MAX_OWN_MARKS, MAX_PICKS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(1500),
              pytest.mark.usefixtures("patient_expectations")]

# A whole round with five screens open: on a loaded 2-core machine a live screen may take far
# longer than its 1–2 s tick, and a console whose fragment reruns every second is seldom idle.
LIVE_MS = PATIENT_MS
QUESTION = "Miten asiakas saisi avun ilman, että hänen täytyy kertoa asiansa monta kertaa"
CLIENT, WORKER = "client_rep", "professional"
THEME_CONTACT = "Pysyvä yhteyshenkilö"
THEME_FLOW = "Tieto kulkee palvelujen välillä"


@dataclass
class Person:
    name: str
    role: str
    ideas: tuple[str, ...]  # [0]: both in a pair had it (the worker's is merged away)
    page: Any = None
    pair: int = 0
    seen_roles: str = ""

    @property
    def picks(self) -> tuple[str, ...]:
        """What the pair picks of this person's ideas (a worker's first idea is merged)."""
        return self.ideas[:3] if self.role == CLIENT else self.ideas[1:3]


@dataclass
class Pair:
    number: int
    client: Person
    worker: Person
    picks: tuple[str, ...] = field(default=())

    @property
    def unpicked(self) -> tuple[str, ...]:
        return (self.client.ideas[3], self.worker.ideas[3])


PEOPLE = (
    Person("Aino", CLIENT, (
        "Yksi nimetty yhteyshenkilö joka tuntee tilanteeni",
        "Ajanvaraus myös tekstiviestillä",
        "Päätökset selkokielellä",
        "Vertaistukiryhmä odotusajalle",
    )),
    Person("Eero", CLIENT, (
        "Sama työntekijä koko asiakkuuden ajan",
        "Iltaisin avoin chat",
        "Kotikäynti ensitapaamiseksi",
        "Tulkki mukaan ilman erillistä pyyntöä",
    )),
    Person("Sanna", WORKER, (
        "Asiakkaalle oma vastuutyöntekijä",
        "Yhteinen asiakassuunnitelma eri palveluille",
        "Lomakkeiden esitäyttö valmiiksi",
        "Palautekysely jokaisen käynnin jälkeen",
    )),
    Person("Mikko", WORKER, (
        "Pysyvä työpari jokaiselle asiakkaalle",
        "Tiimien yhteinen viikkopalaveri",
        "Jonotilanne näkyviin verkkosivuille",
        "Lähetteet sähköisesti suoraan toiseen palveluun",
    )),
)


def _idle(page: Page) -> None:
    wait_idle(page, PATIENT_MS)


# --- small helpers over what the user sees ----------------------------------------------------

def _md(page: Page, text: str | re.Pattern[str]) -> Any:
    """Shown (Markdown) content containing ``text``."""
    return page.get_by_test_id("stMarkdownContainer").filter(has_text=text)


def _item_line(page: Page, text: str) -> Any:
    """The list item that shows an idea (its text, then who wrote it, picks, marks…)."""
    return page.get_by_test_id("stMarkdownContainer").locator("li").filter(has_text=text)


def _step(page: Page, step: str) -> Any:
    """The step title, e.g. 'Vaihe 3/7: Parit valitsevat'."""
    if step == "done":
        return _md(page, re.compile(rf"^{re.escape(fi('tt.step.done'))}$"))
    number = ("frame", "ideas", "pairs", "present", "marks", "themes", "plan").index(step) + 1
    return _md(page, fi("tt.step_of", number=number, total=7, name=fi(f"tt.step.{step}")))


def _form_with_button(page: Page, button: str) -> Any:
    return page.get_by_test_id("stForm").filter(
        has=page.get_by_role("button", name=button, exact=True))


def _choose(scope: Any, label: str, option: str) -> None:
    """``choose`` with the list clicked open first: typing into a selectbox whose list has
    never been open does not always open it (seen on the phones and the plan page)."""
    page = getattr(scope, "page", scope)
    box = scope.get_by_test_id("stSelectbox").filter(has=page.get_by_label(label, exact=True))
    combo = box.get_by_role("combobox")
    combo.evaluate("element => element.scrollIntoView({block: 'center'})")
    combo.click()
    choose(scope, label, option)


def _next_step(console: Page, step: str) -> None:
    """The facilitator moves the round on and the console shows the new step."""
    _idle(console)
    console.get_by_role("button", name=fi("tt.next")).click()
    expect(_step(console, step)).to_be_visible(timeout=LIVE_MS)
    _idle(console)


def _marks_left(left: int, own: int) -> str:
    return fi("tt.marks_left", left=left, own=own).replace("**", "")


def _set_marks(page: Page, marks: dict[str, int], own: set[str]) -> None:
    """Type the pair's marks into the marks form and save."""
    form = _form_with_button(page, fi("tt.save_marks"))
    for text, count in marks.items():
        label = f"{text} ({fi('tt.own_idea')})" if text in own else text
        box = form.get_by_label(label, exact=True)
        box.fill(str(count))
        box.press("Tab")
        expect(box).to_have_value(str(count))
    form.get_by_role("button", name=fi("tt.save_marks"), exact=True).click()


# --- the round ------------------------------------------------------------------------------

def test_four_people_run_a_tuplatiimi_round_from_question_to_action_plan(
    facilitator_page: Page, phone_context: Any
) -> None:
    started = time.monotonic()
    console = be_patient(facilitator_page)
    suffix = secrets.token_hex(2)
    workshop = f"Asiakasohjaus {suffix}"
    item = f"Tuplatiimi: ratkaisuja {suffix}"

    # The facilitator prepares a meeting whose only item is a Tuplatiimi round, and opens it.
    create_workshop(console, workshop)
    plan_meeting(console, workshop, "Ratkaisujen ideointi", [(item, "tuplatiimi")])
    go_to(console, "nav.console")
    console.get_by_role("button", name=fi("console.open_meeting")).click()
    expect(console.get_by_role("button", name=fi("console.close_meeting"))).to_be_visible()
    _idle(console)
    row = agenda_row(console, 1, item)
    expect(row).to_contain_text(fi("activity.tuplatiimi.name"))
    expect(row.get_by_text(fi("console.current"), exact=True)).to_be_visible()
    expect(_step(console, "frame")).to_be_visible()
    _code, link_token = join_code_and_link(console)

    # The projector in a second tab (a new session), from the console's link, which carries
    # the meeting in its address.
    link = console.get_by_role("link", name=fi("console.open_projector"))
    address = link.get_attribute("href") or ""
    assert "meeting=" in address, address
    projector = be_patient(console.context.new_page())
    projector.goto(address)
    expect(projector.get_by_role("heading", name=item)).to_be_visible()
    expect(_step(projector, "frame")).to_be_visible()

    # Four people join from their phones with the meeting's link.
    people = [Person(p.name, p.role, p.ideas) for p in PEOPLE]
    for person in people:
        person.page = be_patient(phone_context().new_page())
        person.page.goto(f"/?join={link_token}")
        join_meeting(person.page, name=person.name, role=person.role)  # greeted by name
    for person in people:
        expect(_step(person.page, "frame")).to_be_visible()
        expect(person.page.get_by_text(fi("tt.participant.frame"))).to_be_visible()
    print(f"{time.monotonic() - started:.0f} s: meeting open, four people in")

    # 1. The facilitator frames the question: the projector shows it, the phones with step 2.
    form = _form_with_button(console, fi("action.save"))
    form.get_by_label(fi("field.tt.question"), exact=True).fill(QUESTION)
    form.get_by_role("button", name=fi("action.save"), exact=True).click()
    expect(projector.get_by_role("heading", name=QUESTION)).to_be_visible(timeout=LIVE_MS)
    _next_step(console, "ideas")

    # 2. Everyone writes four ideas alone (the phones take turns, like people do).
    for person in people:
        expect(_step(person.page, "ideas")).to_be_visible(timeout=LIVE_MS)
        expect(person.page.get_by_role("heading", name=QUESTION)).to_be_visible()
        _idle(person.page)
    for n, _ in enumerate(PEOPLE[0].ideas):
        for person in people:
            form = _form_with_button(person.page, fi("tt.add_idea"))
            form.get_by_label(fi("field.tt.idea"), exact=True).fill(person.ideas[n])
            form.get_by_role("button", name=fi("tt.add_idea"), exact=True).click()
        for person in people:
            expect(person.page.get_by_text(fi(
                "tt.ideas_written", count=n + 1, max=MAX_IDEAS_PER_PERSON))).to_be_visible()
            expect(_item_line(person.page, person.ideas[n])).to_be_visible()
            _idle(person.page)
    all_ideas = [text for person in people for text in person.ideas]
    expect(_md(projector, fi("tt.room_counts", ideas=16, authors=4).replace("**", ""))
           ).to_be_visible(timeout=LIVE_MS)
    expect(console.get_by_text(fi("tt.counts", ideas=16, authors=4, pairs=0))).to_be_visible(
        timeout=LIVE_MS)
    for text in all_ideas:  # the room sees only how many
        expect(projector.get_by_text(text)).to_have_count(0)
    for person in people:  # a fresh screen: all sixteen ideas exist, each sees their own four
        person.page.reload()
        expect(person.page.get_by_role("heading", name=fi("tt.my_ideas", count=4))
               ).to_be_visible()
        for text in person.ideas:
            expect(_item_line(person.page, text)).to_be_visible()
        for text in all_ideas:
            if text not in person.ideas:
                expect(person.page.get_by_text(text)).to_have_count(0)
    print(f"{time.monotonic() - started:.0f} s: sixteen ideas written alone")

    # 3. Pairs: each a client representative with a professional.
    _next_step(console, "pairs")
    group_line = re.compile(rf"^{re.escape(fi('groups.your_group', number=''))}\s*\d+")
    for person in people:
        expect(_step(person.page, "pairs")).to_be_visible(timeout=LIVE_MS)
        line = _md(person.page, group_line)
        expect(line).to_be_visible()
        shown = line.inner_text()
        person.pair = int(re.search(r"\d+", shown).group())  # type: ignore[union-attr]
        person.seen_roles = shown
    pairs: list[Pair] = []
    for number in sorted({p.pair for p in people}):
        members = [p for p in people if p.pair == number]
        roles = sorted(p.role for p in members)
        assert roles == sorted([CLIENT, WORKER]), (
            f"pair {number} does not mix a client and a professional: "
            f"{[(p.name, p.role) for p in members]}")
        client = next(p for p in members if p.role == CLIENT)
        worker = next(p for p in members if p.role == WORKER)
        for member in members:  # each phone shows both roles in its pair
            assert fi("role.client_rep.name") in member.seen_roles, member.seen_roles
            assert fi("role.professional.name") in member.seen_roles, member.seen_roles
        pairs.append(Pair(number, client, worker, client.picks + worker.picks))
    assert len(pairs) == 2, [(p.name, p.pair) for p in people]
    for pair in pairs:
        expect(console.get_by_text(fi(
            "tt.pair_progress", pair=fi("tt.pair_number", number=pair.number), size=2,
            picks=0, low=5, high=MAX_PICKS))).to_be_visible(timeout=LIVE_MS)

    # Partners now see each other's ideas, never the other pair's.
    for pair in pairs:
        other = next(p for p in pairs if p is not pair)
        page = pair.worker.page
        expect(page.get_by_role("heading", name=fi("tt.pair_ideas", count=8))).to_be_visible(
            timeout=LIVE_MS)
        for text in pair.client.ideas:
            expect(_item_line(page, text)).to_be_visible()
        for text in other.client.ideas + other.worker.ideas:
            expect(page.get_by_text(text)).to_have_count(0)

    # Each pair merges the idea both of them had and picks its best five.
    for pair in pairs:
        page = pair.client.page
        _idle(page)
        open_expander(page, fi("tt.merge_title"), fi("tt.merge_duplicate"))
        _choose(page, fi("tt.merge_duplicate"), pair.worker.ideas[0])
        _choose(page, fi("tt.merge_keep"), pair.client.ideas[0])
        page.get_by_role("button", name=fi("tt.merge"), exact=True).click()
        expect(page.get_by_text(fi("tt.merged"))).to_be_visible()
        expect(_item_line(page, pair.worker.ideas[0])).to_contain_text(fi("tt.merged_mark"))
        _idle(page)
        form = _form_with_button(page, fi("tt.save_picks"))
        expect(form.get_by_test_id("stCheckbox")).to_have_count(7)  # the duplicate is gone
        for text in pair.picks:
            box = form.get_by_test_id("stCheckbox").filter(has_text=text)
            box.locator("label").click()
            expect(box.get_by_role("checkbox")).to_be_checked()
        form.get_by_role("button", name=fi("tt.save_picks"), exact=True).click()
        expect(page.get_by_text(fi("participate.saved"))).to_be_visible()
        expect(page.get_by_text(fi("tt.pick_rules", low=5, high=MAX_PICKS, count=5))
               ).to_be_visible()
        _idle(page)
        partner = pair.worker.page  # the partner's screen follows live
        for text in pair.picks:
            expect(_item_line(partner, text)).to_contain_text(fi("tt.picked"), timeout=LIVE_MS)
        for text in pair.unpicked:
            expect(_item_line(partner, text)).not_to_contain_text(fi("tt.picked"))
        expect(console.get_by_text(fi(
            "tt.pair_progress", pair=fi("tt.pair_number", number=pair.number), size=2,
            picks=5, low=5, high=MAX_PICKS))).to_be_visible(timeout=LIVE_MS)
    print(f"{time.monotonic() - started:.0f} s: pairs merged and picked")

    # 4. The picks are presented: on the projector and on every phone, nothing else.
    _next_step(console, "present")
    for pair in pairs:
        expect(projector.get_by_role("heading", name=fi("tt.pair_number", number=pair.number),
                                     exact=True)).to_be_visible(timeout=LIVE_MS)
        for text in pair.picks:
            expect(_item_line(projector, text)).to_be_visible()
    for pair in pairs:
        for text in pair.unpicked + (pair.worker.ideas[0],):
            expect(projector.get_by_text(text)).to_have_count(0)
    watcher = pairs[0].client.page
    expect(watcher.get_by_role("heading", name=fi("tt.presented"))).to_be_visible(
        timeout=LIVE_MS)
    for text in pairs[1].picks:
        expect(_item_line(watcher, text)).to_be_visible()

    # One participant drops out: their phone's page is closed before the marks.
    gone = pairs[1].worker
    gone.page.close()
    gone.page = None

    # 5. Marks: five per pair, at most two on the pair's own picks.
    _next_step(console, "marks")
    expect(projector.get_by_text(fi("tt.marks_rules", marks=MARKS_PER_PAIR,
                                    own=MAX_OWN_MARKS))).to_be_visible(timeout=LIVE_MS)
    first, second = pairs
    page = first.worker.page
    expect(_step(page, "marks")).to_be_visible(timeout=LIVE_MS)
    expect(_md(page, _marks_left(5, 2))).to_be_visible()
    _idle(page)
    own = set(first.picks)
    _set_marks(page, {first.client.ideas[0]: 2}, own)
    expect(page.get_by_text(fi("participate.saved"))).to_be_visible()
    expect(_md(page, _marks_left(3, 0))).to_be_visible()
    _idle(page)
    _set_marks(page, {first.client.ideas[1]: 1}, own)  # a third mark on their own ideas
    expect(page.get_by_text(fi("error.tt.own_marks", max=MAX_OWN_MARKS))).to_be_visible()
    _idle(page)
    expect(_md(page, _marks_left(3, 0))).to_be_visible()
    expect(console.get_by_text(re.compile(
        re.escape(fi("tt.pair_marks", pair=fi("tt.pair_number", number=first.number),
                     used=2, marks=MARKS_PER_PAIR))))).to_be_visible(timeout=LIVE_MS)
    _set_marks(page, {first.client.ideas[1]: 0, second.client.ideas[0]: 2,
                      second.worker.ideas[1]: 1}, own)
    expect(page.get_by_text(fi("participate.saved"))).to_be_visible()
    expect(_md(page, _marks_left(0, 0))).to_be_visible()

    # The pair whose other half left marks all the same: nothing waits for the one gone.
    page = second.client.page
    expect(_step(page, "marks")).to_be_visible(timeout=LIVE_MS)
    _idle(page)
    _set_marks(page, {second.client.ideas[0]: 2, first.client.ideas[0]: 2,
                      first.worker.ideas[1]: 1}, set(second.picks))
    expect(page.get_by_text(fi("participate.saved"))).to_be_visible()
    expect(_md(page, _marks_left(0, 0))).to_be_visible()
    expect(console.get_by_text(" · ".join(
        fi("tt.pair_marks", pair=fi("tt.pair_number", number=p.number), used=5,
           marks=MARKS_PER_PAIR) for p in pairs))).to_be_visible(timeout=LIVE_MS)
    print(f"{time.monotonic() - started:.0f} s: marks placed, one person gone")

    # 6. Themes: the facilitator groups the ideas with most marks.
    _next_step(console, "themes")
    for name in (THEME_CONTACT, THEME_FLOW):
        form = _form_with_button(console, fi("tt.add_theme"))
        form.get_by_label(fi("field.tt.theme"), exact=True).fill(name)
        form.get_by_role("button", name=fi("tt.add_theme"), exact=True).click()
        expect(console.get_by_role("heading", name=f"{name} · {fi('tt.marks_count', count=0)}")
               ).to_be_visible(timeout=LIVE_MS)
        _idle(console)
    grouping = ((first.client.ideas[0], THEME_CONTACT, 4), (second.client.ideas[0],
                                                           THEME_CONTACT, 8),
                (first.worker.ideas[1], THEME_FLOW, 1), (second.worker.ideas[1], THEME_FLOW, 2))
    for text, theme, total in grouping:
        row = console.get_by_test_id("stHorizontalBlock").filter(has_text=text).filter(
            has=console.get_by_role("combobox"))
        expect(row).to_contain_text(fi("tt.marks_count", count=4 if theme == THEME_CONTACT
                                       else 1))
        _choose(row, fi("tt.theme_of_idea"), theme)
        expect(console.get_by_role("heading", name=f"{theme} · "
                                   f"{fi('tt.marks_count', count=total)}")
               ).to_be_visible(timeout=LIVE_MS)
        expect(row.get_by_role("combobox")).to_have_value(theme)
        _idle(console)
    for theme, total in ((THEME_CONTACT, 8), (THEME_FLOW, 2)):  # the room sees the themes
        expect(projector.get_by_role("heading", name=f"{theme} · "
                                     f"{fi('tt.marks_count', count=total)}")
               ).to_be_visible(timeout=LIVE_MS)
    watcher = first.client.page  # marks are public once marking is over
    expect(_item_line(watcher, second.client.ideas[0])).to_contain_text(
        fi("tt.marks_count", count=4), timeout=LIVE_MS)

    # 7. The action plan: what, who, by when, for each theme.
    _next_step(console, "plan")
    plans = (
        (THEME_CONTACT, "Jokaiselle asiakkaalle nimetään vastuutyöntekijä ensikäynnillä",
         "Palveluesimies Laine", dt.date(2026, 12, 31)),
        (THEME_FLOW, "Kokeillaan yhteistä asiakassuunnitelmaa kahdessa tiimissä",
         "Kehittämistiimi", dt.date(2026, 6, 30)),
    )
    for n, (_theme, what, who, by_when) in enumerate(plans):
        form = console.get_by_test_id("stForm").filter(
            has=console.get_by_label(fi("field.tt.what"), exact=True)).nth(n)
        form.get_by_label(fi("field.tt.what"), exact=True).fill(what)
        form.get_by_label(fi("field.tt.who"), exact=True).fill(who)
        when = form.get_by_label(fi("field.tt.by_when"), exact=True)  # day, month, year
        when.get_by_role("spinbutton").first.click()
        console.keyboard.type(by_when.strftime("%d%m%Y"))
        expect(when).to_have_text(re.compile(by_when.strftime(r"%d\s*\.\s*%m\s*\.\s*%Y")))
        form.get_by_role("button", name=fi("action.save"), exact=True).click()
        shown = fmt_date(by_when, "fi")
        expect(_md(projector, what)).to_contain_text(who, timeout=LIVE_MS)
        expect(_md(projector, what)).to_contain_text(shown)
        _idle(console)
    print(f"{time.monotonic() - started:.0f} s: themes and plans written")

    # The round is finished: the themes go to the candidate list with their origin.
    _next_step(console, "done")
    expect(console.get_by_text(fi("tt.finished"))).to_be_visible()
    phone = first.worker.page  # the phones show the finished round with its plans
    expect(phone.get_by_text(fi("tt.participant.done"), exact=True)).to_be_visible()
    expect(_md(phone, plans[0][1])).to_contain_text(plans[0][2])
    console.get_by_role("link", name=fi("prio.open_candidates")).click()
    expect(console.get_by_role("heading", name=fi("prio.page.title"), exact=True)
           ).to_be_visible()
    _idle(console)
    expect(console.get_by_role("heading", name=fi("prio.page.heading.solution", count=2))
           ).to_be_visible()
    for theme, what, _who, _when in plans:
        expect(_md(console, f"{theme}: {what}")).to_be_visible()
        expect(console.get_by_text(
            f"{fi('prio.page.origins')} {fi('trace.type.tuplatiimi_theme')}: {theme}",
            exact=True)).to_be_visible()

    # A single picked idea outside the themes can be collected too, its origin kept.
    chosen = first.worker.ideas[2]
    _choose(console, fi("prio.page.origin_type"), fi("trace.type.tuplatiimi_idea"))
    _idle(console)
    _choose(console, fi("prio.page.origin_record"), chosen)
    console.locator(".st-key-cand_origin_kind").get_by_text(fi("prio.kind.solution"),
                                                            exact=True).click()
    _idle(console)
    console.get_by_role("button", name=fi("prio.page.collect"), exact=True).click()
    expect(console.get_by_text(fi("prio.page.added"))).to_be_visible()
    expect(console.get_by_role("heading", name=fi("prio.page.heading.solution", count=3))
           ).to_be_visible()
    expect(console.get_by_text(
        f"{fi('prio.page.origins')} {fi('trace.type.tuplatiimi_idea')}: {chosen}",
        exact=True)).to_be_visible()
    print(f"{time.monotonic() - started:.0f} s: the round is on the candidate list")
