"""Where the service-model description gets its content: one module per source.

The description has the headings of an Innokylä service-model description, always all of them
and in :data:`SECTION_KEYS` order. A module ``exports/model_sections/<name>.py`` declares

- ``SECTIONS``: the section keys it can fill (``("target_group",)``),
- ``render(doc_builder, session, actor, workshop_id, section, lang) -> bool``: writes its part
  under the section's heading (sub-headings at level 2 and below, tables and pictures through
  the :class:`~exports.docx_builder.DocBuilder`); returns False when it had nothing, and
- optionally ``ORDER`` (default 100): sources of the same section are written in this order.

A section no source filled says "to be completed" instead of disappearing. A source for a
feature that may not be installed checks for it itself (``importlib.util.find_spec``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

SECTION_KEYS: tuple[str, ...] = (
    "name",
    "short_description",
    "location",
    "basic_idea",
    "environment",
    "starting_point",
    "needs",
    "co_development",
    "target_change",
    "measuring_change",
    "target_group",
    "ideation",
    "idea_selection",
    "idea_testing",
    "solution_testing",
    "conditions",
    "evaluation_results",
    "tips",
    "attachments",
)

Renderer = Callable[..., bool]


def discover() -> dict[str, list[Renderer]]:
    """section key -> render functions in ``ORDER``, from the modules of this package."""
    found: dict[str, list[tuple[int, str, Renderer]]] = {key: [] for key in SECTION_KEYS}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        render = getattr(module, "render", None)
        for section in getattr(module, "SECTIONS", ()):
            if section not in found:
                raise RuntimeError(f"model source {info.name}: unknown section {section!r}")
            if not callable(render):
                raise RuntimeError(f"model source {info.name} has no render()")
            found[section].append((int(getattr(module, "ORDER", 100)), info.name, render))
    return {key: [r for _, _, r in sorted(items, key=lambda x: x[:2])]
            for key, items in found.items()}


_found: dict[str, list[Renderer]] | None = None


def sources() -> dict[str, list[Renderer]]:
    global _found
    if _found is None:
        _found = discover()
    return _found


def render_section(doc_builder: Any, session: Any, actor: Any, workshop_id: int, section: str,
                   lang: str) -> bool:
    """Every source of the section in order; "to be completed" when none wrote anything."""
    wrote = False
    for render in sources().get(section, []):
        wrote = bool(render(doc_builder, session, actor, workshop_id, section, lang)) or wrote
    if not wrote:
        doc_builder.paragraph(doc_builder.t("model.to_be_completed"), italic=True)
    return wrote
