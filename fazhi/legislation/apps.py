from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegislationConfig(AppConfig):
    name = "fazhi.legislation"
    label = "legislation"
    verbose_name = _("立法项目与上级草案征求意见")

    def ready(self) -> None:
        from fazhi.legislation import worklist

        worklist.register_queues()  # 待办: opinions on drafts from above awaiting signature
