"""Causal-map widgets shared by the facilitator's page and the live activity: the picture
(with its text alternative), and the forms that add a factor or a link."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from pages.common import (
    attempt,
    filled,
    filling,
    filling_number,
    flash,
    form_key,
    lang,
    plain,
    renew_form_key,
    tr,
)
from workshop import causal_maps
from workshop.access import Actor
from workshop.analysis.causal import weight_from
from workshop.causal_maps import FACTOR_KINDS, STRENGTHS, LinkView, LoopView, MapView
from workshop.charts.causal import link_label, map_figure

POLARITIES = (1, -1)


def polarity_label(polarity: int) -> str:
    key = "maps.polarity.positive" if polarity > 0 else "maps.polarity.negative"
    return f"{'+' if polarity > 0 else '−'} {tr(key)}"


def link_sentence(view: MapView, link: LinkView) -> str:
    delay = f", {tr('maps.delay')}" if link.delay else ""
    return tr("maps.link_text", source=plain(view.factor(link.source_id).label),
              target=plain(view.factor(link.target_id).label), sign=link_label(link),
              strength=tr(f"maps.strength.{link.strength}"), delay=delay)


def loop_sentence(view: MapView, loop: LoopView) -> str:
    members = " → ".join(plain(label) for label in (*loop.labels, loop.labels[0]))
    return tr("maps.loop_line", kind=tr(f"maps.loop.{loop.kind.lower()}"), members=members)


def picture(view: MapView, *, key: str, highlight: Sequence[int] = (), height: int = 640,
            show_hidden: bool = False) -> None:
    """The interactive map and, below it, its links as sentences."""
    figure = map_figure(view, lang(), highlight=highlight, height=height,
                        show_hidden=show_hidden)
    summary = tr("maps.live_count", factors=len(view.active_factors),
                 links=len(view.active_links))
    st.plotly_chart(figure, key=key, config={"displaylogo": False, "responsive": True},
                    alt=f"{view.title}: {summary}")
    with st.expander(tr("maps.picture_text")):
        st.caption(summary)
        for link in view.active_links:
            st.markdown("- " + link_sentence(view, link))


def factor_form(actor: Actor, view: MapView, *, item_id: int | None, title_key: str) -> None:
    generation = filling_number(f"add_factor_{view.id}")
    with st.form(filling(f"add_factor_{view.id}")):
        st.markdown(f"**{tr(title_key)}**")
        left, right = st.columns([3, 2])
        label = left.text_input(tr("field.factor_label"), max_chars=causal_maps.MAX_LABEL,
                                key=f"factor_label_{view.id}_{generation}")
        kind = right.selectbox(tr("field.factor_kind"), FACTOR_KINDS, index=1,
                               key=f"factor_kind_{view.id}",
                               format_func=lambda k: tr(f"maps.kind.{k}"))
        if st.form_submit_button(tr(title_key), type="primary"):
            key = form_key(f"factor_{view.id}")
            saved = attempt(lambda s: causal_maps.add_factor(s, actor, view.id, label, kind,
                                                             item_id=item_id, client_key=key))
            if saved is not None:
                renew_form_key(f"factor_{view.id}")
                filled(f"add_factor_{view.id}")
                flash(tr("maps.factor_added"))
                st.rerun()


def link_form(actor: Actor, view: MapView, *, item_id: int | None, title_key: str) -> None:
    factors = view.active_factors
    if len(factors) < 2:
        st.caption(tr("maps.need_two_factors"))
        return
    ids = [f.id for f in factors]
    names = {f.id: f.label for f in factors}
    with st.form(filling(f"add_link_{view.id}")):
        st.markdown(f"**{tr(title_key)}**")
        left, right = st.columns(2)
        source = left.selectbox(tr("field.link_source"), ids, key=f"link_source_{view.id}",
                                format_func=lambda i: names[i])
        target = right.selectbox(tr("field.link_target"), ids, index=1,
                                 key=f"link_target_{view.id}", format_func=lambda i: names[i])
        polarity = left.radio(tr("field.link_polarity"), POLARITIES,
                              key=f"link_polarity_{view.id}", format_func=polarity_label)
        strength = right.radio(tr("field.link_strength"), STRENGTHS, index=1, horizontal=True,
                               key=f"link_strength_{view.id}",
                               format_func=lambda s: tr(f"maps.strength.{s}"))
        delay = right.checkbox(tr("field.link_delay"), key=f"link_delay_{view.id}")
        if st.form_submit_button(tr(title_key), type="primary"):
            key = form_key(f"link_{view.id}")
            saved = attempt(lambda s: causal_maps.add_link(
                s, actor, view.id, source, target, weight_from(polarity, strength),
                delay=delay, item_id=item_id, client_key=key))
            if saved is not None:
                renew_form_key(f"link_{view.id}")
                filled(f"add_link_{view.id}")
                flash(tr("maps.link_added"))
                st.rerun()
