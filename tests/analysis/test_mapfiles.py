"""GraphML and CSV import/export, the file errors the UI shows, and the CLI report."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest

from workshop.analysis import mapfiles
from workshop.analysis.causal import CausalMap, Factor, Link
from workshop.analysis.mapfiles import (
    MapFileError,
    decode_text,
    factors_to_csv,
    from_csv,
    from_graphml,
    links_to_csv,
    to_graphml,
)
from workshop.analysis.report import analyze_file

SAMPLE = CausalMap(
    (
        Factor("jono", 'Odotusaika; "pitkä"', "problem"),
        Factor("turh", "Turhautuminen\nasiakkailla", "effect"),
        Factor("pois", "=Poisjäännit", "cause"),
        Factor("lisa", "'-Lisävastaanotot", "solution"),
        Factor("henk", "Henkilöstö, ä ö å", "resource"),
    ),
    (
        Link("jono", "turh", 1.0),
        Link("turh", "pois", 0.3, delay=True),
        Link("pois", "jono", 0.5),
        Link("jono", "lisa", 0.25),
        Link("lisa", "jono", -1.0),
        Link("henk", "lisa", -0.1),
    ),
)


def error_of(call, *args) -> MapFileError:
    with pytest.raises(MapFileError) as err:
        call(*args)
    return err.value


def graphml(nodes: str, edges: str = "", keys: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        f'{keys}<graph edgedefault="directed">{nodes}{edges}</graph></graphml>'
    ).encode()


# ---------------------------------------------------------------------- round trips


def test_graphml_round_trip() -> None:
    assert from_graphml(to_graphml(SAMPLE)) == SAMPLE
    assert from_graphml(to_graphml(CausalMap())) == CausalMap()


@pytest.mark.parametrize("delimiter", [";", ","])
def test_csv_round_trip(delimiter: str) -> None:
    links, factors = links_to_csv(SAMPLE, delimiter), factors_to_csv(SAMPLE, delimiter)
    assert from_csv(links, factors) == SAMPLE
    # What the download button does: utf-8-sig bytes, read back through decode_text.
    encoded = (links.encode("utf-8-sig"), factors.encode("utf-8-sig"))
    assert encoded[0].startswith(b"\xef\xbb\xbf")
    assert from_csv(*(decode_text(data) for data in encoded)) == SAMPLE


def test_csv_layout_for_finnish_excel() -> None:
    lines = links_to_csv(SAMPLE).split("\r\n")
    assert lines[0] == "source;target;polarity;weight;delay"
    assert lines[2] == "turh;pois;+;0,3;1"  # decimal comma, so Excel does not make a date
    assert lines[5] == "lisa;jono;-;1,0;0"
    assert links_to_csv(SAMPLE, ",").split("\r\n")[2] == "turh,pois,+,0.3,1"
    factors = factors_to_csv(SAMPLE)
    assert "pois;'=Poisjäännit;cause" in factors  # formula injection neutralised
    assert "lisa;''-Lisävastaanotot;solution" in factors
    with pytest.raises(ValueError):
        links_to_csv(SAMPLE, "\t")


def test_written_graphml_is_read_by_networkx_like_gephi_would() -> None:
    graph = nx.read_graphml(io.BytesIO(to_graphml(SAMPLE)))
    assert list(graph.nodes) == [f.key for f in SAMPLE.factors]
    assert graph.nodes["henk"] == {"label": "Henkilöstö, ä ö å", "kind": "resource"}
    edge = graph.edges["lisa", "jono"]
    assert (edge["weight"], edge["polarity"], edge["delay"]) == (1.0, "-", False)
    assert graph.edges["turh", "pois"]["delay"] is True


# ------------------------------------------------------------------ lenient reading


def test_graphml_defaults_and_third_party_attributes() -> None:
    keys = (
        '<key id="w" for="edge" attr.name="Weight" attr.type="double"/>'
        '<key id="s" for="edge" attr.name="sign" attr.type="string"/>'
        '<key id="k" for="node" attr.name="kind" attr.type="string">'
        "<default>problem</default></key>"
    )
    nodes = (
        '<node id="a"/>'
        '<node id="b"><data key="k">ratkaisu</data></node>'
        '<node id="c"><data key="y"><y:ShapeNode xmlns:y="http://www.yworks.com/xml/graphml">'
        "<y:NodeLabel>Label from yEd</y:NodeLabel></y:ShapeNode></data></node>"
    )
    edges = (
        '<edge source="a" target="b"/>'  # nothing: medium positive
        '<edge source="b" target="c"><data key="s">negative</data></edge>'
        '<edge source="c" target="a"><data key="w">0.25</data><data key="s">-1</data></edge>'
        '<edge source="b" target="a"><data key="w">-1</data></edge>'
        '<edge source="a" target="c"><data key="w">strong</data><data key="s">+</data></edge>'
    )
    cmap = from_graphml(graphml(nodes, edges, keys))
    assert cmap.factors == (
        Factor("a", "a", "problem"),
        Factor("b", "b", "solution"),
        Factor("c", "Label from yEd", "problem"),
    )
    assert [ln.weight for ln in cmap.links] == [0.5, -0.5, -0.25, -1.0, 1.0]


def test_graphml_without_namespace_and_in_utf16() -> None:
    doc = (
        '<graphml><graph><node id="ä"/><node id="b"/>'
        '<edge source="ä" target="b"/></graph></graphml>'
    )
    expected = CausalMap((Factor("ä", "ä"), Factor("b", "b")), (Link("ä", "b", 0.5),))
    assert from_graphml(doc.encode()) == expected
    assert from_graphml(doc.encode("utf-16")) == expected
    assert from_graphml(doc) == expected


def test_kumu_style_links() -> None:
    text = "From,To,Type,Direction\nJono,Turhautuminen,+,directed\nLisä,Jono,-,directed\n"
    cmap = from_csv(text)
    assert cmap.links == (Link("Jono", "Turhautuminen", 0.5), Link("Lisä", "Jono", -0.5))
    assert [f.key for f in cmap.factors] == ["Jono", "Turhautuminen", "Lisä"]
    assert cmap.factors[0] == Factor("Jono", "Jono", "cause")


def test_links_csv_variants() -> None:
    text = (
        "\ufeffLÄHDE;Kohde;Napaisuus;Paino;Viive\n"
        "a;b;positiivinen;vahva;kyllä\n"
        "\n"
        ";;;;\n"
        "b;c;-;0,25;\n"
        "c;a;;-1;x\n"
        "a;c;neg;heikko;ei\n"
    )
    cmap = from_csv(text)
    assert cmap.links == (
        Link("a", "b", 1.0, True),
        Link("b", "c", -0.25),
        Link("c", "a", -1.0, True),
        Link("a", "c", -0.25),
    )


def test_factors_file_with_names_only_and_finnish_kinds() -> None:
    factors = "Nimi;Tyyppi\nJono;ongelma\nLisä;ratkaisu\nYksin;\n"
    cmap = from_csv("source;target\nJono;Lisä\nLisä;Uusi\n", factors)
    assert cmap.factors == (
        Factor("Jono", "Jono", "problem"),
        Factor("Lisä", "Lisä", "solution"),
        Factor("Yksin", "Yksin", "cause"),
        Factor("Uusi", "Uusi", "cause"),
    )


def test_mental_modeler_matrix() -> None:
    text = ",Jono,Turhautuminen,Lisä,Yksin\nJono,0,0.75,0.25,\nTurhautuminen,,,,\nLisä,-1,0,0,0\n"
    cmap = from_csv(text)
    assert [f.key for f in cmap.factors] == ["Jono", "Turhautuminen", "Lisä", "Yksin"]
    assert cmap.links == (
        Link("Jono", "Turhautuminen", 0.75),
        Link("Jono", "Lisä", 0.25),
        Link("Lisä", "Jono", -1.0),
    )


def test_windows_1252_fallback() -> None:
    assert decode_text("source;target\nä;ö\n".encode("cp1252")) == "source;target\nä;ö\n"


# -------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "key", "params"),
    [
        ("from;weight\na;0,5\n", "mapfile.error.missing_column", {"column": "target", "row": 1}),
        ("\n\nfoo;bar\na;b\n", "mapfile.error.missing_column", {"column": "source", "row": 3}),
        (
            "source;target;polarity\na;b;+\nb;c;maybe\n",
            "mapfile.error.bad_polarity",
            {"row": 3, "value": "maybe"},
        ),
        ("source;target;polarity;weight\na;b;+;-0,5\n", "mapfile.error.bad_polarity", {"row": 2}),
        (
            "source;target;weight\na;b;0,5\n\nb;c;2\n",
            "mapfile.error.bad_weight",
            {"row": 4, "value": "2"},
        ),
        ("source;target;weight\na;b;lots\n", "mapfile.error.bad_weight", {"row": 2}),
        ("source;target;weight\na;b;0\n", "mapfile.error.bad_weight", {"row": 2}),
        ("source;target;delay\na;b;perhaps\n", "mapfile.error.bad_delay", {"row": 2}),
        (
            'source;target\n"multi\nline";b\n;c\n',
            "mapfile.error.missing_value",
            {"row": 3, "column": "source"},
        ),
        ("source;target\na;b\nb;b\n", "map.error.self_link", {"row": 3, "file": "links"}),
        ("source;target\na;b\nb;c\na;b\n", "map.error.duplicate_link", {"row": 4}),
        (",a,b\na,0,x\n", "mapfile.error.bad_weight", {"row": 2}),
        ("", "mapfile.error.empty", {"file": "links"}),
        ("\ufeff \n;;\n", "mapfile.error.empty", {"file": "links"}),
    ],
)
def test_links_csv_errors(text: str, key: str, params: dict) -> None:
    err = error_of(from_csv, text)
    assert err.key == key
    assert params.items() <= err.params.items(), err.params
    assert "index" not in err.params


@pytest.mark.parametrize(
    ("factors", "key", "params"),
    [
        ("kind\nproblem\n", "mapfile.error.missing_column", {"column": "key", "row": 1}),
        ("key;label\na;A\n;B\n", "mapfile.error.missing_value", {"row": 3, "column": "key"}),
        (
            "key;label\na;A\nb;B\na;C\n",
            "map.error.duplicate_factor",
            {"row": 4, "file": "factors", "factor": "a"},
        ),
        ("key;kind\na;problem\nb;villain\n", "map.error.bad_kind", {"row": 3, "kind": "villain"}),
    ],
)
def test_factors_csv_errors(factors: str, key: str, params: dict) -> None:
    err = error_of(from_csv, "source;target\na;b\n", factors)
    assert err.key == key
    assert params.items() <= err.params.items(), err.params


def test_encoding_and_size_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    assert error_of(decode_text, b"source;target\n\x81\x8d;b").key == "mapfile.error.encoding"
    monkeypatch.setattr(mapfiles, "MAX_FILE_BYTES", 100)
    assert error_of(from_csv, "source;target\n" + "a;b\n" * 30).key == "mapfile.error.too_large"
    assert error_of(decode_text, b"x" * 101).key == "mapfile.error.too_large"


def test_too_large_graphml_refused_before_parsing() -> None:
    data = graphml("") + b" " * mapfiles.MAX_FILE_BYTES
    err = error_of(from_graphml, data)
    assert err.key == "mapfile.error.too_large" and err.params["limit_mb"] == 5


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b"<graphml><graph><node id='&lol2;'/></graph></graphml>"
)
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<graphml><graph><node id="&x;"/></graph></graphml>'
)


@pytest.mark.parametrize(
    ("data", "key", "params"),
    [
        (BOMB, "mapfile.error.unsafe_xml", {}),
        (XXE, "mapfile.error.unsafe_xml", {}),
        (
            BOMB.decode().replace('"1.0"?', '"1.0" encoding="utf-16"?').encode("utf-16"),
            "mapfile.error.unsafe_xml",
            {},
        ),
        (b"<!DOCTYPE graphml><graphml/>", "mapfile.error.unsafe_xml", {}),
        (b"", "mapfile.error.empty", {}),
        (b"  \n", "mapfile.error.empty", {}),
        (b"source;target\na;b\n", "mapfile.error.not_graphml", {"line": 1}),
        (b"<graphml><graph>\n<node id='a'>\n</graph>", "mapfile.error.not_graphml", {"line": 3}),
        (b"<svg/>", "mapfile.error.not_graphml", {"element": "svg"}),
        (
            graphml('<node id="a"/>', '<edge id="e7" source="a"/>'),
            "mapfile.error.not_graphml",
            {"element": "e7"},
        ),
        (
            graphml(
                '<node id="a"/><node id="b"/>',
                '<edge id="e1" source="a" target="b"><data key="polarity">kinda</data></edge>',
            ),
            "mapfile.error.bad_polarity",
            {"element": "e1", "value": "kinda"},
        ),
        (
            graphml(
                '<node id="a"/><node id="b"/>',
                '<edge source="a" target="b"><data key="weight">3</data></edge>',
            ),
            "mapfile.error.bad_weight",
            {"element": "a->b", "value": "3"},
        ),
        (
            graphml(
                '<node id="a"/><node id="b"/>',
                '<edge id="e2" source="a" target="b"><data key="delay">later</data></edge>',
            ),
            "mapfile.error.bad_delay",
            {"element": "e2"},
        ),
        (
            graphml('<node id="a"/>', '<edge id="e3" source="a" target="ghost"/>'),
            "map.error.unknown_factor",
            {"element": "e3", "factor": "ghost"},
        ),
        (graphml('<node id="a"/><node id="a"/>'), "map.error.duplicate_factor", {"element": "a"}),
        (
            graphml('<node id="a"><data key="kind">hero</data></node>'),
            "map.error.bad_kind",
            {"element": "a"},
        ),
        (
            graphml(
                '<node id="a"/><node id="b"/>',
                '<edge id="x" source="a" target="b"/><edge id="y" source="a" target="b"/>',
            ),
            "map.error.duplicate_link",
            {"element": "y"},
        ),
    ],
)
def test_graphml_errors(data: bytes, key: str, params: dict) -> None:
    err = error_of(from_graphml, data)
    assert err.key == key
    assert params.items() <= err.params.items(), err.params


# ---------------------------------------------------------------------- CLI report


def test_analyze_graphml_and_csv_files(tmp_path: Path) -> None:
    (tmp_path / "map.graphml").write_bytes(to_graphml(SAMPLE))
    (tmp_path / "map.csv").write_text(links_to_csv(SAMPLE), encoding="utf-8-sig")
    (tmp_path / "map.export").write_bytes(to_graphml(SAMPLE))  # sniffed as GraphML
    (tmp_path / "links.dat").write_text("source,target\njono,turh\n", encoding="utf-8")
    results = [analyze_file(tmp_path / name) for name in ("map.graphml", "map.export")]
    assert results[0] == results[1]
    report = results[0]
    json.dumps(report)  # JSON-serialisable
    assert (report["factors"], report["links"], report["loops_truncated"]) == (5, 6, False)
    assert [(lp["members"], lp["kind"]) for lp in report["loops"]] == [
        (["jono", "lisa"], "B"),
        (["jono", "turh", "pois"], "R"),
    ]
    assert report["loops"][1]["labels"][0] == 'Odotusaika; "pitkä"'
    top = report["leverage"][0]
    assert {"key", "label", "score", "reasons", "is_driver", "loop_count"} <= top.keys()
    assert {s["key"] for s in report["leverage"]} == {f.key for f in SAMPLE.factors}
    # The CSV carries no labels or kinds, so only the structure must agree.
    from_csv_report = analyze_file(str(tmp_path / "map.csv"))
    assert from_csv_report["loops"] == [{**lp, "labels": lp["members"]} for lp in report["loops"]]
    assert analyze_file(tmp_path / "links.dat")["links"] == 1


def test_analyze_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.graphml"
    bad.write_bytes(BOMB)
    assert error_of(analyze_file, bad).key == "mapfile.error.unsafe_xml"
    with pytest.raises(OSError):
        analyze_file(tmp_path / "missing.csv")
