"""The service-path editor, shared by the facilitator's page and the participants' activity:
choose or start a path, add steps, edit, reorder (up/down buttons, keyboard-usable) and remove
them, and see the path as a journey chart with a text alternative."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from pages.common import (
    attempt,
    done,
    filled,
    filling,
    filling_number,
    flash,
    form_key,
    lang,
    plain,
    read,
    renew_form_key,
    tr,
)
from workshop import paths, workshops
from workshop.access import Actor, FacilitatorActor
from workshop.charts.journey import journey_figure, journey_text, title_of
from workshop.paths import CHANNELS, PathView, StepInput, StepView

EXPERIENCE_CHOICES: tuple[int | None, ...] = (None, -2, -1, 0, 1, 2)
_EXPERIENCE_KEYS = {None: "paths.experience.none", -2: "paths.experience.m2",
                    -1: "paths.experience.m1", 0: "paths.experience.0",
                    1: "paths.experience.p1", 2: "paths.experience.p2"}


def experience_label(value: int | None) -> str:
    return tr(_EXPERIENCE_KEYS[value])


def pick_workshop(me: FacilitatorActor) -> int:
    """The facilitator's current workshop (as on the other pages), or stop with guidance."""
    mine = read(lambda s: workshops.list_workshops(s, me)) or []
    if not mine:
        st.info(tr("workshops.none_yet"))
        st.page_link("pages/workshops.py", label=tr("nav.workshops"))
        st.stop()
    workshop_id = st.session_state.get("workshop_id")
    if workshop_id not in {w.id for w in mine}:
        workshop_id = st.session_state["workshop_id"] = mine[0].id
    st.caption(plain(next(w.name for w in mine if w.id == workshop_id)))
    return workshop_id


def path_name(path: PathView) -> str:
    return title_of(path, lang())


def choose_path(listed: list[PathView], slot: str) -> PathView | None:
    """A selectbox of paths; the choice is kept in session state under ``slot``."""
    if not listed:
        st.info(tr("paths.none_yet"))
        return None
    ids = [p.id for p in listed]
    chosen = st.session_state.get(slot)
    index = ids.index(chosen) if chosen in ids else 0
    names = {p.id: path_name(p) for p in listed}
    picked = st.selectbox(tr("paths.choose"), ids, index=index, format_func=lambda i: names[i],
                          key=f"{slot}_select_{'_'.join(map(str, ids))}")
    st.session_state[slot] = picked
    return next(p for p in listed if p.id == picked)


def new_path_form(actor: Actor, workshop_id: int, *, item_id: int | None, slot: str) -> None:
    personas = read(lambda s: paths.persona_choices(s, actor, workshop_id)) or []
    options: list[int | None] = [None, *(p.id for p in personas)]
    names = {p.id: p.name for p in personas}
    with st.form(filling(f"new_path_{workshop_id}")):
        title = st.text_input(tr("field.path_title"), max_chars=200, key="new_path_title")
        persona = st.selectbox(tr("field.persona"), options, key="new_path_persona",
                               format_func=lambda i: tr("paths.no_persona") if i is None
                               else names[i])
        if st.form_submit_button(tr("paths.create"), type="primary"):
            key = form_key("new_path")
            created = attempt(lambda s: paths.create_path(
                s, actor, workshop_id, title, persona_id=persona, item_id=item_id,
                client_key=key))
            if created is not None:
                renew_form_key("new_path")
                filled(f"new_path_{workshop_id}")
                st.session_state[slot] = created.id
                flash(tr("paths.created", title=plain(created.title)))
                st.rerun()


def _step_fields(prefix: str, initial: StepInput | None) -> StepInput:
    """The step form's widgets; returns what they hold."""
    initial = initial or StepInput("")
    what = st.text_area(tr("field.step_what"), value=initial.what, max_chars=2000,
                        key=f"{prefix}_what", height=80)
    left, right = st.columns(2)
    actor_name = left.text_input(tr("field.step_actor"), value=initial.actor_name,
                                 max_chars=200, key=f"{prefix}_actor")
    channel = right.selectbox(tr("field.step_channel"), CHANNELS,
                              index=CHANNELS.index(initial.channel), key=f"{prefix}_channel",
                              format_func=lambda c: tr(f"paths.channel.{c}"))
    meaningful = st.text_area(tr("field.step_meaningful"), value=initial.meaningful,
                              max_chars=2000, key=f"{prefix}_meaningful", height=68)
    difficult = st.text_area(tr("field.step_difficult"), value=initial.difficult,
                             max_chars=2000, key=f"{prefix}_difficult", height=68)
    experience = st.select_slider(tr("field.step_experience"), EXPERIENCE_CHOICES,
                                  value=initial.experience, key=f"{prefix}_experience",
                                  format_func=experience_label)
    critical = st.checkbox(tr("field.step_critical"), value=initial.critical,
                           key=f"{prefix}_critical")
    note = st.text_input(tr("field.step_critical_note"), value=initial.critical_note,
                         max_chars=2000, key=f"{prefix}_note")
    return StepInput(what, actor_name, channel, meaningful, difficult, experience, critical,
                     note)


