from datetime import timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from fazhi.accounts import services
from fazhi.accounts.models import ApiToken
from fazhi.accounts.tests.factories import make_user
from fazhi.core.models import AuditEvent

pytestmark = pytest.mark.django_db

ME = "/api/v1/accounts/me"


@pytest.fixture
def officer(org_tree):
    return make_user("zhifa", unit=org_tree["zongdui"], roles=["执法人员"])


def _get(client, key):
    return client.get(ME, headers={"Authorization": f"Bearer {key}"})


def test_valid_token_returns_me_with_scope(client, officer, org_tree):
    _, key = services.api_token_create(user=officer, name="终端", actor=officer)
    response = _get(client, key)
    assert response.status_code == 200
    body = response.json()
    assert body["username"] == "zhifa"
    assert body["org_unit"]["name"] == "劳动保障监察总队"
    assert body["roles"] == [
        {"code": "enforcement_officer", "name": "执法人员", "sees_all_units": False}
    ]
    assert body["sees_all_units"] is False
    assert body["visible_unit_ids"] == sorted([org_tree["zongdui"].pk, org_tree["zhidui"].pk])


def test_session_login_also_reaches_me(client, officer):
    client.force_login(officer)
    assert client.get(ME).json()["username"] == "zhifa"


def test_use_updates_last_used_at_at_most_once_a_minute(client, officer):
    token, key = services.api_token_create(user=officer, name="终端", actor=officer)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _get(client, key)
    token.refresh_from_db()
    assert token.last_used_at == start
    with time_machine.travel(start + timedelta(seconds=30), tick=False):
        _get(client, key)
    token.refresh_from_db()
    assert token.last_used_at == start
    with time_machine.travel(start + timedelta(minutes=2), tick=False):
        _get(client, key)
    token.refresh_from_db()
    assert token.last_used_at == start + timedelta(minutes=2)


def _revoked(officer):
    token, key = services.api_token_create(user=officer, name="终端", actor=officer)
    services.api_token_revoke(token=token, actor=officer)
    return key


def _expired(officer):
    token, key = services.api_token_create(
        user=officer, name="终端", actor=officer, expires_at=timezone.now() + timedelta(hours=1)
    )
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    return key


def _wrong(officer):
    _, key = services.api_token_create(user=officer, name="终端", actor=officer)
    return key[:-2] + ("AA" if not key.endswith("AA") else "BB")


def _inactive(officer):
    _, key = services.api_token_create(user=officer, name="终端", actor=officer)
    officer.is_active = False
    officer.save()
    return key


@pytest.mark.parametrize(
    "make_key",
    [_wrong, _revoked, _expired, _inactive, lambda _: "not-a-token", lambda _: None],
    ids=["wrong", "revoked", "expired", "inactive user", "garbage", "no header"],
)
def test_bad_credentials_get_a_401_problem(client, officer, make_key):
    key = make_key(officer)
    response = client.get(ME) if key is None else _get(client, key)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "not_authenticated"


def test_command_creates_and_revokes(capsys, officer, client):
    # when
    call_command("token", "create", "zhifa", "--name", "脚本", "--days", "30")
    out = capsys.readouterr().out
    key = next(line for line in out.splitlines() if line.startswith("fz_"))
    token = ApiToken.objects.get()
    # then
    assert _get(client, key).status_code == 200
    assert token.expires_at > timezone.now() + timedelta(days=29)
    call_command("token", "revoke", token.prefix, "--json")
    assert _get(client, key).status_code == 401
    assert AuditEvent.objects.filter(action="accounts.api_token.revoke").count() == 1


@pytest.mark.parametrize(
    ("_case", "argv"),
    [
        ("unknown user", ["create", "nobody", "--name", "x"]),
        ("unknown prefix", ["revoke", "deadbeef"]),
    ],
)
def test_command_refusals_exit_1_and_write_nothing(officer, _case, argv):
    events = AuditEvent.objects.count()
    with pytest.raises(CommandError) as exc:
        call_command("token", *argv)
    assert exc.value.returncode == 1
    assert AuditEvent.objects.count() == events


def test_token_page_shows_the_clear_key_once_and_revokes(client, officer):
    client.force_login(officer)
    url = reverse("accounts:token_list")
    created = client.post(url, {"name": "移动终端", "expires_in_days": ""})
    token = ApiToken.objects.get()
    assert f"fz_{token.prefix}_" in created.content.decode()
    listed = client.get(url).content.decode()
    assert "移动终端" in listed
    assert f"fz_{token.prefix}_" not in listed
    client.post(reverse("accounts:token_revoke", args=[token.prefix]))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_token_page_cannot_revoke_someone_elses_token(client, officer, org_tree):
    other = make_user("other", unit=org_tree["fagui"])
    token, _ = services.api_token_create(user=other, name="x", actor=other)
    client.force_login(officer)
    response = client.post(reverse("accounts:token_revoke", args=[token.prefix]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
