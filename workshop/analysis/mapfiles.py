"""Import and export of causal maps as GraphML and CSV.

Errors are ``MapFileError`` with a message key and ``params`` that locate the problem:
``row`` (1-based file row, the header is row 1 when the file starts with it) and ``file``
("links" or "factors") for CSV, ``element`` (node/edge id) for GraphML. Map-level problems
found by ``CausalMap.validate`` keep their ``map.error.*`` key and gain the location.

GraphML
-------
Written: node data ``label``, ``kind``; edge data ``weight`` (the strength, ``|weight|``, so
Gephi can size edges), ``polarity`` ("+"/"-") and ``delay`` (boolean). Edge and node order
is kept. Gephi reads ``label`` and ``weight`` directly; yEd shows the data in the
properties panel (map ``label`` to the node label with Edit > Properties Mapper).

Read: files over 5 MB and files with a DOCTYPE or ENTITY declaration are refused before
parsing (XML bomb and external entity guard, no extra dependency). Elements are matched by
local name, so files with or without the GraphML namespace are read; nodes inside yEd
groups are included. ``label`` defaults to yEd's node label text, then to the node id;
``kind`` to "cause". The link weight comes from ``weight`` (number or strength name),
signed by ``polarity``/``sign``; without a weight it is 0.5 (medium) with that sign, or
+0.5. Undirected edges are read as source -> target.

CSV
---
UTF-8 with or without BOM (``decode_text`` also falls back to Windows-1252 for old Excel
files); delimiter ``;`` or ``,`` detected with ``csv.Sniffer``. Header names are matched
case-insensitively; blank rows are skipped. Numbers may use a decimal comma.

Links file columns (first matching alias wins):

* source: ``source``, ``from``, ``lähde`` (required)
* target: ``target``, ``to``, ``kohde`` (required)
* polarity: ``polarity``, ``sign``, ``type`` (Kumu), ``napaisuus``, ``etumerkki``; values
  ``+ - +1 -1 1 positive negative pos neg same opposite s o positiivinen negatiivinen``
* weight: ``weight``, ``strength``, ``paino``, ``voimakkuus``; a number in [-1, 1] or
  ``weak medium strong heikko keskivahva vahva``. Weight and polarity combine as for
  GraphML; a negative weight with polarity "+" is an error.
* delay: ``delay``, ``viive``; ``1 0 true false yes no x kyllä ei tosi epätosi`` or blank.

Other columns (e.g. Kumu's ``Direction``) are ignored. A Mental Modeler matrix export
(first header cell blank, factor names across the header and down the first column,
weights in the cells, blank or 0 = no link) is read as well.

Factors file columns: ``key``/``id``/``avain``/``tunniste``, ``label``/``name``/``nimi``/
``nimike``, ``kind``/``type``/``tyyppi``/``laji``; key or label is required; without a key
column the label is the key. Kinds may be given in Finnish (ongelma, syy, seuraus, voimavara,
ratkaisu). Link endpoints missing from the factors file become factors with label = key.

Written CSV protects against spreadsheet formula injection: a text cell starting with
``= + - @`` (or tab/CR), possibly after apostrophes, gets one more leading apostrophe,
which the reader removes again, so the round trip is exact.
"""

from __future__ import annotations

import csv
import io
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from xml.parsers import expat

from workshop.analysis.causal import STRENGTHS, CausalMap, Factor, Link, MapError

MAX_FILE_BYTES = 5 * 1024 * 1024
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"

