import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.audit_guard import audit_unlocked
from fazhi.core.domain.audit_chain import GENESIS
from fazhi.core.models import AuditEvent
from fazhi.core.models.audit import AppendOnlyError
from fazhi.core.services import audit


def _events(n, actor=SYSTEM):
    return [
        audit.record(actor=actor, action="core.test.write", data={"i": i, "名称": "测试"})
        for i in range(n)
    ]


@pytest.mark.django_db
def test_chain_links_each_event_to_the_previous(staff_user):
    # when
    first, second = _events(2, staff_user)
    # then
    assert first.prev_hash == GENESIS
    assert second.prev_hash == first.hash
    assert second.actor == staff_user
    assert audit.verify_chain() == (2, None)


@pytest.mark.django_db
def test_code_cannot_update_or_delete_an_event():
    (event,) = _events(1)
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "core.test.write"


def _raw(sql, params=()):
    """A tamperer with an SQL prompt who first dropped the append-only triggers."""
    with audit_unlocked(), connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "tamper", "broken_seq"),
    [
        (
            "edited data",
            lambda e: _raw("UPDATE core_auditevent SET data = %s WHERE seq = 3", ['{"i": 99}']),
            3,
        ),
        ("deleted middle row", lambda e: _raw("DELETE FROM core_auditevent WHERE seq = 2"), 2),
        ("deleted last row", lambda e: _raw("DELETE FROM core_auditevent WHERE seq = 5"), 5),
        (
            "inserted row",
            lambda e: _raw("UPDATE core_auditevent SET prev_hash = %s WHERE seq = 4", [e[0].hash]),
            4,
        ),
    ],
)
def test_verify_names_the_first_broken_link(_case, tamper, broken_seq):
    # given
    events = _events(5)
    # when
    tamper(events)
    # then
    with pytest.raises(CommandError) as excinfo:
        call_command("audit", "verify")
    assert excinfo.value.returncode == 1
    assert f"序号 {broken_seq}" in str(excinfo.value)


@pytest.mark.django_db
def test_verify_reports_an_intact_chain(capsys):
    _events(3)
    call_command("audit", "verify")
    assert "共校验 3 个事件" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_do_not_fork_the_chain():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; the fork race is a PostgreSQL concern")
    errors = []

    def writer(n):
        try:
            for i in range(25):
                audit.record(
                    actor=SYSTEM, action="core.test.concurrent", data={"writer": n, "i": i}
                )
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert AuditEvent.objects.count() == 150
    assert audit.verify_chain() == (150, None)
