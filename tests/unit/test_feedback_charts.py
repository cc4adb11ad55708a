"""Feedback charts: groups apart, small groups named but not drawn, not colour only, text
alternatives, and user text shown as text."""

from workshop.charts import feedback as charts
from workshop.feedback import (
    FeedbackSummary,
    GroupResult,
    MeetingGroupSummary,
    MeetingResults,
    MeetingSummary,
    OverallGroupSummary,
    QuestionResult,
    QuestionSummary,
    QuestionView,
)

QUESTIONS = (
    QuestionView(1, 0, "scale", "Sain <b>sanoa</b> sanottavani.", False, 1, True),
    QuestionView(2, 1, "scale", "Ilmapiiri oli turvallinen.", False, 1, True),
    QuestionView(3, 2, "text", "Mikä oli hyvää?", False, 1, True),
)


def _results() -> MeetingResults:
    workers = GroupResult("worker", True, 5, (
        QuestionResult(1, "scale", QUESTIONS[0].text, False, True, 5, 4.2, (0, 0, 1, 2, 2), ()),
        QuestionResult(2, "scale", QUESTIONS[1].text, False, False, None, None, None, ()),
        QuestionResult(3, "text", QUESTIONS[2].text, False, True, 1, None, None, ("kiva",)),
    ))
    others = GroupResult("other", True, 3, (
        QuestionResult(1, "scale", QUESTIONS[0].text, False, True, 3, 3.0, (0, 0, 3, 0, 0), ()),
        QuestionResult(2, "scale", QUESTIONS[1].text, False, True, 3, 5.0, (0, 0, 0, 0, 3), ()),
        QuestionResult(3, "text", QUESTIONS[2].text, False, True, 0, None, None, ()),
    ))
    return MeetingResults(7, 2, "Toinen", None, QUESTIONS,
                          (GroupResult("client", False, None, ()), workers, others))


def test_meeting_chart_draws_each_shown_group_apart_and_not_by_colour_only():
    figure = charts.meeting_figure(_results(), "fi")
    assert [trace.name for trace in figure.data] == ["Työntekijät", "Muut"]  # no clients
    assert len({trace.marker.pattern.shape for trace in figure.data}) == 2
    workers = figure.data[0]
    assert list(workers.x) == [4.2, 0]
    assert workers.text[0] == "Työntekijät 4,2 (n=5)"
    assert workers.text[1] == "Työntekijät: alle 3 vastausta: ei näytetä"
    assert "Asiakkaat" in figure.layout.title.subtitle.text  # named as not shown
    assert len(workers.y) == 2  # the written question is not in the chart
    assert "&lt;b&gt;sanoa&lt;/b&gt;" in workers.y[0]  # user text is text, not markup
    assert figure.layout.font.size >= 18


def test_meeting_chart_in_words():
    text = charts.describe_meeting(_results(), "en")
    assert "Clients: fewer than 3 answers, not shown." in text
    assert "Workers, 5 respondents: “Sain <b>sanoa</b> sanottavani.” 4.2" in text
    assert "“Ilmapiiri oli turvallinen.” fewer than 3 answers" in text
    assert "Others, 3 respondents" in text


def test_empty_results_still_make_a_chart_and_a_sentence():
    empty = MeetingResults(1, 1, "", None, (), tuple(GroupResult(g, False, None, ())
                                                       for g in ("client", "worker", "other")))
    figure = charts.meeting_figure(empty, "fi")
    assert figure.data == ()
    assert "Ei näytettäviä tuloksia" in [a.text for a in figure.layout.annotations]
    assert charts.describe_meeting(empty, "fi").count("alle 3 vastausta") == 3


def _summary() -> FeedbackSummary:
    q = QuestionSummary(1, "q", False, 3, 4.0)
    one = MeetingSummary(1, 1, "", None, (
        MeetingGroupSummary("client", True, 3, 4.0, (q,)),
        MeetingGroupSummary("worker", True, 4, 3.5, (q,)),
        MeetingGroupSummary("other", False, None, None, ())))
    two = MeetingSummary(2, 2, "", None, (
        MeetingGroupSummary("client", False, None, None, ()),
        MeetingGroupSummary("worker", True, 3, 4.5, (q,)),
        MeetingGroupSummary("other", False, None, None, ())))
    overall = (OverallGroupSummary("client", 1, 3, 4.0, (q,)),
               OverallGroupSummary("worker", 2, 7, 3.93, (q,)),
               OverallGroupSummary("other", 0, 0, None, ()))
    return FeedbackSummary(1, QUESTIONS[:2], (one, two), overall)


def test_summary_chart_has_a_line_per_group_with_gaps_and_distinct_markers():
    figure = charts.summary_figure(_summary(), "en")
    assert [trace.name for trace in figure.data] == ["Clients", "Workers"]
    clients, workers = figure.data
    assert list(clients.y) == [4.0, None] and list(workers.y) == [3.5, 4.5]
    assert clients.marker.symbol != workers.marker.symbol
    assert clients.line.dash != workers.line.dash
    assert "Clients (Meeting 2)" in figure.layout.title.subtitle.text
    assert list(figure.layout.xaxis.ticktext) == ["Meeting 1", "Meeting 2"]


def test_summary_in_words():
    text = charts.describe_summary(_summary(), "fi")
    assert text.startswith("Palaute 2 tapaamisesta")
    assert "Asiakkaat: Tapaaminen 1 4,0; Tapaaminen 2 ei näytetä (alle 3 vastausta)" in text
    assert "Työntekijät: Tapaaminen 1 3,5; Tapaaminen 2 4,5; kaikkiaan 3,9 (2 tapaamista)." in text
    assert "Muut:" in text and "ei näytettävää kokonaistulosta" in text
