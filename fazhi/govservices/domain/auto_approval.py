"""无人审批: automatic licensing decisions for items whose conditions are all machine-checkable.

Pure Python. A rule is data: an id, a version, the item it serves and a list of conditions
written in a very small language, one comparison per condition::

    <fact> <op> <literal>        op: ==  !=  >=  <=  >  <
                                 literal: true | false | an integer or decimal | "text"

The facts are assembled by the service from what the application holds (materials checklist,
the checked 统一社会信用代码, the registration data the applicant declared and the credit check)
and passed in, so evaluating a rule needs no database and can be replayed from the decision's
recorded inputs. A rule approves only when every condition holds; any missing fact is a
failure (the application then goes to a person), never a guess.

>>> rule = RULES["lwpq"]
>>> facts = {"materials_complete": True, "uscc_valid": True, "registered_capital_yuan": 2000000,
...          "credit_blacklisted": False, "revoked_within_3_years": False}
>>> evaluate(rule, facts).passed
True
>>> evaluate(rule, {**facts, "registered_capital_yuan": 1500000}).failed_labels
['注册资本不少于人民币二百万元']
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

_CONDITION = re.compile(r"^\s*([a-z_][a-z0-9_]*)\s*(==|!=|>=|<=|>|<)\s*(.+?)\s*$")


class RuleSyntaxError(ValueError):
    """A condition is not in the rule language."""


@dataclass(frozen=True)
class Condition:
    label: str  # what a person reads, in Chinese
    expression: str  # in the rule language
    basis: str  # law and article

    def parsed(self) -> tuple[str, str, Any]:
        return parse_condition(self.expression)


@dataclass(frozen=True)
class AutoRule:
    id: str
    version: int
    name: str
    conditions: tuple[Condition, ...]

    @property
    def key(self) -> str:
        return f"{self.id}@v{self.version}"


@dataclass(frozen=True)
class ConditionResult:
    label: str
    expression: str
    basis: str
    observed: Any
    passed: bool


@dataclass(frozen=True)
class Evaluation:
    rule_id: str
    rule_version: int
    results: tuple[ConditionResult, ...]
    inputs: dict[str, Any]

    @property
    def passed(self) -> bool:
        return bool(self.results) and all(r.passed for r in self.results)

    @property
    def failed_labels(self) -> list[str]:
        return [r.label for r in self.results if not r.passed]

    def as_dict(self) -> dict[str, Any]:
        """What is stored on the decision: rule id + version + inputs + each outcome."""
        return {
            "rule_id": self.rule_id,
            "rule_version": self.rule_version,
            "passed": self.passed,
            "inputs": {k: _jsonable(v) for k, v in sorted(self.inputs.items())},
            "conditions": [
                {
                    "label": r.label,
                    "expression": r.expression,
                    "basis": r.basis,
                    "observed": _jsonable(r.observed),
                    "passed": r.passed,
                }
                for r in self.results
            ],
        }


def _jsonable(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def _literal(text: str) -> Any:
    if text in {"true", "false"}:
        return text == "true"
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    try:
        return Decimal(text)
    except InvalidOperation:
        raise RuleSyntaxError(f"无法识别的取值：{text}") from None


def parse_condition(expression: str) -> tuple[str, str, Any]:
    """``"registered_capital_yuan >= 2000000"`` → ``("registered_capital_yuan", ">=", 2000000)``.

    >>> parse_condition('uscc_valid == true')
    ('uscc_valid', '==', True)
    >>> parse_condition('capital => 1')
    Traceback (most recent call last):
    ...
    fazhi.govservices.domain.auto_approval.RuleSyntaxError: 条件不符合规则语言：capital => 1
    """
    match = _CONDITION.match(expression)
    if match is None:
        raise RuleSyntaxError(f"条件不符合规则语言：{expression}")
    fact, op, literal = match.groups()
    value = _literal(literal)
    if op in {">=", "<=", ">", "<"} and not isinstance(value, Decimal):
        raise RuleSyntaxError(f"大小比较只适用于数值：{expression}")
    return fact, op, value


def _holds(observed: Any, op: str, expected: Any) -> bool:
    if observed is None:
        return False
    if isinstance(expected, bool):
        if not isinstance(observed, bool):
            return False
        return (observed == expected) if op == "==" else (observed != expected)
    if isinstance(expected, Decimal):
        if isinstance(observed, bool):
            return False
        try:
            number = Decimal(str(observed))
        except InvalidOperation:
            return False
        holds: bool = {
            "==": number == expected,
            "!=": number != expected,
            ">=": number >= expected,
            "<=": number <= expected,
            ">": number > expected,
            "<": number < expected,
        }[op]
        return holds
    same: bool = str(observed) == expected
    return same if op == "==" else not same


def evaluate(rule: AutoRule, facts: Mapping[str, Any]) -> Evaluation:
    """Check every condition of ``rule`` against ``facts``; record what was observed."""
    results = []
    used: dict[str, Any] = {}
    for condition in rule.conditions:
        fact, op, expected = condition.parsed()
        observed = facts.get(fact)
        used[fact] = observed
        results.append(
            ConditionResult(
                condition.label,
                condition.expression,
                condition.basis,
                observed,
                _holds(observed, op, expected),
            )
        )
    return Evaluation(rule.id, rule.version, tuple(results), used)


LICENSING_LAW = "《中华人民共和国行政许可法》"
LABOUR_CONTRACT_LAW = "《中华人民共和国劳动合同法》"
_MATERIALS = Condition(
    "申请材料齐全、符合法定形式",
    "materials_complete == true",
    f"{LICENSING_LAW}第三十二条第一款第（五）项",
)
_USCC = Condition(
    "统一社会信用代码有效",
    "uscc_valid == true",
    "GB 32100-2015《法人和其他组织统一社会信用代码编码规则》",
)
_CREDIT = Condition(
    "未被列入严重失信主体名单",
    "credit_blacklisted == false",
    "《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）",
)

RULES: dict[str, AutoRule] = {
    # 劳动合同法 第五十七条: 注册资本不少于人民币二百万元; 有固定的经营场所和设施 and 管理制度 are
    # attested by the materials (场所使用证明, 管理制度文本), so they are covered by the checklist.
    # 《劳务派遣行政许可实施办法》第二十九条 bars re-application within 3 years of a revocation.
    "lwpq": AutoRule(
        "lwpq",
        1,
        "劳务派遣经营许可无人审批规则",
        (
            _MATERIALS,
            _USCC,
            Condition(
                "注册资本不少于人民币二百万元",
                "registered_capital_yuan >= 2000000",
                f"{LABOUR_CONTRACT_LAW}第五十七条第一款第（一）项",
            ),
            _CREDIT,
            Condition(
                "三年内未被吊销劳务派遣经营许可证",
                "revoked_within_3_years == false",
                "《劳务派遣行政许可实施办法》第二十九条",
            ),
        ),
    ),
    # 人力资源市场暂行条例 第十八条: 职业中介活动 needs a licence; 场所 and 制度 are attested by
    # the materials, so the machine checks completeness, identity, credit and staff numbers.
    "rlzy": AutoRule(
        "rlzy",
        1,
        "人力资源服务许可无人审批规则",
        (
            _MATERIALS,
            _USCC,
            _CREDIT,
            # 就业促进法 第四十条: "有一定数量具备相应职业资格的专职工作人员"; 3 is this bureau's
            # published 审批标准 (a number the statute leaves to the licensing body).
            Condition(
                "专职工作人员不少于3名",
                "full_time_staff >= 3",
                "《中华人民共和国就业促进法》第四十条第（三）项",
            ),
        ),
    ),
}


# Facts 无人审批 takes from the registers the bureau holds, never from the applicant's own
# declaration: a rule that decides for the bureau decides on facts the bureau verified.
REGISTER_FACTS = ("registered_capital_yuan", "credit_blacklisted", "revoked_within_3_years")
REVOCATION_BAR_YEARS = 3  # 《劳务派遣行政许可实施办法》第二十九条


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def register_facts(entry: Mapping[str, Any] | None, *, on: date) -> dict[str, Any]:
    """The register-backed facts for one applicant on ``on``; all None when the applicant is
    not in the register (the rule then fails and a person decides).

    >>> register_facts(None, on=date(2019, 3, 1))["registered_capital_yuan"] is None
    True
    >>> f = register_facts({"registered_capital_yuan": Decimal("3000000"), "credit_blacklisted": False,
    ...                     "licence_revoked_on": date(2017, 5, 1)}, on=date(2019, 3, 1))
    >>> f["revoked_within_3_years"], f["registered_capital_yuan"]
    (True, Decimal('3000000'))
    """
    if entry is None:
        return dict.fromkeys(REGISTER_FACTS)
    revoked = entry.get("licence_revoked_on")
    within = revoked is not None and on < _years_after(revoked, REVOCATION_BAR_YEARS)
    return {
        "registered_capital_yuan": entry.get("registered_capital_yuan"),
        "credit_blacklisted": entry.get("credit_blacklisted"),
        "revoked_within_3_years": within,
    }


def rule_for(rule_id: str) -> AutoRule | None:
    return RULES.get(rule_id)
