"""The shared typed-date rule (issue 18.5): its docstring examples are tests, no database."""

from __future__ import annotations

import doctest
from datetime import date

import pytest

from fazhi.core.domain import entry_dates
from fazhi.core.domain.errors import Refused


def test_docstring_examples():
    result = doctest.testmod(entry_dates)
    assert result.attempted > 0 and result.failed == 0


def test_the_day_of_entry_itself_is_accepted_and_the_next_refused():
    entry_dates.check_not_future(date(2026, 12, 31), date(2026, 12, 31), "缴纳日期")
    with pytest.raises(Refused, match="缴纳日期（2027-01-01）不能晚于录入当日（2026-12-31）"):
        entry_dates.check_not_future(date(2027, 1, 1), date(2026, 12, 31), "缴纳日期")
