"""The `fazhi` console script: `fazhi SUBCOMMAND ...` runs the management command of that name.

Exit codes: 0 success, 1 a rule says no (invalid, refused), 2 bad usage.
"""

from __future__ import annotations

import os
import re
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings.base")
    import django
    from django.core.management import execute_from_command_line, get_commands

    args = sys.argv[1:] if argv is None else argv
    if not args:
        args = ["help"]
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        sys.stderr.write(_missing_setting(str(exc)) + "\n")
        sys.exit(2)
    if not args[0].startswith("-") and args[0] != "help" and args[0] not in get_commands():
        sys.stderr.write(f"未知的子命令：{args[0]}。运行 `fazhi help` 查看全部子命令。\n")
        sys.exit(2)
    execute_from_command_line(["fazhi", *args])


def _missing_setting(message: str) -> str:
    """One line in Chinese naming the setting (django-environ says "Set the X environment
    variable")."""
    found = re.search(r"Set the (\w+) environment variable", message)
    if found:
        return (
            f"配置缺失：环境变量 {found.group(1)} 未设置。生产环境请在服务的环境中设置；"
            "本机开发请运行 make install（生成 .env，其中 FAZHI_DEBUG=true）。"
        )
    return f"配置有误：{message}"


if __name__ == "__main__":
    main()
