"""Service paths in the meeting memo: each path as a step table and as a journey chart.

Which paths an item shows: paths are workshop-level records (they outlive the meeting), and
a ``service_path`` activity shows every path of the workshop on the live screens. A path (or
one of its steps) written from an activity carries that agenda item's id, so the memo shows
the paths **written or extended in this item**. When nothing carries the item's id (the
facilitator typed the paths on the paths page while the group talked, or prepared them), the
item shows the workshop's paths as they stand, with a line saying so.

Hidden and withdrawn paths and steps are left out; steps name actors (services, roles), never
participants. The journey chart is drawn in-process with matplotlib (no browser), with the
same conventions as the live chart (:mod:`workshop.charts.journey`): the experience curve
above, actors as swimlanes below, channels by marker shape, critical points by a star, a
dotted line and a word (not by colour alone).
"""

from __future__ import annotations

import io
import textwrap
import warnings
from typing import Any

from matplotlib.figure import Figure
from sqlalchemy import select
from sqlalchemy.orm import Session

from exports.docx_builder import clean
from exports.memo_sections._common import choice, place_of
from workshop import paths
from workshop.access import Actor
from workshop.charts.journey import (
    CRITICAL_COLOUR,
    CURVE_COLOUR,
    LANE_COLOUR,
    journey_text,
    lanes,
    title_of,
)
from workshop.charts.labels import signed
from workshop.i18n import t
from workshop.meetings import AgendaItemView
from workshop.model_paths import PathStep, ServicePath
from workshop.paths import PathView, StepView

ACTIVITY_TYPES = ("service_path",)
# matplotlib markers for the channels of workshop.charts.journey.CHANNEL_SYMBOLS
CHANNEL_MARKERS = {"face_to_face": "o", "phone": "D", "digital": "s", "letter": "^",
                   "other": "h"}


def _shown_steps(path: PathView) -> list[StepView]:
    return [s for s in path.steps if not s.hidden]


def paths_for_item(session: Session, actor: Actor, item_id: int) -> tuple[list[PathView], bool]:
    """(paths, written here): the visible paths written in the item, else all of them."""
    place = place_of(session, actor, item_id)
    listed = [p for p in paths.list_paths(session, actor, place.workshop_id) if not p.hidden]
    here = set(session.scalars(select(ServicePath.id).where(
        ServicePath.workshop_id == place.workshop_id, ServicePath.agenda_item_id == item_id)))
    here |= set(session.scalars(select(PathStep.path_id).where(
        PathStep.agenda_item_id == item_id, PathStep.withdrawn.is_(False),
        PathStep.hidden.is_(False))))
    written = [p for p in listed if p.id in here]
    return (written, True) if written else (listed, False)


def _short(text: str, width: int, lines: int = 2) -> str:
    wrapped = textwrap.wrap(clean(text), width) or [""]
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], wrapped[lines - 1][: width - 1] + "…"]
    return "\n".join(wrapped)


def _ticks(steps: list[StepView]) -> list[str]:
    return [f"{n}. {_short(s.what, 16)}" for n, s in enumerate(steps, start=1)]


