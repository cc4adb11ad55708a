"""The README's promise to a newcomer: two set-up commands, and CI runs the second one."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _setup_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_readme_has_exactly_two_setup_commands_run_and_test():
    run, test = _setup_commands()
    assert "kehittamo run" in run and "pip install -e ." in run
    assert test == "./scripts/test"


def test_ci_runs_the_readme_test_command_and_nothing_weaker():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "export CI=true" in ci
    assert re.search(r"^exec \./scripts/test\s*$", ci, re.M)
    assert (ROOT / "scripts" / "test").stat().st_mode & 0o111  # executable
