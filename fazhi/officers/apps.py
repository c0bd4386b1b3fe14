from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficersConfig(AppConfig):
    name = "fazhi.officers"
    label = "officers"
    verbose_name = _("执法人员与执法证")
