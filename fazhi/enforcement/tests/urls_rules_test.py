"""Test urlconf: the project's URLs with urls_rules merged into the "enforcement" namespace, the
way the lead wires them (staff pages at /staff/enforcement/). The public benchmark page is
mounted at /staff/enforcement/public/ here; in the project it goes on the portal side."""

from django.urls import include, path

from fazhi.enforcement import urls as case_urls
from fazhi.enforcement.urls_rules import public_urlpatterns
from fazhi.enforcement.urls_rules import urlpatterns as rules_urlpatterns
from fazhi.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    path(
        "staff/enforcement/",
        include(
            (
                [
                    *rules_urlpatterns,
                    path("public/", include(public_urlpatterns)),
                    *case_urls.urlpatterns,
                ],
                "enforcement",
            ),
            namespace="enforcement",
        ),
    ),
    *project_urlpatterns,
]

# The API: api_rules.router is mounted on the project's API (fazhi/api.py) under /enforcement.
API_PREFIX = "/api/v1/enforcement"
