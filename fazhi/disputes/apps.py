from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisputesConfig(AppConfig):
    name = "fazhi.disputes"
    label = "disputes"
    verbose_name = _("行政复议与应诉")

    def ready(self) -> None:
        # Applications received as 复议机关 are acts under the 复议 power item (零执法 count).
        from fazhi.disputes import selectors
        from fazhi.powers import usage

        usage.register(
            "disputes.reconsideration",
            by_code=lambda year: selectors.reconsideration_power_uses(year=year),
        )
