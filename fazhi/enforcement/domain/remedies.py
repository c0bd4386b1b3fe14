"""Who hears a challenge to an enforcement decision: the 复议机关 and the court, as the decision
must name them (行政处罚法 2021 第五十九条第（五）项; 2017 第三十九条第（五）项). Pure Python.

复议机关, by the 行政复议法 in force on the day of the decision:

* 1999/2017 text 第十二条: against a department of a local government (the 市人社局, a 区人社局),
  the applicant chooses 本级人民政府 or the 上一级主管部门;
* 2023 text 第二十四条 (from 2024-01-01): the 本级人民政府 alone (the department's superior
  handles only 海关、金融、外汇管理 etc. and its own cases).

Court: the basic court where the agency is (行政诉讼法 第十八条). Tianjin: since 2015-10-08
cases against a 市级行政机关 go to the 和平区人民法院 (天津高院《关于指定部分行政案件施行跨行政
区域管辖的通知》, reported in 人民法院报 2015-10-12 — the text itself UNVERIFIED). The names are
configuration (``settings.FAZHI["ENFORCEMENT_REMEDY_BODIES"]``) with these defaults.

>>> bodies = remedy_bodies(unit_code="JU", agency="天津市人力资源和社会保障局", on=date(2019, 4, 1))
>>> bodies.reconsideration
'天津市人民政府或者中华人民共和国人力资源和社会保障部'
>>> remedy_bodies(unit_code="JU", agency="天津市人力资源和社会保障局", on=date(2024, 1, 2)).reconsideration
'天津市人民政府'
>>> remedy_bodies(unit_code="HPQ", agency="天津市和平区人力资源和社会保障局", on=date(2019, 4, 1))
RemedyBodies(reconsideration='天津市和平区人民政府或者天津市人力资源和社会保障局', court='天津市和平区人民法院')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

NEW_RECONSIDERATION_LAW = date(2024, 1, 1)
CITY_GOVERNMENT = "天津市人民政府"
MINISTRY = "中华人民共和国人力资源和社会保障部"
CITY_BUREAU = "天津市人力资源和社会保障局"
CITY_COURT = "天津市和平区人民法院"
BUREAU_SUFFIX = "人力资源和社会保障局"


@dataclass(frozen=True)
class RemedyBodies:
    reconsideration: str
    court: str


def remedy_bodies(
    *,
    unit_code: str,
    agency: str,
    on: date,
    configured: Mapping[str, Mapping[str, Any]] | None = None,
) -> RemedyBodies:
    """The 复议机关 and the court for a decision of ``agency`` (full name) made on ``on``."""
    entry = dict((configured or {}).get(unit_code, {}))
    district = agency.startswith("天津市") and agency != CITY_BUREAU and "区" in agency
    if district:
        government = agency.removesuffix(BUREAU_SUFFIX) + "人民政府"
        superior, court = CITY_BUREAU, agency.removesuffix(BUREAU_SUFFIX) + "人民法院"
    else:
        government, superior, court = CITY_GOVERNMENT, MINISTRY, CITY_COURT
    if on >= NEW_RECONSIDERATION_LAW:
        reconsideration = entry.get("reconsideration", government)
    else:
        reconsideration = entry.get("reconsideration_before_2024", f"{government}或者{superior}")
    return RemedyBodies(reconsideration, entry.get("court", court))
