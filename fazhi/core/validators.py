"""Form and schema validators for identifiers where they enter (issue 17 item 15).

Thin Django wrappers over `fazhi.core.domain.identifiers`: the rules and their reasons live in
the domain; here they become ``ValidationError`` (forms) or ``ValueError`` (pydantic schemas).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.core.domain.identifiers import (
    phone_problem,
    ric_entry_problem,
    uscc_entry_problem,
)


def validate_resident_id(value: str) -> None:
    if problem := ric_entry_problem(value, today=timezone.localdate()):
        raise ValidationError(problem, code="invalid_ric")


def validate_uscc_code(value: str) -> None:
    if problem := uscc_entry_problem(value):
        raise ValidationError(problem, code="invalid_uscc")


def validate_phone(value: str) -> None:
    if problem := phone_problem(value):
        raise ValidationError(problem, code="invalid_phone")


def schema_check(problem: str | None, value: str) -> str:
    """For pydantic field validators: raise ``ValueError(problem)`` or return ``value``."""
    if problem:
        raise ValueError(problem)
    return value
