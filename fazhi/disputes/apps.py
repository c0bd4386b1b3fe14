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
        # The publicity demo withdraws a case's penalty through a 复议 (publicity sits below us).
        from fazhi.disputes import demo_publicity
        from fazhi.publicity import demo as publicity_demo

        publicity_demo.register_revocation(
            demo_publicity.SOURCE_TYPE, demo_publicity.revoked_on_reconsideration
        )
