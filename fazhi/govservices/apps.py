from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    # The package was ``fazhi.services`` (it collided with the services layer:
    # ``fazhi.services.services.licensing``). The label stays ``services`` so the tables, the
    # migration history and the content types of existing databases carry on unchanged.
    name = "fazhi.govservices"
    label = "services"
    verbose_name = _("政务服务与行政许可")

    def ready(self) -> None:
        # Licence applications under power items, for the power list's 零执法 count (powers
        # sits below this app).
        from fazhi.govservices.selectors import applications_by_power_item
        from fazhi.powers import usage

        usage.register(
            "govservices.applications",
            by_id=lambda year: applications_by_power_item(year=year),
        )
