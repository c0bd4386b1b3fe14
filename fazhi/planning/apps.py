from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "fazhi.planning"
    label = "planning"
    verbose_name = _("法治建设第一责任人与年度计划")
