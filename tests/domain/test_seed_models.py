"""Check against the seeds: each of the four model descriptions in ``shared/seeds`` (000–003)
is held by the canvas, every part it describes in a typed place of its own and filled.

The seed data lives in :mod:`workshop.seed_models` (the project's own wording); these tests
name, seed by seed, what the description contains and where the canvas keeps it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from builders import world
from sqlalchemy.orm import Session

from workshop import canvas, evaluation, notes, seed_models, traceability
from workshop.access import FacilitatorActor
from workshop.canvas import KINDS, CanvasView, ElementView


def _build(session: Session, seed: str) -> tuple[FacilitatorActor, int, CanvasView]:
    w = world(session)
    model_id = seed_models.SEEDS[seed](session, w.facilitator, w.workshop_id)
    return w.facilitator, model_id, canvas.get_canvas(session, w.facilitator, model_id)


def _categories(view: CanvasView, kind: str) -> list[str]:
    return [e.category for e in view.of_kind(kind)]


def _filled(element: ElementView, *names: str) -> bool:
    return all(getattr(element, name) not in ("", None) for name in names)


def test_seed_000_collaboration_in_transition_phases(session):
    me, model_id, view = _build(session, "000")
    assert _filled(view.model, "name", "short_description", "place", "region", "funder")
    assert set(_categories(view, "background")) == {"environment", "starting_point", "need",
                                                    "strategy"}
    assert view.of_kind("problem") and len(view.of_kind("goal")) >= 3
    assert {"primary", "indirect"} == set(_categories(view, "target_group"))
    # The core: shared work, work pair and a named responsible person.
    assert [p.title for p in view.of_kind("pillar")] == [
        "Yhteinen työ", "Työparityö", "Nimetty vastuuhenkilö"]
    # Collaboration practices as typed entries, information transfer in transition phases.
    practices = {e.category: e for e in view.of_kind("practice")}
    assert {"named_contact_person", "work_pair", "shared_time", "information_transfer",
            "consultation"} <= set(practices)
    transfer = practices["information_transfer"]
    assert transfer.timing and len(view.children(transfer.id)) == 3
    # Responsibilities of management and professionals: who, what, when.
    assert {r.who for r in view.of_kind("role")} >= {"Esihenkilöt", "Ammattilaiset",
                                                    "Hankkeen projektipäällikkö"}
    assert all(_filled(r, "organisation", "who", "body", "timing") for r in view.of_kind("role"))
    assert len(view.of_kind("co_developer")) == 4
    # Deployment: approval, training, information system, communication, monitoring feedback,
    # each with an owner and a status; the open ones with a due date.
    steps = view.of_kind("deployment_step")
    assert {"approval", "training", "information_system", "communication",
            "monitoring_feedback"} <= {s.category for s in steps}
    assert all(_filled(s, "who", "status") for s in steps)
    assert all(s.due_date for s in steps if s.status != "done")
    assert view.of_kind("follow_up") and view.of_kind("quality_criterion")
    # The nine collaboration models, two of them with their variants.
    subs = view.of_kind("sub_model")
    assert len(subs) == 9
    assert sorted(len(view.children(s.id)) for s in subs)[-2:] == [2, 2]
    assert len(view.of_kind("tip")) == 8
    grid = evaluation.four_field(session, me, model_id)
    assert all(grid[f]["finding"] for f in ("customer", "staff", "effectiveness"))


def test_seed_001_waste_workshop_and_solution_steps(session):
    me, model_id, view = _build(session, "001")
    assert {"strategy", "starting_point", "need", "environment"} <= set(
        _categories(view, "background"))
    assert len([b for b in view.of_kind("background") if b.category == "need"]) == 2
    assert len(view.of_kind("goal")) == 4 and view.of_kind("problem")
    # Waste workshop results, in priority order: duplicate work chosen first.
    waste = sorted(view.of_kind("waste_finding"), key=lambda e: e.rank or 0)
    assert [w.rank for w in waste] == [1, 2, 3, 4]
    assert waste[0].title == "Päällekkäinen työ"
    # The four steps of solution development, each with a status and an owner.
    steps = view.of_kind("solution_step")
    assert [s.category for s in steps] == ["ideation", "choosing", "testing_with_clients",
                                           "testing_solution"]
    assert all(_filled(s, "title", "body", "status", "who") for s in steps)
    # Measuring the change; the shared information system as a dated deployment step.
    assert len(view.of_kind("evaluation_method")) == 4
    systems = [s for s in view.of_kind("deployment_step") if s.category == "information_system"]
    assert systems and systems[0].due_date is not None
    assert "joint_meeting" in _categories(view, "practice")
    [path] = view.of_kind("service_path")
    assert len(view.children(path.id)) == 4
    assert view.of_kind("involvement") and len(view.of_kind("co_developer")) == 4


def test_seed_001_waste_and_solution_records_can_be_linked_generically(session):
    """The waste workshop and solution development are separate features: the registry
    names their record types from the start, and any type a feature registers (by name,
    through TRACEABLE or register()) can be linked from the canvas without changing it."""
    for record_type in ("waste_item", "solution", "solution_step", "candidate", "vote"):
        assert record_type in traceability.registry()
    w = world(session)
    me = w.facilitator
    model_id = seed_models.seed_model_001(session, me, w.workshop_id)
    waste = canvas.get_canvas(session, me, model_id).of_kind("waste_finding")[0]
    note_id, _ = notes.add_note(session, me, w.item_id, "Kirjaamista tehdään kahteen kertaan")
    traceability.register("test_waste", traceability.Traceable("workshop.models:Note", "text"))
    try:
        link = canvas.link_element(session, me, waste.id, "test_waste", note_id)
        assert (link.status, link.label) == ("ok", "Kirjaamista tehdään kahteen kertaan")
    finally:
        traceability.unregister("test_waste")
    # With the feature gone again, the stored link stays and shows as unavailable.
    [link] = canvas.get_canvas(session, me, model_id).links[waste.id]
    assert link.status == "unavailable"


def test_seed_002_team_follow_up_nps_and_break_even(session):
    me, model_id, view = _build(session, "002")
    assert view.model.stage == "permanent" and view.model.funder
    # Team roles with head counts: 1 + 6 + 3 + 2 people.
    team = view.of_kind("team_role")
    assert [t.headcount for t in team] == [Decimal(1), Decimal(6), Decimal(3), Decimal(2)]
    assert all(_filled(t, "who", "organisation") for t in team)
    # A measurable goal: at least four prevented placements a year.
    assert any("4" in g.target for g in view.of_kind("goal"))
    assert view.of_kind("client_promise")[0].body
    assert len(view.of_kind("principle")) == 4
    coordinator = next(r for r in view.of_kind("role") if r.who == "Sosiaalityöntekijä")
    assert coordinator.timing == "koko asiakkuuden ajan"
    team_role = next(r for r in view.of_kind("role") if r.who == "Perhekohtainen vastuutiimi")
    assert len(view.children(team_role.id)) == 3
    assert len(view.of_kind("involvement")) == 3  # experts by experience, three ways
    # Follow-up 6 and 12 months after the service, and the steering group rhythm.
    assert {f.months for f in view.of_kind("follow_up")} >= {6, 12}
    assert any(f.timing for f in view.of_kind("follow_up"))
    criteria = view.of_kind("quality_criterion")
    assert len(criteria) == 3
    assert all(_filled(c, "indicator", "target", "follow_up_by") for c in criteria)
    assert _categories(view, "condition").count("organisation") == 6
    tips = view.of_kind("tip")
    assert [t.category for t in tips].count("good_practice") == 4
    assert all(t.applicability for t in tips if t.category == "good_practice")
    assert [t.category for t in tips].count("pitfall") == 4
    # Client outcomes as the seed summarises them.
    end, six = evaluation.outcome_summary(session, me, model_id)
    assert (end.months, end.total) == (0, 25)
    assert end.counts == {"better": 8, "same": 6, "worse": 11}
    assert [end.share(r) for r in ("better", "same")] == [32, 24]
    assert (end.placed["worse"], end.placed_share) == (3, 12)
    assert (six.months, six.total, six.placed_total, six.still_client, six.service_ended) == \
        (6, 11, 3, 5, 3)
    assert len(evaluation.list_clients(session, me, model_id)) == 27
    # NPS for youths and parents separately.
    [survey] = evaluation.list_surveys(session, me, model_id)
    assert (survey.results["client"].answers, survey.results["client"].rounded) == (9, 56)
    assert (survey.results["family"].answers, survey.results["family"].rounded) == (10, 90)
    assert survey.highlights and survey.note
    # The four fields, each with content, and the changes tied to the findings behind them.
    grid = evaluation.four_field(session, me, model_id)
    assert all(any(grid[f].values()) for f in evaluation.FIELDS)
    changes = [e for f in evaluation.FIELDS for e in grid[f]["change"]]
    assert len(changes) == 4 and all(c.because_of_id for c in changes)
    # Break-even at four prevented placements; eight prevented save about a million.
    [calc] = evaluation.list_break_evens(session, me, model_id)
    assert calc.result.cases_to_break_even == 4
    assert calc.result.net_saving == Decimal("1000000.00")
    assert "oletuksia" in calc.note


def test_seed_003_four_pillars_with_their_contents(session):
    me, model_id, view = _build(session, "003")
    pillars = view.of_kind("pillar")
    assert [p.title for p in pillars] == ["Helposti lähestyttävät palvelut",
                                          "Aikuistumisen tuki", "Omatyöntekijä",
                                          "Yhteensovitetut palvelut"]
    assert all(_filled(p, "body", "summary") for p in pillars)
    contents = {p.title: view.children(p.id) for p in pillars}
    assert all(len([c for c in kids if c.kind == "item"]) >= 5 for kids in contents.values())
    easy = contents["Helposti lähestyttävät palvelut"]
    assert {c.heading for c in easy if c.kind == "item"} == {
        "Palveluihin hakeutuessa", "Asiakkuuden aikana", "Hyvä kohtaaminen: ammattilainen"}
    assert [c.kind for c in easy].count("question") == 1
    assert [c.kind for c in contents["Aikuistumisen tuki"]].count("question") == 2
    practices = {p.category: p for p in view.of_kind("practice")}
    assert {"consultation", "information_transfer", "work_pair", "network_work",
            "named_contact_person"} <= set(practices)
    for category in ("consultation", "information_transfer", "work_pair", "network_work"):
        assert view.children(practices[category].id)
    assert practices["work_pair"].timing and practices["information_transfer"].timing
    assert _categories(view, "condition").count("enabler") >= 9
    assert _categories(view, "resource").count("competence") == 4
    assert any(r.who == "Omatyöntekijä" for r in view.of_kind("role"))
    assert len(view.of_kind("target_group")) == 2


def test_the_seeds_together_use_every_part_of_the_canvas(session):
    w = world(session)
    ids = seed_models.seed_all_models(session, w.facilitator, w.workshop_id)
    used: set[str] = set()
    for model_id in ids.values():
        view = canvas.get_canvas(session, w.facilitator, model_id)
        used |= {kind for kind, count in view.counts().items() if count}
        published = canvas.publish(session, w.facilitator, model_id)
        assert len(published.content["elements"]) == len(view.elements)
    assert used == set(KINDS)


@pytest.mark.parametrize("seed", sorted(seed_models.SEEDS))
def test_each_seed_model_reads_back_in_its_own_words(session, seed):
    _me, _model_id, view = _build(session, seed)
    assert view.model.name and len(view.elements) >= 40
