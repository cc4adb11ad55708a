"""Prioritising charts: groups as separate series (never added up), suppressed groups named
and not drawn, user text escaped, and a text alternative carrying the same figures."""

from __future__ import annotations

from workshop.charts.prioritising import (
    describe_round,
    fmt_median,
    matrix_figure,
    round_figure,
    spread_text,
)
from workshop.prioritising import (
    CandidateResult,
    GroupSummary,
    RoundResults,
    borda,
    matrix_stats,
)

GROUPS = (GroupSummary("client", True, 3), GroupSummary("worker", True, 4),
          GroupSummary("other", False, None))


def _dots() -> RoundResults:
    rows = (CandidateResult(1, "<b>Jonot</b>", "problem", {"client": 6, "worker": 0}),
            CandidateResult(2, "Chat", "solution", {"client": 3, "worker": 8}))
    return RoundResults(10, "Valinta", "dots", GROUPS, rows)


def test_dot_chart_keeps_groups_apart_and_escapes_text():
    figure = round_figure(_dots(), "fi")
    assert [trace.name for trace in figure.data] == ["Asiakkaat", "Työntekijät"]
    assert list(figure.data[1].x) == [0, 8]
    assert "&lt;b&gt;Jonot&lt;/b&gt;" in figure.data[0].y[0]
    assert "Muut" in figure.layout.title.subtitle.text  # named as not shown, never drawn
    assert figure.data[0].marker.pattern.shape != figure.data[1].marker.pattern.shape


def test_text_alternative_has_the_figures_in_words():
    text = describe_round(_dots(), "en")
    assert "Clients, 3 respondents: <b>Jonot</b> 6 dots; Chat 3 dots." in text
    assert "Workers, 4 respondents: Chat 8 dots; <b>Jonot</b> 0 dots." in text
    assert "Others: fewer than 3 respondents, not shown." in text


def test_matrix_chart_and_words_use_medians_and_spread():
    stats = matrix_stats([(5, 1), (4, 2), (2, 2)])
    assert (stats.impact_median, stats.effort_median) == (4.0, 2.0)
    assert spread_text(stats.impact_counts) == "1:0 2:1 3:0 4:1 5:1"
    even = matrix_stats([(1, 1), (2, 2)])
    assert fmt_median(even.impact_median, "fi") == "1,5"
    rows = (CandidateResult(1, "Chat", "solution", {}, {"client": stats, "worker": None}),)
    results = RoundResults(10, "Matriisi", "matrix", GROUPS, rows)
    figure = matrix_figure(results, "fi")
    assert [trace.name for trace in figure.data] == ["Asiakkaat"]
    assert figure.data[0].marker.symbol == "circle"
    text = describe_round(results, "en")
    assert "1. Chat: impact 4 (2–5), effort 2 (1–2), 3 ratings" in text
    assert "fewer than 3 ratings" in text  # the workers' figures for Chat


def test_borda_by_hand():
    assert borda([[1, 2, 3], [2, 1, 3], [1, 3, 2]]) == {1: 5, 2: 3, 3: 1}
    assert borda([[7]]) == {7: 0}
    assert borda([]) == {}
