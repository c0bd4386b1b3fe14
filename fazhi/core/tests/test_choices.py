import doctest
from enum import StrEnum

from fazhi.core import choices
from fazhi.core.choices import label_choices


def test_doctests():
    assert doctest.testmod(choices).failed == 0


class Status(StrEnum):
    OPEN = "open"
    CLOSED = "closed"

    def __str__(self) -> str:  # a member that prints otherwise still gives its value
        return self.name


def test_the_value_is_stored_not_the_printed_name():
    assert label_choices({Status.CLOSED: "已结", Status.OPEN: "办理中"}) == [
        ("closed", "已结"),
        ("open", "办理中"),
    ]
