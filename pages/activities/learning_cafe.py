"""Learning café: stations with a question and a host, groups that rotate on the
facilitator's signal, notes that build up at each station, and the hosts' summaries."""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitAPIException

from pages.activities import ActivityContext, cached
from pages.common import attempt, done, flash, form_key, plain, renew_form_key, role_label, tr
from pages.group_panel import facilitator_groups
from workshop import cafe, participants
from workshop.cafe import (
    MAX_CAFE_NOTE_LENGTH,
    MAX_QUESTION_LENGTH,
    MAX_SUMMARY_LENGTH,
    CafeNoteView,
    CafeView,
    MyCafe,
    StationView,
)

ACTIVITY_TYPES = ("learning_cafe",)


def _group_name(number: int | None, name: str = "") -> str:
    if number is None:
        return tr("cafe.no_group_label")
    return plain(name) if name else tr("groups.group_number", number=number)


def _station_title(station: StationView) -> str:
    return f"{tr('cafe.station_number', number=station.position + 1)}: {plain(station.question)}"


def _note_caption(note: CafeNoteView, with_name: bool) -> str:
    who = role_label(note.author.role)
    if with_name and note.author.name:
        who = f"{plain(note.author.name)} · {who}"
    meta = tr("cafe.note_meta", round=note.round + 1, group=_group_name(note.group_number))
    return f"{meta} · {who}"


def _show_notes(notes: tuple[CafeNoteView, ...], *, with_name: bool) -> None:
    if not notes:
        st.caption(tr("cafe.no_notes_yet"))
    for note in notes:
        with st.container(border=True):
            st.markdown(plain(note.text))
            st.caption(_note_caption(note, with_name))


def _show_summaries(stations: tuple[StationView, ...]) -> None:
    for station in stations:
        with st.container(border=True):
            st.markdown(f"**{_station_title(station)}**")
            if station.summary:
                st.markdown(plain(station.summary))
            else:
                st.caption(tr("cafe.no_summary"))


# --- participant --------------------------------------------------------------------------------

def _drawn_slot(ctx: ActivityContext) -> str:
    return f"_cafe_drawn_{ctx.item.id}"


def _where(mine: MyCafe) -> tuple[object, ...]:
    """What the participant's form depends on: when it changes the page is redrawn."""
    station = mine.station
    return (mine.set_up, mine.round, mine.finished, mine.role,
            station.id if station else None,
            station.summary_version if station and mine.role == "host" else None)


def participant_input(ctx: ActivityContext) -> None:
    item_id = ctx.item.id
    # A writing unit: someone arriving after the groups were formed is placed in one.
    mine = attempt(lambda s: cafe.join_cafe(s, ctx.actor, item_id))
    if mine is None:
        return
    st.session_state[_drawn_slot(ctx)] = _where(mine)
    if mine.finished:
        st.success(tr("cafe.finished"))
        return
    if mine.station is None:
        st.info(tr("cafe.waiting"))
        return
    station = mine.station
    st.markdown(f"**{tr('cafe.round_of', round=mine.round + 1, rounds=mine.rounds)}**")
    if mine.role == "host":
        st.markdown(tr("cafe.you_host", number=station.position + 1))
        st.caption(tr("cafe.host_hint"))
    else:
        assert mine.group is not None
        st.markdown(f"{_group_name(mine.group.number, mine.group.name)} · "
                    + tr("cafe.you_are_at", number=station.position + 1))
    st.subheader(plain(station.question))
    if not ctx.item.contributions_open:
        st.caption(tr("participate.contributions_closed"))
        return
    _note_form(ctx, mine, station)
    if mine.role == "host":
        _summary_form(ctx, station)


def _note_form(ctx: ActivityContext, mine: MyCafe, station: StationView) -> None:
    item_id = ctx.item.id
    generation = st.session_state.get("_cafe_note_generation", 0)
    with st.form(f"cafe_note_form_{item_id}", border=True):
        text = st.text_area(tr("cafe.write_note"),
                            key=f"cafe_note_{item_id}_{station.id}_{mine.round}_{generation}",
                            max_chars=MAX_CAFE_NOTE_LENGTH,
                            placeholder=tr("cafe.note_placeholder"))
        if st.form_submit_button(tr("participate.send"), type="primary", width="stretch"):
            name = f"cafe_note_{item_id}"
            saved = attempt(lambda s: cafe.add_cafe_note(
                s, ctx.actor, item_id, station.id, mine.round, text, client_key=form_key(name)))
            if saved is not None:
                renew_form_key(name)
                st.session_state["_cafe_note_generation"] = generation + 1
                flash(tr("participate.saved"))
                st.rerun()


