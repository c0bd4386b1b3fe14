"""The decisions app's pure rules: their doctests, without a database."""

import doctest

import pytest

from fazhi.decisions.domain import competition, counsel, procedure


@pytest.mark.parametrize("module", [procedure, competition, counsel])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_the_2024_checklist_has_19_standards_in_articles_8_to_11():
    groups = [st.code.split(".")[0] for st in competition.STANDARDS_2024]
    assert [groups.count(g) for g in ("8", "9", "10", "11")] == [5, 6, 4, 4]
    assert len({st.code for st in competition.STANDARDS_2016}) == 18
