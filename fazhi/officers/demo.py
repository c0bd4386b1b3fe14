"""Demo register for `fazhi demo`: the 2019 labour inspectors of the seed report.

Seed report part 四(一): "持证上岗，持证率达到100%，完成136名执法人员证件申领注册换证". Here:

* 140 officers in enforcement posts, 20 in each inspection unit (监察总队一、二支队 and the five
  district 监察大队), the demo users zhifa1, zhifa2 and hp_zhifa among them;
* 136 of them hold cards issued in 2016 that are renewed (换证) in 2019, after a passed exam;
  the other 4 got their first card in 2018 and pass their annual review in 2019;
* every card is reviewed each year and renewed before expiry, up to the demo's "today", so the
  live register has cards of every age;
* two more officers left their posts in 2019 (离岗): one with a suspended card (暂扣), one whose
  card expired — they are outside the 持证率 denominator, which counts enforcement posts;
* 2019 training hours (three courses, a few officers short of the minimum) and exam results.

Certificate numbers: 120000 (天津市 division code) + two-digit issue year + five-digit serial,
e.g. 1200001900001. Names come from fixed lists (no randomness). Everything goes through the
services; nothing reads the planned figures back. Idempotent: keyed by each officer's first
certificate number.
"""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.officers.domain.certificates import add_months, demo_number
from fazhi.officers.models import Certificate, LegalQualification, Officer
from fazhi.officers.services import certificates as cards
from fazhi.officers.services import officers as people
from fazhi.officers.services import training

YEAR = 2019
UNITS = (
    "inspection_1",
    "inspection_2",
    "heping_team",
    "hedong_team",
    "hexi_team",
    "nankai_team",
    "binhai_team",
)
PER_UNIT = 20
LINKED = {
    ("inspection_1", 0): "zhifa1",
    ("inspection_2", 0): "zhifa2",
    ("heping_team", 0): "hp_zhifa",
}
# The 4 officers first certified in 2018 (not renewed in 2019): the last of four district teams.
FIRST_IN_2018 = {(unit, PER_UNIT - 1) for unit in UNITS[3:]}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = (
    "建国",
    "志强",
    "海燕",
    "立新",
    "晓东",
    "丽华",
    "国庆",
    "文静",
    "春雷",
    "红梅",
    "振华",
    "秀英",
    "明亮",
    "雪梅",
    "永刚",
    "玉兰",
    "宏伟",
    "晓燕",
    "德胜",
    "桂芳",
    "建军",
    "淑珍",
    "卫东",
    "美玲",
    "俊杰",
    "慧敏",
    "新民",
    "凤英",
    "长青",
    "云霞",
)
COURSES = (
    (date(YEAR, 3, 14), "《中华人民共和国行政处罚法》专题培训", 24),
    (date(YEAR, 6, 20), "劳动保障监察业务与职业道德培训（人民法院、律师事务所讲座）", 24),
    (date(YEAR, 10, 17), "旁听观摩行政执法案件庭审", 16),
)


