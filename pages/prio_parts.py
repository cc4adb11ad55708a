"""Shared UI of prioritising, the waste workshop and Tuplatiimi: origins, results by role
group (side by side, never added up, small groups not shown) with their charts and text
alternatives, and saving several dot counts at once."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st
from sqlalchemy.orm import Session
from streamlit.errors import StreamlitAPIException

from pages.common import lang, plain, tr
from workshop.charts.feedback import group_label
from workshop.charts.prioritising import (
    describe_round,
    describe_waste,
    fmt_median,
    round_figure,
    spread_text,
    waste_figure,
)
from workshop.i18n import has
from workshop.prioritising import GroupSummary, OriginView, RoundResults
from workshop.waste import WasteResults


def refresh() -> None:
    """Redraw the live panel after an action (the whole page when not in a fragment rerun)."""
    try:
        st.rerun(scope="fragment")
    except StreamlitAPIException:
        st.rerun()


def type_name(record_type: str) -> str:
    key = f"trace.type.{record_type}"
    return tr(f"trace.type.{record_type}") if has(key) else record_type.replace("_", " ")


def origin_text(origin: OriginView) -> str:
    name = type_name(origin.record_type)
    if origin.status != "ok":
        return f"{name}: {tr(f'prio.origin_status.{origin.status}')}"
    hidden = f" ({tr('prio.origin_hidden')})" if origin.hidden else ""
    return f"{name}: {plain(origin.label)}{hidden}"


def kind_label(kind: str) -> str:
    return tr(f"prio.kind.{kind}")


def waste_category(category: str, free_category: str) -> str:
    return plain(free_category) if category == "free" else tr(f"waste.{category}.name")


def _group_header(summary: GroupSummary) -> bool:
    st.subheader(group_label(summary.group, lang()))
    if not summary.shown:
        st.info(tr("prio.results.suppressed"), icon=":material/visibility_off:")
        return False
    st.caption(tr("prio.results.respondents", count=summary.respondents))
    return True


def show_round_results(results: RoundResults, key: str) -> None:
    """Each group in its own column, then the chart and its text alternative."""
    if not results.rows:
        st.info(tr("prio.no_candidates"))
        return
    columns = st.columns(len(results.groups))
    for column, summary in zip(columns, results.groups, strict=True):
        with column:
            if not _group_header(summary):
                continue
            for number, row in enumerate(results.rows, 1):
                if results.method == "matrix":
                    stats = row.matrix.get(summary.group)
                    figures = tr("prio.results.too_few") if stats is None else tr(
                        "prio.results.matrix_line",
                        impact=fmt_median(stats.impact_median, lang()),
                        effort=fmt_median(stats.effort_median, lang()),
                        impact_spread=spread_text(stats.impact_counts),
                        effort_spread=spread_text(stats.effort_counts), count=stats.count)
                else:
                    unit = "prio.chart.dots" if results.method == "dots" else "prio.chart.points"
                    figures = tr(unit, count=row.points.get(summary.group, 0))
                st.markdown(f"{number}. {plain(row.text)}  \n{figures}")
    described = describe_round(results, lang())
    st.plotly_chart(round_figure(results, lang()), key=f"{key}_chart", theme=None,
                    config={"displaylogo": False}, alt=described.splitlines()[0])
    st.caption(plain(described))


def show_waste_results(results: WasteResults, key: str) -> None:
    if not results.rows:
        st.info(tr("waste_ws.none_yet"))
        return
    columns = st.columns(len(results.groups))
    for column, summary in zip(columns, results.groups, strict=True):
        with column:
            if not _group_header(summary):
                continue
            for row in sorted(results.rows, key=lambda r: -r.points.get(summary.group, 0)):
                st.markdown(f"{waste_category(row.category, row.free_category)}: "
                            f"{plain(row.text)}  \n"
                            + tr("prio.chart.dots", count=row.points.get(summary.group, 0)))
    described = describe_waste(results, lang())
    st.plotly_chart(waste_figure(results, lang()), key=f"{key}_chart", theme=None,
                    config={"displaylogo": False}, alt=described.splitlines()[0])
    st.caption(plain(described))


def apply_counts(session: Session, current: Mapping[int, int], wanted: Mapping[int, int],
                 setter: Callable[[Session, int, int], object]) -> None:
    """Set several counts in one unit of work: decreases first, so that moving dots from one
    target to another never passes through more than the limit."""
    changes = [(target, count) for target, count in wanted.items()
               if current.get(target, 0) != count]
    for target, count in sorted(changes, key=lambda c: c[1] - current.get(c[0], 0)):
        setter(session, target, count)
