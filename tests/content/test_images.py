"""Uploaded card images: type by content, size limits, corrupt files, and SVG sanitising."""

from __future__ import annotations

import base64
import io
import struct
import xml.etree.ElementTree as ET
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.content.images import (
    JPEG_MIME,
    MAX_CARD_IMAGE_BYTES,
    MAX_DIMENSION,
    MESSAGES,
    PNG_MIME,
    SVG_MIME,
    ImageRejected,
    ValidatedImage,
    validate_card_image,
)

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'


# --- builders ------------------------------------------------------------------------------


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def make_png(width: int = 3, height: int = 2) -> bytes:
    """A valid RGB PNG of solid colour, built by hand."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x10\x80\xf0" * width for _ in range(max(height, 1)))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(rows))
        + _chunk(b"IEND", b"")
    )


def make_jpeg(width: int = 5, height: int = 4, sof: int = 0xC0) -> bytes:
    """Marker structure of a baseline JPEG: enough for a header reader, not a decoder."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    dqt = b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + bytes(range(1, 65))
    frame = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    sof_segment = bytes([0xFF, sof]) + struct.pack(">H", len(frame) + 2) + frame
    sos = b"\xff\xda" + struct.pack(">H", 8) + b"\x01\x01\x00\x00\x3f\x00"
    return b"\xff\xd8" + app0 + dqt + sof_segment + sos + b"\x12\x34\xff\x00\x56" + b"\xff\xd9"


def reject_key(data: bytes, filename: str = "") -> str:
    with pytest.raises(ImageRejected) as caught:
        validate_card_image(data, filename)
    return caught.value.key


def clean_svg(markup: str) -> bytes:
    result = validate_card_image(markup.encode(), "card.svg")
    assert result.mime == SVG_MIME
    ET.fromstring(result.data)  # the output is well-formed XML
    return result.data


# --- raster --------------------------------------------------------------------------------


def test_png_is_accepted_with_its_dimensions() -> None:
    data = make_png(3, 2)
    assert validate_card_image(data, "kuva.png") == ValidatedImage(PNG_MIME, data, 3, 2)


def test_jpeg_is_accepted_with_its_dimensions() -> None:
    data = make_jpeg(5, 4)
    assert validate_card_image(data, "kuva.jpg") == ValidatedImage(JPEG_MIME, data, 5, 4)


def test_progressive_jpeg_frame_is_read() -> None:
    assert validate_card_image(make_jpeg(640, 480, sof=0xC2)).width == 640


@pytest.mark.parametrize(
    ("fmt", "mime", "options"),
    [("PNG", PNG_MIME, {}), ("JPEG", JPEG_MIME, {}), ("JPEG", JPEG_MIME, {"progressive": True})],
)
def test_files_from_a_real_encoder_are_measured(fmt: str, mime: str, options: dict) -> None:
    image_module = pytest.importorskip("PIL.Image")
    buffer = io.BytesIO()
    image_module.new("RGB", (37, 23), (200, 120, 40)).save(buffer, fmt, **options)
    result = validate_card_image(buffer.getvalue())
    assert (result.mime, result.width, result.height) == (mime, 37, 23)


def test_type_comes_from_content_not_name() -> None:
    png = make_png()
    assert validate_card_image(png, "sneaky.svg").mime == PNG_MIME
    assert validate_card_image(make_jpeg(), "photo.png").mime == JPEG_MIME
    assert reject_key(b"just some notes, not a picture\n", "kuva.png") == "image.error.unknown_type"
    assert reject_key(b"GIF89a\x01\x00\x01\x00", "kuva.gif") == "image.error.unknown_type"


def test_empty_file_is_refused() -> None:
    assert reject_key(b"", "kuva.png") == "image.error.empty"


def test_oversize_file_is_refused_before_parsing() -> None:
    data = make_png() + b"\x00" * (MAX_CARD_IMAGE_BYTES)
    with pytest.raises(ImageRejected) as caught:
        validate_card_image(data)
    assert caught.value.key == "image.error.too_large"
    assert caught.value.params["max_mb"] == 2


