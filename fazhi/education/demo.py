"""Demo for `fazhi demo`: 2019 普法 and 学法用法 as the seed report tells it (part 八).

* the 2019 普法责任清单: 4 共性 + 11 个性 items (the seed gives the counts and names 宪法,
  就业促进法 and 社会保险法; the wording of each item is the demo's own), all done;
* the 法治宣传教育基地 at the 监察总队, 河东区九经路25号 (opened date assumed: 2019-06-01);
* the 2019 领导干部网上学法用法考试: a bank tied to corpus articles, every demo staff account
  enrolled, each sits and passes — participation and pass 100% from the records.

The exam is a reconstruction of a past window: the education services read the clock through
their modules' ``timezone``, which this demo points at 2019-11-20 while it sits the papers (and
only there), so the sittings carry the 2019 dates they would have had.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.utils import timezone as real_timezone

from fazhi.education import services
from fazhi.education.models import DutyItem, EducationBase, Exam, PufaPlan, Question
from fazhi.education.services import activities, duties, exams, questions, sitting
from fazhi.laws.models import Article

TZ = ZoneInfo("Asia/Shanghai")
# Tianjin's 16 districts: with the 市局 and the 社保中心, the seed's 18 competition teams
DISTRICTS = (
    "和平区",
    "河东区",
    "河西区",
    "南开区",
    "河北区",
    "红桥区",
    "东丽区",
    "西青区",
    "津南区",
    "北辰区",
    "武清区",
    "宝坻区",
    "滨海新区",
    "宁河区",
    "静海区",
    "蓟州区",
)
COMMON = [
    "宣传宪法，落实国家宪法日和宪法宣传周活动",
    "宣传中国特色社会主义法治理论和党内法规",
    "落实领导干部学法用法制度，组织网上学法用法考试",
    "落实以案释法制度，结合执法和复议应诉案例释法",
]
SPECIFIC = [
    ("宣传《就业促进法》及就业创业政策", "就业促进和失业保险处", "employment"),
    ("宣传《社会保险法》及养老保险政策", "养老保险处", "pension"),
    ("宣传《工伤保险条例》", "工伤保险处", "injury"),
    ("宣传《劳动合同法》《劳动法》", "劳动关系处", "labour_relations"),
    ("宣传《保障农民工工资支付条例》相关规定", "劳动保障监察总队", "inspection"),
    ("宣传《劳动保障监察条例》，开展执法普法", "劳动保障监察总队", "inspection"),
    ("宣传人力资源市场管理法规", "人力资源流动管理处", "mobility"),
    ("宣传《劳动争议调解仲裁法》", "劳动关系处", "labour_relations"),
    ("宣传社会保险基金监督法规", "市社会保险基金管理中心", "insurance_centre"),
    ("宣传政府信息公开和行政复议法律制度", "法规处", "legal"),
    ("宣传《天津市营商环境条例》等地方性法规", "办公室", "office"),
]


@contextmanager
def _clock(at: datetime):
    """Point the education services' clock at ``at`` (advancing a second per call)."""
    state = {"now": at}

    def now():
        state["now"] += timedelta(seconds=1)
        return state["now"]

    shim = SimpleNamespace(
        now=now, localdate=lambda value=None: (value or state["now"]).astimezone(TZ).date()
    )
    modules = [activities, duties, exams, questions, sitting]
    for module in modules:
        module.timezone = shim
    try:
        yield
    finally:
        for module in modules:
            module.timezone = real_timezone


def load(ctx) -> None:
    legal = ctx.users["fagui"]
    if not DutyItem.objects.filter(year=2019).exists():
        for content in COMMON:
            item = services.duty_item_add(
                year=2019,
                kind="common",
                content=content,
                lead_unit=ctx.units["legal"],
                audience="全局干部职工和社会公众",
                lead_person="法规处负责人",
                deadline=date(2019, 12, 31),
                actor=legal,
            )
            services.duty_item_complete(item=item, done_on=date(2019, 12, 20), actor=legal)
            ctx.created["普法责任清单事项"] += 1
        for content, _name, key in SPECIFIC:
            item = services.duty_item_add(
                year=2019,
                kind="specific",
                content=content,
                lead_unit=ctx.units[key],
                audience="执法对象、服务对象和社会公众",
                lead_person="处室负责人",
                deadline=date(2019, 12, 31),
                actor=legal,
            )
            services.duty_item_complete(item=item, done_on=date(2019, 12, 20), actor=legal)
            ctx.created["普法责任清单事项"] += 1
    if not EducationBase.objects.exists():
        services.base_register(
            name="天津市人力资源和社会保障法治宣传教育基地",
            address="河东区九经路25号",
            sponsor=ctx.units["inspection"],
            opened_on=date(2019, 6, 1),
            content="习近平总书记关于依法治国的重要论述、人社领域政策法规、政策宣讲海报、法治宣传标语",
            actor=legal,
        )
        ctx.created["法治宣传教育基地"] += 1
    if not Exam.objects.filter(year=2019).exists():
        _exam(ctx, legal)
    if not PufaPlan.objects.filter(year=2019).exists():
        _pufa(ctx, legal)


