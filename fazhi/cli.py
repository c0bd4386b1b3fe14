"""The `fazhi` console script: `fazhi SUBCOMMAND ...` runs the management command of that name.

Exit codes: 0 success, 1 a rule says no (invalid, refused), 2 bad usage.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings.base")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:] if argv is None else argv
    execute_from_command_line(["fazhi", *(args or ["help"])])


if __name__ == "__main__":
    main()
