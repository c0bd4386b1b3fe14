"""Admin for super-users and data fixes only; every business step goes through the services."""

from django.contrib import admin

from fazhi.disputes.models import LitigationCase, ProceedingRecord, ReconsiderationCase


@admin.register(ReconsiderationCase)
class ReconsiderationCaseAdmin(admin.ModelAdmin):
    list_display = ("reference", "role", "status", "org_unit", "received_on", "decision")
    list_filter = ("role", "status", "law", "decision")
    search_fields = ("reference", "act", "tracking_code")
    readonly_fields = ("tracking_code", "law", "status")


@admin.register(ProceedingRecord)
class ProceedingRecordAdmin(admin.ModelAdmin):
    list_display = ("case", "kind", "held_on")
    list_filter = ("kind",)


@admin.register(LitigationCase)
class LitigationCaseAdmin(admin.ModelAdmin):
    list_display = (
        "case_number",
        "court",
        "instance",
        "step",
        "org_unit",
        "received_on",
        "outcome",
    )
    list_filter = ("instance", "step", "outcome", "head_appeared")
    search_fields = ("case_number", "act", "plaintiff")
    readonly_fields = ("step",)
