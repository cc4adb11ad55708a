"""Theme groups (workshops): create, edit, list, and share with other facilitators."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop.access import Actor, FacilitatorActor, require_facilitator, require_workshop
from workshop.errors import Conflict, InvalidInput, NotFound
from workshop.i18n import LANGUAGES
from workshop.models import User, Workshop, WorkshopFacilitator
from workshop.text import MEDIUM, SHORT, clean_choice, clean_name, clean_text


@dataclass(frozen=True)
class WorkshopView:
    id: int
    name: str
    theme: str
    organisation: str
    language: str
    description: str


def _view(w: Workshop) -> WorkshopView:
    return WorkshopView(w.id, w.name, w.theme, w.organisation, w.language, w.description)


def _fields(
    name: object, theme: object, organisation: object, language: object, description: object
) -> dict[str, str]:
    return {
        "name": clean_name(name, field="field.workshop_name", max_length=SHORT),
        "theme": clean_text(theme, field="field.theme", max_length=SHORT, required=False,
                            multiline=False),
        "organisation": clean_text(organisation, field="field.organisation", max_length=SHORT,
                                   required=False, multiline=False),
        "language": clean_choice(language, LANGUAGES, field="field.language"),
        "description": clean_text(description, field="field.description", max_length=MEDIUM * 5,
                                  required=False),
    }


def create_workshop(
    session: Session,
    actor: Actor,
    name: str,
    theme: str = "",
    organisation: str = "",
    language: str = "fi",
    description: str = "",
) -> WorkshopView:
    if not isinstance(actor, FacilitatorActor) or session.get(User, actor.user_id) is None:
        raise NotFound()
    workshop = Workshop(**_fields(name, theme, organisation, language, description),
                        created_by_id=actor.user_id)
    session.add(workshop)
    session.flush()
    session.add(WorkshopFacilitator(workshop_id=workshop.id, user_id=actor.user_id, role="owner"))
    session.flush()
    return _view(workshop)


def update_workshop(
    session: Session,
    actor: Actor,
    workshop_id: int,
    *,
    name: str,
    theme: str,
    organisation: str,
    language: str,
    description: str,
) -> WorkshopView:
    workshop = require_facilitator(session, actor, workshop_id)
    for key, value in _fields(name, theme, organisation, language, description).items():
        setattr(workshop, key, value)
    session.flush()
    return _view(workshop)


def get_workshop(session: Session, actor: Actor, workshop_id: int) -> WorkshopView:
    return _view(require_workshop(session, actor, workshop_id))


def list_workshops(session: Session, actor: Actor) -> list[WorkshopView]:
    """Workshops the facilitator owns or was invited to, newest first."""
    if not isinstance(actor, FacilitatorActor):
        return []
    rows = session.scalars(
        select(Workshop)
        .join(WorkshopFacilitator)
        .where(WorkshopFacilitator.user_id == actor.user_id)
        .order_by(Workshop.created_at.desc(), Workshop.id.desc())
    )
    return [_view(w) for w in rows]


def all_workshops(session: Session) -> list[WorkshopView]:
    """Every workshop: for the operator's command line only, never for the UI."""
    return [_view(w) for w in session.scalars(select(Workshop).order_by(Workshop.id))]


def invite_facilitator(session: Session, actor: Actor, workshop_id: int, username: str) -> None:
    require_facilitator(session, actor, workshop_id)
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise InvalidInput("error.user_unknown", username=username)
    if session.get(WorkshopFacilitator, (workshop_id, user.id)) is not None:
        raise Conflict("error.already_facilitator", username=user.username)
    session.add(WorkshopFacilitator(workshop_id=workshop_id, user_id=user.id, role="facilitator"))
    session.flush()


def facilitators(session: Session, actor: Actor, workshop_id: int) -> list[tuple[str, str, str]]:
    """(username, display name, role) of everyone who runs the workshop."""
    require_facilitator(session, actor, workshop_id)
    rows = session.execute(
        select(User.username, User.display_name, WorkshopFacilitator.role)
        .join(WorkshopFacilitator, WorkshopFacilitator.user_id == User.id)
        .where(WorkshopFacilitator.workshop_id == workshop_id)
        .order_by(WorkshopFacilitator.role.desc(), User.username)
    )
    return [(r[0], r[1], r[2]) for r in rows]


def delete_workshop(session: Session, actor: Actor, workshop_id: int) -> None:
    """Delete a workshop with everything in it (owner only)."""
    workshop = require_facilitator(session, actor, workshop_id)
    assert isinstance(actor, FacilitatorActor)
    membership = session.get(WorkshopFacilitator, (workshop_id, actor.user_id))
    if membership is None or membership.role != "owner":
        raise InvalidInput("error.owner_only")
    session.delete(workshop)
    session.flush()
