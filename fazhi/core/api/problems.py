"""RFC 7807 problem details with stable machine codes, shared by every router."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.http import HttpRequest, JsonResponse
from ninja import Schema


class ErrorCode(StrEnum):
    ERROR = "error"
    INVALID_INPUT = "invalid_input"
    NOT_AUTHENTICATED = "not_authenticated"
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"
    UNKNOWN_RULE = "unknown_rule"
    INVALID_DATE = "invalid_date"
    CALENDAR_DATA_MISSING = "calendar_data_missing"
    RULE_NOT_EXTENDABLE = "rule_not_extendable"
    INVALID_IDENTIFIER = "invalid_identifier"
    FILE_TOO_LARGE = "file_too_large"
    FILE_TYPE_MISMATCH = "file_type_mismatch"
    ILLEGAL_TRANSITION = "illegal_transition"
    INVALID_QUERY = "invalid_query"
    UNKNOWN_FILTER_VALUE = "unknown_filter_value"
    RULE_REFUSED = "rule_refused"


class Problem(Schema):
    type: str = "about:blank"
    title: str
    status: int = 400
    detail: str = ""
    code: str
    instance: str | None = None
    errors: list[Any] | None = None


class ProblemError(Exception):
    """Raise from an endpoint to answer with a problem object."""

    def __init__(self, status: int, code: ErrorCode, title: str, detail: str = "", **extra: Any):
        super().__init__(detail or title)
        self.status = status
        self.problem = Problem(
            code=code, title=title, detail=detail or title, status=status, **extra
        )


def problem_response(request: HttpRequest, problem: Problem, status: int) -> JsonResponse:
    body = problem.dict(exclude_none=True)
    body["status"] = status
    body["type"] = f"urn:fazhi:problem:{problem.code}"
    body.setdefault("instance", request.path)
    return JsonResponse(
        body,
        status=status,
        content_type="application/problem+json",
        json_dumps_params={"ensure_ascii": False},
    )
