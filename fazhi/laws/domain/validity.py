"""Validity of a legal document on a given day (时效性), and the chain of versions of one work.

Pure Python. The status vocabulary is the one 国家法律法规数据库 (flk.npc.gov.cn) shows: 有效,
已修改, 已废止, 失效 (宣布失效 or 有效期届满), 尚未生效.
Rules applied, in this order (the first that holds wins):

* before its 施行日期 a text is 尚未生效 (立法法 第六十一条: a law states its effective date);
* from the day it is repealed it is 已废止, from its expiry date (有效期届满, e.g. a 规范性文件's
  five-year term) it is 失效;
* from the day the next version of the same work takes effect it is 已修改: the version in force on
  day D is the one with effective_date <= D < the next version's effective_date;
* a version the source marks as expired, with no later version known to us, is 失效 on every day
  after it took effect: we do not know when it stopped, so it is never presented as current.

>>> from datetime import date
>>> v2017 = Validity(effective_date=date(2018, 1, 1), valid_to=date(2024, 1, 1))
>>> status_on(v2017, date(2020, 6, 1)).value, status_on(v2017, date(2025, 1, 1)).value
('有效', '已修改')
>>> next_versions([("a", date(2018, 1, 1)), ("b", date(2024, 1, 1))])
{'a': datetime.date(2024, 1, 1), 'b': None}
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


class Status(StrEnum):
    IN_FORCE = "有效"
    AMENDED = "已修改"
    REPEALED = "已废止"
    EXPIRED = "失效"
    NOT_YET_IN_FORCE = "尚未生效"


@dataclass(frozen=True)
class Validity:
    effective_date: date | None = None  # None: unknown, treated as "always was"
    valid_to: date | None = None  # the next version's effective date
    expiry_date: date | None = None
    repealed_on: date | None = None
    marked_expired: bool = False  # the source says expired/replaced, no date known


def status_on(validity: Validity, day: date) -> Status:
    """The status of one version on ``day`` (rules in the module docstring)."""
    if validity.effective_date and day < validity.effective_date:
        return Status.NOT_YET_IN_FORCE
    if validity.repealed_on and day >= validity.repealed_on:
        return Status.REPEALED
    if validity.expiry_date and day >= validity.expiry_date:
        return Status.EXPIRED
    if validity.valid_to:
        return Status.AMENDED if day >= validity.valid_to else Status.IN_FORCE
    if validity.marked_expired:
        return Status.EXPIRED
    return Status.IN_FORCE


def is_in_force(validity: Validity, day: date) -> bool:
    return status_on(validity, day) is Status.IN_FORCE


def next_versions(versions: Iterable[tuple[K, date | None]]) -> dict[K, date | None]:
    """For each version key, the effective date of the next version (its ``valid_to``).

    Versions with the same effective date are duplicates of one text (two sources), not successors,
    so neither ends the other. An unknown effective date sorts first.
    """
    items = list(versions)
    dates = sorted({d for _, d in items if d is not None})
    result: dict[K, date | None] = {}
    for key, effective in items:
        later = [d for d in dates if effective is None or d > effective]
        result[key] = later[0] if later else None
    return result
