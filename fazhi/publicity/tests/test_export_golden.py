"""The export's output, byte for byte: files written before the export was optimised.

Thirty records cover every column, masking case and pre-flight problem (valid and invalid
companies, natural persons, 个体工商户 without a code, withdrawals, 其他 categories, amounts,
free text with ID and mobile numbers, CSV/JSON quoting). The exported CSV and JSON, the cells of
the XLSX and the pre-flight report must equal the golden files in ``golden/`` (record numbers
are replaced by their position, since primary keys differ between databases). The export is
also compared with the per-record reference path (`DecisionData`, `validate`, `export_row`).

To regenerate after an intended change of format: ``FAZHI_UPDATE_GOLDEN=1 pytest <this file>``
and review the diff.
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from fazhi.accounts.permissions import SYSTEM
from fazhi.publicity.domain.data import DecisionData
from fazhi.publicity.domain.enums import Kind, Status
from fazhi.publicity.domain.fields import Exchange, export_row
from fazhi.publicity.domain.validation import validate
from fazhi.publicity.models import PublicityRecord, record_no
from fazhi.publicity.services.exchange import shuanggongshi_export
from fazhi.publicity.tests.conftest import (
    ADDRESS,
    PERSON_ID,
    PHONE,
    license_data,
    penalty_data,
    person_penalty_data,
)

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).with_name("golden")
UPDATE = os.environ.get("FAZHI_UPDATE_GOLDEN") == "1"
PASSPORT_REP = {"legal_rep_id_type": "护照号", "legal_rep_id_number": "E12345678"}


def _penalties() -> list[tuple[DecisionData, dict]]:
    """(data, record extras) per penalty record, in insertion order."""
    withdrawn = {
        "status": Status.WITHDRAWN,
        "withdrawal_change": "撤销",
        "withdrawal_reason": "行政复议决定撤销",
    }
    return [
        (penalty_data(), {}),
        (person_penalty_data(), {}),
        (penalty_data(document_number="津人社监罚〔2019〕14号"), withdrawn),
        (
            penalty_data(
                penalty_categories=("警告", "其他"),
                category_note="责令改正",
                fine_yuan=None,
                content="警告并责令改正",
            ),
            {},
        ),
        (
            penalty_data(
                penalty_categories=("罚款", "没收违法所得"),
                fine_yuan=Decimal("0.01"),
                confiscation_yuan=Decimal("1234.56"),
            ),
            {},
        ),
        (
            penalty_data(
                penalty_categories=("暂扣许可证件",),
                fine_yuan=None,
                licence_measure=f"人力资源服务许可证（负责人身份证{PERSON_ID}）",
            ),
            {},
        ),
        (penalty_data(**PASSPORT_REP), {}),
        (penalty_data(legal_rep_id_type="身份证", legal_rep_id_number=PERSON_ID), {}),
        (
            penalty_data(
                party_category="个体工商户",
                uscc="00000000000000000X",
                reg_number="120101600012345",
                party_name="和平区某小吃店",
            ),
            {},
        ),
        (penalty_data(remarks=f"联系电话{PHONE}，请勿拨打", fine_yuan=Decimal("123456789.99")), {}),
        (
            penalty_data(
                facts='含逗号,引号"和\n换行\t制表符\\反斜杠',
                basis="《条例》第二十六条、第三十条",
                party_name='某"引号"公司, 分号;',
            ),
            {},
        ),
        (
            penalty_data(org_code="MA05XY12-7", tax_number="120101MA05XY127", reg_number="1201011"),
            {},
        ),
        (penalty_data(decided_on=date(2019, 12, 31)), {"publicity_ends_on": date(2022, 12, 31)}),
        # invalid ones
        (penalty_data(uscc="91120101MA05XY127X", basis=""), {}),
        (person_penalty_data(person_id_number=""), {}),
        (person_penalty_data(uscc="91120101MA05XY127W", person_id_type="学生证"), {}),
        (person_penalty_data(person_id_number="11010519491231002Y"), {}),
        (penalty_data(fine_yuan=None), {}),
        (penalty_data(penalty_categories=("罚款", "拘留")), {}),
        (penalty_data(penalty_categories=()), {}),
        (penalty_data(penalty_categories=("其他",), fine_yuan=None), {}),
        (penalty_data(penalty_categories=("警告",)), {}),
        (penalty_data(penalty_categories=("没收违法所得", "吊销许可证"), fine_yuan=None), {}),
        (penalty_data(), {"publicity_ends_on": None}),
        (penalty_data(), {"publicity_ends_on": date(2019, 1, 1)}),
        (penalty_data(uscc="00000000000000000X"), {}),
        (penalty_data(party_category="个体工商户", uscc="00000000000000000X", reg_number=""), {}),
        (penalty_data(authority_uscc="11120000000012343f", source_unit_uscc=""), {}),
        (
            penalty_data(
                party_name=" ",
                legal_rep="",
                violation_type="",
                facts="  ",
                content="",
                document_number="",
                **PASSPORT_REP,
            ),
            {},
        ),
        (penalty_data(party_category="外国企业", legal_rep_id_number="123"), {}),
        (
            penalty_data(
                uscc="", legal_rep_id_type="身份证", legal_rep_id_number="110105194912310021"
            ),
            {},
        ),
        (penalty_data(source_unit="", authority=""), {}),
    ]


def _licences() -> list[tuple[DecisionData, dict]]:
    return [
        (license_data(), {}),
        (license_data(valid_to=date(2099, 12, 31), document_number=""), {}),
        (license_data(license_category="其他", category_note="特许经营", licence_name=""), {}),
        (
            license_data(content=f"准予（经办人手机{PHONE}）"),
            {
                "status": Status.WITHDRAWN,
                "withdrawal_change": "变更",
                "withdrawal_reason": "许可变更",
            },
        ),
        (
            person_penalty_data(
                document_title="人力资源服务许可决定书",
                license_category="普通",
                licence_number="XK-1",
                content="准予",
                valid_from=date(2019, 9, 27),
                valid_to=date(2020, 9, 26),
            ),
            {},
        ),
        # invalid ones
        (license_data(valid_from=date(2024, 6, 1)), {}),
        (license_data(license_category="其他", licence_number="", document_number=""), {}),
        (license_data(license_category="特殊", valid_to=date(2019, 1, 1), valid_from=None), {}),
        (license_data(document_title="", content="", valid_to=None), {}),
    ]


def _create(kind: Kind, items) -> list[PublicityRecord]:
    records = []
    for n, (data, extras) in enumerate(items):
        values = {
            "status": Status.PUBLISHED,
            "published_on": date(2019, 10, 8),
            "publicity_ends_on": date(2022, 9, 27),
            **extras,
        }
        data = DecisionData.from_mapping(data.as_dict())
        records.append(
            PublicityRecord.objects.create(
                kind=kind,
                source_type="golden",
                source_id=str(n),
                content_changed_at=timezone.now(),
                **data.as_dict(),
                **values,
            )
        )
    return records


def _normalise(text: str, records) -> str:
    numbers = {record_no(r.pk): f"GS#{n:02d}" for n, r in enumerate(records)}
    return re.sub(r"GS\d{8}", lambda m: numbers.get(m[0], "GS#??"), text)


def _xlsx_text(path: Path) -> str:
    rows = load_workbook(path, read_only=True).active.iter_rows(values_only=True)
    return json.dumps([list(row) for row in rows], ensure_ascii=False, indent=0) + "\n"


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8"), f"{name} differs from the golden file"


@pytest.mark.parametrize("kind", [Kind.PENALTY, Kind.LICENSE])
@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_output_equals_the_golden_files(tmp_path, kind, fmt):
    records = _create(kind, _penalties() if kind == Kind.PENALTY else _licences())
    out = tmp_path / f"out.{fmt}"
    result = shuanggongshi_export(kind=kind, fmt=fmt, out=out, actor=SYSTEM, skip_invalid=True)
    stem = f"{kind}"
    text = _xlsx_text(out) if fmt == "xlsx" else out.read_bytes().decode("utf-8")
    _check(f"{stem}.{fmt}" + (".json" if fmt == "xlsx" else ""), _normalise(text, records))
    _check(f"{stem}.preflight.csv", _normalise(result.report.read_bytes().decode("utf-8"), records))
    summary = {
        "checked": result.checked,
        "rows": result.rows,
        "withdrawals": result.withdrawals,
        "invalid": result.invalid,
        "problems": result.problems,
    }
    _check(
        f"{stem}.summary.json",
        _normalise(json.dumps(summary, ensure_ascii=False, indent=1), records) + "\n",
    )
    assert PERSON_ID not in text and PHONE not in text and ADDRESS not in text


def test_dash_date_style(tmp_path, settings):
    settings.FAZHI = {**settings.FAZHI, "SHUANGGONGSHI_DATE_FORMAT": "YYYY-MM-DD"}
    records = _create(Kind.PENALTY, _penalties()[:3])
    out = tmp_path / "out.csv"
    shuanggongshi_export(kind="penalty", fmt="csv", out=out, actor=SYSTEM)
    _check("penalty.dash.csv", _normalise(out.read_bytes().decode("utf-8"), records))


@pytest.mark.parametrize("kind", [Kind.PENALTY, Kind.LICENSE])
def test_export_agrees_with_the_per_record_reference(tmp_path, kind):
    """The streamed export against `validate` and `export_row` applied to each model instance."""
    records = _create(kind, _penalties() if kind == Kind.PENALTY else _licences())
    out = tmp_path / "out.csv"
    result = shuanggongshi_export(kind=kind, fmt="csv", out=out, actor=SYSTEM, skip_invalid=True)
    expected_rows, expected_problems = [], []
    for record in records:
        record.refresh_from_db()
        data = record.as_data()
        problems = validate(kind, data, ends_on=record.publicity_ends_on)
        if problems:
            expected_problems += [
                [record.record_no, record.document_number, record.party_name, p.code, p.message]
                for p in problems
            ]
            continue
        withdrawn = record.status == Status.WITHDRAWN
        exchange = Exchange(
            record.record_no,
            record.publicity_ends_on,
            withdrawn,
            record.withdrawal_reason if withdrawn else "",
            record.withdrawal_change if withdrawn else "",
        )
        expected_rows.append(export_row(kind, data, exchange, "YYYY/MM/DD"))
    with open(out, encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh))[1:] == expected_rows
    with open(result.report, encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh))[1:] == expected_problems
    assert expected_problems  # the fixture does exercise the refusals


def test_dataclass_and_row_give_the_same_line():
    """`export_row` reads attributes only: a `DecisionData` and a record give the same line."""
    data = replace(person_penalty_data(), remarks=f"手机{PHONE}")
    line = export_row("penalty", data, Exchange("GS00000001", date(2022, 9, 27)), "YYYY/MM/DD")
    assert PERSON_ID not in "".join(line) and PHONE not in "".join(line)
