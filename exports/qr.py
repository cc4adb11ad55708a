"""QR codes for join links, drawn in-process (no network, no browser)."""

from __future__ import annotations

import io

import segno


def qr_png(url: str, scale: int = 10) -> bytes:
    """A PNG QR code; error correction 'M' survives a projector's glare and a phone's blur."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def qr_svg(url: str, scale: int = 10) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="svg", scale=scale, border=2,
                                                  xmldecl=False)
    return buffer.getvalue()
