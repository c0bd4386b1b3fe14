"""The online 学法用法 exam as pure rules: question shapes, a paper drawn by rules from a stored
seed, the window and the timer, scoring and the pass mark. No Django.

Sources (shared/reference/domain-rules-2.md §18): 《关于完善国家工作人员学法用法制度的意见》
(中组部、中宣部、司法部、人社部, 2016-03-22) asks for a yearly 考法 — its wording UNVERIFIED; the
天津市领导干部网上学法用法考试 (2019: participation and pass 100%, seed) — its pass mark and
window are UNVERIFIED, so the pass mark, the duration and the number of sittings are per exam,
defaulting to settings ``FAZHI["EXAM_PASS_MARK"]`` etc. A local 任前法律知识考试 example:
120 minutes, pass 60/100, one re-sit (page: s985.cn) — the defaults follow it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any


class QType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "truefalse"


QTYPE_NAMES = {QType.SINGLE: "单选题", QType.MULTIPLE: "多选题", QType.TRUE_FALSE: "判断题"}
LETTERS = "ABCDEFGH"
TRUE_FALSE = ("T", "F")


class ExamError(StrEnum):
    """Stable codes of the education app's refusals."""

    NO_ARTICLE = "question_without_article"
    BAD_QUESTION = "bad_question"
    BAD_RULES = "bad_paper_rules"
    SHORT_BANK = "bank_too_small"
    NOT_ENROLLED = "not_enrolled"
    OUTSIDE_WINDOW = "outside_window"
    TIME_UP = "time_up"
    SUBMITTED = "already_submitted"
    NO_ATTEMPTS = "no_attempts_left"
    ALREADY_PASSED = "already_passed"
    NOT_ON_PAPER = "not_on_paper"
    BAD_ANSWER = "bad_answer"
    NOT_YOURS = "not_your_paper"
    BAD_EXAM = "bad_exam"
    BAD_ITEM = "bad_item"
    NOT_DRAFT = "not_a_draft"
    BAD_ACTIVITY = "bad_activity"


def normalise_answer(qtype: str, options: list[str], raw: str) -> str:
    """The canonical form of a response, or ``ValueError`` with a Chinese message.

    >>> normalise_answer("single", ["甲", "乙", "丙"], " b ")
    'B'
    >>> normalise_answer("multiple", ["甲", "乙", "丙"], "C,a")
    'AC'
    >>> normalise_answer("truefalse", [], "f")
    'F'
    >>> normalise_answer("multiple", ["甲", "乙"], "")
    ''
    >>> normalise_answer("single", ["甲", "乙"], "AB")
    Traceback (most recent call last):
    ...
    ValueError: 单选题只能选一个选项
    >>> normalise_answer("single", ["甲", "乙"], "D")
    Traceback (most recent call last):
    ...
    ValueError: 选项D不存在
    """
    qtype = QType(qtype)
    letters = sorted({c for c in (raw or "").upper() if c.isalpha()})
    if not letters:
        return ""  # a cleared answer is an answer: the question counts as not answered
    if qtype is QType.TRUE_FALSE:
        if len(letters) != 1 or letters[0] not in TRUE_FALSE:
            raise ValueError("判断题只能答“对”（T）或“错”（F）")
        return letters[0]
    allowed = LETTERS[: len(options)]
    for c in letters:
        if c not in allowed:
            raise ValueError(f"选项{c}不存在")
    if qtype is QType.SINGLE and len(letters) != 1:
        raise ValueError("单选题只能选一个选项")
    return "".join(letters)


