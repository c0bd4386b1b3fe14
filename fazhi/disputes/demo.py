"""Demo records for `fazhi demo`: the bureau's 2019 reconsideration and litigation registers.

The seed report (part 六) states 141 reconsideration cases accepted and 107 litigation cases
handled in 2019. Here every case goes through the services, step by step, on the 2019 calendar
(2017 law); the report's figures are then counted from the register by
``selectors.year_counts`` — nothing reads the planned numbers below back.

Spreads are fixed patterns over the case index (no randomness): some applications need 补正,
some are refused, some are heard, mediated, suspended or extended, and decisions and judgments
follow a realistic mix. A few live cases are opened around the demo's "today" so the staff
lists have deadlines of every colour. Idempotent: keyed by 案号.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.disputes.domain.litigation import AbsenceReason, Instance, Outcome
from fazhi.disputes.domain.reconsideration import DecisionType, ErrorCause, Role
from fazhi.disputes.models import LitigationCase, ReconsiderationCase
from fazhi.disputes.services import litigation as lit
from fazhi.disputes.services import reconsideration as recon

YEAR = 2019
PLANNED_ACCEPTED, PLANNED_REFUSED, PLANNED_SUITS = 141, 12, 107
DISTRICTS = ("heping", "hedong", "hexi", "nankai", "binhai")
DEFENDANT_UNITS = (
    "inspection_1",
    "inspection_2",
    "insurance_centre",
    "injury",
    "pension",
    "mobility",
    "employment",
)
POWER_ITEMS = (
    "CF-LDBZJC-001",
    "CF-LDBZJC-007",
    "QR-GSRD-001",
    "ZS-SBFJN-003",
    "XK-LWPQ-001",
    "CF-SBJH-002",
    "JF-YLBX-004",
)
ACTS = (
    "工伤认定决定书",
    "劳动保障监察行政处罚决定书",
    "社会保险费补缴决定书",
    "不予受理投诉告知书",
    "劳务派遣经营许可决定书",
    "养老保险待遇核定决定书",
    "政府信息公开答复书",
)
NAMES = ("张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙")
COMPANIES = (
    "天津某建筑工程有限公司",
    "天津某物流有限公司",
    "天津某餐饮管理有限公司",
    "天津某劳务派遣有限公司",
    "天津某电子科技有限公司",
)
# One pattern of 20 for decisions ("terminate" = 终止, e.g. the applicant withdrew).
DECISIONS = (
    *(DecisionType.UPHOLD,) * 11,
    DecisionType.DISMISS,
    DecisionType.DISMISS,
    DecisionType.REVOKE,
    DecisionType.REVOKE,
    DecisionType.CONFIRM_ILLEGAL,
    DecisionType.ORDER_PERFORMANCE,
    DecisionType.VARY,
    "terminate",
    "terminate",
)
OUTCOMES = (
    *(Outcome.DISMISS_CLAIM,) * 11,
    Outcome.WITHDRAWN,
    Outcome.WITHDRAWN,
    Outcome.WITHDRAWN,
    Outcome.DISMISS_SUIT,
    Outcome.DISMISS_SUIT,
    Outcome.REVOKE,
    Outcome.CONFIRM_ILLEGAL,
    Outcome.ORDER_PERFORMANCE,
    Outcome.DISMISS_CLAIM,
)
CAUSES = tuple(ErrorCause)[:6]
INSTANCES = (*(Instance.FIRST,) * 14, *(Instance.SECOND,) * 5, Instance.RETRIAL)


def _code(reference: str) -> str:
    return hashlib.sha256(reference.encode()).hexdigest()[:10].upper()


def load(ctx) -> None:
    for index in range(PLANNED_ACCEPTED + PLANNED_REFUSED):
        _reconsideration(ctx, index)
    for index in range(PLANNED_SUITS):
        _suit(ctx, index)
    _live(ctx)


def _reconsideration(ctx, i: int) -> None:
    reference = f"津人社复〔{YEAR}〕{i + 1}号"
    if ReconsiderationCase.objects.filter(reference=reference).exists():
        return
    legal, leader = ctx.users["fagui"], ctx.users["leader"]
    unit = ctx.units[DISTRICTS[i % len(DISTRICTS)]]
    received = date(YEAR, 1, 4) + timedelta(days=2 * i)
    case = recon.reconsideration_apply(
        org_unit=unit,
        role=Role.BODY,
        applicant_name=f"{NAMES[i % len(NAMES)]}某",
        respondent=unit.name,
        act=f"{unit.name}{ACTS[i % len(ACTS)]}（{YEAR}年第{i + 3}号）",
        act_known_on=received - timedelta(days=10 + i % 40),
        requests="撤销该行政行为",
        reasons="认定事实不清，适用法律错误",
        received_on=received,
        actor=legal,
        handler=legal,
        is_online=i % 4 == 0,
        power_item_code=POWER_ITEMS[i % len(POWER_ITEMS)],
        original_case_ref=f"{unit.code}-{YEAR}-{i + 100}",
        officers="周执法、吴执法",
        reference=reference,
        tracking_code=_code(reference),
    )
    ctx.created["reconsideration_cases"] += 1
    day = received + timedelta(days=2)
    if i % 17 == 3:  # 补正, then the review runs again
        case = recon.reconsideration_review(
            case=case, outcome="correct", on=day, note="请补充身份证明和行政行为文书", actor=legal
        )
        day += timedelta(days=7)
        case = recon.reconsideration_corrected(case=case, on=day, actor=legal)
        day += timedelta(days=2)
    refused = i % 12 == 6 and i // 12 < PLANNED_REFUSED
    if refused:
        recon.reconsideration_review(
            case=case, outcome="reject", on=day, note="不属于行政复议受理范围", actor=legal
        )
        return
    accepted = day
    recon.reconsideration_review(case=case, outcome="accept", on=accepted, actor=legal)
    recon.reconsideration_send_copy(case=case, on=accepted + timedelta(days=1), actor=legal)
    late_reply = 12 if i % 29 == 0 else 7
    recon.reconsideration_reply(
        case=case,
        on=accepted + timedelta(days=1 + late_reply),
        summary="原行政行为认定事实清楚、程序合法，请求维持",
        actor=legal,
    )
    if i % 9 == 0:
        recon.reconsideration_add_record(
            case=case,
            kind="hearing",
            on=accepted + timedelta(days=20),
            summary="公开听证，申请人、被申请人负责人到场",
            actor=legal,
        )
    if i % 11 == 0:
        recon.reconsideration_add_record(
            case=case,
            kind="mediation",
            on=accepted + timedelta(days=25),
            summary="组织调解，双方未达成一致",
            actor=legal,
        )
    decide_after = 35 + i % 20
    if i % 23 == 5:
        recon.reconsideration_suspend(
            case=case, on=accepted + timedelta(days=20), reason="等待劳动能力鉴定结论", actor=legal
        )
        recon.reconsideration_resume(case=case, on=accepted + timedelta(days=40), actor=legal)
        decide_after += 20
    if i % 19 == 2:
        recon.reconsideration_extend(case=case, approver=leader, reason="案情复杂", actor=legal)
        decide_after += 25
    decision = DECISIONS[i % len(DECISIONS)]
    on = accepted + timedelta(days=decide_after)
    if decision == "terminate":
        recon.reconsideration_terminate(case=case, on=on, reason="申请人撤回复议申请", actor=legal)
        return
    cause = (
        CAUSES[i % len(CAUSES)].value
        if decision not in (DecisionType.UPHOLD, DecisionType.DISMISS)
        else ""
    )
    detail = {
        DecisionType.VARY: "罚款数额变更为法定幅度内的最低数额",
        DecisionType.ORDER_PERFORMANCE: "自收到本决定书之日起三十日内依法履行调查处理职责",
    }.get(decision, "")
    recon.reconsideration_decide(
        case=case,
        decision=decision,
        on=on,
        actor=legal,
        text="被申请人作出的行政行为认定事实与证据材料不符",
        facts="申请人所述事实与被申请人提交的证据材料一致",
        error_cause=cause,
        detail=detail,
    )
    recon.reconsideration_serve(case=case, on=on + timedelta(days=3), actor=legal)


def _upheld(i: int) -> ReconsiderationCase | None:
    """Every fifth suit follows an upheld reconsideration (复议维持: 共同被告)."""
    if i % 5:
        return None
    return ReconsiderationCase.objects.filter(
        reference=f"津人社复〔{YEAR}〕{i + 1}号", decision=DecisionType.UPHOLD
    ).first()


def _suit(ctx, i: int) -> None:
    instance = INSTANCES[i % len(INSTANCES)]
    kind = {Instance.FIRST: "行初", Instance.SECOND: "行终", Instance.RETRIAL: "行再"}[instance]
    number = f"（{YEAR}）津{'01' if instance is Instance.FIRST else ''}{kind}{i + 1}号"
    if LitigationCase.objects.filter(case_number=number).exists():
        return
    legal, leader = ctx.users["fagui"], ctx.users["leader"]
    unit = ctx.units[DEFENDANT_UNITS[i % len(DEFENDANT_UNITS)]]
    received = date(YEAR, 1, 8) + timedelta(days=3 * i)
    court = "天津市第一中级人民法院" if instance is not Instance.FIRST else "天津市和平区人民法院"
    case = lit.litigation_register(
        org_unit=unit,
        court=court,
        case_number=number,
        instance=instance,
        plaintiff=COMPANIES[i % len(COMPANIES)] if i % 3 else f"{NAMES[i % len(NAMES)]}某",
        act=f"{unit.name}{ACTS[(i + 1) % len(ACTS)]}",
        claims="撤销被诉行政行为",
        received_on=received,
        actor=legal,
        handler=legal,
        reconsideration=_upheld(i),
        power_item_code=POWER_ITEMS[(i + 2) % len(POWER_ITEMS)],
        original_case_ref=f"{unit.code}-{YEAR}-{i + 500}",
        officers="周执法",
    )
    ctx.created["litigation_cases"] += 1
    lit.litigation_approve(
        case=case,
        approver=leader,
        agent="孙法规（公职律师）",
        on=received + timedelta(days=2),
        actor=legal,
    )
    answered = received + timedelta(days=17 if i % 31 == 7 else 10)
    lit.litigation_answer(case=case, on=answered, actor=legal)
    outcome = OUTCOMES[i % len(OUTCOMES)]
    heard = answered + timedelta(days=30)
    if outcome not in (Outcome.WITHDRAWN, Outcome.DISMISS_SUIT) or i % 2:
        if i % 4 == 3:
            lit.litigation_hearing(
                case=case,
                on=heard,
                head_appeared=False,
                stand_in="周执法",
                absence_reason=AbsenceReason.OFFICIAL_DUTY,
                actor=legal,
            )
        else:
            lit.litigation_hearing(
                case=case, on=heard, head_appeared=True, head_name="钱局长", actor=legal
            )
    served = heard + timedelta(days=25)
    lit.litigation_judge(
        case=case,
        outcome=outcome,
        served_on=served,
        actor=legal,
        error_cause=CAUSES[i % len(CAUSES)].value if outcome in lit.rules.LOSSES else "",
    )
    note = "已按判决重新作出处理" if outcome in lit.rules.LOSSES else "裁判生效，无需履行"
    lit.litigation_perform(case=case, on=served + timedelta(days=30), note=note, actor=legal)


def _live(ctx) -> None:
    """Three open cases around ``ctx.today`` (2023 law), for the lists and the tracking page."""
    legal = ctx.users["fagui"]
    year = ctx.today.year
    try:
        if not ReconsiderationCase.objects.filter(reference=f"津人社复〔{year}〕演示1号").exists():
            # 2023 law 第二十四条: the bureau answers as 被申请人; the 市政府 decides
            recon.reconsideration_apply(
                org_unit=ctx.units["insurance_centre"],
                role=Role.RESPONDENT,
                applicant_name="郑某",
                respondent="市人社局",
                act="市人社局工伤认定决定书",
                act_known_on=ctx.today - timedelta(days=20),
                requests="撤销",
                received_on=ctx.today - timedelta(days=2),
                actor=legal,
                handler=legal,
                reference=f"津人社复〔{year}〕演示1号",
                tracking_code=_code(f"live-{year}-1"),
            )
            ctx.created["reconsideration_cases"] += 1
        if not ReconsiderationCase.objects.filter(reference=f"津政复〔{year}〕演示2号").exists():
            recon.reconsideration_apply(
                org_unit=ctx.units["inspection_1"],
                role=Role.RESPONDENT,
                applicant_name="某公司",
                respondent="市人社局",
                act="劳动保障监察行政处罚决定书",
                act_known_on=ctx.today - timedelta(days=30),
                requests="撤销处罚",
                received_on=ctx.today - timedelta(days=5),
                actor=legal,
                handler=legal,
                reference=f"津政复〔{year}〕演示2号",
                tracking_code=_code(f"live-{year}-2"),
            )
            ctx.created["reconsideration_cases"] += 1
        if not LitigationCase.objects.filter(case_number=f"（{year}）津0101行初演示1号").exists():
            lit.litigation_register(
                org_unit=ctx.units["insurance_centre"],
                court="天津市和平区人民法院",
                case_number=f"（{year}）津0101行初演示1号",
                instance=Instance.FIRST,
                plaintiff="某公司",
                act="社会保险费补缴决定书",
                claims="撤销",
                received_on=ctx.today - timedelta(days=12),
                actor=legal,
                handler=legal,
            )
            ctx.created["litigation_cases"] += 1
    except CalendarDataMissing as exc:
        ctx.notes.append(f"未创建当前的复议应诉演示案件：{exc}")
