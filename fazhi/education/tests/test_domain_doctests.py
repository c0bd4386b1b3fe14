import doctest

from fazhi.education.domain import drafts, exam, pufa


def test_doctests():
    result = doctest.testmod(exam)
    assert result.attempted > 10 and not result.failed


def test_drafts_and_pufa_doctests():
    for module in (drafts, pufa):
        result = doctest.testmod(module)
        assert result.attempted >= 4 and not result.failed, module
