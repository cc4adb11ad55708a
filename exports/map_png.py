"""A causal map as a PNG picture, drawn in-process with matplotlib (no browser).

Same stored positions and the same conventions as the interactive picture
(:mod:`workshop.charts.causal`): colour and a sign label for polarity, line width for
strength, "‖" for a delay, marker shape for the factor kind. Used by
``kehittamo export map --format png`` and by Word memos.
"""

from __future__ import annotations

import io
import textwrap
import warnings

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from workshop.causal_maps import MapView
from workshop.charts.causal import KIND_COLOURS, NEGATIVE, POSITIVE, link_label
from workshop.i18n import t

KIND_MARKERS = {"problem": "D", "cause": "o", "effect": "s", "resource": "^", "solution": "*"}
WIDTHS = {"weak": 1.2, "medium": 2.4, "strong": 4.0}
MARKER_SIZE = 22


def map_png(view: MapView, lang: str = "fi", *, width: int = 1600, height: int = 1000,
            dpi: int = 100, highlight: tuple[int, ...] = ()) -> bytes:
    """PNG bytes of exactly ``width`` x ``height`` pixels (hidden parts left out)."""
    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    ax = fig.add_axes((0.02, 0.08, 0.96, 0.84))
    ax.set_axis_off()
    factors = view.active_factors
    by_id = {f.id: f for f in factors}
    xs = [f.x for f in factors] or [0.0]
    ys = [f.y for f in factors] or [0.0]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 0.5)
    pad = 0.15 * span
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    ax.set_ylim(min(ys) - pad * 1.4, max(ys) + pad)
    loop = {(highlight[i], highlight[(i + 1) % len(highlight)]) for i in range(len(highlight))}
    pairs = {(ln.source_id, ln.target_id) for ln in view.active_links}
    for link in view.active_links:
        source, target = by_id[link.source_id], by_id[link.target_id]
        colour = POSITIVE if link.weight > 0 else NEGATIVE
        in_loop = (link.source_id, link.target_id) in loop
        alpha = 0.25 if highlight and not in_loop else 1.0
        bend = 0.15 if (link.target_id, link.source_id) in pairs else 0.0
        arrow = FancyArrowPatch(
            (source.x, source.y), (target.x, target.y), arrowstyle="-|>", mutation_scale=22,
            linewidth=WIDTHS[link.strength] + (1.5 if in_loop else 0), color=colour,
            alpha=alpha, shrinkA=MARKER_SIZE * 0.75, shrinkB=MARKER_SIZE * 0.75,
            connectionstyle=f"arc3,rad={bend}", zorder=1,
        )
        ax.add_patch(arrow)
        mx = source.x + 0.55 * (target.x - source.x) - bend * 0.5 * (target.y - source.y)
        my = source.y + 0.55 * (target.y - source.y) + bend * 0.5 * (target.x - source.x)
        ax.text(mx, my, link_label(link), color=colour, fontsize=17, fontweight="bold",
                ha="center", va="center", alpha=alpha, parse_math=False, zorder=3,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                      "alpha": 0.85})
    members = set(highlight)
    for factor in factors:
        faded = bool(highlight) and factor.id not in members
        ax.plot([factor.x], [factor.y], marker=KIND_MARKERS[factor.kind],
                markersize=MARKER_SIZE, color=KIND_COLOURS[factor.kind],
                markeredgecolor="black", markeredgewidth=3 if factor.id in members else 1.2,
                alpha=0.35 if faded else 1.0, zorder=2, linestyle="none")
        ax.text(factor.x, factor.y - 0.045 * span, "\n".join(textwrap.wrap(factor.label, 20)[:3]),
                ha="center", va="top", fontsize=13, parse_math=False, zorder=4,
                alpha=0.45 if faded else 1.0,
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none",
                      "alpha": 0.75})
    ax.set_title(view.title, fontsize=18, loc="left")
    handles = [Line2D([], [], marker=KIND_MARKERS[k], color=KIND_COLOURS[k], linestyle="none",
                      markeredgecolor="black", markersize=12, label=t(f"maps.kind.{k}", lang))
               for k in KIND_MARKERS if any(f.kind == k for f in factors)]
    handles += [Line2D([], [], color=POSITIVE, linewidth=3,
                       label=f"+ {t('maps.polarity.positive', lang)}"),
                Line2D([], [], color=NEGATIVE, linewidth=3,
                       label=f"\u2212 {t('maps.polarity.negative', lang)}")]
    fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 7), fontsize=12,
               frameon=False)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a missing glyph (emoji) is drawn as a box, not fatal
        fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
