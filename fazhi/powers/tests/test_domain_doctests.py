import doctest

import pytest

from fazhi.powers.domain import citations, review, usage, versions


@pytest.mark.parametrize("module", [citations, review, usage, versions])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0
