"""The one message catalogue of the app: UI texts, domain errors and content (cards, guides).

``t(key, lang, **params)`` returns the text in ``lang`` (Finnish by default). Keys are plain
strings; tests check that every key used in the code exists in both languages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from typing import Any

from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_decimal

LANGUAGES: tuple[str, ...] = ("fi", "en")
DEFAULT_LANGUAGE = "fi"
LOCALES = {"fi": "fi_FI", "en": "en_GB"}


class MissingMessage(KeyError):
    pass


@cache
def catalogue() -> Mapping[str, Mapping[str, str]]:
    """Merge the UI catalogue with the content modules' messages; a key may be defined once."""
    from workshop.i18n.messages import content_modules

    merged: dict[str, Mapping[str, str]] = {}
    for source in content_modules():
        for key, texts in source.items():
            if key in merged:
                raise ValueError(f"message key defined twice: {key}")
            merged[key] = texts
    return merged


def normalise_language(lang: str | None) -> str:
    """Map a browser locale such as 'en-US' or a stored value to a supported language."""
    if not lang:
        return DEFAULT_LANGUAGE
    short = lang.replace("_", "-").split("-")[0].lower()
    return short if short in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    try:
        texts = catalogue()[key]
    except KeyError:
        raise MissingMessage(key) from None
    text = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def has(key: str) -> bool:
    return key in catalogue()


def fmt_date(value: dt.date | None, lang: str) -> str:
    if value is None:
        return "–"
    return format_date(value, format="medium", locale=LOCALES[normalise_language(lang)])


def fmt_datetime(value: dt.datetime | None, lang: str) -> str:
    if value is None:
        return "–"
    return format_datetime(value, format="short", locale=LOCALES[normalise_language(lang)])


def fmt_time(value: dt.time | None, lang: str) -> str:
    if value is None:
        return "–"
    return format_time(value, format="short", locale=LOCALES[normalise_language(lang)])


def fmt_number(value: float | int, lang: str) -> str:
    return format_decimal(value, locale=LOCALES[normalise_language(lang)])


def message_for(error: Exception, lang: str) -> str:
    """The user-facing text of a domain error (or a generic one for anything else)."""
    key = getattr(error, "key", None)
    params = dict(getattr(error, "params", {}) or {})
    field = params.get("field")
    if isinstance(field, str) and has(field):  # name the field in the user's language
        params["field"] = t(field, lang)
    if key and has(key):
        return t(key, lang, **params)
    return t("error.generic", lang)
