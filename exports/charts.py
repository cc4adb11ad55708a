"""Charts for Word documents, drawn in-process with Matplotlib (no browser, no pyplot state)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib.figure import Figure

from exports.docx_builder import clean


def bar_chart_png(labels: Sequence[str], values: Sequence[float], *, title: str = "",
                  width_in: float = 6.0) -> bytes:
    """A horizontal bar chart with the values written at the bars (readable in grey print)."""
    height = 0.9 + 0.45 * max(1, len(labels))
    figure = Figure(figsize=(width_in, height), dpi=150, layout="constrained")
    axes = figure.add_subplot()
    positions = range(len(labels))
    bars = axes.barh(list(positions), list(values), color="#2f6f8f")
    axes.set_yticks(list(positions), [clean(label) for label in labels])
    axes.invert_yaxis()
    axes.bar_label(bars, padding=3)
    axes.spines[["top", "right"]].set_visible(False)
    axes.xaxis.get_major_locator().set_params(integer=True)
    if title:
        axes.set_title(clean(title), loc="left", fontsize=11)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
