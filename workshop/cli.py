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
        except (click.exceptions.Exit, click.Abort):
            raise  # --help and Ctrl-C: click handles them
        except click.ClickException as error:  # usage errors, in one line like the rest
            _fail(error.format_message())
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


# --- exports (issue 7) -----------------------------------------------------------------------

def _operator_actor(session: Any, workshop_id: int) -> Any:
    """The command line acts for the workshop's owner (or another of its facilitators)."""
    from sqlalchemy import select

    from workshop.access import FacilitatorActor
    from workshop.errors import NotFound
    from workshop.models import Workshop, WorkshopFacilitator

    if session.get(Workshop, workshop_id) is None:
        raise NotFound("backup.error.no_workshop", workshop=workshop_id)
    user_id = session.scalar(
        select(WorkshopFacilitator.user_id).where(WorkshopFacilitator.workshop_id == workshop_id)
        .order_by(WorkshopFacilitator.role.desc(), WorkshopFacilitator.user_id).limit(1))
    if user_id is None:
        raise NotFound("backup.error.no_owner")
    return FacilitatorActor(user_id)


def _write_file(out: Path, data: bytes) -> None:
    out.write_bytes(data)
    click.echo(f"wrote {out} ({len(data):,} bytes)")


_OUT = click.option("--out", type=click.Path(dir_okay=False, writable=True, path_type=Path),
                    required=True, help="File to write.")
_WORKSHOP = click.option("--workshop", "workshop_id", type=click.IntRange(1), required=True,
                         help="Workshop id (see 'kehittamo workshops').")


@main.group("export")
def export_group() -> None:
    """Files from a workshop: meeting memo, service-model description, backup, spreadsheets."""


@export_group.command("memo")
@_WORKSHOP
@click.option("--meeting", "number", type=click.IntRange(1), required=True,
              help="The meeting's number in the workshop (1 = the first).")
@_OUT
def export_memo(workshop_id: int, number: int, out: Path) -> None:
    """The memo of one meeting as a Word document."""
    from exports.memo import build_memo

    with db.reading(_engine()) as session:
        data = build_memo(session, _operator_actor(session, workshop_id), workshop_id, number)
    _write_file(out, data)


@export_group.command("model")
@_WORKSHOP
@_OUT
def export_model(workshop_id: int, out: Path) -> None:
    """The service-model description (Innokylä headings) as a Word document."""
    from exports.model_doc import build_model_description

    with db.reading(_engine()) as session:
        data = build_model_description(session, _operator_actor(session, workshop_id),
                                       workshop_id)
    _write_file(out, data)


@export_group.command("json")
@_WORKSHOP
@_OUT
def export_json(workshop_id: int, out: Path) -> None:
    """A lossless backup of the whole workshop (docs/backup-format.md)."""
    from exports import backup

    with db.reading(_engine()) as session:
        data = backup.dumps(backup.export_workshop(session, workshop_id))
    _write_file(out, data)


@export_group.command("csv")
@_WORKSHOP
@_OUT
def export_csv(workshop_id: int, out: Path) -> None:
    """One CSV per record type (Excel/LibreOffice friendly), in a zip."""
    from exports.csv_export import workshop_csv_zip

    with db.reading(_engine()) as session:
        data = workshop_csv_zip(session, workshop_id)
    _write_file(out, data)


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--owner", "owner_name", default=None,
              help="Facilitator who owns the restored workshop (needed when there are several).")
def import_command(file: Path, owner_name: str | None) -> None:
    """Restore a JSON backup as a new workshop; prints the new workshop's id."""
    from sqlalchemy import func, select

    from exports import backup
    from workshop.errors import InvalidInput
    from workshop.models import User

    size = file.stat().st_size
    if size > backup.MAX_DOCUMENT_BYTES:
        raise InvalidInput("backup.error.too_large", size_mb=round(size / 2**20, 1),
                           limit_mb=backup.MAX_DOCUMENT_BYTES // 2**20)
    data = file.read_bytes()
    with db.transaction(_engine()) as session:
        if owner_name is not None:
            owner = accounts.find_user(session, owner_name)
            if owner is None:
                raise InvalidInput("backup.error.owner_unknown", username=owner_name[:64])
            owner_id = owner.id
        elif session.scalar(select(func.count()).select_from(User)) == 1:
            owner_id = session.scalar(select(User.id))
        else:
            raise InvalidInput("backup.error.owner_required")
        new_id = backup.import_workshop(session, data, owner_user_id=owner_id)
    click.echo(new_id)



# --- causal maps (issue 5) -------------------------------------------------------------------

@main.command("analyze-map")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--max-length", default=12, show_default=True, type=click.IntRange(2, 50),
              help="Longest loop searched (links).")
@click.option("--max-loops", default=500, show_default=True, type=click.IntRange(1, 100_000),
              help="At most this many loops, shortest first.")
def analyze_map_command(file: Path, as_json: bool, max_length: int, max_loops: int) -> None:
    """Loops (R/B) and leverage points of a causal map in a GraphML or links-CSV file."""
    from workshop.analysis.mapfiles import MapFileError
    from workshop.analysis.report import analyze_file
    from workshop.causal_maps import describe_file_error

    try:
        result = analyze_file(file, max_length=max_length, max_loops=max_loops)
    except MapFileError as error:
        _fail(f"{file}: {describe_file_error(error, 'en')}")
    except OSError as error:
        _fail(f"{file}: {error.strerror or error}")
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    click.echo(f"{result['factors']} factors, {result['links']} links, "
               f"{len(result['loops'])} loops"
               + (" (search cut short)" if result["loops_truncated"] else ""))
    for loop in result["loops"]:
        click.echo(f"{loop['kind']}\t" + " -> ".join(loop["labels"]))
    for rank, score in enumerate(result["leverage"][:10], start=1):
        reasons = "; ".join(t(key, "en") for key in score["reasons"])
        click.echo(f"{rank}.\t{score['score']:.3f}\t{score['label']}\t{reasons}")


@export_group.command("map")
@_WORKSHOP
@click.option("--map", "map_id", required=True, type=click.IntRange(1), help="Causal map id.")
@click.option("--format", "fmt", required=True, type=click.Choice(["graphml", "csv", "png"]))
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; csv also writes <name>_factors.csv next to it.")
@click.option("--language", type=click.Choice(["fi", "en"]), default="fi", show_default=True,
              help="Language of the PNG legend.")
def export_map(workshop_id: int, map_id: int, fmt: str, out: Path, language: str) -> None:
    """A causal map as GraphML (Gephi, yEd), CSV (links + factors) or a PNG picture."""
    from workshop import causal_maps
    from workshop.errors import NotFound

    with db.reading(_engine()) as session:
        view = causal_maps.get_map(session, _operator_actor(session, workshop_id), map_id)
    if view.workshop_id != workshop_id:
        raise NotFound()
    if fmt == "graphml":
        _write_file(out, causal_maps.export_graphml(view))
    elif fmt == "csv":
        links, factors = causal_maps.export_csv(view)
        _write_file(out, links)
        _write_file(out.with_name(f"{out.stem}_factors{out.suffix or '.csv'}"), factors)
    else:
        from exports.map_png import map_png

        _write_file(out, map_png(view, language))

if __name__ == "__main__":  # pragma: no cover
    main()
