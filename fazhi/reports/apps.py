from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "fazhi.reports"
    label = "reports"
    verbose_name = _("法治政府建设年度报告")

    def ready(self) -> None:
        from fazhi.reports import figures, worklist  # noqa: F401 - importing figures registers them

        worklist.register_queues()  # 待办: the previous year's report from 1 January
