"""The gate on the law corpus's write services: importing, relinking and reindexing are the
SYSTEM actor's (the `fazhi laws` commands) or 法规处's and the administrator's; anonymous users
and other roles are refused with nothing written."""

from __future__ import annotations

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.accounts.testing.gate import check_gate
from fazhi.accounts.tests.factories import make_user
from fazhi.laws.services import corpus_import, corpus_import_all, corpus_link, search_reindex
from fazhi.laws.services.importing import document_import
from fazhi.laws.tests.conftest import SHARED, requires_data, subset_sources

pytestmark = pytest.mark.django_db


@pytest.fixture
def others(org_tree):
    return [
        make_user("zf", unit=org_tree["zhidui"], roles=["执法人员"]),
        make_user("boss", unit=org_tree["bureau"], roles=["局领导"]),
    ]


@requires_data
def test_import_link_and_reindex(org_tree, others):
    legal = make_user("fagui", unit=org_tree["fagui"], roles=["法规处工作人员"])
    first, *rest = subset_sources()[:3]
    check_gate(
        lambda actor: document_import(source=first, root=SHARED, actor=actor),
        responsible=legal,
        outsiders=others,
    )
    check_gate(
        lambda actor: corpus_import(sources=rest, root=SHARED, actor=actor),
        responsible=SYSTEM,
        outsiders=others,
    )
    check_gate(
        lambda actor: corpus_import_all(sources=[(SHARED, s) for s in rest], actor=actor),
        responsible=legal,
        outsiders=others,
    )
    check_gate(lambda actor: corpus_link(actor=actor), responsible=legal, outsiders=others)
    check_gate(lambda actor: search_reindex(actor=actor), responsible=SYSTEM, outsiders=others)
