"""Alembic environment: the engine comes from workshop.db (never from an ini file)."""

from alembic import context

from workshop.models import Base, load_all_models

load_all_models()

engine = context.config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
