"""`kehittamo analyze-map` and `kehittamo export map` on both databases."""

from __future__ import annotations

import json

import pytest
from builders import world
from click.testing import CliRunner

from workshop import causal_maps, db
from workshop.analysis.causal import weight_from
from workshop.cli import main

UP, DOWN = weight_from(1, "medium"), weight_from(-1, "strong")


@pytest.fixture
def cli(engine, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return run


def _stored_map(engine) -> tuple[int, int]:
    with db.transaction(engine) as s:
        w = world(s)
        me = w.facilitator
        cmap = causal_maps.create_map(s, me, w.workshop_id, "Kartta")
        ids = {label: causal_maps.add_factor(s, me, cmap.id, label).id
               for label in ("Jono", "Uupumus", "Takaisinsoitto")}
        for source, target, weight in (("Jono", "Uupumus", UP), ("Uupumus", "Jono", UP),
                                       ("Uupumus", "Takaisinsoitto", UP),
                                       ("Takaisinsoitto", "Jono", DOWN)):
            causal_maps.add_link(s, me, cmap.id, ids[source], ids[target], weight)
    return w.workshop_id, cmap.id


def test_analyze_map_json(cli, tmp_path):
    links = tmp_path / "kartta.csv"
    links.write_text("source;target;polarity;weight\nA;B;+;vahva\nB;A;+;0,5\nB;C;+;\nC;A;-;1\n",
                     encoding="utf-8")
    result = cli("analyze-map", str(links), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {(tuple(loop["members"]), loop["kind"]) for loop in data["loops"]} == {
        (("A", "B"), "R"), (("A", "B", "C"), "B")}
    assert data["loops_truncated"] is False
    assert [score["key"] for score in data["leverage"]][0] in {"A", "B"}
    assert {"score", "reasons", "label"} <= set(data["leverage"][0])
    cut = json.loads(cli("analyze-map", str(links), "--json", "--max-loops", "1").output)
    assert len(cut["loops"]) == 1 and cut["loops_truncated"] is True
    plain = cli("analyze-map", str(links))
    assert plain.exit_code == 0 and "R\tA -> B" in plain.output


def test_analyze_map_bad_or_missing_file_is_one_line(cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("source;target\nA;\n", encoding="utf-8")
    missing = tmp_path / "missing.graphml"
    for path, expected in ((bad, "Row 2 (links): Empty cell (column target)."),
                           (missing, "No such file")):
        result = cli("analyze-map", str(path), "--json")
        assert result.exit_code == 2
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("kehittamo: ") and expected in lines[0]


def test_export_map_graphml_csv_and_png(cli, engine, tmp_path):
    workshop_id, map_id = _stored_map(engine)
    graphml = tmp_path / "kartta.graphml"
    result = cli("export", "map", "--workshop", str(workshop_id), "--map", str(map_id),
                 "--format", "graphml", "--out", str(graphml))
    assert result.exit_code == 0, result.output
    analysed = json.loads(cli("analyze-map", str(graphml), "--json").output)
    assert sorted(loop["kind"] for loop in analysed["loops"]) == ["B", "R"]
    out = tmp_path / "kartta.csv"
    result = cli("export", "map", "--workshop", str(workshop_id), "--map", str(map_id),
                 "--format", "csv", "--out", str(out))
    assert result.exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfsource;target;polarity;weight;delay")
    assert (tmp_path / "kartta_factors.csv").read_text(encoding="utf-8-sig").splitlines() == [
        "key;label;kind", "Jono;Jono;cause", "Uupumus;Uupumus;cause",
        "Takaisinsoitto;Takaisinsoitto;cause"]
    png = tmp_path / "kartta.png"
    result = cli("export", "map", "--workshop", str(workshop_id), "--map", str(map_id),
                 "--format", "png", "--out", str(png), "--language", "en")
    assert result.exit_code == 0 and png.read_bytes().startswith(b"\x89PNG")


def test_export_map_of_another_workshop_is_not_found(cli, engine, tmp_path):
    _workshop_id, map_id = _stored_map(engine)
    with db.transaction(engine) as s:
        other = world(s, "toinen")
    for workshop_id, message in ((other.workshop_id, "kehittamo: Not found"),
                                 (other.workshop_id + 100, "kehittamo: There is no workshop")):
        result = cli("export", "map", "--workshop", str(workshop_id), "--map", str(map_id),
                     "--format", "graphml", "--out", str(tmp_path / "x.graphml"))
        assert result.exit_code == 2 and result.output.startswith(message), result.output
    assert not (tmp_path / "x.graphml").exists()
