"""Directory CSV import: GBK and UTF-8, bad codes, duplicates, missing columns, refresh."""

from __future__ import annotations

import io

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent
from fazhi.inspections.domain.directory import synthetic_uscc
from fazhi.inspections.models import Employer, EmployerImport
from fazhi.inspections.services.directory import employer_import

pytestmark = pytest.mark.django_db
HEADER = "统一社会信用代码,单位名称,所在区,抽查分层,行业\n"
GOOD1, GOOD2 = synthetic_uscc("120101", 11), synthetic_uscc("120103", 12)


def _csv(body: str, encoding: str = "utf-8") -> io.BytesIO:
    return io.BytesIO((HEADER + body).encode(encoding))


def _import(fileobj, **kw):
    errors = []
    run = employer_import(
        fileobj=fileobj,
        file_name="名录.csv",
        actor=SYSTEM,
        report=lambda n, r: errors.append((n, r)),
        **kw,
    )
    return run, errors


def test_gbk_file_with_bad_code_and_duplicate():
    # given: line 3 has a wrong check character, line 4 repeats line 2
    body = (
        f"{GOOD1},天津甲公司,和平区,和平区,制造业\n"
        "91120101000000001X,天津乙公司,和平区,和平区,\n"
        f"{GOOD1},天津甲公司（重复）,和平区,和平区,\n"
        f"{GOOD2},天津丙公司,河西区,河西区,建筑业\n"
    )
    # when
    run, errors = _import(_csv(body, "gbk"))
    # then
    assert run.encoding == "gb18030"
    assert Employer.objects.get(uscc=GOOD1).name == "天津甲公司"
    assert Employer.objects.count() == 2 and run.created == 2 and run.rejected == 2
    assert errors[0][0] == 3 and "统一社会信用代码" in errors[0][1]
    assert errors[1] == (4, "与第 2 行的统一社会信用代码重复")
    assert AuditEvent.objects.filter(action="inspections.directory.import").count() == 1


def test_missing_columns_refused_and_nothing_written():
    with pytest.raises(Refused, match="所在区、抽查分层"):
        employer_import(fileobj=io.BytesIO(b"uscc,name\n1,2\n"), file_name="x.csv", actor=SYSTEM)
    assert EmployerImport.objects.count() == 0 and Employer.objects.count() == 0


def test_reimport_is_idempotent_and_refreshes():
    body = f"{GOOD1},天津甲公司,和平区,和平区,制造业\n{GOOD2},天津丙公司,河西区,河西区,\n"
    _import(_csv(body))
    run, _ = _import(_csv(body))
    assert (run.created, run.updated, run.unchanged) == (0, 0, 2)
    changed = body.replace("天津丙公司", "天津丙公司（更名）")
    run, _ = _import(_csv(changed))
    assert (run.created, run.updated, run.unchanged) == (0, 1, 1)
    run, _ = _import(_csv(f"{GOOD1},天津甲公司,和平区,和平区,制造业\n"), full_refresh=True)
    assert run.deactivated == 1 and not Employer.objects.get(uscc=GOOD2).is_active


def test_utf8_bom_and_english_headers():
    data = ("\ufeffuscc,name,district,stratum\n" + f"{GOOD1},天津甲公司,和平区,A\n").encode()
    run, errors = _import(io.BytesIO(data))
    assert run.encoding == "utf-8-sig" and run.created == 1 and not errors


def test_missing_field_reported():
    _run, errors = _import(_csv(f"{GOOD1},,和平区,和平区,\n"))
    assert errors == [(2, "缺少单位名称")]
