"""The staff menu: each entry with the rules that open its page, so a person sees only what
their role may open (issue 19.4). An entry without rules opens for every staff member; a page
that refuses some roles names its rules here, the same ones its view checks."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from fazhi.accounts.permissions import (
    EDUCATION_MANAGE,
    EDUCATION_RECORD_OWN,
    EDUCATION_SIT,
    ENFORCEMENT_LEGAL_REVIEW,
    LICENSING_HANDLE,
    REPORTS_COMMENT,
    REPORTS_DRAFT,
    Rule,
    allowed,
)


@dataclass(frozen=True)
class Entry:
    label: str
    url_name: str
    any_of: tuple[Rule, ...] = ()  # empty: every signed-in staff member


MENU: tuple[Entry, ...] = (
    Entry("工作台", "core:staff_home"),
    Entry("待办", "core:worklist"),
    Entry("规范性文件", "normdocs:ledger"),
    Entry("复议应诉", "disputes:register"),
    Entry("权责清单", "powers:item_list"),
    Entry("执法人员", "officers:register"),
    Entry("执法案件", "enforcement:case_list"),
    Entry("法制审核", "enforcement:review_queue", (ENFORCEMENT_LEGAL_REVIEW,)),
    Entry("双随机抽查", "inspections:index"),
    Entry("执法公示", "publicity:queue"),
    Entry("政务服务", "services:catalogue_index"),
    Entry("行政许可", "services:register"),
    Entry("主题审批收件", "services:bundle_application_create", (LICENSING_HANDLE,)),
    Entry("执法监督", "supervision:warnings"),
    Entry("法治建设", "planning:index"),
    Entry("年度报告", "reports:list", (REPORTS_COMMENT, REPORTS_DRAFT)),
    Entry("重大决策", "decisions:register"),
    Entry("立法", "legislation:register"),
    Entry("普法", "education:pufa_index", (EDUCATION_MANAGE, EDUCATION_RECORD_OWN)),
    Entry("学法考试", "education:index", (EDUCATION_SIT,)),
)


def menu_for(user, entries: tuple[Entry, ...] = MENU) -> list[tuple[str, str]]:
    """(label, url) of the ``entries`` (the staff menu, or a module's tabs) ``user`` may open,
    in order."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [
        (e.label, reverse(e.url_name))
        for e in entries
        if not e.any_of or any(allowed(user, rule) for rule in e.any_of)
    ]


def menu(request) -> dict:
    """Context processor: ``staff_menu``, computed only when a template reads it."""
    return {"staff_menu": SimpleLazyObject(lambda: menu_for(request.user))}
