"""Every key the code uses exists in Finnish and English; placeholders agree."""

import ast
import re
import string
from pathlib import Path

import pytest

from workshop.errors import InvalidInput
from workshop.i18n import LANGUAGES, catalogue, fmt_date, message_for, normalise_language, t

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "app.py", *(ROOT / "pages").rglob("*.py"), *(ROOT / "workshop").rglob("*.py"),
           *(ROOT / "exports").rglob("*.py")]
KEY = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")


def _literal_keys() -> set[str]:
    """String literals passed to tr()/t() or as an error key / field name anywhere."""
    keys: set[str] = set()
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                args = list(node.args[:1])
                if name in {"tr", "t", "InvalidInput", "NotFound", "Conflict", "StaleEdit",
                            "AccessDenied", "TooManyAttempts", "DomainError", "MapError",
                            "MapFileError", "ImageRejected"}:
                    keys |= {a.value for a in args if isinstance(a, ast.Constant)
                             and isinstance(a.value, str) and KEY.match(a.value)}
                for kw in node.keywords:
                    if kw.arg == "field" and isinstance(kw.value, ast.Constant):
                        keys.add(kw.value.value)
    return keys


def _fstring_patterns() -> set[str]:
    """tr(f"role.{x}.name") and the like, as regular expressions over catalogue keys."""
    patterns: set[str] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"tr", "t"}
                    and node.args and isinstance(node.args[0], ast.JoinedStr)):
                parts = [re.escape(v.value) if isinstance(v, ast.Constant) else r"[a-z0-9_]+"
                         for v in node.args[0].values]
                patterns.add("".join(parts))
    return patterns


def test_every_literal_key_exists_in_both_languages():
    cat = catalogue()
    missing = sorted(k for k in _literal_keys() if k not in cat)
    assert missing == []


@pytest.mark.parametrize("pattern", sorted(_fstring_patterns()))
def test_every_computed_key_family_exists(pattern):
    assert any(re.fullmatch(pattern, key) for key in catalogue()), pattern


def test_catalogue_complete_and_placeholders_match():
    formatter = string.Formatter()
    for key, texts in catalogue().items():
        assert set(LANGUAGES) <= set(texts), key
        fields = [{f for _, f, _, _ in formatter.parse(texts[lang]) if f} for lang in LANGUAGES]
        assert fields[0] == fields[1], key
        for lang in LANGUAGES:
            assert texts[lang].strip(), (key, lang)


def test_role_phase_and_activity_names_exist():
    from workshop.meetings import ACTIVITY_TYPES
    from workshop.models import PHASES, ROLES

    for role in ROLES:
        assert t(f"role.{role}.name", "fi") != t(f"role.{role}.name", "en")
    for phase in PHASES:
        t(f"phase.{phase}.name", "fi")
    for activity in ACTIVITY_TYPES:
        t(f"activity.{activity}.name", "en")
        t(f"activity.{activity}.hint", "fi")


def test_errors_name_the_field_in_the_users_language():
    error = InvalidInput("error.text.required", field="field.display_name")
    assert message_for(error, "fi") == "Nimi tai nimimerkki: kenttä on tyhjä."
    assert message_for(error, "en") == "Name or nickname: this is empty."
    assert message_for(ValueError("boom"), "fi") == t("error.generic", "fi")


def test_locale_formatting_and_language_normalisation():
    import datetime as dt

    assert fmt_date(dt.date(2026, 3, 5), "fi") == "5.3.2026"
    assert fmt_date(dt.date(2026, 3, 5), "en") == "5 Mar 2026"
    assert normalise_language("en-US") == "en"
    assert normalise_language("sv") == "fi"
    assert normalise_language(None) == "fi"


UI_NAMESPACES = re.compile(
    r"^(nav|label|action|field|join|login|account|workshops|plan|console|projector|"
    r"participate|error|status|language|map|mapfile|loops|leverage|image)\.[a-z0-9_.]+$"
)


def test_key_like_strings_in_pages_exist():
    """Keys chosen at run time (tr(label) with label = "console.hide") exist as well, and so
    do keys the domain raises or returns (error, map, leverage, image keys)."""
    found = set()
    not_keys = {"models.py"}  # foreign keys such as "workshops.id" look alike
    for path in SOURCES:
        if path.name in not_keys or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and UI_NAMESPACES.match(node.value):
                found.add(node.value)
    assert found, "the scan found nothing: it is broken"
    assert sorted(k for k in found if k not in catalogue()) == []
