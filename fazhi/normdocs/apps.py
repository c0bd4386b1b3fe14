from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NormdocsConfig(AppConfig):
    name = "fazhi.normdocs"
    label = "normdocs"
    verbose_name = _("规范性文件")

    def ready(self) -> None:
        from fazhi.normdocs import worklist

        worklist.register_queues()  # 待办: 合法性审核 (core sits below this app)
