"""`fazhi validate uscc|ric|docnum VALUE [--json]`: check one identifier (exit 1 if invalid)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.core.domain.docnum import validate_docnum
from fazhi.core.domain.identifiers import ValidationResult, validate_ric, validate_uscc

VALIDATORS = {"uscc": validate_uscc, "ric": validate_ric, "docnum": validate_docnum}
KIND_LABELS = {"uscc": "统一社会信用代码", "ric": "居民身份证号码", "docnum": "文号"}
DETAIL_LABELS = {
    "registration_authority": "登记管理部门",
    "entity_class": "机构类别",
    "region_code": "行政区划代码",
    "region": "地区",
    "organisation_code": "组织机构代码",
    "birth_date": "出生日期",
    "gender": "性别",
    "document_type": "证件类型",
    "legacy_number": "原15位号码",
    "issuer": "发文机关代字",
    "year": "年份",
    "serial": "顺序号",
    "type": "类型",
}
DOCNUM_TYPES = {"document": "发文字号", "order": "令"}


class Command(BaseCommand):
    help = "校验统一社会信用代码（uscc）、居民身份证号码（ric）或文号（docnum）"

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(VALIDATORS), help="标识类型")
        parser.add_argument("value", help="待校验的值（含空格时请加引号）")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        if options["kind"] == "ric":  # a birth date after today is not a real number
            result: ValidationResult = validate_ric(options["value"], today=timezone.localdate())
        else:
            result = VALIDATORS[options["kind"]](options["value"])
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
        elif result.is_valid:
            self.stdout.write(self._human(result))
        if not result.is_valid:
            # The reason goes to stderr (and is the whole human output); JSON stays on stdout.
            raise CommandError(f"{KIND_LABELS[result.kind]}无效：{result.reason}", returncode=1)

    def _human(self, result: ValidationResult) -> str:
        lines = [self.style.SUCCESS(f"✓ {KIND_LABELS[result.kind]}有效：{result.normalised}")]
        for key, value in result.details.items():
            if value not in ("", None):
                value = DOCNUM_TYPES.get(value, value) if key == "type" else value
                lines.append(f"  {DETAIL_LABELS.get(key, key)}：{value}")
        lines.extend(f"  ⚠ {w}" for w in result.warnings)
        return "\n".join(lines)
