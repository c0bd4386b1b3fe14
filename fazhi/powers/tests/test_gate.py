"""The gate on every power-list write service: anonymous, another unit's clerk and a role without
the right are refused with nothing written; the item's own unit's clerk (or 法规处, 系统管理员)
acts. The law-change sweep is 法规处's or the system's."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.accounts.testing.gate import check_gate
from fazhi.powers.services import (
    power_item_create,
    power_item_deactivate,
    power_item_review_clear,
    power_item_revise,
    power_items_flag_changed_law,
)
from fazhi.powers.tests.conftest import create_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def others(people):
    # another unit's clerk, and roles without the right
    return [people["other_clerk"], people["officer"], people["leader"]]


def test_create(people, others):
    check_gate(
        lambda actor: power_item_create(
            code="CF-JC-30",
            kind="penalty",
            name="阻挠劳动保障监察的处理",
            org_unit=people["units"]["zongdui"],
            legal_basis_text="《劳动保障监察条例》第三十条",
            effective_from=date(2019, 1, 1),
            actor=actor,
        ),
        responsible=people["clerk"],
        outsiders=others,
    )


def test_revise_deactivate_and_clear(people, others, corpus):
    item = create_item(people)
    check_gate(
        lambda actor: power_item_revise(
            item=item, reason="整理", name="新名称", effective_from=date(2019, 6, 1), actor=actor
        ),
        responsible=people["clerk"],
        outsiders=others,
        obj=item,
    )
    item.refresh_from_db()
    item.needs_review = True
    item.save(update_fields=["needs_review"])
    check_gate(
        lambda actor: power_item_review_clear(item=item, note="依据未变", actor=actor),
        responsible=people["clerk"],
        outsiders=others,
        obj=item,
    )
    item.refresh_from_db()
    check_gate(
        lambda actor: power_item_deactivate(
            item=item, reason="取消", effective_from=date(2019, 7, 1), actor=actor
        ),
        responsible=people["clerk"],
        outsiders=others,
        obj=item,
    )


def test_the_law_change_sweep(people, corpus):
    create_item(people)
    check_gate(
        lambda actor: power_items_flag_changed_law(actor=actor, on=date(2020, 1, 2)),
        responsible=people["legal"],
        outsiders=[people["clerk"], people["officer"]],
    )
    assert power_items_flag_changed_law(actor=SYSTEM, on=date(2020, 1, 2)) == []
