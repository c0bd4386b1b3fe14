"""法律顾问 opinions (中办发〔2016〕30号; 重大行政决策程序暂行条例 第二十八条; domain-rules-2 §19)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from fazhi.core.domain.errors import Refused
from fazhi.decisions.domain.errors import Code

BASIS_2016 = "中办发〔2016〕30号《关于推行法律顾问制度和公职律师公司律师制度的意见》"


class CounselKind(StrEnum):
    INTERNAL = "internal"  # 公职律师
    EXTERNAL = "external"  # 律师事务所律师


class MatterType(StrEnum):
    DECISION = "decision"
    NORMDOC = "normdoc"
    CONTRACT = "contract"
    CASE = "case"
    DISPUTE = "dispute"
    RISK = "risk"
    LEGISLATION = "legislation"


MATTER_LABELS = {
    MatterType.DECISION: "重大行政决策",
    MatterType.NORMDOC: "规范性文件",
    MatterType.CONTRACT: "合同",
    MatterType.CASE: "执法案件",
    MatterType.DISPUTE: "复议诉讼",
    MatterType.RISK: "风险评估",
    MatterType.LEGISLATION: "立法",
}


class OpinionConclusion(StrEnum):
    LAWFUL = "lawful"
    UNLAWFUL = "unlawful"
    LAWFUL_IF_AMENDED = "lawful_if_amended"
    RISK = "risk"


CONCLUSION_LABELS = {
    OpinionConclusion.LAWFUL: "合法",
    OpinionConclusion.UNLAWFUL: "不合法",
    OpinionConclusion.LAWFUL_IF_AMENDED: "修改后合法",
    OpinionConclusion.RISK: "风险提示",
}


def check_no_conflict(declared: bool) -> None:
    """A counsel who declared a conflict on the matter may not give the opinion."""
    if declared:
        raise Refused(
            "该法律顾问已就本事项申报利益冲突，不得出具法律意见",
            BASIS_2016 + "；律师法 第三十九条",
            code=Code.COUNSEL_CONFLICT,
        )


def check_contract(kind: str, start: date | None, end: date | None, day: date) -> None:
    """An external counsel acts only within the term of the firm's contract.

    >>> check_contract("external", date(2019, 1, 1), date(2019, 12, 31), date(2020, 1, 2))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 外聘法律顾问的聘用合同不在有效期内，不能委托其出具意见（依据：中办发〔2016〕30号《关于推行法律顾问制度和公职律师公司律师制度的意见》）
    """
    if kind != CounselKind.EXTERNAL:
        return
    if start is None or end is None or not (start <= day <= end):
        raise Refused(
            "外聘法律顾问的聘用合同不在有效期内，不能委托其出具意见",
            BASIS_2016,
            code=Code.COUNSEL_CONTRACT,
        )


def opinion_clears_discussion(conclusion: str | None, signed: bool) -> bool:
    """A decision may go to discussion only with a signed opinion that is not 不合法
    (2016 意见: a matter counsel found unlawful may not be discussed or decided).

    >>> opinion_clears_discussion("lawful_if_amended", True), opinion_clears_discussion("unlawful", True)
    (True, False)
    """
    return signed and conclusion is not None and conclusion != OpinionConclusion.UNLAWFUL
