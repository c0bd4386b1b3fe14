"""Demo for `fazhi demo`: 2019 as the seed tells it (二(一)(二)). 政府令第14号 revised, the
《天津市职业技能培训规定》 research under way, the 《修改〈天津市人才流动条例〉立法调研报告》
finished, and opinions on five drafts from above. Day-level dates are illustrative: the seed
gives the year only."""

from __future__ import annotations

from datetime import date

from fazhi.legislation import services as s
from fazhi.legislation.models import DraftFromAbove, Project

DRAFTS = (
    ("中华人民共和国退役军人保障法（草案）", "law", "市人大常委会法制工作委员会", date(2019, 4, 8)),
    ("天津市地方金融监督管理条例（草案）", "local_regulation", "市司法局", date(2019, 5, 13)),
    ("天津市司法鉴定管理条例（草案）", "local_regulation", "市司法局", date(2019, 6, 10)),
    ("天津市优化营商环境条例（草案）", "local_regulation", "市司法局", date(2019, 3, 4)),
    ("天津市知识产权保护条例（草案）", "local_regulation", "市司法局", date(2019, 8, 5)),
)


def load(ctx) -> None:
    if Project.objects.filter(year=2019).exists() or DraftFromAbove.objects.exists():
        return
    fagui, leader, unit = ctx.users["fagui"], ctx.users["leader"], ctx.units["legal"]
    rule = s.project_apply(
        org_unit=unit,
        kind="rule",
        title="天津市工伤保险若干规定（修订）",
        year=2019,
        revises=True,
        application="必要性：与《工伤保险条例》衔接；主要问题：待遇调整与经办；拟修订的主要制度。",
        actor=fagui,
        on=date(2019, 1, 7),
    )
    s.project_start_drafting(project=rule, actor=fagui)
    s.project_open_comment(
        project=rule, opens=date(2019, 3, 1), closes=date(2019, 3, 30), actor=fagui
    )
    s.project_submit(
        project=rule,
        parts={
            "draft": "《天津市工伤保险若干规定（修订送审稿）》",
            "explanation": "修订的必要性、主要措施、征求意见及协调处理情况",
            "materials": "意见汇总、调研材料、外省市立法资料",
        },
        actor=fagui,
        on=date(2019, 4, 15),
    )
    s.project_outcome(
        project=rule, number="政府令第14号", published_on=date(2019, 9, 1), actor=fagui
    )
    s.project_apply(
        org_unit=unit,
        kind="research",
        title="天津市职业技能培训规定",
        year=2019,
        application="职业技能培训立法调研",
        actor=fagui,
        on=date(2019, 2, 1),
    )
    talent = s.project_apply(
        org_unit=unit,
        kind="research",
        title="修改《天津市人才流动条例》",
        year=2019,
        application="人才流动条例修改的立法调研",
        actor=fagui,
        on=date(2019, 2, 1),
    )
    s.project_research_report(
        project=talent,
        report="《修改〈天津市人才流动条例〉立法调研报告》：背景和数据；存在问题；外省市做法；"
        "拟确立的制度；各方意见；合法性分析；建议修改。",
        actor=fagui,
        on=date(2019, 11, 20),
    )
    ctx.created["立法项目"] += 3
    for title, level, requester, received in DRAFTS:
        draft = s.draft_register(
            title=title,
            level=level,
            requester=requester,
            received_on=received,
            due_on=date.fromordinal(received.toordinal() + 14),
            org_unit=unit,
            offices=[ctx.units["employment"], ctx.units["labour_relations"]],
            actor=fagui,
        )
        s.draft_opinions(
            draft=draft,
            opinions=[
                {
                    "article": "有关条款",
                    "proposal": "增加人力资源社会保障部门职责的表述",
                    "reason": "与人社领域法律法规衔接",
                    "basis": "《中华人民共和国劳动法》",
                }
            ],
            actor=fagui,
        )
        s.draft_sign(draft=draft, actor=leader, on=date.fromordinal(received.toordinal() + 10))
        s.draft_send(
            draft=draft,
            channel="书面函件",
            actor=fagui,
            on=date.fromordinal(received.toordinal() + 11),
        )
        ctx.created["上级草案反馈意见"] += 1
