"""The 第一责任人's year and the plan's tasks. Pure Python.

《党政主要负责人履行推进法治建设第一责任人职责规定》（中办、国办，2016年12月）第四条: the 主要负责人
personally plans, follows up, coordinates and supervises (亲自部署、亲自过问、亲自协调、亲自督办);
the government list of duties includes the annual plan and 学法 (第六条, wording UNVERIFIED). The
record of each of those acts — meetings chaired, 中心组 study sessions, decisions on rule-of-law
work — is what the year-end 述职 (and its 述法 item, 津人社党组发〔2017〕64号 [SEED]) cites.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MEETING = "meeting"
STUDY = "study"
DECISION = "decision"
KINDS = {MEETING: "主持召开会议", STUDY: "集体学法（中心组）", DECISION: "法治建设决策部署"}

BUREAU = "bureau"
DIVISION = "division"
LEVELS = {BUREAU: "局级领导干部", DIVISION: "处级领导干部"}

# 述法 subjects (domain-rules-2 §17 data model: 党组书记/局长/班子成员).
STATEMENT_ROLES = {"secretary": "党组书记", "director": "局长", "member": "班子成员"}
# 评议 results: the grades of the annual 考核 (公务员考核规定 第七条: 优秀、称职、基本称职、不称职) are
# the nearest published scale; the bureau's own 述法 评议 scale is UNVERIFIED.
REVIEW_RESULTS = {"good": "好", "fair": "较好", "average": "一般", "poor": "差"}


def check_duty_date(*, held_on: date, today: date) -> str | None:
    """Why a 第一责任人 record cannot be dated ``held_on`` (None if it can): not in the future.

    >>> check_duty_date(held_on=date(2019, 12, 31), today=date(2020, 1, 1)) is None
    True
    >>> check_duty_date(held_on=date(2020, 1, 2), today=date(2020, 1, 1))
    '日期不能晚于今天'
    """
    if held_on > today:
        return "日期不能晚于今天"
    return None


def check_study(*, level: str, attendance: int, expected: int) -> str | None:
    """A study session names its level and an attendance no larger than those expected.

    >>> check_study(level="bureau", attendance=9, expected=11) is None
    True
    >>> check_study(level="ministry", attendance=9, expected=11)
    '集体学法须注明局级或处级'
    >>> check_study(level="division", attendance=12, expected=11)
    '实到人数不能多于应到人数'
    >>> check_study(level="division", attendance=0, expected=0)
    '应到人数须大于零'
    """
    if level not in LEVELS:
        return "集体学法须注明局级或处级"
    if expected <= 0:
        return "应到人数须大于零"
    if not 0 <= attendance <= expected:
        return "实到人数不能多于应到人数"
    return None


def check_task_due(*, plan_year: int, due: date) -> str | None:
    """A plan task falls due within its plan's year (工作要点 are yearly).

    >>> check_task_due(plan_year=2020, due=date(2020, 12, 31)) is None
    True
    >>> check_task_due(plan_year=2020, due=date(2021, 1, 1))
    '任务期限须在2020年内'
    """
    if due.year != plan_year:
        return f"任务期限须在{plan_year}年内"
    return None


@dataclass(frozen=True)
class TaskLine:
    content: str
    lead_unit: str


CN_NUMERALS = "一二三四五六七八九十"


def next_year_paragraphs(year: int, tasks: list[TaskLine]) -> list[str]:
    """下一年度安排 drafted from the next year's plan tasks, as the 2019 report wrote it.

    >>> next_year_paragraphs(2020, [TaskLine("深入落实第一责任人职责。", "办公室"),
    ...                             TaskLine("严格规范性文件管理", "法规处")])
    ['2020年，重点做好两个方面工作：', '（一）深入落实第一责任人职责。（牵头单位：办公室）', '（二）严格规范性文件管理。（牵头单位：法规处）']
    >>> next_year_paragraphs(2020, [])
    []
    """
    if not tasks:
        return []
    count = _numeral(len(tasks)) if len(tasks) != 2 else "两"
    out = [f"{year}年，重点做好{count}个方面工作："]
    for n, task in enumerate(tasks, start=1):
        text = task.content.rstrip("。；; ")
        out.append(f"（{_numeral(n)}）{text}。（牵头单位：{task.lead_unit}）")
    return out


def _numeral(n: int) -> str:
    """
    >>> [_numeral(n) for n in (1, 10, 11, 20, 23)]
    ['一', '十', '十一', '二十', '二十三']
    """
    if n <= 10:
        return CN_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CN_NUMERALS[tens - 1]
    return head + "十" + (CN_NUMERALS[ones - 1] if ones else "")