def _summary_form(ctx: ActivityContext, station: StationView) -> None:
    with st.form(f"cafe_summary_{station.id}_{station.summary_version}", border=True):
        text = st.text_area(tr("field.cafe_summary"), value=station.summary,
                            key=f"cafe_summary_text_{station.id}_{station.summary_version}",
                            max_chars=MAX_SUMMARY_LENGTH, height=160)
        if st.form_submit_button(tr("action.save")) and attempt(
            lambda s: cafe.write_summary(s, ctx.actor, station.id, station.summary_version, text)
        ) is not None:
            flash(tr("cafe.summary_saved"))
            st.rerun()


def participant_live(ctx: ActivityContext) -> None:
    mine = cached("cafe_mine", ctx, lambda s: cafe.my_cafe(s, ctx.actor, ctx.item.id))
    if mine is None:
        return
    drawn = st.session_state.get(_drawn_slot(ctx))
    if drawn is not None and drawn != _where(mine):
        st.rerun()  # the facilitator gave the signal: redraw at the new station
    if mine.finished:
        st.subheader(tr("cafe.summaries"))
        _show_summaries(mine.summaries)
        return
    if mine.station is None:
        return
    st.subheader(tr("cafe.notes_here", count=len(mine.notes)))
    _show_notes(mine.notes, with_name=True)


# --- facilitator console ------------------------------------------------------------------------

def _load(ctx: ActivityContext) -> CafeView | None:
    return cached("cafe", ctx, lambda s: cafe.cafe_view(s, ctx.actor, ctx.item.id))


def console_live(ctx: ActivityContext) -> None:
    view = _load(ctx)
    if view is None:
        return
    if not view.set_up:  # the first time the café is opened: its default stations
        view = attempt(lambda s: cafe.set_up_cafe(s, ctx.actor, ctx.item.id))
        if view is None:
            return
    _round_controls(ctx, view)
    people = cached("cafe_present", ctx,
                    lambda s: participants.presence(s, ctx.actor, ctx.workshop_id).total)
    facilitator_groups(ctx, size=cafe.group_size_for(people or 0, len(view.stations)))
    if not view.places:
        st.info(tr("cafe.no_groups"))
    elif view.shares_stations:
        st.warning(tr("cafe.shared_stations"))
    _stations_editor(ctx, view)
    for station in view.stations:
        _console_station(ctx, view, station)


def _round_controls(ctx: ActivityContext, view: CafeView) -> None:
    stage = cafe.stage(view)
    label_col, back_col, next_col = st.columns([3, 2, 2])
    if view.finished:
        label_col.markdown(f"### {tr('cafe.ended')}")
    elif view.rounds:
        label_col.markdown(f"### {tr('cafe.round_of', round=view.round + 1, rounds=view.rounds)}")
    if back_col.button(tr("cafe.previous_round"), key=f"cafe_back_{ctx.item.id}",
                       disabled=stage == 0, icon=":material/undo:") and attempt(
        lambda s: cafe.previous_round(s, ctx.actor, ctx.item.id, stage)
    ) is not None:
        _refresh()
    last = view.rounds and view.round == view.rounds - 1 and not view.finished
    label = "cafe.finish" if last else "cafe.next_round"
    if next_col.button(tr(label), key=f"cafe_next_{ctx.item.id}", type="primary",
                       disabled=view.finished or not view.rounds,
                       icon=":material/skip_next:") and attempt(
        lambda s: cafe.next_round(s, ctx.actor, ctx.item.id, stage)
    ) is not None:
        _refresh()
    if view.places and not view.finished:
        st.markdown(f"**{tr('cafe.where_groups_are')}**")
        for place in view.places:
            station = view.station(place.station_id)
            if station is not None:
                st.markdown("- " + tr("cafe.group_at_station",
                                      group=_group_name(place.number, place.name),
                                      members=place.members, number=station.position + 1))


def _host_options(ctx: ActivityContext) -> dict[int, str]:
    listed = cached("cafe_people", ctx,
                    lambda s: participants.list_participants(s, ctx.actor, ctx.workshop_id))
    return {p.id: f"{p.display_name} · {role_label(p.role)}" for p in listed or []}


