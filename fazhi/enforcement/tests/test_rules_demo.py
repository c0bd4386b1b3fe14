"""demo_rules.load: the benchmark versions and twelve arrears cases in every state; idempotent.
And the `fazhi discretion` command."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.accounts.scenario import DemoContext
from fazhi.accounts.tests.factories import make_user
from fazhi.core.domain.identifiers import validate_uscc
from fazhi.core.models import AuditEvent
from fazhi.enforcement import demo_rules
from fazhi.enforcement.domain.arrears import Status
from fazhi.enforcement.models import (
    ArrearsCase,
    ArrearsDateEntry,
    ArrearsStep,
    DiscretionBenchmarkSet,
)


@pytest.fixture
def ctx(org_tree):
    officer = make_user("zhifa1", unit=org_tree["zhidui"], roles=["执法人员"])
    users = {
        "fagui": make_user("fagui", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "zhifa1": officer,
        "zhifa2": make_user("zhifa2", unit=org_tree["zhidui"], roles=["执法人员"]),
        "hp_zhifa": make_user("hp_zhifa", unit=org_tree["district_team"], roles=["执法人员"]),
    }
    units = {**org_tree, "insurance_centre": org_tree["zongdui"]}
    return DemoContext(
        actor=officer, today=date(2019, 12, 31), units=units, users=users, created=Counter()
    )


@pytest.mark.django_db
def test_demo_covers_every_state_and_is_idempotent(ctx):
    demo_rules.load(ctx)
    assert set(ArrearsCase.objects.values_list("status", flat=True)) == {s.value for s in Status}
    assert ArrearsCase.objects.count() == 12
    assert all(
        validate_uscc(c).is_valid
        for c in ArrearsCase.objects.values_list("employer_uscc", flat=True)
    )
    sets = dict(DiscretionBenchmarkSet.objects.values_list("version", "status"))
    assert sets == {"2017": "superseded", "2019": "published"}
    assert ArrearsStep.objects.filter(kind="fine", power_item_code="CF-SB-86").count() == 2
    # each step entered on the day it was done (18.5): logged, none flagged
    assert ArrearsDateEntry.objects.count() == ArrearsStep.objects.count()
    assert not ArrearsDateEntry.objects.filter(flagged=True).exists()
    counts = (AuditEvent.objects.count(), ArrearsStep.objects.count())
    demo_rules.load(ctx)
    assert (AuditEvent.objects.count(), ArrearsStep.objects.count()) == counts


@pytest.mark.django_db
def test_discretion_command_import_publish_propose_list(org_tree):
    out = StringIO()
    with pytest.raises(CommandError, match="请先登录"):  # the CLI names who acts, as the gate asks
        call_command("discretion", "import", stdout=out)
    make_user("fagui", unit=org_tree["fagui"], roles=["法规处工作人员"])
    call_command("discretion", "import", "--actor", "fagui", stdout=out)
    assert "2019" in out.getvalue()
    call_command(
        "discretion",
        "publish",
        "2019",
        "--from",
        "2019-01-01",
        "--actor",
        "fagui",
        stdout=StringIO(),
    )
    out = StringIO()
    call_command(
        "discretion",
        "propose",
        "--violation",
        "lsi-25",
        "--workers",
        "12",
        "--on",
        "2019-06-01",
        "--json",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    assert (data["tier_label"], data["min_amount"], data["max_amount"]) == (
        "一般",
        "2400.00",
        "3600.00",
    )
    with pytest.raises(CommandError) as exc:
        call_command("discretion", "propose", "--violation", "lsi-25", "--on", "2010-01-01")
    assert exc.value.returncode == 1
    out = StringIO()
    call_command("discretion", "list", "--json", stdout=out)
    assert {row["version"] for row in json.loads(out.getvalue())} == {"2017", "2019"}
