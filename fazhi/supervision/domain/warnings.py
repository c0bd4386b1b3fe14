"""预警: the twelve warning rules of the supervision platform (domain-rules-2 §22), pure.

Each rule cites its article and reads its thresholds from configuration
(``settings.FAZHI["SUPERVISION_RULES"]``, merged over :data:`DEFAULTS` by
:func:`parse_thresholds`, which refuses a value that does not parse). :func:`evaluate` takes the
facts of one case (:class:`CaseFacts`, built by ``supervision.selectors``) and returns the
findings; the scan turns each finding into one open warning per case and rule.

Levels: ``yellow`` — the limit is within ``yellow_days`` days; ``red`` — the limit has passed or
the file breaks the rule. Rule 6 reads the 先行登记保存 register (``supervision.Preservation``),
rule 10 the push queue's acceptance log, and rule 12 (:func:`year_counts_findings`) compares the
统计年报 with what the city platform accepted; it is a warning on the year, not on a case.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from fazhi.core.domain.calendar import WorkCalendar
from fazhi.core.domain.errors import Refused
from fazhi.supervision.domain.errors import Code
from fazhi.supervision.domain.statistics import due_date

PENALTY = "《中华人民共和国行政处罚法》"
INSPECTION = "《劳动保障监察条例》"
COERCION = "《中华人民共和国行政强制法》"

YELLOW = "yellow"
RED = "red"
LEVEL_LABELS = {YELLOW: "黄色预警", RED: "红色预警"}


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    basis: str
    advice: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule(
            "decision_late",
            "未在法定期限内作出处理决定",
            f"{PENALTY}第六十条；{INSPECTION}第十七条",
            "尽快作出决定；确需延长的，办理延长期限审批并记入案卷。",
        ),
        Rule(
            "review_missing",
            "属法制审核情形但未经法制审核",
            f"{PENALTY}第五十八条；津人社办发〔2018〕289号",
            "提交法制审核，审核同意后再作出决定；已作出的，报法规处研究纠正。",
        ),
        Rule(
            "officers_short",
            "执法人员不足两人或未持有效执法证",
            f"{PENALTY}第四十二条；{INSPECTION}第十六条",
            "由两名以上持有效执法证的人员重新实施，或补正执法人员信息。",
        ),
        Rule(
            "fine_out_of_range",
            "罚款超出裁量基准幅度且无裁量说明",
            f"{PENALTY}第三十四条",
            "补充偏离裁量基准的理由，或按裁量基准重新确定罚款数额。",
        ),
        Rule(
            "hearing_missing",
            "较大数额罚款未告知听证权利",
            f"{PENALTY}第六十三条、第六十四条",
            "补充告知当事人听证权利，待期限届满后再作决定。",
        ),
        Rule(
            "preservation_late",
            "先行登记保存后七个工作日内未作处理决定",
            f"{PENALTY}第五十六条",
            "在七个工作日内对登记保存的证据作出处理决定。",
        ),
        Rule(
            "service_late",
            "处罚决定书未在七日内送达",
            f"{PENALTY}第六十一条",
            "立即送达决定书并记录送达回证。",
        ),
        Rule(
            "publicity_late",
            "未按时公示或撤回",
            "国办发〔2018〕118号；" + f"{PENALTY}第四十八条",
            "在公示系统中公示决定；决定被撤销或确认违法的，三个工作日内撤回。",
        ),
        Rule(
            "discussion_missing",
            "重大复杂案件未经集体讨论",
            f"{PENALTY}第五十七条",
            "提请负责人集体讨论并将讨论记录归入案卷。",
        ),
        Rule(
            "push_late",
            "未按时推送市执法监督平台",
            "《天津市行政执法监督平台管理办法》（市政府令第21号）",
            "将案件信息推送至市行政执法监督平台。",
        ),
        Rule(
            "collection_missing",
            "罚款逾期未缴且未催告或未申请法院强制执行",
            f"{COERCION}第五十三条、第五十四条",
            "送达催告书；催告期满仍不履行的，在法定期限内申请人民法院强制执行。",
        ),
        Rule(
            "year_counts_differ",
            "平台数据与统计年报数据不一致",
            "国办发〔2018〕118号（六）",
            "核对平台案件与统计年报的口径，更正后重新报送。",
        ),
    )
}

#: rules that nothing evaluates yet, and why (shown on the warning page, said in the report).
#: Every rule is evaluated now; kept so the page and ``fazhi supervision rules`` can still say so.
NOT_EVALUATED: dict[str, str] = {}

#: thresholds per rule. Numbers the reference marks UNVERIFIED are configuration, not law.
DEFAULTS: dict[str, dict[str, Any]] = {
    "decision_late": {
        "general_days": 90,  # 行政处罚法（2021）第六十条
        "labor_working_days": 60,  # 劳动保障监察条例 第十七条
        "labor_extension_working_days": 30,
        "yellow_days": 10,  # yellow at T−10 (a local practice, domain-rules-2 §22)
    },
    "review_missing": {"fine_threshold": Decimal("10000")},  # 289号 amount: UNVERIFIED
    "officers_short": {"min_officers": 2},
    "fine_out_of_range": {},
    "hearing_missing": {"fine_threshold": Decimal("10000")},  # Tianjin 较大数额: UNVERIFIED
    "preservation_late": {"working_days": 7},
    "service_late": {"days": 7},
    "publicity_late": {"withdrawal_working_days": 3},
    "discussion_missing": {},
    "push_late": {
        "days": 7,  # Tianjin deadline: UNVERIFIED (令第21号 text not seen), configure
        # events before this day are not checked: the feed rules of 令第21号 (in force
        # 2021-03-01) did not govern them, and their deadline under 令第17号 is UNVERIFIED
        "from_date": date(2021, 3, 1),
    },
    "collection_missing": {
        "remind_days": 30,  # days after the payment deadline to send the 催告书 (our practice)
        "litigation_months": 6,  # 行政诉讼法 第四十六条: the party may sue within six months
        "court_months": 3,  # 行政强制法 第五十三条: apply within three months after that
        "yellow_days": 10,
    },
    "year_counts_differ": {
        "from_year": 2021,  # the first year the platform (令第21号) holds the whole year
    },
}


def _parse(rule: str, key: str, value: Any, default: Any) -> Any:
    what = f"预警规则“{RULES[rule].title}”的参数 {key}"
    if isinstance(default, date):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise Refused(
                f"{what}须为日期（YYYY-MM-DD），收到“{value}”", code=Code.BAD_THRESHOLD
            ) from None
    if isinstance(default, Decimal):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or number < 0:
            raise Refused(f"{what}须为不小于零的金额，收到“{value}”", code=Code.BAD_THRESHOLD)
        return number
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise Refused(f"{what}须为正整数，收到“{value}”", code=Code.BAD_THRESHOLD)
    try:
        whole = int(str(value).strip())
    except ValueError:
        whole = 0
    if whole < 1:
        raise Refused(f"{what}须为正整数，收到“{value}”", code=Code.BAD_THRESHOLD)
    return whole


def parse_thresholds(raw: Mapping[str, Mapping[str, Any]] | None) -> dict[str, dict[str, Any]]:
    """The thresholds in force: ``raw`` (configuration) over :data:`DEFAULTS`, each value checked.

    >>> parse_thresholds({"service_late": {"days": "10"}})["service_late"]
    {'days': 10}
    >>> parse_thresholds({"service_late": {"days": "七"}})
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 预警规则“处罚决定书未在七日内送达”的参数 days须为正整数，收到“七”
    >>> parse_thresholds({"no_such_rule": {}})
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 没有名为“no_such_rule”的预警规则
    """
    merged = {code: dict(values) for code, values in DEFAULTS.items()}
    for rule, values in (raw or {}).items():
        if rule not in RULES:
            raise Refused(f"没有名为“{rule}”的预警规则", code=Code.UNKNOWN_RULE)
        if not isinstance(values, Mapping):
            raise Refused(f"预警规则“{RULES[rule].title}”的参数须为键值表", code=Code.BAD_THRESHOLD)
        for key, value in values.items():
            if key not in DEFAULTS[rule]:
                raise Refused(
                    f"预警规则“{RULES[rule].title}”没有参数 {key}", code=Code.BAD_THRESHOLD
                )
            merged[rule][key] = _parse(rule, key, value, DEFAULTS[rule][key])
    return merged


@dataclass(frozen=True)
class ActFacts:
    label: str  # 询问笔录, 现场检查笔录 …
    on: date
    certified_officers: int  # officers on the act holding a card valid that day


@dataclass(frozen=True)
class CaseFacts:
    """What the rules read of one enforcement case (built from the records by the selector)."""

    procedure: str  # "general" | "labor_inspection"
    filed_on: date | None = None
    decided_on: date | None = None
    finished: bool = False  # withdrawn / rejected: no decision is due
    extended: bool = False  # 延长调查期限 approved (监察条例 第十七条)
    fine: Decimal | None = None
    proposal_min: Decimal | None = None
    proposal_max: Decimal | None = None
    departure_reason: str = ""
    review_required: bool = False  # a 法制审核 case of the catalogue (or a submitted review)
    review_agreed: bool = False
    decision_officers: int = 0  # case officers with a valid card on the decision day
    acts: tuple[ActFacts, ...] = ()
    hearing_told: bool = False  # 事先告知 named a hearing right
    # enforcement's own answers when known (its catalogue and hearing thresholds); None → the
    # thresholds of this module decide
    review_by_catalogue: bool | None = None
    hearing_right: bool | None = None
    serious: bool = False  # 情节复杂或重大违法
    discussed: bool = False  # a 集体讨论记录 in the file
    served_on: date | None = None
    payment_due: date | None = None
    paid_on: date | None = None
    reminded_on: date | None = None
    court_applied_on: date | None = None
    publicity_due: date | None = None
    published_on: date | None = None
    changed_on: date | None = None  # decision revoked / found unlawful
    withdrawn_on: date | None = None
    preservations: tuple[tuple[date, date | None], ...] = field(default_factory=tuple)
    # rule 10: (what, the day it happened, the day the platform accepted it or None)
    pushes: tuple[tuple[str, date, date | None], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Finding:
    rule: str
    level: str
    message: str

    @property
    def advice(self) -> str:
        return RULES[self.rule].advice


def _level(today: date, limit: date, yellow_days: int) -> str | None:
    if today > limit:
        return RED
    if today >= limit - timedelta(days=yellow_days):
        return YELLOW
    return None


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def decision_limit(facts: CaseFacts, t: Mapping[str, Any], cal: WorkCalendar) -> date | None:
    """The day the decision is due (行政处罚法 第六十条: 90 days; 监察条例 第十七条: 60 working
    days, 30 more when extended).

    >>> cal = WorkCalendar(known_years={2019})
    >>> t = DEFAULTS["decision_late"]
    >>> decision_limit(CaseFacts("general", filed_on=date(2019, 3, 1)), t, cal)
    datetime.date(2019, 5, 30)
    """
    if facts.filed_on is None:
        return None
    if facts.procedure == "labor_inspection":
        days = t["labor_working_days"] + (
            t["labor_extension_working_days"] if facts.extended else 0
        )
        return cal.add_working_days(facts.filed_on, days)
    return facts.filed_on + timedelta(days=t["general_days"])


def evaluate(
    facts: CaseFacts, *, today: date, thresholds: Mapping[str, Mapping[str, Any]], cal: WorkCalendar
) -> list[Finding]:
    """Every rule the case breaks today (an empty list: nothing to warn about).

    >>> cal = WorkCalendar(known_years={2019})
    >>> t = parse_thresholds({})
    >>> f = CaseFacts("general", filed_on=date(2019, 1, 2), decided_on=date(2019, 3, 1),
    ...               fine=Decimal("20000"), decision_officers=2, served_on=date(2019, 3, 12))
    >>> [(x.rule, x.level) for x in evaluate(f, today=date(2019, 4, 1), thresholds=t, cal=cal)]
    [('review_missing', 'red'), ('hearing_missing', 'red'), ('service_late', 'red')]
    """
    out: list[Finding] = []
    add = out.append
    t = thresholds

    # 1. decision in time
    limit = decision_limit(facts, t["decision_late"], cal)
    if limit is not None and not facts.finished:
        if facts.decided_on is None:
            level = _level(today, limit, t["decision_late"]["yellow_days"])
            if level:
                add(Finding("decision_late", level, f"决定期限为{limit:%Y-%m-%d}，尚未作出决定"))
        elif facts.decided_on > limit:
            add(
                Finding(
                    "decision_late",
                    RED,
                    f"决定期限为{limit:%Y-%m-%d}，{facts.decided_on:%Y-%m-%d}才作出决定",
                )
            )

    decided = facts.decided_on is not None
    fine = facts.fine or Decimal(0)

    # 2. 法制审核
    by_catalogue = facts.review_by_catalogue
    if by_catalogue is None:
        by_catalogue = fine >= t["review_missing"]["fine_threshold"]
    review_needed = facts.review_required or by_catalogue
    if decided and review_needed and not facts.review_agreed:
        add(Finding("review_missing", RED, "属于法制审核目录清单情形，案卷中没有审核同意的记录"))

    # 3. two certified officers
    need = t["officers_short"]["min_officers"]
    short = [a for a in facts.acts if a.certified_officers < need]
    if decided and facts.decision_officers < need:
        add(
            Finding(
                "officers_short",
                RED,
                f"作出决定时持有效执法证的承办人员只有{facts.decision_officers}人",
            )
        )
    elif short:
        first = short[0]
        add(
            Finding(
                "officers_short",
                RED,
                f"{first.on:%Y-%m-%d}{first.label}的持证执法人员只有{first.certified_officers}人"
                + (f"（另有{len(short) - 1}份记录）" if len(short) > 1 else ""),
            )
        )

    # 4. fine in the benchmark's range, or a reason
    # (no fine — 不予处罚 or a measure without a fine — is not a fine outside the range)
    if decided and facts.fine and facts.proposal_min is not None:
        outside = facts.fine < facts.proposal_min or (
            facts.proposal_max is not None and facts.fine > facts.proposal_max
        )
        if outside and not facts.departure_reason.strip():
            add(
                Finding(
                    "fine_out_of_range",
                    RED,
                    f"罚款{facts.fine}元不在裁量基准幅度{facts.proposal_min}–"
                    f"{facts.proposal_max}元内，且无裁量说明",
                )
            )

    # 5. hearing right for a large fine
    right = facts.hearing_right
    if right is None:
        right = bool(fine) and fine >= t["hearing_missing"]["fine_threshold"]
    if decided and right and not facts.hearing_told:
        add(Finding("hearing_missing", RED, f"罚款{fine}元，事先告知中未告知听证权利"))

    # 6. 先行登记保存 → decision within 7 working days
    for saved_on, handled_on in facts.preservations:
        due = cal.add_working_days(saved_on, t["preservation_late"]["working_days"])
        if (handled_on is None and today > due) or (handled_on is not None and handled_on > due):
            add(
                Finding(
                    "preservation_late",
                    RED,
                    f"{saved_on:%Y-%m-%d}登记保存，应在{due:%Y-%m-%d}前处理",
                )
            )
            break

    # 7. service within 7 days
    if facts.decided_on is not None:  # decided
        due = facts.decided_on + timedelta(days=t["service_late"]["days"])
        served = facts.served_on
        if (served is None and today > due) or (served is not None and served > due):
            when = f"{served:%Y-%m-%d}送达" if served else "尚未送达"
            add(Finding("service_late", RED, f"决定书应在{due:%Y-%m-%d}前送达，{when}"))

    # 8. publicity and withdrawal
    if facts.publicity_due is not None:
        pub = facts.published_on
        if (pub is None and today > facts.publicity_due) or (pub and pub > facts.publicity_due):
            when = f"{pub:%Y-%m-%d}公示" if pub else "尚未公示"
            add(Finding("publicity_late", RED, f"应在{facts.publicity_due:%Y-%m-%d}前公示，{when}"))
    if facts.changed_on is not None and facts.published_on is not None:
        due = cal.add_working_days(facts.changed_on, t["publicity_late"]["withdrawal_working_days"])
        w = facts.withdrawn_on
        if (w is None and today > due) or (w is not None and w > due):
            when = f"{w:%Y-%m-%d}撤回" if w else "尚未撤回"
            add(
                Finding(
                    "publicity_late",
                    RED,
                    f"决定被撤销或确认违法，应在{due:%Y-%m-%d}前撤回公示，{when}",
                )
            )

    # 9. 集体讨论
    if decided and facts.serious and not facts.discussed:
        add(Finding("discussion_missing", RED, "案件情节复杂或属重大违法，案卷中没有集体讨论记录"))

    # 10. sent to the city platform in time (天津市行政执法监督平台管理办法 令第21号; the days
    # are UNVERIFIED configuration); an event the platform accepted late stays a red finding,
    # like a late service
    p = t["push_late"]
    late = []
    for what, happened_on, accepted_on in facts.pushes:
        if happened_on < p["from_date"]:
            continue
        due = happened_on + timedelta(days=p["days"])
        if (accepted_on is None and today > due) or (accepted_on is not None and accepted_on > due):
            when = f"{accepted_on:%Y-%m-%d}平台接收" if accepted_on else "平台尚未接收"
            late.append(f"{what}（{happened_on:%Y-%m-%d}）应在{due:%Y-%m-%d}前推送，{when}")
    if late:
        add(Finding("push_late", RED, "；".join(late)))

    # 11. unpaid fine: 催告, then the court within the window
    c = t["collection_missing"]
    if (
        facts.fine
        and facts.payment_due
        and facts.paid_on is None
        and facts.court_applied_on is None
    ):
        remind_by = facts.payment_due + timedelta(days=c["remind_days"])
        window_end = _add_months(facts.payment_due, c["litigation_months"] + c["court_months"])
        if facts.reminded_on is None and today > remind_by:
            add(
                Finding(
                    "collection_missing",
                    RED if today > window_end else YELLOW,
                    f"缴款期限{facts.payment_due:%Y-%m-%d}已过，未送达催告书；"
                    f"申请强制执行的期限至{window_end:%Y-%m-%d}",
                )
            )
        elif facts.reminded_on is not None:
            level = _level(today, window_end, c["yellow_days"])
            if level:
                add(
                    Finding(
                        "collection_missing",
                        level,
                        f"已催告，申请法院强制执行的期限至{window_end:%Y-%m-%d}，尚未申请",
                    )
                )
    return out


def year_counts_findings(
    year: int,
    *,
    yearbook: Mapping[str, Decimal | int],
    platform: Mapping[str, Decimal | int],
    today: date,
    thresholds: Mapping[str, Mapping[str, Any]],
) -> list[Finding]:
    """Rule 12: at year end, the 统计年报's figures against what the city platform accepted
    (国办发〔2018〕118号（六）: the 年报 is due by 31 January and must agree with the platform data).
    ``yearbook`` and ``platform`` map a figure's label to its value. The check starts once the
    year is over: yellow until the 年报 is due, red after.

    >>> t = parse_thresholds({})
    >>> yb = {"处罚决定（件）": 37, "罚没金额（万元）": Decimal("69.2200")}
    >>> year_counts_findings(2021, yearbook=yb, platform=yb, today=date(2022, 1, 3), thresholds=t)
    []
    >>> pf = {"处罚决定（件）": 35, "罚没金额（万元）": Decimal("69.2200")}
    >>> [(f.level, f.message) for f in year_counts_findings(
    ...     2021, yearbook=yb, platform=pf, today=date(2022, 2, 1), thresholds=t)]
    [('red', '2021年统计年报与平台数据不一致：处罚决定（件）年报37、平台35')]
    >>> year_counts_findings(2021, yearbook=yb, platform=pf, today=date(2021, 12, 31), thresholds=t)
    []
    >>> year_counts_findings(2019, yearbook=yb, platform=pf, today=date(2020, 2, 1), thresholds=t)
    []
    """
    if year < thresholds["year_counts_differ"]["from_year"] or today <= date(year, 12, 31):
        return []
    differ = [
        f"{label}年报{value}、平台{platform.get(label, 0)}"
        for label, value in yearbook.items()
        if value != platform.get(label, 0)
    ]
    if not differ:
        return []
    level = RED if today > due_date(year) else YELLOW
    return [
        Finding(
            "year_counts_differ", level, f"{year}年统计年报与平台数据不一致：" + "；".join(differ)
        )
    ]


def next_change(
    facts: CaseFacts, *, today: date, thresholds: Mapping[str, Mapping[str, Any]], cal: WorkCalendar
) -> date | None:
    """The first day after ``today`` on which :func:`evaluate` may answer differently for the same
    facts (a limit reached or passed); None when only a change of the record can. The scan
    re-checks an unchanged case on that day only, instead of every running case every day.

    >>> cal = WorkCalendar(known_years={2019})
    >>> t = parse_thresholds({})
    >>> f = CaseFacts("general", filed_on=date(2019, 3, 1))  # due 2019-05-30, yellow from 05-20
    >>> next_change(f, today=date(2019, 3, 2), thresholds=t, cal=cal)
    datetime.date(2019, 5, 20)
    >>> next_change(f, today=date(2019, 5, 20), thresholds=t, cal=cal)
    datetime.date(2019, 5, 31)
    >>> next_change(f, today=date(2019, 5, 31), thresholds=t, cal=cal) is None
    True
    """
    t = thresholds
    days: list[date] = []
    one = timedelta(days=1)
    limit = decision_limit(facts, t["decision_late"], cal)
    if limit is not None and not facts.finished and facts.decided_on is None:
        days += [limit - timedelta(days=t["decision_late"]["yellow_days"]), limit + one]
    for saved_on, handled_on in facts.preservations:
        if handled_on is None:
            days.append(
                cal.add_working_days(saved_on, t["preservation_late"]["working_days"]) + one
            )
    if facts.decided_on is not None and facts.served_on is None:
        days.append(facts.decided_on + timedelta(days=t["service_late"]["days"]) + one)
    if facts.publicity_due is not None and facts.published_on is None:
        days.append(facts.publicity_due + one)
    if (
        facts.changed_on is not None
        and facts.published_on is not None
        and facts.withdrawn_on is None
    ):
        due = cal.add_working_days(facts.changed_on, t["publicity_late"]["withdrawal_working_days"])
        days.append(due + one)
    p = t["push_late"]
    for _what, happened_on, accepted_on in facts.pushes:
        if accepted_on is None and happened_on >= p["from_date"]:
            days.append(happened_on + timedelta(days=p["days"]) + one)
    c = t["collection_missing"]
    if facts.fine and facts.payment_due and facts.paid_on is None and not facts.court_applied_on:
        window_end = _add_months(facts.payment_due, c["litigation_months"] + c["court_months"])
        if facts.reminded_on is None:
            days += [facts.payment_due + timedelta(days=c["remind_days"]) + one, window_end + one]
        else:
            days += [window_end - timedelta(days=c["yellow_days"]), window_end + one]
    later = [d for d in days if d > today]
    return min(later) if later else None
