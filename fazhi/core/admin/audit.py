"""The audit chain in the admin: readable, never writable."""

from django.contrib import admin

from fazhi.core.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
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

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
