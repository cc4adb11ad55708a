"""Causal-map file analysis for the command line (``kehittamo analyze-map FILE --json``).

Returns plain JSON-serialisable data; turning message keys into text is the caller's job.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workshop.analysis.causal import CausalMap, LeverageScore, find_loops, leverage
from workshop.analysis.mapfiles import (
    MAX_FILE_BYTES,
    MapFileError,
    decode_text,
    from_csv,
    from_graphml,
)

GRAPHML_SUFFIXES = (".graphml", ".xml")
CSV_SUFFIXES = (".csv", ".txt")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def load_map(path: Path) -> CausalMap:
    """Read a GraphML or links-CSV file, by extension or, failing that, by content.

    Raises ``MapFileError`` (with a message key) for unreadable content and ``OSError``
    for a missing or unreadable file.
    """
    if path.stat().st_size > MAX_FILE_BYTES:
        raise MapFileError("mapfile.error.too_large", size=path.stat().st_size, limit_mb=5)
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in GRAPHML_SUFFIXES or (suffix not in CSV_SUFFIXES and _looks_like_xml(data)):
        return from_graphml(data)
    return from_csv(decode_text(data))


def _looks_like_xml(data: bytes) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") or data.startswith(_UTF16_BOMS)


def analyze_file(path: Path | str, max_length: int = 12, max_loops: int = 500) -> dict[str, Any]:
    """Loops and leverage ranking of the map in ``path`` as a JSON-ready dict."""
    cmap = load_map(Path(path))
    search = find_loops(cmap, max_length=max_length, max_loops=max_loops)
    labels = {f.key: f.label for f in cmap.factors}
    return {
        "factors": len(cmap.factors),
        "links": len(cmap.links),
        "loops": [
            {
                "members": list(loop.members),
                "labels": [labels[key] for key in loop.members],
                "kind": loop.kind,
                "length": loop.length,
                "negative_links": loop.negative_links,
                "delays": loop.delays,
            }
            for loop in search.loops
        ],
        "loops_truncated": search.truncated,
        "loops_truncated_reasons": list(search.truncated_reasons),
        "leverage": [_score_dict(score) for score in leverage(cmap, loops=search)],
    }


def _score_dict(score: LeverageScore) -> dict[str, Any]:
    return {
        "key": score.key,
        "label": score.label,
        "kind": score.kind,
        "score": round(score.score, 4),
        "reasons": list(score.reasons),
        "in_degree": score.in_degree,
        "out_degree": score.out_degree,
        "weighted_in": round(score.weighted_in, 4),
        "weighted_out": round(score.weighted_out, 4),
        "centrality": round(score.centrality, 4),
        "betweenness": round(score.betweenness, 4),
        "reach": round(score.reach, 4),
        "is_driver": score.is_driver,
        "is_outcome": score.is_outcome,
        "loop_count": score.loop_count,
    }
