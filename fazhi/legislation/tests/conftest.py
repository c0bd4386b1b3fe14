from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.tests.factories import make_user


@pytest.fixture
def people(org_tree):
    return {
        "units": org_tree,
        "legal": make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "head": make_user("head", unit=org_tree["bureau"], roles=["局领导"]),
        "clerk": make_user("clerk", unit=org_tree["zongdui"], roles=["业务处室经办人"]),
        "other_clerk": make_user("hp_clerk", unit=org_tree["district"], roles=["业务处室经办人"]),
        "officer": make_user("officer", unit=org_tree["zhidui"], roles=["执法人员"]),
    }


def draft_from_above(people, **kw):
    """The 退役军人保障法 draft, received 2019-05-01 with its replies due 2019-05-20."""
    from fazhi.legislation import services

    return services.draft_register(
        title="退役军人保障法（草案）",
        level="law",
        requester="全国人大常委会法工委",
        received_on=date(2019, 5, 1),
        due_on=date(2019, 5, 20),
        org_unit=people["units"]["fagui"],
        actor=people["legal"],
        **kw,
    )
