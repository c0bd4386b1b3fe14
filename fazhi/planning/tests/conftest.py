from __future__ import annotations

import io

import pytest

from fazhi.accounts.tests.factories import make_user


def pdf(name: str = "记录") -> dict:
    return {
        "evidence_file": io.BytesIO(f"%PDF-1.4\n% {name}\n%%EOF\n".encode()),
        "evidence_name": f"{name}.pdf",
    }


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
