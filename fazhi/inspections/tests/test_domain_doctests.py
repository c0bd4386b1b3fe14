import doctest

from fazhi.inspections.domain import directory, draw


def test_doctests():
    for module in (draw, directory):
        assert doctest.testmod(module).failed == 0
