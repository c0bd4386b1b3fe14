"""Writes on publicity records. One service per state change, each audited as
``publicity.record.<verb>``; every refusal raises `Refused` before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from fazhi.accounts.permissions import PUBLICITY_PUBLISH, require, require_system
from fazhi.core.caching import bump
from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.errors import Refused
from fazhi.core.domain.time_limits import UnknownRule
from fazhi.core.models import Deadline
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors.calendar import work_calendar
from fazhi.core.selectors.deadlines import deadlines_for_subject
from fazhi.core.services import audit
from fazhi.core.services.deadlines import (
    deadline_cancel,
    deadline_meet,
    deadline_open,
    deadline_open_fixed,
)
from fazhi.publicity import conf, selectors
from fazhi.publicity.domain import periods
from fazhi.publicity.domain.data import DecisionData
from fazhi.publicity.domain.enums import Change, Kind, Status
from fazhi.publicity.domain.validation import validate
from fazhi.publicity.models import PublicityRecord

BASIS_118 = "国办发〔2018〕118号（六）"
BASIS_48 = "《中华人民共和国行政处罚法》第四十八条"
WITHDRAWAL_FALLBACK = "publicity.withdrawal_fallback"  # fixed deadline, not in the rule table


@dataclass(frozen=True)
class SourceRef:
    """A producing record named by type and id, when the caller has no model instance."""

    source_type: str
    source_id: str


@dataclass(frozen=True)
class Authority:
    """The 决定机关 of a decision, which is also its 数据来源单位 (谁执法谁公示)."""

    name: str
    uscc: str


# Full name and 统一社会信用代码 per org-unit code of a bureau or district bureau;
# ``settings.FAZHI["PUBLICITY_AUTHORITIES"]`` overrides or adds entries by unit code. The
# defaults name the demo bureau's units; their codes are placeholders with valid check
# characters (UNVERIFIED, like ``enforcement.domain.numbering.DEFAULT_PREFIXES``): configure the
# real codes before going live. A unit without an entry gets its own name and no code, which
# the pre-flight check then reports.
DEFAULT_AUTHORITIES: dict[str, dict[str, str]] = {
    "JU": {"name": "天津市人力资源和社会保障局", "uscc": "11120000000000000T"},
    "HPQ": {"name": "天津市和平区人力资源和社会保障局", "uscc": "11120101000001011R"},
    "HDQ": {"name": "天津市河东区人力资源和社会保障局", "uscc": "1112010200000102X0"},
    "HXQ": {"name": "天津市河西区人力资源和社会保障局", "uscc": "11120103000001038E"},
    "NKQ": {"name": "天津市南开区人力资源和社会保障局", "uscc": "11120104000001046P"},
    "BHXQ": {"name": "天津市滨海新区人力资源和社会保障局", "uscc": "111201160000011695"},
}
AUTHORITY_KINDS = frozenset({"bureau", "district"})


def authority_for(org_unit) -> Authority:
    """The authority a decision taken in ``org_unit`` is published under: the bureau or
    district bureau above the division or team that handled it."""
    unit = org_unit
    while unit is not None and unit.kind not in AUTHORITY_KINDS:
        unit = unit.parent
    unit = unit or org_unit
    table = {
        **DEFAULT_AUTHORITIES,
        **getattr(settings, "FAZHI", {}).get("PUBLICITY_AUTHORITIES", {}),
    }
    entry = table.get(unit.code, {})
    return Authority(name=entry.get("name", unit.name), uscc=entry.get("uscc", ""))


def _source(source) -> tuple[str, str]:
    if isinstance(source, SourceRef):
        return source.source_type, str(source.source_id)
    if isinstance(source, models.Model) and source.pk is not None:
        return source._meta.label_lower, str(source.pk)
    raise ValueError("source must be a saved model instance or a SourceRef")


def _record(record: PublicityRecord, verb: str, actor, **data) -> None:
    audit.record(actor=actor, action=f"publicity.record.{verb}", target=record, data=data)


def _locked(record: PublicityRecord) -> PublicityRecord:
    return PublicityRecord.objects.select_for_update().get(pk=record.pk)


def _ends_on(kind: str, data: DecisionData) -> date | None:
    try:
        return periods.publicity_end(
            kind,
            data.decided_on,
            penalty_months=conf.get("PUBLICITY_PENALTY_MONTHS"),
            other_months=conf.get("PUBLICITY_OTHER_MONTHS"),
            valid_to=data.valid_to,
        )
    except periods.PeriodOutOfRange as exc:
        raise Refused(str(exc), periods.regime_for(data.decided_on).basis) from None


def open_deadline(record: PublicityRecord, rule_codes: tuple[str, ...]) -> Deadline | None:
    return (
        deadlines_for_subject(subject=record)
        .filter(status=DeadlineStatus.OPEN, rule_code__in=rule_codes)
        .first()
    )


@transaction.atomic
def publicity_register(
    *, kind: str, source, data: DecisionData, actor
) -> tuple[PublicityRecord, Deadline]:
    """Register a decision for publication and start its clock on the decision date.

    Idempotent per (kind, source): a second call with the same data writes nothing and returns
    the same record; different data replaces that of a record not yet published (audited as
    ``update``); a published record must be withdrawn first. 国办发〔2018〕118号（六）: licences
    and penalties within 7 working days, other decisions within 20.
    """
    # 谁执法谁公示: the unit that took the decision registers it.
    require(actor, PUBLICITY_PUBLISH, unit=selectors.source_unit(*_source(source)))
    try:
        kind = Kind(kind)
    except ValueError:
        raise Refused(f"未知的公示类型“{kind}”", BASIS_118) from None
    if data.decided_on is None:
        raise Refused("缺少决定日期，无法计算公示期限", BASIS_118)
    source_type, source_id = _source(source)
    # one canonical form, so that a producer passing a list compares equal on the next run
    data = DecisionData.from_mapping(data.as_dict())
    rule = periods.publicity_rule(kind)
    existing = (
        PublicityRecord.objects.select_for_update()
        .filter(kind=kind, source_type=source_type, source_id=source_id)
        .first()
    )
    if existing is not None:
        deadline = deadlines_for_subject(subject=existing).filter(rule_code=rule).first()
        if existing.as_data() == data:
            return existing, deadline
        if existing.status != Status.PENDING:
            raise Refused(
                f"该决定已{existing.status_label}，内容不能再修改；如决定被变更，请先撤回公示",
                BASIS_48,
            )
        if data.decided_on != existing.decided_on:
            raise Refused("决定日期不能修改：公示期限自决定日期起算", BASIS_118)
        for name, value in data.as_dict().items():
            setattr(existing, name, value)
        existing.publicity_ends_on = _ends_on(kind, data)
        existing.content_changed_at = timezone.now()
        existing.save()
        _record(existing, "update", actor, source=f"{source_type}:{source_id}")
        return existing, deadline
    ends_on = _ends_on(kind, data)
    record = PublicityRecord(
        kind=kind,
        source_type=source_type,
        source_id=source_id,
        publicity_ends_on=ends_on,
        content_changed_at=timezone.now(),
        **data.as_dict(),
    )
    record.save()
    try:
        deadline = deadline_open(subject=record, rule_code=rule, start=data.decided_on, actor=actor)
    except (UnknownRule, CalendarDataMissing) as exc:
        raise Refused(f"无法计算公示期限：{exc}", BASIS_118) from None
    record.due_on = deadline.due
    record.save(update_fields=["due_on"])
    _record(
        record,
        "register",
        actor,
        kind=kind,
        source=f"{source_type}:{source_id}",
        rule=rule,
        due=deadline.due.isoformat(),
        ends_on=ends_on.isoformat() if ends_on else None,
    )
    bump("publicity")  # public pages show it: a new version on commit
    return record, deadline


def _check_day(record: PublicityRecord, on: date, what: str) -> None:
    if on < record.decided_on:
        raise Refused(f"{what}日期不能早于决定日期（{record.decided_on:%Y-%m-%d}）", BASIS_118)


def _user(actor):
    return actor if getattr(actor, "pk", None) else None


@transaction.atomic
def publicity_publish(*, record: PublicityRecord, actor) -> PublicityRecord:
    """Publish now: the record goes public on the portal at this moment, so its 公示日期 is the
    system's date (``timezone.now()``), never a typed one — the 7 (or 20) working-day figure
    counts from it (国办发〔2018〕118号（六）). Meets the publicity deadline (late if after the
    due date). Refuses a record that is not pending or that the pre-flight check rejects (each
    problem listed)."""
    record = _locked(record)
    require(actor, PUBLICITY_PUBLISH, unit=selectors.record_unit(record))
    if record.status != Status.PENDING:
        raise Refused(f"该记录{record.status_label}，不能再公示（可能已由他人处理）", BASIS_118)
    now = timezone.now()
    on = timezone.localtime(now).date()
    _check_day(record, on, "公示")
    if record.publicity_ends_on and on > record.publicity_ends_on:
        raise Refused("公示截止期已过，不再公示", periods.regime_for(record.decided_on).basis)
    problems = validate(record.kind, record.as_data(), ends_on=record.publicity_ends_on)
    if problems:
        raise Refused(
            "公示前校验未通过：" + "；".join(str(p) for p in problems),
            "双公示数据标准（国家公共信用信息中心）",
        )
    deadline = open_deadline(record, (periods.publicity_rule(record.kind),))
    if deadline is not None:
        deadline = deadline_meet(deadline=deadline, met_on=on, actor=actor)
    record.status, record.published_on = Status.PUBLISHED, on
    record.published_at, record.published_by = now, _user(actor)
    record.content_changed_at = now
    record.save(
        update_fields=[
            "status",
            "published_on",
            "published_at",
            "published_by",
            "content_changed_at",
            "updated_at",
        ]
    )
    _record(
        record, "publish", actor, on=on.isoformat(), late=bool(record.due_on and on > record.due_on)
    )
    bump("publicity")  # public pages show it: a new version on commit
    return record


@transaction.atomic
def publicity_withdraw(
    *,
    record: PublicityRecord,
    reason: str,
    change: str,
    actor,
    changed_on: date | None = None,
) -> PublicityRecord:
    """Withdraw now a decision that was revoked, changed or confirmed unlawful or void,
    publishing the reason (行政处罚法 第四十八条第二款: within 3 working days of ``changed_on``;
    before 2021-07-15 and for licences and other decisions the configured fallback applies).

    The 撤回日期 is the system's (the moment it left the portal); ``changed_on`` (default today)
    is the typed date of the change, stored with who entered it and when, and flagged as a late
    entry when the withdrawal period it starts had already run out at entry.

    A record not yet published is withdrawn too (it will never be published); its publicity
    deadline is cancelled.
    """
    record = _locked(record)
    require(actor, PUBLICITY_PUBLISH, unit=selectors.record_unit(record))
    if record.status not in (Status.PENDING, Status.PUBLISHED):
        raise Refused(f"该记录{record.status_label}，不能撤回（可能已由他人处理）", BASIS_48)
    if not (reason or "").strip():
        raise Refused("请填写撤回原因：撤回时须公开原因", BASIS_48)
    try:
        change = Change(change)
    except ValueError:
        raise Refused(
            f"撤回事由“{change}”不在可选范围（撤销、变更、确认违法、确认无效）", BASIS_48
        ) from None
    now = timezone.now()
    on = timezone.localtime(now).date()
    changed_on = changed_on or on
    _check_day(record, changed_on, "决定被变更、撤销的")
    if on < changed_on:
        raise Refused("决定被变更、撤销之日不能晚于今天", BASIS_48)
    late = False
    publicity = open_deadline(record, (periods.publicity_rule(record.kind),))
    if record.status == Status.PENDING:
        if publicity is not None:
            deadline_cancel(deadline=publicity, actor=actor, reason=f"决定已{change}，不再公示")
    else:
        rule = periods.withdrawal_rule(record.kind, changed_on)
        if rule is not None:
            deadline = deadline_open(subject=record, rule_code=rule, start=changed_on, actor=actor)
        else:
            days = int(conf.get("PUBLICITY_WITHDRAWAL_FALLBACK_WORKING_DAYS"))
            due = work_calendar().add_working_days(changed_on, days)
            deadline = deadline_open_fixed(
                subject=record,
                rule_code=WITHDRAWAL_FALLBACK,
                title="撤回已公开的决定信息期限",
                start=changed_on,
                due=due,
                actor=actor,
                basis=f"{BASIS_118}“及时”撤下；本平台配置为{days}个工作日",
            )
        deadline = deadline_meet(deadline=deadline, met_on=on, actor=actor)
        late = on > deadline.due
    previous = record.status
    record.status, record.withdrawn_on, record.changed_on = Status.WITHDRAWN, on, changed_on
    record.withdrawn_at, record.withdrawn_by = now, _user(actor)
    record.changed_on_entered_late = late
    record.withdrawal_change, record.withdrawal_reason = change, reason.strip()
    record.content_changed_at = now
    record.save()
    _record(
        record,
        "withdraw",
        actor,
        change=change,
        reason=reason.strip(),
        on=on.isoformat(),
        changed_on=changed_on.isoformat(),
        previous=previous,
        late=late,
    )
    bump("publicity")  # public pages show it: a new version on commit
    return record


@transaction.atomic
def publicity_end(*, record: PublicityRecord, actor, on: date) -> PublicityRecord:
    """End the publicity of a record whose period is over (``on`` after 公示截止期): it leaves the
    public pages. 国家发展改革委令第58号: publicity stops automatically at the longest period."""
    record = _locked(record)
    require(actor, PUBLICITY_PUBLISH, unit=selectors.record_unit(record))
    if record.status not in (Status.PUBLISHED, Status.WITHDRAWN):
        raise Refused(f"该记录{record.status_label}，无需结束公示", periods.REGIME_2023.basis)
    if record.publicity_ends_on is None or on <= record.publicity_ends_on:
        end = f"{record.publicity_ends_on:%Y-%m-%d}" if record.publicity_ends_on else "长期"
        raise Refused(
            f"公示期未满（公示截止期：{end}）", periods.regime_for(record.decided_on).basis
        )
    previous = record.status
    record.status, record.ended_on = Status.ENDED, on
    record.save(update_fields=["status", "ended_on", "updated_at"])
    _record(
        record,
        "end",
        actor,
        on=on.isoformat(),
        previous=previous,
        ends_on=record.publicity_ends_on.isoformat(),
    )
    bump("publicity")  # public pages show it: a new version on commit
    return record


def publicity_expire(*, actor, on: date) -> int:
    """End every record whose publicity period was over before ``on``; returns how many.
    Each record ends in its own transaction (a long run is resumable)."""
    require_system(actor, "公示期满自动结束公示")
    ended = 0
    due = PublicityRecord.objects.filter(
        status__in=(Status.PUBLISHED, Status.WITHDRAWN), publicity_ends_on__lt=on
    ).values_list("pk", flat=True)
    for pk in list(due.iterator(chunk_size=1000)):
        try:
            publicity_end(record=PublicityRecord(pk=pk), actor=actor, on=on)
        except Refused:
            continue  # changed meanwhile by someone else
        ended += 1
    bump("publicity")  # public pages show it: a new version on commit
    return ended
