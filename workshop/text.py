"""Checks for text that users type. Accepted text is stored exactly as typed (emoji,
right-to-left scripts, ``<script>`` and all: it is always shown as text, never as HTML), apart
from surrounding whitespace; text that cannot be stored faithfully is refused with a reason."""

from __future__ import annotations

import re
import unicodedata

from workshop.errors import InvalidInput

SHORT = 200  # names, titles, display names
MEDIUM = 2_000  # one-line answers, definitions
LONG = 20_000  # notes, descriptions, persona stories

# C0/C1 control characters other than tab and newlines, plus lone surrogates: they cannot be
# stored in PostgreSQL text (NUL), break Word documents, or hide text from readers.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(
    value: object,
    *,
    field: str,
    max_length: int = LONG,
    required: bool = True,
    multiline: bool = True,
) -> str:
    """Return the text to store or raise :class:`InvalidInput` with a message key.

    ``field`` is the catalogue key of the field's label, so the message can name it.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput("error.text.not_text", field=field)
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not multiline and "\n" in text:
        raise InvalidInput("error.text.one_line", field=field)
    if _FORBIDDEN.search(text):
        raise InvalidInput("error.text.control_characters", field=field)
    if required and not text:
        raise InvalidInput("error.text.required", field=field)
    if len(text) > max_length:
        raise InvalidInput("error.text.too_long", field=field, max=max_length, length=len(text))
    return text


def clean_name(value: object, *, field: str, max_length: int = 80) -> str:
    """A display name or title: one line, and not only invisible characters."""
    text = clean_text(value, field=field, max_length=max_length, multiline=False)
    if not any(unicodedata.category(ch)[0] in "LNSP" for ch in text):
        raise InvalidInput("error.text.required", field=field)
    return text


def clean_choice(value: object, choices: tuple[str, ...], *, field: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise InvalidInput("error.choice", field=field)
    return value


def clean_int(value: object, *, field: str, minimum: int, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput("error.number.not_integer", field=field)
    if not minimum <= value <= maximum:
        raise InvalidInput("error.number.range", field=field, min=minimum, max=maximum)
    return value
