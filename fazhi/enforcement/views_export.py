"""导出 Excel of 我的案件 (issue 19.7): the list as filtered, in the user's units."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required

from fazhi.core.views.exports import export_or_job, xlsx_download
from fazhi.enforcement import exports


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
