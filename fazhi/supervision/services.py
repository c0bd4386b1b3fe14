"""Writes of supervision: the warning scan (``fazhi supervision scan``, daily).

The scan opens one warning per record and rule, updates it while the problem lasts, closes it
when the record is fixed and reopens the same row if the problem comes back: a unique
constraint on (rule, record) means it never opens the same one twice. Each case is settled in
its own transaction, so a scan killed halfway leaves whole cases behind; the next run starts
from the last *finished* run and so covers what the killed one missed.
"""

from __future__ import annotations

import secrets
from datetime import date

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from fazhi.accounts.permissions import (
    ENFORCEMENT_HANDLE,
    SUPERVISION_OVERSEE,
    SUPERVISION_OVERSIGHT_REPLY,
    SUPERVISION_REVIEW_MANAGE,
    SUPERVISION_REVIEW_SCORE,
    SUPERVISION_SCAN,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.selectors.calendar import work_calendar
from fazhi.core.services import audit
from fazhi.enforcement.models import Case
from fazhi.inspections.domain import draw as draw_rules
from fazhi.supervision import push, selectors
from fazhi.supervision.domain import oversight, scoring
from fazhi.supervision.domain import warnings as rules
from fazhi.supervision.models import (
    Campaign,
    CaseCheck,
    Deduction,
    Oversight,
    Rectification,
    ReviewFile,
    ScanRun,
    ScoreSheet,
    Warning,
)

CASE_TYPE = selectors.CASE_TYPE


def _candidates(since, today: date) -> list[int]:
    """Cases the scan must look at. The first run (``since`` None): every case. Afterwards:
    cases changed since the last finished run (the case row, its 公示 record, a 先行登记保存,
    a feed item accepted), cases never settled, cases whose next re-check day
    (``CaseCheck.next_check_on``, from ``domain.warnings.next_change``) has come, and cases with
    an open warning. A feed item still pending needs no query of its own: its deadline is one of
    the case's re-check days. Each part is one indexed query, so a day's scan reads a day's changes, not the city."""
    from fazhi.publicity.models import PublicityRecord
    from fazhi.supervision.models import CaseCheck, Preservation, PushItem

    if since is None:
        return list(Case.objects.order_by("pk").values_list("pk", flat=True))
    ids = set(Case.objects.filter(updated_at__gte=since).values_list("pk", flat=True))
    ids |= set(CaseCheck.objects.filter(next_check_on__lte=today).values_list("case_id", flat=True))
    ids |= set(
        Case.objects.filter(~Exists(CaseCheck.objects.filter(case_id=OuterRef("pk")))).values_list(
            "pk", flat=True
        )
    )

    def as_ids(values) -> set[int]:
        return {int(i) for i in values if str(i).isdigit()}

    ids |= as_ids(
        Warning.objects.filter(subject_type=CASE_TYPE, status=Warning.Status.OPEN).values_list(
            "subject_id", flat=True
        )
    )
    ids |= as_ids(
        PublicityRecord.objects.filter(source_type=CASE_TYPE, updated_at__gte=since).values_list(
            "source_id", flat=True
        )
    )
    ids |= set(
        Preservation.objects.filter(
            Q(recorded_at__gte=since) | Q(handled_at__gte=since)
        ).values_list("case_id", flat=True)
    )
    ids |= as_ids(
        PushItem.objects.filter(subject_type=CASE_TYPE, accepted_at__gte=since).values_list(
            "subject_id", flat=True
        )
    )
    return sorted(ids)


def _settle_case(case_id: int, *, today: date, thresholds, cal, now, actor) -> tuple[int, int]:
    """Bring the warnings of one case in line with its findings; returns (opened, closed)."""
    opened = closed = 0
    with transaction.atomic():
        case = Case.objects.select_related("org_unit").filter(pk=case_id).first()
        if case is None:
            return 0, 0
        facts = selectors.case_facts(case)
        push.enqueue(case)  # the feed to the city platform: each new content of the case once
        CaseCheck.objects.update_or_create(
            case_id=case.pk,
            defaults={
                "checked_at": now,
                "next_check_on": rules.next_change(
                    facts, today=today, thresholds=thresholds, cal=cal
                ),
            },
        )
        found: dict[str, rules.Finding] = {}
        for f in rules.evaluate(facts, today=today, thresholds=thresholds, cal=cal):
            if f.rule in found:  # two findings of one rule: one warning, both messages
                prev = found[f.rule]
                level = rules.RED if rules.RED in (prev.level, f.level) else f.level
                f = rules.Finding(f.rule, level, f"{prev.message}；{f.message}")
            found[f.rule] = f
        existing = {
            w.rule: w
            for w in Warning.objects.select_for_update().filter(
                subject_type=CASE_TYPE, subject_id=str(case.pk)
            )
        }
        label = f"{case.reference} {case.party_name}"[:200]
        for rule, f in found.items():
            w = existing.get(rule)
            if w is None:
                w = Warning.objects.create(
                    rule=rule,
                    subject_type=CASE_TYPE,
                    subject_id=str(case.pk),
                    subject_label=label,
                    org_unit=case.org_unit,
                    level=f.level,
                    message=f.message,
                    opened_at=now,
                    checked_at=now,
                )
                opened += 1
                audit.record(
                    actor=actor,
                    action="supervision.warning.open",
                    target=w,
                    data={"rule": rule, "level": f.level, "case": case.reference},
                )
                continue
            reopened = w.status == Warning.Status.CLOSED
            if reopened:
                w.status, w.closed_at, w.opened_at = Warning.Status.OPEN, None, now
                w.times_opened += 1
                opened += 1
            changed = reopened or (w.level, w.message) != (f.level, f.message)
            w.level, w.message, w.checked_at = f.level, f.message, now
            w.org_unit = case.org_unit
            w.subject_label = label
            w.save()
            if changed:
                audit.record(
                    actor=actor,
                    action="supervision.warning.reopen"
                    if reopened
                    else "supervision.warning.update",
                    target=w,
                    data={"rule": rule, "level": f.level, "case": case.reference},
                )
        for rule, w in existing.items():
            if rule not in found and w.status == Warning.Status.OPEN:
                w.status, w.closed_at, w.checked_at = Warning.Status.CLOSED, now, now
                w.save(update_fields=["status", "closed_at", "checked_at"])
                closed += 1
                audit.record(
                    actor=actor,
                    action="supervision.warning.close",
                    target=w,
                    data={"rule": rule, "case": case.reference},
                )
    return opened, closed


def _settle_year(year: int, *, today: date, thresholds, now, actor) -> tuple[int, int]:
    """Rule 12 on ``year``: one warning on the year while the 统计年报 and the platform disagree
    (opened, updated, closed and reopened like a case's)."""
    if year < thresholds["year_counts_differ"]["from_year"]:
        return 0, 0
    with transaction.atomic():
        found = rules.year_counts_findings(
            year,
            yearbook=selectors.yearbook_figures(year),
            platform=selectors.platform_figures(year),
            today=today,
            thresholds=thresholds,
        )
        w = (
            Warning.objects.select_for_update()
            .filter(rule="year_counts_differ", subject_type=selectors.YEARBOOK_TYPE)
            .filter(subject_id=str(year))
            .first()
        )
        if not found:
            if w is None or w.status == Warning.Status.CLOSED:
                return 0, 0
            w.status, w.closed_at, w.checked_at = Warning.Status.CLOSED, now, now
            w.save(update_fields=["status", "closed_at", "checked_at"])
            audit.record(actor=actor, action="supervision.warning.close", target=w)
            return 0, 1
        f = found[0]
        unit = selectors.bureau_unit()
        if w is None:
            w = Warning.objects.create(
                rule=f.rule,
                subject_type=selectors.YEARBOOK_TYPE,
                subject_id=str(year),
                subject_label=f"{year}年行政执法统计年报",
                org_unit=unit,
                level=f.level,
                message=f.message,
                opened_at=now,
                checked_at=now,
            )
            audit.record(actor=actor, action="supervision.warning.open", target=w)
            return 1, 0
        reopened = w.status == Warning.Status.CLOSED
        if reopened:
            w.status, w.closed_at, w.opened_at = Warning.Status.OPEN, None, now
            w.times_opened += 1
        if reopened or (w.level, w.message) != (f.level, f.message):
            audit.record(
                actor=actor,
                action="supervision.warning.reopen" if reopened else "supervision.warning.update",
                target=w,
            )
        w.level, w.message, w.checked_at = f.level, f.message, now
        w.save()
        return (1 if reopened else 0), 0


def warnings_scan(*, today: date, actor=None, stop_after: int | None = None) -> ScanRun:
    """Run the warning rules over the cases that may have changed; ``actor=None`` is the daily
    system job. ``stop_after`` settles only that many cases (tests: a scan killed halfway)."""
    if actor is not None:
        require(actor, SUPERVISION_SCAN)
    thresholds = selectors.thresholds()  # refuses a bad configuration before anything is written
    cal = work_calendar()
    last = ScanRun.objects.filter(finished_at__isnull=False).order_by("-started_at").first()
    now = timezone.now()
    run = ScanRun.objects.create(started_at=now, today=today)
    ids = _candidates(last.started_at if last else None, today)
    for n, case_id in enumerate(ids):
        if stop_after is not None and n >= stop_after:
            return run  # unfinished: the next run starts from the last finished one
        opened, closed = _settle_case(
            case_id, today=today, thresholds=thresholds, cal=cal, now=now, actor=actor
        )
        run.checked += 1
        run.opened += opened
        run.closed += closed
    opened, closed = _settle_year(
        today.year - 1, today=today, thresholds=thresholds, now=now, actor=actor
    )
    run.opened += opened
    run.closed += closed
    run.finished_at = timezone.now()
    run.save()
    audit.record(
        actor=actor,
        action="supervision.scan",
        target=run,
        data={
            "today": today.isoformat(),
            "checked": run.checked,
            "opened": run.opened,
            "closed": run.closed,
        },
    )
    return run


# --- 案卷评查 ------------------------------------------------------------------------------------
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


# --- 督办 -----------------------------------------------------------------------------------------


def _oversight(item: Oversight) -> Oversight:
    return Oversight.objects.select_for_update().select_related("org_unit").get(pk=item.pk)


@transaction.atomic
def oversight_issue(
    *, org_unit, subject: str, demand: str, deadline: date, actor, warning: Warning | None = None
) -> Oversight:
    """Issue a 监督文书 to ``org_unit``; the issue date is today (set by the system)."""
    require(actor, SUPERVISION_OVERSEE)
    today = timezone.localdate()
    if not subject.strip() or not demand.strip():
        raise Refused("请填写督办事项和督办要求", oversight.BASIS, code="oversight_empty")
    oversight.check_deadline(issued_on=today, deadline=deadline)
    serial = Oversight.objects.select_for_update().filter(issued_on__year=today.year).count() + 1
    item = Oversight.objects.create(
        number=f"人社执法监督〔{today.year}〕{serial}号",
        org_unit=org_unit,
        warning=warning,
        subject=subject.strip(),
        demand=demand.strip(),
        issued_on=today,
        deadline=deadline,
        issued_by=audit.person(actor),
    )
    audit.record(
        actor=actor,
        action="supervision.oversight.issue",
        target=item,
        data={"unit": org_unit.code, "deadline": deadline.isoformat()},
    )
    return item


@transaction.atomic
def oversight_reply(*, item: Oversight, text: str, actor) -> Oversight:
    """The unit's written reply; refused once the matter is closed."""
    item = _oversight(item)
    require(actor, SUPERVISION_OVERSIGHT_REPLY, unit=item.org_unit)
    oversight.check_reply(item.status, text)
    item.reply, item.replied_on, item.status = text.strip(), timezone.localdate(), "replied"
    item.save()
    audit.record(actor=actor, action="supervision.oversight.reply", target=item)
    return item


@transaction.atomic
def oversight_recheck_request(*, item: Oversight, reason: str, actor) -> Oversight:
    """The unit asks for 复查 (within 10 working days; decided within 15)."""
    item = _oversight(item)
    require(actor, SUPERVISION_OVERSIGHT_REPLY, unit=item.org_unit)
    if not reason.strip():
        raise Refused("请写明申请复查的理由", oversight.BASIS_RECHECK, code="oversight_reason")
    today = timezone.localdate()
    due = oversight.check_recheck_request(
        status=item.status, issued_on=item.issued_on, today=today, cal=work_calendar()
    )
    item.recheck_reason, item.recheck_requested_on, item.recheck_due = reason.strip(), today, due
    item.status = "recheck"
    item.save()
    audit.record(
        actor=actor,
        action="supervision.oversight.recheck_request",
        target=item,
        data={"due": due.isoformat()},
    )
    return item


@transaction.atomic
def oversight_recheck_decide(*, item: Oversight, result: str, actor) -> Oversight:
    item = _oversight(item)
    require(actor, SUPERVISION_OVERSEE)
    if item.status != "recheck":
        raise Refused(
            "该督办事项没有待决定的复查申请", oversight.BASIS_RECHECK, code="oversight_no_recheck"
        )
    if not result.strip():
        raise Refused("请填写复查决定", oversight.BASIS_RECHECK, code="oversight_reason")
    item.recheck_result, item.recheck_decided_on = result.strip(), timezone.localdate()
    item.status = "replied" if item.replied_on else "issued"
    item.save()
    audit.record(actor=actor, action="supervision.oversight.recheck_decide", target=item)
    return item


@transaction.atomic
def oversight_close(*, item: Oversight, note: str, actor) -> Oversight:
    item = _oversight(item)
    require(actor, SUPERVISION_OVERSEE)
    if item.status != "replied":
        raise Refused("单位书面回复后方可办结", oversight.BASIS, code="oversight_not_replied")
    item.status, item.closed_on, item.close_note = "closed", timezone.localdate(), note.strip()
    item.save()
    audit.record(actor=actor, action="supervision.oversight.close", target=item)
    return item


def oversight_escalate_overdue(*, today: date, actor=None) -> int:
    """Mark every 督办 past its deadline without a reply as escalated (通报, 第十七条); the
    daily job (``actor=None``) or 法规处. Returns how many were escalated now."""
    if actor is not None:
        require(actor, SUPERVISION_OVERSEE)
    n = 0
    for item in Oversight.objects.filter(
        status="issued", escalated_on__isnull=True, deadline__lt=today
    ):
        with transaction.atomic():
            item = _oversight(item)
            if not oversight.is_overdue(status=item.status, deadline=item.deadline, today=today):
                continue
            item.escalated_on = today
            item.save(update_fields=["escalated_on"])
            audit.record(actor=actor, action="supervision.oversight.escalate", target=item)
            n += 1
    return n


# --- 先行登记保存 (warning rule 6 reads it) --------------------------------------------------------

PRESERVATION_BASIS = "《中华人民共和国行政处罚法》第五十六条"


@transaction.atomic
def preservation_record(*, case: Case, saved_on: date, items: str, approver: str, actor):
    """Register a 先行登记保存 in ``case`` (行政处罚法 第五十六条: approved by the 负责人).
    The typed date is kept beside who entered it and when; a future date is refused."""
    from fazhi.supervision.models import Preservation

    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    if not items.strip() or not approver.strip():
        raise Refused(
            "请填写登记保存的证据和批准的负责人", PRESERVATION_BASIS, code="preservation_empty"
        )
    if saved_on > timezone.localdate():
        raise Refused("登记保存日期不能晚于今天", PRESERVATION_BASIS, code="preservation_future")
    if case.filed_on is not None and saved_on < case.filed_on:
        raise Refused(
            f"登记保存日期不能早于立案日期{case.filed_on:%Y-%m-%d}",
            PRESERVATION_BASIS,
            code="preservation_before_filing",
        )
    row = Preservation.objects.create(
        case=case,
        saved_on=saved_on,
        items=items.strip(),
        approver=approver.strip(),
        recorded_by=audit.person(actor),
    )
    audit.record(
        actor=actor,
        action="supervision.preservation.record",
        target=row,
        data={"case": case.reference, "saved_on": saved_on.isoformat()},
    )
    return row


@transaction.atomic
def preservation_handle(*, preservation, handled_on: date, handling: str, actor):
    """The decision on preserved evidence (to be made within seven working days, rule 6)."""
    from fazhi.supervision.models import Preservation

    row = Preservation.objects.select_for_update().select_related("case__org_unit")
    row = row.get(pk=preservation.pk)
    require(actor, ENFORCEMENT_HANDLE, unit=row.case.org_unit)
    if row.handled_on is not None:
        raise Refused("该登记保存已作出处理决定", PRESERVATION_BASIS, code="preservation_handled")
    if handling not in Preservation.Handling.values:
        raise Refused("请选择处理决定", PRESERVATION_BASIS, code="preservation_handling")
    if handled_on < row.saved_on or handled_on > timezone.localdate():
        raise Refused(
            f"处理决定日期须在登记保存日期{row.saved_on:%Y-%m-%d}至今天之间",
            PRESERVATION_BASIS,
            code="preservation_date",
        )
    row.handled_on, row.handling = handled_on, handling
    row.handled_by, row.handled_at = audit.person(actor), timezone.now()
    row.save()
    audit.record(
        actor=actor,
        action="supervision.preservation.handle",
        target=row,
        data={"handled_on": handled_on.isoformat(), "handling": handling},
    )
    return row


# --- 统计年报 on the portal ------------------------------------------------------------------------


@transaction.atomic
def yearbook_publish(*, year: int, actor, correction_note: str = ""):
    """Publish the year's 统计年报 on the portal: a snapshot of the tables as the records say
    today. Only once the year is over; publishing again is a correction and needs its reason.
    The publication date is set by the system (118号（六）: due by 31 January)."""
    from fazhi.core.caching import bump
    from fazhi.supervision.domain import statistics as st
    from fazhi.supervision.models import YearbookPublication

    require(actor, SUPERVISION_OVERSEE)
    today = timezone.localdate()
    st.check_publishable(year, today=today)
    existing = YearbookPublication.objects.select_for_update().filter(year=year).first()
    if existing is not None and not correction_note.strip():
        raise Refused(
            f"{year}年度统计年报已于{existing.published_on:%Y年%m月%d日}公布；更正须说明理由",
            st.BASIS,
            code="yearbook_published",
        )
    tables = selectors.yearbook_snapshot(year)
    fields = {
        "tables": tables,
        "published_on": today,
        "published_by": audit.person(actor),
        "published_at": timezone.now(),
        "correction_note": correction_note.strip(),
    }
    if existing is None:
        row = YearbookPublication.objects.create(year=year, first_published_on=today, **fields)
    else:
        for name, value in fields.items():
            setattr(existing, name, value)
        existing.version += 1
        existing.save()
        row = existing
    audit.record(
        actor=actor,
        action="supervision.yearbook.publish",
        target=row,
        data={
            "year": year,
            "version": row.version,
            "decisions": tables["penalty"]["total"],
            "amount_wan": tables["penalty"]["amount_wan"],
        },
    )
    bump("supervision")  # public pages show it: a new version on commit
    return row
