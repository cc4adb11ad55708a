"""The exports page renders for a facilitator with and without data."""

from apptest_helpers import make_app, texts

from workshop import accounts, db, demo


def test_exports_page_shows_every_export(app_db):
    with db.transaction(app_db) as s:
        info = demo.seed_demo(s, "demo password 1")
    with db.transaction(app_db) as s:
        user = accounts.find_user(s, info.username)
    app = make_app(user_id=user.id).run()
    app.switch_page("pages/exports.py").run()
    assert not app.exception, app.exception
    shown = texts(app)
    for heading in ("Tapaamisen muistio", "Toimintamallin kuvaus", "Aineisto",
                    "Organisaation Word-pohja", "Palauta varmuuskopio"):
        assert heading in shown
    assert "Ei omaa pohjaa" in shown


def test_exports_page_without_workshops(app_db):
    with db.transaction(app_db) as s:
        user = accounts.create_user(s, "uusi", "long enough pw", "Uusi")
    app = make_app(user_id=user.id).run()
    app.switch_page("pages/exports.py").run()
    assert not app.exception, app.exception
    assert "Palauta varmuuskopio" in texts(app)
