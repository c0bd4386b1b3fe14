"""The rule table (法定期限表): every time limit, versioned by the law in force, and its look-ups."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from datetime import date
from typing import Any

from fazhi.core.domain.time_limits.formatting import format_date
from fazhi.core.domain.time_limits.laws import (
    CALENDAR,
    DECISIONS,
    DECISIONS_FROM,
    DOC_37,
    DOC_115,
    DOC_118,
    DOC_118_FROM,
    EXPLICIT_WORKING,
    LABOR,
    LABOR_FROM,
    LABOR_RULES,
    LICENSING,
    LICENSING_FROM,
    LICENSING_WORKING,
    LITIGATION,
    LITIGATION_CALENDAR,
    LITIGATION_FROM,
    PENALTY,
    PENALTY_2017,
    PENALTY_2017_SPAN,
    PENALTY_CALENDAR,
    PENALTY_FROM,
    PENALTY_WORKING,
    RECON_2017,
    RECON_2017_CALENDAR,
    RECON_2017_SPAN,
    RECON_2017_WORKING,
    RECON_2023,
    RECON_2023_CALENDAR,
    RECON_2023_FROM,
    RECON_2023_WORKING,
    REPORTING,
)
from fazhi.core.domain.time_limits.rule import TimeLimit, UnknownRule

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
