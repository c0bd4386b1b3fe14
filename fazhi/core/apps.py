from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "fazhi.core"
    label = "core"
    verbose_name = _("平台基础")

    def ready(self) -> None:
        from fazhi.core.lookups import register

        register()

        from django.core import checks

        checks.register(_check_docx_templates)

        from django.db.models.signals import post_migrate

        post_migrate.connect(_guard_audit_table, sender=self)


def _check_docx_templates(app_configs=None, **kwargs) -> list:
    """The bureau's edited Word templates are checked by `fazhi check` and `migrate`, not when a
    user prints."""
    from django.core.checks import Error

    from fazhi.core.documents import check_overrides

    return [Error(problem, id="fazhi.E001") for problem in check_overrides()]


def _guard_audit_table(sender, using="default", **kwargs) -> None:
    """Put the audit table's append-only triggers back after every migrate: on SQLite a later
    migration that rebuilds the table drops them with the old table."""
    from django.db import connections

    from fazhi.core.audit_guard import install

    install(connections[using])
