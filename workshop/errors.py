"""Domain errors carry a message key and parameters, so every layer can show them in the
user's language through the one catalogue (``workshop.i18n``)."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base class: ``key`` names a catalogue message, ``params`` fill its placeholders."""

    default_key = "error.generic"

    def __init__(self, key: str | None = None, **params: Any) -> None:
        self.key = key or self.default_key
        self.params = params
        try:
            described = f"{self.key} {params}" if params else self.key
        except ValueError:  # a param that cannot be printed (an int of 5,000 digits)
            described = self.key
        super().__init__(described)


class NotFound(DomainError):
    """Also used for records the actor may not see: existence is not leaked."""

    default_key = "error.not_found"


class AccessDenied(DomainError):
    default_key = "error.access_denied"


class InvalidInput(DomainError):
    default_key = "error.invalid_input"


class StaleEdit(DomainError):
    """Someone else saved the record after it was loaded; the edit is refused, not merged."""

    default_key = "error.stale_edit"


class Conflict(DomainError):
    default_key = "error.conflict"


class TooManyAttempts(DomainError):
    default_key = "error.too_many_attempts"
