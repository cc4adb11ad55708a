"""The kehittamo command on both databases (through DATABASE_URL)."""

import json

import pytest
from click.testing import CliRunner

from workshop.cli import main


@pytest.fixture
def cli(engine, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    runner = CliRunner()

    def run(*args: str, env: dict | None = None):
        return runner.invoke(main, list(args), env=env, catch_exceptions=False)

    return run


def test_db_upgrade_user_add_demo_and_workshops_json(cli):
    assert cli("db", "upgrade").exit_code == 0
    added = cli("user", "add", "Anna", "--name", "Anna A",
                env={"KEHITTAMO_PASSWORD": "pw long enough"})
    assert added.exit_code == 0 and "anna" in added.output
    first = cli("demo", env={"KEHITTAMO_DEMO_PASSWORD": "demo password 1"})
    assert first.exit_code == 0 and "demo password 1" in first.output
    again = cli("demo")
    assert again.exit_code == 0 and "already present" in again.output
    listed = cli("workshops", "--json")
    rows = json.loads(listed.output)
    assert "Varhaisen tuen sosiaaliohjaus" in [r["name"] for r in rows]
    assert {"id", "name"} <= set(rows[0])


@pytest.mark.parametrize("args,env", [
    (("user", "add", "a b"), {"KEHITTAMO_PASSWORD": "long enough pw"}),
    (("user", "add", "anna"), {"KEHITTAMO_PASSWORD": "short"}),
    (("user", "passwd", "nobody"), {"KEHITTAMO_PASSWORD": "long enough pw"}),
])
def test_bad_input_is_one_line_and_non_zero(cli, args, env):
    result = cli(*args, env=env)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kehittamo: ")
    assert "Traceback" not in result.output


def test_duplicate_user_is_refused(cli):
    env = {"KEHITTAMO_PASSWORD": "long enough pw"}
    assert cli("user", "add", "anna", env=env).exit_code == 0
    result = cli("user", "add", "anna", env=env)
    assert result.exit_code == 2 and "already taken" in result.output


def test_unreachable_database_is_one_line(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    result = CliRunner().invoke(main, ["workshops", "--json"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_help_of_every_command_exits_zero():
    runner = CliRunner()
    for args in ([], ["export"], ["export", "memo"], ["user", "add"], ["db"]):
        result = runner.invoke(main, [*args, "--help"])
        assert result.exit_code == 0, (args, result.output)
        assert "Exit" not in result.output
