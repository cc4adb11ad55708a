"""Simple SVG pictures (the picture-card deck) as PNG, drawn in-process with Matplotlib.

Word cannot be relied on to show SVG, and the app has no SVG library, so this draws the
subset of SVG the card deck uses: ``path`` (every command, arcs included), ``rect``,
``circle``, ``ellipse``, ``line``, ``polyline``, ``polygon``, ``g``, ``defs`` + ``use``,
transforms, fills and strokes with opacity, line caps, joins, dashes and both fill rules.
Anything else (text, gradients, patterns, filters, clipping, embedded images, percentages)
raises :class:`SvgUnsupported` instead of drawing a picture that differs from the card: the
caller then describes the card in words.

The input is first rebuilt by :func:`workshop.content.images.sanitize_svg`, the same check
uploads pass, so no DTD, entity or outside reference ever reaches the parser here.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from collections.abc import Iterator
from xml.etree import ElementTree

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path

from workshop.content.images import SVG_NS, ImageRejected, sanitize_svg


class SvgUnsupported(ValueError):
    """The SVG uses something this renderer does not draw faithfully."""


_DRAWN = frozenset({"path", "rect", "circle", "ellipse", "line", "polyline", "polygon"})
_SILENT = frozenset({"title", "desc"})
_INHERITED = ("fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
              "stroke-dasharray", "fill-opacity", "stroke-opacity", "fill-rule", "color")
_REFUSED_PROPERTIES = ("clip-path", "mask", "filter", "marker-start", "marker-mid",
                       "marker-end")
_CAPS = {"butt": "butt", "round": "round", "square": "projecting"}
_JOINS = {"miter": "miter", "round": "round", "bevel": "bevel", "miter-clip": "miter",
          "arcs": "round"}
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_MAX_DEPTH = 32
# Shapes drawn per picture, counting each <use> again: a card has a few dozen; a crafted file
# multiplying shapes through nested <use> elements stops here instead of running for minutes.
MAX_SHAPES = 5_000


def svg_to_png(data: bytes, width_px: int = 400) -> bytes:
    """PNG bytes ``width_px`` wide (height from the viewBox's proportions)."""
    try:
        cleaned = sanitize_svg(data).data
    except ImageRejected as rejected:
        raise SvgUnsupported(rejected.key) from None
    root = ElementTree.fromstring(cleaned)
    x0, y0, width, height = _view_box(root)
    height_px = max(1, round(width_px * height / width))
    dpi = 100
    figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(x0, x0 + width)
    axes.set_ylim(y0 + height, y0)  # SVG's y axis points down
    axes.set_axis_off()
    ids = {el.get("id"): el for el in root.iter() if el.get("id")}
    drawer = _Drawer(axes, ids, points_per_unit=width_px / width * 72 / dpi)
    drawer.children(root, _style_of(root, {"fill": "#000", "stroke": "none"}), np.eye(3), 1.0)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def _local(tag: str) -> str:
    return tag.removeprefix(f"{{{SVG_NS}}}")


def _length(value: str | None, default: float = 0.0) -> float:
    if value is None or not value.strip():
        return default
    text = value.strip().removesuffix("px")
    try:
        return float(text)
    except ValueError:
        raise SvgUnsupported(f"length {value!r}") from None


def _view_box(root: ElementTree.Element) -> tuple[float, float, float, float]:
    parts = root.get("viewBox", "").replace(",", " ").split()
    if len(parts) == 4:
        x, y, w, h = (float(p) for p in parts)
    else:
        x, y, w, h = 0.0, 0.0, _length(root.get("width")), _length(root.get("height"))
    if w <= 0 or h <= 0:
        raise SvgUnsupported("no size")
    return x, y, w, h


def _style_of(element: ElementTree.Element, parent: dict[str, str]) -> dict[str, str]:
    """Inherited presentation properties, then the element's attributes and style="..."."""
    style = {k: v for k, v in parent.items() if k in _INHERITED}
    own = dict(element.attrib)
    for declaration in own.pop("style", "").split(";"):
        name, sep, value = declaration.partition(":")
        if sep:
            own[name.strip()] = value.strip()
    for name, value in own.items():
        if name in _REFUSED_PROPERTIES and value.strip() not in ("", "none"):
            raise SvgUnsupported(name)
        if "url(" in value:
            raise SvgUnsupported(f"{name} refers to a paint server")
        style[name] = value.strip()
    return style


# --- transforms --------------------------------------------------------------------------------

def _transform(text: str | None) -> np.ndarray:
    matrix = np.eye(3)
    for name, args in re.findall(r"([a-zA-Z]+)\s*\(([^)]*)\)", text or ""):
        values = [float(v) for v in _NUMBER.findall(args)]
        step = np.eye(3)
        if name == "translate" and values:
            step[0, 2], step[1, 2] = values[0], values[1] if len(values) > 1 else 0.0
        elif name == "scale" and values:
            step[0, 0], step[1, 1] = values[0], values[1] if len(values) > 1 else values[0]
        elif name == "rotate" and values:
            a = math.radians(values[0])
            cx, cy = (values[1], values[2]) if len(values) == 3 else (0.0, 0.0)
            rotation = np.array([[math.cos(a), -math.sin(a), 0],
                                 [math.sin(a), math.cos(a), 0], [0, 0, 1]])
            step = _translation(cx, cy) @ rotation @ _translation(-cx, -cy)
        elif name == "matrix" and len(values) == 6:
            a, b, c, d, e, f = values
            step = np.array([[a, c, e], [b, d, f], [0, 0, 1]])
        elif name == "skewX" and values:
            step[0, 1] = math.tan(math.radians(values[0]))
        elif name == "skewY" and values:
            step[1, 0] = math.tan(math.radians(values[0]))
        else:
            raise SvgUnsupported(f"transform {name}")
        matrix = matrix @ step
    return matrix


def _translation(x: float, y: float) -> np.ndarray:
    return np.array([[1, 0, x], [0, 1, y], [0, 0, 1]], dtype=float)


# --- path data ---------------------------------------------------------------------------------

class _Scanner:
    """Reads path data: commands, numbers and the one-character flags of arcs."""

    _COMMAND = re.compile(r"[\s,]*([MmLlHhVvCcSsQqTtAaZz])")
    _FLAG = re.compile(r"[\s,]*([01])")
    _VALUE = re.compile(r"[\s,]*(" + _NUMBER.pattern + ")")

    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0

    def done(self) -> bool:
        return not self.text[self.pos:].strip(" \t\r\n,")

    def command(self) -> str | None:
        match = self._COMMAND.match(self.text, self.pos)
        if match is None:
            return None
        self.pos = match.end()
        return match.group(1)

    def has_number(self) -> bool:
        return self._VALUE.match(self.text, self.pos) is not None

    def number(self) -> float:
        match = self._VALUE.match(self.text, self.pos)
        if match is None:
            raise SvgUnsupported("bad path data")
        self.pos = match.end()
        return float(match.group(1))

    def flag(self) -> bool:
        match = self._FLAG.match(self.text, self.pos)
        if match is None:
            raise SvgUnsupported("bad arc flag")
        self.pos = match.end()
        return match.group(1) == "1"


def parse_path(d: str) -> tuple[list[tuple[float, float]], list[int]]:
    """Vertices and Matplotlib path codes for SVG path data (absolute coordinates)."""
    scanner = _Scanner(d)
    vertices: list[tuple[float, float]] = []
    codes: list[int] = []
    x = y = start_x = start_y = 0.0
    last_control: tuple[float, float] | None = None  # for S/s and T/t
    previous = ""
    command = scanner.command()
    if command is None:
        if not scanner.done():
            raise SvgUnsupported("bad path data")
        return vertices, codes
    if command not in ("M", "m"):
        raise SvgUnsupported("path data must start with a moveto")
    while command is not None:
        relative = command.islower()
        kind = command.upper()
        first = True
        while first or scanner.has_number():
            dx, dy = (x, y) if relative else (0.0, 0.0)
            if kind == "M":
                x, y = scanner.number() + dx, scanner.number() + dy
                if first:
                    vertices.append((x, y))
                    codes.append(Path.MOVETO)
                    start_x, start_y = x, y
                else:  # further pairs after a moveto are lines
                    vertices.append((x, y))
                    codes.append(Path.LINETO)
                last_control = None
            elif kind in ("L", "H", "V"):
                if kind == "L":
                    x, y = scanner.number() + dx, scanner.number() + dy
                elif kind == "H":
                    x = scanner.number() + (x if relative else 0.0)
                else:
                    y = scanner.number() + (y if relative else 0.0)
                vertices.append((x, y))
                codes.append(Path.LINETO)
                last_control = None
            elif kind in ("C", "S"):
                if kind == "C":
                    c1 = (scanner.number() + dx, scanner.number() + dy)
                else:
                    c1 = ((2 * x - last_control[0], 2 * y - last_control[1])
                          if last_control and previous in ("C", "S") else (x, y))
                c2 = (scanner.number() + dx, scanner.number() + dy)
                x, y = scanner.number() + dx, scanner.number() + dy
                vertices += [c1, c2, (x, y)]
                codes += [Path.CURVE4] * 3
                last_control = c2
            elif kind in ("Q", "T"):
                if kind == "Q":
                    c = (scanner.number() + dx, scanner.number() + dy)
                else:
                    c = ((2 * x - last_control[0], 2 * y - last_control[1])
                         if last_control and previous in ("Q", "T") else (x, y))
                x, y = scanner.number() + dx, scanner.number() + dy
                vertices += [c, (x, y)]
                codes += [Path.CURVE3] * 2
                last_control = c
            elif kind == "A":
                rx, ry, angle = scanner.number(), scanner.number(), scanner.number()
                large, sweep = scanner.flag(), scanner.flag()
                x2, y2 = scanner.number() + dx, scanner.number() + dy
                for segment in _arc(x, y, rx, ry, angle, large, sweep, x2, y2):
                    vertices += segment
                    codes += [Path.CURVE4] * 3 if len(segment) == 3 else [Path.LINETO]
                x, y = x2, y2
                last_control = None
            elif kind == "Z":
                vertices.append((start_x, start_y))
                codes.append(Path.CLOSEPOLY)
                x, y = start_x, start_y
                last_control = None
                previous = kind
                break
            previous = kind
            first = False
        command = scanner.command()
    if not scanner.done():
        raise SvgUnsupported("bad path data")
    return vertices, codes


def _arc(x1: float, y1: float, rx: float, ry: float, angle: float, large: bool, sweep: bool,
         x2: float, y2: float) -> Iterator[list[tuple[float, float]]]:
    """An elliptical arc as cubic Béziers (SVG 1.1, appendix F.6.5), a line when degenerate."""
    if (x1, y1) == (x2, y2):
        return
    rx, ry = abs(rx), abs(ry)
    if rx == 0 or ry == 0:
        yield [(x2, y2)]
        return
    phi = math.radians(angle)
    cos, sin = math.cos(phi), math.sin(phi)
    hx, hy = (x1 - x2) / 2, (y1 - y2) / 2
    x1p, y1p = cos * hx + sin * hy, -sin * hx + cos * hy
    scale = x1p ** 2 / rx ** 2 + y1p ** 2 / ry ** 2
    if scale > 1:
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    numerator = rx ** 2 * ry ** 2 - rx ** 2 * y1p ** 2 - ry ** 2 * x1p ** 2
    denominator = rx ** 2 * y1p ** 2 + ry ** 2 * x1p ** 2
    coefficient = math.sqrt(max(0.0, numerator / denominator)) if denominator else 0.0
    if large == sweep:
        coefficient = -coefficient
    cxp, cyp = coefficient * rx * y1p / ry, -coefficient * ry * x1p / rx
    cx = cos * cxp - sin * cyp + (x1 + x2) / 2
    cy = sin * cxp + cos * cyp + (y1 + y2) / 2

    def direction(ux: float, uy: float, vx: float, vy: float) -> float:
        return math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)

    ux, uy = (x1p - cxp) / rx, (y1p - cyp) / ry
    start = direction(1, 0, ux, uy)
    span = direction(ux, uy, (-x1p - cxp) / rx, (-y1p - cyp) / ry)
    if not sweep and span > 0:
        span -= 2 * math.pi
    elif sweep and span < 0:
        span += 2 * math.pi
    pieces = max(1, math.ceil(abs(span) / (math.pi / 2) - 1e-9))
    step = span / pieces
    k = 4 / 3 * math.tan(step / 4)

    def point(px: float, py: float) -> tuple[float, float]:
        return (cx + rx * px * cos - ry * py * sin, cy + rx * px * sin + ry * py * cos)

    for index in range(pieces):
        a1 = start + index * step
        a2 = a1 + step
        yield [point(math.cos(a1) - k * math.sin(a1), math.sin(a1) + k * math.cos(a1)),
               point(math.cos(a2) + k * math.sin(a2), math.sin(a2) - k * math.cos(a2)),
               point(math.cos(a2), math.sin(a2))]


