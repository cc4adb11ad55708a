"""Checks for picture-card images that facilitators upload (PNG, JPEG, SVG).

The type is decided from the bytes, never from the file name, because a name is just a claim.
Raster images are only measured (pure Python, no decoder runs on untrusted pixels). SVG is
parsed without DTDs or entities and rebuilt from an allow-list, so scripts, event handlers and
external references cannot survive into the page that shows the card.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
import zlib
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

MAX_CARD_IMAGE_BYTES = 2 * 1024 * 1024
MAX_DIMENSION = 6000
MAX_SVG_DEPTH = 64
MAX_SVG_ELEMENTS = 20_000

PNG_MIME = "image/png"
JPEG_MIME = "image/jpeg"
SVG_MIME = "image/svg+xml"

MESSAGES: dict[str, dict[str, str]] = {
    "image.error.empty": {
        "fi": "Tiedosto on tyhjä. Valitse kuvatiedosto ja yritä uudelleen.",
        "en": "The file is empty. Choose an image file and try again.",
    },
    "image.error.too_large": {
        "fi": "Kuva on liian suuri (yli {max_mb} Mt). Pienennä kuvaa ja yritä uudelleen.",
        "en": "The image is too large (over {max_mb} MB). Make it smaller and try again.",
    },
    "image.error.unknown_type": {
        "fi": "Tiedosto ei ole tuettu kuva. Käytä PNG-, JPEG- tai SVG-kuvaa.",
        "en": "This file is not a supported image. Please use a PNG, JPEG or SVG image.",
    },
    "image.error.corrupt": {
        "fi": "Kuvatiedosto on vioittunut tai keskeneräinen. Tallenna kuva uudelleen ja "
        "yritä sitten uudestaan.",
        "en": "The image file is damaged or incomplete. Save the image again and retry.",
    },
    "image.error.bad_dimensions": {
        "fi": "Kuvan koko ({width} × {height} px) ei käy. Leveyden ja korkeuden pitää olla "
        "1–{max_px} pikseliä.",
        "en": "The image size ({width} × {height} px) cannot be used. Width and height must be "
        "between 1 and {max_px} pixels.",
    },
    "image.error.unsafe_svg": {
        "fi": "SVG-kuvassa on rakenteita, joita ei turvallisuussyistä voi käyttää. Tallenna "
        "kuva tavallisena SVG- tai PNG-kuvana ja yritä uudelleen.",
        "en": "The SVG image contains structures that cannot be used for safety reasons. "
        "Save it as a plain SVG or PNG image and try again.",
    },
}


class ImageRejected(ValueError):
    """An upload that cannot be used; ``key`` names a message in ``MESSAGES``."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params: dict[str, Any] = params
        super().__init__(f"{key} {params}" if params else key)


@dataclass(frozen=True)
class ValidatedImage:
    """Bytes safe to store and show; for SVG these are the rebuilt, cleaned document."""

    mime: str
    data: bytes = field(repr=False)
    width: int | None
    height: int | None


def validate_card_image(data: bytes, filename: str = "") -> ValidatedImage:
    """Accept a PNG, JPEG or SVG by its content; ``filename`` is ignored on purpose."""
    del filename  # a name proves nothing about the content
    if not data:
        raise ImageRejected("image.error.empty")
    if len(data) > MAX_CARD_IMAGE_BYTES:
        raise ImageRejected(
            "image.error.too_large", max_mb=MAX_CARD_IMAGE_BYTES // (1024 * 1024), size=len(data)
        )
    if data.startswith(PNG_SIGNATURE):
        return _checked_raster(PNG_MIME, data, *png_size(data))
    if data.startswith(b"\xff\xd8\xff"):
        return _checked_raster(JPEG_MIME, data, *jpeg_size(data))
    if _looks_like_xml(data):
        return sanitize_svg(data)
    raise ImageRejected("image.error.unknown_type")


def _checked_raster(mime: str, data: bytes, width: int, height: int) -> ValidatedImage:
    if not (0 < width <= MAX_DIMENSION and 0 < height <= MAX_DIMENSION):
        raise ImageRejected(
            "image.error.bad_dimensions", width=width, height=height, max_px=MAX_DIMENSION
        )
    return ValidatedImage(mime, data, width, height)


# --- PNG -------------------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Walk every chunk (checking CRCs) up to IEND, so truncated files are caught early."""
    pos = len(PNG_SIGNATURE)
    size: tuple[int, int] | None = None
    has_idat = False
    while True:
        if pos + 12 > len(data):
            raise ImageRejected("image.error.corrupt")
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if end > len(data):
            raise ImageRejected("image.error.corrupt")
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if zlib.crc32(kind + body) != crc:
            raise ImageRejected("image.error.corrupt")
        if size is None:
            if kind != b"IHDR" or length != 13:
                raise ImageRejected("image.error.corrupt")
            size = struct.unpack(">II", body[:8])
        has_idat = has_idat or kind == b"IDAT"
        if kind == b"IEND":
            break
        pos = end
    if not has_idat:
        raise ImageRejected("image.error.corrupt")
    return size


