import doctest

from fazhi.education.domain import exam


def test_doctests():
    result = doctest.testmod(exam)
    assert result.attempted > 10 and not result.failed
