"""Where the catalogue's messages come from: the UI texts and each content module."""

from __future__ import annotations

from collections.abc import Mapping


def content_modules() -> list[Mapping[str, Mapping[str, str]]]:
    from workshop.content import methods
    from workshop.i18n import ui

    return [ui.MESSAGES, methods.MESSAGES]
