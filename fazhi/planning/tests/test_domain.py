"""The planning rules without a database: their doctests and the awkward days."""

import doctest
import re
from datetime import date
from decimal import Decimal

import pytest

from fazhi.planning.domain import duties, indicators


@pytest.mark.parametrize("module", [duties, indicators])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_a_task_due_on_new_years_eve_and_the_next_day():
    assert duties.check_task_due(plan_year=2019, due=date(2019, 12, 31)) is None
    assert duties.check_task_due(plan_year=2019, due=date(2020, 1, 1))
    assert duties.check_task_due(plan_year=2020, due=date(2020, 2, 29)) is None  # leap day


def test_a_nested_tree_must_add_up_at_every_level():
    tree = [
        indicators.node_from_dict(
            {
                "code": "1",
                "title": "甲",
                "weight": 100,
                "children": [
                    {
                        "code": "1.1",
                        "title": "乙",
                        "weight": "60",
                        "children": [
                            {"code": "1.1.1", "title": "丙", "weight": "30.5"},
                            {"code": "1.1.2", "title": "丁", "weight": "29.5"},
                        ],
                    },
                    {"code": "1.2", "title": "戊", "weight": 40},
                ],
            }
        )
    ]
    indicators.validate(tree, Decimal(100))
    tree[0].children[0].children[1].weight = Decimal("29.4")
    with pytest.raises(indicators.TreeInvalid, match=re.escape("1.1（乙）的下级分值合计59.9")):
        indicators.validate(tree, Decimal(100))


def test_a_computed_leaf_needs_its_figure_and_a_target_rule_its_target():
    leaf = indicators.Node("1", "持证率", Decimal(100), rule=indicators.TARGET, figure="x.y")
    with pytest.raises(indicators.TreeInvalid, match="目标值"):
        indicators.validate([leaf], Decimal(100))
    leaf.rule, leaf.figure = indicators.PROPORTIONAL, ""
    with pytest.raises(indicators.TreeInvalid, match="取数口径"):
        indicators.validate([leaf], Decimal(100))