# --- shapes as path data -----------------------------------------------------------------------

def _shape_path(tag: str, el: ElementTree.Element) -> str:
    def get(name: str) -> float:
        return _length(el.get(name))

    if tag == "path":
        return el.get("d", "")
    if tag == "rect":
        x, y, w, h = get("x"), get("y"), get("width"), get("height")
        if w <= 0 or h <= 0:
            return ""
        rx_text, ry_text = el.get("rx"), el.get("ry")
        rx = _length(rx_text if rx_text is not None else ry_text)
        ry = _length(ry_text if ry_text is not None else rx_text)
        rx, ry = min(rx, w / 2), min(ry, h / 2)
        if rx <= 0 or ry <= 0:
            return f"M{x} {y}h{w}v{h}h{-w}z"
        return (f"M{x + rx} {y}h{w - 2 * rx}a{rx} {ry} 0 0 1 {rx} {ry}v{h - 2 * ry}"
                f"a{rx} {ry} 0 0 1 {-rx} {ry}h{-(w - 2 * rx)}a{rx} {ry} 0 0 1 {-rx} {-ry}"
                f"v{-(h - 2 * ry)}a{rx} {ry} 0 0 1 {rx} {-ry}z")
    if tag in ("circle", "ellipse"):
        cx, cy = get("cx"), get("cy")
        rx = get("r") if tag == "circle" else get("rx")
        ry = get("r") if tag == "circle" else get("ry")
        if rx <= 0 or ry <= 0:
            return ""
        return (f"M{cx - rx} {cy}a{rx} {ry} 0 1 0 {2 * rx} 0"
                f"a{rx} {ry} 0 1 0 {-2 * rx} 0z")
    if tag == "line":
        return f"M{get('x1')} {get('y1')}L{get('x2')} {get('y2')}"
    numbers = _NUMBER.findall(el.get("points", ""))
    if len(numbers) < 4:
        return ""
    pairs = " ".join(f"{a} {b}" for a, b in zip(numbers[::2], numbers[1::2], strict=False))
    return f"M{pairs}" + ("z" if tag == "polygon" else "")


