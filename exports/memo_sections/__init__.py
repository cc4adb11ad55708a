"""What each activity adds to a meeting memo: one module per record type.

A module ``exports/memo_sections/<name>.py`` declares

- ``ACTIVITY_TYPES``: the agenda activity types it writes (``("personas",)``), and
- ``render(doc_builder, session, actor, item, lang) -> bool``: writes the outputs of one agenda
  item (an :class:`~workshop.meetings.AgendaItemView`) with the
  :class:`~exports.docx_builder.DocBuilder`, under the item's heading (use heading levels 3
  and below, tables with ``doc_builder.table`` and pictures with ``doc_builder.picture`` so
  they stay accessible). Return False when the item has nothing to show.

Modules are found automatically; two modules claiming one activity type is an error. An
activity without a module of its own gets :data:`FALLBACK` (free notes, as on the live
screens), and an item that shows nothing gets one line saying it has no recorded outputs.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

Renderer = Callable[..., bool]
FALLBACK = "notes"

_found: dict[str, Renderer] | None = None
_extra: dict[str, Renderer] = {}


def discover() -> dict[str, Renderer]:
    """activity type -> render function, from the modules of this package."""
    found: dict[str, Renderer] = {}
    owners: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        render = getattr(module, "render", None)
        for activity in getattr(module, "ACTIVITY_TYPES", ()):
            if activity in found:
                raise RuntimeError(f"memo section for {activity!r} defined by both "
                                   f"{owners[activity]} and {info.name}")
            if not callable(render):
                raise RuntimeError(f"memo section {info.name} has no render()")
            found[activity] = render
            owners[activity] = info.name
    return found


def registry() -> dict[str, Renderer]:
    global _found
    if _found is None:
        _found = discover()
    return {**_found, **_extra}


def renderer_for(activity_type: str) -> Renderer | None:
    return registry().get(activity_type)


@contextmanager
def extra_section(activity_types: tuple[str, ...], render: Renderer) -> Iterator[None]:
    """Use ``render`` for these activity types for a while (tests, benchmarks)."""
    previous = {a: _extra[a] for a in activity_types if a in _extra}
    _extra.update(dict.fromkeys(activity_types, render))
    try:
        yield
    finally:
        for activity in activity_types:
            _extra.pop(activity, None)
        _extra.update(previous)


def render_item(doc_builder: Any, session: Any, actor: Any, item: Any, lang: str) -> None:
    """The outputs of one agenda item, or the line that it has none."""
    render = renderer_for(item.activity_type) or registry().get(FALLBACK)
    wrote = bool(render(doc_builder, session, actor, item, lang)) if render else False
    if not wrote:
        doc_builder.paragraph(doc_builder.t("memo.no_outputs"), italic=True)
