"""Django admin for super-users and data fixes only; business changes go through the services."""

from django.contrib import admin

from fazhi.govservices.models import CatalogueVersion, LicenseApplication, ServiceItem


@admin.register(CatalogueVersion)
class CatalogueVersionAdmin(admin.ModelAdmin):
    list_display = ("year", "label", "status", "published_on")


@admin.register(ServiceItem)
class ServiceItemAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "catalogue", "promised_days")
    list_filter = ("catalogue", "kind")
    search_fields = ("code", "name")


@admin.register(LicenseApplication)
class LicenseApplicationAdmin(admin.ModelAdmin):
    list_display = ("reference", "item", "applicant_name", "status", "received_on", "decided_on")
    list_filter = ("status",)
    search_fields = ("reference", "applicant_name", "licence_number")
    readonly_fields = [f.name for f in LicenseApplication._meta.fields]
