"""Demo for `fazhi demo`: the warning scan over the demo cases, the 2019 案卷评查 campaign (a
verifiable 20% draw per unit and type, reviewers with 回避, each file scored item by item from
what its file actually lacks, a 整改 task) and two 督办 (one answered and closed, one open).
Runs after enforcement (INSTALLED_APPS order) and before reports. Idempotent."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.utils import timezone

from fazhi.supervision import selectors, services
from fazhi.supervision.models import Campaign, Oversight, ReviewFile

# what the case-file check finds → the 评查 item it costs, the points and the note
_GAP_ITEMS = {
    "立案审批": ("L6", 2),
    "询问笔录": ("D4", 2),
    "事先告知书": ("S1", 2),
    "法制审核": ("C1", 4),
    "集体讨论记录": ("C6", 4),
    "送达回证": ("T1", 4),
    "缴款记录": ("Z1", 7),
}
SEED = hashlib.sha256(b"fazhi-demo-2019-case-file-review").digest()


def load(ctx) -> None:
    # The scan is the daily job; the demo runs it once (a second `fazhi demo` writes nothing).
    if not Campaign.objects.filter(year=2019).exists():
        run = services.warnings_scan(today=ctx.today, actor=ctx.actor)
        ctx.created["执法预警"] += run.opened
    _campaign(ctx)
    _oversights(ctx)


def _campaign(ctx) -> None:
    if Campaign.objects.filter(year=2019).exists():
        return
    legal = ctx.users["fagui"]
    reviewers = [ctx.users[k] for k in ("fagui", "shenhe", "zhifa1", "zhifa2", "hp_zhifa")]
    campaign = services.review_campaign_create(
        year=2019,
        title="2019年度劳动保障行政执法案卷评查",
        case_year=2019,
        share="20%",
        reviewers=reviewers,
        actor=legal,
    )
    try:
        campaign = services.review_campaign_draw(campaign=campaign, seed=SEED, actor=legal)
    except Exception as exc:
        ctx.notes.append(f"案卷评查演示未能抽取：{exc}")
        return
    worst = None
    for f in ReviewFile.objects.filter(campaign=campaign).select_related("case"):
        reviewer = f.reviewers.order_by("username").first()
        for gap in selectors.case_file_gaps(f.case):
            for key, (code, points) in _GAP_ITEMS.items():
                if key in gap.item:
                    services.review_score_item(
                        file=f,
                        item_code=code,
                        deducted=points,
                        note=f"案卷缺少{gap.item}",
                        actor=reviewer,
                    )
        f = services.review_file_submit(file=f, actor=reviewer)
        ctx.created["评查案卷"] += 1
        if f.score is not None and (worst is None or f.score < worst.score):
            worst = f
    if worst is not None and worst.score < 100:
        services.review_rectification_create(
            file=worst,
            problem="；".join(d.note for d in worst.deductions.all()) or "案卷文书不全",
            due_on=timezone.localdate() + timedelta(days=30),
            actor=legal,
        )
        ctx.created["评查整改"] += 1
    services.review_campaign_close(campaign=campaign, actor=legal)


def _oversights(ctx) -> None:
    if Oversight.objects.exists():
        return
    legal = ctx.users["fagui"]
    today = timezone.localdate()
    answered = services.oversight_issue(
        org_unit=ctx.units["inspection_1"],
        subject="案卷评查发现的文书不全问题",
        demand="请对评查中发现的问题逐项整改，并于期限内书面报告整改情况。",
        deadline=today + timedelta(days=15),
        actor=legal,
    )
    services.oversight_reply(
        item=answered,
        text="已逐项补正案卷文书，并组织全体执法人员学习案卷标准。",
        actor=ctx.users["zhifa1"],
    )
    services.oversight_close(item=answered, note="整改到位，予以办结。", actor=legal)
    services.oversight_issue(
        org_unit=ctx.units["heping_team"],
        subject="罚款逾期未缴案件的催告和申请强制执行",
        demand="请对逾期未缴罚款的案件依法催告，并在法定期限内申请人民法院强制执行。",
        deadline=today + timedelta(days=10),
        actor=legal,
    )
    ctx.created["督办"] += 2
