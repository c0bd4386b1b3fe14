"""The audit chain in the admin: readable, never writable."""

from django.contrib import admin

from fazhi.core.admin.read_only import ReadOnlyAdmin
from fazhi.core.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = (
        "seq",
        "occurred_at",
        "actor_label",
        "action",
        "target_type",
        "target_label",
        "ip",
    )
    list_filter = ("action", "target_type")
    search_fields = ("action", "actor_label", "target_label", "target_id", "request_id")
    date_hierarchy = "occurred_at"
    ordering = ("-seq",)
