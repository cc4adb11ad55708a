from apptest_helpers import make_app, texts

from workshop import db, demo


def test_start_page_in_finnish_by_default(app_db):
    app = make_app().run()
    assert not app.exception
    assert "Tervetuloa mukaan" in texts(app)


def test_demo_facilitator_sees_pages(app_db):
    with db.transaction(app_db) as s:
        info = demo.seed_demo(s, "demo password 1")
    from workshop import accounts
    with db.transaction(app_db) as s:
        user = accounts.find_user(s, info.username)
    app = make_app(user_id=user.id).run()
    assert not app.exception, app.exception
    for page in ("pages/plan.py", "pages/console.py", "pages/projector.py", "pages/account.py"):
        app.switch_page(page).run()
        assert not app.exception, (page, app.exception)
