"""Writes of 案卷评查: the year's scoring sheet, campaigns with a verifiable sample and 回避,
scoring item by item, 整改 tasks and closing a campaign."""

from __future__ import annotations

import secrets
from datetime import date

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import (
    SUPERVISION_REVIEW_MANAGE,
    SUPERVISION_REVIEW_SCORE,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.enforcement.models import Case
from fazhi.inspections.domain import draw as draw_rules
from fazhi.supervision.domain import scoring
from fazhi.supervision.models import (
    Campaign,
    Deduction,
    Rectification,
    ReviewFile,
    ScoreSheet,
)

# The sample is drawn with the verifiable draw of 双随机 (fazhi.inspections.domain.draw): the
# frozen list holds the campaign's candidate cases (by reference, stratified by unit and power
# type), the reviewers as the pool, and every 回避 pair (a reviewer and a case of their own unit);
# the seed and the digests are stored, so anyone can re-run the draw and compare.


def _reviewer_pool(campaign) -> dict[str, object]:
    return {
        u.username: u for u in campaign.reviewers.select_related("org_unit").order_by("username")
    }


@transaction.atomic
def review_sheet_set(*, year: int, data: dict, actor) -> ScoreSheet:
    """Set the year's scoring sheet (refused when its items do not add up to 100 points)."""
    require(actor, SUPERVISION_REVIEW_MANAGE)
    scoring.parse_sheet(data)
    sheet, _ = ScoreSheet.objects.update_or_create(
        year=year, defaults={"data": data, "updated_by": audit.person(actor)}
    )
    audit.record(actor=actor, action="supervision.sheet.set", target=sheet, data={"year": year})
    return sheet


@transaction.atomic
def review_campaign_create(
    *, year: int, title: str, case_year: int, share: str, reviewers, actor, per_file: int = 2
) -> Campaign:
    require(actor, SUPERVISION_REVIEW_MANAGE)
    if not title.strip():
        raise Refused("请填写评查活动名称", scoring.BASIS, code="review_title_missing")
    draw_rules.share_fraction(share)  # refuses a share that is not a number in [0, 1]
    reviewers = list(reviewers)
    if len(reviewers) < per_file:
        raise Refused(
            f"评查人员不得少于每卷评查人数（{per_file}人）", scoring.BASIS, code="review_too_few"
        )
    stored = ScoreSheet.objects.filter(year=year).first()
    sheet = stored.data if stored else scoring.DEFAULT_SHEET
    scoring.parse_sheet(sheet)
    campaign = Campaign.objects.create(
        year=year,
        title=title.strip(),
        case_year=case_year,
        share=share,
        reviewers_per_file=per_file,
        sheet=sheet,
        created_by=audit.person(actor),
    )
    campaign.reviewers.set(reviewers)
    audit.record(
        actor=actor,
        action="supervision.campaign.create",
        target=campaign,
        data={"year": year, "share": share, "reviewers": [u.username for u in reviewers]},
    )
    return campaign


def _candidates_for(campaign) -> list[Case]:
    return list(
        Case.objects.filter(decided_on__year=campaign.case_year)
        .select_related("org_unit", "power_item")
        .order_by("reference")
    )


@transaction.atomic
def review_campaign_draw(*, campaign: Campaign, actor, seed: bytes | None = None) -> Campaign:
    """Draw the sample and assign reviewers with 回避, verifiably; opens the scoring."""
    require(actor, SUPERVISION_REVIEW_MANAGE)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != Campaign.Status.DRAFT:
        raise Refused("该评查活动已经抽取过案卷", scoring.BASIS, code="review_already_drawn")
    cases = {c.reference: c for c in _candidates_for(campaign)}
    if not cases:
        raise Refused(
            f"{campaign.case_year}年没有已作出决定的案件可供抽取",
            scoring.BASIS,
            code="review_no_cases",
        )
    pool = _reviewer_pool(campaign)
    exclusions = [
        (name, ref)
        for name, user in pool.items()
        for ref, case in cases.items()
        if user.org_unit_id and case.org_unit.path.startswith(user.org_unit.path)
    ]

    def stratum(case) -> str:
        return f"{case.org_unit.code}/{case.power_item.kind}"

    strata = {stratum(c) for c in cases.values()}
    frozen = draw_rules.freeze(
        employers=[(ref, stratum(c)) for ref, c in cases.items()],
        inspectors=list(pool),
        exclusions=[(name, ref) for name, ref in exclusions],
        shares=dict.fromkeys(strata, campaign.share),
        per_check=campaign.reviewers_per_file,
    )
    seed = seed or secrets.token_bytes(draw_rules.SEED_BYTES)
    try:
        result = draw_rules.draw(draw_rules.parse(frozen), seed)
    except draw_rules.TooFewInspectors as exc:
        raise Refused(
            f"案卷 {exc.args[0] if exc.args else ''} 回避后可用的评查人员不足",
            scoring.BASIS_RECUSAL,
            code="review_too_few",
        ) from None
    for check in result.checks:
        case = cases[check.uscc]
        f = ReviewFile.objects.create(
            campaign=campaign, case=case, org_unit=case.org_unit, stratum=check.stratum
        )
        f.reviewers.set([pool[name] for name in check.inspectors])
    campaign.frozen_list = frozen.decode()
    campaign.list_digest = draw_rules.sha256_hex(frozen)
    campaign.seed_hex = seed.hex()
    campaign.seed_digest = draw_rules.sha256_hex(seed)
    campaign.result_digest = result.digest()
    campaign.drawn_at = timezone.now()
    campaign.status = Campaign.Status.SCORING
    campaign.save()
    audit.record(
        actor=actor,
        action="supervision.campaign.draw",
        target=campaign,
        data={
            "files": len(result.checks),
            "list_digest": campaign.list_digest,
            "seed_digest": campaign.seed_digest,
            "result_digest": campaign.result_digest,
        },
    )
    return campaign


def _scoring_file(file: ReviewFile, actor) -> tuple[ReviewFile, scoring.Sheet]:
    require(actor, SUPERVISION_REVIEW_SCORE)
    file = (
        ReviewFile.objects.select_for_update()
        .select_related("campaign", "org_unit")
        .get(pk=file.pk)
    )
    if file.campaign.status != Campaign.Status.SCORING:
        raise Refused("评查活动不在评查阶段", scoring.BASIS, code="review_not_scoring")
    scoring.check_recusal(
        reviewer_unit_path=actor.org_unit.path if actor.org_unit_id else None,
        case_unit_path=file.org_unit.path,
    )
    if not file.reviewers.filter(pk=actor.pk).exists():
        raise Refused("您不是本案卷的评查人员", scoring.BASIS, code="review_not_assigned")
    return file, scoring.parse_sheet(file.campaign.sheet)


@transaction.atomic
def review_score_item(
    *, file: ReviewFile, item_code: str, deducted, note: str = "", actor
) -> ReviewFile:
    """Score one item: the points deducted (0 … the item's points) and why."""
    file, sheet = _scoring_file(file, actor)
    item = sheet.item(item_code)
    value = scoring.check_deduction(item, deducted, note)
    if value:
        Deduction.objects.update_or_create(
            file=file,
            item_code=item.code,
            defaults={"points": value, "note": note.strip(), "reviewer": actor},
        )
    else:
        Deduction.objects.filter(file=file, item_code=item.code).delete()
    _rescore(file, sheet)
    audit.record(
        actor=actor,
        action="supervision.file.score",
        target=file,
        data={"item": item.code, "deducted": str(value), "note": note.strip()},
    )
    return file


@transaction.atomic
def review_veto(*, file: ReviewFile, codes: list[str], note: str = "", actor) -> ReviewFile:
    """Record the veto items the file fails (an empty list: it passes them all)."""
    file, sheet = _scoring_file(file, actor)
    known = {c for c, _ in sheet.veto}
    unknown = set(codes) - known
    if unknown:
        raise Refused(
            f"评查表中没有否决项“{'、'.join(sorted(unknown))}”",
            scoring.BASIS,
            code="review_unknown_item",
        )
    if codes and not note.strip():
        raise Refused("否决项须写明理由", scoring.BASIS, code="review_note_missing")
    file.vetoed, file.veto_note = sorted(codes), note.strip()
    _rescore(file, sheet)
    audit.record(
        actor=actor, action="supervision.file.veto", target=file, data={"vetoed": file.vetoed}
    )
    return file


def _rescore(file: ReviewFile, sheet: scoring.Sheet) -> None:
    deductions = {d.item_code: d.points for d in file.deductions.all()}
    total, grade = scoring.score(sheet, deductions, file.vetoed)
    file.score, file.grade = total, grade
    file.save()


@transaction.atomic
def review_file_submit(*, file: ReviewFile, actor) -> ReviewFile:
    file, sheet = _scoring_file(file, actor)
    _rescore(file, sheet)
    file.submitted_by, file.submitted_at = actor, timezone.now()
    file.save()
    audit.record(
        actor=actor,
        action="supervision.file.submit",
        target=file,
        data={"score": str(file.score), "grade": file.grade},
    )
    return file


@transaction.atomic
def review_rectification_create(
    *, file: ReviewFile, problem: str, due_on: date, actor
) -> Rectification:
    """Turn a problem the review found into a 整改 task for the case's unit, with a deadline."""
    require(actor, SUPERVISION_REVIEW_MANAGE)
    if not problem.strip():
        raise Refused("请写明需要整改的问题", scoring.BASIS, code="review_problem_missing")
    if due_on <= timezone.localdate():
        raise Refused("整改期限须晚于今天", scoring.BASIS, code="review_due_past")
    task = Rectification.objects.create(
        file=file, org_unit=file.org_unit, problem=problem.strip(), due_on=due_on
    )
    audit.record(
        actor=actor,
        action="supervision.rectification.create",
        target=task,
        data={"case": file.case.reference, "due_on": due_on.isoformat()},
    )
    return task


@transaction.atomic
def review_campaign_close(*, campaign: Campaign, actor) -> Campaign:
    require(actor, SUPERVISION_REVIEW_MANAGE)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != Campaign.Status.SCORING:
        raise Refused("评查活动不在评查阶段", scoring.BASIS, code="review_not_scoring")
    open_files = campaign.files.filter(submitted_at__isnull=True).count()
    if open_files:
        raise Refused(
            f"还有{open_files}份案卷未提交评查结果", scoring.BASIS, code="review_files_open"
        )
    campaign.status, campaign.closed_at = Campaign.Status.CLOSED, timezone.now()
    campaign.save()
    audit.record(actor=actor, action="supervision.campaign.close", target=campaign)
    return campaign
