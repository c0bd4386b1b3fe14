"""Admin for the evidence store (read-only: files are only added through the service)."""

from django.contrib import admin

from fazhi.core.admin.read_only import ReadOnlyAdmin
from fazhi.core.models.evidence import CustodyEntry, EvidenceAttachment, EvidenceFile


class _AttachmentInline(admin.TabularInline):
    model = EvidenceAttachment
    extra = 0
    fields = ("case_ref", "original_name", "declared_type", "attached_by", "attached_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class _CustodyInline(_AttachmentInline):
    model = CustodyEntry
    fields = ("at", "action", "actor", "attachment", "note")
    readonly_fields = fields


@admin.register(EvidenceFile)
class EvidenceFileAdmin(ReadOnlyAdmin):
    list_display = ("original_name", "mime_type", "size", "sha256", "uploaded_by", "uploaded_at")
    list_filter = ("mime_type",)
    search_fields = ("sha256", "original_name", "attachments__case_ref")
    date_hierarchy = "uploaded_at"
    inlines = [_AttachmentInline, _CustodyInline]


@admin.register(EvidenceAttachment)
class EvidenceAttachmentAdmin(ReadOnlyAdmin):
    list_display = ("case_ref", "original_name", "evidence", "attached_by", "attached_at")
    search_fields = ("case_ref", "original_name", "evidence__sha256")
    list_select_related = ("evidence", "attached_by")


@admin.register(CustodyEntry)
class CustodyEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "action", "evidence", "attachment", "actor", "note")
    list_filter = ("action",)
    search_fields = ("evidence__sha256", "attachment__case_ref", "note")
    list_select_related = ("evidence", "attachment", "actor")
    date_hierarchy = "at"
