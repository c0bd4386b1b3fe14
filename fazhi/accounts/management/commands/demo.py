"""`fazhi demo [--force] [--today YYYY-MM-DD]`: load the demo bureau and print its logins."""

from __future__ import annotations

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.console import Console
from rich.table import Table

from fazhi.accounts.scenario import DEMO_ACCOUNTS, DemoRefused, demo_load
from fazhi.core.roles import role_by_code


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{value}", returncode=2) from exc


class Command(BaseCommand):
    help = "加载演示数据（2019 年的市人社局、各角色演示账号），可重复运行"

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="库中已有正式账号时仍然加载")
        parser.add_argument("--today", type=_day, default=None, help="演示期限的基准日，默认今天")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        today = options["today"] or timezone.localdate()
        try:
            ctx = demo_load(today=today, force=options["force"])
        except DemoRefused as exc:
            raise CommandError(str(exc), returncode=1) from exc
        accounts = [
            {
                "username": a.username,
                "password": a.password,
                "full_name": a.full_name,
                "unit": ctx.units[a.unit].name,
                "roles": [role_by_code(code).name for code in a.roles],
            }
            for a in DEMO_ACCOUNTS
        ]
        created = {k: v for k, v in sorted(ctx.created.items()) if v}
        if options["json"]:
            body = {"created": created, "notes": ctx.notes, "accounts": accounts}
            self.stdout.write(json.dumps(body, ensure_ascii=False))
            return
        console = Console(file=self.stdout, soft_wrap=True)
        if not console.is_terminal:
            console.width = 120  # piped or captured: do not cut unit names at 80 columns
        summary = "、".join(f"{k} {v}" for k, v in created.items()) or "无（已是最新）"
        console.print(f"演示数据已加载。本次新建：{summary}")
        for note in ctx.notes:
            console.print(f"[yellow]提示：{note}[/yellow]")
        table = Table(title="演示账号（仅供演示，正式环境请勿使用）")
        for column in ("用户名", "密码", "姓名", "单位", "角色"):
            table.add_column(column)
        for a in accounts:
            table.add_row(
                a["username"], a["password"], a["full_name"], a["unit"], "、".join(a["roles"])
            )
        console.print(table)
        console.print("工作人员入口：http://127.0.0.1:8000/staff/")