_POLARITY = {
    **dict.fromkeys(("+", "+1", "1", "positive", "pos", "same", "s", "positiivinen"), 1),
    **dict.fromkeys(
        ("-", "\u2212", "\u2013", "-1", "negative", "neg", "opposite", "o", "negatiivinen"), -1
    ),
}
_STRENGTH_WORDS = {
    **STRENGTHS,
    "heikko": STRENGTHS["weak"],
    "keskivahva": STRENGTHS["medium"],
    "vahva": STRENGTHS["strong"],
}
_TRUE = {"1", "true", "yes", "x", "kyllä", "tosi", "y", "k"}
_FALSE = {"", "0", "false", "no", "ei", "epätosi", "n", "e"}
_KIND_ALIASES = {
    "ongelma": "problem",
    "syy": "cause",
    "seuraus": "effect",
    "voimavara": "resource",
    "ratkaisu": "solution",
}
_LINK_COLUMNS = {
    "source": ("source", "from", "lähde"),
    "target": ("target", "to", "kohde"),
    "polarity": ("polarity", "sign", "type", "napaisuus", "etumerkki"),
    "weight": ("weight", "strength", "paino", "voimakkuus"),
    "delay": ("delay", "viive"),
}
_FACTOR_COLUMNS = {
    "key": ("key", "id", "avain", "tunniste"),
    "label": ("label", "name", "nimi", "nimike"),
    "kind": ("kind", "type", "tyyppi", "laji"),
}
_FACTOR_ERRORS = {"map.error.duplicate_factor", "map.error.bad_kind", "map.error.empty_key"}
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
# Characters XML 1.0 cannot carry; replaced on export so the file always parses.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class MapFileError(ValueError):
    """Unreadable map file. ``key`` is a message key, ``params`` locate the problem."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(f"{key} {params}")

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (partial(type(self), self.key, **self.params), ())


# ------------------------------------------------------------------ shared parsing


def _polarity(text: str | None, where: Mapping[str, object]) -> int | None:
    value = (text or "").strip().lower()
    if not value:
        return None
    if value not in _POLARITY:
        raise MapFileError("mapfile.error.bad_polarity", **where, value=text)
    return _POLARITY[value]


def _number(text: str, where: Mapping[str, object]) -> float:
    value = text.strip().lower()
    if value in _STRENGTH_WORDS:
        return _STRENGTH_WORDS[value]
    try:
        number = float(value.replace("\u2212", "-").replace(",", "."))
    except ValueError:
        raise MapFileError("mapfile.error.bad_weight", **where, value=text) from None
    if not math.isfinite(number) or number == 0 or abs(number) > 1:
        raise MapFileError("mapfile.error.bad_weight", **where, value=text)
    return number


def _weight(polarity: str | None, weight: str | None, where: Mapping[str, object]) -> float:
    """Combine a polarity cell and a weight cell into a signed weight."""
    sign = _polarity(polarity, where)
    if not (weight or "").strip():
        return (sign or 1) * STRENGTHS["medium"]
    value = _number(weight or "", where)
    if sign is None:
        return value
    if value < 0 < sign:
        raise MapFileError("mapfile.error.bad_polarity", **where, value=polarity)
    return sign * abs(value)


def _delay(text: str | None, where: Mapping[str, object]) -> bool:
    value = (text or "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise MapFileError("mapfile.error.bad_delay", **where, value=text)


def _kind(text: str | None) -> str:
    """Normalised kind; an unknown kind is left for ``validate`` to report."""
    value = (text or "").strip().lower()
    return _KIND_ALIASES.get(value, value) or "cause"


def _validated(cmap: CausalMap, factor_at: Sequence[dict], link_at: Sequence[dict]) -> CausalMap:
    """Validate, re-raising ``MapError`` as ``MapFileError`` located in the file."""
    try:
        return cmap.validate()
    except MapError as err:
        locations = factor_at if err.key in _FACTOR_ERRORS else link_at
        params = {k: v for k, v in err.params.items() if k != "index"}
        index = err.params.get("index")
        if isinstance(index, int):
            params.update(locations[index])
        raise MapFileError(err.key, **params) from err


def _check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise MapFileError("mapfile.error.too_large", size=size, limit_mb=5)


# ------------------------------------------------------------------------- GraphML


def to_graphml(cmap: CausalMap) -> bytes:
    """GraphML 1.0 bytes (UTF-8) readable by Gephi, yEd and networkx."""
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS})
    keys = (
        ("d0", "node", "label", "string"),
        ("d1", "node", "kind", "string"),
        ("d2", "edge", "weight", "double"),
        ("d3", "edge", "polarity", "string"),
        ("d4", "edge", "delay", "boolean"),
    )
    for key_id, domain, name, kind in keys:
        ET.SubElement(
            root, "key", {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind}
        )
    graph = ET.SubElement(root, "graph", {"id": "G", "edgedefault": "directed"})
    for factor in cmap.factors:
        node = ET.SubElement(graph, "node", {"id": _xml_text(factor.key)})
        _data(node, "d0", factor.label)
        _data(node, "d1", factor.kind)
    for number, link in enumerate(cmap.links):
        edge = ET.SubElement(
            graph,
            "edge",
            {
                "id": f"e{number}",
                "source": _xml_text(link.source),
                "target": _xml_text(link.target),
            },
        )
        _data(edge, "d2", repr(float(abs(link.weight))))
        _data(edge, "d3", "-" if link.weight < 0 else "+")
        _data(edge, "d4", "true" if link.delay else "false")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _data(parent: ET.Element, key: str, text: str) -> None:
    ET.SubElement(parent, "data", {"key": key}).text = _xml_text(text)


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub("\ufffd", text)


@dataclass(frozen=True)
class _Key:
    name: str
    domain: str
    default: str | None


def from_graphml(data: bytes | str) -> CausalMap:
    """Read a GraphML document; see the module docstring for the accepted attributes."""
    root = _parse_xml(data.encode("utf-8") if isinstance(data, str) else data)
    if _local(root.tag) != "graphml":
        raise MapFileError("mapfile.error.not_graphml", element=_local(root.tag))
    keys = _graphml_keys(root)
    factors, factor_at, links, link_at = [], [], [], []
    for element in root.iter():
        tag = _local(element.tag)
        if tag == "node":
            factors.append(_graphml_factor(element, keys))
            factor_at.append({"element": factors[-1].key})
        elif tag == "edge":
            link, where = _graphml_link(element, keys)
            links.append(link)
            link_at.append(where)
    return _validated(CausalMap(tuple(factors), tuple(links)), factor_at, link_at)


def _parse_xml(data: bytes) -> ET.Element:
    _check_size(len(data))
    if not data.strip():
        raise MapFileError("mapfile.error.empty")
    _refuse_dtd(data)
    try:
        return ET.fromstring(data)
    except ET.ParseError as err:  # pragma: no cover - expat already parsed it once
        line, column = err.position
        raise MapFileError("mapfile.error.not_graphml", line=line, column=column) from None


class _UnsafeXml(Exception):
    pass


def _refuse_dtd(data: bytes) -> None:
    """Scan with expat and stop at any DOCTYPE/ENTITY before anything is expanded.

    Expat decodes UTF-16 and other encodings itself, so a byte search would not suffice.
    """

    def refuse(*_args: object) -> None:
        raise _UnsafeXml

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except _UnsafeXml:
        raise MapFileError("mapfile.error.unsafe_xml") from None
    except expat.ExpatError as err:
        raise MapFileError(
            "mapfile.error.not_graphml", line=err.lineno, column=err.offset
        ) from None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _graphml_keys(root: ET.Element) -> dict[str, _Key]:
    keys = {}
    for element in root:
        if _local(element.tag) != "key" or "id" not in element.attrib:
            continue
        default = next((c for c in element if _local(c.tag) == "default"), None)
        keys[element.attrib["id"]] = _Key(
            name=(element.get("attr.name") or element.attrib["id"]).strip().lower(),
            domain=element.get("for", "all"),
            default=None if default is None else "".join(default.itertext()),
        )
    return keys


def _graphml_values(element: ET.Element, keys: Mapping[str, _Key], domain: str) -> dict:
    """Data values by attribute name (lower case), key defaults filled in."""
    values = {
        k.name: k.default
        for k in keys.values()
        if k.default is not None and k.domain in (domain, "all")
    }
    for child in element:
        if _local(child.tag) == "data" and "key" in child.attrib:
            key = keys.get(child.attrib["key"])
            name = key.name if key else child.attrib["key"].strip().lower()
            values[name] = "".join(child.itertext()).strip()
    return values


def _graphml_factor(element: ET.Element, keys: Mapping[str, _Key]) -> Factor:
    node_id = element.get("id")
    if not node_id:
        raise MapFileError("mapfile.error.not_graphml", element="node")
    values = _graphml_values(element, keys, "node")
    label = values.get("label") or _yed_label(element) or node_id
    return Factor(key=node_id, label=label, kind=_kind(values.get("kind")))


def _yed_label(element: ET.Element) -> str | None:
    for child in element.iter():
        if _local(child.tag) == "NodeLabel" and (child.text or "").strip():
            return child.text.strip()
    return None


def _graphml_link(element: ET.Element, keys: Mapping[str, _Key]) -> tuple[Link, dict[str, object]]:
    source, target = element.get("source"), element.get("target")
    where: dict[str, object] = {"element": element.get("id") or f"{source}->{target}"}
    if not source or not target:
        raise MapFileError("mapfile.error.not_graphml", **where)
    values = _graphml_values(element, keys, "edge")
    polarity = values.get("polarity") or values.get("sign")
    weight = _weight(polarity, values.get("weight"), where)
    return Link(source, target, weight, _delay(values.get("delay"), where)), where


# ----------------------------------------------------------------------------- CSV


def decode_text(data: bytes) -> str:
    """Decode an uploaded CSV: UTF-8 (BOM optional), else Windows-1252 (older Excel)."""
    _check_size(len(data))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise MapFileError("mapfile.error.encoding") from None


def links_to_csv(cmap: CausalMap, delimiter: str = ";", decimal: str | None = None) -> str:
    """Links as CSV text: source, target, polarity, weight (strength), delay (1/0).

    ``decimal`` defaults to "," with ";" (what Finnish Excel expects; "0.5" would turn into
    a date) and "." with ",". Encode the result with 'utf-8-sig' so Excel sees UTF-8.
    """
    point = _decimal_for(delimiter, decimal)
    rows = [["source", "target", "polarity", "weight", "delay"]]
    for link in cmap.links:
        rows.append(
            [
                _safe_cell(link.source),
                _safe_cell(link.target),
                "-" if link.weight < 0 else "+",
                repr(float(abs(link.weight))).replace(".", point),
                "1" if link.delay else "0",
            ]
        )
    return _write_rows(rows, delimiter)


def factors_to_csv(cmap: CausalMap, delimiter: str = ";") -> str:
    """Factors as CSV text: key, label, kind. Encode with 'utf-8-sig' for Excel."""
    _decimal_for(delimiter, None)
    rows = [["key", "label", "kind"]]
    rows += [[_safe_cell(f.key), _safe_cell(f.label), f.kind] for f in cmap.factors]
    return _write_rows(rows, delimiter)


def _decimal_for(delimiter: str, decimal: str | None) -> str:
    if delimiter not in (";", ","):
        raise ValueError("delimiter must be ';' or ','")
    return decimal or ("," if delimiter == ";" else ".")


def _write_rows(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _safe_cell(text: str) -> str:
    return "'" + text if _FORMULA.match(text) else text


def _unsafe_cell(text: str) -> str:
    return text[1:] if text.startswith("'") and _FORMULA.match(text[1:]) else text


def from_csv(links_text: str, factors_text: str | None = None) -> CausalMap:
    """Map from a links CSV and an optional factors CSV (see module docstring)."""
    factors, factor_at = [], []
    if factors_text is not None:
        factors, factor_at = _read_factors(factors_text)
    header, rows = _table(links_text, "links")
    if _column(header, _LINK_COLUMNS["source"]) is None and _is_matrix(header.cells):
        links, link_at, names = _read_matrix(header, rows)
    else:
        links, link_at = _read_links(header, rows)
        names = [end for link in links for end in (link.source, link.target)]
    known = {f.key for f in factors}
    for name in names:
        if name not in known:
            known.add(name)
            factors.append(Factor(name, name))
            factor_at.append({"file": "links", "row": None})
    return _validated(CausalMap(tuple(factors), tuple(links)), factor_at, link_at)


@dataclass(frozen=True)
class _Row:
    number: int
    cells: list[str]

    def get(self, column: int | None) -> str:
        if column is None or column >= len(self.cells):
            return ""
        return _unsafe_cell(self.cells[column].strip())


def _table(text: str, file: str) -> tuple[_Row, list[_Row]]:
    """Header row and non-blank data rows, numbered as in a spreadsheet."""
    _check_size(len(text))
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise MapFileError("mapfile.error.empty", file=file)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    rows = [
        _Row(number, cells)
        for number, cells in enumerate(reader, start=1)
        if any(cell.strip() for cell in cells)
    ]
    if not rows:
        raise MapFileError("mapfile.error.empty", file=file)
    return rows[0], rows[1:]


def _sniff_delimiter(text: str) -> str:
    """Sniff the header line only: data cells (decimal commas, free text) mislead it."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    try:
        return csv.Sniffer().sniff(header, delimiters=";,").delimiter
    except csv.Error:
        return ";" if header.count(";") > header.count(",") else ","


