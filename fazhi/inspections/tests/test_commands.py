"""`fazhi inspections import-employers` and `fazhi draw run|verify` with their exit codes."""

from __future__ import annotations

import gzip
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from fazhi.inspections import selectors
from fazhi.inspections.models import Draw, Employer
from fazhi.inspections.tests.conftest import BEACON_VALUE, DRAW_DAY, beacon_terms

pytestmark = pytest.mark.django_db


def test_import_command(tmp_path):
    path = tmp_path / "名录.csv"
    path.write_bytes(
        "统一社会信用代码,单位名称,所在区,抽查分层\n91120101MA05ABCD1X,甲,和平区,A\n".encode("gbk")
    )
    out = StringIO()
    call_command("inspections", "import-employers", str(path), stdout=out)
    assert "第 2 行" in out.getvalue() and Employer.objects.count() == 0


def test_import_command_missing_columns_exits_1(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("uscc\n", encoding="utf-8")
    with pytest.raises(CommandError) as exc:
        call_command("inspections", "import-employers", str(path))
    assert exc.value.returncode == 1


def test_run_then_verify_ok_and_tampered(world, tmp_path):
    out = StringIO()
    terms = beacon_terms()
    call_command(
        "draw",
        "run",
        str(world["plan"].pk),
        "--on",
        DRAW_DAY.isoformat(),
        "--beacon-source",
        terms["beacon_source"],
        "--beacon-date",
        terms["beacon_date"].isoformat(),
        "--beacon",
        BEACON_VALUE,
        stdout=out,
    )
    draw = Draw.objects.get()
    assert draw.status == Draw.Status.REVEALED and draw.seed_hex in out.getvalue()
    out = StringIO()
    call_command("draw", "verify", str(draw.pk), stdout=out)
    assert out.getvalue().startswith("OK")
    # outside verification with the published files
    listing = tmp_path / "list.txt.gz"
    listing.write_bytes(gzip.compress(selectors.read_frozen(draw)))
    result = tmp_path / "result.txt"
    result.write_bytes(selectors.result_bytes(draw))
    args = [
        "draw",
        "verify",
        "--list",
        str(listing),
        "--seed",
        draw.seed_hex,
        "--list-sha256",
        draw.list_sha256,
        "--seed-sha256",
        draw.seed_sha256,
        "--result",
        str(result),
        "--shares",
        "A=0.2,B=10%",
        "--beacon",
        BEACON_VALUE,
    ]
    call_command(*args, stdout=StringIO())
    # without the public value the outsider's re-run differs from the published result
    with pytest.raises(CommandError) as exc:
        call_command(*args[:-2], stdout=StringIO())
    assert exc.value.returncode == 1
    # a tampered result: exit 1 and the first difference
    check = draw.checks.order_by("index").first()
    check.second_inspector, check.first_inspector = check.first_inspector, check.second_inspector
    check.save()
    with pytest.raises(CommandError) as exc:
        call_command("draw", "verify", str(draw.pk))
    assert exc.value.returncode == 1 and "第 1 行不同" in str(exc.value)
    with pytest.raises(CommandError) as exc:
        call_command(*[a if a != draw.seed_hex else "00" * 32 for a in args])
    assert exc.value.returncode == 1


def test_commit_then_execute_waits_for_the_public_value(world):
    # given: a commitment to a value published tomorrow
    tomorrow = timezone.localdate() + timedelta(days=1)
    out = StringIO()
    call_command(
        "draw",
        "commit",
        str(world["plan"].pk),
        "--on",
        DRAW_DAY.isoformat(),
        "--beacon-source",
        "福利彩票双色球次日开奖号码",
        "--beacon-date",
        tomorrow.isoformat(),
        stdout=out,
    )
    draw = Draw.objects.get()
    assert draw.status == Draw.Status.COMMITTED and draw.beacon_date == tomorrow
    # when: drawn today → refused; tomorrow with the value → drawn and revealed
    with pytest.raises(CommandError) as exc:
        call_command("draw", "execute", str(draw.pk), "--beacon", BEACON_VALUE)
    assert exc.value.returncode == 1 and "此前不能抽取" in str(exc.value)
    with time_machine.travel(tomorrow, tick=False):
        call_command("draw", "execute", str(draw.pk), "--beacon", BEACON_VALUE, stdout=out)
    draw.refresh_from_db()
    assert draw.status == Draw.Status.REVEALED and draw.beacon_value == BEACON_VALUE


def test_verify_usage_errors_exit_2():
    with pytest.raises(CommandError) as exc:
        call_command("draw", "verify")
    assert exc.value.returncode == 2
