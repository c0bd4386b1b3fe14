"""Demo for `fazhi demo`: 法规处's first draft of the 2019 report in the seed's ten-part layout,
generated from the records the other apps' demos hold (runs after them: INSTALLED_APPS order)."""

from __future__ import annotations

from fazhi.reports.models import Report
from fazhi.reports.services import report_draft


def load(ctx) -> None:
    if Report.objects.filter(year=2019, layout="seed").exists():
        return
    report = report_draft(year=2019, layout="seed", actor=ctx.users["fagui"])
    ctx.created["年度报告初稿"] += 1
    missing = sum(1 for f in report.figures.values() if f["value"] is None)
    ctx.notes.append(
        f"2019年法治政府建设情况报告初稿：{len(report.figures)}项数字取自记录，{missing}项缺少记录"
        "（立法、决策、执法监督、第一责任人、普法模块尚未上线）。"
    )