# --- JPEG ------------------------------------------------------------------------------------

# Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames.
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_STANDALONE_MARKERS = frozenset(range(0xD0, 0xD8)) | {0x01}


def jpeg_size(data: bytes) -> tuple[int, int]:
    """Read the frame header among the segments before the scan; require the EOI marker."""
    if not data.rstrip(b"\x00\r\n ").endswith(b"\xff\xd9"):
        raise ImageRejected("image.error.corrupt")
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ImageRejected("image.error.corrupt")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker in _STANDALONE_MARKERS:
            pos += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image or start of scan before any frame
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2 or pos + 2 + length > len(data):
            raise ImageRejected("image.error.corrupt")
        if marker in _SOF_MARKERS:
            if length < 8:
                raise ImageRejected("image.error.corrupt")
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        pos += 2 + length
    raise ImageRejected("image.error.corrupt")


# --- SVG -------------------------------------------------------------------------------------

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_SEP = "\x1f"  # namespace separator handed to expat; cannot occur in names


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements that draw or structure a picture. Anything else (script, foreignObject, style,
# animate/set, iframe, feImage, metadata of editors...) is dropped with its content.
_ELEMENTS = _words(
    """svg g defs title desc symbol use path rect circle ellipse line polyline polygon
    linearGradient radialGradient stop pattern clipPath mask marker image text tspan textPath
    filter feGaussianBlur feOffset feBlend feColorMatrix feFlood feComposite feMerge
    feMergeNode feDropShadow feMorphology"""
)
_RENAMED = {"a": "g", "switch": "g"}  # keep a link's or switch's content, not its behaviour
_TEXT_ELEMENTS = frozenset({"title", "desc", "text", "tspan", "textPath"})

_ATTRIBUTES = _words(
    """id class lang role aria-label aria-hidden focusable version baseProfile
    x y x1 y1 x2 y2 cx cy r rx ry fx fy fr dx dy width height d points pathLength viewBox
    preserveAspectRatio transform rotate textLength lengthAdjust startOffset
    fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin
    stroke-miterlimit stroke-dasharray stroke-dashoffset stroke-opacity opacity color display
    visibility clip-path clip-rule mask filter marker-start marker-mid marker-end stop-color
    stop-opacity offset gradientUnits gradientTransform spreadMethod patternUnits
    patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits markerWidth
    markerHeight markerUnits refX refY orient font-family font-size font-weight font-style
    font-variant text-anchor dominant-baseline alignment-baseline baseline-shift
    letter-spacing word-spacing text-decoration writing-mode vector-effect shape-rendering
    image-rendering paint-order mix-blend-mode isolation filterUnits primitiveUnits in in2
    result stdDeviation mode type values operator k1 k2 k3 k4 flood-color flood-opacity
    radius color-interpolation color-interpolation-filters style href"""
)
_XML_ATTRIBUTES = frozenset({"space", "lang"})

_URL_RE = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_DATA_IMAGE_RE = re.compile(r"^data:image/(png|jpeg);base64,([A-Za-z0-9+/=\s]+)$", re.IGNORECASE)
_FRAGMENT_RE = re.compile(r"^#[\w.:-]+$")
_UNSAFE_VALUE_RE = re.compile(r"javascript:|vbscript:|expression\s*\(|@import|\\", re.IGNORECASE)


def _looks_like_xml(data: bytes) -> bool:
    """A first '<' after an optional byte-order mark; the XML parser decides the rest."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[2:256].decode("utf-16-le" if data[0] == 0xFF else "utf-16-be", "ignore")
        return head.lstrip().startswith("<")
    return data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node | str] = field(default_factory=list)


class _UnsafeSvg(Exception):
    """Raised from inside expat callbacks; turned into ``ImageRejected`` by the caller."""


def sanitize_svg(data: bytes) -> ValidatedImage:
    """Parse without DTDs or entities and rebuild the document from the allow-lists."""
    root = _parse_svg(data)
    if root.tag != "svg":
        raise ImageRejected("image.error.unknown_type")
    cleaned = _serialize(root, is_root=True).encode("utf-8")
    return ValidatedImage(SVG_MIME, cleaned, *_svg_size(root.attrs))


def _parse_svg(data: bytes) -> _Node:
    parser = expat.ParserCreate(namespace_separator=_SEP)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[_Node] = []
    result: list[_Node] = []
    count = 0

    def refuse(*_: object) -> None:
        raise _UnsafeSvg

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > MAX_SVG_ELEMENTS or len(stack) >= MAX_SVG_DEPTH:
            raise _UnsafeSvg
        node = _Node(name, attrs)
        if stack:
            stack[-1].children.append(node)
        else:
            result.append(node)
        stack.append(node)

    def end(_name: str) -> None:
        stack.pop()

    def text(chars: str) -> None:
        if stack:
            stack[-1].children.append(chars)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except _UnsafeSvg:
        raise ImageRejected("image.error.unsafe_svg") from None
    except (expat.ExpatError, ValueError, UnicodeError):
        key = "image.error.corrupt" if b"<svg" in data else "image.error.unknown_type"
        raise ImageRejected(key) from None
    return _localize(result[0])


def _localize(node: _Node) -> _Node:
    """Keep SVG (or un-namespaced) elements under their local names; mark others foreign."""
    ns, _, local = node.tag.rpartition(_SEP)
    tag = local if ns in ("", SVG_NS) else ""
    children = [c if isinstance(c, str) else _localize(c) for c in node.children]
    return _Node(tag, node.attrs, children)


def _serialize(node: _Node, is_root: bool = False) -> str:
    tag = _RENAMED.get(node.tag, node.tag)
    if tag not in _ELEMENTS:
        return ""
    attrs = _clean_attributes(tag, node.attrs)
    if attrs is None:  # e.g. an <image> pointing outside the document
        return ""
    if is_root:
        attrs = {"xmlns": SVG_NS, **attrs}
    inner = "".join(
        _serialize(child)
        if isinstance(child, _Node)
        else (escape(child) if tag in _TEXT_ELEMENTS else "")
        for child in node.children
    )
    opening = tag + "".join(f" {k}={quoteattr(v)}" for k, v in attrs.items())
    return f"<{opening}>{inner}</{tag}>" if inner else f"<{opening}/>"


def _clean_attributes(tag: str, raw: dict[str, str]) -> dict[str, str] | None:
    """Return the allowed attributes, or None when the element must go altogether."""
    attrs: dict[str, str] = {}
    for name, value in raw.items():
        ns, _, local = name.rpartition(_SEP)
        if ns == XML_NS and local in _XML_ATTRIBUTES:
            attrs[f"xml:{local}"] = value
            continue
        if ns not in ("", XLINK_NS) or (ns == XLINK_NS and local != "href"):
            continue
        if local not in _ATTRIBUTES or _UNSAFE_VALUE_RE.search(value):
            continue
        if local == "href":
            if not _safe_href(tag, value):
                continue
        elif local == "style":
            value = _clean_style(value)
        elif not _urls_are_local(value):
            continue
        if value:
            attrs[local] = value
    if tag == "image" and "href" not in attrs:
        return None
    return attrs


def _safe_href(tag: str, value: str) -> bool:
    value = value.strip()
    if _FRAGMENT_RE.match(value):
        return True
    match = _DATA_IMAGE_RE.match(value)
    return tag == "image" and match is not None and _embedded_raster_ok(match.group(2))


def _embedded_raster_ok(payload: str) -> bool:
    """An embedded picture must itself be a sound PNG or JPEG, not an SVG or anything else."""
    try:
        raw = base64.b64decode("".join(payload.split()), validate=True)
        return validate_card_image(raw).mime in (PNG_MIME, JPEG_MIME)
    except (binascii.Error, ImageRejected):
        return False


def _urls_are_local(value: str) -> bool:
    return all(_FRAGMENT_RE.match(m.group(2).strip()) for m in _URL_RE.finditer(value))


def _clean_style(style: str) -> str:
    """Keep only allowed presentation properties whose values refer to nothing outside."""
    kept = []
    for declaration in style.split(";"):
        prop, sep, value = declaration.partition(":")
        prop, value = prop.strip().lower(), value.strip()
        if (
            sep
            and prop in _ATTRIBUTES
            and prop not in ("href", "style")
            and value
            and _urls_are_local(value)
        ):
            kept.append(f"{prop}:{value}")
    return ";".join(kept)


_LENGTH_RE = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


def _svg_size(attrs: dict[str, str]) -> tuple[int | None, int | None]:
    """Pixel size from width/height, else from the viewBox; None when it cannot be known."""
    width, height = (_LENGTH_RE.match(attrs.get(a, "")) for a in ("width", "height"))
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    parts = attrs.get("viewBox", "").replace(",", " ").split()
    try:
        box_w, box_h = float(parts[2]), float(parts[3])
    except (IndexError, ValueError):
        return None, None
    return (round(box_w), round(box_h)) if box_w > 0 and box_h > 0 else (None, None)