def _column(header: _Row, aliases: Sequence[str]) -> int | None:
    names = [c.strip().strip("\ufeff").lower() for c in header.cells]
    return next((names.index(a) for a in aliases if a in names), None)


def _columns(header: _Row, spec: Mapping[str, Sequence[str]]) -> dict[str, int | None]:
    return {field: _column(header, aliases) for field, aliases in spec.items()}


def _require(
    columns: Mapping[str, int | None], names: Sequence[str], header: _Row, file: str
) -> None:
    for name in names:
        if columns[name] is None:
            raise MapFileError(
                "mapfile.error.missing_column",
                column=name,
                row=header.number,
                file=file,
            )


def _read_links(header: _Row, rows: list[_Row]) -> tuple[list[Link], list[dict]]:
    cols = _columns(header, _LINK_COLUMNS)
    _require(cols, ("source", "target"), header, "links")
    links, link_at = [], []
    for row in rows:
        where = {"row": row.number, "file": "links"}
        source, target = _cell(row, cols, "source", where), _cell(row, cols, "target", where)
        weight = _weight(row.get(cols["polarity"]), row.get(cols["weight"]), where)
        links.append(Link(source, target, weight, _delay(row.get(cols["delay"]), where)))
        link_at.append(where)
    return links, link_at


def _cell(row: _Row, cols: Mapping[str, int | None], name: str, where: dict) -> str:
    value = row.get(cols[name])
    if not value:
        raise MapFileError("mapfile.error.missing_value", **where, column=name)
    return value


