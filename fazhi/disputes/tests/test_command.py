"""`manage.py disputes figures`: counts and rates from the registers, human or JSON."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from fazhi.disputes.domain.reconsideration import DecisionType
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply

pytestmark = pytest.mark.django_db


def test_figures_as_json_and_text(people):
    case = apply(people)
    recon.reconsideration_review(
        case=case, outcome="accept", on=date(2019, 3, 22), actor=people["legal"]
    )
    recon.reconsideration_decide(
        case=case,
        decision=DecisionType.VARY,
        on=date(2019, 5, 1),
        error_cause="improper",
        detail="罚款数额变更为二千元",
        actor=people["legal"],
    )
    out = StringIO()
    call_command("disputes", "figures", "--year", "2019", "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["counts"]["reconsideration_accepted"] == 1
    assert result["total"]["correction_rate"] == 1.0
    text = StringIO()
    call_command("disputes", "figures", "--year", "2019", stdout=text)
    assert "受理 1 件" in text.getvalue() and "100.0%" in text.getvalue()
    with pytest.raises(CommandError):
        call_command("disputes", "figures", "--year", "1800")
