"""The assessment indicator tree (考核指标体系) and its scoring rules. Pure Python.

No national scoring set for a municipal department is published: the 《市县法治政府建设示范指标体系》
weights are "由中央依法治国办组织专家研究确定" and not public (domain-rules-2 §17), and the items of the
bureau's own 津人社办发〔2019〕111号 are UNVERIFIED. So the tree is configuration: each node has a
level, a weight, the evidence it needs and a scoring rule, and the only rule the code imposes is
arithmetic — the weights of a node's children sum to the node's weight, the first level sums to
the scheme's total (宁夏 2015 and 广东 省政府令第184号 both score out of 100 points).

Scoring rules:

* ``proportional`` (按比例得分): points = weight × rate / 100, rate capped at 100;
* ``target`` (达标满分): full points when the rate reaches the node's target, else proportional to
  rate / target;
* ``reviewer`` (评审打分): a reviewer gives 0..weight points on the uploaded evidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

PROPORTIONAL = "proportional"
TARGET = "target"
REVIEWER = "reviewer"
RULES = {PROPORTIONAL: "按比例得分", TARGET: "达标满分", REVIEWER: "评审打分"}
COMPUTED = {PROPORTIONAL, TARGET}
LEVEL_NAMES = {1: "一级", 2: "二级", 3: "三级"}

TWO = Decimal("0.01")


class TreeInvalid(ValueError):
    """The tree breaks a rule; ``str()`` is the Chinese message naming the node."""


@dataclass
class Node:
    code: str
    title: str
    weight: Decimal
    rule: str = REVIEWER
    figure: str = ""  # the report figure a computed indicator draws on
    target: Decimal | None = None
    evidence: str = ""
    assumed: bool = True
    children: list[Node] = field(default_factory=list)


def node_from_dict(data: dict[str, Any]) -> Node:
    """Build a node (and its children) from configuration.

    >>> n = node_from_dict({"code": "1", "title": "甲", "weight": "10",
    ...                     "children": [{"code": "1.1", "title": "乙", "weight": 10}]})
    >>> n.children[0].weight
    Decimal('10')
    """
    try:
        weight = Decimal(str(data["weight"]))
    except Exception as exc:
        raise TreeInvalid(f"指标{data.get('code', '')}的分值不是数字") from exc
    target = data.get("target")
    return Node(
        code=str(data["code"]),
        title=str(data["title"]),
        weight=weight,
        rule=data.get("rule", REVIEWER if not data.get("children") else ""),
        figure=data.get("figure", ""),
        target=Decimal(str(target)) if target is not None else None,
        evidence=data.get("evidence", ""),
        assumed=bool(data.get("assumed", True)),
        children=[node_from_dict(c) for c in data.get("children", [])],
    )


def nodes_from_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The tree's configuration from a form's rows in page order, each {"level", "title",
    "weight", "rule", "figure", "target", "evidence"}; a row belongs to the nearest row one
    level up above it, and the 编号 follow from the order (1, 1.1, 1.1.1). Rows without a title
    are blank lines of the form and skipped; only a leaf keeps its scoring rule.

    >>> tree = nodes_from_rows([
    ...     {"level": 1, "title": "依法决策", "weight": "60"},
    ...     {"level": 2, "title": "合法性审查", "weight": "60", "rule": "reviewer",
    ...      "evidence": "审查意见书"},
    ...     {"level": 1, "title": "", "weight": ""},
    ...     {"level": 1, "title": "公示", "weight": "40", "rule": "target",
    ...      "figure": "publicity.on_time_rate", "target": "95"}])
    >>> [(n["code"], n["rule"], [c["code"] for c in n["children"]]) for n in tree]
    [('1', '', ['1.1']), ('2', 'target', [])]
    >>> tree[1]["target"], tree[0]["children"][0]["evidence"]
    ('95', '审查意见书')
    >>> nodes_from_rows([{"level": 2, "title": "乙", "weight": "5"}])
    Traceback (most recent call last):
    ...
    fazhi.planning.domain.indicators.TreeInvalid: 第1行：二级指标“乙”前须有所属的一级指标
    """
    roots: list[dict[str, Any]] = []
    open_: list[dict[str, Any]] = []  # the last node of each level above, for the next row
    for n, row in enumerate(rows, 1):
        title = str(row.get("title") or "").strip()
        if not title:
            continue
        level = int(row.get("level") or 1)
        if not 1 <= level <= len(open_) + 1 or level not in LEVEL_NAMES:
            raise TreeInvalid(
                f"第{n}行：{LEVEL_NAMES.get(level, '')}指标“{title}”前须有所属的"
                f"{LEVEL_NAMES.get(level - 1, '上一级')}指标"
            )
        del open_[level - 1 :]
        siblings = open_[-1]["children"] if open_ else roots
        code = f"{open_[-1]['code']}.{len(siblings) + 1}" if open_ else str(len(roots) + 1)
        target = str(row.get("target") or "").strip()
        node: dict[str, Any] = {
            "code": code,
            "title": title,
            "weight": str(row.get("weight") or "").strip(),
            "rule": str(row.get("rule") or REVIEWER),
            "figure": str(row.get("figure") or "").strip(),
            "evidence": str(row.get("evidence") or "").strip(),
            "children": [],
        }
        if target:
            node["target"] = target
        if open_:
            open_[-1]["rule"] = ""  # a node with children is scored by them
        siblings.append(node)
        open_.append(node)
    return roots


