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
