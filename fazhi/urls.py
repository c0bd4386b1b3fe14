from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from fazhi.api import api, routes_first

admin.site.site_header = "法治平台 · 系统管理"
admin.site.site_title = "法治平台"


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the static icon."""
    return redirect(static("fazhi/favicon.svg"))


urlpatterns = [
    path("favicon.ico", favicon),
    path("api/v1/", include(routes_first("education_answer_save"))),
    path("", include("fazhi.portal.urls")),
    path("staff/", include("fazhi.core.urls")),
    path("staff/accounts/", include("fazhi.accounts.urls")),
    path("staff/normdocs/", include("fazhi.normdocs.urls")),
    path("normdocs/", include("fazhi.normdocs.public_urls")),
    path("staff/disputes/", include("fazhi.disputes.urls")),
    path("disputes/", include("fazhi.disputes.public_urls")),
    path("staff/powers/", include("fazhi.powers.urls")),
    path("powers/", include("fazhi.powers.public_urls")),
    path("staff/officers/", include("fazhi.officers.urls")),
    path("officers/", include("fazhi.officers.public_urls")),
    path("staff/enforcement/", include("fazhi.enforcement.urls")),
    path("enforcement/", include("fazhi.enforcement.public_urls")),
    path("staff/services/", include("fazhi.govservices.urls")),
    path("services/", include("fazhi.govservices.public_urls")),
    path("staff/publicity/", include("fazhi.publicity.urls")),
    path("publicity/", include("fazhi.publicity.public_urls")),
    path("staff/inspections/", include("fazhi.inspections.urls")),
    path("inspections/", include("fazhi.inspections.public_urls")),
    path("staff/supervision/", include("fazhi.supervision.urls")),
    path("staff/reports/", include("fazhi.reports.urls")),
    path("staff/education/", include("fazhi.education.urls")),
    path("reports/", include("fazhi.reports.public_urls")),
    path("staff/decisions/", include("fazhi.decisions.urls")),
    path("decisions/", include("fazhi.decisions.public_urls")),
    path("staff/legislation/", include("fazhi.legislation.urls")),
    path("staff/planning/", include("fazhi.planning.urls")),
    path("legislation/", include("fazhi.legislation.public_urls")),
    path("pufa/", include("fazhi.education.public_urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

handler403 = "fazhi.core.views.errors.permission_denied"
handler404 = "fazhi.core.views.errors.not_found"
handler500 = "fazhi.core.views.errors.server_error"
