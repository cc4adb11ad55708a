"""Where the catalogue's messages come from: every ``MESSAGES`` dict in ``workshop/i18n/``
(UI texts, one module per feature) and the content modules (guides, cards, images)."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping

CONTENT_MODULES = ("workshop.content.methods", "workshop.content.cards", "workshop.content.images")


def content_modules() -> list[Mapping[str, Mapping[str, str]]]:
    import workshop.i18n as package

    names = [f"workshop.i18n.{m.name}" for m in pkgutil.iter_modules(package.__path__)
             if m.name != "messages"]
    return [importlib.import_module(name).MESSAGES for name in [*names, *CONTENT_MODULES]]
