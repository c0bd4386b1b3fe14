"""`fazhi powers flag-review` and `fazhi powers usage`."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from fazhi.powers.models import PowerItem
from fazhi.powers.tests.conftest import amend, create_item, make_case

pytestmark = pytest.mark.django_db


def test_flag_review_json(people, corpus, capsys):
    # given
    create_item(people, code="CF-SF-2", legal_basis_text="《示范条例》第二条")
    amend(corpus)
    # when
    call_command("powers", "flag-review", "--on", "2025-01-01", "--json")
    # then
    out = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in out["flagged"]] == ["CF-SF-2"]
    assert PowerItem.objects.get(code="CF-SF-2").needs_review
    call_command("powers", "flag-review", "--on", "2025-01-01")
    assert "新标记待复核事项 0 项" in capsys.readouterr().out


def test_flag_review_bad_date_is_usage_error(db):
    with pytest.raises(CommandError) as caught:
        call_command("powers", "flag-review", "--on", "2025-13-01")
    assert caught.value.returncode == 2


def test_usage_json(people, corpus, capsys):
    item = create_item(people)
    create_item(people, code="CF-JC-30", legal_basis_text="《劳动保障监察条例》第三十条")
    make_case(item, "案-1", date(2019, 3, 1))
    call_command("powers", "usage", "--year", "2019", "--json")
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)["items"]}
    assert rows["CF-JC-26"]["count"] == 1 and rows["CF-JC-30"]["zero_enforcement"]
    with pytest.raises(CommandError) as caught:
        call_command("powers", "usage", "--year", "1800")
    assert caught.value.returncode == 2


def test_laws_import_flags_items_whose_basis_changed(people, corpus):
    from io import StringIO
    from pathlib import Path

    from django.conf import settings

    policies = Path(settings.FAZHI["SHARED_DATA_DIR"]) / "policies"
    if not (policies / "manifest.csv").exists():
        pytest.skip("shared data folder not present")
    # given: an item citing 示范条例 第二条, which a newer version rewrote
    create_item(people, code="CF-SF-2", legal_basis_text="《示范条例》第二条")
    amend(corpus)
    out = StringIO()
    # when: an import that changes the corpus
    call_command("laws", "import", str(policies), "--limit", "1", stdout=out)
    # then: the item is flagged and the operator is told which
    assert PowerItem.objects.get(code="CF-SF-2").needs_review
    assert "已标记待复核的权责事项" in out.getvalue() and "CF-SF-2" in out.getvalue()
