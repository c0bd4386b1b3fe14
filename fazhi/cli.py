"""The `fazhi` console script: `fazhi SUBCOMMAND ...` runs the management command of that name.

Exit codes: 0 success, 1 a rule says no (invalid, refused), 2 bad usage.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings.base")
    import django
    from django.core.management import execute_from_command_line, get_commands

    args = sys.argv[1:] if argv is None else argv
    if not args:
        args = ["help"]
    django.setup()
    if not args[0].startswith("-") and args[0] != "help" and args[0] not in get_commands():
        sys.stderr.write(f"未知的子命令：{args[0]}。运行 `fazhi help` 查看全部子命令。\n")
        sys.exit(2)
    execute_from_command_line(["fazhi", *args])


if __name__ == "__main__":
    main()
