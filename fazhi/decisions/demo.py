"""Demo for `fazhi demo`: 2019 as the seed tells it (三(二)(三)): the bureau's 决策事项目录, three
decisions drafted with public participation and expert argument, every one reviewed by the
首席法律顾问, and the fair-competition reviews of the measures issued."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from fazhi.accounts import services as accounts
from fazhi.accounts.models import User
from fazhi.core.demo import EnteredOnTheDay, on_day
from fazhi.core.selectors.calendar import work_calendar
from fazhi.decisions import services
from fazhi.decisions.domain.competition import standards_on
from fazhi.decisions.models import Catalogue

# title, sponsor unit key, first day, affects market actors
DECISIONS = (
    ("天津市工伤职工劳动能力鉴定实施办法", "injury", date(2019, 3, 4), False),
    ("天津市就业困难人员认定办法", "employment", date(2019, 5, 6), True),
    ("关于进一步完善支撑评价激发企业创新活力的通知", "mobility", date(2019, 9, 2), True),
)
SPEAKERS = [
    {"name": "副局长甲", "order": 1, "view": "agree"},
    {"name": "副局长乙", "order": 2, "view": "agree"},
    {"name": "副局长丙", "order": 3, "view": "reserved", "remarks": "建议加强政策解读。"},
    {"name": "钱局长", "order": 4, "view": "agree", "is_head": True},
]


# each step entered the day it was done: no typed date flagged, the 归档 clock met that day
s = EnteredOnTheDay(services)


def _chief_user(ctx) -> User:
    user = User.objects.filter(username="guwen").first()
    if user is None:
        user = accounts.user_create(
            username="guwen",
            password="fazhi-guwen-2019",  # noqa: S106 - a demo account, as in core.demo
            full_name="冯顾问",
            org_unit=ctx.units["legal"],
            roles=(),
            is_demo=True,
            actor=ctx.actor,
        )
        ctx.created["users"] += 1
    return user


def load(ctx) -> None:
    bureau, fagui = ctx.units["bureau"], ctx.users["fagui"]
    if Catalogue.objects.filter(org_unit=bureau, year=2019).exists():
        return
    chief = s.counsel_register(
        kind="internal",
        name="冯顾问",
        licence_no="公职律师证（示例）",
        is_chief=True,
        user=_chief_user(ctx),
        actor=fagui,
    )
    firm = s.counsel_register(
        kind="external",
        name="王律师",
        firm="天津某律师事务所（示例）",
        contract_start=date(2019, 1, 1),
        contract_end=date(2019, 12, 31),
        contract_terms="常年法律顾问：重大决策、规范性文件、案件研讨和政策风险评估，出具法律意见书。",
        actor=fagui,
    )
    ctx.created["法律顾问"] += 2
    catalogue = s.catalogue_draft(org_unit=bureau, year=2019, actor=fagui)
    items = [
        s.catalogue_add_item(
            catalogue=catalogue,
            title=title,
            sponsor=ctx.units[unit],
            planned="2019年内",
            actor=fagui,
        )
        for title, unit, _, _ in DECISIONS
    ]
    s.catalogue_publish(
        catalogue=catalogue, party_agreed_on=date(2019, 2, 20), actor=fagui, on=date(2019, 2, 25)
    )
    # a mid-year adjustment with its reason (第三条; 津政办发〔2021〕42号 目录管理办法's practice)
    s.catalogue_add_item(
        catalogue=catalogue,
        title="天津市技能人才评价机构管理办法",
        sponsor=ctx.units["mobility"],
        planned="2020年上半年",
        reason="按照市政府职业技能提升行动部署，年中调整列入。",
        actor=fagui,
        on=date(2019, 7, 1),
    )
    for item, (title, unit, first, market) in zip(items, DECISIONS, strict=True):
        _walk(ctx, item, title, ctx.units[unit], first, market, chief, firm)
        ctx.created["重大行政决策"] += 1


def _walk(ctx, item, title, unit, first, market, chief, firm) -> None:
    fagui, shenhe = ctx.users["fagui"], ctx.users["shenhe"]
    d = s.decision_start(
        org_unit=unit, title=title, item=item, affects_market=market, actor=fagui, on=first
    )
    opens = first + timedelta(days=7)
    closes = opens + timedelta(days=29)
    s.decision_open_comment(
        decision=d,
        opens=opens,
        closes=closes,
        draft=f"《{title}》征求意见稿及起草说明。",
        actor=fagui,
    )
    if not market:  # the seed's first decision: comments moderated and a hearing held
        _participation(d, opens, fagui)
    after = closes + timedelta(days=3)
    s.decision_adoption_report(
        decision=d,
        report="通过网络征求意见、召开座谈会收集意见建议，采纳情况已逐条说明。",
        actor=fagui,
        on=after,
    )
    with on_day(after):  # its typed date is ``given_on``, not ``on``: entered that day too
        s.decision_add_expert(
            decision=d,
            expert="刘教授",
            affiliation="天津某高校（示例）",
            declaration="本人与本决策事项无直接利害关系。",
            direct_interest=False,
            opinion="方案总体可行，建议细化过渡安排。",
            given_on=after,
            actor=fagui,
        )
    s.decision_risk(
        decision=d,
        report="风险点：政策衔接；防范措施：过渡期；处置预案：专人答复。",
        assessor="承办处室",
        controllable=True,
        actor=fagui,
        on=after,
    )
    review = s.decision_submit_review(
        decision=d, materials="决策草案、法律依据、程序说明", actor=fagui, on=after
    )
    opinion = s.counsel_request(
        matter_type="decision",
        matter_id=d.pk,
        matter_title=title,
        org_unit=unit,
        counsel=firm,
        question="决策草案的合法性",
        materials="决策草案及起草说明",
        due_on=review.earliest_on,
        actor=fagui,
        on=after,
    )
    cal = work_calendar()
    given = cal.add_working_days(after, 5)
    s.counsel_answer(
        opinion=opinion,
        facts="决策草案及起草说明所载事实",
        legal_basis="相关法律法规规章",
        conclusion="lawful",
        text="草案权限、程序、内容合法，出具法律意见书。",
        actor=shenhe,
        on=given,
    )
    s.counsel_sign_off(opinion=opinion, actor=chief.user, on=cal.add_working_days(given, 1))
    s.decision_review(
        review=review,
        conclusion="lawful",
        opinion="经审查，决策草案权限、程序、内容合法。",
        counsel_opinion=opinion,
        actor=shenhe,
        on=review.earliest_on,
    )
    s.counsel_adoption(opinion=opinion, adopted=True, actor=fagui)
    decided = review.earliest_on + timedelta(days=5)
    if market:
        _competition(ctx, d, unit, review.earliest_on)
    s.decision_discuss(
        decision=d,
        meeting="局长办公会议",
        speakers=SPEAKERS,
        adopted=True,
        outcome="审议通过。",
        actor=ctx.users["leader"],
        on=decided,
    )
    s.decision_publish(
        decision=d,
        channel="市人社局政府网站",
        actor=fagui,
        opinions_explained="公众和专家意见采纳情况随文件解读一并公布。",
        on=decided + timedelta(days=7),
    )
    s.decision_archive(decision=d, actor=fagui, on=decided + timedelta(days=20))


def _participation(decision, opens, fagui) -> None:
    at = datetime.combine(opens + timedelta(days=3), time(10), tzinfo=UTC)
    kept, spam = (
        s.comment_submit(decision=decision, text=text, ip=ip, article=article, at=at)
        for text, ip, article in (
            ("建议明确劳动能力鉴定复查的申请期限。", "10.1.0.1", "第十二条"),
            ("代办各类证件，联系微信……", "10.1.0.2", ""),
        )
    )
    s.comment_moderate(
        comment=kept,
        approve=True,
        adoption="adopted",
        reason="已在第十二条明确复查申请期限。",
        actor=fagui,
    )
    s.comment_moderate(comment=spam, approve=False, reason="广告内容，与草案无关。", actor=fagui)
    s.decision_record_hearing(
        decision=decision,
        notice_on=opens + timedelta(days=1),
        materials="办法草案、起草说明、鉴定标准对照表",
        held_on=opens + timedelta(days=10),
        place="市人社局第一会议室",
        participants=[
            {"name": "工伤职工代表（示例）", "represents": "职工"},
            {"name": "用人单位代表（示例）", "represents": "用人单位"},
            {"name": "鉴定专家（示例）", "represents": "专家"},
        ],
        minutes="与会代表就鉴定时限、复查程序发表意见，笔录经参加人签字确认。",
        outcome="采纳缩短鉴定时限的意见，复查程序按现行规定执行。",
        actor=fagui,
        on=opens + timedelta(days=10),
    )


def _competition(ctx, decision, unit, day) -> None:
    fagui = ctx.users["fagui"]
    review = s.competition_open(
        matter_type="decision",
        matter_id=decision.pk,
        title=decision.title,
        org_unit=unit,
        affects_reason="涉及用人单位和人力资源服务机构的经济活动",
        actor=fagui,
    )
    s.competition_consult(
        review=review,
        who="市企业联合会、人力资源服务行业协会",
        how="座谈会",
        views="无异议",
        on=day,
        actor=fagui,
    )
    answers = {
        st.code: {"violates": False, "reason": "经逐项对照，不涉及"} for st in standards_on(day)
    }
    s.competition_conclude(
        review=review,
        answers=answers,
        conclusion="passes",
        explanation="对照审查标准逐项审查，符合公平竞争审查要求。",
        actor=fagui,
        on=day,
    )
    ctx.created["公平竞争审查"] += 1
