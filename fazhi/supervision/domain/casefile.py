"""案卷检查: what a case's file lacks for the path it took, before it closes (issue 22 item 2).

The documents follow the 案卷评查 table (新疆 人社厅 劳动保障监察案卷评查标准, domain-rules-2 §22)
and the steps of 行政处罚法（2021）: 立案审批 (第五十四条), 询问笔录 signed by the person asked
or a note of refusal (第五十五条), 事先告知 (第四十四条) and the 送达回证 (第六十一条), 法制审核
where the catalogue requires it (第五十八条), 集体讨论 for a serious case (第五十七条), and the
payment record or the court application (行政强制法 第五十三条).
"""

from __future__ import annotations

from dataclasses import dataclass

PENALTY = "《中华人民共和国行政处罚法》"


@dataclass(frozen=True)
class FileFacts:
    filed: bool = False
    filing_approved: bool = False
    interviews: int = 0
    unsigned_interviews: int = 0
    notified: bool = False
    decided: bool = False
    served: bool = False
    review_required: bool = False
    review_agreed: bool = False
    serious: bool = False
    discussed: bool = False
    fine: bool = False
    paid: bool = False
    court_applied: bool = False
    outcome: str = ""


@dataclass(frozen=True)
class Gap:
    item: str
    basis: str


def gaps(f: FileFacts) -> list[Gap]:
    """The items the file lacks, in the order of the file.

    >>> [g.item for g in gaps(FileFacts(filed=True, filing_approved=True, interviews=1,
    ...      unsigned_interviews=1, decided=True, notified=True, served=True, fine=True))]
    ['询问笔录须有被询问人签名或拒签说明（1份未附）', '缴款记录或申请法院强制执行记录']
    >>> gaps(FileFacts())  # nothing filed yet: nothing to check
    []
    """
    if not f.filed:
        return []
    out: list[Gap] = []
    if not f.filing_approved:
        out.append(Gap("立案审批（负责人批准）", f"{PENALTY}第五十四条"))
    if f.interviews == 0:
        out.append(Gap("询问笔录", f"{PENALTY}第五十五条"))
    elif f.unsigned_interviews:
        out.append(
            Gap(
                f"询问笔录须有被询问人签名或拒签说明（{f.unsigned_interviews}份未附）",
                f"{PENALTY}第五十五条",
            )
        )
    penalised = f.outcome != "no_penalty"
    if f.decided and penalised and not f.notified:
        out.append(Gap("事先告知书", f"{PENALTY}第四十四条"))
    if f.review_required and not f.review_agreed:
        out.append(Gap("法制审核意见（同意）", f"{PENALTY}第五十八条"))
    if f.serious and not f.discussed:
        out.append(Gap("集体讨论记录", f"{PENALTY}第五十七条"))
    if f.decided and not f.served:
        out.append(Gap("处罚决定书送达回证", f"{PENALTY}第六十一条"))
    if f.decided and f.fine and not (f.paid or f.court_applied):
        out.append(Gap("缴款记录或申请法院强制执行记录", "《中华人民共和国行政强制法》第五十三条"))
    return out
