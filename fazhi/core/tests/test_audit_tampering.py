"""Every kind of audit tampering from issue 18 item 3, and what detects it.

| tampering                                        | detected by            |
| edit a row (hash left alone)                     | chain                  |
| delete a row in the middle                       | chain                  |
| delete the newest rows and move the head back    | anchor                 |
| append a forged event with a valid hash          | seal                   |
| edit a row and recompute every later hash        | seal, and anchor       |
| edit / remove a line of the anchor file          | the anchor file's MACs |
| any UPDATE / DELETE at all                       | refused by triggers    |
"""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from fazhi.core.audit_guard import audit_unlocked
from fazhi.core.domain.audit_chain import chain_hash
from fazhi.core.models import AuditChainHead, AuditEvent
from fazhi.core.services import anchors, audit
from fazhi.core.services.audit import _content

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def anchor_dir(tmp_path, settings):
    settings.FAZHI = {**settings.FAZHI, "AUDIT_ANCHOR_DIR": tmp_path, "AUDIT_ANCHOR_EVERY": 0}
    return tmp_path


def _events(n):
    return [audit.record(actor=None, action="core.test.write", data={"i": i}) for i in range(n)]


def _sql(sql, params=()):
    with audit_unlocked(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def _verify():
    """(intact, first broken seq, reason) as `fazhi audit verify --json` reports them."""
    try:
        call_command("audit", "verify", "--json", stdout=(out := _Out()))
    except CommandError as exc:
        assert exc.returncode == 1
        data = json.loads(out.text)
        return False, data["first_broken_seq"], data["reason"]
    return True, None, ""


class _Out:
    text = ""

    def write(self, s):
        self.text += s

    def flush(self):
        pass


def _delete_tail_and_move_head(keep: int) -> None:
    last = AuditEvent.objects.get(seq=keep)
    _sql("DELETE FROM core_auditevent WHERE seq > %s", [keep])
    AuditChainHead.objects.filter(pk=1).update(seq=keep, hash=last.hash)


def _forge_append(action: str = "accounts.login.success", seal: str = "") -> None:
    """Insert an event as the application would, but without its key."""
    head = AuditChainHead.objects.get(pk=1)
    forged = AuditEvent(
        seq=head.seq + 1,
        occurred_at=AuditEvent.objects.get(seq=head.seq).occurred_at,
        actor_label="admin",
        action=action,
        data={},
        prev_hash=head.hash,
    )
    forged.hash = chain_hash(forged.prev_hash, _content(forged))
    forged.seal = seal
    forged.save(force_insert=True)
    AuditChainHead.objects.filter(pk=1).update(seq=forged.seq, hash=forged.hash)


def _edit_and_recompute(seq: int) -> None:
    rows = list(AuditEvent.objects.filter(seq__gte=seq).order_by("seq"))
    prev = AuditEvent.objects.get(seq=seq - 1).hash if seq > 1 else "0" * 64
    with audit_unlocked(), connection.cursor() as cursor:
        for row in rows:
            if row.seq == seq:
                row.data = {"i": 999}
            row.prev_hash = prev
            row.hash = chain_hash(prev, _content(row))
            cursor.execute(
                "UPDATE core_auditevent SET data = %s, prev_hash = %s, hash = %s WHERE seq = %s",
                [json.dumps(row.data), row.prev_hash, row.hash, row.seq],
            )
            prev = row.hash
    AuditChainHead.objects.filter(pk=1).update(hash=prev)


# --- the database refuses -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    ["UPDATE core_auditevent SET action = 'x'", "DELETE FROM core_auditevent WHERE seq = 1"],
)
def test_database_refuses_update_and_delete(sql):
    _events(2)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AuditEvent.objects.filter(seq=1).exclude(action="x").exists()


def test_database_refuses_truncate_on_postgres(on_postgres):
    if not on_postgres:
        pytest.skip("TRUNCATE is PostgreSQL's")
    _events(1)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks in the way
        cursor.execute("TRUNCATE core_auditevent CASCADE")
    assert AuditEvent.objects.count() == 1