# --- drawing -----------------------------------------------------------------------------------

def _paint(value: str | None, style: dict[str, str], alpha: float
           ) -> tuple[float, float, float, float] | None:
    if value is None or value in ("none", "transparent"):
        return None
    if value == "currentColor":
        value = style.get("color", "#000")
    match = re.fullmatch(r"rgba?\(([^)]*)\)", value)
    try:
        if match:
            parts = [p.strip() for p in match.group(1).split(",")]
            rgb = [float(p[:-1]) / 100 if p.endswith("%") else float(p) / 255 for p in parts[:3]]
            extra = float(parts[3]) if len(parts) > 3 else 1.0
            r, g, b, a = (*rgb, extra)
        else:
            r, g, b, a = to_rgba(value)
    except (ValueError, IndexError):
        raise SvgUnsupported(f"colour {value!r}") from None
    return (r, g, b, a * alpha)


def _opacity(value: str | None) -> float:
    if value is None or not value.strip():
        return 1.0
    text = value.strip()
    number = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    return max(0.0, min(1.0, number))


def _even_odd(path: Path) -> Path:
    """Matplotlib fills by the non-zero rule; orient each (flattened) ring by how deeply it is
    nested so that the non-zero fill equals the even-odd one."""
    rings = [ring for ring in path.to_polygons(closed_only=True) if len(ring) > 2]
    if len(rings) < 2:
        return path
    shapes = [Path(ring) for ring in rings]
    fixed = []
    for index, ring in enumerate(rings):
        depth = sum(1 for other, shape in enumerate(shapes)
                    if other != index and shape.contains_point(ring[0]))
        area = 0.5 * float(np.sum(ring[:-1, 0] * ring[1:, 1] - ring[1:, 0] * ring[:-1, 1]))
        fixed.append(ring[::-1] if (area > 0) == (depth % 2 == 1) else ring)
    return Path.make_compound_path(*(Path(ring, closed=True) for ring in fixed))


