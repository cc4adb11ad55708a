"""Charts of meeting feedback: pure data in, Plotly figure out (no Streamlit).

Readable on a projector (large type, values written on the bars and points), never colour
only (each group also has its own bar pattern, marker shape, line style and its name in the
labels), and each chart has a plain-text alternative (``describe_*``). Clients, workers and
others are always separate series; a group hidden for having fewer than three answers is
named as such, never drawn.
"""

from __future__ import annotations

import html
import textwrap

import plotly.graph_objects as go
from babel.numbers import format_decimal

from workshop.feedback import (
    GROUP_LABEL_KEYS,
    SCALE_MAX,
    SCALE_MIN,
    FeedbackSummary,
    GroupResult,
    MeetingResults,
)
from workshop.i18n import LOCALES, normalise_language, t

# Okabe–Ito colours (distinguishable with common colour-vision deficiencies) ...
COLOURS = {"client": "#0072B2", "worker": "#D55E00", "other": "#009E73"}
# ... and, so that colour is never the only cue, a pattern, a marker and a line style.
PATTERNS = {"client": "", "worker": "/", "other": "."}
SYMBOLS = {"client": "circle", "worker": "square", "other": "diamond"}
DASHES = {"client": "solid", "worker": "dash", "other": "dot"}
FONT_SIZE = 20
FONT_FAMILY = "Source Sans Pro, Arial, sans-serif"


def fmt_mean(value: float, lang: str) -> str:
    """A mean with one decimal in the user's locale (4,2 in Finnish)."""
    return format_decimal(round(value, 1), format="0.0",
                          locale=LOCALES[normalise_language(lang)])


def group_label(group: str, lang: str) -> str:
    return t(GROUP_LABEL_KEYS[group], lang)


def _label(text: str, width: int = 38) -> str:
    """User text for a Plotly label: escaped (Plotly reads a little HTML) and wrapped."""
    lines = textwrap.wrap(text, width=width) or [""]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def _layout(figure: go.Figure, title: str, height: int, notes: list[str]) -> go.Figure:
    """Large type for the projector; ``notes`` (e.g. which groups are not shown) go under
    the title, where they cannot be cut off or hidden behind the legend."""
    title_spec: dict[str, object] = {"text": html.escape(title, quote=False),
                                     "font": {"size": FONT_SIZE + 6}}
    if notes:
        title_spec["subtitle"] = {"text": "<br>".join(html.escape(n, quote=False) for n in notes),
                                  "font": {"size": FONT_SIZE - 2, "color": "#1a1a1a"}}
    figure.update_layout(
        title=title_spec,
        font={"size": FONT_SIZE, "family": FONT_FAMILY, "color": "#1a1a1a"},
        height=height,
        margin={"l": 20, "r": 40, "t": 80 + 28 * len(notes), "b": 40},
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "xanchor": "left", "x": 0,
                "font": {"size": FONT_SIZE}},
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    return figure


def meeting_figure(results: MeetingResults, lang: str) -> go.Figure:
    """Average of each 1–5 question, one bar per respondent group shown."""
    questions = [q for q in results.questions if q.kind == "scale"]
    shown = [g for g in results.groups if g.shown]
    figure = go.Figure()
    labels = [_label(q.text) for q in questions]
    for group in shown:
        means, texts = [], []
        for question in questions:
            found = group.question(question.id)
            if found is not None and found.shown and found.mean is not None:
                means.append(found.mean)
                texts.append(t("feedback.chart.bar_text", lang,
                               group=group_label(group.group, lang),
                               mean=fmt_mean(found.mean, lang), count=found.answers))
            else:
                means.append(0)
                texts.append(f"{group_label(group.group, lang)}: {t('feedback.suppressed', lang)}")
        figure.add_trace(go.Bar(
            x=means, y=labels, orientation="h", name=group_label(group.group, lang),
            text=texts, textposition="outside", cliponaxis=False,
            textfont={"size": FONT_SIZE - 2}, hoverinfo="text", hovertext=texts,
            marker={"color": COLOURS[group.group], "line": {"color": "#1a1a1a", "width": 1},
                    "pattern": {"shape": PATTERNS[group.group], "fgcolor": "white",
                                "size": 10, "solidity": 0.3}},
        ))
    figure.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05)
    figure.update_xaxes(range=[0, SCALE_MAX + 2.2], tickvals=list(range(SCALE_MIN, SCALE_MAX + 1)),
                        title={"text": t("feedback.chart.axis_mean", lang)},
                        gridcolor="#d0d0d0", zeroline=True, zerolinecolor="#1a1a1a")
    figure.update_yaxes(autorange="reversed", automargin=True)
    hidden = [group_label(g.group, lang) for g in results.groups if not g.shown]
    notes = [t("feedback.chart.not_shown_note", lang, groups=", ".join(hidden))] if hidden else []
    if not questions or not shown:
        figure.add_annotation(text=t("feedback.chart.no_results", lang), xref="paper",
                              yref="paper", x=0.5, y=0.5, showarrow=False,
                              font={"size": FONT_SIZE + 4})
    height = 260 + max(1, len(questions)) * max(1, len(shown)) * 48
    title = t("feedback.chart.meeting_title", lang, number=results.number)
    return _layout(figure, title, height, notes)


