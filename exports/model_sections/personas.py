"""Kohderyhmä ja asiakasymmärrys from the personas, when the personas feature is installed:
each visible persona's situation and needs and its customer value in three parts.

The personas feature may replace this module with a richer source of its own.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from sqlalchemy.orm import Session

from workshop.access import Actor

SECTIONS = ("target_group",)
ORDER = 50
SERVICE = "workshop.personas"
STORY = (("life_situation", "model.persona.life_situation"),
         ("needs", "model.persona.needs"),
         ("change_wanted", "model.persona.change_wanted"))
VALUES = (("value_functional", "model.persona.value_functional"),
          ("value_social", "model.persona.value_social"),
          ("value_emotional", "model.persona.value_emotional"))


def _personas(session: Session, actor: Actor, workshop_id: int) -> list[Any]:
    if importlib.util.find_spec(SERVICE) is None:
        return []
    service = importlib.import_module(SERVICE)
    if not hasattr(service, "list_personas"):
        return []
    return [p for p in service.list_personas(session, actor, workshop_id)
            if not getattr(p, "hidden", False)]


def render(doc_builder: Any, session: Session, actor: Actor, workshop_id: int, section: str,
           lang: str) -> bool:
    personas = _personas(session, actor, workshop_id)
    if not personas:
        return False
    t = doc_builder.t
    doc_builder.paragraph(t("model.personas_intro", count=len(personas)))
    for persona in personas:
        doc_builder.heading(getattr(persona, "name", "") or t("model.persona.unnamed"), 2)
        for field, key in STORY:
            text = getattr(persona, field, "")
            if text:
                doc_builder.label_value(t(key), text)
        values = [getattr(persona, field, "") for field, _ in VALUES]
        if any(values):
            doc_builder.table([t(key) for _, key in VALUES], [values])
        summary = getattr(persona, "summary", "")
        if summary:
            doc_builder.label_value(t("model.persona.summary"), summary)
    return True
