from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "fazhi.enforcement"
    label = "enforcement"
    verbose_name = _("行政执法")

    def ready(self) -> None:
        from fazhi.enforcement import worklist

        worklist.register_queues()  # 待办: 法制审核 and 负责人决定 (core sits below this app)
        # Acts under power items, for the power list's 零执法 count (powers sits below this app).
        from fazhi.enforcement import selectors_feedback as feedback
        from fazhi.powers import usage

        usage.register(
            "enforcement.cases", by_id=lambda year: feedback.cases_by_power_item(year=year)
        )
        usage.register(
            "enforcement.arrears",
            by_code=lambda year: feedback.arrears_acts_by_item_code(year=year),
        )
