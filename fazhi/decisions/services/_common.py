"""Helpers every decisions service shares: the day of the step, settings, the audit record."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone

from fazhi.accounts.permissions import DECISIONS_RUN, require
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.decisions.domain import procedure as proc
from fazhi.decisions.domain.errors import Code
from fazhi.decisions.models import Decision

RULE_ARCHIVE = "decisions.archive"
RULE_EXCEPTION_TERM = "decisions.competition_exception_term"


def today(on: date | None) -> date:
    return on or timezone.localdate()


def option(name: str, default):
    return settings.FAZHI.get(name, default)


def min_comment_days() -> int:
    return int(option("DECISIONS_MIN_COMMENT_DAYS", 30))


def min_hearing_notice_days() -> int:
    return int(option("DECISIONS_MIN_HEARING_NOTICE_DAYS", 7))


def min_review_days() -> int:
    return int(option("DECISIONS_MIN_REVIEW_WORKING_DAYS", 7))


def need(text: str, what: str, basis: str = "") -> str:
    if not (text or "").strip():
        raise Refused(f"请填写{what}", basis, code=Code.REASON_REQUIRED)
    return text.strip()


def record(actor, action: str, target, **data) -> None:
    audit.record(actor=actor, action=f"decisions.{action}", target=target, data=data)


def lock(obj):
    return type(obj).objects.select_for_update().get(pk=obj.pk)


def drafting(decision: Decision, actor, rule=DECISIONS_RUN) -> Decision:
    decision = lock(decision)
    require(actor, rule, unit=decision.org_unit)
    if decision.stage != proc.Stage.DRAFTING:
        raise Refused("决策已提交集体讨论，不能再变更论证程序", code=Code.STAGE)
    return decision
