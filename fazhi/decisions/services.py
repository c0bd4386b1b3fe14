"""Every state change of 决策事项目录, 重大行政决策, 法律顾问 opinions and 公平竞争审查.

Each service: transaction, ``require(...)`` first, rule checks (``Refused`` with the article of
the rule in force on the day of the facts), one audit event. ``on`` records a step taken on
another day (the demo, paper records entered later); it defaults to today.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import (
    DECISIONS_CATALOGUE,
    DECISIONS_COMPETITION,
    DECISIONS_COUNSEL_ANSWER,
    DECISIONS_COUNSEL_REGISTER,
    DECISIONS_COUNSEL_REQUEST,
    DECISIONS_DISCUSS,
    DECISIONS_LEGALITY_REVIEW,
    DECISIONS_RUN,
    require,
)
from fazhi.core.domain import entry_dates
from fazhi.core.domain.errors import Refused
from fazhi.core.selectors.calendar import work_calendar
from fazhi.core.selectors.deadlines import deadlines_for_subject
from fazhi.core.services import audit
from fazhi.core.services.deadlines import deadline_meet, deadline_open_fixed
from fazhi.decisions.domain import competition as comp
from fazhi.decisions.domain import counsel as cdom
from fazhi.decisions.domain import procedure as proc
from fazhi.decisions.domain.errors import Code
from fazhi.decisions.models import (
    Catalogue,
    CatalogueItem,
    CompetitionReview,
    ConflictDeclaration,
    Counsel,
    CounselOpinion,
    Decision,
    ExpertOpinion,
    LegalityReview,
    PublicComment,
    Speaker,
)
from fazhi.decisions.selectors import competition_for, gates_of
from fazhi.normdocs.domain.comments import (
    SpamPolicy,
)
from fazhi.normdocs.services.comments import comment_screen

# Deadlines on 我的期限 whose day the record fixes (core ``deadline_open_fixed``).
RULE_ARCHIVE = "decisions.archive"
RULE_EXCEPTION_TERM = "decisions.competition_exception_term"


# 过程记录: a step's typed date is a fact of the record, never after the day it is entered
# (issue 18.5; 津政办发〔2021〕42号 重大行政决策过程记录和材料归档办法).
RECORD_BASIS = "津政办发〔2021〕42号（重大行政决策过程记录和材料归档办法）"


def _today(on: date | None) -> date:
    """The day of a step: the typed ``on`` (refused when after today), else today."""
    today = timezone.localdate()
    if on is not None:
        entry_dates.check_not_future(on, today, "日期", basis=RECORD_BASIS)
    return on or today


def _option(name: str, default):
    return settings.FAZHI.get(name, default)


def _min_comment_days() -> int:
    return int(_option("DECISIONS_MIN_COMMENT_DAYS", 30))


def _min_review_days() -> int:
    return int(_option("DECISIONS_MIN_REVIEW_WORKING_DAYS", 7))


def _need(text: str, what: str, basis: str = "") -> str:
    if not (text or "").strip():
        raise Refused(f"请填写{what}", basis, code=Code.REASON_REQUIRED)
    return text.strip()


def _record(actor, action: str, target, **data) -> None:
    audit.record(actor=actor, action=f"decisions.{action}", target=target, data=data)


def _lock(obj):
    return type(obj).objects.select_for_update().get(pk=obj.pk)


# --- 决策事项目录 (第三条) -------------------------------------------------------------------------


@transaction.atomic
def catalogue_draft(*, org_unit, year: int, actor) -> Catalogue:
    require(actor, DECISIONS_CATALOGUE, unit=org_unit)
    if Catalogue.objects.filter(org_unit=org_unit, year=year).exists():
        raise Refused(f"{year}年度决策事项目录已存在", code=Code.CATALOGUE_STATE)
    catalogue = Catalogue.objects.create(
        org_unit=org_unit, year=year, recorded_by=audit.person(actor)
    )
    _record(actor, "catalogue.draft", catalogue, year=year)
    return catalogue


@transaction.atomic
def catalogue_add_item(
    *,
    catalogue: Catalogue,
    title: str,
    sponsor,
    basis: str = "",
    planned: str = "",
    reason: str = "",
    actor,
) -> CatalogueItem:
    """Add a matter; once the 目录 is published this is an adjustment and needs its reason."""
    catalogue = _lock(catalogue)
    require(actor, DECISIONS_CATALOGUE, unit=catalogue.org_unit)
    _need(title, "决策事项名称")
    if catalogue.status == Catalogue.Status.PUBLISHED:
        _need(
            reason,
            "目录调整（增加事项）的理由",
            proc.regime_on(date(catalogue.year, 12, 31)).cite("catalogue"),
        )
    item = CatalogueItem.objects.create(
        catalogue=catalogue,
        title=title.strip(),
        sponsor=sponsor,
        basis=basis,
        planned=planned,
        added_reason=reason.strip(),
        recorded_by=audit.person(actor),
    )
    _record(
        actor,
        "catalogue.add_item",
        item,
        catalogue=catalogue.pk,
        title=item.title,
        reason=item.added_reason,
    )
    return item


@transaction.atomic
def catalogue_publish(*, catalogue: Catalogue, party_agreed_on: date, actor, on=None) -> Catalogue:
    """Published after the 党组 agreed (第三条), with at least one matter."""
    catalogue = _lock(catalogue)
    require(actor, DECISIONS_CATALOGUE, unit=catalogue.org_unit)
    day = _today(on)
    basis = proc.regime_on(day).cite("catalogue")
    if catalogue.status != Catalogue.Status.DRAFT:
        raise Refused("目录已经公布", code=Code.CATALOGUE_STATE)
    if not catalogue.items.exists():
        raise Refused("目录中没有决策事项，不能公布", basis, code=Code.CATALOGUE_STATE)
    if party_agreed_on is None or party_agreed_on > day:
        raise Refused("决策事项目录须经党组同意后公布", basis, code=Code.CATALOGUE_STATE)
    catalogue.status = Catalogue.Status.PUBLISHED
    catalogue.party_agreed_on, catalogue.published_on = party_agreed_on, day
    catalogue.save()
    _record(actor, "catalogue.publish", catalogue, on=day.isoformat())
    return catalogue


@transaction.atomic
def catalogue_withdraw_item(*, item: CatalogueItem, reason: str, actor, on=None) -> CatalogueItem:
    item = _lock(item)
    require(actor, DECISIONS_CATALOGUE, unit=item.catalogue.org_unit)
    day = _today(on)
    item.withdrawn_reason = _need(reason, "调出目录的理由", proc.regime_on(day).cite("catalogue"))
    if item.withdrawn_on:
        raise Refused("该事项已调出目录", code=Code.CATALOGUE_STATE)
    item.withdrawn_on = day
    item.save()
    _record(actor, "catalogue.withdraw_item", item, reason=item.withdrawn_reason)
    return item


# --- decisions ---------------------------------------------------------------------------------


def _drafting(decision: Decision, actor, rule=DECISIONS_RUN) -> Decision:
    decision = _lock(decision)
    require(actor, rule, unit=decision.org_unit)
    if decision.stage != proc.Stage.DRAFTING:
        raise Refused("决策已提交集体讨论，不能再变更论证程序", code=Code.STAGE)
    return decision


@transaction.atomic
def decision_start(
    *,
    org_unit,
    title: str,
    item: CatalogueItem | None = None,
    affects_market: bool = False,
    actor,
    on=None,
) -> Decision:
    require(actor, DECISIONS_RUN, unit=org_unit)
    decision = Decision.objects.create(
        org_unit=org_unit,
        item=item,
        title=_need(title, "决策名称"),
        started_on=_today(on),
        affects_market=affects_market,
        recorded_by=audit.person(actor),
    )
    _record(actor, "decision.start", decision, title=decision.title)
    return decision


@transaction.atomic
def decision_open_comment(
    *, decision: Decision, opens: date, closes: date, short_reason: str = "", actor
) -> Decision:
    """Publish the draft for comment (第十五条: ≥30 days or a stated reason)."""
    decision = _drafting(decision, actor)
    proc.check_comment_period(opens, closes, short_reason, minimum=_min_comment_days())
    decision.comment_opens, decision.comment_closes = opens, closes
    decision.comment_short_reason = short_reason.strip()
    decision.save()
    _record(
        actor,
        "decision.open_comment",
        decision,
        opens=opens.isoformat(),
        closes=closes.isoformat(),
        short_reason=decision.comment_short_reason,
    )
    return decision


def _policy() -> SpamPolicy:
    return SpamPolicy(**_option("DECISIONS_COMMENT_SPAM", {}))


def comment_submit(
    *,
    decision: Decision,
    text: str,
    ip: str | None,
    author_name: str = "",
    contact: str = "",
    at: datetime | None = None,
) -> PublicComment:
    """A citizen's comment on a draft open for comment: within the period, length-checked,
    rate-limited per address (normdocs' spam policy); kept unpublished until moderated."""
    now = at or timezone.now()
    with transaction.atomic():
        decision = Decision.objects.get(pk=decision.pk)
        if decision.comment_opens is None:
            raise Refused("该决策草案未公开征求意见", code=Code.COMMENT_CLOSED)
        proc.check_comment_open(
            decision.comment_opens, decision.comment_closes, timezone.localdate(now)
        )
        cleaned, fingerprint, verdict = comment_screen(
            PublicComment, scope={"decision": decision}, text=text, ip=ip, now=now, policy=_policy()
        )
        if not verdict.accepted:
            raise Refused(verdict.reason, code="decisions_comment_throttled")
        comment = PublicComment.objects.create(
            decision=decision,
            text=cleaned,
            fingerprint=fingerprint,
            author_name=author_name.strip()[:50],
            contact=contact.strip()[:100],
            ip=ip,
            submitted_at=now,
            is_flagged=verdict.flagged,
            flag_reason=verdict.reason,
        )
        audit.record(
            actor=None,
            action="decisions.comment.submit",
            target=comment,
            data={"decision": decision.pk},
            actor_label="公众",
        )
    return comment


@transaction.atomic
def comment_moderate(*, comment: PublicComment, approve: bool, actor) -> PublicComment:
    comment = _lock(comment)
    require(actor, DECISIONS_RUN, unit=comment.decision.org_unit)
    comment.approved = bool(approve)
    comment.save(update_fields=["approved"])
    _record(actor, "comment.moderate", comment, approved=comment.approved)
    return comment


@transaction.atomic
def decision_adoption_report(*, decision: Decision, report: str, actor, on=None) -> Decision:
    """The report on how comments were taken up, after the period closed."""
    decision = _drafting(decision, actor)
    day = _today(on)
    if decision.comment_closes is None:
        raise Refused("尚未公开征求意见", proc.regime_on(day).cite("comment"), code=Code.GATE_OPEN)
    if day <= decision.comment_closes:
        raise Refused(
            "征求意见期尚未结束，不能形成采纳情况报告",
            proc.regime_on(day).cite("comment"),
            code=Code.COMMENT_OPEN,
        )
    decision.adoption_report = _need(report, "意见采纳情况")
    decision.save()
    _record(actor, "decision.adoption_report", decision)
    return decision


@transaction.atomic
def decision_add_expert(
    *,
    decision: Decision,
    expert: str,
    affiliation: str,
    declaration: str,
    direct_interest: bool,
    opinion: str,
    given_on: date,
    actor,
) -> ExpertOpinion:
    decision = _drafting(decision, actor)
    proc.check_expert(direct_interest, given_on)
    row = ExpertOpinion.objects.create(
        decision=decision,
        expert=_need(expert, "专家姓名"),
        affiliation=affiliation,
        declaration=_need(
            declaration, "专家利害关系声明", proc.regime_on(given_on).cite("experts")
        ),
        opinion=_need(opinion, "专家书面论证意见"),
        given_on=given_on,
        recorded_by=audit.person(actor),
    )
    _record(actor, "decision.add_expert", row, decision=decision.pk, expert=row.expert)
    return row


@transaction.atomic
def decision_waive(*, decision: Decision, gate: str, reason: str, actor, on=None) -> Decision:
    """专家论证 and 风险评估 apply to professional matters and stability risks: a decision
    without them records why. 公众参与 and 合法性审查 cannot be waived."""
    decision = _drafting(decision, actor)
    day = _today(on)
    if gate not in (proc.Gate.EXPERTS, proc.Gate.RISK):
        label = proc.GATE_LABELS.get(gate, ("该程序",))[0]
        raise Refused(
            f"{label}是法定程序，不能免除",
            proc.regime_on(day).cite("legality"),
            code=Code.GATE_OPEN,
        )
    text = _need(reason, "不适用该程序的理由")
    if gate == proc.Gate.EXPERTS:
        decision.experts_waived_reason = text
    else:
        decision.risk_waived_reason = text
    decision.save()
    _record(actor, "decision.waive", decision, gate=gate, reason=text)
    return decision


@transaction.atomic
def decision_risk(
    *, decision: Decision, report: str, assessor: str, controllable: bool, actor, on=None
) -> Decision:
    """第二十三条: the report with risk points, measures and a response plan; 第二十四条: an
    uncontrollable risk stops the decision."""
    decision = _drafting(decision, actor)
    day = _today(on)
    proc.check_risk(controllable, day)
    decision.risk_report = _need(report, "风险评估报告")
    decision.risk_assessor, decision.risk_controllable = assessor.strip(), True
    decision.save()
    _record(actor, "decision.risk", decision, assessor=decision.risk_assessor)
    return decision


@transaction.atomic
def decision_submit_review(*, decision: Decision, materials: str, actor, on=None) -> LegalityReview:
    """Send the package (draft, basis, procedure note) for 合法性审查 (第二十六条)."""
    decision = _drafting(decision, actor)
    day = _today(on)
    if decision.reviews.filter(reviewed_on__isnull=True).exists():
        raise Refused("已有尚未完成的合法性审查", code=Code.STAGE)
    earliest = proc.earliest_opinion_day(
        day, work_calendar().add_working_days, minimum=_min_review_days()
    )
    review = LegalityReview.objects.create(
        decision=decision,
        submitted_on=day,
        earliest_on=earliest,
        materials=_need(materials, "送审材料"),
        recorded_by=audit.person(actor),
    )
    _record(
        actor, "decision.submit_review", review, decision=decision.pk, earliest=earliest.isoformat()
    )
    return review


@transaction.atomic
def decision_review(
    *,
    review: LegalityReview,
    conclusion: str,
    opinion: str,
    counsel_opinion: CounselOpinion,
    actor,
    on=None,
) -> LegalityReview:
    """The 合法性审查意见: not before the 7th working day, with the counsel's signed opinion on
    this decision (第二十八条; 中办发〔2016〕30号)."""
    review = _lock(review)
    decision = review.decision
    require(actor, DECISIONS_LEGALITY_REVIEW, unit=decision.org_unit)
    day = _today(on)
    if review.reviewed_on:
        raise Refused("该合法性审查已出具意见", code=Code.STAGE)
    proc.check_review_time(review.submitted_on, day, review.earliest_on, _min_review_days())
    try:
        result = cdom.OpinionConclusion(conclusion)
    except ValueError:
        raise Refused("审查结论不在可选范围内", code=Code.INVALID) from None
    if counsel_opinion is not None:  # read afresh: the caller's copy may predate the sign-off
        counsel_opinion = CounselOpinion.objects.get(pk=counsel_opinion.pk)
    if (
        counsel_opinion is None
        or counsel_opinion.matter_type != cdom.MatterType.DECISION
        or counsel_opinion.matter_id != decision.pk
        or not counsel_opinion.signed_on
    ):
        raise Refused(
            "合法性审查须有法律顾问或公职律师就本决策出具并经首席法律顾问签发的法律意见",
            proc.regime_on(review.submitted_on).cite("counsel"),
            code=Code.COUNSEL_OPINION_MISSING,
        )
    review.reviewer, review.reviewed_on = audit.person(actor), day
    review.conclusion, review.opinion = result.value, _need(opinion, "审查意见")
    review.counsel_opinion = counsel_opinion
    review.save()
    _record(actor, "decision.review", review, decision=decision.pk, conclusion=result.value)
    return review


@transaction.atomic
def decision_discuss(
    *,
    decision: Decision,
    meeting: str,
    speakers: Iterable[Mapping],
    adopted: bool,
    outcome: str,
    departure_reason: str = "",
    actor,
    on=None,
) -> Decision:
    """集体讨论决定 (第三十条), only with every procedure closed; a decision touching market
    actors also needs its 公平竞争审查 conclusion among the materials (第二十九条)."""
    decision = _drafting(decision, actor, DECISIONS_DISCUSS)
    day = _today(on)
    proc.check_gates_closed(gates_of(decision, day), day)
    if decision.affects_market:
        review = competition_for(cdom.MatterType.DECISION, decision.pk)
        if review is None or not comp.may_publish(review.conclusion):
            raise Refused(
                "涉及市场主体经济活动的决策草案须附公平竞争审查结论",
                proc.regime_on(day).cite("materials"),
                code=Code.NO_COMPETITION_CONCLUSION,
            )
    people = [
        proc.Speaker(
            s["name"],
            int(s["order"]),
            proc.View(s["view"]),
            s.get("remarks", ""),
            bool(s.get("is_head")),
        )
        for s in speakers
    ]
    proc.check_discussion(people, bool(adopted), departure_reason, day)
    for s in people:
        Speaker.objects.create(
            decision=decision,
            name=s.name,
            order=s.order,
            view=s.view,
            remarks=s.remarks,
            is_head=s.is_head,
        )
    decision.meeting, decision.decided_on = _need(meeting, "会议名称"), day
    decision.adopted, decision.outcome = bool(adopted), _need(outcome, "决定内容")
    decision.departure_reason = departure_reason.strip()
    decision.stage = proc.Stage.DECIDED
    decision.save()
    deadline_open_fixed(
        subject=decision,
        rule_code=RULE_ARCHIVE,
        title="重大行政决策归档",
        start=day,
        due=proc.archive_due(day),
        actor=actor,
        org_unit=decision.org_unit,
        basis=proc.regime_on(day).cite("archive"),
    )
    _record(
        actor,
        "decision.discuss",
        decision,
        adopted=decision.adopted,
        dissent=[s.name for s in people if s.view != proc.View.AGREE],
    )
    return decision


@transaction.atomic
def decision_publish(
    *, decision: Decision, channel: str, opinions_explained: str, actor, on=None
) -> Decision:
    """第三十二条: publish, explaining how public and expert opinions were used."""
    decision = _lock(decision)
    require(actor, DECISIONS_RUN, unit=decision.org_unit)
    day = _today(on)
    if decision.stage != proc.Stage.DECIDED or not decision.adopted:
        raise Refused("只有经集体讨论决定通过的决策才能公布", code=Code.STAGE)
    if decision.affects_market:
        review = competition_for(cdom.MatterType.DECISION, decision.pk)
        if review is None or not comp.may_publish(review.conclusion):
            raise Refused(
                "未经公平竞争审查或审查不通过的政策措施不得出台",
                comp.basis_on(day, "第十八条"),
                code=Code.NO_COMPETITION_CONCLUSION,
            )
    decision.publication_channel = _need(channel, "公布渠道")
    decision.opinions_explained = _need(
        opinions_explained, "公众和专家意见采纳说明", proc.regime_on(day).cite("publication")
    )
    decision.published_on, decision.stage = day, proc.Stage.PUBLISHED
    decision.save()
    _record(actor, "decision.publish", decision, channel=decision.publication_channel)
    return decision


@transaction.atomic
def decision_report_execution(*, decision: Decision, notes: str, actor, on=None) -> Decision:
    decision = _lock(decision)
    require(actor, DECISIONS_RUN, unit=decision.org_unit)
    if decision.stage not in (proc.Stage.PUBLISHED, proc.Stage.EXECUTING):
        raise Refused("决策公布后才能报告执行情况", code=Code.STAGE)
    day = _today(on)
    entry = f"{day.isoformat()} {_need(notes, '执行情况')}"
    decision.execution_notes = "\n".join(filter(None, [decision.execution_notes, entry]))
    decision.stage = proc.Stage.EXECUTING
    decision.save()
    _record(actor, "decision.report_execution", decision)
    return decision


@transaction.atomic
def decision_evaluate(
    *, decision: Decision, trigger: str, evaluator: str, conclusion: str, actor, on=None
) -> Decision:
    """第三十六条: a post-decision evaluation, not by whoever made the risk assessment."""
    decision = _lock(decision)
    require(actor, DECISIONS_RUN, unit=decision.org_unit)
    day = _today(on)
    basis = proc.regime_on(day).cite("evaluation")
    if decision.stage not in (proc.Stage.EXECUTING, proc.Stage.PUBLISHED):
        raise Refused("决策执行后才能开展后评估", basis, code=Code.STAGE)
    if evaluator.strip() and evaluator.strip() == decision.risk_assessor:
        raise Refused("承担决策前风险评估的单位不得承担该决策的后评估", basis, code=Code.INVALID)
    decision.evaluation_trigger = _need(trigger, "后评估启动情形", basis)
    decision.evaluator, decision.evaluation = evaluator.strip(), _need(conclusion, "评估结论")
    decision.stage = proc.Stage.EVALUATED
    decision.save()
    _record(actor, "decision.evaluate", decision, evaluator=decision.evaluator)
    return decision


@transaction.atomic
def decision_archive(*, decision: Decision, late_reason: str = "", actor, on=None) -> Decision:
    """The file goes in within 30 days of the decision (第三十三条; 津政办发〔2021〕42号)."""
    decision = _lock(decision)
    require(actor, DECISIONS_RUN, unit=decision.org_unit)
    day = _today(on)
    if decision.decided_on is None or decision.archived_on:
        raise Refused("决策尚未作出或已归档", code=Code.STAGE)
    proc.check_archive(decision.decided_on, day, late_reason)
    decision.archived_on, decision.archive_late_reason = day, late_reason.strip()
    for deadline in deadlines_for_subject(subject=decision).filter(
        rule_code=RULE_ARCHIVE, met_on__isnull=True
    ):
        deadline_meet(deadline=deadline, met_on=day, actor=actor)
    if decision.stage == proc.Stage.DECIDED and not decision.adopted:
        decision.stage = proc.Stage.ARCHIVED
    decision.save()
    _record(actor, "decision.archive", decision, late=bool(decision.archive_late_reason))
    return decision


# --- 法律顾问 -------------------------------------------------------------------------------------


@transaction.atomic
def counsel_register(
    *,
    kind: str,
    name: str,
    firm: str = "",
    licence_no: str = "",
    contract_start=None,
    contract_end=None,
    contract_terms: str = "",
    is_chief: bool = False,
    user=None,
    actor,
) -> Counsel:
    require(actor, DECISIONS_COUNSEL_REGISTER)
    kind = cdom.CounselKind(kind)
    if kind == cdom.CounselKind.EXTERNAL:
        _need(firm, "律师事务所")
        if not contract_start or not contract_end or contract_end < contract_start:
            raise Refused(
                "外聘法律顾问须登记聘用合同的起止日期", cdom.BASIS_2016, code=Code.COUNSEL_CONTRACT
            )
    if is_chief and Counsel.objects.filter(is_chief=True).exists():
        raise Refused("已有首席法律顾问，请先变更原首席", code=Code.INVALID)
    counsel = Counsel.objects.create(
        kind=kind,
        name=_need(name, "姓名"),
        firm=firm,
        licence_no=licence_no,
        contract_start=contract_start,
        contract_end=contract_end,
        contract_terms=contract_terms,
        is_chief=is_chief,
        user=user,
        recorded_by=audit.person(actor),
    )
    _record(actor, "counsel.register", counsel, name=counsel.name, kind=kind.value)
    return counsel


@transaction.atomic
def counsel_declare_conflict(
    *, counsel: Counsel, matter_type: str, matter_id: int, description: str, actor, on=None
) -> ConflictDeclaration:
    """Recorded by the counsel themselves or by 法规处 from their written declaration."""
    if not (counsel.user_id and getattr(actor, "pk", None) == counsel.user_id):
        require(actor, DECISIONS_COUNSEL_REGISTER)
    row = ConflictDeclaration.objects.create(
        counsel=counsel,
        matter_type=cdom.MatterType(matter_type),
        matter_id=matter_id,
        description=_need(description, "利益冲突情况"),
        declared_on=_today(on),
        recorded_by=audit.person(actor),
    )
    _record(
        actor,
        "counsel.declare_conflict",
        row,
        counsel=counsel.pk,
        matter=f"{matter_type}:{matter_id}",
    )
    return row


def _conflicted(counsel: Counsel, matter_type: str, matter_id: int) -> bool:
    return counsel.conflicts.filter(matter_type=matter_type, matter_id=matter_id).exists()


@transaction.atomic
def counsel_request(
    *,
    matter_type: str,
    matter_id: int,
    matter_title: str,
    org_unit,
    counsel: Counsel,
    question: str,
    materials: str,
    due_on: date,
    actor,
    on=None,
) -> CounselOpinion:
    """Any module asks one counsel for a written opinion on one matter."""
    require(actor, DECISIONS_COUNSEL_REQUEST, unit=org_unit)
    day = _today(on)
    cdom.check_contract(counsel.kind, counsel.contract_start, counsel.contract_end, day)
    cdom.check_no_conflict(_conflicted(counsel, matter_type, matter_id))
    if due_on < day:
        raise Refused("答复期限不能早于委托日期", code=Code.INVALID)
    row = CounselOpinion.objects.create(
        matter_type=cdom.MatterType(matter_type),
        matter_id=matter_id,
        matter_title=_need(matter_title, "事项名称"),
        org_unit=org_unit,
        counsel=counsel,
        question=_need(question, "咨询事项"),
        materials=_need(materials, "提供的材料"),
        requested_on=day,
        due_on=due_on,
        recorded_by=audit.person(actor),
    )
    _record(actor, "counsel.request", row, counsel=counsel.pk, matter=f"{matter_type}:{matter_id}")
    return row


def _answerer(opinion: CounselOpinion, actor) -> None:
    if opinion.counsel.user_id and getattr(actor, "pk", None) == opinion.counsel.user_id:
        return
    require(actor, DECISIONS_COUNSEL_ANSWER, unit=opinion.org_unit)


@transaction.atomic
def counsel_answer(
    *,
    opinion: CounselOpinion,
    facts: str,
    legal_basis: str,
    conclusion: str,
    text: str,
    actor,
    on=None,
) -> CounselOpinion:
    """The written opinion: facts relied on, legal basis, conclusion. A counsel who declared a
    conflict on the matter is refused."""
    opinion = _lock(opinion)
    _answerer(opinion, actor)
    cdom.check_no_conflict(_conflicted(opinion.counsel, opinion.matter_type, opinion.matter_id))
    if opinion.given_on:
        raise Refused("该法律意见已出具", code=Code.OPINION_STATE)
    try:
        result = cdom.OpinionConclusion(conclusion)
    except ValueError:
        raise Refused("意见结论不在可选范围内", code=Code.INVALID) from None
    opinion.facts = _need(facts, "所依据的事实", cdom.BASIS_2016)
    opinion.legal_basis = _need(legal_basis, "法律依据", cdom.BASIS_2016)
    opinion.opinion, opinion.conclusion = _need(text, "意见内容"), result.value
    opinion.given_on = _today(on)
    opinion.save()
    _record(actor, "counsel.answer", opinion, conclusion=result.value)
    return opinion


@transaction.atomic
def counsel_sign_off(*, opinion: CounselOpinion, actor, on=None) -> CounselOpinion:
    """The 首席法律顾问 signs the opinion off (seed: every decision is reviewed by the 首席)."""
    opinion = _lock(opinion)
    chief = Counsel.objects.filter(is_chief=True).first()
    if chief is None or not chief.user_id or getattr(actor, "pk", None) != chief.user_id:
        require(actor, DECISIONS_COUNSEL_ANSWER, unit=opinion.org_unit)  # refuses outsiders first
        raise Refused("法律意见须由首席法律顾问本人签发", cdom.BASIS_2016, code=Code.NOT_CHIEF)
    if not opinion.given_on or opinion.signed_on:
        raise Refused("意见尚未出具或已签发", code=Code.OPINION_STATE)
    cdom.check_no_conflict(_conflicted(chief, opinion.matter_type, opinion.matter_id))
    opinion.signed_by, opinion.signed_on = chief, _today(on)
    opinion.save()
    _record(actor, "counsel.sign_off", opinion, chief=chief.pk)
    return opinion


@transaction.atomic
def counsel_adoption(
    *, opinion: CounselOpinion, adopted: bool, reason: str = "", actor
) -> CounselOpinion:
    opinion = _lock(opinion)
    require(actor, DECISIONS_COUNSEL_REQUEST, unit=opinion.org_unit)
    if not opinion.signed_on:
        raise Refused("意见尚未签发", code=Code.OPINION_STATE)
    opinion.adopted = bool(adopted)
    opinion.not_adopted_reason = "" if adopted else _need(reason, "未采纳的理由", cdom.BASIS_2016)
    opinion.save()
    _record(actor, "counsel.adoption", opinion, adopted=opinion.adopted)
    return opinion


# --- 公平竞争审查 ---------------------------------------------------------------------------------


@transaction.atomic
def competition_open(
    *,
    matter_type: str,
    matter_id: int,
    title: str,
    org_unit,
    affects_market: bool = True,
    affects_reason: str = "",
    actor,
) -> CompetitionReview:
    require(actor, DECISIONS_COMPETITION, unit=org_unit)
    if CompetitionReview.objects.filter(
        matter_type=matter_type, matter_id=matter_id, conclusion=""
    ).exists():
        raise Refused("该政策措施已有进行中的公平竞争审查", code=Code.STAGE)
    row = CompetitionReview.objects.create(
        matter_type=cdom.MatterType(matter_type),
        matter_id=matter_id,
        title=_need(title, "政策措施名称"),
        org_unit=org_unit,
        affects_market=affects_market,
        affects_reason=_need(affects_reason, "是否涉及经营者经济活动的判断理由"),
        recorded_by=audit.person(actor),
    )
    _record(actor, "competition.open", row, matter=f"{matter_type}:{matter_id}")
    return row


@transaction.atomic
def competition_consult(
    *, review: CompetitionReview, who: str, how: str, views: str, on: date, actor
) -> CompetitionReview:
    """第十六条: hear 经营者, 行业协会 (and the public where public interest is involved)."""
    review = _lock(review)
    require(actor, DECISIONS_COMPETITION, unit=review.org_unit)
    if review.conclusion:
        raise Refused("审查已作出结论", code=Code.STAGE)
    review.stakeholders = [
        *review.stakeholders,
        {
            "who": _need(who, "听取意见对象"),
            "how": _need(how, "听取方式"),
            "on": on.isoformat(),
            "views": _need(views, "意见内容"),
        },
    ]
    review.save()
    _record(actor, "competition.consult", review, who=who)
    return review


@transaction.atomic
def competition_conclude(
    *,
    review: CompetitionReview,
    answers: Mapping[str, Mapping],
    conclusion: str,
    explanation: str,
    ground: str = "",
    alternatives: str = "",
    term_end: date | None = None,
    actor,
    on=None,
) -> CompetitionReview:
    """The written conclusion (第十七条) after every standard is answered with a reason; an
    exception only with ground, alternatives and a term (第十二条)."""
    review = _lock(review)
    require(actor, DECISIONS_COMPETITION, unit=review.org_unit)
    day = _today(on)
    if review.conclusion:
        raise Refused("审查已作出结论", code=Code.STAGE)
    try:
        result = comp.Conclusion(conclusion)
    except ValueError:
        raise Refused("审查结论不在可选范围内", code=Code.INVALID) from None
    violated: list[str] = []
    if review.affects_market:
        violated = comp.check_checklist(answers, day)
        if not review.stakeholders:
            raise Refused(
                "应当听取有关经营者、行业协会等利害关系人的意见",
                comp.basis_on(day, "第十六条"),
                code=Code.CHECKLIST_INCOMPLETE,
            )
    elif result != comp.Conclusion.PASSES:
        raise Refused("不涉及经营者经济活动的措施，结论应为符合标准", code=Code.INVALID)
    comp.check_conclusion(
        result, violated, day=day, ground=ground, alternatives=alternatives, term_end=term_end
    )
    review.answers = {k: dict(v) for k, v in answers.items()} if review.affects_market else {}
    review.conclusion, review.explanation = result.value, _need(explanation, "结论说明")
    if result == comp.Conclusion.EXCEPTION:
        review.exception_ground, review.alternatives = ground, alternatives.strip()
        review.term_end = term_end
        review.reviewer, review.reviewed_on = audit.person(actor), day
        review.save()
        deadline_open_fixed(
            subject=review,
            rule_code=RULE_EXCEPTION_TERM,
            title="公平竞争审查例外规定实施期限届满",
            start=day,
            due=term_end,
            actor=actor,
            org_unit=review.org_unit,
            basis=comp.basis_on(day, "第十二条"),
        )
    review.reviewer, review.reviewed_on = audit.person(actor), day
    review.save()
    _record(actor, "competition.conclude", review, conclusion=result.value, violated=violated)
    return review
