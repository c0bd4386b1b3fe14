"""清理: a campaign assesses every document in force and announces the result in one batch."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import NORMDOCS_ADMINISTER, require
from fazhi.core.caching import bump
from fazhi.core.services import audit
from fazhi.normdocs.domain.cleanup import (
    Outcome,
    announcement_lead,
    check_assessment,
    check_complete,
    ending_action,
    outcome_counts,
    term_ended_problem,
)
from fazhi.normdocs.domain.errors import Refused
from fazhi.normdocs.domain.states import is_in_force
from fazhi.normdocs.models import CleanupAssessment, CleanupCampaign, NormativeDocument
from fazhi.normdocs.services._common import lock, today
from fazhi.normdocs.services.publication import end_document


def _record(*, actor, verb: str, campaign: CleanupCampaign, **data) -> None:
    audit.record(actor=actor, action=f"normdocs.cleanup.{verb}", target=campaign, data=data)


def _open_campaign(campaign: CleanupCampaign) -> CleanupCampaign:
    campaign = CleanupCampaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.is_announced:
        raise Refused("cleanup_announced", "清理结果已公布，不能再修改。")
    return campaign


@transaction.atomic
def cleanup_start(*, title: str, actor, on: date | None = None) -> CleanupCampaign:
    """Open a cleanup campaign. Only one may be open at a time. Audits ``normdocs.cleanup.start``."""
    require(actor, NORMDOCS_ADMINISTER)
    title = title.strip()
    if not title:
        raise Refused("title_required", "请填写清理名称。")
    if CleanupCampaign.objects.filter(title=title).exists():
        raise Refused("duplicate", f"已有名为“{title}”的清理。")
    if CleanupCampaign.objects.filter(announced_on__isnull=True).exists():
        raise Refused("cleanup_open", "已有一次清理尚未公布结果，请先完成该次清理。")
    campaign = CleanupCampaign.objects.create(title=title, started_on=today(on), started_by=actor)
    _record(actor=actor, verb="start", campaign=campaign, in_force=_in_force().count())
    return campaign


def _in_force(on: date | None = None):
    """现行有效 on ``on``: a document past its 有效期 is not, even before the daily job ran."""
    return NormativeDocument.objects.current_on(today(on))


@transaction.atomic
def cleanup_assess(
    *, campaign: CleanupCampaign, document: NormativeDocument, outcome: str, reason: str, actor
) -> CleanupAssessment:
    """Record (or change) the assessment of one document in force. Audits ``...cleanup.assess``."""
    require(actor, NORMDOCS_ADMINISTER, unit=document.org_unit)
    campaign = _open_campaign(campaign)
    try:
        result = Outcome(outcome)
    except ValueError:
        raise Refused("invalid_input", "清理意见只能是继续有效、修改、废止或宣布失效。") from None
    check_assessment(result, reason)
    if not is_in_force(document.stage):
        raise Refused("not_in_force", f"《{document.title}》不是现行有效文件，无需清理。")
    # judged on the campaign's day: the cleanup assesses what was in force when it started
    if result == Outcome.KEEP and (
        ended := term_ended_problem(document.title, document.valid_until, campaign.started_on)
    ):
        raise Refused("term_ended", ended)
    assessment, _ = CleanupAssessment.objects.update_or_create(
        campaign=campaign,
        document=document,
        defaults={"outcome": result.value, "reason": reason.strip(), "assessed_by": actor},
    )
    _record(
        actor=actor,
        verb="assess",
        campaign=campaign,
        document=document.pk,
        outcome=result.value,
    )
    return assessment


@transaction.atomic
def cleanup_announce(
    *, campaign: CleanupCampaign, announcement_title: str, actor, on: date | None = None
) -> CleanupCampaign:
    """Publish the result as one batch announcement and apply it: 废止 / 宣布失效 documents stop
    from the announcement day (and are marked so in the legal corpus), 修改 ones are flagged.

    Refused until every document in force has been assessed. Audits ``normdocs.cleanup.announce``
    plus one ``normdocs.document.<repeal|invalidate>`` per ended document.
    """
    require(actor, NORMDOCS_ADMINISTER)
    campaign = _open_campaign(campaign)
    day = today(on)
    if day < campaign.started_on:
        raise Refused("date_order", "公布日期不能早于清理开始日期。")
    if not announcement_title.strip():
        raise Refused("title_required", "请填写公告标题。")
    assessed = dict(campaign.assessments.values_list("document_id", "outcome"))
    check_complete(_in_force(day).values_list("pk", flat=True), assessed)
    assessments = list(campaign.assessments.select_related("document").order_by("document_id"))
    for assessment in assessments:  # a 继续有效 cannot be announced for a document since expired
        if assessment.outcome == Outcome.KEEP and (
            ended := term_ended_problem(
                assessment.document.title, assessment.document.valid_until, day
            )
        ):
            raise Refused("term_ended", ended)
    for assessment in assessments:
        document = lock(assessment.document)
        action = ending_action(Outcome(assessment.outcome))
        if action is not None:
            end_document(
                document=document,
                action=action,
                on=day,
                reason=f"{campaign.title}：{assessment.reason}",
                actor=actor,
            )
        elif assessment.outcome == Outcome.AMEND and not document.needs_amendment:
            document.needs_amendment = True
            document.save(update_fields=["needs_amendment", "updated_at"])
    counts = outcome_counts(assessed.values())
    campaign.announced_on = day
    campaign.announcement_title = announcement_title.strip()
    campaign.announcement_lead = announcement_lead(campaign.title, counts)
    campaign.save(update_fields=["announced_on", "announcement_title", "announcement_lead"])
    _record(actor=actor, verb="announce", campaign=campaign, counts=counts, on=day)
    bump("normdocs", "laws")  # public pages show it (and the corpus): a new version on commit
    return campaign
