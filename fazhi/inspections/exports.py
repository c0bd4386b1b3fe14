"""导出 Excel of check results (issue 19.7): every result of a draw or a year, published or not
(the staff list; the public page shows only published ones); a long list runs as the
background job ``inspections.results_xlsx``."""

from __future__ import annotations

from pathlib import Path

from fazhi.inspections.models import CheckResult

KIND = "inspections.results_xlsx"
WHAT = "双随机抽查结果"
HEADER = [
    "抽取编号",
    "抽查计划",
    "单位名称",
    "统一社会信用代码",
    "检查结果",
    "检查完成日期",
    "检查情况",
    "执法案件编号",
    "公示日期",
    "逾期录入",
]
FIELDS = (
    "check_record__draw__number",
    "check_record__draw__plan__title",
    "check_record__employer_name",
    "check_record__uscc",
    "outcome",
    "checked_on",
    "summary",
    "case_ref",
    "published_on",
    "entered_late",
)


def params_from(get) -> dict:
    return {k: get[k][:20] for k in ("draw", "year") if get.get(k, "").isdigit()}


def results(*, params: dict):
    qs = CheckResult.objects.all()
    if params.get("draw"):
        qs = qs.filter(check_record__draw_id=int(params["draw"]))
    if params.get("year"):
        qs = qs.filter(check_record__draw__plan__year=int(params["year"]))
    return qs.order_by("check_record__draw__number", "check_record__index")


def rows(qs):
    outcomes = dict(CheckResult.Outcome.choices)
    for row in qs.values_list(*FIELDS).iterator(chunk_size=2000):
        row = list(row)
        row[4] = outcomes.get(row[4], row[4])
        row[9] = "是" if row[9] else "否"
        yield [v.isoformat() if hasattr(v, "isoformat") else v for v in row]


def results_xlsx(*, job, workdir: Path, progress):
    from fazhi.core.views.exports import write_xlsx, xlsx_name

    qs = results(params=job.params)
    total = qs.count()
    name = xlsx_name(WHAT)
    count = write_xlsx(
        workdir / name, HEADER, rows(qs), WHAT, progress=lambda done: progress(done, total)
    )
    return workdir / name, name, {"rows": count}