# --- what the chain and the seals catch without an anchor -------------------------------------


def test_intact_chain_with_anchor_verifies():
    _events(4)
    call_command("audit", "anchor", stdout=_Out())
    _events(2)
    assert _verify() == (True, None, "")


def test_forged_append_with_valid_hash_is_caught_by_the_seal():
    _events(3)
    _forge_append()
    intact, seq, reason = _verify()
    assert (intact, seq) == (False, 4)
    assert "伪造" in reason


def test_forged_append_with_a_made_up_seal_is_caught():
    _events(3)
    _forge_append(seal="a" * 64)
    assert _verify()[:2] == (False, 4)


def test_edit_and_recompute_is_caught_by_the_seal():
    _events(6)
    _edit_and_recompute(3)
    assert audit.verify_chain()[1] is not None
    assert _verify()[:2] == (False, 3)


# --- what needs the anchor --------------------------------------------------------------------


def test_tail_deletion_passes_the_chain_alone():
    _events(8)
    _delete_tail_and_move_head(3)
    assert _verify() == (True, None, "")  # documented: only an anchor can see this


def test_tail_deletion_is_caught_by_the_anchor():
    _events(8)
    call_command("audit", "anchor", stdout=_Out())
    _delete_tail_and_move_head(3)
    intact, seq, reason = _verify()
    assert (intact, seq) == (False, 8)
    assert "末尾事件被删除" in reason


def test_tail_replaced_by_forgeries_is_caught_by_anchor_even_without_seals(settings):
    # events written while no key was configured carry no seal
    settings.FAZHI = {**settings.FAZHI, "AUDIT_KEY": ""}
    _events(6)
    settings.FAZHI = {**settings.FAZHI, "AUDIT_KEY": "test-only-audit-key"}
    anchors.write_anchor(6, AuditEvent.objects.get(seq=6).hash)
    _edit_and_recompute(2)
    intact, seq, reason = _verify()
    assert (intact, seq) == (False, 6)
    assert "哈希不符" in reason


# --- the anchor file ----------------------------------------------------------------------------


def test_automatic_anchor_every_n_events(settings, anchor_dir, django_capture_on_commit_callbacks):
    settings.FAZHI = {**settings.FAZHI, "AUDIT_ANCHOR_EVERY": 3}
    with django_capture_on_commit_callbacks(execute=True):
        _events(7)
    assert [a.seq for a in anchors.read_anchors()] == [3, 6]


def test_edited_anchor_line_is_caught(anchor_dir):
    _events(3)
    call_command("audit", "anchor", stdout=_Out())
    path = anchors.anchor_path()
    line = json.loads(path.read_text())
    line["seq"] = 2
    path.write_text(json.dumps(line) + "\n")
    intact, _seq, reason = _verify()
    assert not intact
    assert "签名无效" in reason


def test_removed_anchor_line_is_caught(anchor_dir):
    for _ in range(3):
        _events(2)
        call_command("audit", "anchor", stdout=_Out())
    path = anchors.anchor_path()
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0], lines[2]]) + "\n")
    intact, _seq, reason = _verify()
    assert not intact
    assert "缺失或顺序被改动" in reason


def test_anchor_refused_without_a_key(settings):
    settings.FAZHI = {**settings.FAZHI, "AUDIT_KEY": ""}
    _events(1)
    with pytest.raises(CommandError, match="FAZHI_AUDIT_KEY"):
        call_command("audit", "anchor")


def test_anchoring_the_same_head_twice_writes_one_line():
    _events(2)
    call_command("audit", "anchor", stdout=_Out())
    call_command("audit", "anchor", stdout=_Out())
    assert len(anchors.read_anchors()) == 1


@pytest.mark.django_db(transaction=True)
def test_flush_command_still_wipes_a_database_on_purpose():
    _events(2)
    call_command("flush", interactive=False, verbosity=0)
    assert AuditEvent.objects.count() == 0
