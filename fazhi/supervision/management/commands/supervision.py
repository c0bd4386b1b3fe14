"""`fazhi supervision push`: send the queued case records to the city platform (retries).
`fazhi supervision scan [--date YYYY-MM-DD] [--json]`: the daily warning scan (idempotent; a
run killed halfway is finished by the next). `fazhi supervision rules`: the rules in force with
their thresholds and articles (a threshold that does not parse stops with its message)."""

from __future__ import annotations

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.core.domain.errors import Refused
from fazhi.supervision import selectors
from fazhi.supervision.domain.warnings import NOT_EVALUATED, RULES
from fazhi.supervision.push import send_due
from fazhi.supervision.services import oversight_escalate_overdue, warnings_scan


class Command(BaseCommand):
    help = "执法监督：scan 运行执法预警扫描；rules 列出预警规则及其参数"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["scan", "rules", "push"])
        parser.add_argument("--date", help="核查日期（默认：今天）")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        try:
            if options["action"] == "rules":
                return self._rules(options["json"])
            if options["action"] == "push":
                result = send_due()
                if options["json"]:
                    self.stdout.write(json.dumps(result, ensure_ascii=False))
                else:
                    self.stdout.write(
                        f"已推送 {result['sent']} 条，失败 {result['failed']} 条，待推送 {result['pending']} 条"
                    )
                return
            today = timezone.localdate()
            if options["date"]:
                try:
                    today = date.fromisoformat(options["date"])
                except ValueError:
                    raise CommandError(f"日期“{options['date']}”不合法", returncode=2) from None
            run = warnings_scan(today=today)
            escalated = oversight_escalate_overdue(today=today)
        except Refused as exc:
            raise CommandError(str(exc), returncode=2) from None
        result = {
            "today": today.isoformat(),
            "checked": run.checked,
            "opened": run.opened,
            "closed": run.closed,
            "escalated": escalated,
        }
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        else:
            self.stdout.write(
                f"{today:%Y-%m-%d} 核查 {run.checked} 件，新发预警 {run.opened} 条，消除 {run.closed} 条；"
                f"逾期未回复的督办 {escalated} 件"
            )

    def _rules(self, as_json: bool):
        t = selectors.thresholds()
        rows = [
            {
                "code": code,
                "title": r.title,
                "basis": r.basis,
                "thresholds": {k: str(v) for k, v in t[code].items()},
                "not_evaluated": NOT_EVALUATED.get(code, ""),
            }
            for code, r in RULES.items()
        ]
        if as_json:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            params = "，".join(f"{k}={v}" for k, v in row["thresholds"].items()) or "—"
            note = f"（{row['not_evaluated']}）" if row["not_evaluated"] else ""
            self.stdout.write(f"{row['title']}：{params}；依据 {row['basis']}{note}")
