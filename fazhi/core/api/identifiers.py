"""/api/v1/identifiers: check a 统一社会信用代码, 居民身份证号码 or 文号."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from fazhi.core.api.problems import ErrorCode, Problem, ProblemError
from fazhi.core.domain.docnum import validate_docnum
from fazhi.core.domain.identifiers import validate_ric, validate_uscc

router = Router(tags=["identifiers"])

_VALIDATORS = {"uscc": validate_uscc, "ric": validate_ric, "docnum": validate_docnum}
_TITLES = {"uscc": "统一社会信用代码无效", "ric": "居民身份证号码无效", "docnum": "文号无法识别"}


class ValidateIn(Schema):
    kind: Literal["uscc", "ric", "docnum"] = Field(
        description="uscc：统一社会信用代码；ric：居民身份证号码；docnum：文号"
    )
    value: str = Field(max_length=100, description="待校验的值，可含空格，可用全角字符")


class IdentifierOut(Schema):
    kind: str
    value: str
    valid: bool
    normalised: str
    reason: str
    details: dict[str, Any]
    warnings: list[str]


@router.get(
    "/validate",
    response={200: IdentifierOut, 422: Problem},
    operation_id="identifiers_validate",
    summary="校验统一社会信用代码、居民身份证号码或文号",
    description=(
        "`kind=uscc` 按 GB 32100-2015 校验统一社会信用代码；`kind=ric` 按 GB 11643-1999 校验"
        "居民身份证号码（15位旧号码升位为18位并给出提示）；`kind=docnum` 解析文号并给出规范写法"
        "（如 `津人社规字〔2019〕5号`）。有效时返回 200 及规范化结果和可推导信息；无效时返回 422，"
        "`code` 为 `invalid_identifier`，`detail` 为中文原因。"
    ),
)
def validate(request: HttpRequest, query: Query[ValidateIn]):
    if query.kind == "ric":  # a birth date after today is not a real number
        result = validate_ric(query.value, today=timezone.localdate())
    else:
        result = _VALIDATORS[query.kind](query.value)
    if not result.is_valid:
        raise ProblemError(
            422,
            ErrorCode.INVALID_IDENTIFIER,
            _TITLES[query.kind],
            result.reason,
            errors=[{"kind": result.kind, "value": result.value, "reason": result.reason}],
        )
    return result.as_dict()
