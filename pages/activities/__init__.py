"""One module per activity type: what participants, the console and the projector show.

Each module in this package defines ``ACTIVITY_TYPES`` (the agenda activity types it serves)
and four functions taking an :class:`ActivityContext`:

- ``participant_input(ctx)``: the participant's forms (drawn once per full run);
- ``participant_live(ctx)``: what participants see update live (inside a fragment);
- ``console_live(ctx)``: the facilitator's live view with moderation actions;
- ``projector_live(ctx)``: large read-only view for the room (roles, no names unless allowed).

Activities without a module of their own use :mod:`pages.activities.notes` (free notes).
Live functions get ``ctx.revision`` and should load data through :func:`cached`, so an idle
screen costs one integer read per tick.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any, TypeVar

import streamlit as st

from pages.common import read
from workshop.access import Actor
from workshop.meetings import AgendaItemView, MeetingView

T = TypeVar("T")


@dataclass(frozen=True)
class ActivityContext:
    actor: Actor
    meeting: MeetingView
    item: AgendaItemView
    workshop_id: int
    revision: int = 0


def _registry() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for activity in getattr(module, "ACTIVITY_TYPES", ()):
            found[activity] = module
    return found


_REGISTRY: dict[str, ModuleType] | None = None


def view_for(activity_type: str) -> Any:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = _registry()
    return _REGISTRY.get(activity_type) or _REGISTRY["notes"]


def cached(slot: str, ctx: ActivityContext, loader: Callable[[Any], T]) -> T | None:
    """Data for this screen, reloaded only when the meeting's revision or the item changes."""
    key = f"_live_{slot}"
    stamp = (ctx.meeting.id, ctx.item.id, ctx.revision)
    held = st.session_state.get(key)
    if held is None or held[0] != stamp:
        data = read(loader)
        if data is None:
            return held[1] if held else None
        st.session_state[key] = (stamp, data)
        return data
    return held[1]
