"""Issue 18.5 for 重大行政决策: a step's typed date is logged beside the system's day and time of
entry and the person, flagged 疑似倒签 when typed before the previous step was entered; the 归档
clock is met on the system's date, not the typed one; a date after the day of entry is refused
and writes nothing; the decision's staff page and API detail show the log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from fazhi.accounts.services import api_token_create
from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent
from fazhi.core.selectors.deadlines import deadlines_for_subject
from fazhi.decisions import services as s
from fazhi.decisions.models import CounselOpinion, Decision, DecisionDateEntry
from fazhi.decisions.tests.conftest import SPEAKERS, answers_2016, close_gates, start
from fazhi.publicity.testing import on_day

pytestmark = pytest.mark.django_db

STARTED, LATER = date(2026, 3, 2), date(2026, 3, 9)


def _start(people, on):
    return s.decision_start(
        org_unit=people["units"]["zongdui"],
        title="工伤保险待遇调整方案",
        actor=people["clerk"],
        on=on,
    )


def _risk(people, decision, on):
    return s.decision_risk(
        decision=decision,
        report="风险点、防范措施和处置预案。",
        assessor="第三方评估机构",
        controllable=True,
        actor=people["clerk"],
        on=on,
    )


def test_a_step_typed_before_the_previous_was_entered_is_logged_and_flagged(people):
    with on_day(STARTED):
        decision = _start(people, STARTED)
    with on_day(LATER):  # the risk report typed 02-20, entered 03-09: before 启动 was entered
        _risk(people, decision, date(2026, 2, 20))
    first, risk = decision.date_entries.order_by("entered_at", "pk")
    assert (first.step, first.typed_on, first.entered_on, first.flagged) == (
        "start",
        STARTED,
        STARTED,
        False,
    )
    assert (risk.step, risk.typed_on, risk.entered_on) == ("risk", date(2026, 2, 20), LATER)
    assert risk.entered_by == people["clerk"] and risk.entered_at.date() == LATER
    assert (risk.previous_step, risk.previous_entered_on) == ("start", STARTED)
    assert (risk.backdated, risk.hides_lateness, risk.flagged) == (True, False, True)
    assert risk.notes == ["早于上一环节（启动决策）的录入日期2026-03-02，疑似倒签"]
    decision.refresh_from_db()
    assert decision.risk_report  # the typed date is the fact: the step itself is kept


def test_a_late_entry_within_the_order_of_steps_is_not_flagged_and_no_typed_date_no_log(people):
    with on_day(STARTED):
        decision = _start(people, STARTED)
    with on_day(LATER):  # done on 03-06 on paper, typed on 03-09: late, not suspicious
        _risk(people, decision, date(2026, 3, 6))
        s.decision_waive(
            decision=decision, gate="experts", reason="非专业性事项", actor=people["clerk"]
        )
    entries = list(decision.date_entries.order_by("entered_at", "pk"))
    assert [(e.step, e.flagged) for e in entries] == [("start", False), ("risk", False)]


def test_the_archive_clock_is_met_on_the_system_date_not_the_typed_one(people, counsel):
    decision = start(people)
    close_gates(people, counsel, decision)
    decision = s.decision_discuss(
        decision=decision,
        meeting="局长办公会议",
        speakers=SPEAKERS,
        adopted=True,
        outcome="通过",
        actor=people["head"],
        on=date(2019, 10, 20),
    )
    clock = deadlines_for_subject(subject=decision).get()
    assert (clock.start, clock.due) == (date(2019, 10, 20), date(2019, 11, 19))
    # archived on paper on 2019-11-01 (within 30 days), entered today: late by the record
    s.decision_archive(decision=decision, actor=people["clerk"], on=date(2019, 11, 1))
    today = timezone.localdate()
    clock.refresh_from_db()
    assert (clock.met_on, clock.status) == (today, "missed")
    decision.refresh_from_db()
    assert decision.archived_on == date(2019, 11, 1)  # the fact, kept as typed
    entry = decision.date_entries.get(step="archive")
    assert (entry.typed_on, entry.entered_on, entry.due) == (date(2019, 11, 1), today, clock.due)
    assert entry.hides_lateness and entry.flagged
    assert "按录入日期计为超期" in " ".join(entry.notes)


def test_a_future_date_is_refused_and_writes_nothing(people):
    decision = start(people)
    tomorrow = timezone.localdate() + timedelta(days=1)
    before = (DecisionDateEntry.objects.count(), AuditEvent.objects.count())
    with pytest.raises(Refused, match="不能晚于录入当日"):
        _risk(people, decision, tomorrow)
    with pytest.raises(Refused, match="不能晚于录入当日"):
        _start(people, tomorrow)
    assert (DecisionDateEntry.objects.count(), AuditEvent.objects.count()) == before
    assert Decision.objects.count() == 1
    decision.refresh_from_db()
    assert decision.risk_report == "" and decision.risk_controllable is None


def test_the_staff_page_and_the_api_show_the_log(client, people):
    with on_day(STARTED):
        decision = _start(people, STARTED)
    with on_day(LATER):
        _risk(people, decision, date(2026, 2, 20))
        client.force_login(people["clerk"])
        page = client.get(f"/staff/decisions/{decision.pk}/").content.decode()
        _, secret = api_token_create(user=people["clerk"], name="t", actor=people["clerk"])
        body = (
            Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
            .get(f"/api/v1/decisions/{decision.pk}")
            .json()
        )
    assert "日期录入记录" in page and "启动决策" in page and "风险评估" in page
    assert "疑似倒签" in page and "（补录）" in page
    assert body["date_flagged"] is True
    assert [(e["step"], e["label"], e["backdated"]) for e in body["date_entries"]] == [
        ("start", "启动决策", False),
        ("risk", "风险评估", True),
    ]
    assert body["date_entries"][1]["typed_on"] == "2026-02-20"
    assert body["date_entries"][1]["entered_on"] == "2026-03-09"


def test_counsel_competition_and_expert_dates_join_the_decisions_log(people, counsel):
    decision = start(people, affects_market=True)
    close_gates(people, counsel, decision)
    review = s.competition_open(
        matter_type="decision",
        matter_id=decision.pk,
        title=decision.title,
        org_unit=decision.org_unit,
        affects_reason="涉及用人单位缴费",
        actor=people["clerk"],
    )
    s.competition_consult(
        review=review,
        who="市企业联合会",
        how="座谈会",
        views="无异议",
        on=date(2019, 10, 10),
        actor=people["clerk"],
    )
    s.competition_conclude(
        review=review,
        answers=answers_2016(),
        conclusion="passes",
        explanation="不违反审查标准",
        actor=people["clerk"],
        on=date(2019, 10, 12),
    )
    logged = dict(decision.date_entries.values_list("step", "typed_on"))
    assert {k: logged[k] for k in STEPS} == {
        "expert": date(2019, 10, 8),
        "counsel_request": date(2019, 10, 8),
        "counsel_answer": date(2019, 10, 14),
        "counsel_sign_off": date(2019, 10, 15),
        "competition_consult": date(2019, 10, 10),
        "competition_conclude": date(2019, 10, 12),
    }
    entry = decision.date_entries.get(step="counsel_answer")
    assert entry.entered_by == people["lawyer_user"] and entry.entered_on == timezone.localdate()


STEPS = (
    "expert",
    "counsel_request",
    "counsel_answer",
    "counsel_sign_off",
    "competition_consult",
    "competition_conclude",
)


def test_a_future_expert_or_counsel_date_is_refused_and_writes_nothing(people, counsel):
    decision = start(people)
    tomorrow = timezone.localdate() + timedelta(days=1)
    before = (DecisionDateEntry.objects.count(), AuditEvent.objects.count())
    with pytest.raises(Refused, match="不能晚于录入当日"):
        s.decision_add_expert(
            decision=decision,
            expert="李教授",
            affiliation="南开大学",
            declaration="与本事项无利害关系",
            direct_interest=False,
            opinion="方案可行。",
            given_on=tomorrow,
            actor=people["clerk"],
        )
    with pytest.raises(Refused, match="不能晚于录入当日"):
        s.counsel_request(
            matter_type="decision",
            matter_id=decision.pk,
            matter_title=decision.title,
            org_unit=decision.org_unit,
            counsel=counsel["lawyer"],
            question="是否合法",
            materials="草案",
            due_on=tomorrow,
            actor=people["clerk"],
            on=tomorrow,
        )
    assert (DecisionDateEntry.objects.count(), AuditEvent.objects.count()) == before
    assert not decision.experts.exists() and not CounselOpinion.objects.exists()
