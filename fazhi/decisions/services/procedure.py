"""重大行政决策: the five procedures as gates, then 公布, 执行, 后评估 and 归档."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import (
    DECISIONS_DISCUSS,
    DECISIONS_LEGALITY_REVIEW,
    DECISIONS_RUN,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.selectors.calendar import work_calendar
from fazhi.core.selectors.deadlines import deadlines_for_subject
from fazhi.core.services import audit
from fazhi.core.services.deadlines import deadline_open_fixed
from fazhi.decisions.domain import competition as comp
from fazhi.decisions.domain import counsel as cdom
from fazhi.decisions.domain import procedure as proc
from fazhi.decisions.domain.errors import Code
from fazhi.decisions.models import (
    CatalogueItem,
    CounselOpinion,
    Decision,
    ExpertOpinion,
    LegalityReview,
    Speaker,
)
from fazhi.decisions.selectors import competition_for, gates_of
from fazhi.decisions.services._common import (
    RULE_ARCHIVE,
    drafting,
    enter_date,
    lock,
    min_comment_days,
    min_review_days,
    need,
    record,
    today,
)

# --- decisions ---------------------------------------------------------------------------------


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
        title=need(title, "决策名称"),
        started_on=today(on),
        affects_market=affects_market,
        recorded_by=audit.person(actor),
    )
    enter_date(decision, "start", on, actor)
    record(actor, "decision.start", decision, title=decision.title)
    return decision


@transaction.atomic
def decision_open_comment(
    *,
    decision: Decision,
    opens: date,
    closes: date,
    short_reason: str = "",
    draft: str = "",
    actor,
) -> Decision:
    """Publish the draft (its text and explanation, shown on the portal) for comment
    (第十五条: ≥30 days or a stated reason)."""
    decision = drafting(decision, actor)
    proc.check_comment_period(opens, closes, short_reason, minimum=min_comment_days())
    decision.comment_opens, decision.comment_closes = opens, closes
    decision.comment_short_reason = short_reason.strip()
    decision.comment_draft = draft.strip()
    decision.save()
    record(
        actor,
        "decision.open_comment",
        decision,
        opens=opens.isoformat(),
        closes=closes.isoformat(),
        short_reason=decision.comment_short_reason,
    )
    return decision


@transaction.atomic
def decision_adoption_report(*, decision: Decision, report: str, actor, on=None) -> Decision:
    """The report on how comments were taken up, after the period closed."""
    decision = drafting(decision, actor)
    day = today(on)
    if decision.comment_closes is None:
        raise Refused("尚未公开征求意见", proc.regime_on(day).cite("comment"), code=Code.GATE_OPEN)
    if day <= decision.comment_closes:
        raise Refused(
            "征求意见期尚未结束，不能形成采纳情况报告",
            proc.regime_on(day).cite("comment"),
            code=Code.COMMENT_OPEN,
        )
    waiting = decision.comments.filter(approved__isnull=True).count()
    if waiting:  # the report answers every comment received (第十五条)
        raise Refused(
            f"尚有{waiting}条公众意见未审核，请先逐条审核并说明采纳情况",
            proc.regime_on(day).cite("comment"),
            code=Code.COMMENT_UNMODERATED,
        )
    decision.adoption_report = need(report, "意见采纳情况")
    decision.save()
    enter_date(decision, "adoption_report", on, actor)
    record(actor, "decision.adoption_report", decision)
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
    decision = drafting(decision, actor)
    today(given_on)  # refuses a day after today before anything is written
    proc.check_expert(direct_interest, given_on)
    row = ExpertOpinion.objects.create(
        decision=decision,
        expert=need(expert, "专家姓名"),
        affiliation=affiliation,
        declaration=need(declaration, "专家利害关系声明", proc.regime_on(given_on).cite("experts")),
        opinion=need(opinion, "专家书面论证意见"),
        given_on=given_on,
        recorded_by=audit.person(actor),
    )
    enter_date(decision, "expert", given_on, actor)
    record(actor, "decision.add_expert", row, decision=decision.pk, expert=row.expert)
    return row


@transaction.atomic
def decision_waive(*, decision: Decision, gate: str, reason: str, actor, on=None) -> Decision:
    """专家论证 and 风险评估 apply to professional matters and stability risks: a decision
    without them records why. 公众参与 and 合法性审查 cannot be waived."""
    decision = drafting(decision, actor)
    day = today(on)
    if gate not in (proc.Gate.EXPERTS, proc.Gate.RISK):
        label = proc.GATE_LABELS.get(gate, ("该程序",))[0]
        raise Refused(
            f"{label}是法定程序，不能免除",
            proc.regime_on(day).cite("legality"),
            code=Code.GATE_OPEN,
        )
    text = need(reason, "不适用该程序的理由")
    if gate == proc.Gate.EXPERTS:
        decision.experts_waived_reason = text
    else:
        decision.risk_waived_reason = text
    decision.save()
    enter_date(decision, "waive", on, actor)
    record(actor, "decision.waive", decision, gate=gate, reason=text)
    return decision


@transaction.atomic
def decision_risk(
    *, decision: Decision, report: str, assessor: str, controllable: bool, actor, on=None
) -> Decision:
    """第二十三条: the report with risk points, measures and a response plan; 第二十四条: an
    uncontrollable risk stops the decision."""
    decision = drafting(decision, actor)
    day = today(on)
    proc.check_risk(controllable, day)
    decision.risk_report = need(report, "风险评估报告")
    decision.risk_assessor, decision.risk_controllable = assessor.strip(), True
    decision.save()
    enter_date(decision, "risk", on, actor)
    record(actor, "decision.risk", decision, assessor=decision.risk_assessor)
    return decision


@transaction.atomic
def decision_submit_review(*, decision: Decision, materials: str, actor, on=None) -> LegalityReview:
    """Send the package (draft, basis, procedure note) for 合法性审查 (第二十六条)."""
    decision = drafting(decision, actor)
    day = today(on)
    if decision.reviews.filter(reviewed_on__isnull=True).exists():
        raise Refused("已有尚未完成的合法性审查", code=Code.STAGE)
    earliest = proc.earliest_opinion_day(
        day, work_calendar().add_working_days, minimum=min_review_days()
    )
    review = LegalityReview.objects.create(
        decision=decision,
        submitted_on=day,
        earliest_on=earliest,
        materials=need(materials, "送审材料"),
        recorded_by=audit.person(actor),
    )
    enter_date(decision, "submit_review", on, actor)
    record(
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
    review = lock(review)
    decision = review.decision
    require(actor, DECISIONS_LEGALITY_REVIEW, unit=decision.org_unit)
    day = today(on)
    if review.reviewed_on:
        raise Refused("该合法性审查已出具意见", code=Code.STAGE)
    proc.check_review_time(review.submitted_on, day, review.earliest_on, min_review_days())
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
    review.conclusion, review.opinion = result.value, need(opinion, "审查意见")
    review.counsel_opinion = counsel_opinion
    review.save()
    enter_date(decision, "review", on, actor)
    record(actor, "decision.review", review, decision=decision.pk, conclusion=result.value)
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
    decision = drafting(decision, actor, DECISIONS_DISCUSS)
    day = today(on)
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
    decision.meeting, decision.decided_on = need(meeting, "会议名称"), day
    decision.adopted, decision.outcome = bool(adopted), need(outcome, "决定内容")
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
    enter_date(decision, "discuss", on, actor)
    record(
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
    decision = lock(decision)
    require(actor, DECISIONS_RUN, unit=decision.org_unit)
    day = today(on)
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
    decision.publication_channel = need(channel, "公布渠道")
    decision.opinions_explained = need(
        opinions_explained, "公众和专家意见采纳说明", proc.regime_on(day).cite("publication")
    )
    decision.published_on, decision.stage = day, proc.Stage.PUBLISHED
    decision.save()
    enter_date(decision, "publish", on, actor)
    record(actor, "decision.publish", decision, channel=decision.publication_channel)
    return decision


@transaction.atomic
def decision_report_execution(*, decision: Decision, notes: str, actor, on=None) -> Decision:
    decision = lock(decision)
    require(actor, DECISIONS_RUN, unit=decision.org_unit)
    if decision.stage not in (proc.Stage.PUBLISHED, proc.Stage.EXECUTING):
        raise Refused("决策公布后才能报告执行情况", code=Code.STAGE)
    day = today(on)
    entry = f"{day.isoformat()} {need(notes, '执行情况')}"
    decision.execution_notes = "\n".join(filter(None, [decision.execution_notes, entry]))
    decision.stage = proc.Stage.EXECUTING
    decision.save()
    enter_date(decision, "execution", on, actor)
    record(actor, "decision.report_execution", decision)
    return decision


@transaction.atomic
def decision_evaluate(
    *, decision: Decision, trigger: str, evaluator: str, conclusion: str, actor, on=None
) -> Decision:
    """第三十六条: a post-decision evaluation, not by whoever made the risk assessment."""
    decision = lock(decision)
    require(actor, DECISIONS_RUN, unit=decision.org_unit)
    day = today(on)
    basis = proc.regime_on(day).cite("evaluation")
    if decision.stage not in (proc.Stage.EXECUTING, proc.Stage.PUBLISHED):
        raise Refused("决策执行后才能开展后评估", basis, code=Code.STAGE)
    if evaluator.strip() and evaluator.strip() == decision.risk_assessor:
        raise Refused("承担决策前风险评估的单位不得承担该决策的后评估", basis, code=Code.INVALID)
    decision.evaluation_trigger = need(trigger, "后评估启动情形", basis)
    decision.evaluator, decision.evaluation = evaluator.strip(), need(conclusion, "评估结论")
    decision.stage = proc.Stage.EVALUATED
    decision.save()
    enter_date(decision, "evaluate", on, actor)
    record(actor, "decision.evaluate", decision, evaluator=decision.evaluator)
    return decision


@transaction.atomic
def decision_archive(*, decision: Decision, late_reason: str = "", actor, on=None) -> Decision:
    """The file goes in within 30 days of the decision (第三十三条; 津政办发〔2021〕42号)."""
    decision = lock(decision)
    require(actor, DECISIONS_RUN, unit=decision.org_unit)
    day = today(on)
    if decision.decided_on is None or decision.archived_on:
        raise Refused("决策尚未作出或已归档", code=Code.STAGE)
    proc.check_archive(decision.decided_on, day, late_reason)
    decision.archived_on, decision.archive_late_reason = day, late_reason.strip()
    # 归档 within 30 days is the bureau's own clock: met on the system's date (issue 18.5).
    clock = deadlines_for_subject(subject=decision).filter(
        rule_code=RULE_ARCHIVE, met_on__isnull=True
    )
    enter_date(decision, "archive", on, actor, meets=clock.first())
    if decision.stage == proc.Stage.DECIDED and not decision.adopted:
        decision.stage = proc.Stage.ARCHIVED
    decision.save()
    record(actor, "decision.archive", decision, late=bool(decision.archive_late_reason))
    return decision
