from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegislationConfig(AppConfig):
    name = "fazhi.legislation"
    label = "legislation"
    verbose_name = _("立法项目与上级草案征求意见")
