from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fazhi.accounts.models import LoginAttempt
from fazhi.accounts.tests.factories import make_user
from fazhi.core.models import AuditEvent

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
PASSWORD = "Right-pass-2019"


@pytest.fixture
def officer(org_tree):
    return make_user("zhifa", unit=org_tree["zongdui"], roles=["执法人员"], password=PASSWORD)


def _post(client, password, username="zhifa", url=LOGIN):
    return client.post(url, {"username": username, "password": password})


def _actions():
    return list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))


def test_right_password_logs_in_and_is_audited(client, officer):
    response = _post(client, PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("core:staff_home")
    assert client.session["_auth_user_id"] == str(officer.pk)
    event = AuditEvent.objects.get(action="accounts.login.succeeded")
    assert event.actor == officer
    assert LoginAttempt.objects.get().succeeded


def test_wrong_password_is_refused_with_attempts_left(client, officer):
    response = _post(client, "wrong")
    assert response.status_code == 200
    assert "再连续失败 4 次" in response.content.decode()
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action="accounts.login.failed")
    assert event.target_id == str(officer.pk)
    assert event.data == {"username": "zhifa", "failures_in_window": 1}


def test_fifth_failure_locks_and_the_right_password_is_then_refused(client, officer):
    # given: four failures
    for _ in range(4):
        _post(client, "wrong")
    assert not AuditEvent.objects.filter(action="accounts.login.locked").exists()
    # when: the fifth
    response = _post(client, "wrong")
    # then
    assert "已被临时锁定" in response.content.decode()
    assert _actions()[-2:] == ["accounts.login.failed", "accounts.login.locked"]
    # and the right password is refused, writing nothing
    attempts, events = LoginAttempt.objects.count(), AuditEvent.objects.count()
    response = _post(client, PASSWORD)
    assert response.status_code == 200
    assert "已被临时锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert LoginAttempt.objects.count() == attempts
    assert AuditEvent.objects.count() == events


def test_lock_message_says_when_to_retry(client, officer):
    with time_machine.travel(
        timezone.make_aware(timezone.datetime(2019, 6, 3, 9, 0, 30)), tick=False
    ):
        for _ in range(5):
            response = _post(client, "wrong")
    # 09:00:30 + 15 min, rounded up to the minute
    assert "请于 09:16 后再试" in response.content.decode()


def test_lock_ends_with_the_window(client, officer):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            _post(client, "wrong")
    with time_machine.travel(start + timedelta(minutes=14), tick=False):
        assert "已被临时锁定" in _post(client, PASSWORD).content.decode()
    with time_machine.travel(start + timedelta(minutes=15, seconds=1), tick=False):
        assert _post(client, PASSWORD).status_code == 302


def test_failures_spread_beyond_the_window_do_not_lock(client, officer):
    # django-axes keeps counting while failures come within the window of the previous one;
    # a quiet window (here 16 minutes between failures) starts the count again
    start = timezone.now()
    for i in range(6):
        with time_machine.travel(start + timedelta(minutes=16 * i), tick=False):
            _post(client, "wrong")
    assert not AuditEvent.objects.filter(action="accounts.login.locked").exists()


def test_a_success_clears_earlier_failures(client, officer):
    for _ in range(4):
        _post(client, "wrong")
    assert _post(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        _post(client, "wrong")
    assert not AuditEvent.objects.filter(action="accounts.login.locked").exists()


def test_unknown_usernames_are_locked_too(client, db):
    for _ in range(5):
        _post(client, "wrong", username="ghost")
    event = AuditEvent.objects.get(action="accounts.login.locked")
    assert event.data["username"] == "ghost"
    assert event.target_id == ""


def test_lock_is_per_username(client, officer, org_tree):
    make_user("other", unit=org_tree["fagui"], password=PASSWORD)
    for _ in range(5):
        _post(client, "wrong")
    assert _post(client, PASSWORD, username="other").status_code == 302


def test_the_admin_login_has_the_same_lock(client, org_tree):
    root = make_user("root", unit=org_tree["bureau"], password=PASSWORD)
    root.is_staff = root.is_superuser = True
    root.save()
    admin_login = reverse("admin:login")
    for _ in range(5):
        _post(client, "wrong", username="root", url=admin_login)
    response = _post(client, PASSWORD, username="root", url=admin_login)
    assert "已被临时锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_post_without_csrf_token_is_refused(officer):
    client = Client(enforce_csrf_checks=True)
    response = _post(client, PASSWORD)
    assert response.status_code == 403
    assert not LoginAttempt.objects.exists()
    assert "_auth_user_id" not in client.session


def test_login_page_renders_in_chinese(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert "工作人员登录" in response.content.decode()


# --- per client address (issue 18 item 8: password spraying) -----------------------------------


def test_password_spraying_from_one_address_is_throttled(client, officer, org_tree):
    # given 8 accounts, each failed 4 times (below the per-account limit) from one address
    names = [f"acct{n}" for n in range(7)]
    for name in names:
        make_user(name, unit=org_tree["fagui"], password=PASSWORD)
    responses = [
        _post(client, f"guess{i}", username=u) for u in [*names, "zhifa"] for i in range(4)
    ]
    # then after 20 failures (FAZHI_LOGIN_MAX_FAILURES_PER_ADDRESS) the address is stopped
    # (the 20th failure says so itself, the 12 attempts after it are refused unchecked)
    assert sum("本机所在地址登录失败次数过多" in r.content.decode() for r in responses) == 13
    assert AuditEvent.objects.filter(action="accounts.login.failed").count() == 20
    locked = AuditEvent.objects.get(action="accounts.login.locked")
    assert locked.data["by_address"] is True
    # and the right password from that address is refused, writing nothing
    events = AuditEvent.objects.count()
    response = _post(client, PASSWORD)
    assert "本机所在地址登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.count() == events
    # while the same account from another address still logs in
    other = Client(REMOTE_ADDR="198.51.100.20")
    assert _post(other, PASSWORD).status_code == 302


def test_a_forged_forwarded_for_does_not_reset_the_address_count(client, officer, settings):
    settings.FAZHI = {**settings.FAZHI, "LOGIN_MAX_FAILURES_PER_ADDRESS": 3, "TRUSTED_PROXIES": []}
    for n in range(3):
        client.post(
            LOGIN,
            {"username": f"u{n}", "password": "x"},
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
    response = _post(client, PASSWORD)
    assert "本机所在地址登录失败次数过多" in response.content.decode()


def test_success_does_not_clear_the_address_count(client, officer, org_tree, settings):
    settings.FAZHI = {**settings.FAZHI, "LOGIN_MAX_FAILURES_PER_ADDRESS": 4}
    make_user("spray", unit=org_tree["fagui"], password=PASSWORD)
    for _ in range(3):
        _post(client, "wrong", username="spray")
    assert _post(client, PASSWORD).status_code == 302  # zhifa's own success
    client.logout()
    _post(client, "wrong", username="other")
    assert "本机所在地址登录失败次数过多" in _post(client, PASSWORD).content.decode()
