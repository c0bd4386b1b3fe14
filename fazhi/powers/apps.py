from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PowersConfig(AppConfig):
    name = "fazhi.powers"
    label = "powers"
    verbose_name = _("权责清单")

    def ready(self) -> None:
        # A corpus import that amends or repeals a cited article flags the items citing it for
        # 复核 (laws sits below powers, so it calls what is registered).
        from fazhi.laws import changes
        from fazhi.powers.services import power_items_flag_changed_law

        changes.register("powers.items", power_items_flag_changed_law)