def validate(nodes: list[Node], total: Decimal) -> None:
    """Refuse a tree whose weights do not add up, or whose leaves cannot be scored.

    >>> leaf = lambda c, w: Node(c, "x", Decimal(w))
    >>> validate([Node("1", "a", Decimal(60), children=[leaf("1.1", 30), leaf("1.2", 30)]),
    ...           leaf("2", 40)], Decimal(100))
    >>> validate([Node("1", "a", Decimal(60), children=[leaf("1.1", 30), leaf("1.2", 20)]),
    ...           leaf("2", 40)], Decimal(100))
    Traceback (most recent call last):
    ...
    fazhi.planning.domain.indicators.TreeInvalid: 指标1（a）的下级分值合计50，应等于其分值60
    >>> validate([leaf("1", 60)], Decimal(100))
    Traceback (most recent call last):
    ...
    fazhi.planning.domain.indicators.TreeInvalid: 一级指标分值合计60，应等于总分100
    """
    _sum_is(nodes, total, "一级指标分值合计{got}，应等于总分{want}")
    seen: set[str] = set()
    for node in _walk(nodes):
        if node.code in seen:
            raise TreeInvalid(f"指标编号{node.code}重复")
        seen.add(node.code)
        if node.weight < 0:
            raise TreeInvalid(f"指标{node.code}（{node.title}）的分值不能为负数")
        if node.children:
            _sum_is(
                node.children,
                node.weight,
                f"指标{node.code}（{node.title}）的下级分值合计{{got}}，应等于其分值{{want}}",
            )
        elif node.rule not in RULES:
            raise TreeInvalid(f"指标{node.code}（{node.title}）没有可用的评分方法")
        elif node.rule in COMPUTED and not node.figure:
            raise TreeInvalid(f"指标{node.code}（{node.title}）按记录计算，但未指定取数口径")
        elif node.rule == TARGET and not (node.target and node.target > 0):
            raise TreeInvalid(f"指标{node.code}（{node.title}）达标满分，但未设定目标值")


def _sum_is(nodes: list[Node], want: Decimal, message: str) -> None:
    got = sum((n.weight for n in nodes), Decimal(0))
    if got != want:
        raise TreeInvalid(message.format(got=_n(got), want=_n(want)))


def _n(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _walk(nodes: list[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        yield from _walk(node.children)


def computed_points(
    *, rule: str, weight: Decimal, rate: Decimal, target: Decimal | None
) -> Decimal:
    """Points of a computed indicator from its rate (a percentage).

    >>> computed_points(rule=PROPORTIONAL, weight=Decimal(5), rate=Decimal(100), target=None)
    Decimal('5.00')
    >>> computed_points(rule=PROPORTIONAL, weight=Decimal(5), rate=Decimal("87.5"), target=None)
    Decimal('4.38')
    >>> computed_points(rule=PROPORTIONAL, weight=Decimal(5), rate=Decimal(130), target=None)
    Decimal('5.00')
    >>> computed_points(rule=TARGET, weight=Decimal(4), rate=Decimal(96), target=Decimal(95))
    Decimal('4.00')
    >>> computed_points(rule=TARGET, weight=Decimal(4), rate=Decimal(76), target=Decimal(95))
    Decimal('3.20')
    >>> computed_points(rule=TARGET, weight=Decimal(4), rate=Decimal(-5), target=Decimal(95))
    Decimal('0.00')
    """
    rate = max(Decimal(0), rate)
    if rule == TARGET:
        share = min(Decimal(1), rate / target) if target else Decimal(0)
    else:
        share = min(Decimal(100), rate) / 100
    return (weight * share).quantize(TWO, rounding=ROUND_HALF_UP)


def check_reviewer_points(points: Decimal, weight: Decimal, title: str) -> None:
    """A reviewer's score lies within 0..weight.

    >>> check_reviewer_points(Decimal(3), Decimal(5), "x")
    >>> check_reviewer_points(Decimal(6), Decimal(5), "普法")
    Traceback (most recent call last):
    ...
    fazhi.planning.domain.indicators.TreeInvalid: 普法的评分应在0至5分之间
    """
    if not Decimal(0) <= points <= weight:
        raise TreeInvalid(f"{title}的评分应在0至{_n(weight)}分之间")