def check_question(qtype: str, options: list[str], answer: str) -> str:
    """Validate a question's shape; return its canonical key.

    >>> check_question("multiple", ["甲", "乙", "丙"], "ba")
    'AB'
    >>> check_question("single", ["甲"], "A")
    Traceback (most recent call last):
    ...
    ValueError: 单选题和多选题至少需要两个选项
    >>> check_question("multiple", ["甲", "乙", "丙"], "A")
    Traceback (most recent call last):
    ...
    ValueError: 多选题的正确答案至少两个选项
    >>> check_question("truefalse", ["甲"], "T")
    Traceback (most recent call last):
    ...
    ValueError: 判断题不设选项
    """
    qtype = QType(qtype)
    if qtype is QType.TRUE_FALSE:
        if options:
            raise ValueError("判断题不设选项")
    else:
        if len(options) < 2 or len(options) > len(LETTERS):
            raise ValueError("单选题和多选题至少需要两个选项")
        if any(not str(o).strip() for o in options):
            raise ValueError("选项不能为空")
    key = normalise_answer(qtype, options, answer)
    if not key:
        raise ValueError("请给出正确答案")
    if qtype is QType.MULTIPLE and len(key) < 2:
        raise ValueError("多选题的正确答案至少两个选项")
    return key


@dataclass(frozen=True)
class DrawRule:
    """``count`` questions of ``qtype`` from the laws (work keys) named; ``points`` each."""

    qtype: str
    count: int
    works: tuple[str, ...] = ()
    points: float = 1.0

    @classmethod
    def parse(cls, raw: dict[str, Any]) -> DrawRule:
        try:
            rule = cls(
                qtype=QType(raw["qtype"]).value,
                count=int(raw["count"]),
                works=tuple(str(w) for w in raw.get("works", ()) if str(w).strip()),
                points=float(raw.get("points", 1)),
            )
        except (KeyError, ValueError, TypeError):
            raise ValueError("抽题规则须写明题型、题数和分值") from None
        if rule.count <= 0 or rule.points <= 0:
            raise ValueError("抽题规则的题数和分值须大于0")
        return rule


def parse_rules(raw: list[dict[str, Any]]) -> list[DrawRule]:
    """
    >>> [r.count for r in parse_rules([{"qtype": "single", "count": 2}])]
    [2]
    >>> parse_rules([])
    Traceback (most recent call last):
    ...
    ValueError: 请至少设定一条抽题规则
    """
    if not raw:
        raise ValueError("请至少设定一条抽题规则")
    return [DrawRule.parse(r) for r in raw]


