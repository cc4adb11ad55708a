"""kehittamo export memo|model|json|csv and kehittamo import, on both databases."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from click.testing import CliRunner
from docx import Document
from export_fixtures import build_workshop, count_rows

from workshop import db
from workshop.cli import main


@pytest.fixture
def cli(engine, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return run


@pytest.fixture
def built(engine):
    with db.transaction(engine) as s:
        return build_workshop(s)


def _one_line_failure(result) -> str:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kehittamo: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_export_every_kind_and_import_it_back(cli, built, engine, tmp_path):
    wid = str(built.workshop_id)
    memo, model = tmp_path / "muistio.docx", tmp_path / "malli.docx"
    backup, sheets = tmp_path / "varmuus.json", tmp_path / "taulukot.zip"
    assert cli("export", "memo", "--workshop", wid, "--meeting", "1", "--out", str(memo)
               ).exit_code == 0
    assert Document(str(memo)).paragraphs[0].text.startswith("Muistio – tapaaminen 1")
    assert cli("export", "model", "--workshop", wid, "--out", str(model)).exit_code == 0
    assert "Kohderyhmä ja asiakasymmärrys" in [p.text for p in Document(str(model)).paragraphs]
    assert cli("export", "json", "--workshop", wid, "--out", str(backup)).exit_code == 0
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert document["format"] == "kehittamo-workshop"
    result = cli("export", "csv", "--workshop", wid, "--out", str(sheets))
    assert result.exit_code == 0 and "wrote" in result.output
    with zipfile.ZipFile(sheets) as archive:
        assert "01_workshops.csv" in archive.namelist()

    restored = cli("import", str(backup), "--owner", "FASI")
    assert restored.exit_code == 0, restored.output
    new_id = int(restored.output.strip())
    assert new_id != built.workshop_id
    again = tmp_path / "again.json"
    assert cli("export", "json", "--workshop", str(new_id), "--out", str(again)).exit_code == 0
    second = json.loads(again.read_text(encoding="utf-8"))
    assert len(second["tables"]["notes"]) == len(document["tables"]["notes"])
    # the only account is the owner when --owner is left out
    assert cli("import", str(backup)).exit_code == 0


@pytest.mark.parametrize("args", [
    ("export", "memo", "--workshop", "999999", "--meeting", "1", "--out", "x.docx"),
    ("export", "memo", "--workshop", "{wid}", "--meeting", "9", "--out", "x.docx"),
    ("export", "model", "--workshop", "999999", "--out", "x.docx"),
    ("export", "json", "--workshop", "999999", "--out", "x.json"),
    ("export", "csv", "--workshop", "999999", "--out", "x.zip"),
    ("export", "memo", "--workshop", "{wid}", "--meeting", "0", "--out", "x.docx"),
])
def test_bad_export_arguments_are_one_line(cli, built, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = cli(*(a.format(wid=built.workshop_id) for a in args))
    _one_line_failure(result)
    assert not (tmp_path / args[-1]).exists()


def test_bad_backup_files_are_refused_and_nothing_written(cli, built, engine, tmp_path):
    with db.reading(engine) as s:
        before = count_rows(s)
    cases = {
        "truncated.json": b'{"format": "kehittamo-workshop", "version": 1, "tab',
        "version.json": json.dumps({"format": "kehittamo-workshop", "version": 9,
                                    "exported_at": "2026-01-01T00:00:00Z",
                                    "tables": {}}).encode(),
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
    }
    messages = []
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        messages.append(_one_line_failure(cli("import", str(tmp_path / name), "--owner", "fasi")))
    assert "damaged or truncated" in messages[0]
    assert "version 9" in messages[1]
    assert "nested too deeply" in messages[2]
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024 + 1)
    assert "too large" in _one_line_failure(cli("import", str(big), "--owner", "fasi"))
    with db.reading(engine) as s:
        assert count_rows(s) == before
    good = tmp_path / "good.json"
    assert cli("export", "json", "--workshop", str(built.workshop_id), "--out",
               str(good)).exit_code == 0
    assert "no user" in _one_line_failure(cli("import", str(good), "--owner", "nobody"))
    with db.transaction(engine) as s:
        from builders import facilitator

        facilitator(s, "toinen")
    with db.reading(engine) as s:
        before = count_rows(s)
    assert "--owner" in _one_line_failure(cli("import", str(good)))
    with db.reading(engine) as s:
        assert count_rows(s) == before


def test_docx_written_is_a_real_word_file(cli, built, tmp_path):
    out = tmp_path / "m.docx"
    cli("export", "memo", "--workshop", str(built.workshop_id), "--meeting", "2", "--out",
        str(out))
    with zipfile.ZipFile(out) as archive:
        assert "word/document.xml" in archive.namelist()
    assert Document(io.BytesIO(out.read_bytes())).core_properties.language == "fi-FI"
