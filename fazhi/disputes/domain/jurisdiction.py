"""Which body decides a reconsideration (行政复议机关), by the date of the application. Pure.

The 行政复议法 in force on the day the application was received decides:

* 1999 text (in force 1999-10-01; the 2009 and 2017 amendments keep the number) 第十二条第一款:
  "对县级以上地方各级人民政府工作部门的具体行政行为不服的，由申请人选择，可以向该部门的本级
  人民政府申请行政复议，也可以向上一级主管部门申请行政复议。" So an act of the 市人社局 went to
  the 天津市人民政府 or to the 人力资源和社会保障部, an act of a 区人社局 to the district
  government or to the 市人社局 — the applicant's choice, which the register records.
* 2023 text (in force 2024-01-01) 第二十四条第一款第（一）项: "县级以上地方各级人民政府管辖……
  对本级人民政府工作部门作出的行政行为不服的" — the 本级人民政府 alone; the 上一级主管部门 is no
  longer a 复议机关 for these departments (第二十七条 keeps it only for 海关、金融、外汇管理 etc.).

>>> city = "天津市人力资源和社会保障局"
>>> reconsideration_body(agency=city, received_on=date(2025, 3, 3)).name
'天津市人民政府'
>>> reconsideration_body(agency=city, received_on=date(2025, 3, 3)).basis
'《中华人民共和国行政复议法》（2023年修订）第二十四条第一款第（一）项'
>>> body = reconsideration_body(agency=city, received_on=date(2019, 5, 6), choice="department")
>>> body.name, body.basis
('中华人民共和国人力资源和社会保障部', '《中华人民共和国行政复议法》（2017年修正）第十二条第一款')
>>> district = "天津市和平区人力资源和社会保障局"
>>> reconsideration_body(agency=district, received_on=date(2023, 12, 29), choice="department").name
'天津市人力资源和社会保障局'
>>> reconsideration_body(agency=district, received_on=date(2024, 1, 1)).name
'天津市和平区人民政府'
>>> reconsideration_body(agency=district, received_on=date(2009, 8, 26), choice="government").basis
'《中华人民共和国行政复议法》第十二条第一款'
>>> reconsideration_body(agency=city, received_on=date(2019, 5, 6)).name
'天津市人民政府或者中华人民共和国人力资源和社会保障部'
>>> reconsideration_body(agency=city, received_on=date(2024, 2, 1), choice="department")
Traceback (most recent call last):
...
fazhi.core.domain.errors.Refused: 自2024年1月1日起，对天津市人力资源和社会保障局的行政行为不服的，由天津市人民政府管辖，上一级主管部门不再是行政复议机关（依据：《中华人民共和国行政复议法》（2023年修订）第二十四条第一款第（一）项）
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from fazhi.core.domain.errors import Refused

LAW_2023_FROM = date(2024, 1, 1)
CITY_BUREAU = "天津市人力资源和社会保障局"
CITY_GOVERNMENT = "天津市人民政府"
MINISTRY = "中华人民共和国人力资源和社会保障部"
BUREAU_SUFFIX = "人力资源和社会保障局"

# (in force from, title as cited, article) — read from ../shared/data/laws (LawRefBook
# 诉讼与非诉讼程序法/行政复议法(1999-04-29|2009-08-27|2017-09-01|2023-09-01).md).
_VERSIONS = (
    (date(1999, 10, 1), "《中华人民共和国行政复议法》", "第十二条第一款"),
    (date(2009, 8, 27), "《中华人民共和国行政复议法》（2009年修正）", "第十二条第一款"),
    (date(2018, 1, 1), "《中华人民共和国行政复议法》（2017年修正）", "第十二条第一款"),
    (LAW_2023_FROM, "《中华人民共和国行政复议法》（2023年修订）", "第二十四条第一款第（一）项"),
)


class Choice(StrEnum):
    """The applicant's choice under the 1999/2017 law 第十二条第一款."""

    GOVERNMENT = "government"  # 本级人民政府
    DEPARTMENT = "department"  # 上一级主管部门


CHOICE_LABELS: Mapping[Choice, str] = {
    Choice.GOVERNMENT: "本级人民政府",
    Choice.DEPARTMENT: "上一级主管部门",
}


@dataclass(frozen=True)
class Body:
    name: str  # the 复议机关's full name
    basis: str  # the article that makes it the body
    choice: str  # Choice value under the old law; "" under the 2023 law


def jurisdiction_basis(received_on: date) -> str:
    """The article fixing the 复议机关 for an application received on ``received_on``."""
    found = _VERSIONS[0]
    for version in _VERSIONS:
        if version[0] <= received_on:
            found = version
    return f"{found[1]}{found[2]}"


def candidates(agency: str) -> tuple[str, str]:
    """(本级人民政府, 上一级主管部门) of a Tianjin 人社 department named ``agency`` in full.

    >>> candidates("天津市河西区人力资源和社会保障局")
    ('天津市河西区人民政府', '天津市人力资源和社会保障局')
    """
    if agency != CITY_BUREAU and agency.endswith(BUREAU_SUFFIX) and "区" in agency:
        return agency.removesuffix(BUREAU_SUFFIX) + "人民政府", CITY_BUREAU
    return CITY_GOVERNMENT, MINISTRY


def reconsideration_body(
    *,
    agency: str,
    received_on: date,
    choice: str = "",
    configured: Mapping[str, str] | None = None,
) -> Body:
    """The 复议机关 of an application against an act of ``agency`` received on ``received_on``.

    Under the old law the applicant's ``choice`` names the body (without it: both, "X或者Y",
    choice ""); under the 2023 law a choice of the 上一级主管部门 is refused. ``configured`` may name the bodies differently
    (keys ``government`` and ``department``; settings, not code).
    """
    government, department = candidates(agency)
    government = (configured or {}).get("government", government)
    department = (configured or {}).get("department", department)
    basis = jurisdiction_basis(received_on)
    if received_on >= LAW_2023_FROM:
        if choice == Choice.DEPARTMENT:
            raise Refused(
                f"自2024年1月1日起，对{agency}的行政行为不服的，由{government}管辖，"
                f"上一级主管部门不再是行政复议机关",
                basis,
            )
        return Body(government, basis, "")
    if not choice:
        # the copy arrived without the applicant's choice on record: either body, as the law
        # allowed; the register shows it as not yet recorded (see `Body.choice`)
        return Body(f"{government}或者{department}", basis, "")
    if choice not in set(Choice):
        raise Refused("复议机关应为本级人民政府或者上一级主管部门", basis)
    name = government if choice == Choice.GOVERNMENT else department
    return Body(name, basis, str(choice))
