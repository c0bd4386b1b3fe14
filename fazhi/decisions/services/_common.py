"""Helpers every decisions service shares: the day of the step, settings, the audit record."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone

from fazhi.accounts.permissions import DECISIONS_RUN, require
from fazhi.core.domain import entry_dates
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.core.services import entry_dates as entry_log
from fazhi.core.services.deadlines import deadline_meet
from fazhi.decisions.domain import procedure as proc
from fazhi.decisions.domain.errors import Code
from fazhi.decisions.models import Decision, DecisionDateEntry

RULE_ARCHIVE = "decisions.archive"
RULE_EXCEPTION_TERM = "decisions.competition_exception_term"


# 过程记录: a step's typed date is a fact of the record, never after the day it is entered
# (issue 18.5; 津政办发〔2021〕42号 重大行政决策过程记录和材料归档办法).
RECORD_BASIS = "津政办发〔2021〕42号（重大行政决策过程记录和材料归档办法）"


def today(on: date | None) -> date:
    """The day of a step: the typed ``on`` (refused when after today), else today."""
    current = timezone.localdate()
    if on is not None:
        entry_dates.check_not_future(on, current, "日期", basis=RECORD_BASIS)
    return on or current


def enter_date(decision: Decision, step: str, on: date | None, actor, *, meets=None):
    """Log a typed ``on`` of ``step`` beside the system's date and time of entry and the person,
    flagged (``core/domain/entry_dates.py``); ``meets``: the bureau's open clock the step
    answers, met on the system's date — never the typed one, which could hide lateness (issue
    18.5). Without a typed date the system's date is the fact: nothing to log."""
    if on is not None:
        return entry_log.record_typed_date(
            DecisionDateEntry,
            owner={"decision": decision},
            step=step,
            on=on,
            actor=actor,
            meets=meets,
        )
    if meets is not None:
        deadline_meet(deadline=meets, met_on=timezone.localdate(), actor=actor)
    return None


def enter_matter_date(matter_type: str, matter_id: int, step: str, on: date | None, actor):
    """``enter_date`` for a step of the shared registers (法律顾问, 公平竞争审查) whose matter is
    a decision: its typed date joins the decision's log like every other step's."""
    if matter_type != "decision" or on is None:
        return None
    decision = Decision.objects.filter(pk=matter_id).first()
    return enter_date(decision, step, on, actor) if decision is not None else None


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
