"""No page hands user content to the browser as HTML.

User text is shown with ``plain()`` or as widget values (DEVELOPING.md, Texts). This scans the
UI code (``app.py`` and everything under ``pages/``) for the ways around that:
``unsafe_allow_html`` / ``unsafe_allow_javascript`` on any call, ``st.html`` and
``components.html``. ``unsafe_allow_html`` is never allowed. Raw HTML is allowed only at the
call sites listed in :data:`ALLOWED`, each with the reason it carries no user text, and only
while its markup stays static: a string literal, or an f-string whose placeholders are the
listed names (values the app itself makes, never typed by a user). A new call site, a changed
argument or a stale entry fails the test.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = sorted([ROOT / "app.py", *(ROOT / "pages").rglob("*.py")])
HTML_FUNCTIONS = {"html"}  # st.html, components.html, st.components.v1.html
# Streamlit calls that take unsafe_allow_html: a **kwargs splat into them could carry it
MARKDOWN_FUNCTIONS = {
    "markdown", "write", "caption", "title", "header", "subheader", "text", "info",
    "warning", "error", "success", "toast", "latex", "code", "metric", "expander", "tabs",
    "button", "radio", "checkbox", "toggle", "selectbox", "multiselect", "tooltip", "help",
}
UNSAFE_KEYWORDS = {"unsafe_allow_html", "unsafe_allow_javascript"}


@dataclass(frozen=True)
class Site:
    path: str
    function: str  # enclosing function, "<module>" at top level


# site -> (names an f-string may interpolate, why no user text can reach it)
ALLOWED: dict[Site, tuple[frozenset[str], str]] = {
    Site("pages/common.py", "set_page_language"): (
        frozenset({"language"}),
        "sets <html lang>: the language is one of the catalogue's codes (fi/en), chosen "
        "from a fixed list, and repr() quotes it",
    ),
    Site("pages/common.py", "run_cookie_script"): (
        frozenset({"script"}),
        "writes the login cookie: the script is built in remember_login/logout from a "
        "server-made random token, never from typed text",
    ),
    Site("pages/projector.py", "<module>"): (
        frozenset(),
        "a fixed <style> block: larger type on the projector",
    ),
    Site("pages/personas.py", "<module>"): (
        frozenset(),
        "a fixed <style> block: larger type in projector mode",
    ),
}


@dataclass(frozen=True)
class Found:
    site: Site
    line: int
    kind: str  # "html" or the unsafe keyword
    call: ast.Call


def _calls(path: Path) -> list[Found]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    relative = path.relative_to(ROOT).as_posix()
    found: list[Found] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            name = function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = child.name if function == "<module>" else f"{function}.{child.name}"
            if isinstance(child, ast.Call):
                site = Site(relative, function)
                callee = child.func
                called = (callee.attr if isinstance(callee, ast.Attribute)
                          else callee.id if isinstance(callee, ast.Name) else "")
                if called in HTML_FUNCTIONS:
                    found.append(Found(site, child.lineno, "html", child))
                for keyword in child.keywords:
                    if keyword.arg in UNSAFE_KEYWORDS and not (
                            isinstance(keyword.value, ast.Constant)
                            and keyword.value.value is False):
                        found.append(Found(site, child.lineno, keyword.arg, child))
                    if keyword.arg is None and called in MARKDOWN_FUNCTIONS:
                        # a **kwargs splat into st.markdown could smuggle the flag in
                        found.append(Found(site, child.lineno, "**kwargs", child))
            visit(child, name)

    visit(tree, "<module>")
    return found


def _all_calls() -> list[Found]:
    return [found for path in UI_FILES for found in _calls(path)]


def _static(argument: ast.expr, names: frozenset[str]) -> bool:
    """A literal, or an f-string whose placeholders are only ``names``."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return True
    if isinstance(argument, ast.JoinedStr):
        for part in argument.values:
            if isinstance(part, ast.Constant):
                continue
            if not (isinstance(part, ast.FormattedValue) and isinstance(part.value, ast.Name)
                    and part.value.id in names and part.format_spec is None):
                return False
        return True
    return False


def test_the_scan_sees_the_ui_files():
    assert ROOT / "app.py" in UI_FILES
    assert any(p.parent.name == "activities" for p in UI_FILES)
    assert len(UI_FILES) > 20


def test_unsafe_allow_html_is_never_used():
    offenders = [f"{f.site.path}:{f.line} ({f.kind})" for f in _all_calls()
                 if f.kind in ("unsafe_allow_html", "**kwargs")]
    assert offenders == []
    # a textual backstop for uses the AST walk would not see (getattr, partial, ...)
    textual = [p.relative_to(ROOT).as_posix() for p in UI_FILES
               if "unsafe_allow_html" in p.read_text(encoding="utf-8")]
    assert textual == []


def test_raw_html_only_at_listed_sites_with_static_markup():
    seen: set[Site] = set()
    problems: list[str] = []
    for found in _all_calls():
        if found.kind in ("unsafe_allow_html", "**kwargs"):
            continue  # reported above
        where = f"{found.site.path}:{found.line} in {found.site.function} ({found.kind})"
        if found.site not in ALLOWED:
            problems.append(f"{where}: not in ALLOWED")
            continue
        seen.add(found.site)
        names, _why = ALLOWED[found.site]
        if found.kind == "html":
            arguments = [*found.call.args, *(k.value for k in found.call.keywords
                                             if k.arg == "body")]
            if len(arguments) != 1 or not _static(arguments[0], names):
                problems.append(f"{where}: markup is not static")
    assert problems == []
    assert set(ALLOWED) == seen, f"stale ALLOWED entries: {set(ALLOWED) - seen}"


def test_the_scanner_catches_what_it_should(tmp_path):
    """The checks above would fail on the patterns they look for."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import streamlit as st\n"
        "import streamlit.components.v1 as components\n"
        "def show(note):\n"
        "    st.markdown(note, unsafe_allow_html=True)\n"
        "    st.write(note, unsafe_allow_html=flag)\n"
        "    st.html(f'<b>{note}</b>')\n"
        "    components.html(note)\n"
        "    st.caption(note, **options)\n"
        "    tr('key', **params)\n"
        "    st.markdown(note, unsafe_allow_html=False)\n",
        encoding="utf-8",
    )
    global ROOT
    saved = ROOT
    ROOT = tmp_path
    try:
        kinds = [(f.line, f.kind) for f in _calls(sample)]
    finally:
        ROOT = saved
    assert kinds == [(4, "unsafe_allow_html"), (5, "unsafe_allow_html"), (6, "html"),
                     (7, "html"), (8, "**kwargs")]  # not tr(..., **params)
    call = ast.parse("st.html(f'<b>{note}</b>')").body[0].value
    assert not _static(call.args[0], frozenset({"language"}))
    assert _static(call.args[0], frozenset({"note"}))
