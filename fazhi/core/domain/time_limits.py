"""Statutory time limits (法定期限) as a table, and the due date of each.

Pure Python. Each rule names its article and the article that fixes its unit, because the same
"十日" is a working-day period in one law and a calendar-day period in another:

* 《行政处罚法》(2021) 第八十五条: only 二日、三日、五日、七日 are working days;
* 《行政复议法》(2023) 第八十八条: 三日、五日、七日、十日 are working days, whereas the 2017 text,
  第四十条, names only 五日、七日 — so its ten-day reply period is ten calendar days;
* 《行政许可法》第八十二条: every period is in working days;
* 《劳动保障监察条例》第十七条 states "个工作日" itself;
* everything else follows 《民事诉讼法》第八十五条 (calendar days, a last rest day rolls forward).

Rules are versioned by the law in force on the start date. Numbers not confirmed against an
official text have ``verified=False`` and can be overridden (settings
``FAZHI["TIME_LIMIT_OVERRIDES"]``); confirmed numbers cannot.

>>> from datetime import date
>>> from fazhi.core.domain.calendar import WorkCalendar
>>> cal = WorkCalendar.from_chinese_calendar()
>>> due_date("reconsideration.reply", date(2023, 9, 21), cal).due  # 2017 law: day 10 is 10-01,
datetime.date(2023, 10, 7)
>>> # rolled to the next working day, a 调休 Saturday
>>> due_date("reconsideration.reply", date(2024, 9, 27), cal).due  # 2023 law: working days
datetime.date(2024, 10, 16)
>>> due_date("normdoc.filing", date(2025, 3, 3), cal, overrides={"normdoc.filing": 15}).days
15
>>> rule_for("penalty.decision", date(2020, 1, 1))
Traceback (most recent call last):
...
fazhi.core.domain.time_limits.UnknownRule: 期限规则“penalty.decision”（行政处罚决定期限（自立案之日起））在2020年1月1日没有适用的法律版本；该规则适用于：2021年7月15日起。
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Literal, NamedTuple, TypedDict

from fazhi.core.domain.calendar import CalendarDataMissing, WorkCalendar

Unit = Literal["working", "calendar"]
UNIT_LABELS = {"working": "工作日", "calendar": "自然日"}
WEEKDAYS = "一二三四五六日"
_NO_OVERRIDES: Mapping[str, int] = MappingProxyType({})


def format_date(day: date) -> str:
    """A date as written in Chinese documents.

    >>> format_date(date(2024, 2, 29))
    '2024年2月29日'
    """
    return f"{day.year}年{day.month}月{day.day}日"


def weekday_name(day: date) -> str:
    return f"星期{WEEKDAYS[day.weekday()]}"


class _Span(TypedDict):
    """The years a superseded text governed (the keyword arguments of `TimeLimit`)."""

    valid_from: date
    valid_to: date


class UnknownRule(LookupError):
    """No rule with this code, or none in force on the start date."""


class RuleNotExtendable(ValueError):
    """The law gives this time limit no extension."""


@dataclass(frozen=True, slots=True)
class TimeLimit:
    code: str
    title: str
    days: int
    unit: Unit
    law: str
    article: str
    counting: str  # the article that fixes the unit
    valid_from: date
    valid_to: date | None = None
    extension_days: int = 0
    verified: bool = True
    before: bool = False  # "在…N日前": the due day lies before the start (e.g. a hearing)

    @property
    def basis(self) -> str:
        return f"《{self.law}》{self.article}；{self.counting}"

    @property
    def unit_label(self) -> str:
        return UNIT_LABELS[self.unit]

    def applies_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def period_label(self) -> str:
        text = f"{self.days}个{self.unit_label}"
        return f"{text}（可延长{self.extension_days}日）" if self.extension_days else text


# Law titles (short forms of the official names) and counting notes.
PENALTY = "中华人民共和国行政处罚法（2021年修订）"
PENALTY_WORKING = "第八十五条：“二日”“三日”“五日”“七日”为工作日"
PENALTY_CALENDAR = "第八十五条未列入，按自然日计算，末日遇休息日顺延（民事诉讼法第八十五条）"
RECON_2017 = "中华人民共和国行政复议法（2017年修正）"
RECON_2017_WORKING = "第四十条：“五日”“七日”为工作日"
RECON_2017_CALENDAR = "第四十条未列入，依民事诉讼法按自然日计算，末日遇休息日顺延"
RECON_2023 = "中华人民共和国行政复议法（2023年修订）"
RECON_2023_WORKING = "第八十八条：“三日”“五日”“七日”“十日”为工作日"
RECON_2023_CALENDAR = "第八十八条未列入，依民事诉讼法按自然日计算，末日遇休息日顺延"
LICENSING = "中华人民共和国行政许可法"
LICENSING_WORKING = "第八十二条：期限以工作日计算，不含法定节假日"
LABOR = "劳动保障监察条例"
LABOR_RULES = "关于实施《劳动保障监察条例》若干规定（劳动和社会保障部令第25号）"
LITIGATION = "中华人民共和国行政诉讼法"
LITIGATION_CALENDAR = "第一百零一条适用民事诉讼法第八十五条：自然日，末日遇法定休假日顺延"
DOC_118 = "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见（国办发〔2018〕118号）"
DOC_115 = "国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见（国办发〔2018〕115号）"
DOC_37 = "国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知（国办发〔2018〕37号）"
DECISIONS = "重大行政决策程序暂行条例（国务院令第713号）"
REPORTING = "法治政府建设与责任落实督察工作规定（厅字〔2019〕28号）"
EXPLICIT_WORKING = "原文明定为工作日"
CALENDAR = "按自然日计算，末日遇休息日顺延（民事诉讼法第八十五条）"

PENALTY_FROM = date(2021, 7, 15)  # 行政处罚法 第八十六条
# The 1996 text as amended in 2009 and 2017 governed acts before 2021-07-15. It has no counting
# article, so its periods are calendar days under 民事诉讼法. Its text is not in the shared corpus,
# hence verified=False: the numbers are configurable until a reviewer checks them.
PENALTY_2017 = "中华人民共和国行政处罚法（2017年修正）"
PENALTY_2017_SPAN: _Span = {"valid_from": date(1996, 10, 1), "valid_to": date(2021, 7, 14)}
RECON_2023_FROM = date(2024, 1, 1)  # 行政复议法 (2023) 第九十条
# The 2017 text's articles 17, 23, 31 and 40 are unchanged since the law took effect (1999).
RECON_2017_SPAN: _Span = {"valid_from": date(1999, 10, 1), "valid_to": date(2023, 12, 31)}
LICENSING_FROM = date(2004, 7, 1)  # 第八十三条; articles 32, 42, 82 unchanged by the 2019 amendment
LABOR_FROM = date(2004, 12, 1)  # 条例 第三十六条
# Article numbers of 行政诉讼法 date from the 2014 amendment (in force 2015-05-01).
LITIGATION_FROM = date(2015, 5, 1)
DOC_118_FROM = date(2018, 12, 5)
DECISIONS_FROM = date(2019, 9, 1)  # 条例 第四十四条

_T = TimeLimit

RULES: tuple[TimeLimit, ...] = (
    # 行政处罚
    _T(
        "penalty.decision",
        "行政处罚决定期限（自立案之日起）",
        90,
        "calendar",
        PENALTY,
        "第六十条",
        PENALTY_CALENDAR,
        PENALTY_FROM,
    ),
    _T(
        "penalty.service",
        "处罚决定书送达期限（当事人不在场）",
        7,
        "working",
        PENALTY,
        "第六十一条第一款",
        PENALTY_WORKING,
        PENALTY_FROM,
    ),
    _T(
        "penalty.payment",
        "罚款缴纳期限",
        15,
        "calendar",
        PENALTY,
        "第六十七条第三款",
        PENALTY_CALENDAR,
        PENALTY_FROM,
    ),
    _T(
        "penalty.hearing_request",
        "当事人要求听证期限（自告知之日起）",
        5,
        "working",
        PENALTY,
        "第六十四条第（一）项",
        PENALTY_WORKING,
        PENALTY_FROM,
    ),
    _T(
        "penalty.hearing_notice",
        "听证通知最迟发出日（举行听证七日前）",
        7,
        "working",
        PENALTY,
        "第六十四条第（二）项",
        PENALTY_WORKING,
        PENALTY_FROM,
        before=True,
    ),
    _T(
        "penalty.service",
        "处罚决定书送达期限（当事人不在场）",
        7,
        "calendar",
        PENALTY_2017,
        "第四十条（待核实）",
        CALENDAR,
        verified=False,
        **PENALTY_2017_SPAN,
    ),
    _T(
        "penalty.payment",
        "罚款缴纳期限",
        15,
        "calendar",
        PENALTY_2017,
        "第四十六条第三款（待核实）",
        CALENDAR,
        verified=False,
        **PENALTY_2017_SPAN,
    ),
    _T(
        "penalty.hearing_request",
        "当事人要求听证期限（自告知之日起）",
        3,
        "calendar",
        PENALTY_2017,
        "第四十二条第一款第（一）项（待核实）",
        CALENDAR,
        verified=False,
        **PENALTY_2017_SPAN,
    ),
    _T(
        "penalty.hearing_notice",
        "听证通知最迟发出日（举行听证七日前）",
        7,
        "calendar",
        PENALTY_2017,
        "第四十二条第一款第（二）项（待核实）",
        CALENDAR,
        verified=False,
        before=True,
        **PENALTY_2017_SPAN,
    ),
    _T(
        "penalty.publicity",
        "行政处罚决定信息公开期限",
        7,
        "working",
        DOC_118,
        "（六）",
        EXPLICIT_WORKING,
        DOC_118_FROM,
    ),
    _T(
        "penalty.publicity_withdrawal",
        "撤回已公开的处罚决定信息期限",
        3,
        "working",
        PENALTY,
        "第四十八条第二款",
        PENALTY_WORKING,
        PENALTY_FROM,
    ),
    _T(
        "enforcement.other_publicity",
        "其他行政执法决定信息公开期限",
        20,
        "working",
        DOC_118,
        "（六）",
        EXPLICIT_WORKING,
        DOC_118_FROM,
    ),
    # 行政许可
    _T(
        "licensing.correction_notice",
        "一次告知补正材料期限",
        5,
        "working",
        LICENSING,
        "第三十二条第一款第（四）项",
        LICENSING_WORKING,
        LICENSING_FROM,
    ),
    _T(
        "licensing.decision",
        "行政许可决定期限（自受理之日起）",
        20,
        "working",
        LICENSING,
        "第四十二条第一款",
        LICENSING_WORKING,
        LICENSING_FROM,
        extension_days=10,
    ),
    _T(
        "licensing.publicity",
        "行政许可决定信息公开期限",
        7,
        "working",
        DOC_118,
        "（六）",
        EXPLICIT_WORKING,
        DOC_118_FROM,
    ),
    # 劳动保障监察. The 若干规定 text is not in LawRefBook: 第十八条 is confirmed by several
    # published quotations (domain-rules §10); its in-force date 2005-02-01 is from memory.
    _T(
        "labor_inspection.complaint_acceptance",
        "投诉受理审查期限",
        5,
        "working",
        LABOR_RULES,
        "第十八条",
        EXPLICIT_WORKING,
        date(2005, 2, 1),
    ),
    _T(
        "labor_inspection.investigation",
        "劳动保障监察调查期限（自立案之日起）",
        60,
        "working",
        LABOR,
        "第十七条",
        EXPLICIT_WORKING,
        LABOR_FROM,
        extension_days=30,
    ),
    _T(
        "labor_inspection.investigation_extended",
        "劳动保障监察调查延长期限（自原期限届满起）",
        30,
        "working",
        LABOR,
        "第十七条",
        EXPLICIT_WORKING,
        LABOR_FROM,
    ),
    # 双随机抽查: no day count in 国办发〔2015〕58号 / 国发〔2019〕5号; 20 working days by analogy.
    _T(
        "inspection.result_publicity",
        "抽查结果公示期限（参照执法决定公示）",
        20,
        "working",
        DOC_118,
        "（六）（参照适用，待核实）",
        EXPLICIT_WORKING,
        DOC_118_FROM,
        verified=False,
    ),
    # 行政复议, 2017 text
    _T(
        "reconsideration.acceptance",
        "复议申请受理审查期限",
        5,
        "working",
        RECON_2017,
        "第十七条",
        RECON_2017_WORKING,
        **RECON_2017_SPAN,
    ),
    _T(
        "reconsideration.reply",
        "被申请人书面答复期限",
        10,
        "calendar",
        RECON_2017,
        "第二十三条",
        RECON_2017_CALENDAR,
        **RECON_2017_SPAN,
    ),
    _T(
        "reconsideration.decision",
        "复议决定期限（自受理之日起）",
        60,
        "calendar",
        RECON_2017,
        "第三十一条",
        RECON_2017_CALENDAR,
        **RECON_2017_SPAN,
        extension_days=30,
    ),
    _T(
        "reconsideration.decision_extended",
        "复议决定延长期限（自原期限届满起）",
        30,
        "calendar",
        RECON_2017,
        "第三十一条",
        RECON_2017_CALENDAR,
        **RECON_2017_SPAN,
    ),
    # 行政复议, 2023 text
    _T(
        "reconsideration.acceptance",
        "复议申请受理审查期限",
        5,
        "working",
        RECON_2023,
        "第三十条",
        RECON_2023_WORKING,
        RECON_2023_FROM,
    ),
    _T(
        "reconsideration.reply",
        "被申请人书面答复期限",
        10,
        "working",
        RECON_2023,
        "第四十八条",
        RECON_2023_WORKING,
        RECON_2023_FROM,
    ),
    _T(
        "reconsideration.decision",
        "复议决定期限（普通程序，自受理之日起）",
        60,
        "calendar",
        RECON_2023,
        "第六十二条第一款",
        RECON_2023_CALENDAR,
        RECON_2023_FROM,
        extension_days=30,
    ),
    _T(
        "reconsideration.decision_extended",
        "复议决定延长期限（自原期限届满起）",
        30,
        "calendar",
        RECON_2023,
        "第六十二条第一款",
        RECON_2023_CALENDAR,
        RECON_2023_FROM,
    ),
    # The simplified procedure exists only in the 2023 text.
    _T(
        "reconsideration.simplified_reply",
        "简易程序被申请人答复期限",
        5,
        "working",
        RECON_2023,
        "第五十四条第一款",
        RECON_2023_WORKING,
        RECON_2023_FROM,
    ),
    _T(
        "reconsideration.simplified_decision",
        "复议决定期限（简易程序）",
        30,
        "calendar",
        RECON_2023,
        "第六十二条第二款",
        RECON_2023_CALENDAR,
        RECON_2023_FROM,
    ),
    # 行政诉讼
    _T(
        "litigation.answer",
        "提交答辩状和证据期限（自收到起诉状副本之日起）",
        15,
        "calendar",
        LITIGATION,
        "第六十七条第一款",
        LITIGATION_CALENDAR,
        LITIGATION_FROM,
    ),
    _T(
        "litigation.appeal_judgment",
        "不服一审判决上诉期限",
        15,
        "calendar",
        LITIGATION,
        "第八十五条",
        LITIGATION_CALENDAR,
        LITIGATION_FROM,
    ),
    _T(
        "litigation.appeal_ruling",
        "不服一审裁定上诉期限",
        10,
        "calendar",
        LITIGATION,
        "第八十五条",
        LITIGATION_CALENDAR,
        LITIGATION_FROM,
    ),
    # 规范性文件
    _T(
        "normdoc.public_comment",
        "规范性文件公开征求意见期限（一般不少于）",
        30,
        "calendar",
        DOC_37,
        "（待核实）",
        CALENDAR,
        date(2018, 5, 16),
        verified=False,
    ),
    _T(
        "normdoc.legality_review",
        "规范性文件合法性审核期限（最长）",
        15,
        "working",
        DOC_115,
        "（五）",
        EXPLICIT_WORKING,
        date(2018, 12, 4),
    ),
    _T(
        "normdoc.filing",
        "规范性文件报送备案期限（自公布之日起）",
        30,
        "calendar",
        DOC_37,
        "有件必备；具体期限以本地规定为准（待核实）",
        CALENDAR,
        date(2018, 5, 16),
        verified=False,
    ),
    # 重大行政决策
    _T(
        "decision.public_comment",
        "决策草案公开征求意见期限（一般不少于）",
        30,
        "calendar",
        DECISIONS,
        "第十五条",
        CALENDAR,
        DECISIONS_FROM,
    ),
    _T(
        "decision.legality_review",
        "合法性审查时间（一般不少于）",
        7,
        "working",
        DECISIONS,
        "第二十六条第二款",
        EXPLICIT_WORKING,
        DECISIONS_FROM,
    ),
    # 年度报告: "次年3月1日前", counted as 60 days from 12-31 (a leap year gives 2月29日, a day early).
    _T(
        "report.annual_submission",
        "法治政府建设年度报告报送（自年度末起）",
        60,
        "calendar",
        REPORTING,
        "第二十四条（待核实）",
        CALENDAR,
        date(2019, 4, 15),
        verified=False,
    ),
)


_BY_CODE: dict[str, tuple[TimeLimit, ...]] = {}
for _rule in RULES:
    _BY_CODE[_rule.code] = (*_BY_CODE.get(_rule.code, ()), _rule)


def rule_codes() -> list[str]:
    return sorted(_BY_CODE)


def rule_for(code: str, on: date) -> TimeLimit:
    """The version of rule ``code`` in force on ``on`` (the start date of the period)."""
    versions = _BY_CODE.get(code)
    if versions is None:
        close = difflib.get_close_matches(code, _BY_CODE, n=3, cutoff=0.6)
        hint = f"您是否要找：{'、'.join(close)}？" if close else "没有相近的规则代码。"
        raise UnknownRule(f"未找到期限规则“{code}”。{hint}")
    for rule in versions:
        if rule.valid_from <= on and (rule.valid_to is None or on <= rule.valid_to):
            return rule
    spans = "；".join(
        f"{format_date(r.valid_from)}起" + (f"至{format_date(r.valid_to)}" if r.valid_to else "")
        for r in versions
    )
    raise UnknownRule(
        f"期限规则“{code}”（{versions[0].title}）在{format_date(on)}没有适用的法律版本；"
        f"该规则适用于：{spans}。"
    )


def override_problems(overrides: Mapping[str, Any]) -> list[str]:
    """What is wrong with a configured override table (empty when it is usable)."""
    problems = []
    for code, days in overrides.items():
        versions = _BY_CODE.get(code)
        if versions is None:
            problems.append(f"期限规则“{code}”不存在")
        elif all(rule.verified for rule in versions):
            problems.append(f"期限规则“{code}”的天数已有法定依据，不能覆盖")
        if not isinstance(days, int) or isinstance(days, bool) or days < 1:
            problems.append(f"期限规则“{code}”的天数必须是正整数")
    return problems


class Due(NamedTuple):
    """A computed due date (a named tuple: a million of them are built in the benchmark)."""

    rule: TimeLimit
    start: date
    due: date
    days: int
    extended: bool = False
    # 暂定: the period runs into a year whose 放假通知 is not published yet; the due date counts
    # the statutory holidays only and is recomputed when the notice is entered.
    provisional: bool = False

    @property
    def unit(self) -> Unit:
        return self.rule.unit

    @property
    def basis(self) -> str:
        return self.rule.basis

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule.code,
            "start": self.start.isoformat(),
            "due": self.due.isoformat(),
            "unit": self.unit,
            "days": self.days,
            "basis": self.basis,
            "provisional": self.provisional,
        }


def due_date(
    code: str,
    start: date,
    calendar: WorkCalendar,
    *,
    extended: bool = False,
    overrides: Mapping[str, int] = _NO_OVERRIDES,
) -> Due:
    """When the period of rule ``code`` that starts on ``start`` ends.

    ``extended`` adds the rule's extension, counted from the end of the original period (the
    law extends "期限"; a rolled-forward end is where the original period legally ends).
    ``overrides`` applies only to unverified rules: a confirmed statute is not configurable.
    """
    rule = rule_for(code, start)
    days = overrides.get(code, rule.days) if not rule.verified else rule.days
    if extended and not rule.extension_days:
        raise RuleNotExtendable(f"期限规则“{code}”（{rule.title}）依法不能延长。")
    if rule.before:
        if rule.unit == "working":
            due = calendar.subtract_working_days(start, days)
        else:
            due = calendar.calendar_days_before(start, days)
        return Due(rule, start, due, days, False, calendar.is_provisional(due, start))
    if rule.unit == "working":
        total = days + rule.extension_days if extended else days
        due = calendar.add_working_days(start, total)
        return Due(rule, start, due, total, extended, calendar.is_provisional(start, due))
    due = calendar.calendar_days_end(start, days)
    if extended:
        due = calendar.calendar_days_end(due, rule.extension_days)
        days += rule.extension_days
    return Due(rule, start, due, days, extended, calendar.is_provisional(start, due))


class Urgency(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due-soon"  # also the CSS class
    OK = "ok"


@dataclass(frozen=True, slots=True)
class Remaining:
    urgency: Urgency
    calendar_days: int  # due − today; negative when overdue
    # working days in (today, due]; 0 when overdue or due today; None when ``due`` lies beyond
    # the declared years (an expiry reminder years ahead): then only calendar days are known
    working_days: int | None
    # the working days are counted across a year whose 放假通知 is not out yet (暂定)
    provisional: bool = False

    @property
    def label(self) -> str:
        if self.urgency is Urgency.OVERDUE:
            return f"已逾期{-self.calendar_days}日"
        if self.calendar_days == 0:
            return "今日届满"
        if self.working_days is None:
            return f"剩余{self.calendar_days}日"
        if self.provisional:
            return f"剩余{self.working_days}个工作日（暂定）"
        return f"剩余{self.working_days}个工作日"

    @property
    def urgency_label(self) -> str:
        return {"overdue": "已逾期", "due-soon": "即将到期", "ok": "正常"}[self.urgency]


def remaining(due: date, today: date, calendar: WorkCalendar, *, warn_within: int) -> Remaining:
    """How close ``due`` is: overdue, due within ``warn_within`` working days, or ok.

    >>> from fazhi.core.domain.calendar import WorkCalendar
    >>> cal = WorkCalendar.from_chinese_calendar()
    >>> remaining(date(2025, 10, 9), date(2025, 9, 30), cal, warn_within=3).label
    '剩余1个工作日'
    >>> remaining(date(2025, 9, 29), date(2025, 10, 1), cal, warn_within=3).urgency
    <Urgency.OVERDUE: 'overdue'>

    A due day in a year whose holidays are not yet declared (a fixed day such as an expiry
    reminder years ahead) counts in calendar days. It is ok when the declared days before it
    already hold more than ``warn_within`` working days, and otherwise due soon: warn rather
    than guess.

    >>> cal = WorkCalendar(known_years={2025})
    >>> left = remaining(date(2029, 4, 17), date(2025, 9, 30), cal, warn_within=3)
    >>> left.urgency, left.label
    (<Urgency.OK: 'ok'>, '剩余1295日')
    >>> remaining(date(2026, 1, 5), date(2025, 12, 30), cal, warn_within=3).urgency
    <Urgency.DUE_SOON: 'due-soon'>
    """
    if today > due:
        return Remaining(Urgency.OVERDUE, (due - today).days, 0)
    try:
        working = calendar.working_days_between(today, due)
    except CalendarDataMissing:
        declared_end = _last_declared_day(calendar, today)
        far = (
            declared_end is not None
            and calendar.working_days_between(today, declared_end) > warn_within
        )
        return Remaining(Urgency.OK if far else Urgency.DUE_SOON, (due - today).days, None)
    urgency = Urgency.DUE_SOON if working <= warn_within else Urgency.OK
    return Remaining(urgency, (due - today).days, working, calendar.is_provisional(today, due))


def _last_declared_day(calendar: WorkCalendar, today: date) -> date | None:
    """31 December of the last year declared without a gap from ``today``'s year."""
    if today.year not in calendar.known_years:
        return None
    year = today.year
    while year + 1 in calendar.known_years:
        year += 1
    return date(year, 12, 31)
