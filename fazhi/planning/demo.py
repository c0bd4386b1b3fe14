"""Demo for `fazhi demo`: the head of the bureau (钱局长) as 主要负责人 and 法治建设第一责任人 since
2018, and his 2019 as the seed's part 七 tells it: the year's 法治建设工作要点 with its tasks,
meetings and decisions on rule-of-law work, the 中心组 study sessions (局级 2次, 处级 4次), the
述法 added to the year-end 述职, the 依法治市 绩效考评 (津人社办发〔2019〕111号, structure assumed),
and the 2020 plan from which the report's 下一年度安排 is drafted.

Runs before supervision, decisions and education (INSTALLED_APPS order): the assessment's
computed indicators are drawn live when shown, so they see those apps' records too.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from fazhi.planning import services
from fazhi.planning.models import DutyRecord, Plan, Principal, Scheme, Statement

YEAR = 2019


def _pdf(title: str) -> tuple[io.BytesIO, str]:
    """A small stand-in for a scanned minutes or sign-in sheet (a valid PDF header)."""
    body = f"%PDF-1.4\n% {title}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".encode()
    return io.BytesIO(body), f"{title}.pdf"


PLAN_2019 = (
    (
        "legal",
        "持续推进简政放权和“一制三化”改革，压减许可事项、办事要件和办理时限",
        date(2019, 12, 31),
    ),
    ("legal", "落实权责清单动态管理，根据机构改革清理规范行政职权并统一公开", date(2019, 9, 30)),
    ("legal", "全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度", date(2019, 6, 30)),
    ("legal", "开展行政规范性文件清理，建立规范性文件台账", date(2019, 11, 30)),
    ("legal", "印发全局系统普法责任清单，落实“谁执法谁普法”普法责任制", date(2019, 5, 31)),
    ("office", "分解依法治市2019年绩效考评指标，召开推动会暨依法行政业务培训", date(2019, 4, 30)),
)
DONE_2019 = (
    date(2019, 12, 20),
    date(2019, 9, 20),
    date(2019, 6, 28),
    date(2019, 11, 29),
    date(2019, 5, 30),
    date(2019, 4, 26),
)

# The seed's part 十: the 2020 plan's six items.
PLAN_2020 = (
    ("office", "深入落实法治建设第一责任人职责，压实领导班子成员依法履职责任", date(2020, 12, 31)),
    ("legal", "推进人社法律规范体系，加快人才流动、职业技能培训等方面的立法", date(2020, 12, 31)),
    (
        "legal",
        "严格规范性文件管理，建立完整的规范性文件台账，定期清理、动态调整",
        date(2020, 11, 30),
    ),
    (
        "inspection",
        "严格规范公正文明执法，落实行政执法三项制度，行政许可、行政处罚7个工作日内公开",
        date(2020, 12, 31),
    ),
    ("legal", "依法做好行政复议和行政应诉工作，完善负责人出庭应诉机制", date(2020, 12, 31)),
    ("legal", "深入开展法治宣传教育，系统内普法与社会普法相结合", date(2020, 12, 31)),
)

DUTIES = (
    ("meeting", "", date(2019, 1, 28), "局党组会议传达学习中央和市委关于法治政府建设的要求", None),
    ("meeting", "", date(2019, 3, 12), "局长办公会议专题研究部署2019年法治政府建设任务", None),
    (
        "decision",
        "",
        date(2019, 4, 2),
        "印发《落实全面依法治市2019年绩效考评指标责任和任务清单的通知》（津人社办发〔2019〕111号）",
        None,
    ),
    ("decision", "", date(2019, 11, 25), "在部署年度述职工作中增加“述法”内容", None),
    (
        "study",
        "bureau",
        date(2019, 5, 16),
        "专题辅导《天津市营商环境条例》（邀请市政务服务办（市营商环境办）负责同志）",
        (11, 10),
    ),
    (
        "study",
        "bureau",
        date(2019, 10, 24),
        "专题辅导《天津市文明促进条例》（邀请市人大法工委负责同志）",
        (11, 11),
    ),
    ("study", "division", date(2019, 3, 28), "学习宪法和宪法修正案", (46, 44)),
    ("study", "division", date(2019, 6, 20), "学习《中华人民共和国社会保险法》", (46, 43)),
    ("study", "division", date(2019, 9, 19), "学习《重大行政决策程序暂行条例》", (46, 45)),
    ("study", "division", date(2019, 12, 5), "学习党内法规和“12·4”国家宪法日宣传要点", (46, 46)),
)

# 津人社办发〔2019〕111号: the seed says it 分解任务指标 of the 依法治市 绩效考评; the items below
# are ASSUMED (the file is not in the sources) and marked so on every screen.
SCHEME_2019 = [
    {
        "code": "1",
        "title": "依法全面履行政府职能",
        "weight": 20,
        "children": [
            {
                "code": "1.1",
                "title": "权责清单动态管理并统一公开",
                "weight": 10,
                "evidence": "权责清单调整文件及公开截图",
            },
            {
                "code": "1.2",
                "title": "行政许可、行政处罚信息7个工作日内公示",
                "weight": 10,
                "rule": "proportional",
                "figure": "publicity.on_time_rate",
            },
        ],
    },
    {
        "code": "2",
        "title": "依法行政制度体系建设",
        "weight": 15,
        "children": [
            {
                "code": "2.1",
                "title": "行政规范性文件报送备案",
                "weight": 8,
                "rule": "proportional",
                "figure": "normdocs.filed_rate",
            },
            {"code": "2.2", "title": "行政规范性文件清理", "weight": 7, "evidence": "清理结果公告"},
        ],
    },
    {
        "code": "3",
        "title": "行政决策科学化、民主化、法治化",
        "weight": 15,
        "children": [
            {
                "code": "3.1",
                "title": "重大行政决策经法律顾问审核（重大行政决策程序暂行条例 第九条）",
                "weight": 8,
                "rule": "proportional",
                "figure": "decisions.counsel_review_rate",
            },
            {
                "code": "3.2",
                "title": "公平竞争审查（公平竞争审查条例 第七条）",
                "weight": 7,
                "evidence": "公平竞争审查记录",
            },
        ],
    },
    {
        "code": "4",
        "title": "严格规范公正文明执法",
        "weight": 20,
        "children": [
            {
                "code": "4.1",
                "title": "执法人员持证率",
                "weight": 8,
                "rule": "target",
                "target": 100,
                "figure": "officers.certification_rate",
            },
            {
                "code": "4.2",
                "title": "“双随机、一公开”抽查覆盖率",
                "weight": 6,
                "rule": "proportional",
                "figure": "inspections.coverage",
            },
            {
                "code": "4.3",
                "title": "行政执法案卷评查",
                "weight": 6,
                "evidence": "案卷评查结果通报",
            },
        ],
    },
    {
        "code": "5",
        "title": "行政复议和行政应诉",
        "weight": 15,
        "children": [
            {
                "code": "5.1",
                "title": "行政机关负责人出庭应诉率",
                "weight": 8,
                "rule": "proportional",
                "figure": "disputes.head_appearance_rate",
            },
            {
                "code": "5.2",
                "title": "行政复议纠错和化解争议",
                "weight": 7,
                "evidence": "复议决定统计及纠错情况说明",
            },
        ],
    },
    {
        "code": "6",
        "title": "第一责任人职责和法治宣传教育",
        "weight": 15,
        "children": [
            {
                "code": "6.1",
                "title": "领导干部网上学法用法考试参与率",
                "weight": 8,
                "rule": "target",
                "target": 100,
                "figure": "education.exam_participation",
            },
            {
                "code": "6.2",
                "title": "落实普法责任制和述法",
                "weight": 7,
                "evidence": "普法责任清单、述法材料",
            },
        ],
    },
]
REVIEWER_SCORES = {"1.1": "9.5", "2.2": "7", "3.2": "6.5", "4.3": "5.5", "5.2": "6", "6.2": "7"}


def load(ctx) -> None:
    bureau, head = ctx.units["bureau"], ctx.users["leader"]
    if not Principal.objects.filter(org_unit=bureau).exists():
        services.principal_appoint(
            org_unit=bureau, user=head, start=date(2018, 1, 1), actor=ctx.actor
        )
        ctx.created["主要负责人任职"] += 1
    if Plan.objects.filter(org_unit=bureau, year=YEAR).exists():
        return
    legal = ctx.users["fagui"]
    _plan(ctx, legal, YEAR, "市人社局2019年法治政府建设工作要点", PLAN_2019, DONE_2019)
    _plan(ctx, legal, YEAR + 1, "市人社局2020年法治政府建设工作要点", PLAN_2020, ())
    for kind, level, held_on, topic, people in DUTIES:
        _duty(ctx, legal, bureau, head, kind, level, held_on, topic, people)
    _statement(ctx, legal, bureau, head)
    _scheme(ctx, legal, bureau)


def _plan(ctx, actor, year, title, tasks, done) -> None:
    plan = services.plan_create(org_unit=ctx.units["bureau"], year=year, title=title, actor=actor)
    ctx.created["法治建设工作要点"] += 1
    for n, (unit, content, due) in enumerate(tasks):
        task = services.plan_task_add(
            plan=plan, content=content, lead_unit=ctx.units[unit], due=due, actor=actor
        )
        ctx.created["工作要点任务"] += 1
        if n < len(done):
            services.task_progress_report(
                task=task, note="已按计划推进，形成阶段性成果。", actor=actor
            )
            services.task_complete(task=task, done_on=done[n], actor=actor)


def _duty(ctx, actor, bureau, head, kind, level, held_on, topic, people) -> None:
    fileobj, name = _pdf(f"{held_on:%Y%m%d}{DutyRecord.Kind(kind).label}记录")
    services.duty_record_add(
        org_unit=bureau,
        kind=kind,
        level=level,
        held_on=held_on,
        topic=topic,
        chaired_by=head,
        expected=people[0] if people else None,
        attendance=people[1] if people else None,
        evidence_file=fileobj,
        evidence_name=name,
        actor=actor,
    )
    ctx.created["第一责任人履职记录"] += 1


def _statement(ctx, actor, bureau, head) -> None:
    if Statement.objects.filter(person=head, year=YEAR).exists():
        return
    statement = services.statement_create(
        person=head,
        org_unit=bureau,
        role="director",
        year=YEAR,
        items=[
            {
                "heading": "履行推进法治建设第一责任人职责",
                "content": "亲自部署年度法治政府建设工作要点，主持党组会议、局长办公会议专题研究。",
                "figure_key": "planning.study_sessions_bureau",
            },
            {
                "heading": "带头学法",
                "content": "带头参加中心组集体学法，督促处级领导干部集体学法。",
                "figure_key": "planning.study_sessions_division",
            },
            {
                "heading": "依法应诉",
                "content": "落实行政机关负责人出庭应诉制度。",
                "figure_key": "disputes.litigation_handled",
            },
            {
                "heading": "执法队伍建设",
                "content": "执法人员全部持证上岗。",
                "figure_key": "officers.certification_rate",
            },
        ],
        actor=head,
    )
    services.statement_submit(
        statement=statement,
        text=(
            "2019年，本人认真履行推进法治建设第一责任人职责，将法治政府建设纳入年度工作计划，"
            "专题研究部署法治政府建设任务，在年度述职中增加述法内容，带头尊法学法守法用法。"
        ),
        actor=head,
    )
    services.statement_review(
        statement=statement, result="good", note="述法内容完整，数据翔实。", actor=actor
    )
    ctx.created["述法"] += 1


def _scheme(ctx, actor, bureau) -> None:
    if Scheme.objects.filter(year=YEAR).exists():
        return
    scheme = services.scheme_create(
        year=YEAR,
        title="全面依法治市2019年绩效考评指标（人社局）",
        source="津人社办发〔2019〕111号（指标内容为推定）",
        nodes=SCHEME_2019,
        actor=actor,
    )
    for indicator in scheme.indicators.filter(code__in=REVIEWER_SCORES):
        fileobj, name = _pdf(f"2019年考核佐证{indicator.code}")
        services.score_review(
            indicator=indicator,
            org_unit=bureau,
            points=Decimal(REVIEWER_SCORES[indicator.code]),
            note="按佐证材料评分（演示数据）",
            evidence_file=fileobj,
            evidence_name=name,
            actor=actor,
        )
    ctx.created["考核指标体系"] += 1
