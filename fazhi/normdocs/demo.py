"""Demo records for `fazhi demo`: the bureau's normative documents as of the 2019 report.

* 112 documents issued 2012–2018 enter the ledger as existing documents;
* the 2019 cleanup assesses every document in force and announces the result in one batch —
  78 of them 废止 or 宣布失效 (seed report 二(三)); the figure is read back from the ledger by
  `selectors.ledger_summary`, never written down as a number;
* the documents of 2019 go through the services, each left at a different stage;
* one draft is open for comment around the demo's "today", so the public page has something.

Deterministic (fixed lists, no randomness) and idempotent (keyed by 文号 and title).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from fazhi.decisions.domain.competition import standards_on
from fazhi.normdocs import services
from fazhi.normdocs.domain.errors import Refused
from fazhi.normdocs.domain.reviews import LEGALITY_POINT_CODES
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.models import CleanupCampaign, NormativeDocument

SUBJECTS = (
    ("employment", "失业保险金申领"),
    ("employment", "就业见习补贴"),
    ("employment", "创业担保贷款贴息"),
    ("employment", "公益性岗位管理"),
    ("employment", "职业介绍补贴"),
    ("employment", "灵活就业社会保险补贴"),
    ("pension", "企业职工基本养老保险关系转移接续"),
    ("pension", "城乡居民基本养老保险"),
    ("pension", "被征地农民社会保障"),
    ("pension", "养老保险个人账户"),
    ("pension", "企业年金备案"),
    ("injury", "工伤认定"),
    ("injury", "工伤医疗费用结算"),
    ("injury", "劳动能力鉴定"),
    ("injury", "工伤保险浮动费率"),
    ("labour_relations", "最低工资标准"),
    ("labour_relations", "企业工资指导线"),
    ("labour_relations", "劳务派遣用工"),
    ("labour_relations", "特殊工时制度审批"),
    ("mobility", "人才引进落户"),
    ("mobility", "人力资源服务机构管理"),
    ("mobility", "职称评审"),
    ("legal", "劳动保障监察投诉举报"),
    ("legal", "行政执法证件管理"),
    ("legal", "社会保险稽核"),
    ("employment", "职业技能鉴定"),
    ("employment", "职业培训补贴"),
    ("pension", "机关事业单位养老保险"),
)
FORMS = ("关于{}有关问题的通知", "{}管理办法", "关于调整{}标准的通知", "{}暂行办法")
EXISTING_YEARS = (2012, 2013, 2014, 2015, 2016, 2017, 2018)
EXISTING_COUNT = 112
# The 2019 cleanup's plan, as the seed reports it: this many of the oldest existing documents
# end (every third one 宣布失效, the rest 废止) and the next few need amending. The ledger
# counts the result from the assessments; nothing reads this constant back.
PLANNED_ENDINGS, PLANNED_AMENDMENTS = 78, 6
BODY = "第一条 为规范{s}工作，制定本规定。\n第二条 本规定适用于本市{s}相关工作。\n第三条 本规定由市人力资源和社会保障局负责解释。"

# The 2019 documents: title, unit, the stage they stop at.
DOCS_2019: tuple[tuple[str, str, Stage], ...] = (
    ("天津市工伤职工劳动能力鉴定实施办法", "injury", Stage.IN_FORCE),
    ("天津市就业困难人员认定办法", "employment", Stage.IN_FORCE),
    ("关于进一步完善支撑评价激发企业创新活力的通知", "mobility", Stage.IN_FORCE),
    ("天津市职业技能提升行动补贴实施办法（试行）", "employment", Stage.IN_FORCE),
    ("关于做好被征地农民养老保险待遇调整工作的通知", "pension", Stage.FILED),
    ("天津市劳务派遣单位年度经营情况报告暂行办法", "labour_relations", Stage.CORRECTION),
    ("天津市人力资源服务许可实施办法", "mobility", Stage.PUBLISHED),
    ("天津市技能大师工作室管理办法", "employment", Stage.REGISTERED),
    ("天津市企业职工基本养老保险病残津贴暂行办法", "pension", Stage.APPROVED),
    ("天津市工伤保险辅助器具配置管理办法", "injury", Stage.DELIBERATION),
    ("天津市高技能人才评价办法", "mobility", Stage.FAIR_COMPETITION),
    ("关于规范企业特殊工时制度审批的通知", "labour_relations", Stage.REVISING),
    ("天津市失业保险稳岗返还实施办法", "employment", Stage.LEGALITY_REVIEW),
    ("天津市根治拖欠农民工工资工作规定", "legal", Stage.PUBLIC_COMMENT),
    ("天津市人才公寓管理办法", "mobility", Stage.DRAFTING),
)
ORDER = (
    Stage.DRAFTING,
    Stage.PUBLIC_COMMENT,
    Stage.LEGALITY_REVIEW,
    Stage.FAIR_COMPETITION,
    Stage.DELIBERATION,
    Stage.APPROVED,
    Stage.REGISTERED,
    Stage.PUBLISHED,
    Stage.FILED,
    Stage.IN_FORCE,
)
CAMPAIGN = "2019年规范性文件清理"
LIVE_DRAFT = "天津市职业培训补贴管理办法（征求意见稿）"
COMMENTS = (
    (1, "建议在第一条中明确补贴资金的来源。"),
    (2, "建议把灵活就业人员也纳入适用范围。"),
    (2, "建议把灵活就业人员也纳入适用范围！"),
    (3, "解释权条款建议写明解释机关的联系方式。"),
)


def _dt(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _existing(ctx) -> list[NormativeDocument]:
    actor, documents = ctx.users["fagui"], []
    serial: dict[int, int] = {}
    for index in range(EXISTING_COUNT):
        unit, subject = SUBJECTS[index % len(SUBJECTS)]
        title = "天津市" + FORMS[(index // len(SUBJECTS)) % len(FORMS)].format(subject)
        year = EXISTING_YEARS[index % len(EXISTING_YEARS)]
        serial[year] = serial.get(year, 0) + 1
        number = f"津人社规字〔{year}〕{serial[year]}号"
        found = NormativeDocument.objects.filter(doc_number=number).first()
        if found is None:
            published = date(year, 1 + index % 12, 10 + index % 15)
            found = services.document_enter_existing(
                title=title,
                doc_number=number,
                body=BODY.format(s=subject),
                org_unit=ctx.units[unit],
                published_on=published,
                filed_on=published + timedelta(days=12),
                actor=actor,
            )
            ctx.created["normdocs_existing"] += 1
        documents.append(found)
    return documents


def _step(ctx, document: NormativeDocument, stage: Stage, day: date) -> NormativeDocument:
    """Take ``document`` one step to ``stage`` on ``day`` through the service of that step."""
    legal, reviewer, leader = ctx.users["fagui"], ctx.users["shenhe"], ctx.users["leader"]
    if stage == Stage.PUBLIC_COMMENT:
        return services.document_open_comment(document=document, actor=legal, on=day)
    if stage == Stage.LEGALITY_REVIEW:
        _comment_and_mark(ctx, document)
        return services.document_submit_review(document=document, actor=legal, on=day)
    if stage == Stage.FAIR_COMPETITION:
        return services.document_review_legality(
            document=document,
            checks=dict.fromkeys(LEGALITY_POINT_CODES, True),
            conclusion="lawful",
            opinion="经审核，制定主体、权限、内容和程序均符合规定，同意提交审议。",
            actor=reviewer,
            on=day,
        )
    if stage == Stage.DELIBERATION:
        return services.document_review_competition(
            document=document,
            conclusion="compliant",
            affects_reason="涉及培训机构等经营者参与职业技能培训。",
            explanation="对照审查标准逐项审查，未发现排除、限制竞争的内容。",
            answers={
                st.code: {"violates": False, "reason": "文件未作此类规定。"}
                for st in standards_on(day)
            },
            stakeholders=[
                {
                    "who": "职业培训机构代表、市职业培训协会",
                    "how": "座谈会",
                    "on": day.isoformat(),
                    "views": "无排除、限制竞争的意见。",
                }
            ],
            actor=legal,
            on=day,
        )
    if stage == Stage.APPROVED:
        return services.document_deliberate(
            document=document,
            meeting=f"{day.year}年第{day.month}次局长办公会议",
            decision="approved",
            minutes="会议审议通过。",
            actor=leader,
            on=day,
        )
    if stage == Stage.REGISTERED:
        return services.document_register(document=document, actor=legal, on=day)
    if stage == Stage.PUBLISHED:
        return services.document_publish(
            document=document,
            interpretation_title=f"《{document.title}》政策解读",
            interpretation_text=f"一、制定背景\n二、主要内容：{document.title}明确了适用范围、办理条件和工作程序。\n三、施行时间：自公布之日起施行。",
            actor=legal,
            on=day,
        )
    if stage == Stage.FILED:
        return services.document_file(document=document, actor=legal, on=day)
    if stage == Stage.IN_FORCE:
        return services.document_record_filing_review(
            document=document, result="no_objection", opinion="", actor=legal, on=day
        )
    raise ValueError(stage)


def _comment_and_mark(ctx, document: NormativeDocument) -> None:
    legal = ctx.users["fagui"]
    first_of: dict[str, object] = {}
    for comment in document.comments.filter(moderation="pending").order_by("id"):
        if comment.fingerprint in first_of:  # the same text again: merge the duplicate
            services.comment_merge(comment=comment, into=first_of[comment.fingerprint], actor=legal)
            continue
        first_of[comment.fingerprint] = services.comment_moderate(
            comment=comment, is_valid=True, actor=legal
        )
    for comment in document.comments.filter(moderation="valid", adoption="").order_by("id"):
        services.comment_mark(
            comment=comment, adoption="partly", reason="已在修改稿中予以体现。", actor=legal
        )


def _add_comments(document: NormativeDocument, opened: date, stop: int | None = None) -> None:
    articles = {a.number: a for a in document.articles.all()}
    for index, (number, text) in enumerate(COMMENTS[:stop]):
        services.comment_submit(
            article=articles[number],
            text=text,
            ip=f"192.0.2.{10 + index}",
            author_name="市民",
            at=_dt(opened + timedelta(days=2 + index)),
        )


def _lifecycle(ctx, title: str, unit: str, target: Stage, start: date) -> None:
    if NormativeDocument.objects.filter(title=title).exists():
        return
    document = services.document_draft(
        title=title,
        body=BODY.format(s=title.removeprefix("天津市")),
        drafting_note="根据上位法和我市实际起草，已征求相关处室和区人社局意见。",
        actor=ctx.users["fagui"],
        org_unit=ctx.units[unit],
        on=start,
    )
    day = start
    gaps = {
        Stage.LEGALITY_REVIEW: 40,
        Stage.FAIR_COMPETITION: 8,
        Stage.PUBLISHED: 3,
        Stage.FILED: 10,
        Stage.IN_FORCE: 20,
    }
    final = Stage.FILED if target in {Stage.CORRECTION, Stage.REVISING} else target
    if target == Stage.REVISING:
        final = Stage.LEGALITY_REVIEW
    for stage in ORDER[1 : ORDER.index(final) + 1]:
        day += timedelta(days=gaps.get(stage, 4))
        if stage == Stage.LEGALITY_REVIEW:
            _add_comments(document, document.comment_opened_on)
        document = _step(ctx, document, stage, day)
    if target == Stage.REVISING:
        services.document_review_legality(
            document=document,
            checks={**dict.fromkeys(LEGALITY_POINT_CODES, True), "rights_duties": False},
            conclusion="amend",
            opinion="第二条增加了用人单位的报告义务，无上位法依据，应当予以修改。",
            actor=ctx.users["shenhe"],
            on=day + timedelta(days=9),
        )
    if target == Stage.CORRECTION:
        services.document_record_filing_review(
            document=document,
            result="correction",
            opinion="第二条设定的报告义务缺乏上位法依据，责令纠正。",
            actor=ctx.users["fagui"],
            on=day + timedelta(days=20),
        )
    ctx.created["normdocs_2019"] += 1


def _cleanup(ctx, existing: list[NormativeDocument]) -> None:
    if CleanupCampaign.objects.filter(title=CAMPAIGN).exists():
        return
    legal = ctx.users["fagui"]
    campaign = services.cleanup_start(title=CAMPAIGN, actor=legal, on=date(2019, 9, 2))
    announced_on = date(2019, 11, 29)
    # A document whose term has ended is 失效, never 继续有效: the cleanup declares it 宣布失效
    # (counted among the seed's 78), then the oldest others end as planned.
    expired = [d for d in existing if d.valid_until and d.valid_until < announced_on]
    others = [d for d in existing if d not in expired]
    planned = others[: PLANNED_ENDINGS - len(expired)]
    ending = {d.pk: i for i, d in enumerate(planned)}
    rest = others[len(planned) :]
    amend = {d.pk for d in rest[:PLANNED_AMENDMENTS]}
    expired_ids = {d.pk for d in expired}
    for document in NormativeDocument.objects.in_force().order_by("id"):
        if document.pk in expired_ids:
            outcome, reason = "invalidate", "有效期已届满"
        elif document.pk in ending:
            outcome = "invalidate" if ending[document.pk] % 3 == 1 else "repeal"
            reason = "已被新规定代替" if outcome == "repeal" else "调整对象已消失，实际已失效"
        elif document.pk in amend:
            outcome, reason = "amend", "与机构改革后的职责分工不一致，需修改"
        else:
            outcome, reason = "keep", ""
        services.cleanup_assess(
            campaign=campaign, document=document, outcome=outcome, reason=reason, actor=legal
        )
    services.cleanup_announce(
        campaign=campaign,
        announcement_title="市人力资源和社会保障局关于公布规范性文件清理结果的公告",
        actor=legal,
        on=announced_on,
    )
    ctx.created["normdocs_cleanup"] += 1


def _live_draft(ctx) -> None:
    if NormativeDocument.objects.filter(title=LIVE_DRAFT).exists():
        return
    opened = ctx.today - timedelta(days=5)
    document = services.document_draft(
        title=LIVE_DRAFT,
        body=BODY.format(s="职业培训补贴"),
        drafting_note="落实职业技能提升行动。",
        actor=ctx.users["fagui"],
        org_unit=ctx.units["employment"],
        on=opened,
    )
    document = services.document_open_comment(
        document=document, actor=ctx.users["fagui"], on=opened
    )
    _add_comments(document, opened, stop=2)
    ctx.created["normdocs_live"] += 1


PUBLISHED_STAGES = frozenset({Stage.PUBLISHED, Stage.FILED, Stage.CORRECTION, Stage.IN_FORCE})


def load(ctx) -> None:
    existing = _existing(ctx)
    # Published 2019 documents exist before the cleanup, so the campaign assesses them too.
    for index, (title, unit, stage) in enumerate(DOCS_2019):
        if stage in PUBLISHED_STAGES:
            _lifecycle(ctx, title, unit, stage, date(2019, 1 + index, 7))
    _cleanup(ctx, existing)
    for index, (title, unit, stage) in enumerate(DOCS_2019):
        if stage not in PUBLISHED_STAGES:
            _lifecycle(ctx, title, unit, stage, date(2019, 10, 8 + index))
    try:
        _live_draft(ctx)
    except Refused as exc:  # e.g. the comment period ends in a year with no holiday data yet
        ctx.notes.append(f"未创建正在征求意见的演示草案：{exc}")
