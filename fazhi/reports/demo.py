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
    missing = [f["title"] for f in report.figures.values() if f["value"] is None]
    known = len(report.figures) - len(missing)
    ctx.notes.append(
        f"2019年法治政府建设情况报告初稿：{known}项数字取自记录，{len(missing)}项缺少记录"
        + (f"（{'、'.join(missing)}）。" if missing else "。")
    )
