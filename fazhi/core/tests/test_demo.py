from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command

from fazhi.accounts import scenario as demo
from fazhi.accounts import selectors as account_selectors
from fazhi.accounts.models import OrgUnit, User
from fazhi.accounts.tests.factories import make_user
from fazhi.core import demo as core_demo
from fazhi.core.models import AuditEvent, CalendarYear, Deadline, HolidayOverride
from fazhi.core.selectors.deadlines import deadlines_for_user

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 16)  # a Monday with known holiday data around it
MODELS = (OrgUnit, User, Group, Deadline, HolidayOverride, CalendarYear, AuditEvent)


_ALL_DEMO_MODULES = demo.demo_modules


@pytest.fixture(autouse=True)
def _core_demo_only(request, monkeypatch):
    """The other apps test their own loaders; here only core's runs, unless marked full_demo."""
    if "full_demo" not in request.keywords:
        monkeypatch.setattr(
            demo,
            "demo_modules",
            lambda: [m for m in _ALL_DEMO_MODULES() if m.__name__ == "fazhi.core.demo"],
        )


def _counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS}


def _run(*args: str) -> None:
    call_command("demo", "--today", TODAY.isoformat(), *args)


def test_first_run_builds_the_bureau_and_one_account_per_role(capsys):
    # when
    _run()
    # then: the tree
    units = {u.code: u for u in OrgUnit.objects.all()}
    assert len(units) == len(demo.ORG_UNITS) == 22
    assert units["JCZD-1"].path == f"/{units['JU'].pk}/{units['JCZD'].pk}/{units['JCZD-1'].pk}/"
    assert units["HPQ-JC"].parent == units["HPQ"]
    # the accounts, with the documented passwords and roles
    for account in demo.DEMO_ACCOUNTS:
        user = User.objects.get(username=account.username)
        assert user.is_demo and user.check_password(account.password)
        assert [r.code for r in account_selectors.user_roles(user)] == list(account.roles)
    assert User.objects.get(username="admin").is_superuser
    # the printed table shows the logins
    out = capsys.readouterr().out
    assert "fazhi-zhifa1-2019" in out and "劳动保障监察总队一支队" in out


def test_demo_users_see_what_their_role_allows():
    _run()
    zhifa1, leader = User.objects.get(username="zhifa1"), User.objects.get(username="leader")
    assert set(account_selectors.visible_unit_ids(zhifa1)) == {zhifa1.org_unit_id}
    assert len(account_selectors.visible_unit_ids(leader)) == 22


@pytest.mark.parametrize("username", ["zhifa1", "fagui"])
def test_deadlines_show_every_colour(username):
    _run()
    rows = deadlines_for_user(user=User.objects.get(username=username), today=TODAY)
    assert sorted(row.css_class for row in rows) == ["due-soon", "ok", "overdue"]


def test_refuses_a_database_with_real_accounts_and_writes_nothing(db):
    # given
    make_user("real-person")
    before = _counts()
    # when
    with pytest.raises(CommandError, match="正式") as exc:
        _run()
    # then
    assert exc.value.returncode == 1
    assert _counts() == before


def test_force_loads_beside_real_accounts():
    make_user("real-person")
    _run("--force")
    assert User.objects.filter(is_demo=True).count() == len(demo.DEMO_ACCOUNTS)
    event = AuditEvent.objects.get(action="core.demo.load")
    assert event.data["forced"] is True


def test_a_real_account_with_a_demo_name_is_never_overwritten():
    make_user("admin", password="Own-secret-pass")
    with pytest.raises(CommandError, match="同名"):
        _run("--force")
    assert User.objects.get(username="admin").check_password("Own-secret-pass")
    assert not OrgUnit.objects.exists()


@pytest.mark.full_demo
def test_every_installed_demo_module_gets_the_context(monkeypatch):
    # given: a stand-in for a later app's demo.py
    seen = []
    fake = SimpleNamespace(__name__="fazhi.fake.demo", load=seen.append)
    monkeypatch.setattr(demo, "demo_modules", lambda: [fake])
    # when
    demo.demo_load(today=TODAY)
    # then
    (ctx,) = seen
    assert ctx.today == TODAY
    assert ctx.actor.username == "admin"
    assert ctx.units["inspection_1"].name == "劳动保障监察总队一支队"
    assert set(ctx.users) == {a.username for a in demo.DEMO_ACCOUNTS}
    event = AuditEvent.objects.get(action="core.demo.load")
    assert event.data["modules"] == ["fazhi.fake.demo"]


def test_core_demo_module_is_found_by_the_registry():
    assert core_demo in demo.demo_modules()


@pytest.mark.parametrize("account", demo.DEMO_ACCOUNTS, ids=lambda a: a.username)
def test_demo_passwords_pass_the_password_rules_and_are_documented(account):
    user = User(username=account.username, full_name=account.full_name)
    validate_password(account.password, user)
    doc = (Path(settings.BASE_DIR) / "docs" / "user" / "演示账号.md").read_text(encoding="utf-8")
    assert f"| {account.username} | {account.password} |" in doc
