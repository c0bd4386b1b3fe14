"""Import of officers and their certificates (`fazhi officers import FILE.csv|FILE.xlsx`).

The file is an Excel sheet (.xlsx, the first sheet) or a CSV in UTF-8 (with or without BOM) or
GBK/GB18030, one certificate a row, with a header (``template_xlsx`` writes one):

    姓名,单位代码,执法证号,执法区域,发证日期[,有效期至][,状态][,最近年审日期][,账号][,岗位]

Good rows are imported through the services (each row in its own savepoint); every bad row is
reported with its line number and reason. A row whose 执法证号 is already registered for the
same person is skipped, so importing the same file twice changes nothing. Rows with 状态 注销
are taken first, so a file may list an old card after its replacement.

Two people of one unit may share a name: a row is never merged into a same-named officer who
already holds a card usable on the new card's issue date (one person holds one card); such a
row needs the 账号 column.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from openpyxl import load_workbook

from fazhi.accounts.models import OrgUnit, User
from fazhi.accounts.permissions import OFFICERS_MANAGE, require
from fazhi.core.caching import bump
from fazhi.core.domain.errors import Refused
from fazhi.officers.domain import certificates as rules
from fazhi.officers.models import Certificate, Officer, Post
from fazhi.officers.services import certificates as cards
from fazhi.officers.services._common import record
from fazhi.officers.services.officers import officer_create

COLUMNS = {
    "姓名": "name",
    "单位代码": "unit_code",
    "执法证号": "number",
    "执法区域": "area",
    "发证日期": "issued_on",
    "有效期至": "expires_on",
    "状态": "status",
    "最近年审日期": "last_reviewed_on",
    "账号": "username",
    "岗位": "post",
}
REQUIRED = ("name", "unit_code", "number", "area", "issued_on")
STATUSES = {
    "": "valid",
    "有效": "valid",
    "暂扣": "suspended",
    "注销": "revoked",
    "valid": "valid",
    "suspended": "suspended",
    "revoked": "revoked",
}
POSTS = {"": Post.ENFORCEMENT, "执法岗位": Post.ENFORCEMENT, "非执法岗位": Post.SUPPORT}


@dataclass
class ImportResult:
    created: int = 0
    skipped: int = 0
    officers_created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def decode(data: bytes) -> str:
    """UTF-8 first (Excel's BOM included), then GB18030, the superset of GBK."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise Refused("文件编码无法识别，请保存为 UTF-8 或 GBK 编码的 CSV") from None


def _date(value: str, what: str) -> date | None:
    value = value.strip().replace("/", "-").replace(".", "-")
    if not value:
        return None
    try:
        y, m, d = (int(p) for p in value.split("-"))
        return date(y, m, d)
    except ValueError:
        raise Refused(f"{what}“{value}”不是有效日期（格式 YYYY-MM-DD）") from None


def _table(data: bytes) -> list[tuple[int, list[str]]]:
    """(line, cells) of an .xlsx (a zip: "PK" first) or a CSV file."""
    if data[:2] == b"PK":
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception:  # openpyxl raises many kinds on a damaged file
            raise Refused("无法读取该 Excel 文件，请另存为 .xlsx 或 CSV 后重试") from None
        return [
            (n, [_text(v) for v in values])
            for n, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    reader = csv.reader(io.StringIO(decode(data)))
    return [(reader.line_num, values) for values in reader]


def _text(value) -> str:
    """A cell as the CSV would hold it: dates as YYYY-MM-DD, numbers without a trailing .0."""
    if value is None:
        return ""
    if hasattr(value, "date") and callable(value.date):
        value = value.date()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(data: bytes) -> list[tuple[int, dict[str, str]]]:
    table = _table(data)
    if not table:
        raise Refused("文件为空")
    header = table[0][1]
    keys = [COLUMNS.get(h.strip(), h.strip()) for h in header]
    missing = [k for k, v in COLUMNS.items() if v in REQUIRED and v not in keys]
    if missing:
        raise Refused(f"缺少列：{'、'.join(missing)}")
    rows = []
    for line, values in table[1:]:
        if not any(v.strip() for v in values):
            continue
        rows.append((line, {k: v.strip() for k, v in zip(keys, values, strict=False)}))
    # 注销 rows first: an old card must be on file before its replacement is issued.
    return sorted(rows, key=lambda r: STATUSES.get(r[1].get("status", ""), "") != "revoked")


def _officer(
    row: dict[str, str], unit: OrgUnit, actor, result: ImportResult, issued_on: date
) -> Officer:
    username = row.get("username", "")
    post = POSTS.get(row.get("post", ""))
    if post is None:
        raise Refused(f"岗位“{row['post']}”无法识别（执法岗位或非执法岗位）")
    user = None
    if username:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise Refused(f"账号“{username}”不存在")
        linked = Officer.objects.filter(user=user).first()
        if linked is not None:
            if linked.name != row["name"]:
                raise Refused(f"账号“{username}”已关联执法人员{linked.name}")
            return linked
    same = list(Officer.objects.filter(name=row["name"], org_unit=unit, user__isnull=True)[:2])
    if len(same) > 1:
        raise Refused(f"{unit.name}有多名“{row['name']}”，请填写账号列以区分")
    if same:
        held = (
            same[0]
            .certificates.exclude(status=Certificate.Status.REVOKED)
            .filter(issued_on__lte=issued_on, expires_on__gte=issued_on)
            .first()
        )
        if held is None:
            return same[0]
        if user is None:  # one person holds one usable card: this is someone else
            raise Refused(
                f"{unit.name}的{row['name']}已持有效执法证{held.number}（一人只能持有一个有效执法证）；"
                "如为同名的另一人，请填写账号列以区分；如为换证，请先注销原证"
            )
        # else: the account names another person of the same name
    result.officers_created += 1
    return officer_create(name=row["name"], org_unit=unit, user=user, post=post, actor=actor)


def _import_row(row: dict[str, str], *, actor, today: date, result: ImportResult) -> None:
    for key in REQUIRED:
        if not row.get(key):
            raise Refused(f"“{next(k for k, v in COLUMNS.items() if v == key)}”为空")
    try:
        number = rules.normalise_number(row["number"])
    except ValueError as exc:
        raise Refused(str(exc)) from None
    status = STATUSES.get(row.get("status", ""))
    if status is None:
        raise Refused(f"状态“{row['status']}”无法识别（有效、暂扣或注销）")
    issued_on = _date(row["issued_on"], "发证日期")
    expires_on = _date(row.get("expires_on", ""), "有效期至")
    reviewed_on = _date(row.get("last_reviewed_on", ""), "最近年审日期")
    existing = Certificate.objects.select_related("officer").filter(number=number).first()
    if existing is not None:
        if existing.officer.name != row["name"]:
            raise Refused(f"执法证号{number}已登记在{existing.officer.name}名下")
        result.skipped += 1
        return
    unit = OrgUnit.objects.filter(code=row["unit_code"]).first()
    if unit is None:
        raise Refused(f"单位代码“{row['unit_code']}”不存在")
    officer = _officer(row, unit, actor, result, issued_on)
    card = cards.certificate_issue(
        officer=officer,
        number=number,
        area=row["area"],
        issued_on=issued_on,
        expires_on=expires_on,
        actor=actor,
        imported=True,  # issued before the platform: its exam and training are not on record
    )
    if reviewed_on is not None:
        cards.certificate_review_record(
            certificate=card, reviewed_on=reviewed_on, passed=True, note="导入", actor=actor
        )
    on = max(min(today, card.expires_on), card.issued_on)
    if status == "suspended":
        cards.certificate_suspend(certificate=card, on=on, reason="导入时状态为暂扣", actor=actor)
    elif status == "revoked":
        cards.certificate_revoke(certificate=card, on=on, reason="导入时状态为注销", actor=actor)
    result.created += 1


def officers_import(*, data: bytes, actor, today: date, name: str = "") -> ImportResult:
    """Import the rows of an .xlsx or CSV file; see the module docstring. Audits ``officers.import``."""
    require(actor, OFFICERS_MANAGE)
    result = ImportResult()
    for line, row in _rows(data):
        try:
            with transaction.atomic():
                before = result.officers_created
                try:
                    _import_row(row, actor=actor, today=today, result=result)
                except Refused:
                    result.officers_created = before
                    raise
        except Refused as exc:
            result.errors.append((line, exc.message))
    result.errors.sort()
    record(
        actor=actor,
        action="import",
        target=None,
        file=name,
        created=result.created,
        skipped=result.skipped,
        errors=len(result.errors),
    )
    bump("officers")  # public pages show it: a new version on commit
    return result


TEMPLATE_EXAMPLE = [
    "张某",
    "JCZD-1",
    "12000019000001",
    "天津市",
    "2019-01-10",
    "",
    "有效",
    "",
    "",
    "执法岗位",
]
