"""The statutory clock at /api/v1/deadlines: the rule table, a due-date calculator, my deadlines."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from fazhi.core.api.auth import api_auth
from fazhi.core.api.problems import ErrorCode, Problem, ProblemError
from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.time_limits import RuleNotExtendable, UnknownRule
from fazhi.core.selectors.deadlines import (
    deadline_compute,
    deadlines_for_user,
    effective_days,
    time_limit_rules,
)

router = Router(tags=["deadlines"])


class RuleOut(Schema):
    code: str = Field(description="规则代码（稳定）")
    title: str = Field(description="规则名称")
    days: int = Field(description="期限天数（未核实的规则可能为配置值）")
    unit: str = Field(description="working：工作日；calendar：自然日")
    extension_days: int = Field(description="依法可延长的天数，0 表示不能延长")
    basis: str = Field(description="法律依据及计日规则")
    valid_from: date = Field(description="适用的法律版本自此日起（按起算日选择版本）")
    valid_to: date | None = Field(description="适用的法律版本至此日止；空表示现行")
    verified: bool = Field(description="天数是否已与官方文本核实")


class ComputeIn(Schema):
    rule: str = Field(description="期限规则代码，如 penalty.payment")
    start: str = Field(alias="from", description="起算日 YYYY-MM-DD（当日不计入）")
    extended: bool = Field(default=False, description="是否按依法延长后的期限计算")


class DueOut(Schema):
    rule: str
    start: date
    due: date
    unit: str
    days: int
    basis: str
    provisional: bool = Field(
        description="暂定：期限跨入放假通知尚未发布的年度，仅按法定节日推算，通知录入后重新计算"
    )


class MyDeadlineOut(Schema):
    id: int
    subject: str = Field(description="事项")
    rule: str
    rule_title: str
    start: date
    due: date
    provisional: bool = Field(description="届满日为暂定（放假通知发布后重新计算）")
    urgency: str = Field(description="overdue 已逾期；due-soon 即将到期；ok 正常")
    remaining: str = Field(description="剩余时间说明，如“剩余2个工作日”")
    url: str = Field(description="办理该事项的工作页面（站内路径）；没有页面的为空")


@router.get(
    "/rules",
    response=list[RuleOut],
    operation_id="deadlines_rule_list",
    summary="法定期限规则表",
    description="列出全部期限规则及其法律依据；同一代码可能有按法律版本区分的多条记录。",
)
def rule_list(request):
    return [
        RuleOut(
            code=r.code,
            title=r.title,
            days=effective_days(r),
            unit=r.unit,
            extension_days=r.extension_days,
            basis=r.basis,
            valid_from=r.valid_from,
            valid_to=r.valid_to,
            verified=r.verified,
        )
        for r in time_limit_rules()
    ]


@router.get(
    "/compute",
    response={200: DueOut, 400: Problem, 404: Problem, 422: Problem},
    operation_id="deadlines_compute",
    summary="计算期限届满日",
    description=(
        "按起算日适用的法律版本计算届满日：起算日当日不计入；工作日期限跳过周末和法定节假日、"
        "计入调休上班日；自然日期限末日遇休息日顺延至下一个工作日。"
        "期限跨入放假通知尚未发布的年度时，按全国年节及纪念日放假办法的法定节日推算，"
        "provisional 为 true（暂定）；超出可推算年度时返回 calendar_data_missing。"
    ),
)
def compute(request, params: Query[ComputeIn]):
    try:
        start = date.fromisoformat(params.start)
    except ValueError:
        raise ProblemError(
            400,
            ErrorCode.INVALID_DATE,
            "日期无效",
            f"起算日“{params.start}”不是有效日期，请使用 YYYY-MM-DD 格式。",
        ) from None
    try:
        result = deadline_compute(code=params.rule, start=start, extended=params.extended)
    except UnknownRule as exc:
        raise ProblemError(404, ErrorCode.UNKNOWN_RULE, "期限规则不存在", str(exc)) from None
    except RuleNotExtendable as exc:
        raise ProblemError(400, ErrorCode.RULE_NOT_EXTENDABLE, "该期限不能延长", str(exc)) from None
    except CalendarDataMissing as exc:
        raise ProblemError(
            422, ErrorCode.CALENDAR_DATA_MISSING, "放假安排尚未录入", str(exc)
        ) from None
    return result.as_dict()


@router.get(
    "/mine",
    auth=api_auth,
    response={200: list[MyDeadlineOut], 401: Problem},
    operation_id="deadlines_mine",
    summary="我的进行中期限",
    description="当前用户作为责任人的进行中期限，按届满日排序，并标明是否逾期或即将到期。",
)
def mine(request):
    rows = deadlines_for_user(user=request.auth, today=timezone.localdate())
    return [
        MyDeadlineOut(
            id=row.deadline.pk,
            subject=row.deadline.subject_label,
            rule=row.deadline.rule_code,
            rule_title=row.rule_title,
            start=row.deadline.start,
            due=row.deadline.due,
            provisional=row.deadline.provisional,
            urgency=row.remaining.urgency.value,
            remaining=row.remaining.label,
            url=row.url,
        )
        for row in rows
    ]
