"""`fazhi discretion import|publish|propose|list`: 裁量基准 versions from the command line.

* ``import [FILE …]`` — load benchmark TOML files as drafts (default: the shipped ones).
* ``publish VERSION --from YYYY-MM-DD`` — publish a draft; the previous set ends the day before.
* ``propose --violation lsi-25 --on 2019-06-01 [--workers N --months N --amount X
  --first-offence --corrected --harm minor --circumstance KEY …]`` — the proposed range.
* ``list`` — the versions and their effective periods.

``--json`` prints JSON. Exit codes: 0 success, 1 refused, 2 bad usage.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from fazhi.accounts.models import User
from fazhi.core.domain.errors import Refused
from fazhi.enforcement.domain.discretion import Facts
from fazhi.enforcement.models import DiscretionBenchmarkSet
from fazhi.enforcement.services import discretion as services


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CommandError(f"日期“{value}”无效，应为 YYYY-MM-DD", returncode=2) from None


class Command(BaseCommand):
    help = "裁量基准：import 导入、publish 发布、propose 试算、list 列出版本"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["import", "publish", "propose", "list"])
        parser.add_argument("targets", nargs="*", help="import：文件；publish：版本号")
        parser.add_argument("--from", dest="effective_from", help="publish：施行日期")
        parser.add_argument(
            "--actor",
            default="",
            help="操作人用户名：import、publish 须填写，按其角色判断能否办理并写入审计记录",
        )
        parser.add_argument("--violation", default="")
        parser.add_argument("--on", default="", help="propose：违法行为发生日")
        parser.add_argument("--workers", type=int, default=0)
        parser.add_argument("--months", type=int, default=0)
        parser.add_argument("--amount", default="0")
        parser.add_argument("--party", choices=["org", "person"], default="org")
        parser.add_argument("--first-offence", action="store_true")
        parser.add_argument("--corrected", action="store_true")
        parser.add_argument("--harm", choices=["", "none", "minor", "serious"], default="")
        parser.add_argument("--circumstance", action="append", default=[])
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **o):
        actor = None
        if o["actor"]:
            actor = User.objects.filter(username=o["actor"]).first()
            if actor is None:
                raise CommandError(f"用户“{o['actor']}”不存在", returncode=2)
        try:
            getattr(self, f"_{o['action']}")(o, actor)
        except (Refused, PermissionDenied) as exc:
            raise CommandError(str(exc), returncode=1) from None

    def _out(self, o, data, text: str) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, default=str) if o["json"] else text)

    def _import(self, o, actor) -> None:
        paths = o["targets"] or sorted(services.BENCHMARK_DIR.glob("*.toml"))
        done = [services.discretion_set_import(path=p, actor=actor) for p in paths]
        self._out(
            o,
            [{"version": s.version, "status": s.status} for s in done],
            "\n".join(f"已导入 {s.version}（{s.get_status_display()}）：{s.title}" for s in done),
        )

    def _publish(self, o, actor) -> None:
        if len(o["targets"]) != 1 or not o["effective_from"]:
            raise CommandError(
                "用法：fazhi discretion publish 版本号 --from YYYY-MM-DD", returncode=2
            )
        benchmark_set = DiscretionBenchmarkSet.objects.filter(version=o["targets"][0]).first()
        if benchmark_set is None:
            raise CommandError(f"版本“{o['args'][0]}”不存在", returncode=1)
        s = services.discretion_set_publish(
            benchmark_set=benchmark_set, effective_from=_day(o["effective_from"]), actor=actor
        )
        self._out(
            o,
            {"version": s.version, "effective_from": s.effective_from},
            f"已发布 {s.version}，自 {s.effective_from} 起施行。",
        )

    def _propose(self, o, actor) -> None:
        if not o["violation"] or not o["on"]:
            raise CommandError("propose 需要 --violation 和 --on", returncode=2)
        try:
            amount = Decimal(o["amount"])
        except InvalidOperation:
            raise CommandError(f"金额“{o['amount']}”无效", returncode=2) from None
        facts = Facts(
            workers=o["workers"],
            months=o["months"],
            amount=amount,
            party_kind=o["party"],
            first_offence=o["first_offence"],
            corrected=o["corrected"],
            harm=o["harm"],
            circumstances=tuple(o["circumstance"]),
        )
        p = services.discretion_propose(
            violation_code=o["violation"], facts=facts, on=_day(o["on"])
        )
        text = (
            f"{p.violation_code}（{p.benchmark_version}）阶次：{p.tier_label}；"
            f"幅度 {p.min_amount}–{p.max_amount} 元；建议 {p.suggested if p.suggested is not None else '—'} 元"
            f"{'；可以不予处罚' if p.no_penalty_allowed else ''}\n{p.explanation}"
        )
        self._out(o, services.proposal_as_dict(p), text)

    def _list(self, o, actor) -> None:
        sets = list(services.discretion_set_list())
        data = [
            {
                "version": s.version,
                "title": s.title,
                "status": s.status,
                "effective_from": s.effective_from,
                "effective_to": s.effective_to,
                "to_confirm": s.to_confirm,
            }
            for s in sets
        ]
        if o["json"]:
            self._out(o, data, "")
            return
        table = Table(title="裁量基准")
        for column in ("版本", "名称", "状态", "施行", "失效"):
            table.add_column(column)
        for s in sets:
            table.add_row(
                s.version,
                s.title,
                s.get_status_display(),
                str(s.effective_from or "—"),
                str(s.effective_to or "—"),
            )
        Console(file=self.stdout, width=120).print(table)
