"""普法 activities and 学法 records (issue 23; domain-rules-2 §18). Pure rules.

* 国家宪法日 is 12 月 4 日 (全国人民代表大会常务委员会关于设立国家宪法日的决定, 2014-11-01);
  the bureau's 宪法宣传周 is held around it (seed: "12.4" 国家宪法宣传日), so a 宪法宣传周
  record must span 12-04 of its year.
* 以案释法 and 旁听庭审 are duties of the 普法责任制 (中办发〔2017〕31号) and of the 学法用法
  制度 (2016); their wording is UNVERIFIED, so nothing here depends on it.
* A competition's stage can send on at most as many people or teams as took part in it.
* 学法 hours per person and year are summed from the records; the yearly target (if any) is a
  setting (FAZHI["STUDY_HOURS_TARGET"], UNVERIFIED).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum


class ActivityKind(StrEnum):
    CONSTITUTION_WEEK = "constitution_week"
    LAW_MONTH = "law_month"
    CASE_EXPLAINED = "case_explained"
    COURT_HEARING = "court_hearing"
    COMPETITION = "competition"
    LECTURE = "lecture"
    OTHER = "other"


ACTIVITY_NAMES: dict[ActivityKind, str] = {
    ActivityKind.CONSTITUTION_WEEK: "宪法宣传周",
    ActivityKind.LAW_MONTH: "法律法规宣传月",
    ActivityKind.CASE_EXPLAINED: "以案释法",
    ActivityKind.COURT_HEARING: "旁听庭审",
    ActivityKind.COMPETITION: "法治知识竞赛",
    ActivityKind.LECTURE: "专题讲座",
    ActivityKind.OTHER: "其他普法活动",
}


class StudyKind(StrEnum):
    GROUP = "group"  # 党组理论学习中心组集体学习
    ONLINE = "online"  # 网上学法
    LECTURE = "lecture"
    COURT = "court"
    EXAM = "exam"
    OTHER = "other"


STUDY_NAMES: dict[StudyKind, str] = {
    StudyKind.GROUP: "中心组集体学习",
    StudyKind.ONLINE: "网上学法",
    StudyKind.LECTURE: "专题讲座",
    StudyKind.COURT: "旁听庭审",
    StudyKind.EXAM: "学法用法考试",
    StudyKind.OTHER: "其他",
}


def check_activity(kind: str, starts: date, ends: date | None) -> None:
    """Raise ValueError (Chinese) for an activity that cannot be recorded.

    >>> check_activity("constitution_week", date(2019, 12, 2), date(2019, 12, 8))
    >>> check_activity("constitution_week", date(2019, 12, 5), date(2019, 12, 11))
    Traceback (most recent call last):
    ValueError: 宪法宣传周须包含12月4日国家宪法日
    >>> check_activity("lecture", date(2019, 5, 2), date(2019, 5, 1))
    Traceback (most recent call last):
    ValueError: 结束日期不能早于开始日期
    >>> check_activity("party", date(2019, 5, 2), None)
    Traceback (most recent call last):
    ValueError: 活动类别不正确
    >>> check_activity("constitution_week", date(2019, 12, 4), None)  # one day: the day itself
    """
    try:
        kind = ActivityKind(kind)
    except ValueError:
        raise ValueError("活动类别不正确") from None
    last = ends or starts
    if last < starts:
        raise ValueError("结束日期不能早于开始日期")
    if kind is ActivityKind.CONSTITUTION_WEEK:
        day = date(starts.year, 12, 4)
        if not starts <= day <= last:
            raise ValueError("宪法宣传周须包含12月4日国家宪法日")


def check_advancing(advancing: int, took_part: int) -> None:
    """A stage sends on at most as many as took part.

    >>> check_advancing(5, 18)
    >>> check_advancing(19, 18)
    Traceback (most recent call last):
    ValueError: 晋级人数（19）不能超过参赛数（18）
    """
    if advancing > took_part:
        raise ValueError(f"晋级人数（{advancing}）不能超过参赛数（{took_part}）")


def check_hours(hours: Decimal) -> None:
    """Hours of one study record: more than 0 and at most a day.

    >>> check_hours(Decimal("2.5"))
    >>> check_hours(Decimal("0"))
    Traceback (most recent call last):
    ValueError: 学时须大于0且不超过24
    """
    if not Decimal(0) < hours <= Decimal(24):
        raise ValueError("学时须大于0且不超过24")


def hours_by_person(rows: Iterable[tuple[int, Decimal]]) -> dict[int, Decimal]:
    """Sum (person, hours) rows.

    >>> hours_by_person([(1, Decimal("2")), (2, Decimal("1.5")), (1, Decimal("0.5"))])
    {1: Decimal('2.5'), 2: Decimal('1.5')}
    """
    total: dict[int, Decimal] = {}
    for person, hours in rows:
        total[person] = total.get(person, Decimal(0)) + hours
    return total
