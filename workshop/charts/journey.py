"""A service path as a journey chart: steps along the bottom, the experience curve above,
actors as swimlanes, critical points marked by a symbol, a dotted line and a word (not by
colour alone). Large type, so it reads on a projector; a legend below, so it fits a phone.

:func:`journey_text` is the text alternative: the same content as plain sentences.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from workshop.charts.labels import safe, signed, wrapped
from workshop.i18n import t
from workshop.paths import PathView, StepView

CRITICAL_COLOUR = "#B00020"
CURVE_COLOUR = "#0072B2"
LANE_COLOUR = "#555555"
CHANNEL_SYMBOLS = {
    "face_to_face": "circle",
    "phone": "diamond",
    "digital": "square",
    "letter": "triangle-up",
    "other": "hexagon",
}
FONT_SIZE = 16


def _steps(path: PathView) -> list[StepView]:
    return [s for s in path.steps if not s.hidden]


def lanes(path: PathView, lang: str = "fi") -> list[str]:
    """Swimlane names in order of first appearance (a step without an actor gets its own)."""
    found: list[str] = []
    for step in _steps(path):
        name = _lane(step, lang)
        if name not in found:
            found.append(name)
    return found


def _lane(step: StepView, lang: str) -> str:
    return step.actor_name.strip() or t("journey.no_actor", lang)


def _hover(number: int, step: StepView, lang: str) -> str:
    parts = [f"<b>{number}. </b>{wrapped(step.what, 50, 4)}",
             f"{t('field.step_actor', lang)}: {safe(_lane(step, lang))}",
             f"{t('field.step_channel', lang)}: {t(f'paths.channel.{step.channel}', lang)}"]
    if step.experience is not None:
        parts.append(f"{t('field.step_experience', lang)}: {signed(step.experience)}")
    if step.meaningful:
        parts.append(f"{t('field.step_meaningful', lang)}: {wrapped(step.meaningful, 50, 3)}")
    if step.difficult:
        parts.append(f"{t('field.step_difficult', lang)}: {wrapped(step.difficult, 50, 3)}")
    if step.critical:
        note = f": {wrapped(step.critical_note, 50, 3)}" if step.critical_note else ""
        parts.append(f"⚠ {t('journey.critical', lang)}{note}")
    return "<br>".join(parts)


def title_of(path: PathView, lang: str = "fi") -> str:
    variant = t(f"paths.variant.{path.variant}", lang)
    persona = f" · {path.persona_name}" if path.persona_name else ""
    return f"{path.title} ({variant}){persona}"


def journey_figure(path: PathView, lang: str = "fi") -> go.Figure:
    """The journey chart of one path (hidden steps left out)."""
    steps = _steps(path)
    names = lanes(path, lang)
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.06,
                        row_heights=[0.45, 0.55])
    numbers = list(range(1, len(steps) + 1))
    hovers = [_hover(n, s, lang) for n, s in zip(numbers, steps, strict=True)]
    fig.add_trace(go.Scatter(
        x=numbers, y=[s.experience for s in steps], name=t("journey.experience", lang),
        mode="lines+markers+text", connectgaps=False,
        text=[signed(s.experience) if s.experience is not None else "" for s in steps],
        textposition="top center", textfont={"size": FONT_SIZE},
        line={"color": CURVE_COLOUR, "width": 3}, marker={"size": 12, "color": CURVE_COLOUR},
        hovertext=hovers, hoverinfo="text",
    ), row=1, col=1)
    critical = [(n, s) for n, s in zip(numbers, steps, strict=True) if s.critical]
    if critical:
        fig.add_trace(go.Scatter(
            x=[n for n, _ in critical],
            y=[s.experience if s.experience is not None else 0 for _, s in critical],
            name="⚠ " + t("journey.critical", lang), mode="markers+text",
            text=["⚠ " + t("journey.critical_short", lang)] * len(critical),
            textposition="bottom center",
            textfont={"size": FONT_SIZE, "color": CRITICAL_COLOUR},
            marker={"symbol": "star", "size": 24, "color": CRITICAL_COLOUR,
                    "line": {"color": "black", "width": 1.5}},
            hovertext=[hovers[n - 1] for n, _ in critical], hoverinfo="text",
        ), row=1, col=1)
        for number, _step in critical:  # a dotted line through both the curve and the lanes
            fig.add_shape(type="line", x0=number, x1=number, xref="x", yref="paper", y0=0,
                          y1=1, line={"color": CRITICAL_COLOUR, "dash": "dot", "width": 2})
    fig.add_trace(go.Scatter(
        x=numbers, y=[_lane(s, lang) for s in steps], mode="lines", showlegend=False,
        line={"color": LANE_COLOUR, "width": 1.5, "dash": "dash"}, hoverinfo="skip",
        name=t("journey.actors", lang),
    ), row=2, col=1)
    for channel, symbol in CHANNEL_SYMBOLS.items():
        chosen = [(n, s) for n, s in zip(numbers, steps, strict=True) if s.channel == channel]
        if not chosen:
            continue
        fig.add_trace(go.Scatter(
            x=[n for n, _ in chosen], y=[_lane(s, lang) for _, s in chosen],
            name=t(f"paths.channel.{channel}", lang), mode="markers+text",
            text=[str(n) for n, _ in chosen], textposition="top center",
            textfont={"size": FONT_SIZE},
            marker={"symbol": symbol, "size": 18, "color": "white",
                    "line": {"color": LANE_COLOUR, "width": 2.5}},
            hovertext=[hovers[n - 1] for n, _ in chosen], hoverinfo="text",
        ), row=2, col=1)
    ticks = [f"{n}. {wrapped(s.what, 14, 2)}" for n, s in zip(numbers, steps, strict=True)]
    fig.update_xaxes(tickvals=numbers, ticktext=ticks, row=2, col=1,
                     range=[0.5, max(len(steps), 1) + 0.5], tickfont={"size": FONT_SIZE - 2})
    fig.update_xaxes(showticklabels=False, row=1, col=1)
    fig.update_yaxes(range=[-2.8, 2.8], tickvals=[-2, -1, 0, 1, 2],
                     ticktext=[signed(v) for v in (-2, -1, 0, 1, 2)], zeroline=True,
                     zerolinewidth=2, title={"text": t("journey.experience", lang)}, row=1, col=1)
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=names[::-1],
                     title={"text": t("journey.actors", lang)}, row=2, col=1,
                     tickvals=names, ticktext=[wrapped(n, 18, 2) for n in names])
    if not steps:
        fig.add_annotation(text=t("journey.no_steps", lang), showarrow=False, x=0.5, y=0.5,
                           xref="paper", yref="paper", font={"size": FONT_SIZE + 2})
    fig.update_layout(
        title={"text": safe(title_of(path, lang))},
        font={"size": FONT_SIZE},
        height=360 + 60 * max(len(names), 1),
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"orientation": "h", "yanchor": "top", "y": -0.22, "x": 0},
        plot_bgcolor="white",
        hoverlabel={"font_size": FONT_SIZE},
    )
    fig.update_xaxes(gridcolor="#e5e5e5")
    fig.update_yaxes(gridcolor="#e5e5e5")
    return fig


def journey_text(path: PathView, lang: str = "fi") -> str:
    """The chart as plain sentences (screen readers, memos): one line per step."""
    steps = _steps(path)
    lines = [t("journey.text.summary", lang, title=title_of(path, lang), count=len(steps),
               critical=sum(1 for s in steps if s.critical))]
    for number, step in enumerate(steps, start=1):
        parts = [f"{number}. {step.what}",
                 t("journey.text.by", lang, actor=_lane(step, lang),
                   channel=t(f"paths.channel.{step.channel}", lang))]
        if step.experience is not None:
            parts.append(t("journey.text.experience", lang, value=signed(step.experience)))
        if step.meaningful:
            parts.append(f"{t('field.step_meaningful', lang)}: {step.meaningful}")
        if step.difficult:
            parts.append(f"{t('field.step_difficult', lang)}: {step.difficult}")
        if step.critical:
            note = f": {step.critical_note}" if step.critical_note else ""
            parts.append(f"⚠ {t('journey.critical', lang)}{note}")
        lines.append(" · ".join(parts))
    return "\n".join(lines)
