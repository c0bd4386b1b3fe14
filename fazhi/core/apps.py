from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "fazhi.core"
    label = "core"
    verbose_name = _("平台基础")

    def ready(self) -> None:
        from fazhi.core.lookups import register

        register()

        from django.db.models.signals import post_migrate

        post_migrate.connect(_guard_audit_table, sender=self)


def _guard_audit_table(sender, using="default", **kwargs) -> None:
    """Put the audit table's append-only triggers back after every migrate: on SQLite a later
    migration that rebuilds the table drops them with the old table."""
    from django.db import connections

    from fazhi.core.audit_guard import install

    install(connections[using])
