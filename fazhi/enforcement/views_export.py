"""导出 Excel of 我的案件 and of 执法统计 (issue 19.7): as the page shows them, in the user's
units."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required

from fazhi.core.views.exports import cell, export_or_job, xlsx_download
from fazhi.enforcement import exports, selectors_stats
from fazhi.enforcement.views import stats_scope


@login_required
def case_list_xlsx(request):
    params = exports.params_from(request.GET)
    qs = exports.cases(user=request.user, params=params)
    count = qs.count()
    return export_or_job(
        request,
        count=count,
        kind=exports.KIND,
        params=params,
        key_extra=f"{count}:{qs.order_by('-updated_at').values_list('updated_at', flat=True).first()}",
        download=lambda: xlsx_download(
            header=exports.HEADER, rows=exports.rows(qs), title=exports.WHAT, what=exports.WHAT
        ),
    )


STATS_HEADER = ["统计口径", "分类", "事项编码", "项目", "件数"]


@login_required
def stats_xlsx(request):
    """The 执法统计 page's year and units as one sheet: a row per group of each table."""
    unit_ids, year, _ = stats_scope(request)
    stats = selectors_stats.yearly_statistics(year=year, unit_ids=unit_ids)
    scope = "全局" if unit_ids is None else "本单位及下级单位"
    rows = [[scope, "合计", "", "收案", cell(stats["total"])]]
    for group, key in (
        ("按职权类别", "by_kind"),
        ("按案件来源", "by_source"),
        ("按处理结果", "by_outcome"),
    ):
        rows += [[scope, group, "", r["label"], cell(r["count"])] for r in stats[key]]
    rows += [
        [scope, "按权责事项", r["code"], r["name"], cell(r["count"])]
        for r in stats["by_power_item"]
    ]
    what = f"执法统计-{year}年"
    return xlsx_download(header=STATS_HEADER, rows=rows, title=f"{year}年执法统计", what=what)
