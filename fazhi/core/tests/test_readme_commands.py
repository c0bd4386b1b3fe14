"""Every `fazhi` command the README shows works as printed (exit 0), on a database with the
bureau's demo accounts: the contract with a new user. The long ones (`demo`, `laws import`) are
run by their own tests; `report draft` needs a year of records and has its own test."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from django.core.management import call_command

from fazhi.cli import main

README = Path(__file__).resolve().parents[3] / "README.md"
LONG = ("demo", "laws import", "report draft")


def readme_commands() -> list[list[str]]:
    blocks = [b.split("```", 1)[0] for b in README.read_text(encoding="utf-8").split("```sh")[1:]]
    return [
        shlex.split(line.split("#", 1)[0])[1:]
        for block in blocks
        for line in block.splitlines()
        if line.startswith(".venv/bin/fazhi ")
    ]


def test_the_readme_shows_commands():
    assert len(readme_commands()) >= 10


@pytest.mark.django_db
@pytest.mark.parametrize(
    "argv",
    [a for a in readme_commands() if not " ".join(a).startswith(LONG)],
    ids=lambda a: " ".join(a)[:40],
)
def test_a_readme_command_runs_as_printed(argv, capsys):
    call_command("createcachetable", verbosity=0)
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out = capsys.readouterr()
    assert code == 0, out.out[-500:] + out.err[-500:]
    assert "Traceback" not in out.err
    assert not re.search(r"CommandError", out.out + out.err)
