"""Validation of what users type: the query text and the filter values."""

from __future__ import annotations

import unicodedata
from datetime import date

from fazhi.laws.domain import docnum
from fazhi.laws.domain.validity import Status
from fazhi.laws.models import DocumentKind
from fazhi.laws.search import segment
from fazhi.laws.search.types import (
    MAX_PAGE_SIZE,
    MAX_QUERY_CHARS,
    MAX_RESULTS,
    InvalidQuery,
    UnknownFilterValue,
)


def clean_query(text: str | None) -> str:
    value = " ".join((text or "").split())
    if not value:
        raise InvalidQuery("请输入检索词")
    if len(value) > MAX_QUERY_CHARS:
        raise InvalidQuery(f"检索词过长（{len(value)} 字），请控制在 {MAX_QUERY_CHARS} 字以内")
    if not any(unicodedata.category(ch)[0] in "LN" for ch in value):
        raise InvalidQuery("检索词不能只包含标点或符号，请输入文字")
    return value


def query_terms(text: str) -> list[str]:
    terms = segment.query_terms(text)
    if not terms:
        raise InvalidQuery("检索词只包含“的、吗、怎么”等虚词，请输入更具体的内容")
    return terms


def doc_number_key(text: str) -> str | None:
    return docnum.canonical(text)


def parse_kind(value: str | None) -> str | None:
    if not value:
        return None
    if value not in DocumentKind.values:
        choices = "、".join(DocumentKind.values)
        raise UnknownFilterValue(f"未知的文件类别“{value}”，可选：{choices}")
    return value


def parse_status(value: str | None) -> Status | None:
    if not value:
        return None
    try:
        return Status(value)
    except ValueError:
        choices = "、".join(s.value for s in Status)
        raise UnknownFilterValue(f"未知的效力状态“{value}”，可选：{choices}") from None


def parse_date(value: str | None, label: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UnknownFilterValue(f"{label}“{value}”不是有效日期，请用 YYYY-MM-DD 格式") from None


def check_paging(page: int, page_size: int) -> None:
    if page < 1:
        raise UnknownFilterValue("页码必须从 1 开始")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise UnknownFilterValue(f"每页条数须在 1 到 {MAX_PAGE_SIZE} 之间")
    if (page - 1) * page_size >= MAX_RESULTS:
        raise UnknownFilterValue(f"最多只能翻阅前 {MAX_RESULTS} 条结果，请缩小检索范围")
