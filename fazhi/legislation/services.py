"""Every state change of 立法 projects and of the register of comments on drafts from above."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import LEGISLATION_MANAGE, LEGISLATION_SIGN, require
from fazhi.core.domain.comments import SpamPolicy
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.core.services.comments import comment_screen
from fazhi.legislation.domain import rules as r
from fazhi.legislation.models import DraftFromAbove, Project, ProjectComment


def _today(on):
    return on or timezone.localdate()


def _need(text: str, what: str, basis: str = "") -> str:
    if not (text or "").strip():
        raise Refused(f"请填写{what}", basis, code=r.Code.MISSING)
    return text.strip()


def _record(actor, action: str, target, **data) -> None:
    audit.record(actor=actor, action=f"legislation.{action}", target=target, data=data)


def _lock(obj):
    return type(obj).objects.select_for_update().get(pk=obj.pk)


def _project(project: Project, actor, *stages: str) -> Project:
    project = _lock(project)
    require(actor, LEGISLATION_MANAGE, unit=project.org_unit)
    if stages and project.stage not in stages:
        raise Refused(
            f"项目当前为“{r.STAGE_LABELS[r.Stage(project.stage)]}”，不能办理该环节",
            code=r.Code.STAGE,
        )
    return project


@transaction.atomic
def project_apply(
    *, org_unit, kind: str, title: str, year: int, application: str, revises=False, actor, on=None
) -> Project:
    """立项申请 (规章制定程序条例 第十、十一条): need, problems, main systems."""
    require(actor, LEGISLATION_MANAGE, unit=org_unit)
    project = Project.objects.create(
        org_unit=org_unit,
        kind=r.Kind(kind),
        title=_need(title, "项目名称"),
        year=year,
        application=_need(application, "立项申请说明", r.RULES_ORDINANCE + "第十一条"),
        applied_on=_today(on),
        revises=revises,
        recorded_by=audit.person(actor),
    )
    _record(actor, "project.apply", project, kind=kind, title=project.title)
    return project


@transaction.atomic
def project_start_drafting(*, project: Project, actor) -> Project:
    project = _project(project, actor, r.Stage.APPLIED)
    project.stage = r.Stage.DRAFTING
    project.save()
    _record(actor, "project.start_drafting", project)
    return project


@transaction.atomic
def project_open_comment(
    *, project: Project, opens: date, closes: date, short_reason: str = "", actor
) -> Project:
    project = _project(project, actor, r.Stage.DRAFTING)
    r.check_comment_period(opens, closes, short_reason)
    project.comment_opens, project.comment_closes = opens, closes
    project.comment_short_reason = short_reason.strip()
    project.save()
    _record(
        actor, "project.open_comment", project, opens=opens.isoformat(), closes=closes.isoformat()
    )
    return project


def project_comment_submit(
    *, project: Project, text: str, ip: str | None, contact: str = "", at: datetime | None = None
) -> ProjectComment:
    """A citizen's comment on an open draft (normdocs' length and spam checks); moderated."""
    now = at or timezone.now()
    with transaction.atomic():
        project = Project.objects.get(pk=project.pk)
        if project.comment_opens is None:
            raise Refused("该草案未公开征求意见", code=r.Code.COMMENT_CLOSED)
        r.check_comment_open(project.comment_opens, project.comment_closes, timezone.localdate(now))
        policy = SpamPolicy(**settings.FAZHI.get("LEGISLATION_COMMENT_SPAM", {}))
        cleaned, fp, verdict = comment_screen(
            ProjectComment, scope={"project": project}, text=text, ip=ip, now=now, policy=policy
        )
        if not verdict.accepted:
            raise Refused(verdict.reason, code="legislation_comment_throttled")
        comment = ProjectComment.objects.create(
            project=project,
            text=cleaned,
            fingerprint=fp,
            contact=contact.strip()[:100],
            ip=ip,
            submitted_at=now,
            is_flagged=verdict.flagged,
        )
        audit.record(
            actor=None,
            action="legislation.comment.submit",
            target=comment,
            data={"project": project.pk},
            actor_label="公众",
        )
    return comment


@transaction.atomic
def project_comment_moderate(*, comment: ProjectComment, approve: bool, actor) -> ProjectComment:
    comment = _lock(comment)
    require(actor, LEGISLATION_MANAGE, unit=comment.project.org_unit)
    comment.approved = bool(approve)
    comment.save(update_fields=["approved"])
    _record(actor, "comment.moderate", comment, approved=comment.approved)
    return comment


@transaction.atomic
def project_hearing(
    *, project: Project, announced: date, held: date, record: str, actor
) -> Project:
    project = _project(project, actor, r.Stage.DRAFTING)
    r.check_hearing_notice(announced, held)
    project.hearings = [
        *project.hearings,
        {
            "announced": announced.isoformat(),
            "held": held.isoformat(),
            "record": _need(record, "听证笔录"),
        },
    ]
    project.save()
    _record(actor, "project.hearing", project, held=held.isoformat())
    return project


@transaction.atomic
def project_research_report(*, project: Project, report: str, actor, on=None) -> Project:
    """The 调研报告 (a 调研论证 project ends with it)."""
    project = _project(project, actor, r.Stage.APPLIED, r.Stage.DRAFTING)
    project.research_report = _need(report, "调研报告")
    project.research_done_on = _today(on)
    if project.kind == r.Kind.RESEARCH:
        project.stage = r.Stage.DONE
    project.save()
    _record(actor, "project.research_report", project)
    return project


@transaction.atomic
def project_submit(*, project: Project, parts: Mapping[str, str], actor, on=None) -> Project:
    """送审稿 with explanation and materials (第十八条), after the ≥30-day comment period."""
    project = _project(project, actor, r.Stage.DRAFTING)
    day = _today(on)
    if project.kind == r.Kind.RULE and (
        project.comment_closes is None or day <= project.comment_closes
    ):
        raise Refused(
            "规章草案应当向社会公开征求意见且期满后方可报送送审稿",
            r.RULES_ORDINANCE + "第十五条",
            code=r.Code.STAGE,
        )
    r.check_submission(parts)
    project.submission = {k: str(parts[k]).strip() for k in r.SUBMISSION_PARTS}
    project.submitted_on, project.stage = day, r.Stage.SUBMITTED
    project.save()
    _record(actor, "project.submit", project)
    return project


@transaction.atomic
def project_outcome(*, project: Project, number: str, published_on: date, actor) -> Project:
    project = _project(project, actor, r.Stage.SUBMITTED)
    project.outcome_number = _need(number, "公布文号")
    project.outcome_on, project.stage = published_on, r.Stage.DONE
    project.save()
    _record(actor, "project.outcome", project, number=project.outcome_number)
    return project


# --- comments on drafts from above -----------------------------------------------------------


@transaction.atomic
def draft_register(
    *,
    title: str,
    level: str,
    requester: str,
    doc_number: str = "",
    received_on: date,
    due_on: date,
    offices: Iterable = (),
    org_unit,
    actor,
) -> DraftFromAbove:
    require(actor, LEGISLATION_MANAGE, unit=org_unit)
    if level not in r.LEVEL_LABELS:
        raise Refused("草案层级不在可选范围内", code=r.Code.MISSING)
    if due_on < received_on:
        raise Refused("反馈期限不能早于收文日期", code=r.Code.MISSING)
    draft = DraftFromAbove.objects.create(
        title=_need(title, "草案名称"),
        level=level,
        requester=_need(requester, "征求意见机关"),
        doc_number=doc_number,
        received_on=received_on,
        due_on=due_on,
        org_unit=org_unit,
        recorded_by=audit.person(actor),
    )
    draft.offices.set(list(offices))
    _record(actor, "draft.register", draft, title=draft.title, level=level)
    return draft


@transaction.atomic
def draft_opinions(
    *, draft: DraftFromAbove, opinions: Iterable[Mapping[str, str]], no_opinion: bool = False, actor
) -> DraftFromAbove:
    draft = _lock(draft)
    require(actor, LEGISLATION_MANAGE, unit=draft.org_unit)
    if draft.signed_on:
        raise Refused("反馈意见已签发，不能修改", code=r.Code.STAGE)
    clean = r.check_opinions(opinions)
    if not clean and not no_opinion:
        raise Refused("请逐条填写修改意见，或注明无修改意见", code=r.Code.OPINION_INCOMPLETE)
    draft.opinions, draft.no_opinion = clean, bool(no_opinion and not clean)
    draft.save()
    _record(actor, "draft.opinions", draft, count=len(clean))
    return draft


@transaction.atomic
def draft_sign(*, draft: DraftFromAbove, actor, on=None) -> DraftFromAbove:
    draft = _lock(draft)
    require(actor, LEGISLATION_SIGN, unit=draft.org_unit)
    if not (draft.opinions or draft.no_opinion) or draft.signed_on:
        raise Refused("尚无反馈意见或已签发", code=r.Code.STAGE)
    draft.signed_by, draft.signed_on = audit.person(actor), _today(on)
    draft.save()
    _record(actor, "draft.sign", draft)
    return draft


@transaction.atomic
def draft_send(*, draft: DraftFromAbove, channel: str, actor, on=None) -> DraftFromAbove:
    draft = _lock(draft)
    require(actor, LEGISLATION_MANAGE, unit=draft.org_unit)
    if not draft.signed_on or draft.sent_on:
        raise Refused("反馈意见须经签发后报送，且只报送一次", code=r.Code.STAGE)
    draft.channel, draft.sent_on = _need(channel, "反馈方式"), _today(on)
    draft.save()
    _record(actor, "draft.send", draft, late=draft.sent_on > draft.due_on)
    return draft


@transaction.atomic
def draft_adoption(*, draft: DraftFromAbove, adopted: str, actor) -> DraftFromAbove:
    draft = _lock(draft)
    require(actor, LEGISLATION_MANAGE, unit=draft.org_unit)
    if not draft.sent_on:
        raise Refused("意见尚未报送", code=r.Code.STAGE)
    draft.adopted = _need(adopted, "采纳情况")
    draft.save()
    _record(actor, "draft.adoption", draft)
    return draft
