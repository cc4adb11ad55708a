"""Helpers for AppTest page tests."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def make_app(**state: object) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for key, value in state.items():
        app.session_state[key] = value
    return app


def texts(app: AppTest) -> str:
    """Everything the page shows as text, for assertions on what a user reads."""
    parts = [e.value for e in app.markdown] + [e.value for e in app.title]
    parts += [e.value for e in app.header] + [e.value for e in app.subheader]
    parts += [e.value for e in app.caption] + [e.value for e in app.info]
    parts += [e.value for e in app.error] + [e.value for e in app.success]
    parts += [e.value for e in app.warning]
    return "\n".join(str(p) for p in parts)