def _describe_group(group: GroupResult, results: MeetingResults, lang: str) -> str:
    name = group_label(group.group, lang)
    if not group.shown:
        return t("feedback.alt.group_suppressed", lang, group=name)
    parts = []
    for question in results.questions:
        if question.kind != "scale":
            continue
        found = group.question(question.id)
        if found is not None and found.shown and found.mean is not None:
            parts.append(t("feedback.alt.item", lang, question=question.text,
                           mean=fmt_mean(found.mean, lang)))
        else:
            parts.append(t("feedback.alt.item_suppressed", lang, question=question.text))
    return t("feedback.alt.group_shown", lang, group=name, count=group.respondents,
             items="; ".join(parts) or t("feedback.alt.no_scale", lang))


def describe_meeting(results: MeetingResults, lang: str) -> str:
    """The meeting chart in words, for screen readers and as a caption."""
    sentences = [t("feedback.alt.meeting_intro", lang, number=results.number,
                   low=SCALE_MIN, high=SCALE_MAX)]
    sentences += [_describe_group(g, results, lang) for g in results.groups]
    return " ".join(sentences)


def _meeting_name(number: int, lang: str) -> str:
    return t("label.meeting_number", lang, number=number)


# Series sit a little apart at each meeting, and their value labels on different sides,
# so that equal averages do not hide each other.
_OFFSETS = {"client": -0.12, "worker": 0.0, "other": 0.12}
_TEXT_POSITIONS = {"client": "top left", "worker": "bottom center", "other": "top right"}


def summary_figure(summary: FeedbackSummary, lang: str) -> go.Figure:
    """Each group's average per meeting, as separate lines (gaps where not shown)."""
    figure = go.Figure()
    names = [_meeting_name(m.number, lang) for m in summary.meetings]
    hidden: list[str] = []
    for group in ("client", "worker", "other"):
        means = [m.group(group).mean for m in summary.meetings]
        for meeting, mean in zip(summary.meetings, means, strict=True):
            if mean is None:
                hidden.append(f"{group_label(group, lang)} ({_meeting_name(meeting.number, lang)})")
        if all(m is None for m in means):
            continue
        texts = [f"{group_label(group, lang)} {fmt_mean(m, lang)}" if m is not None else ""
                 for m in means]
        figure.add_trace(go.Scatter(
            x=[index + _OFFSETS[group] for index in range(len(means))], y=means,
            name=group_label(group, lang), mode="lines+markers+text",
            text=texts, textposition=_TEXT_POSITIONS[group], textfont={"size": FONT_SIZE - 2},
            hoverinfo="text", hovertext=texts, connectgaps=False, cliponaxis=False,
            line={"color": COLOURS[group], "dash": DASHES[group], "width": 4},
            marker={"symbol": SYMBOLS[group], "size": 16, "color": COLOURS[group],
                    "line": {"color": "#1a1a1a", "width": 1}},
        ))
    figure.update_yaxes(range=[SCALE_MIN - 0.6, SCALE_MAX + 0.6],
                        tickvals=list(range(SCALE_MIN, SCALE_MAX + 1)),
                        title={"text": t("feedback.chart.axis_mean_short", lang)},
                        gridcolor="#d0d0d0")
    figure.update_xaxes(tickvals=list(range(len(names))), ticktext=names,
                        range=[-0.6, max(len(names), 1) - 0.4], showgrid=False)
    if not figure.data:
        figure.add_annotation(text=t("feedback.chart.no_results", lang), xref="paper",
                              yref="paper", x=0.5, y=0.5, showarrow=False,
                              font={"size": FONT_SIZE + 4})
    notes = [t("feedback.chart.scale_note", lang)]
    if hidden:
        notes.append(t("feedback.chart.not_shown_note", lang, groups=", ".join(hidden)))
    return _layout(figure, t("feedback.chart.summary_title", lang), 600, notes)


def describe_summary(summary: FeedbackSummary, lang: str) -> str:
    """The summary chart in words."""
    sentences = [t("feedback.alt.summary_intro", lang, count=len(summary.meetings),
                   low=SCALE_MIN, high=SCALE_MAX)]
    for overall in summary.overall:
        name = group_label(overall.group, lang)
        per_meeting = []
        for meeting in summary.meetings:
            mean = meeting.group(overall.group).mean
            if mean is None:
                per_meeting.append(t("feedback.alt.summary_meeting_hidden", lang,
                                     meeting=_meeting_name(meeting.number, lang)))
            else:
                per_meeting.append(t("feedback.alt.summary_meeting", lang,
                                     meeting=_meeting_name(meeting.number, lang),
                                     mean=fmt_mean(mean, lang)))
        listed = "; ".join(per_meeting) or t("feedback.alt.no_meetings", lang)
        if overall.mean is None:
            sentences.append(t("feedback.alt.summary_group_none", lang, group=name,
                               meetings=listed))
        else:
            sentences.append(t("feedback.alt.summary_group", lang, group=name, meetings=listed,
                               mean=fmt_mean(overall.mean, lang), included=overall.meetings))
    return " ".join(sentences)