def _pufa(ctx, legal) -> None:
    """2019 普法 as part 八 tells it: the 法律法规宣传月 (津人社办函〔2019〕751号) with the
    宪法宣传周, 以案释法 by 人社部法规司, 旁听庭审 at 和平法院 (津人社办发〔2019〕150号), and the
    人社法治知识竞赛: 18 teams, 5 selected for the national competition, a national third
    prize. The team names, dates and the plan's title are the demo's own (the seed gives none)."""
    bureau, staff = ctx.units["bureau"], list(ctx.users.values())
    leaders = [u for u in staff if u.username in ("leader", "fagui", "shenhe")]
    services.pufa_plan_issue(
        year=2019,
        title="市人社局2019年普法工作计划",
        issued_on=date(2019, 3, 15),
        content="落实“谁执法谁普法”普法责任制；宪法宣传周和法律法规宣传月；以案释法；旁听庭审；"
        "人社法治知识竞赛；网上学法用法考试。",
        actor=legal,
    )
    month = services.activity_record(
        kind="law_month",
        title="全市人社系统“法律法规宣传月”活动",
        doc_number="津人社办函〔2019〕751号",
        org_unit=bureau,
        starts_on=date(2019, 11, 15),
        ends_on=date(2019, 12, 15),
        summary="宪法宣传周、法律知识网络答题、服务大局普法行主题实践等五项特色活动。",
        participants=staff,
        actor=legal,
    )
    services.activity_record(
        kind="constitution_week",
        title="2019年“12·4”国家宪法日暨宪法宣传周",
        org_unit=bureau,
        starts_on=date(2019, 12, 2),
        ends_on=date(2019, 12, 8),
        summary="面向执法对象、服务对象和社会公众宣传宪法。",
        participants=staff,
        actor=legal,
    )
    case = services.activity_record(
        kind="case_explained",
        title="人社领域案例专题讲解（以案释法）",
        org_unit=bureau,
        starts_on=date(2019, 9, 10),
        summary="邀请人社部法规司领导专题讲解人社领域案例。",
        participants=staff,
        actor=legal,
    )
    court = services.activity_record(
        kind="court_hearing",
        title="领导干部旁听庭审",
        doc_number="津人社办发〔2019〕150号",
        org_unit=bureau,
        starts_on=date(2019, 10, 17),
        place="和平区人民法院",
        summary="组织领导干部到和平法院旁听庭审，并在庭审直播网观摩人社系统案件。",
        participants=leaders,
        actor=legal,
    )
    contest = services.activity_record(
        kind="competition",
        title="全市人社系统法治知识竞赛",
        org_unit=bureau,
        starts_on=date(2019, 9, 20),
        summary="市局、社保中心和各区18支代表队同台竞技。",
        actor=legal,
    )
    names = ["市局机关代表队", "市社会保险基金管理中心代表队"] + [
        f"{d}人社局代表队" for d in DISTRICTS
    ]
    teams = [services.team_add(activity=contest, name=n, actor=legal) for n in names]
    results = [{"team": t, "name": t.name} for t in teams]
    results += [
        {"team": teams[i % 3], "name": f"选手{n}（{teams[i % 3].name}）", "advanced": True}
        for i, n in enumerate("甲乙丙丁戊")
    ]
    services.stage_record(
        activity=contest,
        name="全市决赛",
        level="全市",
        held_on=date(2019, 9, 20),
        results=results,
        actor=legal,
    )
    services.stage_record(
        activity=contest,
        name="全国人社系统法治知识竞赛",
        level="全国",
        results=[{"name": "天津市代表队", "award": "三等奖"}],
        actor=legal,
    )
    for activity, kind, hours in ((case, "lecture", 2), (court, "court", 3), (month, "online", 2)):
        for person in activity.participants.all():
            if person.org_unit_id:
                services.study_record_add(
                    user=person,
                    studied_on=activity.starts_on,
                    kind=kind,
                    course=activity.title,
                    hours=hours,
                    activity=activity,
                    actor=legal,
                )
    ctx.created["普法活动"] += 5


def _exam(ctx, legal) -> None:
    articles = list(
        Article.objects.exclude(number=None)
        .exclude(document__title__contains="解读")
        .filter(document__valid_to=None, document__repealed_on=None)
        .order_by("document__title", "position")[:30]
    )
    if len(articles) < 10:
        return  # no corpus loaded: the exam needs articles to tie its questions to
    if not Question.objects.exists():
        for i, article in enumerate(articles[:20]):
            kind = ("single", "truefalse")[i % 2]
            services.question_add(
                qtype=kind,
                stem=f"关于{article.document.title}{article.label}的规定，下列说法正确的是？"
                if kind == "single"
                else f"{article.document.title}{article.label}规定：{article.text[:40]}……（判断）",
                options=["符合该条规定", "与该条规定不符", "该条未作规定"]
                if kind == "single"
                else [],
                answer="A" if kind == "single" else "T",
                articles=[article],
                actor=legal,
            )
            ctx.created["试题"] += 1
    opens = datetime(2019, 11, 18, 9, tzinfo=TZ)
    with _clock(opens + timedelta(days=2)):
        exam = services.exam_create(
            title="2019年领导干部网上学法用法考试",
            year=2019,
            org_unit=ctx.units["bureau"],
            opens_at=opens,
            closes_at=datetime(2019, 11, 29, 17, tzinfo=TZ),
            paper_rules=[
                {"qtype": "single", "count": 5, "points": 10},
                {"qtype": "truefalse", "count": 5, "points": 10},
            ],
            minutes=60,
            actor=legal,
        )
        codes = ["leader", "legal_staff", "legal_reviewer", "enforcement_officer", "division_clerk"]
        services.exam_enrol(exam=exam, units=[ctx.units["bureau"]], role_codes=codes, actor=legal)
        for enrolment in exam.enrolments.select_related("user"):
            user = enrolment.user
            sitting = services.sitting_start(exam=exam, actor=user)
            keys = dict(
                Question.objects.filter(pk__in=sitting.questions).values_list("pk", "answer")
            )
            for qid in sitting.questions:
                services.answer_save(sitting=sitting, question=qid, response=keys[qid], actor=user)
            services.sitting_submit(sitting=sitting, actor=user)
        ctx.created["学法用法考试"] += 1
