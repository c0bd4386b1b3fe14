"""Case acts (执法行为) and the records they leave: kinds, who must be there, A/V duty. Pure.

* Every investigation act names at least two officers with 执法资格 (行政处罚法 第四十二条;
  劳动保障监察条例 第十六条), checked on the act's own date.
* 笔录: 询问、检查 produce a written record (行政处罚法 第五十五条).
* 全程音像记录 (国办发〔2018〕118号 (八)): 查封扣押财产 and other on-site acts directly touching
  人身自由、生命健康、重大财产权益 must be recorded on audio-video; the act cannot be completed
  without an audio or video file attached.
* Execution: 催告 after the payment period (行政强制法 第三十五条); the application to the court
  is `execution.check_court_application` (第五十三、五十四条).
* 责令支付 (劳动保障监察条例 第二十六条) comes before any 加付赔偿金.

>>> check_av(kind=ActKind.SEIZURE, mime_types=["image/png"])
Traceback (most recent call last):
...
fazhi.core.domain.errors.Refused: 查封、扣押须全程音像记录，请附录音或录像文件后再完成（依据：国办发〔2018〕118号（八））
>>> check_av(kind=ActKind.SEIZURE, mime_types=["video/mp4"])
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum

from fazhi.core.domain import citations
from fazhi.core.domain.errors import Refused

PENALTY_LAW = "《中华人民共和国行政处罚法》"
COERCION_LAW = "《中华人民共和国行政强制法》"
DOC_118 = "国办发〔2018〕118号"


class ActKind(StrEnum):
    INSPECTION = "inspection"  # 现场检查笔录
    INTERVIEW = "interview"  # 询问笔录
    EVIDENCE = "evidence"  # 调取证据
    SEIZURE = "seizure"  # 查封、扣押
    ONSITE_COERCION = "onsite_coercion"  # 现场强制措施
    ORDER = "order"  # 责令改正指令
    PAY_ORDER = "pay_order"  # 责令支付通知书 (劳动保障监察条例 第二十六条)
    ORDER_FOLLOWUP = "order_followup"  # 整改复查
    STATEMENT = "statement"  # 陈述申辩记录
    HEARING_NOTICE = "hearing_notice"  # 听证通知
    HEARING_RECORD = "hearing_record"  # 听证笔录
    DISCUSSION = "discussion"  # 集体讨论记录
    EXTENSION = "extension"  # 延长调查期限审批
    REMINDER = "reminder"  # 催告书
    NOTE = "note"  # 其他记录


ACT_LABELS = {
    ActKind.INSPECTION: "现场检查笔录",
    ActKind.INTERVIEW: "询问笔录",
    ActKind.EVIDENCE: "调取证据",
    ActKind.SEIZURE: "查封、扣押",
    ActKind.ONSITE_COERCION: "现场强制措施",
    ActKind.ORDER: "责令改正指令",
    ActKind.PAY_ORDER: "责令支付通知",
    ActKind.ORDER_FOLLOWUP: "整改复查",
    ActKind.STATEMENT: "陈述申辩记录",
    ActKind.HEARING_NOTICE: "听证通知",
    ActKind.HEARING_RECORD: "听证笔录",
    ActKind.DISCUSSION: "集体讨论记录",
    ActKind.EXTENSION: "延长调查期限审批",
    ActKind.REMINDER: "催告书",
    ActKind.NOTE: "其他记录",
}
# Acts staff record directly with the "调查取证" form; the others come from their own step.
INVESTIGATION_KINDS = (
    ActKind.INSPECTION,
    ActKind.INTERVIEW,
    ActKind.EVIDENCE,
    ActKind.SEIZURE,
    ActKind.ONSITE_COERCION,
    ActKind.STATEMENT,
    ActKind.NOTE,
)
# Acts that need two certified officers present (行政处罚法 第四十二条).
TWO_OFFICER_KINDS = frozenset(
    {
        ActKind.INSPECTION,
        ActKind.INTERVIEW,
        ActKind.EVIDENCE,
        ActKind.SEIZURE,
        ActKind.ONSITE_COERCION,
        ActKind.ORDER,
        ActKind.PAY_ORDER,
        ActKind.ORDER_FOLLOWUP,
    }
)
# 118号 (八): 全程音像记录.
AV_REQUIRED_KINDS = frozenset({ActKind.SEIZURE, ActKind.ONSITE_COERCION})
# Acts whose record is the investigation itself (a case with none of them cannot be notified).
FINDING_KINDS = frozenset(
    {ActKind.INSPECTION, ActKind.INTERVIEW, ActKind.EVIDENCE, ActKind.SEIZURE}
)


def check_av(*, kind: str, mime_types: Iterable[str]) -> None:
    if kind in AV_REQUIRED_KINDS and not any(
        m.startswith(("audio/", "video/")) for m in mime_types
    ):
        raise Refused(
            f"{ACT_LABELS[ActKind(kind)]}须全程音像记录，请附录音或录像文件后再完成",
            f"{DOC_118}（八）",
        )


def check_summary(kind: str, summary: str, on: date | None = None) -> None:
    if not summary.strip():
        raise Refused(
            f"请填写{ACT_LABELS[ActKind(kind)]}的内容", citations.cite_penalty("record", on)
        )


def check_investigated(finding_count: int, on: date | None = None) -> None:
    """告知 comes after the facts are investigated; a case with no record cannot be notified."""
    if finding_count == 0:
        raise Refused(
            "尚无调查取证记录（检查笔录、询问笔录或证据），不能告知拟作出的处罚决定",
            f"{citations.cite_penalty('filing', on)}、{citations.article(citations.PENALTY, 'record', on or citations.CURRENT)}",
        )


def check_correction_due(*, issued_on: date, due_on: date) -> None:
    if due_on <= issued_on:
        raise Refused("责令改正的期限须晚于指令下达日期", "《劳动保障监察条例》第十八条")


# --- decision, payment, execution -------------------------------------------------------------


def check_fine(
    *, fine: Decimal, needs_reason: bool, reason: str, on: date | None = None, what: str = "罚款"
) -> None:
    """An amount outside the benchmark's proposed tier must state why (行政处罚法 2021 第三十四条;
    the 2017 text has no 裁量基准 article: 第四条 过罚相当 and the benchmark itself). The statutory
    range is checked separately and no reason lifts it (`discretion.check_statutory`).

    >>> check_fine(fine=Decimal(5000), needs_reason=True, reason="", on=date(2019, 5, 6))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 罚款金额超出裁量基准建议幅度，须说明理由（依据：《中华人民共和国行政处罚法》（2017年修正）第四条、第五条）
    """
    if fine < 0:
        raise Refused(f"{what}金额不能为负数", citations.cite_penalty("types", on))
    if needs_reason and not reason.strip():
        raise Refused(
            f"{what}金额超出裁量基准建议幅度，须说明理由", citations.cite_penalty("discretion", on)
        )


def check_compensation_ordered(*, overdue_payment_orders: int, on: date | None = None) -> None:
    """加付赔偿金 only after a 责令限期支付 the employer let pass (劳动保障监察条例 第二十六条:
    "逾期不支付的，责令用人单位按照应付金额50%以上1倍以下的标准计算，向劳动者加付赔偿金").

    >>> check_compensation_ordered(overdue_payment_orders=0)
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 加付赔偿金须先责令用人单位限期支付，逾期不支付的方可作出（依据：《劳动保障监察条例》第二十六条）
    """
    if overdue_payment_orders <= 0:
        raise Refused(
            "加付赔偿金须先责令用人单位限期支付，逾期不支付的方可作出",
            citations.cite(citations.INSPECTION, "compensation", on or citations.CURRENT),
        )


def check_reminder(*, payment_due: date | None, reminded_on: date) -> None:
    if payment_due is None or reminded_on <= payment_due:
        raise Refused("罚款缴纳期限届满前不能催告", f"{COERCION_LAW}第三十五条")
