"""Charts of prioritising results: pure data in, Plotly figure out (no Streamlit).

Dots and Borda points are grouped bars, the impact/effort matrix a scatter of medians. As in
the feedback charts, clients, workers and others are separate series (never added up), each
with its own colour *and* pattern or marker shape, values are written on the chart, a group
with too few respondents is named under the title and never drawn, and every figure has a
plain-text alternative (``describe_*``).
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go
from babel.numbers import format_decimal

from workshop.charts.feedback import (
    COLOURS,
    FONT_SIZE,
    PATTERNS,
    SYMBOLS,
    _label,
    _layout,
    group_label,
)
from workshop.i18n import LOCALES, normalise_language, t
from workshop.prioritising import (
    SCALE_MAX,
    SCALE_MIN,
    GroupSummary,
    MatrixStats,
    RoundResults,
)
from workshop.waste import WasteResults

Row = tuple[str, dict[str, int]]  # (label, points per shown group)
AXIS_KEYS = {"prio.chart.dots": "prio.chart.dots_axis",
             "prio.chart.points": "prio.chart.points_axis"}


def fmt_median(value: float, lang: str) -> str:
    """A median: whole numbers plain, halves with one decimal in the user's locale."""
    pattern = "0" if float(value).is_integer() else "0.0"
    return format_decimal(value, format=pattern, locale=LOCALES[normalise_language(lang)])


def _hidden_note(groups: Sequence[GroupSummary], lang: str) -> list[str]:
    hidden = [group_label(g.group, lang) for g in groups if not g.shown]
    return [t("prio.chart.not_shown", lang, groups=", ".join(hidden))] if hidden else []


def _empty(figure: go.Figure, lang: str) -> None:
    figure.add_annotation(text=t("prio.chart.no_results", lang), xref="paper", yref="paper",
                          x=0.5, y=0.5, showarrow=False, font={"size": FONT_SIZE + 4})


def points_figure(title: str, rows: Sequence[Row], groups: Sequence[GroupSummary],
                  unit_key: str, lang: str) -> go.Figure:
    """Points (dots or Borda) per candidate, one bar per shown group."""
    figure = go.Figure()
    shown = [g.group for g in groups if g.shown]
    labels = [_label(label) for label, _points in rows]
    for group in shown:
        values = [points.get(group, 0) for _label_text, points in rows]
        texts = [t("prio.chart.bar", lang, group=group_label(group, lang),
                   value=t(unit_key, lang, count=v)) for v in values]
        figure.add_trace(go.Bar(
            x=values, y=labels, orientation="h", name=group_label(group, lang),
            text=texts, textposition="outside", cliponaxis=False,
            textfont={"size": FONT_SIZE - 2}, hoverinfo="text", hovertext=texts,
            marker={"color": COLOURS[group], "line": {"color": "#1a1a1a", "width": 1},
                    "pattern": {"shape": PATTERNS[group], "fgcolor": "white", "size": 10,
                                "solidity": 0.3}},
        ))
    top = max((p.get(g, 0) for _l, p in rows for g in shown), default=0)
    figure.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05)
    figure.update_xaxes(range=[0, max(top, 1) * 1.6], gridcolor="#d0d0d0", zeroline=True,
                        zerolinecolor="#1a1a1a", title={"text": t(AXIS_KEYS[unit_key], lang)})
    figure.update_yaxes(autorange="reversed", automargin=True)
    if not rows or not shown:
        _empty(figure, lang)
    height = 260 + max(1, len(rows)) * max(1, len(shown)) * 44
    return _layout(figure, title, height, _hidden_note(groups, lang))


def describe_points(title: str, rows: Sequence[Row], groups: Sequence[GroupSummary],
                    unit_key: str, lang: str) -> str:
    sentences = [t("prio.alt.intro", lang, title=title)]
    for summary in groups:
        name = group_label(summary.group, lang)
        if not summary.shown:
            sentences.append(t("prio.alt.group_suppressed", lang, group=name))
            continue
        ranked = sorted(rows, key=lambda row: -row[1].get(summary.group, 0))
        items = "; ".join(t("prio.alt.item", lang, label=label,
                            value=t(unit_key, lang, count=points.get(summary.group, 0)))
                          for label, points in ranked)
        sentences.append(t("prio.alt.group", lang, group=name, count=summary.respondents,
                           items=items or t("prio.alt.no_candidates", lang)))
    return " ".join(sentences)


def _round_rows(results: RoundResults) -> list[Row]:
    return [(r.text, r.points) for r in results.rows]


def _unit(results: RoundResults) -> str:
    return "prio.chart.dots" if results.method == "dots" else "prio.chart.points"


def round_figure(results: RoundResults, lang: str) -> go.Figure:
    """The chart of a dots or ranking round (see :func:`matrix_figure` for the matrix)."""
    if results.method == "matrix":
        return matrix_figure(results, lang)
    title = t(f"prio.chart.title_{results.method}", lang, title=results.title)
    return points_figure(title, _round_rows(results), results.groups, _unit(results), lang)


def describe_round(results: RoundResults, lang: str) -> str:
    if results.method == "matrix":
        return describe_matrix(results, lang)
    title = t(f"prio.chart.title_{results.method}", lang, title=results.title)
    return describe_points(title, _round_rows(results), results.groups, _unit(results), lang)


