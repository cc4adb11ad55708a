"""The causal map of a ``causal_map`` item in the meeting memo: the picture, the links as a
table, the feedback loops and the leverage points.

Which map: maps are workshop-level records. A ``causal_map`` activity works on the map the
facilitator attached to it, else on the workshop's newest map
(:func:`workshop.causal_maps.map_for_item`); the memo shows that same map, as it stands.
A hidden or withdrawn map is never shown (the newest visible one stands in, as on the
participants' screens), and hidden factors and links are left out of the picture, the table
and the analysis.

The picture is drawn from the stored positions by :func:`exports.map_png.map_png`; loops (R
reinforcing / B balancing, members in order) and leverage points come from
:func:`workshop.causal_maps.analyze_view`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exports.map_png import KIND_MARKERS, map_png
from exports.memo_sections._common import choice, place_of
from workshop import causal_maps
from workshop.access import Actor
from workshop.causal_maps import LoopView, MapView
from workshop.charts.causal import link_label
from workshop.meetings import AgendaItemView
from workshop.model_maps import CausalMapRecord

ACTIVITY_TYPES = ("causal_map",)
TOP_LEVERAGE = 5
MAX_LOOPS_LISTED = 20
PICTURE_WIDTH, PICTURE_HEIGHT = 1600, 1100


def map_for_memo(session: Session, actor: Actor, item_id: int) -> MapView | None:
    """The item's map: the visible one attached to the item, else the newest visible one."""
    place = place_of(session, actor, item_id)
    base = select(CausalMapRecord.id).where(CausalMapRecord.workshop_id == place.workshop_id,
                                            CausalMapRecord.withdrawn.is_(False),
                                            CausalMapRecord.hidden.is_(False))
    map_id = session.scalar(base.where(CausalMapRecord.agenda_item_id == item_id)
                            .order_by(CausalMapRecord.id.desc()).limit(1))
    if map_id is None:
        map_id = session.scalar(base.order_by(CausalMapRecord.id.desc()).limit(1))
    return causal_maps.get_map(session, actor, map_id) if map_id is not None else None


def _drawable(view: MapView) -> MapView:
    """The map with hidden parts dropped and any unknown factor kind drawn as a cause."""
    factors = tuple(f if f.kind in KIND_MARKERS else dataclasses.replace(f, kind="cause")
                    for f in view.active_factors)
    return dataclasses.replace(view, factors=factors, links=view.active_links)


def loop_line(b: Any, loop: LoopView) -> str:
    members = " → ".join((*loop.labels, loop.labels[0]))
    return b.t("maps.loop_line", kind=choice(b, f"maps.loop.{loop.kind.lower()}", loop.kind),
               members=members)


def render_map(b: Any, view: MapView, lang: str) -> None:
    shown = _drawable(view)
    labels = {f.id: f.label for f in shown.factors}
    b.heading(view.title, 3)
    if view.description:
        b.paragraph(view.description)
    b.paragraph(b.t("maps.live_count", factors=len(shown.factors), links=len(shown.links)),
                italic=True)
    if not shown.factors:
        b.paragraph(b.t("maps.chart.empty"), italic=True)
        return
    b.picture(map_png(shown, lang, width=PICTURE_WIDTH, height=PICTURE_HEIGHT),
              b.t("memo.map.alt", title=view.title, factors=len(shown.factors),
                  links=len(shown.links)))
    if shown.links:
        b.table([b.t("field.link_source"), b.t("field.link_target"),
                 b.t("field.link_polarity"), b.t("field.link_strength"), b.t("memo.map.delay")],
                [[labels[ln.source_id], labels[ln.target_id], link_label(ln),
                  choice(b, f"maps.strength.{ln.strength}", ln.strength),
                  b.t("memo.map.delayed") if ln.delay else ""] for ln in shown.links],
                widths=[5, 5, 1.8, 2.6, 2])
    analysis = causal_maps.analyze_view(shown)
    b.heading(b.t("maps.loops", count=len(analysis.loops)), 3)
    if analysis.loops:
        b.paragraph(b.t("maps.loops_help"), italic=True)
        b.bullets(loop_line(b, loop) for loop in analysis.loops[:MAX_LOOPS_LISTED])
        if len(analysis.loops) > MAX_LOOPS_LISTED:
            b.paragraph(b.t("memo.map.more_loops", count=len(analysis.loops) - MAX_LOOPS_LISTED),
                        italic=True)
    else:
        b.paragraph(b.t("maps.no_loops"), italic=True)
    for reason in analysis.truncated_reasons:
        b.paragraph(b.t(reason), italic=True)
    if analysis.leverage:
        b.heading(b.t("maps.leverage"), 3)
        lines = []
        for rank, score in enumerate(analysis.leverage[:TOP_LEVERAGE], start=1):
            line = b.t("maps.leverage_line", rank=rank, label=score.label,
                       kind=choice(b, f"maps.kind.{score.kind}", score.kind),
                       score=f"{score.score:.2f}")
            reasons = " ".join(choice(b, reason) for reason in score.reasons)
            lines.append(f"{line}\n{reasons}" if reasons else line)
        for line in lines:
            b.paragraph(line)


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    view = map_for_memo(session, actor, item.id)
    if view is None:
        return False
    render_map(doc_builder, view, lang)
    return True