class _Drawer:
    def __init__(self, axes, ids: dict[str, ElementTree.Element],  # type: ignore[no-untyped-def]
                 points_per_unit: float) -> None:
        self.axes, self.ids, self.points_per_unit = axes, ids, points_per_unit
        self.depth = 0
        self.shapes = 0

    def children(self, parent: ElementTree.Element, style: dict[str, str], matrix: np.ndarray,
                 alpha: float) -> None:
        for child in parent:
            self.element(child, style, matrix, alpha)

    def element(self, el: ElementTree.Element, parent_style: dict[str, str],
                matrix: np.ndarray, alpha: float) -> None:
        tag = _local(el.tag)
        if tag in _SILENT or tag == "defs":
            return
        style = _style_of(el, parent_style)
        if style.get("display") == "none" or style.get("visibility") in ("hidden", "collapse"):
            return
        matrix = matrix @ _transform(el.get("transform"))
        alpha *= _opacity(style.get("opacity"))
        style.pop("opacity", None)
        if tag == "g":
            self._nested(lambda: self.children(el, style, matrix, alpha))
        elif tag == "use":
            target = self.ids.get(el.get("href", "").lstrip("#"))
            if target is None:
                return
            moved = matrix @ _translation(_length(el.get("x")), _length(el.get("y")))
            self._nested(lambda: self.element(target, style, moved, alpha))
        elif tag in _DRAWN:
            self._draw(tag, el, style, matrix, alpha)
        else:
            raise SvgUnsupported(f"element {tag}")

    def _nested(self, action) -> None:  # type: ignore[no-untyped-def]
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise SvgUnsupported("nested too deeply")
        try:
            action()
        finally:
            self.depth -= 1

    def _draw(self, tag: str, el: ElementTree.Element, style: dict[str, str],
              matrix: np.ndarray, alpha: float) -> None:
        self.shapes += 1
        if self.shapes > MAX_SHAPES:
            raise SvgUnsupported("too many shapes")
        vertices, codes = parse_path(_shape_path(tag, el))
        if not vertices:
            return
        points = np.column_stack([np.asarray(vertices, dtype=float), np.ones(len(vertices))])
        path = Path((points @ matrix.T)[:, :2], codes)
        fill = _paint(style.get("fill"), style, alpha * _opacity(style.get("fill-opacity")))
        if tag in ("line", "polyline"):
            fill = None
        stroke = _paint(style.get("stroke"), style,
                        alpha * _opacity(style.get("stroke-opacity")))
        scale = math.sqrt(abs(np.linalg.det(matrix[:2, :2]))) or 1.0
        width = _length(style.get("stroke-width"), 1.0) * scale * self.points_per_unit
        if fill is not None:
            shape = _even_odd(path) if style.get("fill-rule") == "evenodd" else path
            self.axes.add_patch(PathPatch(shape, facecolor=fill, edgecolor="none",
                                          linewidth=0))
        if stroke is not None and width > 0:
            patch = PathPatch(path, facecolor="none", edgecolor=stroke, linewidth=width,
                              capstyle=_CAPS.get(style.get("stroke-linecap", "butt"), "butt"),
                              joinstyle=_JOINS.get(style.get("stroke-linejoin", "miter"),
                                                   "miter"))
            dashes = [_length(v) * scale * self.points_per_unit
                      for v in _NUMBER.findall(style.get("stroke-dasharray", ""))]
            if dashes and sum(dashes) > 0:
                if len(dashes) % 2:
                    dashes *= 2
                patch.set_linestyle((0, tuple(d / width for d in dashes)))
            self.axes.add_patch(patch)
