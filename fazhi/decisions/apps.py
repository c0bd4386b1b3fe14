from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "fazhi.decisions"
    label = "decisions"
    verbose_name = _("重大行政决策、法律顾问与公平竞争审查")

    def ready(self) -> None:
        from fazhi.decisions import worklist

        worklist.register_queues()  # 待办: 合法性审查 and 归档 (core sits below this app)
