"""Word documents in the layout of a 公文 (GB/T 9704—2012 党政机关公文格式), shared by every app
that prints something a bureau signs (ADR 0011).

The layout lives in .docx templates staff can open and edit in Word or WPS
(``fazhi/<app>/docx/<kind>.docx``, written by ``fazhi.core.docx_kinds``); the code hands each
template its fields and docxtpl fills them. A bureau's own edited copy of a template, at the same
relative path under ``FAZHI["DOCX_TEMPLATE_DIR"]``, replaces the shipped one. A template that
names a field the code does not supply fails on rendering (StrictUndefined), and an edited copy
that drops or adds a field is reported by ``manage.py check`` (``check_overrides``) before any
user asks for a document. The issuing body's name comes from configuration
(``FAZHI["AGENCY_NAME"]``), never from code.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

from fazhi.core.docx_kinds import KINDS, shipped_path

# autoescape: a party named "A&B" must not break the XML; StrictUndefined: a field the code does
# not supply is an error, never an empty gap in a signed document.
_ENV = Environment(undefined=StrictUndefined, autoescape=True)


def agency_name() -> str:
    return settings.FAZHI.get("AGENCY_NAME", "天津市人力资源和社会保障局")


def chinese_date(day: date) -> str:
    """GB/T 9704 7.3.5.3: Arabic numerals, no leading zero.

    >>> chinese_date(date(2020, 3, 1))
    '2020年3月1日'
    """
    return f"{day.year}年{day.month}月{day.day}日"


def override_dir() -> Path | None:
    configured = settings.FAZHI.get("DOCX_TEMPLATE_DIR")
    return Path(configured) if configured else None


def template_path(name: str) -> Path:
    """The bureau's edited template ``<dir>/<app>/<kind>.docx`` if there is one, else the shipped."""
    directory = override_dir()
    if directory is not None and (directory / f"{name}.docx").is_file():
        return directory / f"{name}.docx"
    return shipped_path(name)


def render(name: str, context: Mapping[str, Any]) -> bytes:
    """The document ``name`` (``"<app>/<kind>"``) filled with ``context``; ``agency`` defaults
    to the configured issuing body."""
    template = DocxTemplate(template_path(name))
    template.render({"agency": agency_name(), **context}, jinja_env=_ENV, autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def fields(path: Path) -> set[str]:
    """The top-level fields a template names (loop variables excluded)."""
    return set(DocxTemplate(path).get_undeclared_template_variables(jinja_env=_ENV))


def check_overrides(directory: Path | None = None) -> list[str]:
    """What is wrong with the bureau's edited templates, in Chinese for the administrator: a
    file no document uses, a template that does not open, or fields that differ from the shipped
    template's (a dropped field leaves a fact out of the document; an unknown one cannot be
    filled)."""
    directory = directory or override_dir()
    if directory is None:
        return []
    problems = []
    for path in sorted(directory.rglob("*.docx")):
        name = path.relative_to(directory).with_suffix("").as_posix()
        if name not in KINDS:
            problems.append(f"{name}.docx：不是平台使用的模板（可用：{'、'.join(sorted(KINDS))}）")
            continue
        try:
            edited = fields(path)
        except Exception as exc:
            problems.append(f"{name}.docx：模板无法解析（{exc}）")
            continue
        shipped = fields(shipped_path(name))
        if missing := sorted(shipped - edited):
            problems.append(f"{name}.docx：缺少字段 {'、'.join(missing)}")
        if unknown := sorted(edited - shipped):
            problems.append(f"{name}.docx：有平台不提供的字段 {'、'.join(unknown)}")
    return problems
