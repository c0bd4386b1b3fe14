"""The 双公示 exchange: three formats read back, the pre-flight refusal, incremental export,
withdrawal rows, the receipt import, and the commands' exit codes."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent
from fazhi.publicity.domain.enums import ExchangeStatus, Kind
from fazhi.publicity.domain.fields import header
from fazhi.publicity.models import ExportBatch, PublicityRecord
from fazhi.publicity.services import publicity_withdraw
from fazhi.publicity.services.exchange import receipt_import, shuanggongshi_export
from fazhi.publicity.testing import publish_on
from fazhi.publicity.tests.conftest import (
    ADDRESS,
    PERSON_ID,
    PHONE,
    person_penalty_data,
    register,
)

pytestmark = pytest.mark.django_db


def published(data=None, source_id="1", kind=Kind.PENALTY):
    record, _ = register(kind, data=data, source_id=source_id)
    return publish_on(date(2019, 10, 8), record=record, actor=SYSTEM)


def read(path, fmt) -> list[dict]:
    if fmt == "csv":
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))
    if fmt == "json":
        return json.loads(path.read_text(encoding="utf-8"))
    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    return [
        dict(zip(rows[0], ["" if v is None else v for v in row], strict=True)) for row in rows[1:]
    ]


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_export_in_each_format_reads_back(tmp_path, fmt):
    published()
    published(person_penalty_data(), source_id="2")
    out = tmp_path / f"cf.{fmt}"
    result = shuanggongshi_export(kind="penalty", fmt=fmt, out=out, actor=SYSTEM)
    assert result.rows == 2 and result.invalid == 0 and result.batch is not None
    rows = read(out, fmt)
    assert list(rows[0]) == header(Kind.PENALTY)
    assert {r["CF_NR_FK"] for r in rows} == {"0.200000"}
    person = next(r for r in rows if r["CF_XDR_LB"] == "自然人")
    assert person["CF_XDR_ZJHM"] == "110105********002X"
    assert person["CF_JDRQ"] == "2019/09/27"
    text = (
        out.read_bytes().decode("utf-8", "ignore")
        if fmt != "xlsx"
        else json.dumps(rows, ensure_ascii=False)
    )
    assert PERSON_ID not in text and PHONE not in text and ADDRESS not in text
    batch = ExportBatch.objects.get()
    assert batch.row_count == 2 and batch.status == "sent" and len(batch.sha256) == 64
    assert AuditEvent.objects.filter(action="publicity.batch.export").count() == 1
    assert result.report.exists()


def test_the_export_passes_its_own_preflight(tmp_path):
    published()
    result = shuanggongshi_export(
        kind="penalty", fmt="csv", out=tmp_path / "a.csv", actor=SYSTEM, validate_only=True
    )
    assert result.checked == 1 and result.invalid == 0 and result.batch is None
    assert not (tmp_path / "a.csv").exists()


def _invalid_published(source_id="9"):
    """A record that became invalid after publication (e.g. data corrected in the database)."""
    record = published(source_id=source_id)
    PublicityRecord.objects.filter(pk=record.pk).update(uscc="91120101MA05XY127X", basis="")
    return record


def test_invalid_records_refuse_the_whole_export_and_nothing_is_written(tmp_path):
    published()
    bad = _invalid_published()
    out = tmp_path / "cf.csv"
    result = shuanggongshi_export(kind="penalty", fmt="csv", out=out, actor=SYSTEM)
    assert result.refused and result.invalid == 1
    assert not out.exists() and not list(tmp_path.glob(".*part"))
    assert not ExportBatch.objects.exists()
    with open(result.report, encoding="utf-8-sig") as fh:
        report = list(csv.DictReader(fh))
    assert {r["字段"] for r in report} == {"CF_XDR_SHXYM", "CF_YJ"}
    assert {r["数据编号"] for r in report} == {bad.record_no}


def test_skip_invalid_writes_the_valid_rows_and_lists_the_rest(tmp_path):
    published()
    _invalid_published()
    out = tmp_path / "cf.json"
    result = shuanggongshi_export(
        kind="penalty", fmt="json", out=out, actor=SYSTEM, skip_invalid=True
    )
    assert result.rows == 1 and result.invalid == 1 and not result.refused
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 1
    assert ExportBatch.objects.get().skipped_count == 1


def test_incremental_since_the_last_accepted_batch_with_withdrawals(tmp_path):
    first = published()
    second = published(person_penalty_data(), source_id="2")
    one = shuanggongshi_export(kind="penalty", fmt="csv", out=tmp_path / "1.csv", actor=SYSTEM)
    assert one.rows == 2 and one.since is None
    # not yet accepted: the next export still sends everything
    two = shuanggongshi_export(kind="penalty", fmt="csv", out=tmp_path / "2.csv", actor=SYSTEM)
    assert two.rows == 2
    receipt = f"数据编号,状态,原因\n{first.record_no},接收成功,\n{second.record_no},接收成功,\n"
    receipt_import(raw=receipt.encode(), file_name="r.csv", actor=SYSTEM, batch=two.batch)
    three = shuanggongshi_export(kind="penalty", fmt="csv", out=tmp_path / "3.csv", actor=SYSTEM)
    assert three.rows == 0 and three.since == two.batch.started_at
    # withdrawn now (the export's baseline is the real clock)
    publicity_withdraw(
        record=second,
        reason="行政复议撤销",
        change="撤销",
        actor=SYSTEM,
        changed_on=date(2019, 12, 2),
    )
    four = shuanggongshi_export(kind="penalty", fmt="csv", out=tmp_path / "4.csv", actor=SYSTEM)
    rows = read(tmp_path / "4.csv", "csv")
    assert four.rows == 1 and four.withdrawals == 1
    assert rows[0]["CZLX"] == "撤回" and rows[0]["CHYY"] == "撤销：行政复议撤销"
    # --since overrides the baseline
    since = shuanggongshi_export(
        kind="penalty", fmt="csv", out=tmp_path / "5.csv", actor=SYSTEM, since=date(2000, 1, 1)
    )
    assert since.rows == 2


def test_receipt_marks_records_and_rejected_ones_are_sent_again(tmp_path):
    first = published()
    second = published(person_penalty_data(), source_id="2")
    batch = shuanggongshi_export(
        kind="penalty", fmt="csv", out=tmp_path / "1.csv", actor=SYSTEM
    ).batch
    receipt = (
        "数据编号,文书号,状态,原因\n"
        f"{first.record_no},,接收成功,\n"
        f",{second.document_number},接收失败,CF_XDR_ZJHM 格式不符\n"
        "GS99999999,,接收成功,\n"
        f"{first.record_no},,已收到,\n"
    )
    result = receipt_import(raw=receipt.encode("gbk"), file_name="回执.csv", actor=SYSTEM)
    assert (result.accepted, result.rejected) == (1, 1)
    assert [line for line, _ in result.bad_lines] == [4, 5]
    second.refresh_from_db()
    assert second.exchange_status == ExchangeStatus.REJECTED
    assert second.exchange_reason == "CF_XDR_ZJHM 格式不符"
    batch.refresh_from_db()
    assert batch.status == "accepted" and batch.rejected_count == 1
    assert AuditEvent.objects.get(action="publicity.batch.receipt").data["bad_lines"] == 2
    again = shuanggongshi_export(kind="penalty", fmt="csv", out=tmp_path / "2.csv", actor=SYSTEM)
    assert again.rows == 1  # only the rejected record


def test_receipt_refusals_write_nothing(tmp_path):
    with pytest.raises(Refused, match="没有待回执"):
        receipt_import(raw=b"x", file_name="r.csv", actor=SYSTEM)
    published()
    batch = shuanggongshi_export(
        kind="penalty", fmt="csv", out=tmp_path / "1.csv", actor=SYSTEM
    ).batch
    before = AuditEvent.objects.count()
    with pytest.raises(Refused, match="缺少列"):
        receipt_import(raw="编号,结果\n1,成功\n".encode(), file_name="r.csv", actor=SYSTEM)
    with pytest.raises(Refused, match="没有可用的行"):
        receipt_import(raw="数据编号,状态\nGS1,好\n".encode(), file_name="r.csv", actor=SYSTEM)
    batch.refresh_from_db()
    assert batch.status == "sent" and AuditEvent.objects.count() == before


def test_licences_export_and_other_decisions_are_not_part_of_shuanggongshi(tmp_path):
    published(kind=Kind.LICENSE)
    result = shuanggongshi_export(kind="license", fmt="csv", out=tmp_path / "xk.csv", actor=SYSTEM)
    row = read(tmp_path / "xk.csv", "csv")[0]
    assert result.rows == 1 and row["XK_ZT"] == "1" and row["XK_YXQZI"] == "2024/05/05"
    with pytest.raises(Refused):
        shuanggongshi_export(kind="other", fmt="csv", out=tmp_path / "x.csv", actor=SYSTEM)


def test_date_format_is_configurable(tmp_path, settings):
    settings.FAZHI = {**settings.FAZHI, "SHUANGGONGSHI_DATE_FORMAT": "YYYY-MM-DD"}
    published()
    shuanggongshi_export(kind="penalty", fmt="csv", out=tmp_path / "a.csv", actor=SYSTEM)
    assert read(tmp_path / "a.csv", "csv")[0]["CF_JDRQ"] == "2019-09-27"


def test_commands_and_exit_codes(tmp_path, capsys):
    first = published()
    out = tmp_path / "cf.csv"
    call_command(
        "export",
        "shuanggongshi",
        "--kind",
        "penalty",
        "--format",
        "csv",
        "--out",
        str(out),
        "--json",
    )
    result = json.loads(capsys.readouterr().out)
    assert result["rows"] == 1 and out.exists()
    _invalid_published()
    with pytest.raises(SystemExit) as exit_:
        call_command(
            "export", "shuanggongshi", "--kind", "penalty", "--out", str(tmp_path / "b.csv")
        )
    assert exit_.value.code == 1
    assert "未导出任何数据" in capsys.readouterr().out and not (tmp_path / "b.csv").exists()
    with pytest.raises(CommandError):
        call_command(
            "export",
            "shuanggongshi",
            "--kind",
            "penalty",
            "--since",
            "2019-13-01",
            "--out",
            str(tmp_path / "c.csv"),
        )
    receipt = tmp_path / "r.csv"
    receipt.write_text(f"数据编号,状态,原因\n{first.record_no},接收成功,\n", encoding="utf-8")
    call_command("import", "shuanggongshi-receipt", str(receipt), "--json")
    assert json.loads(capsys.readouterr().out)["accepted"] == 1
    call_command("publicity", "expire", "--on", "2030-01-01", "--json")
    assert json.loads(capsys.readouterr().out)["ended"] == 2
