"""Django admin for super-users to look; business changes go through the services.

The catalogue and its items are read-only here (issue 19.1): a published 政务服务事项目录 is
what the public relies on, and the admin once edited it with no audit event. Versions are
created and published by ``catalogue_*`` services (page, API, CLI), which audit each change.
"""

from django.contrib import admin

from fazhi.core.admin.read_only import ReadOnlyAdmin
from fazhi.govservices.models import CatalogueVersion, LicenseApplication, ServiceItem


@admin.register(CatalogueVersion)
class CatalogueVersionAdmin(ReadOnlyAdmin):
    list_display = ("year", "label", "status", "published_on")


@admin.register(ServiceItem)
class ServiceItemAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "kind", "catalogue", "promised_days")
    list_filter = ("catalogue", "kind")
    search_fields = ("code", "name")


@admin.register(LicenseApplication)
class LicenseApplicationAdmin(ReadOnlyAdmin):
    list_display = ("reference", "item", "applicant_name", "status", "received_on", "decided_on")
    list_filter = ("status",)
    search_fields = ("reference", "applicant_name", "licence_number")
