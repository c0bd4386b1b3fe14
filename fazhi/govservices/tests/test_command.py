"""`fazhi services compare`: human text and JSON; an unknown year exits 1."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_compare_as_json_and_text(catalogue):
    out = StringIO()
    call_command("services", "compare", "2019", "2019", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["reductions"][0]["measure"] == "licensing_items"
    out = StringIO()
    call_command("services", "compare", "2019", "2019", stdout=out)
    assert "行政许可事项：2 → 2，减少 0%" in out.getvalue()


def test_unknown_year_exits_1(catalogue):
    with pytest.raises(SystemExit) as exc:
        call_command("services", "compare", "2017", "2019", stderr=StringIO())
    assert exc.value.code == 1
