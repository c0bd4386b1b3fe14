"""Shared bits of the publicity commands."""

from __future__ import annotations

from datetime import date

from django.core.management.base import CommandError


def parse_day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{name}“{value}”不是 YYYY-MM-DD 格式的日期", returncode=2) from None