def _stations_editor(ctx: ActivityContext, view: CafeView) -> None:
    hosts = _host_options(ctx)
    with st.expander(tr("cafe.stations"), expanded=False):
        for index, station in enumerate(view.stations):
            with st.form(f"cafe_station_{station.id}_{station.version}_{index}", border=True):
                question = st.text_area(
                    tr("cafe.station_number", number=index + 1), value=station.question,
                    key=f"cafe_q_{station.id}_{station.version}", max_chars=MAX_QUESTION_LENGTH)
                options: list[int | None] = [None, *hosts]
                host = st.selectbox(
                    tr("field.cafe_host"), options, key=f"cafe_h_{station.id}_{station.version}",
                    index=options.index(station.host_id) if station.host_id in options else 0,
                    format_func=lambda pid: tr("cafe.no_host") if pid is None else hosts[pid])
                save_col, up_col, down_col, remove_col = st.columns(4)
                if save_col.form_submit_button(tr("action.save")):
                    _edit(lambda s, st_=station, q=question, h=host: cafe.update_station(
                        s, ctx.actor, st_.id, st_.version, question=q, host_id=h))
                if up_col.form_submit_button(tr("cafe.move_up"), disabled=index == 0):
                    _edit(lambda s, i=station.id: cafe.move_station(s, ctx.actor, i, -1))
                if down_col.form_submit_button(tr("cafe.move_down"),
                                               disabled=index == len(view.stations) - 1):
                    _edit(lambda s, i=station.id: cafe.move_station(s, ctx.actor, i, +1))
                if remove_col.form_submit_button(tr("cafe.remove_station")):
                    _edit(lambda s, i=station.id: cafe.remove_station(s, ctx.actor, i))
        with st.form(f"cafe_add_station_{ctx.item.id}", border=True):
            question = st.text_area(tr("field.cafe_question"), key=f"cafe_new_q_{ctx.item.id}",
                                    max_chars=MAX_QUESTION_LENGTH)
            if st.form_submit_button(tr("cafe.add_station")):
                _edit(lambda s: cafe.add_station(s, ctx.actor, ctx.item.id, question))


def _edit(action) -> None:  # type: ignore[no-untyped-def]
    if done(action):  # moving or removing a station returns None
        _refresh()


def _refresh() -> None:
    """Redraw the live panel after an action (the whole page when not in a fragment rerun)."""
    try:
        st.rerun(scope="fragment")
    except StreamlitAPIException:
        st.rerun()


def _console_station(ctx: ActivityContext, view: CafeView, station: StationView) -> None:
    here = [p for p in view.places if p.station_id == station.id]
    notes = view.notes_at(station.id)
    with st.container(border=True):
        st.markdown(f"**{_station_title(station)}**")
        host = station.host_name and f"{plain(station.host_name)} · {role_label(station.host_role)}"
        st.caption(tr("cafe.host_label", host=host or tr("cafe.no_host")) + " · "
                   + tr("cafe.note_count", count=len(notes)))
        if not view.finished:
            st.caption(tr("cafe.groups_at_station",
                          groups=", ".join(_group_name(p.number, p.name) for p in here)
                          or tr("cafe.no_group_here")))
        for note in notes:
            text = plain(note.text)
            st.markdown(f"~~{text}~~" if note.hidden else text)
            caption = _note_caption(note, with_name=True)
            st.caption(caption + (f" · {tr('console.hidden')}" if note.hidden else ""))
            label = "console.unhide" if note.hidden else "console.hide"
            if st.button(tr(label), key=f"cafe_hide_{note.id}_{note.version}_{note.hidden}"):
                _edit(lambda s, n=note: cafe.hide_cafe_note(s, ctx.actor, n.id, not n.hidden))
        with st.expander(tr("cafe.summary")), \
                st.form(f"cafe_fsummary_{station.id}_{station.summary_version}"):
            text = st.text_area(tr("field.cafe_summary"), value=station.summary,
                                key=f"cafe_fsum_{station.id}_{station.summary_version}",
                                max_chars=MAX_SUMMARY_LENGTH)
            if st.form_submit_button(tr("action.save")):
                _edit(lambda s: cafe.write_summary(s, ctx.actor, station.id,
                                                   station.summary_version, text))


# --- projector ----------------------------------------------------------------------------------

def projector_live(ctx: ActivityContext) -> None:
    view = _load(ctx)
    if view is None:
        return
    if not view.set_up or not view.stations:
        st.markdown(f"## {tr('cafe.projector_starting')}")
        return
    if view.finished:
        st.markdown(f"## {tr('cafe.summaries')}")
        _show_summaries(view.stations)
        return
    st.markdown(f"## {tr('cafe.round_of', round=view.round + 1, rounds=view.rounds)}")
    columns = st.columns(min(len(view.stations), 4))
    for index, station in enumerate(view.stations):
        here = [p for p in view.places if p.station_id == station.id]
        with columns[index % len(columns)], st.container(border=True):
            st.markdown(f"**{_station_title(station)}**")
            if ctx.item.show_names and station.host_name:
                st.caption(tr("cafe.host_label", host=plain(station.host_name)))
            st.markdown(tr("cafe.groups_at_station",
                           groups=", ".join(_group_name(p.number, p.name) for p in here)
                           or tr("cafe.no_group_here")))
            shown = [n for n in view.notes_at(station.id) if not n.hidden]
            st.caption(tr("cafe.note_count", count=len(shown)))
