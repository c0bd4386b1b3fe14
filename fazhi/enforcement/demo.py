"""Demo enforcement cases for `fazhi demo`: a year (2019) of labour-inspection cases in every
state, after the rules helper's benchmarks and arrears (``demo_rules.load`` runs first).

About sixty cases across five inspection units, every source, the power items of the list,
officers from the register (``usable_officers`` on the filing date, the demo users zhifa1,
zhifa2 and hp_zhifa first), small generated evidence files (one 查封扣押 with a WAV recording,
one with an MP4 clip), 法制审核 by shenhe (some 存在问题 first), one hearing, decisions with
their numbers, service, payment (one late, with 加处罚款), one application to the court, closed
and archived cases. Every step goes through the services, so every rule is checked and audited.

Every decision registers its publicity record (``fazhi.enforcement.publicity``). The 2019
penalties left the public pages in 2022 (publicity ends 36 months after the decision), so a few
*recent* cases (``RECENT``), decided in the months before the demo's "today", go through the same
services: without them a demo looked at today would publish no penalty at all.

Idempotent: each case has a fixed reference (``<unit>-2019-D<nn>``, recent ones ``<unit>-R<nn>``)
and is created in one savepoint; a second run skips the references that exist.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from stdnum.cn import ric

from fazhi.core.domain import citations as cit
from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.errors import Refused
from fazhi.enforcement import demo_rules
from fazhi.enforcement.demo_rules import demo_uscc
from fazhi.enforcement.domain import execution as execution_rules
from fazhi.enforcement.domain.discretion import departure_needs_reason
from fazhi.enforcement.domain.review import POINT_CODES
from fazhi.enforcement.models import Case
from fazhi.enforcement.services import cases as _intake
from fazhi.enforcement.services import cases_acts as _acts
from fazhi.enforcement.services import cases_decision as _decision
from fazhi.enforcement.services import cases_execution as _execution
from fazhi.enforcement.services.cases_common import review_triggers
from fazhi.enforcement.services.discretion import discretion_propose
from fazhi.officers.selectors import usable_officers
from fazhi.powers.models import PowerItem


class _EnteredOnTheDay:
    """A service module whose steps run with the clock on the day they were done: the demo's
    staff enter every step the day it happens, so its clocks are met (or missed) by that day
    and no typed date is flagged (``CaseDateEntry``). The day is the step's typed fact —
    ``received_on`` at registration, the notice day of a 公告送达, else ``on``."""

    def __init__(self, module):
        self._module = module

    def __getattr__(self, name):
        service = getattr(self._module, name)

        def entered(**kwargs):
            day = kwargs.get("notice_on") or kwargs.get("on") or kwargs.get("received_on")
            if day is None:
                return service(**kwargs)
            import time_machine  # the demo's clock, as in publicity.demo
            from django.utils import timezone

            noon = timezone.make_aware(datetime.combine(day, time(12)))
            with time_machine.travel(noon, tick=False):
                return service(**kwargs)

        return entered


intake = _EnteredOnTheDay(_intake)
acts = _EnteredOnTheDay(_acts)
decision = _EnteredOnTheDay(_decision)
execution = _EnteredOnTheDay(_execution)

YEAR = 2019
START = date(YEAR, 1, 7)
UNITS = ("inspection_1", "inspection_2", "heping_team", "hexi_team", "binhai_team")
UNIT_USERS = {"inspection_1": "zhifa1", "inspection_2": "zhifa2", "heping_team": "hp_zhifa"}
SOURCES = ("complaint", "report", "random", "patrol", "referral")
# (power item, violation code, cause); the violation code selects the 裁量基准 item.
VIOLATIONS = (
    ("CF-JC-26", "lsi-26", "拖欠劳动者工资"),
    ("CF-JC-25", "lsi-25", "违法延长劳动者工作时间"),
    ("CF-HT-84", "lcl-84", "收取劳动者押金"),
    ("CF-JC-30", "lsi-30", "阻挠劳动保障监察"),
    ("CF-SB-84", "sil-84", "未办理社会保险登记"),
    ("CF-SB-86", "sil-86", "未按时足额缴纳社会保险费"),
    ("CF-TG-06", "child-6", "使用童工"),
)
EARLY_ONLY = (
    ("CF-NMG-54", "", "未编制工资支付台账"),  # 保障农民工工资支付条例: in force 2020-05-01
    ("JC-LD-01", "", "劳动保障监察检查"),
)
# target state → how many cases end there (deepest first, so they start early in the year)
PLAN = (
    ("archived", 16),
    ("closed", 6),
    ("paid", 2),
    ("court", 1),
    ("served", 4),
    ("decided", 3),
    ("proposed", 1),
    ("reviewed", 2),
    ("returned", 2),
    ("review", 3),
    ("hearing", 1),
    ("notified", 4),
    ("filed", 7),
    ("withdrawn", 3),
    ("accepted", 1),
    ("rejected", 2),
    ("received", 2),
)
DEPTH = {
    "received": 0,
    "accepted": 1,
    "rejected": 1,
    "filed": 2,
    "withdrawn": 3,
    "notified": 3,
    "hearing": 4,
    "review": 4,
    "returned": 5,
    "reviewed": 5,
    "proposed": 6,
    "decided": 6,
    "served": 7,
    "court": 8,
    "paid": 8,
    "closed": 9,
    "archived": 10,
}
PARTIES = (
    "天津某建筑工程有限公司",
    "天津某餐饮管理有限公司",
    "天津某物流有限公司",
    "天津某电子厂",
    "天津某保洁服务有限公司",
    "天津某服装加工厂",
    "天津某物业管理有限公司",
    "天津某商贸有限公司",
    "天津某机械制造有限公司",
    "天津某酒店管理有限公司",
    "天津某印务有限公司",
    "天津某家具厂",
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(13)
WAV = b"RIFF" + (36).to_bytes(4, "little") + b"WAVEfmt " + (16).to_bytes(4, "little")
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x00\x08free"


def no_penalty_reason(on: date) -> str:
    """Why no penalty, under the 行政处罚法 in force on ``on`` (首违不罚 only from 2021-07-15)."""
    basis = cit.cite_penalty("no_penalty", on)
    if cit.has_article(cit.PENALTY, "first_offence", on):
        return f"初次违法、危害后果轻微并及时改正，依法不予处罚（{basis}）"
    return f"违法行为轻微并及时纠正，没有造成危害后果，依法不予行政处罚（{basis}）"


OK_POINTS = dict.fromkeys(POINT_CODES, (True, ""))
PARTY_USCC_BASE = 100  # demo_uscc indices of PARTIES, apart from the arrears employers'
# Recent cases: (unit, power item, violation code, cause, party, fine, decided N days before
# "today", no penalty). Natural persons, except the last: a case records no 法定代表人, which an
# organisation's 双公示 record needs, so that one stays in the publicity queue, held back by the
# pre-flight check. No benchmark covers these powers: the fine is set within the statutory range
# (就业促进法 第六十四条 一万至五万元; 社会保险法 第八十八条 骗取金额二至五倍).
RECENT = (
    ("heping_team", "CF-RLSC-42", "", "未经许可擅自从事职业中介活动", "刘建华", "10000", 75, False),
    (
        "inspection_1",
        "CF-SB-88",
        "",
        "以伪造证明材料骗取社会保险待遇",
        "陈立新",
        "16000",
        60,
        False,
    ),
    ("inspection_2", "CF-RLSC-42", "", "未经许可擅自从事职业中介活动", "杨海燕", "0", 45, True),
    ("hexi_team", "CF-RLSC-42", "", "未经许可擅自从事职业中介活动", "赵晓东", "20000", 30, False),
    (
        "inspection_1",
        "CF-SB-88",
        "",
        "以伪造证明材料骗取社会保险待遇",
        "周丽华",
        "12000",
        20,
        False,
    ),
    ("binhai_team", "CF-SB-88", "", "以伪造证明材料骗取社会保险待遇", "黄春雷", "9000", 2, False),
    (
        "inspection_2",
        "CF-JC-26",
        "lsi-26",
        "拖欠劳动者工资",
        "天津某装饰工程有限公司",
        "",
        15,
        False,
    ),
)
# Receipt to decision, in days: within the 60 working days of the investigation clock, which
# opens at 立案 and must end in a year whose holidays are declared (next year's are published
# in November or December, so a case decided in late autumn must have been filed early).
RECENT_SPAN = 80


@dataclass
class Spec:
    index: int
    target: str
    unit: str
    source: str
    power: str
    violation: str
    cause: str
    party: str
    facts: dict = field(default_factory=dict)
    problems_first: bool = False
    late_payment: bool = False
    seizure: bytes = b""
    extend: bool = False
    serious: bool = False
    hearing: bool = False
    no_penalty: bool = False
    received_on: date | None = None  # recent cases: set from "today"
    party_kind: str = "org"
    party_code: str = ""
    fine: Decimal | None = None  # set where no benchmark proposes one
    decide_day: int = 50  # days after receipt (65 after a hearing)

    @property
    def recent(self) -> bool:
        return self.received_on is not None

    @property
    def received(self) -> date:
        return self.received_on or START + timedelta(days=5 * self.index)

    def day(self, offset: int) -> date:
        return self.received + timedelta(days=offset)


def _facts(violation: str, n: int) -> dict:
    return {
        "lsi-26": {
            "amount": str(30000 + 7000 * (n % 9)),
            "months": 1 + n % 5,
            "workers": 5 + n % 20,
        },
        "lsi-25": {"workers": 3 + n % 15},
        "lcl-84": {"workers": 2 + n % 6},
        "lsi-30": {},
        "sil-84": {"amount": str(20000 + 3000 * (n % 7))},
        "sil-86": {"amount": str(10000 + 4000 * (n % 8))},
        "child-6": {"workers": 1, "months": 1 + n % 2},
    }.get(violation, {})


def specs() -> list[Spec]:
    out: list[Spec] = []
    for target, count in PLAN:
        for _ in range(count):
            n = len(out)
            deep = DEPTH[target] >= 3
            power, violation, cause = (VIOLATIONS if deep or n % 3 else EARLY_ONLY)[
                n % (len(VIOLATIONS) if deep or n % 3 else len(EARLY_ONLY))
            ]
            out.append(
                Spec(
                    index=n,
                    target=target,
                    unit=UNITS[n % len(UNITS)],
                    source=SOURCES[n % len(SOURCES)],
                    power=power,
                    violation=violation,
                    cause=cause,
                    party=PARTIES[n % len(PARTIES)],
                    facts=_facts(violation, n),
                    party_code=demo_uscc(PARTY_USCC_BASE + n % len(PARTIES)),
                )
            )
    by_target: dict[str, list[Spec]] = {}
    for s in out:
        by_target.setdefault(s.target, []).append(s)
    archived = by_target["archived"]
    archived[0].hearing = True  # one hearing, through to the archive
    archived[1].problems_first = archived[2].problems_first = True
    archived[3].late_payment = True
    archived[4].seizure = WAV
    archived[5].no_penalty = True
    archived[5].facts = {
        **archived[5].facts,
        "first_offence": True,
        "corrected": True,
        "harm": "none",
    }
    # hearings need a 较大数额罚款: 未办理社会保险登记 (社会保险法 第八十四条, 1–3 倍), not wage
    # arrears, whose 加付赔偿金 is no penalty and carries no hearing right
    hearing_case = ("CF-SB-84", "sil-84", "未办理社会保险登记")
    by_target["hearing"][0].facts = {"amount": "30000", "months": 6, "workers": 30}
    by_target["hearing"][0].power, by_target["hearing"][0].violation = hearing_case[:2]
    by_target["hearing"][0].cause = hearing_case[2]
    by_target["filed"][0].seizure = MP4
    by_target["filed"][1].extend = True
    for s in by_target["returned"]:
        s.problems_first = True
    for s in out:
        s.serious = s.violation == "child-6"
        if s.target in ("accepted", "rejected", "received"):
            s.source = "report" if s.index % 2 else "complaint"
        if s.hearing:
            s.power, s.violation, s.cause = hearing_case
            s.facts = {"amount": "40000", "months": 3, "workers": 40}
    return out


def demo_ric(index: int) -> str:
    """A valid 居民身份证号码 (和平区, born in the 1980s) for recent party ``index``."""
    stem = f"120101198{index % 10}{1 + index % 12:02d}{10 + index:02d}{201 + 2 * index:03d}"
    return stem + ric.calc_check_digit(stem + "?")  # stdnum drops the last character


def recent_specs(today: date) -> list[Spec]:
    """The recent cases, each decided ``ago`` days before ``today``."""
    out = []
    for n, (unit, power, violation, cause, party, fine, ago, no_penalty) in enumerate(RECENT):
        person = not party.endswith("公司")
        out.append(
            Spec(
                index=n,
                target="served",
                unit=unit,
                source=SOURCES[n % len(SOURCES)],
                power=power,
                violation=violation,
                cause=cause,
                party=party,
                no_penalty=no_penalty,
                facts=_facts(violation, n),
                received_on=today - timedelta(days=ago + RECENT_SPAN),
                decide_day=RECENT_SPAN,
                party_kind="person" if person else "org",
                party_code=demo_ric(n) if person else demo_uscc(PARTY_USCC_BASE + len(PARTIES) + n),
                fine=Decimal(fine) if fine else None,
            )
        )
    return out


def _reference(ctx, spec: Spec) -> str:
    if spec.recent:
        return f"{ctx.units[spec.unit].code}-R{spec.index + 1:02d}"
    return f"{ctx.units[spec.unit].code}-{YEAR}-D{spec.index + 1:02d}"


def _officers(ctx, spec: Spec):
    unit = ctx.units[spec.unit]
    # recent cases: cards are renewed only up to "today"
    horizon = min(spec.day(100), ctx.today) if spec.recent else spec.day(100)
    later = set(usable_officers(on=horizon, org_unit=unit).values_list("pk", flat=True))
    candidates = [o for o in usable_officers(on=spec.day(3), org_unit=unit) if o.pk in later]
    preferred = ctx.users.get(UNIT_USERS.get(spec.unit, ""))
    candidates.sort(key=lambda o: (preferred is None or o.user_id != preferred.pk, o.pk))
    return candidates[:2]


def _actor(ctx, spec: Spec):
    return ctx.users.get(UNIT_USERS.get(spec.unit, "")) or ctx.actor


def _fine(case: Case, spec: Spec) -> tuple[Decimal, str]:
    """The amount to notify: the benchmark's suggestion (or its minimum), or the spec's own."""
    if spec.fine is not None:
        return spec.fine, ""
    if not case.violation_code:
        return Decimal(0), ""
    from fazhi.enforcement.services.cases_decision import facts_of

    proposal = discretion_propose(
        violation_code=case.violation_code, facts=facts_of(case), on=spec.day(25)
    )
    if spec.no_penalty:
        reason = "" if proposal.no_penalty_allowed else no_penalty_reason(spec.day(25))
        return Decimal(0), reason
    amount = proposal.suggested if proposal.suggested is not None else proposal.min_amount
    reason = "" if not departure_needs_reason(proposal, amount) else "按裁量基准最低额处罚"
    return Decimal(amount), reason


LEGAL_REP_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"


def _run(ctx, spec: Spec) -> Case:
    leader, reviewer = ctx.users["leader"], ctx.users["shenhe"]
    actor, reached = _actor(ctx, spec), DEPTH[spec.target]
    item = PowerItem.objects.get(code=spec.power)
    case = intake.case_register(
        power_item=item,
        org_unit=ctx.units[spec.unit],
        source=spec.source,
        received_on=spec.received,
        cause=spec.cause,
        party_name=spec.party,
        party_kind=spec.party_kind,
        party_code=spec.party_code,
        party_address=f"天津市和平区某某路{spec.index + 1}号"
        if spec.party_kind == "person"
        else "",
        party_legal_rep=f"{LEGAL_REP_SURNAMES[spec.index % len(LEGAL_REP_SURNAMES)]}某"
        if spec.party_kind == "org"
        else "",
        complainant="张某" if spec.source in ("complaint", "report") else "",
        violation_code=spec.violation,
        reference=_reference(ctx, spec),
        actor=actor,
    )
    if reached == 0:
        return case
    complaint = spec.source in ("complaint", "report")
    if spec.target == "rejected":
        return intake.case_reject(
            case=case,
            on=spec.day(2),
            actor=actor,
            reason="投诉事项属于劳动争议，已告知投诉人申请劳动争议仲裁",
        )
    if complaint:
        case = intake.case_accept(case=case, on=spec.day(2), actor=actor)
    if spec.target == "accepted":
        return case
    officers = _officers(ctx, spec)
    case = intake.case_file(
        case=case, on=spec.day(3), approver=leader, officers=officers, actor=actor
    )
    if spec.serious:
        Case.objects.filter(pk=case.pk).update(is_serious=True)
    tag = spec.index.to_bytes(2, "big")
    acts.case_record_act(
        case=case,
        kind="inspection",
        on=spec.day(6),
        officers=officers,
        summary=f"现场检查{spec.party}，调取考勤、工资台账",
        place=spec.party,
        uploads=[(io.BytesIO(PNG + tag), "现场照片.png")],
        actor=actor,
    )
    if spec.seizure:
        # 劳动保障监察 may not 查封、扣押 (条例 第十五条; 17.12): it takes the originals as
        # evidence, on record
        name = "调取台账过程录音.wav" if spec.seizure is WAV else "调取台账过程录像.mp4"
        acts.case_record_act(
            case=case,
            kind="evidence",
            on=spec.day(7),
            officers=officers,
            summary="调取工资台账原件并复制留存，全程录音录像",
            actor=actor,
            uploads=[(io.BytesIO(spec.seizure + tag), name)],
        )
    if spec.extend:
        intake.case_extend(
            case=case,
            approver=leader,
            on=spec.day(60),
            actor=actor,
            reason="涉及劳动者人数众多、工资台账不全，案情复杂",
        )
    if spec.target == "filed":
        return case
    acts.case_record_act(
        case=case,
        kind="interview",
        on=spec.day(8),
        officers=officers,
        summary=f"询问{spec.party}负责人，对{spec.cause}的事实予以承认",
        actor=actor,
    )
    wages = spec.violation == "lsi-26"  # 责令限期支付 first (劳动保障监察条例 第二十六条)
    order = acts.case_order_correction(
        case=case,
        on=spec.day(8),
        due_on=spec.day(18),
        items=f"限期支付拖欠的劳动者工资（{spec.cause}）"
        if wages
        else f"立即改正{spec.cause}的违法行为",
        officers=officers,
        actor=actor,
        pay=wages,
    )
    complied = spec.target == "withdrawn" or spec.no_penalty
    acts.case_order_followup(
        order=order,
        on=spec.day(18 if complied else 19),
        complied=complied,
        summary=("已按期支付" if complied else "逾期未支付")
        if wages
        else ("已按期改正" if complied else "逾期未改正"),
        officers=officers,
        actor=actor,
    )
    if spec.target == "withdrawn":
        return intake.case_withdraw(
            case=case, on=spec.day(20), actor=actor, reason="违法行为轻微并已在限期内改正"
        )
    case.refresh_from_db()
    case.facts = spec.facts
    fine, reason = _fine(case, spec)
    outcome = "no_penalty" if spec.no_penalty else "penalty"
    case = decision.case_notify(
        case=case,
        on=spec.day(25),
        outcome=outcome,
        fine=fine,
        facts=spec.facts,
        actor=actor,
        text=f"经调查，{spec.party}存在{spec.cause}的违法行为，事实清楚，证据确凿。",
    )
    if spec.target == "notified":
        return case
    decide_on = spec.day(spec.decide_day)
    if spec.hearing or spec.target == "hearing":
        decision.case_hearing_request(case=case, on=spec.day(27), actor=actor)
        if spec.target == "hearing":
            return case
        Case.objects.filter(pk=case.pk).update(is_major_rights=True)
        decision.case_hearing_notice(
            case=case,
            presiding=reviewer,
            notice_on=spec.day(28),
            hearing_on=spec.day(50),
            place="本局听证室",
            actor=actor,
        )
        decision.case_hearing_record(
            case=case,
            held_on=spec.day(50),
            actor=actor,
            summary="听证笔录：当事人陈述已部分支付，请求从轻处罚；调查人员出示证据。",
        )
        decision.case_hearing_close(case=case, on=spec.day(50), actor=actor)
        decide_on = spec.day(65)
    case.refresh_from_db()
    needs_review = bool(review_triggers(case)) or spec.target in ("review", "returned", "reviewed")
    if needs_review:
        start = decide_on - timedelta(days=10)
        decision.case_review_submit(case=case, on=start, actor=actor)
        if spec.target == "review":
            return case
        if spec.problems_first:
            decision.case_review(
                case=case,
                on=start + timedelta(days=1),
                opinion="problems",
                points={**OK_POINTS, "documents": (False, "告知书未载明陈述申辩期限")},
                comments="请补正告知书后重新提交",
                actor=reviewer,
            )
            if spec.target == "returned":
                return case
            decision.case_review_submit(case=case, on=start + timedelta(days=3), actor=actor)
        decision.case_review(
            case=case,
            on=start + timedelta(days=4),
            points=OK_POINTS,
            opinion="agree",
            comments="",
            actor=reviewer,
        )
        if spec.target == "reviewed":
            return case
    case.refresh_from_db()
    # The officer proposes; the 负责人 reviews and decides (行政处罚法 2017 第三十八条 / 2021
    # 第五十七条), after 集体讨论 for serious cases (第二款).
    case = decision.case_propose(
        case=case,
        on=decide_on - timedelta(days=3),
        outcome=outcome,
        fine=fine,
        text=case.proposed_text,
        departure_reason=reason,
        actor=actor,
    )
    if spec.target == "proposed":
        return case
    if case.is_serious:
        decision.case_discuss(
            case=case,
            on=decide_on - timedelta(days=2),
            actor=leader,
            attendees="局长、分管副局长、法规处处长、监察总队队长",
            conclusion="同意按拟处理意见作出决定",
        )
    case = decision.case_decide(case=case, on=decide_on, actor=leader)
    if spec.target == "decided":
        return case
    case = execution.case_serve(
        case=case,
        on=decide_on + timedelta(days=1),
        method="direct",
        recipient=f"{spec.party}法定代表人",
        actor=actor,
    )
    if spec.target == "served":
        return case
    if spec.target == "court":
        # 行政强制法 第五十三条: after the 复议 (60 days) and 诉讼 (6 months) periods, within 3
        # months; 第五十四条: ten days after the 催告书.
        window = execution_rules.court_window(served_on=case.served_on)
        execution.case_remind(case=case, on=window.first_day - timedelta(days=8), actor=actor)
        return execution.case_apply_court(
            case=case, on=window.first_day + timedelta(days=3), actor=actor
        )
    if case.amount_due:
        paid_on = (
            case.payment_due + timedelta(days=5)
            if spec.late_payment
            else decide_on + timedelta(days=9)
        )
        case = execution.case_pay(case=case, on=paid_on, actor=actor)
    if spec.target == "paid":
        return case
    done = (case.paid_on or case.served_on) + timedelta(days=3)
    case = execution.case_close(case=case, on=done, note="处罚决定已履行完毕", actor=actor)
    if spec.target == "closed":
        return case
    return execution.case_archive(case=case, on=done + timedelta(days=5), actor=actor)


def _decision_day(spec: Spec) -> date:
    return spec.day(65 if spec.hearing else spec.decide_day)


def load(ctx) -> None:
    demo_rules.load(ctx)
    references = [_reference(ctx, spec) for spec in (*specs(), *recent_specs(ctx.today))]
    existing = set(
        Case.objects.filter(reference__in=references).values_list("reference", flat=True)
    )
    # in order of decision date: decision numbers follow the dates (GB/T 9704 7.2.4)
    ordered = sorted((*specs(), *recent_specs(ctx.today)), key=_decision_day)
    for spec in ordered:
        if _reference(ctx, spec) in existing:
            continue
        if not PowerItem.objects.filter(code=spec.power, is_active=True).exists():
            ctx.notes.append(f"执法案件演示：缺少权责事项 {spec.power}，跳过")
            continue
        try:
            with transaction.atomic():
                _run(ctx, spec)
        except (Refused, CalendarDataMissing) as exc:
            ctx.notes.append(f"执法案件演示 {_reference(ctx, spec)} 未能完成：{exc}")
            continue
        ctx.created["enforcement_cases"] += 1
