"""`fazhi deadline`, `load_holidays`, `recompute_deadlines`, `calendar_year`."""

import json
import os
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from fazhi.core.models import CalendarYear, HolidayOverride

REPO = Path(settings.BASE_DIR)


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_human_output_names_rule_basis_and_weekday():
    text = run("deadline", "penalty.payment", "--from", "2025-09-16")
    assert "罚款缴纳期限" in text
    assert "2025年10月9日（星期四）" in text
    assert "第六十七条" in text


@pytest.mark.django_db
def test_json_output_has_exactly_the_contract_keys():
    data = json.loads(
        run("deadline", "licensing.decision", "--from", "2025-09-16", "--extended", "--json")
    )
    assert data == {
        "rule": "licensing.decision",
        "start": "2025-09-16",
        "due": "2025-11-03",
        "unit": "working",
        "days": 30,
        "basis": data["basis"],
        "provisional": False,
    }
    assert "第八十二条" in data["basis"]


@pytest.mark.django_db
def test_list_prints_every_rule():
    text = run("deadline", "--list")
    assert "法定期限规则表" in text and "reconsideration.reply" in text
    rows = json.loads(run("deadline", "--list", "--json"))
    replies = [r for r in rows if r["code"] == "reconsideration.reply"]
    assert {r["unit"] for r in replies} == {"calendar", "working"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("_case", "args", "message"),
    [
        ("invalid date", ["penalty.payment", "--from", "2025-02-30"], "不是有效日期"),
        ("unknown rule", ["penalty.nope", "--from", "2025-02-03"], "未找到期限规则"),
        (
            "no calendar data",
            ["penalty.payment", "--from", "2031-02-03"],
            "2031年的放假安排尚未录入",
        ),
        (
            "not extendable",
            ["penalty.payment", "--from", "2025-02-03", "--extended"],
            "依法不能延长",
        ),
    ],
)
def test_refusals_are_chinese_and_exit_1(_case, args, message):
    with pytest.raises(CommandError, match=message) as info:
        run("deadline", *args)
    assert info.value.returncode == 1


@pytest.mark.django_db
def test_load_holidays_then_declare_and_list(tmp_path):
    path = tmp_path / "2027.json"
    days = [{"name": "元旦", "date": "2027-01-01", "isOffDay": True}]
    path.write_text(json.dumps({"year": 2027, "days": days}), encoding="utf-8")
    text = run("load_holidays", str(path))
    assert "新增1天" in text and "已确认2027年" in text
    assert "没有需要更新的日期" in run("load_holidays", str(path))
    assert HolidayOverride.objects.get().day == date(2027, 1, 1)
    assert "2027年：人工确认" in run("calendar_year", "list")
    assert json.loads(run("recompute_deadlines", "--json")) == {"changed": 0}


@pytest.mark.django_db
def test_calendar_year_declare_refusal(tmp_path):
    with pytest.raises(CommandError, match="尚未录入") as info:
        run("calendar_year", "declare", "2030", "--source", "国办发明电")
    assert info.value.returncode == 1
    assert not CalendarYear.objects.exists()


# --- exit codes of the real console script --------------------------------------------------


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory):
    """A migrated throw-away SQLite database for the subprocess (the test DB is in memory)."""
    db = tmp_path_factory.mktemp("cli") / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "fazhi.settings.base",
        "FAZHI_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{db}",
    }
    env.pop("TEST_DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=REPO, env=env, check=True, timeout=300
    )
    return env


def fazhi(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "fazhi.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("_case", "args", "code", "stream", "text"),
    [
        (
            "computed",
            ["penalty.payment", "--from", "2025-09-16", "--json"],
            0,
            "stdout",
            '"due": "2025-10-09"',
        ),
        ("invalid date", ["penalty.payment", "--from", "2025-13-01"], 1, "stderr", "不是有效日期"),
        ("unknown rule", ["nope", "--from", "2025-03-01"], 1, "stderr", "未找到期限规则"),
        ("no calendar data", ["penalty.payment", "--from", "2031-03-01"], 1, "stderr", "2031年"),
        ("missing --from", ["penalty.payment"], 2, "stderr", "usage"),
        ("no arguments", [], 2, "stderr", "usage"),
    ],
)
def test_console_script_exit_codes(cli_env, _case, args, code, stream, text):
    result = fazhi(cli_env, "deadline", *args)
    assert result.returncode == code, result.stderr
    assert text in getattr(result, stream)