def journey_png(path: PathView, lang: str = "fi", *, width_in: float = 10.0,
                dpi: int = 120) -> bytes:
    """The journey chart of one path as PNG bytes (hidden steps left out).

    Margins are fixed rather than computed by a layout engine: a memo with many paths stays
    quick to build.
    """
    steps = _shown_steps(path)
    names = lanes(path, lang)
    lane_of = {name: index for index, name in enumerate(reversed(names))}
    curve_in, lane_in, bottom_in, top_in = 2.4, 0.5 + 0.45 * max(len(names), 1), 1.25, 0.45
    height = curve_in + lane_in + bottom_in + top_in + 0.3
    fig = Figure(figsize=(width_in, height), dpi=dpi)
    fig.subplots_adjust(left=0.17, right=0.98, top=1 - top_in / height,
                        bottom=bottom_in / height, hspace=0.3 / ((curve_in + lane_in) / 2))
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[curve_in, lane_in])
    numbers = list(range(1, len(steps) + 1))
    rated = [(n, s.experience) for n, s in zip(numbers, steps, strict=True)
             if s.experience is not None]
    top.axhline(0, color="#999999", linewidth=1)
    if rated:
        top.plot([n for n, _ in rated], [v for _, v in rated], color=CURVE_COLOUR,
                 linewidth=2.5, marker="o", markersize=7, zorder=3)
        for n, value in rated:
            top.annotate(signed(value), (n, value), textcoords="offset points", xytext=(0, 11),
                         ha="center", fontsize=10, color=CURVE_COLOUR)
    for n, step in zip(numbers, steps, strict=True):
        if not step.critical:
            continue
        y = step.experience if step.experience is not None else 0
        for axes in (top, bottom):
            axes.axvline(n, color=CRITICAL_COLOUR, linestyle=":", linewidth=1.8, zorder=1)
        top.plot([n], [y], marker="*", markersize=17, color=CRITICAL_COLOUR,
                 markeredgecolor="black", zorder=4, linestyle="none")
        top.annotate("⚠ " + t("journey.critical_short", lang), (n, y),
                     textcoords="offset points", xytext=(0, -18), ha="center", fontsize=9,
                     color=CRITICAL_COLOUR)
    top.set_ylim(-3.4, 2.9)
    top.set_yticks([-2, -1, 0, 1, 2], [signed(v) for v in (-2, -1, 0, 1, 2)])
    top.set_ylabel(t("journey.experience", lang))
    top.grid(axis="y", color="#e5e5e5")
    top.spines[["top", "right"]].set_visible(False)
    top.set_title(clean(title_of(path, lang)), loc="left", fontsize=12)
    if steps:
        ys = [lane_of[_lane(s, lang)] for s in steps]
        bottom.plot(numbers, ys, color=LANE_COLOUR, linestyle="--", linewidth=1.2, zorder=1)
        for channel, marker in CHANNEL_MARKERS.items():
            chosen = [(n, y) for n, y, s in zip(numbers, ys, steps, strict=True)
                      if s.channel == channel]
            if chosen:
                bottom.plot([n for n, _ in chosen], [y for _, y in chosen], marker=marker,
                            markersize=10, color="white", markeredgecolor=LANE_COLOUR,
                            markeredgewidth=2, linestyle="none", zorder=3,
                            label=t(f"paths.channel.{channel}", lang))
        odd = [(n, y) for n, y, s in zip(numbers, ys, steps, strict=True)
               if s.channel not in CHANNEL_MARKERS]
        if odd:
            bottom.plot([n for n, _ in odd], [y for _, y in odd], marker="o", markersize=10,
                        color="white", markeredgecolor=LANE_COLOUR, linestyle="none")
        fig.legend(loc="lower center", ncol=5, frameon=False, fontsize=9)
        bottom.set_xticks(numbers, _ticks(steps), fontsize=8)
        bottom.set_xlim(0.5, len(steps) + 0.5)
    else:
        top.text(0.5, 0.5, t("journey.no_steps", lang), transform=top.transAxes, ha="center",
                 fontsize=12)
    bottom.set_yticks(list(range(len(names))),
                      [_short(n, 18) for n in reversed(names)],
                      fontsize=9)
    bottom.set_ylim(-0.6, max(len(names), 1) - 0.4)
    bottom.set_ylabel(t("journey.actors", lang))
    bottom.spines[["top", "right"]].set_visible(False)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a missing glyph (emoji) is drawn as a box, not fatal
        fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def _lane(step: StepView, lang: str) -> str:
    return step.actor_name.strip() or t("journey.no_actor", lang)


def _step_rows(b: Any, steps: list[StepView]) -> list[list[str]]:
    rows = []
    for number, step in enumerate(steps, start=1):
        critical = ""
        if step.critical:
            critical = "⚠ " + b.t("journey.critical")
            if step.critical_note:
                critical += f": {step.critical_note}"
        rows.append([
            str(number), step.what, step.actor_name or "–",
            choice(b, f"paths.channel.{step.channel}", step.channel),
            step.meaningful, step.difficult,
            signed(step.experience) if step.experience is not None else "–",
            critical,
        ])
    return rows


def render_path(b: Any, path: PathView, lang: str) -> None:
    steps = _shown_steps(path)
    b.heading(title_of(path, lang), 3)
    critical = sum(1 for s in steps if s.critical)
    b.paragraph(b.t("memo.path.counts", steps=len(steps), critical=critical), italic=True)
    if not steps:
        b.paragraph(b.t("journey.no_steps"), italic=True)
        return
    b.table([b.t("memo.number"), b.t("memo.path.step"), b.t("field.step_actor"),
             b.t("field.step_channel"), b.t("field.step_meaningful"),
             b.t("field.step_difficult"), b.t("memo.path.experience"),
             b.t("journey.critical")],
            _step_rows(b, steps), widths=[0.9, 3.6, 2.2, 1.8, 2.6, 2.6, 1.5, 2.4])
    summary = journey_text(path, lang).split("\n", 1)[0]
    b.picture(journey_png(path, lang), b.t("memo.path.chart_alt", summary=summary))


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    shown, written_here = paths_for_item(session, actor, item.id)
    if not shown:
        return False
    if not written_here:
        doc_builder.paragraph(doc_builder.t("memo.path.workshop_paths"), italic=True)
    for path in shown:
        render_path(doc_builder, path, lang)
    return True
