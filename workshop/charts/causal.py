"""A causal map as an interactive Plotly network, and a scenario's rises and falls.

Arrows are annotations. Polarity shows by colour AND by a sign label (+ / −) on every link,
strength by line width, a delay by "‖" next to the sign; the factor kind by the marker
symbol (and the legend). Positions are the stored ones, so the picture never jumps. A loop
can be highlighted: its links are drawn bold and everything else fades.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from workshop.causal_maps import FactorView, LinkView, MapView, ScenarioView
from workshop.charts.labels import MINUS, safe, signed, wrapped
from workshop.i18n import t

POSITIVE = "#0072B2"  # blue (Okabe-Ito): colour-blind safe pair with vermillion
NEGATIVE = "#D55E00"
KIND_SYMBOLS = {
    "problem": "diamond",
    "cause": "circle",
    "effect": "square",
    "resource": "triangle-up",
    "solution": "star",
}
KIND_COLOURS = {
    "problem": "#CC79A7",
    "cause": "#E69F00",
    "effect": "#56B4E9",
    "resource": "#009E73",
    "solution": "#F0E442",
}
WIDTHS = {"weak": 1.5, "medium": 3.0, "strong": 5.0}
FONT_SIZE = 16
DELAY_MARK = "‖"


def sign_of(link: LinkView) -> str:
    return "+" if link.weight > 0 else MINUS


def link_label(link: LinkView) -> str:
    """The sign shown on a link: "+", "−", with "‖" for a delay."""
    return sign_of(link) + (f" {DELAY_MARK}" if link.delay else "")


def loop_links(members: Sequence[int]) -> set[tuple[int, int]]:
    return {(members[i], members[(i + 1) % len(members)]) for i in range(len(members))}


def _bounds(factors: Sequence[FactorView]) -> tuple[list[float], list[float], float]:
    xs = [f.x for f in factors] or [0.0]
    ys = [f.y for f in factors] or [0.0]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 0.5)
    pad = 0.18 * span
    return ([min(xs) - pad, max(xs) + pad], [min(ys) - pad * 1.4, max(ys) + pad], span)


def map_figure(view: MapView, lang: str = "fi", *, highlight: Sequence[int] = (),
               height: int = 640, show_hidden: bool = False) -> go.Figure:
    """The map with its stored positions; ``highlight`` = a loop's factor ids in order."""
    factors = view.factors if show_hidden else view.active_factors
    shown = {f.id for f in factors}
    links = [ln for ln in (view.links if show_hidden else view.active_links)
             if ln.source_id in shown and ln.target_id in shown]
    by_id = {f.id: f for f in factors}
    in_loop = loop_links(highlight) if highlight else set()
    members = set(highlight)
    x_range, y_range, span = _bounds(factors)
    fig = go.Figure()
    pairs = {(ln.source_id, ln.target_id) for ln in links}
    for link in links:
        _draw_link(fig, link, by_id, lang, span,
                   reciprocal=(link.target_id, link.source_id) in pairs,
                   emphasis=None if not highlight else
                   (link.source_id, link.target_id) in in_loop)
    for kind, symbol in KIND_SYMBOLS.items():
        chosen = [f for f in factors if f.kind == kind]
        if not chosen:
            continue
        opacity = [1.0 if not highlight or f.id in members else 0.3 for f in chosen]
        fig.add_trace(go.Scatter(
            x=[f.x for f in chosen], y=[f.y for f in chosen], mode="markers+text",
            name=t(f"maps.kind.{kind}", lang),
            text=[wrapped(f.label, 18, 3) for f in chosen], textposition="bottom center",
            textfont={"size": FONT_SIZE},
            hovertext=[f"{safe(f.label)}<br>{t(f'maps.kind.{f.kind}', lang)}" for f in chosen],
            hoverinfo="text", customdata=[f.id for f in chosen],
            marker={"symbol": symbol, "size": 26, "color": KIND_COLOURS[kind],
                    "opacity": opacity,
                    "line": {"color": "black", "width": [4 if f.id in members else 1.5
                                                         for f in chosen]}},
        ))
    for colour, sign, key in ((POSITIVE, "+", "maps.polarity.positive"),
                              (NEGATIVE, MINUS, "maps.polarity.negative")):
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines",
                                 line={"color": colour, "width": 4},
                                 name=f"{sign} {t(key, lang)}", hoverinfo="skip"))
    if not factors:
        fig.add_annotation(text=t("maps.chart.empty", lang), showarrow=False, x=0.5, y=0.5,
                           xref="paper", yref="paper", font={"size": FONT_SIZE + 2})
    fig.update_layout(
        title={"text": safe(view.title)}, height=height, font={"size": FONT_SIZE},
        showlegend=True, plot_bgcolor="white", dragmode="pan",
        legend={"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        hoverlabel={"font_size": FONT_SIZE},
    )
    fig.update_xaxes(visible=False, range=x_range)
    fig.update_yaxes(visible=False, range=y_range)
    return fig


def _draw_link(fig: go.Figure, link: LinkView, by_id: dict[int, FactorView], lang: str,
               span: float, *, reciprocal: bool, emphasis: bool | None) -> None:
    source, target = by_id[link.source_id], by_id[link.target_id]
    sx, sy, tx, ty = source.x, source.y, target.x, target.y
    if reciprocal:  # A->B and B->A side by side instead of on top of each other
        dx, dy = tx - sx, ty - sy
        length = max((dx * dx + dy * dy) ** 0.5, 1e-9)
        off = 0.025 * span
        ox, oy = -dy / length * off, dx / length * off
        sx, sy, tx, ty = sx + ox, sy + oy, tx + ox, ty + oy
    colour = POSITIVE if link.weight > 0 else NEGATIVE
    width = WIDTHS[link.strength] + (2.0 if emphasis else 0.0)
    opacity = 0.2 if emphasis is False else 1.0
    fig.add_annotation(
        x=tx, y=ty, ax=sx, ay=sy, xref="x", yref="y", axref="x", ayref="y", text="",
        showarrow=True, arrowhead=3, arrowsize=1.1, arrowwidth=width, arrowcolor=colour,
        standoff=16, startstandoff=16, opacity=opacity,
    )
    strength = t(f"maps.strength.{link.strength}", lang)
    delay = f", {t('maps.delay', lang)}" if link.delay else ""
    fig.add_annotation(
        x=sx + 0.55 * (tx - sx), y=sy + 0.55 * (ty - sy), xref="x", yref="y",
        text=f"<b>{link_label(link)}</b>", showarrow=False, opacity=opacity,
        font={"size": FONT_SIZE + 4, "color": colour}, bgcolor="rgba(255,255,255,0.85)",
        hovertext=f"{safe(source.label)} → {safe(target.label)}: {sign_of(link)} "
                  f"{strength}{delay}",
    )


def scenario_figure(scenario: ScenarioView, lang: str = "fi", *, limit: int = 20) -> go.Figure:
    """Horizontal bars: how much each factor rises (▲) or falls (▼) in the scenario."""
    moved = [c for c in scenario.changes if abs(c.change) >= 0.0005 or c.clamped]
    moved = sorted(moved, key=lambda c: -abs(c.change))[:limit]
    moved.sort(key=lambda c: c.change)
    labels = [wrapped(c.label, 28, 2) + (f" ({t('maps.scenario.pushed', lang)})"
                                          if c.clamped else "") for c in moved]
    fig = go.Figure(go.Bar(
        x=[c.change for c in moved], y=labels, orientation="h",
        marker={"color": [POSITIVE if c.change >= 0 else NEGATIVE for c in moved]},
        text=[("▲ " if c.change >= 0 else "▼ ") + signed(c.change, 2) for c in moved],
        textposition="auto", hoverinfo="skip",
    ))
    fig.update_layout(
        height=160 + 36 * max(len(moved), 1), font={"size": FONT_SIZE},
        margin={"l": 10, "r": 10, "t": 40, "b": 10}, plot_bgcolor="white",
        title={"text": t("maps.scenario.chart_title", lang)},
        xaxis={"title": {"text": t("maps.scenario.change", lang)}, "zeroline": True,
               "zerolinewidth": 2, "gridcolor": "#e5e5e5"},
    )
    if not moved:
        fig.add_annotation(text=t("maps.scenario.nothing_moves", lang), showarrow=False,
                           x=0.5, y=0.5, xref="paper", yref="paper")
    return fig