def add_step_form(actor: Actor, path: PathView, *, item_id: int | None) -> None:
    generation = filling_number(f"add_step_{path.id}")
    with st.form(filling(f"add_step_{path.id}"), border=True):
        st.markdown(f"**{tr('paths.add_step')}**")
        step = _step_fields(f"new_step_{path.id}_{generation}", None)
        places: list[int | None] = [None, *(s.id for s in path.steps)]
        numbers = {s.id: n for n, s in enumerate(path.steps, start=1)}
        before = st.selectbox(tr("field.step_position"), places, key=f"step_place_{path.id}",
                              format_func=lambda i: tr("paths.position.end") if i is None
                              else tr("paths.position.before", number=numbers[i]))
        if st.form_submit_button(tr("paths.add_step"), type="primary"):
            key = form_key(f"step_{path.id}")
            saved = attempt(lambda s: paths.add_step(s, actor, path.id, step,
                                                     before_step_id=before, item_id=item_id,
                                                     client_key=key))
            if saved is not None:
                renew_form_key(f"step_{path.id}")
                filled(f"add_step_{path.id}")
                flash(tr("paths.step_added"))
                st.rerun()


def step_summary(number: int, step: StepView) -> None:
    st.markdown(f"**{number}. {plain(step.what)}**")
    meta = tr("paths.step_meta", actor=plain(step.actor_name or tr("journey.no_actor")),
              channel=tr(f"paths.channel.{step.channel}"),
              experience=experience_label(step.experience))
    st.caption(meta + (f" · {tr('paths.hidden')}" if step.hidden else ""))
    if step.meaningful:
        st.markdown(f"*{tr('field.step_meaningful')}* {plain(step.meaningful)}")
    if step.difficult:
        st.markdown(f"*{tr('field.step_difficult')}* {plain(step.difficult)}")
    if step.critical:
        note = f": {plain(step.critical_note)}" if step.critical_note else ""
        st.markdown(f":red-badge[{tr('paths.critical_badge')}]{note}")


def step_list(actor: Actor, path: PathView, *, item_id: int | None, editable: bool,
              rerun: Callable[[], Any]) -> None:
    """Every step with up/down, edit and remove; ``rerun`` redraws after a change."""
    st.subheader(tr("paths.steps", count=len(path.steps)))
    if not path.steps:
        st.caption(tr("paths.no_steps"))
    is_facilitator = isinstance(actor, FacilitatorActor)
    for number, step in enumerate(path.steps, start=1):
        with st.container(border=True):
            step_summary(number, step)
            if not editable:
                continue
            cols = st.columns(4 if is_facilitator else 3)
            if cols[0].button(tr("paths.move_up"), key=f"up_{step.id}_{number}",
                              icon=":material/arrow_upward:", disabled=number == 1) \
                    and done(lambda s, i=step.id: paths.move_step(s, actor, i, -1,
                                                                       item_id=item_id)):
                rerun()
            if cols[1].button(tr("paths.move_down"), key=f"down_{step.id}_{number}",
                              icon=":material/arrow_downward:",
                              disabled=number == len(path.steps)) \
                    and done(lambda s, i=step.id: paths.move_step(s, actor, i, 1,
                                                                       item_id=item_id)):
                rerun()
            if cols[2].button(tr("paths.delete_step"), key=f"del_{step.id}_{step.version}",
                              icon=":material/delete:") \
                    and done(lambda s, x=step: paths.delete_step(s, actor, x.id, x.version,
                                                                      item_id=item_id)):
                flash(tr("paths.step_deleted"))
                rerun()
            if is_facilitator:
                label = "paths.unhide_step" if step.hidden else "paths.hide_step"
                if cols[3].button(tr(label), key=f"hide_{step.id}_{step.version}") \
                        and done(lambda s, x=step: paths.set_step_hidden(
                            s, actor, x.id, not x.hidden)):
                    rerun()
            with st.expander(tr("paths.edit_step", number=number)), \
                    st.form(f"edit_step_{step.id}_{step.version}"):
                edited = _step_fields(f"edit_{step.id}_{step.version}", step.as_input)
                if st.form_submit_button(tr("action.save")) and done(
                        lambda s, x=step, e=edited: paths.edit_step(s, actor, x.id, x.version, e,
                                                                    item_id=item_id)):
                    flash(tr("paths.step_saved"))
                    rerun()


def journey(path: PathView, *, key: str) -> None:
    """The journey chart and, beside it, the same content as text."""
    figure = journey_figure(path, lang())
    text = journey_text(path, lang())
    st.plotly_chart(figure, key=key, config={"displaylogo": False, "responsive": True},
                    alt=text.splitlines()[0])
    with st.expander(tr("paths.chart_text")):
        st.markdown(plain(text))
