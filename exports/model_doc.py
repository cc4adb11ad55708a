"""The service-model description (toimintamallin kuvaus) as a Word document, under the
headings of an Innokylä description, filled from the records through
:mod:`exports.model_sections`."""

from __future__ import annotations

from sqlalchemy.orm import Session

from exports import docx_templates, model_sections
from exports.docx_builder import DocBuilder
from workshop import workshops
from workshop.access import Actor, require_facilitator


def build_model_description(session: Session, actor: Actor, workshop_id: int,
                            template: bytes | None = None) -> bytes:
    """Every section in Innokylä order; sections without content say "to be completed"."""
    require_facilitator(session, actor, workshop_id)
    workshop = workshops.get_workshop(session, actor, workshop_id)
    if template is None:
        template = docx_templates.template_bytes(session, actor, workshop_id)
    b = DocBuilder(workshop.language, template)
    title = b.t("model.title", name=workshop.name)
    b.title(title)
    b.paragraph(b.t("model.intro"), italic=True)
    for section in model_sections.SECTION_KEYS:
        b.heading(b.t(f"model.section.{section}"), 1)
        model_sections.render_section(b, session, actor, workshop_id, section, workshop.language)
    return b.finish(title, subject=workshop.name)
