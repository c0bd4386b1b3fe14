"""Demo records for `fazhi demo`: the 2019 item list, ~2,000 employers, two draws with results.

Idempotent: items, employers and plans are found by their codes and titles. The items link to
the powers demo's 行政检查 items; without them (powers demo not loaded) nothing is created.
The demo draws use fixed seeds and a fixed public value (announced as a demo value of the day
the demo is loaded) so every demo database shows the same draws; real draws take their seed from
``secrets`` and the public value published after the commitment.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from fazhi.core.demo import on_day
from fazhi.core.domain.errors import Refused
from fazhi.inspections.domain.directory import synthetic_uscc
from fazhi.inspections.models import CheckResult, Employer, InspectionItem, InspectionPlan
from fazhi.inspections.services import checks, draws, plans

# district, 行政区划码 (天津)
DISTRICTS = (
    ("和平区", "120101"),
    ("河东区", "120102"),
    ("河西区", "120103"),
    ("南开区", "120104"),
    ("河北区", "120105"),
    ("红桥区", "120106"),
    ("东丽区", "120110"),
    ("西青区", "120111"),
    ("津南区", "120112"),
    ("北辰区", "120113"),
    ("滨海新区", "120116"),
)
INDUSTRIES = ("制造业", "建筑业", "批发和零售业", "住宿和餐饮业", "信息技术服务业", "物流业")
SIZES = ("大型", "中型", "小型", "微型")
WORDS = (
    "华信",
    "津港",
    "海河",
    "鑫达",
    "恒通",
    "立德",
    "瑞丰",
    "宏远",
    "泰和",
    "博远",
    "嘉诚",
    "盛世",
    "永安",
    "天成",
    "同创",
    "佳禾",
)
EMPLOYERS = 2000
DEMO_BEACON_SOURCE = "演示数据：加载演示当日的公开随机值（实际抽取应采用约定日期的开奖号码）"
DEMO_BEACON = "03 07 12 19 25 31 + 09"
SHARE = "0.03"

# code, power item, name, class, method
ITEMS = (
    ("SJ-2019-01", "JC-LD-01", "用人单位遵守劳动合同制度情况检查", "key", "实地核查"),
    ("SJ-2019-02", "JC-LD-01", "用人单位支付工资和执行最低工资标准情况检查", "key", "实地核查"),
    (
        "SJ-2019-03",
        "JC-SB-79",
        "用人单位参加社会保险和缴纳社会保险费情况检查",
        "general",
        "书面检查",
    ),
    ("SJ-2019-04", "JC-RLZY-34", "经营性人力资源服务机构经营情况检查", "general", "实地核查"),
    ("SJ-2019-05", "JC-PX-01", "民办职业技能培训学校办学情况检查", "general", "书面检查"),
)
PLANS = (
    ("2019年上半年劳动保障监察双随机抽查", date(2019, 4, 15), ("SJ-2019-01", "SJ-2019-02"), ""),
    (
        "2019年下半年人社领域部门联合双随机抽查",
        date(2019, 9, 16),
        ("SJ-2019-03", "SJ-2019-04", "SJ-2019-05"),
        "市市场监管委、市税务局",
    ),
)


def employer_rows():
    for n in range(EMPLOYERS):
        district, region = DISTRICTS[n % len(DISTRICTS)]
        name = f"天津{WORDS[n % 16]}{WORDS[(n // 16) % 16]}{INDUSTRIES[n % 6][:2]}有限公司{n // 256 or ''}"
        yield Employer(
            uscc=synthetic_uscc(region, 20190000 + n),
            name=name,
            district=district,
            stratum=district,
            industry=INDUSTRIES[n % 6],
            size=SIZES[(n * 7) % 4],
            address=f"天津市{district}示范路{n % 300 + 1}号",
        )


def load(ctx) -> None:
    from fazhi.powers.models import PowerItem

    powers = {p.code: p for p in PowerItem.objects.filter(kind="inspection", is_active=True)}
    if not powers:
        ctx.notes.append("双随机一公开：权责清单中没有行政检查事项，未加载抽查演示数据")
        return
    items = _items(ctx, powers)
    _employers(ctx)
    for number, (title, on, codes, joint) in enumerate(PLANS, start=1):
        chosen = [items[c] for c in codes if c in items]
        if chosen:
            _plan_with_draw(ctx, number, title, on, chosen, joint)


def _items(ctx, powers) -> dict[str, InspectionItem]:
    found = {i.code: i for i in InspectionItem.objects.filter(code__in=[c for c, *_ in ITEMS])}
    for code, power_code, name, item_class, method in ITEMS:
        if code in found or power_code not in powers:
            continue
        shares = {d: SHARE for d, _ in DISTRICTS}
        item = plans.inspection_item_create(
            power_item=powers[power_code],
            code=code,
            name=name,
            item_class=item_class,
            basis="《劳动保障监察条例》第十一条、第十五条",
            method=method,
            shares=shares,
            subject="市人社局、各区人社局",
            actor=ctx.actor,
        )
        found[code] = plans.inspection_item_publish(
            item=item, on=date(2019, 1, 20), actor=ctx.actor
        )
        ctx.created["inspection_items"] += 1
    return found


def _employers(ctx) -> None:
    rows = list(employer_rows())
    have = set(
        Employer.objects.filter(uscc__in=[e.uscc for e in rows]).values_list("uscc", flat=True)
    )
    new = [e for e in rows if e.uscc not in have]
    Employer.objects.bulk_create(new, batch_size=500)
    ctx.created["employers"] += len(new)


def _plan_with_draw(ctx, number: int, title: str, on: date, items, joint: str) -> None:
    if InspectionPlan.objects.filter(title=title, year=2019).exists():
        return
    try:
        with transaction.atomic():
            plan = plans.plan_create(
                year=2019,
                title=title,
                items=items,
                shares={d: SHARE for d, _ in DISTRICTS},
                org_unit=ctx.units["bureau"],
                joint_departments=joint,
                actor=ctx.actor,
            )
            seed = hashlib.sha256(f"fazhi-demo-2019-{number}".encode()).digest()
            draw = draws.draw_commit(
                plan=plan,
                on=on,
                actor=ctx.actor,
                seed=seed,
                beacon_source=DEMO_BEACON_SOURCE,
                beacon_date=timezone.localdate(),
            )
            draw = draws.draw_execute(draw=draw, actor=ctx.actor, beacon=DEMO_BEACON)
            draw = draws.draw_reveal(draw=draw, actor=ctx.actor)
            for check in draw.checks.order_by("index"):
                _result(ctx, check, on)
    except Refused as exc:
        ctx.notes.append(f"双随机一公开：未创建“{title}”：{exc}")
        return
    ctx.created["inspection_plans"] += 1
    ctx.created["inspection_checks"] += draw.checks.count()


def _result(ctx, check, on: date) -> None:
    checked_on = on + timedelta(days=14 + check.index % 20)
    if check.index % 7 == 3:
        outcome, summary = CheckResult.Outcome.CORRECTED, "未按规定建立职工名册，已责令限期改正"
    else:
        outcome, summary = CheckResult.Outcome.NO_PROBLEM, ""
    # the demo replays the past: entered on the check day and published ten days later, each
    # with the clock on that day (publication dates are the system's)
    with on_day(checked_on):
        result = checks.check_result_enter(
            check=check, outcome=outcome, checked_on=checked_on, summary=summary, actor=ctx.actor
        )
    with on_day(checked_on + timedelta(days=10)):
        checks.check_result_publish(result=result, actor=ctx.actor)
