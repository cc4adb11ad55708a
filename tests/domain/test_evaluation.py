"""Evaluation: client outcomes, NPS, four fields and break-even (arithmetic exact, access
checked, identity codes refused)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from builders import join, world
from hypothesis import given
from hypothesis import strategies as st

from workshop import canvas, evaluation
from workshop.errors import Conflict, InvalidInput, NotFound, StaleEdit
from workshop.evaluation import NPS_MIN_ANSWERS, break_even, nps, parse_money, parse_scores


def _model(session, w):
    return canvas.create_model(session, w.facilitator, w.workshop_id, "Malli").id


# --- pure arithmetic -----------------------------------------------------------------------------


def test_nps_examples():
    assert nps([10, 10, 9, 9, 9, 9, 8, 7, 5]).rounded == 56  # 5/9 = 55.6 %
    assert nps([10] * 6 + [9] * 3 + [8]).rounded == 90
    assert nps([0, 6, 7, 8, 9, 10]).exact == 0
    assert nps([0, 0, 0, 0, 1]).rounded == -100
    half = nps([9, 6, 6, 10, 9, 9, 6, 7])  # (4 - 3) / 8 = 12.5 % -> 13, halves away from zero
    assert half.exact == Fraction(25, 2) and half.rounded == 13
    assert nps([6, 6, 9, 10, 6, 6, 9, 7]).rounded == -13
    assert nps([]).exact is None and nps([]).rounded is None


def test_nps_threshold_hides_small_groups():
    assert not nps([10] * (NPS_MIN_ANSWERS - 1)).shown
    assert nps([10] * NPS_MIN_ANSWERS).shown


@pytest.mark.parametrize("bad", [[11], [-1], [True], [7.5], ["9"]])
def test_nps_refuses_scores_outside_zero_to_ten(bad):
    with pytest.raises(InvalidInput):
        nps(bad)


@given(st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=300))
def test_nps_property_bounds_and_formula(scores):
    result = nps(scores)
    promoters = sum(1 for s in scores if s in (9, 10))
    detractors = sum(1 for s in scores if s <= 6)
    assert result.promoters + result.passives + result.detractors == len(scores)
    assert result.exact == Fraction((promoters - detractors) * 100, len(scores))
    assert -100 <= result.exact <= 100
    assert -100 <= result.rounded <= 100
    assert abs(result.rounded - result.exact) <= Fraction(1, 2)


def test_parse_scores():
    assert parse_scores(" 9, 10 7;3\n0 ") == [9, 10, 7, 3, 0]
    for bad, key in (("", "error.text.required"), ("9, kymmenen", "error.evaluation.bad_score"),
                     ("11", "error.evaluation.bad_score"), ("٩", "error.evaluation.bad_score")):
        with pytest.raises(InvalidInput) as caught:
            parse_scores(bad)
        assert caught.value.key == key


def test_break_even_matches_the_seed_example():
    result = break_even(Decimal("1000000"), Decimal("250000"), 8, 27)
    assert result.cases_to_break_even == 4
    assert result.ratio == 4
    assert result.gross_avoided == Decimal("2000000.00")
    assert result.net_saving == Decimal("1000000.00")
    assert result.saving_at(4) == 0 and result.saving_at(3) == Decimal("-250000.00")
    assert result.cost_per_client == Decimal("37037.04")


def test_break_even_rounds_up_and_stays_exact_in_cents():
    result = break_even("1 000 000,01", "250000", 2)
    assert result.cases_to_break_even == 5  # one cent over four cases
    assert result.net_saving == Decimal("-500000.01")
    assert break_even(Decimal("0.03"), Decimal("0.01")).cases_to_break_even == 3
    assert break_even(Decimal("100"), Decimal("300")).cases_to_break_even == 1
    assert break_even("100", "300").ratio_rounded == Decimal("0.33")


@given(st.integers(min_value=1, max_value=10**13), st.integers(min_value=1, max_value=10**13),
       st.integers(min_value=0, max_value=1000))
def test_break_even_property(cost_cents, unit_cents, count):
    cost, unit = Decimal(cost_cents) / 100, Decimal(unit_cents) / 100
    result = break_even(cost, unit, count)
    n = result.cases_to_break_even
    assert n * unit >= cost and (n - 1) * unit < cost
    assert result.net_saving == count * unit - cost
    assert result.ratio == Fraction(cost_cents, unit_cents)


@pytest.mark.parametrize("bad", [0, "-5", "abc", "1.001", 1.5, None, "NaN", "1e400"])
def test_money_refuses_what_is_not_exact_positive_euros(bad):
    with pytest.raises(InvalidInput):
        parse_money(bad, field="field.be_yearly_cost")


def test_money_accepts_what_people_type():
    assert parse_money("1 000 000", field="f") == Decimal("1000000.00")
    assert parse_money("250000,50 €", field="f") == Decimal("250000.50")
    assert parse_money("1\u00a0000", field="f") == Decimal("1000.00")


def test_outcome_summary_counts_per_point():
    F = evaluation.FollowUpView
    rows = ([F(1, 0, "better", False, None, "", None, 1)] * 8
            + [F(1, 0, "same", False, None, "", None, 1)] * 6
            + [F(1, 0, "worse", False, None, "", None, 1)] * 8
            + [F(1, 0, "worse", True, None, "", None, 1)] * 3
            + [F(1, 6, None, True, True, "", None, 1)] * 3
            + [F(1, 6, None, False, True, "", None, 1)] * 5
            + [F(1, 6, None, False, False, "", None, 1)] * 3)
    end, six = evaluation.summarise(rows)
    assert (end.months, end.total, end.counts) == (0, 25, {"better": 8, "same": 6, "worse": 11})
    assert [end.share(r) for r in ("better", "same", "worse")] == [32, 24, 44]
    assert (end.placed["worse"], end.placed_total, end.placed_share) == (3, 3, 12)
    assert (six.total, six.unrated, six.placed_total, six.still_client, six.service_ended) == \
        (11, 11, 3, 5, 3)


# --- stored data ----------------------------------------------------------------------------------


def test_clients_and_follow_ups(session):
    w = world(session)
    model_id = _model(session, w)
    client = evaluation.add_client(session, w.facilitator, model_id, "N-07",
                                   intake="lastensuojelu", started_on=dt.date(2024, 1, 10),
                                   ended_on=dt.date(2024, 7, 1),
                                   start_situation="<b>Koulu</b> ei suju 🙁")
    with pytest.raises(Conflict):
        evaluation.add_client(session, w.facilitator, model_id, "N-07")
    end = evaluation.record_follow_up(session, w.facilitator, client.id, 0, "better",
                                      placed=False, note="Koulunkäynti jatkuu")
    with pytest.raises(StaleEdit):  # the point exists: a correction needs its version
        evaluation.record_follow_up(session, w.facilitator, client.id, 0, "worse")
    corrected = evaluation.record_follow_up(session, w.facilitator, client.id, 0, "same",
                                            expected_version=end.version)
    evaluation.record_follow_up(session, w.facilitator, client.id, 6, None, placed=False,
                                still_client=True)
    [stored] = evaluation.list_clients(session, w.facilitator, model_id)
    assert stored.start_situation == "<b>Koulu</b> ei suju 🙁"
    assert [(f.months, f.rating) for f in stored.follow_ups] == [(0, "same"), (6, None)]
    assert corrected.version == end.version + 1
    summary = evaluation.outcome_summary(session, w.facilitator, model_id)
    assert [(p.months, p.total) for p in summary] == [(0, 1), (6, 1)]
    with pytest.raises(InvalidInput) as caught:
        evaluation.add_client(session, w.facilitator, model_id, "X", ended_on=dt.date(2020, 1, 1),
                              started_on=dt.date(2021, 1, 1))
    assert caught.value.key == "error.evaluation.ends_before_start"
    with pytest.raises(InvalidInput) as caught:
        evaluation.record_follow_up(session, w.facilitator, client.id, 12, "parempi")
    assert caught.value.key == "error.choice"


@pytest.mark.parametrize("text", ["010203A123B", "Asiakas 131052-308T kertoi", "010100+1234"])
def test_identity_codes_are_refused(session, text):
    w = world(session)
    model_id = _model(session, w)
    with pytest.raises(InvalidInput) as caught:
        evaluation.add_client(session, w.facilitator, model_id, "N-1", start_situation=text)
    assert caught.value.key == "error.evaluation.identity_code"


def test_identity_code_refused_as_pseudonym_and_in_notes(session):
    w = world(session)
    model_id = _model(session, w)
    with pytest.raises(InvalidInput):
        evaluation.add_client(session, w.facilitator, model_id, "131052-308T")
    client = evaluation.add_client(session, w.facilitator, model_id, "N-1")
    with pytest.raises(InvalidInput):
        evaluation.record_follow_up(session, w.facilitator, client.id, 0, "same",
                                    note="hetu 131052-308T")


def test_nps_survey_groups_apart(session):
    w = world(session)
    model_id = _model(session, w)
    survey = evaluation.create_survey(session, w.facilitator, model_id, "Palaute 2024",
                                      highlights="Kiitos <3")
    evaluation.add_answers(session, w.facilitator, survey.id, "client",
                           [10, 10, 9, 9, 9, 9, 8, 7, 5])
    view = evaluation.add_answers(session, w.facilitator, survey.id, "family", [3, 10])
    assert view.results["client"].rounded == 56 and view.results["client"].shown
    assert view.results["family"].answers == 2 and not view.results["family"].shown
    view = evaluation.remove_answers(session, w.facilitator, survey.id, "family", 3)
    assert view.results["family"].answers == 1
    with pytest.raises(NotFound):
        evaluation.remove_answers(session, w.facilitator, survey.id, "family", 3)
    with pytest.raises(InvalidInput):
        evaluation.add_answers(session, w.facilitator, survey.id, "neighbours", [9])
    with pytest.raises(InvalidInput):
        evaluation.add_answers(session, w.facilitator, survey.id, "client", [])
    [listed] = evaluation.list_surveys(session, w.facilitator, model_id)
    assert listed.highlights == "Kiitos <3"


def test_four_field_changes_name_their_finding(session):
    w = world(session)
    model_id = _model(session, w)
    finding = evaluation.add_entry(session, w.facilitator, model_id, "productivity", "finding",
                                   "Tiimi räätälöidään perheittäin")
    measure = evaluation.add_entry(session, w.facilitator, model_id, "productivity", "measure",
                                   "Osuudet")
    change = evaluation.add_entry(session, w.facilitator, model_id, "staff", "change",
                                  "Rakenne muutettiin", finding.id)
    with pytest.raises(InvalidInput) as caught:
        evaluation.add_entry(session, w.facilitator, model_id, "staff", "change", "x", measure.id)
    assert caught.value.key == "error.evaluation.because_not_finding"
    with pytest.raises(InvalidInput) as caught:
        evaluation.add_entry(session, w.facilitator, model_id, "staff", "finding", "x",
                             finding.id)
    assert caught.value.key == "error.evaluation.because_only_for_changes"
    grid = evaluation.four_field(session, w.facilitator, model_id)
    assert [e.because_of_id for e in grid["staff"]["change"]] == [finding.id]
    assert set(grid) == {"staff", "customer", "effectiveness", "productivity"}
    with pytest.raises(StaleEdit):
        evaluation.update_entry(session, w.facilitator, change.id, change.version + 1, text="y")
    evaluation.update_entry(session, w.facilitator, change.id, change.version, text="Uusi",
                            because_of_id=None)
    grid = evaluation.four_field(session, w.facilitator, model_id)
    assert grid["staff"]["change"][0].because_of_id is None


def test_break_even_stored_and_recomputed(session):
    w = world(session)
    model_id = _model(session, w)
    saved = evaluation.save_break_even(session, w.facilitator, model_id, title="Sijoitukset",
                                       yearly_cost="1 000 000", case_cost="250000",
                                       prevented_count=8, case_label="sijoitusta")
    session.flush()
    session.expire_all()
    [listed] = evaluation.list_break_evens(session, w.facilitator, model_id)
    assert listed.result.yearly_cost == Decimal("1000000.00")
    assert (listed.result.cases_to_break_even, listed.result.net_saving) == (4, Decimal(
        "1000000.00"))
    with pytest.raises(StaleEdit):
        evaluation.save_break_even(session, w.facilitator, model_id, title="x", yearly_cost="1",
                                   case_cost="1", calc_id=saved.id,
                                   expected_version=saved.version + 1)


def test_evaluation_access_is_limited_to_the_workshops_facilitators(session):
    w = world(session)
    other = world(session, "toinen")
    model_id = _model(session, w)
    client = evaluation.add_client(session, w.facilitator, model_id, "N-1")
    survey = evaluation.create_survey(session, w.facilitator, model_id, "Kysely")
    p = join(session, w)
    for actor in (other.facilitator, p):
        with pytest.raises(NotFound):
            evaluation.list_clients(session, actor, model_id)
        with pytest.raises(NotFound):
            evaluation.record_follow_up(session, actor, client.id, 0, "better")
        with pytest.raises(NotFound):
            evaluation.add_answers(session, actor, survey.id, "client", [10])
        with pytest.raises(NotFound):
            evaluation.add_entry(session, actor, model_id, "staff", "finding", "x")
        with pytest.raises(NotFound):
            evaluation.save_break_even(session, actor, model_id, title="x", yearly_cost="1",
                                       case_cost="1")
    other_model = _model(session, other)
    finding = evaluation.add_entry(session, other.facilitator, other_model, "staff", "finding",
                                   "toisen")
    with pytest.raises(NotFound):  # a change cannot point at another model's finding
        evaluation.add_entry(session, w.facilitator, model_id, "staff", "change", "x",
                             finding.id)
