"""`fazhi normdocs ledger` (summary, JSON, the xlsx export) and `fazhi normdocs expire`."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from fazhi.core.models import AuditEvent
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.tests.factories import make_document

pytestmark = pytest.mark.django_db


def test_ledger_exports_every_document_to_xlsx(people, tmp_path):
    published = make_document(people, Stage.PUBLISHED, title="甲办法")
    make_document(people, Stage.DRAFTING, title="乙办法")
    path = tmp_path / "ledger.xlsx"
    out = StringIO()
    # when
    call_command("normdocs", "ledger", "--xlsx", str(path), "--json", stdout=out)
    # then
    result = json.loads(out.getvalue())
    assert result["rows"] == 2
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert len(rows) == 3
    by_title = {row[1]: row for row in rows[1:]}
    assert by_title["甲办法"][0] == published.doc_number
    assert by_title["甲办法"][13] == "规范性文件报送备案期限（自公布之日起）"
    assert by_title["乙办法"][3] == "起草"


def test_ledger_prints_a_summary(people):
    make_document(people, Stage.IN_FORCE)
    out = StringIO()
    call_command("normdocs", "ledger", stdout=out)
    assert "现行有效 1 件" in out.getvalue()


def test_a_missing_folder_is_bad_usage(tmp_path):
    with pytest.raises(CommandError) as caught:
        call_command("normdocs", "ledger", "--xlsx", str(tmp_path / "no" / "x.xlsx"))
    assert caught.value.returncode == 2


def test_expire_ends_each_document_past_its_term_once(people):
    provisional = make_document(people, Stage.IN_FORCE, title="甲办法（试行）")  # a 2-year term
    running = make_document(people, Stage.IN_FORCE, title="乙办法")  # 5 years
    with time_machine.travel(datetime.combine(running.valid_until, time(9)), tick=False):
        out = StringIO()
        call_command("normdocs", "ledger", stdout=out)
    assert "（其中 1 件有效期已届满，待登记" in out.getvalue()
    out = StringIO()
    call_command("normdocs", "expire", "--on", f"{running.valid_until}", "--json", stdout=out)
    assert [e["id"] for e in json.loads(out.getvalue())["expired"]] == [provisional.pk]
    provisional.refresh_from_db()
    running.refresh_from_db()
    assert provisional.stage == Stage.EXPIRED and running.stage == Stage.IN_FORCE
    # the term is a fact: the document ended the day after it, not the day the job ran
    assert provisional.ended_on == provisional.valid_until + timedelta(days=1)
    event = AuditEvent.objects.get(action="normdocs.document.expire")
    assert event.actor is None and event.actor_label == "system"
    with time_machine.travel(datetime.combine(running.valid_until, time(9)), tick=False):
        out = StringIO()
        call_command("normdocs", "ledger", "--json", stdout=out)
    assert json.loads(out.getvalue())["term_ended"] == 0
    # a second run finds nothing and writes nothing
    events = AuditEvent.objects.count()
    out = StringIO()
    call_command("normdocs", "expire", "--on", f"{running.valid_until}", stdout=out)
    assert "登记有效期届满 0 件" in out.getvalue() and AuditEvent.objects.count() == events


def test_expire_refuses_a_malformed_date():
    with pytest.raises(CommandError, match="日期") as caught:
        call_command("normdocs", "expire", "--on", "2030-02-30")
    assert caught.value.returncode == 2
