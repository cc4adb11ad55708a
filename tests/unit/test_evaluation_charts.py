"""Evaluation charts: built from plain results, readable without colour, with text twins."""

from __future__ import annotations

from decimal import Decimal

from workshop.charts import evaluation as charts
from workshop.evaluation import FollowUpView, break_even, nps, summarise


def _points():
    rows = ([FollowUpView(1, 0, "better", False, None, "", None, 1)] * 8
            + [FollowUpView(1, 0, "same", False, None, "", None, 1)] * 6
            + [FollowUpView(1, 0, "worse", True, None, "", None, 1)] * 3
            + [FollowUpView(1, 0, "worse", False, None, "", None, 1)] * 8
            + [FollowUpView(1, 6, None, True, True, "", None, 1)] * 3)
    return summarise(rows)


def _patterns(figure) -> list:
    return [trace.marker.pattern.shape for trace in figure.data]


def test_outcomes_chart_labels_every_bar_and_uses_patterns():
    figure = charts.outcomes_figure(_points(), "fi")
    names = [trace.name for trace in figure.data]
    assert names == ["Parempi", "Ennallaan", "Huonompi", "Ei arvioitu"]
    assert len(set(_patterns(figure))) == 4  # told apart without colour
    assert "Parempi 8 (32 %)" in figure.data[0].text
    assert "6 (24 %)" in figure.data[1].text  # narrow: the legend and pattern name it
    assert figure.layout.font.size >= 20  # readable on a projector
    text = charts.outcomes_text(_points(), "fi")
    assert "Palvelun päättyessä, 25 asiakasta: Parempi 8 (32 %)" in text
    assert "Kodin ulkopuolelle sijoitettuja 3 (12 %)." in text
    assert "6 kk päättymisestä, 3 asiakasta: Ei arvioitu 3 (100 %)" in text
    assert "Clients" not in text
    assert "When the service ended, 25 clients" in charts.outcomes_text(_points(), "en")


def test_nps_chart_shows_scores_and_hides_small_groups():
    results = {"client": nps([10, 10, 9, 9, 9, 9, 8, 7, 5]), "family": nps([10, 2])}
    figure = charts.nps_figure(results, "en")
    annotations = [a.text for a in figure.layout.annotations]
    assert "NPS +56 (n = 9)" in annotations
    assert any(a.startswith("2 answers") for a in annotations)
    assert all(x == 0 for trace in figure.data for x in trace.x[1:])  # nothing for family
    text = charts.nps_text(results, "en")
    assert "Clients: NPS +56, 9 answers; promoters 6 (67%)" in text
    assert "Family members: 2 answers, too few" in text
    assert "Läheiset: 2 vastausta" in charts.nps_text(results, "fi")


def test_break_even_chart_marks_the_break_even_and_the_actual_count():
    result = break_even(Decimal("1000000"), Decimal("250000"), 8)
    figure = charts.break_even_figure(result, "fi", "sijoitusta")
    annotations = [a.text for a in figure.layout.annotations]
    assert "Kannattavuusraja: 4 sijoitusta" in annotations
    assert any(a.startswith("Toteutunut 8:") for a in annotations)
    bars = figure.data[0]
    assert list(bars.x)[:5] == [0, 1, 2, 3, 4]
    assert bars.y[4] == 0 and bars.y[3] < 0 < bars.y[5]
    assert bars.marker.pattern.shape[3] != bars.marker.pattern.shape[5]  # cost vs saving
    assert bars.text[3] == "kulu" and bars.text[5] == "säästö"
    text = charts.break_even_text(result, "fi", "sijoitusta")
    assert "vähintään 4 sijoitusta vuodessa" in text
    assert "nettosäästö 1\u00a0000\u00a0000,00\u00a0€" in text


def test_four_field_chart_counts_entries():
    grid = {"staff": {"measure": [1], "finding": [1, 2, 3], "change": [1]},
            "customer": {"measure": [], "finding": [1], "change": []}}
    figure = charts.four_field_figure(grid, "fi")
    assert [list(trace.y) for trace in figure.data] == [[1, 0, 0, 0], [3, 1, 0, 0],
                                                        [1, 0, 0, 0]]
    assert len(set(_patterns(figure))) == 3
    text = charts.four_field_text(grid, "en")
    assert "Staff experience and employer image: measures 1, findings 3, changes 1." in text
    assert "Productivity: measures 0, findings 0, changes 0." in text
