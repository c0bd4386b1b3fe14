from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NormdocsConfig(AppConfig):
    name = "fazhi.normdocs"
    label = "normdocs"
    verbose_name = _("规范性文件")
