"""Import from CSV (UTF-8 or GBK) or Excel: good rows in, bad rows reported by line, idempotent; the command."""

from __future__ import annotations

import json
from datetime import date
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command

from fazhi.accounts.permissions import SYSTEM
from fazhi.accounts.tests.factories import make_user
from fazhi.core.models import AuditEvent
from fazhi.officers.models import Certificate, Officer
from fazhi.officers.services.importing import officers_import

pytestmark = pytest.mark.django_db
TODAY = date(2019, 12, 1)

CSV = """姓名,单位代码,执法证号,执法区域,发证日期,有效期至,状态,最近年审日期,账号,岗位
张建国,JCZD-1,1200001900001,天津市,2019-01-10,,有效,,zf,
李海燕,JCZD-1,1200001900002,天津市,2019/01/10,2022-01-10,,,,执法岗位
王立新,NOPE,1200001900003,天津市,2019-01-10,,,,,
赵振华,JCZD-1,1200001900004,天津市,2019-13-01,,,,,
孙秀英,HPQ-JC,1200001900005,天津市和平区,2019-02-01,,暂扣,,,

周明亮,HPQ-JC,,天津市和平区,2019-02-01,,,,,
吴玉兰,HPQ-JC,1200001900006,天津市和平区,2019-02-01,,作废,,,
李海燕,JCZD-1,1200001900007,天津市,2019-03-01,,,,,
郑国庆,HPQ-JC,1200001600008,天津市和平区,2016-02-01,,注销,2018-01-20,,
郑国庆,HPQ-JC,1200001900009,天津市和平区,2019-02-01,,,,,
"""


def test_gbk_file_imports_good_rows_and_reports_bad_ones(staff):
    result = officers_import(data=CSV.encode("gbk"), actor=staff["manager"], today=TODAY)
    assert result.created == 5 and result.skipped == 0
    assert dict(result.errors) == {
        4: "单位代码“NOPE”不存在",
        5: "发证日期“2019-13-01”不是有效日期（格式 YYYY-MM-DD）",
        8: "“执法证号”为空",
        9: "状态“作废”无法识别（有效、暂扣或注销）",
        10: dict(result.errors)[10],
    }
    assert "一人只能持有一个有效执法证" in dict(result.errors)[10]
    assert Officer.objects.get(name="张建国").user == staff["officer_user"]
    assert Certificate.objects.get(number="1200001900005").status == "suspended"
    # the old card (注销) was taken first, so its replacement could be issued
    zheng = Officer.objects.get(name="郑国庆")
    assert sorted(zheng.certificates.values_list("status", flat=True)) == ["revoked", "valid"]
    assert zheng.certificates.get(status="revoked").last_reviewed_on == date(2018, 1, 20)
    event = AuditEvent.objects.get(action="officers.import")
    assert event.data["created"] == 5 and event.data["errors"] == 5
    # idempotent: the same file again creates nothing
    again = officers_import(data=CSV.encode("utf-8-sig"), actor=staff["manager"], today=TODAY)
    assert again.created == 0 and again.skipped == 5 and len(again.errors) == 5
    assert Officer.objects.count() == 4 and Certificate.objects.count() == 5


def test_missing_columns_refuse_the_file(staff):
    from fazhi.core.domain.errors import Refused

    with pytest.raises(Refused, match="缺少列"):
        officers_import(data="姓名,单位代码\n张三,JCZD-1\n".encode(), actor=SYSTEM, today=TODAY)


def test_command_import_stats_and_check(staff, tmp_path):
    path = tmp_path / "officers.csv"
    path.write_bytes(CSV.encode("gbk"))
    out = StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("officers", "import", str(path), "--json", stdout=out)
    assert exc.value.returncode == 1
    body = json.loads(out.getvalue())
    assert body["created"] == 5 and {"line": 4, "reason": "单位代码“NOPE”不存在"} in body["errors"]
    text = StringIO()
    call_command("officers", "stats", "--year", "2019", stdout=text)
    assert "持证率" in text.getvalue()
    stats = StringIO()
    call_command("officers", "stats", "--year", "2019", "--json", stdout=stats)
    assert json.loads(stats.getvalue())["officers"] == 4
    check = StringIO()
    call_command("officers", "check", "1200001900001", "--on", "2019-06-01", stdout=check)
    assert "张建国" in check.getvalue() and "可以使用" in check.getvalue()
    with pytest.raises(CommandError) as missing:
        call_command("officers", "check", "999999", stdout=StringIO())
    assert missing.value.returncode == 1
    with pytest.raises(CommandError) as bad:
        call_command("officers", "import", str(tmp_path / "nope.csv"))
    assert bad.value.returncode == 2


def _xlsx(text: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for line in text.strip().splitlines():
        book.active.append(line.split(","))
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_excel_file_imports_like_the_csv(staff):
    result = officers_import(data=_xlsx(CSV), actor=staff["manager"], today=TODAY)
    assert result.created == 5 and len(result.errors) == 5
    assert Certificate.objects.get(number="1200001900005").status == "suspended"


def test_same_named_people_of_one_unit_are_not_merged(staff, org_tree):
    make_user("zw2", unit=org_tree["zhidui"], roles=["执法人员"])
    rows = """姓名,单位代码,执法证号,执法区域,发证日期,账号
张伟,JCZD-1,1200001900011,天津市,2019-01-10,
张伟,JCZD-1,1200001900012,天津市,2019-02-10,
"""
    result = officers_import(data=rows.encode(), actor=staff["manager"], today=TODAY)
    assert result.created == 1 and "请填写账号列以区分" in dict(result.errors)[3]
    assert Officer.objects.filter(name="张伟").count() == 1
    # with the account the second 张伟 is a person of their own
    with_account = rows.replace("2019-02-10,", "2019-02-10,zw2")
    again = officers_import(data=with_account.encode(), actor=staff["manager"], today=TODAY)
    assert again.created == 1 and Officer.objects.filter(name="张伟").count() == 2


def test_the_template_downloads_and_reads_back(client, staff):
    from openpyxl import load_workbook

    client.force_login(staff["manager"])
    response = client.get("/staff/officers/import/template.xlsx")
    book = load_workbook(BytesIO(b"".join(response.streaming_content)))
    header, example = list(book.active.iter_rows(values_only=True))[:2]
    assert header[:5] == ("姓名", "单位代码", "执法证号", "执法区域", "发证日期")
    assert example[0] == "张某"
