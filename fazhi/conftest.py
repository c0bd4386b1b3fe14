"""Fixtures shared by every app's tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from django.db import connection


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: cached search statistics must not outlive the
    rolled-back rows they were computed from."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def on_postgres() -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture
def org_tree(db):
    """The bureau → 法规处 / 劳动保障监察总队 → 一支队, and a district with a team."""
    from fazhi.accounts.tests.factories import make_org_tree

    return make_org_tree()


@pytest.fixture
def staff_user(db, org_tree):
    from fazhi.accounts.tests.factories import make_user

    return make_user("staff1", unit=org_tree["fagui"], roles=["法规处工作人员"])


# --- Pages in headless Chromium -------------------------------------------------------------
# Debian's chromium is driven by playwright (no browser download: it cannot be fetched here).
# .ci/run installs chromium and sets FAZHI_REQUIRE_BROWSER=1 so a missing browser fails CI.

CHROMIUM = os.environ.get("FAZHI_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screens"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("FAZHI_REQUIRE_BROWSER") == "1":
            pytest.fail(f"页面测试需要 Chromium，但未找到 {CHROMIUM}")
        pytest.skip("页面测试需要 Debian chromium（apt-get install chromium；.ci/run 会自动安装）")
    # playwright's sync API runs an event loop in this thread; Django's ORM guard would object.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab; ``page.goto_path("/x")`` opens a path on the live server."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 860})
    tab = context.new_page()
    tab.goto_path = lambda path: tab.goto(live_server.url + path)
    yield tab
    context.close()


def screenshot(tab, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/screens/ for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


def text_of(locator) -> str:
    """The locator's text once its page has loaded.

    A click that navigates returns when the new page commits, before it is parsed: reading at
    once can see a half-built page (CI caught a heading not yet there).
    """
    locator.page.wait_for_load_state()
    return locator.inner_text()


def browser_login(tab, username: str, password: str = "pass-Word-123") -> None:
    tab.goto_path("/staff/accounts/login/")
    tab.get_by_label("用户名").fill(username)
    tab.get_by_label("密码").fill(password)
    tab.get_by_role("button", name="登录").click()


# --- Public-page cache (fazhi/core/caching.py) ----------------------------------------------


@pytest.fixture
def public_cache(settings):
    """Public-page caching on (the test settings turn it off). Wrap the writes whose version
    bumps should run in ``django_capture_on_commit_callbacks(execute=True)``: a test's
    transaction never commits."""
    settings.FAZHI = {**settings.FAZHI, "PUBLIC_CACHE": True}
    return settings


# --- The full demo, loaded once per worker for the tests that read it -----------------------
# A full ``demo_load`` is the suite's costliest setup. Tests marked ``shared_demo(day)`` that
# take the ``shared_demo`` fixture read one load, kept inside a transaction that stays open over
# consecutive such tests of the same day; each test runs in a savepoint rolled back after it, and
# the load is rolled back before the next test that does not share it. The marker also puts them
# in one xdist group (``--dist loadgroup``, scripts/test-all), started first.


class _Demo:
    today = None
    ctx = None
    atomic = None
    blocker = None


def _demo_day(item):
    marker = item.get_closest_marker("shared_demo") if item is not None else None
    return marker.args[0] if marker else None


def _demo_close() -> None:
    from django.db import transaction

    if _Demo.atomic is None:
        return
    with _Demo.blocker.unblock():
        transaction.set_rollback(True)
        _Demo.atomic.__exit__(None, None, None)
    _Demo.today = _Demo.ctx = _Demo.atomic = None


@pytest.fixture(scope="session")
def _shared_demo_session(django_db_setup, django_db_blocker):
    """The test database even when no test of the session asks for ``db`` (pytest-django then
    creates none); the load rolled back before the database goes."""
    from django.test.utils import setup_databases, teardown_databases

    created = None
    if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
        with django_db_blocker.unblock():
            created = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    yield
    _demo_close()
    if created is not None:
        with django_db_blocker.unblock():
            teardown_databases(created, verbosity=0)


@pytest.fixture
def shared_demo(request, _shared_demo_session, django_db_blocker):
    """The context of the full demo loaded at the marker's day (see above)."""
    from django.db import transaction

    from fazhi.accounts.scenario import demo_load

    today = _demo_day(request.node)
    if today is None or request.node.get_closest_marker("django_db"):
        pytest.fail("shared_demo needs @pytest.mark.shared_demo(day) and no django_db marker")
    with django_db_blocker.unblock():
        if _Demo.today != today:
            _demo_close()
            _Demo.blocker, _Demo.atomic = django_db_blocker, transaction.atomic()
            _Demo.atomic.__enter__()
            try:
                _Demo.ctx = demo_load(today=today)
            except BaseException:
                _demo_close()
                raise
            _Demo.today = today
        with transaction.atomic():
            yield _Demo.ctx
            usable = not connection.needs_rollback and connection.is_usable()
            if connection.features.can_defer_constraint_checks and usable:
                connection.check_constraints()  # as Django's TestCase does after each test
            transaction.set_rollback(True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    if _Demo.today is not None and _demo_day(nextitem) != _Demo.today:
        _demo_close()
    return result


def pytest_itemcollected(item):
    """A shared-demo test joins its day's xdist group; a ``postgres`` test is skipped on SQLite
    before its fixtures (and a transactional test's flush) run."""
    if _demo_day(item):
        item.add_marker(pytest.mark.xdist_group(f"demo-{_demo_day(item)}"))
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        item.add_marker(pytest.mark.skip(reason="PostgreSQL only"))


@pytest.hookimpl(trylast=True)  # after pytest-django's ordering by kind of database use
def pytest_collection_modifyitems(items):
    """The shared-demo tests first, by day: the longest units of work start first."""
    shared = sorted((item for item in items if _demo_day(item)), key=_demo_day)
    items[:] = shared + [item for item in items if not _demo_day(item)]
