"""Where the catalogue's messages come from: the UI texts and each content module."""

from __future__ import annotations

from collections.abc import Mapping


def content_modules() -> list[Mapping[str, Mapping[str, str]]]:
    from workshop.content import cards, images, methods
    from workshop.i18n import analysis, ui

    return [ui.MESSAGES, analysis.MESSAGES, methods.MESSAGES, cards.MESSAGES, images.MESSAGES]