def draw_paper(seed: int, rules: list[DrawRule], pool: dict[int, tuple[str, str]]) -> list[int]:
    """The question ids of one person's paper: for each rule in order, ``count`` questions of its
    type (and laws, when named) drawn without replacement from ``pool`` (id → (qtype, work
    key)), never the same question twice on a paper. The same seed and pool give the same paper.

    >>> pool = {i: ("single", "劳动合同法") for i in range(1, 6)} | {9: ("truefalse", "社会保险法")}
    >>> rules = [DrawRule("single", 3), DrawRule("truefalse", 1, ("社会保险法",))]
    >>> draw_paper(7, rules, pool) == draw_paper(7, rules, pool)
    True
    >>> paper = draw_paper(7, rules, pool); len(paper), paper[-1], len(set(paper))
    (4, 9, 4)
    >>> draw_paper(7, [DrawRule("multiple", 1)], pool)
    Traceback (most recent call last):
    ...
    ValueError: 题库中符合“多选题”规则的题目只有0道，不足1道
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible by design; the seed is secret-drawn
    taken: set[int] = set()
    paper: list[int] = []
    for rule in rules:
        candidates = sorted(
            qid
            for qid, (qtype, work) in pool.items()
            if qtype == rule.qtype and qid not in taken and (not rule.works or work in rule.works)
        )
        if len(candidates) < rule.count:
            raise ValueError(
                f"题库中符合“{QTYPE_NAMES[QType(rule.qtype)]}”规则的题目只有"
                f"{len(candidates)}道，不足{rule.count}道"
            )
        chosen = rng.sample(candidates, rule.count)
        taken.update(chosen)
        paper.extend(chosen)
    return paper


def points_for(rules: list[DrawRule], paper: list[int]) -> list[float]:
    """Points of each position on a paper, by the rule that drew it.

    >>> points_for([DrawRule("single", 2, points=2), DrawRule("truefalse", 1)], [5, 6, 7])
    [2.0, 2.0, 1.0]
    """
    out: list[float] = []
    for rule in rules:
        out.extend([float(rule.points)] * rule.count)
    return out[: len(paper)]


def score(keys: list[str], responses: list[str], points: list[float]) -> float:
    """Full points for an exact answer, nothing otherwise (a multiple choice with one option
    missing scores 0), as a percentage of the paper's total, one decimal.

    >>> score(["A", "AB", "T"], ["A", "A", "T"], [1, 1, 2])
    75.0
    >>> score(["A"], [""], [1])
    0.0
    """
    total = sum(points)
    if not total:
        return 0.0
    got = sum(p for k, r, p in zip(keys, responses, points, strict=True) if r and r == k)
    return round(100.0 * got / total, 1)


def passed(mark: float, pass_mark: float) -> bool:
    """
    >>> passed(60.0, 60), passed(59.9, 60)
    (True, False)
    """
    return mark >= pass_mark


def deadline(started: datetime, minutes: int, closes: datetime) -> datetime:
    """The paper's own end: the timer, but never past the window's close.

    >>> from datetime import datetime as dt
    >>> deadline(dt(2019, 11, 1, 9), 120, dt(2019, 11, 30, 17)).isoformat()
    '2019-11-01T11:00:00'
    >>> deadline(dt(2019, 11, 30, 16), 120, dt(2019, 11, 30, 17)).isoformat()
    '2019-11-30T17:00:00'
    """
    return min(started + timedelta(minutes=minutes), closes)


def open_at(now: datetime, opens: datetime, closes: datetime) -> bool:
    """
    >>> from datetime import datetime as dt
    >>> open_at(dt(2019, 11, 1), dt(2019, 11, 1), dt(2019, 11, 2)), open_at(dt(2019, 11, 2), dt(2019, 11, 1), dt(2019, 11, 2))
    (True, False)
    """
    return opens <= now < closes


def start_offer(
    now: datetime,
    opens: datetime,
    closes: datetime,
    *,
    attempts: int,
    taken: int,
    passed: bool,
    in_progress: bool = False,
) -> str:
    """What a sitter's exam card offers: "start", "retake", "resume" (the open paper's link),
    or why there is nothing to start (the order of sitting_start's refusals, so no button leads
    only to a refusal).

    >>> from datetime import datetime as dt
    >>> o, c = dt(2019, 11, 18, 9), dt(2019, 11, 29, 17)
    >>> start_offer(dt(2019, 11, 20), o, c, attempts=2, taken=0, passed=False)
    'start'
    >>> start_offer(dt(2019, 11, 20), o, c, attempts=2, taken=1, passed=False)
    'retake'
    >>> start_offer(dt(2019, 11, 20), o, c, attempts=2, taken=1, passed=False, in_progress=True)
    'resume'
    >>> start_offer(dt(2019, 11, 20), o, c, attempts=2, taken=1, passed=True)
    '已通过本次考试'
    >>> start_offer(dt(2019, 11, 20), o, c, attempts=2, taken=2, passed=False)
    '补考次数已用完'
    >>> start_offer(dt(2019, 12, 1), o, c, attempts=2, taken=0, passed=False)
    '考试已结束'
    >>> start_offer(dt(2019, 11, 1), o, c, attempts=2, taken=0, passed=False)
    '考试尚未开始'
    """
    if now < opens:
        return "考试尚未开始"
    if not open_at(now, opens, closes):
        return "考试已结束"
    if in_progress:
        return "resume"
    if passed:
        return "已通过本次考试"
    if taken >= attempts:
        return "补考次数已用完"
    return "retake" if taken else "start"


def rate(part: int, whole: int) -> float | None:
    """Percentage, one decimal; None when nobody is counted.

    >>> rate(3, 4), rate(0, 0)
    (75.0, None)
    """
    return round(100.0 * part / whole, 1) if whole else None
