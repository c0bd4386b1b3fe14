"""公平竞争审查: the standards in force on the review day, the checklist, the exception.

From 2024-08-01 《公平竞争审查条例》 第八条至第十一条 (19 standards in 4 groups, each ending with a
catch-all), 第十二条 exceptions, 第十六至十八条 procedure (domain-rules §13, §20). Before that the
bureau reviewed under 《国务院关于在市场体系建设中建立公平竞争审查制度的意见》（国发〔2016〕34号）
and its 2017 / 2021 细则; that system's 18 standards are kept under the same four groups — the
item texts below for it are a summary, UNVERIFIED against the document.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from fazhi.core.domain.errors import Refused
from fazhi.decisions.domain.errors import Code

REGULATION_FROM = date(2024, 8, 1)


@dataclass(frozen=True)
class Standard:
    code: str
    group: str
    text: str


_GROUPS_2024 = {
    "8": "市场准入和退出（第八条）",
    "9": "商品和要素自由流动（第九条）",
    "10": "影响生产经营成本（第十条）",
    "11": "影响生产经营行为（第十一条）",
}

STANDARDS_2024: tuple[Standard, ...] = tuple(
    Standard(code, _GROUPS_2024[code.split(".")[0]], text)
    for code, text in [
        ("8.1", "不得违法设置或者授予市场准入负面清单以外的审批"),
        ("8.2", "不得违法设置或者授予特许经营权"),
        ("8.3", "不得限定经营、购买或者使用特定经营者提供的商品或者服务"),
        ("8.4", "不得设置不合理或者歧视性的准入、退出条件"),
        ("8.5", "其他限制或者变相限制市场准入和退出的内容"),
        ("9.1", "不得限制外地或者进口商品、要素进入本地市场，或者阻碍本地经营者迁出"),
        ("9.2", "不得排斥、限制、强制或者变相强制外地经营者在本地投资或者设立分支机构"),
        ("9.3", "不得排斥、限制或者变相限制外地经营者参加本地政府采购、招标投标"),
        ("9.4", "不得对外地或者进口商品、要素设置歧视性收费项目、收费标准、价格或者补贴"),
        ("9.5", "不得在资质标准、监管执法等方面对外地经营者设置歧视性要求"),
        ("9.6", "其他限制商品、要素在全国统一大市场自由流动的内容"),
        ("10.1", "不得给予特定经营者税收优惠"),
        ("10.2", "不得给予特定经营者选择性、差异化的财政奖励或者补贴"),
        ("10.3", "不得给予特定经营者要素获取、行政事业性收费、政府性基金、社会保险费等方面的优惠"),
        ("10.4", "其他影响特定经营者生产经营成本的内容"),
        ("11.1", "不得强制或者变相强制经营者实施垄断行为，或者为其提供便利条件"),
        ("11.2", "不得超越法定权限制定政府指导价、政府定价"),
        ("11.3", "不得违法干预实行市场调节价的商品、要素的价格水平"),
        ("11.4", "其他不合理影响经营者生产经营行为的内容"),
    ]
)

# 国发〔2016〕34号: 4 groups, 18 standards (5 + 5 + 4 + 4) — texts summarised, UNVERIFIED.
STANDARDS_2016: tuple[Standard, ...] = tuple(
    Standard(code, group, text)
    for g, (group, items) in enumerate(
        [
            (
                "市场准入和退出标准",
                [
                    "不得设置不合理和歧视性的准入和退出条件",
                    "公布特许经营权目录清单，且未经公平竞争不得授予经营者特许经营权",
                    "不得限定经营、购买、使用特定经营者提供的商品和服务",
                    "不得设置没有法律法规依据的审批或者事前备案程序",
                    "不得对市场准入负面清单以外的行业、领域、业务等设置审批程序",
                ],
            ),
            (
                "商品和要素自由流动标准",
                [
                    "不得对外地和进口商品实行歧视性价格和歧视性补贴政策",
                    "不得限制外地和进口商品进入本地市场或者阻碍本地商品运出",
                    "不得排斥或者限制外地经营者参加本地招标投标活动",
                    "不得排斥、限制或者强制外地经营者在本地投资或者设立分支机构",
                    "不得对外地经营者在本地的投资或者设立的分支机构实行歧视性待遇",
                ],
            ),
            (
                "影响生产经营成本标准",
                [
                    "不得违法给予特定经营者优惠政策",
                    "安排财政支出一般不得与企业缴纳的税收或非税收入挂钩",
                    "不得违法免除特定经营者需要缴纳的社会保险费用",
                    "不得在法律规定之外要求经营者提供或者扣留经营者各类保证金",
                ],
            ),
            (
                "影响生产经营行为标准",
                [
                    "不得强制经营者从事垄断行为",
                    "不得违法披露或者要求经营者披露生产经营敏感信息",
                    "不得超越定价权限进行政府定价",
                    "不得违法干预实行市场调节价的商品和服务的价格水平",
                ],
            ),
        ],
        start=1,
    )
    for i, text in enumerate(items, start=1)
    for code in [f"2016.{g}.{i}"]
)


def basis_on(day: date, article: str = "") -> str:
    """The review regime in force on ``day``.

    >>> basis_on(date(2024, 7, 31))
    '《国务院关于在市场体系建设中建立公平竞争审查制度的意见》（国发〔2016〕34号）'
    >>> basis_on(date(2024, 8, 1), "第十二条")
    '《公平竞争审查条例》第十二条'
    """
    if day >= REGULATION_FROM:
        return f"《公平竞争审查条例》{article}"
    return "《国务院关于在市场体系建设中建立公平竞争审查制度的意见》（国发〔2016〕34号）"


def standards_on(day: date) -> tuple[Standard, ...]:
    """The checklist in force on ``day``.

    >>> len(standards_on(date(2024, 8, 1))), len(standards_on(date(2019, 6, 1)))
    (19, 18)
    """
    return STANDARDS_2024 if day >= REGULATION_FROM else STANDARDS_2016


class Conclusion(StrEnum):
    PASSES = "passes"  # 符合公平竞争审查标准
    FAILS = "fails"  # 违反标准，不得出台（或调整后重新审查）
    EXCEPTION = "exception"  # 违反标准但符合例外规定


CONCLUSION_LABELS = {
    Conclusion.PASSES: "符合公平竞争审查标准，可以出台",
    Conclusion.FAILS: "违反公平竞争审查标准，不得出台",
    Conclusion.EXCEPTION: "适用例外规定，可以出台",
}

EXCEPTION_GROUNDS = {
    "security": "维护国家安全和发展利益",
    "innovation": "促进科学技术进步、增强国家自主创新能力",
    "public_interest": "实现节约能源资源、保护生态环境、维护公共卫生健康安全等社会公共利益",
    "legal": "法律、行政法规规定的其他情形",
}


def check_checklist(answers: Mapping[str, Mapping[str, object]], day: date) -> list[str]:
    """Every standard answered (``violates`` yes/no) with a reason; returns the codes violated.

    >>> ok = {s.code: {"violates": False, "reason": "不涉及"} for s in STANDARDS_2024}
    >>> check_checklist(ok, date(2024, 9, 1))
    []
    >>> check_checklist({**ok, "10.2": {"violates": True, "reason": ""}}, date(2024, 9, 1))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 审查标准10.2（不得给予特定经营者选择性、差异化的财政奖励或者补贴）须逐项作答并说明理由（依据：《公平竞争审查条例》第八条至第十一条、第十七条）
    """
    basis = basis_on(day, "第八条至第十一条、第十七条")
    violated = []
    for standard in standards_on(day):
        answer = answers.get(standard.code) or {}
        if (
            not isinstance(answer.get("violates"), bool)
            or not str(answer.get("reason", "")).strip()
        ):
            raise Refused(
                f"审查标准{standard.code}（{standard.text}）须逐项作答并说明理由",
                basis,
                code=Code.CHECKLIST_INCOMPLETE,
            )
        if answer["violates"]:
            violated.append(standard.code)
    return violated


def check_conclusion(
    conclusion: Conclusion,
    violated: list[str],
    *,
    day: date,
    ground: str = "",
    alternatives: str = "",
    term_end: date | None = None,
) -> None:
    """第十二条: an exception needs a ground, the alternatives weighed and a term; a measure
    violating a standard cannot pass without one.

    >>> check_conclusion(Conclusion.EXCEPTION, ["10.2"], day=date(2024, 9, 1),
    ...     ground="public_interest", alternatives="无影响更小的方案")
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 适用例外规定须写明例外情形、没有对公平竞争影响更小的替代方案的说明和实施期限（依据：《公平竞争审查条例》第十二条）
    """
    if conclusion == Conclusion.PASSES and violated:
        raise Refused(
            "审查发现违反标准的，不能作出符合标准的结论：应当调整、不予出台或依法适用例外规定",
            basis_on(day, "第十八条"),
            code=Code.COMPETITION_FAILED,
        )
    if conclusion == Conclusion.EXCEPTION:
        if ground not in EXCEPTION_GROUNDS or not alternatives.strip() or term_end is None:
            raise Refused(
                "适用例外规定须写明例外情形、没有对公平竞争影响更小的替代方案的说明和实施期限",
                basis_on(day, "第十二条"),
                code=Code.EXCEPTION_INCOMPLETE,
            )
        if term_end <= day:
            raise Refused(
                "例外规定的实施期限应当晚于审查日期",
                basis_on(day, "第十二条"),
                code=Code.EXCEPTION_INCOMPLETE,
            )


def may_publish(conclusion: str | None) -> bool:
    """第十八条: no conclusion, or a failing one, and the measure is not issued.

    >>> may_publish(None), may_publish("fails"), may_publish("exception")
    (False, False, True)
    """
    return conclusion in (Conclusion.PASSES, Conclusion.EXCEPTION)
