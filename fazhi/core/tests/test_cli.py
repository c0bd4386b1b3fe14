"""The `fazhi` console script's exit-code contract: 0 ok, 1 a rule says no, 2 bad usage."""

import os
import subprocess
import sys

import pytest


def fazhi(*args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "fazhi.settings.test"}
    return subprocess.run(
        [sys.executable, "-m", "fazhi.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_unknown_subcommand_is_bad_usage():
    result = fazhi("no-such-thing")
    assert result.returncode == 2
    assert "未知的子命令" in result.stderr


def test_missing_argument_is_bad_usage():
    result = fazhi("audit")
    assert result.returncode == 2


@pytest.mark.parametrize("_case", ["help"])
def test_help_lists_subcommands(_case):
    result = fazhi("help")
    assert result.returncode == 0
    assert "audit" in result.stdout


def test_a_missing_production_setting_is_one_chinese_line_naming_it():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("FAZHI_SECRET_KEY", "DJANGO_SETTINGS_MODULE")
    }
    env["FAZHI_DEBUG"] = "false"  # production: beats the development .env, which only sets defaults
    result = subprocess.run(
        [sys.executable, "-m", "fazhi.cli", "validate", "uscc", "91350100M000100Y43"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "配置缺失：环境变量 FAZHI_SECRET_KEY 未设置。生产环境请在服务的环境中设置；"
        "本机开发请运行 make install（生成 .env，其中 FAZHI_DEBUG=true）。"
    ]
    assert "Traceback" not in result.stderr
