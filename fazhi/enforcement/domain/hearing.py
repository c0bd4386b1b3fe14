"""听证: when the party has the right to a hearing, and the rules for holding one. Pure.

行政处罚法 (2021) 第六十三条: the right applies to 较大数额罚款, 没收较大数额违法所得/较大价值非法
财物, 降低资质等级, 吊销许可证件, 责令停产停业, 责令关闭, 限制从业, 其他较重的行政处罚. 第六十四条:
request within 5 working days of the notice; notice of the hearing at least 7 working days before;
the presiding officer is not an investigator of the case; a 笔录 is made and signed. (2017 text
第四十二条: 3 days / 7 days, calendar — the clock picks the version in force.)

The amount of 较大数额 is set locally (Tianjin: 津劳法〔1999〕296号, amounts UNVERIFIED); it is
configuration, ``settings.FAZHI["HEARING_FINE_THRESHOLDS"]`` = {"person": …, "org": …}.

>>> hearing_triggers(fine=Decimal("20000"), party_kind="org", measures=frozenset(), thresholds=Thresholds())
['较大数额罚款（法人或其他组织20000元以上）']
>>> hearing_triggers(fine=Decimal("500"), party_kind="person", measures=frozenset(), thresholds=Thresholds())
[]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from fazhi.core.domain import citations
from fazhi.core.domain.errors import Refused
from fazhi.enforcement.domain.review import MEASURE_LABELS, Measure

PENALTY_LAW = "《中华人民共和国行政处罚法》"
BASIS_63 = f"{PENALTY_LAW}第六十三条"
BASIS_64 = f"{PENALTY_LAW}第六十四条"
# Items of the hearing article: 2021 第六十四条第（n）项; 2017 第四十二条第一款第（n）项 (the
# 笔录 is item 7 there, item 8 in 2021).
_ITEMS_2017 = {"request": "一", "notice": "二", "presiding": "四", "record": "七"}
_ITEMS_2021 = {"request": "一", "notice": "二", "presiding": "四", "record": "八"}


def basis(on: date | None, item: str = "", *, right: bool = False) -> str:
    """The hearing article of the 行政处罚法 in force on ``on`` (today without a date).

    >>> basis(date(2019, 5, 6), "record"), basis(date(2021, 8, 2), "record")
    ('《中华人民共和国行政处罚法》（2017年修正）第四十二条第一款第（七）项', '《中华人民共和国行政处罚法》（2021年修订）第六十四条第（八）项')
    >>> basis(date(2019, 5, 6), right=True), basis(date(2021, 8, 2), right=True)
    ('《中华人民共和国行政处罚法》（2017年修正）第四十二条', '《中华人民共和国行政处罚法》（2021年修订）第六十三条')
    """
    day = on or citations.CURRENT
    version = citations.version_on(citations.PENALTY, day)
    new = day >= date(2021, 7, 15)
    if right:
        return version.title + ("第六十三条" if new else "第四十二条")
    article = "第六十四条" if new else "第四十二条"
    if not item:
        return version.title + article
    number = (_ITEMS_2021 if new else _ITEMS_2017)[item]
    return version.title + article + ("" if new else "第一款") + f"第（{number}）项"


HEAVY_MEASURES = frozenset(
    {
        Measure.REVOKE_LICENCE,
        Measure.LOWER_QUALIFICATION,
        Measure.SUSPEND_BUSINESS,
        Measure.CLOSE_DOWN,
        Measure.RESTRICT_PRACTICE,
    }
)


@dataclass(frozen=True)
class Thresholds:
    """较大数额罚款 in 元. Defaults follow the Hunan 人社 example (公民 1000元, 组织 2万元),
    the only amounts seen in a source; Tianjin's are UNVERIFIED."""

    person: Decimal = Decimal("1000")
    org: Decimal = Decimal("20000")
    confiscation: Decimal = Decimal("20000")

    @classmethod
    def from_setting(cls, value: Mapping[str, Any] | None) -> Thresholds:
        value, default = value or {}, cls()
        return cls(
            person=Decimal(str(value.get("person", default.person))),
            org=Decimal(str(value.get("org", default.org))),
            confiscation=Decimal(str(value.get("confiscation", default.confiscation))),
        )


def _yuan(amount: Decimal) -> str:
    return f"{amount.normalize():f}"


def hearing_triggers(
    *,
    fine: Decimal,
    party_kind: str,
    measures: frozenset[str],
    thresholds: Thresholds,
    confiscation: Decimal = Decimal(0),
) -> list[str]:
    """The reasons the party may ask for a hearing (empty: no hearing right)."""
    reasons: list[str] = []
    limit = thresholds.person if party_kind == "person" else thresholds.org
    who = "公民" if party_kind == "person" else "法人或其他组织"
    if fine and fine >= limit:
        reasons.append(f"较大数额罚款（{who}{_yuan(limit)}元以上）")
    if confiscation and confiscation >= thresholds.confiscation:
        reasons.append("没收较大数额违法所得或较大价值非法财物")
    reasons.extend(MEASURE_LABELS[Measure(m)] for m in sorted(measures) if m in HEAVY_MEASURES)
    return reasons


def check_request(*, has_right: bool, requested_on: date, last_day: date) -> None:
    """A request is accepted only where a trigger applies and within the period."""
    if not has_right:
        raise Refused(
            "拟作出的处罚不属于听证范围，当事人无权要求听证", basis(requested_on, right=True)
        )
    if requested_on > last_day:
        raise Refused(
            f"当事人应在告知后法定期限内要求听证（最后一日：{last_day.isoformat()}），已逾期",
            basis(requested_on, "request"),
        )


def check_notice(*, notice_on: date, hearing_on: date, latest_notice: date) -> None:
    """The hearing notice goes out at least 7 (working) days before the hearing."""
    if hearing_on <= notice_on:
        raise Refused("听证日期须在通知日期之后", basis(notice_on, "notice"))
    if notice_on > latest_notice:
        raise Refused(
            f"应当在举行听证七日前通知当事人（最迟通知日：{latest_notice.isoformat()}）",
            basis(notice_on, "notice"),
        )


def check_presiding(*, presiding_is_investigator: bool, on: date | None = None) -> None:
    if presiding_is_investigator:
        raise Refused("听证由行政机关指定的非本案调查人员主持", basis(on, "presiding"))


def check_can_close(*, has_record: bool, held: bool, waived: bool, on: date | None = None) -> None:
    """A hearing closes only with its signed 笔录, unless the party withdrew or did not appear."""
    if waived:
        return
    if not held:
        raise Refused("听证尚未举行，不能结束听证程序", basis(on))
    if not has_record:
        raise Refused("听证应当制作笔录，未附听证笔录的不能结束听证", basis(on, "record"))


def check_decision_after_window(
    *, has_right: bool, requested: bool, decided_on: date, last_day: date | None
) -> None:
    """With a hearing right and no request yet, the decision waits for the request period."""
    if has_right and not requested and last_day is not None and decided_on <= last_day:
        raise Refused(
            f"当事人要求听证的期限尚未届满（{last_day.isoformat()}），不能作出决定",
            basis(decided_on, "request"),
        )
