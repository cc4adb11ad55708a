"""Evaluation charts: client outcomes, NPS, the four-field evaluation and the cost break-even
(meeting feedback over the meetings is drawn by :mod:`workshop.charts.feedback`).

Made for a projector: large type, few elements, a colour-blind safe palette (Okabe–Ito), and
every value written on the chart as text, with patterns telling the series apart as well, so
nothing depends on colour. Each ``*_figure`` has a ``*_text`` twin giving the same content as
plain sentences (shown beside the chart for screen readers and for the minutes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import plotly.graph_objects as go
from babel.numbers import format_currency, format_decimal

from workshop.evaluation import (
    ENTRY_KINDS,
    FIELDS,
    NPS_GROUPS,
    NPS_MIN_ANSWERS,
    RATINGS,
    BreakEvenResult,
    NpsResult,
    OutcomePoint,
)
from workshop.evaluation import percent as evaluation_percent
from workshop.i18n import LOCALES, normalise_language, t

FONT_SIZE = 20
TITLE_SIZE = 26
# Okabe–Ito colours with the text colour that reads on each.
RATING_STYLE = {
    "better": ("#009E73", "#000000", ""),
    "same": ("#F0E442", "#000000", "."),
    "worse": ("#D55E00", "#000000", "x"),
    "unrated": ("#BBBBBB", "#000000", "-"),
}
NPS_STYLE = {
    "detractors": ("#D55E00", "#000000", "x"),
    "passives": ("#F0E442", "#000000", "."),
    "promoters": ("#009E73", "#000000", ""),
}
KIND_STYLE = {
    "measure": ("#0072B2", "#FFFFFF", ""),
    "finding": ("#E69F00", "#000000", "/"),
    "change": ("#009E73", "#000000", "x"),
}


def _layout(figure: go.Figure, title: str, **extra: Any) -> go.Figure:
    settings: dict[str, Any] = {
        "title": {"text": title, "font": {"size": TITLE_SIZE}},
        "font": {"size": FONT_SIZE, "color": "#000000"},
        "xaxis": {"tickfont": {"size": FONT_SIZE}, "automargin": True},
        "yaxis": {"tickfont": {"size": FONT_SIZE}, "automargin": True},
        "paper_bgcolor": "#FFFFFF", "plot_bgcolor": "#FFFFFF",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0,
                   "font": {"size": FONT_SIZE}, "traceorder": "normal"},
        "margin": {"l": 20, "r": 20, "t": 110, "b": 40},
    }
    settings.update(extra)
    figure.update_layout(**settings)
    return figure


def _pattern(shape: Any) -> dict[str, Any]:
    """A pattern drawn over the bar's colour (not replacing it): series differ by colour and
    by pattern, so a grey-scale print or colour-blind viewer still tells them apart."""
    return {"shape": shape, "fillmode": "overlay", "fgcolor": "#000000", "fgopacity": 0.3,
            "size": 12, "solidity": 0.25}


def _bar_text(name: str, value: str, share: Decimal) -> str:
    """A segment's label: with the series name where there is room, the value alone in a
    narrow segment (the legend, the pattern and the text alternative name it)."""
    return f"{name} {value}" if share >= 30 else value


def _locale(lang: str) -> str:
    return LOCALES[normalise_language(lang)]


def fmt_money(value: Decimal, lang: str) -> str:
    return format_currency(value, "EUR", locale=_locale(lang))


def fmt_percent(value: Decimal, lang: str) -> str:
    return t("chart.percent", lang, value=format_decimal(value, locale=_locale(lang)))


def point_label(months: int, lang: str) -> str:
    if months == 0:
        return t("chart.outcomes.at_end", lang)
    return t("chart.outcomes.after_months", lang, months=months)


# --- client outcomes ---------------------------------------------------------------------------


def outcomes_figure(points: Sequence[OutcomePoint], lang: str) -> go.Figure:
    """Stacked bars per follow-up point: better, same, worse (count and share on each)."""
    figure = go.Figure()
    labels = [point_label(p.months, lang) for p in points]
    series = list(RATINGS) + (["unrated"] if any(p.unrated for p in points) else [])
    for rating in series:
        colour, text_colour, pattern = RATING_STYLE[rating]
        name = t(f"chart.rating.{rating}", lang)
        values = [_count(p, rating) for p in points]
        figure.add_bar(
            name=name, orientation="h", y=labels, x=values,
            text=[_bar_text(name, f"{v} ({fmt_percent(evaluation_percent(v, p.total), lang)})",
                            evaluation_percent(v, p.total)) if v else ""
                  for v, p in zip(values, points, strict=True)],
            textposition="inside", insidetextanchor="middle", textangle=0,
            textfont={"size": FONT_SIZE, "color": text_colour},
            marker={"color": colour, "line": {"color": "#000000", "width": 1},
                    "pattern": _pattern(pattern)},
        )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(title={"text": t("chart.outcomes.axis", lang)}, dtick=5)
    return _layout(figure, t("chart.outcomes.title", lang), barmode="stack",
                   height=180 + 110 * max(1, len(points)))


def _count(point: OutcomePoint, rating: str) -> int:
    return point.unrated if rating == "unrated" else point.counts[rating]


def outcomes_text(points: Sequence[OutcomePoint], lang: str) -> str:
    if not points:
        return t("chart.outcomes.none", lang)
    lines = []
    for p in points:
        rated = list(RATINGS) if p.total > p.unrated else []
        series = rated + (["unrated"] if p.unrated else [])
        parts = ", ".join(
            t("chart.outcomes.part", lang, rating=t(f"chart.rating.{r}", lang),
              count=_count(p, r), share=fmt_percent(evaluation_percent(_count(p, r), p.total),
                                                    lang))
            for r in series)
        line = t("chart.outcomes.line", lang, point=point_label(p.months, lang), total=p.total,
                 parts=parts)
        if p.placed_total:
            line += " " + t("chart.outcomes.placed", lang, count=p.placed_total,
                            share=fmt_percent(p.placed_share, lang))
        if p.still_client or p.service_ended:
            line += " " + t("chart.outcomes.status", lang, still=p.still_client,
                            ended=p.service_ended)
        lines.append(line)
    return "\n".join(lines)


# --- Net Promoter Score ------------------------------------------------------------------------


def _nps_value(result: NpsResult) -> str:
    value = result.rounded
    return f"{value:+d}" if value else "0"


def nps_figure(results: Mapping[str, NpsResult], lang: str, title: str = "") -> go.Figure:
    """Per respondent group a 100 % bar of detractors, passives and promoters, with the score
    written beside it; a group with too few answers shows only its answer count."""
    figure = go.Figure()
    groups = [g for g in NPS_GROUPS if g in results]
    labels = [t(f"chart.nps.group.{g}", lang) for g in groups]
    for part in ("detractors", "passives", "promoters"):
        colour, text_colour, pattern = NPS_STYLE[part]
        name = t(f"chart.nps.{part}", lang)
        shares = [results[g].share(part) if results[g].shown else Decimal(0) for g in groups]
        figure.add_bar(
            name=name, orientation="h", y=labels, x=[float(s) for s in shares],
            text=[_bar_text(name, fmt_percent(s, lang), s) if s else "" for s in shares],
            textposition="inside", insidetextanchor="middle", textangle=0,
            textfont={"size": FONT_SIZE, "color": text_colour},
            marker={"color": colour, "line": {"color": "#000000", "width": 1},
                    "pattern": _pattern(pattern)},
        )
    for label, group in zip(labels, groups, strict=True):
        result = results[group]
        text = (t("chart.nps.score", lang, score=_nps_value(result), answers=result.answers)
                if result.shown else
                t("chart.nps.too_few", lang, answers=result.answers, minimum=NPS_MIN_ANSWERS))
        figure.add_annotation(x=100, y=label, xanchor="left", showarrow=False, text=text,
                              font={"size": FONT_SIZE + 2})
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(range=[0, 100], title={"text": t("chart.nps.axis", lang)})
    return _layout(figure, title or t("chart.nps.title", lang), barmode="stack",
                   height=200 + 120 * max(1, len(groups)),
                   margin={"l": 20, "r": 260, "t": 110, "b": 40})


def nps_text(results: Mapping[str, NpsResult], lang: str) -> str:
    lines = []
    for group in NPS_GROUPS:
        if group not in results:
            continue
        result = results[group]
        name = t(f"chart.nps.group.{group}", lang)
        if not result.shown:
            lines.append(t("chart.nps.text_too_few", lang, group=name, answers=result.answers,
                           minimum=NPS_MIN_ANSWERS))
            continue
        lines.append(t(
            "chart.nps.text", lang, group=name, score=_nps_value(result),
            answers=result.answers, promoters=result.promoters,
            promoters_share=fmt_percent(result.share("promoters"), lang),
            passives=result.passives, detractors=result.detractors,
            detractors_share=fmt_percent(result.share("detractors"), lang)))
    return "\n".join(lines) or t("chart.nps.none", lang)


# --- four-field evaluation ---------------------------------------------------------------------


def four_field_figure(entries: Mapping[str, Mapping[str, Sequence[Any]]], lang: str
                      ) -> go.Figure:
    """How many measures, findings and changes each field has."""
    figure = go.Figure()
    labels = [t(f"evaluation.field.{f}.short", lang) for f in FIELDS]
    for kind in ENTRY_KINDS:
        colour, text_colour, pattern = KIND_STYLE[kind]
        counts = [len(entries.get(f, {}).get(kind, ())) for f in FIELDS]
        figure.add_bar(
            name=t(f"chart.four_field.{kind}", lang), x=labels, y=counts,
            text=[str(c) for c in counts], textposition="outside",
            textfont={"size": FONT_SIZE},
            marker={"color": colour, "line": {"color": "#000000", "width": 1},
                    "pattern": _pattern(pattern)},
        )
    figure.update_yaxes(title={"text": t("chart.four_field.axis", lang)}, dtick=1,
                        rangemode="tozero")
    return _layout(figure, t("chart.four_field.title", lang), barmode="group", height=520)


def four_field_text(entries: Mapping[str, Mapping[str, Sequence[Any]]], lang: str) -> str:
    lines = []
    for f in FIELDS:
        counts = {kind: len(entries.get(f, {}).get(kind, ())) for kind in ENTRY_KINDS}
        lines.append(t("chart.four_field.text", lang, field=t(f"evaluation.field.{f}", lang),
                       measures=counts["measure"], findings=counts["finding"],
                       changes=counts["change"]))
    return "\n".join(lines)


# --- cost break-even ---------------------------------------------------------------------------


def break_even_counts(result: BreakEvenResult) -> list[int]:
    """Counts on the chart: from 0 to a little past the break-even and the actual count."""
    top = max(result.cases_to_break_even * 2, (result.count or 0) + 2, 4)
    return list(range(0, min(top, 60) + 1))


def break_even_figure(result: BreakEvenResult, lang: str, case_label: str = "") -> go.Figure:
    """Net saving (+) or cost (−) a year for each number of prevented cases."""
    counts = break_even_counts(result)
    savings = [result.saving_at(n) for n in counts]
    label = case_label or t("chart.break_even.cases", lang)
    figure = go.Figure()
    figure.add_bar(
        name=t("chart.break_even.saving", lang), x=counts, y=[float(s) for s in savings],
        text=[t("chart.break_even.bar_even" if s == 0 else "chart.break_even.bar_plus"
                if s > 0 else "chart.break_even.bar_minus", lang) for s in savings],
        textposition="outside", textfont={"size": FONT_SIZE},
        marker={"color": ["#009E73" if s >= 0 else "#D55E00" for s in savings],
                "line": {"color": "#000000", "width": 1},
                "pattern": _pattern(["" if s >= 0 else "x" for s in savings])},
        hovertext=[fmt_money(s, lang) for s in savings], hoverinfo="text",
    )
    figure.add_vline(x=result.cases_to_break_even, line={"color": "#000000", "dash": "dash",
                                                         "width": 3})
    figure.add_annotation(
        x=result.cases_to_break_even, y=1, yref="paper", yanchor="bottom", showarrow=False,
        text=t("chart.break_even.line", lang, count=result.cases_to_break_even, label=label),
        font={"size": FONT_SIZE + 2}, bgcolor="#FFFFFF")
    if result.count is not None and result.net_saving is not None and result.count in counts:
        figure.add_annotation(
            x=result.count, y=float(result.net_saving), showarrow=True, arrowhead=2,
            ax=0, ay=-60, font={"size": FONT_SIZE}, bgcolor="#FFFFFF",
            text=t("chart.break_even.actual", lang, count=result.count,
                   saving=fmt_money(result.net_saving, lang)))
    figure.update_xaxes(title={"text": t("chart.break_even.axis_x", lang, label=label)},
                        dtick=1 if len(counts) <= 21 else 5)
    figure.update_yaxes(title={"text": t("chart.break_even.axis_y", lang)},
                        zeroline=True, zerolinecolor="#000000", zerolinewidth=2,
                        tickformat=",.0f")
    return _layout(figure, t("chart.break_even.title", lang), height=560, showlegend=False,
                   separators=", " if normalise_language(lang) == "fi" else ".,",
                   margin={"l": 120, "r": 20, "t": 130, "b": 40})


def break_even_text(result: BreakEvenResult, lang: str, case_label: str = "") -> str:
    label = case_label or t("chart.break_even.cases", lang)
    lines = [t("chart.break_even.text", lang, cost=fmt_money(result.yearly_cost, lang),
               case_cost=fmt_money(result.case_cost, lang), label=label,
               count=result.cases_to_break_even,
               ratio=format_decimal(result.ratio_rounded, locale=_locale(lang)))]
    if result.count is not None and result.net_saving is not None \
            and result.gross_avoided is not None:
        key = "chart.break_even.text_saving" if result.net_saving >= 0 \
            else "chart.break_even.text_loss"
        lines.append(t(key, lang, count=result.count, label=label,
                       gross=fmt_money(result.gross_avoided, lang),
                       net=fmt_money(abs(result.net_saving), lang)))
    if result.cost_per_client is not None:
        lines.append(t("chart.break_even.text_per_client", lang,
                       cost=fmt_money(result.cost_per_client, lang)))
    return "\n".join(lines)