def test_file_exactly_at_the_limit_is_not_refused_for_size() -> None:
    padding = MAX_CARD_IMAGE_BYTES - len(make_png())
    data = make_png()[:-12] + _chunk(b"tEXt", b"x" * (padding - 12)) + _chunk(b"IEND", b"")
    assert len(data) == MAX_CARD_IMAGE_BYTES
    assert validate_card_image(data).mime == PNG_MIME


@pytest.mark.parametrize("cut", [9, 20, 33, 40, -13, -1])
def test_truncated_png_is_refused(cut: int) -> None:
    assert reject_key(make_png()[:cut]) == "image.error.corrupt"


def test_png_with_damaged_chunk_is_refused() -> None:
    data = bytearray(make_png())
    data[-20] ^= 0xFF  # inside the IDAT body: its CRC no longer matches
    assert reject_key(bytes(data)) == "image.error.corrupt"


def test_png_without_image_data_is_refused() -> None:
    data = make_png()
    no_idat = data[:33] + _chunk(b"IEND", b"")
    assert reject_key(no_idat) == "image.error.corrupt"


@pytest.mark.parametrize(
    ("width", "height"), [(0, 10), (10, 0), (MAX_DIMENSION + 1, 10), (10, 2**31)]
)
def test_png_with_impossible_dimensions_is_refused(width: int, height: int) -> None:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(b"\x00"))
        + _chunk(b"IEND", b"")
    )
    with pytest.raises(ImageRejected) as caught:
        validate_card_image(data)
    assert caught.value.key == "image.error.bad_dimensions"
    assert (caught.value.params["width"], caught.value.params["height"]) == (width, height)


def test_largest_allowed_dimensions_pass() -> None:
    assert validate_card_image(make_jpeg(MAX_DIMENSION, MAX_DIMENSION)).width == MAX_DIMENSION


def test_jpeg_too_wide_is_refused() -> None:
    assert reject_key(make_jpeg(MAX_DIMENSION + 1, 10)) == "image.error.bad_dimensions"


@pytest.mark.parametrize("cut", [3, 30, -2])
def test_truncated_jpeg_is_refused(cut: int) -> None:
    assert reject_key(make_jpeg()[:cut]) == "image.error.corrupt"


def test_jpeg_without_frame_header_is_refused() -> None:
    data = make_jpeg()
    sof_at = data.index(b"\xff\xc0")
    without_sof = data[:sof_at] + data[sof_at + 2 + 11 :]
    assert reject_key(without_sof) == "image.error.corrupt"


# --- SVG -----------------------------------------------------------------------------------


def test_plain_svg_is_accepted_and_measured() -> None:
    markup = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect/></svg>'
    result = validate_card_image(markup.encode(), "a.png")
    assert (result.mime, result.width, result.height) == (SVG_MIME, 300, 200)
    assert validate_card_image((SVG_OPEN + "<rect/></svg>").encode()).width == 10


def test_svg_without_namespace_gets_one() -> None:
    data = clean_svg('<svg viewBox="0 0 4 4"><circle r="2"/></svg>')
    assert ET.fromstring(data).tag == "{http://www.w3.org/2000/svg}svg"


def test_script_elements_and_handlers_are_removed() -> None:
    data = clean_svg(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" viewBox="0 0 10 10">'
        "<title>Kortti</title><script>alert(2)</script>"
        '<rect width="5" height="5" fill="red" onclick="alert(3)" onMouseOver="x()"/>'
        "<![CDATA[ ]]><!-- comment --></svg>"
    )
    text = data.decode().lower()
    for gone in ("script", "alert", "onload", "onclick", "onmouseover", "comment"):
        assert gone not in text
    assert '<rect width="5" height="5" fill="red"/>' in data.decode()
    assert "<title>Kortti</title>" in data.decode()


