"""Text in Plotly figures of paths and maps: user text escaped (Plotly reads a little HTML),
wrapped into short lines, and signed numbers with a real minus sign."""

from __future__ import annotations

import html
import textwrap

MINUS = "\u2212"


def safe(text: str) -> str:
    """Plotly reads a little HTML in text (<b>, <a href>, <br>): show user text literally."""
    return html.escape(text, quote=False)


def wrapped(text: str, width: int, max_lines: int = 3) -> str:
    """Escaped text broken into short lines with <br> (Plotly has no automatic wrapping)."""
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, width - 1)].rstrip() + "…"
    return "<br>".join(safe(line) for line in lines)


def signed(value: float, digits: int = 0) -> str:
    """+1 / −2 / 0 with a real minus sign."""
    text = f"{abs(value):.{digits}f}"
    if round(value, digits) > 0:
        return "+" + text
    if round(value, digits) < 0:
        return MINUS + text
    return text