def _read_factors(text: str) -> tuple[list[Factor], list[dict]]:
    header, rows = _table(text, "factors")
    cols = _columns(header, _FACTOR_COLUMNS)
    if cols["key"] is None and cols["label"] is None:
        _require(cols, ("key",), header, "factors")
    factors, factor_at = [], []
    for row in rows:
        where = {"row": row.number, "file": "factors"}
        key = row.get(cols["key"] if cols["key"] is not None else cols["label"])
        if not key:
            raise MapFileError("mapfile.error.missing_value", **where, column="key")
        label = row.get(cols["label"]) or key
        factors.append(Factor(key, label, _kind(row.get(cols["kind"]))))
        factor_at.append(where)
    return factors, factor_at


def _is_matrix(header: Sequence[str]) -> bool:
    return len(header) >= 2 and not header[0].strip()


def _read_matrix(header: _Row, rows: list[_Row]) -> tuple[list[Link], list[dict], list[str]]:
    """Mental Modeler adjacency matrix: row factor -> column factor, weight in the cell.

    Returns the links, their locations and every factor name (header, then rows).
    """
    names = [_unsafe_cell(c.strip()) for c in header.cells]
    for column, name in enumerate(names[1:], start=2):
        if not name:
            raise MapFileError(
                "mapfile.error.missing_value",
                row=header.number,
                column=column,
                file="links",
            )
    links, link_at, sources = [], [], []
    for row in rows:
        where = {"row": row.number, "file": "links"}
        source = row.get(0)
        if not source:
            raise MapFileError("mapfile.error.missing_value", **where, column=1)
        sources.append(source)
        for column in range(1, len(names)):
            cell = row.get(column)
            if cell and _nonzero_cell(cell, where):
                links.append(Link(source, names[column], _number(cell, where)))
                link_at.append(where)
    return links, link_at, names[1:] + sources


def _nonzero_cell(text: str, where: Mapping[str, object]) -> bool:
    """True for a nonzero cell; a literal zero means "no link" in a matrix."""
    try:
        return float(text.replace(",", ".")) != 0
    except ValueError:
        _number(text, where)  # raises bad_weight unless it is a strength word
        return True
