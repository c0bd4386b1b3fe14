"""The demo gives the seed's 2019 legislation figures from records, and is idempotent."""

from __future__ import annotations

import pytest

from fazhi.core.selectors.figures import compute
from fazhi.decisions.tests.test_demo import _ctx
from fazhi.legislation import demo

pytestmark = pytest.mark.django_db


def test_demo_gives_the_seed_figures():
    ctx = _ctx()
    demo.load(ctx)
    demo.load(ctx)
    assert compute("legislation.rules_revised", 2019).value == 1  # 政府令第14号
    assert compute("legislation.research_reports", 2019).value == 1  # 人才流动条例
    drafts = compute("legislation.drafts_commented", 2019)
    assert drafts.value == 5 and any("退役军人保障法" in r.label for r in drafts.records)
