"""The ``kehittamo`` command: run the app, manage the schema, users and demo data.

Every subcommand honours ``DATABASE_URL`` and exits non-zero with a one-line message on bad
input.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
from sqlalchemy import Engine

from workshop import accounts, db, demo, workshops
from workshop.errors import DomainError
from workshop.i18n import t

APP_PATH = Path(__file__).resolve().parent.parent / "app.py"


def _engine(upgrade: bool = True) -> Engine:
    engine = db.make_engine()
    if upgrade:
        db.upgrade(engine)
    return engine


def _fail(message: str) -> None:
    click.echo(f"kehittamo: {message}", err=True)
    sys.exit(2)


def _domain_message(error: DomainError) -> str:
    return t(error.key, "en", **error.params) if error.key else str(error)


class DomainErrorsAsMessages(click.Group):
    """Turn expected errors into one line and a non-zero exit instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DomainError as error:
            _fail(_domain_message(error))
        except Exception as error:  # noqa: BLE001 - a CLI prints one line, not a traceback
            if os.environ.get("KEHITTAMO_DEBUG"):
                raise
            _fail(f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")


@click.group(cls=DomainErrorsAsMessages)
def main() -> None:
    """Kehittämö: co-design workshops for social, health and employment services."""


@main.command()
@click.option("--port", default=8501, show_default=True, type=click.IntRange(1, 65535))
@click.option("--address", default="localhost", show_default=True)
@click.option("--no-demo", is_flag=True, help="Do not seed demo data into an empty database.")
def run(port: int, address: str, no_demo: bool) -> None:
    """Upgrade the schema, seed demo data when the database is empty, start the app."""
    engine = _engine()
    if not no_demo and db.is_empty(engine):
        _seed(engine)
    click.echo(f"Kehittämö: http://{address}:{port}/  (database: {engine.url.render_as_string()})")
    engine.dispose()
    command = [sys.executable, "-m", "streamlit", "run", str(APP_PATH),
               "--server.port", str(port), "--server.address", address]
    raise SystemExit(subprocess.call(command, cwd=APP_PATH.parent))


@main.group("db")
def db_group() -> None:
    """Database schema."""


@db_group.command("upgrade")
def db_upgrade() -> None:
    """Bring the schema to the newest version."""
    engine = _engine()
    click.echo(f"schema at {db.current_revision(engine)} ({db.backend_name(engine)})")


@main.group("user")
def user_group() -> None:
    """Facilitator accounts."""


@user_group.command("add")
@click.argument("username")
@click.option("--name", "display_name", default=None, help="Name shown to colleagues.")
@click.option("--language", type=click.Choice(["fi", "en"]), default="fi", show_default=True)
@click.password_option(envvar="KEHITTAMO_PASSWORD", help="Or set KEHITTAMO_PASSWORD.")
def user_add(username: str, display_name: str | None, language: str, password: str) -> None:
    """Create a facilitator account."""
    with db.transaction(_engine()) as session:
        user = accounts.create_user(session, username, password, display_name, language)
    click.echo(f"created facilitator {user.username} (id {user.id})")


@user_group.command("passwd")
@click.argument("username")
@click.password_option(envvar="KEHITTAMO_PASSWORD", help="Or set KEHITTAMO_PASSWORD.")
def user_passwd(username: str, password: str) -> None:
    """Set a new password for a facilitator."""
    with db.transaction(_engine()) as session:
        accounts.set_password(session, username, password)
    click.echo(f"password changed for {username}")


@main.command("demo")
def demo_command() -> None:
    """Seed the demo theme group (idempotent)."""
    _seed(_engine())


def _seed(engine: Engine) -> None:
    with db.transaction(engine) as session:
        info = demo.seed_demo(session, os.environ.get("KEHITTAMO_DEMO_PASSWORD") or None)
    if info.created:
        click.echo(f"demo workshop {demo.DEMO_WORKSHOP!r} created (id {info.workshop_id})")
    else:
        click.echo(f"demo workshop already present (id {info.workshop_id})")
    if info.password:
        click.echo(f"facilitator login: username {info.username}  password {info.password}")
    else:
        click.echo(f"facilitator login: {info.username} (password unchanged; "
                   f"'kehittamo user passwd {info.username}' sets a new one)")


@main.command("workshops")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def workshops_command(as_json: bool) -> None:
    """List all workshops in the database."""
    with db.reading(_engine()) as session:
        rows = workshops.all_workshops(session)
    if as_json:
        click.echo(json.dumps([
            {"id": w.id, "name": w.name, "theme": w.theme, "organisation": w.organisation,
             "language": w.language} for w in rows
        ], ensure_ascii=False))
        return
    for w in rows:
        click.echo(f"{w.id}\t{w.name}\t{w.organisation}")


if __name__ == "__main__":  # pragma: no cover
    main()
