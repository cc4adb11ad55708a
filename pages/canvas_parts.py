"""Showing a service model canvas (a draft or a published snapshot) as text: shared by the
canvas editor, the live ``model_canvas`` activity and the projector. User text goes through
``plain``; nothing here writes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import streamlit as st

from pages.common import chooser_key, lang, plain, tr
from workshop.canvas import KINDS, SECTIONS, field_label_key
from workshop.i18n import fmt_date, fmt_number, has

# The fields a line shows after the title, in this order.
DETAIL_FIELDS = ("who", "organisation", "timing", "headcount", "months", "rank", "status",
                 "due_date", "indicator", "target", "follow_up_by", "summary", "body",
                 "applicability")


def kind_name(kind: str) -> str:
    return tr(f"canvas.kind.{kind}")


def section_name(section: str) -> str:
    return tr(f"canvas.section.{section}")


def value_text(name: str, value: Any) -> str:
    """A field's value as it reads (choices translated, dates in the user's locale)."""
    if value in (None, ""):
        return ""
    if name == "category":
        return tr(f"canvas.category.{value}")
    if name == "status":
        return tr(f"canvas.status.{value}")
    if name == "due_date":
        import datetime as dt

        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        return fmt_date(day, lang())
    if name == "months":
        return tr("canvas.months_value", months=value)
    if name == "headcount":
        from decimal import Decimal

        return fmt_number(Decimal(str(value)).normalize(), lang())
    return plain(str(value))


def element_markdown(kind: str, values: Mapping[str, Any]) -> str:
    """One element as Markdown: category and title in bold, then the labelled details."""
    head = []
    if values.get("category"):
        head.append(value_text("category", values["category"]))
    if values.get("heading"):
        head.append(plain(str(values["heading"])))
    title = values.get("title") or values.get("who") or values.get("organisation") or ""
    if title:
        head.append(plain(str(title)))
    lines = [f"**{' · '.join(head)}**"] if head else []
    shown_title = {"title", "category", "heading"}
    if not values.get("title"):
        shown_title.add("who" if values.get("who") else "organisation")
    for name in DETAIL_FIELDS:
        if name in shown_title or name not in KINDS[kind].fields:
            continue
        text = value_text(name, values.get(name))
        if text and name == "body":
            lines.append(text)  # the description reads on its own, without a label
        elif text:
            lines.append(f"{tr(field_label_key(kind, name))}: {text}")
    return "  \n".join(lines) or "–"


def type_name(record_type: str) -> str:
    """A record type's name; a type registered without a text shows its technical name."""
    key = f"trace.type.{record_type}"
    return tr(f"trace.type.{record_type}") if has(key) else record_type.replace("_", " ")


def link_text(record_type: str, status: str, label: str, hidden: bool = False) -> str:
    name = type_name(record_type)
    if status == "ok" and not hidden:
        return f"{name}: {plain(label)}"
    shown = "hidden" if status == "ok" else status
    return f"{name}: {tr(f'canvas.link_status.{shown}')}"


LinkLabels = Mapping[tuple[str, int], tuple[str, str, bool]]


def links_caption(links: Iterable[Mapping[str, Any]], labels: LinkLabels) -> str:
    texts = []
    for link in links:
        status, label, hidden = labels.get((link["record_type"], link["record_id"]),
                                           ("missing", "", False))
        texts.append(link_text(link["record_type"], status, label, hidden))
    return tr("canvas.came_from", links="; ".join(texts)) if texts else ""


def show_snapshot(content: Mapping[str, Any], *, links: LinkLabels | None = None,
                  sections: Iterable[str] | None = None) -> None:
    """A published version: the model's facts, then the sections that have content.

    ``links`` (from ``canvas.version_links``) shows where each part came from; without it
    the links are left out (participants' and projector views)."""
    facts = content.get("model", {})
    if facts.get("short_description"):
        st.markdown(plain(facts["short_description"]))
    elements = list(content.get("elements", []))
    children: dict[int, list[Mapping[str, Any]]] = {}
    for element in elements:
        if element.get("parent_id") is not None:
            children.setdefault(element["parent_id"], []).append(element)
    wanted = set(sections) if sections is not None else None
    for section, kinds in SECTIONS:
        if wanted is not None and section not in wanted:
            continue
        top = [e for e in elements if e.get("parent_id") is None and e["kind"] in kinds]
        if not top:
            continue
        st.markdown(f"### {section_name(section)}")
        for kind in kinds:
            of_kind = [e for e in top if e["kind"] == kind]
            if not of_kind:
                continue
            st.markdown(f"**{kind_name(kind)}**")
            for element in of_kind:
                _snapshot_element(element, children, links, depth=0)


def _snapshot_element(element: Mapping[str, Any], children: Mapping[int, list[Any]],
                      links: LinkLabels | None, depth: int) -> None:
    with st.container(border=depth == 0):
        text = element_markdown(element["kind"], element)
        st.markdown(text if depth == 0 else "  \n".join(
            f"↳ {line}" if n == 0 else line for n, line in enumerate(text.split("  \n"))))
        if links is not None and element.get("links"):
            st.caption(links_caption(element["links"], links))
        for child in children.get(element["id"], []):
            _snapshot_element(child, children, links, depth + 1)


def element_choices(content: Mapping[str, Any]) -> dict[int, str]:
    """Element id -> a short readable name, for choosing what a comment is about."""
    found = {}
    for element in content.get("elements", []):
        title = (element.get("title") or element.get("who") or element.get("organisation")
                 or element.get("body") or "")
        title = " ".join(str(title).split())
        if len(title) > 70:
            title = title[:69] + "…"
        found[element["id"]] = f"{kind_name(element['kind'])}: {title}"
    return found


def pick_model(me: Any, workshop_id: int, models: list[Any], key: str) -> Any:
    """The service model chosen on this page (remembered across pages)."""
    ids = [m.id for m in models]
    names = {m.id: m.name for m in models}
    current = st.session_state.get("canvas_model_id")
    index = ids.index(current) if current in ids else 0
    chosen = st.selectbox(tr("canvas.choose_model"), ids, index=index,
                          format_func=lambda i: names[i], key=chooser_key(key, "canvas_model_id"))
    st.session_state["canvas_model_id"] = chosen
    return next(m for m in models if m.id == chosen)


def editing_base(slot: str, current: int) -> int:
    """The version an edit form started from: kept while the user edits, so a concurrent
    change is refused as stale (and the typed text stays) instead of silently replacing the
    form with the newer values."""
    key = f"_edit_base_{slot}"
    if key not in st.session_state:
        st.session_state[key] = current
    base = st.session_state[key]
    if base != current:
        st.warning(tr("canvas.changed_meanwhile"), icon=":material/sync_problem:")
        if st.button(tr("canvas.load_latest"), key=f"reload_{slot}"):
            done_editing(slot)
            st.rerun()
    return base


def done_editing(slot: str) -> None:
    st.session_state.pop(f"_edit_base_{slot}", None)
