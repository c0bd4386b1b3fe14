"""案卷评查: the scoring sheet (veto items + 100 points), item-by-item scores, grade, 回避. Pure.

The shipped default is the 新疆 人社厅 劳动保障监察案卷评查标准 (in force 2010-07-01;
domain-rules-2 §22): five veto items, then 立案 14, 调查 19, 取证 12, 陈述申辩/听证 10, 处罚 24,
送达 7 = 86 points seen. The remaining 14 points were not seen (UNVERIFIED; "probably 执行 and
结案归档"): the default puts them under 执行与归档 and marks them so; the sheet is configuration,
edited per year by 法规处. Grade thresholds are UNVERIFIED too and live in the sheet; a failed
veto item makes the file 不合格 whatever its points (the 一票否决 practice, §22).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from fazhi.core.domain.errors import Refused

BASIS = "新疆维吾尔自治区人力资源和社会保障厅劳动保障监察案卷评查标准（2010）"
BASIS_RECUSAL = "《中华人民共和国行政处罚法》第四十三条（回避）"

EXCELLENT, PASS, FAIL = "excellent", "pass", "fail"
GRADE_LABELS = {EXCELLENT: "优秀", PASS: "合格", FAIL: "不合格"}


def _items(prefix: str, rows: list[tuple[str, int]]) -> list[dict[str, Any]]:
    return [{"code": f"{prefix}{i}", "text": t, "points": p} for i, (t, p) in enumerate(rows, 1)]


DEFAULT_SHEET: dict[str, Any] = {
    "title": "劳动保障监察案卷评查标准",
    "source": BASIS,
    "veto": [
        {"code": "V1", "text": "当事人认定正确"},
        {"code": "V2", "text": "执法主体合格"},
        {"code": "V3", "text": "适用法律正确"},
        {"code": "V4", "text": "在法定处罚（处理）幅度内"},
        {"code": "V5", "text": "法定前置程序已履行"},
    ],
    "sections": [
        {
            "name": "立案",
            "items": _items(
                "L",
                [
                    ("当事人基本情况", 3),
                    ("案件来源", 2),
                    ("违法事实", 3),
                    ("立案依据", 2),
                    ("承办人意见及签名", 2),
                    ("负责人审批", 2),
                ],
            ),
        },
        {
            "name": "调查",
            "items": _items(
                "D",
                [
                    ("执法人员不少于两人", 2),
                    ("笔录要素齐全", 3),
                    ("笔录内容", 4),
                    ("被询问人签名或拒签说明", 2),
                    ("调查终结报告", 3),
                    ("限期改正指令书", 5),
                ],
            ),
        },
        {
            "name": "取证",
            "items": _items(
                "Q",
                [
                    ("调取证据审批", 2),
                    ("调取证据通知书加盖印章", 2),
                    ("证据说明", 2),
                    ("证据持有人或见证人签名", 2),
                    ("证据清单及保存记录", 2),
                    ("处理决定文书", 2),
                ],
            ),
        },
        {
            "name": "陈述申辩/听证",
            "items": _items(
                "S",
                [("事先告知", 2), ("送达回执", 3), ("陈述申辩笔录", 3), ("听证程序", 2)],
            ),
        },
        {
            "name": "处罚",
            "items": _items(
                "C",
                [
                    ("处罚审批表", 4),
                    ("处罚决定书", 5),
                    ("签名及印章", 3),
                    ("罚没款合法票据", 4),
                    ("结案报告", 4),
                    ("重大案件集体讨论记录", 4),
                ],
            ),
        },
        {
            "name": "送达",
            "items": _items("T", [("送达程序", 4), ("在法定期限内送达", 3)]),
        },
        {
            "name": "执行与归档（未见原表，本局暂定）",
            "items": _items("Z", [("执行情况", 7), ("结案归档", 7)]),
        },
    ],
    "grades": {"excellent": 90, "pass": 60},  # UNVERIFIED: configure per year
}


@dataclass(frozen=True)
class Item:
    code: str
    text: str
    points: int
    section: str


@dataclass(frozen=True)
class Sheet:
    veto: tuple[tuple[str, str], ...]
    items: tuple[Item, ...]
    excellent: int
    passing: int

    def item(self, code: str) -> Item:
        for it in self.items:
            if it.code == code:
                return it
        raise Refused(f"评查表中没有编号为“{code}”的项目", BASIS, code="review_unknown_item")


def parse_sheet(data: Mapping[str, Any]) -> Sheet:
    """The sheet as configured; refuses one whose items do not add up to 100 points.

    >>> sheet = parse_sheet(DEFAULT_SHEET)
    >>> len(sheet.veto), len(sheet.items), sum(i.points for i in sheet.items)
    (5, 32, 100)
    >>> parse_sheet({**DEFAULT_SHEET, "sections": DEFAULT_SHEET["sections"][:1]})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 评查表各项分值合计须为100分，现为14分（依据：...）
    """
    try:
        veto = tuple((str(v["code"]), str(v["text"])) for v in data.get("veto", []))
        items = tuple(
            Item(str(i["code"]), str(i["text"]), int(i["points"]), str(s["name"]))
            for s in data["sections"]
            for i in s["items"]
        )
        grades = data.get("grades", {})
        excellent, passing = int(grades.get("excellent", 90)), int(grades.get("pass", 60))
    except (KeyError, TypeError, ValueError):
        raise Refused(
            "评查表格式不正确：须有 sections（各含 items：code、text、points）",
            BASIS,
            code="review_bad_sheet",
        ) from None
    codes = [c for c, _ in veto] + [i.code for i in items]
    if len(codes) != len(set(codes)):
        raise Refused("评查表中项目编号重复", BASIS, code="review_bad_sheet")
    if any(i.points <= 0 for i in items):
        raise Refused("评查表中每项分值须为正整数", BASIS, code="review_bad_sheet")
    total = sum(i.points for i in items)
    if total != 100:
        raise Refused(f"评查表各项分值合计须为100分，现为{total}分", BASIS, code="review_bad_sheet")
    if not 0 < passing <= excellent <= 100:
        raise Refused("评查等次分数线须满足 0 < 合格 ≤ 优秀 ≤ 100", BASIS, code="review_bad_sheet")
    return Sheet(veto, items, excellent, passing)


def check_deduction(item: Item, deducted: Any, note: str) -> Decimal:
    """The points deducted on one item: between 0 and the item's points, with a note when > 0.

    >>> it = Item("L1", "当事人基本情况", 3, "立案")
    >>> check_deduction(it, "1.5", "缺少住所")
    Decimal('1.5')
    >>> check_deduction(it, 4, "x")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: “当事人基本情况”满分3分，扣分须在0至3分之间，收到4（依据：...）
    >>> check_deduction(it, 1, " ")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: “当事人基本情况”扣1分，须写明扣分理由（依据：...）
    """
    try:
        value = Decimal(str(deducted).strip())
    except InvalidOperation:
        value = Decimal(-1)
    if (
        not value.is_finite()
        or value < 0
        or value > item.points
        or value != value.quantize(Decimal("0.5"))
    ):
        raise Refused(
            f"“{item.text}”满分{item.points}分，扣分须在0至{item.points}分之间，收到{deducted}",
            BASIS,
            code="review_score_out_of_range",
        )
    if value and not note.strip():
        raise Refused(
            f"“{item.text}”扣{value}分，须写明扣分理由", BASIS, code="review_note_missing"
        )
    return value


def check_recusal(*, reviewer_unit_path: str | None, case_unit_path: str) -> None:
    """A reviewer never scores a case of their own unit (or a unit below it).

    >>> check_recusal(reviewer_unit_path="/1/2/", case_unit_path="/1/3/")
    >>> check_recusal(reviewer_unit_path="/1/3/", case_unit_path="/1/3/4/")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 评查人员不得评查本单位的案卷（回避）（依据：...）
    """
    if reviewer_unit_path and case_unit_path.startswith(reviewer_unit_path):
        raise Refused("评查人员不得评查本单位的案卷（回避）", BASIS_RECUSAL, code="review_recusal")


def score(
    sheet: Sheet, deductions: Mapping[str, Decimal], vetoed: list[str]
) -> tuple[Decimal, str]:
    """The file's score (100 − deductions) and grade; a failed veto item → 不合格.

    >>> s = parse_sheet(DEFAULT_SHEET)
    >>> score(s, {"L1": Decimal(3), "C6": Decimal(4)}, [])
    (Decimal('93'), 'excellent')
    >>> score(s, {}, ["V3"])
    (Decimal('100'), 'fail')
    >>> score(s, {"D6": Decimal(5), "C2": Decimal(5), "C4": Decimal(4), "Z1": Decimal(7),
    ...           "Z2": Decimal(7), "C5": Decimal(4), "D5": Decimal(3), "S2": Decimal(3),
    ...           "S3": Decimal(3)}, [])
    (Decimal('59'), 'fail')
    """
    total = Decimal(100) - sum(deductions.values(), Decimal(0))
    total = max(total, Decimal(0))
    if vetoed:
        return total, FAIL
    if total >= sheet.excellent:
        return total, EXCELLENT
    if total >= sheet.passing:
        return total, PASS
    return total, FAIL
