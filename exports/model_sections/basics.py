"""Name, short description and place of implementation from the workshop's own details."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from workshop import workshops
from workshop.access import Actor

SECTIONS = ("name", "short_description", "location")
ORDER = 10


def render(doc_builder: Any, session: Session, actor: Actor, workshop_id: int, section: str,
           lang: str) -> bool:
    workshop = workshops.get_workshop(session, actor, workshop_id)
    if section == "name":
        doc_builder.paragraph(workshop.name)
        return True
    if section == "short_description":
        if not (workshop.description or workshop.theme):
            return False
        if workshop.theme:
            doc_builder.label_value(doc_builder.t("model.theme"), workshop.theme)
        if workshop.description:
            doc_builder.paragraph(workshop.description)
        return True
    if section == "location" and workshop.organisation:
        doc_builder.paragraph(workshop.organisation)
        return True
    return False
