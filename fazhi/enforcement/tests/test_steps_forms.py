"""A staff form's POST is read into the same typed step schema as the API's JSON body."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.http import QueryDict

from fazhi.enforcement.domain.review import POINT_CODES
from fazhi.enforcement.steps import (
    STEPS,
    BadInput,
    NotifyStepIn,
    ReviewStepIn,
    parse_form,
)


def post(**fields) -> QueryDict:
    q = QueryDict(mutable=True)
    for name, value in fields.items():
        q.setlist(name, value if isinstance(value, list) else [value])
    return q


def test_every_step_has_its_own_schema_name():
    names = [s.schema.__name__ for s in STEPS.values()]
    assert len(names) == len(set(names)) == len(STEPS) >= 23
    assert all(n.endswith("StepIn") and n != "StepIn" for n in names)


def test_notify_form_with_blank_numbers_and_checkboxes():
    data = parse_form(
        "notify",
        post(
            csrfmiddlewaretoken="x",
            version="3",
            on="2019-03-20",
            violation_code="lsi-25",
            workers="12",
            months="",
            amount="",
            first_offence="1",
            outcome="penalty",
            fine="2400",
            measures=["warning"],
            text="经查……",
        ),
    )
    assert isinstance(data, NotifyStepIn)
    assert (data.version, data.on, data.fine, data.workers) == (
        3,
        date(2019, 3, 20),
        Decimal(2400),
        12,
    )
    assert data.facts() == {
        "workers": 12,
        "months": 0,
        "amount": "0",
        "first_offence": True,
        "corrected": False,
        "harm": "",
        "circumstances": [],
    }
    # no fact field at all: the case's facts stay as they are
    assert parse_form("notify", post(on="2019-03-20", text="x")).facts() is None


def test_review_form_points_become_the_api_object():
    fields = {f"point_{c}": "1" for c in POINT_CODES}
    fields.update(
        point_documents="0", note_documents="未载明期限", on="2019-03-29", opinion="problems"
    )
    data = parse_form("review", post(**fields))
    assert isinstance(data, ReviewStepIn)
    assert (
        data.points["documents"].passed is False and data.points["documents"].note == "未载明期限"
    )
    assert data.points["subject"].passed is True


@pytest.mark.parametrize(
    ("action", "fields", "message"),
    [
        ("accept", {"on": ""}, "请填写：on"),
        ("accept", {"on": "2019-02-30"}, "日期格式不正确：on"),
        ("pay", {"on": "2019-03-01", "suspended_days": "x"}, "格式不正确：suspended_days"),
        ("nope", {}, "未知操作"),
    ],
)
def test_bad_form_input_is_a_422_refusal(action, fields, message):
    with pytest.raises(BadInput, match=message) as exc:
        parse_form(action, post(**fields))
    assert (exc.value.code, exc.value.status) == ("invalid_input", 422)