def _name(index: int) -> str:
    # (index % 20, (21·(index // 20) + index % 20) % 30) is one-to-one for index < 160.
    return SURNAMES[index % len(SURNAMES)] + GIVEN[(index // len(SURNAMES) + index) % len(GIVEN)]


def _area(ctx, unit_key: str) -> str:
    if unit_key.startswith("inspection"):
        return "天津市"
    district = ctx.units[unit_key.removesuffix("_team")].name.removesuffix("人社局")
    return f"天津市{district}"


def load(ctx) -> None:
    # the demo's 法制审核 reviewer holds the 法律职业资格 (行政处罚法 2021 第五十八条第二款)
    reviewer = ctx.users.get("shenhe")
    if reviewer is not None and not LegalQualification.objects.filter(user=reviewer).exists():
        cards.legal_qualification_record(
            user=reviewer,
            certificate_number="A20181200000001",
            obtained_on=date(2018, 12, 1),
            actor=ctx.actor,
        )
    index = 0
    for unit_key in UNITS:
        for slot in range(PER_UNIT):
            _officer(ctx, index, unit_key, slot)
            index += 1
    _left_suspended(ctx, index)
    _left_expired(ctx, index + 1)


def _first_issue(index: int, first_year: int) -> date:
    return date(first_year, 1 + index % 12, 11 + (index * 3) % 17)


def _create(ctx, index: int, unit_key: str, first_on: date, username: str | None = None):
    number = demo_number(year=first_on.year, serial=index + 1)
    if Certificate.objects.filter(number=number).exists():
        return None, None
    user = ctx.users.get(username) if username else None
    officer = Officer.objects.filter(user=user).first() if user else None
    if officer is None:
        officer = people.officer_create(
            name=user.full_name if user else _name(index),
            org_unit=ctx.units[unit_key],
            user=user,
            actor=ctx.actor,
        )
        ctx.created["officers"] += 1
    # appointed after training and the exam (劳动保障监察条例 第四条; 118号（二十三）)
    if not officer.trainings.filter(attended_on__lte=first_on).exists():
        training.training_record_add(
            officer=officer,
            attended_on=first_on - timedelta(days=30),
            course="行政执法人员上岗培训",
            hours=40,
            actor=ctx.actor,
        )
    if not officer.exams.filter(passed=True, taken_on__lte=first_on).exists():
        training.exam_result_add(
            officer=officer,
            exam="行政执法资格考试",
            taken_on=first_on - timedelta(days=10),
            passed=True,
            score=80,
            actor=ctx.actor,
        )
        ctx.created["exam_results"] += 1
    card = cards.certificate_issue(
        officer=officer,
        number=number,
        area=_area(ctx, unit_key),
        issued_on=first_on,
        actor=ctx.actor,
    )
    ctx.created["certificates"] += 1
    return officer, card


def _review(ctx, card, on: date) -> None:
    cards.certificate_review_record(
        certificate=card, reviewed_on=on, passed=True, note="年审合格", actor=ctx.actor
    )
    ctx.created["certificate_reviews"] += 1


def _officer(ctx, index: int, unit_key: str, slot: int) -> None:
    first_year = 2018 if (unit_key, slot) in FIRST_IN_2018 else YEAR - 3
    officer, card = _create(
        ctx, index, unit_key, _first_issue(index, first_year), LINKED.get((unit_key, slot))
    )
    if officer is None:
        return
    # Reviewed each year just before the anniversary; renewed 5 days before expiry.
    while True:
        for years in (1, 2):
            on = add_months(card.issued_on, 12 * years) - timedelta(days=2)
            if on <= ctx.today:
                _review(ctx, card, on)
        renew_on = card.expires_on - timedelta(days=5)
        if renew_on > ctx.today:
            break
        if renew_on.year == YEAR:
            training.exam_result_add(
                officer=officer,
                exam="劳动保障监察员换证考核",
                taken_on=renew_on - timedelta(days=3),
                passed=True,
                score=75 + index % 25,
                actor=ctx.actor,
            )
            ctx.created["exam_results"] += 1
        card = cards.certificate_renew(
            certificate=card,
            issued_on=renew_on,
            actor=ctx.actor,
            number=demo_number(year=renew_on.year, serial=index + 1),
        )
        ctx.created["certificates"] += 1
    if first_year == 2018:
        training.exam_result_add(
            officer=officer,
            exam="行政执法人员年度法律知识考试",
            taken_on=date(YEAR, 11, 28),
            passed=True,
            score=80 + index % 20,
            actor=ctx.actor,
        )
        ctx.created["exam_results"] += 1
    _training(ctx, officer, index)


def _training(ctx, officer, index: int) -> None:
    for attended_on, course, hours in COURSES:
        if attended_on > ctx.today:
            continue
        short = index % 25 == 7 and hours == 16  # a few officers missed the court visit
        training.training_record_add(
            officer=officer,
            attended_on=attended_on,
            course=course,
            hours=4 if short else hours,
            actor=ctx.actor,
        )
        ctx.created["training_records"] += 1


def _left_suspended(ctx, index: int) -> None:
    """Suspended during an investigation in 2019, then moved off enforcement work."""
    officer, card = _create(ctx, index, "inspection_1", date(2017, 5, 15))
    if officer is None:
        return
    _review(ctx, card, date(2018, 5, 13))
    cards.certificate_suspend(
        certificate=card, on=date(YEAR, 4, 1), reason="涉嫌违规执法，接受调查", actor=ctx.actor
    )
    people.officer_deactivate(
        officer=officer, on=date(YEAR, 6, 30), reason="调离执法岗位", actor=ctx.actor
    )


def _left_expired(ctx, index: int) -> None:
    """Retiring in 2019: the card expired in March and was not renewed."""
    officer, card = _create(ctx, index, "heping_team", date(YEAR - 3, 3, 20))
    if officer is None:
        return
    _review(ctx, card, date(2017, 3, 18))
    _review(ctx, card, date(2018, 3, 18))
    people.officer_deactivate(officer=officer, on=date(YEAR, 8, 31), reason="退休", actor=ctx.actor)