def _waste_label(category: str, free_category: str, text: str, lang: str) -> str:
    name = free_category if category == "free" else t(f"waste.{category}.name", lang)
    return f"{name}: {text}"


def waste_figure(results: WasteResults, lang: str) -> go.Figure:
    rows = [(_waste_label(r.category, r.free_category, r.text, lang), r.points)
            for r in results.rows]
    return points_figure(t("prio.chart.title_waste", lang, title=results.title), rows,
                         results.groups, "prio.chart.dots", lang)


def describe_waste(results: WasteResults, lang: str) -> str:
    rows = [(_waste_label(r.category, r.free_category, r.text, lang), r.points)
            for r in results.rows]
    return describe_points(t("prio.chart.title_waste", lang, title=results.title), rows,
                           results.groups, "prio.chart.dots", lang)


# Groups sit a little apart at the same point, so equal medians do not hide each other.
_OFFSETS = {"client": (-0.08, 0.08), "worker": (0.08, -0.08), "other": (0.0, 0.0)}


def matrix_figure(results: RoundResults, lang: str) -> go.Figure:
    """Median impact (up) against median effort (right), one marker shape per group;
    the candidates are numbered, the numbers explained in the text alternative."""
    figure = go.Figure()
    shown = [g.group for g in results.groups if g.shown]
    for group in shown:
        xs, ys, texts, hovers = [], [], [], []
        for number, row in enumerate(results.rows, 1):
            stats = row.matrix.get(group)
            if stats is None:
                continue
            dx, dy = _OFFSETS[group]
            xs.append(stats.effort_median + dx)
            ys.append(stats.impact_median + dy)
            texts.append(str(number))
            hovers.append(_label(f"{number}. {row.text}: " + _stats_text(stats, lang), 50))
        if not xs:
            continue
        figure.add_trace(go.Scatter(
            x=xs, y=ys, mode="markers+text", name=group_label(group, lang), text=texts,
            textposition="middle right", textfont={"size": FONT_SIZE}, hoverinfo="text",
            hovertext=hovers, cliponaxis=False,
            marker={"symbol": SYMBOLS[group], "size": 22, "color": COLOURS[group],
                    "line": {"color": "#1a1a1a", "width": 1}},
        ))
    middle = (SCALE_MIN + SCALE_MAX) / 2
    for kind, value in (("x", middle), ("y", middle)):
        line = {"type": "line", "line": {"color": "#555555", "dash": "dot", "width": 2}}
        if kind == "x":
            line.update(x0=value, x1=value, y0=SCALE_MIN - 0.5, y1=SCALE_MAX + 0.5)
        else:
            line.update(y0=value, y1=value, x0=SCALE_MIN - 0.5, x1=SCALE_MAX + 0.5)
        figure.add_shape(**line)
    figure.add_annotation(text=t("prio.chart.quick_wins", lang), x=SCALE_MIN - 0.4,
                          y=SCALE_MAX + 0.4, xanchor="left", showarrow=False,
                          font={"size": FONT_SIZE - 4, "color": "#333333"})
    ticks = list(range(SCALE_MIN, SCALE_MAX + 1))
    figure.update_xaxes(range=[SCALE_MIN - 0.5, SCALE_MAX + 0.5], tickvals=ticks,
                        title={"text": t("prio.chart.effort", lang)}, gridcolor="#e0e0e0")
    figure.update_yaxes(range=[SCALE_MIN - 0.5, SCALE_MAX + 0.5], tickvals=ticks,
                        title={"text": t("prio.chart.impact", lang)}, gridcolor="#e0e0e0")
    if not figure.data:
        _empty(figure, lang)
    title = t("prio.chart.title_matrix", lang, title=results.title)
    notes = _hidden_note(results.groups, lang) + [t("prio.chart.matrix_note", lang)]
    return _layout(figure, title, 680, notes)


def _stats_text(stats: MatrixStats, lang: str) -> str:
    return t("prio.alt.matrix_stats", lang,
             impact=fmt_median(stats.impact_median, lang),
             impact_low=stats.impact_range[0], impact_high=stats.impact_range[1],
             effort=fmt_median(stats.effort_median, lang),
             effort_low=stats.effort_range[0], effort_high=stats.effort_range[1],
             count=stats.count)


def describe_matrix(results: RoundResults, lang: str) -> str:
    sentences = [t("prio.alt.matrix_intro", lang, title=results.title, low=SCALE_MIN,
                   high=SCALE_MAX)]
    for summary in results.groups:
        name = group_label(summary.group, lang)
        if not summary.shown:
            sentences.append(t("prio.alt.group_suppressed", lang, group=name))
            continue
        parts = []
        for number, row in enumerate(results.rows, 1):
            stats = row.matrix.get(summary.group)
            parts.append(f"{number}. {row.text}: " + (
                _stats_text(stats, lang) if stats is not None
                else t("prio.alt.matrix_too_few", lang)))
        sentences.append(t("prio.alt.group", lang, group=name, count=summary.respondents,
                           items="; ".join(parts) or t("prio.alt.no_candidates", lang)))
    return " ".join(sentences)


def spread_text(counts: Sequence[int]) -> str:
    """How many chose 1..5, compactly: "1:0 2:1 3:0 4:1 5:1"."""
    return " ".join(f"{value}:{count}" for value, count in
                    zip(range(SCALE_MIN, SCALE_MAX + 1), counts, strict=True))