@pytest.mark.parametrize(
    "markup",
    [
        '<a href="javascript:alert(1)"><circle r="3"/></a>',
        '<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="JavaScript:alert(1)">'
        '<circle r="3"/></a>',
        '<use href="https://evil.example/sprite.svg#icon"/>',
        '<image href="http://evil.example/track.png" width="5" height="5"/>',
        '<image href="file:///etc/passwd"/>',
        '<image href="data:image/svg+xml;base64,PHN2Zy8+"/>',
        '<rect fill="url(http://evil.example/x)" width="2" height="2"/>',
        '<rect style="fill:url(https://evil.example/x);stroke:#000" width="2" height="2"/>',
        "<style>@import url(https://evil.example/x.css);</style>",
        '<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/>'
        "</foreignObject>",
        '<animate attributeName="href" to="javascript:alert(1)"/>',
        '<set attributeName="onload" to="alert(1)"/>',
    ],
)
def test_active_content_and_external_references_are_removed(markup: str) -> None:
    data = clean_svg(SVG_OPEN + markup + "</svg>").decode().lower()
    for gone in ("javascript", "evil", "file:", "http", "svg+xml", "iframe", "foreignobject"):
        assert gone not in data.replace("http://www.w3.org/2000/svg", "")
    assert "<style" not in data and "animate" not in data and "<set" not in data


def test_safe_references_and_styles_are_kept() -> None:
    png = base64.b64encode(make_png()).decode()
    data = clean_svg(
        SVG_OPEN + '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/>'
        '</linearGradient></defs><rect fill="url(#g)" style="stroke:#000;stroke-width:2"/>'
        '<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="#g"/>'
        f'<image href="data:image/png;base64,{png}" width="3" height="2"/></svg>'
    ).decode()
    assert 'fill="url(#g)"' in data
    assert 'style="stroke:#000;stroke-width:2"' in data
    assert '<use href="#g"/>' in data
    assert f"data:image/png;base64,{png}" in data


def test_embedded_raster_must_itself_be_sound() -> None:
    fake = base64.b64encode(b"\x89PNG\r\n\x1a\nnot really").decode()
    data = clean_svg(SVG_OPEN + f'<image href="data:image/png;base64,{fake}"/></svg>')
    assert b"<image" not in data


@pytest.mark.parametrize(
    "markup",
    [
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><title>&b;</title></svg>',
        '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><title>&x;</title></svg>',
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>',
        "<svg>" + "<g>" * 200 + "</g>" * 200 + "</svg>",
    ],
)
def test_dtds_entities_and_deep_nesting_are_refused(markup: str) -> None:
    assert reject_key(markup.encode(), "card.svg") == "image.error.unsafe_svg"


def test_broken_svg_is_corrupt_and_other_xml_is_unknown() -> None:
    assert reject_key(b'<svg xmlns="http://www.w3.org/2000/svg"><rect>') == "image.error.corrupt"
    assert reject_key(b"<html><body>hei</body></html>", "x.svg") == "image.error.unknown_type"


def test_utf16_svg_is_understood() -> None:
    markup = '<?xml version="1.0" encoding="UTF-16"?>' + SVG_OPEN + "<rect/></svg>"
    assert validate_card_image(markup.encode("utf-16")).mime == SVG_MIME


# --- messages and robustness -------------------------------------------------------------


def _rejections() -> list[ImageRejected]:
    samples = [
        b"",
        b"x" * (MAX_CARD_IMAGE_BYTES + 1),
        b"plain text",
        make_png()[:20],
        make_jpeg(0, 5),
        b"<!DOCTYPE svg><svg/>",
    ]
    found = []
    for sample in samples:
        with pytest.raises(ImageRejected) as caught:
            validate_card_image(sample)
        found.append(caught.value)
    return found


def test_every_error_has_friendly_texts_that_fill_their_placeholders() -> None:
    rejections = _rejections()
    assert {r.key for r in rejections} == set(MESSAGES)
    for rejection in rejections:
        assert isinstance(rejection, ValueError)
        for lang in ("fi", "en"):
            text = MESSAGES[rejection.key][lang].format(**rejection.params)
            assert text.endswith(".") and "{" not in text
    assert "2 Mt" in MESSAGES["image.error.too_large"]["fi"].format(max_mb=2)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_are_either_accepted_or_politely_refused(data: bytes) -> None:
    try:
        result = validate_card_image(data)
    except ImageRejected as rejection:
        assert rejection.key in MESSAGES
    else:
        assert result.mime in (PNG_MIME, JPEG_MIME, SVG_MIME)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=255))
def test_damaged_png_never_crashes(position: int, value: int) -> None:
    data = bytearray(make_png(4, 4))
    data[position % len(data)] = value
    try:
        validate_card_image(bytes(data))
    except ImageRejected as rejection:
        assert rejection.key in MESSAGES
