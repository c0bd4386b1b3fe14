from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "fazhi.accounts"
    label = "accounts"
    verbose_name = _("机构与人员")

    def ready(self) -> None:
        # The API's token auth is core's; the tokens are this app's (core sits below accounts).
        from fazhi.accounts import services
        from fazhi.core.api.auth import register_token_check

        register_token_check(lambda key: services.api_token_authenticate(clear_key=key))
