"""Facilitator: causal maps. Start one from the paths' critical points (or import a file),
edit factors and links by forms and as a table, and analyse: feedback loops (R/B, select one
to highlight it), leverage points with reasons, and "what if" scenarios. Download the map as
GraphML, CSV or PNG."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from exports.map_png import map_png
from pages.common import attempt, done, facilitator, flash, lang, plain, read, show_flash, tr
from pages.map_editor import factor_form, link_form, loop_sentence, picture, polarity_label
from pages.path_editor import path_name, pick_workshop
from workshop import causal_maps, paths
from workshop.analysis.causal import weight_from
from workshop.analysis.mapfiles import MapFileError
from workshop.causal_maps import FACTOR_KINDS, STRENGTHS, LinkRow, MapView
from workshop.charts.causal import scenario_figure

MAX_LOOPS_LISTED = 50
TOP_LEVERAGE = 10

me = facilitator()
st.title(tr("maps.title"))
show_flash()
st.caption(tr("maps.intro"))
workshop_id = pick_workshop(me)
listed = read(lambda s: causal_maps.list_maps(s, me, workshop_id)) or []
all_paths = read(lambda s: paths.list_paths(s, me, workshop_id)) or []

with st.expander(tr("maps.new"), expanded=not listed):
    with_points = [p for p in all_paths if p.critical_steps]
    path_names = {p.id: f"{path_name(p)} ({len(p.critical_steps)})" for p in with_points}
    with st.form("new_map"):
        title = st.text_input(tr("field.map_title"), max_chars=200, key="new_map_title")
        chosen_paths = st.multiselect(tr("field.from_paths"), list(path_names),
                                      format_func=lambda i: path_names[i],
                                      key="new_map_paths")
        if st.form_submit_button(tr("maps.create"), type="primary"):
            created = attempt(lambda s: causal_maps.create_map(s, me, workshop_id, title,
                                                               path_ids=chosen_paths))
            if created is not None:
                st.session_state["map_id"] = created.id
                flash(tr("maps.created", title=plain(created.title)))
                st.rerun()

with st.expander(tr("maps.import")), st.form("import_map"):
    import_title = st.text_input(tr("field.map_title"), max_chars=200, key="import_title")
    upload = st.file_uploader(tr("field.map_file"), type=["graphml", "xml", "csv", "txt"],
                              key="import_file")
    factors_upload = st.file_uploader(tr("field.factors_file"), type=["csv", "txt"],
                                      key="import_factors")
    if st.form_submit_button(tr("maps.import_button")) and upload is not None:
        data, name = upload.getvalue(), upload.name
        extra = factors_upload.getvalue() if factors_upload is not None else None
        try:
            imported = attempt(lambda s: causal_maps.import_map(
                s, me, workshop_id, import_title, data, filename=name, factors_data=extra))
        except MapFileError as error:
            detail = causal_maps.describe_file_error(error, lang())
            st.error(tr("maps.import.failed", detail=plain(detail)), icon=":material/error:")
        else:
            if imported is not None:
                st.session_state["map_id"] = imported.id
                flash(tr("maps.imported", factors=len(imported.factors),
                         links=len(imported.links)))
                st.rerun()

if not listed:
    st.info(tr("maps.none_yet"))
    st.stop()

ids = [m.id for m in listed]
names = {m.id: m.title for m in listed}
current = st.session_state.get("map_id")
map_id = st.selectbox(tr("maps.choose"), ids, index=ids.index(current) if current in ids else 0,
                      format_func=lambda i: names[i], key=f"map_pick_{'_'.join(map(str, ids))}")
st.session_state["map_id"] = map_id
view = read(lambda s: causal_maps.get_map(s, me, map_id))
if view is None:
    st.stop()
analysis = causal_maps.analyze_view(view)

# --- picture, with a loop to highlight ---------------------------------------------------
loops = analysis.loops[:MAX_LOOPS_LISTED]
loop_choice = st.selectbox(
    tr("maps.highlight"), [None, *range(len(loops))], key=f"highlight_{view.id}",
    format_func=lambda i: tr("maps.highlight_none") if i is None else loop_sentence(view,
                                                                                    loops[i]),
)
highlight = loops[loop_choice].factor_ids if loop_choice is not None else ()
picture(view, key=f"map_{view.id}", highlight=highlight)

left, right = st.columns(2)
with left:
    factor_form(me, view, item_id=None, title_key="maps.add_factor")
with right:
    link_form(me, view, item_id=None, title_key="maps.add_link")


# --- factors ------------------------------------------------------------------------------
def _origins() -> dict[int, str]:
    found = {}
    for p in all_paths:
        for number, step in enumerate(p.steps, start=1):
            found[step.id] = tr("maps.from_step", path=plain(p.title), number=number)
    return found


origins = _origins()
with st.expander(tr("maps.factors", count=len(view.factors))):
    for factor in view.factors:
        with st.container(border=True):
            badges = [tr(f"maps.kind.{factor.kind}")]
            if factor.proposed:
                badges.append(tr("maps.proposed"))
            if factor.hidden:
                badges.append(tr("paths.hidden"))
            if factor.step_id in origins:
                badges.append(origins[factor.step_id])
            st.markdown(f"**{plain(factor.label)}**")
            st.caption(" · ".join(badges))
            with st.form(f"factor_{factor.id}_{factor.version}"):
                cols = st.columns([3, 2])
                label = cols[0].text_input(tr("field.factor_label"), value=factor.label,
                                           max_chars=causal_maps.MAX_LABEL,
                                           key=f"edit_factor_label_{factor.id}_{factor.version}")
                kind = cols[1].selectbox(tr("field.factor_kind"), FACTOR_KINDS,
                                         index=FACTOR_KINDS.index(factor.kind),
                                         key=f"edit_factor_kind_{factor.id}_{factor.version}",
                                         format_func=lambda k: tr(f"maps.kind.{k}"))
                if st.form_submit_button(tr("action.save")) and done(
                        lambda s, f=factor, lb=label, k=kind: causal_maps.edit_factor(
                            s, me, f.id, f.version, label=lb, kind=k)):
                    flash(tr("maps.factor_saved"))
                    st.rerun()
            cols = st.columns(2)
            if cols[0].button(tr("maps.delete_factor"), key=f"del_factor_{factor.id}",
                              icon=":material/delete:") and done(
                    lambda s, f=factor: causal_maps.delete_factor(s, me, f.id, f.version)):
                flash(tr("maps.factor_deleted"))
                st.rerun()
            hide_key = "paths.unhide_step" if factor.hidden else "paths.hide_step"
            if cols[1].button(tr(hide_key), key=f"hide_factor_{factor.id}") and done(
                    lambda s, f=factor: causal_maps.set_factor_hidden(s, me, f.id, not f.hidden)):
                st.rerun()


# --- links as an editable table ------------------------------------------------------------
def _table(view: MapView) -> pd.DataFrame:
    rows = [{
        "id": link.id,
        "source": view.factor(link.source_id).label,
        "target": view.factor(link.target_id).label,
        "polarity": polarity_label(link.polarity),
        "strength": tr(f"maps.strength.{link.strength}"),
        "delay": link.delay,
    } for link in view.active_links]
    frame = pd.DataFrame(rows, columns=["id", "source", "target", "polarity", "strength",
                                        "delay"])
    return frame.astype({"id": "object", "delay": "bool"})


def _rows(frame: pd.DataFrame, view: MapView) -> list[LinkRow] | None:
    by_label = {f.label: f.id for f in view.active_factors}
    polarity = {polarity_label(p): p for p in (1, -1)}
    strength = {tr(f"maps.strength.{s}"): s for s in STRENGTHS}
    rows = []
    for record in frame.to_dict("records"):
        source, target = by_label.get(record["source"]), by_label.get(record["target"])
        sign, size = polarity.get(record["polarity"]), strength.get(record["strength"], "medium")
        if source is None or target is None or sign is None:
            return None
        link_id = None if pd.isna(record["id"]) else int(record["id"])
        rows.append(LinkRow(link_id, source, target, weight_from(sign, size),
                            bool(record["delay"]) if not pd.isna(record["delay"]) else False))
    return rows


with st.expander(tr("maps.links_table", count=len(view.active_links))):
    st.caption(tr("maps.links_table_help"))
    labels = [f.label for f in view.active_factors]
    stamp = abs(hash(tuple((ln.id, ln.version) for ln in view.active_links))) % 10**8
    edited = st.data_editor(
        _table(view), num_rows="dynamic", hide_index=True, key=f"links_{view.id}_{stamp}",
        column_order=["source", "target", "polarity", "strength", "delay"],
        column_config={
            "source": st.column_config.SelectboxColumn(tr("field.link_source"), options=labels,
                                                       required=True),
            "target": st.column_config.SelectboxColumn(tr("field.link_target"), options=labels,
                                                       required=True),
            "polarity": st.column_config.SelectboxColumn(
                tr("field.link_polarity"), options=[polarity_label(p) for p in (1, -1)],
                required=True),
            "strength": st.column_config.SelectboxColumn(
                tr("field.link_strength"),
                options=[tr(f"maps.strength.{s}") for s in STRENGTHS], default=tr(
                    "maps.strength.medium")),
            "delay": st.column_config.CheckboxColumn(tr("field.link_delay"), default=False),
        },
    )
    if st.button(tr("maps.save_table"), key=f"save_links_{view.id}", type="primary"):
        table_rows = _rows(edited, view)
        if table_rows is None:
            st.warning(tr("maps.table_incomplete"))
        else:
            shown = {ln.id: ln.version for ln in view.active_links}
            changed = attempt(lambda s: causal_maps.save_link_table(s, me, view.id, table_rows,
                                                                    shown))
            if changed is not None:
                flash(tr("maps.table_saved", count=changed))
                st.rerun()

# --- analysis ------------------------------------------------------------------------------
st.header(tr("maps.analysis"))
st.subheader(tr("maps.loops", count=len(analysis.loops)))
st.caption(tr("maps.loops_help"))
for reason in analysis.truncated_reasons:
    st.warning(tr(reason))
if not analysis.loops:
    st.info(tr("maps.no_loops"))
for loop in loops:
    st.markdown("- " + loop_sentence(view, loop))

st.subheader(tr("maps.leverage"))
for rank, score in enumerate(analysis.leverage[:TOP_LEVERAGE], start=1):
    st.markdown(tr("maps.leverage_line", rank=rank, label=plain(score.label),
                   kind=tr(f"maps.kind.{score.kind}"), score=f"{score.score:.2f}"))
    if score.reasons:
        st.caption(" ".join(tr(reason) for reason in score.reasons))

st.subheader(tr("maps.scenario"))
st.caption(tr("maps.scenario_help"))
factor_ids = [f.id for f in view.active_factors]
factor_names = {f.id: f.label for f in view.active_factors}
with st.form(f"scenario_{view.id}"):
    up = st.multiselect(tr("maps.scenario.up"), factor_ids, format_func=lambda i: factor_names[i],
                        key=f"scenario_up_{view.id}")
    down = st.multiselect(tr("maps.scenario.down"), factor_ids,
                          format_func=lambda i: factor_names[i], key=f"scenario_down_{view.id}")
    if st.form_submit_button(tr("maps.scenario.run")):
        clamps = {**{i: 1.0 for i in up}, **{i: -1.0 for i in down}}
        st.session_state[f"_scenario_{view.id}"] = clamps
        if not clamps:
            st.warning(tr("maps.scenario.choose_first"))
clamps = {i: v for i, v in st.session_state.get(f"_scenario_{view.id}", {}).items()
          if i in factor_names}
if clamps:
    scenario = read(lambda s: causal_maps.run_scenario(s, me, view.id, clamps))
    if scenario is not None:
        st.plotly_chart(scenario_figure(scenario, lang()), key=f"scenario_chart_{view.id}",
                        config={"displaylogo": False}, alt=tr("maps.scenario.chart_title"))
        rises = [plain(c.label) for c in scenario.changes if c.change > 0.005 and not c.clamped]
        falls = [plain(c.label) for c in scenario.changes if c.change < -0.005 and not c.clamped]
        if rises:
            st.markdown("▲ " + tr("maps.scenario.rises", labels=", ".join(rises)))
        if falls:
            st.markdown("▼ " + tr("maps.scenario.falls", labels=", ".join(reversed(falls))))
        if not scenario.converged:
            st.warning(tr("maps.scenario.not_converged"))

# --- files and housekeeping ----------------------------------------------------------------
st.subheader(tr("maps.export"))
cols = st.columns(4)
stem = f"kausaalikartta_{view.id}"
cols[0].download_button(tr("maps.export_graphml"), lambda: causal_maps.export_graphml(view),
                        file_name=f"{stem}.graphml", mime="application/graphml+xml",
                        on_click="ignore", key=f"dl_graphml_{view.id}")
cols[1].download_button(tr("maps.export_links_csv"), lambda: causal_maps.export_csv(view)[0],
                        file_name=f"{stem}_links.csv", mime="text/csv", on_click="ignore",
                        key=f"dl_links_{view.id}")
cols[2].download_button(tr("maps.export_factors_csv"),
                        lambda: causal_maps.export_csv(view)[1],
                        file_name=f"{stem}_factors.csv", mime="text/csv", on_click="ignore",
                        key=f"dl_factors_{view.id}")
cols[3].download_button(tr("maps.export_png"), lambda: map_png(view, lang()),
                        file_name=f"{stem}.png", mime="image/png", on_click="ignore",
                        key=f"dl_png_{view.id}")

cols = st.columns(2)
if cols[0].button(tr("maps.relayout"), key=f"relayout_{view.id}", icon=":material/autorenew:") \
        and done(lambda s: causal_maps.relayout(s, me, view.id)):
    st.rerun()
if cols[1].button(tr("maps.delete_map"), key=f"delete_map_{view.id}_{view.version}",
                  icon=":material/delete:") and done(
        lambda s: causal_maps.delete_map(s, me, view.id, view.version)):
    st.session_state.pop("map_id", None)
    flash(tr("maps.deleted"))
    st.rerun()
st.page_link("pages/paths.py", label=tr("maps.go_paths"), icon=":material/route:")
