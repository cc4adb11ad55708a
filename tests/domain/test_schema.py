"""Migrations and models agree, downgrade works, and cascades delete whole workshops."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from builders import join, world
from sqlalchemy import func, select

from workshop import db, notes, workshops
from workshop.models import Base, Note, Participant


def test_migrations_match_the_models(engine):
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_downgrade_and_upgrade_again(engine):
    command.downgrade(db.alembic_config(engine), "base")  # every branch down
    assert db.current_revision(engine) is None
    db.upgrade(engine)
    assert db.current_revision(engine) is not None
    db.upgrade(engine)  # idempotent


def test_deleting_a_workshop_deletes_everything_in_it(session):
    w = world(session)
    other = world(session, "toinen")
    p = join(session, w)
    notes.add_note(session, p, w.item_id, "poistuu")
    keep = join(session, other)
    notes.add_note(session, keep, other.item_id, "jää")
    workshops.delete_workshop(session, w.facilitator, w.workshop_id)
    session.flush()
    assert [n.text for n in session.scalars(select(Note))] == ["jää"]
    assert session.scalar(select(func.count()).select_from(Participant)) == 1
